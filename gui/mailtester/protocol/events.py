"""What the core tells its driver, as frozen dataclasses named for what happened."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .replies import Reply
from .sasl import DecodedChallenge


class Stage(StrEnum):
    """How far a run got. The order is the order of a run."""

    DNS = "dns"
    CONNECT = "connect"
    TLS = "tls"
    GREETING = "greeting"
    EHLO = "ehlo"
    STARTTLS = "starttls"
    AUTH = "auth"
    DONE = "done"


class Security(StrEnum):
    TLS = "tls"  # implicit TLS from the first byte
    STARTTLS = "starttls"
    NONE = "none"

    @property
    def default_port(self) -> int:
        return {"tls": 465, "starttls": 587, "none": 25}[self.value]


class Ending(StrEnum):
    """Why a run ended, in protocol terms (the diagnosis adds the meaning)."""

    AUTHENTICATED = "authenticated"
    AUTH_REJECTED = "auth-rejected"  # 4xx/5xx final reply to AUTH
    AUTH_NOT_OFFERED = "auth-not-offered"
    MECHANISM_UNSUPPORTED = "mechanism-unsupported"
    PLAINTEXT_REFUSED = "plaintext-refused"  # our own refusal, nothing sent
    STARTTLS_UNAVAILABLE = "starttls-unavailable"
    STARTTLS_FAILED = "starttls-failed"
    SERVICE_CLOSING = "service-closing"  # 421 at any point
    GREETING_REJECTED = "greeting-rejected"
    EHLO_REJECTED = "ehlo-rejected"
    UNEXPECTED_CHALLENGE = "unexpected-challenge"
    UNEXPECTED_SUCCESS = "unexpected-success"
    MALFORMED = "malformed"
    CLOSED = "closed"
    # Set by the driver:
    DNS_FAILED = "dns-failed"
    REFUSED = "refused"
    UNREACHABLE = "unreachable"
    CONNECT_TIMEOUT = "connect-timeout"
    TLS_FAILED = "tls-failed"
    TIMEOUT = "timeout"
    CANCELLED = "cancelled"


class Event:
    pass


@dataclass(frozen=True)
class CommandSent(Event):
    """Bytes to write. `shown` is what the timeline may show (secrets redacted)."""

    data: bytes = field(repr=False)
    shown: str
    decoded: str | None = None  # a SASL answer without secrets, as text
    stage: Stage = Stage.GREETING


@dataclass(frozen=True)
class ReplyReceived(Event):
    reply: Reply
    challenge: DecodedChallenge | None = None
    stage: Stage = Stage.GREETING  # the stage that awaited this reply


@dataclass(frozen=True)
class TlsRequested(Event):
    """The server said go for STARTTLS: the driver starts the handshake now."""


# Local remarks for the timeline, by key: English templates here ({0}, {1}
# are the arguments); the window translates each key on display.
NOTES = {
    "lookup": "Looking up {0}",
    "lookup-timeout": "The name lookup did not answer in time",
    "lookup-failed": "The name was not found: {0}",
    "connecting": "Connecting to {0} port {1}",
    "connect-timeout": "No answer from {0} within {1} s",
    "refused": "{0} refused the connection",
    "unreachable": "Cannot reach {0}: {1}",
    "connected": "Connected to {0} port {1}",
    "gave-up": "Gave up: the whole test took longer than {0} s",
    "no-greeting": "No greeting from the server within {0} s",
    "no-reply": "No reply from the server within {0} s",
    "closed": "The server closed the connection",
    "tls-start": "Starting TLS",
    "tls-failed": "TLS failed: {0}",
    "tls-changed": "TLS failed: the certificate changed since you trusted it",
    "tls-ok": "TLS established: {0}, {1}",
    "tls-pinned": "TLS established: {0}, {1} (certificate pinned by you)",
    "discarded": "Discarded data the server sent after 220 and before encryption started",
    "mechanism": "Server offers {0}; using {1}",
}


@dataclass(frozen=True)
class NoteAdded(Event):
    """A local remark for the timeline (not on the wire)."""

    key: str
    args: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return NOTES[self.key].format(*self.args)


@dataclass(frozen=True)
class Outcome:
    ok: bool
    ending: Ending
    stage: Stage
    reply: Reply | None = None
    mechanism: str | None = None
    offered: tuple[str, ...] = ()
    starttls_offered: bool = False
    oauth_error: tuple[tuple[str, str], ...] = ()  # the JSON an OAuth server sent in its 334
    detail: str = ""

    @property
    def oauth_error_fields(self) -> dict[str, str]:
        return dict(self.oauth_error)


@dataclass(frozen=True)
class Finished(Event):
    outcome: Outcome
