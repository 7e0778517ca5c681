"""The window by keyboard alone (issue 12, point 5): Ctrl+Q quits; every button of
the result panel is reached with Tab, in reading order; focus is visible on the
test button and the timeline; no two visible controls share a mnemonic and every
focusable control has a name, in every state of the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QListView,
    QMessageBox,
    QWidget,
)

from mailtester.qt.controllers.check import Side
from mailtester.qt.i18n import install
from mailtester.qt.views.form import DEMO, DEMO_FAIL

from .test_i18n import mnemonics
from .test_window import fill, find, run_account, select_provider, show_tab


def tab_walk(qtbot, window, start: QWidget, limit: int = 150) -> list[QWidget]:
    """The widgets Tab visits from `start`, once round the window."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[QWidget] = []
    for _ in range(limit):
        widget = QApplication.focusWidget()
        assert widget is not None
        if seen and widget is start:
            break
        seen.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)  # the key itself: a label with links may keep it
    return seen


def test_ctrl_q_closes_the_window(qtbot, window):
    qtbot.keyClick(window.form.user_edit, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def test_the_result_buttons_are_reached_with_tab_in_reading_order(qtbot, window, serve, monkeypatch):
    select_provider(window, DEMO_FAIL)  # refused: a suggestion button in each side's panel
    run_account(qtbot, window)
    for side in (Side.OUTGOING, Side.INCOMING):
        show_tab(window, side)
        panel = window.panes[side].panel
        assert panel.retry_buttons and panel.retry_buttons[0].isVisible()
        walk = tab_walk(qtbot, window, window.test_button)
        order = [walk.index(w) for w in (window.tabs.tabBar(), window.panes[side].timeline, *panel.retry_buttons,
                                         window.copy_report_button, window.save_report_button)]
        assert order == sorted(order), [w.objectName() for w in walk]

    from mailtester.driver.demo import DemoServer

    server = serve(DemoServer())  # its certificate is trusted only with the demo CA: Trust… is offered
    select_provider(window, "")
    fill(window, "127.0.0.1", server.port, "starttls", "demo@example.test", "demo-password", "LOGIN")
    window.form.incoming_host_edit.clear()
    run_account(qtbot, window)
    show_tab(window, Side.OUTGOING)
    panel = window.panel
    assert panel.trust_button.isVisible()
    walk = tab_walk(qtbot, window, window.test_button)
    order = [walk.index(w) for w in (window.timeline, panel.trust_button, window.copy_report_button)]
    assert order == sorted(order), [w.objectName() for w in walk]
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.trust_button.click()
    assert run_account(qtbot, window).ok  # pinned: Forget is offered
    assert panel.forget_button.isVisible()
    walk = tab_walk(qtbot, window, window.test_button)
    order = [walk.index(w) for w in (window.timeline, panel.forget_button, window.copy_report_button)]
    assert order == sorted(order), [w.objectName() for w in walk]


def test_focus_is_visible_on_the_test_button_and_the_timeline(qtbot, window):
    select_provider(window, DEMO)
    show_tab(window, Side.OUTGOING)
    for widget in (window.test_button, window.timeline):
        window.form.user_edit.setFocus()
        qtbot.waitUntil(lambda w=widget: not w.hasFocus())
        unfocused = widget.grab().toImage()
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(widget.hasFocus)
        assert widget.grab().toImage() != unfocused, widget.objectName()  # a frame is drawn


def unnamed(window) -> list[str]:
    missing = []
    for w in window.findChildren(QWidget):
        if not isinstance(w, QLineEdit | QComboBox | QAbstractButton | QAbstractSpinBox | QListView):
            continue
        if w.window() is not window or isinstance(w.parent(), QAbstractSpinBox | QComboBox):
            continue  # combo popups and the spin box's own line edit
        label = w.accessibleName() or (w.text() if isinstance(w, QAbstractButton) else "")
        if not label.replace("&", "").strip():
            missing.append(w.objectName() or type(w).__name__)
    return missing


def check_state(window, state: str) -> None:
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        letters = mnemonics(window)
        assert sorted(set(letters)) == sorted(letters), (state, index, sorted(letters))
        assert unnamed(window) == [], (state, index)


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_no_duplicate_mnemonic_and_every_control_named_in_every_state(qtbot, qloop, memory_keyring, tmp_path,
                                                                        serve, monkeypatch, lang):
    from PySide6.QtCore import QSettings

    from mailtester.app import create_window
    from mailtester.driver.demo import DemoServer
    from mailtester.qt.controllers.accounts import Keychain

    w = create_window(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), Keychain(), lang=lang)
    qtbot.addWidget(w)
    try:
        w.resize(1100, 760)
        w.show()
        qtbot.waitExposed(w)
        check_state(w, "form")
        find(w, QAbstractButton, "advancedButton").setChecked(True)
        check_state(w, "advanced open")
        select_provider(w, DEMO)
        run_account(qtbot, w)
        check_state(w, "success")
        select_provider(w, DEMO_FAIL)
        run_account(qtbot, w)
        assert w.panel.retry_buttons
        check_state(w, "refused, with a suggestion")
        server = serve(DemoServer())
        select_provider(w, "")
        fill(w, "127.0.0.1", server.port, "starttls", "demo@example.test", "demo-password", "LOGIN")
        w.form.incoming_host_edit.clear()
        run_account(qtbot, w)
        assert w.panel.trust_button.isVisible()
        check_state(w, "certificate")
        monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
        w.panel.trust_button.click()
        run_account(qtbot, w)
        assert w.panel.forget_button.isVisible()
        check_state(w, "pinned success")
    finally:
        w.close()
        install("en")


def test_the_focus_comes_back_to_the_form_after_a_run(qtbot, window):
    """The form is disabled while a test runs, which takes the focus from it: it returns."""
    select_provider(window, DEMO)
    password = window.form.password_edit
    password.setFocus()
    qtbot.waitUntil(password.hasFocus)
    with qtbot.waitSignal(window.account.roundFinished, timeout=20000):
        qtbot.keyClick(password, Qt.Key.Key_Return)
        assert not window.form.isEnabled()
    assert window.form.isEnabled()
    assert QApplication.focusWidget() is password
