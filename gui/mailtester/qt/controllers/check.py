"""Runs the engine on the Qt event loop (qasync) and reports as signals."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from ...driver.client import run_check
from ...knowledge.report import build_report
from ...model import CheckSettings, TimelineEntry

log = logging.getLogger("mailtester.qt")


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

                async with DemoServer() as server:
                    settings = replace(server.settings(), credentials=settings.credentials,
                                       mechanism=settings.mechanism, timeout=settings.timeout)
                    self.runStarted.emit(settings)
                    result = await run_check(settings, self._emit_entry)
            else:
                self.runStarted.emit(settings)
                result = await run_check(settings, self._emit_entry)
            if task is self._task:
                self.runFinished.emit(build_report(result, self.lang))
        except asyncio.CancelledError:
            if task is self._task:
                self.runCancelled.emit()
            raise

    def _emit_entry(self, entry: TimelineEntry) -> None:
        if asyncio.current_task() is self._task:
            self.entryAdded.emit(entry)
