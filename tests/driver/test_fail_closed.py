"""No credential leaves before TLS is verified: scripted servers record every byte."""

from __future__ import annotations

import datetime as dt
import os
import ssl
import tempfile

import pytest
import trustme

from mailtester.driver.client import run_check
from mailtester.knowledge.report import build_report
from mailtester.model import CheckSettings
from mailtester.protocol.credentials import Credentials, Secret
from mailtester.protocol.events import Ending, Security
from tests.servers.scripted import Conn, ScriptedServer, check_against

CREDS = Credentials("user@example.test", Secret("fail-closed-secret"))


def settings(port, security=Security.STARTTLS, **kw):
    return CheckSettings(host="localhost", port=port, security=security, credentials=CREDS, timeout=3, **kw)


async def run(handler, security=Security.STARTTLS, server_ssl=None, **kw):
    result, srv = await check_against(handler, server_ssl, security=security, credentials=CREDS, timeout=3, **kw)
    assert not srv.errors, srv.errors
    return result, srv.received


def no_auth(received: bytes) -> bool:
    return b"AUTH" not in received.upper() and b"fail-closed" not in received


async def test_starttls_not_offered():
    async def h(c: Conn):
        await c.greet_ehlo("AUTH PLAIN LOGIN")
        await c.rest()

    result, received = await run(h)
    assert result.outcome.ending is Ending.STARTTLS_UNAVAILABLE
    assert build_report(result).diagnosis.id == "tls.starttls-unavailable"
    assert no_auth(received)


async def test_starttls_answered_with_error():
    async def h(c: Conn):
        await c.greet_ehlo("AUTH PLAIN|STARTTLS")
        await c.expect("STARTTLS", "454 4.7.0 TLS not available due to temporary reason\r\n")
        await c.rest()

    result, received = await run(h)
    assert build_report(result).diagnosis.id == "tls.starttls-unavailable"
    assert build_report(result).exit_code == 4
    assert no_auth(received)


async def test_bytes_injected_after_starttls_220_are_discarded(server_tls, ca_file):
    async def h(c: Conn):
        await c.greet_ehlo("STARTTLS")
        # A response-injection attempt: replies pipelined before the handshake.
        await c.expect("STARTTLS", "220 go ahead\r\n250-evil\r\n250 AUTH PLAIN\r\n235 2.7.0 fake\r\n")
        await c.start_tls(server_tls)
        await c.expect("EHLO", "250-test\r\n250 AUTH LOGIN\r\n")
        await c.expect("AUTH LOGIN", "334 VXNlcm5hbWU6\r\n")
        await c.expect("", "334 UGFzc3dvcmQ6\r\n")
        await c.expect("", "535 5.7.8 no\r\n")
        await c.rest()

    result, _received = await run(h, ca_file=ca_file)
    assert result.outcome.ending is Ending.AUTH_REJECTED
    assert any("Discarded" in e.text for e in result.timeline)
    assert not any(e.text == "250-evil" for e in result.timeline)


class SelfSigned:
    """A certificate that signs itself (trustme's CA certificate used as the server's own)."""

    def __init__(self, ca: trustme.CA) -> None:
        self.ca = ca

    def configure_cert(self, ctx: ssl.SSLContext) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            cert, key = os.path.join(tmp, "cert.pem"), os.path.join(tmp, "key.pem")
            self.ca.cert_pem.write_to_path(cert)
            self.ca.private_key_pem.write_to_path(key)
            ctx.load_cert_chain(cert, key)


@pytest.mark.parametrize(("kind", "issue", "diag"), [
    ("untrusted", lambda ca, other: other.issue_cert("localhost"), "tls.certificate-untrusted"),
    ("untrusted", lambda ca, other: SelfSigned(other), "tls.certificate-untrusted"),
    ("expired", lambda ca, other: ca.issue_cert("localhost", not_before=dt.datetime(2020, 1, 1),
                                                not_after=dt.datetime(2021, 1, 1)), "tls.certificate-expired"),
    ("not-yet-valid", lambda ca, other: ca.issue_cert("localhost", not_before=dt.datetime(2090, 1, 1),
                                                      not_after=dt.datetime(2091, 1, 1)),
     "tls.certificate-not-yet-valid"),
    ("hostname", lambda ca, other: ca.issue_cert("other.example"), "tls.hostname-mismatch"),
])
@pytest.mark.parametrize("security", [Security.STARTTLS, Security.TLS])
async def test_certificate_problems_stop_before_credentials(kind, issue, diag, security, ca, ca_file):
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    issue(ca, trustme.CA()).configure_cert(ctx)

    async def h(c: Conn):
        if security is Security.STARTTLS:
            await c.greet_ehlo("AUTH PLAIN|STARTTLS")
            await c.expect("STARTTLS", "220 go ahead\r\n")
            await c.start_tls(ctx)
        else:
            await c.send("220 test\r\n")
        await c.rest()

    result, received = await run(h, security, ctx if security is Security.TLS else None, ca_file=ca_file)
    assert result.tls_failure is not None and result.tls_failure.kind == kind
    if isinstance(issue(ca, trustme.CA()), SelfSigned):
        assert result.tls_failure.verify_code in (18, 19)  # self-signed
    report = build_report(result)
    assert report.diagnosis.id == diag and report.exit_code == 4
    assert no_auth(received)
    assert not any(e.direction == "C" and "AUTH" in e.text for e in result.timeline)


async def test_old_tls_only_server(ca_file):
    """A server that only speaks TLS 1.0/1.1 answers a modern ClientHello with a
    protocol_version alert (OpenSSL here can no longer act as such a server)."""

    async def h(c: Conn):
        await c.reader.read(5)  # the ClientHello's record header
        await c.send(b"\x15\x03\x01\x00\x02\x02\x46")  # fatal alert: protocol_version
        await c.rest()

    result, received = await run(h, Security.TLS, ca_file=ca_file)
    assert result.outcome.ending is Ending.TLS_FAILED
    assert build_report(result).diagnosis.id == "tls.protocol-too-old", result.tls_failure
    assert no_auth(received)


async def test_server_closing_during_handshake(ca_file):
    async def h(c: Conn):
        await c.greet_ehlo("STARTTLS")
        await c.expect("STARTTLS", "220 go\r\n")
        c.writer.transport.abort()

    result, received = await run(h, ca_file=ca_file)
    assert result.outcome.ending is Ending.TLS_FAILED
    assert build_report(result).diagnosis.id == "tls.handshake-failed"
    assert no_auth(received)


async def test_plain_client_on_implicit_tls_port_is_found_by_a_tls_probe(server_tls):
    async def h(c: Conn):
        await c.rest()  # waits for a ClientHello that never comes

    async with ScriptedServer(h, server_tls) as srv:
        s = settings(srv.port, Security.STARTTLS)
        result = await run_check(CheckSettings(**{**s.__dict__, "timeout": 0.5}))
    # Not by port number: a second, credential-free connection answered in TLS.
    assert result.outcome.ending is Ending.EXPECTS_TLS and result.probe.tls is True
    diagnosis = build_report(result).diagnosis
    assert diagnosis.id == "tls.mode-mismatch"
    assert [(x.kind, x.value, x.port) for x in diagnosis.suggestions] == [("security", "tls", srv.port)]
    assert no_auth(srv.received)
