"""aiosmtpd in the test's own event loop, with every mechanism the tool speaks."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import logging
import ssl
from typing import Any

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword, auth_mechanism

USER = "user@example.test"
PASSWORD = "Correct-Horse-ünï"
TOKEN = "ya29.token-for-tests"
OAUTH_ERROR = {"status": "401", "schemes": "Bearer", "scope": "https://mail.google.com/"}

logging.getLogger("mail.log").setLevel(logging.CRITICAL)


class FullSMTP(SMTP):
    AuthLoginUsernameChallenge = "Username:"
    AuthLoginPasswordChallenge = "Password:"

    @auth_mechanism("CRAM-MD5")
    async def auth_CRAM_MD5(self, _: Any, args: list[str]) -> AuthResult:
        challenge = b"<1234.5678@test>"
        answer = await self.challenge_auth(challenge)
        if not isinstance(answer, bytes):
            return AuthResult(success=False, handled=True)
        user, _, digest = answer.partition(b" ")
        want = hmac.new(PASSWORD.encode(), challenge, hashlib.md5).hexdigest().encode()
        return AuthResult(success=user == USER.encode() and hmac.compare_digest(digest, want), handled=False)

    async def _bearer(self, args: list[str], token_part: bytes, error_answer: bytes) -> AuthResult:
        data = base64.b64decode(args[1]) if len(args) > 1 else b""
        if token_part in data:
            return AuthResult(success=True)
        answer = await self.challenge_auth(json.dumps(OAUTH_ERROR).encode())
        if answer != error_answer:
            return AuthResult(success=False, handled=False, message="501 5.5.2 bad answer to error challenge")
        return AuthResult(success=False, handled=False,
                          message="535 5.7.8 Username and Password not accepted. gsmtp")

    async def auth_XOAUTH2(self, _: Any, args: list[str]) -> AuthResult:
        return await self._bearer(args, f"user={USER}\x01auth=Bearer {TOKEN}\x01\x01".encode(), b"")

    async def auth_OAUTHBEARER(self, _: Any, args: list[str]) -> AuthResult:
        return await self._bearer(args, f"auth=Bearer {TOKEN}\x01\x01".encode(), b"\x01")


def _authenticator(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
    ok = isinstance(data, LoginPassword) and data.login == USER.encode() and data.password == PASSWORD.encode()
    return AuthResult(success=ok, handled=False)


async def start(mode: str, tls: ssl.SSLContext | None = None) -> asyncio.Server:
    """mode: plain (no TLS), starttls, or tls (implicit)."""
    loop = asyncio.get_running_loop()

    def factory() -> SMTP:
        kwargs: dict[str, Any] = dict(authenticator=_authenticator, hostname="aiosmtpd.test", loop=loop)
        if mode == "starttls":
            kwargs.update(tls_context=tls, require_starttls=True, auth_require_tls=True)
        else:
            kwargs.update(auth_require_tls=False)  # implicit TLS does not count for aiosmtpd
        return FullSMTP(object(), **kwargs)

    return await loop.create_server(factory, "127.0.0.1", 0, ssl=tls if mode == "tls" else None)
