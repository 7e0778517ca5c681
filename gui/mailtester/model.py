"""The data every layer shares: what a check needs, what it saw, and how it
ended. Pure data: no asyncio, ssl or Qt, so reports and the window can use it."""

from __future__ import annotations

import socket
from dataclasses import field
from typing import Any

from .protocol.credentials import Credentials
from .protocol.events import Outcome
from .protocol.kinds import Protocol, Security, Stage, default_port
from .protocol.limits import DEFAULT_TIMEOUT
from .protocol.record import Record
from .protocol.replies import Reply
from .settings import normalize_host


class CheckSettings(Record):
    """Everything one check needs: where, how, and as whom."""

    host: str  # as typed (for display and SNI after IDNA encoding)
    security: Security
    credentials: Credentials = field(default_factory=Credentials)
    port: int | None = None
    mechanism: str = "auto"
    ca_file: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    family: int = socket.AF_UNSPEC
    allow_plaintext_auth: bool = False
    pinned_sha256: str | None = None  # trust exactly this certificate
    initial_response: bool | None = None
    protocol: Protocol = Protocol.SMTP
    dns_server: str | None = None  # "IP[:PORT]": resolve the host there (dnspython), not the system's resolver

    @property
    def effective_port(self) -> int:
        return self.port or default_port(self.protocol, self.security)

    @property
    def connect_host(self) -> str:
        """The host in the form the resolver and TLS want (IDNA, no brackets)."""
        return normalize_host(self.host)

    def public_dict(self) -> dict[str, object]:
        """Settings for reports: never a password or token."""
        return {
            "protocol": self.protocol.value,
            "host": self.host,
            "port": self.effective_port,
            "security": self.security.value,
            "user": self.credentials.user,
            "mechanism": self.mechanism,
            "ca_file": self.ca_file,
            "timeout": self.timeout,
            "family": {int(socket.AF_INET): "ipv4", int(socket.AF_INET6): "ipv6"}.get(self.family, "any"),
            "allow_plaintext_auth": self.allow_plaintext_auth,
            "dns_server": self.dns_server,
        }


def endpoint(host: str, port: int) -> str:
    """host:port, with an IPv6 address in brackets."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


class Probe(Record):
    """What a second, credential-free connection to the same port found."""

    tls: bool | None = None  # TLS from the first byte answered (tried after a silent greeting)
    service: Protocol | None = None  # the service that greeted in plain text (tried after "not TLS")
    starttls: bool = False  # ... and it offered STARTTLS

    def as_dict(self) -> dict[str, Any]:
        return {"tls": self.tls, "service": self.service.value if self.service else None,
                "starttls": self.starttls}


class TlsInfo(Record):
    """The encryption a handshake agreed on, and the certificate the server showed."""

    version: str
    cipher: str
    verified: bool
    subject: str
    issuer: str
    sans: tuple[str, ...]
    not_after: str
    sha256: str

    def as_dict(self) -> dict[str, Any]:
        return {"version": self.version, "cipher": self.cipher, "verified": self.verified,
                "subject": self.subject, "issuer": self.issuer, "sans": list(self.sans),
                "not_after": self.not_after, "sha256": self.sha256}


class TlsFailure(Record):
    """Why a TLS handshake failed, by kind."""

    # untrusted, expired, not-yet-valid, hostname, protocol-too-old, not-tls,
    # closed, timeout, pin-mismatch, server-alert (sent by the server), handshake
    kind: str
    message: str
    verify_code: int | None = None


class TimelineEntry(Record):
    """One line of the live timeline: a command, a reply or a local note."""

    t: float  # seconds since the run started (monotonic)
    direction: str  # "C" client to server, "S" server to client, "-" local note
    tls: bool
    text: str
    decoded: str | None = None  # a 334 challenge as text
    flagged: bool = False  # a challenge that was not valid base64
    stage: Stage = Stage.DNS  # where the run was when this happened
    key: str | None = None  # for local notes: the NOTES key and its arguments, for translation
    args: tuple[str, ...] = ()


class CheckResult(Record):
    """What one check saw, from the name lookup to its outcome."""

    settings: CheckSettings
    outcome: Outcome
    timeline: tuple[TimelineEntry, ...]
    tls: TlsInfo | None
    tls_failure: TlsFailure | None
    greeting: Reply | None
    elapsed: float
    address: str | None  # the address that answered
    probe: Probe | None = None
    local_address: str | None = None  # this computer's end of the connection ("192.0.2.7:50412")
    started: str = ""  # when the test began, ISO 8601 with the local time zone

    @property
    def ok(self) -> bool:
        return self.outcome.ok
