"""A hostile or broken sign-in server (aiohttp on https loopback with a trustme certificate): a
discovery document that names another issuer, plain-http endpoints, one too big, one that drips, a
token endpoint whose error carries terminal controls. Each ends in its error, bounded in time."""

from __future__ import annotations

import asyncio
import contextlib
import json
import ssl
import time
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from mailtester.oauth import flow


@pytest.fixture
async def issuer(server_tls: ssl.SSLContext) -> AsyncIterator[str]:
    base = ""

    def doc(name: str, **changes: str) -> dict[str, str]:
        return {"issuer": f"{base}/{name}", "authorization_endpoint": f"{base}/{name}/auth",
                "token_endpoint": f"{base}/{name}/token", **changes}

    async def discovery(request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        if name == "drip":
            resp = web.StreamResponse()
            await resp.prepare(request)
            with contextlib.suppress(ConnectionResetError):  # the client gave up: as it should
                for _ in range(60):
                    await resp.write(b" ")
                    await asyncio.sleep(0.5)
            return resp
        if name == "big":
            return web.Response(text='{"issuer": "' + "x" * 200_000 + '"}', content_type="application/json")
        body = {"mixup": doc(name, issuer="https://attacker.example"),
                "plain": doc(name, token_endpoint="http://127.0.0.1/token")}.get(name, doc(name))
        return web.json_response(body)

    async def token(request: web.Request) -> web.Response:
        return web.json_response({"error": "invalid_grant", "error_description": "\x1b[2J\x1b]0;pwned\x07gone"},
                                 status=400)

    app = web.Application()
    app.router.add_get("/{name}/.well-known/openid-configuration", discovery)
    app.router.add_post("/{name}/token", token)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=0)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=server_tls)
    await site.start()
    base = f"https://127.0.0.1:{runner.addresses[0][1]}"
    try:
        yield base
    finally:
        await runner.cleanup()


def _settings(issuer: str, name: str, ca_file: str) -> flow.OAuthSettings:
    return flow.OAuthSettings("issuer", client_id="c", issuer=f"{issuer}/{name}", ca_file=ca_file, timeout=1)


@pytest.mark.parametrize(("name", "error", "words"), [
    ("mixup", "oauth.discovery", "names the issuer"),
    ("plain", "oauth.config", "must be an https address"),
    ("big", "oauth.discovery", "not a JSON document"),
    ("drip", "oauth.network", "TimeoutError"),
])
async def test_a_bad_discovery_document_is_refused_in_time(issuer: str, ca_file: str, name: str, error: str,
                                                           words: str) -> None:
    started = time.monotonic()
    with pytest.raises(flow.SignInError) as caught:
        await flow.endpoints(_settings(issuer, name, ca_file))
    assert caught.value.id == error and words in str(caught.value), str(caught.value)
    assert time.monotonic() - started < 5


async def test_an_untrusted_issuer_certificate_is_refused(issuer: str) -> None:
    with pytest.raises(flow.SignInError) as caught:
        await flow.endpoints(_settings(issuer, "good", None))  # type: ignore[arg-type]
    assert caught.value.id == "oauth.network" and "Certificate" in str(caught.value)


async def test_a_token_error_is_shown_without_its_terminal_controls(issuer: str, ca_file: str) -> None:
    settings = _settings(issuer, "good", ca_file)
    ep = await flow.endpoints(settings)
    with pytest.raises(flow.SignInError) as caught:
        await flow.refresh(settings, flow.Protocol.IMAP, flow.Secret("a-refresh-token"), ep=ep)
    text = str(caught.value)
    assert caught.value.id == "oauth.token-refused" and "invalid_grant" in text
    assert "\x1b" not in text and "\x07" not in text and "a-refresh-token" not in json.dumps(text)
