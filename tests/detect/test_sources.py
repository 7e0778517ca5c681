"""The sources added to the autoconfig ones (the online ISPDB, Microsoft 365 by MX and Autodiscover v2,
the probe of common names), the ranking and early end, against the suite's NSD, web servers and its
Postfix + Dovecot (tests/detect/conftest.py)."""

from __future__ import annotations

import asyncio
import json
import re
import time

import pytest

from mailtester.detect import probe
from mailtester.detect.online import detect
from mailtester.protocol.kinds import Protocol, Security
from tests.detect.conftest import AUTODISCOVER_PATH
from tests.helpers import mailtester
from tests.secret_search import find_secrets
from tests.servers.postfix import DOMAIN as MAIL_DOMAIN


def by_source(result, source):
    return [r for r in result.sources if r.source == source]


def hosts(group):
    return [(c.protocol.value, c.host, c.port, c.security.value, c.source, c.insecure) for c in group]


async def test_online_ispdb_is_asked_for_the_domain_only(online, web):
    r = await detect("amy@onlinedb.test", **online)
    (ispdb,) = by_source(r, "ispdb")
    assert ispdb.result == "found" and ispdb.query == "https://ispdb.test/v1.1/onlinedb.test"
    assert hosts(r.incoming) == [("imap", "imap.onlinedb.test", 993, "tls", "ispdb", False)]
    assert hosts(r.outgoing) == [("smtp", "smtp.onlinedb.test", 465, "tls", "ispdb", False)]
    assert r.incoming[0].user == "amy@onlinedb.test"
    asked = [q for q in web.log if q.host == "ispdb.test"]
    assert [(q.path, q.query) for q in asked] == [("/v1.1/onlinedb.test", "")]  # no address sent there


async def test_a_file_sent_in_pieces_is_read_whole(online):
    r = await detect("pia@pieces.test", **online)
    (ispdb,) = by_source(r, "ispdb")
    assert ispdb.result == "found", ispdb.detail
    assert hosts(r.incoming) == [("imap", "imap.pieces.test", 993, "tls", "ispdb", False)]


async def test_mx_base_domain_in_the_online_ispdb(online, web):
    r = await detect("ben@mxdb.test", **online)
    (mx,) = by_source(r, "mx")
    assert mx.result == "found" and "mx.hosted.test" in mx.detail
    assert hosts(r.incoming)[0] == ("imap", "imap.mxdb.test", 993, "tls", "mx", True)
    assert ("/v1.1/hosted.test", "") in [(q.path, q.query) for q in web.log if q.host == "ispdb.test"]


async def test_microsoft_mx_gets_microsoft_365(online):
    r = await detect("cem@ms365.test", **online)
    (mx,) = by_source(r, "mx")
    assert mx.result == "found" and mx.detail.endswith(": Microsoft 365")
    assert hosts(r.incoming)[0] == ("imap", "outlook.office365.com", 993, "tls", "mx", True)
    assert hosts(r.outgoing)[0] == ("smtp", "smtp.office365.com", 587, "starttls", "mx", True)
    assert r.outgoing[0].user == "cem@ms365.test"


async def test_autodiscover_v2_only_for_a_microsoft_autodiscover_name(online, web):
    r = await detect("zoe@adv2.test", **online)
    (ad,) = by_source(r, "autodiscover")
    assert ad.result == "found"
    assert hosts(r.incoming)[0] == ("imap", "outlook.office365.com", 993, "tls", "autodiscover", False)
    assert hosts(r.outgoing)[0] == ("smtp", "smtp.office365.com", 587, "starttls", "autodiscover", False)
    (asked,) = [q for q in web.log if q.host == "autodiscover.ms.test"]
    assert (asked.path, asked.query) == (AUTODISCOVER_PATH + "zoe@adv2.test", "Protocol=AutodiscoverV1")
    assert "Authorization" not in asked.headers  # Autodiscover v2 takes no password
    web.log.clear()
    other = await detect("yan@adother.test", **online)
    (ad,) = by_source(other, "autodiscover")
    assert ad.result == "none" and "not at Microsoft" in ad.detail
    assert not [q for q in web.log if q.host == "autodiscover.ms.test"]  # the address went nowhere


def _new_log(postfix, before):
    return postfix.log[before:]


async def test_probe_only_domain_greeting_and_capabilities_no_login(probe_dns, probe_ports, mail_ca_file):
    postfix = probe_ports
    before = len(postfix.log)
    start = time.monotonic()
    r = await detect(f"alice@{MAIL_DOMAIN}", dns_server=probe_dns.address, ca_file=mail_ca_file, ispdb_url=None,
                     autodiscover_url=None)
    assert time.monotonic() - start < 1
    mail = f"mail.{MAIL_DOMAIN}"
    assert by_source(r, "probe")[0].result == "found"
    # STARTTLS only where it is offered: Dovecot's imap_plain and Postfix's plain port are not candidates.
    assert hosts(r.incoming) == [
        ("imap", mail, postfix.imaps, "tls", "probe", True), ("imap", mail, postfix.imap, "starttls", "probe", True),
        ("pop3", mail, postfix.pop3s, "tls", "probe", True), ("pop3", mail, postfix.pop3, "starttls", "probe", True)]
    assert hosts(r.outgoing) == [("smtp", mail, postfix.submissions, "tls", "probe", True),
                                 ("smtp", mail, postfix.submission, "starttls", "probe", True)]
    for c in r.incoming + r.outgoing:
        assert c.confirmed and c.certificate is not None and c.certificate.as_dict() == {
            "verified": True, "problem": None}
        assert c.user == f"alice@{MAIL_DOMAIN}"
    # The servers' own logs: every probe left without a login attempt.
    log = _new_log(postfix, before)
    assert "no auth attempts" in log
    assert not re.search(r"sasl_method|auth failed|Login: user=|auth=\d", log), log


async def test_probe_reports_a_certificate_that_does_not_verify(probe_dns, probe_ports, ca_file):
    r = await detect(f"bob@{MAIL_DOMAIN}", dns_server=probe_dns.address, ca_file=ca_file, ispdb_url=None,
                     autodiscover_url=None)
    assert r.incoming and r.outgoing  # reported on the candidates, not hidden
    for c in r.incoming + r.outgoing:
        assert c.confirmed and not c.certificate.verified
        assert c.certificate.problem == "unable to get local issuer certificate"
    out = r.as_dict()["incoming"][0]
    assert set(out["certificate"]) == {"verified", "problem"}


async def test_srv_only_domain_and_the_chosen_servers_confirmed(srv_dns, postfix, mail_ca_file):
    r = await detect(f"alice@{MAIL_DOMAIN}", dns_server=srv_dns.address, ca_file=mail_ca_file, ispdb_url=None,
                     autodiscover_url=None)
    mail = f"mail.{MAIL_DOMAIN}"
    assert hosts(r.incoming) == [("imap", mail, postfix.imaps, "tls", "srv", True),
                                 ("pop3", mail, postfix.pop3s, "tls", "srv", True)]
    assert hosts(r.outgoing) == [("smtp", mail, postfix.submissions, "tls", "srv", True),
                                 ("smtp", mail, postfix.submission, "starttls", "srv", True)]
    # The first of each side was probed afterwards: seen, certificate verified; the others were not.
    for c in (r.incoming[0], r.outgoing[0]):
        assert c.confirmed and c.certificate.verified
    assert not r.incoming[1].confirmed and r.incoming[1].certificate is None
    assert {s.query for s in by_source(r, "probe")} >= {f"{mail}:{postfix.imaps}", f"{mail}:{postfix.submissions}"}


async def test_ranking_when_sources_disagree(online):
    r = await detect("rob@ranked.test", **online)
    # The provider's own file wins over the online database, MX and SRV, though SRV's 993 would come
    # first by RFC 8314 within one source.
    assert hosts(r.incoming)[0] == ("imap", "imap.ranked.test", 143, "starttls", "autoconfig", False)
    order = ["autoconfig", "well-known", "bundled", "ispdb", "autodiscover", "mx", "srv", "probe"]
    ranks = [(c.insecure, order.index(c.source)) for c in r.incoming]
    assert ranks == sorted(ranks)
    assert len({(s.source, s.query) for s in r.sources}) == len(r.sources)


async def test_the_best_result_does_not_wait_for_slower_lower_ranked_sources(online):
    start = time.monotonic()
    r = await detect("fay@fastwin.test", **{**online, "timeout": 3.0})
    assert time.monotonic() - start < 1  # the MX leads to the dripping server, which would take 3 s
    assert hosts(r.incoming)[0] == ("imap", "imap.fastwin.test", 993, "tls", "autoconfig", False)
    (mx,) = by_source(r, "mx")
    assert mx.result == "none" and mx.detail == "not needed: autoconfig answered"
    assert len({(s.source, s.query) for s in r.sources}) == len(r.sources)  # each source said its word once


def test_check_dns_server_resolves_at_that_server(probe_dns, nsd, postfix):
    user, password = postfix.user()
    args = ("check", "--protocol", "imap", "--host", f"mail.{MAIL_DOMAIN}", "--port", str(postfix.imaps),
            "--security", "tls", "--user", user, "--ca-file", str(postfix.ca_file), "--json")
    r = mailtester(*args, "--dns-server", probe_dns.address, password=password)
    assert r.code == 0, r.stdout + r.stderr
    out = json.loads(r.stdout)
    assert out["ok"] and out["settings"]["dns_server"] == probe_dns.address
    assert out["addresses"]["remote"].startswith("127.0.0.2:")  # Dovecot's address, as that server gave it
    assert find_secrets(r.stdout + r.stderr, [password]) == []  # in no encoding
    # Another DNS server, which does not know the name: the lookup goes there, not to the system's.
    other = mailtester(*args, "--dns-server", nsd.address, password=password)
    assert other.code == 3 and json.loads(other.stdout)["diagnosis"]["id"] == "dns.not-found"
    assert mailtester(*args, "--dns-server", "ns.example", password=password).code == 2


def test_detect_text_in_turkish(online):
    r = mailtester("detect", "alice@ac.test", "--lang", "tr", "--dns-server", online["dns_server"],
                   "--ca-file", online["ca_file"])
    assert r.code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert "Sağlayıcı veritabanı… bulunamadı" in lines
    assert "autoconfig.ac.test… bulundu: ac.test mail" in lines
    assert "ac.test/.well-known… bulunamadı: sunucu yok" in lines
    assert any(line.startswith("Gelen: IMAP imap.ac.test bağlantı noktası 993, SSL/TLS, kullanıcı alice@ac.test")
               and "(sağlayıcının autoconfig dosyasından)" in line for line in lines)
    assert "Sınanmadı: ayar bulma parola istemez ve hiçbir yerde oturum açmaz. Sınamak için:" in lines


def test_server_words_are_shown_neutralised(online):
    r = mailtester("detect", "hal@hostile.test", "--lang", "en", "--dns-server", online["dns_server"],
                   "--ca-file", online["ca_file"])
    assert r.code == 0, r.stderr
    assert "autoconfig.hostile.test… found: Evil<U+202E>liam<U+200B>" in r.stdout.splitlines()
    assert "user hal@hostile.test<U+2066>" in r.stdout
    assert not any(c in r.stdout for c in "\u202e\u200b\u2066")


async def test_no_guessing_for_a_domain_the_database_knows(online):
    r = await detect("kim@web.de", **online)
    assert r.incoming[0].source == "bundled"
    assert ("probe", "web.de") not in [(s.source, s.query) for s in r.sources]  # no connections to guessed names


async def test_a_probed_server_that_never_speaks_is_bounded(online, monkeypatch):
    """mail.silent.test accepts connections and says nothing, in plain text or TLS: the guess gives up
    within the source's limit, and nothing is proposed."""
    held = []

    async def silent(reader, writer):
        held.append(writer)
        await reader.read()  # until the client goes

    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    monkeypatch.setattr(probe, "PROBE_PORTS", ((Protocol.IMAP, port, Security.TLS),
                                               (Protocol.SMTP, port, Security.STARTTLS)))
    try:
        start = time.monotonic()
        r = await detect("sam@silent.test", **{**online, "timeout": 1.0})
        assert time.monotonic() - start < 1.5
    finally:
        server.close()
    assert held and not r.found
    (guess,) = [s for s in r.sources if s.source == "probe"]
    assert guess.result == "none"


@pytest.mark.parametrize(("address", "result", "detail"), [
    ("ann@adno.test", "none", "not a mailbox in Exchange Online"),
    ("cai@adno.test", "none", "not a mailbox in Exchange Online"),  # an answer pointing anywhere but Microsoft
    ("bea@adno.test", "error", "not the JSON object Autodiscover answers with")])
async def test_autodiscover_answers_other_than_exchange_online(online, address, result, detail):
    r = await detect(address, **online)
    (ad,) = by_source(r, "autodiscover")
    assert (ad.result, ad.detail) == (result, detail)
    assert not r.found
