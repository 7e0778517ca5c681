"""The desktop application: `create_window()` builds the window without
starting an event loop; `main()` runs it on qasync's Qt event loop."""

from __future__ import annotations

import asyncio
import os
import sys

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .qt import i18n
from .qt.controllers.accounts import Keychain
from .qt.views.window import MainWindow
from .resources import resource_path

ORGANIZATION = "mailtester"
APPLICATION = "Mail Account Tester"


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setDesktopFileName("mailtester")
    app.setWindowIcon(QIcon(str(resource_path("icons", "mailtester.svg"))))
    return app


def create_window(settings: QSettings | None = None, keychain: Keychain | None = None,
                  demo: bool = False, lang: str | None = None) -> MainWindow:
    """The window; `lang` None follows the saved choice, then the system's language."""
    application()
    settings = settings or QSettings()
    lang = i18n.install(lang or str(settings.value("language", "")))
    return MainWindow(settings, keychain, demo=demo, lang=lang)


def has_display() -> bool:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(demo: bool = False, lang: str | None = None) -> int:
    if not has_display():
        print("mailtester: no display found. Run it on a desktop, or use `mailtester check` in a terminal.",
              file=sys.stderr)
        return 2
    import qasync

    app = application()
    # The loop ends when the window has closed and its runs have ended, not when Qt
    # quits by itself at the last window (that stopped the loop under the waiting
    # coroutine: "Event loop stopped before Future completed", exit code 1).
    app.setQuitOnLastWindowClosed(False)
    window = create_window(demo=demo, lang=lang)
    window.show()

    async def run_until_closed() -> None:
        closed = asyncio.Event()
        app.lastWindowClosed.connect(closed.set)
        if window.isVisible():  # it may have closed before the loop ran this
            await closed.wait()
        await window.account.wait()

    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        runner.run(run_until_closed())
    return 0


def self_test() -> int:
    """Start the window offscreen, run the demo handshakes through it (receiving and
    sending; a working login, then a refused one), and report. Used to smoke-test
    built bundles."""
    import tempfile

    import qasync

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = application()
    failures: list[str] = []

    async def run() -> None:
        from .qt.views.form import DEMO, DEMO_FAIL

        ini = os.path.join(tempfile.mkdtemp(prefix="mailtester-self-test-"), "settings.ini")
        window = create_window(QSettings(ini, QSettings.Format.IniFormat), demo=True, lang="en")
        window.show()
        print("window shown", flush=True)
        for preset, want_ok, want_id in ((DEMO, True, None), (DEMO_FAIL, False, "auth.credentials-rejected")):
            combo = window.form.provider_combo
            combo.setCurrentIndex(combo.findData(preset))
            account = await window.test_login()
            report, incoming = account.outgoing, account.incoming
            if report is None or incoming is None:
                failures.append(f"{preset}: a side was not tested")
                continue
            ok = report.result.ok
            got_id = report.diagnosis.id if report.diagnosis else None
            decoded = [e.decoded for e in window.model.entries() if e.direction == "S" and e.decoded]
            in_ok = incoming.result.ok
            in_id = incoming.diagnosis.id if incoming.diagnosis else None
            line = (f"{preset}: ok={ok} diagnosis={got_id} prompts={decoded}; "
                    f"receiving ({incoming.result.settings.protocol.value}): ok={in_ok} diagnosis={in_id}")
            print(line, flush=True)
            if ok != want_ok or got_id != want_id or decoded != ["Username:", "Password:"] \
                    or in_ok != want_ok or in_id != want_id:
                failures.append(line)
        window.close()

    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        runner.run(run())
    print("self-test " + ("FAILED" if failures else "passed"), flush=True)
    return 1 if failures else 0
