"""One side of the account in the results: its step header, live timeline and
diagnosis panel (receiving: IMAP or POP3; sending: SMTP)."""

from __future__ import annotations

import math
import time
from datetime import datetime
from enum import Enum

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...knowledge.diagnose import Diagnosis
from ...knowledge.report import Report
from ...model import CheckResult, CheckSettings, TimelineEntry
from ...protocol.events import Outcome, Protocol, Stage
from ...protocol.kinds import Ending
from ..controllers.check import Side
from ..models.steps import StepsModel
from ..models.timeline import TimelineModel
from .diagnosis import DiagnosisPanel
from .steps import StepsHeader, prefixed
from .timeline import TimelineView


class SideState(Enum):
    IDLE = "idle"  # nothing run yet
    RUNNING = "running"
    WORKS = "works"
    FAILED = "failed"
    CANCELLED = "cancelled"
    NOT_TESTED = "not-tested"  # its server was left empty


class SidePane(QWidget):
    def __init__(self, side: Side, parent: QWidget | None = None, pseudo: bool = False) -> None:
        super().__init__(parent)
        self.side = side
        prefix = "incoming" if side is Side.INCOMING else ""
        self.setObjectName(prefixed(prefix, "sidePane") if prefix else "outgoingSidePane")
        self.state = SideState.IDLE
        self.report: Report | None = None
        self.protocol: Protocol | None = None  # of the run shown, once one started
        self._follow = False
        self.model = TimelineModel(self)
        self.steps = StepsModel(self)
        layout = QVBoxLayout(self)
        self.steps_header = StepsHeader(self.steps, self, prefix=prefix)
        header = QHBoxLayout()
        header.addWidget(self.steps_header, 1)
        # while waiting: how long the run has taken, and how long the current step may still wait
        self.wait_label = QLabel(self)
        self.wait_label.setObjectName(prefixed(prefix, "waitLabel"))
        self.wait_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.wait_label.hide()
        header.addWidget(self.wait_label)
        layout.addLayout(header)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._tick)
        self._settings: CheckSettings | None = None
        self._started = 0.0  # time.monotonic() at the start of the run shown
        self._started_at = ""  # the same, as ISO 8601 with the time zone, for a report
        self._last = 0.0  # time.monotonic() at the latest line: the current step's timer runs from it
        tools = QHBoxLayout()
        self.show_raw_check = QCheckBox(self.tr("Show raw"), self)
        self.show_raw_check.setObjectName(prefixed(prefix, "showRawCheck"))
        self.show_raw_check.setToolTip(self.tr("Show the lines as sent, without decoding the server's questions"))
        self.copy_lines_button = QPushButton(self.tr("Copy lines"), self)
        self.copy_lines_button.setObjectName(prefixed(prefix, "copyLinesButton"))
        self.copy_lines_button.setToolTip(self.tr("Copy the selected lines of the timeline, or all of them"))
        tools.addWidget(self.show_raw_check)
        tools.addStretch(1)
        tools.addWidget(self.copy_lines_button)
        layout.addLayout(tools)
        self.timeline = TimelineView(self)
        self.timeline.setObjectName(prefixed(prefix, "timelineView"))
        if side is Side.INCOMING:
            self.timeline.setAccessibleName(self.tr("Receiving timeline"))
        else:
            self.timeline.setAccessibleName(self.tr("Sending timeline"))
        self.timeline.setModel(self.model)
        self.panel = DiagnosisPanel(self, pseudo=pseudo, prefix=prefix)
        self.panel.setAccessibleName(self.tr("Receiving diagnosis") if side is Side.INCOMING
                                     else self.tr("Sending diagnosis"))
        self.panel_scroll = panel_scroll = QScrollArea(self)
        panel_scroll.setWidgetResizable(True)
        panel_scroll.setWidget(self.panel)
        panel_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        panel_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.addWidget(self.timeline)
        self.split.addWidget(panel_scroll)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setChildrenCollapsible(False)
        layout.addWidget(self.split, 1)
        self.show_raw_check.toggled.connect(self.model.set_show_raw)
        self.copy_lines_button.clicked.connect(self.timeline.copy_selection)

    @property
    def warned(self) -> bool:
        """It works, with something the person should know (the report's warnings)."""
        return self.state is SideState.WORKS and self.report is not None and bool(self.report.warnings)

    # -- what the pane shows -------------------------------------------------------

    def start(self, settings: CheckSettings) -> None:
        self.state = SideState.RUNNING
        self.report = None
        self.protocol = settings.protocol
        self._settings = settings
        self._started = self._last = time.monotonic()
        self._started_at = datetime.now().astimezone().isoformat(timespec="seconds")
        self.model.clear()
        self.steps.reset(settings.security)
        self.panel.show_running()
        self._tick()
        self.wait_label.show()
        self._clock.start()

    @property
    def elapsed(self) -> float:
        """Seconds since the run shown started."""
        return time.monotonic() - self._started

    def _tick(self) -> None:
        if self.state is not SideState.RUNNING or self._settings is None:
            self._clock.stop()
            return
        now = time.monotonic()
        left = max(0, math.ceil(self._settings.timeout - (now - self._last)))
        text = self.tr("%1 s so far \u00b7 this step gives up in %2 s").replace(
            "%1", str(int(now - self._started))).replace("%2", str(left))
        self.wait_label.setText(text)
        self.wait_label.setAccessibleName(text)

    def _stop_clock(self) -> None:
        self._clock.stop()
        self.wait_label.hide()

    def add_entry(self, entry: TimelineEntry) -> None:
        previous = self.model.entries()[-1].stage if self.model.rowCount() else None
        self.model.append(entry)
        # The engine's timer runs per reply awaited, per address tried and per stage;
        # its own notes on the way (a probe, say) do not restart it.
        if entry.direction != "-" or entry.stage != previous or entry.key in ("connecting", "connected"):
            self._last = time.monotonic()
        self.steps.enter(entry.stage)
        if entry.key == "connected":
            self.steps.connected()
        self.timeline.scrollToBottom()
        self._follow = not self.isVisible()  # a hidden view does not scroll: once shown, it will

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._follow:  # the latest lines in view when its tab comes to the front
            self._follow = False
            QTimer.singleShot(0, self.timeline, self.timeline.scrollToBottom)

    def finish(self, report: Report, account: tuple[Report, ...] = ()) -> None:
        self._stop_clock()
        self.report = report
        self.state = SideState.WORKS if report.result.ok else SideState.FAILED
        self.steps.finish(report.result.outcome)
        self.show_result(account)
        if not report.result.ok:  # the fix steps matter more than the transcript now
            self._give_timeline(2, 5)  # the refusal stays in view

    def show_result(self, account: tuple[Report, ...] = ()) -> None:
        """Draw the panel again, with the account's other working side beside this one."""
        if self.report is not None:
            self.panel.show_report(self.report, pinned=bool(self.report.result.settings.pinned_sha256),
                                   account=account)
            if self.report.result.ok and len(account) > 1:  # room for both servers' settings
                self._give_timeline(1, 2)

    def _give_timeline(self, num: int, den: int) -> None:
        """Give the timeline num/den of the split, the panel the rest; its end stays in view."""
        total = sum(self.split.sizes())
        self.split.setSizes([total * num // den, total - total * num // den])
        QTimer.singleShot(0, self.timeline, self.timeline.scrollToBottom)

    def cancelled(self) -> None:
        seconds = self.elapsed
        self._stop_clock()
        self.state = SideState.CANCELLED
        self.steps.stop()  # the steps reached stay shown
        self.panel.show_cancelled(seconds)
        self.report = self._partial_report(seconds)

    def _partial_report(self, seconds: float) -> Report | None:
        """A report of the lines seen before the cancel, for Copy and Save report (the
        engine gives no result for a cancelled run)."""
        if self._settings is None:
            return None
        entries = tuple(self.model.entries())
        stage = entries[-1].stage if entries else Stage.DNS
        address = next((e.args[0].strip("[]") for e in entries if e.key == "connected" and e.args), None)
        result = CheckResult(
            self._settings, Outcome(ok=False, ending=Ending.CANCELLED, stage=stage,
                                    detail=f"cancelled after {seconds:.0f} s"),
            entries, tls=None, tls_failure=None, greeting=None, elapsed=seconds, address=address,
            started=self._started_at)
        title = self.tr("Cancelled after %1 s.").replace("%1", str(round(seconds)))
        diagnosis = Diagnosis("run.cancelled", title, self.tr("The test was stopped; nothing more was sent."),
                              causes=(), fixes=(), links=(), exit_code=1)
        return Report(result, None, diagnosis)

    def not_tested(self) -> None:
        self._stop_clock()
        self.state = SideState.NOT_TESTED
        self.report = None
        self.protocol = None
        self.model.clear()
        self.steps.reset()
        self.steps.finish(None)
        self.panel.show_not_tested(self.side is Side.INCOMING)
