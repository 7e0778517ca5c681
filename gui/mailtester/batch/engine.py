"""The batch scheduler: every row through the one driver (driver/client.py run_check) and the one
diagnosis (knowledge/report.py build_report), lockout-safe by construction:

- exactly one login attempt per account: no retry, no suggestion is ever applied, and a row that repeats
  an earlier row's login (user, server, port, protocol) is not tried;
- at most `concurrency` checks at once, and `per_host` per server host (a public provider's catalogue
  entry may set a lower `batch_per_host`, which the option cannot raise);
- starts jittered; a host that shows rate-limit or lockout signs (421, a temporary refusal at login,
  "too many connections") pauses with a growing backoff, and after `max_signs` such signs its
  remaining rows are deferred, not tried;
- stop() cancels what runs (those rows end CANCELLED) and ends the waiting rows CANCELLED.

Rows are held per host in a queue that its own few workers drain, so a slow or paused host never
holds back the others. Results are handed to `on_result` as each row ends and not kept.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections import Counter, deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from ..model import CheckSettings
from ..protocol.credentials import Credentials
from ..protocol.kinds import Protocol, Security
from ..protocol.limits import DEFAULT_TIMEOUT
from ..protocol.record import Record
from .secrets import Secrets, SecretUnavailable
from .sheet import Sheet, SheetRow, row_protocol, row_security
from .texts import row_text

if TYPE_CHECKING:
    from ..detect.candidates import Candidate, DetectResult
    from ..knowledge.report import Report

log = logging.getLogger("mailtester.batch")

# Diagnosis ids and reply codes that mean "slow down": the host is rate-limiting or locking out.
THROTTLE_IDS = frozenset({"auth.temporary-failure", "auth.too-many-connections"})


class RowStatus(StrEnum):
    OK = "ok"
    REFUSED = "refused"  # the server checked the credentials and refused them (the check's exit code 1)
    FAILED = "failed"  # anything else that kept the login from succeeding
    DEFERRED = "deferred"  # not tried: its host showed rate-limit or lockout signs
    CANCELLED = "cancelled"  # stopped while waiting or running
    NO_SERVER = "no-server"  # no host given and none detected
    RUNNING = "running"
    WAITING = "waiting"


class RowResult(Record):
    row: SheetRow
    status: RowStatus
    report: Report | None  # the single check's report; None for a row that never connected
    diagnosis_id: str | None
    elapsed: float | None
    checked_at: datetime | None
    detail: str = ""  # for a row without a report: why, in plain words (no secret, no server text)
    settings: CheckSettings | None = None  # what the row was checked with (public fields only are shown)
    oauth: dict[str, Any] | None = None  # a row logged in with an OAuth2 token: its sign-in, never a token


@dataclass
class BatchOptions:
    concurrency: int = 16
    per_host: int = 8
    protocol: str | None = None  # for rows without a protocol column value
    ca_file: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    dns_server: str | None = None
    lang: str = "en"
    jitter: float = 0.05  # the first start of each worker on a host (and after a pause) waits 0..jitter s
    backoff: float = 2.0  # the first pause of a throttling host; doubles with each sign
    max_signs: int = 2  # throttle signs after which a host's remaining rows are deferred
    detect_timeout: float = 5.0


@dataclass
class BatchSummary:
    counts: Counter[str] = field(default_factory=Counter)  # status -> rows
    domains: dict[str, Counter[str]] = field(default_factory=dict)  # domain -> status -> rows
    diagnoses: Counter[str] = field(default_factory=Counter)  # diagnosis id -> rows
    elapsed: float = 0.0
    stopped: bool = False
    throttled_hosts: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def add(self, result: RowResult) -> None:
        self.counts[result.status.value] += 1
        self.domains.setdefault(result.row.domain, Counter())[result.status.value] += 1
        if result.diagnosis_id:
            self.diagnoses[result.diagnosis_id] += 1


def host_cap(host: str, per_host: int) -> int:
    """The connections allowed at once to this host: the option, or a public provider's lower cap."""
    from ..knowledge.providers import by_server

    provider = by_server(host)
    cap = provider.batch_per_host if provider is not None and provider.batch_per_host else per_host
    return max(1, min(per_host, cap))


def throttle_sign(report: Report) -> bool:
    """Does this result say the host is rate-limiting or locking out?"""
    o = report.result.outcome
    if o.ok:
        return False
    if o.reply is not None and o.reply.code == 421:
        return True
    return report.diagnosis is not None and report.diagnosis.id in THROTTLE_IDS


def pick_candidate(result: DetectResult, protocol: Protocol) -> Candidate | None:
    """The best detected server for the protocol that may get a password without asking: a proposal that
    came over a channel an attacker could change (plain HTTP, unsigned DNS, a guessed name) never does."""
    pool = result.outgoing if protocol is Protocol.SMTP else result.incoming
    return next((c for c in pool if c.protocol is protocol and not c.insecure), None)


@dataclass
class _Target:
    """Where and how a row is checked; the secret is fetched only when it runs."""

    row: SheetRow
    settings: CheckSettings  # without credentials' secret


@dataclass
class _Lane:
    host: str
    cap: int
    queue: deque[_Target] = field(default_factory=deque)
    workers: int = 0
    signs: int = 0
    paused_until: float = 0.0
    deferred: bool = False


class BatchRun:
    def __init__(self, sheet: Sheet, options: BatchOptions, secrets: Secrets) -> None:
        self.sheet, self.options, self.secrets = sheet, options, secrets
        self._stopped = False
        self._stop_event = asyncio.Event()
        self._error: Exception | None = None
        self._lanes: dict[str, _Lane] = {}
        self._accounts: dict[tuple[Protocol, str, int, str], int] = {}  # each login's first row number
        self._tasks: set[asyncio.Task[None]] = set()  # workers and detections
        self._checks: set[asyncio.Task[Report]] = set()
        self._global: asyncio.Semaphore | None = None
        self._pending = 0
        self._ended: set[int] = set()  # row numbers already handed to on_result
        self._done: asyncio.Event | None = None
        self._rng = random.Random()
        self._summary = BatchSummary()
        self._on_result: Callable[[RowResult], None] = lambda _r: None
        self._on_start: Callable[[SheetRow], None] | None = None

    @property
    def stopped(self) -> bool:
        return self._stopped

    @property
    def summary(self) -> BatchSummary:
        """The counts so far (the final ones once run() returned)."""
        return self._summary

    def stop(self) -> None:
        """Finished rows stay; running checks are cancelled; waiting rows end CANCELLED."""
        self._stopped = True
        self._stop_event.set()
        for task in list(self._checks) + [t for t in self._tasks if t.get_name().startswith("detect")]:
            task.cancel()
        for lane in self._lanes.values():  # idle lanes' queues: workers drain their own
            if lane.workers == 0:
                while lane.queue:
                    self._finish_without(lane.queue.popleft().row, RowStatus.CANCELLED, "batch.cancelled")

    async def run(self, on_result: Callable[[RowResult], None],
                  on_start: Callable[[SheetRow], None] | None = None) -> BatchSummary:
        started = time.monotonic()
        self._on_result, self._on_start = on_result, on_start
        self._global = asyncio.Semaphore(max(1, self.options.concurrency))
        self._done = asyncio.Event()
        self._pending = len(self.sheet.rows)
        await self.secrets.prepare(self.sheet)
        try:
            by_domain: dict[str, list[SheetRow]] = {}
            for row in self.sheet.rows:
                if self._stopped:
                    self._finish_without(row, RowStatus.CANCELLED, "batch.cancelled")
                elif row.host:
                    self._enqueue(row, self._settings(row, row.host, row.port, row_security(row), row.user))
                else:
                    by_domain.setdefault(row.domain, []).append(row)
            for domain, rows in by_domain.items():
                self._spawn(self._detect_rows(domain, rows), f"detect {domain}")
            if self._pending:
                await self._done.wait()
        finally:
            for task in list(self._tasks) + list(self._checks):
                task.cancel()
            with contextlib.suppress(Exception):
                await asyncio.gather(*self._tasks, *self._checks, return_exceptions=True)
        self._summary.elapsed = time.monotonic() - started
        self._summary.stopped = self._stopped
        self._summary.throttled_hosts = [h for h, lane in self._lanes.items() if lane.deferred]
        if self._error is not None:
            raise self._error
        return self._summary

    # -- rows -----------------------------------------------------------------------

    def _settings(self, row: SheetRow, host: str, port: int | None, security: Security,
                  user: str | None) -> CheckSettings:
        o = self.options
        return CheckSettings(host=host, port=port, security=security, protocol=row_protocol(row, o.protocol),
                             credentials=Credentials(user or row.email), mechanism=row.mechanism or "auto",
                             ca_file=o.ca_file, timeout=o.timeout, dns_server=o.dns_server)

    def _enqueue(self, row: SheetRow, settings: CheckSettings) -> None:
        key = settings.connect_host
        lane = self._lanes.get(key)
        if lane is None:
            lane = self._lanes[key] = _Lane(key, host_cap(key, max(1, self.options.per_host)))
        if self._stopped or lane.deferred:
            status = RowStatus.CANCELLED if self._stopped else RowStatus.DEFERRED
            self._finish_without(row, status, f"batch.{status.value}", settings)
            return
        # One attempt per account: a second row for the same login on the same server is not tried.
        account = (settings.protocol, key, settings.effective_port, settings.credentials.user.lower())
        first = self._accounts.setdefault(account, row.number)
        if first != row.number:
            self._finish_without(row, RowStatus.FAILED, "batch.duplicate", settings, None, first=first)
            return
        lane.queue.append(_Target(row, settings))
        if lane.workers < lane.cap:
            lane.workers += 1
            self._spawn(self._work(lane), f"host {key}")

    def _spawn(self, coro: Coroutine[Any, Any, None], name: str) -> None:
        task = asyncio.ensure_future(coro)
        task.set_name(name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _emit(self, result: RowResult) -> None:
        self._ended.add(result.row.number)
        self._summary.add(result)
        try:
            self._on_result(result)
        except Exception as exc:  # a writer failed (disk full...): end the run, raise it from run()
            if self._error is None:
                self._error = exc
                self.stop()
        finally:
            self._pending -= 1
            if self._pending <= 0 and self._done is not None:
                self._done.set()

    def _finish_without(self, row: SheetRow, status: RowStatus, did: str, settings: CheckSettings | None = None,
                        text: str | None = None, **params: object) -> None:
        """A row that ends without a check; `text` (else `did`) names its explanation in texts.py."""
        detail = row_text(text or did, self.options.lang, **params)
        self._emit(RowResult(row, status, None, did, None, None, detail, settings))

    async def _detect_rows(self, domain: str, rows: list[SheetRow]) -> None:
        """One detection for the domain, then each row goes to its detected host's queue."""
        from ..detect.online import detect
        from ..detect.templates import expand

        protocols = {row_protocol(r, self.options.protocol) for r in rows}
        candidates: dict[Protocol, Candidate] = {}
        error: str | None = None
        try:
            # The domain, not an address: the user-name templates (%EMAILADDRESS%, ...) come back as they
            # are and are filled in for each row below, and no one's address is sent to the lookups.
            result = await detect(domain, dns_server=self.options.dns_server, ca_file=self.options.ca_file,
                                  timeout=self.options.detect_timeout)
            for p in protocols:
                found = pick_candidate(result, p)
                if found is not None:
                    candidates[p] = found
        except asyncio.CancelledError:
            for row in rows:
                self._finish_without(row, RowStatus.CANCELLED, "batch.cancelled")
            raise
        except Exception as exc:  # an unusable address or DNS server: the rows say so
            error = str(exc)
        for row in rows:
            c = candidates.get(row_protocol(row, self.options.protocol))
            if c is None:
                self._finish_without(row, RowStatus.NO_SERVER, "batch.no-server", None,
                                     "batch.no-server-error" if error else None, error=error)
                continue
            local, _, at = row.email.rpartition("@")
            user = row.user or expand(c.user, local or None, at)
            self._enqueue(row, self._settings(row, c.host, row.port or c.port,
                                              Security(row.security) if row.security else c.security, user))

    async def _work(self, lane: _Lane) -> None:
        assert self._global is not None
        first = True
        try:
            while lane.queue:
                if self._stopped or lane.deferred:
                    status = RowStatus.CANCELLED if self._stopped else RowStatus.DEFERRED
                    target = lane.queue.popleft()
                    self._finish_without(target.row, status, f"batch.{status.value}", target.settings)
                    continue
                # A worker's first start, and its first after a pause, wait a random part of `jitter`:
                # the burst that would hit the host at once is spread. Later starts follow the previous
                # check's end, which already differs from worker to worker.
                wait = max(lane.paused_until - time.monotonic(), 0.0)
                if first or wait > 0:
                    wait += self._rng.uniform(0, self.options.jitter)
                first = False
                if wait > 0:  # a pause ends early on stop()
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._stop_event.wait(), wait)
                if not lane.queue or self._stopped or lane.deferred:
                    continue
                target = lane.queue.popleft()
                async with self._global:
                    try:
                        await self._check(lane, target)
                    except Exception as exc:  # a bug of ours (or in on_start): the row says so, the run goes on
                        log.error("internal error in a batch row: %s", type(exc).__name__)
                        if target.row.number not in self._ended:
                            self._finish_without(target.row, RowStatus.FAILED, "internal.error", target.settings,
                                                 "batch.internal", error=type(exc).__name__)
        finally:
            lane.workers -= 1

    async def _check(self, lane: _Lane, target: _Target) -> None:
        from ..driver.client import run_check
        from ..knowledge.report import build_report

        row = target.row
        if self._stopped:
            self._finish_without(row, RowStatus.CANCELLED, "batch.cancelled", target.settings)
            return
        public = target.settings
        try:
            secret = await self.secrets.credentials(self.sheet, row, public)
        except SecretUnavailable as exc:
            self._finish_without(row, RowStatus.FAILED, exc.id, public, None, **exc.params)
            return
        oauth = self.secrets.signed_in(row)
        if self._on_start is not None:
            self._on_start(row)
            if self._stopped:  # stopped from on_start: this row does not start either
                self._finish_without(row, RowStatus.CANCELLED, "batch.cancelled", public)
                return
        started = time.monotonic()

        async def one(secret: Credentials) -> Report:
            result = await run_check(replace(public, credentials=secret))
            # The report keeps the settings without the secret: it goes with the row.
            return build_report(replace(result, settings=public), self.options.lang)

        task = asyncio.ensure_future(one(secret))
        del secret
        self._checks.add(task)
        try:
            await asyncio.wait({task})
        finally:
            self._checks.discard(task)
            if not task.done():  # this worker itself was cancelled (the run ends): take the check along
                task.cancel()
        if task.cancelled():
            self._emit(RowResult(row, RowStatus.CANCELLED, None, "batch.cancelled", time.monotonic() - started,
                                 datetime.now().astimezone(),
                                 row_text("batch.cancelled-running", self.options.lang), public))
            return
        report = task.result()
        if throttle_sign(report):
            lane.signs += 1
            lane.paused_until = time.monotonic() + self.options.backoff * 2 ** (lane.signs - 1)
            if lane.signs >= self.options.max_signs:
                lane.deferred = True
        status = RowStatus.OK if report.result.ok else (
            RowStatus.REFUSED if report.exit_code == 1 else RowStatus.FAILED)
        self._emit(RowResult(row, status, report, report.diagnosis.id if report.diagnosis else None,
                             report.result.elapsed, datetime.now().astimezone(), "", public, oauth))

