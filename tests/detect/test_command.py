"""`mailtester detect` as a user runs it: exit codes, the JSON contract, the text."""

from __future__ import annotations

import json

import pytest

from tests.helpers import mailtester

CANDIDATE_KEYS = {"protocol", "host", "port", "security", "user", "source", "confirmed", "insecure", "certificate"}


def test_json_contract_keys_exactly():
    r = mailtester("detect", "alice@web.de", "--json", "--offline")
    assert r.code == 0, r.stderr
    out = json.loads(r.stdout)  # exactly one JSON object
    assert set(out) == {"address", "domain", "found", "incoming", "outgoing", "sources"}
    assert (out["address"], out["domain"], out["found"]) == ("alice@web.de", "web.de", True)
    for side, protocols in (("incoming", {"imap", "pop3"}), ("outgoing", {"smtp"})):
        assert out[side]
        for c in out[side]:
            assert set(c) == CANDIDATE_KEYS
            assert c["protocol"] in protocols and c["security"] in ("tls", "starttls", "none")
            assert isinstance(c["port"], int) and c["source"] == "bundled"
            assert (c["confirmed"], c["insecure"], c["certificate"]) == (False, False, None)
    (source,) = out["sources"]
    assert set(source) == {"source", "query", "result", "elapsed"}
    assert (source["source"], source["query"], source["result"]) == ("bundled", "web.de", "found")
    assert isinstance(source["elapsed"], float) and 0 <= source["elapsed"] < 5
    assert out["incoming"][0]["host"] == "imap.web.de" and out["outgoing"][0]["port"] == 465
    assert r.stderr == ""


def test_unknown_domain_is_found_false_and_exit_1():
    r = mailtester("detect", "someone@example.org", "--json", "--offline")
    assert r.code == 1, r.stderr
    out = json.loads(r.stdout)
    assert out["found"] is False and out["incoming"] == [] and out["outgoing"] == []
    assert out["sources"][0]["result"] == "none"
    text = mailtester("detect", "someone@example.org", "--offline")
    assert text.code == 1 and text.stdout.startswith("Provider database… not found")
    assert "has no settings for example.org" in text.stdout


@pytest.mark.parametrize(("address", "message"), [
    ("@example.com", "Nothing before the @"),
    ("alice@exa mple.com", "no spaces"),
    ("alice@@example.com", "one @"),
    ("alice\x07@example.com", "control character (U+0007)"),
])
def test_bad_address_is_a_usage_error(address, message):
    for extra in ((), ("--json",)):
        r = mailtester("detect", address, *extra)
        assert r.code == 2
        assert message in r.stderr and r.stdout == ""
        assert "Traceback" not in r.stderr


def test_missing_address_is_a_usage_error():
    r = mailtester("detect")
    assert r.code == 2 and "ADDRESS" in r.stderr


def test_human_output_chosen_servers_then_the_others():
    r = mailtester("detect", "bob@hotmail.com", "--offline")
    assert r.code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("Provider database… found")
    assert "Incoming: IMAP outlook.office365.com port 993, SSL/TLS, user bob@hotmail.com" in lines[2]
    assert "Outgoing: SMTP smtp-mail.outlook.com port 587, STARTTLS, user bob@hotmail.com" in lines[3]
    assert "from the provider database" in lines[2]
    others = lines[lines.index("Other candidates:") + 1:]
    assert others[0].strip().startswith("POP3 outlook.office365.com port 995")
    assert "mailtester check --host smtp-mail.outlook.com --security starttls --user bob@hotmail.com" in r.stdout


def test_international_address_is_accepted():
    r = mailtester("detect", "müller@bücher.example", "--json", "--offline")
    assert r.code == 1, r.stderr
    assert json.loads(r.stdout)["domain"] == "xn--bcher-kva.example"


def test_help_names_the_sources_and_options():
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "mailtester.detect", "--help"], capture_output=True, text=True)
    assert r.returncode == 0
    text = " ".join(r.stdout.split())
    for word in ("--offline", "--dns-server IP[:PORT]", "--ca-file PEM", "--timeout S", "autoconfig", "SRV"):
        assert word in text
