"""Render the window in its three telling states to PNG: a successful login on
the demo server, a refused password (535), and an untrusted certificate.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshots.py [OUTDIR] [--dark] [--lang=tr|pseudo]

--dark renders with a dark palette (Fusion style), to check contrast; --lang in
Turkish or in the stretched pseudo-locale, to check for clipped text.

Runs on the offscreen platform unless a display is set; nothing leaves loopback.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from mailtester.app import application, create_window
from mailtester.driver.demo import DemoServer
from mailtester.qt.views.form import DEMO, DEMO_FAIL

ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
DARK = "--dark" in sys.argv
LANG = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--lang=")), "en")
OUT = Path(ARGS[0]) if ARGS else Path(__file__).parent / "screenshots"
SUFFIX = ("-dark" if DARK else "") + ("" if LANG == "en" else f"-{LANG}")


async def run_and_wait(window) -> None:
    await window.test_login()
    for _ in range(5):  # let the last repaints land before grabbing
        QApplication.processEvents()
        await asyncio.sleep(0.02)


async def shoot() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    ini = Path(tempfile.mkdtemp()) / "settings.ini"
    window = create_window(QSettings(str(ini), QSettings.Format.IniFormat), lang=LANG)
    window.resize(1100, 760)
    window.show()
    combo = window.form.provider_combo
    combo.setCurrentIndex(combo.findData(DEMO))
    await run_and_wait(window)
    window.grab().save(str(OUT / f"success{SUFFIX}.png"))
    combo.setCurrentIndex(combo.findData(DEMO_FAIL))
    await run_and_wait(window)
    window.grab().save(str(OUT / f"refused-535{SUFFIX}.png"))
    async with DemoServer() as server:  # its certificate is not trusted without the demo CA
        combo.setCurrentIndex(0)
        window.form.host_edit.setText("localhost")
        window.form.port_spin.setValue(server.port)
        window.form.security_combo.setCurrentIndex(window.form.security_combo.findData("starttls"))
        await run_and_wait(window)
        window.grab().save(str(OUT / f"certificate-untrusted{SUFFIX}.png"))
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
