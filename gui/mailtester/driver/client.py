"""The asyncio driver: connect, TLS, timeouts; feeds the sans-I/O core."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import ssl
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

from .. import __version__
from ..model import CheckResult, CheckSettings, Probe, TimelineEntry, TlsFailure, TlsInfo, endpoint
from ..protocol.credentials import Credentials
from ..protocol.events import (
    NOTES,
    CommandSent,
    Ending,
    Event,
    Finished,
    NoteAdded,
    Outcome,
    Protocol,
    ReplyReceived,
    Security,
    Stage,
    TlsRequested,
)
from ..protocol.limits import PROBE_AFTER, PROBE_TIMEOUT, QUIT_WAIT, READ_HIGH_WATER, TOTAL_TIMEOUT_FACTOR
from ..protocol.redaction import Redactor
from ..protocol.replies import Reply, printable, service_of_greeting
from ..protocol.session import LoginSession, SessionConfig
from .tls import failure_of, make_context, tls_info, unverified_context

log = logging.getLogger("mailtester.driver")


class _Stream(asyncio.Protocol):
    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.eof = False
        self._wake = asyncio.Event()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if len(self.buffer) > READ_HIGH_WATER and self.transport is not None:
            self.transport.pause_reading()
        self._wake.set()

    def eof_received(self) -> bool:
        self.eof = True
        self._wake.set()
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        self.eof = True
        self._wake.set()

    async def readable(self) -> None:
        """Wait until bytes arrived or the connection closed (consuming nothing)."""
        while not self.buffer and not self.eof:
            self._wake.clear()
            await self._wake.wait()

    async def read(self) -> bytes:
        """The bytes received so far, b"" once the connection is closed."""
        await self.readable()
        data = bytes(self.buffer)
        self.buffer.clear()
        if self.transport is not None and not self.transport.is_closing():
            self.transport.resume_reading()
        return data


class _Run:
    def __init__(self, settings: CheckSettings, on_entry: Callable[[TimelineEntry], None] | None) -> None:
        self.s = settings
        self.on_entry = on_entry
        self.start = time.monotonic()
        self.entries: list[TimelineEntry] = []
        self.redactor = Redactor()
        self.redactor.add_all(settings.credentials.secrets())
        # Until a secret was sent the server cannot echo it: its greeting and
        # capabilities are shown as they are, even if a word equals the password.
        self.secret_sent = False
        self.tls_on = False
        self.tls: TlsInfo | None = None
        self.tls_failure: TlsFailure | None = None
        self.greeting: Reply | None = None
        self.address: str | None = None
        self.stream: _Stream | None = None
        self.stage = Stage.DNS
        self.probe: Probe | None = None
        self.local_address: str | None = None
        self.started = _local_now()
        self.keep_open = False  # a continuation takes the connection after a successful login
        self.session: LoginSession | None = None

    def redact(self, text: str) -> str:
        return self.redactor(text) if self.secret_sent else text

    def redact_lines(self, lines: tuple[str, ...]) -> list[str]:
        return self.redactor.lines(lines) if self.secret_sent else list(lines)

    def sent(self, event: CommandSent) -> None:
        """Register what secret a command carries; our own line is already redacted at the source."""
        if event.secret_forms or event.secret_messages:
            self.secret_sent = True
            self.redactor.add_forms(event.secret_forms)
            for message in event.secret_messages:
                self.redactor.add_message(message)
        self.add("C", event.shown, decoded=event.decoded)

    def add(self, direction: str, text: str, decoded: str | None = None, flagged: bool = False,
            key: str | None = None, args: tuple[str, ...] = ()) -> None:
        """A timeline entry: server lines (and decoded challenges) arrive redacted."""
        entry = TimelineEntry(round(time.monotonic() - self.start, 4), direction, self.tls_on,
                              text, decoded, flagged, self.stage, key, args)
        self.entries.append(entry)
        log.debug("%s %s %s", entry.direction, "TLS" if entry.tls else "   ", entry.text)
        if self.on_entry is not None:
            try:
                self.on_entry(entry)
            except BrokenPipeError:  # its reader went (`| head`): the test goes on unprinted, cli exits 141
                self.on_entry = None

    def note(self, key: str, *args: str) -> None:
        self.add("-", NOTES[key].format(*args), key=key, args=args)

    def result(self, outcome: Outcome) -> CheckResult:
        if outcome.reply is not None:
            outcome = replace(outcome, reply=outcome.reply.redacted(self.redact_lines))
        outcome = replace(outcome, detail=self.redact(outcome.detail),
                          oauth_error=tuple((k, self.redact(v)) for k, v in outcome.oauth_error))
        return CheckResult(self.s, outcome, tuple(self.entries), self.tls, self.tls_failure,
                           self.greeting, round(time.monotonic() - self.start, 4), self.address, self.probe,
                           self.local_address, self.started)


def _fail(ending: Ending, stage: Stage, detail: str = "") -> Outcome:
    return Outcome(ok=False, ending=ending, stage=stage, detail=detail)


def session_class(protocol: Protocol) -> type[LoginSession]:
    """The core of a protocol, imported when a run needs it (an SMTP check loads no IMAP code)."""
    if protocol is Protocol.IMAP:
        from ..protocol.imap import ImapSession

        return ImapSession
    if protocol is Protocol.POP3:
        from ..protocol.pop3 import Pop3Session

        return Pop3Session
    from ..protocol.smtp import SmtpSession

    return SmtpSession


def make_session(s: CheckSettings, credentials: Credentials | None = None, host: str = "",
                 keep_open: bool = False) -> LoginSession:
    """The core for the settings' protocol (with other credentials for a probe)."""
    return session_class(s.protocol)(SessionConfig(
        security=s.security, credentials=s.credentials if credentials is None else credentials,
        host=host, port=s.effective_port, mechanism=s.mechanism,
        allow_plaintext_auth=s.allow_plaintext_auth, initial_response=s.initial_response,
        client_version=__version__, keep_open=keep_open,
    ))


async def run_check(settings: CheckSettings,
                    on_entry: Callable[[TimelineEntry], None] | None = None,
                    after: Callable[[_Run], Awaitable[None]] | None = None) -> CheckResult:
    """Run one login test. Never raises for anything the server or network does;
    cancellation propagates as CancelledError after the connection is closed.
    `after` gets the run of a successful login, connection open, to go on with
    (driver/roundtrip.py); its own failures are its to record."""
    run = _Run(settings, on_entry)
    run.keep_open = after is not None
    total = settings.timeout * TOTAL_TIMEOUT_FACTOR
    try:
        try:
            async with asyncio.timeout(total):
                outcome = await _dialogue(run)
        except TimeoutError:
            outcome = _fail(Ending.TIMEOUT, run.stage, f"the whole test took longer than {total:g} s")
            run.note("gave-up", f"{total:g}")
        except Exception as exc:  # a bug of ours: an ending the person can report, never a traceback
            log.error("internal error during the test: %s", type(exc).__name__)
            outcome = _fail(Ending.INTERNAL_ERROR, run.stage, f"internal error ({type(exc).__name__})")
        if after is not None and outcome.ok:
            try:
                await after(run)
            except Exception as exc:  # a bug of ours there: `after` records what it reached, never a traceback
                log.error("internal error after the login: %s", type(exc).__name__)
    finally:
        if run.stream is not None and run.stream.transport is not None:
            run.stream.transport.abort()
    return run.result(outcome)


async def _dialogue(run: _Run) -> Outcome:
    s = run.s
    loop = asyncio.get_running_loop()
    host, port = s.connect_host, s.effective_port
    run.stage = Stage.DNS
    try:
        ctx = make_context(s.ca_file, s.pinned_sha256)
    except OSError as exc:
        return _fail(Ending.TLS_FAILED, Stage.TLS, f"cannot read the CA file: {exc.strerror or exc}")

    # DNS
    run.note("lookup", host if host == s.host.strip() else f"{s.host.strip()} ({host})")
    try:
        async with asyncio.timeout(s.timeout):
            if s.dns_server:  # that server only, through dnspython (--dns-server)
                from ..detect.resolver import getaddrinfo_at

                infos = await getaddrinfo_at(s.dns_server, host, port, s.family, s.timeout)
            else:
                infos = await _getaddrinfo(host, port, s.family)
    except TimeoutError:
        run.note("lookup-timeout")
        return _fail(Ending.DNS_FAILED, Stage.DNS, "the name lookup timed out")
    except (socket.gaierror, UnicodeError) as exc:
        run.note("lookup-failed", str(exc))
        return _fail(Ending.DNS_FAILED, Stage.DNS, str(exc))
    addresses = list(dict.fromkeys((info[0], str(info[4][0])) for info in infos))

    # Connect: each address in turn, keeping the most telling failure.
    run.stage = Stage.CONNECT
    failure: Outcome | None = None
    for family, addr in addresses:
        shown = f"[{addr}]" if family == socket.AF_INET6 else addr
        run.note("connecting", shown, str(port))
        stream = _Stream()
        try:
            async with asyncio.timeout(s.timeout):
                await loop.create_connection(lambda stream=stream: stream, addr, port)  # type: ignore[misc]
        except TimeoutError:
            run.note("connect-timeout", shown, f"{s.timeout:g}")
            failure = _fail(Ending.CONNECT_TIMEOUT, Stage.CONNECT, f"no answer from {shown}:{port}")
            continue
        except ConnectionRefusedError:
            run.note("refused", shown)
            failure = _fail(Ending.REFUSED, Stage.CONNECT, f"{shown}:{port} refused the connection")
            continue
        except OSError as exc:
            run.note("unreachable", shown, str(exc.strerror or exc))
            if failure is None or failure.ending is not Ending.REFUSED:
                failure = _fail(Ending.UNREACHABLE, Stage.CONNECT, f"{shown}: {exc.strerror or exc}")
            continue
        run.stream, run.address = stream, addr
        assert stream.transport is not None
        local = stream.transport.get_extra_info("sockname")
        if local:
            run.local_address = endpoint(str(local[0]), int(local[1]))
        run.note("connected", shown, str(port))
        break
    else:
        assert failure is not None
        return failure

    session = run.session = make_session(s, host=host, keep_open=run.keep_open)
    if s.security is Security.TLS:
        failed = await _handshake(run, host, ctx, Stage.TLS)
        if failed is not None:
            return failed
        session.tls_established()
    run.stage = Stage.GREETING
    # One timer per reply, not per read: a server dripping bytes cannot reset it.
    deadline = loop.time() + s.timeout
    # An implicit-TLS port waits silently for our ClientHello: ask it on a second
    # connection, within the time the greeting has anyway.
    if (s.security is not Security.TLS and await _silent(run.stream, min(PROBE_AFTER, s.timeout / 2))
            and await _tls_answers(run, host, deadline - loop.time())):
        return _fail(Ending.EXPECTS_TLS, Stage.GREETING, "this port expects SSL/TLS from the first byte")
    while True:
        run.stage = session.stage
        try:
            async with asyncio.timeout_at(deadline):
                events = await _next_events(run, session)
        except TimeoutError:
            what = "greeting" if session.stage is Stage.GREETING else "reply"
            run.note("no-greeting" if what == "greeting" else "no-reply", f"{s.timeout:g}")
            return Outcome(ok=False, ending=Ending.TIMEOUT, stage=session.stage, mechanism=session.method,
                           offered=session.offered, detail=f"no {what} within {s.timeout:g} s")
        for event in events:
            if isinstance(event, ReplyReceived | CommandSent):
                run.stage = event.stage
            if isinstance(event, ReplyReceived):
                if event.stage is Stage.GREETING:
                    run.greeting = event.reply
                _show_reply(run, event)
            elif isinstance(event, CommandSent):
                run.sent(event)
                assert run.stream.transport is not None
                run.stream.transport.write(event.data)
            elif isinstance(event, NoteAdded):
                run.note(event.key, *event.args)
            elif isinstance(event, TlsRequested):
                run.stream.buffer.clear()  # bytes injected before the handshake
                failed = await _handshake(run, host, ctx, Stage.TLS)
                if failed is not None:
                    return failed
                events.extend(session.tls_established())
            elif isinstance(event, Finished):
                if session.quit_sent and run.stream.transport and not run.stream.eof:
                    await _await_quit(run)
                return event.outcome
        if any(isinstance(e, ReplyReceived) for e in events):
            deadline = loop.time() + s.timeout  # after any TLS handshake the reply started


def _is_ip(host: str) -> bool:
    for family in (socket.AF_INET, socket.AF_INET6):
        try:
            socket.inet_pton(family, host)
        except OSError:
            continue
        return True
    return False


def _local_now() -> str:
    """Now as ISO 8601 with the local offset, as datetime.now().astimezone().isoformat("seconds") gives,
    without importing datetime for it (a check's start-up, issue 14)."""
    now = time.localtime()
    offset = abs(now.tm_gmtoff)
    sign = "-" if now.tm_gmtoff < 0 else "+"
    return time.strftime("%Y-%m-%dT%H:%M:%S", now) + f"{sign}{offset // 3600:02d}:{offset % 3600 // 60:02d}"


def _getaddrinfo(host: str, port: int, family: int) -> asyncio.Future[list[tuple[Any, ...]]]:
    """getaddrinfo in a daemon thread of its own: a lookup that blocks in the
    system resolver cannot be cancelled, and the default executor's thread
    would keep the process alive at exit long after the verdict."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[list[tuple[Any, ...]]] = loop.create_future()
    if _is_ip(host):  # an IP address needs no resolver, and so no thread (AI_NUMERICHOST never blocks)
        try:
            future.set_result(socket.getaddrinfo(host, port, family, socket.SOCK_STREAM, 0, socket.AI_NUMERICHOST))
        except OSError as exc:  # an IPv6 address with only IPv4 asked for, and the like
            future.set_exception(exc)
        return future

    def deliver(result: list[tuple[Any, ...]] | None, error: BaseException | None) -> None:
        if not future.done():
            future.set_exception(error) if error is not None else future.set_result(result or [])

    def lookup() -> None:
        try:
            result: list[tuple[Any, ...]] | None = socket.getaddrinfo(host, port, family, socket.SOCK_STREAM)
            error = None
        except BaseException as exc:  # handed to the loop as is
            result, error = None, exc
        with contextlib.suppress(RuntimeError):  # the loop is gone: nobody waits any more
            loop.call_soon_threadsafe(deliver, result, error)

    threading.Thread(target=lookup, name="resolver", daemon=True).start()
    return future


async def _next_events(run: _Run, session: LoginSession) -> list[Event]:
    assert run.stream is not None
    data = await run.stream.read()
    if not data:
        run.note("closed")
        return session.connection_lost()
    return session.receive_data(data)


def _show_reply(run: _Run, event: ReplyReceived) -> None:
    ch = event.challenge
    lines = run.redact_lines(event.reply.raw)  # together: an echo split over lines is found too
    for i, line in enumerate(lines):
        if ch is not None and i == len(lines) - 1:
            decoded = run.redact(ch.text) if ch.is_base64 else None
            run.add("S", line, decoded=decoded, flagged=not ch.is_base64)
        else:
            run.add("S", line)


async def _await_quit(run: _Run) -> None:
    """Give the server a moment to answer QUIT, for a complete timeline."""
    assert run.stream is not None
    try:
        async with asyncio.timeout(min(QUIT_WAIT, run.s.timeout)):
            data = await run.stream.read()
    except TimeoutError:
        return
    lines = tuple(printable(line) for line in data.splitlines()[:5])
    for line in run.redact_lines(lines):
        run.add("S", line)


async def _handshake(run: _Run, host: str, ctx: ssl.SSLContext, stage: Stage) -> Outcome | None:
    """Upgrade the connection to TLS; on failure return the outcome."""
    assert run.stream is not None and run.stream.transport is not None
    loop = asyncio.get_running_loop()
    run.stage = stage
    run.note("tls-start")
    try:
        # Our own timer, so a slow handshake ends as a timeout; asyncio's own
        # (later, as a backstop) would abort it as if the server had closed.
        async with asyncio.timeout(run.s.timeout):
            new_transport = await loop.start_tls(
                run.stream.transport, run.stream, ctx, server_hostname=host,
                ssl_handshake_timeout=run.s.timeout + 5,
            )
    except (ssl.SSLError, OSError, TimeoutError, ConnectionError) as exc:
        failure = failure_of(exc)
        run.tls_failure = failure
        run.note("tls-failed", failure.message)
        if failure.kind in ("untrusted", "expired", "not-yet-valid", "hostname"):
            run.tls = await _probe_certificate(run, host)
        elif failure.kind == "not-tls" and run.s.security is Security.TLS:
            run.probe = await _plain_probe(run)
        return _fail(Ending.TLS_FAILED, stage, failure.message)
    assert isinstance(new_transport, asyncio.Transport)
    run.stream.transport = new_transport
    info = tls_info(new_transport, verified=not run.s.pinned_sha256)  # a pin skips the chain check
    if run.s.pinned_sha256 and info.sha256 != run.s.pinned_sha256.lower().replace(":", ""):
        run.tls = info
        run.tls_failure = TlsFailure("pin-mismatch", "the certificate is not the one you chose to trust")
        run.note("tls-changed")
        return _fail(Ending.TLS_FAILED, stage, run.tls_failure.message)
    run.tls = info
    run.tls_on = True
    run.note("tls-ok" if info.verified else "tls-pinned", info.version, info.cipher)
    return None



async def _probe_certificate(run: _Run, host: str) -> TlsInfo | None:
    """Fetch the certificate that failed verification, so it can be shown.

    A second connection that stops right after the handshake: it carries no
    credentials (the session has none) and never gets past TLS.
    """
    if run.address is None:
        return None
    stream = None
    try:
        async with asyncio.timeout(run.s.timeout):
            stream = await _connect_probe(run)
            if run.s.security is Security.STARTTLS and not await _until_starttls(
                    stream, make_session(run.s, Credentials())):
                return None
            assert stream.transport is not None
            transport = await asyncio.get_running_loop().start_tls(stream.transport, stream, unverified_context(),
                                                                   server_hostname=host)
            assert isinstance(transport, asyncio.Transport)
            info = tls_info(transport, verified=False)
            transport.abort()
            return info
    except (OSError, TimeoutError, ssl.SSLError):
        return None
    finally:
        if stream is not None and stream.transport is not None:
            stream.transport.abort()


async def _silent(stream: _Stream | None, wait: float) -> bool:
    """True when the server sent nothing (and did not close) for `wait` seconds."""
    assert stream is not None
    try:
        async with asyncio.timeout(wait):
            await stream.readable()
    except TimeoutError:
        return True
    return False


async def _connect_probe(run: _Run) -> _Stream:
    assert run.address is not None
    stream = _Stream()
    await asyncio.get_running_loop().create_connection(lambda: stream, run.address, run.s.effective_port)
    return stream


async def _tls_answers(run: _Run, host: str, within: float) -> bool:
    """Whether the port speaks TLS from the first byte: one handshake on a
    second connection, certificate not checked, nothing sent after it."""
    run.note("probe-tls")
    stream = None
    try:
        async with asyncio.timeout(max(0.1, min(PROBE_TIMEOUT, within))):
            stream = await _connect_probe(run)
            assert stream.transport is not None
            transport = await asyncio.get_running_loop().start_tls(
                stream.transport, stream, unverified_context(), server_hostname=host)
            assert transport is not None
            transport.abort()
    except (OSError, TimeoutError, ssl.SSLError):
        run.note("probe-tls-no")
        run.probe = Probe(tls=False)
        return False
    finally:
        if stream is not None and stream.transport is not None:
            stream.transport.abort()
    run.note("probe-tls-yes")
    run.probe = Probe(tls=True)
    return True


async def _plain_probe(run: _Run) -> Probe | None:
    """What the port says in plain text after a TLS client met plain text: the
    service of its greeting and whether it offers STARTTLS. A credential-free
    session, stopped at the go-ahead for STARTTLS (no handshake, no login)."""
    run.note("probe-plain")
    stream = None
    try:
        async with asyncio.timeout(min(PROBE_TIMEOUT, run.s.timeout)):
            stream = await _connect_probe(run)
            await stream.readable()
            line = bytes(stream.buffer.split(b"\n", 1)[0])
            service = service_of_greeting(line.rstrip(b"\r"))
            if service is None:
                return None
            session = session_class(service)(SessionConfig(security=Security.STARTTLS, credentials=Credentials()))
            await _until_starttls(stream, session)
        probe = Probe(service=service, starttls=session.starttls_offered)
    except (OSError, TimeoutError):
        return None
    finally:
        if stream is not None and stream.transport is not None:
            stream.transport.abort()
    run.note("probe-plain-starttls" if probe.starttls else "probe-plain-result", service.value.upper())
    return probe


async def _until_starttls(stream: _Stream, probe: LoginSession) -> bool:
    """Run a credential-free session up to the server's go-ahead for STARTTLS
    (True), or to its end (False); no handshake follows here."""
    while True:
        data = await stream.read()
        events = probe.receive_data(data) if data else probe.connection_lost()
        for e in events:
            if isinstance(e, CommandSent) and stream.transport is not None:
                stream.transport.write(e.data)
            elif isinstance(e, TlsRequested):
                return True
            elif isinstance(e, Finished):
                return False
