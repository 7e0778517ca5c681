"""Hostile and broken servers: each misbehaves in one way. The run must end
cleanly with the right diagnosis, within its timeout plus a second, with
bounded memory, no traceback, and no credential sent where it should not be."""

from __future__ import annotations

import asyncio
import base64
import logging
import time
import tracemalloc

import pytest

from mailtester.driver.client import run_check
from mailtester.knowledge.report import build_report
from mailtester.model import CheckSettings
from mailtester.protocol.credentials import Credentials, Secret
from mailtester.protocol.events import Security
from tests.servers.scripted import Conn, check_against

TIMEOUT = 1.5
PASSWORD = "hostile-Secret-pw"
CREDS = Credentials("user@example.test", Secret(PASSWORD))


async def greet_auth(c: Conn, mechs: str = "PLAIN LOGIN") -> None:
    await c.greet_ehlo(f"AUTH {mechs}")


# Each scenario: (handler, security, mechanism, expected id or ids)
async def no_greeting(c):
    await c.rest()


async def greeting_421(c):
    await c.send("421 4.3.2 Service not available, closing transmission channel\r\n")


async def close_at_greeting(c):
    c.writer.close()


async def close_after_ehlo(c):
    await c.send("220 x\r\n")
    await c.line()
    c.writer.transport.abort()


async def reset_mid_auth(c):
    await greet_auth(c)
    await c.expect("AUTH LOGIN", "334 VXNlcm5hbWU6\r\n")
    await c.line()
    c.writer.transport.abort()


async def huge_line(c):
    await c.send("220 ")
    chunk = b"x" * 65536
    for _ in range(64):  # 4 MiB, no line end
        await c.send(chunk)
    await c.rest()


async def endless_multiline(c):
    await c.send("220 x\r\n")
    await c.line()
    for _ in range(100000):
        await c.send("250-more\r\n")


async def drip(c):
    for b in b"220 slow server\r\n":
        await c.send(bytes([b]))
        await asyncio.sleep(1)


async def odd_bytes(c):
    await c.send(b"220 nul\x00 bare\rCR \xff\xfe latin-1 \xe9\r\n")
    await c.expect("EHLO", "250-x\n250 AUTH PLAIN\n")  # bare LF line ends
    await c.expect("AUTH", "235 2.7.0 ok\r\n")
    await c.rest()


async def bad_code(c):
    await c.send("22 short code\r\n")
    await c.rest()


async def codes_disagree(c):
    await c.send("220 x\r\n")
    await c.expect("EHLO", "250-x\r\n251 AUTH PLAIN\r\n")
    await c.rest()


async def not_base64_challenge(c):
    await greet_auth(c)
    await c.expect("AUTH LOGIN", "334 Username:\r\n")
    await c.expect("", "334 Password:\r\n")
    await c.expect("", "535 5.7.8 no\r\n")
    await c.rest()


async def empty_challenge(c):
    await greet_auth(c)
    await c.expect("AUTH LOGIN", "334 \r\n")
    await c.expect("", "334 \r\n")
    await c.expect("", "235 2.7.0 ok\r\n")
    await c.rest()


async def huge_challenge(c):
    await greet_auth(c)
    await c.expect("AUTH LOGIN", "334 " + "QUFB" * 4000 + "\r\n")  # 16 KB: over the line limit
    await c.rest()


async def endless_challenges(c):
    await greet_auth(c)
    await c.expect("AUTH PLAIN", "334 \r\n")
    for _ in range(10):
        line = await c.line()
        if line.strip() == b"*":
            await c.send("501 5.7.0 Authentication aborted\r\n")
            break
        await c.send("334 \r\n")
    await c.rest()


async def early_235(c):
    await greet_auth(c)
    await c.expect("AUTH LOGIN", "334 VXNlcm5hbWU6\r\n")
    await c.expect("", "235 2.7.0 Authentication successful\r\n")
    await c.rest()


async def auth_list_changes_after_tls(c, tls):
    await c.greet_ehlo("AUTH PLAIN|STARTTLS")
    await c.expect("STARTTLS", "220 go\r\n")
    await c.start_tls(tls)
    await c.expect("EHLO", "250-x\r\n250 AUTH CRAM-MD5\r\n")
    await c.rest()


SCENARIOS = {
    "greeting never sent": (no_greeting, "protocol.timeout"),
    "421 at greeting": (greeting_421, "server.unavailable"),
    "closed at greeting": (close_at_greeting, "connect.closed"),
    "closed after EHLO": (close_after_ehlo, "connect.closed"),
    "reset in the middle of AUTH": (reset_mid_auth, "connect.closed"),
    "4 MiB line without line end": (huge_line, "protocol.malformed-reply"),
    "endless 250- reply": (endless_multiline, "protocol.malformed-reply"),
    "one byte per second": (drip, "protocol.timeout"),
    "NUL, bare CR/LF, non-UTF-8": (odd_bytes, None),  # succeeds
    "code not three digits": (bad_code, "protocol.malformed-reply"),
    "multi-line codes disagree": (codes_disagree, "protocol.malformed-reply"),
    "334 not base64": (not_base64_challenge, "auth.credentials-rejected"),
    "334 empty": (empty_challenge, None),
    "334 huge": (huge_challenge, "protocol.malformed-reply"),
    "334 after the mechanism finished": (endless_challenges, "protocol.malformed-reply"),
    "235 before the password": (early_235, "protocol.unexpected-success"),
}


async def run_hostile(handler, expected, caplog, **settings):
    """Runs one check against `handler` and asserts what every hostile run must hold: the `expected`
    diagnosis id (or None), an end within its timeout plus a second, bounded memory, no traceback and
    no credential in the timeline. Returns the result and the scripted server."""
    from tests.servers.scripted import ScriptedServer

    loop = asyncio.get_running_loop()
    loop_errors = []
    caplog.set_level(logging.WARNING)
    tracemalloc.start()
    async with ScriptedServer(handler) as srv:
        loop.set_exception_handler(lambda _loop, ctx: loop_errors.append(ctx))
        start = time.monotonic()
        result = await run_check(CheckSettings(
            host="127.0.0.1", port=srv.port, security=Security.NONE, credentials=CREDS,
            allow_plaintext_auth=True, timeout=TIMEOUT, **settings))
        elapsed = time.monotonic() - start
        await asyncio.sleep(0.05)  # let any stray callback of the client fail now, not later
        loop.set_exception_handler(None)  # the scripted server's own teardown is not under test
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    report = build_report(result)
    assert (report.diagnosis.id if report.diagnosis else None) == expected, (result.outcome, result.timeline[-3:])
    assert elapsed < TIMEOUT + 1, elapsed
    assert peak < 24 * 1024 * 1024, peak  # a 4 MiB flood is never held whole
    assert not loop_errors and not [r for r in caplog.records if r.exc_info]
    b64 = base64.b64encode(PASSWORD.encode()).decode()
    assert all(PASSWORD not in e.text and b64 not in e.text for e in result.timeline)
    return result, srv


@pytest.mark.parametrize("name", SCENARIOS)
async def test_hostile_server(name, caplog):
    handler, expected = SCENARIOS[name]
    mechanism = "PLAIN" if handler is endless_challenges else ("LOGIN" if "334" in name or "235" in name
                                                                or "AUTH" in name else "auto")
    _, srv = await run_hostile(handler, expected, caplog, mechanism=mechanism)
    assert not srv.errors


async def test_auth_list_after_tls_replaces_the_one_before(server_tls, ca_file):
    async def h(c):
        await auth_list_changes_after_tls(c, server_tls)

    result, srv = await check_against(h, security=Security.STARTTLS, credentials=CREDS, mechanism="PLAIN",
                                      ca_file=ca_file, timeout=TIMEOUT)
    # PLAIN was offered only before TLS: it is not used afterwards.
    assert build_report(result).diagnosis.id == "auth.mechanism-unsupported"
    assert result.outcome.offered == ("CRAM-MD5",)
    assert b"AUTH" not in srv.received.split(b"STARTTLS")[-1]


# --- IMAP and POP3 -------------------------------------------------------------------

async def imap_greet(c: Conn) -> None:
    """The greeting with its capabilities, and the client's first command (read, not answered)."""
    await c.send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n")
    await c.line()


async def imap_endless_untagged(c):
    await imap_greet(c)
    for _ in range(100000):
        await c.send("* OK still here\r\n")


async def imap_huge_literal(c):
    await imap_greet(c)
    await c.send("* ID ({4294967295}\r\n")
    for _ in range(64):
        await c.send(b"x" * 65536)
    await c.rest()


async def imap_literal_never_ends(c):
    await imap_greet(c)
    await c.send("* ID ({60000}\r\nshort")
    await c.rest()


async def imap_drip(c):
    for b in b"* OK slow server\r\n":
        await c.send(bytes([b]))
        await asyncio.sleep(1)


async def imap_bad_tag(c):
    await imap_greet(c)
    await c.send("zz9 OK [CAPABILITY IMAP4rev1] Logged in\r\n")
    await c.rest()


async def imap_endless_continuations(c):
    await imap_greet(c)
    for _ in range(20):
        await c.send("+ \r\n")
        await c.line()
    await c.rest()


async def pop_endless_capa(c):
    await c.send("+OK ready\r\n")
    await c.line()
    await c.send("+OK\r\n")
    for _ in range(100000):
        await c.send("X-MORE\r\n")


async def pop_plus_err(c):
    await c.send("+OK ready\r\n")
    await c.expect("CAPA", "+OK\r\nUSER\r\n.\r\n")
    await c.expect("USER", "+OK\r\n")
    await c.expect("PASS", "+ERR looks like success\r\n")
    await c.rest()


async def pop_bye_mid_login(c):
    await c.send("+OK ready\r\n")
    await c.expect("CAPA", "+OK\r\nUSER\r\n.\r\n")
    await c.expect("USER", "+OK\r\n")
    await c.line()
    c.writer.transport.abort()


INCOMING_SCENARIOS = {
    "IMAP endless untagged lines": ("imap", imap_endless_untagged, "protocol.malformed-reply"),
    "IMAP literal of 4 GiB": ("imap", imap_huge_literal, "protocol.malformed-reply"),
    "IMAP literal that never ends": ("imap", imap_literal_never_ends, "protocol.timeout"),
    "IMAP one byte per second": ("imap", imap_drip, "protocol.timeout"),
    "IMAP tagged reply for another tag": ("imap", imap_bad_tag, "protocol.malformed-reply"),
    "IMAP endless continuations": ("imap", imap_endless_continuations, "protocol.malformed-reply"),
    "POP3 endless CAPA": ("pop3", pop_endless_capa, "protocol.malformed-reply"),
    "POP3 +ERR instead of +OK": ("pop3", pop_plus_err, "protocol.malformed-reply"),
    "POP3 reset after PASS": ("pop3", pop_bye_mid_login, "connect.closed"),
}


@pytest.mark.parametrize("name", INCOMING_SCENARIOS)
async def test_hostile_incoming_server(name, caplog):
    from mailtester.protocol.events import Protocol

    protocol, handler, expected = INCOMING_SCENARIOS[name]
    result, _ = await run_hostile(handler, expected, caplog, protocol=Protocol(protocol))
    assert not result.ok
