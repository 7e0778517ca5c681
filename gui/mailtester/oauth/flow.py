"""OAuth2 sign-in for a native app (RFC 8252): the system browser, a one-shot
listener on http://127.0.0.1:<random port>/, PKCE S256 (RFC 7636), `state`,
the RFC 9207 `iss` check where the issuer advertises it, the code exchange,
refresh and revocation (RFC 7009). HTTP through aiohttp with the system's
trust store plus --ca-file; issuers and their endpoints must be https.

Tokens leave this module only as `Secret`s; no message here ever holds one.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import re
import secrets
import tomllib
from collections.abc import Callable
from dataclasses import field
from typing import Any
from urllib.parse import urlencode, urlsplit

from ..protocol.credentials import Secret
from ..protocol.kinds import Protocol
from ..protocol.record import Record
from ..protocol.replies import show_controls
from ..resources import resource_path

MAX_BODY = 64 * 1024  # discovery documents and token answers are small
MIN_WAIT = 120.0  # the browser step: at least this long, else --timeout x 4

# The sign-in steps for the timeline, by key (English; the window translates).
NOTES = {
    "oauth-discovery": "Reading the sign-in settings of {0}",
    "oauth-browser": "Opening the browser to sign in with {0}",
    "oauth-url": "Waiting for the sign-in in a browser (open the address shown)",
    "oauth-redirect": "The browser came back with the sign-in answer",
    "oauth-token": "Signed in: access token received (valid {0} s, scopes {1})",
    "oauth-refresh": "Signed in again with the stored refresh token (valid {0} s)",
    "oauth-no-keychain": "No system keychain works here: the refresh token was not kept (never in a file)",
}

# Why a sign-in ended without a token: id -> plain words. {0} is a detail.
ERRORS = {
    "oauth.timeout": "The browser did not come back within {0} s. Sign in again and finish the provider's "
                     "pages in the browser that opened.",
    "oauth.cancelled": "The sign-in was cancelled or consent was refused in the browser ({0}).",
    "oauth.denied": "The provider refused the sign-in: {0}",
    "oauth.state-mismatch": "A sign-in answer arrived that does not belong to this sign-in (wrong state); "
                            "it was refused. Sign in again; if this repeats, another program may be "
                            "interfering.",
    "oauth.issuer-mismatch": "The sign-in answer names another issuer ({0}) than the one asked; it was refused "
                             "(RFC 9207 mix-up protection).",
    "oauth.token-refused": "The provider did not exchange the sign-in for a token: {0}",
    "oauth.discovery": "Cannot read the sign-in settings of the issuer: {0}",
    "oauth.network": "Cannot reach the sign-in server: {0}",
    "oauth.config": "{0}",
}


class SignInError(Exception):
    """A sign-in ended without a token; `id` is one of ERRORS, the text is plain words."""

    def __init__(self, id: str, detail: str = "") -> None:
        self.id = id
        self.detail = show_controls(detail)[:300]  # server text: neutralised, bounded
        super().__init__(ERRORS[id].format(self.detail))


class OAuthSettings(Record):
    provider: str  # one of options.PROVIDERS
    client_id: str = ""
    client_secret: str = ""  # Google's Desktop client only (not confidential by Google's design)
    tenant: str = ""
    issuer: str = ""
    scopes: tuple[str, ...] = ()  # added to the provider's own
    ca_file: str | None = None
    login_hint: str = ""
    timeout: float = 20.0  # each request to the sign-in server, whole (a server that drips is cut off)


class Endpoints(Record):
    name: str
    issuer: str
    authorization: str
    token: str
    revocation: str | None = None
    iss_parameter: bool = False  # RFC 9207: the issuer promises `iss` in every answer
    issuer_pattern: str = ""  # another `iss` that is right too (a multi-tenant authority: the user's tenant)
    extra: dict[str, str] = field(default_factory=dict)
    scopes: dict[str, list[str]] = field(default_factory=dict)
    client_secret: bool = False


class Tokens(Record):
    access: Secret
    refresh: Secret | None
    expires_in: int | None
    scopes: tuple[str, ...]
    provider: str
    issuer: str

    def public_dict(self) -> dict[str, Any]:
        """For reports and JSON: never a token."""
        return {"provider": self.provider, "issuer": self.issuer, "scopes": list(self.scopes),
                "expires_in": self.expires_in}

    def secrets(self) -> list[str]:
        return [s.reveal() for s in (self.access, self.refresh) if s is not None]


def provider_table() -> dict[str, Any]:
    return tomllib.loads(resource_path("oauth", "providers.toml").read_text(encoding="utf-8"))


def wait_time(timeout: float) -> float:
    """How long the browser step may take: --timeout x 4, at least two minutes."""
    return max(timeout * 4, MIN_WAIT)


def require_https(url: str, what: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise SignInError("oauth.config", f"{what} must be an https address, not {url!r}")
    return url


def pkce_pair() -> tuple[str, str]:
    """RFC 7636 §4.1-4.2: a 43-character verifier and its S256 challenge."""
    verifier = secrets.token_urlsafe(32)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode("ascii")).digest()).rstrip(b"=")
    return verifier, challenge.decode("ascii")


def scopes_for(endpoints: Endpoints, settings: OAuthSettings, protocols: Protocol | tuple[Protocol, ...]
               ) -> tuple[str, ...]:
    """The provider's scopes for these protocols (one token can serve both sides), then the user's."""
    wanted = [protocols] if isinstance(protocols, Protocol) else list(protocols)
    out: list[str] = []
    for s in [*(x for p in wanted for x in endpoints.scopes.get(p.value, [])), *settings.scopes]:
        if s not in out:
            out.append(s)
    return tuple(out)


def _session(settings: OAuthSettings) -> Any:
    import aiohttp

    from ..detect.online import ssl_context

    connector = aiohttp.TCPConnector(ssl=ssl_context(settings.ca_file))
    return aiohttp.ClientSession(connector=connector, trust_env=False, cookie_jar=aiohttp.DummyCookieJar(),
                                 timeout=aiohttp.ClientTimeout(total=settings.timeout))


async def _json(session: Any, method: str, url: str, data: dict[str, str] | None = None) -> tuple[int, Any]:
    """One request, redirects off, body capped; (status, parsed JSON or None)."""
    import aiohttp

    from ..detect.online import read_capped

    try:
        async with session.request(method, url, data=data, allow_redirects=False,
                                   headers={"Accept": "application/json"}) as resp:
            body = await read_capped(resp, MAX_BODY)
            status = resp.status
    except (TimeoutError, aiohttp.ClientError, OSError) as exc:
        raise SignInError("oauth.network", f"{urlsplit(url).netloc}: {type(exc).__name__} {exc}") from None
    if len(body) > MAX_BODY:
        return status, None
    try:
        return status, json.loads(body) if body else None
    except (ValueError, RecursionError):
        return status, None


async def endpoints(settings: OAuthSettings) -> Endpoints:
    """The provider's endpoints: from the table, or the issuer's discovery document."""
    table = provider_table()
    if settings.provider not in table:
        raise SignInError("oauth.config", f"unknown sign-in provider {settings.provider!r}")
    entry = table[settings.provider]
    if not settings.client_id:
        raise SignInError("oauth.config", f"{entry['name']} sign-in needs your organisation's own client id "
                                          "(--oauth-client-id); see the README's OAuth2 section")
    common = {"name": entry["name"], "extra": dict(entry.get("extra", {})), "scopes": entry["scopes"],
              "client_secret": entry.get("client_secret", False)}
    if settings.provider != "issuer":
        tenant = settings.tenant or entry.get("default_tenant", "")
        if tenant and not all(c.isalnum() or c in "-." for c in tenant):
            raise SignInError("oauth.config", "--oauth-tenant is common, organizations, consumers or a tenant id")
        fill = {k: entry[k].replace("{tenant}", tenant) for k in ("issuer", "authorization_endpoint",
                                                                  "token_endpoint")}
        by_id = "tenant_id" in entry and re.fullmatch(entry["tenant_id"], tenant)
        pattern = "" if by_id else entry.get("issuer_by_id", "")
        return Endpoints(issuer=fill["issuer"], authorization=fill["authorization_endpoint"],
                         token=fill["token_endpoint"], revocation=entry.get("revocation_endpoint"),
                         issuer_pattern=pattern, **common)
    issuer = require_https(settings.issuer.rstrip("/"), "--oauth-issuer")
    async with _session(settings) as session:
        status, doc = await _json(session, "GET", f"{issuer}/.well-known/openid-configuration")
    if status != 200 or not isinstance(doc, dict):
        raise SignInError("oauth.discovery", f"{issuer}/.well-known/openid-configuration answered {status}"
                                             + ("" if isinstance(doc, dict) else ", not a JSON document"))
    if doc.get("issuer") != issuer:  # OpenID Connect Discovery §4.3
        raise SignInError("oauth.discovery", f"the document names the issuer {str(doc.get('issuer'))!r}")
    try:
        auth = require_https(str(doc["authorization_endpoint"]), "the authorization endpoint")
        token = require_https(str(doc["token_endpoint"]), "the token endpoint")
    except KeyError as exc:
        raise SignInError("oauth.discovery", f"the document has no {exc.args[0]}") from None
    revocation = doc.get("revocation_endpoint")
    return Endpoints(issuer=issuer, authorization=auth, token=token,
                     revocation=require_https(str(revocation), "the revocation endpoint") if revocation else None,
                     iss_parameter=doc.get("authorization_response_iss_parameter_supported") is True, **common)


_PAGE = ("<!doctype html><meta charset=utf-8><title>Mail Account Tester</title>"
         "<p>{0}</p><p>You can close this tab and return to Mail Account Tester.</p>")


def _problem(q: dict[str, str], state: str, ep: Endpoints) -> SignInError | None:
    """Why an authorization answer is refused, or None for a good one."""
    if q["state"] != state:
        return SignInError("oauth.state-mismatch")
    known = q["iss"] == ep.issuer or bool(ep.issuer_pattern and re.fullmatch(ep.issuer_pattern, q["iss"]))
    if (q["iss"] and not known) or (ep.iss_parameter and not q["iss"]):
        return SignInError("oauth.issuer-mismatch", q["iss"] or "none")
    if q["error"]:
        detail = q["error"] + (f": {q['error_description']}" if q["error_description"] else "")
        return SignInError("oauth.cancelled" if q["error"] == "access_denied" else "oauth.denied", detail)
    if not q["code"]:
        return SignInError("oauth.denied", "the answer carried no code")
    return None


async def _redirect(state: str, wait: float, opened: Callable[[str], None], url_for: Callable[[int], str],
                    ep: Endpoints) -> tuple[str, str]:
    """Listen on 127.0.0.1:<random>, hand the authorization URL on, and return (code, redirect_uri)."""
    from aiohttp import web

    answer: asyncio.Future[dict[str, str]] = asyncio.get_running_loop().create_future()

    async def handle(request: web.Request) -> web.Response:
        q = {k: request.query.get(k, "") for k in ("code", "state", "error", "error_description", "iss")}
        if request.path != "/" or not (q["state"] or q["code"] or q["error"]):
            return web.Response(status=404, text="Not found")
        if not answer.done():
            answer.set_result(q)
        ok = _problem(q, state, ep) is None
        return web.Response(content_type="text/html", status=200 if ok else 400,
                            text=_PAGE.format("Signed in." if ok else "The sign-in did not complete."),
                            headers={"Content-Security-Policy": "default-src 'none'", "Cache-Control": "no-store",
                                     "Referrer-Policy": "no-referrer"})

    app = web.Application()
    app.router.add_get("/{tail:.*}", handle)
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    try:
        site = web.TCPSite(runner, "127.0.0.1", 0)  # the IP literal, loopback only (RFC 8252 §7.3, §8.3)
        await site.start()
        port = int(runner.addresses[0][1])
        redirect_uri = f"http://127.0.0.1:{port}/"
        opened(url_for(port))
        try:
            q = await asyncio.wait_for(answer, wait)
        except TimeoutError:
            raise SignInError("oauth.timeout", f"{wait:g}") from None
    finally:
        await runner.cleanup()  # the port is open only for this one sign-in
    problem = _problem(q, state, ep)
    if problem is not None:
        raise problem
    return q["code"], redirect_uri


def _client_auth(ep: Endpoints, settings: OAuthSettings) -> dict[str, str]:
    form = {"client_id": settings.client_id}
    if ep.client_secret and settings.client_secret:
        form["client_secret"] = settings.client_secret
    return form


async def _token_request(ep: Endpoints, settings: OAuthSettings, form: dict[str, str],
                         asked: tuple[str, ...], old_refresh: Secret | None = None) -> Tokens:
    async with _session(settings) as session:
        status, doc = await _json(session, "POST", ep.token, {**form, **_client_auth(ep, settings)})
    if status != 200 or not isinstance(doc, dict) or not isinstance(doc.get("access_token"), str):
        error = doc.get("error") if isinstance(doc, dict) else None
        desc = doc.get("error_description") if isinstance(doc, dict) else None
        raise SignInError("oauth.token-refused", f"{error or f'HTTP {status}'}" + (f" ({desc})" if desc else ""))
    if str(doc.get("token_type", "bearer")).lower() != "bearer":
        raise SignInError("oauth.token-refused", f"token type {doc.get('token_type')!r}, not Bearer")
    refresh = doc.get("refresh_token")
    expires = doc.get("expires_in")
    granted = doc.get("scope")
    return Tokens(access=Secret(doc["access_token"]),
                  refresh=Secret(refresh) if isinstance(refresh, str) and refresh else old_refresh,
                  expires_in=int(expires) if isinstance(expires, int | float) else None,
                  scopes=tuple(granted.split()) if isinstance(granted, str) else asked,
                  provider=settings.provider, issuer=ep.issuer)


Note = Callable[..., None]


def _no_note(key: str, *args: str) -> None:
    pass


async def sign_in(settings: OAuthSettings, protocol: Protocol | tuple[Protocol, ...], *,
                  open_url: Callable[[str], None], wait: float, note: Note = _no_note,
                  ep: Endpoints | None = None) -> Tokens:
    """The whole browser sign-in; `open_url` gets the authorization URL (the browser, or a print)."""
    if ep is None:
        note("oauth-discovery", settings.issuer or settings.provider)
        ep = await endpoints(settings)
    verifier, challenge = pkce_pair()
    state = secrets.token_urlsafe(24)
    scopes = scopes_for(ep, settings, protocol)

    def url_for(port: int) -> str:
        query = {"response_type": "code", "client_id": settings.client_id,
                 "redirect_uri": f"http://127.0.0.1:{port}/", "scope": " ".join(scopes), "state": state,
                 "code_challenge": challenge, "code_challenge_method": "S256", **ep.extra}
        if settings.login_hint:
            query["login_hint"] = settings.login_hint
        return f"{ep.authorization}{'&' if '?' in ep.authorization else '?'}{urlencode(query)}"

    code, redirect_uri = await _redirect(state, wait, open_url, url_for, ep)
    note("oauth-redirect")
    tokens = await _token_request(ep, settings, {"grant_type": "authorization_code", "code": code,
                                                 "redirect_uri": redirect_uri, "code_verifier": verifier}, scopes)
    note("oauth-token", str(tokens.expires_in or "?"), " ".join(tokens.scopes))
    return tokens


async def refresh(settings: OAuthSettings, protocol: Protocol | tuple[Protocol, ...], refresh_token: Secret, *,
                  note: Note = _no_note, ep: Endpoints | None = None) -> Tokens:
    """A new access token from a stored refresh token (RFC 6749 §6); no browser."""
    ep = ep or await endpoints(settings)
    scopes = scopes_for(ep, settings, protocol)
    tokens = await _token_request(ep, settings, {"grant_type": "refresh_token",
                                                 "refresh_token": refresh_token.reveal()}, scopes, refresh_token)
    note("oauth-refresh", str(tokens.expires_in or "?"))
    return tokens


async def revoke(settings: OAuthSettings, token: Secret, hint: str = "refresh_token", *,
                 ep: Endpoints | None = None) -> bool:
    """RFC 7009 where the provider offers it; False where it does not (the caller just deletes)."""
    ep = ep or await endpoints(settings)
    if not ep.revocation:
        return False
    async with _session(settings) as session:
        status, _ = await _json(session, "POST", ep.revocation,
                                {"token": token.reveal(), "token_type_hint": hint, **_client_auth(ep, settings)})
    return status == 200
