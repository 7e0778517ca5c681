"""mailtester check vs swaks on the same local Postfix handshake.

STARTTLS, AUTH LOGIN, quit after AUTH, certificate verified by both. Runs are
interleaved so both see the same machine load; prints the medians and their
ratio (target: 1.5 or less). Not a test: timing on shared machines is noisy.

    .venv/bin/python tests/bench/bench_vs_swaks.py [--runs N]
"""

from __future__ import annotations

import argparse
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    mailtester = shutil.which("mailtester", path=str(Path(sys.executable).parent)) or "mailtester"
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
        for cmd in (ours, swaks):  # warm caches
            timed(cmd, env)
        a, b = [], []
        for _ in range(args.runs):
            a.append(timed(ours, env))
            b.append(timed(swaks, env))
        ma, mb = statistics.median(a), statistics.median(b)
        print(f"runs: {args.runs}")
        print(f"mailtester check: median {ma * 1000:.0f} ms (min {min(a) * 1000:.0f}, max {max(a) * 1000:.0f})")
        print(f"swaks:            median {mb * 1000:.0f} ms (min {min(b) * 1000:.0f}, max {max(b) * 1000:.0f})")
        print(f"ratio mailtester/swaks: {ma / mb:.2f} (target <= 1.5)")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
