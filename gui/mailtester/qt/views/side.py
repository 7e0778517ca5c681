"""One side of the account in the results: its step header, live timeline and
diagnosis panel (receiving: IMAP or POP3; sending: SMTP)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget

from ...knowledge.report import Report
from ...model import CheckSettings, TimelineEntry
from ...protocol.events import Protocol
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
        layout.addWidget(self.steps_header)
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
        self.model.clear()
        self.steps.reset(settings.security)
        self.panel.show_running()

    def add_entry(self, entry: TimelineEntry) -> None:
        self.model.append(entry)
        self.steps.enter(entry.stage)
        self.timeline.scrollToBottom()
        self._follow = not self.isVisible()  # a hidden view does not scroll: once shown, it will

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._follow:  # the latest lines in view when its tab comes to the front
            self._follow = False
            QTimer.singleShot(0, self.timeline, self.timeline.scrollToBottom)

    def finish(self, report: Report, account: tuple[Report, ...] = ()) -> None:
        self.report = report
        self.state = SideState.WORKS if report.result.ok else SideState.FAILED
        self.steps.finish(report.result.outcome)
        self.show_result(account)
        if not report.result.ok:  # the fix steps matter more than the transcript now
            total = sum(self.split.sizes())
            self.split.setSizes([total * 2 // 5, total - total * 2 // 5])
            QTimer.singleShot(0, self.timeline, self.timeline.scrollToBottom)  # keep the refusal in view

    def show_result(self, account: tuple[Report, ...] = ()) -> None:
        """Draw the panel again, with the account's other working side beside this one."""
        if self.report is not None:
            self.panel.show_report(self.report, pinned=bool(self.report.result.settings.pinned_sha256),
                                   account=account)
            if self.report.result.ok and len(account) > 1:  # room for both servers' settings
                total = sum(self.split.sizes())
                self.split.setSizes([total // 2, total - total // 2])
                QTimer.singleShot(0, self.timeline, self.timeline.scrollToBottom)  # the end stays in view

    def cancelled(self) -> None:
        self.state = SideState.CANCELLED
        self.steps.finish(None)
        self.panel.show_cancelled()

    def not_tested(self) -> None:
        self.state = SideState.NOT_TESTED
        self.report = None
        self.protocol = None
        self.model.clear()
        self.steps.reset()
        self.steps.finish(None)
        self.panel.show_not_tested(self.side is Side.INCOMING)
