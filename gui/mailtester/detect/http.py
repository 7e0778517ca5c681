"""aiohttp's name lookups through the detection's dnspython resolver (resolver.py): apart from it so
that `check --dns-server` does not load aiohttp."""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING

from aiohttp.abc import AbstractResolver, ResolveResult

from .resolver import addresses, of_family

if TYPE_CHECKING:
    import dns.asyncresolver


class HttpResolver(AbstractResolver):
    """aiohttp's name lookups through the detection's resolver."""

    def __init__(self, resolver: dns.asyncresolver.Resolver) -> None:
        self._resolver = resolver

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        out = [ResolveResult(hostname=host, host=ip, port=port, family=fam, proto=0, flags=socket.AI_NUMERICHOST)
               for fam, ip in of_family(await addresses(self._resolver, host), family)]
        if not out:
            raise OSError(f"{host}: no address of the wanted family")
        return out

    async def close(self) -> None:
        return None
