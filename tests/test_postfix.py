"""`mailtester check` against a real Postfix with Dovecot SASL on loopback."""

from __future__ import annotations

import pytest

from tests.helpers import mailtester

pytestmark = pytest.mark.postfix


def check(postfix, port, security, *extra, user=None, password=None):
    u, p = postfix.user(0)
    return mailtester("check", "--host", postfix.host, "--port", str(port), "--security", security,
                      "--user", user or u, "--ca-file", str(postfix.ca_file), "--json", *extra,
                      password=p if password is None else password)


def test_starttls_auth_login_decodes_prompts_and_succeeds(postfix):
    r = check(postfix, postfix.submission, "starttls", "--mechanism", "LOGIN")
    assert r.code == 0, r.stdout + r.stderr
    out = r.json
    assert out["ok"] is True and out["stage"] == "done" and out["mechanism"] == "LOGIN"
    decoded = [e["decoded"] for e in out["timeline"] if e["dir"] == "S" and e["decoded"]]
    assert decoded == ["Username:", "Password:"]
    assert out["reply"]["code"] == 235
    assert out["tls"]["verified"] is True and out["tls"]["version"] in ("TLSv1.2", "TLSv1.3")


def test_wrong_password_is_535_credentials_rejected(postfix):
    r = check(postfix, postfix.submission, "starttls", "--mechanism", "LOGIN", password="wrong password")
    assert r.code == 1
    out = r.json
    assert out["reply"]["code"] == 535 and out["reply"]["enhanced"] == "5.7.8"
    assert out["diagnosis"]["id"] == "auth.credentials-rejected"
    assert out["stage"] == "auth"


@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN", "CRAM-MD5"])
def test_every_password_mechanism_on_the_plain_port(postfix, mechanism):
    u, p = postfix.user(1)  # the non-ASCII password with a trailing space
    r = check(postfix, postfix.plain, "none", "--mechanism", mechanism, "--allow-plaintext-auth",
              user=u, password=p)
    assert r.code == 0, r.stdout
    assert r.json["mechanism"] == mechanism


def test_implicit_tls_with_non_ascii_password(postfix):
    u, p = postfix.user(1)
    r = check(postfix, postfix.submissions, "tls", user=u, password=p)
    assert r.code == 0 and r.json["mechanism"] == "PLAIN"


def test_cram_md5_challenge_is_decoded(postfix):
    r = check(postfix, postfix.plain, "none", "--mechanism", "CRAM-MD5", "--allow-plaintext-auth")
    (challenge,) = [e["decoded"] for e in r.json["timeline"] if e["decoded"] and e["dir"] == "S"]
    assert challenge.startswith("<") and challenge.endswith(">")


def test_plaintext_refused_on_plain_port_sends_no_auth(postfix):
    before = postfix.log.count("sasl_method")
    r = check(postfix, postfix.plain, "none")
    assert r.code == 7 and r.json["diagnosis"]["id"] == "auth.plaintext-refused"
    assert not any(e["text"].startswith("AUTH") for e in r.json["timeline"])
    assert postfix.log.count("sasl_method") == before


def test_implicit_tls_on_the_starttls_port_is_mode_mismatch(postfix):
    r = check(postfix, postfix.submission, "tls")
    assert r.code == 4 and r.json["diagnosis"]["id"] == "tls.mode-mismatch"


def test_untrusted_certificate_without_ca_file(postfix):
    u, p = postfix.user(0)
    r = mailtester("check", "--host", "localhost", "--port", str(postfix.submission), "--user", u, "--json",
                   password=p)
    assert r.code == 4
    out = r.json
    assert out["diagnosis"]["id"] == "tls.certificate-untrusted"
    assert out["tls"]["verified"] is False and "localhost" in out["tls"]["sans"]
    assert not any(e["text"].startswith("AUTH") for e in out["timeline"])
