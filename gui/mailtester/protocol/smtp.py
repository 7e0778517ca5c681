"""The SMTP AUTH dialogue as a sans-I/O state machine.

The driver feeds received bytes to `receive_data`, writes the bytes of every
`CommandSent`, starts TLS on `TlsRequested` and calls `tls_established`, and
stops on `Finished`. One command is outstanding at a time (no pipelining), so
bytes that arrive together with a reply, before the server could have seen our
next command, are a protocol violation.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field

from .credentials import REDACTED, Credentials
from .errors import LocalProtocolError, RemoteProtocolError
from .events import (
    CommandSent,
    Ending,
    Event,
    Finished,
    NoteAdded,
    Outcome,
    ReplyReceived,
    Security,
    Stage,
    TlsRequested,
)
from .limits import MAX_BYTES_PER_RUN, MAX_SASL_ROUND_TRIPS
from .replies import Reply, ReplyParser, printable
from .sasl import (
    MECHANISMS,
    DecodedChallenge,
    Mechanism,
    SaslFinished,
    Step,
    choose_mechanism,
    decode_challenge,
)


@dataclass(frozen=True)
class SessionConfig:
    security: Security
    credentials: Credentials
    host: str = ""  # for OAUTHBEARER's host= field
    port: int = 0
    mechanism: str = "auto"
    allow_plaintext_auth: bool = False
    ehlo_name: str = "mailtester.localhost"
    initial_response: bool | None = None  # None: the usual choice per mechanism


@dataclass
class SmtpSession:
    config: SessionConfig
    stage: Stage = Stage.GREETING
    tls_active: bool = False
    extensions: dict[str, str] = field(default_factory=dict)
    mechanism: Mechanism | None = None
    finished: Outcome | None = None

    def __post_init__(self) -> None:
        self._parser = ReplyParser()
        self._received = 0
        self._awaiting = True  # the greeting
        self._aborting = False
        self._round_trips = 0
        self._oauth_error: tuple[tuple[str, str], ...] = ()
        self._events: list[Event] = []

    # -- inputs ---------------------------------------------------------------

    def receive_data(self, data: bytes) -> list[Event]:
        if self.finished is not None:
            return []  # after the outcome only the QUIT reply may come; ignore
        self._received += len(data)
        try:
            if self._received > MAX_BYTES_PER_RUN:
                raise RemoteProtocolError(f"server sent more than {MAX_BYTES_PER_RUN} bytes")
            if self._in_handshake:
                return self._take()  # nothing may be read before the handshake
            self._parser.feed(data)
            while self.finished is None and not self._in_handshake:
                reply = self._parser.next_reply()
                if reply is None:
                    break
                if not self._awaiting:
                    raise RemoteProtocolError("server sent a reply before being asked")
                self._awaiting = False
                self._handle(reply)
                if self._awaiting and self._parser.has_unparsed_data and not self._in_handshake:
                    raise RemoteProtocolError(
                        "server sent more data before it could have seen our command"
                    )
        except RemoteProtocolError as exc:
            self._finish(False, Ending.MALFORMED, detail=str(exc), quit=False)
        return self._take()

    def tls_established(self) -> list[Event]:
        """The TLS handshake succeeded (STARTTLS, or implicit TLS before the greeting)."""
        self.tls_active = True
        if self.stage is Stage.TLS:
            self.extensions = {}  # never trust what was offered in the clear
            self._ehlo()
        return self._take()

    def connection_lost(self) -> list[Event]:
        if self.finished is None:
            self._finish(False, Ending.CLOSED, detail="the server closed the connection", quit=False)
        return self._take()

    # -- the dialogue -----------------------------------------------------------

    def _handle(self, reply: Reply) -> None:
        challenge = decode_challenge(reply.lines[-1]) if reply.code == 334 and self.stage is Stage.AUTH else None
        self._events.append(ReplyReceived(reply, challenge, self.stage))
        if reply.code == 421:  # the server is closing the session, whatever we sent
            self._finish(False, Ending.SERVICE_CLOSING, reply, quit=False)
            return
        if self.stage is Stage.GREETING:
            if reply.code != 220:
                self._finish(False, Ending.GREETING_REJECTED, reply)
                return
            self._ehlo()
        elif self.stage is Stage.EHLO:
            if reply.code != 250:
                self._finish(False, Ending.EHLO_REJECTED, reply)
                return
            self.extensions = _parse_ehlo(reply)
            if self.config.security is Security.STARTTLS and not self.tls_active:
                if "STARTTLS" not in self.extensions:
                    self._finish(False, Ending.STARTTLS_UNAVAILABLE, reply,
                                 detail="the server does not offer STARTTLS")
                    return
                self.stage = Stage.STARTTLS
                self._send(b"STARTTLS")
            else:
                self._start_auth(reply)
        elif self.stage is Stage.STARTTLS:
            if reply.code != 220:
                self._finish(False, Ending.STARTTLS_FAILED, reply)
                return
            self.stage = Stage.TLS
            if self._parser.has_unparsed_data:
                self._events.append(NoteAdded("discarded"))
            self._parser.clear()
            self._events.append(TlsRequested())
        elif self.stage is Stage.AUTH:
            self._auth_reply(reply, challenge)

    def _ehlo(self) -> None:
        self.stage = Stage.EHLO
        self._send(b"EHLO " + self.config.ehlo_name.encode("ascii"))

    def _start_auth(self, ehlo: Reply) -> None:
        self.stage = Stage.AUTH
        offered = self.offered
        cfg = self.config
        if not offered:
            self._finish(False, Ending.AUTH_NOT_OFFERED, ehlo, detail="the server offers no AUTH")
            return
        if not self.tls_active and not cfg.allow_plaintext_auth:
            self._finish(False, Ending.PLAINTEXT_REFUSED, ehlo,
                         detail="credentials would be sent unencrypted; not allowed")
            return
        name = choose_mechanism(list(offered), cfg.credentials) if cfg.mechanism == "auto" else cfg.mechanism.upper()
        if name is None or name not in offered or name not in MECHANISMS:
            self._finish(False, Ending.MECHANISM_UNSUPPORTED, ehlo,
                         detail=f"{cfg.mechanism if name is None else name} is not among the offered mechanisms")
            return
        # LOGIN's initial response is mishandled by some servers: off unless asked.
        initial_response = cfg.initial_response if cfg.initial_response is not None else name != "LOGIN"
        mech = MECHANISMS[name](cfg.credentials, initial_response=initial_response,
                                host=cfg.host, port=cfg.port)
        self.mechanism = mech
        self._events.append(NoteAdded("mechanism", (" ".join(offered), name)))
        step = mech.initial()
        if step is None:
            self._send(f"AUTH {name}".encode())
        else:
            self._send_step(step, prefix=f"AUTH {name} ")

    def _auth_reply(self, reply: Reply, challenge: DecodedChallenge | None) -> None:
        mech = self.mechanism
        assert mech is not None
        if reply.code == 334 and not self._aborting:
            self._round_trips += 1
            assert challenge is not None
            if mech.needs_token and challenge.oauth_error is not None:
                self._oauth_error = tuple((str(k), str(v)) for k, v in challenge.oauth_error.items())
            try:
                if self._round_trips > MAX_SASL_ROUND_TRIPS:
                    raise SaslFinished("too many challenges")
                # A challenge that is not base64 is answered by position all the same.
                step = mech.respond(challenge.data if challenge.is_base64 else challenge.raw.encode())
            except SaslFinished:
                self._aborting = True
                self._send(b"*")
                return
            self._send_step(step)
            return
        if self._aborting:
            self._finish(False, Ending.UNEXPECTED_CHALLENGE, reply,
                         detail="the server kept sending challenges after the mechanism had finished")
        elif reply.code == 235 and mech.complete:
            self._finish(True, Ending.AUTHENTICATED, reply)
        elif reply.code == 235:
            self._finish(False, Ending.UNEXPECTED_SUCCESS, reply,
                         detail="the server accepted the login before the credentials were sent")
        else:
            self._finish(False, Ending.AUTH_REJECTED, reply)

    # -- helpers ----------------------------------------------------------------

    @property
    def _in_handshake(self) -> bool:
        return self.stage is Stage.TLS

    @property
    def offered(self) -> tuple[str, ...]:
        return tuple(self.extensions.get("AUTH", "").upper().split())

    def _send_step(self, step: Step, prefix: str = "") -> None:
        # An empty initial response is "=" (RFC 4954); an empty answer is an empty line.
        data = base64.b64encode(step.data) or (b"=" if prefix else b"")
        self._send(prefix.encode() + data, secret=step.secret, shown_prefix=prefix,
                   decoded=None if step.secret else printable(step.data))

    def _send(self, line: bytes, *, secret: bool = False, shown_prefix: str = "",
              decoded: str | None = None) -> None:
        if b"\r" in line or b"\n" in line:
            raise LocalProtocolError("a command may not contain CR or LF")
        shown = shown_prefix + REDACTED if secret else line.decode("ascii", "replace")
        self._events.append(CommandSent(line + b"\r\n", shown, decoded, self.stage))
        self._awaiting = True

    def _finish(self, ok: bool, ending: Ending, reply: Reply | None = None, *,
                detail: str = "", quit: bool = True) -> None:
        stage = Stage.DONE if ok else self.stage
        self.finished = Outcome(
            ok=ok, ending=ending, stage=stage, reply=reply,
            mechanism=self.mechanism.name if self.mechanism else None,
            offered=self.offered, starttls_offered="STARTTLS" in self.extensions,
            oauth_error=self._oauth_error, detail=detail,
        )
        if quit:
            self._send(b"QUIT")
        self._events.append(Finished(self.finished))

    def _take(self) -> list[Event]:
        events, self._events = self._events, []
        return events


def _parse_ehlo(reply: Reply) -> dict[str, str]:
    """EHLO keywords (upper case) to their parameters. `AUTH=` is the old form."""
    ext: dict[str, str] = {}
    for line in reply.lines[1:]:
        keyword, _, params = line.strip().partition(" ")
        keyword = keyword.upper()
        if keyword.startswith("AUTH="):
            params, keyword = keyword[5:] + " " + params, "AUTH"
        if keyword == "AUTH" and "AUTH" in ext:
            params = ext["AUTH"] + " " + params
        ext[keyword] = " ".join(params.split())
    if "AUTH" in ext:  # merge duplicates from AUTH and AUTH= lines
        ext["AUTH"] = " ".join(dict.fromkeys(ext["AUTH"].split()))
    return ext
