"""The batch table: one row per account of the sheet, its status filling in as the
run goes, and a filter proxy (all, failed, not checked, one diagnosis).

Results arrive many per second in a large run; the model keeps them as they come
and tells the view in one dataChanged per flush (see BatchController), so the
table repaints a few times a second instead of once per row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ...batch import RowResult, RowStatus, Sheet, SheetRow
from ...knowledge.report import Report, build_report
from ..neutral import neutral, tooltip

Index = QModelIndex | QPersistentModelIndex

NUMBER, EMAIL, SERVER, STATUS, DIAGNOSIS, TIME = range(6)
StatusRole = Qt.ItemDataRole.UserRole + 2  # the row's RowStatus
SortRole = Qt.ItemDataRole.UserRole + 4

FAILED = frozenset({RowStatus.REFUSED, RowStatus.FAILED, RowStatus.NO_SERVER})
NOT_CHECKED = frozenset({RowStatus.DEFERRED, RowStatus.CANCELLED})
DONE = FAILED | NOT_CHECKED | {RowStatus.OK}
# The status shown by a mark as well as by its word (not by colour alone).
MARK = {RowStatus.OK: "\u2714", RowStatus.REFUSED: "\u2716", RowStatus.FAILED: "\u2716",
        RowStatus.NO_SERVER: "\u2716", RowStatus.DEFERRED: "\u23f8", RowStatus.CANCELLED: "\u25a0",
        RowStatus.RUNNING: "\u25d4", RowStatus.WAITING: "\u25cb"}


# Translated where shown (lupdate reads the QT_TRANSLATE_NOOP marks).
STATUS_TEXTS = {
    RowStatus.OK: QT_TRANSLATE_NOOP("BatchModel", "Works"),
    RowStatus.REFUSED: QT_TRANSLATE_NOOP("BatchModel", "Refused"),
    RowStatus.FAILED: QT_TRANSLATE_NOOP("BatchModel", "Failed"),
    RowStatus.DEFERRED: QT_TRANSLATE_NOOP("BatchModel", "Deferred: the server asked to wait"),
    RowStatus.CANCELLED: QT_TRANSLATE_NOOP("BatchModel", "Stopped"),
    RowStatus.NO_SERVER: QT_TRANSLATE_NOOP("BatchModel", "No server given"),
    RowStatus.RUNNING: QT_TRANSLATE_NOOP("BatchModel", "Testing\u2026"),
    RowStatus.WAITING: QT_TRANSLATE_NOOP("BatchModel", "Waiting"),
}
# The batch's own outcomes for rows that never reached a server (mailtester.batch), by id.
BATCH_TITLES = {
    "batch.cancelled": QT_TRANSLATE_NOOP("BatchModel", "Stopped before or during its test"),
    "batch.deferred": QT_TRANSLATE_NOOP("BatchModel", "Not tried: its server showed signs of rate limiting"),
    "batch.no-server": QT_TRANSLATE_NOOP("BatchModel", "No server given, and none found for its domain"),
    "batch.no-password": QT_TRANSLATE_NOOP("BatchModel", "No password or password reference in the row"),
    "batch.secret-env": QT_TRANSLATE_NOOP("BatchModel", "The password's environment variable is not set"),
    "batch.duplicate": QT_TRANSLATE_NOOP("BatchModel", "Not tried: the same login as an earlier row"),
    "batch.secret-file": QT_TRANSLATE_NOOP("BatchModel", "The password file cannot be used"),
    "batch.secret-file-open": QT_TRANSLATE_NOOP("BatchModel", "The password file can be read by others"),
    "batch.secret-prompt": QT_TRANSLATE_NOOP("BatchModel", "No password was typed for its reference"),
    "batch.secret-invalid": QT_TRANSLATE_NOOP("BatchModel", "The password cannot be sent as it is"),
}
HEADERS = (QT_TRANSLATE_NOOP("BatchModel", "#"), QT_TRANSLATE_NOOP("BatchModel", "Account"),
           QT_TRANSLATE_NOOP("BatchModel", "Server"), QT_TRANSLATE_NOOP("BatchModel", "Result"),
           QT_TRANSLATE_NOOP("BatchModel", "Diagnosis"), QT_TRANSLATE_NOOP("BatchModel", "Time"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("BatchModel", text)


def status_text(status: RowStatus) -> str:
    return _tr(str(STATUS_TEXTS[status]))


class BatchModel(QAbstractTableModel):
    def __init__(self, parent: Any = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.lang = lang  # of the diagnosis texts
        self._reports: dict[int, Report] = {}  # model row -> its report as the window words it
        self.sheet: Sheet | None = None
        self._rows: list[SheetRow] = []
        self._status: list[RowStatus] = []
        self._results: list[RowResult | None] = []
        self._index: dict[int, int] = {}  # SheetRow.number -> model row
        self._dirty: set[int] = set()
        self.headers = tuple(_tr(str(h)) for h in HEADERS)

    # -- editing --------------------------------------------------------------------

    def set_sheet(self, sheet: Sheet | None) -> None:
        self.beginResetModel()
        self.sheet = sheet
        self._rows = list(sheet.rows) if sheet else []
        self._status = [RowStatus.WAITING] * len(self._rows)
        self._results = [None] * len(self._rows)
        self._index = {r.number: i for i, r in enumerate(self._rows)}
        self._reports.clear()
        self._dirty.clear()
        self.endResetModel()

    def reset_results(self) -> None:
        """Every row waiting again, for a new run of the same sheet (no reset: the views keep
        their place and selection)."""
        self._status = [RowStatus.WAITING] * len(self._rows)
        self._results = [None] * len(self._rows)
        self._reports.clear()
        self._dirty = set(range(len(self._rows)))
        self.flush()

    def mark_started(self, row: SheetRow) -> None:
        i = self._index.get(row.number)
        if i is not None and self._status[i] is RowStatus.WAITING:
            self._status[i] = RowStatus.RUNNING
            self._dirty.add(i)

    def mark_result(self, result: RowResult) -> None:
        i = self._index.get(result.row.number)
        if i is not None:
            self._status[i] = result.status
            self._results[i] = result
            self._dirty.add(i)

    def flush(self) -> bool:
        """Tell the views about the rows changed since the last flush, in one signal."""
        if not self._dirty:
            return False
        first, last = min(self._dirty), max(self._dirty)
        self._dirty.clear()
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.headers) - 1))
        return True

    # -- reading --------------------------------------------------------------------

    def result(self, row: int) -> RowResult | None:
        return self._results[row] if 0 <= row < len(self._results) else None

    def report(self, row: int) -> Report | None:
        """The row's report as the single-account view has it: its texts in the window's
        language, naming the window's controls. Built when first asked for (the view asks
        only for the rows in sight)."""
        result = self.result(row)
        if result is None or result.report is None:
            return None
        if row not in self._reports:
            self._reports[row] = build_report(result.report.result, self.lang, surface="window")
        return self._reports[row]

    def diagnosis_title(self, row: int) -> str:
        report = self.report(row)
        if report is not None and report.diagnosis is not None:
            return neutral(report.diagnosis.title)
        did = (r.diagnosis_id if (r := self.result(row)) else None) or ""
        if did not in BATCH_TITLES and did.startswith("batch.secret-file"):  # -kind, -size, -utf8, -empty
            did = "batch.secret-file"
        return _tr(str(BATCH_TITLES[did])) if did in BATCH_TITLES else did

    def duration(self, seconds: float) -> str:
        """A check's time: milliseconds under a second, else seconds (the window's decimal mark)."""
        if seconds < 1:
            return _tr("%1 ms").replace("%1", str(round(seconds * 1000)))
        return _tr("%1 s").replace("%1", QLocale(self.lang).toString(seconds, "f", 1))

    def status(self, row: int) -> RowStatus:
        return self._status[row]

    def results(self) -> list[RowResult]:
        return [r for r in self._results if r is not None]

    def counts(self) -> dict[RowStatus, int]:
        counts = dict.fromkeys(RowStatus, 0)
        for s in self._status:
            counts[s] += 1
        return counts

    def diagnoses(self) -> dict[str, tuple[str, int]]:
        """Diagnosis id -> (its title, how many rows have it), in order of first appearance."""
        found: dict[str, tuple[str, int]] = {}
        for i, r in enumerate(self._results):
            if r is not None and r.diagnosis_id:
                title, n = found.get(r.diagnosis_id) or (self.diagnosis_title(i), 0)
                found[r.diagnosis_id] = (title, n + 1)
        return found

    # -- the model ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        i, column = index.row(), index.column()
        row, status, result = self._rows[i], self._status[i], self._results[i]
        if role == StatusRole:
            return status
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, SortRole):
            if column == NUMBER:
                return row.number if role == SortRole else str(row.number)
            if column == EMAIL:
                return neutral(row.email)  # a sheet's cells are shown as neutral as a server's words
            if column == SERVER:
                return neutral(f"{row.host}:{row.port}" if row.host and row.port else row.host or "")
            if column == STATUS:
                if role == SortRole:
                    return list(RowStatus).index(status)
                text = status_text(status)
                return text if role == Qt.ItemDataRole.AccessibleTextRole else f"{MARK[status]} {text}"
            if column == DIAGNOSIS:
                if role == SortRole:
                    return (result.diagnosis_id if result else None) or ""
                return self.diagnosis_title(i)
            if column == TIME:
                elapsed = result.elapsed if result else None
                if role == SortRole:
                    return elapsed if elapsed is not None else -1.0
                return "" if elapsed is None else self.duration(elapsed)
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text of a cell too narrow for it (Qt reads rich text)
            if column == EMAIL:
                return tooltip(row.email)
            if column == DIAGNOSIS and result and result.diagnosis_id:
                return tooltip(f"{self.diagnosis_title(i)}\n{result.diagnosis_id}")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (NUMBER, TIME):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


ALL, ONLY_FAILED, ONLY_NOT_CHECKED = "all", "failed", "not-checked"


class BatchFilter(QSortFilterProxyModel):
    """All rows, the failed ones, the ones not checked, or those of one diagnosis id."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._mode = ALL
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    @property
    def mode(self) -> str:
        return self._mode

    def set_mode(self, mode: str) -> None:
        """ALL, ONLY_FAILED, ONLY_NOT_CHECKED, or a diagnosis id."""
        if mode != self._mode:
            self.beginFilterChange()
            self._mode = mode
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._mode == ALL:
            return True
        model = self.sourceModel()
        assert isinstance(model, BatchModel)
        if self._mode == ONLY_FAILED:
            return model.status(source_row) in FAILED
        if self._mode == ONLY_NOT_CHECKED:
            return model.status(source_row) in NOT_CHECKED
        result = model.result(source_row)
        return result is not None and result.diagnosis_id == self._mode
