"""The round trip in the window, against the suite's Postfix and Dovecot: offered after an account test
in which both sides worked, asked once, the result in words; rendered offscreen (en, tr)."""

from __future__ import annotations

import html
import json
import os
import shutil

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from mailtester.app import create_window
from mailtester.qt.controllers.accounts import Keychain
from mailtester.qt.views.window import write_reports
from tests.qt.test_account import fill_incoming
from tests.qt.test_window import fill, find, run_account
from tests.secret_search import find_secrets
from tests.servers.postfix import JUNK_USER

# Set to a folder (packaging/screenshots) to keep the renderings there too.
SHOTS = os.environ.get("MAILTESTER_ROUND_TRIP_SHOTS")


@pytest.fixture(params=["en", "tr"])
def window(request, qtbot, qloop, memory_keyring, settings_file):
    w = create_window(QSettings(str(settings_file), QSettings.Format.IniFormat), Keychain(), lang=request.param)
    qtbot.addWidget(w)
    w.resize(1100, 760)
    w.show()
    qtbot.waitExposed(w)
    yield w
    from mailtester.qt.i18n import install
    install("en")  # the language is process-wide: later tests expect the default


def test_send_a_test_message_after_the_account_test(qtbot, window, postfix, questions, tmp_path):
    user, password = postfix.user(0)
    box = window.round_trip
    assert not box.isVisible()
    fill(window, postfix.host, postfix.submission, "starttls", user, password, ca_file=postfix.ca_file)
    fill_incoming(window, "imap", postfix.mail_host, postfix.imaps, "tls")
    assert run_account(qtbot, window).ok
    button = find(window, QAbstractButton, "roundTripButton")
    assert box.isVisible() and button.isEnabled()
    window.form.advanced.findChild(type(window.form.timeout_spin), "roundTripWaitSpin").setValue(10)
    for attempt in (1, 2):
        box.last = None
        button.click()
        qtbot.waitUntil(lambda: box.last is not None, timeout=30000)
        assert box.last.ok and box.last.deleted and box.last.folder == "INBOX", (box.last.step, box.last.detail)
        assert len(questions) == 1, attempt  # asked the first time only
    assert user in questions[0][1]
    text = find(window, QLabel, "roundTripResult").accessibleName()
    words = ("arrived in", "in INBOX and was deleted", "2 hops") if window.lang == "en" else (
        "sn içinde INBOX klasörüne ulaştı ve silindi", "2 durak")
    for word in words:
        assert word in text, text
    assert window.settings.value("roundTrip/confirmed", False, type=bool)
    assert float(window.settings.value("roundTrip/wait")) == 10
    assert find_secrets(find(window, QLabel, "roundTripResult").text() + text, [password]) == []
    shoot(window, tmp_path / f"round-trip-{window.lang}.png")
    # The reports say it too, redacted; JSON in the account JSON's shape.
    window.copy_report_button.click()
    copied = QApplication.clipboard().text()
    assert f"## {'Round trip' if window.lang == 'en' else 'Gidiş-dönüş'}" in copied and words[0] in copied
    assert f"Message-ID: {html.escape(box.last.message_id)}" in copied  # Markdown shows <…> so
    write_reports(window.reports(), str(tmp_path / "r.json"), box)
    write_reports(window.reports(), str(tmp_path / "r.html"), box)
    data = json.loads((tmp_path / "r.json").read_text())
    assert data["round_trip"]["ok"] and data["round_trip"]["message_id"] == box.last.message_id
    assert data["outgoing"]["protocol"] == "smtp" and data["incoming"]["protocol"] == "imap"
    page = (tmp_path / "r.html").read_text()
    assert page.rstrip().endswith("</html>") and html.escape(box.last.message_id) in page
    assert find_secrets(copied + (tmp_path / "r.json").read_text() + page, [password]) == []
    # A new account test takes the last result away, and nothing can be sent while it runs.
    with qtbot.waitSignal(window.account.roundFinished, timeout=30000):
        window.test_button.click()
        assert not button.isEnabled() and not box.result.isVisible() and box.last is None
    assert button.isEnabled() and "## " + ("Round trip" if window.lang == "en" else "Gidiş-dönüş") not in \
        window_markdown(window)
    # A round trip still running when the next account test starts is dropped: it was about the test before.
    button.click()
    assert not button.isEnabled()  # at once, before its task runs
    with qtbot.waitSignal(window.account.roundFinished, timeout=30000):
        window.test_button.click()
    qtbot.waitUntil(lambda: not box.running, timeout=30000)
    assert box.last is None and not box.result.isVisible() and button.isEnabled()
    window.statusBar().clearMessage()  # "Report copied" is not part of the next rendering
    # A failure in words: the account whose mail a Sieve rule files into Junk.
    user, password = JUNK_USER
    fill(window, postfix.host, postfix.submission, "starttls", user, password, ca_file=postfix.ca_file)
    assert run_account(qtbot, window).ok
    box.last = None
    button.click()
    qtbot.waitUntil(lambda: box.last is not None, timeout=30000)
    assert box.last.folder == "Junk" and box.last.deleted and not box.last.ok
    shown = find(window, QLabel, "roundTripResult").text()
    title = "The test message arrived in the spam folder" if window.lang == "en" else \
        "Deneme iletisi istenmeyen posta klasörüne düştü"
    assert title in shown
    shoot(window, tmp_path / f"round-trip-junk-{window.lang}.png")


def window_markdown(window):
    window.copy_report_button.click()
    return QApplication.clipboard().text()


def shoot(window, path):
    assert window.grab().save(str(path)) and path.stat().st_size > 10_000
    if SHOTS:
        shutil.copy(path, os.path.join(SHOTS, path.name))


def test_offered_only_for_the_same_address_on_both_sides(qtbot, settings_file):
    """A message to another mailbox than the one watched would never be found nor deleted: not offered."""
    from PySide6.QtWidgets import QDoubleSpinBox, QWidget

    from mailtester.knowledge.report import build_report
    from mailtester.model import CheckResult, CheckSettings
    from mailtester.protocol.credentials import Credentials, Secret
    from mailtester.protocol.events import Ending, Outcome, Protocol, Security, Stage
    from mailtester.qt.controllers.check import AccountReport
    from mailtester.qt.views.roundtrip import RoundTripBox

    def report(user: str, protocol: Protocol):
        s = CheckSettings(host="mail.example.org", security=Security.TLS, protocol=protocol,
                          credentials=Credentials(user, Secret("pw")))
        return build_report(CheckResult(s, Outcome(True, Ending.AUTHENTICATED, Stage.DONE), (), None, None, None, 0.1,
                                        None))

    parent = QWidget()
    qtbot.addWidget(parent)
    box = RoundTripBox(QSettings(str(settings_file), QSettings.Format.IniFormat), QDoubleSpinBox(parent), "en",
                       parent, spawn=lambda coro: coro.close())
    for incoming_user, offered in (("Alice@example.org", True), ("bob@example.org", False), ("alice", False)):
        box.account_tested(AccountReport(report(incoming_user, Protocol.IMAP), report("alice@example.org",
                                                                                      Protocol.SMTP)))
        assert box.isVisibleTo(parent) and box.button.isEnabled() is offered, incoming_user
        assert bool(box.status.text()) is not offered  # says why (in the language the last window installed)
