"""The window with a distinctive password and token: nothing in the timeline
model (any role), the panel, the reports, the clipboard, the settings file or
the logs carries them; forgetting the account drops the in-memory copy."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QLineEdit, QWidget

from mailtester.knowledge.report import to_html, to_json, to_markdown
from tests.qt.conftest import KEYCHAIN_WAIT
from tests.servers import aiosmtpd_server as srv
from tests.test_secrets import PASSWORD, TOKEN, scan

from .test_account import fill_incoming, run_account
from .test_window import fill, find, run


def everything_shown(window, settings_file) -> str:
    parts = []
    for pane in window.panes.values():  # both sides' timelines
        model = pane.model
        for row in range(model.rowCount()):
            index = model.index(row)
            for role in list(range(0, 40)) + list(range(Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 10)):
                parts.append(repr(model.data(index, role)))
    parts += [label.text() for label in window.findChildren(QLabel)]
    parts += [label.accessibleName() + label.accessibleDescription() for label in window.findChildren(QWidget)]
    for report in window.reports():
        parts += [to_markdown(report), to_html(report), to_json(report)]
    find(window, QAbstractButton, "copyReportButton").click()
    find(window, QAbstractButton, "copyLinesButton").click()
    parts.append(QApplication.clipboard().text())
    window.settings.sync()
    if settings_file.exists():
        parts.append(settings_file.read_bytes().decode("utf-8", "replace"))
    return "\n".join(parts)


@pytest.mark.parametrize(("mode", "mechanism", "secret"), [
    ("starttls", "PLAIN", PASSWORD), ("starttls", "LOGIN", PASSWORD), ("tls", "token", TOKEN),
    ("starttls", "LOGIN", "wrong " + PASSWORD)])
def test_no_secret_anywhere_in_the_window(qtbot, window, serve, server_tls, ca_file, settings_file, caplog,
                                          mode, mechanism, secret, monkeypatch):
    caplog.set_level(logging.DEBUG)
    monkeypatch.setattr(srv, "PASSWORD", PASSWORD)
    monkeypatch.setattr(srv, "TOKEN", TOKEN)
    server = serve(ServerContext(srv.start(mode, server_tls)))
    fill(window, "localhost", server.sockets[0].getsockname()[1], mode, srv.USER, secret, mechanism, ca_file)
    find(window, QAbstractButton, "rememberCheck").setChecked(True)
    report = run(qtbot, window)
    assert report.result.ok is (not secret.startswith("wrong"))
    if report.result.ok:
        qtbot.waitUntil(lambda: find(window, QComboBox, "accountCombo").count() == 2, timeout=KEYCHAIN_WAIT)
    text = everything_shown(window, settings_file)
    logs = "\n".join(r.getMessage() for r in caplog.records)
    password = secret if secret != TOKEN else PASSWORD
    assert scan(text, srv.USER, password) == []
    assert scan(logs, srv.USER, password) == []
    if report.result.ok:
        # Choosing the saved account fetches the secret from the keychain, silently.
        combo = find(window, QComboBox, "accountCombo")
        window.keychain._session.clear()
        find(window, QLineEdit, "passwordEdit").clear()
        combo.setCurrentIndex(1)
        combo.activated.emit(1)
        qtbot.waitUntil(lambda: find(window, QLineEdit, "passwordEdit").text() == secret, timeout=KEYCHAIN_WAIT)
        assert scan("\n".join(r.getMessage() for r in caplog.records), srv.USER, password) == []
        # Forgetting the account drops every copy the window holds.
        find(window, QAbstractButton, "forgetAccountButton").click()
        qtbot.waitUntil(lambda: not window.keychain._session, timeout=KEYCHAIN_WAIT)
        assert find(window, QLineEdit, "passwordEdit").text() == ""


@pytest.mark.parametrize(("protocol", "mechanism"), [("imap", "NATIVE"), ("imap", "PLAIN"), ("pop3", "NATIVE"),
                                                     ("pop3", "LOGIN")])
@pytest.mark.parametrize("separate", [False, True])
def test_no_secret_anywhere_for_the_receiving_side(qtbot, window, serve, settings_file, caplog, monkeypatch,
                                                   memory_keyring, protocol, mechanism, separate):
    from mailtester.driver import demo_incoming
    from mailtester.driver.demo import DEMO_USER, DemoServer
    from mailtester.protocol.events import Protocol
    from mailtester.resources import resource_path

    caplog.set_level(logging.DEBUG)
    monkeypatch.setattr(demo_incoming, "DEMO_PASSWORD", PASSWORD)
    server = serve(DemoServer(Protocol(protocol)))
    find(window, QLineEdit, "userEdit").setText(DEMO_USER)
    find(window, QLineEdit, "passwordEdit").setText(PASSWORD)
    if separate:  # the incoming side's own fields carry it; the outgoing side's another one
        find(window, QAbstractButton, "separateOutgoingCheck").setChecked(True)
        find(window, QLineEdit, "passwordEdit").setText("outgoing-" + PASSWORD)
    fill_incoming(window, protocol, "localhost", server.port, "starttls", mechanism=mechanism)
    find(window, QLineEdit, "caFileEdit").setText(str(resource_path("demo", "ca.pem")))
    find(window, QAbstractButton, "rememberCheck").setChecked(True)
    account = run_account(qtbot, window, "incomingTestButton")
    assert account.incoming.result.ok, account.incoming.diagnosis
    qtbot.waitUntil(lambda: find(window, QComboBox, "accountCombo").count() == 2, timeout=KEYCHAIN_WAIT)
    assert list(memory_keyring.items.values()) == [PASSWORD]
    text = everything_shown(window, settings_file)
    logs = "\n".join(r.getMessage() for r in caplog.records)
    assert scan(text, DEMO_USER, PASSWORD) == []
    assert scan(logs, DEMO_USER, PASSWORD) == []


class ServerContext:
    """An asyncio.Server from a coroutine, as an async context manager for `serve`."""

    def __init__(self, starting):
        self.starting = starting

    async def __aenter__(self):
        self.server = await self.starting
        return self.server

    async def __aexit__(self, *exc):
        self.server.close()
        await self.server.wait_closed()
