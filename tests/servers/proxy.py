"""A TCP proxy on loopback that counts: connections in all, open now, and the most open at once.

It relays bytes both ways unchanged (TLS passes through end to end), so a test can put it in front of
a real server and see how many connections a client held to it at the same time. Proxies given one
`Gauge` as `shared` also count together (several server names in front of one server)."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from types import TracebackType


@dataclass
class Gauge:
    open: int = 0  # connections open now
    most: int = 0  # the most open at once

    def up(self) -> None:
        self.open += 1
        self.most = max(self.most, self.open)

    def down(self) -> None:
        self.open -= 1


class CountingProxy:
    def __init__(self, target_host: str, target_port: int, shared: Gauge | None = None,
                 listen_host: str = "127.0.0.1") -> None:
        self.target = (target_host, target_port)
        self.listen_host = listen_host
        self.port = 0
        self.total = 0  # connections accepted
        self.gauge = Gauge()
        self._gauges = [self.gauge] + ([shared] if shared is not None else [])
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def most(self) -> int:
        return self.gauge.most

    async def __aenter__(self) -> CountingProxy:
        self._server = await asyncio.start_server(self._serve, self.listen_host, 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        assert self._server is not None
        self._server.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self.total += 1
        for g in self._gauges:
            g.up()
        counted = True
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            up_writer = None
        back = asyncio.ensure_future(_pipe(up_reader, writer)) if up_writer is not None else None
        try:
            if up_writer is not None:
                await _pipe(reader, up_writer)
            # The client's side has ended (closed or aborted): it holds no connection any more, whatever
            # the server still sends.
            for g in self._gauges:
                g.down()
            counted = False
            if back is not None:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(back, 5)
        finally:
            if back is not None:
                back.cancel()
            if counted:
                for g in self._gauges:
                    g.down()
            for w in (writer, up_writer):
                if w is not None:
                    w.close()
            self._tasks.discard(task)


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(ConnectionError, OSError):
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    with contextlib.suppress(ConnectionError, OSError, RuntimeError):
        if writer.can_write_eof():
            writer.write_eof()
