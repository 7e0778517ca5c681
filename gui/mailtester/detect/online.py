"""The online sources of detection, all at once, each with its own time limit:

- `autoconfig`: https://autoconfig.<domain>/mail/config-v1.1.xml?emailaddress=<address>; the same file
  over plain HTTP only as a flagged candidate (`insecure`);
- `well-known`: https://<domain>/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress=<address>;
- `ispdb`: Thunderbird's online ISPDB (https://autoconfig.thunderbird.net/v1.1/<domain>; only the domain
  is sent);
- `autodiscover`: when autodiscover.<domain> is a CNAME to Microsoft's, Autodiscover v2's JSON endpoint
  (no password) says whether the mailbox is in Exchange Online: then Microsoft 365's settings;
- `mx`: the best MX host's base domain (public suffix list) and the MX host less its first label, in
  the bundled database, the online ISPDB and the base domain's autoconfig over HTTPS (an MX at
  *.mail.protection.outlook.com is Microsoft 365: the database lists that domain);
- `srv`: RFC 6186 / RFC 8314 SRV records, priority and weight honoured, target "." = not offered;
- `probe`, last: common names of the domain on the standard ports (probe.py), credential-free.

The best-ranked result wins as soon as it is known: once every better source has finished, the ones
still running are stopped. Then the chosen incoming and outgoing servers are probed (unless a probe
already saw them), which fills in `confirmed` and `certificate`.

HTTP: aiohttp with the operating system's trust store (truststore) plus --ca-file, names resolved
through the detection's dnspython resolver, no proxies from the environment, no cookies, redirects
followed only to https and within the domain (at most three), the body capped before it is parsed
(by the one defusedxml parser). No password exists here: the requests carry the address only.
"""

from __future__ import annotations

import asyncio
import random
import ssl
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import quote

from .. import __version__
from ..protocol.kinds import Protocol, Security
from ..settings import InvalidInput, normalize_host
from .address import Address, parse_address
from .autoconfig import MAX_CONFIG_BYTES, ConfigError, ProviderConfig, parse_config
from .bundled import lookup_bundled
from .candidates import PROTOCOL_ORDER, SECURITY_ORDER, Candidate, DetectResult, SourceReport
from .templates import expand

if TYPE_CHECKING:
    import aiohttp
    import dns.asyncresolver
    from publicsuffixlist import PublicSuffixList

# Best first where sources disagree (Thunderbird's order: the provider's own file, the database, the
# online database, MX, SRV, guessing).
SOURCE_PRIORITY = {"autoconfig": 0, "well-known": 1, "bundled": 2, "ispdb": 3, "autodiscover": 4, "mx": 5,
                   "srv": 6, "probe": 7}
# Thunderbird for Android's address of the ISPDB (the desktop's live.thunderbird.net serves the same files).
ISPDB_URL = "https://autoconfig.thunderbird.net/v1.1/"
# Autodiscover v2 (JSON, unauthenticated): <base><address>?Protocol=AutodiscoverV1 -> {"Protocol", "Url"}.
AUTODISCOVER_URL = "https://outlook.office365.com/autodiscover/autodiscover.json/v1.0/"
MICROSOFT_DOMAINS = ("outlook.com", "office365.com")  # Exchange Online's own names
MICROSOFT_MX = "mail.protection.outlook.com"  # Microsoft 365's MX hosts are <tenant>.mail.protection.outlook.com
MAX_JSON_BYTES = 64 * 1024
STOP_GRACE = 0.2  # seconds for the sources no longer needed to stop
_background: set[asyncio.Future[Found | None]] = set()  # stopped sources still ending (kept referenced)
MAX_REDIRECTS = 3
XML_TYPES = ("text/xml", "application/xml")
REDIRECTS = (301, 302, 303, 307, 308)
# RFC 6186 and RFC 8314: service -> protocol and security; implicit TLS first where priorities tie.
SRV_SERVICES = (("_imaps._tcp", Protocol.IMAP, Security.TLS), ("_imap._tcp", Protocol.IMAP, Security.STARTTLS),
                ("_pop3s._tcp", Protocol.POP3, Security.TLS), ("_pop3._tcp", Protocol.POP3, Security.STARTTLS),
                ("_submissions._tcp", Protocol.SMTP, Security.TLS),
                ("_submission._tcp", Protocol.SMTP, Security.STARTTLS))

Progress = Callable[[SourceReport], None]


class FetchError(Exception):
    """The source answered, but with nothing usable (the message says why, for people)."""


@dataclass
class Found:
    """What one source proposes, in its own order of preference."""

    candidates: list[Candidate] = field(default_factory=list)
    detail: str = ""


def within(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def autoconfig_urls(addr: Address) -> list[tuple[str, str, bool]]:
    """(source, URL without the query, insecure) for the provider's own file."""
    d = addr.ascii_domain
    return [("autoconfig", f"https://autoconfig.{d}/mail/config-v1.1.xml", False),
            ("well-known", f"https://{d}/.well-known/autoconfig/mail/config-v1.1.xml", False),
            ("autoconfig", f"http://autoconfig.{d}/mail/config-v1.1.xml", True)]


def _query(addr: Address) -> str:
    return "?emailaddress=" + quote(addr.example if addr.local is not None else addr.ascii_domain, safe="@")


async def fetch_config(session: aiohttp.ClientSession, url: str, domain: str, *, insecure_ok: bool) -> bytes | None:
    """The body of an autoconfig file, None when there is none (404, no such host), FetchError when
    what came back is refused."""
    from yarl import URL

    current = URL(url)
    for _ in range(MAX_REDIRECTS + 1):
        async with session.get(current, allow_redirects=False,
                               headers={"Accept": "application/xml, text/xml"}) as resp:
            if resp.status in REDIRECTS:
                target = current.join(URL(resp.headers.get("Location", "")))
                if target.scheme != "https" and not (insecure_ok and target.scheme == "http"):
                    raise FetchError(f"redirect to {target.scheme}:// refused (only https is followed)")
                if not target.host or not within(target.host.lower(), domain):
                    raise FetchError(f"redirect to {target.host} refused (outside {domain})")
                current = target
                continue
            if resp.status in (404, 410):
                return None
            if resp.status != 200:
                raise FetchError(f"HTTP {resp.status}")
            if resp.content_type not in XML_TYPES:
                raise FetchError(f"not XML ({resp.content_type})")
            if resp.content_length is not None and resp.content_length > MAX_CONFIG_BYTES:
                raise FetchError(f"the file is larger than {MAX_CONFIG_BYTES} bytes")
            body = await read_capped(resp, MAX_CONFIG_BYTES)
            if len(body) > MAX_CONFIG_BYTES:
                raise FetchError(f"the file is larger than {MAX_CONFIG_BYTES} bytes")
            return body
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")


async def read_capped(resp: aiohttp.ClientResponse, cap: int) -> bytes:
    """The body to its end, or its first cap + 1 bytes: read(n) gives only what has arrived so far."""
    body = b""
    while len(body) <= cap:
        chunk = await resp.content.read(cap + 1 - len(body))
        if not chunk:
            break
        body += chunk
    return body


def config_candidates(config: ProviderConfig, addr: Address, source: str, insecure: bool) -> list[Candidate]:
    out = []
    for s in config.servers:
        try:
            host = normalize_host(expand(s.host, None, addr.ascii_domain))
        except InvalidInput:
            continue
        out.append(Candidate(protocol=s.protocol, host=host, port=s.port, security=s.security,
                             user=expand(s.user, addr.local, addr.domain) if s.user else addr.example,
                             source=source, confirmed=False, insecure=insecure, certificate=None))
    return out


async def autoconfig_source(session: aiohttp.ClientSession, addr: Address, url: str, source: str,
                            insecure: bool, domain: str | None = None) -> Found | None:
    body = await fetch_config(session, url + _query(addr), domain or addr.ascii_domain, insecure_ok=insecure)
    return None if body is None else config_found(body, addr, source, insecure)


def config_found(body: bytes, addr: Address, source: str, insecure: bool) -> Found:
    """The servers of a fetched config file; a file that does not parse is the source's error."""
    try:
        config = parse_config(body)
    except ConfigError as exc:
        raise FetchError(str(exc)) from None
    return Found(config_candidates(config, addr, source, insecure), config.name)


def srv_order(records: list[tuple[int, int, int, str]], rng: random.Random) -> list[tuple[int, int, int, str]]:
    """RFC 2782: lowest priority first; within a priority, weighted random (weight-0 records first in
    the list, so they are rarely chosen before the others)."""
    out = []
    for priority in sorted({r[0] for r in records}):
        group = sorted((r for r in records if r[0] == priority), key=lambda r: r[1] != 0)
        while group:
            total = sum(r[1] for r in group)
            pick = rng.randint(0, total)
            running = 0
            for i, r in enumerate(group):
                running += r[1]
                if running >= pick:
                    out.append(group.pop(i))
                    break
    return out


async def srv_source(resolver: dns.asyncresolver.Resolver, addr: Address, rng: random.Random) -> Found | None:
    import dns.exception
    import dns.name
    import dns.resolver

    async def one(service: str) -> list[tuple[int, int, int, str]]:
        try:
            answer = await resolver.resolve(f"{service}.{addr.ascii_domain}", "SRV")
        except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
            return []
        rows = []
        for r in answer:
            if r.target == dns.name.root:  # "decidedly not available": the whole service is not offered
                return []
            rows.append((int(r.priority), int(r.weight), int(r.port), r.target.to_text(omit_final_dot=True)))
        return rows

    answers = await asyncio.gather(*(one(s) for s, _, _ in SRV_SERVICES), return_exceptions=True)
    errors = [a for a in answers if isinstance(a, BaseException)]
    if errors and len(errors) == len(answers):
        raise FetchError(type(errors[0]).__name__)
    ranked: list[tuple[int, int, Candidate]] = []
    for tie, ((_, protocol, security), rows) in enumerate(zip(SRV_SERVICES, answers, strict=True)):
        if isinstance(rows, BaseException):
            continue
        for index, (priority, _, port, target) in enumerate(srv_order(rows, rng)):
            try:
                host = normalize_host(target)
            except InvalidInput:
                continue
            ranked.append((priority, tie * 1000 + index, Candidate(
                protocol=protocol, host=host, port=port, security=security, user=addr.example, source="srv",
                confirmed=False, insecure=True, certificate=None)))
    ranked.sort(key=lambda t: (t[0], t[1]))
    return Found([c for _, _, c in ranked]) if ranked else None


async def ispdb_source(session: aiohttp.ClientSession, addr: Address, base: str,
                       domain: str | None = None) -> Found | None:
    """Thunderbird's online ISPDB: the file for the domain (or an MX's domain); only that name is sent."""
    from yarl import URL

    name = domain or addr.ascii_domain
    body = await fetch_config(session, base + quote(name), URL(base).host or "", insecure_ok=False)
    return None if body is None else config_found(body, addr, "ispdb", insecure=False)


def microsoft365(addr: Address, source: str, insecure: bool) -> list[Candidate]:
    """Microsoft 365's servers for the address, as the database has them (its office365.com entry)."""
    ms = lookup_bundled(Address(addr.text, addr.local, addr.domain, "office365.com"))
    return [_as(c, source, insecure) for c in ms.incoming + ms.outgoing]


async def autodiscover_source(resolver: dns.asyncresolver.Resolver, session: aiohttp.ClientSession,
                              addr: Address, base: str) -> Found | None:
    """Exchange Online, for a domain whose MX is not Microsoft's (a filtering service in front): only when
    the domain's own autodiscover name points at Microsoft's (the DNS record Microsoft 365 asks tenants to
    publish) is the address sent to Microsoft's Autodiscover v2, which answers without a password."""
    import json

    import dns.resolver
    from yarl import URL

    if addr.local is None:
        return Found(detail="needs an address, not only a domain")
    try:
        answer = await resolver.resolve(f"autodiscover.{addr.ascii_domain}", "CNAME")
    except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
        return None
    target = answer[0].target.to_text(omit_final_dot=True).lower()
    if not any(within(target, d) for d in MICROSOFT_DOMAINS):
        return Found(detail=f"autodiscover.{addr.ascii_domain} points at {target}, not at Microsoft")
    url = base + quote(f"{addr.local}@{addr.ascii_domain}", safe="@") + "?Protocol=AutodiscoverV1"
    async with session.get(url, allow_redirects=False, headers={"Accept": "application/json"}) as resp:
        if resp.status != 200:
            raise FetchError(f"HTTP {resp.status}")
        body = await read_capped(resp, MAX_JSON_BYTES)
    if len(body) > MAX_JSON_BYTES:
        raise FetchError(f"the answer is larger than {MAX_JSON_BYTES} bytes")
    try:
        data = json.loads(body)
    except ValueError:
        raise FetchError("not JSON") from None
    if not isinstance(data, dict):
        raise FetchError("not the JSON object Autodiscover answers with")
    where = data.get("Url")
    try:
        host = (URL(where).host or "").lower() if isinstance(where, str) else ""
    except ValueError:
        host = ""
    if data.get("Protocol") != "AutodiscoverV1" or not any(within(host, d) for d in MICROSOFT_DOMAINS):
        return Found(detail="not a mailbox in Exchange Online")
    return Found(microsoft365(addr, "autodiscover", insecure=False), "Microsoft 365 (Exchange Online)")


async def mx_source(resolver: dns.asyncresolver.Resolver, session: aiohttp.ClientSession,
                    addr: Address, ispdb_url: str | None = None) -> Found | None:
    import aiohttp
    import dns.name
    import dns.resolver

    try:
        answer = await resolver.resolve(addr.ascii_domain, "MX")
    except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
        return None
    hosts = sorted((int(r.preference), r.exchange.to_text(omit_final_dot=True).lower()) for r in answer
                   if r.exchange != dns.name.root)
    if not hosts:
        return None
    best = hosts[0][1]
    base = _psl().privatesuffix(best)
    if base is None or base == addr.ascii_domain:
        return Found(detail=f"MX {best}, the address's own domain")
    names = [best.partition(".")[2], base] if best.count(".") > base.count(".") + 1 else [base]
    detail = f"MX {best}" + (": Microsoft 365" if within(best, MICROSOFT_MX) else "")
    proposed: list[Candidate] = []
    for name in names:
        looked_up = lookup_bundled(Address(addr.text, addr.local, addr.domain, name))
        proposed += looked_up.incoming + looked_up.outgoing
        if proposed:
            break
    if not proposed:  # the online database for each name, and the base domain's own file; the first that has one
        mx_addr = Address(addr.text, addr.local, addr.domain, base)
        asked = [ispdb_source(session, addr, ispdb_url, name) for name in names] if ispdb_url else []
        asked.append(autoconfig_source(session, mx_addr, f"https://autoconfig.{base}/mail/config-v1.1.xml",
                                       "mx", insecure=True, domain=base))
        for found in await asyncio.gather(*asked, return_exceptions=True):
            if isinstance(found, Found) and found.candidates:
                proposed += found.candidates
                break
            if isinstance(found, BaseException) and not isinstance(
                    found, TimeoutError | FetchError | OSError | aiohttp.ClientError):
                raise found
    return Found([_as(c, "mx") for c in proposed], detail) if proposed else None


@cache
def _psl() -> PublicSuffixList:
    """The public suffix list shipped inside publicsuffixlist (no download); loaded once, about 40 ms."""
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList()


def _as(c: Candidate, source: str, insecure: bool = True) -> Candidate:
    return Candidate(protocol=c.protocol, host=c.host, port=c.port, security=c.security, user=c.user,
                     source=source, confirmed=False, insecure=insecure, certificate=None)


def merge(found: dict[str, list[Candidate]]) -> tuple[tuple[Candidate, ...], tuple[Candidate, ...]]:
    """Best first: authenticated before flagged, then by source priority, then (within the provider's
    own file and the database) encrypted first, IMAP before POP3, implicit TLS first; SRV keeps the
    domain's order. A server proposed by several sources counts once, as its best source gave it."""
    ordered: list[tuple[tuple[int, ...], Candidate]] = []
    for source, candidates in found.items():
        for index, c in enumerate(candidates):
            inner = (index,) if source == "srv" else (int(c.security is Security.NONE),
                                                      PROTOCOL_ORDER[c.protocol], SECURITY_ORDER[c.security], index)
            ordered.append(((int(c.insecure), SOURCE_PRIORITY[source], *inner), c))
    ordered.sort(key=lambda t: t[0])
    unique: dict[tuple[Protocol, str, int, Security], Candidate] = {}
    for _, c in ordered:
        unique.setdefault(c.key, c)
    merged = list(unique.values())
    return (tuple(c for c in merged if c.protocol.incoming), tuple(c for c in merged if not c.protocol.incoming))


def ssl_context(ca_file: str | None) -> ssl.SSLContext:
    import truststore

    ctx = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_file is not None:
        try:
            ctx.load_verify_locations(cafile=ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise InvalidInput("ca-file", f"Cannot read the CA file {ca_file}: {exc}") from None
    return ctx


Job = tuple[str, str, tuple[int, int], Awaitable["Found | list[Candidate] | None"]]  # source, query, rank, lookup


def decided(ranked: list[tuple[tuple[int, int], int]], finished: set[int], found: set[int]) -> int | None:
    """The job whose result wins, once it is known: the best-ranked one that found something, when every
    job ranked better has finished (finding nothing)."""
    for _, index in sorted(ranked):
        if index not in finished:
            return None
        if index in found:
            return index
    return None


async def detect(address: str | Address, *, dns_server: str | None = None, ca_file: str | None = None,
                 timeout: float = 5.0, progress: Progress | None = None,
                 rng: random.Random | None = None, ispdb_url: str | None = ISPDB_URL,
                 autodiscover_url: str | None = AUTODISCOVER_URL, probe: bool = True,
                 confirm: bool = True) -> DetectResult:
    """Every source at once, each bounded by `timeout` seconds; the best-ranked result wins as soon as it
    is known. `ispdb_url` None: no online database; `autodiscover_url` None: no Autodiscover; `probe`
    False: no guessing of common names; `confirm` False: the chosen servers are not probed afterwards.
    Raises InvalidInput for an address, --dns-server or --ca-file that cannot be used."""
    import aiohttp

    from . import probe as probing
    from .http import HttpResolver
    from .resolver import make_resolver

    addr = address if isinstance(address, Address) else parse_address(address)
    report = progress or (lambda _r: None)
    bundled = lookup_bundled(addr)
    reports: list[SourceReport] = [replace(bundled.sources[0], detail=", ".join(bundled.names))]
    report(reports[0])
    found: dict[str, list[Candidate]] = {"bundled": list(bundled.incoming + bundled.outgoing)}
    ctx = ssl_context(ca_file)
    try:
        resolver = make_resolver(dns_server, timeout)
    except InvalidInput:
        raise
    except Exception as exc:  # no resolv.conf: every online source is an error, the database still answers
        for source, query in (("autoconfig", addr.ascii_domain), ("srv", addr.ascii_domain)):
            reports.append(SourceReport(source, query, "error", 0.0, f"no DNS resolver ({type(exc).__name__})"))
            report(reports[-1])
        incoming, outgoing = merge(found)
        return DetectResult(addr.text, addr.ascii_domain, incoming, outgoing, tuple(reports), bundled.names)
    connector = aiohttp.TCPConnector(resolver=HttpResolver(resolver), ssl=ctx, use_dns_cache=False)
    async with aiohttp.ClientSession(connector=connector, trust_env=False, cookie_jar=aiohttp.DummyCookieJar(),
                                     timeout=aiohttp.ClientTimeout(total=timeout),
                                     headers={"User-Agent": f"mailtester/{__version__}"}) as session:
        jobs: list[Job] = [(source, url, (int(insecure), SOURCE_PRIORITY[source]),
                            autoconfig_source(session, addr, url, source, insecure))
                           for source, url, insecure in autoconfig_urls(addr)]
        if ispdb_url:
            jobs.append(("ispdb", ispdb_url + addr.ascii_domain, (0, SOURCE_PRIORITY["ispdb"]),
                         ispdb_source(session, addr, ispdb_url)))
        if autodiscover_url:
            jobs.append(("autodiscover", f"autodiscover.{addr.ascii_domain}", (0, SOURCE_PRIORITY["autodiscover"]),
                         autodiscover_source(resolver, session, addr, autodiscover_url)))
        jobs.append(("mx", addr.ascii_domain, (1, SOURCE_PRIORITY["mx"]),
                     mx_source(resolver, session, addr, ispdb_url)))
        jobs.append(("srv", addr.ascii_domain, (1, SOURCE_PRIORITY["srv"]),
                     srv_source(resolver, addr, rng or random.Random())))
        if probe and not found["bundled"]:  # ranked below the database, it could never win: no needless connections
            jobs.append(("probe", addr.ascii_domain, (1, SOURCE_PRIORITY["probe"]), probing.guess(
                resolver, addr, dns_server=dns_server, ca_file=ca_file, timeout=timeout)))
        start = time.perf_counter()

        async def timed(source: str, query: str, job: Awaitable[Found | list[Candidate] | None]) -> Found | None:
            result, detail, got = "none", "", None
            try:
                answer = await asyncio.wait_for(job, timeout)
                got = Found(answer) if isinstance(answer, list) else answer
                if got is not None and got.candidates:
                    result, detail = "found", got.detail
                elif got is not None:
                    detail = got.detail
            except TimeoutError:
                result, detail = "error", f"no answer within {timeout:g} s"
            except FetchError as exc:
                result, detail = "error", str(exc)
            except (OSError, aiohttp.ClientError) as exc:
                result, detail = _network_outcome(exc)
            except Exception as exc:  # a DNS failure other than "no such name": say which
                result, detail = "error", type(exc).__name__
            if stopping:  # too late: reported as not needed
                return None
            if result != "error":
                answered.append(source)
            rep = SourceReport(source, query, result, time.perf_counter() - start, detail)
            reports.append(rep)
            report(rep)
            return got if result == "found" else None

        # bundled (index -1) has answered already; it takes part in the ranking.
        ranked = [((0, SOURCE_PRIORITY["bundled"]), -1)] + [(j[2], i) for i, j in enumerate(jobs)]
        finished, winners = {-1}, ({-1} if found["bundled"] else set())
        stopping = False
        answered: list[str] = []  # sources that got an answer (even "none") from the network
        tasks = {asyncio.ensure_future(timed(source, query, job)): i for i, (source, query, _, job) in enumerate(jobs)}
        pending = set(tasks)
        try:
            while pending and decided(ranked, finished, winners) is None:
                done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    finished.add(tasks[task])
                    got = task.result()
                    if got is not None:
                        winners.add(tasks[task])
                        found.setdefault(jobs[tasks[task]][0], []).extend(got.candidates)
        finally:
            stopping = True
            for task in pending:
                task.cancel()
            # A moment for them to end; one that does not (a stop can be held up inside a library) ends
            # in the background when the session below closes its connections, or at its own limit.
            if pending:
                await asyncio.wait(pending, timeout=STOP_GRACE)
            for task in pending:
                _background.add(task)
                task.add_done_callback(_background.discard)
        winner = decided(ranked, finished, winners)
        better = "the provider database" if winner == -1 else jobs[winner][0] if winner is not None else ""
        for task in pending:  # stopped: a better source had answered
            source, query, _, _ = jobs[tasks[task]]
            rep = SourceReport(source, query, "none", time.perf_counter() - start, f"not needed: {better} answered")
            reports.append(rep)
            report(rep)
    incoming, outgoing = merge(found)
    if confirm and answered:  # when nothing on the network answered, a probe would only wait as long again
        incoming, outgoing = await _confirm(incoming, outgoing, addr, dns_server, ca_file, timeout, reports, report)
    names = tuple(bundled.names) + tuple(
        f"{r.detail} ({r.source})" for r in reports
        if r.result == "found" and r.source not in ("bundled", "probe") and r.detail)
    order = {s: i for i, s in enumerate(("bundled", "autoconfig", "well-known", "ispdb", "autodiscover", "mx", "srv",
                                         "probe"))}
    reports.sort(key=lambda r: (order[r.source], r.query.startswith("http:")))
    return DetectResult(addr.text, addr.ascii_domain, incoming, outgoing, tuple(reports), names)


async def _confirm(incoming: tuple[Candidate, ...], outgoing: tuple[Candidate, ...], addr: Address,
                   dns_server: str | None, ca_file: str | None, timeout: float, reports: list[SourceReport],
                   report: Progress) -> tuple[tuple[Candidate, ...], tuple[Candidate, ...]]:
    """Probe the first incoming and the first outgoing server (unless the guess already did), at once,
    within `timeout`; each becomes `confirmed` with its certificate when the probe saw it."""
    from .probe import observe

    chosen = [group[0] for group in (incoming, outgoing) if group and group[0].source != "probe"]
    if not chosen:
        return incoming, outgoing
    start = time.perf_counter()

    async def one(c: Candidate) -> Candidate:
        query = f"{c.host}:{c.port}"
        try:
            seen = await asyncio.wait_for(observe(c.protocol, c.host, c.port, c.security, user=c.user,
                                                  dns_server=dns_server, ca_file=ca_file, timeout=timeout), timeout)
        except TimeoutError:
            seen, result, detail = None, "error", f"no answer within {timeout:g} s"
        else:
            result, detail = ("found", "") if seen is not None else ("none", "")
        if seen is not None and seen.certificate is not None:
            detail = "certificate verified" if seen.certificate.verified else f"certificate: {seen.certificate.problem}"
        rep = SourceReport("probe", query, result, time.perf_counter() - start, detail)
        reports.append(rep)
        report(rep)
        return c if seen is None else replace(c, confirmed=seen.confirmed, certificate=seen.certificate)

    probed = {c.key: c for c in await asyncio.gather(*(one(c) for c in chosen))}
    return (tuple(probed.get(c.key, c) for c in incoming), tuple(probed.get(c.key, c) for c in outgoing))


def _network_outcome(exc: BaseException) -> tuple[str, str]:
    """No such host / nothing listening is "none" (the domain publishes no such file); a TLS or HTTP
    failure is an error."""
    import aiohttp

    if isinstance(exc, aiohttp.ClientConnectorCertificateError | ssl.SSLError):
        return "error", f"certificate not trusted ({exc.__class__.__name__})"
    if isinstance(exc, aiohttp.ClientConnectorError):
        return "none", "no server"
    if isinstance(exc, OSError) and not isinstance(exc, aiohttp.ClientError):
        return "none", "no server"
    return "error", f"{type(exc).__name__}"
