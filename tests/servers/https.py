"""Web servers for the autoconfig tests, on 127.0.0.x port 443 (HTTPS, a trustme certificate) and 80
(plain HTTP), run by aiohttp.web in a thread of their own so that both in-process tests and the real
command in a subprocess can use them. Binding ports below 1024 needs root (CI runs as root).

Routes: (scheme, Host, path) -> Response. Every request is logged (method, URL, headers) so the tests
can check what detection sent. `drip` is a TLS server that answers one byte every half second."""

from __future__ import annotations

import asyncio
import ssl
import threading
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


@dataclass(frozen=True)
class Response:
    body: bytes = b""
    status: int = 200
    content_type: str = "application/xml"
    headers: tuple[tuple[str, str], ...] = ()
    pieces: int = 1  # more than one: sent chunked, with a pause between the pieces


@dataclass
class Request:
    scheme: str
    host: str
    path: str
    query: str
    headers: dict[str, str]
    url: str


@dataclass
class WebServers:
    ip: str
    drip_ip: str
    tls: ssl.SSLContext
    routes: dict[tuple[str, str, str], Response] = field(default_factory=dict)
    log: list[Request] = field(default_factory=list)
    _loop: asyncio.AbstractEventLoop | None = None
    _thread: threading.Thread | None = None
    _runners: list[Any] = field(default_factory=list)
    _drip: list[asyncio.AbstractServer] = field(default_factory=list)

    def start(self) -> None:
        ready = threading.Event()
        errors: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            try:
                loop.run_until_complete(self._start())
            except BaseException as exc:
                errors.append(exc)
                loop.run_until_complete(self._stop())
                loop.close()
                ready.set()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self._stop())
            loop.close()

        self._thread = threading.Thread(target=run, name="test-web", daemon=True)
        self._thread.start()
        ready.wait(10)
        if errors:
            raise errors[0]

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        scheme = "https" if request.transport and request.transport.get_extra_info("sslcontext") else "http"
        host = (request.host or "").partition(":")[0].lower()
        self.log.append(Request(scheme, host, request.path, request.query_string, dict(request.headers),
                                str(request.url)))
        r = self.routes.get((scheme, host, request.path))
        if r is None:
            return web.Response(status=404, text="not here")
        if r.pieces > 1:
            resp = web.StreamResponse(status=r.status, headers={"Content-Type": r.content_type, **dict(r.headers)})
            resp.enable_chunked_encoding()
            await resp.prepare(request)
            step = -(-len(r.body) // r.pieces)
            for i in range(0, len(r.body), step):
                await resp.write(r.body[i:i + step])
                await asyncio.sleep(0.05)
            await resp.write_eof()
            return resp
        return web.Response(body=r.body, status=r.status, content_type=r.content_type, headers=dict(r.headers))

    async def _start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        self._runners.append(runner)
        await web.TCPSite(runner, self.ip, 443, ssl_context=self.tls).start()
        await web.TCPSite(runner, self.ip, 80).start()

        async def drip(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            try:
                await reader.readuntil(b"\r\n\r\n")
                for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\n\r\n<clientConfig>" * 100:
                    writer.write(bytes([byte]))
                    await writer.drain()
                    await asyncio.sleep(0.5)
            except (OSError, asyncio.IncompleteReadError):
                pass
            finally:
                writer.close()

        self._drip.append(await asyncio.start_server(drip, self.drip_ip, 443, ssl=self.tls))

    async def _stop(self) -> None:
        for server in self._drip:
            server.close()
        for runner in self._runners:
            await runner.cleanup()

    def stop(self) -> None:
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)


def start_web_servers(first: int, tls: ssl.SSLContext, routes: dict[tuple[str, str, str], Response]) -> WebServers:
    """WebServers on the first free pair of the ten pairs of loopback addresses from 127.0.0.<first>:
    another test module, or another run on this machine, may hold the first ones. OSError if none is free."""
    error: OSError | None = None
    for last in range(first, first + 20, 2):
        servers = WebServers(f"127.0.0.{last}", f"127.0.0.{last + 1}", tls, routes=routes)
        try:
            servers.start()
            return servers
        except OSError as exc:
            error = exc
    raise OSError(f"no free pair of loopback addresses (ports 443 and 80) from 127.0.0.{first} to "
                  f"127.0.0.{first + 19}: {error}")


def autoconfig_xml(domain: str, *servers: tuple[str, str, int, str], user: str = "%EMAILADDRESS%",
                   name: str | None = None) -> bytes:
    """An autoconfig file (Thunderbird's config-v1.1 format): servers as (type, hostname, port, socketType)."""
    import html

    parts = [f'<?xml version="1.0"?>\n<clientConfig version="1.1"><emailProvider id="{domain}">'
             f"<domain>{domain}</domain><displayName>{html.escape(name or domain + ' mail')}</displayName>"]
    for kind, host, port, socket_type in servers:
        tag = "outgoingServer" if kind == "smtp" else "incomingServer"
        parts.append(f'<{tag} type="{kind}"><hostname>{host}</hostname><port>{port}</port>'
                     f"<socketType>{socket_type}</socketType><username>{html.escape(user)}</username>"
                     f"<authentication>password-cleartext</authentication></{tag}>")
    return "".join([*parts, "</emailProvider></clientConfig>"]).encode()
