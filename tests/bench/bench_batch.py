"""`mailtester batch` vs a sequential loop of swaks over the same accounts, and the batch's memory.

On a private Postfix with generated users (STARTTLS submission, AUTH LOGIN for both tools, quit after
AUTH, certificates verified by both): the wall time of one `mailtester batch` process over N accounts
(default 200), and of swaks run once per account one after the other; their ratio (target: 12 or more).
Then the largest resident set of the batch process for 1,000 and for 10,000 rows (as many accounts;
target: under 150 MB and flat). Not a test: timing on shared machines is noisy.

    .venv/bin/python tests/bench/bench_batch.py [--accounts N] [--rows N ...] [--concurrency N]
                                                [--per-host N ...] [--rounds N] [--no-swaks]
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.batch.conftest import generated_users
from tests.servers.postfix import PostfixServer


def write_sheet(path: Path, server: PostfixServer, users: dict[str, str], rows: int) -> None:
    accounts = list(users.items())
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["email", "password", "host", "port", "security", "mechanism"])
        for i in range(rows):
            user, password = accounts[i % len(accounts)]
            # The address swaks is given too (--server 127.0.0.1); the certificate names it.
            w.writerow([user, password, "127.0.0.1", server.submission, "starttls", "LOGIN"])


def run_batch(sheet: Path, server: PostfixServer, concurrency: int, per_host: int, out: Path) -> tuple[float, int]:
    """Wall time and the process's largest resident set in bytes."""
    cmd = [sys.executable, "-m", "mailtester", "batch", str(sheet), "--out", str(out), "--quiet",
           "--ca-file", str(server.ca_file), "--concurrency", str(concurrency), "--per-host", str(per_host)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    out_text = proc.stdout.read().decode() if proc.stdout else ""
    err_text = proc.stderr.read().decode() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"mailtester batch failed:\n{out_text}\n{err_text}")
    return elapsed, usage.ru_maxrss * 1024  # Linux: kilobytes


def run_swaks(server: PostfixServer, users: dict[str, str]) -> float:
    start = time.perf_counter()
    for user, password in users.items():
        cmd = ["swaks", "--server", "127.0.0.1", "--port", str(server.submission), "-tls", "--tls-verify",
               "--tls-ca-path", str(server.ca_file), "--tls-sni", server.host, "--auth", "LOGIN",
               "--auth-user", user, "--auth-password", password, "--quit-after", "AUTH"]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        if r.returncode != 0:
            raise SystemExit(f"swaks failed for {user} ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--accounts", type=int, default=200)
    parser.add_argument("--rows", type=int, nargs="*", default=[1000, 10000], help="row counts for the memory runs")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--per-host", type=int, nargs="*", default=[8, 16], help="--per-host values to time")
    parser.add_argument("--no-swaks", action="store_true", help="skip the swaks loop (memory only)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    # A distinct account for every row: the batch tries each account once, and skips a repeated one.
    every = generated_users(max([args.accounts, *args.rows]))
    users = dict(list(every.items())[: args.accounts])
    server = PostfixServer.start(users=every)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            sheet = folder / "accounts.csv"
            write_sheet(sheet, server, users, args.accounts)
            run_batch(sheet, server, args.concurrency, max(args.per_host), folder / "warm.csv")  # warm caches
            # Rounds interleave the tools, so both see the same machine load; the medians are compared.
            times: dict[int, list[float]] = {p: [] for p in args.per_host}
            loops: list[float] = []
            for _ in range(args.rounds):
                for per_host in args.per_host:
                    t, _rss = run_batch(sheet, server, args.concurrency, per_host, folder / "r.csv")
                    times[per_host].append(t)
                    with open(folder / "r.csv") as f:
                        statuses = {row["status"] for row in csv.DictReader(f)}
                    if statuses != {"ok"}:
                        raise SystemExit(f"not every account logged in: {statuses}")
                if not args.no_swaks:
                    loops.append(run_swaks(server, users))
            swaks = statistics.median(loops) if loops else None
            print(f"accounts: {args.accounts} (STARTTLS + AUTH LOGIN, quit after AUTH), {os.cpu_count()} cores, "
                  f"{args.rounds} rounds, load average before: {os.getloadavg()[0]:.1f}")
            for per_host, ts in times.items():
                t = statistics.median(ts)
                line = (f"mailtester batch --concurrency {args.concurrency} --per-host {per_host}: median {t:.2f} s "
                        f"({args.accounts / t:.0f} accounts/s; {', '.join(f'{x:.2f}' for x in ts)})")
                if swaks is not None:
                    # The median says what a run on this (shared) machine took; the best runs, what the
                    # tools cost when nothing else was running at the same moment.
                    line += f"  -> {swaks / t:.1f}x the swaks loop (best runs: {min(loops) / min(ts):.1f}x)"
                print(line)
            if swaks is not None:
                print(f"swaks, one account after the other: median {swaks:.2f} s "
                      f"({swaks / args.accounts * 1000:.0f} ms each; {', '.join(f'{x:.1f}' for x in loops)})")
            for rows in args.rows:
                write_sheet(sheet, server, dict(list(every.items())[:rows]), rows)
                t, rss = run_batch(sheet, server, args.concurrency, max(args.per_host), folder / "big.csv")
                print(f"{rows} rows: {t:.1f} s, largest resident set {rss / 1024 / 1024:.0f} MB (target < 150 MB)")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
