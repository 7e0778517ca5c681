"""Runs the engine on the Qt event loop (qasync) and reports as signals.

`CheckController` runs one check (one server); `AccountController` runs an
account's two sides, receiving and sending, side by side, and says when the
last of them has ended.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from enum import Enum

from PySide6.QtCore import QObject, Signal

from ...driver.client import run_check
from ...knowledge.report import Report, build_report
from ...model import CheckSettings, TimelineEntry
from ...protocol.record import Record

log = logging.getLogger("mailtester.qt")


class Side(Enum):
    INCOMING = "incoming"  # receiving: IMAP or POP3
    OUTGOING = "outgoing"  # sending: SMTP


SIDES = (Side.INCOMING, Side.OUTGOING)


class CheckController(QObject):
    runStarted = Signal(object)  # CheckSettings
    entryAdded = Signal(object)  # TimelineEntry
    runFinished = Signal(object)  # Report
    runCancelled = Signal()

    def __init__(self, parent: QObject | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self._task: asyncio.Task[None] | None = None
        self.lang = lang  # of the diagnosis texts

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self, settings: CheckSettings, demo: bool = False) -> None:
        """Start a run; a run still going is cancelled first (quietly)."""
        self.cancel(quiet=True)
        self._task = asyncio.ensure_future(self._run(settings, demo))

    def cancel(self, quiet: bool = False) -> None:
        task = self._task
        if task is not None and not task.done():
            task.cancel("superseded" if quiet else "cancelled")

    async def wait(self) -> None:
        """Wait until no run is going (used when the window closes)."""
        if self._task is not None:
            await asyncio.gather(self._task, return_exceptions=True)

    async def _run(self, settings: CheckSettings, demo: bool) -> None:
        task = asyncio.current_task()
        try:
            if demo:
                from ...driver.demo import DemoServer  # aiosmtpd: loaded only for the demo

                async with DemoServer(settings.protocol) as server:
                    settings = replace(server.settings(), credentials=settings.credentials,
                                       mechanism=settings.mechanism, timeout=settings.timeout)
                    self.runStarted.emit(settings)
                    result = await run_check(settings, self._emit_entry)
            else:
                self.runStarted.emit(settings)
                result = await run_check(settings, self._emit_entry)
            if task is self._task:
                self.runFinished.emit(build_report(result, self.lang, surface="window"))  # texts name controls
        except asyncio.CancelledError:
            if task is self._task:
                self.runCancelled.emit()
            raise

    def _emit_entry(self, entry: TimelineEntry) -> None:
        if asyncio.current_task() is self._task:
            self.entryAdded.emit(entry)


class AccountReport(Record):
    """The latest report of each side; None where that side was not tested."""

    incoming: Report | None = None
    outgoing: Report | None = None

    def of(self, side: Side) -> Report | None:
        return self.incoming if side is Side.INCOMING else self.outgoing

    @property
    def reports(self) -> tuple[Report, ...]:
        return tuple(r for r in (self.incoming, self.outgoing) if r is not None)

    @property
    def ok(self) -> bool:
        """Every side that was tested works (and at least one was)."""
        return bool(self.reports) and all(r.result.ok for r in self.reports)


class AccountController(QObject):
    """Both sides of an account, each in its own CheckController, run concurrently.

    The side signals are re-emitted here, in order: a side's end first, then,
    when it was the last side running, the round's end."""

    sideStarted = Signal(object, object)  # Side, CheckSettings
    sideEntryAdded = Signal(object, object)  # Side, TimelineEntry
    sideFinished = Signal(object, object)  # Side, Report
    sideCancelled = Signal(object)  # Side
    roundFinished = Signal(object)  # AccountReport
    roundCancelled = Signal()

    def __init__(self, parent: QObject | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.incoming = CheckController(self, lang)
        self.outgoing = CheckController(self, lang)
        self._reports: dict[Side, Report | None] = dict.fromkeys(SIDES)
        self._cancelled = False
        for side, c in self.controllers.items():
            c.runStarted.connect(lambda s, side=side: self.sideStarted.emit(side, s))
            c.entryAdded.connect(lambda e, side=side: self.sideEntryAdded.emit(side, e))
            c.runFinished.connect(lambda r, side=side: self._on_finished(side, r))
            c.runCancelled.connect(lambda side=side: self._on_cancelled(side))

    @property
    def controllers(self) -> dict[Side, CheckController]:
        return {Side.INCOMING: self.incoming, Side.OUTGOING: self.outgoing}

    @property
    def running(self) -> bool:
        return any(c.running for c in self.controllers.values())

    @property
    def report(self) -> AccountReport:
        return AccountReport(self._reports[Side.INCOMING], self._reports[Side.OUTGOING])

    def start(self, runs: dict[Side, CheckSettings], demo: bool = False, whole: bool = True) -> None:
        """Run the given sides side by side. `whole`: a test of the whole account, so a
        side not run now has no result any more (it was not tested); otherwise the other
        side keeps its last result."""
        self._cancelled = False
        for side, c in self.controllers.items():
            if side in runs or whole:
                self._reports[side] = None
            if side in runs:
                c.start(runs[side], demo=demo)

    def cancel(self, quiet: bool = False) -> None:
        for c in self.controllers.values():
            c.cancel(quiet=quiet)

    async def wait(self) -> None:
        await asyncio.gather(*(c.wait() for c in self.controllers.values()))

    def _others_running(self, side: Side) -> bool:
        # The side that is ending is still inside its task: ask only the others.
        return any(c.running for s, c in self.controllers.items() if s is not side)

    def _on_finished(self, side: Side, report: Report) -> None:
        self._reports[side] = report
        self.sideFinished.emit(side, report)
        self._maybe_end(side)

    def _on_cancelled(self, side: Side) -> None:
        self._cancelled = True
        self.sideCancelled.emit(side)
        self._maybe_end(side)

    def _maybe_end(self, side: Side) -> None:
        if self._others_running(side):
            return
        if self._cancelled:
            self._cancelled = False
            self.roundCancelled.emit()
        else:
            self.roundFinished.emit(self.report)
