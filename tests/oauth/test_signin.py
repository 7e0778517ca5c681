"""OAuth2 sign-in against the suite's real authorization server (oidc-provider) and real mail servers
(Dovecot's passdb oauth2 introspecting each token; Postfix through Dovecot SASL), the browser step by
headless Chromium on the provider's own pages."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import aiohttp
import pytest

from mailtester.driver.client import run_check
from mailtester.knowledge.report import build_report
from mailtester.model import CheckSettings
from mailtester.oauth import flow
from mailtester.protocol.credentials import Credentials
from mailtester.protocol.kinds import Protocol, Security
from tests.helpers import mailtester
from tests.oauth.world import HERE, USER, OAuthWorld, browser_log
from tests.secret_search import find_secrets
from tests.servers.oidc import CLIENT, MAIL_SCOPE, SHORT_CLIENT, SHORT_TTL

pytestmark = pytest.mark.postfix


def _clean(world: OAuthWorld, *texts: str) -> None:
    tokens = world.oidc.issued_tokens()
    assert tokens, "the provider logged no token"
    for text in texts:
        assert find_secrets(text, tokens) == []


def test_imap_sign_in_in_the_browser_then_xoauth2_and_the_second_run_refreshes(
        oauth_world: OAuthWorld, browser: pytest.MonkeyPatch, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    args = oauth_world.command("imap", "--oauth-client-id", CLIENT, "--oauth-scope", MAIL_SCOPE, "--oauth-remember")
    first = mailtester(*args, "--json", "--report", str(report), timeout=60)
    assert first.code == 0, first.stdout + first.stderr + browser_log()
    out = first.json
    assert out["ok"] and out["mechanism"] == "XOAUTH2"
    assert out["oauth"] == {"provider": "issuer", "issuer": oauth_world.oidc.issuer,
                            "scopes": ["openid", "offline_access", MAIL_SCOPE], "expires_in": 3600}
    keychain = json.loads(Path(os.environ["MAILTESTER_TEST_KEYCHAIN"]).read_text())
    assert len(keychain) == 1 and next(iter(keychain.values())) in oauth_world.oidc.issued_tokens()
    # The second run: no browser at all (one that never returns would hold it for two minutes).
    browser.setenv("MAILTESTER_TEST_BROWSER", "never")
    started = time.monotonic()
    second = mailtester(*args, timeout=30)
    assert second.code == 0, second.stdout + second.stderr + browser_log()
    assert "Signed in again with the stored refresh token" in second.stdout
    assert "Opening the browser" not in second.stdout and time.monotonic() - started < 20
    _clean(oauth_world, first.stdout, first.stderr, second.stdout, second.stderr, report.read_text())


def test_smtp_sign_in_on_another_device_with_no_browser(oauth_world: OAuthWorld, browser: pytest.MonkeyPatch) -> None:
    """--no-browser: the address alone on one line of stderr; here "the other device" opens it."""
    args = oauth_world.command("smtp", "--oauth-client-id", CLIENT, "--oauth-scope", MAIL_SCOPE, "--no-browser",
                               "--oauth-remember")
    browser.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")  # no keychain on this machine
    proc = subprocess.Popen([sys.executable, "-m", "mailtester", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
    try:
        assert proc.stderr is not None
        url = proc.stderr.readline().rstrip("\n")
        assert url.startswith(oauth_world.oidc.issuer + "/auth?") and " " not in url
        query = parse_qs(urlsplit(url).query)
        assert query["code_challenge_method"] == ["S256"] and len(query["state"][0]) >= 32
        assert urlsplit(query["redirect_uri"][0]).hostname == "127.0.0.1"
        subprocess.run([sys.executable, str(HERE / "browser.py"), url], check=True, timeout=60)
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 0, stdout + stderr
    assert "accepted the login of alice@test.localhost with XOAUTH2" in stdout
    assert "235 2.7.0 Authentication successful" in stdout
    assert "No system keychain works here: the refresh token was not kept" in stdout
    _clean(oauth_world, stdout, stderr)


def test_a_token_without_the_mail_scope_is_refused_by_the_server(
        oauth_world: OAuthWorld, browser: pytest.MonkeyPatch) -> None:
    run = mailtester(*oauth_world.command("imap", "--oauth-client-id", CLIENT), "--json", timeout=60)
    assert run.code == 1, run.stdout + run.stderr + browser_log()
    out = run.json
    assert out["diagnosis"]["id"] == "auth.token-rejected"
    assert MAIL_SCOPE not in out["oauth"]["scopes"]
    assert "expected scope mail" in out["diagnosis"]["explanation"]  # Dovecot's JSON error, decoded
    _clean(oauth_world, run.stdout, run.stderr)


def test_the_user_cancels_in_the_browser(oauth_world: OAuthWorld, browser: pytest.MonkeyPatch) -> None:
    browser.setenv("MAILTESTER_TEST_BROWSER", "cancel")
    run = mailtester(*oauth_world.command("imap", "--oauth-client-id", CLIENT, "--oauth-scope", MAIL_SCOPE),
                     "--json", timeout=60)
    assert run.code == 7, run.stdout + run.stderr + browser_log()
    out = run.json
    assert out["ok"] is False and out["stage"] == "oauth" and out["diagnosis"]["id"] == "oauth.cancelled"
    assert "access_denied" in out["diagnosis"]["explanation"]


async def _browser_sign_in(world: OAuthWorld, client: str) -> flow.Tokens:
    settings = flow.OAuthSettings("issuer", client_id=client, issuer=world.oidc.issuer, scopes=(MAIL_SCOPE,),
                                  ca_file=world.ca_file, login_hint=USER)
    env = {**os.environ, "MAILTESTER_TEST_SPKI": world.oidc.spki, "MAILTESTER_TEST_LOGIN": USER}
    done: list[asyncio.Future[object]] = []

    def open_url(url: str) -> None:
        done.append(asyncio.get_running_loop().run_in_executor(None, lambda: subprocess.run(
            [sys.executable, str(HERE / "browser.py"), url], env=env, check=True, timeout=60)))

    tokens = await flow.sign_in(settings, Protocol.IMAP, open_url=open_url, wait=60)
    await done[0]
    return tokens


async def test_an_expired_token_is_refused_with_the_token_diagnosis(oauth_world: OAuthWorld) -> None:
    tokens = await _browser_sign_in(oauth_world, SHORT_CLIENT)
    assert tokens.expires_in is not None and 0 < tokens.expires_in <= SHORT_TTL  # whole seconds, counted down
    await asyncio.sleep(SHORT_TTL + 0.5)
    settings = CheckSettings(host=oauth_world.mail.mail_host, port=oauth_world.mail.imaps, security=Security.TLS,
                             protocol=Protocol.IMAP, credentials=Credentials(USER, token=tokens.access),
                             ca_file=oauth_world.ca_file, mechanism="OAUTHBEARER")
    report = build_report(await run_check(settings))
    assert not report.result.ok
    assert report.diagnosis is not None and report.diagnosis.id == "auth.token-rejected"
    assert report.result.outcome.oauth_error_fields.get("status") == "invalid_token"
    assert find_secrets(json.dumps(report.as_dict()), tokens.secrets()) == []


async def _forged(redirect: str, query: dict[str, str]) -> int:
    async with aiohttp.ClientSession() as session, session.get(redirect, params=query) as resp:
        return resp.status


@pytest.mark.parametrize(("forge", "error"), [
    ({"code": "forged-code", "state": "not-the-state"}, "oauth.state-mismatch"),
    ({"code": "forged-code", "iss": "https://attacker.example"}, "oauth.issuer-mismatch"),
])
async def test_a_forged_redirect_is_refused(oauth_world: OAuthWorld, forge: dict[str, str], error: str) -> None:
    """Another program on this computer answers the loopback port first, with a code of its own."""
    settings = flow.OAuthSettings("issuer", client_id=CLIENT, issuer=oauth_world.oidc.issuer,
                                  ca_file=oauth_world.ca_file)
    statuses: list[asyncio.Task[int]] = []

    def open_url(url: str) -> None:
        q = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
        statuses.append(asyncio.ensure_future(_forged(q["redirect_uri"], {"state": q["state"], **forge})))

    with pytest.raises(flow.SignInError) as caught:
        await flow.sign_in(settings, Protocol.IMAP, open_url=open_url, wait=10)
    assert caught.value.id == error
    assert await statuses[0] == 400  # the browser is told the sign-in did not complete


async def test_a_browser_that_never_returns_is_bounded_and_the_port_closes(oauth_world: OAuthWorld) -> None:
    assert flow.wait_time(10) == 120 and flow.wait_time(60) == 240  # --timeout x 4, at least two minutes
    settings = flow.OAuthSettings("issuer", client_id=CLIENT, issuer=oauth_world.oidc.issuer,
                                  ca_file=oauth_world.ca_file)
    urls: list[str] = []
    started = time.monotonic()
    with pytest.raises(flow.SignInError) as caught:
        await flow.sign_in(settings, Protocol.IMAP, open_url=urls.append, wait=1)
    assert caught.value.id == "oauth.timeout" and time.monotonic() - started < 5
    redirect = parse_qs(urlsplit(urls[0]).query)["redirect_uri"][0]
    with pytest.raises(aiohttp.ClientConnectorError):
        await _forged(redirect, {"code": "late", "state": "late"})
