"""The demo IMAP and POP3 servers, spoken to by imaplib/poplib and by hand."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import imaplib
import poplib
import ssl

from mailtester.driver import demo_incoming
from mailtester.driver.demo import DEMO_PASSWORD, DEMO_USER
from mailtester.driver.demo_incoming import DemoImapServer, DemoPop3Server
from mailtester.resources import resource_path

PLAIN_IR = base64.b64encode(f"\0{DEMO_USER}\0{DEMO_PASSWORD}".encode()).decode()
AWKWARD = 'say "hi" \\ back'


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def client_tls() -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(resource_path("demo", "ca.pem")))


class Client:
    """A line-at-a-time client, to see exactly what the server says."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def connect(cls, port: int, tls: bool = False) -> Client:
        ctx = client_tls() if tls else None
        reader, writer = await asyncio.open_connection("127.0.0.1", port, ssl=ctx,
                                                       server_hostname="localhost" if tls else None)
        return cls(reader, writer)

    async def line(self) -> str:
        async with asyncio.timeout(5):
            raw = await self.reader.readline()
        assert raw.endswith(b"\r\n"), raw
        return raw[:-2].decode()

    async def send(self, data: str | bytes) -> None:
        self.writer.write(data.encode() if isinstance(data, str) else data)
        await self.writer.drain()

    async def ask(self, line: str) -> str:
        await self.send(line + "\r\n")
        return await self.line()

    async def tagged(self, command: str) -> list[str]:
        """Send `tag command`; every line up to and including the tagged reply."""
        tag = command.split(" ", 1)[0]
        await self.send(command + "\r\n")
        lines = [await self.line()]
        while not lines[-1].startswith(tag + " "):
            lines.append(await self.line())
        return lines

    async def starttls(self) -> None:
        await self.writer.start_tls(client_tls(), server_hostname="localhost")

    async def eof(self) -> bool:
        """The server hung up (over TLS it may do so without a close_notify)."""
        try:
            async with asyncio.timeout(5):
                return await self.reader.read() == b""
        except (ConnectionError, ssl.SSLError):
            return True

    async def close(self) -> None:
        self.writer.close()
        with contextlib.suppress(OSError):  # ssl.SSLError included
            await self.writer.wait_closed()


async def connect_secure(server: DemoImapServer | DemoPop3Server) -> Client:
    """Connected, greeted and over TLS (STARTTLS or STLS unless the port is implicit TLS), not yet logged in."""
    if server.implicit_tls:
        c = await Client.connect(server.port, tls=True)
        await c.line()
        return c
    c = await Client.connect(server.port)
    await c.line()
    if isinstance(server, DemoImapServer):
        assert await c.tagged("s STARTTLS") == ["s OK Begin TLS negotiation now."]
    else:
        assert await c.ask("STLS") == "+OK Begin TLS negotiation"
    await c.starttls()
    return c


# --- IMAP ---------------------------------------------------------------------------------------------------------

async def test_imap_starttls_then_login_select_list_logout():
    async with DemoImapServer() as server:
        c = await Client.connect(server.port)
        assert await c.line() == ("* OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ID STARTTLS LOGINDISABLED] "
                                  "Mail Account Tester demo IMAP ready.")
        assert await c.tagged("a1 capability") == ["* CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ID STARTTLS LOGINDISABLED",
                                                   "a1 OK CAPABILITY completed"]
        assert await c.tagged("a2 STARTTLS") == ["a2 OK Begin TLS negotiation now."]
        await c.starttls()
        assert await c.tagged("a3 CAPABILITY") == ["* CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ID AUTH=PLAIN AUTH=LOGIN",
                                                   "a3 OK CAPABILITY completed"]
        assert await c.tagged("a4 STARTTLS") == ["a4 BAD TLS is already active."]
        assert await c.tagged(f'a5 LOGIN {DEMO_USER} "{DEMO_PASSWORD}"') == [
            "a5 OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ID] Logged in"]
        assert await c.tagged('a6 ID ("name" "test")') == ['* ID ("name" "Mail Account Tester demo")',
                                                           "a6 OK ID completed"]
        assert await c.tagged('a7 LIST "" *') == ['* LIST (\\HasNoChildren) "/" INBOX', "a7 OK LIST completed"]
        assert await c.tagged('a8 LIST "" ""') == ['* LIST (\\Noselect) "/" ""', "a8 OK LIST completed"]
        assert await c.tagged('a9 LIST "" Sent') == ["a9 OK LIST completed"]
        select = await c.tagged("b1 SELECT inbox")
        assert select[:3] == ["* 0 EXISTS", "* 0 RECENT", "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)"]
        assert "* OK [UIDVALIDITY 1] UIDs valid." in select
        assert select[-1] == "b1 OK [READ-WRITE] SELECT completed"
        assert (await c.tagged("b2 EXAMINE INBOX"))[-1] == "b2 OK [READ-ONLY] EXAMINE completed"
        assert await c.tagged("b3 SELECT Archive") == ["b3 NO [NONEXISTENT] Mailbox does not exist."]
        assert await c.tagged("b4 NOOP") == ["b4 OK NOOP completed"]
        assert await c.tagged("b5 LOGIN x y") == ["b5 BAD Already logged in."]
        assert await c.tagged("b6 FETCH 1 BODY[]") == ["b6 BAD Command not supported by the demo server."]
        assert await c.tagged("b7 LOGOUT") == ["* BYE Logging out", "b7 OK LOGOUT completed"]
        assert await c.eof()
        await c.close()


async def test_imap_imaplib_starttls_login_with_quote_in_password(monkeypatch):
    monkeypatch.setattr(demo_incoming, "DEMO_PASSWORD", AWKWARD)

    def session(port: int) -> tuple[str, list[bytes], str]:
        with imaplib.IMAP4("127.0.0.1", port, timeout=5) as imap:
            imap.starttls(ssl_context=client_tls())
            typ, data = imap.login(DEMO_USER, AWKWARD)
            status, _ = imap.select("INBOX")
            return typ, data, status

    async with DemoImapServer() as server:
        typ, data, status = await asyncio.to_thread(session, server.port)
    assert (typ, data, status) == ("OK", [b"[CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ID] Logged in"], "OK")


async def test_imap_login_with_literals(monkeypatch):
    monkeypatch.setattr(demo_incoming, "DEMO_PASSWORD", AWKWARD + " ü")
    password = (AWKWARD + " ü").encode()
    async with DemoImapServer() as server:
        c = await connect_secure(server)
        # Synchronizing: the server asks for each literal.
        await c.send(f"a1 LOGIN {{{len(DEMO_USER)}}}\r\n")
        assert await c.line() == "+ Ready for literal data"
        await c.send(DEMO_USER.encode() + f" {{{len(password)}}}\r\n".encode())
        assert await c.line() == "+ Ready for literal data"
        await c.send(password + b"\r\n")
        assert await c.line() == "a1 OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ID] Logged in"
        await c.close()

        # LITERAL+: all in one go, no continuation.
        c = await connect_secure(server)
        await c.send(f"a2 LOGIN {DEMO_USER} {{{len(password)}+}}\r\n".encode() + password + b"\r\n")
        assert await c.line() == "a2 OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ID] Logged in"
        await c.close()

        # A quoted string with escapes decodes to the same bytes.
        c = await connect_secure(server)
        quoted = password.replace(b"\\", b"\\\\").replace(b'"', b'\\"')
        await c.send(b'a3 LOGIN "' + DEMO_USER.encode() + b'" "' + quoted + b'"\r\n')
        assert await c.line() == "a3 OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ID] Logged in"
        await c.close()

        # A literal far past the line limit (and the stream's buffer) is still read whole over TLS.
        c = await connect_secure(server)
        big = b"p" * 60000
        await c.send(f"a4 LOGIN {DEMO_USER} {{{len(big)}}}\r\n")
        assert await c.line() == "+ Ready for literal data"
        await c.send(big + b"\r\n")
        assert await c.line() == "a4 NO [AUTHENTICATIONFAILED] Authentication failed."
        assert await c.tagged("a5 NOOP") == ["a5 OK NOOP completed"]
        await c.close()


async def test_imap_authenticate_plain():
    async with DemoImapServer() as server:
        c = await connect_secure(server)
        assert await c.tagged(f"a1 AUTHENTICATE PLAIN {PLAIN_IR}") == [
            "a1 OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ID] Logged in"]
        await c.close()

        c = await connect_secure(server)
        assert await c.ask("a2 authenticate plain") == "+ "
        assert await c.ask(PLAIN_IR) == "a2 OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ID] Logged in"
        await c.close()

        c = await connect_secure(server)
        assert await c.ask("a3 AUTHENTICATE PLAIN") == "+ "
        assert await c.ask("*") == "a3 BAD Authentication cancelled."
        assert await c.tagged("a4 AUTHENTICATE PLAIN !!!") == ["a4 BAD Invalid base64 data."]
        assert await c.ask("a5 AUTHENTICATE PLAIN") == "+ "
        assert await c.ask("not base64") == "a5 BAD Invalid base64 data."
        assert await c.tagged("a6 AUTHENTICATE CRAM-MD5") == ["a6 NO Unsupported authentication mechanism."]
        wrong_authzid = b64(f"someone-else\0{DEMO_USER}\0{DEMO_PASSWORD}")
        assert await c.tagged(f"a7 AUTHENTICATE PLAIN {wrong_authzid}") == [
            "a7 NO [AUTHENTICATIONFAILED] Authentication failed."]
        await c.close()


async def test_imap_authenticate_login_continuations():
    async with DemoImapServer() as server:
        c = await connect_secure(server)
        assert await c.ask("a1 AUTHENTICATE LOGIN") == "+ VXNlcm5hbWU6"
        assert await c.ask(b64(DEMO_USER)) == "+ UGFzc3dvcmQ6"
        assert await c.ask(b64(DEMO_PASSWORD)) == "a1 OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ID] Logged in"
        await c.close()

        c = await connect_secure(server)
        assert await c.ask(f"a2 AUTHENTICATE LOGIN {b64(DEMO_USER)}") == "+ UGFzc3dvcmQ6"
        assert await c.ask(b64("nope")) == "a2 NO [AUTHENTICATIONFAILED] Authentication failed."
        await c.close()


async def test_imap_wrong_password():
    async with DemoImapServer() as server:
        c = await connect_secure(server)
        assert await c.tagged(f'a1 LOGIN {DEMO_USER} "{DEMO_PASSWORD}x"') == [
            "a1 NO [AUTHENTICATIONFAILED] Authentication failed."]
        assert await c.tagged(f'a2 LOGIN {DEMO_USER.upper()} "{DEMO_PASSWORD}"') == [
            "a2 NO [AUTHENTICATIONFAILED] Authentication failed."]
        assert await c.tagged("a3 SELECT INBOX") == ["a3 BAD Command not allowed before login."]
        await c.close()

    def wrong(port: int) -> str:
        with imaplib.IMAP4("127.0.0.1", port, timeout=5) as imap:
            imap.starttls(ssl_context=client_tls())
            try:
                imap.login(DEMO_USER, "wrong")
            except imaplib.IMAP4.error as exc:
                return str(exc)
        return "logged in"

    async with DemoImapServer() as server:
        assert "[AUTHENTICATIONFAILED]" in await asyncio.to_thread(wrong, server.port)


async def test_imap_login_before_tls_is_refused():
    async with DemoImapServer() as server:
        c = await Client.connect(server.port)
        await c.line()
        refused = "NO [PRIVACYREQUIRED] Login is allowed only over an encrypted connection."
        assert await c.tagged(f'a1 LOGIN {DEMO_USER} "{DEMO_PASSWORD}"') == [f"a1 {refused}"]
        assert await c.tagged(f"a2 AUTHENTICATE PLAIN {PLAIN_IR}") == [f"a2 {refused}"]
        # A synchronizing literal is not even asked for: the password stays with the client.
        assert await c.ask(f"a3 LOGIN {DEMO_USER} {{{len(DEMO_PASSWORD)}}}") == f"a3 {refused}"
        # A non-synchronizing one is read (to stay in step) and refused.
        await c.send(f"a4 LOGIN {DEMO_USER} {{{len(DEMO_PASSWORD)}+}}\r\n{DEMO_PASSWORD}\r\n")
        assert await c.line() == f"a4 {refused}"
        assert await c.tagged("a5 SELECT INBOX") == ["a5 BAD Command not allowed before login."]
        assert await c.tagged("a6 XYZZY") == ["a6 BAD Unknown command."]
        assert await c.tagged('a7 LIST "" *') == ["a7 BAD Command not allowed before login."]
        await c.close()


async def test_imap_implicit_tls():
    async with DemoImapServer(implicit_tls=True) as server:
        c = await Client.connect(server.port, tls=True)
        assert await c.line() == ("* OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ID AUTH=PLAIN AUTH=LOGIN] "
                                  "Mail Account Tester demo IMAP ready.")
        assert await c.tagged("a1 STARTTLS") == ["a1 BAD TLS is already active."]
        assert await c.tagged(f"a2 AUTHENTICATE PLAIN {PLAIN_IR}") == [
            "a2 OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ID] Logged in"]
        await c.close()

        def session(port: int) -> str:
            with imaplib.IMAP4_SSL("127.0.0.1", port, ssl_context=client_tls(), timeout=5) as imap:
                return imap.login(DEMO_USER, DEMO_PASSWORD)[0]

        # imaplib checks the name against the IP it dialled; the certificate holds 127.0.0.1 too.
        assert await asyncio.to_thread(session, server.port) == "OK"


async def test_imap_limits_and_injection():
    async with DemoImapServer() as server:
        c = await Client.connect(server.port)
        await c.line()
        await c.send(b"a1 NOOP " + b"x" * 10000 + b"\r\n")
        assert await c.line() == "* BYE Line too long."
        assert await c.eof()
        await c.close()

        c = await Client.connect(server.port)
        await c.line()
        await c.send(b"a1 LOGIN {100000+}\r\n")
        assert await c.line() == "* BYE Literal too big."
        assert await c.eof()
        await c.close()

        # Plaintext pipelined after STARTTLS must never run as if sent over TLS.
        c = await Client.connect(server.port)
        await c.line()
        await c.send("a1 STARTTLS\r\na2 NOOP\r\n")
        assert (await c.line()).startswith("* BYE ")
        assert await c.eof()
        await c.close()

        c = await Client.connect(server.port)
        await c.line()
        assert await c.ask("") == "* BAD Empty command line."
        assert await c.ask("a+b NOOP") == "* BAD Invalid tag."
        assert await c.tagged("a1 NOOP") == ["a1 OK NOOP completed"]
        await c.close()


async def test_imap_idle_client_is_logged_out():
    async with DemoImapServer(idle_timeout=0.2) as server:
        c = await Client.connect(server.port)
        await c.line()
        assert await c.line() == "* BYE Autologout; idle for too long."
        assert await c.eof()
        await c.close()


async def test_imap_exit_closes_open_connections():
    server = DemoImapServer()
    async with server:
        plain = await Client.connect(server.port)
        await plain.line()
        secure = await connect_secure(server)
        assert await secure.tagged("a1 NOOP") == ["a1 OK NOOP completed"]
        half = await asyncio.open_connection("127.0.0.1", server.port)  # never reads the greeting
    assert await plain.eof()
    assert await secure.eof()
    async with asyncio.timeout(5):
        assert (await half[0].read()).startswith(b"* OK ")  # the greeting, then the end
    for c in (plain, secure):
        await c.close()
    half[1].close()


# --- POP3 ---------------------------------------------------------------------------------------------------------

async def capa(c: Client) -> list[str]:
    assert await c.ask("CAPA") == "+OK Capability list follows"
    lines = []
    while (line := await c.line()) != ".":
        lines.append(line)
    return lines


async def test_pop3_stls_user_pass_stat():
    async with DemoPop3Server() as server:
        c = await Client.connect(server.port)
        assert await c.line() == "+OK Mail Account Tester demo POP3 ready."
        assert await capa(c) == ["CAPA", "STLS", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "UIDL", "TOP"]
        assert await c.ask("STAT") == "-ERR Command not allowed before login."
        assert await c.ask("STLS") == "+OK Begin TLS negotiation"
        await c.starttls()
        assert await capa(c) == ["CAPA", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "UIDL", "TOP", "USER",
                                 "SASL PLAIN LOGIN"]
        assert await c.ask("STLS") == "-ERR TLS is already active."
        assert (await c.ask(f"USER {DEMO_USER}")).startswith("+OK")
        assert await c.ask(f"PASS {DEMO_PASSWORD}") == "+OK Logged in."
        assert await c.ask("STAT") == "+OK 0 0"
        assert await c.ask("NOOP") == "+OK"
        assert await c.ask("RETR 1") == "-ERR No such message."
        assert await c.ask("QUIT") == "+OK Logging out."
        assert await c.eof()
        await c.close()

        def session(port: int) -> tuple[bytes, tuple[int, int], bytes]:
            pop = poplib.POP3("127.0.0.1", port, timeout=5)
            try:
                pop.stls(client_tls())
                pop.user(DEMO_USER)
                logged_in = pop.pass_(DEMO_PASSWORD)
                return logged_in, pop.stat(), pop.quit()
            finally:
                pop.close()

        assert await asyncio.to_thread(session, server.port) == (b"+OK Logged in.", (0, 0), b"+OK Logging out.")


async def test_pop3_auth_plain_and_login():
    async with DemoPop3Server() as server:
        c = await connect_secure(server)
        assert await c.ask(f"AUTH PLAIN {PLAIN_IR}") == "+OK Logged in."
        assert await c.ask("STAT") == "+OK 0 0"
        await c.close()

        c = await connect_secure(server)
        assert await c.ask("AUTH PLAIN") == "+ "
        assert await c.ask("*") == "-ERR Authentication cancelled."
        assert await c.ask("AUTH PLAIN") == "+ "
        assert await c.ask("@@@") == "-ERR Invalid base64 data."
        assert await c.ask("AUTH PLAIN") == "+ "
        assert await c.ask(PLAIN_IR) == "+OK Logged in."
        await c.close()

        c = await connect_secure(server)
        assert await c.ask("AUTH LOGIN") == "+ VXNlcm5hbWU6"
        assert await c.ask(b64(DEMO_USER)) == "+ UGFzc3dvcmQ6"
        assert await c.ask(b64(DEMO_PASSWORD)) == "+OK Logged in."
        await c.close()


async def test_pop3_wrong_password_and_plaintext_refused():
    async with DemoPop3Server() as server:
        c = await Client.connect(server.port)
        await c.line()
        refused = "-ERR [AUTH] Plaintext authentication disallowed on non-secure connections."
        assert await c.ask(f"USER {DEMO_USER}") == refused
        assert await c.ask(f"PASS {DEMO_PASSWORD}") == refused
        assert await c.ask(f"AUTH PLAIN {PLAIN_IR}") == refused
        assert await c.ask("XYZZY") == "-ERR Unknown command."
        await c.close()

        c = await connect_secure(server)
        assert (await c.ask(f"USER {DEMO_USER}")).startswith("+OK")
        assert await c.ask("PASS wrong") == "-ERR [AUTH] Authentication failed."
        assert await c.ask(f"PASS {DEMO_PASSWORD}") == "-ERR Send USER first."
        assert await c.ask(f"AUTH PLAIN {b64('x' + chr(0) + DEMO_USER + chr(0) + DEMO_PASSWORD)}") == (
            "-ERR [AUTH] Authentication failed.")
        await c.close()


async def test_pop3_implicit_tls():
    async with DemoPop3Server(implicit_tls=True) as server:
        c = await Client.connect(server.port, tls=True)
        assert await c.line() == "+OK Mail Account Tester demo POP3 ready."
        assert "STLS" not in await capa(c)
        assert await c.ask("STLS") == "-ERR TLS is already active."
        await c.close()

        def session(port: int) -> tuple[bytes, tuple[int, int]]:
            pop = poplib.POP3_SSL("127.0.0.1", port, context=client_tls(), timeout=5)
            try:
                pop.user(DEMO_USER)
                return pop.pass_(DEMO_PASSWORD), pop.stat()
            finally:
                pop.close()

        assert await asyncio.to_thread(session, server.port) == (b"+OK Logged in.", (0, 0))


async def test_pop3_stls_injection_and_long_line():
    async with DemoPop3Server() as server:
        c = await Client.connect(server.port)
        await c.line()
        await c.send(f"STLS\r\nUSER {DEMO_USER}\r\n")
        assert (await c.line()).startswith("-ERR ")
        assert await c.eof()
        await c.close()

        c = await Client.connect(server.port)
        await c.line()
        await c.send(b"NOOP " + b"x" * 10000 + b"\r\n")
        assert await c.line() == "-ERR Line too long."
        assert await c.eof()
        await c.close()


async def test_stalled_or_failed_handshakes_end_promptly():
    loop = asyncio.get_running_loop()
    async with DemoPop3Server(implicit_tls=True) as server:
        stalled = await asyncio.open_connection("127.0.0.1", server.port)  # never sends a ClientHello
        start = loop.time()
    async with asyncio.timeout(5):
        assert await stalled[0].read() == b""
    assert loop.time() - start < 1
    stalled[1].close()

    async with DemoImapServer() as server:
        c = await Client.connect(server.port)
        await c.line()
        assert await c.tagged("a1 STARTTLS") == ["a1 OK Begin TLS negotiation now."]
        await c.send("a2 LOGIN not a ClientHello\r\n")
        assert await c.eof()
        await c.close()
        c = await connect_secure(server)  # the server carries on
        assert await c.tagged("a3 NOOP") == ["a3 OK NOOP completed"]
        start = loop.time()
    assert loop.time() - start < 1
    await c.close()
