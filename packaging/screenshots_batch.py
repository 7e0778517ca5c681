"""Render the batch window ("Check many accounts…") to PNG, against SMTP servers of
this script on loopback:

- batch-empty: the window as it opens;
- batch-running: a sheet part way: rows done, rows being tested (their server
  accepts the connection and never greets), rows waiting their turn;
- batch-finished: a whole sheet checked (some work, some refused, one whose
  server refuses connections), a refused row selected: its steps, timeline and
  diagnosis as the single-account view shows them.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshots_batch.py [OUTDIR] [--lang=tr]
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "gui"), str(ROOT / "packaging")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshots import LANG, OUT, SUFFIX, LoginSmtpServer, SilentServer, settle  # noqa: E402

from mailtester.app import application  # noqa: E402
from mailtester.qt import i18n  # noqa: E402
from mailtester.resources import resource_path  # noqa: E402

PEOPLE = ["ayse.yilmaz", "mehmet.demir", "john.smith", "fatma.kaya", "emily.jones", "ali.celik", "zeynep.arslan",
          "david.brown", "elif.sahin", "omer.koc", "sarah.wilson", "can.ozturk", "deniz.aydin", "laura.martin"]
WRONG = {"mehmet.demir", "emily.jones", "omer.koc", "laura.martin"}  # their sheet has an old password


def password(person: str) -> str:
    return f"{person}-old" if person in WRONG else f"{person}-2026"


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def sheet(rows: list[tuple[str, int]]) -> str:
    lines = ["email,password,host,port,security"]
    lines += [f"{p}@example.test,{password(p)},127.0.0.1,{port},starttls" for p, port in rows]
    return "\n".join(lines) + "\n"


async def shoot() -> None:
    from mailtester.qt.batch.view import BatchWindow

    OUT.mkdir(parents=True, exist_ok=True)
    window = BatchWindow(lang=LANG)
    window.resize(1200, 780)
    window.show()
    await settle()
    window.grab().save(str(OUT / f"batch-empty{SUFFIX}.png"))
    window.ca_file_edit.setText(str(resource_path("demo", "ca.pem")))
    logging.getLogger("mail.log").setLevel(logging.CRITICAL)
    office_server = LoginSmtpServer("mail.example.test", lambda user, pw: pw == user.split("@")[0] + "-2026",
                                    tls_first=True)  # knows each person's password
    async with office_server as office, SilentServer() as silent:
        # part way: the first rows done, then a server that never greets holds the next ones
        rows = [(p, office.port) for p in PEOPLE[:6]] + [(p, silent.port) for p in PEOPLE[6:]]
        rows += [(p.replace(".", "_"), silent.port) for p in PEOPLE[6:]]  # other accounts, still waiting
        assert window.load_text(sheet(rows)), window.notice.text()
        window.start_button.click()
        for _ in range(100):
            await asyncio.sleep(0.1)
            if len(window.model.results()) >= 6:
                break
        await asyncio.sleep(1.2)
        await settle()
        window.grab().save(str(OUT / f"batch-running{SUFFIX}.png"))
        window.stop_button.click()
        await window.controller.wait()
        # a whole sheet: most work, some refused, one server that refuses connections
        rows = [(p, office.port) for p in PEOPLE] + [("kemal.yildiz", closed_port())]
        assert window.load_text(sheet(rows)), window.notice.text()
        window.start_button.click()
        await window.controller.wait()
        await settle()
        window.select_row(PEOPLE.index("mehmet.demir"))
        await settle()
        window.grab().save(str(OUT / f"batch-finished{SUFFIX}.png"))
    window.close()
    print(f"batch screenshots in {OUT}")


def main() -> None:
    app = application()
    i18n.install(LANG)
    QApplication.processEvents()
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        runner.run(shoot())


if __name__ == "__main__":
    main()
