"""The online sources against real servers on loopback: NSD for DNS, aiohttp web servers for the
autoconfig files (tests/detect/conftest.py)."""

from __future__ import annotations

import json
import random
import socket
import subprocess
import sys
import time

import pytest

from mailtester.detect.online import detect, srv_order


def by_source(result, source):
    return [r for r in result.sources if r.source == source]


def hosts(group):
    return [(c.protocol.value, c.host, c.port, c.security.value, c.source, c.insecure) for c in group]


async def test_autoconfig_found_over_https(online, web):
    start = time.monotonic()
    r = await detect("alice@ac.test", **online)
    assert time.monotonic() - start < 1  # on loopback, everything at once ends within a second
    assert hosts(r.incoming) == [("imap", "imap.ac.test", 993, "tls", "autoconfig", False),
                                 ("imap", "imap.ac.test", 143, "starttls", "autoconfig", False)]
    assert hosts(r.outgoing) == [("smtp", "smtp.ac.test", 465, "tls", "autoconfig", False)]
    assert r.incoming[0].user == "alice@ac.test"
    results = {(s.source, s.query): s.result for s in r.sources}
    assert results[("autoconfig", "https://autoconfig.ac.test/mail/config-v1.1.xml")] == "found"
    assert results[("well-known", "https://ac.test/.well-known/autoconfig/mail/config-v1.1.xml")] == "none"
    assert results[("autoconfig", "http://autoconfig.ac.test/mail/config-v1.1.xml")] == "none"
    assert results[("srv", "ac.test")] == "none" and results[("mx", "ac.test")] == "none"
    assert all(s.elapsed < 1 for s in r.sources)


async def test_well_known_found(online):
    r = await detect("bob@wk.test", **online)
    assert hosts(r.incoming) == [("pop3", "pop3.wk.test", 995, "tls", "well-known", False)]
    assert hosts(r.outgoing) == [("smtp", "smtp.wk.test", 587, "starttls", "well-known", False)]


async def test_plain_http_file_is_a_flagged_candidate(online):
    r = await detect("carol@plain.test", **online)
    assert hosts(r.incoming) == [("imap", "imap.plain.test", 993, "tls", "autoconfig", True)]
    assert r.outgoing[0].insecure


async def test_redirect_within_the_domain_is_followed(online, web):
    r = await detect("dan@redir.test", **online)
    assert hosts(r.incoming) == [("imap", "imap.redir.test", 993, "tls", "autoconfig", False)]
    assert ("https", "www.redir.test", "/settings.xml") in [(q.scheme, q.host, q.path) for q in web.log]


async def test_redirect_outside_the_domain_is_refused(online, web):
    r = await detect("eve@redirout.test", **online)
    assert not r.found
    (https,) = [s for s in by_source(r, "autoconfig") if s.query.startswith("https:")]
    assert https.result == "error" and "outside redirout.test" in https.detail
    assert "autoconfig.ac.test" not in [q.host for q in web.log]


@pytest.mark.parametrize(("address", "why"), [
    ("f@big.test", "larger than"), ("g@dtd.test", "refused: DTDForbidden"),
    ("p@text.test", "not XML (text/plain)"),
    ("q@broken.test", "not well-formed XML"), ("r@tohttp.test", "redirect to http:// refused"),
    ("s@loop.test", "more than 3 redirects")])
async def test_refused_files_and_redirects(online, address, why):
    r = await detect(address, **online)
    assert not r.found
    (https,) = [s for s in by_source(r, "autoconfig") if s.query.startswith("https:")]
    assert https.result == "error" and why in https.detail


async def test_srv_only_domain_priority_and_not_offered(online):
    r = await detect("heidi@srv.test", **online)
    # _imap._tcp and _pop3._tcp say "." (not offered): no STARTTLS IMAP or POP3 candidates.
    assert hosts(r.incoming) == [("imap", "imap.srv.test", 993, "tls", "srv", True),
                                 ("pop3", "pop.srv.test", 995, "tls", "srv", True)]
    assert hosts(r.outgoing) == [("smtp", "smtp.srv.test", 465, "tls", "srv", True),
                                 ("smtp", "smtp.srv.test", 587, "starttls", "srv", True)]
    assert {c.user for c in r.incoming + r.outgoing} == {"heidi@srv.test"}
    assert by_source(r, "srv")[0].result == "found"


async def test_srv_weight_is_honoured(online):
    r = await detect("ivan@weights.test", rng=random.Random(1), **online)
    assert [c.host for c in r.incoming] == ["heavy.weights.test", "zero.weights.test"]


def test_srv_order_priority_then_weight():
    rows = [(10, 5, 1, "b"), (0, 0, 1, "zero"), (0, 65535, 1, "heavy"), (20, 1, 1, "c")]
    for seed in range(20):
        assert [r[3] for r in srv_order(rows, random.Random(seed))] == ["heavy", "zero", "b", "c"]


async def test_mx_based_lookup_finds_the_providers_database_entry(online):
    r = await detect("judy@mx.test", **online)
    (mx,) = by_source(r, "mx")
    assert mx.result == "found" and "mx01.emig.gmx.net" in mx.detail  # preference 5 is the best
    assert r.incoming[0].host == "imap.gmx.net" and r.incoming[0].source == "mx" and r.incoming[0].insecure
    assert r.outgoing[0].host == "mail.gmx.net"


async def test_mx_base_domain_autoconfig_when_the_database_has_none(online, web):
    r = await detect("olga@mxac.test", **online)
    (mx,) = by_source(r, "mx")
    assert mx.result == "found" and "mail.ac.test" in mx.detail
    assert hosts(r.incoming)[0] == ("imap", "imap.ac.test", 993, "tls", "mx", True)
    assert r.incoming[0].user == "olga@mxac.test"
    assert ("autoconfig.ac.test", "emailaddress=olga@mxac.test") in [(q.host, q.query) for q in web.log]


async def test_a_dns_server_that_never_answers_is_bounded(online):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as silent:
        silent.bind(("127.0.0.1", 0))
        start = time.monotonic()
        r = await detect("kim@web.de", dns_server=f"127.0.0.1:{silent.getsockname()[1]}", timeout=1.0)
    # The sources within the limit; nothing answered, so the chosen servers are not probed after them.
    assert time.monotonic() - start < 2.0
    assert not [s for s in r.sources if s.source == "probe"]
    assert r.found and r.incoming[0].source == "bundled"  # the database still answers
    assert {s.result for s in r.sources if s.source != "bundled" and "not needed" not in s.detail} == {"error"}


async def test_a_dripping_https_server_is_bounded(online):
    start = time.monotonic()
    r = await detect("leo@drip.test", timeout=1.0, **online)
    assert time.monotonic() - start < 2.5
    (https,) = [s for s in by_source(r, "autoconfig") if s.query.startswith("https:")]
    assert https.result == "error" and "1 s" in https.detail


async def test_requests_carry_the_address_and_nothing_secret(online, web):
    await detect("mallory@ac.test", **online)
    assert web.log
    for q in web.log:
        # The online ISPDB is asked for the domain only, the provider's own servers with the address.
        assert q.query == ("" if q.host == "ispdb.test" else "emailaddress=mallory@ac.test"), q
        assert set(q.headers) <= {"Host", "Accept", "Accept-Encoding", "User-Agent"}, q.headers
        assert q.headers["User-Agent"].startswith("mailtester/")


async def test_without_the_suites_ca_the_https_file_is_not_trusted(online):
    r = await detect("nina@ac.test", dns_server=online["dns_server"])
    (https,) = [s for s in by_source(r, "autoconfig") if s.query.startswith("https:")]
    assert https.result == "error" and "certificate" in https.detail and not r.found


def run(*args):
    return subprocess.run([sys.executable, "-m", "mailtester.detect", *args], capture_output=True, text=True,
                          timeout=60)


def test_command_json_and_progress_lines(online):
    r = run("alice@ac.test", "--json", "--dns-server", online["dns_server"], "--ca-file", online["ca_file"])
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["incoming"][0]["source"] == "autoconfig"
    assert {s["source"] for s in out["sources"]} >= {"bundled", "autoconfig", "well-known", "mx", "srv"}
    assert all(set(s) == {"source", "query", "result", "elapsed"} for s in out["sources"])
    text = run("alice@ac.test", "--dns-server", online["dns_server"], "--ca-file", online["ca_file"])
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert "Provider database… not found" in lines
    assert "autoconfig.ac.test… found: ac.test mail" in lines
    assert "ac.test/.well-known… not found: no server" in lines
    assert any(line.startswith("Incoming: IMAP imap.ac.test port 993") and "autoconfig file" in line
               for line in lines)


def test_command_usage_errors():
    assert run("a@b.test", "--dns-server", "ns.example").returncode == 2
    assert run("a@b.test", "--timeout", "0").returncode == 2
