"""Redaction of server text: every form in which a secret the client sent can
come back, found over normalized views of the text.

The session names what is secret as it builds each command (the password,
the token, each SASL message, an IMAP quoted string, an APOP digest); a
server that echoes any of it, in whatever encoding, sees it replaced by
[redacted] before the text is shown, logged or written. Only server text is
redacted: the client's own lines are built redacted at the source, so a
password that happens to be a common word never blanks protocol text.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence

from .credentials import REDACTED
from .replies import show_controls

# Shorter decoded matches would blank random base64 and hex in honest replies
# (a CRAM-MD5 challenge, a session id); a secret that short is still caught
# through the exact forms of the messages that carried it.
MIN_DECODED_MATCH = 3
_BASE64_RUN = re.compile(r"[A-Za-z0-9+/]{4,}={0,2}")
_HEX_RUN = re.compile(r"(?:[0-9A-Fa-f]{2}){3,}")
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")
_JSON_ESCAPE = re.compile(r'\\(?:u[0-9A-Fa-f]{4}|["\\/bfnrt])')
# Characters a server may put inside an echo to break it up: whitespace, and
# the control pictures that line breaks become in display text.
_SPLITTERS = frozenset(" \t\u240d\u240a\u2409")
# What starts each line of a reply (SMTP code and enhanced code, IMAP tag or
# "*" and status, POP3 status, a continuation): dropped in the view that
# rejoins an echo split over several lines.
_LINE_PREFIX = re.compile(r"^(?:(?:[2-5]\d\d[ -])?[245]\.\d{1,3}\.\d{1,3}(?=\s)|[2-5]\d\d[ -]|\+ ?|[+-](?:OK|ERR)\b"
                          r"|\S+ (?:OK|NO|BAD|BYE|PREAUTH)\b(?: \[[^\]]*\])?)", re.I)

Span = tuple[int, int]  # a range of characters
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")


def percent_encoded(value: str, plus: bool = False) -> str:
    """urllib.parse.quote(value, safe="") (with plus, quote_plus): urllib.parse and the ipaddress
    module it imports would cost every check more at start than all of its redaction (issue 14)."""
    return "".join(c if c in _UNRESERVED else "+" if plus and c == " " else f"%{ord(c):02X}"
                   for c in value.encode("utf-8").decode("latin-1"))


class Redactor:
    def __init__(self) -> None:
        self.forms: set[str] = set()  # text forms, searched in every view
        self.blobs: set[bytes] = set()  # raw bytes, searched in decoded base64 and hex runs

    # -- what is secret ---------------------------------------------------------------

    def add_secret(self, value: str) -> None:
        if not value:
            return
        variants = {value, value.strip(), unicodedata.normalize("NFC", value), unicodedata.normalize("NFD", value)}
        for v in list(variants):
            variants.add(v.encode("utf-8").decode("latin-1"))  # UTF-8 bytes shown as Latin-1
            variants.add(json.dumps(v)[1:-1])
            variants.add(json.dumps(v, ensure_ascii=False)[1:-1])
            variants.add(percent_encoded(v))
            variants.add(percent_encoded(v, plus=True))
        for v in variants:
            if v:
                self.forms.add(v)
                self.forms.add(show_controls(v))  # as display text shows it
        for v in (value, value.strip()):
            for encoding in ("utf-8", "latin-1"):
                try:
                    self.blobs.add(v.encode(encoding))
                except UnicodeEncodeError:
                    continue

    def add_message(self, data: bytes) -> None:
        """A whole message that carried a secret (a SASL response, a literal)."""
        if data:
            self.forms.add(base64.b64encode(data).decode())
            self.blobs.add(data)

    def add_forms(self, forms: Iterable[str]) -> None:
        """Exact forms a command carried (its base64, a quoted string), as the core named them."""
        for f in forms:
            if f:
                self.forms.add(f)
                self.forms.add(show_controls(f))

    def add_all(self, values: Iterable[str]) -> None:
        for v in values:
            self.add_secret(v)

    # -- redacting -------------------------------------------------------------------

    def __call__(self, text: str) -> str:
        return self.lines([text])[0]

    def lines(self, lines: Sequence[str]) -> list[str]:
        """Redact lines that arrived together (one reply), so that an echo split
        over two lines is found too."""
        if not self.forms or not any(lines):
            return list(lines)
        joined = "\n".join(lines)
        marked = self._find(joined)
        if not marked:
            return list(lines)
        out = []
        for i, ch in enumerate(joined):
            if i not in marked:
                out.append(ch)
            elif i - 1 not in marked:
                out.append(REDACTED)  # one marker for each run of secret characters
        return "".join(out).split("\n")

    def _find(self, text: str) -> set[int]:
        """The indices of the characters of `text` that show a secret."""
        marked: set[int] = set()
        for view, index in _views(text):
            for form in self.forms:
                start = view.find(form)
                while start >= 0:
                    _mark(marked, index[start:start + len(form)])
                    start = view.find(form, start + 1)
            for pattern, decode in ((_BASE64_RUN, _b64_decodings), (_HEX_RUN, _hex_decoding)):
                for m in pattern.finditer(view):
                    for start, end in self._blobs_in(m.group(), decode):
                        _mark(marked, index[m.start() + start:m.start() + end])
        marked.difference_update(i for i, ch in enumerate(text) if ch == "\n")
        return marked

    def _blobs_in(self, run: str, decode: object) -> list[Span]:
        """Where, in an encoded run, the characters that encode a secret are."""
        spans = []
        for shift, raw, per_char in decode(run):  # type: ignore[operator]
            for blob in self.blobs:
                if len(blob) < MIN_DECODED_MATCH:
                    continue
                at = raw.find(blob)
                while at >= 0:
                    spans.append(per_char(shift, at, at + len(blob), len(run)))
                    at = raw.find(blob, at + 1)
        return spans


def _mark(marked: set[int], spans: list[Span]) -> None:
    for start, end in spans:
        marked.update(range(start, end))


def _views(text: str) -> list[tuple[str, list[Span]]]:
    """The text as it is, without splitters, percent-decoded and JSON-unescaped,
    each with the characters of the text behind every character of the view."""
    views = [(text, [(i, i + 1) for i in range(len(text))])]
    kept = [i for i, ch in enumerate(text) if ch not in _SPLITTERS and ch != "\n"]
    if len(kept) != len(text):
        views.append(("".join(text[i] for i in kept), [(i, i + 1) for i in kept]))
    if "\n" in text:
        payload, start = [], 0
        for line in text.split("\n"):
            m = _LINE_PREFIX.match(line)
            skip = m.end() if m else 0
            payload += [start + i for i in range(skip, len(line)) if line[i] not in _SPLITTERS]
            start += len(line) + 1
        views.append(("".join(text[i] for i in payload), [(i, i + 1) for i in payload]))
    for pattern, decode in ((_PERCENT, _percent), (_JSON_ESCAPE, _json_escape)):
        if pattern.search(text):
            views.append(_substitute(text, pattern, decode))
    return views


def _substitute(text: str, pattern: re.Pattern[str], decode: object) -> tuple[str, list[Span]]:
    chars: list[str] = []
    index: list[Span] = []
    last = 0
    for m in pattern.finditer(text):
        chars.append(text[last:m.start()])
        index += [(i, i + 1) for i in range(last, m.start())]
        decoded = decode(m.group())  # type: ignore[operator]
        chars.append(decoded)
        index += [m.span()] * len(decoded)
        last = m.end()
    chars.append(text[last:])
    index += [(i, i + 1) for i in range(last, len(text))]
    return "".join(chars), index


def _percent(escape: str) -> str:
    return chr(int(escape[1:], 16))  # one byte; UTF-8 sequences come out as their Latin-1 form


def _json_escape(escape: str) -> str:
    if escape[1] == "u":
        return chr(int(escape[2:], 16))
    return {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}.get(escape[1], escape[1])


def _b64_decodings(run: str) -> list[tuple[int, bytes, object]]:
    """A base64 run decoded from each of its first four offsets (an echo can
    start mid-quantum, after other text)."""
    out: list[tuple[int, bytes, object]] = []
    core = run.rstrip("=")
    for shift in range(4):
        part = core[shift:]
        part = part[: len(part) // 4 * 4] if len(part) % 4 == 1 else part
        try:
            out.append((shift, base64.b64decode(part + "=" * (-len(part) % 4), validate=True), _b64_chars))
        except (binascii.Error, ValueError):
            continue
    return out


def _b64_chars(shift: int, start: int, end: int, length: int) -> Span:
    return shift + start // 3 * 4, min(length, shift + (end + 2) // 3 * 4)


def _hex_decoding(run: str) -> list[tuple[int, bytes, object]]:
    return [(0, bytes.fromhex(run[: len(run) // 2 * 2]), _hex_chars)]


def _hex_chars(shift: int, start: int, end: int, length: int) -> Span:
    return 2 * start, 2 * end
