"""Runs the real program (`mailtester --demo`) and drives it from a timer: press
Test account, then close the window after the run, during it, or after a cancel.
Usage: python exit_driver.py finished|running|cancelled|idle|ctrl-q (Ctrl+Q during the run)|saved
(a saved account chosen at start, then closed)"""

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

    if when == "saved":  # a saved, last-used account: chosen at start, its password asked of the keychain
        from PySide6.QtCore import QSettings

        from mailtester.qt.controllers.accounts import AccountStore, SavedAccount

        store = AccountStore(QSettings())
        account = SavedAccount("someone@example.test", "127.0.0.1", 1, "tls", "auto")
        store.save(account)
        store.set_last_used(account)

    def started(w: MainWindow) -> None:
        if when == "saved":
            # the keychain was asked (on the program's loop) before the window closes
            poll(lambda w: w.account_combo.currentIndex() == 1 and w.keychain.available is not None,
                 lambda w: w.close())
            return
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

    QTimer.singleShot(0, lambda: poll(lambda w: w.test_button.isEnabled() or when == "saved", started))
    return cli.main(["--lang=en"] if when == "saved" else ["--demo", "--lang=en"])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
