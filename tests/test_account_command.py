"""`mailtester account` as a user runs it: detection against the suite's own DNS (NSD) and HTTPS
servers, whose answers point at the suite's Postfix and Dovecot, then both logins at once and, with
--round-trip, a message from the address to itself."""

from __future__ import annotations

import json
import os
import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme

from tests.conftest import unavailable
from tests.detect.conftest import mail_ca_file, probe_dns, probe_ports, srv_dns  # noqa: F401 (fixtures)
from tests.helpers import mailtester
from tests.secret_search import find_secrets
from tests.servers.https import Response, start_web_servers
from tests.servers.nsd import NsdServer, missing
from tests.servers.postfix import DOMAIN, JUNK_USER, PostfixServer

ADDRESS, PASSWORD = f"alice@{DOMAIN}", "alice-Secret-123"
PATH = "/mail/config-v1.1.xml"


def autoconfig(pf: PostfixServer) -> bytes:
    """The provider's file (Thunderbird's autoconfig format), naming the suite's servers."""
    return f"""<?xml version="1.0"?>
<clientConfig version="1.1"><emailProvider id="{DOMAIN}"><domain>{DOMAIN}</domain>
<displayName>Test mail</displayName>
<incomingServer type="imap"><hostname>mail.{DOMAIN}</hostname><port>{pf.imaps}</port>
<socketType>SSL</socketType><username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>
</incomingServer>
<outgoingServer type="smtp"><hostname>localhost</hostname><port>{pf.submission}</port>
<socketType>STARTTLS</socketType><username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>
</outgoingServer></emailProvider></clientConfig>""".encode()


@pytest.fixture(scope="module")
def servers(postfix: PostfixServer, ca: trustme.CA, ca_file: str, tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[dict[str, str]]:
    """A DNS server for the autoconfig domain, and a CA file trusting the web and the mail servers."""
    if missing():
        unavailable(f"the account tests need {missing()}: run `bash tests/run.sh` or .ci/run")
    if os.geteuid() != 0:
        unavailable("the account tests bind a loopback address's port 443, which needs root (CI runs as root)")
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(f"autoconfig.{DOMAIN}").configure_cert(tls)
    routes = {("https", f"autoconfig.{DOMAIN}", PATH): Response(autoconfig(postfix))}
    try:  # the detection tests hold 127.0.0.44 and up
        web = start_web_servers(80, tls, routes)
    except OSError as exc:
        unavailable(f"the account tests' web server: {exc}")
    localhost = {"localhost.": "@ IN A 127.0.0.1"}  # the submission server's name in its certificate
    mail = f"mail IN A {postfix.mail_host}\n"  # the IMAP server's name in its certificate
    by_autoconfig = NsdServer.start({f"{DOMAIN}.": f"autoconfig IN A {web.ip}\n" + mail, **localhost})
    both = Path(tmp_path_factory.mktemp("account")) / "ca.pem"
    both.write_bytes(Path(ca_file).read_bytes() + postfix.ca_file.read_bytes())
    try:
        yield {"autoconfig": by_autoconfig.address, "ca_file": str(both)}
    finally:
        by_autoconfig.stop()
        web.stop()


def account(dns: str, ca_file: str, *extra: str):
    r = mailtester("account", ADDRESS, "--dns-server", dns, "--ca-file", ca_file, "--timeout", "5", *extra,
                   password=PASSWORD)
    assert find_secrets(r.stdout + r.stderr, [PASSWORD]) == []
    assert "Traceback" not in r.stderr
    return r


def test_autoconfig_domain_logs_in_on_both_and_round_trips(servers, postfix):
    r = account(servers["autoconfig"], servers["ca_file"], "--json", "--round-trip", "--round-trip-timeout", "10")
    assert r.code == 0, (r.stdout, r.stderr)
    out = r.json
    assert set(out) == {"ok", "detect", "incoming", "outgoing", "round_trip"} and out["ok"] is True
    chosen = out["detect"]["incoming"][0], out["detect"]["outgoing"][0]
    assert [(c["source"], c["host"], c["port"]) for c in chosen] == [
        ("autoconfig", f"mail.{DOMAIN}", postfix.imaps), ("autoconfig", "localhost", postfix.submission)]
    for side, protocol in (("incoming", "imap"), ("outgoing", "smtp")):
        assert out[side]["ok"] is True and out[side]["protocol"] == protocol
        assert out[side]["settings"]["user"] == ADDRESS
    rt = out["round_trip"]
    assert set(rt) == {"ok", "message_id", "queue_id", "arrived", "seconds", "folder", "received",
                       "authentication_results", "deleted", "diagnosis"}
    assert (rt["ok"], rt["arrived"], rt["folder"], rt["deleted"], rt["diagnosis"]) == (True, True, "INBOX", True, None)
    assert rt["queue_id"] and any(rt["queue_id"] in line for line in rt["received"])


def test_round_trip_into_junk_is_explained_and_exits_non_zero(servers, postfix):
    user, password = JUNK_USER
    r = mailtester("account", user, "--dns-server", servers["autoconfig"], "--ca-file", servers["ca_file"],
                   "--timeout", "5", "--round-trip", "--round-trip-timeout", "10", "--lang", "en", password=password)
    assert r.code == 5, (r.stdout, r.stderr)
    assert find_secrets(r.stdout + r.stderr, [password]) == []
    text = r.stdout[r.stdout.index("\nRound trip:"):]
    assert "The test message arrived in" in text and "s in Junk and was deleted." in text
    assert "FAILED: The test message arrived in the spam folder  [roundtrip.junk]" in text
    assert text.rstrip().endswith("Both servers accept the login, but the round trip failed: see above.")


def test_srv_only_domain_is_flagged_and_tested_when_accepted(srv_dns, mail_ca_file, postfix):  # noqa: F811
    refused = account(srv_dns.address, mail_ca_file)
    assert refused.code == 1, refused.stdout
    assert "Not tested: it was found in the domain's SRV records" in refused.stdout
    assert "--accept-flagged" in refused.stdout and f"mail.{DOMAIN}" in refused.stdout
    assert "Looking up" not in refused.stdout  # no login was tried
    r = account(srv_dns.address, mail_ca_file, "--accept-flagged")
    assert r.code == 0, (r.stdout, r.stderr)
    assert f"SRV records of {DOMAIN}… found" in r.stdout
    assert r.stdout.rstrip().endswith("This account can receive and send mail.")
    assert f"Testing Receiving: IMAP mail.{DOMAIN} port {postfix.imaps}, SSL/TLS" in r.stdout


def test_not_an_address_is_a_usage_error():
    r = mailtester("account", "alice@@example.com", password=PASSWORD)
    assert r.code == 2 and "one @" in r.stderr and r.stdout == ""


def test_probe_only_domain_is_found_and_both_log_in(probe_dns, probe_ports, mail_ca_file, monkeypatch,  # noqa: F811
                                                   capsys):
    """test.localhost publishes only an address: the probe of common names finds the servers (in-process,
    since the probe's standard ports are the suite's only through the test hook)."""
    from mailtester.cli import main

    monkeypatch.setenv("MT_PASSWORD", PASSWORD)
    code = main(["account", ADDRESS, "--dns-server", probe_dns.address, "--ca-file", mail_ca_file, "--timeout", "5",
                 "--accept-flagged", "--password-env", "MT_PASSWORD", "--json", "--lang", "en"])
    out = capsys.readouterr()
    assert code == 0, out
    result = json.loads(out.out)
    assert result["ok"] and result["incoming"]["ok"] and result["outgoing"]["ok"]
    assert result["detect"]["incoming"][0]["source"] == "probe" and result["detect"]["outgoing"][0]["source"] == "probe"
    assert find_secrets(out.out + out.err, [PASSWORD]) == []


def test_nothing_found_is_exit_1_and_nothing_is_tested():
    r = mailtester("account", "someone@example.org", "--offline", "--json", "--round-trip", password=PASSWORD)
    assert r.code == 1, r.stderr
    out = r.json
    assert (out["ok"], out["incoming"], out["outgoing"], out["detect"]["found"]) == (False, None, None, False)
    assert out["round_trip"] is None  # asked for, not attempted
    assert "round_trip" not in mailtester("account", "someone@example.org", "--offline", "--json",
                                          password=PASSWORD).json


@pytest.mark.parametrize("lang", ["en", "tr"])
@pytest.mark.parametrize("source", ["srv", "mx", "autoconfig", "probe"])
def test_every_source_a_flagged_server_comes_from_is_named_in_words(source, lang):
    from mailtester.account import _source

    assert _source(source, lang) != source
