"""What the window makes of a report: suggestions as one-click fixes on their own
side, warnings on a success, the server's words as a quoted detail, texts that
name the window's controls (never command flags), and server text shown
neutral wherever a person reads it."""

from __future__ import annotations

import ssl
from dataclasses import replace

import pytest
import trustme
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from mailtester.knowledge.diagnose import Suggestion
from mailtester.qt.controllers.check import SIDES, Side
from mailtester.qt.neutral import rich
from mailtester.qt.views.diagnosis import mark_color
from mailtester.qt.views.form import DEMO_FAIL
from tests.servers.scripted import Conn, ScriptedServer

from .test_account import fill_incoming, separate, tab_text, verdict
from .test_window import fill, find, panel_text, run, run_account, select_provider, show_tab

OTHER = {Side.INCOMING: Side.OUTGOING, Side.OUTGOING: Side.INCOMING}


def prefix(side):
    return "incoming" if side is Side.INCOMING else ""


def name(side, base):
    return prefix(side) + base[0].upper() + base[1:] if side is Side.INCOMING else base


def side_fields(window, side):
    """The server fields of a side, as (security, port)."""
    form = window.form
    return form.security_combo_for(side).currentData(), form.port_spin_for(side).value()


def fill_side(window, postfix, side, protocol, port_name, security):
    port = getattr(postfix, port_name)
    if side is Side.OUTGOING:
        find(window, QLineEdit, "hostEdit").setText(postfix.host)
        sec = find(window, QComboBox, "securityCombo")
        sec.setCurrentIndex(sec.findData(security))
        find(window, QAbstractSpinBox, "portSpin").setValue(port)
    else:
        fill_incoming(window, protocol, postfix.mail_host, port, security)


def diagnosis_texts(window, side):
    """The diagnosis as the panel shows it, as a person reads it (rich text rendered)."""
    texts = []
    for base in ("verdictLabel", "explanationLabel", "detailsLabel", "warningsLabel"):
        label = find(window, QLabel, name(side, base))
        if label.isVisibleTo(label.parentWidget()):
            texts.append(rendered(label))
    return "\n".join(texts)


def rendered(label: QLabel) -> str:
    if label.textFormat() == Qt.TextFormat.PlainText:
        return label.text()
    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText()


# -- suggestions: one click changes that field on that side, and tests that side again --------------

MODE_CASES = {  # the side, its protocol, the fixture's port, the security chosen, the one suggested
    "smtp-starttls-on-implicit-tls": (Side.OUTGOING, "smtp", "submissions", "starttls", "tls"),
    "imap-starttls-on-implicit-tls": (Side.INCOMING, "imap", "imaps", "starttls", "tls"),
    "pop3-starttls-on-implicit-tls": (Side.INCOMING, "pop3", "pop3s", "starttls", "tls"),
    "smtp-ssl-on-starttls": (Side.OUTGOING, "smtp", "submission", "tls", "starttls"),
    "imap-ssl-on-starttls": (Side.INCOMING, "imap", "imap", "tls", "starttls"),
    "pop3-ssl-on-starttls": (Side.INCOMING, "pop3", "pop3", "tls", "starttls"),
}
WORKING = {Side.OUTGOING: ("smtp", "submission", "starttls"), Side.INCOMING: ("imap", "imaps", "tls")}
LABELS = {"tls": "Use SSL/TLS on port {port}", "starttls": "Use STARTTLS on port {port}"}


@pytest.mark.postfix
@pytest.mark.parametrize("case", sorted(MODE_CASES))
def test_a_security_mismatch_is_fixed_by_its_button(qtbot, window, postfix, case):
    side, protocol, port_name, chosen, suggested = MODE_CASES[case]
    port = getattr(postfix, port_name)
    user, password = postfix.user(0)
    find(window, QLineEdit, "userEdit").setText(user)
    find(window, QLineEdit, "passwordEdit").setText(password)
    find(window, QLineEdit, "caFileEdit").setText(str(postfix.ca_file))
    fill_side(window, postfix, side, protocol, port_name, chosen)
    fill_side(window, postfix, OTHER[side], *WORKING[OTHER[side]])
    account = run_account(qtbot, window)
    report = account.of(side)
    assert report.diagnosis is not None and report.diagnosis.id == "tls.mode-mismatch", report.diagnosis
    assert account.of(OTHER[side]).result.ok
    assert window.tabs.currentWidget() is window.panes[side]  # what needs fixing is in front
    button = find(window, QAbstractButton, name(side, "retryButton0"))
    assert button.isVisible()
    assert button.text() == LABELS[suggested].format(port=port)
    assert "lockout" in button.toolTip()
    # Nothing is tried before the person asks.
    assert not window.account.running
    assert side_fields(window, side) == (chosen, port)
    other_before = side_fields(window, OTHER[side])
    started = []
    window.account.sideStarted.connect(lambda s, _settings: started.append(s))
    with qtbot.waitSignal(window.account.roundFinished, timeout=30000) as blocker:
        button.click()
    assert started == [side]  # that side only
    assert side_fields(window, side) == (suggested, port)  # the security changed, the port kept
    assert side_fields(window, OTHER[side]) == other_before
    again = blocker.args[0]
    assert again.of(side).result.ok, again.of(side).diagnosis
    assert again.of(side).result.settings.security.value == suggested
    assert again.of(side).result.settings.effective_port == port
    assert again.of(OTHER[side]) is account.of(OTHER[side])  # kept from the first round
    assert verdict(window) == "This account can receive and send mail."


def _failed_reports(qtbot, window):
    """A refused report of each side (the demo's wrong password), then the form's own fields again."""
    select_provider(window, DEMO_FAIL)
    account = run_account(qtbot, window)
    select_provider(window, "")
    form = window.form
    form.host_edit.setText("smtp.example.com")
    form.incoming_host_edit.setText("imap.example.com")
    for side, security, port in ((Side.OUTGOING, "starttls", 587), (Side.INCOMING, "tls", 993)):
        combo = form.security_combo_for(side)
        combo.setCurrentIndex(combo.findData(security))
        form.port_spin_for(side).setValue(port)
    return account


def _fields(window):
    form = window.form
    return {side: (form.security_combo_for(side).currentData(), form.port_spin_for(side).value(),
                   form.user_edit_for(side).text(), form.mechanism_combo_for(side).currentData()) for side in SIDES}


SUGGESTIONS = {  # a suggestion, and the fields of its side after it: security, port, user, method
    "security": (Suggestion("security", "tls", "Use SSL/TLS on port 2465", 2465), ("tls", 2465, None, None)),
    "port": (Suggestion("port", "2525", "Use port 2525"), (None, 2525, None, None)),
    "user": (Suggestion("user", "someone-else", "Try the user name someone-else"), (None, None, "someone-else", None)),
    "mechanism": (Suggestion("mechanism", "LOGIN", "Try the LOGIN method"), (None, None, None, "LOGIN")),
}


@pytest.mark.parametrize("kind", sorted(SUGGESTIONS))
@pytest.mark.parametrize("side", SIDES, ids=lambda s: s.value)
def test_each_suggestion_changes_exactly_its_field_on_its_side(qtbot, window, monkeypatch, kind, side):
    account = _failed_reports(qtbot, window)
    separate(window)  # each side its own user name: the user suggestion must change only this side's
    ran = []
    monkeypatch.setattr(window, "run_sides", lambda sides, whole: ran.append((sides, whole)))
    suggestion, wanted = SUGGESTIONS[kind]
    report = account.of(side)
    report = replace(report, diagnosis=replace(report.diagnosis, suggestions=(suggestion,)))
    window.panes[side].panel.show_report(report)
    before = _fields(window)
    show_tab(window, side)
    button = find(window, QAbstractButton, name(side, "retryButton0"))
    assert button.isVisible() and button.text() == suggestion.label
    assert ran == []  # shown, not tried
    button.click()
    assert ran == [([side], False)]  # tried once, that side only, as the person asked
    after = _fields(window)
    assert after[OTHER[side]] == before[OTHER[side]]
    assert after[side] == tuple(b if w is None else w for b, w in zip(before[side], wanted, strict=True))


def test_a_suggestion_label_shows_literally(qtbot, window):
    account = _failed_reports(qtbot, window)
    report = account.outgoing
    label = "Try the user name a&b<i>x</i>\u202e"
    report = replace(report, diagnosis=replace(report.diagnosis, suggestions=(Suggestion("user", "a&b", label),)))
    window.panes[Side.OUTGOING].panel.show_report(report)
    button = find(window, QAbstractButton, "retryButton0")
    assert button.text() == "Try the user name a&&b<i>x</i><U+202E>"  # & is no mnemonic
    assert button.accessibleName() == "Try the user name a&b<i>x</i><U+202E>"


# -- warnings on a success -------------------------------------------------------------------------

@pytest.mark.postfix
def test_an_unencrypted_success_shows_a_warning(qtbot, window, postfix):
    user, password = postfix.user(0)
    fill(window, postfix.host, postfix.plain, "none", user, password)
    find(window, QAbstractButton, "allowPlaintextCheck").setChecked(True)
    account = run_account(qtbot, window)
    report = account.outgoing
    assert report.result.ok and [w.id for w in report.warnings] == ["security.plaintext-auth"]
    (warning,) = report.warnings
    label = find(window, QLabel, "verdictLabel")
    assert "\u26a0" in label.text() and "\u2714" not in label.text()  # not the plain success
    assert mark_color("warned", window) in label.text()  # amber
    assert rendered(label).startswith("\u26a0 This account can log in and send, with a warning.")
    warnings = find(window, QLabel, "warningsLabel")
    assert warnings.isVisibleTo(window.panel)
    assert rich(warning.text) in warnings.text()
    assert warning.text in window.panel.accessibleDescription()
    assert "Use these settings" in panel_text(window)  # still the settings that work
    # the account's verdict and the tab say so too
    assert verdict(window) == ("Sending works. Receiving was not tested. "
                               "Warning about sending: the password crossed the network unencrypted.")
    account_label = find(window, QLabel, "accountVerdictLabel")
    assert "\u26a0" in account_label.text() and "\u2714" not in account_label.text()
    assert tab_text(window, Side.OUTGOING) == "\u26a0 Sending (SMTP)"
    index = window.tabs.indexOf(window.panes[Side.OUTGOING])
    assert window.tabs.tabToolTip(index) == "Sending (SMTP): works, with a warning"
    assert window.tabs.tabBar().tabTextColor(index).name() == mark_color("warned", window)


def test_a_pinned_success_shows_its_warning(qtbot, window, monkeypatch, serve):
    from mailtester.driver.demo import DemoServer

    server = serve(DemoServer())  # its certificate is trusted only with the demo CA
    fill(window, "localhost", server.port, "starttls", "demo@example.test", "demo-password", "LOGIN")
    assert run(qtbot, window).diagnosis.id == "tls.certificate-untrusted"
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    find(window, QAbstractButton, "trustButton").click()
    report = run(qtbot, window)
    assert report.result.ok and [w.id for w in report.warnings] == ["tls.pinned-certificate"]
    assert "\u26a0" in find(window, QLabel, "verdictLabel").text()
    assert rich(report.warnings[0].text) in find(window, QLabel, "warningsLabel").text()
    assert verdict(window).endswith("Warning about sending: it works only with the certificate you trusted.")
    assert find(window, QAbstractButton, "forgetTrustButton").isVisible()


def test_a_success_without_warnings_is_the_plain_success(qtbot, window):
    from mailtester.qt.views.form import DEMO

    select_provider(window, DEMO)
    account = run_account(qtbot, window)
    assert account.ok and not account.outgoing.warnings and not account.incoming.warnings
    for side in SIDES:
        assert "\u2714" in find(window, QLabel, name(side, "verdictLabel")).text()
        assert not find(window, QLabel, name(side, "warningsLabel")).isVisibleTo(window.panes[side].panel)
        assert tab_text(window, side).startswith("\u2714")
    assert verdict(window) == "This account can receive and send mail."


# -- the server's words, as a detail -----------------------------------------------------------------

@pytest.mark.postfix
@pytest.mark.parametrize("side", SIDES, ids=lambda s: s.value)
def test_a_refusal_quotes_the_server_in_the_details(qtbot, window, postfix, side):
    user, _ = postfix.user(0)
    fill(window, postfix.host, postfix.submission, "starttls", user, "wrong-password", ca_file=postfix.ca_file)
    if side is Side.INCOMING:
        fill_incoming(window, "imap", postfix.mail_host, postfix.imaps, "tls")
    d = run_account(qtbot, window).of(side).diagnosis
    assert d.id == "auth.credentials-rejected" and d.server_said
    details = find(window, QLabel, name(side, "detailsLabel"))
    text = details.text()
    assert "The server said:" in text and "<blockquote>" in text
    for line in d.server_said:
        assert rich(line) in text
    # the id: out from under the headline, small, at the end of the details
    assert d.id not in find(window, QLabel, name(side, "verdictLabel")).text()
    assert text.endswith(f"<p><small>{d.id}</small></p>")
    assert text.index("The server said:") < text.index(d.id)
    # never pasted into a sentence
    for line in d.server_said:
        assert line not in find(window, QLabel, name(side, "explanationLabel")).text()
        assert line not in rendered(find(window, QLabel, name(side, "verdictLabel")))


# -- texts that name the window's controls ---------------------------------------------------------

NO_FLAG_CASES = {  # the side, its protocol, the fixture's port, its security, the CA file given, the diagnosis
    "smtp-plaintext-refused": (Side.OUTGOING, "smtp", "plain", "none", True, "auth.plaintext-refused"),
    "imap-plaintext-refused": (Side.INCOMING, "imap", "imap_plain", "none", True, "auth.plaintext-refused"),
    "smtp-certificate-untrusted": (Side.OUTGOING, "smtp", "submission", "starttls", False,
                                   "tls.certificate-untrusted"),
    "imap-certificate-untrusted": (Side.INCOMING, "imap", "imaps", "tls", False, "tls.certificate-untrusted"),
}


@pytest.mark.postfix
@pytest.mark.parametrize("case", sorted(NO_FLAG_CASES))
def test_diagnoses_name_the_windows_controls_not_flags(qtbot, window, postfix, case):
    side, protocol, port_name, security, with_ca, did = NO_FLAG_CASES[case]
    user, password = postfix.user(0)
    find(window, QLineEdit, "userEdit").setText(user)
    find(window, QLineEdit, "passwordEdit").setText(password)
    if with_ca:
        find(window, QLineEdit, "caFileEdit").setText(str(postfix.ca_file))
    if side is Side.OUTGOING:
        fill_side(window, postfix, side, protocol, port_name, security)
    else:  # imap_plain listens on the host, not the mail host
        host = postfix.host if port_name == "imap_plain" else postfix.mail_host
        fill_incoming(window, protocol, host, getattr(postfix, port_name), security)
    report = run_account(qtbot, window).of(side)
    assert report.diagnosis.id == did
    shown = diagnosis_texts(window, side)
    assert "--" not in shown, shown
    # the control to use, named as the window names it (the plaintext consent sits under Security)
    assert ("Send it unencrypted" if "plaintext" in case else "Advanced \u2192") in shown
    assert "--" not in verdict(window)


# -- server text: neutral everywhere a person reads it --------------------------------------------

EVIL = "\x1b[2J\x1b[31m<b>html</b>\u202e"
EVIL_CN = "evil\x1b[2J\u202eexe.gpj"


def _hostile_tls() -> ssl.SSLContext:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    trustme.CA().issue_cert("localhost", "127.0.0.1", common_name=EVIL_CN).configure_cert(ctx)
    return ctx


async def _hostile(c: Conn) -> None:
    await c.greet_ehlo("AUTH PLAIN LOGIN", greeting=f"220 {EVIL} ESMTP\r\n")
    await c.expect("AUTH", f"535 5.7.8 {EVIL} refused\r\n")
    await c.rest()


def everything_read(window) -> list[str]:
    """Every text of the window a person reads or hears: labels, buttons, tooltips,
    accessible names and descriptions, tabs, the timelines in every role shown."""
    texts = []
    for w in window.findChildren(QWidget):
        texts += [w.toolTip(), w.accessibleName(), w.accessibleDescription(), w.windowTitle(), w.statusTip()]
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
    for i in range(window.tabs.count()):
        texts += [window.tabs.tabText(i), window.tabs.tabToolTip(i)]
    for pane in window.panes.values():
        m = pane.model
        for row in range(m.rowCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                         Qt.ItemDataRole.AccessibleTextRole):
                texts.append(str(m.data(m.index(row), role)))
    texts.append(window.statusBar().currentMessage())
    return texts


def assert_neutral(texts):
    for text in texts:
        assert "\x1b" not in text and "\u202e" not in text, repr(text)


def assert_markup_literal(window):
    """No rich-text label or tooltip takes the server's <b> for markup."""
    from PySide6.QtGui import Qt as QtGui

    for label in window.findChildren(QLabel):
        if label.textFormat() != Qt.TextFormat.PlainText:
            assert "<b>html</b>" not in label.text(), (label.objectName(), label.text())
    tips = [w.toolTip() for w in window.findChildren(QWidget)]
    for pane in window.panes.values():
        m = pane.model
        tips += [str(m.data(m.index(row), Qt.ItemDataRole.ToolTipRole)) for row in range(m.rowCount())]
    for tip in tips:
        if QtGui.mightBeRichText(tip):
            assert "<b>html</b>" not in tip, tip


def test_server_text_is_neutral_everywhere_a_person_reads_it(qtbot, window, serve, monkeypatch):
    server = serve(ScriptedServer(_hostile, _hostile_tls()))
    fill(window, "127.0.0.1", server.port, "tls", "u@example.test", "pw", "PLAIN")
    first = run(qtbot, window)
    assert first.diagnosis.id == "tls.certificate-untrusted"
    cert = find(window, QLabel, "certificateLabel")
    assert cert.isVisible()
    assert "evil\u241b[2J&lt;U+202E&gt;exe.gpj" in cert.text()
    assert "evil\u241b[2J<U+202E>exe.gpj" in rendered(cert)  # what a person sees
    assert_neutral(everything_read(window))
    assert_markup_literal(window)
    # the trust confirmation names the certificate, neutral too
    asked = []

    def warning(*args, **kwargs):
        asked.append(args)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "warning", warning)
    find(window, QAbstractButton, "trustButton").click()
    (args,) = asked
    title, text = args[1], args[2]
    assert_neutral([title, text])
    doc = QTextDocument()
    doc.setHtml(text)
    assert "evil\u241b[2J<U+202E>exe.gpj" in doc.toPlainText()
    # trusted: the login is tried, and refused in the server's hostile words
    second = run(qtbot, window)
    assert second.result.settings.pinned_sha256
    assert second.diagnosis.id == "auth.credentials-rejected"
    assert any("<b>html</b>" in line for line in second.diagnosis.server_said)
    details = find(window, QLabel, "detailsLabel")
    assert "&lt;b&gt;html&lt;/b&gt;" in details.text()
    assert "\u241b[2J\u241b[31m<b>html</b><U+202E> refused" in rendered(details)  # shown literally
    assert any("<b>html</b>" in line for line in (str(x) for x in _timeline_display(window)))
    texts = everything_read(window)
    assert_neutral(texts)
    assert_markup_literal(window)
    find(window, QAbstractButton, "copyReportButton").click()
    assert_neutral([QApplication.clipboard().text()])
    find(window, QAbstractButton, "copyLinesButton").click()
    assert_neutral([QApplication.clipboard().text()])


def _timeline_display(window):
    m = window.panes[Side.OUTGOING].model
    return [m.data(m.index(row), Qt.ItemDataRole.DisplayRole) for row in range(m.rowCount())]
