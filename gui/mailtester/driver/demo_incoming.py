"""Built-in demo IMAP and POP3 servers, so incoming-mail login can be shown with no account.

Small asyncio servers on a free loopback port in the running event loop, with
the same demo certificate as the SMTP demo. They know one account and an empty
INBOX: enough for a client to greet, upgrade to TLS and log in, nothing more.
Before TLS they refuse every login (and do not offer one), as a well-run server
does, so the demo shows the safe order.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import hmac
import logging
import re
import ssl
from types import TracebackType
from typing import Self

from ..resources import resource_path
from .demo import DEMO_PASSWORD, DEMO_USER

MAX_LINE = 8 * 1024
MAX_LITERAL = 64 * 1024  # all literals of one IMAP command together
IDLE_TIMEOUT = 60.0
_CLOSE_TIMEOUT = 5.0

IMAP_CAPS_PLAIN = "IMAP4rev1 SASL-IR LITERAL+ ID STARTTLS LOGINDISABLED"
IMAP_CAPS_TLS = "IMAP4rev1 SASL-IR LITERAL+ ID AUTH=PLAIN AUTH=LOGIN"
IMAP_CAPS_AUTHED = "IMAP4rev1 SASL-IR LITERAL+ ID"
IMAP_GREETING = "Mail Account Tester demo IMAP ready."
POP3_GREETING = "+OK Mail Account Tester demo POP3 ready."
POP3_CAPS_PLAIN = ("CAPA", "STLS", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "UIDL", "TOP")
POP3_CAPS_TLS = ("CAPA", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "UIDL", "TOP", "USER", "SASL PLAIN LOGIN")

_log = logging.getLogger(__name__)


class _Closed(Exception):
    """The connection is over: the peer left, TLS failed, or we hung up."""


class _Idle(_Closed):
    pass


class _TooLong(_Closed):
    pass


class _Cancelled(Exception):
    """The client answered a SASL challenge with `*`."""


class _BadSyntax(Exception):
    pass


def _valid_login(user: bytes, password: bytes) -> bool:
    # Exact bytes, compared in constant time. The globals are read per call,
    # so a test can swap in a password with awkward characters.
    user_ok = hmac.compare_digest(user, DEMO_USER.encode())
    password_ok = hmac.compare_digest(password, DEMO_PASSWORD.encode())
    return user_ok and password_ok


def _valid_plain(message: bytes) -> bool:
    """RFC 4616: authzid NUL authcid NUL passwd; acting as someone else is not offered."""
    parts = message.split(b"\0")
    if len(parts) != 3:
        return False
    authzid, authcid, password = parts
    return authzid in (b"", authcid) and _valid_login(authcid, password)


def _b64decode(data: bytes) -> bytes:
    try:
        return base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise _BadSyntax("invalid base64") from exc


def _server_context() -> ssl.SSLContext:
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(resource_path("demo", "server.pem"), resource_path("demo", "server.key"))
    return tls


class _Connection:
    """Line I/O with the limits every demo connection gets: line length, idle time."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, tls: ssl.SSLContext,
                 idle_timeout: float) -> None:
        self.reader = reader
        self.writer = writer
        self.secure = False
        self._upgrading = False
        self._tls = tls
        self._idle = idle_timeout

    async def line(self) -> bytes:
        """One line without its CRLF (a bare LF is accepted too)."""
        try:
            async with asyncio.timeout(self._idle):
                raw = await self.reader.readuntil(b"\n")
        except TimeoutError as exc:
            raise _Idle from exc
        except asyncio.LimitOverrunError as exc:
            raise _TooLong("Line too long.") from exc
        except asyncio.IncompleteReadError as exc:
            raise _Closed from exc
        return raw[:-2] if raw.endswith(b"\r\n") else raw[:-1]

    async def exactly(self, size: int) -> bytes:
        try:
            async with asyncio.timeout(self._idle):
                return await self.reader.readexactly(size)
        except TimeoutError as exc:
            raise _Idle from exc
        except asyncio.IncompleteReadError as exc:
            raise _Closed from exc

    async def send(self, *lines: str | bytes) -> None:
        for line in lines:
            self.writer.write((line.encode() if isinstance(line, str) else line) + b"\r\n")
        try:
            async with asyncio.timeout(self._idle):
                await self.writer.drain()
        except TimeoutError as exc:
            raise _Closed from exc

    async def send_last(self, line: str) -> None:
        """A parting line; the client may already be gone."""
        with contextlib.suppress(_Closed, OSError):
            await self.send(line)

    async def challenge(self, data: bytes) -> bytes:
        """A SASL challenge (`+ ` and base64, in IMAP and POP3 alike) and the client's decoded answer."""
        await self.send(b"+ " + base64.b64encode(data))
        answer = await self.line()
        if answer.strip() == b"*":
            raise _Cancelled
        return _b64decode(answer)

    async def sasl(self, mechanism: bytes, initial: bytes | None) -> bool:
        """A PLAIN or LOGIN exchange from its initial response (None: none sent): whether the login is valid."""
        if mechanism == b"PLAIN":
            return _valid_plain(initial if initial is not None else await self.challenge(b""))
        user = initial if initial is not None else await self.challenge(b"Username:")
        return _valid_login(user, await self.challenge(b"Password:"))

    def pipelined(self) -> bool:
        """Bytes after the STARTTLS/STLS line, read in plaintext: they must never count as
        sent over TLS (the CVE-2011-0411 command injection). asyncio has no public peek."""
        return bool(getattr(self.reader, "_buffer", b""))

    async def start_tls(self) -> None:
        self._upgrading = True
        try:
            await self.writer.start_tls(self._tls, ssl_handshake_timeout=self._idle)
        except OSError as exc:  # ssl.SSLError, a reset, the handshake timeout
            raise _Closed from exc
        self.secure = True
        self._upgrading = False

    def abort(self) -> None:
        self.writer.transport.abort()

    async def close(self) -> None:
        if self._upgrading:
            # A handshake that failed or never finished: the stream protocol is
            # no longer on the socket and would never hear it close.
            self.abort()
            return
        with contextlib.suppress(Exception):
            self.writer.close()
            try:
                async with asyncio.timeout(_CLOSE_TIMEOUT):
                    await self.writer.wait_closed()
            except TimeoutError:
                self.abort()


class _DemoIncomingServer:
    _name = "incoming"

    def __init__(self, *, implicit_tls: bool = False, idle_timeout: float = IDLE_TIMEOUT) -> None:
        self.port = 0
        self.implicit_tls = implicit_tls
        self._idle = idle_timeout
        self._tls: ssl.SSLContext | None = None
        self._server: asyncio.Server | None = None
        self._connections: dict[asyncio.Task[None], _Connection] = {}
        self._closing = False

    async def __aenter__(self) -> Self:
        self._tls = _server_context()
        loop = asyncio.get_running_loop()

        def factory() -> asyncio.StreamReaderProtocol:
            # Our own protocol and a synchronous callback (not start_server's
            # task) so every connection is tracked from its first moment.
            return asyncio.StreamReaderProtocol(asyncio.StreamReader(limit=MAX_LINE), self._accept)

        self._server = await loop.create_server(factory, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, et: type[BaseException] | None, e: BaseException | None,
                        tb: TracebackType | None) -> None:
        self._closing = True
        if self._server is not None:
            self._server.close()
        tasks = list(self._connections)
        for connection in list(self._connections.values()):
            connection.abort()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self._server is not None:
            await self._server.wait_closed()

    def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self._closing or self._tls is None:
            writer.transport.abort()
            return
        transport = writer.transport
        if self.implicit_tls and isinstance(transport, asyncio.ReadTransport):
            # Not one byte of the ClientHello may land in the plaintext reader
            # before the TLS layer takes over the socket.
            transport.pause_reading()
        connection = _Connection(reader, writer, self._tls, self._idle)
        task = asyncio.get_running_loop().create_task(self._run(connection))
        self._connections[task] = connection
        task.add_done_callback(self._forget)

    def _forget(self, task: asyncio.Task[None]) -> None:
        self._connections.pop(task, None)

    async def _run(self, connection: _Connection) -> None:
        try:
            if self.implicit_tls:
                await connection.start_tls()
            await self._serve(connection)
        except _Closed:
            pass
        except OSError:  # resets, TLS alerts
            pass
        except Exception as exc:
            # The type only: a message could quote what the client sent.
            _log.warning("demo %s connection failed: %s", self._name, type(exc).__name__)
        finally:
            await connection.close()

    async def _serve(self, connection: _Connection) -> None:
        raise NotImplementedError


# --- IMAP ---------------------------------------------------------------------------------------------------------

_LITERAL = re.compile(rb"\{(\d{1,10})(\+?)\}$")
_TAG_SPECIALS = frozenset(b'"%()*+\\{')
_ATOM_SPECIALS = frozenset(b'"%()*\\{')
_WILDCARDS = frozenset(b"%*")

_ANY_STATE = frozenset({b"CAPABILITY", b"NOOP", b"LOGOUT", b"ID"})
_NOT_AUTHENTICATED = frozenset({b"STARTTLS", b"LOGIN", b"AUTHENTICATE"})
_AUTHENTICATED = frozenset({b"SELECT", b"EXAMINE", b"LIST", b"CLOSE"})
# Known to need a login, but the demo has no use for them.
_UNSUPPORTED = frozenset({b"CREATE", b"DELETE", b"RENAME", b"SUBSCRIBE", b"UNSUBSCRIBE", b"LSUB", b"STATUS",
                          b"APPEND", b"CHECK", b"EXPUNGE", b"SEARCH", b"FETCH", b"STORE", b"COPY", b"MOVE",
                          b"UID", b"IDLE", b"ENABLE", b"UNSELECT", b"NAMESPACE"})
_FLAGS = r"\Answered \Flagged \Deleted \Seen \Draft"


def _printable(data: bytes, specials: frozenset[int]) -> bool:
    return bool(data) and all(0x21 <= c <= 0x7E and c not in specials for c in data)


def _tokens(text: bytes, out: list[bytes], wildcards: bool) -> None:
    """Astrings (atom or quoted string) separated by spaces; literals are added by the caller."""
    specials = _ATOM_SPECIALS - _WILDCARDS if wildcards else _ATOM_SPECIALS
    i = 0
    while i < len(text):
        if text[i] == 0x20:
            i += 1
        elif text[i] == 0x22:
            value = bytearray()
            i += 1
            while True:
                if i >= len(text):
                    raise _BadSyntax("unterminated quoted string")
                c = text[i]
                if c == 0x5C:
                    if i + 1 >= len(text) or text[i + 1] not in b'"\\':
                        raise _BadSyntax("bad escape")
                    value.append(text[i + 1])
                    i += 2
                elif c == 0x22:
                    i += 1
                    break
                else:
                    value.append(c)
                    i += 1
            if i < len(text) and text[i] != 0x20:
                raise _BadSyntax("no space after quoted string")
            out.append(bytes(value))
        else:
            end = text.find(b" ", i)
            end = len(text) if end < 0 else end
            if not _printable(text[i:end], specials):
                raise _BadSyntax("bad atom")
            out.append(text[i:end])
            i = end


class _ImapCommand:
    def __init__(self, tag: bytes, name: bytes, parts: list[tuple[bytes, bytes | None]], complete: bool) -> None:
        self.tag = tag
        self.name = name
        self.parts = parts  # text, then the literal that followed it
        self.complete = complete  # False: stopped before a literal we refused to ask for

    def args(self, wildcards: bool = False) -> list[bytes]:
        out: list[bytes] = []
        for text, literal in self.parts:
            _tokens(text, out, wildcards)
            if literal is not None:
                out.append(literal)
        return out


class _ImapSession:
    def __init__(self, connection: _Connection) -> None:
        self.c = connection
        self.logged_in = False
        self.selected = False

    def capabilities(self) -> str:
        if self.logged_in:
            return IMAP_CAPS_AUTHED
        return IMAP_CAPS_TLS if self.c.secure else IMAP_CAPS_PLAIN

    async def serve(self) -> None:
        await self.c.send(f"* OK [CAPABILITY {self.capabilities()}] {IMAP_GREETING}")
        try:
            while await self.command():
                pass
        except _Idle:
            await self.c.send_last("* BYE Autologout; idle for too long.")
        except _TooLong as exc:
            await self.c.send_last(f"* BYE {exc}")

    def refusal(self, name: bytes) -> str | None:
        """Why this command fails in this state, known from its first line alone."""
        if name in _ANY_STATE:
            return None
        if name in _NOT_AUTHENTICATED:
            if self.logged_in:
                return "BAD Already logged in."
            if name == b"STARTTLS":
                return "BAD TLS is already active." if self.c.secure else None
            if not self.c.secure:
                return "NO [PRIVACYREQUIRED] Login is allowed only over an encrypted connection."
            return None
        if name in _AUTHENTICATED or name in _UNSUPPORTED:
            if not self.logged_in:
                return "BAD Command not allowed before login."
            return None if name in _AUTHENTICATED else "BAD Command not supported by the demo server."
        return "BAD Unknown command."

    async def read_command(self) -> _ImapCommand | None:
        text = await self.c.line()
        if not text.strip():
            return None
        marker = _LITERAL.search(text)
        head = text[:marker.start()] if marker else text
        tag, _, rest = head.partition(b" ")
        name, _, pending = rest.partition(b" ")
        name = name.upper()
        parts: list[tuple[bytes, bytes | None]] = []
        total = 0
        while marker is not None:
            size, synchronizing = int(marker[1]), not marker[2]
            total += size
            if total > MAX_LITERAL:
                raise _TooLong("Literal too big.")
            if synchronizing:
                if not _printable(tag, _TAG_SPECIALS) or self.refusal(name) is not None:
                    # Answer now rather than ask for data (a password, say) we would refuse.
                    parts.append((pending, None))
                    return _ImapCommand(tag, name, parts, complete=False)
                await self.c.send("+ Ready for literal data")
            literal = await self.c.exactly(size)
            parts.append((pending, literal))
            text = await self.c.line()
            marker = _LITERAL.search(text)
            pending = text[:marker.start()] if marker else text
        parts.append((pending, None))
        return _ImapCommand(tag, name, parts, complete=True)

    async def command(self) -> bool:
        """Read and answer one command; False once the connection should end."""
        cmd = await self.read_command()
        if cmd is None:
            await self.c.send("* BAD Empty command line.")
            return True
        if not _printable(cmd.tag, _TAG_SPECIALS):
            await self.c.send("* BAD Invalid tag.")
            return True
        tag = cmd.tag.decode("ascii")
        refusal = self.refusal(cmd.name)
        if refusal is not None:
            await self.c.send(f"{tag} {refusal}")
            return True
        try:
            return await self.dispatch(tag, cmd)
        except _BadSyntax:
            await self.c.send(f"{tag} BAD Invalid arguments.")
            return True

    async def dispatch(self, tag: str, cmd: _ImapCommand) -> bool:
        name = cmd.name
        if name == b"CAPABILITY":
            await self.c.send(f"* CAPABILITY {self.capabilities()}", f"{tag} OK CAPABILITY completed")
        elif name == b"NOOP":
            await self.c.send(f"{tag} OK NOOP completed")
        elif name == b"ID":
            await self.c.send('* ID ("name" "Mail Account Tester demo")', f"{tag} OK ID completed")
        elif name == b"LOGOUT":
            await self.c.send("* BYE Logging out", f"{tag} OK LOGOUT completed")
            return False
        elif name == b"STARTTLS":
            return await self.starttls(tag)
        elif name == b"LOGIN":
            args = cmd.args()
            if len(args) != 2:
                raise _BadSyntax("LOGIN takes a user name and a password")
            await self.login_result(tag, _valid_login(args[0], args[1]))
        elif name == b"AUTHENTICATE":
            await self.authenticate(tag, cmd.args())
        elif name in (b"SELECT", b"EXAMINE"):
            await self.select(tag, name.decode(), cmd.args())
        elif name == b"LIST":
            await self.list_mailboxes(tag, cmd.args(wildcards=True))
        elif name == b"CLOSE":
            if not self.selected:
                await self.c.send(f"{tag} BAD No mailbox selected.")
            else:
                self.selected = False
                await self.c.send(f"{tag} OK CLOSE completed")
        return True

    async def starttls(self, tag: str) -> bool:
        if self.c.pipelined():
            await self.c.send_last("* BYE Nothing may follow STARTTLS before the TLS handshake.")
            return False
        await self.c.send(f"{tag} OK Begin TLS negotiation now.")
        await self.c.start_tls()
        return True

    async def login_result(self, tag: str, ok: bool) -> None:
        if ok:
            self.logged_in = True
            await self.c.send(f"{tag} OK [CAPABILITY {IMAP_CAPS_AUTHED}] Logged in")
        else:
            await self.c.send(f"{tag} NO [AUTHENTICATIONFAILED] Authentication failed.")

    async def authenticate(self, tag: str, args: list[bytes]) -> None:
        if not 1 <= len(args) <= 2:
            raise _BadSyntax("AUTHENTICATE takes a mechanism and an optional initial response")
        mechanism = args[0].upper()
        if mechanism not in (b"PLAIN", b"LOGIN"):
            await self.c.send(f"{tag} NO Unsupported authentication mechanism.")
            return
        try:
            initial = None if len(args) == 1 else b"" if args[1] == b"=" else _b64decode(args[1])
        except _BadSyntax:
            await self.c.send(f"{tag} BAD Invalid base64 data.")
            return
        try:
            ok = await self.c.sasl(mechanism, initial)
        except _Cancelled:
            await self.c.send(f"{tag} BAD Authentication cancelled.")
            return
        except _BadSyntax:
            await self.c.send(f"{tag} BAD Invalid base64 data.")
            return
        await self.login_result(tag, ok)

    async def select(self, tag: str, name: str, args: list[bytes]) -> None:
        if len(args) != 1:
            raise _BadSyntax("one mailbox")
        self.selected = False
        if args[0].upper() != b"INBOX":
            await self.c.send(f"{tag} NO [NONEXISTENT] Mailbox does not exist.")
            return
        self.selected = True
        permanent = _FLAGS + r" \*" if name == "SELECT" else ""
        access = "READ-WRITE" if name == "SELECT" else "READ-ONLY"
        await self.c.send("* 0 EXISTS", "* 0 RECENT", f"* FLAGS ({_FLAGS})",
                          f"* OK [PERMANENTFLAGS ({permanent})] Flags permitted.",
                          "* OK [UIDVALIDITY 1] UIDs valid.", "* OK [UIDNEXT 1] Predicted next UID.",
                          f"{tag} OK [{access}] {name} completed")

    async def list_mailboxes(self, tag: str, args: list[bytes]) -> None:
        if len(args) != 2:
            raise _BadSyntax("a reference and a mailbox pattern")
        reference, pattern = args
        if not pattern:
            # RFC 3501 6.3.8: an empty pattern asks for the hierarchy delimiter.
            await self.c.send('* LIST (\\Noselect) "/" ""', f"{tag} OK LIST completed")
            return
        wanted = re.escape(reference + pattern).replace(rb"\*", rb".*").replace(rb"%", rb"[^/]*")
        lines: list[str] = []
        if re.fullmatch(wanted, b"INBOX", re.IGNORECASE):
            lines.append('* LIST (\\HasNoChildren) "/" INBOX')
        await self.c.send(*lines, f"{tag} OK LIST completed")


class DemoImapServer(_DemoIncomingServer):
    """`async with DemoImapServer() as demo: demo.port` (STARTTLS; `implicit_tls=True` for port-993 style)."""

    _name = "IMAP"

    async def _serve(self, connection: _Connection) -> None:
        await _ImapSession(connection).serve()


# --- POP3 ---------------------------------------------------------------------------------------------------------

_POP3_TRANSACTION = frozenset({b"STAT", b"LIST", b"UIDL", b"RETR", b"DELE", b"TOP", b"RSET"})
_POP3_AUTHORIZATION = frozenset({b"USER", b"PASS", b"AUTH", b"STLS", b"APOP"})
_POP3_PRIVACY = "-ERR [AUTH] Plaintext authentication disallowed on non-secure connections."


class _Pop3Session:
    def __init__(self, connection: _Connection) -> None:
        self.c = connection
        self.logged_in = False
        self.user: bytes | None = None  # after a USER, for the PASS right after it

    async def serve(self) -> None:
        await self.c.send(POP3_GREETING)
        try:
            while await self.command():
                pass
        except _Idle:
            await self.c.send_last("-ERR Disconnected for inactivity.")
        except _TooLong as exc:
            await self.c.send_last(f"-ERR {exc}")

    async def command(self) -> bool:
        line = await self.c.line()
        keyword, _, arg = line.partition(b" ")
        keyword = keyword.upper()
        user, self.user = self.user, None
        if keyword == b"QUIT":
            await self.c.send("+OK Logging out.")
            return False
        if keyword == b"NOOP":
            await self.c.send("+OK")
        elif keyword == b"CAPA":
            caps = POP3_CAPS_TLS if self.c.secure else POP3_CAPS_PLAIN
            await self.c.send("+OK Capability list follows", *caps, ".")
        elif keyword in _POP3_TRANSACTION:
            await self.transaction(keyword, arg)
        elif keyword in _POP3_AUTHORIZATION:
            if self.logged_in:
                await self.c.send("-ERR Already logged in.")
            elif keyword == b"STLS":
                return await self.stls()
            elif not self.c.secure:
                await self.c.send(_POP3_PRIVACY)
            elif keyword == b"USER":
                await self.user_command(arg)
            elif keyword == b"PASS":
                await self.pass_command(user, arg)
            elif keyword == b"AUTH":
                await self.auth(arg)
            else:
                await self.c.send("-ERR APOP is not offered.")
        else:
            await self.c.send("-ERR Unknown command.")
        return True

    async def stls(self) -> bool:
        if self.c.secure:
            await self.c.send("-ERR TLS is already active.")
            return True
        if self.c.pipelined():
            await self.c.send_last("-ERR Nothing may follow STLS before the TLS handshake.")
            return False
        await self.c.send("+OK Begin TLS negotiation")
        await self.c.start_tls()
        return True

    async def user_command(self, arg: bytes) -> None:
        if not arg:
            await self.c.send("-ERR Missing user name.")
            return
        self.user = arg
        await self.c.send("+OK Send the password.")

    async def pass_command(self, user: bytes | None, password: bytes) -> None:
        # The whole rest of the line: RFC 1939 lets a password hold spaces.
        if user is None:
            await self.c.send("-ERR Send USER first.")
            return
        await self.login_result(_valid_login(user, password))

    async def login_result(self, ok: bool) -> None:
        if ok:
            self.logged_in = True
            await self.c.send("+OK Logged in.")
        else:
            await self.c.send("-ERR [AUTH] Authentication failed.")

    async def auth(self, arg: bytes) -> None:
        args = arg.split()
        if not args:
            # The pre-RFC 5034 listing some clients still ask for.
            await self.c.send("+OK", "PLAIN", "LOGIN", ".")
            return
        mechanism = args[0].upper()
        if len(args) > 2:
            await self.c.send("-ERR Invalid arguments.")
            return
        if mechanism not in (b"PLAIN", b"LOGIN"):
            await self.c.send("-ERR Unsupported authentication mechanism.")
            return
        try:
            initial = None if len(args) == 1 else b"" if args[1] == b"=" else _b64decode(args[1])
            ok = await self.c.sasl(mechanism, initial)
        except _Cancelled:
            await self.c.send("-ERR Authentication cancelled.")
            return
        except _BadSyntax:
            await self.c.send("-ERR Invalid base64 data.")
            return
        await self.login_result(ok)

    async def transaction(self, keyword: bytes, arg: bytes) -> None:
        """An empty maildrop: every message number is out of range."""
        if not self.logged_in:
            await self.c.send("-ERR Command not allowed before login.")
        elif keyword == b"STAT":
            await self.c.send("+OK 0 0")
        elif keyword == b"LIST" and not arg.strip():
            await self.c.send("+OK 0 messages (0 octets)", ".")
        elif keyword == b"UIDL" and not arg.strip():
            await self.c.send("+OK", ".")
        elif keyword == b"RSET":
            await self.c.send("+OK")
        else:
            await self.c.send("-ERR No such message.")


class DemoPop3Server(_DemoIncomingServer):
    """`async with DemoPop3Server() as demo: demo.port` (STLS; `implicit_tls=True` for port-995 style)."""

    _name = "POP3"

    async def _serve(self, connection: _Connection) -> None:
        await _Pop3Session(connection).serve()
