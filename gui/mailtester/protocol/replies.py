"""The reply type shared by the three protocols, and SMTP reply parsing
(RFC 5321 §4.2, RFC 3463); IMAP and POP3 build the same type in their cores."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace

from .errors import RemoteProtocolError
from .kinds import Protocol
from .limits import MAX_LINE_LENGTH, MAX_REPLY_LINES
from .record import Record

_ENHANCED = re.compile(r"^([245])\.(\d{1,3})\.(\d{1,3})(?=\s|$)")
# IMAP (RFC 3501 §7.1, RFC 5530) and POP3 (RFC 2449 §8, RFC 3206) codes that
# mean "try again later", not "these credentials are wrong".
TRANSIENT_CODES = frozenset({"UNAVAILABLE", "INUSE", "IN-USE", "LIMIT", "SYS/TEMP", "LOGIN-DELAY"})


def printable(data: bytes) -> str:
    """Decode server or client bytes for display, never failing.

    UTF-8 first, then Latin-1 (servers localize texts in legacy charsets).
    Control bytes are shown as Unicode control pictures, never swallowed.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return show_controls(text)


_PRINTABLE_ASCII = re.compile(r"[\t\x20-\x7e]*")


def show_controls(text: str) -> str:
    """Server-controlled text made safe to show anywhere (terminal, window,
    report): control characters as Unicode control pictures, C1 as \\xNN, and
    invisible format characters (bidi overrides and isolates, zero-width
    characters, line and paragraph separators) as <U+NNNN>, so none of them
    can move the cursor, recolour a terminal, reorder a line or hide a part."""
    if _PRINTABLE_ASCII.fullmatch(text):  # nearly every line: nothing to show differently
        return text
    out = []
    for ch in text:
        o = ord(ch)
        if o < 0x20 and ch != "\t":
            out.append(chr(0x2400 + o))
        elif o == 0x7F:
            out.append("\u2421")
        elif 0x80 <= o < 0xA0:
            out.append(f"\\x{o:02x}")
        elif o > 0xA0 and unicodedata.category(ch) in ("Cf", "Zl", "Zp", "Co", "Cn", "Cs"):
            out.append(f"<U+{o:04X}>")
        else:
            out.append(ch)
    return "".join(out)


class Reply(Record):
    """One complete reply: an SMTP code with its lines, or an IMAP/POP3 status
    (OK, NO, BAD, BYE, PREAUTH; +OK, -ERR) with its response code.

    For IMAP the lines are the untagged status lines that came with the
    command, then the tagged one; `lines` hold the texts after status and
    response code, `raw` the whole lines as shown.
    """

    code: int | None
    lines: tuple[str, ...]  # text after "NNN-" / "NNN " (or status and code), decoded for display
    raw: tuple[str, ...]  # the whole lines as shown ("250-PIPELINING", "a1 NO [AUTHENTICATIONFAILED] ...")
    status: str | None = None  # IMAP/POP3 only
    response_code: str | None = None  # the final line's [CODE] atom, upper case ("AUTH", "SYS/TEMP")

    @property
    def enhanced(self) -> str | None:
        """The RFC 3463 enhanced status code, when the first line carries one
        whose class matches the basic code."""
        if not self.lines or self.code is None:
            return None
        m = _ENHANCED.match(self.lines[0])
        if m and m.group(1) == str(self.code)[0]:
            return f"{m.group(1)}.{m.group(2)}.{m.group(3)}"
        return None

    @property
    def text(self) -> str:
        """All lines joined, enhanced codes stripped, for matching."""
        parts = []
        for line in self.lines:
            m = _ENHANCED.match(line)
            parts.append(line[m.end():].strip() if m else line.strip())
        return " ".join(p for p in parts if p)

    @property
    def is_transient(self) -> bool:
        if self.code is not None:
            return 400 <= self.code < 500
        code = self.response_code or ""
        return any(code == c or code.startswith(c + "/") for c in TRANSIENT_CODES)

    @property
    def ok(self) -> bool:
        """A positive completion: 2xx/3xx, OK or +OK."""
        if self.code is not None:
            return 200 <= self.code < 400
        return self.status in ("OK", "+OK")

    def redacted(self, redact_lines: Callable[[tuple[str, ...]], list[str]]) -> Reply:
        """The reply with its lines redacted together (an echo may be split over them)."""
        return replace(self, lines=tuple(redact_lines(self.lines)), raw=tuple(redact_lines(self.raw)))


def take_line(buffer: bytearray, peek: bool = False) -> bytes | None:
    """The next line of `buffer` without its CRLF or bare LF (removed from the
    buffer unless peeking), or None when it is not complete yet. The limit
    counts the line's content, the same whatever its line end."""
    end = buffer.find(b"\n")
    if end < 0:
        if len(buffer.removesuffix(b"\r")) > MAX_LINE_LENGTH:
            raise RemoteProtocolError(f"reply line longer than {MAX_LINE_LENGTH} bytes", bytes(buffer[:200]))
        return None
    line = bytes(buffer[:end]).removesuffix(b"\r")
    if len(line) > MAX_LINE_LENGTH:
        raise RemoteProtocolError(f"reply line longer than {MAX_LINE_LENGTH} bytes", line[:200])
    if not peek:
        del buffer[: end + 1]
    return line


_IMAP_GREETING = re.compile(rb"^\* (OK|PREAUTH|BYE)\b", re.I)
_POP3_GREETING = re.compile(rb"^(\+OK|-ERR)\b")
_SMTP_GREETING = re.compile(rb"^[2-5]\d\d(?:[ -]|\r?$)")


def service_of_greeting(line: bytes) -> Protocol | None:
    """Which protocol a server's first line belongs to, or None if none of ours."""
    if _IMAP_GREETING.match(line):
        return Protocol.IMAP
    if _POP3_GREETING.match(line):
        return Protocol.POP3
    if _SMTP_GREETING.match(line):
        return Protocol.SMTP
    return None


class ReplyParser:
    """Accumulates bytes and yields complete replies.

    Lines may end in CRLF or bare LF (lenient); a bare CR inside a line is kept
    and shown as a control picture.
    """

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._pending: list[tuple[int, str, str]] = []

    def feed(self, data: bytes) -> None:
        self._buffer += data

    def clear(self) -> None:
        """Forget every byte not yet parsed (used when TLS starts)."""
        self._buffer.clear()
        self._pending.clear()

    @property
    def has_unparsed_data(self) -> bool:
        return bool(self._buffer) or bool(self._pending)

    def next_reply(self) -> Reply | None:
        """Return the next complete reply, or None when more bytes are needed.

        Raises RemoteProtocolError on a malformed reply or a limit exceeded.
        """
        while True:
            line = take_line(self._buffer)
            if line is None:
                return None
            code, last, text = self._parse_line(line)
            if self._pending and self._pending[0][0] != code:
                raise RemoteProtocolError(
                    f"multi-line reply changed its code from {self._pending[0][0]} to {code}"
                )
            self._pending.append((code, text, printable(line)))
            if len(self._pending) > MAX_REPLY_LINES:
                raise RemoteProtocolError(f"reply longer than {MAX_REPLY_LINES} lines")
            if last:
                pending, self._pending = self._pending, []
                return Reply(
                    code=code,
                    lines=tuple(p[1] for p in pending),
                    raw=tuple(p[2] for p in pending),
                )

    @staticmethod
    def _parse_line(line: bytes) -> tuple[int, bool, str]:
        head = line[:3]
        if len(head) < 3 or not head.isdigit() or head[:1] not in b"2345":
            raise RemoteProtocolError("reply does not start with a 3-digit code", line)
        sep = line[3:4]
        if sep not in (b"", b" ", b"-"):
            raise RemoteProtocolError("unexpected character after reply code", line)
        return int(head), sep != b"-", printable(line[4:])
