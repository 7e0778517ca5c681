"""Finding, reading and deleting the round trip's message after an IMAP or
POP3 login, sans-I/O; and the headers a help desk asks about.

IMAP (RFC 9051, RFC 3501): LIST (SPECIAL-USE, RFC 6154) for the \\Junk
folder, SELECT, IDLE (RFC 2177), UID SEARCH HEADER Message-ID, STATUS of the
Junk folder, UID FETCH of the header fields, UID STORE \\Deleted and UID
EXPUNGE (RFC 4315 UIDPLUS) of that one UID only. POP3 (RFC 1939, RFC 2449):
UIDL, TOP n 0, DELE n, QUIT (which commits the deletion). One command is
outstanding at a time; the round-trip driver says which comes next.
"""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime

from .continuation import Continuation
from .errors import RemoteProtocolError
from .events import ReplyReceived
from .imap import ImapLine, ImapParser, astring
from .kinds import Stage
from .limits import MAX_UNTAGGED_RESPONSES
from .record import Record
from .replies import Reply, printable, show_controls, take_line

# Folder names of spam folders on servers that do not mark them with \Junk.
JUNK_NAMES = ("junk", "spam", "junk e-mail", "junk email", "bulk mail")
_LIST = re.compile(r'^LIST \(([^)]*)\) (?:"(?:[^"\\]|\\.)*"|NIL) (.*)$', re.I | re.S)
_LITERAL = re.compile(r"\{(\d+)\+?\}\r\n", re.S)
_AUTH_METHOD = re.compile(r"\b(spf|dkim|dmarc|arc)=([a-z]+)", re.I)


# -- headers ---------------------------------------------------------------------


def header_fields(block: str, names: tuple[str, ...] = ("Received", "Authentication-Results", "Message-ID")
                  ) -> list[tuple[str, str]]:
    """(name, value) of the wanted fields in a header block, unfolded, in order (RFC 5322 §2.2.3)."""
    fields: list[tuple[str, str]] = []
    wanted = {n.lower() for n in names}
    for line in re.split(r"\r?\n", block):
        if line[:1] in (" ", "\t") and fields:
            name, value = fields[-1]
            fields[-1] = (name, f"{value} {line.strip()}")
        elif ":" in line:
            name, _, value = line.partition(":")
            fields.append((name.strip(), value.strip()))
        else:
            fields.append(("", ""))  # ends any folding
    return [(n, show_controls(" ".join(v.split()))) for n, v in fields if n.lower() in wanted]


class Hop(Record):
    """One Received field: who received it from whom, when, and how long after the hop before."""

    text: str
    by: str
    at: datetime | None
    delay: float | None  # seconds since the previous (older) hop, when both carry a date


def hops(received: list[str], since: datetime | None = None) -> list[Hop]:
    """The Received chain oldest first (servers add theirs at the top); the first hop's delay counts
    from `since` (the message's Date), when given."""
    out: list[Hop] = []
    previous = since
    for text in reversed(received):
        at = None
        if ";" in text:
            try:
                at = parsedate_to_datetime(text.rpartition(";")[2].strip())
            except (TypeError, ValueError, IndexError):
                at = None
        m = re.search(r"\bby\s+([^\s;]+)", text, re.I)  # "by host;" then the date: no ";" in the name
        delay = (at - previous).total_seconds() if at and previous and at.tzinfo and previous.tzinfo else None
        out.append(Hop(text, m.group(1) if m else "", at, delay))
        previous = at or previous
    return out


def auth_summary(results: list[str]) -> list[tuple[str, str]]:
    """("spf", "pass"), ("dkim", "none"), … from Authentication-Results fields (RFC 8601), first of each."""
    seen: dict[str, str] = {}
    for text in results:
        for m in _AUTH_METHOD.finditer(text):
            seen.setdefault(m.group(1).lower(), m.group(2).lower())
    return list(seen.items())


def _wanted(fields: list[tuple[str, str]], message_id: str) -> bool:
    return any(n.lower() == "message-id" and v.strip() == message_id for n, v in fields)


# -- IMAP --------------------------------------------------------------------------


class ImapMailbox(Continuation):
    """Commands the round-trip driver asks for, one at a time; what they found."""

    def __init__(self, capabilities: set[str], message_id: str, token: str = "") -> None:
        super().__init__()
        self.capabilities = capabilities
        self.message_id = message_id
        self.token = token  # in the subject: found also where the server does not search Message-ID
        self.junk: str | None = None  # the spam folder's name, as the server spells it
        self.uids: list[int] = []  # the last UID SEARCH's answer
        self.exists: int | None = None
        self.changed = False  # EXISTS or RECENT seen since the driver last looked
        self.uidnext: int | None = None  # of the last STATUS
        self.headers: list[tuple[str, str]] = []
        self.reply: Reply | None = None  # the last tagged reply
        self.idling = False
        self._parser = ImapParser()
        self._tag: str | None = None
        self._count = 0
        self._command = ""
        self._folders: list[tuple[str, str]] = []  # (name, attributes)
        self._untagged = 0

    @property
    def ok(self) -> bool:
        return self.reply is not None and self.reply.status == "OK" and not self.broken

    # -- commands ------------------------------------------------------------------

    def list_folders(self) -> None:
        special = "SPECIAL-USE" in self.capabilities
        self._command_line('LIST (SPECIAL-USE) "" "*"' if special else 'LIST "" "*"', "LIST")

    def select(self, name: str) -> None:
        self._command_line(f"SELECT {_quoted(name)}", "SELECT")

    def search(self) -> None:
        key = f"HEADER Message-ID {_quoted(self.message_id)}"
        if self.token:  # the message is still only deleted when its Message-ID is ours (fetched first)
            key = f"OR {key} SUBJECT {_quoted(self.token)}"
        self._command_line(f"UID SEARCH {key}", "SEARCH")

    @property
    def is_ours(self) -> bool:
        """The fetched header fields carry our Message-ID."""
        return _wanted(self.headers, self.message_id)

    def status(self, name: str) -> None:
        self._command_line(f"STATUS {_quoted(name)} (MESSAGES UIDNEXT)", "STATUS")

    def noop(self) -> None:
        self._command_line("NOOP", "NOOP")

    def idle(self) -> None:
        self.changed = False
        self._command_line("IDLE", "IDLE")

    def done(self) -> None:
        """End IDLE: the tagged OK follows (unless the server already ended it)."""
        if self.idling:
            self.idling = False
            self._send(b"DONE")

    def fetch(self, uid: int) -> None:
        self._command_line(f"UID FETCH {uid} (BODY.PEEK[HEADER.FIELDS (MESSAGE-ID RECEIVED "
                           "AUTHENTICATION-RESULTS)])", "FETCH")

    def delete(self, uid: int) -> None:
        self._command_line(f"UID STORE {uid} +FLAGS.SILENT (\\Deleted)", "STORE")

    def expunge(self, uid: int) -> None:
        self._command_line(f"UID EXPUNGE {uid}", "EXPUNGE")

    def logout(self) -> None:
        self._command_line("LOGOUT", "LOGOUT")

    @property
    def can_expunge_one(self) -> bool:
        return "UIDPLUS" in self.capabilities

    def _command_line(self, text: str, command: str) -> None:
        self._count += 1
        self._tag, self._command, self._untagged = f"r{self._count}", command, 0
        self._send(f"{self._tag} {text}".encode())

    # -- replies -------------------------------------------------------------------

    def _feed(self, data: bytes) -> None:
        self._parser.feed(data)
        while True:
            line = self._parser.next_line()
            if line is None:
                return
            self._events.append(ReplyReceived(line.reply(), None, Stage.DONE))
            if line.kind == "*":
                self._untagged_line(line)
            elif line.kind == "+":
                if self._command != "IDLE" or not self.waiting:
                    raise RemoteProtocolError("server sent a continuation request nobody asked for")
                self.idling, self.waiting = True, False
            elif line.tag != self._tag:
                raise RemoteProtocolError(f"tagged response for “{line.tag}”, not for our command {self._tag}")
            else:
                self._tag, self.waiting, self._untagged, self.idling = None, False, 0, False
                self.reply = line.reply()
                if self._command == "LIST":
                    self.junk = _junk(self._folders)
                if self._command == "LOGOUT":
                    self.closed = True

    def _untagged_line(self, line: ImapLine) -> None:
        self._untagged += 1
        if self._untagged > MAX_UNTAGGED_RESPONSES and self._command != "LIST":
            raise RemoteProtocolError(f"more than {MAX_UNTAGGED_RESPONSES} untagged responses to one command")
        if line.status is not None:
            return
        text = line.text
        keyword, _, rest = text.partition(" ")
        word = keyword.upper()
        if word == "LIST" and self._command == "LIST":
            found = _folder(text)
            if found is not None and len(self._folders) < 10_000:
                self._folders.append(found)
        elif word == "SEARCH" and self._command == "SEARCH":
            self.uids = [int(x) for x in rest.split() if x.isdigit()]
        elif word == "STATUS" and self._command == "STATUS":
            m = re.search(r"UIDNEXT (\d+)", rest, re.I)
            self.uidnext = int(m.group(1)) if m else None
        elif keyword.isdigit() and rest.upper() in ("EXISTS", "RECENT"):
            if rest.upper() == "EXISTS":
                self.exists = int(keyword)
            self.changed = True
        elif keyword.isdigit() and rest.upper().startswith("FETCH") and self._command == "FETCH":
            self.headers = header_fields(_fetched_block(text))


def _quoted(value: str) -> str:
    data, literal = astring(value)
    if literal:  # never for our own ASCII strings and modified-UTF-7 folder names
        raise RemoteProtocolError("a folder name that cannot be quoted")
    return data.decode("ascii")


def _wire(text: str) -> str:
    """The line ends inside a literal, which the parser showed as control pictures."""
    return text.replace("\u240d\u240a", "\r\n")


def _folder(text: str) -> tuple[str, str] | None:
    m = _LIST.match(_wire(text))
    if m is None:
        return None
    attributes, name = m.group(1), m.group(2).strip()
    lit = _LITERAL.match(name)
    if lit:
        name = name[lit.end():]
    elif name.startswith('"') and name.endswith('"') and len(name) >= 2:
        name = re.sub(r"\\(.)", r"\1", name[1:-1])
    return name, attributes


def _junk(folders: list[tuple[str, str]]) -> str | None:
    folders = [(name, a) for name, a in folders if not astring(name)[1]]  # 8-bit names cannot be sent back
    for name, attributes in folders:
        if "\\junk" in attributes.lower().split():
            return name
    for name, attributes in folders:
        if "\\noselect" not in attributes.lower() and name.rsplit("/", 1)[-1].rsplit(".", 1)[-1].lower() in JUNK_NAMES:
            return name
    return None


def _fetched_block(text: str) -> str:
    """The header block in a FETCH response: a literal (as the parser joined it) or a quoted string."""
    text = _wire(text)
    lit = _LITERAL.search(text)
    if lit:
        return text[lit.end():].rstrip().removesuffix(")")
    m = re.search(r'\]\s+"((?:[^"\\]|\\.)*)"', text)
    return m.group(1) if m else ""


# -- POP3 ------------------------------------------------------------------------------


class Pop3Maildrop(Continuation):
    """UIDL, then TOP n 0 of each message not seen before, newest first, until
    the one with our Message-ID; DELE of that one; QUIT."""

    def __init__(self, message_id: str, seen: set[str]) -> None:
        super().__init__()
        self.message_id = message_id
        self.seen = seen  # unique ids already looked at (shared between connections)
        self.found: int | None = None  # its message number in this session
        self.headers: list[tuple[str, str]] = []
        self.deleted = False  # DELE answered +OK and QUIT committed it
        self.reply: Reply | None = None
        self.listing: list[tuple[int, str]] = []  # (number, unique id) from UIDL
        self._buffer = bytearray()
        self._command = ""
        self._lines: list[str] | None = None  # a multi-line answer being read
        self._dele_ok = False
        self._last_top: int | None = None

    @property
    def ok(self) -> bool:
        return self.reply is not None and self.reply.status == "+OK" and not self.broken

    def uidl(self) -> None:
        self._command_line("UIDL")

    def top(self, number: int) -> None:
        self._command_line(f"TOP {number} 0")

    def dele(self, number: int) -> None:
        self._command_line(f"DELE {number}")

    def quit(self) -> None:
        self._command_line("QUIT")

    def _command_line(self, text: str) -> None:
        self._command = text.split()[0]
        self._send(text.encode())

    def _feed(self, data: bytes) -> None:
        self._buffer += data
        while True:
            raw = take_line(self._buffer)
            if raw is None:
                return
            shown, text = printable(raw), raw.decode("utf-8", "replace")
            if self._lines is not None:
                self._events.append(ReplyReceived(Reply(None, (shown,), (shown,)), None, Stage.DONE))
                if text == ".":
                    lines, self._lines = self._lines, None
                    self.waiting = False
                    self._listed(lines)
                    continue
                self._lines.append(text[1:] if text.startswith(".") else text)
                if len(self._lines) > 100_000:
                    raise RemoteProtocolError("multi-line answer over the limit")
                continue
            if not self.waiting:
                raise RemoteProtocolError("server sent a reply before being asked", raw)
            status, _, rest = text.partition(" ")
            if status not in ("+OK", "-ERR"):
                raise RemoteProtocolError("reply is not +OK or -ERR", raw)
            self.reply = Reply(None, (show_controls(rest),), (shown,), status)
            self._events.append(ReplyReceived(self.reply, None, Stage.DONE))
            if status == "+OK" and self._command in ("UIDL", "TOP"):
                self._lines = []  # the answer's lines follow
                continue
            self.waiting = False
            if self._command == "DELE":
                self._dele_ok = status == "+OK"
            elif self._command == "QUIT":
                self.deleted = self._dele_ok and status == "+OK"
                self.closed = True

    def _listed(self, lines: list[str]) -> None:
        if self._command == "UIDL":
            for line in lines:
                number, _, uid = line.partition(" ")
                if number.isdigit() and uid:
                    self.listing.append((int(number), uid.strip()))
        elif self._command == "TOP":
            fields = header_fields("\r\n".join(lines))
            if _wanted(fields, self.message_id):
                self.headers = fields
                self.found = self._last_top

    def top_next(self) -> bool:
        """TOP the newest message not looked at yet; False when none is left."""
        for number, uid in sorted(self.listing, reverse=True):
            if uid not in self.seen:
                self.seen.add(uid)
                self._last_top = number
                self.top(number)
                return True
        return False


def reported(fields: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """The Received fields and the Authentication-Results fields, each in header order."""
    return ([v for n, v in fields if n.lower() == "received"],
            [v for n, v in fields if n.lower() == "authentication-results"])


__all__ = ["Hop", "ImapMailbox", "Pop3Maildrop", "auth_summary", "header_fields", "hops",
           "reported"]
