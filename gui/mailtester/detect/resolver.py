"""Every name lookup of detection goes through one dnspython resolver: MX, SRV, and the A/AAAA of the
HTTPS hosts (aiohttp is handed http.HttpResolver, not the system's getaddrinfo) and of the probed
servers. With `--dns-server` all of them ask that server, which is how the tests point detection at their
own DNS server on loopback; `check --dns-server` resolves its host the same way (`getaddrinfo_at`)."""

from __future__ import annotations

import ipaddress
import socket
from typing import TYPE_CHECKING

from ..settings import InvalidInput

if TYPE_CHECKING:
    import dns.asyncresolver


def parse_dns_server(text: str) -> tuple[str, int]:
    """`IP`, `IP:PORT` or `[IPv6]:PORT` -> (ip, port); InvalidInput for anything else (no names: the
    server that resolves names cannot itself need one)."""
    text = text.strip()
    host, port_text = text, "53"
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        if rest:
            if not rest.startswith(":"):
                raise InvalidInput("dns-server", f"Not an IP address with an optional port: {text!r}.")
            port_text = rest[1:]
    elif text.count(":") == 1:
        host, port_text = text.split(":")
    try:
        ip = str(ipaddress.ip_address(host))
    except ValueError:
        raise InvalidInput("dns-server", f"--dns-server takes an IP address (optionally :PORT), not {text!r}.") \
            from None
    if not port_text.isascii() or not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        raise InvalidInput("dns-server", f"The DNS server's port must be 1 to 65535, not {port_text!r}.")
    return ip, int(port_text)


def make_resolver(dns_server: str | None, lifetime: float) -> dns.asyncresolver.Resolver:
    """The system's resolver (resolv.conf), or only the given server. Raises InvalidInput for a bad
    --dns-server, dns.resolver.NoResolverConfiguration when the system has no resolver."""
    import dns.asyncresolver

    if dns_server is not None:
        ip, port = parse_dns_server(dns_server)
        resolver = dns.asyncresolver.Resolver(configure=False)
        resolver.nameservers = [ip]
        resolver.port = port
    else:
        resolver = dns.asyncresolver.Resolver()
    resolver.lifetime = lifetime
    resolver.timeout = min(lifetime, 2.0)
    return resolver


async def addresses(resolver: dns.asyncresolver.Resolver, host: str) -> list[str]:
    """The IPv4 then IPv6 addresses of a host; an IP literal is its own address. Raises OSError when
    there are none (aiohttp reports that as a connection error)."""
    import dns.exception
    import dns.resolver

    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        pass
    found: list[str] = []
    for rdtype in ("A", "AAAA"):
        try:
            answer = await resolver.resolve(host, rdtype)
        except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
            continue
        except dns.exception.DNSException as exc:
            raise OSError(f"{host}: {type(exc).__name__}") from None
        found += [r.to_text() for r in answer]
    if not found:
        raise OSError(f"{host}: no address")
    return found


def of_family(ips: list[str], family: int) -> list[tuple[socket.AddressFamily, str]]:
    """The addresses of the IP version wanted (AF_UNSPEC: either), each with its family."""
    fams = ((socket.AF_INET6 if ":" in ip else socket.AF_INET, ip) for ip in ips)
    return [(fam, ip) for fam, ip in fams if family in (socket.AF_UNSPEC, fam)]


async def getaddrinfo_at(dns_server: str, host: str, port: int, family: int,
                         lifetime: float) -> list[tuple[int, int, int, str, tuple[str, int]]]:
    """socket.getaddrinfo's answer for `host`, asked of `dns_server` only (the check's --dns-server);
    socket.gaierror when it has no address of the family wanted."""
    try:
        ips = await addresses(make_resolver(dns_server, lifetime), host)
    except OSError as exc:
        raise socket.gaierror(str(exc)) from None
    out = [(int(fam), int(socket.SOCK_STREAM), 6, "", (ip, port)) for fam, ip in of_family(ips, family)]
    if not out:
        raise socket.gaierror(f"{host}: no address of the wanted IP version at {dns_server}")
    return out
