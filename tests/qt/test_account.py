"""The window tests a whole account: receiving (IMAP or POP3) and sending (SMTP)
side by side, against the real Postfix and Dovecot and the built-in demo servers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QWidget,
)

from mailtester.app import create_window
from mailtester.protocol.events import Protocol
from mailtester.protocol.session import NATIVE
from mailtester.qt.controllers.accounts import Keychain
from mailtester.qt.controllers.check import Side
from mailtester.qt.models.steps import Step, StepState
from mailtester.qt.views.form import DEMO, DEMO_FAIL
from mailtester.qt.views.side import SideState
from tests.qt.conftest import KEYCHAIN_WAIT
from tests.servers.postfix import DISABLED_USER

from .test_window import fill, find, panel_text, run_account, select_provider, show_tab, timeline_texts

REFUSED = "The server refused the user name or password"


def choose(window, name, data):
    combo = find(window, QComboBox, name)
    index = combo.findData(data)
    assert index >= 0, (name, data)
    combo.setCurrentIndex(index)


def fill_incoming(window, protocol, host, port, security, mechanism=None, user=None, password=None):
    choose(window, "incomingProtocolCombo", protocol)
    find(window, QLineEdit, "incomingHostEdit").setText(host)
    choose(window, "incomingSecurityCombo", security)
    find(window, QAbstractSpinBox, "incomingPortSpin").setValue(port)
    if mechanism:
        choose(window, "incomingMechanismCombo", mechanism)
    if user is not None:
        find(window, QLineEdit, "incomingUserEdit").setText(user)
    if password is not None:
        find(window, QLineEdit, "incomingPasswordEdit").setText(password)


def separate(window, on=True):
    find(window, QAbstractButton, "separateOutgoingCheck").setChecked(on)


def verdict(window):
    label = find(window, QLabel, "accountVerdictLabel")
    assert label.isVisible()
    return label.accessibleName()


def tab_text(window, side):
    return window.tabs.tabText(window.tabs.indexOf(window.panes[side]))


def steps(window, side):
    return window.panes[side].steps.states


def record_order(window):
    """The order in which the sides start and end."""
    events = []
    window.account.sideStarted.connect(lambda side, _s: events.append(("start", side)))
    window.account.sideFinished.connect(lambda side, _r: events.append(("end", side)))
    return events


INCOMING_SERVERS = {  # protocol, port field of the fixture, security
    "imaps": ("imap", "imaps", "tls"),
    "pop3-stls": ("pop3", "pop3", "starttls"),
}


@pytest.mark.postfix
@pytest.mark.parametrize("incoming", sorted(INCOMING_SERVERS))
def test_whole_account_against_postfix_and_dovecot(qtbot, window, postfix, incoming):
    protocol, port_field, security = INCOMING_SERVERS[incoming]
    user, password = postfix.user(0)
    fill(window, postfix.host, postfix.submission, "starttls", user, password, ca_file=postfix.ca_file)
    fill_incoming(window, protocol, postfix.mail_host, getattr(postfix, port_field), security)
    order = record_order(window)
    account = run_account(qtbot, window)
    # Both sides ran side by side: both had started before either ended.
    assert [kind for kind, _ in order[:2]] == ["start", "start"], order
    assert {side for _, side in order[:2]} == {Side.INCOMING, Side.OUTGOING}
    assert account.ok and account.incoming.result.ok and account.outgoing.result.ok
    assert account.incoming.result.settings.protocol is Protocol(protocol)
    assert account.incoming.result.settings.credentials.user == user
    assert verdict(window) == "This account can receive and send mail."
    assert "Receiving works: this account can log in and read mail." in panel_text(window, "incomingDiagnosisPanel")
    assert "This account can log in and send." in panel_text(window)
    for side in (Side.INCOMING, Side.OUTGOING):
        assert all(state is StepState.DONE for state in steps(window, side).values()), side
        assert tab_text(window, side).startswith("\u2714")
    assert tab_text(window, Side.INCOMING) == f"\u2714 Receiving ({protocol.upper()})"
    assert tab_text(window, Side.OUTGOING) == "\u2714 Sending (SMTP)"
    # The settings to use list both servers, in both panels.
    for name in ("incomingDiagnosisPanel", "diagnosisPanel"):
        text = panel_text(window, name)
        assert "Incoming server" in text and "Outgoing server" in text, name
        assert postfix.mail_host in text and postfix.host in text and protocol.upper() in text
        assert str(getattr(postfix, port_field)) in text and str(postfix.submission) in text
    # Each side's own timeline.
    incoming_lines = "\n".join(timeline_texts(window, "incomingTimelineView"))
    assert ("CAPABILITY" if protocol == "imap" else "CAPA") in incoming_lines
    assert "EHLO" in "\n".join(timeline_texts(window)) and "EHLO" not in incoming_lines


@pytest.mark.postfix
def test_incoming_refused_while_sending_works(qtbot, window, postfix):
    user, password = postfix.user(0)
    fill(window, postfix.host, postfix.submission, "starttls", user, password, ca_file=postfix.ca_file)
    separate(window)  # the top rows become the incoming side's own, filled with what was typed
    assert find(window, QLineEdit, "incomingUserEdit").text() == user
    assert find(window, QLineEdit, "incomingPasswordEdit").text() == password
    fill_incoming(window, "imap", postfix.mail_host, postfix.imaps, "tls", password="wrong-password")
    account = run_account(qtbot, window)
    assert account.outgoing.result.ok
    assert not account.incoming.result.ok
    assert account.incoming.diagnosis.id == "auth.credentials-rejected"
    assert account.outgoing.result.settings.credentials.user == user
    assert verdict(window) == f"Sending works. Receiving: {REFUSED}."
    incoming_text = panel_text(window, "incomingDiagnosisPanel")
    assert REFUSED in incoming_text and "What to do" in incoming_text
    assert "This account can log in and send." in panel_text(window)
    # The working side lists only itself when the other side failed.
    assert "Incoming server" not in panel_text(window)
    assert steps(window, Side.INCOMING)[Step.LOGIN] is StepState.FAILED
    assert steps(window, Side.INCOMING)[Step.ENCRYPT] is StepState.DONE
    assert find(window, QLabel, "incomingStepLogin").accessibleName() == "Log in: failed"
    assert all(state is StepState.DONE for state in steps(window, Side.OUTGOING).values())
    assert tab_text(window, Side.INCOMING) == "\u2716 Receiving (IMAP)"
    assert tab_text(window, Side.OUTGOING) == "\u2714 Sending (SMTP)"
    assert window.tabs.currentWidget() is window.panes[Side.INCOMING]  # what needs fixing is in front


@pytest.mark.postfix
def test_both_refused(qtbot, window, postfix):
    user, _ = postfix.user(0)
    fill(window, postfix.host, postfix.submission, "starttls", user, "wrong-password", ca_file=postfix.ca_file)
    fill_incoming(window, "pop3", postfix.mail_host, postfix.pop3, "starttls")
    account = run_account(qtbot, window)
    assert not account.incoming.result.ok and not account.outgoing.result.ok
    assert account.incoming.result.settings.credentials.user == user  # one user name for both
    assert verdict(window) == f"Receiving and sending: {REFUSED}."
    for name, side in (("incomingDiagnosisPanel", Side.INCOMING), ("diagnosisPanel", Side.OUTGOING)):
        assert REFUSED in panel_text(window, name)
        assert steps(window, side)[Step.LOGIN] is StepState.FAILED
        assert tab_text(window, side).startswith("\u2716")


@pytest.mark.postfix
def test_incoming_policy_refusal_and_sending_refusal_have_their_own_titles(qtbot, window, postfix):
    user, password = DISABLED_USER
    fill(window, postfix.host, postfix.submission, "starttls", user, "wrong-password", ca_file=postfix.ca_file)
    separate(window)
    fill_incoming(window, "imap", postfix.mail_host, postfix.imaps, "tls", password=password)
    account = run_account(qtbot, window)
    assert not account.incoming.result.ok and not account.outgoing.result.ok
    text = verdict(window)
    assert text.startswith("Receiving: " + account.incoming.diagnosis.title)
    assert text.endswith(f"Sending: {REFUSED}.")


@pytest.mark.postfix
def test_only_the_outgoing_server_filled_tests_sending_as_before(qtbot, window, postfix):
    user, password = postfix.user(0)
    fill(window, postfix.host, postfix.submission, "starttls", user, password, ca_file=postfix.ca_file)
    started = []
    window.incoming_controller.runStarted.connect(started.append)
    account = run_account(qtbot, window)
    assert account.outgoing.result.ok and account.incoming is None
    assert started == []
    assert not window.incoming_controller.running
    assert window.panes[Side.INCOMING].state is SideState.NOT_TESTED
    assert "Not tested." in panel_text(window, "incomingDiagnosisPanel")
    assert "receiving was not tested" in panel_text(window, "incomingDiagnosisPanel")
    assert find(window, QListView, "incomingTimelineView").model().rowCount() == 0
    assert tab_text(window, Side.INCOMING) == "\u2013 Receiving (IMAP)"
    assert "not tested" in window.tabs.tabToolTip(window.tabs.indexOf(window.panes[Side.INCOMING]))
    assert window.tabs.currentWidget() is window.panes[Side.OUTGOING]
    assert verdict(window) == "Sending works. Receiving was not tested."
    assert "This account can log in and send." in panel_text(window)
    # the success box lists the outgoing server alone, as before
    assert "Incoming server" not in panel_text(window)


@pytest.mark.parametrize("protocol", ["imap", "pop3"])
def test_demo_preset_runs_both_sides(qtbot, window, protocol):
    choose(window, "incomingProtocolCombo", protocol)
    select_provider(window, DEMO)
    assert find(window, QLineEdit, "incomingHostEdit").text() == "127.0.0.1"  # the demo needs no name lookup
    assert find(window, QComboBox, "incomingMechanismCombo").currentData() == NATIVE
    account = run_account(qtbot, window)
    assert account.ok
    assert account.incoming.result.settings.protocol is Protocol(protocol)
    assert verdict(window) == "This account can receive and send mail."
    assert tab_text(window, Side.INCOMING) == f"\u2714 Receiving ({protocol.upper()})"
    select_provider(window, DEMO_FAIL)  # the wrong password fails on both sides
    account = run_account(qtbot, window)
    assert account.incoming.diagnosis.id == account.outgoing.diagnosis.id == "auth.credentials-rejected"
    assert verdict(window) == f"Receiving and sending: {REFUSED}."


def test_side_buttons_run_one_side_each(qtbot, window):
    select_provider(window, DEMO)
    out_started = []
    window.controller.runStarted.connect(out_started.append)
    account = run_account(qtbot, window, "incomingTestButton")
    assert account.incoming.result.ok and account.outgoing is None
    assert out_started == []
    assert window.panes[Side.OUTGOING].state is SideState.IDLE  # untouched, not even "not tested"
    assert verdict(window) == "Receiving works. Sending was not tested."
    assert window.tabs.currentWidget() is window.panes[Side.INCOMING]
    in_started = []
    window.incoming_controller.runStarted.connect(in_started.append)
    account = run_account(qtbot, window, "outgoingTestButton")
    assert in_started == []
    # the receiving side keeps its result; the verdict covers both
    assert account.incoming.result.ok and account.outgoing.result.ok
    assert verdict(window) == "This account can receive and send mail."
    assert window.tabs.currentWidget() is window.panes[Side.OUTGOING]
    assert "Incoming server" in panel_text(window)
    separate(window)  # receiving again, with a wrong password of its own
    find(window, QLineEdit, "incomingPasswordEdit").setText("wrong-password")
    account = run_account(qtbot, window, "incomingTestButton")
    assert not account.incoming.result.ok and account.outgoing.result.ok
    assert verdict(window) == f"Sending works. Receiving: {REFUSED}."
    assert "Incoming server" not in panel_text(window)  # the settings to use: only what works


def test_buttons_follow_what_is_filled_in(qtbot, window):
    test, test_in, test_out = (find(window, QAbstractButton, n)
                               for n in ("testButton", "incomingTestButton", "outgoingTestButton"))
    find(window, QLineEdit, "userEdit").setText("me@example.com")
    find(window, QLineEdit, "passwordEdit").setText("pw")
    assert not test.isEnabled() and not test_in.isEnabled() and not test_out.isEnabled()
    find(window, QLineEdit, "incomingHostEdit").setText("imap.example.com")
    assert test.isEnabled() and test_in.isEnabled() and not test_out.isEnabled()
    find(window, QLineEdit, "hostEdit").setText("smtp://smtp.example.com")
    assert not test.isEnabled() and test_in.isEnabled() and not test_out.isEnabled()
    assert "without a prefix" in find(window, QLabel, "hostError").text()
    find(window, QLineEdit, "hostEdit").setText("smtp.example.com")
    assert test.isEnabled() and test_in.isEnabled() and test_out.isEnabled()


@pytest.mark.parametrize(("value", "message"), [
    ("imap://mail.example.com", "without a prefix"), ("mail example.com", "spaces")])
def test_incoming_validation_beside_its_field(qtbot, window, value, message):
    find(window, QLineEdit, "userEdit").setText("me@example.com")
    find(window, QLineEdit, "passwordEdit").setText("pw")
    find(window, QLineEdit, "hostEdit").setText("smtp.example.com")
    find(window, QLineEdit, "incomingHostEdit").setText(value)
    label = find(window, QLabel, "incomingHostError")
    assert label.isVisible() and message in label.text()
    assert not find(window, QAbstractButton, "testButton").isEnabled()
    assert not find(window, QAbstractButton, "incomingTestButton").isEnabled()
    assert find(window, QAbstractButton, "outgoingTestButton").isEnabled()
    find(window, QAbstractSpinBox, "incomingPortSpin").setValue(0)
    find(window, QLineEdit, "incomingHostEdit").setText("imap.example.com")
    assert "1 to 65535" in find(window, QLabel, "incomingPortError").text()


def test_separate_credentials_are_checked_beside_their_fields(qtbot, window):
    find(window, QLineEdit, "userEdit").setText("me@example.com")
    find(window, QLineEdit, "passwordEdit").setText("pw")
    find(window, QLineEdit, "hostEdit").setText("smtp.example.com")
    find(window, QLineEdit, "incomingHostEdit").setText("imap.example.com")
    separate(window)
    find(window, QLineEdit, "incomingPasswordEdit").clear()
    label = find(window, QLabel, "incomingPasswordError")
    assert label.isVisible() and "Enter the password" in label.text()
    assert find(window, QAbstractButton, "outgoingTestButton").isEnabled()
    assert not find(window, QAbstractButton, "incomingTestButton").isEnabled()
    assert not find(window, QAbstractButton, "testButton").isEnabled()
    find(window, QLineEdit, "userEdit").setText(" relay-user")
    assert "space" in find(window, QLabel, "userError").text()
    assert not find(window, QAbstractButton, "outgoingTestButton").isEnabled()


def test_one_shared_password_cannot_be_a_token_on_one_side_only(qtbot, window):
    find(window, QLineEdit, "userEdit").setText("me@example.com")
    find(window, QLineEdit, "passwordEdit").setText("secret")
    find(window, QLineEdit, "hostEdit").setText("smtp.example.com")
    find(window, QLineEdit, "incomingHostEdit").setText("imap.example.com")
    choose(window, "mechanismCombo", "token")
    assert "OAuth2" in find(window, QLabel, "mechanismError").text()
    assert not find(window, QAbstractButton, "testButton").isEnabled()
    assert find(window, QAbstractButton, "outgoingTestButton").isEnabled()
    choose(window, "incomingMechanismCombo", "token")  # a token for both: fine
    assert not find(window, QLabel, "mechanismError").isVisible()
    assert find(window, QAbstractButton, "testButton").isEnabled()
    state = window.form.state()
    assert state.incoming.credentials.token is not None and state.settings.credentials.token is not None


def test_separating_moves_the_fields_and_keeps_what_was_typed(qtbot, window):
    form = window.form
    find(window, QLineEdit, "userEdit").setText("me@example.com")
    find(window, QLineEdit, "passwordEdit").setText("shared")
    outgoing_group = find(window, QWidget, "outgoingGroup")
    assert not outgoing_group.isAncestorOf(form.user_edit)
    separate(window)
    # userEdit and passwordEdit stay the outgoing side's, now in its group
    assert outgoing_group.isAncestorOf(form.user_edit) and outgoing_group.isAncestorOf(form.password_edit)
    assert form.user_edit.isVisible() and form.incoming_user_edit.isVisible()
    assert not outgoing_group.isAncestorOf(form.incoming_user_edit)
    form.user_edit.setText("relay-user")
    form.password_edit.setText("relay-secret")
    form.incoming_host_edit.setText("imap.example.com")
    form.host_edit.setText("smtp.example.com")
    state = form.state()
    assert state.incoming.credentials.user == "me@example.com"
    assert state.incoming.credentials.password.reveal() == "shared"
    assert state.settings.credentials.user == "relay-user"
    assert state.settings.credentials.password.reveal() == "relay-secret"
    separate(window, False)  # one pair again: the top rows' values
    assert not outgoing_group.isAncestorOf(form.user_edit)
    assert form.user_edit.text() == "me@example.com" and form.password_edit.text() == "shared"
    assert not form.incoming_user_edit.isVisible()
    state = form.state()
    assert state.incoming.credentials.user == state.settings.credentials.user == "me@example.com"


def test_incoming_port_follows_protocol_and_security(qtbot, window):
    port = find(window, QAbstractSpinBox, "incomingPortSpin")
    assert port.value() == 993
    choose(window, "incomingSecurityCombo", "starttls")
    assert port.value() == 143
    choose(window, "incomingProtocolCombo", "pop3")
    assert port.value() == 110
    choose(window, "incomingSecurityCombo", "tls")
    assert port.value() == 995
    port.lineEdit().selectAll()
    qtbot.keyClicks(port, "1995")
    choose(window, "incomingProtocolCombo", "imap")
    assert port.value() == 1995  # typed by the user: kept
    assert tab_text(window, Side.INCOMING) == "Receiving (IMAP)"


def test_provider_preset_fills_both_sides_without_running(qtbot, window):
    select_provider(window, "gmail")
    form = window.form
    assert (form.incoming_protocol.value, form.incoming_host_edit.text(), form.incoming_port_spin.value(),
            form.incoming_security.value) == ("imap", "imap.gmail.com", 993, "tls")
    assert (form.host_edit.text(), form.port_spin.value(), form.security.value) == ("smtp.gmail.com", 587, "starttls")
    assert not window.account.running
    assert all(p.state is SideState.IDLE for p in window.panes.values())
    choose(window, "incomingProtocolCombo", "pop3")  # the provider's POP3 server
    assert (form.incoming_host_edit.text(), form.incoming_port_spin.value()) == ("pop.gmail.com", 995)
    select_provider(window, "icloud")  # no POP3 at iCloud: its IMAP server
    assert (form.incoming_protocol.value, form.incoming_host_edit.text()) == ("imap", "imap.mail.me.com")
    assert form.host_edit.text() == "smtp.mail.me.com"
    select_provider(window, "sendgrid")  # a sending service: nothing to receive from
    assert form.incoming_host_edit.text() == "" and form.host_edit.text() == "smtp.sendgrid.net"
    assert not window.account.running


def test_typed_address_offers_both_servers(qtbot, window):
    find(window, QLineEdit, "userEdit").setText("someone@gmail.com")
    find(window, QAbstractButton, "useProviderButton").click()
    assert find(window, QLineEdit, "incomingHostEdit").text() == "imap.gmail.com"
    assert find(window, QLineEdit, "hostEdit").text() == "smtp.gmail.com"


@pytest.mark.postfix
def test_saved_account_keeps_both_sides(qtbot, window, postfix, memory_keyring, settings_file):
    user, password = postfix.user(1)
    relay_user, relay_password = postfix.user(0)
    fill(window, postfix.host, postfix.submissions, "tls", user, password, ca_file=postfix.ca_file)
    separate(window)
    find(window, QLineEdit, "userEdit").setText(relay_user)  # the outgoing side's own
    find(window, QLineEdit, "passwordEdit").setText(relay_password)
    fill_incoming(window, "pop3", postfix.mail_host, postfix.pop3s, "tls", mechanism=NATIVE)
    find(window, QAbstractButton, "rememberCheck").setChecked(True)
    account = run_account(qtbot, window)
    assert account.ok
    qtbot.waitUntil(lambda: len(memory_keyring.items) == 2, timeout=KEYCHAIN_WAIT)
    assert sorted(memory_keyring.items.values()) == sorted([password, relay_password])
    stored = settings_file.read_bytes()
    assert password.encode() not in stored and relay_password.encode() not in stored
    window.close()
    w2 = create_window(QSettings(str(settings_file), QSettings.Format.IniFormat), Keychain())
    qtbot.addWidget(w2)
    combo = find(w2, QComboBox, "accountCombo")
    assert combo.count() == 2
    assert postfix.mail_host in combo.itemText(1) and postfix.host in combo.itemText(1)
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    f = w2.form
    assert f.separate
    assert (f.incoming_protocol.value, f.incoming_host_edit.text(), f.incoming_port_spin.value(),
            f.incoming_security.value, f.incoming_mechanism_combo.currentData(), f.incoming_user_edit.text()) == \
        ("pop3", postfix.mail_host, postfix.pop3s, "tls", NATIVE, user)
    assert (f.host_edit.text(), f.port_spin.value(), f.security.value, f.user_edit.text()) == \
        (postfix.host, postfix.submissions, "tls", relay_user)
    qtbot.waitUntil(lambda: f.password_edit.text() == relay_password and f.incoming_password_edit.text() == password,
                    timeout=KEYCHAIN_WAIT)
    assert find(w2, QLineEdit, "caFileEdit").text() == str(postfix.ca_file)  # the Advanced settings too
    account = run_account(qtbot, w2)  # and it still works
    assert account.ok
    find(w2, QAbstractButton, "forgetAccountButton").click()
    qtbot.waitUntil(lambda: not memory_keyring.items, timeout=KEYCHAIN_WAIT)
    w2.close()


def test_an_account_saved_before_the_incoming_side_still_loads(qtbot, qloop, memory_keyring, settings_file):
    old = QSettings(str(settings_file), QSettings.Format.IniFormat)
    old.beginGroup("accounts/me@example.com@smtp.example.com:587")
    for key, value in (("user", "me@example.com"), ("host", "smtp.example.com"), ("port", 587),
                       ("security", "starttls"), ("mechanism", "LOGIN")):
        old.setValue(key, value)
    old.endGroup()
    old.sync()
    memory_keyring.items[("Mail Account Tester", "me@example.com@smtp.example.com:587")] = "old-secret"
    w = create_window(QSettings(str(settings_file), QSettings.Format.IniFormat), Keychain())
    qtbot.addWidget(w)
    combo = find(w, QComboBox, "accountCombo")
    assert combo.itemText(1) == "me@example.com \u2014 smtp.example.com:587"
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    f = w.form
    assert (f.host_edit.text(), f.port_spin.value(), f.mechanism_combo.currentData()) == \
        ("smtp.example.com", 587, "LOGIN")
    assert f.incoming_host_edit.text() == "" and not f.separate
    qtbot.waitUntil(lambda: f.password_edit.text() == "old-secret", timeout=KEYCHAIN_WAIT)
    assert f.state().incoming is None  # only sending is tested
    w.close()


def test_trusting_a_certificate_is_per_side(qtbot, window, monkeypatch, serve):
    from PySide6.QtWidgets import QMessageBox

    from mailtester.driver.demo import DemoServer

    server = serve(DemoServer(Protocol.IMAP))  # its certificate is trusted only with the demo CA
    find(window, QLineEdit, "userEdit").setText("demo@example.test")
    find(window, QLineEdit, "passwordEdit").setText("demo-password")
    fill_incoming(window, "imap", "localhost", server.port, "starttls")
    account = run_account(qtbot, window, "incomingTestButton")
    assert account.incoming.diagnosis.id == "tls.certificate-untrusted"
    assert find(window, QWidget, "certificateBox").isHidden()  # the sending side's: nothing to trust
    trust = find(window, QAbstractButton, "incomingTrustButton")
    assert trust.isVisible()
    assert "SHA-256" in find(window, QLabel, "incomingCertificateLabel").text()
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    trust.click()
    assert window.store.trusted("localhost", server.port)
    account = run_account(qtbot, window, "incomingTestButton")
    assert account.incoming.result.ok and account.incoming.result.settings.pinned_sha256
    find(window, QAbstractButton, "incomingForgetTrustButton").click()
    assert window.store.trusted("localhost", server.port) is None


def test_reports_cover_both_sides(qtbot, window, tmp_path):
    from mailtester.qt.views.window import write_reports

    select_provider(window, DEMO_FAIL)
    run_account(qtbot, window)
    find(window, QAbstractButton, "copyReportButton").click()
    text = QApplication.clipboard().text()
    assert text.count("# Mail Account Tester report") == 2
    assert "| Protocol | IMAP |" in text and "| Protocol | SMTP |" in text
    assert "not-the-demo-password" not in text
    write_reports(window.reports(), str(tmp_path / "r.html"))
    page = (tmp_path / "r.html").read_text()
    assert page.count("<html") == 1 and page.count("</html>") == 1 and page.count("<h1>") == 2


def test_a_suggestion_is_retried_on_its_own_side(qtbot, window):
    select_provider(window, DEMO_FAIL)
    run_account(qtbot, window)
    show_tab(window, Side.INCOMING)
    button = find(window, QAbstractButton, "incomingRetryButton0")
    assert button.isVisible()
    out_started = []
    window.controller.runStarted.connect(out_started.append)
    with qtbot.waitSignal(window.account.roundFinished, timeout=20000) as blocker:
        button.click()
    assert blocker.args[0].incoming.result.settings.credentials.user == "demo"
    assert out_started == []


def test_escape_cancels_both_sides(qtbot, window, serve):
    from PySide6.QtCore import Qt

    from tests.servers.scripted import ScriptedServer

    from .test_window import _silent

    server = serve(ScriptedServer(_silent))
    fill(window, "127.0.0.1", server.port, "tls", "u@example.test", "pw")
    fill_incoming(window, "imap", "127.0.0.1", server.port, "tls")
    with qtbot.waitSignal(window.account.roundCancelled, timeout=20000):
        find(window, QAbstractButton, "testButton").click()
        qtbot.waitUntil(lambda: all(p.model.rowCount() for p in window.panes.values()))
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.account.running)
    assert verdict(window).startswith("Cancelled after ")
    assert all(p.state is SideState.CANCELLED for p in window.panes.values())
    assert find(window, QAbstractButton, "testButton").text().replace("&", "") == "Test account"


def test_keyboard_order_form_then_buttons_then_results(qtbot, window):
    from PySide6.QtCore import Qt

    select_provider(window, DEMO)
    run_account(qtbot, window)  # every button enabled
    select_provider(window, "")  # and every server field
    for on in (False, True):
        separate(window, on)
        window.account_combo.setFocus()
        seen = []
        for _ in range(80):
            w = QApplication.focusWidget()
            name = w.objectName() if w is not None else ""
            if name in seen:
                break
            seen.append(name)
            qtbot.keyClick(w, Qt.Key.Key_Tab)
        form = [n for n in ("accountCombo", "providerCombo", "userEdit", "passwordEdit", "separateOutgoingCheck",
                            "incomingProtocolCombo", "incomingHostEdit", "incomingSecurityCombo",
                            "incomingMechanismCombo", "hostEdit", "securityCombo", "mechanismCombo", "rememberCheck")]
        buttons = ["incomingTestButton", "outgoingTestButton", "testButton"]
        results = ["resultsTabs", "incomingShowRawCheck", "incomingTimelineView", "incomingVerdictLabel",
                   "incomingDetailsLabel", "copyReportButton", "saveReportButton"]
        if on:  # the incoming side's own fields on top; userEdit and passwordEdit in the outgoing group
            form[2:4] = ["incomingUserEdit", "incomingPasswordEdit"]
            form[-1:-1] = ["userEdit", "passwordEdit"]
        wanted = form + buttons + results
        got = [n for n in seen if n in wanted or n == "qt_tabwidget_tabbar"]
        got = ["resultsTabs" if n == "qt_tabwidget_tabbar" else n for n in got]
        assert got == wanted, seen


@pytest.mark.postfix
def test_saved_account_keeps_what_the_test_used(qtbot, window, postfix, memory_keyring, settings_file, questions):
    """Remember keeps the settings the run used (Advanced ones too), not the form as it
    reads afterwards; the form cannot change during the run; the account is chosen at
    the next start; forgetting asks first."""
    import socket

    from PySide6.QtWidgets import QMessageBox

    user, password = postfix.user(1)
    fill(window, postfix.host, postfix.submissions, "tls", user, password, ca_file=postfix.ca_file)
    f = window.form
    f.family_combo.setCurrentIndex(f.family_combo.findData(socket.AF_INET))
    f.timeout_spin.setValue(17)
    f.allow_plaintext_check.setChecked(True)
    find(window, QAbstractButton, "rememberCheck").setChecked(True)
    with qtbot.waitSignal(window.account.roundFinished, timeout=30000) as blocker:
        window.test_button.click()
        # while it runs, the form is read-only: typing goes nowhere
        assert window.account.running
        assert not f.isEnabled() and not f.password_edit.isEnabled() and not f.host_edit.isEnabled()
        assert not find(window, QComboBox, "accountCombo").isEnabled()
        qtbot.keyClicks(f.password_edit, "typed-during-the-run")
        assert f.password_edit.text() == password
    assert blocker.args[0].ok
    assert f.isEnabled() and f.password_edit.isEnabled()
    # edits after the run are not what was tested: Remember keeps the run's settings
    f.password_edit.setText("changed after the test")
    f.timeout_spin.setValue(5)
    qtbot.waitUntil(lambda: bool(memory_keyring.items), timeout=KEYCHAIN_WAIT)
    assert list(memory_keyring.items.values()) == [password]
    window.close()
    w2 = create_window(QSettings(str(settings_file), QSettings.Format.IniFormat), Keychain())
    qtbot.addWidget(w2)
    combo = find(w2, QComboBox, "accountCombo")
    assert combo.currentIndex() == 1  # the last-used account, chosen at start
    g = w2.form
    assert (g.host_edit.text(), g.port_spin.value(), g.security.value, g.user_edit.text()) == \
        (postfix.host, postfix.submissions, "tls", user)
    assert g.ca_file_edit.text() == str(postfix.ca_file)
    assert g.family_combo.currentData() == socket.AF_INET
    assert g.timeout_spin.value() == 17
    assert g.allow_plaintext_check.isChecked()
    assert g.advanced_button.isChecked()
    qtbot.waitUntil(lambda: g.password_edit.text() == password, timeout=KEYCHAIN_WAIT)
    assert run_account(qtbot, w2).ok  # the saved account works as saved: the CA file came along
    # forgetting asks first; No keeps it
    questions.answer = QMessageBox.StandardButton.Cancel
    find(w2, QAbstractButton, "forgetAccountButton").click()
    assert len(questions) == 1 and user in questions[0][1]
    assert combo.count() == 2 and memory_keyring.items
    questions.answer = QMessageBox.StandardButton.Yes
    find(w2, QAbstractButton, "forgetAccountButton").click()
    assert combo.count() == 1
    qtbot.waitUntil(lambda: not memory_keyring.items, timeout=KEYCHAIN_WAIT)
    assert w2.store.last_used() == ""
    w2.close()
