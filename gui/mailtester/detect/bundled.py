"""The bundled lookup: the ISPDB snapshot (resources/providers/ispdb.json) merged with the provider
catalogue (resources/providers/providers.toml). No network: both files ship with the program, and the
JSON is read only when a lookup first needs it."""

from __future__ import annotations

import json
import time
from functools import cache
from typing import Any

from ..knowledge.providers import Provider, by_domain
from ..protocol.kinds import Protocol, Security, default_port
from ..resources import resource_path
from ..settings import InvalidInput, normalize_host
from .address import Address, parse_address
from .candidates import Candidate, DetectResult, SourceReport, rank
from .templates import expand

SOURCE = "bundled"
USER_TEMPLATES = {"address": "%EMAILADDRESS%", "local-part": "%EMAILLOCALPART%", "": "%EMAILADDRESS%"}


@cache
def ispdb() -> dict[str, Any]:
    """The converted ISPDB: header (upstream commit, licence), providers by file, domains -> file."""
    data: dict[str, Any] = json.loads(resource_path("providers", "ispdb.json").read_bytes())
    return data


def ispdb_provider(ascii_domain: str) -> tuple[str, dict[str, Any]] | None:
    """The ISPDB file (its name without .xml) and record that serve this domain, or None."""
    db = ispdb()
    key = db["domains"].get(ascii_domain)
    return (key, db["providers"][key]) if key is not None else None


def lookup_bundled(address: str | Address) -> DetectResult:
    """Candidates for the address from the bundled data, best first. Raises InvalidInput for text that
    is not an address (or a domain)."""
    addr = address if isinstance(address, Address) else parse_address(address)
    start = time.perf_counter()
    names: list[str] = []
    proposed: list[Candidate] = []
    provider = by_domain(addr.ascii_domain)
    if provider is not None:  # first: where the two disagree, the catalogue follows the provider's own page
        name, servers = _catalogue_servers(provider, addr.ascii_domain)
        proposed += _candidates(servers, addr)
        names.append(f"{name} (provider catalogue)")
    found = ispdb_provider(addr.ascii_domain)
    if found is not None:
        key, record = found
        proposed += _candidates([(s["protocol"], s["host"], s["port"], s["security"], s["user"])
                                 for s in record["servers"]], addr)
        names.append(f"{expand(record['name'], None, addr.domain)} (ISPDB {key})")
    unique: dict[tuple[Protocol, str, int, Security], Candidate] = {}
    for c in proposed:
        unique.setdefault(c.key, c)  # the first proposal of a server stands
    merged = list(unique.values())
    incoming = rank([c for c in merged if c.protocol.incoming])
    outgoing = rank([c for c in merged if not c.protocol.incoming])
    report = SourceReport(SOURCE, addr.ascii_domain, "found" if incoming or outgoing else "none",
                          time.perf_counter() - start)
    return DetectResult(address=addr.text, domain=addr.ascii_domain, incoming=incoming, outgoing=outgoing,
                        sources=(report,), names=tuple(names) if incoming or outgoing else ())


Server = tuple[str, str, object, str, str]  # protocol, host template, port, security, user template


def _catalogue_servers(provider: Provider, domain: str) -> tuple[str, list[Server]]:
    variant = provider.variant_for(domain)
    submission, incoming, user_form, name = (
        (variant.submission, variant.incoming, variant.user_form, variant.name) if variant is not None
        else (provider.submission, provider.incoming, provider.user_form, provider.name))
    user = USER_TEMPLATES[user_form]
    servers: list[Server] = []
    for protocol, entry in (("smtp", submission), *((p, incoming[p]) for p in ("imap", "pop3") if p in incoming)):
        if entry.get("host"):
            servers.append((protocol, str(entry["host"]), entry.get("port"), str(entry.get("security", "")), user))
    return name, servers


def _candidates(servers: list[Server], addr: Address) -> list[Candidate]:
    out = []
    for protocol_text, host_template, port, security_text, user_template in servers:
        try:
            protocol, security = Protocol(protocol_text), Security(security_text)
            host = normalize_host(expand(host_template, None, addr.ascii_domain))
        except (ValueError, InvalidInput):
            continue  # not a server this program can test; the converter and catalogue tests keep this away
        number = port if isinstance(port, int) and 1 <= port <= 65535 else default_port(protocol, security)
        out.append(Candidate(protocol=protocol, host=host, port=number, security=security,
                             user=expand(user_template, addr.local, addr.domain), source=SOURCE,
                             confirmed=False, insecure=False, certificate=None))
    return out
