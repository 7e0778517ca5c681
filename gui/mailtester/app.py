"""The desktop application: `create_window()` builds the window without
starting an event loop; `main()` runs it on qasync's Qt event loop."""

from __future__ import annotations

import asyncio
import os
import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from .qt.controllers.accounts import Keychain
from .qt.views.window import MainWindow

ORGANIZATION = "mailtester"
APPLICATION = "Mail Account Tester"


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    return app


def create_window(settings: QSettings | None = None, keychain: Keychain | None = None,
                  demo: bool = False) -> MainWindow:
    application()
    return MainWindow(settings or QSettings(), keychain, demo=demo)


def has_display() -> bool:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(demo: bool = False) -> int:
    if not has_display():
        print("mailtester: no display found. Run it on a desktop, or use `mailtester check` in a terminal.",
              file=sys.stderr)
        return 2
    import qasync

    app = application()
    window = create_window(demo=demo)
    window.show()

    async def run_until_closed() -> None:
        closed = asyncio.Event()
        app.lastWindowClosed.connect(closed.set)
        await closed.wait()
        await window.controller.wait()

    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        runner.run(run_until_closed())
    return 0
