"""Built-in demo servers, so the tool can show a full handshake with no account.

For SMTP aiosmtpd, for IMAP and POP3 the small servers of demo_incoming, on a
free loopback port in the running event loop, speaking STARTTLS with a
certificate from a demo CA that only demo runs trust (its key was destroyed
after signing; it is never added to any trust store).
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from types import TracebackType
from typing import Any

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

from ..model import CheckSettings
from ..protocol.credentials import Credentials, Secret
from ..protocol.events import Protocol, Security
from ..resources import resource_path

DEMO_USER = "demo@example.test"
DEMO_PASSWORD = "demo-password"  # public by design: shown in the README
DEMO_WRONG_PASSWORD = "not-the-demo-password"
DEMO_HOST = "127.0.0.1"  # where the demo listens: no name lookup, no hosts entry needed


class _DemoSMTP(SMTP):
    # Prompts as Postfix and most servers send them.
    AuthLoginUsernameChallenge = "Username:"
    AuthLoginPasswordChallenge = "Password:"


def _authenticate(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and (
        auth_data.login == DEMO_USER.encode() and auth_data.password == DEMO_PASSWORD.encode())
    if ok:
        return AuthResult(success=True)
    return AuthResult(success=False, handled=False,
                      message="535 5.7.8 Error: authentication failed: (reason unavailable)")


class _Handler:
    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        return "554 5.7.1 The demo server accepts no mail"


class DemoServer:
    """`async with DemoServer(protocol) as demo: settings = demo.settings()`"""

    def __init__(self, protocol: Protocol = Protocol.SMTP) -> None:
        self.protocol = protocol
        self.port = 0
        self._server: asyncio.Server | None = None
        self._incoming: Any = None

    async def __aenter__(self) -> DemoServer:
        if self.protocol is not Protocol.SMTP:
            from .demo_incoming import DemoImapServer, DemoPop3Server

            self._incoming = (DemoImapServer if self.protocol is Protocol.IMAP else DemoPop3Server)()
            await self._incoming.__aenter__()
            self.port = self._incoming.port
            return self
        # aiosmtpd logs every line at DEBUG (AUTH data included) and a traceback
        # for each client that rejects its certificate: keep the demo quiet.
        logging.getLogger("mail.log").setLevel(logging.CRITICAL)
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(resource_path("demo", "server.pem"), resource_path("demo", "server.key"))
        loop = asyncio.get_running_loop()

        def factory() -> SMTP:
            return _DemoSMTP(_Handler(), hostname="demo.mailtester.localhost", ident="Mail Account Tester demo",
                             tls_context=tls, require_starttls=True, auth_require_tls=True,
                             authenticator=_authenticate, auth_exclude_mechanism=["PLAIN"],
                             loop=loop)

        self._server = await loop.create_server(factory, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, et: type[BaseException] | None, e: BaseException | None,
                        tb: TracebackType | None) -> None:
        if self._incoming is not None:
            await self._incoming.__aexit__(et, e, tb)
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    def settings(self, fail: bool = False, **overrides: Any) -> CheckSettings:
        password = DEMO_WRONG_PASSWORD if fail else DEMO_PASSWORD
        values: dict[str, Any] = dict(
            host=DEMO_HOST, port=self.port, security=Security.STARTTLS, protocol=self.protocol,
            credentials=Credentials(DEMO_USER, Secret(password)), mechanism="LOGIN",
            ca_file=str(resource_path("demo", "ca.pem")),
        )
        values.update(overrides)
        return CheckSettings(**values)
