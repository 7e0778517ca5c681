"""The main window: the account form on the left (scrolling when the window is
small), the test buttons under it; on the right the account's verdict and one
tab per side (receiving, sending), each with its steps, timeline and diagnosis."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
from collections.abc import Coroutine
from dataclasses import replace
from datetime import date
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QColor, QDesktopServices, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...knowledge.report import Report, to_html, to_json, to_markdown, write_private
from ...model import CheckSettings, TimelineEntry
from ...protocol.events import Protocol
from ...settings import InvalidInput
from ..controllers.accounts import AccountStore, Keychain, SavedAccount, private_sync
from ..controllers.check import SIDES, AccountController, AccountReport, Side
from ..i18n import PSEUDO, stretch
from ..neutral import neutral, rich
from .detect import Detection
from .diagnosis import MARKS, group_fingerprint, mark_color, mark_html
from .eliding import ElidingComboBox
from .focus import FocusButton
from .form import DEMO, TOKEN_METHOD, AccountForm
from .roundtrip import RoundTripBox, add_wait_setting
from .side import SidePane, SideState

log = logging.getLogger("mailtester.qt")

REPORT_FOLDER = "reports/folder"  # where the last report was saved
OTHER = {Side.INCOMING: Side.OUTGOING, Side.OUTGOING: Side.INCOMING}


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _method(settings: CheckSettings) -> str:
    """The form's method for what a run used: a token run is "OAuth2 access token"."""
    return TOKEN_METHOD if settings.credentials.token is not None else settings.mechanism


def _secret(settings: CheckSettings) -> str:
    """The password (or token) a run used."""
    return next(settings.credentials.secrets(), "")


def join_markdown(reports: list[Report]) -> str:
    """The reports of both sides, one after the other."""
    return "\n\n---\n\n".join(to_markdown(r) for r in reports)


def join_html(reports: list[Report]) -> str:
    """One HTML page with the reports of both sides, one after the other."""
    pages = [to_html(r) for r in reports]
    if len(pages) == 1:
        return pages[0]
    head = pages[0].split("<body>", 1)[0]
    bodies = [p.split("<body>", 1)[1].rsplit("</body>", 1)[0] for p in pages]
    return head + "<body>" + "\n<hr>\n".join(bodies) + "</body></html>"


def write_reports(reports: list[Report], path: str, round_trip: RoundTripBox | None = None) -> None:
    """Write the reports in the format the file name asks for (.md, .html, .json), with the round trip
    of the current test when one ran (JSON: then as the account JSON's "incoming", "outgoing", "round_trip")."""
    lower = path.lower()
    rt = round_trip.report_dict() if round_trip is not None else None
    if lower.endswith((".html", ".htm")):
        text = join_html(reports)
        if rt is not None and round_trip is not None:
            body, end = text.rsplit("</body>", 1)
            text = body + "\n<hr>\n" + round_trip.report_html() + "\n</body>" + end
    elif lower.endswith(".json"):
        items = [json.loads(to_json(r)) for r in reports]
        data: object = items[0] if len(items) == 1 else items
        if rt is not None:
            sides = {"outgoing" if r.result.settings.protocol is Protocol.SMTP else "incoming": item
                     for r, item in zip(reports, items, strict=True)}
            data = {"incoming": sides.get("incoming"), "outgoing": sides.get("outgoing"), "round_trip": rt}
        text = json.dumps(data, ensure_ascii=False, indent=2)
    else:
        text = join_markdown(reports)
        if rt is not None and round_trip is not None:
            text += "\n\n---\n\n" + round_trip.report_markdown()
    write_private(path, text)


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
        self._data_text = stretch if lang == PSEUDO else str  # data texts join the pseudo-locale too
        self.account = AccountController(self, lang=lang)
        self.controller = self.account.outgoing  # the sending side's runs
        self.incoming_controller = self.account.incoming
        self._keychain_warned = False
        self._background: set[asyncio.Task[None]] = set()
        self._focus_before_run: QWidget | None = None

        # left: saved accounts, form (scrolling), test buttons
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        acc_row = QHBoxLayout()
        acc_label = QLabel(self.tr("Sa&ved accounts:"), left)
        self.account_combo = ElidingComboBox(left)  # a long saved account ends in "…", whole in its tooltip
        self.account_combo.setObjectName("accountCombo")
        self.account_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.account_combo.setMinimumContentsLength(12)
        self.account_combo.setAccessibleName(self.tr("Saved accounts"))
        acc_label.setBuddy(self.account_combo)
        self.forget_account_button = QToolButton(left)
        self.forget_account_button.setObjectName("forgetAccountButton")
        self.forget_account_button.setText(self.tr("Forget"))
        self.forget_account_button.setAccessibleName(self.tr("Forget the selected account and its passwords"))
        acc_row.addWidget(self.account_combo, 1)
        acc_row.addWidget(self.forget_account_button)
        content = QWidget(left)
        content.setObjectName("formContent")
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 6, 0)
        self.form = AccountForm(content)
        self.form.signin.bind_settings(settings)  # the organisation's app registration for the sign-in
        self.form.add_row_on_top(acc_label, acc_row)
        self.detection = Detection(self.form, settings)  # finding the settings from the address
        content_layout.addWidget(self.form)
        self.keychain_notice = QLabel(content)
        self.keychain_notice.setObjectName("keychainNotice")
        self.keychain_notice.setWordWrap(True)
        self.keychain_notice.hide()
        content_layout.addWidget(self.keychain_notice)
        content_layout.addStretch(1)
        self.form_scroll = QScrollArea(left)
        self.form_scroll.setObjectName("formScroll")
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setWidget(content)
        self.form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        left_layout.addWidget(self.form_scroll, 1)
        side_buttons = QHBoxLayout()
        self.incoming_test_button = QPushButton(self.tr("Test rece&iving"), left)
        self.incoming_test_button.setObjectName("incomingTestButton")
        self.incoming_test_button.setToolTip(self.tr("Test only the incoming server"))
        self.outgoing_test_button = QPushButton(self.tr("Test se&nding"), left)
        self.outgoing_test_button.setObjectName("outgoingTestButton")
        self.outgoing_test_button.setToolTip(self.tr("Test only the outgoing server"))
        side_buttons.addWidget(self.incoming_test_button, 1)
        side_buttons.addWidget(self.outgoing_test_button, 1)
        left_layout.addLayout(side_buttons)
        self.test_button = FocusButton(self.tr("Test &account"), left)
        self.test_button.setObjectName("testButton")
        self.test_button.setDefault(True)
        self.test_button.setAccessibleName(self.tr("Test account"))
        self.test_button.setToolTip(self.tr("Test receiving and sending at the same time"))
        left_layout.addWidget(self.test_button)
        # many accounts from a sheet, in a window of their own (no mnemonic: every letter of it is taken)
        self.batch_button = QPushButton(self.tr("Check many accounts\u2026"), left)
        self.batch_button.setObjectName("batchButton")
        self.batch_button.setToolTip(self.tr("Check the accounts of a CSV or Excel sheet at once (Ctrl+B)"))
        QShortcut(QKeySequence("Ctrl+B"), self, self.open_batch)
        self.batch_button.clicked.connect(self.open_batch)
        left_layout.addWidget(self.batch_button, 0, Qt.AlignmentFlag.AlignLeft)

        # right: the account's verdict; a tab per side; what to do with the reports
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        self.account_verdict = QLabel(right)
        self.account_verdict.setObjectName("accountVerdictLabel")
        self.account_verdict.setWordWrap(True)
        self.account_verdict.setTextFormat(Qt.TextFormat.RichText)
        self.account_verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.account_verdict.hide()
        right_layout.addWidget(self.account_verdict)
        pseudo = lang == PSEUDO
        self.panes = {side: SidePane(side, right, pseudo=pseudo) for side in SIDES}
        self.tabs = QTabWidget(right)
        self.tabs.setObjectName("resultsTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.tabBar().setAccessibleName(self.tr("Results of receiving and sending"))
        for side in SIDES:
            self.tabs.addTab(self.panes[side], "")
            self._update_tab(side)
        right_layout.addWidget(self.tabs, 1)
        self.round_trip = RoundTripBox(settings, add_wait_setting(self.form.advanced, settings), lang, right,
                                       self._spawn, self._data_text)  # after a test in which both sides work
        right_layout.addWidget(self.round_trip)
        self.copy_report_button = QPushButton(self.tr("Cop&y report"), right)
        self.copy_report_button.setObjectName("copyReportButton")
        self.save_report_button = QPushButton(self.tr("Save report\u2026"), right)
        self.save_report_button.setObjectName("saveReportButton")
        report_row = QHBoxLayout()
        report_row.addStretch(1)
        report_row.addWidget(self.copy_report_button)
        report_row.addWidget(self.save_report_button)
        right_layout.addLayout(report_row)
        # where the last report was saved, and a way to its folder
        self._saved_folder = ""
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("reportSavedLabel")
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved_label.hide()
        self.open_folder_button = QToolButton(self)
        self.open_folder_button.setObjectName("openFolderButton")
        self.open_folder_button.setText(self.tr("Open folder"))
        self.open_folder_button.setAccessibleName(self.tr("Open the folder of the saved report"))
        self.open_folder_button.hide()
        self.statusBar().addWidget(self.saved_label, 1)
        self.statusBar().addPermanentWidget(self.open_folder_button)
        self.open_folder_button.clicked.connect(self.on_open_folder_clicked)

        # the sending side under the names it always had
        out = self.panes[Side.OUTGOING]
        self.model, self.steps, self.steps_header = out.model, out.steps, out.steps_header
        self.timeline, self.panel, self.results_split = out.timeline, out.panel, out.split
        self.show_raw_check, self.copy_lines_button = out.show_raw_check, out.copy_lines_button

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        self.setCentralWidget(split)
        self.setMinimumSize(900, 600)
        left.setMinimumWidth(420)
        split.setSizes([440, 660])

        # keyboard order: form first, then the buttons, then the results
        self._apply_tab_order()
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.on_escape)
        quit_keys = {QKeySequence("Ctrl+Q"), QKeySequence(QKeySequence.StandardKey.Quit)} - {QKeySequence()}
        for keys in quit_keys:  # Ctrl+Q everywhere, and the platform's own quit keys
            QShortcut(keys, self, self.close, context=Qt.ShortcutContext.WindowShortcut)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # Enter runs the test from anywhere in the window
            QShortcut(QKeySequence(key), self, self.on_enter)

        # wiring
        self.test_button.clicked.connect(self.on_test_button_clicked)
        self.incoming_test_button.clicked.connect(lambda: self.run_sides([Side.INCOMING], whole=False))
        self.outgoing_test_button.clicked.connect(lambda: self.run_sides([Side.OUTGOING], whole=False))
        self.form.submitted.connect(self.on_enter)
        self.form.validityChanged.connect(self.on_form_validity_changed)
        self.form.credentialsMoved.connect(self._apply_tab_order)
        self.form.incoming_protocol_combo.currentIndexChanged.connect(lambda _i: self._update_tab(Side.INCOMING))
        for side in SIDES:
            self.form.mechanism_combo_for(side).currentIndexChanged.connect(
                lambda _i, side=side: self._update_idle(side))
            self._update_idle(side)
        self.account.sideStarted.connect(self.on_side_started)
        self.account.sideEntryAdded.connect(self.on_side_entry_added)
        self.account.sideFinished.connect(self.on_side_finished)
        self.account.sideCancelled.connect(self.on_side_cancelled)
        self.account.roundFinished.connect(self.on_round_finished)
        self.account.roundCancelled.connect(self.on_round_cancelled)
        for side, pane in self.panes.items():
            pane.show_raw_check.toggled.connect(self.on_show_raw_toggled)
            pane.panel.trustRequested.connect(lambda sha, side=side: self.on_trust_requested(side, sha))
            pane.panel.forgetTrustRequested.connect(lambda side=side: self.on_forget_trust_requested(side))
            pane.panel.retryRequested.connect(
                lambda k, v, port, side=side: self.on_retry_requested(side, k, v, port))
        self.copy_report_button.clicked.connect(self.on_copy_report_clicked)
        self.save_report_button.clicked.connect(self.on_save_report_clicked)
        self.account_combo.activated.connect(self.on_account_combo_activated)
        self.form.remember_check.toggled.connect(self.on_remember_toggled)
        self.forget_account_button.clicked.connect(self.on_forget_account_clicked)
        combo = self.form.language_combo
        combo.setCurrentIndex(max(0, combo.findData(str(settings.value("language", "")))))
        combo.currentIndexChanged.connect(self.on_language_changed)

        self.refresh_accounts()
        self._set_report_actions()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1100, 720)
        if demo:
            self.form.provider_combo.setCurrentIndex(self.form.provider_combo.findData(DEMO))
        else:
            self._select_last_used()
        self.form.validate()
        self._update_buttons()
        (self.test_button if demo else self.form.user_edit).setFocus()

    @property
    def last_report(self) -> Report | None:
        """The sending side's latest report."""
        return self.panes[Side.OUTGOING].report

    @property
    def incoming_report(self) -> Report | None:
        return self.panes[Side.INCOMING].report

    def _apply_tab_order(self) -> None:
        chain: list[QWidget] = [self.account_combo, self.forget_account_button,
                                *self.detection.in_chain(self.form.focus_chain()),
                                self.incoming_test_button, self.outgoing_test_button, self.test_button,
                                self.batch_button, self.tabs.tabBar()]
        for side in SIDES:
            p = self.panes[side]
            panel = p.panel  # its labels take focus for their links and selection
            chain += [p.show_raw_check, p.copy_lines_button, p.timeline, panel.verdict, panel.explanation,
                      panel.cert_text, panel.trust_button, panel.forget_button, panel.details]
        chain += [self.copy_report_button, self.save_report_button, self.open_folder_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def open_batch(self) -> None:
        from ..batch.view import open_batch_window  # loaded when first used: not at start-up

        open_batch_window(self, self.lang, self.settings)

    # -- running --------------------------------------------------------------------

    def on_test_button_clicked(self) -> None:
        if self.account.running:
            self.account.cancel()
            return
        self.run_sides(None, whole=True)

    def run_sides(self, sides: list[Side] | None, whole: bool) -> None:
        """Test these sides (None: every side filled in) side by side. `whole`: the
        whole account, so a side left empty shows as not tested."""
        if self.account.running:
            return
        try:
            state = self.form.state(sides)
        except InvalidInput:
            self.form.validate()
            return
        runs: dict[Side, CheckSettings] = {}
        for side, s in state.runs().items():
            pinned = None if state.demo else self.store.trusted(s.connect_host, s.effective_port)
            runs[side] = replace(s, pinned_sha256=pinned) if pinned else s
        if whole:
            for side in SIDES:
                if side not in runs:
                    self.panes[side].not_tested()
                    self._update_tab(side)
        if len(runs) == 1:
            self.tabs.setCurrentWidget(self.panes[next(iter(runs))])
        self.account.start(runs, demo=state.demo, whole=whole)
        self._set_running()

    async def test_login(self, timeout: float = 30) -> AccountReport:
        """Press Test account and wait for both sides' reports (the self-test and tools
        drive the window so)."""
        done: asyncio.Future[AccountReport] = asyncio.get_running_loop().create_future()

        def finished(report: AccountReport) -> None:
            if not done.done():
                done.set_result(report)

        self.account.roundFinished.connect(finished)
        try:
            self.test_button.click()
            return await asyncio.wait_for(done, timeout)
        finally:
            self.account.roundFinished.disconnect(finished)

    def on_enter(self) -> None:
        if not self.account.running and self.test_button.isEnabled():
            self.on_test_button_clicked()

    def on_retry_requested(self, side: Side, kind: str, value: str, port: int = 0) -> None:
        """The person pressed a suggestion of that side's diagnosis: change exactly that
        field on that side, and run that side once more."""
        if self.account.running:
            return
        if self.form.apply_suggestion(side, kind, value, port) and self.form.can_test([side]):
            self.run_sides([side], whole=False)

    def on_escape(self) -> None:
        if self.account.running:
            self.account.cancel()

    def on_show_raw_toggled(self, raw: bool) -> None:
        for pane in self.panes.values():  # one choice for both timelines
            pane.show_raw_check.setChecked(raw)

    def on_side_started(self, side: object, settings: object) -> None:
        assert isinstance(side, Side) and isinstance(settings, CheckSettings)
        self.panes[side].start(settings)
        if settings.credentials.token is not None and self.form.signin.owns(settings.credentials.token.reveal()):
            for entry in self.form.signin.entries:  # the sign-in's steps come first, as notes
                self.panes[side].add_entry(entry)
        self._update_tab(side)
        self._refresh_working()
        self._set_running()

    def on_side_entry_added(self, side: object, entry: object) -> None:
        assert isinstance(side, Side) and isinstance(entry, TimelineEntry)
        self.panes[side].add_entry(entry)

    def on_side_finished(self, side: object, report: object) -> None:
        assert isinstance(side, Side) and isinstance(report, Report)
        self.panes[side].finish(report)
        self._update_tab(side)
        self._refresh_working()

    def _refresh_working(self) -> None:
        """A working side lists the other side's settings too, while that side works."""
        working = tuple(p.report for p in self.panes.values() if p.report is not None and p.report.result.ok)
        for p in self.panes.values():
            if p.report is not None and p.report.result.ok:
                p.show_result(working)

    def on_side_cancelled(self, side: object) -> None:
        assert isinstance(side, Side)
        self.panes[side].cancelled()
        self._update_tab(side)
        self._refresh_working()

    def on_round_finished(self, report: object) -> None:
        assert isinstance(report, AccountReport)
        self._show_account_verdict(report)
        self.round_trip.account_tested(report)
        failed = [s for s in SIDES if (r := report.of(s)) is not None and not r.result.ok]
        current = self.tabs.currentWidget()
        if failed and not (isinstance(current, SidePane) and current.side in failed):
            self.tabs.setCurrentWidget(self.panes[failed[0]])  # show what needs fixing
        front = self.tabs.currentWidget()
        if isinstance(front, SidePane):  # the verdict may have taken a line more: the end stays in view
            QTimer.singleShot(0, front.timeline, front.timeline.scrollToBottom)
        self._idle()
        if report.ok and self.form.remember_check.isChecked() and not self.form.demo:
            self._spawn(self.remember(report))

    def on_round_cancelled(self) -> None:
        stopped = [p.report.result.elapsed for p in self.panes.values()
                   if p.state is SideState.CANCELLED and p.report is not None]
        self._set_verdict("cancelled", self.tr("Cancelled after %1 s.").replace("%1", str(round(max(stopped))))
                          if stopped else self.tr("Cancelled."))
        self._idle()

    def on_form_validity_changed(self, _ok: bool) -> None:
        if not self.account.running:
            self._update_buttons()

    def _update_buttons(self) -> None:
        self.test_button.setEnabled(self.form.can_test())
        self.incoming_test_button.setEnabled(self.form.can_test([Side.INCOMING]))
        self.outgoing_test_button.setEnabled(self.form.can_test([Side.OUTGOING]))

    def _set_form_locked(self, locked: bool) -> None:
        """The form and the saved accounts cannot change while a test runs: what it
        reports, and what Remember keeps, is what it ran with."""
        focus = QApplication.focusWidget()
        if locked and focus is not None and self.form.isAncestorOf(focus):
            self._focus_before_run = focus  # disabling the form moves the focus away: it comes back after
        self.form.setEnabled(not locked)
        self.account_combo.setEnabled(not locked)
        self.forget_account_button.setEnabled(not locked and self.account_combo.count() > 1)
        if not locked:
            before, self._focus_before_run = self._focus_before_run, None
            if before is not None and before.isVisible() and before.isEnabled() and \
                    QApplication.focusWidget() in (None, self.test_button):
                before.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_running(self) -> None:
        self._set_form_locked(True)
        self.round_trip.account_started()
        self.test_button.setText(self.tr("Cancel"))
        self.test_button.setAccessibleName(self.tr("Cancel the test"))
        self.test_button.setEnabled(True)
        self.incoming_test_button.setEnabled(False)
        self.outgoing_test_button.setEnabled(False)
        self._set_verdict("", self.tr("Testing\u2026"))
        self._set_report_actions(running=True)

    def _idle(self) -> None:
        self._set_form_locked(False)
        self.test_button.setText(self.tr("Test &account"))
        self.test_button.setAccessibleName(self.tr("Test account"))
        self.form.validate()
        self._update_buttons()
        self._set_report_actions(running=False)

    def _set_report_actions(self, running: bool = False) -> None:
        # A side that is ending is still inside its task: the caller knows better than `running`.
        enabled = not running and any(p.report is not None for p in self.panes.values())
        self.copy_report_button.setEnabled(enabled)
        self.save_report_button.setEnabled(enabled)

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    # -- what the results say ------------------------------------------------------

    def _update_idle(self, side: Side) -> None:
        """Before any run, the panel names what this side's method sends (a password or a token)."""
        pane = self.panes[side]
        if pane.state is SideState.IDLE:
            pane.panel.show_idle(token=self.form.mechanism_combo_for(side).currentData() == TOKEN_METHOD)

    def _update_tab(self, side: Side) -> None:
        pane = self.panes[side]
        if side is Side.INCOMING:
            protocol = pane.protocol or self.form.incoming_protocol
            base = self.tr("Receiving (%1)").replace("%1", protocol.value.upper())
        else:
            base = self.tr("Sending (SMTP)")
        mark, state = {
            SideState.IDLE: ("", ""), SideState.RUNNING: ("\u2026", self.tr("testing")),
            SideState.WORKS: (MARKS["works"], self.tr("works")), SideState.FAILED: (MARKS["failed"], self.tr("failed")),
            SideState.CANCELLED: ("\u2013", self.tr("cancelled")),
            SideState.NOT_TESTED: ("\u2013", self.tr("not tested")),
        }[pane.state]
        kind = {SideState.WORKS: "works", SideState.FAILED: "failed"}.get(pane.state)
        if pane.warned:  # works, but the person should know something about it
            mark, state, kind = MARKS["warned"], self.tr("works, with a warning"), "warned"
        index = self.tabs.indexOf(pane)
        self.tabs.setTabText(index, f"{mark} {base}" if mark else base)
        self.tabs.setTabToolTip(index, f"{base}: {state}" if state else base)
        self.tabs.tabBar().setTabTextColor(index, QColor(mark_color(kind, self)) if kind else QColor())

    def _title(self, report: Report) -> str:
        assert report.diagnosis is not None
        return _sentence(self._data_text(neutral(report.diagnosis.title)))

    def _warning_note(self, side: Side, report: Report) -> str:
        """A working side's warnings in a sentence of the account's verdict."""
        short = {"security.plaintext-auth": self.tr("the password crossed the network unencrypted."),
                 "tls.pinned-certificate": self.tr("it works only with the certificate you trusted.")}
        what = " ".join(short.get(w.id) or _sentence(self._data_text(neutral(w.text))) for w in report.warnings)
        return (self.tr("Warning about receiving: %1") if side is Side.INCOMING
                else self.tr("Warning about sending: %1")).replace("%1", what)

    def _show_account_verdict(self, report: AccountReport) -> None:
        inc, out = report.incoming, report.outgoing
        if inc is not None and out is not None:
            if inc.result.ok and out.result.ok:
                text = self.tr("This account can receive and send mail.")
            elif inc.result.ok:
                text = self.tr("Receiving works. Sending: %1").replace("%1", self._title(out))
            elif out.result.ok:
                text = self.tr("Sending works. Receiving: %1").replace("%1", self._title(inc))
            elif self._title(inc) == self._title(out):
                text = self.tr("Receiving and sending: %1").replace("%1", self._title(inc))
            else:
                text = self.tr("Receiving: %1 Sending: %2").replace("%1", self._title(inc)).replace(
                    "%2", self._title(out))
        elif inc is not None:
            text = self.tr("Receiving works. Sending was not tested.") if inc.result.ok else self.tr(
                "Receiving: %1 Sending was not tested.").replace("%1", self._title(inc))
        elif out is not None:
            text = self.tr("Sending works. Receiving was not tested.") if out.result.ok else self.tr(
                "Sending: %1 Receiving was not tested.").replace("%1", self._title(out))
        else:
            text = self.tr("Nothing was tested.")
        notes = [self._warning_note(side, r) for side in SIDES
                 if (r := report.of(side)) is not None and r.result.ok and r.warnings]
        text = " ".join((text, *notes))
        self._set_verdict(("warned" if notes else "works") if report.ok else "failed", text)

    def _set_verdict(self, kind: str, text: str) -> None:
        """`kind`: "works", "failed", "warned", "cancelled" or "" (no mark); `text` is plain."""
        mark = mark_html(kind, self) if kind in MARKS else "\u2013" if kind == "cancelled" else ""
        self.account_verdict.setText(
            f'<span style="font-size:large">{mark + " " if mark else ""}<b>{rich(text)}</b></span>')
        self.account_verdict.setAccessibleName(text)
        self.account_verdict.show()

    # -- reports --------------------------------------------------------------------

    def reports(self) -> list[Report]:
        """The latest report of each side, receiving first."""
        return [r for side in SIDES if (r := self.panes[side].report) is not None]

    def on_copy_report_clicked(self) -> None:
        reports = self.reports()
        if reports:
            text, rt = join_markdown(reports), self.round_trip.report_markdown()
            QGuiApplication.clipboard().setText(text + "\n\n---\n\n" + rt if rt else text)
            self.statusBar().showMessage(self.tr("Report copied (Markdown, password removed)."), 5000)

    def _report_name(self, reports: list[Report]) -> str:
        """mailtester-<host>-YYYY-MM-DD.md: the sending server's host (else the receiving one's)."""
        hosts = [r.result.settings.host for r in reversed(reports) if r.result.settings.host]
        host = re.sub(r"[^A-Za-z0-9._-]+", "_", hosts[0]).strip("._") if hosts else ""
        day = date.today().isoformat()
        return f"mailtester-{host}-{day}.md" if host else f"mailtester-{day}.md"

    def on_save_report_clicked(self) -> None:
        reports = self.reports()
        if not reports:
            return
        folder = str(self.settings.value(REPORT_FOLDER, "") or "")
        if not folder or not os.path.isdir(folder):
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) \
                or os.path.expanduser("~")
        markdown, html = self.tr("Markdown (*.md)"), self.tr("HTML (*.html)")
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Save report"),
                                                   os.path.join(folder, self._report_name(reports)),
                                                   f"{markdown};;{html}")
        if not path:
            return
        if not os.path.splitext(os.path.basename(path))[1]:  # no extension typed: the chosen format's
            path += ".html" if chosen == html else ".md"
        try:
            write_reports(reports, path, self.round_trip)
        except OSError as exc:
            self.statusBar().showMessage(self.tr("Could not save the report: %1").replace(
                "%1", exc.strerror or str(exc)), 8000)
            return
        self._saved_folder = os.path.dirname(os.path.abspath(path))
        self.settings.setValue(REPORT_FOLDER, self._saved_folder)
        private_sync(self.settings)
        self.statusBar().clearMessage()
        self.saved_label.setText(self.tr("Report saved as %1").replace("%1", neutral(path)))
        self.saved_label.setAccessibleName(self.saved_label.text())
        self.saved_label.show()
        self.open_folder_button.show()

    def on_open_folder_clicked(self) -> None:
        if self._saved_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self._saved_folder))

    # -- certificates -----------------------------------------------------------------

    def on_trust_requested(self, side: Side, sha256: str) -> None:
        report = self.panes[side].report
        if report is None or report.result.tls is None:
            return
        s, t = report.result.settings, report.result.tls
        # Rich text, every part escaped: the certificate's names are the server's words, shown literally.
        advice = self.tr("Only trust this certificate if you know it belongs to %1, for example a mail bridge on "
                         "this computer or a server your organization runs.\n\nFrom now on the test will accept "
                         "exactly this certificate for this server and port, and refuse any other.")
        first, _, rest = advice.partition("\n\n")
        rows = [(self.tr("Subject"), t.subject), (self.tr("Issuer"), t.issuer),
                (self.tr("SHA-256 fingerprint"), group_fingerprint(t.sha256))]
        text = (f"<p>{rich(first).replace('%1', rich(s.host))}</p>"
                + "<p>" + "<br>".join(f"{rich(k)}: <b>{rich(v)}</b>" for k, v in rows if v) + "</p>"
                + (f"<p>{rich(rest)}</p>" if rest else ""))
        answer = QMessageBox.warning(
            self, self.tr("Trust this certificate?"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:  # pinned for this host and port only
            self.store.trust(s.connect_host, s.effective_port, sha256)
            self.statusBar().showMessage(self.tr("Certificate trusted for this server. Test again."), 8000)
            self.panes[side].panel.show_trusted()

    def on_forget_trust_requested(self, side: Side) -> None:
        report = self.panes[side].report
        if report is not None:
            s = report.result.settings
            self.store.untrust(s.connect_host, s.effective_port)
            self.statusBar().showMessage(self.tr("The trusted certificate was removed."), 5000)
            self.panes[side].panel.show_forgotten()
            self._set_verdict("warned", self.tr("%1 The trusted certificate was forgotten: the next test will stop "
                                                "at it.").replace("%1", self.account_verdict.accessibleName()))

    # -- saved accounts ---------------------------------------------------------------

    def refresh_accounts(self) -> None:
        self.account_combo.clear()
        self.account_combo.addItem(self.tr("(new account)"), "")
        for account in self.store.accounts():
            self.account_combo.addItem(account.label, account)
        self.forget_account_button.setEnabled(self.account_combo.count() > 1)

    async def remember(self, report: AccountReport) -> None:
        """Keep the working sides' settings, and their passwords in the keychain: all of
        it as the test ran it (its result's settings), not as the form reads now."""
        inc = report.incoming.result.settings if report.incoming is not None else None
        out = report.outgoing.result.settings if report.outgoing is not None else None
        used = out or inc
        if used is None:
            return
        separate = inc is not None and out is not None and (
            self.form.separate or inc.credentials.user != out.credentials.user or _secret(inc) != _secret(out))
        account = SavedAccount(
            out.credentials.user if out else inc.credentials.user if inc else "", out.host if out else "",
            out.effective_port if out else 0, out.security.value if out else "starttls",
            _method(out) if out else "auto",
            incoming_protocol=inc.protocol.value if inc else "", incoming_host=inc.host if inc else "",
            incoming_port=inc.effective_port if inc else 0,
            incoming_security=inc.security.value if inc else "tls",
            incoming_mechanism=_method(inc) if inc else "auto",
            incoming_user=inc.credentials.user if inc else "",
            separate=separate,
            ca_file=used.ca_file or "", family=int(used.family), timeout=float(used.timeout),
            allow_plaintext_auth=used.allow_plaintext_auth,
        )
        self.store.save(account)
        self.store.set_last_used(account)
        if account.separate and inc is not None and out is not None:
            secrets = [(account.key, _secret(out)), (account.incoming_key, _secret(inc))]
        else:
            secrets = [(account.key, _secret(used))]
        for key, secret in secrets:
            if secret and self.form.signin.owns(secret):  # signed in: its refresh token, never the access token
                if not await self.form.signin.remember():
                    self._warn_no_keychain()
            elif secret and not await self.keychain.store(key, secret):
                self._warn_no_keychain()
        self.refresh_accounts()
        self.account_combo.setCurrentIndex(self.account_combo.findText(account.label))

    def _select_last_used(self) -> None:
        """Open with the account saved or chosen last, its passwords fetched from the keychain."""
        last = self.store.last_used()
        for index in range(1, self.account_combo.count()):
            account = self.account_combo.itemData(index)
            if isinstance(account, SavedAccount) and account.key == last:
                self.account_combo.setCurrentIndex(index)
                self.form.apply_account(account)
                # the keychain once the loop runs: main() builds the window before it starts
                QTimer.singleShot(0, self, lambda account=account: self._spawn(self._load_passwords(account)))
                return

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
            self.store.set_last_used(account)
            self.form.apply_account(account)
            self.form.forget_password()
            self._spawn(self._load_passwords(account))

    async def _load_passwords(self, account: SavedAccount) -> None:
        f = self.form
        if account.separate:
            wanted = [(account.key, f.password_edit, f.user_edit, account.user),
                      (account.incoming_key, f.incoming_password_edit, f.incoming_user_edit, account.incoming_user)]
        else:
            wanted = [(account.key, f.password_edit, f.user_edit,
                       account.user if account.has_outgoing else account.incoming_user)]
        for key, edit, user_edit, user in wanted:
            secret = await self.keychain.fetch(key)
            if secret and user_edit.text() == user and not edit.text():
                edit.setText(secret)
        if f.signin.isVisibleTo(f):  # a signed-in account: a new access token from its stored refresh token
            await f.signin.load()

    def on_forget_account_clicked(self) -> None:
        account = self.account_combo.currentData()
        if isinstance(account, SavedAccount):
            answer = QMessageBox.question(
                self, self.tr("Forget this account?"),
                self.tr("Forget \u201c%1\u201d and remove its passwords from the keychain?").replace(
                    "%1", account.label),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return
            self.store.remove(account)
            for key in account.secret_keys:
                self._spawn(self.keychain.forget(key))
            self._spawn(self.form.signin.forget())  # revokes the refresh token where the provider can
            self.form.forget_password()
            self.refresh_accounts()
            self.statusBar().showMessage(self.tr("Account and password forgotten."), 5000)

    def on_language_changed(self, _index: int) -> None:
        self.settings.setValue("language", self.form.language_combo.currentData())
        self.statusBar().showMessage(self.tr("The language changes the next time the window opens."), 8000)

    # -- closing ----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        private_sync(self.settings)
        self.account.cancel(quiet=True)
        self.detection.controller.cancel()
        for task in list(self._background):
            task.cancel()
        self.keychain.close()
        self.form.forget_password()
        super().closeEvent(event)
