"""The SMTP AUTH dialogue as a sans-I/O state machine.

The driver feeds received bytes to `receive_data`, writes the bytes of every
`CommandSent`, starts TLS on `TlsRequested` and calls `tls_established`, and
stops on `Finished`. One command is outstanding at a time (no pipelining), so
bytes that arrive together with a reply, before the server could have seen our
next command, are a protocol violation.
"""

from __future__ import annotations

from .events import NoteAdded, ReplyReceived, TlsRequested
from .kinds import Ending, Protocol, Security, Stage
from .replies import Reply, ReplyParser
from .sasl import MECHANISMS, DecodedChallenge, SaslExchange, decode_challenge, pick_mechanism
from .session import LoginSession, SessionConfig

__all__ = ["SessionConfig", "SmtpSession"]


class SmtpSession(LoginSession):
    protocol = Protocol.SMTP

    def __init__(self, config: SessionConfig) -> None:
        super().__init__(config)
        self.extensions: dict[str, str] = {}
        self._parser = ReplyParser()

    # -- parsing ------------------------------------------------------------------

    def _feed(self, data: bytes) -> None:
        self._parser.feed(data)
        while self.finished is None and not self.in_handshake:
            reply = self._parser.next_reply()
            if reply is None:
                break
            self._reply_due()
            self._handle(reply)
            self._no_early_answer(self._parser.has_unparsed_data)

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

    def _after_starttls(self) -> None:
        self._ehlo()

    def _forget_capabilities(self) -> None:
        self.extensions = {}

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
        if self._plaintext_refused(ehlo):
            return
        name = pick_mechanism(cfg.mechanism, offered, cfg.credentials, self.tls_active)
        if name is None:
            wanted = cfg.mechanism if cfg.mechanism == "auto" else cfg.mechanism.upper()
            self._finish(False, Ending.MECHANISM_UNSUPPORTED, ehlo,
                         detail=f"{wanted} is not among the offered mechanisms")
            return
        # LOGIN's initial response is mishandled by some servers: off unless asked.
        initial_response = cfg.initial_response if cfg.initial_response is not None else name != "LOGIN"
        self.sasl = SaslExchange(MECHANISMS[name](cfg.credentials, initial_response=initial_response,
                                                  host=cfg.host, port=cfg.port))
        self.method = name
        self._note_mechanism(offered, name)
        line = self.sasl.initial()
        if line is None:
            self._send(f"AUTH {name}".encode())
        else:
            self._send_sasl(line, prefix=f"AUTH {name} ")

    def _auth_reply(self, reply: Reply, challenge: DecodedChallenge | None) -> None:
        sasl = self.sasl
        assert sasl is not None
        if challenge is not None:
            self._answer_challenge(reply, challenge)
        elif sasl.aborting:
            self._finish(False, Ending.UNEXPECTED_CHALLENGE, reply,
                         detail="the server kept sending challenges after the mechanism had finished")
        elif reply.code == 235 and sasl.complete:
            self._finish(True, Ending.AUTHENTICATED, reply)
        elif reply.code == 235:
            self._finish(False, Ending.UNEXPECTED_SUCCESS, reply,
                         detail="the server accepted the login before the credentials were sent")
        else:
            self._finish(False, Ending.AUTH_REJECTED, reply)

    def _quit(self) -> None:
        self._send(b"QUIT")

    # -- facts ----------------------------------------------------------------------

    @property
    def offered(self) -> tuple[str, ...]:
        return tuple(self.extensions.get("AUTH", "").upper().split())

    @property
    def starttls_offered(self) -> bool:
        return "STARTTLS" in self.extensions


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
