"""The providers as data and the sign-in's checks that need no server: Google's and Microsoft's
endpoints, who gets a client secret, PKCE, the answer checks, and the command's usage errors."""

from __future__ import annotations

import base64
import hashlib

import pytest

from mailtester.oauth import flow
from mailtester.protocol.kinds import Protocol
from tests.helpers import mailtester


async def test_google_and_microsoft_come_from_the_table() -> None:
    google = await flow.endpoints(flow.OAuthSettings("google", client_id="id"))
    assert google.token == "https://oauth2.googleapis.com/token" and google.revocation
    assert flow.scopes_for(google, flow.OAuthSettings("google"), (Protocol.SMTP, Protocol.IMAP)) == (
        "https://mail.google.com/",)
    assert google.extra == {"access_type": "offline"}
    ms = await flow.endpoints(flow.OAuthSettings("microsoft", client_id="id", tenant="organizations"))
    assert ms.authorization == "https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize"
    assert ms.revocation is None  # Forget then only deletes
    assert flow.scopes_for(ms, flow.OAuthSettings("microsoft"), (Protocol.IMAP, Protocol.SMTP)) == (
        "https://outlook.office.com/IMAP.AccessAsUser.All", "offline_access", "https://outlook.office.com/SMTP.Send")
    common = await flow.endpoints(flow.OAuthSettings("microsoft", client_id="id"))
    assert "/common/" in common.token


async def test_only_googles_desktop_client_sends_its_secret() -> None:
    google = await flow.endpoints(flow.OAuthSettings("google", client_id="id"))
    ms = await flow.endpoints(flow.OAuthSettings("microsoft", client_id="id"))
    assert flow._client_auth(google, flow.OAuthSettings("google", "id", client_secret="s")) == {
        "client_id": "id", "client_secret": "s"}
    assert flow._client_auth(ms, flow.OAuthSettings("microsoft", "id", client_secret="s")) == {"client_id": "id"}


@pytest.mark.parametrize(("settings", "words"), [
    (flow.OAuthSettings("google"), "client id"),
    (flow.OAuthSettings("microsoft", "id", tenant="bad/tenant"), "tenant"),
    (flow.OAuthSettings("issuer", "id", issuer="http://login.example"), "https"),
])
async def test_bad_settings_are_refused_before_any_request(settings: flow.OAuthSettings, words: str) -> None:
    with pytest.raises(flow.SignInError) as caught:
        await flow.endpoints(settings)
    assert caught.value.id == "oauth.config" and words in str(caught.value)


def test_pkce_is_s256_of_a_43_character_verifier() -> None:
    verifier, challenge = flow.pkce_pair()
    assert len(verifier) == 43
    assert challenge == base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    assert flow.pkce_pair()[0] != verifier


def test_an_issuer_that_promises_iss_must_send_it() -> None:
    ep = flow.Endpoints("x", "https://as.example", "https://as.example/auth", "https://as.example/token",
                        iss_parameter=True)
    answer = {"code": "c", "state": "s", "error": "", "error_description": "", "iss": ""}
    problem = flow._problem(answer, "s", ep)
    assert problem is not None and problem.id == "oauth.issuer-mismatch"
    assert flow._problem({**answer, "iss": "https://as.example"}, "s", ep) is None
    denied = flow._problem({**answer, "code": "", "iss": "https://as.example", "error": "access_denied",
                            "error_description": "\x1b[2Jbye"}, "s", ep)
    assert denied is not None and denied.id == "oauth.cancelled" and "\x1b" not in str(denied)


@pytest.mark.parametrize(("extra", "message"), [
    (["--oauth", "google"], "--oauth-client-id"),
    (["--oauth", "issuer", "--oauth-client-id", "x"], "--oauth-issuer"),
    (["--oauth", "google", "--oauth-client-id", "x", "--oauth-tenant", "t"], "--oauth-tenant is for"),
    (["--oauth", "microsoft", "--oauth-client-id", "x", "--oauth-client-secret", "s"], "Google"),
    (["--oauth", "google", "--oauth-client-id", "x", "--mechanism", "PLAIN"], "XOAUTH2"),
    (["--no-browser"], "needs --oauth"),
])
def test_usage_errors(extra: list[str], message: str) -> None:
    run = mailtester("check", "--host", "127.0.0.1", "--user", "a@example.test", *extra, stdin="")
    assert run.code == 2 and message in run.stderr, run.stderr


async def test_a_multi_tenant_microsoft_sign_in_accepts_the_users_tenant_as_iss() -> None:
    answer = {"code": "c", "state": "s", "error": "", "error_description": ""}
    tenant = "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0"
    common = await flow.endpoints(flow.OAuthSettings("microsoft", client_id="id"))
    assert flow._problem({**answer, "iss": tenant}, "s", common) is None
    assert flow._problem({**answer, "iss": "https://login.microsoftonline.com.evil.example/x/v2.0"}, "s",
                         common) is not None
    by_name = await flow.endpoints(flow.OAuthSettings("microsoft", client_id="id", tenant="contoso.onmicrosoft.com"))
    assert flow._problem({**answer, "iss": tenant}, "s", by_name) is None
    own = await flow.endpoints(flow.OAuthSettings("microsoft", client_id="id",
                                                  tenant="72f988bf-86f1-41af-91ab-2d7cd011db47"))
    assert flow._problem({**answer, "iss": tenant}, "s", own) is not None  # a tenant id is that tenant
    assert flow._problem({**answer, "iss": own.issuer}, "s", own) is None
