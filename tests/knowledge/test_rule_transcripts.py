"""Recorded server behaviours for rules no other test reaches: each scripted
transcript through the real engine to its diagnosis (the rule coverage test
then counts them)."""

from __future__ import annotations

import asyncio
import errno

import pytest

from mailtester.driver.client import run_check
from mailtester.knowledge.report import build_report
from mailtester.model import CheckSettings
from mailtester.protocol.credentials import Credentials, Secret
from mailtester.protocol.events import Protocol, Security
from tests.servers.scripted import Conn, check_against

PASSWORD = Credentials("user@example.test", Secret("rule-Transcript-pw"))
TOKEN = Credentials("user@example.test", token=Secret("ya29.rule-token"))


def smtp(final: str | None, *, greeting: str = "220 mx.example ESMTP\r\n", ehlo: str = "AUTH PLAIN LOGIN",
         ehlo_reply: str | None = None):
    async def handler(c: Conn) -> None:
        await c.send(greeting)
        if not greeting.startswith("220"):
            return await c.rest()
        lines = ["mx.example"] + [e for e in ehlo.split("|") if e]
        reply = ehlo_reply or "".join(f"250{'-' if i < len(lines) - 1 else ' '}{x}\r\n" for i, x in enumerate(lines))
        await c.expect("EHLO", reply)
        if final is not None:
            await c.expect("AUTH", final)
        await c.rest()
    return handler


def imap(final: str, caps: str = "IMAP4rev1 SASL-IR AUTH=PLAIN AUTH=XOAUTH2 AUTH=OAUTHBEARER", close: bool = False,
         after_login: str | None = None):
    async def handler(c: Conn) -> None:
        await c.send(f"* OK [CAPABILITY {caps}] ready\r\n")
        line = await c.line()
        tag = line.split()[0].decode()
        if after_login is not None:
            await c.send(f"{tag} OK Logged in\r\n")
            line = await c.line()
            tag = line.split()[0].decode()
            final_line = after_login
        else:
            final_line = final
        await c.send(final_line.replace("TAG", tag))
        if close:
            c.writer.transport.abort()
            return
        await c.rest()
    return handler


def pop3(final: str, after_login: bool = False):
    async def handler(c: Conn) -> None:
        await c.send("+OK ready\r\n")
        await c.expect("CAPA", "+OK\r\nUSER\r\n.\r\n")
        await c.expect("USER", "+OK\r\n")
        await c.expect("PASS", "+OK Logged in.\r\n" if after_login else final)
        if after_login:
            await c.expect("STAT", final)
        await c.rest()
    return handler


CASES = [
    # name, protocol, security, credentials, mechanism, handler, expected diagnosis
    ("greeting 554", Protocol.SMTP, "none", PASSWORD, "auto",
     smtp(None, greeting="554 5.7.1 No SMTP service here\r\n"), "server.unavailable"),
    ("EHLO refused", Protocol.SMTP, "none", PASSWORD, "auto",
     smtp(None, ehlo_reply="550 5.7.1 Go away\r\n"), "server.unavailable"),
    ("421 too many connections at the greeting", Protocol.SMTP, "none", PASSWORD, "auto",
     smtp(None, greeting="421 4.7.0 Too many connections from your IP\r\n"), "auth.temporary-failure"),
    ("421 4.7.66 old TLS", Protocol.SMTP, "none", PASSWORD, "auto",
     smtp(None, ehlo_reply="421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade.\r\n"),
     "tls.protocol-too-old"),
    ("no AUTH, no STARTTLS", Protocol.SMTP, "none", PASSWORD, "auto", smtp(None, ehlo="PIPELINING"),
     "auth.not-offered"),
    ("5.7.139 incorrect credentials", Protocol.SMTP, "none", PASSWORD, "PLAIN",
     smtp("535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.\r\n"),
     "auth.credentials-rejected"),
    ("5.7.57", Protocol.SMTP, "none", PASSWORD, "PLAIN",
     smtp("535 5.7.57 Client not authenticated to send mail.\r\n"), "auth.smtp-auth-disabled"),
    ("looks like spam", Protocol.SMTP, "none", PASSWORD, "PLAIN",
     smtp("535 5.7.8 Error: authentication failed: Your message looks like spam. Prove you are not a robot.\r\n"),
     "auth.web-login-required"),
    ("534 without an enhanced code", Protocol.SMTP, "none", PASSWORD, "PLAIN",
     smtp("534 Authentication mechanism is too weak\r\n"), "auth.mechanism-unsupported"),
    ("504 over TLS-less but allowed", Protocol.SMTP, "tls", PASSWORD, "PLAIN",
     smtp("504 5.5.4 Unrecognized authentication type\r\n"), "auth.mechanism-unsupported"),
    ("550 during AUTH", Protocol.SMTP, "none", PASSWORD, "PLAIN",
     smtp("550 5.7.1 Authentication not permitted from your network\r\n"), "auth.blocked-by-policy"),
    ("554 during AUTH", Protocol.SMTP, "none", PASSWORD, "PLAIN",
     smtp("554 5.7.0 Authentication not allowed for this account\r\n"), "auth.blocked-by-policy"),
    ("IMAP BYE after too many connections", Protocol.IMAP, "none", PASSWORD, "PLAIN",
     imap("* BYE Too many simultaneous connections\r\n", close=True), "auth.too-many-connections"),
    ("IMAP examine refused", Protocol.IMAP, "none", PASSWORD, "PLAIN",
     imap("", after_login="TAG BAD User is authenticated but not connected.\r\n"), "auth.protocol-disabled"),
    ("IMAP XOAUTH2 refused", Protocol.IMAP, "none", TOKEN, "XOAUTH2",
     imap("TAG NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)\r\n"), "auth.token-rejected"),
    ("IMAP OAUTHBEARER refused", Protocol.IMAP, "none", TOKEN, "OAUTHBEARER",
     imap("TAG NO [AUTHENTICATIONFAILED] Invalid credentials\r\n"), "auth.token-rejected"),
    ("IMAP AUTHORIZATIONFAILED", Protocol.IMAP, "none", PASSWORD, "PLAIN",
     imap("TAG NO [AUTHORIZATIONFAILED] No such authorization-ID\r\n"), "auth.credentials-rejected"),
    ("POP3 maildrop in use after login", Protocol.POP3, "none", PASSWORD, "NATIVE",
     pop3("-ERR [IN-USE] Do you have another POP session running?\r\n", after_login=True),
     "auth.too-many-connections"),
    ("POP3 IN-USE at PASS", Protocol.POP3, "none", PASSWORD, "NATIVE",
     pop3("-ERR [IN-USE] Unable to lock maildrop\r\n"), "auth.too-many-connections"),
    ("POP3 LOGIN-DELAY", Protocol.POP3, "none", PASSWORD, "NATIVE",
     pop3("-ERR [LOGIN-DELAY] Logged in too recently\r\n"), "auth.temporary-failure"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
async def test_recorded_transcript(case, server_tls, ca_file):
    _, protocol, security, creds, mechanism, handler, expected = case
    tls = security == "tls"
    result, _ = await check_against(
        handler, server_tls if tls else None, security=Security(security), protocol=protocol, credentials=creds,
        mechanism=mechanism, allow_plaintext_auth=True, timeout=2, ca_file=ca_file)
    assert build_report(result).diagnosis.id == expected, result.outcome


async def test_imap_logindisabled_over_tls_without_sasl(server_tls, ca_file):
    result, _ = await check_against(imap("", caps="IMAP4rev1 LOGINDISABLED"), server_tls, security=Security.TLS,
                                    protocol=Protocol.IMAP, credentials=PASSWORD, ca_file=ca_file, timeout=2)
    assert build_report(result).diagnosis.id == "auth.mechanism-unsupported"


@pytest.mark.postfix
async def test_plain_test_on_a_port_that_offers_auth_only_after_starttls(postfix):
    result = await run_check(CheckSettings(host=postfix.host, port=postfix.submission, security=Security.NONE,
                                           credentials=PASSWORD, allow_plaintext_auth=True, timeout=5))
    report = build_report(result)
    assert report.diagnosis.id == "auth.tls-required"
    assert [(s.kind, s.value) for s in report.diagnosis.suggestions] == [("security", "starttls")]


async def test_pinned_certificate_that_changed(server_tls, ca_file):
    result, _ = await check_against(lambda c: c.rest(), server_tls, security=Security.TLS, credentials=PASSWORD,
                                    pinned_sha256="00" * 32, timeout=2)
    assert build_report(result).diagnosis.id == "tls.certificate-changed"


async def test_tls_alert_from_the_server():
    async def handler(c: Conn) -> None:
        await c.reader.read(5)  # the ClientHello's record header
        await c.send(b"\x15\x03\x03\x00\x02\x02\x50")  # fatal alert: internal_error
        await c.rest()

    result, _ = await check_against(handler, host="127.0.0.1", security=Security.TLS, credentials=PASSWORD,
                                    timeout=2)
    report = build_report(result)
    assert report.diagnosis.id == "tls.server-error" and "internal error" in result.tls_failure.message


async def test_tls_handshake_that_never_ends():
    # The server accepts, never answers the ClientHello.
    result, _ = await check_against(lambda c: c.rest(), host="127.0.0.1", security=Security.TLS,
                                    credentials=PASSWORD, timeout=1)
    assert build_report(result).diagnosis.id == "tls.handshake-timeout"


# Loopback cannot produce these two: a connection either completes or is refused
# at once. The operating system's answer is imitated at create_connection.

async def test_network_unreachable(monkeypatch):
    async def unreachable(*args, **kwargs):
        raise OSError(errno.ENETUNREACH, "Network is unreachable")

    monkeypatch.setattr(asyncio.get_running_loop(), "create_connection", unreachable)
    result = await run_check(CheckSettings(host="127.0.0.1", port=9, security=Security.TLS, credentials=PASSWORD,
                                           timeout=1))
    assert build_report(result).diagnosis.id == "connect.unreachable"


async def test_connection_attempt_without_answer(monkeypatch):
    async def silent(*args, **kwargs):
        await asyncio.sleep(3600)

    monkeypatch.setattr(asyncio.get_running_loop(), "create_connection", silent)
    result = await run_check(CheckSettings(host="127.0.0.1", port=9, security=Security.TLS, credentials=PASSWORD,
                                           timeout=1))
    assert build_report(result).diagnosis.id == "connect.timeout"
