"""Size and start-up of the built bundle against the virtual environment.

    .venv/bin/python packaging/measure.py [--runs N]

Budgets: unpacked bundle <= 120 MB, compressed archive <= 50 MB, bundle
start-up (process start to window shown) no slower than from the venv.
Start-up is timed in this process, from spawning `mailtester --self-test` to
its "window shown" line, on the offscreen platform unless a display is set.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def time_to_window(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen([*cmd, "--self-test"], stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.stdout.read()
    if proc.wait(60) != 0 or line.strip() != "window shown":
        raise SystemExit(f"{cmd[0]} --self-test failed")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    bundle = ROOT / "dist" / "mailtester"
    archive = next((ROOT / "dist").glob("mailtester-*.tar.gz"))
    mb = 1024 * 1024
    print(f"unpacked bundle: {tree_size(bundle) / mb:.1f} MB (budget 120)")
    print(f"archive {archive.name}: {archive.stat().st_size / mb:.1f} MB (budget 50)")
    deb = next((ROOT / "dist").glob("mailtester_*.deb"), None)
    if deb:
        print(f"package {deb.name}: {deb.stat().st_size / mb:.1f} MB")
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    commands = {"bundle": [str(bundle / "mailtester")], "venv": [str(Path(sys.executable).parent / "mailtester")]}
    times: dict[str, list[float]] = {k: [] for k in commands}
    for cmd in commands.values():
        time_to_window(cmd, env)  # warm the file cache
    for _ in range(args.runs):
        for name, cmd in commands.items():  # interleaved: both see the same load
            times[name].append(time_to_window(cmd, env))
    med = {k: statistics.median(v) for k, v in times.items()}
    for name in commands:
        print(f"start-up to window shown, {name}: median {med[name] * 1000:.0f} ms "
              f"(min {min(times[name]) * 1000:.0f}, max {max(times[name]) * 1000:.0f}, {args.runs} runs)")
    print(f"bundle/venv start-up ratio: {med['bundle'] / med['venv']:.2f} (budget <= 1.00)")


if __name__ == "__main__":
    main()
