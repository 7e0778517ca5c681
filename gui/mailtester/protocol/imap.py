"""The IMAP login (RFC 3501, RFC 9051) as a sans-I/O state machine.

Greeting (OK, PREAUTH, BYE) -> CAPABILITY unless the greeting listed them ->
STARTTLS (bytes after its OK discarded, capabilities forgotten and asked
again) -> AUTHENTICATE (SASL, with SASL-IR when offered) or LOGIN (quoted
strings, literals when needed, LITERAL+ when offered) -> ID when offered ->
EXAMINE INBOX, because some servers accept a login and refuse every command
after it -> LOGOUT. One command is outstanding at a time.
"""

from __future__ import annotations

import re

from .credentials import REDACTED
from .errors import RemoteProtocolError
from .events import NoteAdded, ReplyReceived, TlsRequested
from .kinds import Ending, Protocol, Security, Stage
from .limits import MAX_LINE_LENGTH, MAX_LITERAL_SIZE, MAX_UNTAGGED_RESPONSES
from .record import Record
from .replies import Reply, printable, show_controls, take_line
from .sasl import MECHANISMS, SaslExchange, decode_challenge, pick_mechanism
from .session import NATIVE, LoginSession, SessionConfig

__all__ = ["ImapLine", "ImapParser", "ImapSession", "SessionConfig", "astring"]

_LITERAL_END = re.compile(rb"\{(\d{1,10})\+?\}$")
_STATUS = re.compile(r"^(OK|NO|BAD|BYE|PREAUTH)(?: |$)", re.I)
_CODE = re.compile(r"^\[([^\]\s]+)(?: ([^\]]*))?\] ?")


class ImapLine(Record):
    """One server response line, literals included."""

    kind: str  # "+", "*" or "tagged"
    tag: str  # for tagged lines
    status: str | None  # OK, NO, BAD, BYE, PREAUTH, or None for data ("* CAPABILITY ...", "* 3 EXISTS")
    code: str | None  # the [CODE] atom, upper case
    code_args: str  # what follows the atom inside the brackets
    text: str  # after status and code; for data lines, the data; for "+", the continuation text
    shown: str  # the whole line for display

    def reply(self) -> Reply:
        return Reply(None, (self.text,), (self.shown,), self.status, self.code)


class ImapParser:
    """Splits the server's bytes into response lines, reading literals
    ("{n}" CRLF and n octets) as part of their line."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._line = bytearray()  # a line whose literal is being read

    def feed(self, data: bytes) -> None:
        self._buffer += data

    def clear(self) -> None:
        self._buffer.clear()
        self._line.clear()

    @property
    def has_unparsed_data(self) -> bool:
        return bool(self._buffer) or bool(self._line)

    def next_line(self) -> ImapLine | None:
        while True:
            part = take_line(self._buffer, peek=True)
            if part is None:
                return None
            m = _LITERAL_END.search(part)
            if m is None:
                take_line(self._buffer)
                line, self._line = bytes(self._line + part), bytearray()
                return parse_line(line)
            size = int(m.group(1))
            if size > MAX_LITERAL_SIZE:
                raise RemoteProtocolError(f"literal of {size} bytes is over the limit of {MAX_LITERAL_SIZE}", part)
            end = self._buffer.find(b"\n")
            if len(self._buffer) < end + 1 + size:
                return None  # wait for the whole literal
            self._line += part + b"\r\n" + self._buffer[end + 1: end + 1 + size]
            del self._buffer[: end + 1 + size]
            if len(self._line) > MAX_LINE_LENGTH + MAX_LITERAL_SIZE:
                raise RemoteProtocolError("response with literals over the size limit")


def parse_line(line: bytes) -> ImapLine:
    shown = printable(line)
    text = line.decode("utf-8", "replace")
    if text == "+" or text.startswith("+ "):
        return ImapLine("+", "", None, None, "", text[2:], shown)
    head, _, rest = text.partition(" ")
    if not head or (not rest and head != "*"):
        raise RemoteProtocolError("not an IMAP response", line)
    kind = "*" if head == "*" else "tagged"
    if kind == "tagged" and not all(c.isalnum() or c in ".-_" for c in head):
        raise RemoteProtocolError("not an IMAP response", line)
    m = _STATUS.match(rest)
    if m is None:
        if kind == "tagged":
            raise RemoteProtocolError("tagged response without OK, NO or BAD", line)
        return ImapLine(kind, "", None, None, "", printable(rest.encode()), shown)
    status = m.group(1).upper()
    body = rest[m.end():]
    code = args = None
    c = _CODE.match(body)
    if c:
        code, args, body = show_controls(c.group(1).upper()), c.group(2) or "", body[c.end():]
    if kind == "tagged" and status in ("BYE", "PREAUTH"):
        raise RemoteProtocolError(f"{status} cannot be tagged")
    return ImapLine(kind, head if kind == "tagged" else "", status, code, args or "",
                    printable(body.encode()), shown)


def astring(value: str) -> tuple[bytes, bool]:
    """An IMAP astring for LOGIN: (quoted string, False), or (octets, True)
    when only a literal can carry it (8-bit or control characters)."""
    if all(0x20 <= ord(c) < 0x7F for c in value):
        return b'"' + value.replace("\\", "\\\\").replace('"', '\\"').encode("ascii") + b'"', False
    return value.encode("utf-8"), True


class _Segment(Record):
    """A line of a command split by literals (each ends in "{n}" but the last)."""

    data: bytes
    shown: str
    forms: tuple[str, ...] = ()
    waits: bool = False  # a synchronizing literal: wait for "+" before the next segment


class ImapSession(LoginSession):
    protocol = Protocol.IMAP

    def __init__(self, config: SessionConfig) -> None:
        super().__init__(config)
        self.capabilities: set[str] = set()
        self._parser = ImapParser()
        self._tag: str | None = None  # the tag of the command awaiting its tagged reply
        self._count = 0
        self._command = ""  # CAPABILITY, STARTTLS, LOGIN, AUTHENTICATE, ID, EXAMINE
        self._untagged: list[ImapLine] = []  # status lines that came with this command
        self._responses = 0
        self._segments: list[_Segment] = []  # the rest of a LOGIN with synchronizing literals
        self._bye: ImapLine | None = None

    # -- parsing --------------------------------------------------------------------

    def _feed(self, data: bytes) -> None:
        self._parser.feed(data)
        self._awaiting = False  # set again by a command sent while these bytes are read
        while self.finished is None and not self.in_handshake:
            line = self._parser.next_line()
            if line is None:
                break
            if self._awaiting and line.kind != "*":
                # An answer in the same bytes as the reply that led to our command:
                # the server could not have seen that command yet.
                raise RemoteProtocolError("server answered before it could have seen our command")
            self._handle(line)

    def _handle(self, line: ImapLine) -> None:
        challenge = decode_challenge(line.text) if line.kind == "+" and self.sasl is not None else None
        self._events.append(ReplyReceived(line.reply(), challenge, self.stage))
        if self.stage is Stage.GREETING:
            self._greeting(line)
            return
        if line.kind == "*":
            self._untagged_line(line)
            return
        if self._tag is None:
            raise RemoteProtocolError("server sent a response before being asked")
        if line.kind == "+":
            self._continuation(line)
            return
        if line.tag != self._tag:
            raise RemoteProtocolError(f"tagged response for “{line.tag}”, not for our command {self._tag}")
        reply = self._reply(line)
        self._tag = None
        if line.code == "CAPABILITY":
            self._set_capabilities(line.code_args)
        self._done(line, reply)

    def _untagged_line(self, line: ImapLine) -> None:
        self._responses += 1
        if self._responses > MAX_UNTAGGED_RESPONSES:
            raise RemoteProtocolError(f"more than {MAX_UNTAGGED_RESPONSES} untagged responses to one command")
        if line.status is None:
            keyword, _, rest = line.text.partition(" ")
            if keyword.upper() == "CAPABILITY":
                self._set_capabilities(rest)
            return
        if line.code == "CAPABILITY":
            self._set_capabilities(line.code_args)
        if line.status == "BYE":
            self._bye = line
        self._untagged.append(line)

    def _reply(self, tagged: ImapLine) -> Reply:
        """The tagged response with the status lines that came before it."""
        lines = [*self._untagged, tagged]
        return Reply(None, tuple(x.text for x in lines), tuple(x.shown for x in lines), tagged.status, tagged.code)

    # -- the dialogue -------------------------------------------------------------------

    def _greeting(self, line: ImapLine) -> None:
        if line.kind != "*" or line.status not in ("OK", "PREAUTH", "BYE"):
            raise RemoteProtocolError("the greeting is not * OK, * PREAUTH or * BYE")
        reply = line.reply()
        if line.status == "BYE":
            self._finish(False, Ending.GREETING_REJECTED, reply, quit=False)
            return
        if line.status == "PREAUTH":
            # Logged in before any credential was sent: proves nothing about them, and
            # on a connection that was to be upgraded it makes STARTTLS impossible.
            self._finish(False, Ending.PREAUTHENTICATED, reply,
                         detail="the server says the connection is already logged in (PREAUTH)")
            return
        if line.code == "CAPABILITY":
            self._set_capabilities(line.code_args)
            self._proceed(reply)
        else:
            self._capability()

    def _capability(self) -> None:
        self.stage = Stage.CAPABILITY
        self._command_line("CAPABILITY")

    def _proceed(self, reply: Reply) -> None:
        if self.config.security is Security.STARTTLS and not self.tls_active:
            if "STARTTLS" not in self.capabilities:
                self._finish(False, Ending.STARTTLS_UNAVAILABLE, reply, detail="the server does not offer STARTTLS")
                return
            self.stage = Stage.STARTTLS
            self._command_line("STARTTLS")
        else:
            self._start_login(reply)

    def _after_starttls(self) -> None:
        self._capability()

    def _forget_capabilities(self) -> None:
        self.capabilities = set()

    def _done(self, line: ImapLine, reply: Reply) -> None:
        command, ok = self._command, line.status == "OK"
        self._untagged, self._responses = [], 0
        if command == "CAPABILITY":
            if not ok:
                self._finish(False, Ending.EHLO_REJECTED, reply)
            else:
                self._proceed(reply)
        elif command == "STARTTLS":
            if not ok:
                self._finish(False, Ending.STARTTLS_FAILED, reply)
                return
            self.stage = Stage.TLS
            if self._parser.has_unparsed_data:
                self._events.append(NoteAdded("discarded-any"))
            self._parser.clear()
            self._events.append(TlsRequested())
        elif command in ("LOGIN", "AUTHENTICATE"):
            self._login_done(line, reply)
        elif command == "ID":  # whatever the answer: ID is a courtesy
            self._examine()
        elif command == "EXAMINE":
            if ok:
                self._finish(True, Ending.AUTHENTICATED, self.login_reply)
            else:
                self._finish(False, Ending.AFTER_LOGIN_REFUSED, reply,
                             detail="the login was accepted, but the mailbox could not be opened")

    # -- logging in -----------------------------------------------------------------------

    @property
    def offered(self) -> tuple[str, ...]:
        return tuple(sorted(c[5:] for c in self.capabilities if c.startswith("AUTH=")))

    @property
    def starttls_offered(self) -> bool:
        return "STARTTLS" in self.capabilities

    def _set_capabilities(self, text: str) -> None:
        self.capabilities = {c.upper() for c in text.split()}

    def _start_login(self, reply: Reply) -> None:
        self.stage = Stage.AUTH
        cfg, offered = self.config, self.offered
        disabled = "LOGINDISABLED" in self.capabilities
        wanted = cfg.mechanism if cfg.mechanism == "auto" else cfg.mechanism.upper()
        token = cfg.credentials.token is not None
        cram_first = not self.tls_active and "CRAM-MD5" in offered  # the password never crosses in clear
        if wanted == NATIVE or (wanted == "auto" and not token and "PLAIN" not in offered and not disabled
                                and not cram_first):
            if token:
                self._finish(False, Ending.MECHANISM_UNSUPPORTED, reply,
                             detail="the LOGIN command needs a password, not a token")
            elif disabled:
                self._finish(False, Ending.LOGIN_DISABLED, reply,
                             detail="the server does not allow the LOGIN command here (LOGINDISABLED)")
            elif not self._plaintext_refused(reply):
                self._login_command()
            return
        name = pick_mechanism(cfg.mechanism, offered, cfg.credentials, self.tls_active)
        if name is None:
            ending = Ending.LOGIN_DISABLED if disabled and not offered else Ending.MECHANISM_UNSUPPORTED
            self._finish(False, ending, reply, detail=f"{wanted} is not among the offered mechanisms")
            return
        if self._plaintext_refused(reply):
            return
        initial = cfg.initial_response if cfg.initial_response is not None else name != "LOGIN"
        self.sasl = SaslExchange(MECHANISMS[name](
            cfg.credentials, initial_response=initial and "SASL-IR" in self.capabilities,
            host=cfg.host, port=cfg.port))
        self.method = name
        self._note_mechanism(offered, name)
        self._command = "AUTHENTICATE"
        tag = self._new_tag()
        line = self.sasl.initial()
        if line is None:
            self._send(f"{tag} AUTHENTICATE {name}".encode())
        else:
            self._send_sasl(line, prefix=f"{tag} AUTHENTICATE {name} ")

    def _login_command(self) -> None:
        """LOGIN user password: quoted strings, or literals for what quoting
        cannot carry; a synchronizing literal waits for the server's "+"."""
        creds = self.config.credentials
        assert creds.password is not None
        self.method = NATIVE
        self._events.append(NoteAdded("native-login", (" ".join(self.offered) or "-", "LOGIN")))
        self._command = "LOGIN"
        nonsync = "LITERAL+" in self.capabilities
        data = f"{self._new_tag()} LOGIN ".encode()
        shown, forms = data.decode(), ()  # type: tuple[str, tuple[str, ...]]
        segments: list[_Segment] = []
        for i, (value, secret) in enumerate(((creds.user, False), (creds.password.reveal(), True))):
            piece, literal = astring(value)
            if i:
                data, shown = data + b" ", shown + " "
            if literal:
                marker = f"{{{len(piece)}{'+' if nonsync else ''}}}"
                segments.append(_Segment(data + marker.encode(), shown + marker, forms, waits=not nonsync))
                data, shown, forms = piece, REDACTED if secret else printable(piece), (value,) if secret else ()
            else:
                data, shown = data + piece, shown + (REDACTED if secret else piece.decode())
                forms += (piece.decode(),) if secret else ()
        self._segments = [*segments, _Segment(data, shown, forms)]
        self._send_segments()

    def _send_segments(self) -> None:
        while self._segments:
            seg = self._segments.pop(0)
            self._send(seg.data, shown=seg.shown, secret_forms=seg.forms)
            if seg.waits:
                return

    def _continuation(self, line: ImapLine) -> None:
        if self._command == "LOGIN" and self._segments:
            self._send_segments()  # the server is ready for the literal
            return
        if self._command != "AUTHENTICATE" or self.sasl is None:
            raise RemoteProtocolError("server sent a continuation request nobody asked for")
        self._answer_challenge(line.reply(), decode_challenge(line.text))

    def _login_done(self, line: ImapLine, reply: Reply) -> None:
        self._segments = []
        if not self._login_accepted(reply, line.status == "OK"):
            return
        if "ID" in self.capabilities:
            version = self.config.client_version
            fields = f'"name" "{self.config.client_name}"' + (f' "version" "{version}"' if version else "")
            self._command_line(f"ID ({fields} \"vendor\" \"{self.config.client_name}\")", command="ID")
        else:
            self._examine()

    def _examine(self) -> None:
        self._command_line("EXAMINE INBOX", command="EXAMINE")

    def _closed(self) -> None:
        if self._bye is not None:
            bye = self._bye.reply()
            self._finish(False, Ending.SERVICE_CLOSING, self._reply_with_bye(bye), quit=False,
                         detail="the server said goodbye and closed the connection")
            return
        super()._closed()

    def _reply_with_bye(self, bye: Reply) -> Reply:
        lines = self._untagged
        return Reply(None, tuple(x.text for x in lines), tuple(x.shown for x in lines), bye.status, bye.response_code)

    def _quit(self) -> None:
        self._command = "LOGOUT"
        self._send(f"{self._new_tag()} LOGOUT".encode())

    # -- helpers ---------------------------------------------------------------------------

    def _new_tag(self) -> str:
        self._count += 1
        self._tag = f"a{self._count}"
        return self._tag

    def _command_line(self, text: str, command: str | None = None) -> None:
        self._command = command or text
        self._send(f"{self._new_tag()} {text}".encode())
