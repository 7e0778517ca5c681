"""The live timeline as a list model with roles."""

from __future__ import annotations

import html
import re
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ...model import TimelineEntry
from ..i18n import local_number, note_text
from ..neutral import rich, tooltip

Index = QModelIndex | QPersistentModelIndex

TimeRole = Qt.ItemDataRole.UserRole + 1
DirectionRole = Qt.ItemDataRole.UserRole + 2
TlsRole = Qt.ItemDataRole.UserRole + 3
RawRole = Qt.ItemDataRole.UserRole + 4
DecodedRole = Qt.ItemDataRole.UserRole + 5
FlaggedRole = Qt.ItemDataRole.UserRole + 6
EntryRole = Qt.ItemDataRole.UserRole + 7  # the TimelineEntry itself
NoteRole = Qt.ItemDataRole.UserRole + 8  # the short note under the first line of its kind, or None

# Who said a line, in words (the column and the copied lines).
DIRECTIONS = {"C": QT_TRANSLATE_NOOP("Timeline", "You"), "S": QT_TRANSLATE_NOOP("Timeline", "Server"),
              "-": QT_TRANSLATE_NOOP("Timeline", "Note")}

# The commands a newcomer meets in every dialogue, by protocol: SMTP EHLO/HELO, IMAP
# CAPABILITY, POP3 CAPA; STARTTLS (POP3 STLS); SMTP/POP3 AUTH, IMAP AUTHENTICATE and
# LOGIN, POP3 USER/PASS/APOP. An IMAP line starts with its tag.
_COMMAND = re.compile(r"^(?:\S+ )?(EHLO|HELO|CAPABILITY|CAPA|STARTTLS|STLS|AUTHENTICATE|AUTH|LOGIN|USER|PASS|APOP)\b",
                      re.IGNORECASE)
_KINDS = {"EHLO": "hello", "HELO": "hello", "CAPABILITY": "hello", "CAPA": "hello", "STARTTLS": "starttls",
          "STLS": "starttls"}
EXPLAINED = {
    "hello": QT_TRANSLATE_NOOP("Timeline", "Hello: this computer introduces itself and asks what the server offers."),
    "starttls": QT_TRANSLATE_NOOP("Timeline", "STARTTLS: encrypt the connection before anything secret is sent."),
    "auth": QT_TRANSLATE_NOOP("Timeline", "Log in: the user name and password, in a method the server offered."),
}


def command_kind(e: TimelineEntry) -> str | None:
    """"hello", "starttls" or "auth" for a line this computer sent with such a command."""
    match = _COMMAND.match(e.text) if e.direction == "C" else None
    return _KINDS.get(match.group(1).upper(), "auth") if match else None


def direction_word(direction: str) -> str:
    return QCoreApplication.translate("Timeline", str(DIRECTIONS[direction]))


def explanation(kind: str) -> str:
    return QCoreApplication.translate("Timeline", str(EXPLAINED[kind]))


def shown_text(e: TimelineEntry) -> str:
    """Wire lines as they were; local notes in the window's language."""
    return note_text(e.key, e.args) if e.key else e.text


class TimelineModel(QAbstractListModel):
    """One row per timeline entry; appended as the run goes."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[TimelineEntry] = []
        self._noted: dict[str, int] = {}  # command kind -> the row of its first line (it carries the note)
        self._show_raw = False

    # -- editing ----------------------------------------------------------------

    def append(self, entry: TimelineEntry) -> None:
        row = len(self._entries)
        self.beginInsertRows(QModelIndex(), row, row)
        self._entries.append(entry)
        kind = command_kind(entry)
        if kind is not None:
            self._noted.setdefault(kind, row)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._entries.clear()
        self._noted.clear()
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
                 DecodedRole: b"decoded", FlaggedRole: b"flagged", EntryRole: b"entry", NoteRole: b"note"}
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
            kind = command_kind(e)
            if kind is not None:  # what the command is for, under the line
                return tooltip(f"{e.text}\n\n{explanation(kind)}")
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
        if role == NoteRole:
            kind = command_kind(e)
            return explanation(kind) if kind is not None and self._noted.get(kind) == index.row() else None
        return None

    def line_text(self, e: TimelineEntry) -> str:
        text = f"{local_number(e.t):>7} s {'TLS' if e.tls else '   '} {direction_word(e.direction)}: {shown_text(e)}"
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
