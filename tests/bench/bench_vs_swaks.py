"""mailtester check vs swaks on the same local Postfix handshake.

STARTTLS, AUTH LOGIN, quit after AUTH, certificate verified by both. Runs are
interleaved so both see the same machine load; prints the medians and their
ratio (target: 1.5 or less), beside the floor: Python starting and importing
only the standard modules a check cannot do without (asyncio, ssl, argparse,
json). Then what the check imports, by `python -X importtime` (median of a
few runs): the modules that cost the most. Not a test: timing on shared
machines is noisy (tests/test_import_cost.py keeps the imports down). With
--instructions, also the instructions each of the three executes, counted by
valgrind (callgrind): the same on a busy machine as on an idle one. With
--bundle, also the same check by a built bundle (packaging/build-linux.sh).
The interpreter is the venv's: the first line names it.

    .venv/bin/python tests/bench/bench_vs_swaks.py [--runs N] [--top N] [--instructions] [--bundle PATH]
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.servers.postfix import PostfixServer


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
    elapsed = time.perf_counter() - start
    if r.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    return elapsed


# What any asyncio + TLS command line program in Python pays before its own code.
FLOOR = [sys.executable, "-c", "import asyncio, ssl, argparse, json"]
# Python starting and importing what a successful check imports, and no more: with --instructions,
# what start-up costs beside the floor (the rest of a check is its parser, run and output).
IMPORTS = [sys.executable, "-c", "import mailtester.cli, mailtester.driver.client, mailtester.knowledge.report, "
           "mailtester.protocol.smtp"]
# The console script's own two lines, with -X importtime.
ENTRY = "import sys; from mailtester.cli import main; sys.exit(main(sys.argv[1:]))"


def import_costs(args: list[str], env: dict[str, str], runs: int = 5) -> tuple[dict[str, float], dict[str, float]]:
    """Median self and cumulative import time per module, in milliseconds."""
    selfs: dict[str, list[int]] = collections.defaultdict(list)
    cums: dict[str, list[int]] = collections.defaultdict(list)
    for _ in range(runs):
        r = subprocess.run([sys.executable, "-X", "importtime", "-c", ENTRY, *args], env=env,
                           capture_output=True, text=True, timeout=60)
        for line in r.stderr.splitlines():
            if line.startswith("import time:") and "self [us]" not in line:
                own, cumulative, name = line.removeprefix("import time:").split("|")
                selfs[name.strip()].append(int(own))
                cums[name.strip()].append(int(cumulative))
    return ({n: statistics.median(v) / 1000 for n, v in selfs.items()},
            {n: statistics.median(v) / 1000 for n, v in cums.items()})


def instructions(cmd: list[str], env: dict[str, str]) -> int:
    """Instructions executed by the command (and not its children), counted by callgrind."""
    r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
                       env=dict(env, PYTHONHASHSEED="0"), capture_output=True, text=True, timeout=600)
    counted = [line for line in r.stderr.splitlines() if "Collected :" in line]
    if r.returncode != 0 or not counted:
        raise SystemExit(f"valgrind {cmd[0]} failed ({r.returncode}):\n{r.stderr[-2000:]}")
    return int(counted[-1].rsplit(":", 1)[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--top", type=int, default=15, help="how many modules to list by import time")
    parser.add_argument("--instructions", action="store_true", help="also count instructions (needs valgrind)")
    parser.add_argument("--bundle", metavar="PATH", help="also time this bundled mailtester executable")
    args = parser.parse_args()
    mailtester = shutil.which("mailtester", path=str(Path(sys.executable).parent)) or "mailtester"
    # Byte-compiled, as an installation is (packaging/dev-env.sh): a stale cache would be recompiled every run.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(__file__).resolve().parents[2] / "gui")],
                   check=True, stdout=subprocess.DEVNULL)
    server = PostfixServer.start()
    try:
        user, password = server.user(0)
        env = dict(os.environ, MT_PASSWORD=password)
        ours = [mailtester, "check", "--host", server.host, "--port", str(server.submission),
                "--security", "starttls", "--mechanism", "LOGIN", "--user", user,
                "--password-env", "MT_PASSWORD", "--ca-file", str(server.ca_file), "--json"]
        swaks = ["swaks", "--server", "127.0.0.1", "--port", str(server.submission), "-tls",
                 "--tls-verify", "--tls-ca-path", str(server.ca_file), "--tls-sni", server.host,
                 "--auth", "LOGIN", "--auth-user", user, "--auth-password", password, "--quit-after", "AUTH"]
        bundled = [args.bundle, *ours[1:]] if args.bundle else None
        for cmd in (ours, swaks, FLOOR, *([bundled] if bundled else [])):  # warm caches
            timed(cmd, env)
        a, b, f, z = [], [], [], []
        for _ in range(args.runs):
            a.append(timed(ours, env))
            b.append(timed(swaks, env))
            f.append(timed(FLOOR, env))
            if bundled:
                z.append(timed(bundled, env))
        ma, mb, mf = statistics.median(a), statistics.median(b), statistics.median(f)
        print(f"python: {sys.version.split()[0]} at {os.path.realpath(sys.executable)}")
        print(f"runs: {args.runs}")
        print(f"mailtester check: median {ma * 1000:.0f} ms (min {min(a) * 1000:.0f}, max {max(a) * 1000:.0f})")
        print(f"swaks:            median {mb * 1000:.0f} ms (min {min(b) * 1000:.0f}, max {max(b) * 1000:.0f})")
        print(f"floor:            median {mf * 1000:.0f} ms (min {min(f) * 1000:.0f}, max {max(f) * 1000:.0f})"
              "  python -c 'import asyncio, ssl, argparse, json'")
        print(f"ratio mailtester/swaks: {ma / mb:.2f} (target <= 1.5); floor/swaks: {mf / mb:.2f}")
        if z:
            mz = statistics.median(z)
            print(f"bundle:           median {mz * 1000:.0f} ms (min {min(z) * 1000:.0f}, max {max(z) * 1000:.0f}); "
                  f"ratio bundle/swaks: {mz / mb:.2f}")
        if args.instructions:
            ia, ib, i_f, ii = (instructions(cmd, env) for cmd in (ours, swaks, FLOOR, IMPORTS))
            print(f"instructions: mailtester check {ia / 1e6:.0f} M, swaks {ib / 1e6:.0f} M, floor {i_f / 1e6:.0f} M; "
                  f"ratio {ia / ib:.2f}, floor/swaks {i_f / ib:.2f}")
            print(f"  of the check's: {i_f / 1e6:.0f} M the floor, {(ii - i_f) / 1e6:.0f} M importing the rest of what "
                  f"it imports, {(ia - ii) / 1e6:.0f} M its parser, run and output")
        own, cumulative = import_costs(ours[1:], env)
        print(f"\nimports of one check ({len(own)} modules, {sum(own.values()):.0f} ms in all under -X importtime), "
              f"the {args.top} costliest by own time:")
        for name in sorted(own, key=lambda n: -own[n])[:args.top]:
            print(f"  {own[name]:5.1f} ms own {cumulative[name]:6.1f} ms with its imports  {name}")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
