"""The credential-free probe: does a server answer there, in this protocol and security mode?

One probe is one run of the driver (driver/client.py: its connect, TLS and the sans-I/O cores) with
credentials that hold no password or token and a mechanism no server offers: the session stops at the
choice of a login method, after the greeting and the capabilities (after STARTTLS for a STARTTLS
candidate, which is refused when STARTTLS is not offered), sends QUIT or LOGOUT and nothing else. So
nothing secret can be sent: detection never has a password.

`guess` is the source of last resort (Thunderbird's guess step): common names of the domain on the
standard ports; `observe` checks a candidate another source proposed.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import CheckSettings
from ..protocol.credentials import Credentials
from ..protocol.kinds import Ending, Protocol, Security, Stage
from ..protocol.record import Record
from .candidates import Candidate, CertificateSeen

if TYPE_CHECKING:
    import dns.asyncresolver

    from .address import Address

# Not a SASL mechanism any server offers: the cores end the session at "not among the offered".
PROBE_MECHANISM = "X-MAILTESTER-PROBE-ONLY"
# Where the session stopped when it saw the greeting and the capabilities and chose not to log in.
SEEN_ENDINGS = frozenset({Ending.MECHANISM_UNSUPPORTED, Ending.AUTH_NOT_OFFERED, Ending.LOGIN_DISABLED,
                          Ending.PLAINTEXT_REFUSED})
CERTIFICATE_PROBLEMS = frozenset({"untrusted", "expired", "not-yet-valid", "hostname"})

# The standard ports, implicit TLS first (RFC 8314); no unencrypted candidates are guessed. Test hook:
# the suite's Dovecot and Postfix listen on free ports of 127.0.0.2 and 127.0.0.1, not on these, so the
# tests replace this table (monkeypatch) with their ports; the program itself never changes it.
PROBE_PORTS: tuple[tuple[Protocol, int, Security], ...] = (
    (Protocol.IMAP, 993, Security.TLS), (Protocol.IMAP, 143, Security.STARTTLS),
    (Protocol.POP3, 995, Security.TLS), (Protocol.POP3, 110, Security.STARTTLS),
    (Protocol.SMTP, 465, Security.TLS), (Protocol.SMTP, 587, Security.STARTTLS))
# Thunderbird's guess names; "" is the domain itself.
PREFIXES = {Protocol.IMAP: ("imap.", "mail.", ""), Protocol.POP3: ("pop3.", "pop.", "mail.", ""),
            Protocol.SMTP: ("smtp.", "mail.", "")}


class Seen(Record):
    """What one probe found: the greeting and capabilities (`confirmed`), and the certificate."""

    confirmed: bool
    certificate: CertificateSeen | None


async def observe(protocol: Protocol, host: str, port: int, security: Security, *, user: str,
                  dns_server: str | None, ca_file: str | None, timeout: float) -> Seen | None:
    """Probe one server; None when nothing of that kind answered there (no such name, refused, another
    service, no STARTTLS, a silent port)."""
    from ..driver.client import run_check

    settings = CheckSettings(host=host, security=security, credentials=Credentials(user=user), port=port,
                             mechanism=PROBE_MECHANISM, ca_file=ca_file, timeout=timeout, protocol=protocol,
                             dns_server=dns_server)
    result = await run_check(settings)
    problem = None
    if (result.outcome.ending is Ending.TLS_FAILED and result.tls_failure is not None
            and result.tls_failure.kind in CERTIFICATE_PROBLEMS and result.tls is not None):
        # The certificate is reported on the candidate, not hidden: a second run trusts exactly the
        # certificate just seen, to find out what speaks behind it.
        problem = result.tls_failure.message
        result = await run_check(replace(settings, pinned_sha256=result.tls.sha256))
    if result.outcome.ending not in SEEN_ENDINGS or result.outcome.stage is not Stage.AUTH:
        return None
    certificate = None
    if result.tls is not None:
        certificate = CertificateSeen(verified=problem is None and result.tls.verified, problem=problem,
                                      tls=result.tls)
    return Seen(confirmed=True, certificate=certificate)


async def guess(resolver: dns.asyncresolver.Resolver, addr: Address, *, dns_server: str | None,
                ca_file: str | None, timeout: float) -> list[Candidate]:
    """Common names of the domain on the standard ports, all at once; what answered, best first. A probe
    that has not answered within `timeout` is given up (the others are kept)."""
    from .resolver import addresses

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout * 0.9  # within the source's own limit, so what answered is kept
    d = addr.ascii_domain
    names = sorted({p + d for prefixes in PREFIXES.values() for p in prefixes})

    async def exists(name: str) -> bool:
        try:
            return bool(await addresses(resolver, name))
        except OSError:
            return False

    known = {n for n, ok in zip(names, await asyncio.gather(*(exists(n) for n in names)), strict=True) if ok}
    plan = [(protocol, p + d, port, security) for protocol, port, security in PROBE_PORTS
            for p in PREFIXES[protocol] if p + d in known]
    tasks = [asyncio.ensure_future(observe(*c, user=addr.example, dns_server=dns_server, ca_file=ca_file,
                                           timeout=timeout)) for c in plan]
    if not tasks:
        return []
    try:
        await asyncio.wait(tasks, timeout=max(0.0, deadline - loop.time()))
    finally:
        for t in tasks:
            t.cancel()
    out = []
    for (protocol, host, port, security), task in zip(plan, tasks, strict=True):
        seen = task.result() if task.done() and not task.cancelled() and task.exception() is None else None
        if seen is not None:
            out.append(Candidate(protocol=protocol, host=host, port=port, security=security, user=addr.example,
                                 source="probe", confirmed=seen.confirmed, insecure=True,
                                 certificate=seen.certificate))
    return out
