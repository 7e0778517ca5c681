"""The batch window ("Check many accounts…"): a sheet of accounts (a CSV or XLSX
file, or rows pasted), its columns mapped when the header is unusual, the table
filling in as the run goes, with a filter, a progress bar, Stop, the selected
row's steps, timeline and diagnosis as the single-account view shows them, and
the results exported as CSV or HTML."""

from __future__ import annotations

import asyncio
import math
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QItemSelection, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...batch import BatchInputError, BatchOptions, RowResult, RowStatus, Sheet, read_sheet
from ...batch.sheet import FIELDS
from ...protocol.kinds import Protocol
from ..controllers.check import Side
from ..neutral import neutral
from ..views.side import SidePane
from .controller import BatchController
from .exports import export_results
from .model import (
    ALL,
    DIAGNOSIS,
    EMAIL,
    FAILED,
    NOT_CHECKED,
    NUMBER,
    ONLY_FAILED,
    ONLY_NOT_CHECKED,
    SERVER,
    STATUS,
    TIME,
    BatchFilter,
    BatchModel,
    status_text,
)

FOLDER = "batch/folder"  # where the last sheet was opened or the last results saved


# The reader's complaints by id (mailtester.batch.sheet.BatchInputError), translated where shown.
INPUT_PROBLEMS = {
    "batch.empty": QT_TRANSLATE_NOOP("BatchWindow",
                                     "The sheet is empty: it needs a header row and one row per account."),
    "batch.not-utf8": QT_TRANSLATE_NOOP("BatchWindow", "The file is not UTF-8 text. Save it as \u201cCSV UTF-8\u201d "
                                                       "or as an Excel workbook (.xlsx)."),
    "batch.bad-xlsx": QT_TRANSLATE_NOOP("BatchWindow", "This is not a readable Excel workbook."),
    "batch.too-large": QT_TRANSLATE_NOOP("BatchWindow", "The file is too large for a sheet of accounts."),
    "batch.too-many-rows": QT_TRANSLATE_NOOP("BatchWindow", "The sheet has too many rows."),
    "batch.unreadable": QT_TRANSLATE_NOOP("BatchWindow", "The file cannot be read."),
    "batch.no-email-column": QT_TRANSLATE_NOOP(
        "BatchWindow", "No column of email addresses or user names was recognised: choose it under Columns of "
                       "the sheet."),
    "batch.no-such-header": QT_TRANSLATE_NOOP("BatchWindow", "The sheet has no column %1."),
    "batch.bad-cell": QT_TRANSLATE_NOOP("BatchWindow", "Row %1, column %2: %3"),
}


def input_problem(e: BatchInputError) -> str:
    """The reader's complaint in the window's language (by its id), with its details."""
    if e.id not in INPUT_PROBLEMS:
        return neutral(str(e))
    p = {k: neutral(str(v)) for k, v in e.params.items()}
    text = QCoreApplication.translate("BatchWindow", str(INPUT_PROBLEMS[e.id]))
    if e.id == "batch.no-such-header":
        return text.replace("%1", p.get("header", ""))
    if e.id == "batch.bad-cell":  # the cell's own problem follows "Row n, column: " in the reader's words
        detail = neutral(str(e).partition(": ")[2])
        return text.replace("%1", p.get("row", "")).replace("%2", p.get("column", "")).replace("%3", detail)
    return text


class PasswordDialog(QDialog):
    """Asks for the password of one `prompt` reference; the text is never shown."""

    def __init__(self, reference: str, accounts: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchPasswordDialog")
        self.setWindowTitle(self.tr("Password"))
        layout = QVBoxLayout(self)
        shown = ", ".join(neutral(a) for a in accounts[:3]) + (", \u2026" if len(accounts) > 3 else "")
        text = self.tr("The sheet asks for the password of \u201c%1\u201d. Accounts that use it: %2 (%3)").replace(
            "%1", neutral(reference)).replace("%2", str(len(accounts))).replace("%3", shown)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("batchPasswordEdit")
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAccessibleName(self.tr("Password"))
        self.label.setBuddy(self.edit)
        note = QLabel(self.tr("It is used for this run only and is not kept."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for w in (self.label, self.edit, note, buttons):
            layout.addWidget(w)
        self.setMinimumSize(440, 180)  # fixed: the offscreen platform cannot follow a changing minimum

    def take(self) -> str:
        """The password typed; the field is emptied."""
        text = self.edit.text()
        self.edit.clear()
        return text


class BatchWindow(QWidget):
    def __init__(self, parent: QWidget | None = None, lang: str = "en", settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setObjectName("batchWindow")
        self.setWindowTitle(self.tr("Check many accounts"))
        self.settings = settings
        self.model = BatchModel(self, lang=lang)
        self.proxy = BatchFilter(self)
        self.proxy.setSourceModel(self.model)
        self.controller = BatchController(self.model, self.ask_password, self)
        self.sheet: Sheet | None = None
        self._source: tuple[Path | None, str | None] = (None, None)  # the file, or the pasted text
        self._name = ""
        self._shown: RowResult | bool | None = False  # what the detail shows (False: nothing yet)

        layout = QVBoxLayout(self)
        # the sheet: a file, or rows pasted
        top = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open file\u2026"), self)
        self.open_button.setObjectName("openSheetButton")
        self.open_button.setToolTip(self.tr("A CSV or Excel (.xlsx) file with a column of email addresses"))
        self.paste_button = QPushButton(self.tr("&Paste rows\u2026"), self)
        self.paste_button.setObjectName("pasteRowsButton")
        self.paste_button.setCheckable(True)
        self.columns_button = QPushButton(self.tr("Co&lumns\u2026"), self)
        self.columns_button.setObjectName("columnsButton")
        self.columns_button.setCheckable(True)
        self.columns_button.setToolTip(self.tr("Which column of the sheet holds what"))
        self.sheet_label = QLabel(self.tr("No sheet yet: open a file or paste rows."), self)
        self.sheet_label.setObjectName("sheetLabel")
        self.sheet_label.setTextFormat(Qt.TextFormat.PlainText)
        for w in (self.open_button, self.paste_button, self.columns_button):
            top.addWidget(w)
        top.addWidget(self.sheet_label, 1)
        layout.addLayout(top)

        self.paste_box = QWidget(self)
        paste_layout = QVBoxLayout(self.paste_box)
        paste_layout.setContentsMargins(0, 0, 0, 0)
        self.paste_edit = QPlainTextEdit(self.paste_box)
        self.paste_edit.setObjectName("pasteEdit")
        self.paste_edit.setAccessibleName(self.tr("Rows to check"))
        self.paste_edit.setPlaceholderText(
            "email,password_ref,host,port,security\nanna@example.com,prompt,mail.example.com,993,tls")
        self.paste_edit.setTabChangesFocus(True)
        self.paste_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        self.use_paste_button = QPushButton(self.tr("&Use these rows"), self.paste_box)
        self.use_paste_button.setObjectName("usePastedRowsButton")
        paste_row = QHBoxLayout()
        paste_row.addStretch(1)
        paste_row.addWidget(self.use_paste_button)
        paste_layout.addWidget(self.paste_edit)
        paste_layout.addLayout(paste_row)
        self.paste_box.hide()
        layout.addWidget(self.paste_box)

        self.notice = QLabel(self)
        self.notice.setObjectName("batchNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.hide()
        layout.addWidget(self.notice)

        # which column holds what, for a header the reader did not recognise
        self.columns_box = QGroupBox(self.tr("Columns of the sheet"), self)
        self.columns_box.setObjectName("columnsBox")
        grid = QGridLayout(self.columns_box)
        names = {"email": self.tr("Email or user name"), "user": self.tr("Login name"),
                 "password": self.tr("Password"),
                 "password_ref": self.tr("Password reference"), "host": self.tr("Server"),
                 "port": self.tr("Port"), "security": self.tr("Security"), "protocol": self.tr("Protocol"),
                 "mechanism": self.tr("Method")}
        self.column_combos: dict[str, QComboBox] = {}
        for i, field in enumerate(FIELDS):
            label = QLabel(names[field] + ":", self.columns_box)
            combo = QComboBox(self.columns_box)
            combo.setObjectName(f"column_{field}")
            combo.setAccessibleName(self.tr("Column for: %1").replace("%1", names[field]))
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
            label.setBuddy(combo)
            combo.activated.connect(self.on_column_combo_activated)
            row, col = divmod(i, 3)
            grid.addWidget(label, row, 2 * col)
            grid.addWidget(combo, row, 2 * col + 1)
            self.column_combos[field] = combo
        self.columns_box.hide()
        layout.addWidget(self.columns_box)

        # how to check, and the run
        run_row = QHBoxLayout()
        options = QFormLayout()
        options.setContentsMargins(0, 0, 0, 0)
        self.protocol_combo = QComboBox(self)
        self.protocol_combo.setObjectName("batchProtocolCombo")
        self.protocol_combo.setAccessibleName(self.tr("Protocol for the rows that name none"))
        self.protocol_combo.addItem(self.tr("As each row says (SMTP when it says nothing)"), "")
        self.protocol_combo.addItem(self.tr("Sending (SMTP)"), Protocol.SMTP.value)
        self.protocol_combo.addItem(self.tr("Receiving (IMAP)"), Protocol.IMAP.value)
        self.protocol_combo.addItem(self.tr("Receiving (POP3)"), Protocol.POP3.value)
        protocol_label = QLabel(self.tr("P&rotocol:"), self)
        protocol_label.setBuddy(self.protocol_combo)
        ca_row = QHBoxLayout()
        self.ca_file_edit = QLineEdit(self)
        self.ca_file_edit.setObjectName("batchCaFileEdit")
        self.ca_file_edit.setAccessibleName(self.tr("Extra CA certificate file"))
        self.ca_file_edit.setPlaceholderText(self.tr("Optional: for servers with a private CA"))
        self.ca_browse = QPushButton(self.tr("&Browse\u2026"), self)
        self.ca_browse.setObjectName("batchCaBrowseButton")
        self.ca_browse.setAccessibleName(self.tr("Choose an extra CA certificate file"))
        ca_row.addWidget(self.ca_file_edit, 1)
        ca_row.addWidget(self.ca_browse)
        ca_label = QLabel(self.tr("Extra CA &file:"), self)
        ca_label.setBuddy(self.ca_file_edit)
        options.addRow(protocol_label, self.protocol_combo)
        options.addRow(ca_label, ca_row)
        run_row.addLayout(options, 1)
        self.start_button = QPushButton(self.tr("&Start"), self)
        self.start_button.setObjectName("startBatchButton")
        self.start_button.setToolTip(self.tr("One login attempt per account: a failed try is never repeated"))
        self.stop_button = QPushButton(self.tr("S&top"), self)
        self.stop_button.setObjectName("stopBatchButton")
        self.stop_button.setToolTip(self.tr("The rows checked stay; the others are not tried"))
        run_row.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignBottom)
        run_row.addWidget(self.stop_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(run_row)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setObjectName("batchProgress")
        self.progress.setAccessibleName(self.tr("Accounts checked"))
        self.progress.setFormat("%v / %m")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("batchProgressLabel")
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.progress_label, 2)
        layout.addLayout(progress_row)

        # the table, and the selected row's test
        filter_row = QHBoxLayout()
        self.filter_combo = QComboBox(self)
        self.filter_combo.setObjectName("batchFilterCombo")
        self.filter_combo.setAccessibleName(self.tr("Rows shown"))
        self.filter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.filter_combo.setMinimumContentsLength(12)  # as wide as the table above it: titles are long
        filter_label = QLabel(self.tr("Sho&w:"), self)
        filter_label.setBuddy(self.filter_combo)
        filter_row.addWidget(filter_label)
        filter_row.addWidget(self.filter_combo, 1)

        self.table = QTableView(self)
        self.table.setObjectName("batchTable")
        self.table.setAccessibleName(self.tr("Accounts and their results"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # in the sheet's order until a header is clicked: sorting asks the model for every row
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setCornerButtonEnabled(False)  # one row at a time: nothing to select all of
        corner = self.table.findChild(QAbstractButton, "qt_tableview_cornerbutton")
        if corner is not None:  # still a button to the accessibility tree
            corner.setAccessibleName(self.tr("Table corner"))
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        # fixed widths: fitting the contents would measure every row at each update
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in ((NUMBER, 3), (EMAIL, 16), (SERVER, 11), (STATUS, 11), (DIAGNOSIS, 14), (TIME, 6)):
            header.resizeSection(column, width * em)
        header.setSectionResizeMode(DIAGNOSIS, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)

        self.detail = QStackedWidget(self)
        self.detail.setObjectName("batchDetail")
        self.detail_note = QLabel(self.tr("Choose a row to see its test."), self.detail)
        self.detail_note.setObjectName("batchDetailNote")
        self.detail_note.setWordWrap(True)
        self.detail_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_note.setMargin(3 * self.fontMetrics().height())
        self.pane = SidePane(Side.OUTGOING, self.detail)  # the single-account view's steps, timeline, panel
        self.pane.timeline.setAccessibleName(self.tr("Timeline of the selected account"))
        self.pane.panel.setAccessibleName(self.tr("Diagnosis of the selected account"))
        self.detail.addWidget(self.detail_note)
        self.detail.addWidget(self.pane)
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        table_side = QWidget(self)  # the filter over the table it filters
        table_layout = QVBoxLayout(table_side)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addLayout(filter_row)
        table_layout.addWidget(self.table)
        self.split.addWidget(table_side)
        self.split.addWidget(self.detail)
        self.split.setChildrenCollapsible(False)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setSizes([700, 500])
        layout.addWidget(self.split, 1)

        bottom = QHBoxLayout()
        self.export_csv_button = QPushButton(self.tr("Export &CSV\u2026"), self)
        self.export_csv_button.setObjectName("exportCsvButton")
        self.export_csv_button.setToolTip(self.tr("The sheet's columns and each row's result; no password"))
        self.export_html_button = QPushButton(self.tr("Export &HTML\u2026"), self)
        self.export_html_button.setObjectName("exportHtmlButton")
        self.export_html_button.setToolTip(self.tr("A summary page with each row's timeline and diagnosis"))
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("batchSavedLabel")
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bottom.addWidget(self.saved_label, 1)
        bottom.addWidget(self.export_csv_button)
        bottom.addWidget(self.export_html_button)
        layout.addLayout(bottom)

        chain: list[QWidget] = [self.open_button, self.paste_button, self.columns_button, self.paste_edit,
                                self.use_paste_button, *self.column_combos.values(), self.protocol_combo,
                                self.ca_file_edit, self.ca_browse, self.start_button, self.stop_button,
                                self.filter_combo, self.table, self.pane.show_raw_check,
                                self.pane.copy_lines_button, self.pane.timeline, self.pane.panel.verdict,
                                self.pane.panel.explanation, self.pane.panel.details,
                                self.export_csv_button, self.export_html_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

        self.open_button.clicked.connect(self.on_open_button_clicked)
        self.paste_button.toggled.connect(self.on_paste_button_toggled)
        self.columns_button.toggled.connect(self.columns_box.setVisible)
        self.use_paste_button.clicked.connect(self.on_use_paste_button_clicked)
        self.ca_browse.clicked.connect(self.on_ca_browse_clicked)
        self.start_button.clicked.connect(self.on_start_button_clicked)
        self.stop_button.clicked.connect(self.controller.stop)
        self.filter_combo.activated.connect(self.on_filter_combo_activated)
        self.export_csv_button.clicked.connect(lambda: self.on_export_clicked("csv"))
        self.export_html_button.clicked.connect(lambda: self.on_export_clicked("html"))
        self.controller.runStarted.connect(self._update_state)
        self.controller.progressed.connect(self.on_progressed)
        self.controller.runFinished.connect(self.on_run_finished)
        self.controller.runFailed.connect(self.on_run_failed)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.controller.stop)
        # Ctrl+Q quits from here too: the main window closes, and this one with it
        quit_keys = {QKeySequence("Ctrl+Q"), QKeySequence(QKeySequence.StandardKey.Quit)} - {QKeySequence()}
        for keys in quit_keys:
            QShortcut(keys, self, self.on_quit, context=Qt.ShortcutContext.WindowShortcut)
        self.setMinimumSize(900, 600)  # fixed, as the main window's: not following each section shown
        self.resize(1200, 780)
        self._update_filter()
        self._update_progress()
        self._update_state()
        self._show_detail()

    # -- the sheet ----------------------------------------------------------------------

    def _folder(self) -> str:
        return str(self.settings.value(FOLDER, "")) if self.settings is not None else ""

    def _remember_folder(self, path: str) -> None:
        if self.settings is not None:
            self.settings.setValue(FOLDER, str(Path(path).parent))

    def on_open_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a sheet of accounts"), self._folder(),
                                              self.tr("Sheets (*.csv *.xlsx *.txt);;All files (*)"))
        if path:
            self._remember_folder(path)
            self.load_file(Path(path))

    def on_paste_button_toggled(self, checked: bool) -> None:
        self.paste_box.setVisible(checked)
        if checked:
            self.paste_edit.setFocus()

    def on_use_paste_button_clicked(self) -> None:
        if self.load_text(self.paste_edit.toPlainText()):
            # the rows may hold passwords: not left on show
            self.paste_edit.clear()
            self.paste_button.setChecked(False)

    def load_file(self, path: Path) -> bool:
        self._source, self._name = (path, None), path.name
        return self._read()

    def load_text(self, text: str) -> bool:
        self._source, self._name = (None, text), ""
        return self._read()

    def _mapping(self) -> dict[str, str]:
        return {f: str(c.currentData()) for f, c in self.column_combos.items() if c.currentData()}

    def _read(self, mapping: dict[str, str] | None = None) -> bool:
        path, text = self._source
        try:
            sheet = read_sheet(path, text=text, mapping=mapping)  # one of the two is set
        except BatchInputError as e:
            # without a recognised address column the sheet is still shown by its header, to be mapped
            headers = e.headers if e.id == "batch.no-email-column" else []
            self._set_sheet(None, [h for h in headers if h])
            self._say(self.tr("This sheet cannot be used: %1").replace("%1", input_problem(e)))
            if headers:
                self.columns_button.setChecked(True)
            return False
        self._set_sheet(sheet)
        return True

    def _set_sheet(self, sheet: Sheet | None, headers: list[str] | None = None) -> None:
        self.sheet = sheet
        self.model.set_sheet(sheet)
        self._shown = False
        self._show_detail()
        self.saved_label.clear()
        if sheet is None:
            self.sheet_label.setText(self.tr("No sheet yet: open a file or paste rows."))
        else:
            self.sheet_label.setText(
                self.tr("Accounts in %1: %2").replace("%1", neutral(self._name)).replace("%2", str(len(sheet.rows)))
                if self._name else self.tr("Accounts pasted: %1").replace("%1", str(len(sheet.rows))))
        headers = sheet.headers if sheet is not None else headers or []
        columns = sheet.columns if sheet is not None else {}
        for field, combo in self.column_combos.items():
            combo.clear()
            combo.addItem(self.tr("(none)"), "")
            for h in headers:
                combo.addItem(neutral(h), h)
            combo.setCurrentIndex(max(0, combo.findData(columns.get(field, ""))))
        self.notice.hide()
        if sheet is not None and not ({"password", "password_ref"} & set(sheet.columns)):
            self.columns_button.setChecked(True)
            self._say(self.tr("No column of passwords or password references was recognised: choose it under "
                              "Columns of the sheet."))
        elif sheet is not None and sheet.holds_passwords:
            self._say(self.tr("This sheet holds passwords in clear: keep it safe, and consider a password_ref "
                              "column instead (env:NAME, file:PATH or prompt). No password is shown or saved "
                              "here."))
        self._update_filter()
        self._update_progress()
        self._update_state()

    def on_column_combo_activated(self, _index: int) -> None:
        if self._source != (None, None):
            self._read(self._mapping())

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    def on_ca_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a CA certificate file"), self._folder(),
                                              self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if path:
            self.ca_file_edit.setText(path)

    # -- the run --------------------------------------------------------------------------

    def options(self) -> BatchOptions:
        protocol = str(self.protocol_combo.currentData() or "") or None
        return BatchOptions(protocol=protocol, ca_file=self.ca_file_edit.text().strip() or None,
                            lang=self.model.lang if self.model.lang in ("en", "tr") else "en")

    def on_start_button_clicked(self) -> None:
        if self.sheet is None or self.controller.running:
            return
        ca = self.ca_file_edit.text().strip()
        if ca and not Path(ca).is_file():
            self._say(self.tr("The extra CA file %1 does not exist.").replace("%1", neutral(ca)))
            return
        self.saved_label.clear()
        self.controller.start(self.sheet, self.options())
        self._update_state()
        self._update_progress()

    async def ask_password(self, reference: str) -> str | None:
        """The password of a `prompt` reference, asked in a dialog (None: not given)."""
        accounts = [r.email for r in self.sheet.rows if r.password_ref == reference] if self.sheet else []
        dialog = PasswordDialog(reference, accounts, self)
        done: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        def finished(code: int) -> None:
            if not done.done():
                done.set_result(code)

        dialog.finished.connect(finished)
        dialog.open()
        try:
            accepted = await done == QDialog.DialogCode.Accepted
            return dialog.take() if accepted else None
        finally:
            dialog.edit.clear()
            dialog.deleteLater()

    def on_progressed(self) -> None:
        self._update_progress()
        self._update_filter()
        current = self._current_row()
        if current is not None and self.model.result(current) is not self._shown:
            self._show_detail()

    def on_run_finished(self, _summary: object) -> None:
        self.on_progressed()
        self._update_state()

    def on_run_failed(self, message: str) -> None:
        self._say(self.tr("The run stopped: %1").replace("%1", neutral(message)))

    def _update_state(self) -> None:
        running = self.controller.running
        for w in (self.open_button, self.paste_button, self.paste_box, self.columns_box, self.columns_button,
                  self.protocol_combo, self.ca_file_edit, self.ca_browse):
            w.setEnabled(not running)
        self.start_button.setEnabled(not running and self.sheet is not None and bool(self.sheet.rows)
                                     and "email" in self.sheet.columns)
        self.stop_button.setEnabled(running)
        finished = not running and bool(self.model.results())
        self.export_csv_button.setEnabled(finished)
        self.export_html_button.setEnabled(finished)

    def _update_progress(self) -> None:
        counts = self.model.counts()
        total = self.model.rowCount()
        done = total - counts[RowStatus.WAITING] - counts[RowStatus.RUNNING]
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setVisible(bool(total))  # "0 / 1" before any sheet would say nothing true
        if not total:
            self.progress_label.clear()
            return
        failed = sum(counts[s] for s in FAILED)
        not_checked = sum(counts[s] for s in NOT_CHECKED)
        parts = [self.tr("%1 of %2 checked").replace("%1", str(done)).replace("%2", str(total)),
                 self.tr("works: %1").replace("%1", str(counts[RowStatus.OK])),
                 self.tr("failed: %1").replace("%1", str(failed))]
        if not_checked:
            parts.append(self.tr("not checked: %1").replace("%1", str(not_checked)))
        left = self.controller.time_left()
        if self.controller.running:
            if self.controller.stopping:
                parts.append(self.tr("stopping\u2026"))
            elif left is not None:
                parts.append(self.tr("about %1 left").replace("%1", self._duration(left)))
        elif done:
            parts.append(self.tr("took %1").replace("%1", self._duration(self.controller.elapsed)))
        text = " \u00b7 ".join(parts)
        self.progress_label.setText(text)
        self.progress.setAccessibleDescription(text)

    def _duration(self, seconds: float) -> str:
        if seconds < 90:
            return self.tr("%1 s").replace("%1", str(max(1, math.ceil(seconds))))
        return self.tr("%1 min").replace("%1", str(math.ceil(seconds / 60)))

    # -- the filter -----------------------------------------------------------------------

    def _update_filter(self) -> None:
        counts = self.model.counts()
        choices = [(ALL, self.tr("All accounts (%1)").replace("%1", str(self.model.rowCount()))),
                   (ONLY_FAILED, self.tr("Failed (%1)").replace("%1", str(sum(counts[s] for s in FAILED)))),
                   (ONLY_NOT_CHECKED, self.tr("Not checked (%1)").replace(
                       "%1", str(sum(counts[s] for s in NOT_CHECKED))))]
        for did, (title, n) in self.model.diagnoses().items():
            choices.append((did, f"{title} ({n})"))
        combo = self.filter_combo
        current = self.proxy.mode
        for i, (data, text) in enumerate(choices):
            if i < combo.count():
                if combo.itemData(i) != data:
                    combo.setItemData(i, data)
                if combo.itemText(i) != text:
                    combo.setItemText(i, text)
            else:
                combo.addItem(text, data)
        while combo.count() > len(choices):
            combo.removeItem(combo.count() - 1)
        index = combo.findData(current)
        if index < 0:  # that diagnosis is gone (a new run): back to all
            index = 0
            self.proxy.set_mode(ALL)
        combo.setCurrentIndex(index)

    def on_filter_combo_activated(self, index: int) -> None:
        self.proxy.set_mode(str(self.filter_combo.itemData(index)))
        self._show_detail()

    # -- the selected row -----------------------------------------------------------------

    def _current_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.proxy.mapToSource(rows[0]).row()

    def select_row(self, source_row: int) -> None:
        """Select a row of the sheet (0-based), as a click would."""
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        self.table.setCurrentIndex(index)
        self.table.selectRow(index.row())

    def on_table_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        row = self._current_row()
        result = self.model.result(row) if row is not None else None
        report = self.model.report(row) if row is not None else None
        self._shown = result if row is not None else False
        if report is None:
            if row is None and self.sheet is None:
                text = self.tr("A sheet has a header row and one row per account: a column of email addresses "
                               "or user names, and a password_ref column (env:NAME, file:PATH, or prompt to be "
                               "asked here) or a password column. Columns for the server (host, port, security, "
                               "protocol, mechanism) are optional; Columns\u2026 says which column holds what.")
            elif row is None:
                text = self.tr("Choose a row to see its test.")
            elif result is not None:  # a row that reached no server: what the batch says of it
                title = self.model.diagnosis_title(row)
                text = "\n\n".join(t for t in (status_text(result.status), title if title != status_text(
                    result.status) else "", neutral(result.detail)) if t)
            else:
                text = status_text(self.model.status(row))
            self.detail_note.setText(text)
            self.detail.setCurrentWidget(self.detail_note)
            return
        # the single-account view's pane, given this row's run as if it had just happened
        pane = self.pane
        pane.start(report.result.settings)
        for entry in report.result.timeline:
            pane.add_entry(entry)
        pane.finish(report)
        # a batch makes one attempt per account: no retry or trust from here
        pane.panel.retry_box.hide()
        pane.panel.trust_button.hide()
        pane.panel.forget_button.hide()
        self.detail.setCurrentWidget(pane)

    # -- export ---------------------------------------------------------------------------

    def on_export_clicked(self, kind: str) -> None:
        stem = Path(self._name).stem if self.sheet is not None and self._source[0] is not None else "accounts"
        suggested = str(Path(self._folder() or ".") / f"{stem}-results.{kind}")
        filters = self.tr("CSV files (*.csv)") if kind == "csv" else self.tr("HTML pages (*.html)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the results"), suggested, filters)
        if path:
            self.export(path, kind)

    def export(self, path: str, kind: str) -> bool:
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        try:
            assert self.sheet is not None
            export_results(Path(path), kind, self.sheet, self.model.results(), self.controller.summary,
                           self.controller.elapsed, self.options().lang)
        except OSError as e:
            QMessageBox.warning(self, self.tr("Export the results"),
                                self.tr("Could not save the results: %1").replace("%1", neutral(str(e))))
            return False
        self._remember_folder(path)
        self.saved_label.setText(self.tr("Results saved to %1").replace("%1", neutral(path)))
        return True

    # -- closing --------------------------------------------------------------------------

    def on_quit(self) -> None:
        parent = self.parentWidget()
        (parent.window() if parent is not None else self).close()
        self.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The main window closing takes this one along (once it has really closed: its own
        close may be refused)."""
        parent = self.parentWidget()
        if event.type() == QEvent.Type.Close and parent is not None and watched is parent:
            QTimer.singleShot(0, self, lambda: None if parent.isVisible() else self.close())
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        self.controller.cancel()  # the rows running end now; nothing more is sent
        super().closeEvent(event)


def open_batch_window(parent: QWidget, lang: str, settings: QSettings | None) -> BatchWindow:
    """The parent's batch window, made the first time, brought to the front."""
    window = parent.findChild(BatchWindow, "batchWindow")
    if window is None:
        window = BatchWindow(parent, lang=lang, settings=settings)
        parent.installEventFilter(window)
    window.show()
    if QGuiApplication.platformName() != "offscreen":  # no stacking there (and a warning for asking)
        window.raise_()
    window.activateWindow()
    return window

