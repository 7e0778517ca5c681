"""The timeline view: time, direction, a lock for lines inside TLS, the raw
line, and each decoded 334 challenge shown prominently under it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ...model import TimelineEntry
from ..i18n import local_number
from ..models.timeline import DIRECTIONS, EntryRole, NoteRole, TimelineModel, direction_word, shown_text
from .focus import draw_focus_ring

PAD = 4


def mono_font() -> QFont:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


def draw_lock(p: QPainter, rect: QRect, color: QColor) -> None:
    """A small padlock, drawn so it needs no icon font."""
    size = min(rect.width(), rect.height(), 14)
    x = rect.x() + (rect.width() - size) // 2
    y = rect.y() + (rect.height() - size) // 2
    body = QRect(x, y + size * 4 // 10, size, size * 6 // 10)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = p.pen()
    pen.setColor(color)
    pen.setWidthF(max(1.2, size / 9))
    p.setPen(pen)
    shackle = QPainterPath()
    shackle.moveTo(x + size * 0.25, body.top())
    shackle.lineTo(x + size * 0.25, y + size * 0.25)
    shackle.arcTo(x + size * 0.25, y, size * 0.5, size * 0.5, 180, -180)
    shackle.lineTo(x + size * 0.75, body.top())
    p.drawPath(shackle)
    p.fillRect(body, color)
    p.restore()


def _entry(index: QModelIndex | QPersistentModelIndex) -> tuple[TimelineEntry, str | None]:
    """The row's entry and the decoded text to show (None in the raw view)."""
    entry = index.data(EntryRole)
    assert isinstance(entry, TimelineEntry)
    model = index.model()
    raw = isinstance(model, TimelineModel) and model.show_raw
    return entry, None if raw else entry.decoded


def _second_line(index: QModelIndex | QPersistentModelIndex) -> str | None:
    """The decoded challenge, else the note on the first command of its kind, else None."""
    entry, decoded = _entry(index)
    if decoded is not None:
        return (QCoreApplication.translate("TimelineDelegate", "Server asks: %1") if entry.direction == "S"
                else QCoreApplication.translate("TimelineDelegate", "You answer: %1")).replace("%1", decoded)
    note = index.data(NoteRole)
    return note if isinstance(note, str) else None


class TimelineDelegate(QStyledItemDelegate):
    def _metrics(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, int]:
        mono = mono_font()
        mono.setPointSizeF(option.font.pointSizeF())
        bold = QFont(option.font)
        bold.setBold(True)
        line = max(option.fontMetrics.height(), QFontMetrics(mono).height())
        return mono, bold, line

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        _, _, line = self._metrics(option)
        lines = 2 if _second_line(index) is not None else 1
        return QSize(0, lines * line + 2 * PAD)  # width follows the view; long lines elide

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        style = option.widget.style() if option.widget else QApplication.style()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, p, option.widget)
        mono, bold, line = self._metrics(option)
        entry, decoded = _entry(index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        fg = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        dim = fg if selected else pal.color(QPalette.ColorRole.PlaceholderText)
        r = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
        p.save()
        p.setFont(mono)
        fm = p.fontMetrics()
        # time
        t_rect = QRect(r.x(), r.y(), fm.horizontalAdvance("000.000 s"), line)
        p.setPen(dim)
        p.drawText(t_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{local_number(entry.t)} s")
        x = t_rect.right() + 2 * PAD
        # lock
        lock_rect = QRect(x, r.y(), line, line)
        if entry.tls:
            draw_lock(p, lock_rect, dim)
        x = lock_rect.right() + PAD
        # who said it, in words (You, Server, Note), so it relies neither on colour nor on a legend
        direction = entry.direction
        p.setFont(option.font)
        words = p.fontMetrics()
        a_rect = QRect(x, r.y(), max(words.horizontalAdvance(direction_word(d)) for d in DIRECTIONS), line)
        p.setPen(dim)
        p.drawText(a_rect, Qt.AlignmentFlag.AlignVCenter, direction_word(direction))
        p.setFont(mono)
        x = a_rect.right() + 2 * PAD
        # the raw line (notes in the normal font, dimmed)
        text_rect = QRect(x, r.y(), r.right() - x, line)
        if direction == "-":
            p.setFont(option.font)
            p.setPen(dim)
        else:
            p.setPen(fg)
        raw = shown_text(entry)
        if entry.flagged:
            raw += "   \u26a0 " + self.tr("not base64")
        p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter,
                   p.fontMetrics().elidedText(raw, Qt.TextElideMode.ElideRight, text_rect.width()))
        # the decoded challenge, prominent; or what a first EHLO, STARTTLS or AUTH is for, quieter
        label = _second_line(index)
        if label is not None:
            d_rect = QRect(x, r.y() + line, r.right() - x, line)
            if decoded is not None:
                p.setFont(bold)
                p.setPen(pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Link))
            else:
                italic = QFont(option.font)
                italic.setItalic(True)
                p.setFont(italic)
                p.setPen(dim)
            p.drawText(d_rect, Qt.AlignmentFlag.AlignVCenter,
                       p.fontMetrics().elidedText("\u21b3 " + label, Qt.TextElideMode.ElideRight, d_rect.width()))
        p.restore()


class TimelineView(QListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self.setItemDelegate(TimelineDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setUniformItemSizes(False)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setAccessibleName(self.tr("Handshake timeline"))
        self.setAccessibleDescription(self.tr("Every line exchanged with the server, with decoded challenges"))

    def selected_text(self) -> str:
        rows = sorted(self.selectionModel().selectedRows(), key=lambda i: i.row())
        if not rows:
            rows = [self.model().index(r, 0) for r in range(self.model().rowCount())]
        return "\n".join(str(i.data(Qt.ItemDataRole.DisplayRole)) for i in rows)

    def copy_selection(self) -> None:
        QApplication.clipboard().setText(self.selected_text())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus():  # the whole list has the focus: a ring round it shows where typing goes
            draw_focus_ring(self, self.viewport(), self.viewport().rect())

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        super().keyPressEvent(event)
