"""The POP3 login (RFC 1939, RFC 2449, RFC 2595, RFC 5034) as a sans-I/O
state machine.

Greeting -> CAPA (its absence tolerated) -> STLS (bytes after its +OK
discarded, capabilities forgotten and asked again) -> AUTH (SASL), USER/PASS,
or APOP when asked for -> STAT, to prove the maildrop opens -> QUIT. Only
"+OK" is success. One command is outstanding at a time.
"""

from __future__ import annotations

import hashlib
import re

from .errors import RemoteProtocolError
from .events import NoteAdded, ReplyReceived, TlsRequested
from .kinds import Ending, Protocol, Security, Stage
from .limits import MAX_POP3_COMMAND, MAX_UNTAGGED_RESPONSES
from .replies import Reply, printable, show_controls, take_line
from .sasl import MECHANISMS, DecodedChallenge, SaslExchange, decode_challenge, pick_mechanism
from .session import APOP, NATIVE, LoginSession, SessionConfig

__all__ = ["APOP", "Pop3Session", "SessionConfig", "apop_timestamp"]

_STATUS = re.compile(r"^(\+OK|-ERR)(?: (.*))?$")
_CODE = re.compile(r"^\[([^\]\s]+)[^\]]*\] ?")
# RFC 1939 §7: the timestamp is a msg-id, "<" local "@" domain ">"; brackets
# around anything else (or no brackets) are not an APOP challenge.
_TIMESTAMP = re.compile(r"<[^<>@\s]+@[^<>@\s]+>")


def apop_timestamp(greeting: str) -> str | None:
    m = _TIMESTAMP.search(greeting)
    return m.group(0) if m else None


def _status_reply(shown: str, text: str) -> Reply:
    m = _STATUS.match(text)
    if m is None:
        return Reply(None, (show_controls(text),), (shown,))
    body, code = m.group(2) or "", None
    c = _CODE.match(body)
    if c:
        code, body = show_controls(c.group(1).upper()), body[c.end():]
    return Reply(None, (show_controls(body),), (shown,), m.group(1), code)


class Pop3Session(LoginSession):
    protocol = Protocol.POP3

    def __init__(self, config: SessionConfig) -> None:
        super().__init__(config)
        self.capabilities: dict[str, str] | None = None  # None: CAPA not (yet) answered
        self.timestamp: str | None = None
        self._buffer = bytearray()
        self._command = ""
        self._listing: list[str] | None = None  # CAPA lines being read

    # -- parsing --------------------------------------------------------------------

    def _feed(self, data: bytes) -> None:
        self._buffer += data
        while self.finished is None and not self.in_handshake:
            raw = take_line(self._buffer)
            if raw is None:
                return
            self._line(raw)

    def _line(self, raw: bytes) -> None:
        shown, text = printable(raw), raw.decode("utf-8", "replace")
        if self._listing is not None:  # inside the multi-line CAPA answer
            self._events.append(ReplyReceived(Reply(None, (shown,), (shown,)), None, self.stage))
            if text == ".":
                lines, self._listing = self._listing, None
                self._capa_done(lines)
                return
            self._listing.append(text[1:] if text.startswith("..") else text)
            if len(self._listing) > MAX_UNTAGGED_RESPONSES:
                raise RemoteProtocolError(f"capability list longer than {MAX_UNTAGGED_RESPONSES} lines")
            return
        self._reply_due()
        if (text == "+" or text.startswith("+ ")) and self.sasl is not None:
            reply, challenge = Reply(None, (show_controls(text[2:]),), (shown,), "+"), decode_challenge(text[2:])
            self._events.append(ReplyReceived(reply, challenge, self.stage))
            self._challenge(reply, challenge)
        else:
            reply = _status_reply(shown, text)
            self._events.append(ReplyReceived(reply, None, self.stage))
            if reply.status is None:
                raise RemoteProtocolError("reply is not +OK or -ERR", raw)
            self._handle(reply)
        self._no_early_answer(bool(self._buffer) and self._listing is None)

    # -- the dialogue -------------------------------------------------------------------

    def _handle(self, reply: Reply) -> None:
        ok, command = reply.status == "+OK", self._command
        if self.stage is Stage.GREETING:
            if not ok:
                self._finish(False, Ending.GREETING_REJECTED, reply)
                return
            self.timestamp = apop_timestamp(reply.lines[0])
            self._capa()
        elif command == "CAPA":
            if ok:
                self._listing = []
            else:
                self._events.append(NoteAdded("no-capa"))
                self._proceed(reply)
        elif command == "STLS":
            if not ok:
                self._finish(False, Ending.STARTTLS_FAILED, reply)
                return
            self.stage = Stage.TLS
            if self._buffer:
                self._events.append(NoteAdded("discarded-any"))
            self._buffer.clear()
            self._events.append(TlsRequested())
        elif command == "USER":
            if not ok:
                self._finish(False, Ending.AUTH_REJECTED, reply)
                return
            password = self.config.credentials.password
            assert password is not None
            self._command = "PASS"
            self._send(b"PASS " + password.reveal().encode("utf-8"), shown="PASS [redacted]",
                       secret_forms=(password.reveal(),))
        elif command in ("PASS", "APOP", "AUTH"):
            self._login_done(reply)
        elif command == "STAT":
            if ok:
                self._finish(True, Ending.AUTHENTICATED, self.login_reply)
            else:
                self._finish(False, Ending.AFTER_LOGIN_REFUSED, reply,
                             detail="the login was accepted, but the mailbox could not be opened")

    def _capa(self) -> None:
        self.stage = Stage.CAPABILITY
        self._command = "CAPA"
        self._send(b"CAPA")

    def _capa_done(self, lines: list[str]) -> None:
        caps: dict[str, str] = {}
        for line in lines:
            keyword, _, params = line.strip().partition(" ")
            caps[keyword.upper()] = " ".join(params.split())
        self.capabilities = caps
        self._proceed(Reply(None, tuple(lines), tuple(lines), "+OK"))

    def _proceed(self, reply: Reply) -> None:
        if self.config.security is Security.STARTTLS and not self.tls_active:
            if self.capabilities is not None and "STLS" not in self.capabilities:
                self._finish(False, Ending.STARTTLS_UNAVAILABLE, reply, detail="the server does not offer STLS")
                return
            self.stage = Stage.STARTTLS
            self._command = "STLS"
            self._send(b"STLS")
        else:
            self._start_login(reply)

    def _after_starttls(self) -> None:
        self._capa()

    def _forget_capabilities(self) -> None:
        self.capabilities = None

    # -- logging in ----------------------------------------------------------------------

    @property
    def offered(self) -> tuple[str, ...]:
        return tuple((self.capabilities or {}).get("SASL", "").upper().split())

    @property
    def starttls_offered(self) -> bool:
        return "STLS" in (self.capabilities or {})

    def _start_login(self, reply: Reply) -> None:
        self.stage = Stage.AUTH
        cfg, offered, caps = self.config, self.offered, self.capabilities
        wanted = cfg.mechanism if cfg.mechanism == "auto" else cfg.mechanism.upper()
        token = cfg.credentials.token is not None
        user_pass = caps is None or "USER" in caps
        cram_first = not self.tls_active and "CRAM-MD5" in offered  # the password never crosses in clear
        if wanted in (NATIVE, APOP) or (wanted == "auto" and not token and "PLAIN" not in offered and user_pass
                                        and not cram_first):
            if token:
                self._finish(False, Ending.MECHANISM_UNSUPPORTED, reply,
                             detail="USER/PASS and APOP need a password, not a token")
            elif wanted == APOP and self.timestamp is None:
                self._finish(False, Ending.MECHANISM_UNSUPPORTED, reply,
                             detail="the greeting carries no APOP timestamp")
            elif not self._plaintext_refused(reply):
                self._native(wanted == APOP)
            return
        name = pick_mechanism(cfg.mechanism, offered, cfg.credentials, self.tls_active)
        if name is None:
            self._finish(False, Ending.MECHANISM_UNSUPPORTED if offered or caps is None else Ending.AUTH_NOT_OFFERED,
                         reply, detail=f"{wanted} is not among the offered mechanisms")
            return
        if self._plaintext_refused(reply):
            return
        initial = cfg.initial_response if cfg.initial_response is not None else name != "LOGIN"

        def exchange(initial: bool) -> SaslExchange:
            return SaslExchange(MECHANISMS[name](cfg.credentials, initial_response=initial,
                                                 host=cfg.host, port=cfg.port))

        self.sasl = exchange(initial)
        self.method = name
        self._note_mechanism(offered, name)
        self._command = "AUTH"
        prefix = f"AUTH {name} "
        line = self.sasl.initial()
        if line is not None and len(prefix) + len(line.data) + 2 > MAX_POP3_COMMAND:
            # Too long for one command line: the initial response goes after the first "+".
            self.sasl, line = exchange(False), None
        if line is None:
            self._send(f"AUTH {name}".encode())
        else:
            self._send_sasl(line, prefix=prefix)

    def _native(self, apop: bool) -> None:
        creds = self.config.credentials
        assert creds.password is not None
        if apop:
            assert self.timestamp is not None
            self.method = APOP
            digest = hashlib.md5((self.timestamp + creds.password.reveal()).encode("utf-8")).hexdigest()
            self._command = "APOP"
            # The digest allows an offline guess of the password: shown redacted.
            self._send(f"APOP {creds.user} {digest}".encode(), shown=f"APOP {creds.user} [redacted]",
                       secret_forms=(digest,))
            return
        self.method = NATIVE
        self._events.append(NoteAdded("native-login", (" ".join(self.offered) or "-", "USER/PASS")))
        self._command = "USER"
        self._send(b"USER " + creds.user.encode("utf-8"))

    def _challenge(self, reply: Reply, challenge: DecodedChallenge) -> None:
        if self._command != "AUTH" or self.sasl is None:
            raise RemoteProtocolError("server sent a continuation nobody asked for")
        self._answer_challenge(reply, challenge)

    def _login_done(self, reply: Reply) -> None:
        if self._login_accepted(reply, reply.status == "+OK"):
            self._command = "STAT"
            self._send(b"STAT")

    def _quit(self) -> None:
        self._command = "QUIT"
        self._send(b"QUIT")
