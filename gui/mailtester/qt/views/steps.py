"""The step header: Connect -> Encrypt -> Greet -> Log in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ..models.steps import Step, StepsModel, StepState

# State shown by a symbol as well as colour.
SYMBOL = {StepState.PENDING: "\u25cb", StepState.RUNNING: "\u25d4", StepState.DONE: "\u2714",
          StepState.FAILED: "\u2716", StepState.SKIPPED: "\u2013", StepState.STOPPED: "\u25a0"}
COLOR = {StepState.DONE: "#2e7d32", StepState.FAILED: "#c62828", StepState.RUNNING: "#1565c0"}
DARK_COLOR = {StepState.DONE: "#81c784", StepState.FAILED: "#ef9a9a", StepState.RUNNING: "#90caf9"}


def prefixed(prefix: str, name: str) -> str:
    """An object name for one side: ("incoming", "stepsHeader") -> "incomingStepsHeader"."""
    return prefix + name[0].upper() + name[1:] if prefix else name


class StepsHeader(QWidget):
    def __init__(self, model: StepsModel, parent: QWidget | None = None, prefix: str = "") -> None:
        """`prefix` names the side ("incoming"): incomingStepsHeader, incomingStepConnect, ..."""
        super().__init__(parent)
        self.setObjectName(prefixed(prefix, "stepsHeader"))
        self.model = model
        self.names = {Step.CONNECT: self.tr("Connect"), Step.ENCRYPT: self.tr("Encrypt"),
                      Step.GREET: self.tr("Greet"), Step.LOGIN: self.tr("Log in")}
        self.state_names = {StepState.PENDING: self.tr("not started"), StepState.RUNNING: self.tr("in progress"),
                            StepState.DONE: self.tr("done"), StepState.FAILED: self.tr("failed"),
                            StepState.SKIPPED: self.tr("skipped"), StepState.STOPPED: self.tr("stopped")}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.labels: dict[Step, QLabel] = {}
        for i, step in enumerate(Step):
            if i:
                arrow = QLabel("\u2192")
                arrow.setAccessibleName(self.tr("then"))
                layout.addWidget(arrow)
            label = QLabel()
            label.setObjectName(prefixed(prefix, f"step{step.name.title()}"))
            label.setTextFormat(Qt.TextFormat.RichText)
            self.labels[step] = label
            layout.addWidget(label)
        layout.addStretch(1)
        model.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        colors = DARK_COLOR if dark else COLOR
        for step, label in self.labels.items():
            state = self.model.states[step]
            color = colors.get(state)
            style = f' style="color:{color}"' if color else ""
            weight = "<b>%s</b>" if state in (StepState.RUNNING, StepState.FAILED, StepState.STOPPED) else "%s"
            label.setText(f"<span{style}>{SYMBOL[state]} {weight % self.names[step]}</span>")
            label.setAccessibleName(f"{self.names[step]}: {self.state_names[state]}")
            label.setToolTip(self.state_names[state])
