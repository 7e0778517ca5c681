"""The main window: the form on the left; steps, timeline and diagnosis on the right."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...knowledge.report import Report, to_markdown, write_report
from ...model import CheckSettings, TimelineEntry
from ...settings import InvalidInput
from ..controllers.accounts import AccountStore, Keychain, SavedAccount
from ..controllers.check import CheckController
from ..i18n import PSEUDO
from ..models.steps import StepsModel
from ..models.timeline import TimelineModel
from .diagnosis import DiagnosisPanel
from .form import DEMO, AccountForm
from .steps import StepsHeader
from .timeline import TimelineView

log = logging.getLogger("mailtester.qt")


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings, keychain: Keychain | None = None, demo: bool = False,
                 lang: str = "en") -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Mail Account Tester"))
        self.settings = settings
        self.store = AccountStore(settings, self)
        self.keychain = keychain or Keychain()
        self.lang = lang
        self.controller = CheckController(self, lang=lang)
        self.model = TimelineModel(self)
        self.steps = StepsModel(self)
        self.last_report: Report | None = None
        self._keychain_warned = False
        self._background: set[asyncio.Task[None]] = set()

        # left: saved accounts, form, Test button
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        acc_row = QHBoxLayout()
        acc_label = QLabel(self.tr("Sa&ved accounts:"), left)
        self.account_combo = QComboBox(left)
        self.account_combo.setObjectName("accountCombo")
        self.account_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.account_combo.setMinimumContentsLength(12)
        self.account_combo.setAccessibleName(self.tr("Saved accounts"))
        acc_label.setBuddy(self.account_combo)
        self.forget_account_button = QToolButton(left)
        self.forget_account_button.setObjectName("forgetAccountButton")
        self.forget_account_button.setText(self.tr("Forget"))
        self.forget_account_button.setAccessibleName(self.tr("Forget the selected account and its password"))
        acc_row.addWidget(self.account_combo, 1)
        acc_row.addWidget(self.forget_account_button)
        self.form = AccountForm(left)
        self.form.add_row_on_top(acc_label, acc_row)
        left_layout.addWidget(self.form)
        self.keychain_notice = QLabel(left)
        self.keychain_notice.setObjectName("keychainNotice")
        self.keychain_notice.setWordWrap(True)
        self.keychain_notice.hide()
        left_layout.addWidget(self.keychain_notice)
        left_layout.addStretch(1)
        self.test_button = QPushButton(self.tr("&Test login"), left)
        self.test_button.setObjectName("testButton")
        self.test_button.setDefault(True)
        self.test_button.setAccessibleName(self.tr("Test login"))
        left_layout.addWidget(self.test_button)

        # right: steps, tools, timeline, diagnosis
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        self.steps_header = StepsHeader(self.steps, right)
        right_layout.addWidget(self.steps_header)
        tools = QHBoxLayout()
        self.show_raw_check = QCheckBox(self.tr("Show ra&w"), right)
        self.show_raw_check.setObjectName("showRawCheck")
        self.copy_lines_button = QPushButton(self.tr("Copy &lines"), right)
        self.copy_lines_button.setObjectName("copyLinesButton")
        self.copy_report_button = QPushButton(self.tr("Cop&y report"), right)
        self.copy_report_button.setObjectName("copyReportButton")
        self.save_report_button = QPushButton(self.tr("Save &report\u2026"), right)
        self.save_report_button.setObjectName("saveReportButton")
        tools.addWidget(self.show_raw_check)
        tools.addStretch(1)
        tools.addWidget(self.copy_lines_button)
        right_layout.addLayout(tools)
        self.timeline = TimelineView(right)
        self.timeline.setModel(self.model)
        self.panel = DiagnosisPanel(right, pseudo=lang == PSEUDO)
        panel_scroll = QScrollArea(right)
        panel_scroll.setWidgetResizable(True)
        panel_scroll.setWidget(self.panel)
        panel_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        panel_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results_split = vsplit = QSplitter(Qt.Orientation.Vertical, right)
        results = QWidget(right)  # the diagnosis, and what to do with it
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(panel_scroll, 1)
        report_row = QHBoxLayout()
        report_row.addStretch(1)
        report_row.addWidget(self.copy_report_button)
        report_row.addWidget(self.save_report_button)
        results_layout.addLayout(report_row)
        vsplit.addWidget(self.timeline)
        vsplit.addWidget(results)
        vsplit.setStretchFactor(0, 3)
        vsplit.setStretchFactor(1, 2)
        right_layout.addWidget(vsplit, 1)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        self.setCentralWidget(split)
        self.setMinimumSize(900, 600)
        left.setMinimumWidth(420)
        split.setSizes([420, 680])

        # keyboard order: form first, then the button, then the results
        QWidget.setTabOrder(self.account_combo, self.forget_account_button)
        QWidget.setTabOrder(self.forget_account_button, self.form.provider_combo)
        QWidget.setTabOrder(self.form.remember_check, self.test_button)
        for first, second in ((self.test_button, self.show_raw_check), (self.show_raw_check, self.copy_lines_button),
                              (self.copy_lines_button, self.timeline), (self.timeline, self.copy_report_button),
                              (self.copy_report_button, self.save_report_button)):
            QWidget.setTabOrder(first, second)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.on_escape)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # Enter runs the test from anywhere in the window
            QShortcut(QKeySequence(key), self, self.on_enter)

        # wiring
        self.test_button.clicked.connect(self.on_test_button_clicked)
        self.form.submitted.connect(self.on_enter)
        self.form.validityChanged.connect(self.on_form_validity_changed)
        self.controller.runStarted.connect(self.on_run_started)
        self.controller.entryAdded.connect(self.on_entry_added)
        self.controller.runFinished.connect(self.on_run_finished)
        self.controller.runCancelled.connect(self.on_run_cancelled)
        self.show_raw_check.toggled.connect(self.model.set_show_raw)
        self.copy_lines_button.clicked.connect(self.timeline.copy_selection)
        self.copy_report_button.clicked.connect(self.on_copy_report_clicked)
        self.save_report_button.clicked.connect(self.on_save_report_clicked)
        self.panel.trustRequested.connect(self.on_trust_requested)
        self.panel.forgetTrustRequested.connect(self.on_forget_trust_requested)
        self.panel.retryRequested.connect(self.on_retry_requested)
        self.account_combo.activated.connect(self.on_account_combo_activated)
        self.form.remember_check.toggled.connect(self.on_remember_toggled)
        self.forget_account_button.clicked.connect(self.on_forget_account_clicked)
        combo = self.form.language_combo
        combo.setCurrentIndex(max(0, combo.findData(str(settings.value("language", "")))))
        combo.currentIndexChanged.connect(self.on_language_changed)

        self.refresh_accounts()
        self._set_report_actions(False)
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1100, 720)
        if demo:
            self.form.provider_combo.setCurrentIndex(self.form.provider_combo.findData(DEMO))
        self.form.validate()
        (self.test_button if demo else self.form.user_edit).setFocus()

    # -- running --------------------------------------------------------------------

    def on_test_button_clicked(self) -> None:
        if self.controller.running:
            self.controller.cancel()
            return
        try:
            state = self.form.state()
        except InvalidInput:
            self.form.validate()
            return
        s = state.settings
        pinned = None if state.demo else self.store.trusted(s.connect_host, s.effective_port)
        if pinned:
            s = replace(s, pinned_sha256=pinned)
        self.controller.start(s, demo=state.demo)

    async def test_login(self, timeout: float = 30) -> Report:
        """Press Test login and wait for the report (the self-test and tools drive the window so)."""
        done: asyncio.Future[Report] = asyncio.get_running_loop().create_future()

        def finished(report: Report) -> None:
            if not done.done():
                done.set_result(report)

        self.controller.runFinished.connect(finished)
        try:
            self.test_button.click()
            return await asyncio.wait_for(done, timeout)
        finally:
            self.controller.runFinished.disconnect(finished)

    def on_enter(self) -> None:
        if not self.controller.running and self.test_button.isEnabled():
            self.on_test_button_clicked()

    def on_retry_requested(self, kind: str, value: str) -> None:
        """Run once more with the variant the diagnosis suggested, as the person asked."""
        if kind == "user":
            self.form.user_edit.setText(value)
        else:
            self.form.mechanism_combo.setCurrentIndex(self.form.mechanism_combo.findData(value))
        self.on_enter()

    def on_escape(self) -> None:
        if self.controller.running:
            self.controller.cancel()

    def on_run_started(self, settings: object) -> None:
        assert isinstance(settings, CheckSettings)
        self.model.clear()
        self.steps.reset(settings.security)
        self.panel.show_running()
        self.test_button.setText(self.tr("&Cancel"))
        self.test_button.setAccessibleName(self.tr("Cancel the test"))
        self._set_report_actions(False)

    def on_entry_added(self, entry: object) -> None:
        assert isinstance(entry, TimelineEntry)
        self.model.append(entry)
        self.steps.enter(entry.stage)
        self.timeline.scrollToBottom()

    def on_run_finished(self, report: object) -> None:
        assert isinstance(report, Report)
        self.last_report = report
        self.steps.finish(report.result.outcome)
        self.panel.show_report(report, pinned=bool(report.result.settings.pinned_sha256))
        if not report.result.ok:  # the fix steps matter more than the transcript now
            total = sum(self.results_split.sizes())
            self.results_split.setSizes([total * 2 // 5, total - total * 2 // 5])
            QTimer.singleShot(0, self.timeline, self.timeline.scrollToBottom)  # keep the refusal in view
        self._idle()
        self._set_report_actions(True)
        if report.result.ok and self.form.remember_check.isChecked() and not self.form.demo:
            self._spawn(self.remember(report))

    def on_run_cancelled(self) -> None:
        self.steps.finish(None)
        self.panel.show_cancelled()
        self._idle()

    def on_form_validity_changed(self, ok: bool) -> None:
        if not self.controller.running:
            self.test_button.setEnabled(ok)

    def _idle(self) -> None:
        self.test_button.setText(self.tr("&Test login"))
        self.test_button.setAccessibleName(self.tr("Test login"))
        self.test_button.setEnabled(self.form.validate())

    def _set_report_actions(self, enabled: bool) -> None:
        self.copy_report_button.setEnabled(enabled)
        self.save_report_button.setEnabled(enabled)

    def _spawn(self, coro: object) -> None:
        task = asyncio.ensure_future(coro)  # type: ignore[arg-type]
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    # -- reports --------------------------------------------------------------------

    def on_copy_report_clicked(self) -> None:
        if self.last_report is not None:
            QGuiApplication.clipboard().setText(to_markdown(self.last_report))
            self.statusBar().showMessage(self.tr("Report copied (Markdown, password removed)."), 5000)

    def on_save_report_clicked(self) -> None:
        if self.last_report is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save report"), "mailtester-report.md",
                                              self.tr("Markdown (*.md);;HTML (*.html)"))
        if path:
            try:
                write_report(self.last_report, path)
                self.statusBar().showMessage(self.tr("Report saved."), 5000)
            except OSError as exc:
                self.statusBar().showMessage(self.tr("Could not save the report: %1").replace(
                    "%1", exc.strerror or str(exc)), 8000)

    # -- certificates -----------------------------------------------------------------

    def on_trust_requested(self, sha256: str) -> None:
        report = self.last_report
        if report is None or report.result.tls is None:
            return
        s = report.result.settings
        answer = QMessageBox.warning(
            self, self.tr("Trust this certificate?"),
            self.tr("Only trust this certificate if you know it belongs to %1, for example a mail bridge on "
                    "this computer or a server your organization runs.\n\nFrom now on the test will accept "
                    "exactly this certificate for this server and port, and refuse any other.").replace(
                "%1", s.host),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self.store.trust(s.connect_host, s.effective_port, sha256)
            self.statusBar().showMessage(self.tr("Certificate trusted for this server. Test again."), 8000)

    def on_forget_trust_requested(self) -> None:
        report = self.last_report
        if report is not None:
            s = report.result.settings
            self.store.untrust(s.connect_host, s.effective_port)
            self.statusBar().showMessage(self.tr("The trusted certificate was removed."), 5000)

    # -- saved accounts ---------------------------------------------------------------

    def refresh_accounts(self) -> None:
        self.account_combo.clear()
        self.account_combo.addItem(self.tr("(new account)"), "")
        for account in self.store.accounts():
            self.account_combo.addItem(account.label, account)
        self.forget_account_button.setEnabled(self.account_combo.count() > 1)

    async def remember(self, report: Report) -> None:
        s = report.result.settings
        account = SavedAccount(s.credentials.user, s.host, s.effective_port, s.security.value,
                               self.form.mechanism_combo.currentData())
        self.store.save(account)
        secret = self.form.password_edit.text()
        if secret and not await self.keychain.store(account.key, secret):
            self._warn_no_keychain()
        self.refresh_accounts()
        self.account_combo.setCurrentIndex(self.account_combo.findText(account.label))

    def on_remember_toggled(self, checked: bool) -> None:
        if checked:  # say at once, not after the test, when there is nowhere safe to keep it
            self._spawn(self._check_keychain())

    async def _check_keychain(self) -> None:
        if not await self.keychain.probe():
            self._warn_no_keychain()

    def _warn_no_keychain(self) -> None:
        if not self._keychain_warned:
            self._keychain_warned = True
            self.keychain_notice.setText("\u26a0 " + self.tr(
                "No system keychain is available, so the password is kept only until you close this window. "
                "It is never written to a file."))
            self.keychain_notice.show()
            self.form.remember_hint.hide()  # it promised the keychain

    def on_account_combo_activated(self, index: int) -> None:
        account = self.account_combo.itemData(index)
        if isinstance(account, SavedAccount):
            self.form.apply_account(account.host, account.port, account.security, account.mechanism, account.user)
            self.form.forget_password()
            self._spawn(self._load_password(account))

    async def _load_password(self, account: SavedAccount) -> None:
        secret = await self.keychain.fetch(account.key)
        if secret and self.form.user_edit.text() == account.user and not self.form.password_edit.text():
            self.form.password_edit.setText(secret)

    def on_forget_account_clicked(self) -> None:
        account = self.account_combo.currentData()
        if isinstance(account, SavedAccount):
            self.store.remove(account)
            self._spawn(self.keychain.forget(account.key))
            self.form.forget_password()
            self.refresh_accounts()
            self.statusBar().showMessage(self.tr("Account and password forgotten."), 5000)

    def on_language_changed(self, _index: int) -> None:
        self.settings.setValue("language", self.form.language_combo.currentData())
        self.statusBar().showMessage(self.tr("The language changes the next time the window opens."), 8000)

    # -- closing ----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.sync()
        self.controller.cancel(quiet=True)
        for task in list(self._background):
            task.cancel()
        self.keychain.close()
        self.form.forget_password()
        super().closeEvent(event)
