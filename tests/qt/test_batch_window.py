"""The batch window (issue 14, point 3) as a person uses it: a sheet pasted or opened,
its columns mapped, a run against the suite's Postfix and Dovecot (right and wrong
passwords), the table filling in, the filter, the selected row's timeline and
diagnosis, a prompt asked once, Stop mid-run, and exports with no password in them."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit

from mailtester.batch import RowStatus
from mailtester.qt.batch.model import ONLY_FAILED, ONLY_NOT_CHECKED, STATUS, StatusRole
from mailtester.qt.batch.view import BatchWindow, PasswordDialog
from mailtester.qt.i18n import install
from tests.secret_search import find_secrets
from tests.servers.scripted import Conn, ScriptedServer

from .test_i18n import clipped, mnemonics
from .test_keyboard import tab_walk, unnamed

WRONG = "not-alice's-Secret \u00e9"


@pytest.fixture
def batch(qtbot, qloop, tmp_path):
    from PySide6.QtCore import QSettings

    w = BatchWindow(lang="en", settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def paste(qtbot, window: BatchWindow, text: str) -> None:
    qtbot.mouseClick(window.paste_button, Qt.MouseButton.LeftButton)
    assert window.paste_edit.isVisible()
    window.paste_edit.setPlainText(text)
    qtbot.mouseClick(window.use_paste_button, Qt.MouseButton.LeftButton)


def finish(qtbot, window: BatchWindow, timeout: int = 30000) -> None:
    qtbot.waitUntil(lambda: not window.controller.running, timeout=timeout)


def statuses(window: BatchWindow) -> list[RowStatus]:
    return [window.model.status(i) for i in range(window.model.rowCount())]


def shown_texts(window: BatchWindow) -> str:
    """Every text the window shows: labels, the table's cells, the selected row's timeline."""
    texts = [w.text() for w in window.findChildren(QLabel)]
    model = window.model
    texts += [str(model.index(r, c).data() or "") for r in range(model.rowCount()) for c in range(model.columnCount())]
    timeline = window.pane.model
    texts += [str(timeline.index(r).data()) for r in range(timeline.rowCount())]
    return "\n".join(texts)


def answer_prompt(qtbot, password: str, asked: list[str]) -> None:
    """Type the password into the batch's password dialog once it shows, as a person would."""

    def dialog() -> PasswordDialog | None:
        return next((w for w in QApplication.topLevelWidgets() if isinstance(w, PasswordDialog) and w.isVisible()),
                    None)

    qtbot.waitUntil(lambda: dialog() is not None, timeout=10000)
    d = dialog()
    assert d is not None
    asked.append(d.label.text())
    assert d.edit.echoMode() is QLineEdit.EchoMode.Password
    qtbot.keyClicks(d.edit, password)
    assert password not in d.edit.displayText()
    qtbot.keyClick(d.edit, Qt.Key.Key_Return)


def test_a_run_fills_the_table_filters_and_shows_the_row_as_the_single_view(qtbot, batch, postfix, monkeypatch,
                                                                           tmp_path, qtmodeltester):
    alice, alice_pw = postfix.user(0)
    bjorn, bjorn_pw = postfix.user(1)
    monkeypatch.setenv("MT_BATCH_WRONG", WRONG)
    sheet = "\n".join([
        "Email,Password_Ref,Host,Port,Security,Protocol",
        f"{alice},prompt,{postfix.host},{postfix.submission},starttls,smtp",
        f"{bjorn},env:MT_BATCH_WRONG,{postfix.host},{postfix.submission},starttls,smtp",
        f"{alice},prompt,{postfix.mail_host},{postfix.imaps},tls,imap",  # the same reference: not asked again
    ])
    paste(qtbot, batch, sheet)
    assert batch.model.rowCount() == 3 and batch.paste_edit.toPlainText() == ""
    batch.ca_file_edit.setText(str(postfix.ca_file))
    asked: list[str] = []
    qtbot.mouseClick(batch.start_button, Qt.MouseButton.LeftButton)
    answer_prompt(qtbot, alice_pw, asked)
    finish(qtbot, batch)
    assert len(asked) == 1 and "Accounts that use it: 2" in asked[0]
    assert statuses(batch) == [RowStatus.OK, RowStatus.REFUSED, RowStatus.OK]
    assert "3 of 3 checked" in batch.progress_label.text() and batch.progress.value() == 3
    qtmodeltester.check(batch.model)

    # the failed ones, then one diagnosis
    combo = batch.filter_combo
    combo.setCurrentIndex(combo.findData(ONLY_FAILED))
    combo.activated.emit(combo.currentIndex())
    assert batch.proxy.rowCount() == 1
    assert batch.proxy.index(0, 1).data() == bjorn
    diagnosis = batch.model.result(1).diagnosis_id
    assert diagnosis == "auth.credentials-rejected"
    index = combo.findData(diagnosis)
    assert "refused" in combo.itemText(index) and "(1)" in combo.itemText(index)

    # the refused row: its steps, timeline and diagnosis, worded for the window
    batch.table.selectRow(0)
    assert batch.detail.currentWidget() is batch.pane
    lines = [str(batch.pane.model.index(r).data()) for r in range(batch.pane.model.rowCount())]
    assert any("535" in line for line in lines) and any("[redacted]" in line for line in lines)
    panel = batch.pane.panel
    assert "refused" in panel.verdict.text() and "What to do" in panel.details.text()
    assert "auth.credentials-rejected" in panel.details.text()
    assert not panel.retry_box.isVisible()  # one attempt per account: no retry from here

    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    assert batch.proxy.rowCount() == 3
    batch.select_row(2)  # the IMAP row that worked
    assert "Receiving works" in panel.verdict.text()

    # exports: the batch command's own writers, and no password in them or on screen
    csv_path, html_path = tmp_path / "out.csv", tmp_path / "out.html"
    assert batch.export(str(csv_path), "csv") and batch.export(str(html_path), "html")
    csv_text, html_text = csv_path.read_text(), html_path.read_text()
    assert csv_text.splitlines()[0].startswith("Email,Password_Ref,Host") and "auth.credentials-rejected" in csv_text
    assert "<html" in html_text and bjorn in html_text
    assert csv_path.stat().st_mode & 0o077 == 0
    for text in (csv_text, html_text, shown_texts(batch)):
        assert find_secrets(text, [alice_pw, bjorn_pw, WRONG]) == []

    # a click on a header sorts by it: the Result column puts the working rows first
    header = batch.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(STATUS) + 5, header.height() // 2))
    assert [batch.proxy.index(r, STATUS).data(StatusRole) for r in range(3)] == [
        RowStatus.OK, RowStatus.OK, RowStatus.REFUSED]


async def _silent(c: Conn) -> None:
    await c.rest()  # accepts, never greets


def test_stop_mid_run_keeps_the_finished_rows(qtbot, batch, postfix, serve, qloop):
    alice, alice_pw = postfix.user(0)
    server = serve(ScriptedServer(_silent))
    rows = [f"{alice},{alice_pw},{postfix.host},{postfix.submission},starttls"]
    rows += [f"u{i}@example.test,pw{i},127.0.0.1,{server.port},tls" for i in range(4)]
    paste(qtbot, batch, "email,password,host,port,security\n" + "\n".join(rows))
    assert "holds passwords in clear" in batch.notice.text()
    batch.ca_file_edit.setText(str(postfix.ca_file))
    qtbot.mouseClick(batch.start_button, Qt.MouseButton.LeftButton)
    assert batch.stop_button.isEnabled() and not batch.start_button.isEnabled()
    qtbot.waitUntil(lambda: statuses(batch) == [RowStatus.OK] + [RowStatus.RUNNING] * 4, timeout=20000)
    qtbot.keyClick(batch, Qt.Key.Key_Escape)  # Stop
    finish(qtbot, batch, timeout=5000)
    assert statuses(batch) == [RowStatus.OK] + [RowStatus.CANCELLED] * 4
    combo = batch.filter_combo
    combo.setCurrentIndex(combo.findData(ONLY_NOT_CHECKED))
    combo.activated.emit(combo.currentIndex())
    assert batch.proxy.rowCount() == 4
    batch.table.selectRow(0)
    note = batch.detail_note.text()
    assert batch.detail.currentWidget() is batch.detail_note and "Stopped" in note and "this row ran" in note
    assert batch.start_button.isEnabled() and batch.export_csv_button.isEnabled()
    pending = [t for t in asyncio.all_tasks(qloop) if "BatchController" in repr(t.get_coro())]
    assert pending == []
    assert find_secrets(shown_texts(batch), [alice_pw, "pw0", "pw3"]) == []


def test_an_unusual_header_is_mapped_and_a_file_is_opened(qtbot, batch, tmp_path, monkeypatch):
    paste(qtbot, batch, "Mitarbeiter (Adresse);Kennwort;Rechner\nanna@example.test;s3cret;mail.example.test\n")
    assert batch.sheet is None and batch.columns_box.isVisible()
    assert "No column of email addresses" in batch.notice.text()
    assert not batch.start_button.isEnabled()
    email = batch.column_combos["email"]
    assert [email.itemData(i) for i in range(email.count())] == ["", "Mitarbeiter (Adresse)", "Kennwort", "Rechner"]
    for field, header in (("email", "Mitarbeiter (Adresse)"), ("password", "Kennwort"), ("host", "Rechner")):
        combo = batch.column_combos[field]
        combo.setCurrentIndex(combo.findData(header))
        combo.activated.emit(combo.currentIndex())
    assert batch.sheet is not None and batch.model.rowCount() == 1
    assert batch.model.index(0, 1).data() == "anna@example.test"
    assert batch.model.index(0, 2).data() == "mail.example.test"
    assert batch.start_button.isEnabled() and "s3cret" not in shown_texts(batch)

    # a sheet's cells are shown as neutral as a server's words: no bidi override takes effect
    assert batch.load_text("email,password_ref,host\nann\u202e@example.test,env:NOPE,mail.example.test\n")
    assert batch.model.index(0, 1).data() == "ann<U+202E>@example.test"

    # a workbook through the Open dialog, by its suffix
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Email Address [Required]", "Password [Required]", "Server"])
    book.active.append(["cem@example.test", "x", "mail.example.test"])
    workbook = tmp_path / "staff.xlsx"
    book.save(workbook)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(workbook), ""))
    qtbot.mouseClick(batch.open_button, Qt.MouseButton.LeftButton)
    assert batch.sheet is not None and batch.model.index(0, 1).data() == "cem@example.test"
    assert batch.sheet_label.text() == "Accounts in staff.xlsx: 1"

    # a file through the Open dialog; a bad cell is named by row and column
    bad = tmp_path / "staff.csv"
    bad.write_text("email,host,port\nbob@example.test,mail.example.test,eighty\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    qtbot.mouseClick(batch.open_button, Qt.MouseButton.LeftButton)
    assert batch.sheet is None and "Row 1, column port" in batch.notice.text()
    good = tmp_path / "staff2.csv"
    good.write_text("EmailAddress,UserName,Password\nbob@example.test,bob,\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    qtbot.mouseClick(batch.open_button, Qt.MouseButton.LeftButton)
    assert batch.sheet is not None and batch.sheet_label.text() == "Accounts in staff2.csv: 1"


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_keyboard_names_and_mnemonics(qtbot, qloop, tmp_path, lang):
    install(lang)
    w = BatchWindow(lang=lang)
    qtbot.addWidget(w)
    try:
        w.show()
        qtbot.waitExposed(w)
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow)
        assert w.load_text("email,password_ref\nann@example.test,env:NOPE\n")  # Start can be reached
        w.paste_button.setChecked(True)
        w.columns_button.setChecked(True)
        letters = mnemonics(w)
        assert sorted(set(letters)) == sorted(letters) and len(letters) >= 10, letters
        assert unnamed(w) == []
        walk = tab_walk(qtbot, w, w.open_button)
        reading = [w.open_button, w.paste_button, w.columns_button, w.paste_edit, w.use_paste_button,
                   w.column_combos["email"], w.column_combos["mechanism"], w.protocol_combo, w.ca_file_edit,
                   w.ca_browse, w.start_button, w.filter_combo, w.table]
        order = [walk.index(x) for x in reading if x in walk]
        assert order == sorted(order) and len(order) == len(reading), [x.objectName() for x in walk]
    finally:
        w.close()
        install("en")


def test_ctrl_b_opens_the_batch_window_from_the_main_window(qtbot, window):
    qtbot.keyClick(window.form.user_edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    batch = window.findChild(BatchWindow, "batchWindow")
    assert batch is not None
    qtbot.waitExposed(batch)
    assert batch.isVisible()
    window.batch_button.click()  # the same window again, not a second one
    assert window.findChildren(BatchWindow) == [batch]
    window.close()  # the main window closing takes the batch window along
    qtbot.waitUntil(lambda: not batch.isVisible())
    window.show()
    window.open_batch()
    batch.activateWindow()
    qtbot.waitUntil(batch.isActiveWindow)
    qtbot.keyClick(batch.filter_combo, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # quits: both close
    qtbot.waitUntil(lambda: not batch.isVisible())
    assert not window.isVisible()



def test_closing_mid_run_ends_it(qtbot, qloop, serve, tmp_path):
    """A server that never greets does not keep the run, or the program, alive after the window closes."""
    server = serve(ScriptedServer(_silent))
    w = BatchWindow()
    qtbot.addWidget(w)
    w.show()
    rows = "\n".join(f"u{i}@example.test,pw{i},127.0.0.1,{server.port},tls" for i in range(3))
    assert w.load_text("email,password,host,port,security\n" + rows)
    w.start_button.click()
    qtbot.waitUntil(lambda: statuses(w) == [RowStatus.RUNNING] * 3, timeout=10000)
    w.close()
    qtbot.waitUntil(lambda: not w.controller.running, timeout=5000)
    qtbot.waitUntil(lambda: not [t for t in asyncio.all_tasks(qloop) if "BatchRun" in repr(t.get_coro())],
                    timeout=5000)


@pytest.mark.parametrize("lang", ["tr", "pseudo"])
def test_no_clipped_text_at_the_smallest_size(qtbot, qloop, lang):
    install(lang)
    w = BatchWindow(lang=lang)
    qtbot.addWidget(w)
    try:
        w.resize(w.minimumSize())
        w.show()
        qtbot.waitExposed(w)
        w.paste_button.setChecked(True)
        w.columns_button.setChecked(True)
        assert w.load_text("email,password,host\nann@example.test,pw,mail.example.test\n")
        qtbot.wait(50)
        assert clipped(w) == []
    finally:
        w.close()
        install("en")
