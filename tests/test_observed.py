"""Diagnoses from what the run observed, against the suite's own Postfix and Dovecot."""

from __future__ import annotations

import time

import pytest

from tests.helpers import mailtester

pytestmark = pytest.mark.postfix


def check(postfix, protocol, port_name, security, *extra, index=0):
    host = postfix.host if protocol == "smtp" or port_name == "imap_plain" else postfix.mail_host
    user, password = postfix.user(index)
    return mailtester("check", "--protocol", protocol, "--host", host, "--port", str(getattr(postfix, port_name)),
                      "--security", security, "--user", user, "--ca-file", str(postfix.ca_file), "--json",
                      "--timeout", "20", *extra, password=password)


@pytest.mark.parametrize(("protocol", "port_name"), [("smtp", "submissions"), ("imap", "imaps"), ("pop3", "pop3s")])
@pytest.mark.parametrize("security", ["starttls", "none"])
def test_plain_or_starttls_on_an_implicit_tls_port(postfix, protocol, port_name, security):
    start = time.monotonic()
    r = check(postfix, protocol, port_name, security, "--allow-plaintext-auth")
    assert time.monotonic() - start < 8, "the mismatch was found by waiting out the timeout"
    out = r.json
    assert r.code == 4 and out["diagnosis"]["id"] == "tls.mode-mismatch"
    port = getattr(postfix, port_name)
    assert out["diagnosis"]["suggestions"][0] == {"kind": "security", "value": "tls", "port": port,
                                                  "label": f"Use SSL/TLS on port {port}"}
    assert out["probe"]["tls"] is True
    assert not [e for e in out["timeline"] if e["dir"] == "C"]  # nothing sent on the main connection


@pytest.mark.parametrize(("protocol", "port_name"), [("smtp", "submission"), ("imap", "imap"), ("pop3", "pop3")])
def test_ssl_tls_on_a_starttls_port(postfix, protocol, port_name):
    r = check(postfix, protocol, port_name, "tls")
    out = r.json
    assert r.code == 4 and out["diagnosis"]["id"] == "tls.mode-mismatch"
    port = getattr(postfix, port_name)
    first = out["diagnosis"]["suggestions"][0]
    assert (first["kind"], first["value"], first["port"]) == ("security", "starttls", port)
    assert out["probe"] == {"tls": None, "service": protocol, "starttls": True}


def test_retry_suggested_applies_the_security_suggestion(postfix):
    r = check(postfix, "smtp", "submissions", "starttls", "--retry-suggested")
    assert r.code == 0, r.stdout
    out = r.json
    assert out["ok"] and out["settings"]["security"] == "tls"
    assert out["first_attempt"]["diagnosis"]["id"] == "tls.mode-mismatch"


@pytest.mark.parametrize(("protocol", "port_name"), [("smtp", "plain"), ("imap", "imap_plain")])
def test_a_plaintext_success_warns(postfix, protocol, port_name):
    r = check(postfix, protocol, port_name, "none", "--allow-plaintext-auth")
    assert r.code == 0, r.stdout
    out = r.json
    assert [w["id"] for w in out["warnings"]] == ["security.plaintext-auth"]
    human = check(postfix, protocol, port_name, "none", "--allow-plaintext-auth")
    assert human.code == 0
    text = mailtester("check", "--protocol", protocol, "--host", postfix.host, "--port",
                      str(getattr(postfix, port_name)), "--security", "none", "--allow-plaintext-auth",
                      "--user", postfix.user(0)[0], password=postfix.user(0)[1]).stdout
    assert "OK, WITH A WARNING:" in text and "security.plaintext-auth" in text


def test_plaintext_prefers_cram_md5(postfix):
    out = check(postfix, "smtp", "plain", "none", "--allow-plaintext-auth").json
    assert out["ok"] and out["mechanism"] == "CRAM-MD5"


def test_an_ordinary_refusal_suggests_no_other_mechanism(postfix):
    user, _ = postfix.user(0)
    r = mailtester("check", "--host", postfix.host, "--port", str(postfix.submission), "--security", "starttls",
                   "--user", user, "--ca-file", str(postfix.ca_file), "--json", password="wrong password")
    out = r.json
    assert out["diagnosis"]["id"] == "auth.credentials-rejected"
    assert not [s for s in out["diagnosis"]["suggestions"] if s["kind"] == "mechanism"]
