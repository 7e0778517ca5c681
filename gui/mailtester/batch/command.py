"""`mailtester batch FILE`: every account of a sheet, checked once each, into CSV, JSON Lines and HTML.

Only argparse at import: the parser of `mailtester` names these options without loading the engine.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import time
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from .engine import BatchOptions, BatchSummary, RowResult

# Exit codes of `mailtester batch` (documented in the README).
EXIT_ALL_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_DEFERRED, EXIT_STOPPED = 0, 1, 2, 3, 130
MAX_CONCURRENCY = 256
# The command's own sentences (its errors are in English, as `check`'s are).
WORDS = {
    "en": {"bar": " {done}/{total}  ok {ok}  refused {refused}  other {other}  {rate}/s  {left} left",
           "note": "mailtester: note: the sheet holds passwords in plain text (column {column}). They are used for "
                   "the checks and written nowhere; safer is a password_ref column with env:VARIABLE, file:PATH "
                   "(readable only by you) or prompt.",
           "summary": "{total} {rows} in {seconds} s: {counts}", "stopped": " (stopped)",
           "throttled": "{host} showed rate-limit or lockout signs: its remaining rows were deferred",
           "prompt": "Password for the rows marked {ref}: ", "row": "row", "rows": "rows"},
    "tr": {"bar": " {done}/{total}  tamam {ok}  reddedilen {refused}  diğer {other}  {rate}/sn  {left} kaldı",
           "note": "mailtester: not: tabloda parolalar düz metin olarak duruyor ({column} sütunu). Yalnızca "
                   "denetimler için kullanılır, hiçbir yere yazılmaz; daha güvenlisi env:DEĞİŞKEN, file:YOL (yalnızca "
                   "sizin okuyabildiğiniz bir dosya) ya da prompt değerli bir password_ref sütunudur.",
           "summary": "{total} {rows}, {seconds} sn: {counts}", "stopped": " (durduruldu)",
           "throttled": "{host} hız sınırı ya da kilitleme belirtileri gösterdi: kalan satırları ertelendi",
           "prompt": "{ref} olarak işaretli satırların parolası: ", "row": "satır", "rows": "satır"},
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ..protocol.limits import DEFAULT_TIMEOUT

    parser.add_argument("file", metavar="FILE", help="the accounts: a CSV file (, or ; separated) or an Excel "
                                                     "workbook (.xlsx), one row per account")
    parser.add_argument("--out", metavar="RESULTS.csv", help="write the sheet with the result columns added "
                                                             "(the password column blanked)")
    parser.add_argument("--jsonl", metavar="FILE", help="write one check JSON per row (JSON Lines)")
    parser.add_argument("--html", metavar="FILE", help="write a self-contained HTML summary")
    parser.add_argument("--concurrency", type=int, default=16, metavar="N",
                        help="at most N checks at once in all (default 16)")
    parser.add_argument("--per-host", type=int, default=8, metavar="N",
                        help="at most N checks at once per server (default 8; public providers have a lower "
                             "cap that this cannot raise)")
    parser.add_argument("--protocol", choices=["smtp", "imap", "pop3"],
                        help="for rows without a protocol column (default smtp)")
    parser.add_argument("--ca-file", metavar="PEM", help="extra CA certificates to trust")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="S",
                        help=f"timeout for each stage of each check (default {DEFAULT_TIMEOUT:g})")
    parser.add_argument("--dns-server", metavar="IP[:PORT]",
                        help="ask this DNS server for every name (the servers of rows without a host, and "
                             "every server's address) instead of the system's resolver")
    parser.add_argument("--quiet", action="store_true", help="no progress bar and no per-row lines")
    parser.add_argument("--lang", choices=["en", "tr"], help="language of the diagnoses (default: the system's)")
    from ..oauth.options import add_arguments as add_oauth_arguments

    add_oauth_arguments(parser, batch=True)


class UsageProblem(Exception):
    pass


def _writable(path: str, flag: str) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise UsageProblem(f"{flag}: {path} is a folder; name a file")
    if not os.path.isdir(folder):
        raise UsageProblem(f"{flag}: the folder {folder} does not exist")


def options_from_args(args: argparse.Namespace) -> tuple[BatchOptions, list[tuple[str, str]]]:
    from ..cli import UsageError, check_ca_file, system_language
    from ..protocol.limits import MAX_TIMEOUT, MIN_TIMEOUT
    from ..settings import InvalidInput
    from .engine import BatchOptions

    if not 1 <= args.concurrency <= MAX_CONCURRENCY:
        raise UsageProblem(f"--concurrency must be between 1 and {MAX_CONCURRENCY}")
    if not 1 <= args.per_host <= MAX_CONCURRENCY:
        raise UsageProblem(f"--per-host must be between 1 and {MAX_CONCURRENCY}")
    if not MIN_TIMEOUT <= args.timeout <= MAX_TIMEOUT:
        raise UsageProblem(f"--timeout must be between {MIN_TIMEOUT:g} and {MAX_TIMEOUT:g} seconds")
    if args.ca_file:
        try:
            check_ca_file(args.ca_file)
        except UsageError as exc:
            raise UsageProblem(str(exc)) from None
    if args.dns_server:
        from ..detect.resolver import parse_dns_server

        try:
            parse_dns_server(args.dns_server)
        except InvalidInput as exc:
            raise UsageProblem(str(exc)) from None
    outputs = [(flag, path) for flag, path in (("--out", args.out), ("--jsonl", args.jsonl), ("--html", args.html))
               if path]
    for flag, path in outputs:
        _writable(path, flag)
        if os.path.abspath(path) == os.path.abspath(args.file):
            raise UsageProblem(f"{flag}: {path} is the input sheet itself")
    if len({os.path.abspath(p) for _f, p in outputs}) < len(outputs):
        raise UsageProblem("--out, --jsonl and --html must name different files")
    return BatchOptions(concurrency=args.concurrency, per_host=args.per_host, protocol=args.protocol,
                        ca_file=args.ca_file, timeout=args.timeout, dns_server=args.dns_server,
                        lang=args.lang or system_language()), outputs


class Progress:
    """One line on a terminal: a bar, rows done, ok, refused, rate and time left; redrawn at most 10 times a
    second. Nothing when disabled (not a terminal, or --quiet)."""

    def __init__(self, total: int, stream: TextIO, enabled: bool, lang: str = "en") -> None:
        self.total, self.stream, self.enabled = total, stream, enabled
        self.words = WORDS.get(lang, WORDS["en"])
        self.started = time.monotonic()
        self._drawn = 0.0
        self._shown = False

    def line(self, summary: BatchSummary, width: int) -> str:
        done = summary.total
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = done / elapsed
        left = (self.total - done) / rate if rate > 0 else 0.0
        ok, refused = summary.counts["ok"], summary.counts["refused"]
        other = done - ok - refused
        tail = self.words["bar"].format(done=done, total=self.total, ok=ok, refused=refused, other=other,
                                        rate=f"{rate:.1f}", left=f"{int(left) // 60}:{int(left) % 60:02d}")
        bar_width = max(10, min(40, width - len(tail) - 3))
        filled = bar_width * done // max(self.total, 1)
        return ("[" + "#" * filled + "." * (bar_width - filled) + "]" + tail)[: max(width - 1, 20)]

    def update(self, summary: BatchSummary, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._drawn < 0.1:
            return
        self._drawn = now
        width = shutil.get_terminal_size((80, 24)).columns
        self.stream.write("\r\x1b[K" + self.line(summary, width))
        self.stream.flush()
        self._shown = True

    def clear(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def row_line(result: RowResult) -> str:
    from ..protocol.replies import show_controls

    did = f"  {result.diagnosis_id}" if result.diagnosis_id else ""
    return f"row {result.row.number:>5}  {show_controls(result.row.email)}  {result.status.value}{did}"


async def _prompt(ref: str, stream: TextIO, lang: str) -> str | None:
    import getpass

    return getpass.getpass(WORDS.get(lang, WORDS["en"])["prompt"].format(ref=ref), stream=stream) or None


async def run_batch_async(args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    import asyncio
    import signal
    from pathlib import Path

    from .engine import BatchRun, RowStatus
    from .outputs import ResultWriters
    from .secrets import Secrets
    from .sheet import BatchInputError, read_sheet

    try:
        options, outputs = options_from_args(args)
        sheet = read_sheet(Path(args.file))
    except (UsageProblem, BatchInputError) as exc:
        print(f"mailtester: error: {exc}", file=stderr)
        return EXIT_USAGE
    words = WORDS.get(options.lang, WORDS["en"])
    secrets = Secrets(lambda ref: _prompt(ref, stderr, options.lang))
    if args.oauth:
        from ..oauth.flow import SignInError
        from .oauth import KeychainTokens, oauth_problem

        if problem := oauth_problem(args, sheet):
            print(f"mailtester: error: {problem}", file=stderr)
            return EXIT_USAGE
        secrets = KeychainTokens(args)
        try:
            await secrets.start()
        except SignInError as exc:  # nothing was checked
            print(f"mailtester: error: {exc}", file=stderr)
            return EXIT_USAGE
    if secrets.prompts_needed(sheet) and not stdin.isatty():
        print("mailtester: error: rows ask for a typed password (password_ref prompt), but there is no "
              "terminal to type it in", file=stderr)
        return EXIT_USAGE
    if sheet.holds_passwords:
        print(words["note"].format(column=sheet.blanked), file=stderr)
    paths = dict(outputs)
    try:
        writers = ResultWriters(sheet, csv_path=paths.get("--out"), jsonl_path=paths.get("--jsonl"),
                                html_path=paths.get("--html"), lang=options.lang)
    except OSError as exc:
        print(f"mailtester: error: cannot create an output file: {exc.strerror or exc}", file=stderr)
        return EXIT_USAGE
    run = BatchRun(sheet, options, secrets)
    progress = Progress(len(sheet.rows), stderr, enabled=not args.quiet and stderr.isatty(), lang=options.lang)
    lines = not args.quiet and not outputs

    def on_result(result: RowResult) -> None:
        writers.write(result)
        if lines:
            progress.clear()
            print(row_line(result), file=stdout, flush=True)
        progress.update(run.summary, force=result.status is RowStatus.CANCELLED)

    loop = asyncio.get_running_loop()
    # Not in the main thread, or on Windows: Ctrl+C stays a KeyboardInterrupt.
    with contextlib.suppress(NotImplementedError, RuntimeError):
        loop.add_signal_handler(signal.SIGINT, run.stop)
    try:
        summary = await run.run(on_result)
    except BrokenPipeError:  # standard output closed (`… | head`): ended quietly by closed_pipe.py
        raise
    except OSError as exc:
        progress.clear()
        print(f"mailtester: error: cannot write the results: {exc.strerror or exc}", file=stderr)
        return EXIT_SOME_FAILED
    finally:
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.remove_signal_handler(signal.SIGINT)
    writers.close(summary)
    progress.update(summary, force=True)
    progress.clear()
    counts = ", ".join(f"{n} {s}" for s, n in summary.counts.most_common())
    rows = words["row" if summary.total == 1 else "rows"]
    print(words["summary"].format(total=summary.total, rows=rows, seconds=f"{summary.elapsed:.1f}", counts=counts)
          + (words["stopped"] if summary.stopped else ""), file=stdout)
    for host in summary.throttled_hosts:
        print(words["throttled"].format(host=host), file=stdout)
    for flag, path in outputs:
        print(f"{flag.lstrip('-')}: {path}", file=stdout)
    if summary.stopped:
        return EXIT_STOPPED
    if summary.counts["deferred"]:
        return EXIT_DEFERRED
    return EXIT_ALL_OK if summary.counts["ok"] == summary.total else EXIT_SOME_FAILED


def run_batch(args: argparse.Namespace) -> int:
    import asyncio

    try:
        return asyncio.run(run_batch_async(args, sys.stdin, sys.stdout, sys.stderr))
    except KeyboardInterrupt:  # before the run took Ctrl+C over (at a password prompt): nothing was sent
        print("\nmailtester: cancelled", file=sys.stderr)
        return EXIT_STOPPED
