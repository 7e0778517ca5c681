"""The base of the cores that go on after a login (the round trip's message
transaction and mailbox watch), sans-I/O like the login cores.

The driver writes every `CommandSent` it takes, shows every `ReplyReceived`,
feeds what arrives to `receive_data` while `waiting` is true,
and calls `connection_lost` when the server closes. A reply that breaks the
protocol or a limit ends the core (`broken`), never the program.
"""

from __future__ import annotations

from .errors import RemoteProtocolError
from .events import CommandSent, Event, ReplyReceived
from .kinds import Stage
from .limits import MAX_BYTES_PER_RUN, MAX_LINE_LENGTH
from .replies import Reply, printable


class Continuation:
    def __init__(self) -> None:
        self.waiting = False  # a reply is due
        self.broken = ""  # why the dialogue cannot go on ("" while it can)
        self.closed = False
        self._received = 0
        self._events: list[Event] = []

    def take(self) -> list[Event]:
        events, self._events = self._events, []
        return events

    def receive_data(self, data: bytes) -> None:
        self._received += len(data)
        try:
            if self._received > MAX_BYTES_PER_RUN:
                raise RemoteProtocolError(f"server sent more than {MAX_BYTES_PER_RUN} bytes")
            self._feed(data)
        except RemoteProtocolError as exc:
            if exc.line is not None:
                shown = printable(exc.line[:MAX_LINE_LENGTH])
                self._events.append(ReplyReceived(Reply(None, (shown,), (shown,)), None, Stage.DONE))
            self.stop(str(exc))

    def connection_lost(self) -> None:
        self.closed = True
        if self.waiting:
            self.stop("the server closed the connection")

    def stop(self, why: str) -> None:
        """End the dialogue here: the first reason stays."""
        self.broken = self.broken or why
        self.waiting = False

    def _feed(self, data: bytes) -> None:
        raise NotImplementedError

    def _send(self, data: bytes, shown: str | None = None, *, expect_reply: bool = True) -> None:
        """Bytes to write: a command line (CRLF added) or, with `shown`, any data."""
        if shown is None:
            shown = data.decode("utf-8", "replace")
            data += b"\r\n"
        self._events.append(CommandSent(data, shown, stage=Stage.DONE))
        self.waiting = self.waiting or expect_reply
