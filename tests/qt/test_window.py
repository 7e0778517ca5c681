"""The window as a person uses it: real widgets, real servers, offscreen."""

from __future__ import annotations

import asyncio
import sys

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QWidget,
)

from mailtester.app import create_window
from mailtester.model import TimelineEntry
from mailtester.protocol.events import Stage
from mailtester.qt.controllers.accounts import Keychain
from mailtester.qt.controllers.check import Side
from mailtester.qt.models.steps import Step, StepState
from mailtester.qt.models.timeline import TimelineModel
from mailtester.qt.views.form import DEMO, DEMO_FAIL
from tests.qt.conftest import KEYCHAIN_WAIT
from tests.servers.scripted import Conn, ScriptedServer


def find(window, cls, name):
    w = window.findChild(cls, name)
    assert w is not None, name
    return w


def run_account(qtbot, window, button="testButton", timeout=30000):
    """Press a test button and wait until every side it started has ended: the AccountReport."""
    with qtbot.waitSignal(window.account.roundFinished, timeout=timeout) as blocker:
        find(window, QAbstractButton, button).click()
    return blocker.args[0]


def run(qtbot, window, timeout=30000):
    """Press Test account; the sending side's report."""
    return run_account(qtbot, window, timeout=timeout).outgoing


def show_tab(window, side):
    """Bring a side's results to the front, as a click on its tab does."""
    window.tabs.setCurrentWidget(window.panes[side])


def fill(window, host, port, security, user, password, mechanism=None, ca_file=None):
    find(window, QLineEdit, "hostEdit").setText(host)
    sec = find(window, QComboBox, "securityCombo")
    sec.setCurrentIndex(sec.findData(security))
    find(window, QAbstractSpinBox, "portSpin").setValue(port)
    find(window, QLineEdit, "userEdit").setText(user)
    find(window, QLineEdit, "passwordEdit").setText(password)
    if mechanism:
        mech = find(window, QComboBox, "mechanismCombo")
        mech.setCurrentIndex(mech.findData(mechanism))
    if ca_file:
        find(window, QLineEdit, "caFileEdit").setText(str(ca_file))


def select_provider(window, pid):
    combo = find(window, QComboBox, "providerCombo")
    combo.setCurrentIndex(combo.findData(pid))


def timeline_texts(window, name="timelineView"):
    view = find(window, QListView, name)
    m = view.model()
    return [m.data(m.index(r, 0)) for r in range(m.rowCount())]


def panel_text(window, name="diagnosisPanel"):
    """What the panel shows (in its tab, whether or not that tab is in front)."""
    panel = find(window, QWidget, name)
    return "\n".join(label.text() for label in panel.findChildren(QLabel) if label.isVisibleTo(panel))


def test_timeline_model_passes_the_model_tester(qtmodeltester):
    model = TimelineModel()
    model.append(TimelineEntry(0.0, "-", False, "Connecting"))
    model.append(TimelineEntry(0.1, "S", True, "334 VXNlcm5hbWU6", "Username:"))
    model.append(TimelineEntry(0.2, "C", True, "[redacted]"))
    qtmodeltester.check(model)
    assert "Server asks: Username:" in model.data(model.index(1))
    model.set_show_raw(True)
    assert "Username:" not in model.data(model.index(1))


def test_demo_handshake_shows_decoded_prompts_and_all_steps_done(qtbot, window):
    select_provider(window, DEMO)
    report = run(qtbot, window)
    assert report.result.ok
    lines = timeline_texts(window)
    assert any("334 VXNlcm5hbWU6" in x and "Server asks: Username:" in x for x in lines)
    assert any("Server asks: Password:" in x for x in lines)
    assert all(state is StepState.DONE for state in window.steps.states.values())
    assert "This account can log in and send." in panel_text(window)
    assert find(window, QAbstractButton, "testButton").text().replace("&", "") == "Test account"


def test_demo_refusal_explains_the_535(qtbot, window):
    select_provider(window, DEMO_FAIL)
    report = run(qtbot, window)
    assert report.result.outcome.reply.code == 535
    text = panel_text(window)
    assert "The server refused the user name or password" in text
    assert "checked the credentials" in text
    assert "<ol>" in text and "app password" in text
    assert window.steps.states[Step.LOGIN] is StepState.FAILED
    assert window.steps.states[Step.ENCRYPT] is StepState.DONE


@pytest.mark.postfix
def test_postfix_starttls_login_live_timeline(qtbot, window, postfix):
    user, password = postfix.user(0)
    fill(window, postfix.host, postfix.submission, "starttls", user, password, "LOGIN", postfix.ca_file)
    seen_before_end = []
    window.controller.entryAdded.connect(lambda e: seen_before_end.append(e.decoded if e.direction == "S" else None))
    report = run(qtbot, window)
    assert report.result.ok
    assert [d for d in seen_before_end if d] == ["Username:", "Password:"]
    assert all(state is StepState.DONE for state in window.steps.states.values())
    # and the wrong password
    find(window, QLineEdit, "passwordEdit").setText("wrong")
    report = run(qtbot, window)
    assert report.diagnosis.id == "auth.credentials-rejected"
    assert "535" in panel_text(window) and "What to do" in panel_text(window)


async def _silent(c: Conn) -> None:
    await c.rest()  # accepts, never greets


def test_cancel_mid_run_leaves_nothing_behind(qtbot, window, qloop, serve):
    server = serve(ScriptedServer(_silent))
    fill(window, "127.0.0.1", server.port, "tls", "u@example.test", "pw")
    button = find(window, QAbstractButton, "testButton")
    with qtbot.waitSignal(window.controller.entryAdded, check_params_cb=lambda e: "Connected" in e.text):
        button.click()
    assert button.text().replace("&", "") == "Cancel"
    with qtbot.waitSignal(window.controller.runCancelled):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.controller.running)
    assert button.text().replace("&", "") == "Test account"
    assert "Cancelled" in panel_text(window)
    pending = [t for t in asyncio.all_tasks(qloop) if "CheckController" in repr(t.get_coro())]
    assert pending == []


def test_starting_again_mid_run_supersedes_quietly(qtbot, window):
    select_provider(window, DEMO)
    state = window.form.state()
    cancelled = []
    window.controller.runCancelled.connect(lambda: cancelled.append(1))
    with qtbot.waitSignal(window.controller.runFinished, timeout=20000):
        window.controller.start(state.settings, demo=True)
        window.controller.start(state.settings, demo=True)
    qtbot.wait(100)
    assert cancelled == []
    assert not window.controller.running


@pytest.mark.parametrize(("field", "value", "error", "message"), [
    ("userEdit", "me@example.com", "hostError", "Enter the server name"),  # the server is still empty
    ("hostEdit", "smtp://mail.example.com", "hostError", "without a prefix"),
    ("hostEdit", "mail example.com", "hostError", "spaces"),
    ("hostEdit", "https://mail.example.com/path", "hostError", "without a prefix"),
    ("userEdit", " me@example.com", "userError", "space"),
])
def test_validation_shows_reason_beside_the_field(qtbot, window, field, value, error, message):
    find(window, QLineEdit, field).setText(value)
    label = find(window, QLabel, error)
    assert label.isVisible() and message in label.text()
    assert not find(window, QAbstractButton, "testButton").isEnabled()


def test_port_out_of_range_and_defaults_per_security(qtbot, window):
    port = find(window, QAbstractSpinBox, "portSpin")
    find(window, QLineEdit, "hostEdit").setText("mail.example.com")
    sec = find(window, QComboBox, "securityCombo")
    sec.setCurrentIndex(sec.findData("tls"))
    assert port.value() == 465
    sec.setCurrentIndex(sec.findData("none"))
    assert port.value() == 25
    port.setValue(0)
    assert "1 to 65535" in find(window, QLabel, "portError").text()
    port.lineEdit().selectAll()
    qtbot.keyClicks(port, "2525")
    sec.setCurrentIndex(sec.findData("starttls"))
    assert port.value() == 2525  # typed by the user: kept


def test_typing_a_provider_address_offers_its_settings(qtbot, window):
    find(window, QLineEdit, "userEdit").setText("someone@gmail.com")
    button = find(window, QAbstractButton, "useProviderButton")
    assert button.isVisible()
    button.click()
    assert find(window, QLineEdit, "hostEdit").text() == "smtp.gmail.com"
    assert find(window, QAbstractSpinBox, "portSpin").value() == 587


def test_enter_runs_the_test(qtbot, window):
    select_provider(window, DEMO)
    pw = find(window, QLineEdit, "passwordEdit")
    pw.setFocus()
    with qtbot.waitSignal(window.account.roundFinished, timeout=20000):
        qtbot.keyClick(pw, Qt.Key.Key_Return)


def test_every_control_has_an_accessible_name(window):
    missing = []
    for w in window.findChildren(QWidget):
        if not isinstance(w, QLineEdit | QComboBox | QAbstractButton | QAbstractSpinBox | QListView):
            continue
        if w.window() is not window or isinstance(w.parent(), QAbstractSpinBox | QComboBox):
            continue  # combo popups and the spin box's own line edit
        label = w.accessibleName() or (w.text() if isinstance(w, QAbstractButton) else "")
        if not label.replace("&", "").strip():
            missing.append(w.objectName() or type(w).__name__)
    assert missing == []


def test_required_object_names(window):
    for name in ("hostEdit", "portSpin", "securityCombo", "mechanismCombo", "userEdit", "passwordEdit",
                 "caFileEdit", "allowPlaintextCheck", "testButton", "timelineView", "diagnosisPanel"):
        assert window.findChild(QWidget, name) is not None, name


def test_show_password_toggle(qtbot, window):
    pw = find(window, QLineEdit, "passwordEdit")
    assert pw.echoMode() == QLineEdit.EchoMode.Password
    find(window, QAbstractButton, "showPasswordButton").click()
    assert pw.echoMode() == QLineEdit.EchoMode.Normal


def test_copy_report_is_redacted(qtbot, window):
    select_provider(window, DEMO)
    run(qtbot, window)
    find(window, QAbstractButton, "copyReportButton").click()
    text = QApplication.clipboard().text()
    assert "# Mail Account Tester report" in text and "[redacted]" in text
    assert "demo-password" not in text


@pytest.mark.postfix
def test_remember_account_keeps_password_only_in_the_keychain(qtbot, window, postfix, memory_keyring,
                                                             settings_file):
    user, password = postfix.user(1)
    fill(window, postfix.host, postfix.submissions, "tls", user, password, ca_file=postfix.ca_file)
    find(window, QAbstractButton, "rememberCheck").setChecked(True)
    run(qtbot, window)
    qtbot.waitUntil(lambda: bool(memory_keyring.items), timeout=KEYCHAIN_WAIT)
    assert list(memory_keyring.items.values()) == [password]
    stored = settings_file.read_bytes()
    assert user.encode() in stored
    assert password.encode() not in stored and password.strip().encode() not in stored
    assert settings_file.stat().st_mode & 0o777 == 0o600  # it names servers and accounts: the user's only
    # a new window finds the account and fetches its password from the keychain
    window.close()
    w2 = create_window(QSettings(str(settings_file), QSettings.Format.IniFormat), Keychain())
    qtbot.addWidget(w2)
    combo = find(w2, QComboBox, "accountCombo")
    assert combo.count() == 2
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    qtbot.waitUntil(lambda: find(w2, QLineEdit, "passwordEdit").text() == password, timeout=KEYCHAIN_WAIT)
    find(w2, QAbstractButton, "forgetAccountButton").click()
    qtbot.waitUntil(lambda: not memory_keyring.items, timeout=KEYCHAIN_WAIT)
    assert find(w2, QLineEdit, "passwordEdit").text() == ""


def test_without_a_keychain_the_password_is_session_only(qtbot, qloop, settings_file):
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        w = create_window(QSettings(str(settings_file), QSettings.Format.IniFormat), Keychain())
        qtbot.addWidget(w)
        notice = find(w, QLabel, "keychainNotice")
        find(w, QAbstractButton, "rememberCheck").setChecked(True)  # said at once, before any test
        qtbot.waitUntil(lambda: notice.isVisibleTo(w), timeout=KEYCHAIN_WAIT)
        assert "never written to a file" in notice.text()
        select_provider(w, DEMO)
        report = run(qtbot, w)
        qtbot.waitUntil(lambda: True)
        assert report.result.ok
        # the demo is never remembered; remember a real-looking account directly
        stored = asyncio.ensure_future(w.keychain.store("u@h:1", "session-secret"))
        qtbot.waitUntil(stored.done, timeout=KEYCHAIN_WAIT)
        assert stored.result() is False
        fetched = asyncio.ensure_future(w.keychain.fetch("u@h:1"))
        qtbot.waitUntil(fetched.done, timeout=KEYCHAIN_WAIT)
        assert fetched.result() == "session-secret"
        w.close()
        assert b"session-secret" not in (settings_file.read_bytes() if settings_file.exists() else b"")
    finally:
        keyring.set_keyring(previous)


def test_trusting_a_certificate_pins_it(qtbot, window, monkeypatch, serve):
    from mailtester.driver.demo import DemoServer

    server = serve(DemoServer())
    fill(window, "localhost", server.port, "starttls", "demo@example.test", "demo-password", "LOGIN")
    report = run(qtbot, window)
    assert report.diagnosis.id == "tls.certificate-untrusted"
    trust = find(window, QAbstractButton, "trustButton")
    assert trust.isVisible()
    assert "SHA-256" in find(window, QLabel, "certificateLabel").text()
    # The confirmation dialog is the one place a stand-in answers for the person.
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    trust.click()
    report = run(qtbot, window)
    assert report.result.ok and report.result.settings.pinned_sha256
    forget = find(window, QAbstractButton, "forgetTrustButton")
    assert forget.isVisible()
    forget.click()
    assert window.store.trusted("localhost", server.port) is None


def test_window_geometry_is_remembered(qtbot, qloop, memory_keyring, settings_file):
    w = create_window(QSettings(str(settings_file), QSettings.Format.IniFormat), Keychain())
    qtbot.addWidget(w)
    w.resize(1234, 777)
    w.show()
    w.close()
    w2 = create_window(QSettings(str(settings_file), QSettings.Format.IniFormat), Keychain())
    qtbot.addWidget(w2)
    assert (w2.width(), w2.height()) == (1234, 777)


def test_step_header_for_stages():
    from mailtester.protocol.events import Ending, Outcome, Security
    from mailtester.qt.models.steps import StepsModel

    m = StepsModel()
    m.reset(Security.STARTTLS)
    for stage in (Stage.DNS, Stage.CONNECT, Stage.GREETING, Stage.EHLO, Stage.STARTTLS, Stage.TLS):
        m.enter(stage)
    m.finish(Outcome(ok=False, ending=Ending.TLS_FAILED, stage=Stage.TLS))
    assert m.states == {Step.CONNECT: StepState.DONE, Step.GREET: StepState.DONE,
                        Step.ENCRYPT: StepState.FAILED, Step.LOGIN: StepState.SKIPPED}


def test_qt_binding_keeps_none_alive():
    """Some PySide6 releases (6.12.0) drop a reference to None whenever Qt hands
    an empty value to Python, which crashes the program at exit."""

    class Empty(QAbstractListModel):
        def rowCount(self, parent=QModelIndex()):  # noqa: B008
            return 1

        def data(self, index, role=0):
            return None

    model = Empty()
    before = sys.getrefcount(None)
    for _ in range(200):
        model.index(0, 0).data(Qt.ItemDataRole.UserRole)
    assert sys.getrefcount(None) >= before - 50


def test_suggested_user_name_is_tried_only_when_asked(qtbot, window):
    select_provider(window, DEMO_FAIL)
    first = run(qtbot, window)
    (suggestion,) = first.diagnosis.suggestions
    assert suggestion.kind == "user" and suggestion.value == "demo"
    show_tab(window, Side.OUTGOING)
    button = find(window, QAbstractButton, "retryButton0")
    assert button.isVisible() and "demo" in button.text()
    assert "lockout" in panel_text(window)
    with qtbot.waitSignal(window.controller.runFinished, timeout=20000) as blocker:
        button.click()
    assert blocker.args[0].result.settings.credentials.user == "demo"
    assert find(window, QLineEdit, "userEdit").text() == "demo"


def test_missing_ca_file_is_reported_beside_the_field(qtbot, window):
    find(window, QAbstractButton, "advancedButton").setChecked(True)
    select_provider(window, DEMO)
    find(window, QLineEdit, "caFileEdit").setText("/nonexistent/ca.pem")
    label = find(window, QLabel, "caFileError")
    assert label.isVisible() and "does not exist" in label.text()
    assert not find(window, QAbstractButton, "testButton").isEnabled()
