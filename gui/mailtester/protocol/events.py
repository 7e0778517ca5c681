"""What the core tells its driver, as frozen dataclasses named for what happened."""

from __future__ import annotations

from dataclasses import field

from .kinds import DEFAULT_PORTS, Ending, Protocol, Security, Stage, default_port
from .record import Record
from .replies import Reply
from .sasl import DecodedChallenge

__all__ = ["DEFAULT_PORTS", "NOTES", "CommandSent", "Ending", "Event", "Finished", "NoteAdded", "Outcome",
           "Protocol", "ReplyReceived", "Security", "Stage", "TlsRequested", "default_port"]


class Event(Record):
    """What a core tells its driver."""


class CommandSent(Event):
    """Bytes to write. `shown` is what the timeline may show (secrets redacted)."""

    data: bytes = field(repr=False)
    shown: str
    decoded: str | None = None  # a SASL answer without secrets, as text
    stage: Stage = Stage.GREETING
    # Forms of secret data this command carries that a server could echo back
    # (base64 of a SASL message, an IMAP quoted string): redacted from then on.
    secret_forms: tuple[str, ...] = field(default=(), repr=False)
    secret_messages: tuple[bytes, ...] = field(default=(), repr=False)  # raw secret messages, for decoded echoes


class ReplyReceived(Event):
    """A complete server reply, with its SASL challenge decoded when it is one."""

    reply: Reply
    challenge: DecodedChallenge | None = None
    stage: Stage = Stage.GREETING  # the stage that awaited this reply


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
    "discarded-any": "Discarded data the server sent after its go-ahead and before encryption started",
    "mechanism": "Server offers {0}; using {1}",
    "native-login": "Server offers {0}; using the {1} command",
    "cram-preferred": "Without encryption CRAM-MD5 is used: the password itself does not cross the network",
    "no-capa": "The server does not list its capabilities; trying the usual commands",
    "probe-tls": "No greeting yet: trying SSL/TLS on a second connection to the same port (no password sent)",
    "probe-tls-yes": "The second connection answered in SSL/TLS: this port expects encryption from the first byte",
    "probe-tls-no": "The second connection did not answer in SSL/TLS either",
    "probe-plain": "Reading what the port says without encryption, on a second connection (no password sent)",
    "probe-plain-result": "Without encryption this port speaks {0}",
    "probe-plain-starttls": "Without encryption this port speaks {0} and offers STARTTLS",
}


class NoteAdded(Event):
    """A local remark for the timeline (not on the wire)."""

    key: str
    args: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return NOTES[self.key].format(*self.args)


class Outcome(Record):
    """How a run ended, as the core (or the driver) saw it."""

    ok: bool
    ending: Ending
    stage: Stage
    reply: Reply | None = None
    mechanism: str | None = None
    offered: tuple[str, ...] = ()
    starttls_offered: bool = False
    oauth_error: tuple[tuple[str, str], ...] = ()  # the JSON an OAuth server sent in its challenge
    detail: str = ""
    answered_by: Protocol | None = None  # for WRONG_SERVICE: the protocol whose greeting came

    @property
    def oauth_error_fields(self) -> dict[str, str]:
        return dict(self.oauth_error)


class Finished(Event):
    """The session is over: nothing more to send or read."""

    outcome: Outcome
