"""`mailtester account ADDRESS`: find the settings, then test the best incoming and
the best outgoing server at once with the same credentials; with --round-trip,
send one message from the address to itself and watch it arrive (driver/roundtrip.py).

JSON: {"ok", "detect", "incoming": <check JSON>|null, "outgoing": <check JSON>|null,
"round_trip": {...}} (round_trip only with --round-trip).
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import sys
from typing import TYPE_CHECKING, Any, TextIO

from .protocol.limits import DEFAULT_TIMEOUT, MAX_TIMEOUT, MIN_TIMEOUT

if TYPE_CHECKING:
    from .detect.candidates import Candidate, DetectResult
    from .knowledge.report import Report
    from .model import CheckSettings, TimelineEntry

DETECT_TIMEOUT = 5.0  # per detection source, at most --timeout
MAX_WAIT = 3600.0
EXIT_USAGE, EXIT_NOT_FOUND = 2, 1

WORDS = {
    "en": {"incoming": "Receiving", "outgoing": "Sending", "none": "no {side} server was found for this address",
           "testing": "Testing {side}: {what}", "flagged": "{side}: {what}\n  Not tested: it was found {source}, "
           "which an attacker on the network could have changed. Check the name with your provider, then run "
           "again with --accept-flagged to test it.", "ok": "This account can receive and send mail.",
           "ok-round-trip": "This account can receive and send mail, and receives what it sends.",
           "not-ok": "This account does not work yet: see above.", "round-trip": "Round trip",
           "round-trip-failed": "Both servers accept the login, but the round trip failed: see above.",
           "round-trip-skipped": "The round trip needs both servers: nothing was sent."},
    "tr": {"incoming": "Gelen posta", "outgoing": "Giden posta", "none": "bu adres için {side} sunucusu bulunamadı",
           "testing": "{side} test ediliyor: {what}", "flagged": "{side}: {what}\n  Test edilmedi: {source} "
           "bulundu; ağdaki bir saldırgan bunu değiştirmiş olabilir. Adı sağlayıcınızla doğrulayın, sonra test "
           "etmek için --accept-flagged ile yeniden çalıştırın.", "ok": "Bu hesap posta alabilir ve gönderebilir.",
           "ok-round-trip": "Bu hesap posta alabilir, gönderebilir ve gönderdiğini alır.",
           "not-ok": "Bu hesap henüz çalışmıyor: yukarıya bakın.", "round-trip": "Gidiş-dönüş",
           "round-trip-failed": "İki sunucu da girişi kabul ediyor, ancak gidiş-dönüş testi başarısız oldu: "
                                "yukarıya bakın.",
           "round-trip-skipped": "Gidiş-dönüş testi için iki sunucu da gerekir: hiçbir şey gönderilmedi."},
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from .cli import system_language
    from .settings import LANGUAGES

    parser.add_argument("address", metavar="ADDRESS", help="the e-mail address of the account")
    pw = parser.add_mutually_exclusive_group()
    pw.add_argument("--password-env", metavar="VAR", help="read the password from environment variable VAR")
    pw.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the text")
    parser.add_argument("--offline", action="store_true", help="find the settings in the bundled database only")
    parser.add_argument("--dns-server", metavar="IP[:PORT]",
                        help="ask this DNS server for every name (detection and the servers tested)")
    parser.add_argument("--ca-file", metavar="PEM", help="also trust these CA certificates (web and mail servers)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="S",
                        help=f"timeout for each step of a test (default {DEFAULT_TIMEOUT:g}); each detection "
                             f"source gets at most {DETECT_TIMEOUT:g} s of it")
    parser.add_argument("--accept-flagged", action="store_true",
                        help="also test servers found over an unauthenticated channel (plain HTTP, DNS)")
    parser.add_argument("--round-trip", action="store_true",
                        help="after the logins, send one message from the address to itself, wait for it on "
                             "the incoming server, report how it arrived, and delete it")
    parser.add_argument("--round-trip-timeout", type=float, default=60.0, metavar="S",
                        help="how long to wait for the message to arrive (default 60)")
    parser.add_argument("--lang", choices=list(LANGUAGES), default=system_language(),
                        help="language of the output (default: the system's)")
    from .oauth.options import add_arguments as add_oauth_arguments

    add_oauth_arguments(parser)  # a sign-in instead of the password: one sign-in serves both sides


def run_account(args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    from .cli import UsageError

    try:
        return asyncio.run(_run(args, stdin, stdout))
    except UsageError as exc:
        print(f"mailtester: error: {exc}", file=stderr)
        return EXIT_USAGE


def _password(args: argparse.Namespace, stdin: TextIO, user: str) -> str:
    from .cli import UsageError, _env, _stdin_password, _utf8
    from .settings import InvalidInput, check_secret

    try:
        if args.password_env:
            return check_secret(_env(args.password_env, "password"))
        if args.password_stdin:
            return check_secret(_stdin_password(stdin))
        if stdin.isatty():
            typed = check_secret(_utf8(getpass.getpass(f"Password for {user}: "), "the password"))
            if typed:
                return typed
            raise UsageError("no password typed")
    except InvalidInput as exc:
        raise UsageError(str(exc)) from None
    raise UsageError("no password given: use --password-env or --password-stdin")


def _check_options(args: argparse.Namespace) -> None:
    from .cli import UsageError, check_ca_file

    if not MIN_TIMEOUT <= args.timeout <= MAX_TIMEOUT:
        raise UsageError(f"--timeout must be between {MIN_TIMEOUT:g} and {MAX_TIMEOUT:g} seconds")
    if not 1 <= args.round_trip_timeout <= MAX_WAIT:
        raise UsageError(f"--round-trip-timeout must be between 1 and {MAX_WAIT:g} seconds")
    if args.ca_file:
        check_ca_file(args.ca_file)


async def find(args: argparse.Namespace, stdout: TextIO) -> DetectResult:
    from .cli import UsageError
    from .detect.command import format_report
    from .settings import InvalidInput

    try:
        if args.offline:
            from .detect.bundled import lookup_bundled

            return lookup_bundled(args.address)
        from .detect.online import detect

        def progress(report: Any) -> None:
            if not args.json:
                print(format_report(report), file=stdout, flush=True)

        return await detect(args.address, dns_server=args.dns_server, ca_file=args.ca_file,
                            timeout=min(args.timeout, DETECT_TIMEOUT), progress=progress)
    except InvalidInput as exc:
        raise UsageError(str(exc)) from None


def settings_for(c: Candidate, address: str, password: str, args: argparse.Namespace) -> CheckSettings:
    from .model import CheckSettings
    from .protocol.credentials import Credentials, Secret

    user = c.user if c.user and "%" not in c.user else address
    return CheckSettings(host=c.host, port=c.port, security=c.security, protocol=c.protocol,
                         credentials=Credentials(user, Secret(password)), ca_file=args.ca_file,
                         timeout=args.timeout, dns_server=args.dns_server)


async def _run(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    from .cli import LABELS, UsageError, format_verdict
    from .detect.address import parse_address
    from .detect.command import describe
    from .knowledge.report import build_report, transcript_line
    from .settings import InvalidInput

    try:
        address = parse_address(args.address).text
    except InvalidInput as exc:
        raise UsageError(str(exc)) from None
    _check_options(args)
    from .oauth.options import usage_problem

    if problem := usage_problem(args):
        raise UsageError(problem)
    password = "" if args.oauth else _password(args, stdin, address)
    words = WORDS[args.lang]
    found = await find(args, stdout)
    chosen: dict[str, Candidate | None] = {"incoming": found.incoming[0] if found.incoming else None,
                                            "outgoing": found.outgoing[0] if found.outgoing else None}
    if not args.json:
        print("", file=stdout)
    for side, c in chosen.items():
        if c is None:
            if not args.json:
                print(words["none"].format(side=words[side].lower()).capitalize(), file=stdout)
        elif c.insecure and not args.accept_flagged:
            if not args.json:
                print(words["flagged"].format(side=words[side], what=describe(c), source=_source(c.source, args.lang)),
                      file=stdout)
            chosen[side] = None
    if not found.found:
        if args.json:
            empty: dict[str, Any] = {"ok": False, "detect": found.as_dict(), "incoming": None, "outgoing": None}
            _dump({**empty, "round_trip": None} if args.round_trip else empty, stdout)
        return EXIT_NOT_FOUND

    def live(side: str) -> Any:
        def show(entry: TimelineEntry) -> None:
            if not args.json:
                print(f"[{words[side]}] {transcript_line(entry, LABELS[args.lang])}", file=stdout, flush=True)
        return show

    settings = {side: settings_for(c, address, password, args) for side, c in chosen.items() if c is not None}
    oauth = None
    if args.oauth and settings:  # one sign-in, its access token for both sides
        from .oauth.command import signed_in_all

        got = await signed_in_all(list(settings.values()), args, stdout)
        if isinstance(got, int):
            return got
        settings, oauth = dict(zip(settings, got[0], strict=True)), got[1]
    for side in settings:
        c = chosen[side]
        if not args.json and c is not None:
            print(words["testing"].format(side=words[side], what=describe(c)), file=stdout)
    round_trip = None
    reports: dict[str, Report | None] = {"incoming": None, "outgoing": None}
    if args.round_trip and len(settings) == 2:
        from .driver.roundtrip import round_trip as do_round_trip

        out, inc, round_trip = await do_round_trip(settings["outgoing"], settings["incoming"], address,
                                                   args.round_trip_timeout, live("outgoing"), live("incoming"))
        reports = {"incoming": build_report(inc, args.lang), "outgoing": build_report(out, args.lang)}
    else:
        from .driver.client import run_check

        results = await asyncio.gather(*(run_check(s, live(side)) for side, s in settings.items()))
        for side, result in zip(settings, results, strict=True):
            reports[side] = build_report(result, args.lang)
    both = all(reports[side] is not None and reports[side].result.ok for side in reports)  # type: ignore[union-attr]
    rt_diag = None
    if round_trip is not None:
        from .knowledge.roundtrip import diagnosis_of

        rt_diag = diagnosis_of(round_trip, host=settings["outgoing"].host, lang=args.lang)
    ok = both and (round_trip is None or round_trip.ok) and not (args.round_trip and round_trip is None)
    if args.json:
        out_json: dict[str, Any] = {"ok": ok, "detect": found.as_dict(),
                                    **{side: r.as_dict() if r else None for side, r in reports.items()}}
        if oauth is not None:  # provider, issuer, scopes, expires_in: never a token
            out_json["oauth"] = oauth
        if args.round_trip:
            from .knowledge.roundtrip import as_dict

            out_json["round_trip"] = as_dict(round_trip, rt_diag) if round_trip else None
        _dump(out_json, stdout)
    else:
        for side, r in reports.items():
            if r is not None:
                print(f"\n{words[side]}: {format_verdict(r, args.lang)}", file=stdout)
        if args.round_trip:
            print(f"\n{words['round-trip']}:", file=stdout)
            if round_trip is None:
                print(words["round-trip-skipped"], file=stdout)
            else:
                print(format_round_trip(round_trip, rt_diag, args.lang), file=stdout)
        verdict = ("ok-round-trip" if round_trip else "ok") if ok else "round-trip-failed" if both else "not-ok"
        print("\n" + words[verdict], file=stdout)
    return exit_code(reports, round_trip, rt_diag, ok)


# Where a flagged candidate came from, completing "it was found …".
SOURCES = {"en": {"srv": "in the domain's SRV records", "mx": "through the domain's MX record",
                  "autoconfig": "in an autoconfig file fetched over plain HTTP",
                  "probe": "by trying common server names"},
           "tr": {"srv": "alan adının SRV kayıtlarında", "mx": "alan adının MX kaydı üzerinden",
                  "autoconfig": "düz HTTP ile alınan bir autoconfig dosyasında",
                  "probe": "yaygın sunucu adları denenerek"}}


def _source(source: str, lang: str) -> str:
    return SOURCES[lang].get(source, SOURCES["en"].get(source, source))


def format_round_trip(rt: Any, diagnosis: Any, lang: str) -> str:
    from .cli import LABELS
    from .knowledge.roundtrip import summary_lines

    lines = summary_lines(rt, lang)
    if diagnosis is not None:
        w = LABELS[lang]
        lines += ["", f"{w['failed']}: {diagnosis.title}  [{diagnosis.id}]", diagnosis.explanation]
        if diagnosis.server_said:
            lines += [w["said"], *(f"  > {line}" for line in diagnosis.server_said)]
        if diagnosis.fixes:
            lines += [w["fixes"], *(f"  {i}. {f}" for i, f in enumerate(diagnosis.fixes, 1))]
    return "\n".join(lines)


def exit_code(reports: dict[str, Report | None], round_trip: Any, diagnosis: Any, ok: bool) -> int:
    if ok:
        return 0
    for side in ("outgoing", "incoming"):
        r = reports[side]
        if r is not None and not r.result.ok:
            return r.exit_code
    if diagnosis is not None:
        return int(diagnosis.exit_code)
    return EXIT_NOT_FOUND  # a side with no server to test


def _dump(data: dict[str, Any], stdout: TextIO) -> None:
    from .hardening import speaks_utf8

    json.dump(data, stdout, ensure_ascii=not speaks_utf8(stdout))
    stdout.write("\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="mailtester account")
    add_arguments(parser)
    return run_account(parser.parse_args(argv), sys.stdin, sys.stdout, sys.stderr)
