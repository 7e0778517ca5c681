"""Runs a batch (mailtester.batch.BatchRun) on the window's event loop and feeds the
table model.

The engine calls back once per row started and once per row finished, up to
hundreds of times a second; the callbacks only note the change in the model, and
a timer tells the views a few times a second (one dataChanged per flush), so the
window stays responsive however fast the rows come."""

from __future__ import annotations

import asyncio
import gc
import logging
import time
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ...batch import BatchOptions, BatchRun, BatchSummary, Secrets, Sheet
from .model import DONE, BatchModel

log = logging.getLogger("mailtester.qt.batch")

FLUSH_MS = 150  # how often the table and the progress are brought up to date during a run


class BatchController(QObject):
    runStarted = Signal()
    progressed = Signal()  # the model was brought up to date (rows changed, counts moved)
    runFinished = Signal(object)  # the BatchSummary; None when the run ended in an error
    runFailed = Signal(str)  # the error, for the person

    def __init__(self, model: BatchModel, ask: Callable[[str], Awaitable[str | None]] | None = None,
                 parent: QObject | None = None) -> None:
        """`ask(reference)`: the password for a `prompt` reference, or None (not given)."""
        super().__init__(parent)
        self.model = model
        self.ask = ask
        self.summary: BatchSummary | None = None
        self._run: BatchRun | None = None
        self._task: asyncio.Task[None] | None = None
        self._active = False  # from start() until the run's end is announced
        self._started = 0.0
        self._ended: float | None = None
        self.stopping = False
        self._timer = QTimer(self)
        self._timer.setInterval(FLUSH_MS)
        self._timer.timeout.connect(self._flush)

    @property
    def running(self) -> bool:
        return self._active

    def start(self, sheet: Sheet, options: BatchOptions) -> None:
        assert not self.running
        if self.model.sheet is sheet:
            self.model.reset_results()
        else:
            self.model.set_sheet(sheet)
        self.summary = None
        self.stopping = False
        self._active = True
        # read the diagnosis rules and texts now (a batch is sure to need them), not at the
        # first refusal in the middle of the run: 25 ms of the event loop at once
        from ...knowledge.diagnose import texts
        from ...knowledge.rules import rules

        rules()
        texts("en")
        texts(options.lang)
        # the Secrets (with any password typed for a `prompt`) live only as long as the run
        self._run = BatchRun(sheet, options, Secrets(prompt=self.ask))
        self._task = asyncio.ensure_future(self._go(self._run))

    async def _go(self, run: BatchRun) -> None:
        self._started, self._ended = time.monotonic(), None
        self._timer.start()
        self.runStarted.emit()
        summary = None
        try:
            summary = await run.run(self.model.mark_result, self.model.mark_started)
        except asyncio.CancelledError:
            raise
        except Exception as e:  # an input the engine could not use: said, not a crash
            log.exception("batch run failed")
            self.runFailed.emit(str(e))
        finally:
            gc.unfreeze()  # all of it back in the collector's sight
            self._ended = time.monotonic()
            self._timer.stop()
            self._run = None
            self._active = False
            self._flush()
        self.summary = summary
        self.runFinished.emit(summary)

    def stop(self) -> None:
        """Finished rows stay; the running and waiting ones end as stopped."""
        if self._run is not None and not self.stopping:
            self.stopping = True
            self._run.stop()

    async def wait(self) -> None:
        if self._task is not None:
            await asyncio.gather(self._task, return_exceptions=True)

    def cancel(self) -> None:
        """The window is closing: stop, and end the task if it does not end by itself."""
        self.stop()
        if self._task is not None and not self._task.done():
            self._task.cancel()

    def _flush(self) -> None:
        self.model.flush()
        self.progressed.emit()
        if self._active:
            # Python's full collection walks every object alive (the window's, and the rows'
            # reports kept for the table): 30-50 ms of the event loop at once in a 1000-row run.
            # What exists now is kept out of its walks until the run ends, so each walk covers
            # only what was made since the last flush.
            gc.freeze()

    # -- progress ---------------------------------------------------------------------

    @property
    def elapsed(self) -> float:
        return ((self._ended or time.monotonic()) - self._started) if self._started else 0.0

    def time_left(self) -> float | None:
        """Seconds until the last row, at the rate so far (None before any row ended)."""
        counts = self.model.counts()
        done = sum(counts[s] for s in DONE)
        total = self.model.rowCount()
        if not self.running or done == 0:
            return None
        return self.elapsed / done * (total - done)
