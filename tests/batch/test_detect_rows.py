"""Rows without a host: detected once per domain with the detection engine, against the suite's NSD and
HTTPS servers (tests/detect/conftest.py); every lookup goes to that DNS server (--dns-server)."""

from __future__ import annotations

import socket

from mailtester.batch import BatchOptions, BatchRun, RowResult, RowStatus, Secrets, read_sheet
from tests.detect.conftest import nsd, online, web  # noqa: F401 (fixtures)
from tests.servers.https import WebServers


async def test_rows_without_a_host_are_detected_once_per_domain(online: dict[str, str],  # noqa: F811
                                                                 web: WebServers) -> None:  # noqa: F811
    # ac.test publishes an autoconfig file over HTTPS: SMTP smtp.ac.test:465 SSL, IMAP imap.ac.test:993 SSL.
    # Its servers have no address in the test zone, so each check ends at the name lookup: nothing leaves
    # the machine, and the row shows where detection sent it.
    sheet = read_sheet(text="email,password,protocol\nann@ac.test,pw1,smtp\nbob@ac.test,pw2,smtp\n"
                            "cem@ac.test,pw3,imap\n")
    results: list[RowResult] = []
    options = BatchOptions(dns_server=online["dns_server"], ca_file=online["ca_file"], detect_timeout=3, timeout=3)
    await BatchRun(sheet, options, Secrets()).run(results.append)
    where = {r.row.email: (r.settings.host, r.settings.effective_port, r.settings.security.value)  # type: ignore
             for r in results}
    assert where == {"ann@ac.test": ("smtp.ac.test", 465, "tls"), "bob@ac.test": ("smtp.ac.test", 465, "tls"),
                     "cem@ac.test": ("imap.ac.test", 993, "tls")}
    assert {(r.status, r.diagnosis_id) for r in results} == {(RowStatus.FAILED, "dns.not-found")}
    # Each row logs in as itself (the file's %EMAILADDRESS%), from one detection for the three rows: one
    # fetch of the autoconfig file over HTTPS, which names no one's address.
    assert {r.row.email: r.settings.credentials.user for r in results} == {  # type: ignore[union-attr]
        "ann@ac.test": "ann@ac.test", "bob@ac.test": "bob@ac.test", "cem@ac.test": "cem@ac.test"}
    fetched = [q for q in web.log if q.host == "autoconfig.ac.test"]
    assert len([q for q in fetched if q.scheme == "https"]) == 1
    assert all("@" not in q.query for q in fetched)


async def test_a_domain_nothing_is_found_for_ends_no_server() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as closed:  # a DNS server that is not there
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    sheet = read_sheet(text="email,password\nann@nowhere.test,pw\n")
    results: list[RowResult] = []
    summary = await BatchRun(sheet, BatchOptions(dns_server=f"127.0.0.1:{port}", detect_timeout=1), Secrets()).run(
        results.append)
    assert summary.counts == {"no-server": 1}
    assert results[0].diagnosis_id == "batch.no-server" and results[0].report is None
