"""Render the window in its telling states to PNG, against the built-in demo
servers (IMAP for receiving, SMTP for sending):

- account-success: both sides work (the receiving tab in front);
  success: the same, the sending tab in front;
- account-receiving-refused: sending works, the incoming password is refused;
- account-both-refused: the wrong password on both sides;
  refused-535: the same, the sending side's 535 in front;
  account-server-said: the same, the panel scrolled to the server's words, quoted;
- certificate-untrusted: the sending side alone, with a certificate nobody trusts;
  certificate-pinned: the same after trusting it: the Security area shows the
  pinned certificate and what a mail program will make of it;
  certificate-forgotten: the same after Forget;
- timeline-explained: the sending side's first lines: You/Server, and the notes
  under the first EHLO, STARTTLS and AUTH;
- plaintext-consent: None chosen for sending: what it means, and the consent,
  under the Security field;
- account-mode-mismatch: SSL/TLS chosen for the receiving side's STARTTLS port,
  with the button that switches to STARTTLS on that port;
- account-warning: sending works, but the password crossed unencrypted on a
  port that offered STARTTLS (the warning verdict);
- account-waiting: both servers accept the connection and never greet: the time
  so far and the time the step still waits, beside the steps;
- account-cancelled: the same run cancelled: the steps reached, "Cancelled after …".

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshots.py [OUTDIR] [--dark] [--lang=tr|pseudo]
        [--size=900x600] [--screen]

--screen grabs the display instead of the window's own rendering (for a real
window under Xvfb: packaging/xvfb-screenshot.sh --states). --dark renders with
a dark palette (Fusion style), to check contrast; --lang in
Turkish or in the stretched pseudo-locale, to check for clipped text; --size
another window size (added to the file names).

Runs on the offscreen platform unless a display is set; nothing leaves loopback.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from mailtester.app import application, create_window
from mailtester.driver.demo import DEMO_PASSWORD, DEMO_USER, DEMO_WRONG_PASSWORD, DemoServer
from mailtester.protocol.events import Protocol
from mailtester.qt.controllers.check import Side
from mailtester.qt.views.form import DEMO, DEMO_FAIL
from mailtester.resources import resource_path

ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
DARK = "--dark" in sys.argv
LANG = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--lang=")), "en")
SIZE = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--size=")), "")
OUT = Path(ARGS[0]) if ARGS else Path(__file__).parent / "screenshots"
SCREEN = "--screen" in sys.argv
SUFFIX = ("-dark" if DARK else "") + ("" if LANG == "en" else f"-{LANG}") + (f"-{SIZE}" if SIZE else "")


async def settle() -> None:
    for _ in range(5):  # let the last repaints land before grabbing
        QApplication.processEvents()
        await asyncio.sleep(0.02)


async def run_and_wait(window) -> None:
    await window.test_login()
    await settle()


async def shot(window, name: str, side: Side | None = None) -> None:
    if side is not None:
        window.tabs.setCurrentWidget(window.panes[side])
        await settle()
    if SCREEN:  # what the display shows (a real window under Xvfb), not the widget's own rendering
        window.screen().grabWindow(0).save(str(OUT / f"{name}{SUFFIX}.png"))
    else:
        window.grab().save(str(OUT / f"{name}{SUFFIX}.png"))


class LoginSmtpServer:
    """An SMTP server on loopback offering STARTTLS and AUTH LOGIN; accepts(user, password) says who may log
    in. tls_first=False: it also takes the password without encryption (what the warning on a plaintext
    success is about)."""

    def __init__(self, hostname: str, accepts: Callable[[str, str], bool], tls_first: bool) -> None:
        self.hostname, self.accepts, self.tls_first = hostname, accepts, tls_first
        self.port = 0
        self._server: asyncio.Server | None = None

    async def __aenter__(self) -> LoginSmtpServer:
        import ssl

        from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

        def authenticate(server, session, envelope, mechanism, data):  # type: ignore[no-untyped-def]
            ok = isinstance(data, LoginPassword) and self.accepts(data.login.decode(), data.password.decode())
            return AuthResult(success=ok, handled=False)

        class LoginSMTP(SMTP):  # the prompts the demo (and Postfix) send
            AuthLoginUsernameChallenge = "Username:"
            AuthLoginPasswordChallenge = "Password:"

        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(resource_path("demo", "server.pem"), resource_path("demo", "server.key"))
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(
            lambda: LoginSMTP(None, hostname=self.hostname, tls_context=tls, require_starttls=self.tls_first,
                              auth_require_tls=self.tls_first, authenticator=authenticate,
                              auth_exclude_mechanism=["PLAIN"], loop=loop), "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()
        await self._server.wait_closed()


class SilentServer:
    """A server on loopback that accepts connections and never says a word."""

    def __init__(self) -> None:
        self.port = 0
        self._server: asyncio.Server | None = None
        self._writers: list[asyncio.StreamWriter] = []

    async def __aenter__(self) -> SilentServer:
        async def hold(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            self._writers.append(writer)

        self._server = await asyncio.start_server(hold, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        for writer in self._writers:
            writer.close()
        self._server.close()
        await self._server.wait_closed()


def own_servers(window, incoming_port: int, outgoing_port: int, incoming_security: str,
                outgoing_security: str) -> None:
    """The form filled in by hand for servers of this script (the demo CA trusted)."""
    form = window.form
    form.provider_combo.setCurrentIndex(0)
    form.user_edit.setText(DEMO_USER)
    form.password_edit.setText(DEMO_PASSWORD)
    form.ca_file_edit.setText(str(resource_path("demo", "ca.pem")))
    for side, port, security in ((Side.INCOMING, incoming_port, incoming_security),
                                 (Side.OUTGOING, outgoing_port, outgoing_security)):
        form.host_edit_for(side).setText("localhost")
        combo = form.security_combo_for(side)
        combo.setCurrentIndex(combo.findData(security))
        form.port_spin_for(side).setValue(port)
    combo = form.incoming_protocol_combo
    combo.setCurrentIndex(combo.findData("imap"))
    for combo in (form.mechanism_combo, form.incoming_mechanism_combo):
        combo.setCurrentIndex(0)


async def shoot() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    ini = Path(tempfile.mkdtemp()) / "settings.ini"
    window = create_window(QSettings(str(ini), QSettings.Format.IniFormat), lang=LANG)
    width, height = (int(x) for x in SIZE.split("x")) if SIZE else (1100, 760)
    window.resize(width, height)
    window.show()
    form = window.form
    combo = form.provider_combo
    combo.setCurrentIndex(combo.findData(DEMO))
    await run_and_wait(window)
    await shot(window, "account-success", Side.INCOMING)
    await shot(window, "success", Side.OUTGOING)
    window.panes[Side.OUTGOING].timeline.scrollToTop()  # the first EHLO, STARTTLS and AUTH, each explained
    await settle()
    await shot(window, "timeline-explained")
    form.separate_check.setChecked(True)  # the incoming side's own password, and a wrong one
    form.incoming_password_edit.setText(DEMO_WRONG_PASSWORD)
    await run_and_wait(window)
    await shot(window, "account-receiving-refused")
    form.separate_check.setChecked(False)
    combo.setCurrentIndex(combo.findData(DEMO_FAIL))
    await run_and_wait(window)
    await shot(window, "account-both-refused", Side.INCOMING)
    await shot(window, "refused-535", Side.OUTGOING)
    pane = window.panes[Side.OUTGOING]  # the server's words, quoted under the fixes: the panel given the room
    sizes = pane.split.sizes()
    pane.split.setSizes([sum(sizes) // 4, sum(sizes) - sum(sizes) // 4])
    await settle()
    bar = pane.panel_scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    await settle()
    await shot(window, "account-server-said")
    bar.setValue(0)
    pane.split.setSizes(sizes)
    async with DemoServer() as server:  # its certificate is not trusted without the demo CA
        combo.setCurrentIndex(0)
        form.incoming_host_edit.clear()  # sending only
        form.host_edit.setText("localhost")
        form.port_spin.setValue(server.port)
        form.security_combo.setCurrentIndex(form.security_combo.findData("starttls"))
        form.password_edit.setText("demo-password")
        await run_and_wait(window)
        await shot(window, "certificate-untrusted")
        from PySide6.QtWidgets import QMessageBox  # the confirmation answered as a person would: Yes

        warning, QMessageBox.warning = QMessageBox.warning, lambda *_a, **_k: QMessageBox.StandardButton.Yes
        window.panes[Side.OUTGOING].panel.trust_button.click()
        QMessageBox.warning = warning
        await run_and_wait(window)  # the success relies on the pinned certificate: its Security area
        pane = window.panes[Side.OUTGOING]
        sizes = pane.split.sizes()
        pane.split.setSizes([sum(sizes) // 4, sum(sizes) - sum(sizes) // 4])  # the panel given the room
        await settle()
        bar = pane.panel_scroll.verticalScrollBar()
        bar.setValue(bar.maximum())
        await settle()
        await shot(window, "certificate-pinned")
        pane.panel.forget_button.click()
        await settle()
        await shot(window, "certificate-forgotten")
        window.statusBar().clearMessage()  # its seconds are over long before a person's next test
        bar.setValue(0)
        pane.split.setSizes(sizes)
    async with DemoServer(Protocol.IMAP) as imap, DemoServer() as smtp:  # SSL/TLS on a STARTTLS port
        own_servers(window, imap.port, smtp.port, "tls", "starttls")
        await run_and_wait(window)
        await shot(window, "account-mode-mismatch", Side.INCOMING)
    async with DemoServer(Protocol.IMAP) as imap, LoginSmtpServer(
            "plain.mailtester.localhost", lambda user, pw: (user, pw) == (DEMO_USER, DEMO_PASSWORD),
            tls_first=False) as plain:  # the password in clear
        own_servers(window, imap.port, plain.port, "starttls", "none")
        await settle()
        await shot(window, "plaintext-consent")  # None chosen: what it means, and the consent, under it
        form.allow_plaintext_check.setChecked(True)
        await run_and_wait(window)
        await shot(window, "account-warning", Side.OUTGOING)
        form.allow_plaintext_check.setChecked(False)
    async with SilentServer() as silent:  # connects, never greets: the wait, then a cancel
        own_servers(window, silent.port, silent.port, "starttls", "starttls")
        window.test_button.click()
        await asyncio.sleep(3.3)
        await settle()
        await shot(window, "account-waiting", Side.OUTGOING)
        cancelled = asyncio.get_running_loop().create_future()
        window.account.roundCancelled.connect(lambda: cancelled.done() or cancelled.set_result(None))
        window.test_button.click()  # Cancel
        await asyncio.wait_for(cancelled, 10)
        await settle()
        await shot(window, "account-cancelled", Side.OUTGOING)
    window.close()
    print(f"screenshots in {OUT}")


def main() -> None:
    app = application()
    if DARK:
        from PySide6.QtGui import QColor, QPalette

        app.setStyle("Fusion")
        pal = QPalette()
        for role, color in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#e8e8e8"),
                            (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.AlternateBase, "#262626"),
                            (QPalette.ColorRole.Text, "#e8e8e8"), (QPalette.ColorRole.Button, "#353535"),
                            (QPalette.ColorRole.ButtonText, "#e8e8e8"), (QPalette.ColorRole.Highlight, "#2a5d9f"),
                            (QPalette.ColorRole.HighlightedText, "#ffffff"), (QPalette.ColorRole.Link, "#8ab4f8"),
                            (QPalette.ColorRole.PlaceholderText, "#9a9a9a")):
            pal.setColor(role, QColor(color))
        app.setPalette(pal)
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        runner.run(shoot())


if __name__ == "__main__":
    main()
