"""IMAP and POP3: no credential leaves before TLS is verified (scripted servers record every byte)."""

from __future__ import annotations

import ssl

import pytest

from mailtester.knowledge.report import build_report
from mailtester.protocol.credentials import Credentials, Secret
from mailtester.protocol.events import Ending, Protocol, Security
from tests.servers.scripted import Conn, check_against, imap_logout, pop3_quit

SECRET = "fail-closed-secret"
CREDS = Credentials("user@example.test", Secret(SECRET))


def leaked(received: bytes) -> bool:
    upper = received.upper()
    return SECRET.encode() in received or b"LOGIN " in upper or b"AUTHENTICATE" in upper \
        or b"PASS " in upper or b"AUTH " in upper or b"USER " in upper


async def run(handler, protocol, security=Security.STARTTLS, server_ssl=None, **kw):
    result, srv = await check_against(handler, server_ssl, security=security, credentials=CREDS, timeout=3,
                                      protocol=protocol, **kw)
    assert not srv.errors, srv.errors
    return result, srv.received


async def imap_rest(c: Conn) -> None:
    await c.rest(imap_logout)


async def pop_rest(c: Conn) -> None:
    await c.rest(pop3_quit)


async def test_imap_starttls_not_offered():
    async def h(c: Conn):
        await c.send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n")
        await imap_rest(c)

    result, received = await run(h, Protocol.IMAP)
    assert build_report(result).diagnosis.id == "tls.starttls-unavailable" and not leaked(received)


async def test_imap_injected_plaintext_after_starttls_ok_is_discarded(server_tls, ca_file):
    async def h(c: Conn):
        await c.send("* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready\r\n")
        await c.expect("A1 STARTTLS", "a1 OK go\r\n* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\na2 OK fake\r\n")
        await c.start_tls(server_tls)
        await c.expect("A2 CAPABILITY", "* CAPABILITY IMAP4rev1 AUTH=LOGIN\r\na2 OK done\r\n")
        await c.expect("A3 AUTHENTICATE LOGIN", "+ VXNlcm5hbWU6\r\n")
        await c.expect("", "+ UGFzc3dvcmQ6\r\n")
        await c.expect("", "a3 NO [AUTHENTICATIONFAILED] no\r\n")
        await imap_rest(c)

    result, _ = await run(h, Protocol.IMAP, ca_file=ca_file, mechanism="LOGIN")
    assert result.outcome.ending is Ending.AUTH_REJECTED and result.outcome.mechanism == "LOGIN"
    assert any(e.key == "discarded-any" for e in result.timeline)
    assert not any(e.text == "a2 OK fake" for e in result.timeline)


@pytest.mark.parametrize("mechanism", ["auto", "NATIVE"])
async def test_imap_logindisabled_on_a_plain_connection(mechanism):
    async def h(c: Conn):
        await c.send("* OK [CAPABILITY IMAP4rev1 LOGINDISABLED] ready\r\n")
        await imap_rest(c)

    result, received = await run(h, Protocol.IMAP, Security.NONE, allow_plaintext_auth=True, mechanism=mechanism)
    assert result.outcome.ending is Ending.LOGIN_DISABLED and not leaked(received)
    assert build_report(result).diagnosis.id == "auth.tls-required"


@pytest.mark.parametrize("security", [Security.STARTTLS, Security.NONE])
async def test_imap_preauth_on_a_plaintext_port(security):
    async def h(c: Conn):
        await c.send("* PREAUTH IMAP4rev1 server logged in as Smith\r\n")
        await imap_rest(c)

    result, received = await run(h, Protocol.IMAP, security, allow_plaintext_auth=True)
    assert not result.ok and result.outcome.ending is Ending.PREAUTHENTICATED and not leaked(received)
    assert build_report(result).diagnosis.id == (
        "tls.starttls-unavailable" if security is Security.STARTTLS else "protocol.unexpected-success")


async def test_pop3_stls_not_offered():
    async def h(c: Conn):
        await c.send("+OK ready\r\n")
        await c.expect("CAPA", "+OK\r\nUSER\r\nSASL PLAIN\r\n.\r\n")
        await pop_rest(c)

    result, received = await run(h, Protocol.POP3)
    assert build_report(result).diagnosis.id == "tls.starttls-unavailable" and not leaked(received)


async def test_pop3_injected_plaintext_after_stls_is_discarded(server_tls, ca_file):
    async def h(c: Conn):
        await c.send("+OK ready\r\n")
        await c.expect("CAPA", "+OK\r\nSTLS\r\n.\r\n")
        await c.expect("STLS", "+OK go\r\n+OK\r\nSASL ANONYMOUS\r\n.\r\n")
        await c.start_tls(server_tls)
        await c.expect("CAPA", "+OK\r\nUSER\r\n.\r\n")
        await c.expect("USER", "+OK\r\n")
        await c.expect("PASS", "-ERR [AUTH] no\r\n")
        await pop_rest(c)

    result, _ = await run(h, Protocol.POP3, ca_file=ca_file)
    assert result.outcome.ending is Ending.AUTH_REJECTED and result.outcome.reply.response_code == "AUTH"
    assert any(e.key == "discarded-any" for e in result.timeline)


@pytest.mark.parametrize("protocol", [Protocol.IMAP, Protocol.POP3])
async def test_plaintext_without_consent_sends_nothing(protocol):
    async def h(c: Conn):
        if protocol is Protocol.IMAP:
            await c.send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n")
            await imap_rest(c)
        else:
            await c.send("+OK ready\r\n")
            await c.expect("CAPA", "+OK\r\nUSER\r\n.\r\n")
            await pop_rest(c)

    result, received = await run(h, protocol, Security.NONE)
    assert result.outcome.ending is Ending.PLAINTEXT_REFUSED and not leaked(received)
    assert build_report(result).diagnosis.id == "auth.plaintext-refused"


@pytest.mark.parametrize("protocol", [Protocol.IMAP, Protocol.POP3])
async def test_untrusted_certificate_stops_before_credentials(protocol, ca):
    import trustme

    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    trustme.CA().issue_cert("localhost").configure_cert(ctx)

    async def h(c: Conn):
        await (imap_rest(c) if protocol is Protocol.IMAP else pop_rest(c))

    result, received = await run(h, protocol, Security.TLS, ctx)
    assert result.tls_failure is not None and result.tls_failure.kind == "untrusted"
    assert build_report(result).diagnosis.id == "tls.certificate-untrusted" and not leaked(received)
