"""Responsiveness of the batch window during a large run (not a test: timings are noisy).

The batch window runs --rows rows (default 1000, each its own account, since a batch
tries an account once; a third with the right password, the rest refused) against an
SMTP server in another process: aiosmtpd with the demo's certificate (STARTTLS + AUTH
LOGIN, the password of userN being Secret-N) by default, or the suite's Postfix with
Dovecot SASL (--postfix, generated users). A 5 ms Qt timer measures the event loop meanwhile: the
longest gap between its ticks, less the 5 ms, is the worst stall a person would feel.
Beside each gap the GUI thread's own CPU time in it is measured: on a busy machine a
long gap with little CPU in it is the process waiting for a core, not work of the window
or the engine. A row is selected part way, so the detail pane is redrawn while rows come in.
Budget: no stall over 50 ms.

    .venv/bin/python tests/bench/bench_batch_window.py [--rows N] [--postfix]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "gui"), str(ROOT)]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SERVER = r"""
import asyncio, logging, ssl, sys
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
from mailtester.resources import resource_path
logging.getLogger("mail.log").setLevel(logging.CRITICAL)
def authenticate(server, session, envelope, mechanism, data):
    ok = isinstance(data, LoginPassword) and data.password == b"Secret-" + data.login.split(b"@")[0][4:]
    return AuthResult(success=ok, handled=False)
class Server(SMTP):
    AuthLoginUsernameChallenge = "Username:"
    AuthLoginPasswordChallenge = "Password:"
async def main():
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(resource_path("demo", "server.pem"), resource_path("demo", "server.key"))
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: Server(None, hostname="bench.localhost", tls_context=tls,
        require_starttls=True, auth_require_tls=True, authenticator=authenticate, auth_exclude_mechanism=["PLAIN"],
        loop=loop), "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    await loop.run_in_executor(None, sys.stdin.read)  # until the parent ends
asyncio.run(main())
"""


def sheet_rows(rows: int, host: str, port: int, domain: str) -> str:
    """Row i: user<i>@domain, with its password Secret-<i> for every third row, a wrong one for the others."""
    lines = ["email,password,host,port,security"]
    for i in range(rows):
        lines.append(f"user{i}@{domain},{'Secret-' if i % 3 == 0 else 'wrong-'}{i},{host},{port},starttls")
    return "\n".join(lines) + "\n"


async def run(rows: int, text: str, ca_file: str) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from mailtester.qt.batch.view import BatchWindow

    window = BatchWindow()
    window.show()
    for _ in range(5):
        QApplication.processEvents()
        await asyncio.sleep(0.02)
    gaps: list[float] = []
    cpu: list[float] = []  # the GUI thread's CPU time in each gap
    last = [time.perf_counter(), time.thread_time()]

    def tick() -> None:
        now, used = time.perf_counter(), time.thread_time()
        gaps.append(now - last[0])
        cpu.append(used - last[1])
        last[:] = [now, used]

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(5)
    loaded = time.perf_counter()
    assert window.load_text(text), window.notice.text()
    load_gap = time.perf_counter() - loaded
    window.ca_file_edit.setText(ca_file)
    gaps.clear()
    cpu.clear()
    last[:] = [time.perf_counter(), time.thread_time()]
    started = time.perf_counter()
    window.start_button.click()
    selected = False
    while window.controller.running:
        await asyncio.sleep(0.05)
        if not selected and window.model.results():
            window.select_row(0)  # the detail pane follows the rows from now on
            selected = True
    elapsed = time.perf_counter() - started
    timer.stop()
    counts = window.model.counts()
    stalls = sorted((g * 1000 - 5 for g in gaps), reverse=True)
    worst = max(range(len(gaps)), key=gaps.__getitem__)
    busiest = max(range(len(cpu)), key=cpu.__getitem__)
    print(f"rows: {rows} in {elapsed:.1f} s ({rows / elapsed:.0f}/s); "
          + ", ".join(f"{s.value}: {n}" for s, n in counts.items() if n))
    print(f"reading the sheet: {load_gap * 1000:.0f} ms (before the run, not counted below)")
    print(f"event loop during the run: worst stall {stalls[0]:.1f} ms, next {stalls[1]:.1f} / {stalls[2]:.1f} ms, "
          f"median tick gap {statistics.median(gaps) * 1000:.1f} ms, ticks over 50 ms: "
          f"{sum(s > 50 for s in stalls)} of {len(stalls)}")
    print(f"  the worst gap held {cpu[worst] * 1000:.1f} ms of the GUI thread's CPU; the most CPU in one gap: "
          f"{cpu[busiest] * 1000:.1f} ms (a gap of {gaps[busiest] * 1000:.1f} ms); load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--postfix", action="store_true", help="the suite's Postfix and Dovecot, not aiosmtpd")
    args = parser.parse_args()

    import qasync

    from mailtester.app import application
    from mailtester.resources import resource_path

    app = application()
    server = postfix = None
    if args.postfix:
        from tests.servers.postfix import PostfixServer

        postfix = PostfixServer.start(users={f"user{i}@test.localhost": f"Secret-{i}" for i in range(0, args.rows, 3)})
        host, port, ca_file, domain = postfix.host, postfix.submission, str(postfix.ca_file), "test.localhost"
    else:
        env = {**os.environ, "PYTHONPATH": str(ROOT / "gui")}
        server = subprocess.Popen([sys.executable, "-c", SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  text=True, env=env)
        assert server.stdout is not None
        host, port, ca_file = "127.0.0.1", int(server.stdout.readline()), str(resource_path("demo", "ca.pem"))
        domain = "example.test"
    try:
        text = sheet_rows(args.rows, host, port, domain)
        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            runner.run(run(args.rows, text, ca_file))
    finally:
        if server is not None:
            server.terminate()
            server.wait()
        if postfix is not None:
            postfix.stop()


if __name__ == "__main__":
    main()
