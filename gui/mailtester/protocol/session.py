"""What the SMTP, IMAP and POP3 login cores share: the driver's interface,
limits, the recognition of another protocol's greeting, sending, and the
outcome.

The driver feeds received bytes to `receive_data`, writes the bytes of every
`CommandSent`, starts TLS on `TlsRequested` and calls `tls_established`, and
stops on `Finished`.
"""

from __future__ import annotations

from typing import ClassVar

from .credentials import REDACTED, Credentials
from .errors import LocalProtocolError, RemoteProtocolError
from .events import CommandSent, Event, Finished, NoteAdded, Outcome, ReplyReceived
from .kinds import Ending, Protocol, Security, Stage
from .limits import MAX_BYTES_PER_RUN, MAX_LINE_LENGTH
from .record import Record
from .replies import Reply, printable, service_of_greeting, take_line
from .sasl import DecodedChallenge, SaslExchange, SaslLine

# Endings the client decides on from what the server offered, not from a refusal.
OWN_DECISIONS = frozenset({Ending.AUTH_NOT_OFFERED, Ending.PLAINTEXT_REFUSED, Ending.MECHANISM_UNSUPPORTED,
                           Ending.LOGIN_DISABLED, Ending.STARTTLS_UNAVAILABLE})

# The value of `mechanism` that asks for the protocol's own login command
# (IMAP LOGIN, POP3 USER/PASS) instead of SASL; and POP3's APOP.
NATIVE = "NATIVE"
APOP = "APOP"


# eq=False, repr=False: never compared or printed; fewer methods generated at start (issue 14).
class SessionConfig(Record):
    """What a protocol core needs to know to log in."""

    security: Security
    credentials: Credentials
    host: str = ""  # for OAUTHBEARER's host= field
    port: int = 0
    mechanism: str = "auto"  # auto, a SASL name, NATIVE, or APOP (POP3)
    allow_plaintext_auth: bool = False
    ehlo_name: str = "mailtester.localhost"
    initial_response: bool | None = None  # None: the usual choice per mechanism
    client_name: str = "Mail Account Tester"  # for IMAP ID
    client_version: str = ""
    keep_open: bool = False  # after a successful login, send no QUIT/LOGOUT: the driver goes on (round trip)


class LoginSession:
    """Base of the three cores. Subclasses parse in `_feed` and call `_send`
    and `_finish`; a RemoteProtocolError anywhere ends the run as malformed."""

    protocol: ClassVar[Protocol]

    def __init__(self, config: SessionConfig) -> None:
        self.config = config
        self.stage = Stage.GREETING
        self.tls_active = False
        self.finished: Outcome | None = None
        self.sasl: SaslExchange | None = None
        self.method: str | None = None  # the SASL mechanism or native command used
        self.quit_sent = False  # QUIT or LOGOUT went out: its reply is worth a short wait
        self.login_reply: Reply | None = None  # IMAP/POP3: the accepted login, reported on success
        self._received = 0
        self._awaiting = True  # a reply is due (first the greeting)
        self._first_line: bytearray | None = bytearray()  # until the greeting's first line is complete
        self._events: list[Event] = []

    # -- inputs from the driver -------------------------------------------------

    def receive_data(self, data: bytes) -> list[Event]:
        if self.finished is not None:
            return []  # after the outcome only the logout reply may come; ignore
        self._received += len(data)
        try:
            if self._received > MAX_BYTES_PER_RUN:
                raise RemoteProtocolError(f"server sent more than {MAX_BYTES_PER_RUN} bytes")
            if self.in_handshake:
                return self._take()  # nothing may be read before the handshake
            if self._first_line is not None and self.stage is Stage.GREETING:
                data = self._check_greeting(data)
            if data:
                self._feed(data)
        except RemoteProtocolError as exc:
            if exc.line is not None:  # shown, so the person sees what broke the dialogue
                shown = printable(exc.line[:MAX_LINE_LENGTH])
                self._events.append(ReplyReceived(Reply(None, (shown,), (shown,)), None, self.stage))
            self._finish(False, Ending.MALFORMED, detail=str(exc), quit=False)
        except Exception as exc:  # a bug of ours, met on this server's input: an ending, never a traceback
            detail = f"internal error while reading the reply ({type(exc).__name__})"
            self._finish(False, Ending.MALFORMED, detail=detail, quit=False)
        return self._take()

    def tls_established(self) -> list[Event]:
        """The TLS handshake succeeded (STARTTLS, or implicit TLS before the greeting)."""
        self.tls_active = True
        if self.stage is Stage.TLS:
            self._forget_capabilities()  # never trust what was offered in the clear
            self._after_starttls()
        return self._take()

    def connection_lost(self) -> list[Event]:
        if self.finished is None:
            self._closed()
        return self._take()

    # -- what subclasses provide --------------------------------------------------

    def _feed(self, data: bytes) -> None:
        raise NotImplementedError

    def _after_starttls(self) -> None:
        raise NotImplementedError

    def _forget_capabilities(self) -> None:
        raise NotImplementedError

    def _quit(self) -> None:
        raise NotImplementedError

    def _closed(self) -> None:
        self._finish(False, Ending.CLOSED, detail="the server closed the connection", quit=False)

    @property
    def offered(self) -> tuple[str, ...]:
        """The SASL mechanisms offered (upper case)."""
        raise NotImplementedError

    @property
    def starttls_offered(self) -> bool:
        raise NotImplementedError

    @property
    def in_handshake(self) -> bool:
        """Between the go-ahead for STARTTLS and the driver's tls_established()."""
        return self.stage is Stage.TLS

    # -- shared steps ---------------------------------------------------------------

    def _check_greeting(self, data: bytes) -> bytes:
        """Hold bytes until the first line is complete; end the run, sending
        nothing, when it is another protocol's greeting."""
        assert self._first_line is not None
        self._first_line += data
        line = take_line(self._first_line, peek=True)
        if line is None:
            return b""
        held, self._first_line = bytes(self._first_line), None
        service = service_of_greeting(line)
        if service is not None and service is not self.protocol:
            shown = printable(line)
            self._finish(False, Ending.WRONG_SERVICE, Reply(None, (shown,), (shown,)), quit=False,
                         detail=f"a {service.value.upper()} server answered", answered_by=service)
            return b""
        return held

    def _reply_due(self) -> None:
        """One command outstanding at a time (SMTP, POP3): a reply nobody asked for breaks the dialogue."""
        if not self._awaiting:
            raise RemoteProtocolError("server sent a reply before being asked")
        self._awaiting = False

    def _no_early_answer(self, pending: bool) -> None:
        """Bytes already buffered when a reply led to our next command could not answer that command."""
        if self._awaiting and pending and not self.in_handshake:
            raise RemoteProtocolError("server sent more data before it could have seen our command")

    def _answer_challenge(self, reply: Reply, challenge: DecodedChallenge) -> None:
        """Answer a SASL challenge; one after the mechanism had said all ("*" sent) ends the run."""
        assert self.sasl is not None
        if self.sasl.aborting:
            self._finish(False, Ending.UNEXPECTED_CHALLENGE, reply,
                         detail="the server kept sending challenges after the mechanism had finished")
        else:
            self._send_sasl(self.sasl.answer(challenge))

    def _login_accepted(self, reply: Reply, ok: bool) -> bool:
        """The final reply to an IMAP or POP3 login: True when the command after it should go out."""
        if not ok:
            self._finish(False, Ending.AUTH_REJECTED, reply)
            return False
        if self.sasl is not None and not self.sasl.complete:
            self._finish(False, Ending.UNEXPECTED_SUCCESS, reply,
                         detail="the server accepted the login before the credentials were sent")
            return False
        self.login_reply = reply
        self.stage = Stage.AFTER_LOGIN
        return True

    def _note_mechanism(self, offered: tuple[str, ...], name: str) -> None:
        self._events.append(NoteAdded("mechanism", (" ".join(offered), name)))
        if name == "CRAM-MD5" and not self.tls_active and self.config.mechanism == "auto":
            self._events.append(NoteAdded("cram-preferred"))

    def _plaintext_refused(self, reply: Reply | None) -> bool:
        """Stop before any credential would cross an unencrypted connection, unless allowed."""
        if self.tls_active or self.config.allow_plaintext_auth:
            return False
        self._finish(False, Ending.PLAINTEXT_REFUSED, reply,
                     detail="credentials would be sent unencrypted; not allowed")
        return True

    def _send(self, line: bytes, *, secret: bool = False, shown: str | None = None, decoded: str | None = None,
              secret_forms: tuple[str, ...] = (), secret_messages: tuple[bytes, ...] = ()) -> None:
        if b"\r" in line or b"\n" in line:
            raise LocalProtocolError("a command may not contain CR or LF")
        if shown is None:
            shown = REDACTED if secret else line.decode("ascii", "replace")
        self._events.append(CommandSent(line + b"\r\n", shown, decoded, self.stage, secret_forms, secret_messages))
        self._awaiting = True

    def _send_sasl(self, line: SaslLine, prefix: str = "") -> None:
        self._send(prefix.encode() + line.data, secret=line.secret,
                   shown=prefix + REDACTED if line.secret else None, decoded=line.decoded,
                   secret_forms=line.secret_forms, secret_messages=(line.message,) if line.secret else ())

    def _finish(self, ok: bool, ending: Ending, reply: Reply | None = None, *, detail: str = "",
                quit: bool = True, answered_by: Protocol | None = None) -> None:
        if ending in OWN_DECISIONS and reply is not None and reply.ok:
            reply = None  # the server refused nothing: no reply decided this (never the EHLO 250)
        self.finished = Outcome(
            ok=ok, ending=ending, stage=Stage.DONE if ok else self.stage, reply=reply,
            mechanism=self.method, offered=self.offered, starttls_offered=self.starttls_offered,
            oauth_error=self.sasl.oauth_error if self.sasl else (), detail=detail, answered_by=answered_by,
        )
        if quit and not (ok and self.config.keep_open):
            self._quit()
            self.quit_sent = True
        self._events.append(Finished(self.finished))

    def _take(self) -> list[Event]:
        events, self._events = self._events, []
        return events
