"""Small asyncio servers on loopback that follow a script, for cases no real
server produces on demand (missing STARTTLS, injected bytes, hostile replies).
Every byte received is recorded so tests can assert what was (not) sent."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Any

Handler = Callable[["Conn"], Awaitable[None]]


class Conn:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, log: bytearray) -> None:
        self.reader, self.writer, self.log = reader, writer, log

    async def send(self, data: bytes | str) -> None:
        self.writer.write(data.encode() if isinstance(data, str) else data)
        await self.writer.drain()

    async def line(self) -> bytes:
        data = await self.reader.readline()
        self.log.extend(data)
        return data

    async def expect(self, prefix: str, reply: str) -> bytes:
        got = await self.line()
        assert got.upper().startswith(prefix.encode()), f"expected {prefix!r}, got {got!r}"
        await self.send(reply)
        return got

    async def greet_ehlo(self, extensions: str = "STARTTLS", greeting: str = "220 test ESMTP\r\n") -> None:
        await self.send(greeting)
        lines = ["test"] + [e for e in extensions.split("|") if e]
        reply = "".join(f"250{'-' if i < len(lines) - 1 else ' '}{x}\r\n" for i, x in enumerate(lines))
        await self.expect("EHLO", reply)

    async def start_tls(self, ctx: ssl.SSLContext) -> None:
        await self.writer.start_tls(ctx)

    async def rest(self, answer: Callable[[bytes], str | None] | None = None) -> None:
        """Record whatever the client still sends until it closes. Each line gets what `answer` returns
        for it (nothing for None); by default an SMTP QUIT gets its 221."""
        answer = answer or smtp_quit
        try:
            while line := await self.line():
                if (reply := answer(line)) is not None:
                    await self.send(reply)
        except (ConnectionError, ssl.SSLError):
            pass


def smtp_quit(line: bytes) -> str | None:
    return "221 2.0.0 Bye\r\n" if line.upper().startswith(b"QUIT") else None


def imap_logout(line: bytes) -> str | None:
    if b"LOGOUT" not in line.upper():
        return None
    tag = line.split(b" ", 1)[0].decode()
    return f"* BYE bye\r\n{tag} OK done\r\n"


def pop3_quit(line: bytes) -> str | None:
    return "+OK bye\r\n" if line.upper().startswith(b"QUIT") else None


class ScriptedServer:
    """`async with ScriptedServer(handler) as srv:` ... `srv.received`."""

    def __init__(self, handler: Handler, ssl_context: ssl.SSLContext | None = None) -> None:
        self.handler = handler
        self.ssl_context = ssl_context
        self.log = bytearray()
        self.errors: list[BaseException] = []
        self.port = 0
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def received(self) -> bytes:
        return bytes(self.log)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._tasks.add(asyncio.current_task())  # type: ignore[arg-type]
        try:
            await self.handler(Conn(reader, writer, self.log))
        except (ConnectionError, ssl.SSLError, asyncio.IncompleteReadError):
            pass
        except asyncio.CancelledError:
            pass  # ending quietly: asyncio 3.11's stream callback chokes on a cancelled handler
        except AssertionError as exc:
            self.errors.append(exc)
        finally:
            writer.close()

    async def __aenter__(self) -> ScriptedServer:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0, ssl=self.ssl_context)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, et: type[BaseException] | None, e: BaseException | None,
                        tb: TracebackType | None) -> None:
        assert self._server is not None
        self._server.close()
        for t in list(self._tasks):
            t.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._server.wait_closed()


async def check_against(handler: Handler, server_ssl: ssl.SSLContext | None = None, host: str = "localhost",
                        **settings: Any) -> tuple[Any, ScriptedServer]:
    """One check (CheckSettings from `settings`) against a scripted server at `host` and its port; returns
    the check's result and the server, for what it received and its errors."""
    from mailtester.driver.client import run_check
    from mailtester.model import CheckSettings

    async with ScriptedServer(handler, server_ssl) as srv:
        result = await run_check(CheckSettings(host=host, port=srv.port, **settings))
    return result, srv
