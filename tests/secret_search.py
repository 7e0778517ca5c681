"""The tests' own search for a secret in any output, independent of the program's redactor.

Besides the secret and the messages that carried it, it decodes every base64
run (from each of its first four offsets, whitespace and line breaks
removed) and every hex run, and searches the decoded bytes; it searches NFC
and NFD forms, percent-encoded, JSON-escaped and IMAP-quoted forms, and the
display form of each.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import re
import unicodedata
from urllib.parse import quote, quote_plus, unquote_to_bytes

from mailtester.protocol.replies import show_controls

_B64 = re.compile(r"[A-Za-z0-9+/]{4,}={0,2}")
_HEX = re.compile(r"(?:[0-9A-Fa-f]{2}){3,}")


def text_forms(secret: str) -> set[str]:
    forms = set()
    for v in {secret, secret.strip(), unicodedata.normalize("NFC", secret), unicodedata.normalize("NFD", secret)}:
        forms |= {v, v.encode().decode("latin-1"), json.dumps(v)[1:-1], json.dumps(v, ensure_ascii=False)[1:-1],
                  quote(v, safe=""), quote_plus(v, safe=""), v.replace("\\", "\\\\").replace('"', '\\"')}
    return {f for f in forms | {show_controls(f) for f in forms} if f}


# Reply prefixes between the pieces of an echo split over lines: "535-5.7.8 ", "* ", "+ ", "a1 NO ".
_PREFIX = re.compile(r"^\s*(?:[\d.]+s\s+(?:TLS\s+)?[CS]:\s*)?"
                     r"(?:(?:\d{3}[ -])?(?:[245]\.\d{1,3}\.\d{1,3}\s)?|[*+]\s|\S+\s(?:OK|NO|BAD)\s|[+-](?:OK|ERR)\s)?",
                     re.M)


def _json_strings(text: str) -> str:
    """Every string inside JSON found in the text (whole, or one object per line), one per line."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str) and len(value) > 2:  # not the one-letter fields between two lines
            found.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for chunk in (text, *text.splitlines()):
        with contextlib.suppress(ValueError):
            walk(json.loads(chunk))
    return "\n".join(found)


def _decoded_runs(text: str) -> list[bytes]:
    lines = text + "\n" + _json_strings(text)
    compact = re.sub(r"[\s\u240d\u240a]", "", lines)
    unprefixed = re.sub(r"[\s\u240d\u240a]", "", _PREFIX.sub("", lines))
    out = []
    for source in (lines, compact, unprefixed):
        for m in _B64.finditer(source):
            run = m.group().rstrip("=")
            for shift in range(4):
                part = run[shift:]
                part = part[: len(part) // 4 * 4] if len(part) % 4 == 1 else part
                with contextlib.suppress(binascii.Error, ValueError):
                    out.append(base64.b64decode(part + "=" * (-len(part) % 4), validate=True))
        out += [bytes.fromhex(m.group()[: len(m.group()) // 2 * 2]) for m in _HEX.finditer(source)]
    out.append(unquote_to_bytes(text))
    return out


def find_secrets(text: str, secrets: list[str], messages: list[bytes] = ()) -> list[str]:
    """The forms of the secrets found in `text` (empty when it is clean)."""
    found = []
    for secret in secrets:
        found += [f for f in text_forms(secret) if f in text]
    raws = {s.encode() for s in secrets} | {s.strip().encode() for s in secrets} | set(messages)
    raws = {r for r in raws if len(r) >= 3}
    for decoded in _decoded_runs(text):
        found += [f"decoded:{r!r}" for r in raws if r in decoded]
    for m in messages:
        b64 = base64.b64encode(m).decode()
        if b64 in text or b64.rstrip("=") in text:
            found.append("base64 message")
    return found
