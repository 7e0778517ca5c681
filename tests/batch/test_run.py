"""Batch runs against the real Postfix + Dovecot with generated users (fixture `many`), an aiosmtpd
server that starts answering 454, and a server that never greets (for Stop)."""

from __future__ import annotations

import asyncio
import re
import ssl
import time
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

from mailtester.batch import BatchOptions, BatchRun, ResultWriters, RowResult, RowStatus, Secrets, SheetRow, read_sheet
from mailtester.batch.engine import BatchSummary
from tests.batch.conftest import password_of, user
from tests.conftest import unavailable
from tests.secret_search import find_secrets
from tests.servers.aiosmtpd_server import FullSMTP
from tests.servers.nsd import NsdServer
from tests.servers.nsd import missing as missing_nsd
from tests.servers.postfix import DOMAIN, PostfixServer
from tests.servers.proxy import CountingProxy, Gauge

pytestmark = pytest.mark.postfix


def wrong(i: int) -> bool:
    return i % 4 == 1


def sheet_text(rows: list[tuple[int, str, int, str]]) -> str:
    """email,password,host,port,protocol; every fourth password is wrong."""
    lines = ["email,password,host,port,protocol"]
    for i, host, port, protocol in rows:
        lines.append(f"{user(i)},{'Wrong-' + password_of(i) if wrong(i) else password_of(i)},{host},{port},{protocol}")
    return "\n".join(lines) + "\n"


async def run_all(text: str, options: BatchOptions, **kw: Any) -> tuple[list[RowResult], BatchSummary]:
    results: list[RowResult] = []
    summary = await BatchRun(read_sheet(text=text), options, Secrets()).run(results.append, **kw)
    return results, summary


def log_lines(server: PostfixServer, pattern: str) -> list[str]:
    return [line for line in server.log.splitlines() if re.search(pattern, line)]


async def log_settled(server: PostfixServer, patterns: list[str]) -> None:
    """Wait until each pattern is in the servers' logs (they are written a moment after the reply:
    Dovecot logs a failed IMAP login when the client has gone), then a little longer for any extra line."""
    deadline = time.monotonic() + 10
    while not all(log_lines(server, p) for p in patterns) and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.3)


async def test_mixed_passwords_once_each_within_the_per_host_cap(many: PostfixServer) -> None:
    """120 SMTP rows (STARTTLS + AUTH) through a counting proxy: right rows log in, wrong ones are refused,
    one connection per account, never more than --per-host at once, one AUTH per wrong account."""
    numbers = range(0, 120)
    async with CountingProxy("127.0.0.1", many.submission) as proxy:
        text = sheet_text([(i, "localhost", proxy.port, "smtp") for i in numbers])
        results, summary = await run_all(text, BatchOptions(ca_file=str(many.ca_file), per_host=3, concurrency=16))
    by_email = {r.row.email: r for r in results}
    assert len(results) == len(by_email) == 120
    for i in numbers:
        r = by_email[user(i)]
        if wrong(i):
            assert (r.status, r.diagnosis_id, r.report.result.outcome.stage.value) == (  # type: ignore[union-attr]
                RowStatus.REFUSED, "auth.credentials-rejected", "auth")
        else:
            assert r.status is RowStatus.OK, (i, r.diagnosis_id)
    assert summary.counts == {"ok": 90, "refused": 30}
    assert summary.domains == {DOMAIN: summary.counts}
    assert proxy.total == 120  # one connection per account: no retry, no probe
    assert proxy.most == 3  # the cap, and reached
    # Postfix logs each failed AUTH with the user name, Dovecot each password mismatch: exactly one each.
    await log_settled(many, [rf"sasl_username={re.escape(user(i))}$" for i in numbers if wrong(i)])
    for i in numbers:
        failed = log_lines(many, rf"authentication failed.*sasl_username={re.escape(user(i))}$")
        mismatch = log_lines(many, rf"passwd-file\({re.escape(user(i))},.*Password mismatch")
        assert (len(failed), len(mismatch)) == ((1, 1) if wrong(i) else (0, 0)), user(i)


async def test_imap_rows_one_login_attempt_each(many: PostfixServer) -> None:
    numbers = range(120, 150)
    text = sheet_text([(i, many.mail_host, many.imap, "imap") for i in numbers])
    _results, summary = await run_all(text, BatchOptions(ca_file=str(many.ca_file)))
    assert summary.counts == {"ok": 22, "refused": 8}
    await log_settled(many, [rf"imap-login: .*user=<{re.escape(user(i))}>" for i in numbers])
    for i in numbers:
        # Dovecot's login process: "Login: user=<u>" or "(auth failed, 1 attempts in 0 secs): user=<u>".
        lines = log_lines(many, rf"imap-login: .*user=<{re.escape(user(i))}>")
        assert len(lines) == 1, (user(i), lines)
        assert ("auth failed, 1 attempts" in lines[0]) is wrong(i)
        assert ("Login: user=" in lines[0]) is not wrong(i)


async def test_two_hosts_each_capped_and_the_total_capped(many: PostfixServer) -> None:
    """Rows for two server names (localhost and 127.0.0.1, both in the certificate): each name gets
    at most --per-host, both together at most --concurrency."""
    both = Gauge()
    async with CountingProxy("127.0.0.1", many.submission, both) as a, \
            CountingProxy("127.0.0.1", many.submission, both) as b:
        rows = [(i, "localhost", a.port, "smtp") for i in range(150, 165)]
        rows += [(i, "127.0.0.1", b.port, "smtp") for i in range(165, 180)]
        _results, summary = await run_all(sheet_text(rows), BatchOptions(ca_file=str(many.ca_file), per_host=2,
                                                                           concurrency=3))
    assert summary.total == 30 and summary.counts["ok"] + summary.counts["refused"] == 30
    assert (a.total, b.total) == (15, 15)
    assert a.most <= 2 and b.most <= 2 and both.most == 3


class ThrottlingSMTP(FullSMTP):
    """Accepts the first `good` logins, then answers every AUTH with 454 (a lockout or rate limit)."""


def throttling_server(tls: ssl.SSLContext, good: int) -> tuple[Any, list[tuple[float, str]]]:
    seen: list[tuple[float, str]] = []  # (time, "ok" | "454") per AUTH, in order

    def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        if len([s for s in seen if s[1] == "ok"]) < good and isinstance(data, LoginPassword):
            seen.append((time.monotonic(), "ok"))
            return AuthResult(success=True)
        seen.append((time.monotonic(), "454"))
        return AuthResult(success=False, handled=False, message="454 4.7.0 Temporary authentication failure")

    def factory() -> SMTP:
        return ThrottlingSMTP(object(), authenticator=authenticate, hostname="throttle.test", tls_context=tls,
                              require_starttls=True, auth_require_tls=True)

    return factory, seen


async def test_a_host_that_starts_answering_454_pauses_and_its_rows_are_deferred(
        many: PostfixServer, server_tls: ssl.SSLContext, ca_file: str, tmp_path: Path) -> None:
    factory, seen = throttling_server(server_tls, good=4)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(factory, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    both = tmp_path / "both.pem"
    both.write_bytes(Path(ca_file).read_bytes() + many.ca_file.read_bytes())
    lines = ["email,password,host,port"]
    lines += [f"t{i}@throttle.test,pw-{i},localhost,{port}" for i in range(30)]
    # Another host in the same run goes on unhindered.
    lines += [f"{user(i)},{password_of(i)},127.0.0.1,{many.submission}" for i in range(180, 190)]
    try:
        results, summary = await run_all("\n".join(lines), BatchOptions(ca_file=str(both), per_host=1,
                                                                         backoff=0.4, max_signs=2))
    finally:
        server.close()
    throttled = [r for r in results if r.row.domain == "throttle.test"]
    assert [r.status for r in throttled].count(RowStatus.OK) == 4
    # The first 454 paused the host; the one login after the pause got 454 again: the rest are deferred.
    assert [s for _, s in seen] == ["ok"] * 4 + ["454"] * 2
    assert seen[5][0] - seen[4][0] >= 0.35
    deferred = [r for r in throttled if r.status is RowStatus.DEFERRED]
    assert len(deferred) == 24 and all(r.report is None and r.diagnosis_id == "batch.deferred" for r in deferred)
    assert [r.diagnosis_id for r in throttled if r.status is RowStatus.FAILED] == ["auth.temporary-failure"] * 2
    assert summary.throttled_hosts == ["localhost"]
    assert summary.domains[DOMAIN] == {"ok": 10}


async def test_stop_mid_run_writes_finished_rows_and_marks_the_rest(many: PostfixServer, tmp_path: Path) -> None:
    greeted_none = asyncio.Event()  # a check is waiting at the slow server

    async def never_greets(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        greeted_none.set()
        try:
            await reader.read()  # until the client goes away
        finally:
            writer.close()

    slow = await asyncio.start_server(never_greets, "127.0.0.1", 0)
    slow_port = slow.sockets[0].getsockname()[1]
    lines = ["email,password,host,port"]
    lines += [f"s{i}@slow.test,pw,localhost,{slow_port}" for i in range(3)]
    lines += [f"{user(i)},{password_of(i)},127.0.0.1,{many.submission}" for i in range(240, 260)]
    sheet = read_sheet(text="\n".join(lines))
    run = BatchRun(sheet, BatchOptions(ca_file=str(many.ca_file), per_host=1), Secrets())
    writers = ResultWriters(sheet, csv_path=str(tmp_path / "r.csv"), jsonl_path=str(tmp_path / "r.jsonl"),
                            html_path=str(tmp_path / "r.html"))
    results: list[RowResult] = []
    stopped_at = 0.0

    def done(result: RowResult) -> None:
        nonlocal stopped_at
        results.append(result)
        writers.write(result)
        if len(results) >= 3 and greeted_none.is_set() and not run.stopped:
            stopped_at = time.monotonic()
            run.stop()

    try:
        summary = await run.run(done)
    finally:
        slow.close()
    writers.close(summary)
    assert time.monotonic() - stopped_at < 3  # nothing waited for the slow server (its timeout is 20 s)
    assert summary.stopped and summary.total == len(results) == 23
    assert len({r.row.number for r in results}) == 23
    by = {s: [r for r in results if r.status is s] for s in RowStatus}
    ok = len(by[RowStatus.OK])
    assert 3 <= ok < 20 and len(by[RowStatus.CANCELLED]) == 23 - ok
    # The slow server's first row was running (waiting for a greeting); everything else had not started.
    running = [r for r in by[RowStatus.CANCELLED] if r.detail == "Stopped while this row ran."]
    assert [r.row.email for r in running] == ["s0@slow.test"]
    assert all(r.detail == "Stopped before this row ran." for r in by[RowStatus.CANCELLED] if r not in running)
    csv_rows = (tmp_path / "r.csv").read_text().splitlines()
    assert len(csv_rows) == 24 and sum(",cancelled," in line for line in csv_rows) == 23 - ok
    assert len((tmp_path / "r.jsonl").read_text().splitlines()) == 23
    assert "stopped before the end" in (tmp_path / "r.html").read_text()
    for path in ("r.csv", "r.jsonl", "r.html"):
        assert find_secrets((tmp_path / path).read_text(), [password_of(i) for i in range(240, 260)]) == []


async def test_a_repeated_account_is_tried_once(many: PostfixServer) -> None:
    i = 261  # with a wrong password, so that each attempt shows in Dovecot's log
    text = "email,password,host,port,protocol\n" + "".join(
        f"{address},Wrong-{password_of(i)},127.0.0.1,{many.submission},smtp\n"
        for address in (user(i), user(i).upper(), user(i)))
    text += f"{user(i)},Wrong-{password_of(i)},{many.mail_host},{many.imap},imap\n"  # another service: its own try
    results, _summary = await run_all(text, BatchOptions(ca_file=str(many.ca_file)))
    by_row = {r.row.number: r for r in results}
    assert [by_row[n].diagnosis_id for n in (1, 2, 3, 4)] == [
        "auth.credentials-rejected", "batch.duplicate", "batch.duplicate", "auth.credentials-rejected"]
    assert by_row[2].detail.startswith("Not tried: row 1 has the same login") and by_row[2].report is None
    await log_settled(many, [rf"imap-login: .*user=<{re.escape(user(i))}>"])
    assert len(log_lines(many, rf"passwd-file\({re.escape(user(i))},.*Password mismatch")) == 2  # SMTP and IMAP


async def test_a_bug_in_one_row_ends_that_row_not_the_run(many: PostfixServer) -> None:
    text = sheet_text([(i, "127.0.0.1", many.submission, "smtp") for i in (262, 263, 264)])

    def started(row: SheetRow) -> None:
        if row.number == 2:
            raise RuntimeError("a bug")

    results, summary = await asyncio.wait_for(run_all(text, BatchOptions(ca_file=str(many.ca_file)),
                                                      on_start=started), 30)
    assert {r.row.number: r.diagnosis_id for r in results} == {1: None, 2: "internal.error", 3: None}
    assert "RuntimeError" in next(r.detail for r in results if r.row.number == 2)
    assert summary.counts == {"ok": 2, "failed": 1}


async def test_a_public_providers_cap_holds_whatever_per_host_says(many: PostfixServer) -> None:
    """smtp.gmail.com, pointed at the suite's Postfix (through a counting proxy) by a private DNS server:
    the catalogue's batch_per_host (2) holds against --per-host 8. The certificate is not Gmail's, so
    each check ends at TLS, after at most one more credential-free connection to show the certificate:
    nothing is sent, and the proxy sees how many connections were open at once."""
    if missing_nsd():
        unavailable(f"this test needs {missing_nsd()}: run `bash tests/run.sh` or .ci/run")
    dns = NsdServer.start({"gmail.com.": "smtp IN A 127.0.0.1\n"})
    try:
        async with CountingProxy("127.0.0.1", many.submission) as proxy:
            text = "email,password,host,port\n" + "".join(
                f"g{i}@gmail.com,pw-{i},smtp.gmail.com,{proxy.port}\n" for i in range(12))
            results, _summary = await run_all(text, BatchOptions(ca_file=str(many.ca_file), per_host=8,
                                                                 dns_server=dns.address))
    finally:
        dns.stop()
    assert {r.diagnosis_id for r in results} == {"tls.hostname-mismatch"}
    assert proxy.total >= 12 and proxy.most == 2
