"""`mailtester batch FILE --oauth ...` against the suite's real OpenID provider and Dovecot/Postfix with
passdb oauth2: refresh tokens got through real browser sign-ins are put in the (test) keychain, then the
batch logs each row in with one refresh, never opening a browser."""

from __future__ import annotations

import asyncio
import csv
import json
import os
from pathlib import Path

import pytest

from mailtester.oauth import flow, store
from tests.oauth.test_signin import _browser_sign_in
from tests.oauth.world import USER, OAuthWorld, browser_log
from tests.secret_search import find_secrets
from tests.servers.oidc import CLIENT, MAIL_SCOPE
from tests.servers.postfix import DOMAIN

pytestmark = pytest.mark.postfix

NO_TOKEN, REVOKED = f"bob@{DOMAIN}", f"carol@{DOMAIN}"


def _remember(world: OAuthWorld, tokens: dict[str, flow.Tokens]) -> None:
    """Into the test keychain, where `check --oauth ... --oauth-remember` keeps them."""
    keychain = {f"{store.SERVICE}\n{store.key(t.issuer, CLIENT, user)}": t.refresh.reveal()
                for user, t in tokens.items() if t.refresh is not None}
    Path(os.environ["MAILTESTER_TEST_KEYCHAIN"]).write_text(json.dumps(keychain))


def test_batch_logs_each_row_in_with_its_remembered_refresh_token(
        oauth_world: OAuthWorld, browser: pytest.MonkeyPatch, tmp_path: Path) -> None:
    async def sign_ins() -> tuple[flow.Tokens, flow.Tokens]:
        good = await _browser_sign_in(oauth_world, CLIENT)
        revoked = await _browser_sign_in(oauth_world, CLIENT)
        assert revoked.refresh is not None
        settings = flow.OAuthSettings("issuer", client_id=CLIENT, issuer=oauth_world.oidc.issuer,
                                      ca_file=oauth_world.ca_file)
        assert await flow.revoke(settings, revoked.refresh)
        return good, revoked

    good, revoked = asyncio.run(sign_ins())
    assert good.refresh is not None and revoked.refresh is not None
    assert not oauth_world.oidc.active(revoked.refresh.reveal())
    _remember(oauth_world, {USER: good, REVOKED: revoked})
    browser.setenv("MAILTESTER_TEST_BROWSER", "never")  # a batch never opens one; if it did, the row would hang
    mail = oauth_world.mail
    sheet = tmp_path / "accounts.csv"
    sheet.write_text("email,host,port,security,protocol\n"
                     f"{USER},{mail.mail_host},{mail.imaps},tls,imap\n"
                     f"{USER},localhost,{mail.submission},starttls,smtp\n"
                     f"{NO_TOKEN},{mail.mail_host},{mail.imaps},tls,imap\n"
                     f"{REVOKED},{mail.mail_host},{mail.imaps},tls,imap\n")
    out, jsonl, html = tmp_path / "results.csv", tmp_path / "results.jsonl", tmp_path / "results.html"
    before = len(oauth_world.oidc.issued_tokens())
    log = Path(os.environ["MAILTESTER_TEST_BROWSER_LOG"])
    log.unlink(missing_ok=True)  # the sign-ins' browser log: the batch must start none
    keychain_before = Path(os.environ["MAILTESTER_TEST_KEYCHAIN"]).read_text()
    from tests.helpers import mailtester

    r = mailtester("batch", str(sheet), "--oauth", "issuer", "--oauth-issuer", oauth_world.oidc.issuer,
                   "--oauth-client-id", CLIENT, "--oauth-scope", MAIL_SCOPE, "--ca-file", oauth_world.ca_file,
                   "--timeout", "5", "--lang", "en", "--out", str(out), "--jsonl", str(jsonl), "--html", str(html),
                   timeout=60)
    assert r.code == 1, r.stdout + r.stderr + browser_log()  # some rows did not log in
    # Rows are written as they end: by (address, protocol).
    rows = {(row["email"], row["protocol"]): row for row in csv.DictReader(out.open())}
    assert {k: (row["status"], row["diagnosis_id"]) for k, row in rows.items()} == {
        (USER, "imap"): ("ok", ""), (USER, "smtp"): ("ok", ""),
        (NO_TOKEN, "imap"): ("failed", "batch.oauth-no-token"), (REVOKED, "imap"): ("failed", "batch.oauth-refused")}
    checks = {c["row"]: c for c in map(json.loads, jsonl.read_text().splitlines())}
    assert [checks[n]["mechanism"] for n in (1, 2)] == ["XOAUTH2", "XOAUTH2"]
    # As `check --oauth --json`: the rows that logged in with a token say whose sign-in; the others say none.
    for n in (1, 2):
        assert checks[n]["oauth"] == {"provider": "issuer", "issuer": oauth_world.oidc.issuer,
                                      "scopes": ["openid", "offline_access", MAIL_SCOPE], "expires_in": 3600}
        assert find_secrets(json.dumps(checks[n]["oauth"]), [*good.secrets(), *oauth_world.oidc.issued_tokens()]) == []
    assert "oauth" not in checks[3] and "oauth" not in checks[4]
    assert f"no refresh token is remembered for {NO_TOKEN}" in checks[3]["diagnosis"]["explanation"]
    assert "invalid_grant" in checks[4]["diagnosis"]["explanation"]
    # One refresh per row that had a token: an access token each for the two good rows, nothing else.
    issued = oauth_world.oidc.issued_tokens()
    assert len(issued) - before == 2
    assert Path(os.environ["MAILTESTER_TEST_KEYCHAIN"]).read_text() == keychain_before
    outputs = [r.stdout, r.stderr, out.read_text(), jsonl.read_text(), html.read_text()]
    assert not log.exists()  # the browser was never started
    for text in outputs:
        assert find_secrets(text, issued) == []


def test_batch_oauth_usage_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.helpers import mailtester

    sheet = tmp_path / "accounts.csv"
    sheet.write_text(f"email,password,host\n{USER},secret-pw,mail.{DOMAIN}\n")
    base = ("batch", str(sheet), "--oauth", "issuer", "--oauth-issuer", "https://id.example")
    r = mailtester(*base, "--oauth-client-id", CLIENT)
    assert r.code == 2 and "password_ref cells would not be used" in r.stderr, r.stderr
    r = mailtester(*base)
    assert r.code == 2 and "--oauth needs --oauth-client-id" in r.stderr, r.stderr
    r = mailtester(*base, "--oauth-client-id", CLIENT, "--no-browser")  # a batch has no browser to leave out
    assert r.code == 2 and "unrecognized arguments: --no-browser" in r.stderr, r.stderr
    sheet.write_text(f"email,host\n{USER},mail.{DOMAIN}\n")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")  # no keychain on this machine
    r = mailtester(*base, "--oauth-client-id", CLIENT)
    assert r.code == 2 and "no system keychain works here" in r.stderr, r.stderr
