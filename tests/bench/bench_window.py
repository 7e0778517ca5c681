"""Start-up and responsiveness of the window (not a test: timings are noisy).

1. Start-up: from process start to the window shown, over --runs fresh
   processes running the real start-up path (import, create_window, show), on
   the offscreen platform unless a display is set. Budget: median <= 0.6 s.
2. Responsiveness: the longest gap between ticks of a 5 ms Qt timer while the
   demo handshakes run in the window (receiving and sending, side by side).
   Budget: no stall over 50 ms.

    .venv/bin/python tests/bench/bench_window.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

CHILD = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from mailtester.app import application, create_window
app = application()
w = create_window(demo=True)
w.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""

STALL = r"""
import asyncio, time, qasync
from PySide6.QtCore import QTimer
from mailtester.app import application, create_window
app = application()
gaps = []
async def main():
    w = create_window(demo=True)
    w.show()
    last = [time.perf_counter()]
    def tick():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now
    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(5)
    for _ in range(RUNS):
        gaps.clear(); last[0] = time.perf_counter()
        await w.test_login()
        print("maxgap", max(gaps) * 1000 - 5, flush=True)
    timer.stop()
    w.close()
with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as r:
    r.run(main())
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["XDG_CONFIG_HOME"] = "/tmp/mailtester-bench-config"  # never the user's settings
    starts = []
    for _ in range(args.runs + 1):
        t0 = time.perf_counter()
        p = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, env=env, text=True)
        assert p.stdout is not None
        line = p.stdout.readline()
        t1 = time.perf_counter()
        p.wait(30)
        if line.strip() != "shown":
            raise SystemExit("the window did not show")
        starts.append(t1 - t0)
    starts = starts[1:]  # the first run warms the file cache
    print(f"start-up to window shown: median {statistics.median(starts) * 1000:.0f} ms "
          f"(min {min(starts) * 1000:.0f}, max {max(starts) * 1000:.0f}, {args.runs} runs; budget 600 ms)")
    out = subprocess.run([sys.executable, "-c", STALL.replace("RUNS", str(args.runs))], env=env,
                         capture_output=True, text=True, timeout=120).stdout
    gaps = [float(x.split()[1]) for x in out.splitlines() if x.startswith("maxgap")]
    print(f"longest event-loop stall during a handshake: median {statistics.median(gaps):.1f} ms, "
          f"worst {max(gaps):.1f} ms ({len(gaps)} handshakes; budget 50 ms)")


if __name__ == "__main__":
    main()
