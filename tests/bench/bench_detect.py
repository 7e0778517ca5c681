"""Online detection on loopback: the suite's NSD and web servers (tests/detect/conftest.py), in process.

Prints, per address, the time of each source and of the whole detection (median of N runs, each with a
fresh session and resolver, as a command run would have). Target: under 1 s in all. Needs root (ports
443 and 80 on 127.0.0.44) and nsd. Not a test: timing on shared machines is noisy.

    .venv/bin/python tests/bench/bench_detect.py [--runs N]
"""

from __future__ import annotations

import argparse
import asyncio
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
import trustme
from tests.detect.conftest import DRIP_IP, HOSTS, ROUTES, WEB_IP, zone
from tests.servers.https import WebServers
from tests.servers.nsd import NsdServer

from mailtester.detect.online import detect

ADDRESSES = ("alice@ac.test", "bob@wk.test", "heidi@srv.test", "judy@mx.test", "carol@plain.test", "kim@web.de")


async def once(address: str, dns_server: str, ca_file: str) -> tuple[float, dict[str, float]]:
    start = time.perf_counter()
    r = await detect(address, dns_server=dns_server, ca_file=ca_file)
    total = time.perf_counter() - start
    per = {f"{s.source} {s.query}" if s.source in ("autoconfig", "well-known") else s.source: s.elapsed
           for s in r.sources}
    return total, per


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ca = trustme.CA(organization_name="mailtester bench")
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(*HOSTS).configure_cert(tls)
    with tempfile.NamedTemporaryFile(suffix=".pem") as ca_pem:
        ca.cert_pem.write_to_path(ca_pem.name)
        nsd = NsdServer.start({"test.": zone()})
        web = WebServers(WEB_IP, DRIP_IP, tls, routes=dict(ROUTES))
        web.start()
        try:
            for address in ADDRESSES:
                totals, sources = [], defaultdict(list)
                for _ in range(args.runs):
                    total, per = asyncio.run(once(address, nsd.address, ca_pem.name))
                    totals.append(total)
                    for k, v in per.items():
                        sources[k].append(v)
                print(f"{address}: {statistics.median(totals) * 1000:.1f} ms in all (median of {args.runs})")
                for k, v in sources.items():
                    print(f"  {k}: {statistics.median(v) * 1000:.1f} ms")
            command = [sys.executable, "-m", "mailtester.detect", "alice@ac.test", "--json",
                       "--dns-server", nsd.address, "--ca-file", ca_pem.name]
            runs = []
            for _ in range(args.runs):
                start = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True)
                runs.append(time.perf_counter() - start)
            print(f"the command (python -m mailtester.detect alice@ac.test --json, process start and imports "
                  f"included): {statistics.median(runs) * 1000:.1f} ms (median of {args.runs})")
        finally:
            web.stop()
            nsd.stop()


if __name__ == "__main__":
    main()
