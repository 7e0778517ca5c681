"""Recorded IMAP and POP3 provider replies (shared/reference/incoming.md) through the engine to the diagnosis."""

from __future__ import annotations

import pytest

from mailtester.driver.client import run_check
from mailtester.knowledge.report import build_report
from mailtester.model import CheckSettings
from mailtester.protocol.credentials import Credentials, Secret
from mailtester.protocol.events import Protocol, Security
from tests.servers.scripted import Conn, ScriptedServer

CASES = [
    # protocol, address, the server's refusal, id, provider, words in the fixes (lower case)
    ("imap", "u@gmail.com", "NO [ALERT] Application-specific password required: "
     "https://support.google.com/accounts/answer/185833 (Failure)", "auth.app-password-required", "gmail",
     "app password"),
    ("imap", "u@gmail.com", "NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)",
     "auth.credentials-rejected", "gmail", "app password"),
    ("imap", "u@gmail.com", "NO [ALERT] Too many simultaneous connections. (Failure)",
     "auth.too-many-connections", "gmail", "close"),
    ("pop3", "u@gmail.com", "-ERR [AUTH] Application-specific password required: "
     "http://support.google.com/accounts/bin/answer.py?answer=185833", "auth.app-password-required", "gmail",
     "app password"),
    # One generic refusal, two causes: a wrong password, or password sign-in retired (OAuth only).
    ("imap", "u@outlook.com", "NO AUTHENTICATE failed.", "auth.credentials-rejected", "microsoft365", "oauth"),
    # One generic refusal, two causes: a wrong password, or IMAP/POP switched off.
    ("imap", "u@gmx.de", "NO authentication failed", "auth.credentials-rejected", "gmx", "imap"),
    ("pop3", "u@web.de", "-ERR authentication failed", "auth.credentials-rejected", "gmx", "pop"),
    ("imap", "u@zoho.com", "NO [ALERT] You are yet to enable IMAP for your account. (Failure)",
     "auth.protocol-disabled", "zoho", "imap"),
    ("imap", "u@yandex.ru", "NO [AUTHENTICATIONFAILED] Invalid login or password", "auth.credentials-rejected",
     "yandex", "app password"),
    ("imap", "u@icloud.com", "NO [AUTHENTICATIONFAILED] Authentication failed", "auth.credentials-rejected",
     "icloud", "app-specific password"),
    ("imap", "u@yahoo.com", "NO [AUTHENTICATIONFAILED] LOGIN Invalid credentials", "auth.credentials-rejected",
     "yahoo", "app password"),
    ("imap", "u@example.org", "NO [UNAVAILABLE] Temporary authentication failure.", "auth.temporary-failure", None,
     "wait"),
    ("pop3", "u@example.org", "-ERR [SYS/TEMP] Temporary authentication failure.", "auth.temporary-failure", None,
     "wait"),
    ("imap", "u@example.org", "NO [EXPIRED] That password isn't valid any more", "auth.password-expired", None,
     "password"),
    ("imap", "u@example.org", "NO [CONTACTADMIN] Login disabled for this user", "auth.contact-admin", None,
     "administrator"),
]


def handler(protocol: str, refusal: str):
    async def imap(c: Conn) -> None:
        await c.send("* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready\r\n")
        line = await c.line()
        await c.send(f"{line.split()[0].decode()} {refusal}\r\n")
        await c.rest()

    async def pop3(c: Conn) -> None:
        await c.send("+OK ready\r\n")
        await c.expect("CAPA", "+OK\r\nUSER\r\nSASL PLAIN\r\n.\r\n")
        await c.line()
        await c.send(refusal + "\r\n")
        await c.rest()

    return imap if protocol == "imap" else pop3


@pytest.mark.parametrize(("protocol", "user", "refusal", "diag", "provider", "words"), CASES)
async def test_incoming_provider_replies(protocol, user, refusal, diag, provider, words):
    async with ScriptedServer(handler(protocol, refusal)) as srv:
        result = await run_check(CheckSettings(
            host="127.0.0.1", port=srv.port, security=Security.NONE, protocol=Protocol(protocol),
            credentials=Credentials(user, Secret("wrong-pw")), allow_plaintext_auth=True, timeout=3))
    report = build_report(result)
    assert report.diagnosis.id == diag, result.outcome
    assert (report.provider.id if report.provider else None) == provider
    assert words in " ".join(report.diagnosis.fixes + report.diagnosis.causes).lower()
    assert "SMTP" not in report.diagnosis.title + report.diagnosis.explanation
    tr = build_report(result, "tr")
    assert tr.diagnosis.id == diag and tr.diagnosis.title != report.diagnosis.title
