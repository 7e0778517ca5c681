"""What "find my settings" answers: candidate servers, best first, and what each source said.

Plain data, no I/O: the command, the window and the later online sources share it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..protocol.kinds import Protocol, Security
from ..protocol.record import Record

if TYPE_CHECKING:
    from ..model import TlsInfo

# RFC 8314: implicit TLS before STARTTLS; unencrypted last of all.
SECURITY_ORDER = {Security.TLS: 0, Security.STARTTLS: 1, Security.NONE: 2}
PROTOCOL_ORDER = {Protocol.IMAP: 0, Protocol.POP3: 1, Protocol.SMTP: 0}


class CertificateSeen(Record):
    """What a probe's TLS handshake showed: whether the certificate verified for the host, and if not,
    why (the TLS library's words). `tls` is the whole certificate, for a window to show."""

    verified: bool
    problem: str | None
    tls: TlsInfo | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"verified": self.verified, "problem": self.problem}


class Candidate(Record):
    """One server an address may use.

    `user` is the source's user-name template resolved for the address. `source` names the
    lookup that proposed it ("bundled": the provider database shipped with the program).
    `confirmed`: a credential-free probe (probe.py) reached the server and saw the greeting and
    capabilities of this protocol with this security. `insecure`: the proposal came over a channel an
    attacker could have changed (autoconfig over plain HTTP, unsigned DNS, a guessed name), so it must
    be shown for approval before a password goes there; never for the bundled data. `certificate`:
    what the probe's TLS handshake showed (None: not probed, or no TLS).
    """

    protocol: Protocol
    host: str
    port: int
    security: Security
    user: str
    source: str
    confirmed: bool
    insecure: bool
    certificate: CertificateSeen | None

    @property
    def key(self) -> tuple[Protocol, str, int, Security]:
        """Two candidates with the same key are the same server, whoever proposed them."""
        return (self.protocol, self.host, self.port, self.security)

    def as_dict(self) -> dict[str, Any]:
        return {"protocol": self.protocol.value, "host": self.host, "port": self.port,
                "security": self.security.value, "user": self.user, "source": self.source,
                "confirmed": self.confirmed, "insecure": self.insecure,
                "certificate": self.certificate.as_dict() if self.certificate is not None else None}


def rank(candidates: list[Candidate]) -> tuple[Candidate, ...]:
    """Best first: anything encrypted before anything unencrypted, IMAP before POP3, implicit TLS
    before STARTTLS (RFC 8314); otherwise the order the sources gave (a stable sort)."""
    return tuple(sorted(candidates, key=lambda c: (c.security is Security.NONE, PROTOCOL_ORDER[c.protocol],
                                                   SECURITY_ORDER[c.security])))


class SourceReport(Record):
    """One lookup: what was asked, whether it answered, and how long it took."""

    source: str  # "bundled", "autoconfig", "well-known", "ispdb", "autodiscover", "mx", "srv", "probe"
    query: str  # the domain or URL asked for
    result: str  # "found", "none" or "error"
    elapsed: float  # seconds
    detail: str = ""  # for people: who answered, or why it is an error (not in the JSON contract)

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "query": self.query, "result": self.result,
                "elapsed": round(self.elapsed, 6)}


class DetectResult(Record):
    address: str  # as given (without surrounding spaces)
    domain: str  # the address's domain as an ASCII (IDNA) name
    incoming: tuple[Candidate, ...]  # IMAP and POP3, best first
    outgoing: tuple[Candidate, ...]  # SMTP, best first
    sources: tuple[SourceReport, ...]
    names: tuple[str, ...] = ()  # who answered, for people: "WEB.DE Freemail (ISPDB web.de)", ...

    @property
    def found(self) -> bool:
        return bool(self.incoming or self.outgoing)

    def as_dict(self) -> dict[str, Any]:
        return {"address": self.address, "domain": self.domain, "found": self.found,
                "incoming": [c.as_dict() for c in self.incoming],
                "outgoing": [c.as_dict() for c in self.outgoing],
                "sources": [s.as_dict() for s in self.sources]}
