"""A focus frame that every style draws: a ring in the palette's highlight colour
around the control that has the keyboard focus (some styles draw none, or one too
faint to find, on push buttons and list views)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFocusEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QPushButton, QWidget


def draw_focus_ring(widget: QWidget, target: QWidget, rect: QRect) -> None:
    """Paint the ring on `target` (the widget itself, or its viewport) inside `rect`."""
    painter = QPainter(target)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(widget.palette().color(QPalette.ColorRole.Highlight), 2)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
    painter.end()


class FocusButton(QPushButton):
    """A push button whose focus shows as a ring."""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus():
            draw_focus_ring(self, self, self.rect())

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()
