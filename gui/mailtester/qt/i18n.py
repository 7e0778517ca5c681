"""Translations of the window: Qt's own, then ours; a stretched pseudo-locale
for finding clipped layouts; translated timeline notes and input errors."""

from __future__ import annotations

import re
import ssl

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QTimeZone,
    QTranslator,
)

from ..resources import resource_path
from ..settings import LANGUAGES

PSEUDO = "pseudo"
_installed: list[QTranslator] = []


def system_language() -> str:
    code = QLocale.system().name().split("_")[0]
    return code if code in LANGUAGES else "en"


def install(lang: str | None) -> str:
    """Install the translators for `lang` (None or "" = the system's); return the language used."""
    app = QCoreApplication.instance()
    assert app is not None
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    lang = lang or system_language()
    # dates and numbers in the window's language: the system's own format when it speaks it
    system = QLocale.system()
    QLocale.setDefault(system if system.name().split("_")[0] == lang else QLocale("tr_TR" if lang == "tr" else "en_US"))
    if lang == PSEUDO:
        _installed.append(PseudoTranslator(app))
    elif lang != "en":
        for name, folder in ((f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                             (f"mailtester_{lang}", str(resource_path("translations")))):
            t = QTranslator(app)
            if t.load(name, folder):
                _installed.append(t)
    for t in _installed:
        app.installTranslator(t)
    return lang


def local_cert_time(text: str) -> str:
    """A certificate date ("Jan  1 00:00:00 2027 GMT") in the window's language, with its
    time zone; as it came when it is not in that form."""
    try:
        seconds = ssl.cert_time_to_seconds(text)
    except ValueError:
        return text
    when, locale = QDateTime.fromSecsSinceEpoch(int(seconds), QTimeZone.utc()), QLocale()
    return (f"{locale.toString(when.date(), QLocale.FormatType.LongFormat)} "
            f"{locale.toString(when.time(), QLocale.FormatType.ShortFormat)} UTC")


def local_number(value: float, decimals: int = 3) -> str:
    """A number in the window's language (1.234 in English, 1,234 in Turkish)."""
    return QLocale().toString(value, "f", decimals)


_PLACEHOLDER = re.compile(r"(%\d|&(?=\w)|\{\w*\}|<[^>]+>|https?://\S+)")
_ACCENTS = str.maketrans("aeiouAEIOUcnyCNY", "àéîõüÀÉÎÕÜçñýÇÑÝ")


def stretch(text: str) -> str:
    """Pseudo-translation: accented and about 40 % longer, placeholders kept.

    The padding comes in short words, as a real translation's would, so that
    wrapping labels can still break lines.
    """
    parts = _PLACEHOLDER.split(text)
    out = "".join(p if _PLACEHOLDER.fullmatch(p) else p.translate(_ACCENTS) for p in parts)
    pad = max(2, len(text) * 2 // 5)
    padding = "~" * min(pad, 4) + "".join(" ~~~~" for _ in range((pad - 4) // 5)) if pad > 4 else "~" * pad
    return f"[{out}{padding}]"


class PseudoTranslator(QTranslator):
    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return stretch(source)

    def isEmpty(self) -> bool:
        return False


# Timeline notes (the engine's NOTES keys), translated on display.
NOTE_TEXTS = {
    "lookup": QT_TRANSLATE_NOOP("Timeline", "Looking up %1"),
    "lookup-timeout": QT_TRANSLATE_NOOP("Timeline", "The name lookup did not answer in time"),
    "lookup-failed": QT_TRANSLATE_NOOP("Timeline", "The name was not found: %1"),
    "connecting": QT_TRANSLATE_NOOP("Timeline", "Connecting to %1 port %2"),
    "connect-timeout": QT_TRANSLATE_NOOP("Timeline", "No answer from %1 within %2 s"),
    "refused": QT_TRANSLATE_NOOP("Timeline", "%1 refused the connection"),
    "unreachable": QT_TRANSLATE_NOOP("Timeline", "Cannot reach %1: %2"),
    "connected": QT_TRANSLATE_NOOP("Timeline", "Connected to %1 port %2"),
    "gave-up": QT_TRANSLATE_NOOP("Timeline", "Gave up: the whole test took longer than %1 s"),
    "no-greeting": QT_TRANSLATE_NOOP("Timeline", "No greeting from the server within %1 s"),
    "no-reply": QT_TRANSLATE_NOOP("Timeline", "No reply from the server within %1 s"),
    "closed": QT_TRANSLATE_NOOP("Timeline", "The server closed the connection"),
    "tls-start": QT_TRANSLATE_NOOP("Timeline", "Starting TLS"),
    "tls-failed": QT_TRANSLATE_NOOP("Timeline", "TLS failed: %1"),
    "tls-changed": QT_TRANSLATE_NOOP("Timeline", "TLS failed: the certificate changed since you trusted it"),
    "tls-ok": QT_TRANSLATE_NOOP("Timeline", "TLS established: %1, %2"),
    "tls-pinned": QT_TRANSLATE_NOOP("Timeline", "TLS established: %1, %2 (certificate pinned by you)"),
    "discarded": QT_TRANSLATE_NOOP("Timeline",
                                   "Discarded data the server sent after 220 and before encryption started"),
    "discarded-any": QT_TRANSLATE_NOOP(
        "Timeline", "Discarded data the server sent after its go-ahead and before encryption started"),
    "mechanism": QT_TRANSLATE_NOOP("Timeline", "Server offers %1; using %2"),
    "native-login": QT_TRANSLATE_NOOP("Timeline", "Server offers %1; using the %2 command"),
    "cram-preferred": QT_TRANSLATE_NOOP(
        "Timeline", "Without encryption CRAM-MD5 is used: the password itself does not cross the network"),
    "no-capa": QT_TRANSLATE_NOOP("Timeline",
                                 "The server does not list its capabilities; trying the usual commands"),
    "probe-tls": QT_TRANSLATE_NOOP(
        "Timeline", "No greeting yet: trying SSL/TLS on a second connection to the same port (no password sent)"),
    "probe-tls-yes": QT_TRANSLATE_NOOP(
        "Timeline", "The second connection answered in SSL/TLS: this port expects encryption from the first byte"),
    "probe-tls-no": QT_TRANSLATE_NOOP("Timeline", "The second connection did not answer in SSL/TLS either"),
    "probe-plain": QT_TRANSLATE_NOOP(
        "Timeline", "Reading what the port says without encryption, on a second connection (no password sent)"),
    "probe-plain-result": QT_TRANSLATE_NOOP("Timeline", "Without encryption this port speaks %1"),
    "probe-plain-starttls": QT_TRANSLATE_NOOP(
        "Timeline", "Without encryption this port speaks %1 and offers STARTTLS"),
}


# The arguments that are the system's or OpenSSL's own words (English, whatever the
# window's language): quoted, so they read as a detail and not as part of the sentence.
_QUOTED_ARGS = {"lookup-failed": (1,), "unreachable": (2,), "tls-failed": (1,)}


def note_text(key: str, args: tuple[str, ...]) -> str:
    text = QCoreApplication.translate("Timeline", str(NOTE_TEXTS[key]))
    for i, arg in enumerate(args, 1):
        text = text.replace(f"%{i}", f"\u201c{arg}\u201d" if i in _QUOTED_ARGS.get(key, ()) else arg)
    return text


# The messages of mailtester.settings.InvalidInput, translated where shown.
INPUT_ERRORS = (
    QT_TRANSLATE_NOOP("InputError", "Enter the server name, for example smtp.example.com."),
    QT_TRANSLATE_NOOP("InputError", "The server name contains a line break or control character."),
    QT_TRANSLATE_NOOP("InputError", "Enter only the server name, without a prefix like smtp:// or https://."),
    QT_TRANSLATE_NOOP("InputError", "The server name cannot contain spaces."),
    QT_TRANSLATE_NOOP("InputError", "Enter only the server name, without a path or an @."),
    QT_TRANSLATE_NOOP("InputError", "This is not a valid IPv6 address."),
    QT_TRANSLATE_NOOP("InputError", "Enter the port in its own field, not after the server name."),
    QT_TRANSLATE_NOOP("InputError", "This is not a valid server name: use letters, digits, dots and hyphens."),
    QT_TRANSLATE_NOOP("InputError", "The port must be a number from 1 to 65535."),
    QT_TRANSLATE_NOOP("InputError", "The user name contains a line break or control character."),
    QT_TRANSLATE_NOOP("InputError", "The password contains a line break, which cannot be sent."),
    QT_TRANSLATE_NOOP("InputError", "The token contains a line break, which cannot be sent."),
)


def input_error(message: str) -> str:
    return QCoreApplication.translate("InputError", message)
