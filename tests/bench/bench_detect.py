"""Online detection on loopback: the suite's NSD and web servers (tests/detect/conftest.py), in process,
and, with --mail, the suite's Postfix + Dovecot found by the probe and by SRV records (test.localhost).

Prints, per address, the time of each source and of the whole detection (median of N runs, each with a
fresh session and resolver, as a command run would have); "probe HOST:PORT" lines are the probes of
the chosen servers after the sources. Target: under 1 s in all. Needs root (ports 443 and 80 on
127.0.0.44) and nsd (and Postfix and Dovecot for --mail). Not a test: timing on shared machines is noisy.

    .venv/bin/python tests/bench/bench_detect.py [--runs N] [--mail]
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
from tests.detect.conftest import AUTODISCOVER_URL, HOSTS, ISPDB_URL, MAIL_A, ROUTES, zone
from tests.servers.https import start_web_servers
from tests.servers.nsd import NsdServer

from mailtester.detect import probe
from mailtester.detect.online import detect
from mailtester.protocol.kinds import Protocol, Security

ADDRESSES = ("alice@ac.test", "bob@wk.test", "amy@onlinedb.test", "zoe@adv2.test", "cem@ms365.test",
             "heidi@srv.test", "judy@mx.test", "ben@mxdb.test", "carol@plain.test", "kim@web.de")


async def once(address: str, dns_server: str, ca_file: str) -> tuple[float, dict[str, float]]:
    start = time.perf_counter()
    r = await detect(address, dns_server=dns_server, ca_file=ca_file, ispdb_url=ISPDB_URL,
                     autodiscover_url=AUTODISCOVER_URL)
    total = time.perf_counter() - start
    per = {f"{s.source} {s.query}" if s.source in ("autoconfig", "well-known") or ":" in s.query else s.source:
           s.elapsed for s in r.sources}
    return total, per


def measure(label: str, address: str, dns_server: str, ca_file: str, runs: int) -> None:
    totals, sources = [], defaultdict(list)
    for _ in range(runs):
        total, per = asyncio.run(once(address, dns_server, ca_file))
        totals.append(total)
        for k, v in per.items():
            sources[k].append(v)
    print(f"{label}: {statistics.median(totals) * 1000:.1f} ms in all (median of {runs})")
    for k, v in sources.items():
        print(f"  {k}: {statistics.median(v) * 1000:.1f} ms")


def mail(runs: int) -> None:
    """The probe-only and the SRV-only test.localhost, against the suite's Postfix and Dovecot."""
    from tests.servers.postfix import PostfixServer

    pf = PostfixServer.start()
    try:
        probe.PROBE_PORTS = (  # the suite's ports stand in for the standard ones (see tests/detect/conftest.py)
            (Protocol.IMAP, pf.imaps, Security.TLS), (Protocol.IMAP, pf.imap, Security.STARTTLS),
            (Protocol.POP3, pf.pop3s, Security.TLS), (Protocol.POP3, pf.pop3, Security.STARTTLS),
            (Protocol.SMTP, pf.submissions, Security.TLS), (Protocol.SMTP, pf.submission, Security.STARTTLS))
        srv = "".join(f"{s} IN SRV 0 1 {p} mail.test.localhost.\n" for s, p in (
            ("_imaps._tcp", pf.imaps), ("_submissions._tcp", pf.submissions)))
        for label, records in (("probe-only alice@test.localhost", MAIL_A), ("SRV-only alice@test.localhost",
                                                                              MAIL_A + srv)):
            nsd = NsdServer.start({"test.localhost.": records})
            try:
                measure(label, "alice@test.localhost", nsd.address, str(pf.ca_file), runs)
            finally:
                nsd.stop()
    finally:
        pf.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--mail", action="store_true", help="also the probe-only and SRV-only mail domain")
    args = parser.parse_args()
    ca = trustme.CA(organization_name="mailtester bench")
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(*HOSTS).configure_cert(tls)
    with tempfile.NamedTemporaryFile(suffix=".pem") as ca_pem:
        ca.cert_pem.write_to_path(ca_pem.name)
        try:
            web = start_web_servers(44, tls, dict(ROUTES))
        except OSError as exc:
            sys.exit(str(exc))
        nsd = NsdServer.start({"test.": zone(web.ip, web.drip_ip)})
        try:
            for address in ADDRESSES:
                measure(address, address, nsd.address, ca_pem.name, args.runs)
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
    if args.mail:
        mail(args.runs)


if __name__ == "__main__":
    main()
