"""`mailtester check --protocol imap|pop3` against the suite's real Dovecot on loopback."""

from __future__ import annotations

import pytest

from tests.helpers import mailtester
from tests.servers.postfix import DISABLED_USER

pytestmark = pytest.mark.postfix


def check(postfix, protocol, port, security, *extra, user=None, password=None, host=None, index=0):
    u, p = postfix.user(index)
    return mailtester("check", "--protocol", protocol, "--host", host or postfix.mail_host, "--port", str(port),
                      "--security", security, "--user", user or u, "--ca-file", str(postfix.ca_file), "--json",
                      *extra, password=p if password is None else password)


def test_imap_authenticate_login_decodes_prompts_and_succeeds(postfix):
    r = check(postfix, "imap", postfix.imaps, "tls", "--mechanism", "LOGIN")
    assert r.code == 0, r.stdout + r.stderr
    out = r.json
    assert out["ok"] is True and out["protocol"] == "imap" and out["stage"] == "done"
    assert out["mechanism"] == "LOGIN" and out["schema"] == 2
    decoded = [e["decoded"] for e in out["timeline"] if e["dir"] == "S" and e["decoded"]]
    assert decoded == ["Username:", "Password:"]
    assert out["reply"]["status"] == "OK" and out["reply"]["code"] is None and out["reply"]["enhanced"] is None
    assert any(e["text"].endswith("EXAMINE INBOX") for e in out["timeline"] if e["dir"] == "C")


def test_imap_wrong_password(postfix):
    r = check(postfix, "imap", postfix.imaps, "tls", "--mechanism", "LOGIN", password="wrong password")
    assert r.code == 1, r.stdout + r.stderr
    out = r.json
    assert out["reply"]["status"] == "NO" and out["reply"]["response_code"] == "AUTHENTICATIONFAILED"
    assert out["reply"]["code"] is None and out["reply"]["enhanced"] is None
    assert out["diagnosis"]["id"] == "auth.credentials-rejected" and out["stage"] == "auth"


def test_pop3_wrong_password_is_err_auth(postfix):
    r = check(postfix, "pop3", postfix.pop3s, "tls", "--mechanism", "LOGIN", password="wrong password")
    assert r.code == 1, r.stdout + r.stderr
    out = r.json
    assert out["reply"]["status"] == "-ERR" and out["reply"]["response_code"] == "AUTH"
    assert out["diagnosis"]["id"] == "auth.credentials-rejected"


def test_pop3_authenticate_login_decodes_prompts_and_succeeds(postfix):
    r = check(postfix, "pop3", postfix.pop3s, "tls", "--mechanism", "LOGIN")
    assert r.code == 0, r.stdout + r.stderr
    out = r.json
    decoded = [e["decoded"] for e in out["timeline"] if e["dir"] == "S" and e["decoded"]]
    assert decoded == ["Username:", "Password:"] and out["reply"]["status"] == "+OK"
    assert any(e["text"] == "STAT" for e in out["timeline"] if e["dir"] == "C")


@pytest.mark.parametrize("protocol, port, security", [
    ("imap", "imap", "starttls"), ("imap", "imaps", "tls"), ("pop3", "pop3", "starttls"), ("pop3", "pop3s", "tls")])
@pytest.mark.parametrize("mechanism", ["auto", "PLAIN", "LOGIN", "CRAM-MD5", "NATIVE"])
@pytest.mark.parametrize("index", [0, 1])  # an ASCII password, and a UTF-8 one with a trailing space
def test_every_mechanism_and_the_native_login(postfix, protocol, port, security, mechanism, index):
    r = check(postfix, protocol, getattr(postfix, port), security, "--mechanism", mechanism, index=index)
    assert r.code == 0, r.stdout + r.stderr
    out = r.json
    assert out["ok"] and out["tls"]["verified"]
    assert out["mechanism"] == ("PLAIN" if mechanism == "auto" else mechanism)


def test_imap_starttls_port_without_tls_is_never_sent_credentials(postfix):
    # LOGINDISABLED before STARTTLS: the native login is refused here, nothing is sent.
    r = check(postfix, "imap", postfix.imap, "none", "--mechanism", "NATIVE", "--allow-plaintext-auth")
    assert r.code == 7, r.stdout
    out = r.json
    assert out["diagnosis"]["id"] == "auth.tls-required"
    assert not any("LOGIN" in e["text"] for e in out["timeline"] if e["dir"] == "C")


def test_imap_plain_port_with_consent(postfix):
    r = check(postfix, "imap", postfix.imap_plain, "none", "--allow-plaintext-auth", host=postfix.host)
    assert r.code == 0, r.stdout
    assert r.json["tls"] is None


def test_disabled_account(postfix):
    user, password = DISABLED_USER
    imap = check(postfix, "imap", postfix.imaps, "tls", user=user, password=password).json
    assert imap["reply"]["response_code"] == "CONTACTADMIN"
    assert imap["diagnosis"]["id"] == "auth.contact-admin"
    pop = check(postfix, "pop3", postfix.pop3s, "tls", user=user, password=password).json
    assert pop["reply"]["status"] == "-ERR" and not pop["ok"]


@pytest.mark.parametrize("protocol, port, host, answered", [
    ("smtp", "imaps", "mail", "IMAP"), ("smtp", "pop3s", "mail", "POP3"),
    ("imap", "submissions", "host", "SMTP"), ("imap", "pop3s", "mail", "POP3"),
    ("pop3", "imaps", "mail", "IMAP"), ("pop3", "submissions", "host", "SMTP"),
])
def test_wrong_service(postfix, protocol, port, host, answered):
    r = check(postfix, protocol, getattr(postfix, port), "tls",
              host=postfix.mail_host if host == "mail" else postfix.host)
    assert r.code == 5, r.stdout + r.stderr
    out = r.json
    assert out["diagnosis"]["id"] == "protocol.wrong-service"
    assert answered in out["diagnosis"]["explanation"] or answered in out["diagnosis"]["title"]
    sent = [e for e in out["timeline"] if e["dir"] == "C"]
    assert sent == []  # nothing after the greeting
