"""The live timeline as a list model with roles."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QPersistentModelIndex, Qt

from ...model import TimelineEntry
from ..i18n import note_text
from ..neutral import rich, tooltip

Index = QModelIndex | QPersistentModelIndex

TimeRole = Qt.ItemDataRole.UserRole + 1
DirectionRole = Qt.ItemDataRole.UserRole + 2
TlsRole = Qt.ItemDataRole.UserRole + 3
RawRole = Qt.ItemDataRole.UserRole + 4
DecodedRole = Qt.ItemDataRole.UserRole + 5
FlaggedRole = Qt.ItemDataRole.UserRole + 6
EntryRole = Qt.ItemDataRole.UserRole + 7  # the TimelineEntry itself


def shown_text(e: TimelineEntry) -> str:
    """Wire lines as they were; local notes in the window's language."""
    return note_text(e.key, e.args) if e.key else e.text


class TimelineModel(QAbstractListModel):
    """One row per timeline entry; appended as the run goes."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[TimelineEntry] = []
        self._show_raw = False

    # -- editing ----------------------------------------------------------------

    def append(self, entry: TimelineEntry) -> None:
        row = len(self._entries)
        self.beginInsertRows(QModelIndex(), row, row)
        self._entries.append(entry)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._entries.clear()
        self.endResetModel()

    @property
    def show_raw(self) -> bool:
        return self._show_raw

    def set_show_raw(self, raw: bool) -> None:
        if raw != self._show_raw:
            self._show_raw = raw
            if self._entries:
                self.dataChanged.emit(self.index(0), self.index(len(self._entries) - 1))

    def entries(self) -> list[TimelineEntry]:
        return list(self._entries)

    # -- the model --------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._entries)

    def roleNames(self) -> dict[int, QByteArray]:
        names = {TimeRole: b"time", DirectionRole: b"direction", TlsRole: b"tls", RawRole: b"raw",
                 DecodedRole: b"decoded", FlaggedRole: b"flagged", EntryRole: b"entry"}
        return {**super().roleNames(), **{role: QByteArray(name) for role, name in names.items()}}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        e = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.line_text(e)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.spoken_text(e)
        if role == Qt.ItemDataRole.ToolTipRole:  # the wire line, escaped: Qt reads a tooltip as rich text
            if not e.flagged:
                return tooltip(e.text)
            note = html.escape(self.tr("%1\nNot valid base64: shown as the server sent it."))
            return f'<p style="white-space:pre-wrap">{note.replace("%1", rich(e.text))}</p>'.replace("\n", "<br>")
        if role == TimeRole:
            return e.t
        if role == DirectionRole:
            return e.direction
        if role == TlsRole:
            return e.tls
        if role == RawRole:
            return e.text
        if role == DecodedRole:
            return None if self._show_raw else e.decoded
        if role == FlaggedRole:
            return e.flagged
        if role == EntryRole:
            return e
        return None

    def line_text(self, e: TimelineEntry) -> str:
        arrow = {"C": "C:", "S": "S:", "-": "  "}[e.direction]
        text = f"{e.t:7.3f}s {'TLS' if e.tls else '   '} {arrow} {shown_text(e)}"
        if e.decoded is not None and not self._show_raw:
            if e.direction == "S":
                text += "    " + self.tr("Server asks: %1").replace("%1", e.decoded)
            else:
                text += "    " + self.tr("You answer: %1").replace("%1", e.decoded)
        return text

    def spoken_text(self, e: TimelineEntry) -> str:
        who = {"C": self.tr("This computer sent"), "S": self.tr("Server sent"), "-": self.tr("Note")}[e.direction]
        parts = [f"{who}: {shown_text(e)}"]
        if e.tls:
            parts.append(self.tr("encrypted"))
        if e.decoded is not None:
            parts.append(self.tr("decoded: %1").replace("%1", e.decoded))
        return ", ".join(parts)
