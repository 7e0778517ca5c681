"""Runs the real program (`mailtester --demo`) and drives it from a timer: press
Test account, then close the window after the run, during it, or after a cancel.
Usage: python exit_driver.py finished|running|cancelled|idle|ctrl-q (Ctrl+Q during the run)"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer

from mailtester import cli
from mailtester.app import application
from mailtester.qt.views.window import MainWindow


def main(when: str) -> int:
    app = application()

    def window() -> MainWindow | None:
        return next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None)

    def poll(condition, then, limit: int = 600) -> None:  # every 50 ms, up to 30 s
        w = window()
        if w is not None and condition(w):
            then(w)
        elif limit:
            QTimer.singleShot(50, lambda: poll(condition, then, limit - 1))
        else:
            print("driver: timed out", file=sys.stderr)
            app.exit(3)

    def started(w: MainWindow) -> None:
        if when == "idle":
            w.close()
            return
        w.test_button.click()
        if when == "finished":
            poll(lambda w: not w.account.running and w.account.report.ok, lambda w: w.close())
        elif when == "running":
            poll(lambda w: w.model.rowCount() > 0, lambda w: w.close())
        elif when == "ctrl-q":
            from PySide6.QtCore import Qt
            from PySide6.QtTest import QTest

            poll(lambda w: w.model.rowCount() > 0,
                 lambda w: QTest.keyClick(w.form.user_edit, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier))
        else:
            def cancel(w: MainWindow) -> None:
                w.test_button.click()
                poll(lambda w: not w.account.running, lambda w: w.close())
            poll(lambda w: w.model.rowCount() > 0, cancel)

    QTimer.singleShot(0, lambda: poll(lambda w: w.test_button.isEnabled(), started))
    return cli.main(["--demo", "--lang=en"])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
