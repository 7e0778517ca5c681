"""`mailtester check`: the engine from the command line, no Qt imported."""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import socket
import sys
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TextIO

from . import __version__
from .hardening import disable_core_dumps, safe_streams, speaks_utf8
from .model import CheckSettings
from .protocol.credentials import Credentials, Secret
from .protocol.events import Protocol, Security
from .protocol.limits import DEFAULT_TIMEOUT, MAX_CA_FILE, MAX_TIMEOUT, MIN_TIMEOUT
from .settings import (
    LANGUAGES,
    MECHANISM_CHOICES,
    NON_SASL,
    InvalidInput,
    check_port,
    check_secret,
    check_user,
    normalize_host,
)

if TYPE_CHECKING:  # the engine, the diagnosis and the report load only for a check
    from .knowledge.diagnose import Suggestion
    from .knowledge.report import Report
    from .model import TimelineEntry

EXIT_USAGE = 2  # bad option or input: nothing was sent


class UsageError(Exception):
    pass


def system_language() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        code = os.environ.get(var, "")[:2].lower()
        if code:
            return code if code in LANGUAGES else "en"
    return "en"


# The few words of the human output that are not diagnosis data.
LABELS = {
    "en": {"ok": "OK: {host} port {port} ({security}) accepted the login of {user} with {mech}{tls}. "
                 "This account can log in and send.",
           "ok-incoming": "OK: {host} port {port} ({protocol}, {security}) accepted the login of {user} with "
                          "{mech}{tls}, and the mailbox opened. This account can log in and receive mail.",
           "failed": "FAILED", "provider": "Provider", "causes": "Usual causes:", "fixes": "What to do:",
           "help": "More help:", "cert": "Certificate shown by the server:", "subject": "subject",
           "issuer": "issuer", "names": "names", "expires": "expires", "no-tls": "no encryption",
           "asks": "server asks", "answer": "you answer", "not-b64": "not valid base64, shown as sent",
           "retry": "Trying once more, as asked with --retry-suggested",
           "suggest": "To try the suggestion once, run the same command with --retry-suggested.",
           "suggestion": "Suggested", "warning": "Warning", "warned": "OK, WITH A WARNING:",
           "said": "The server said:"},
    "tr": {"ok": "TAMAM: {host} ({port}. bağlantı noktası, {security}) {user} hesabının {mech} ile girişini "
                 "kabul etti{tls}. Bu hesap giriş yapıp posta gönderebilir.",
           "ok-incoming": "TAMAM: {host} ({port}. bağlantı noktası, {protocol}, {security}) {user} hesabının "
                          "{mech} ile girişini kabul etti{tls} ve posta kutusu açıldı. Bu hesap giriş yapıp "
                          "posta alabilir.",
           "failed": "BAŞARISIZ", "provider": "Sağlayıcı", "causes": "Olası nedenler:", "fixes": "Ne yapmalı:",
           "help": "Daha fazla yardım:", "cert": "Sunucunun gösterdiği sertifika:", "subject": "konu",
           "issuer": "veren", "names": "adlar", "expires": "bitiş", "no-tls": "şifreleme yok",
           "asks": "sunucu soruyor", "answer": "yanıtınız", "not-b64": "geçerli base64 değil, gönderildiği gibi",
           "retry": "--retry-suggested ile istendiği gibi bir kez daha deneniyor",
           "suggest": "Öneriyi bir kez denemek için aynı komutu --retry-suggested ile çalıştırın.",
           "suggestion": "Öneri", "warning": "Uyarı", "warned": "TAMAM, BİR UYARIYLA:", "said": "Sunucunun yanıtı:"},
}


def _mechanism(text: str) -> str:
    return "auto" if text.lower() == "auto" else text.upper()


class Formatter(argparse.HelpFormatter):
    """argparse's help layout, sized as shutil.get_terminal_size() would, without importing shutil:
    argparse makes a formatter for every option it adds, and shutil's imports cost a check more than
    its whole parser (issue 14)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        if width is None:
            try:
                width = int(os.environ["COLUMNS"])
            except (KeyError, ValueError):
                width = 0
            if width <= 0:
                try:
                    width = os.get_terminal_size(sys.__stdout__.fileno()).columns if sys.__stdout__ else 0
                except (AttributeError, ValueError, OSError):
                    width = 0
            width = (width or 80) - 2  # as argparse does with the terminal's width
        super().__init__(prog, indent_increment, max_help_position, width)


class LazyParser(argparse.ArgumentParser):
    """A subcommand's parser whose options come from its own module, loaded only
    when that subcommand is parsed or its help shown: `check` then never imports
    another command's code."""

    def __init__(self, *args: Any, add_arguments: Callable[[argparse.ArgumentParser], None] | None = None,
                 **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)
        self._add_arguments = add_arguments

    def _complete(self) -> None:
        if self._add_arguments is not None:
            add, self._add_arguments = self._add_arguments, None
            add(self)

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        self._complete()
        return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        self._complete()
        return super().format_usage()

    def format_help(self) -> str:
        self._complete()
        return super().format_help()


def _detect_arguments(parser: argparse.ArgumentParser) -> None:
    from .detect.command import add_arguments  # the option list only; no network code at import

    add_arguments(parser)


def _batch_arguments(parser: argparse.ArgumentParser) -> None:
    from .batch.command import add_arguments  # the option list only: no engine at import

    add_arguments(parser)


def _account_arguments(parser: argparse.ArgumentParser) -> None:
    from .account import add_arguments  # the option list only

    add_arguments(parser)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mailtester", formatter_class=Formatter,
        description="Test whether a mail account can log in to its outgoing (SMTP) and incoming (IMAP, POP3) "
                    "servers. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"mailtester {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the window with the built-in demo server selected")
    parser.add_argument("--lang", choices=[*LANGUAGES, "pseudo"],
                        help="language of the window (default: as chosen in it, else the system's)")
    parser.add_argument("--self-test", action="store_true",
                        help="run the demo handshake through the window offscreen and report (for installers)")
    sub = parser.add_subparsers(dest="command", parser_class=LazyParser)
    check = sub.add_parser(
        "check", help="run one login test and explain the result",
        description="Connect, negotiate TLS, and log in (SMTP AUTH, IMAP or POP3); print the dialogue and a "
                    "diagnosis.",
    )
    check.add_argument("--protocol", choices=[p.value for p in Protocol], default="smtp",
                       help="smtp = outgoing mail (default); imap or pop3 = incoming mail")
    check.add_argument("--host", help="server name or IP address, e.g. smtp.gmail.com")
    check.add_argument("--port", type=int, help="port (default by protocol and security: smtp 465/587/25, "
                                                "imap 993/143/143, pop3 995/110/110 for tls/starttls/none)")
    check.add_argument("--security", choices=[s.value for s in Security], default="starttls",
                       help="tls = encrypted from the first byte; starttls = upgrade after the greeting "
                            "(default); none = no encryption")
    check.add_argument("--user", default="", help="user name, usually the full email address")
    pw = check.add_mutually_exclusive_group()
    pw.add_argument("--password-env", metavar="VAR", help="read the password from environment variable VAR")
    pw.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    check.add_argument("--token-env", metavar="VAR", help="read an OAuth2 bearer token from environment variable VAR")
    check.add_argument("--mechanism", choices=MECHANISM_CHOICES, default="auto", type=_mechanism,
                       help="SASL mechanism, NATIVE for the protocol's own login command (IMAP LOGIN, POP3 "
                            "USER/PASS), or APOP (POP3); default: auto, from what the server offers")
    check.add_argument("--ca-file", metavar="PEM", help="extra CA certificates to trust for this test")
    check.add_argument("--dns-server", metavar="IP[:PORT]",
                       help="look the host up at this DNS server only, instead of the system's resolver")
    check.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                       help=f"timeout for each stage (default {DEFAULT_TIMEOUT:g})")
    fam = check.add_mutually_exclusive_group()
    fam.add_argument("--ipv4", action="store_true", help="connect over IPv4 only")
    fam.add_argument("--ipv6", action="store_true", help="connect over IPv6 only")
    check.add_argument("--allow-plaintext-auth", action="store_true",
                       help="allow sending credentials without encryption (security none)")
    check.add_argument("--json", action="store_true", help="print one JSON object instead of the transcript")
    check.add_argument("--report", metavar="FILE",
                       help="also write a redacted report: Markdown, or HTML/JSON by the file's extension")
    demo = check.add_mutually_exclusive_group()
    demo.add_argument("--demo", action="store_true", help="test against the built-in demo server")
    demo.add_argument("--demo-fail", action="store_true", help="the demo with a wrong password (shows a 535)")
    check.add_argument("--retry-suggested", action="store_true",
                       help="if the diagnosis suggests another user-name form or method, try it once more "
                            "(each failed try may count toward a provider's lockout)")
    check.add_argument("--lang", choices=list(LANGUAGES), default=system_language(),
                       help="language of the diagnosis (default: the system's)")
    check.add_argument("--debug", action="store_true", help="log the engine's steps to stderr")
    from .oauth.options import add_arguments as add_oauth_arguments

    add_oauth_arguments(check)
    sub.add_parser(
        "detect", add_arguments=_detect_arguments, help="find the server settings for an e-mail address",
        description="Find the incoming (IMAP, POP3) and outgoing (SMTP) servers for an e-mail address, best "
                    "first: the bundled provider database, the provider's autoconfig file over HTTPS (over "
                    "plain HTTP only as a flagged candidate), MX and SRV records, all at once. No password is "
                    "asked for or sent. Exit status: 0 found, 1 nothing found, 2 not an address.",
    )
    sub.add_parser(
        "batch", add_arguments=_batch_arguments, help="check many accounts from a CSV or Excel sheet, once each",
        description="Check every account of a sheet (CSV or XLSX) once: at most --concurrency checks at once and "
                    "--per-host per server, never a second attempt, a server that shows rate-limit or lockout "
                    "signs paused and its remaining rows deferred. Exit status: 0 every row logged in, 1 some did "
                    "not, 2 usage error, 3 rows deferred, 130 stopped.",
    )
    sub.add_parser(
        "account", add_arguments=_account_arguments,
        help="find the settings for an address and test receiving and sending at once",
        description="Find the servers for an e-mail address (as `detect` does), then log in on the best incoming "
                    "and the best outgoing server at once with the same password; with --round-trip, also send "
                    "one message from the address to itself, wait for it, and delete it. Exit status: 0 both "
                    "work (and the message arrived and was deleted), 2 usage error, otherwise as for `check`.",
    )
    return parser


def _utf8(value: str, what: str) -> str:
    """Arguments and environment arrive with undecodable bytes as surrogates: refuse those."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError(f"{what} is not valid UTF-8 text") from None
    return value


def _env(name: str, what: str) -> str:
    if name not in os.environ:
        raise UsageError(f"environment variable {name} is not set")
    value = os.environ[name]
    if not value:
        raise UsageError(f"environment variable {name} is empty: no {what} to send")
    return _utf8(value, f"the {what} in {name}")


def _stdin_password(stdin: TextIO) -> str:
    try:
        line = stdin.readline()
    except UnicodeDecodeError:
        raise UsageError("the password on standard input is not valid UTF-8 text") from None
    line = line.removesuffix("\n").removesuffix("\r")  # one line end, LF or CRLF
    if not line:
        raise UsageError("the password on standard input is empty")
    return line


def check_ca_file(path: str) -> None:
    """A readable PEM file with at least one certificate, or a usage error before anything is sent."""
    import ssl

    if not os.path.exists(path):
        raise UsageError(f"--ca-file: no such file: {path}")
    try:
        with open(path, "rb") as f:
            head = f.read(MAX_CA_FILE)
    except OSError as exc:
        raise UsageError(f"--ca-file: cannot read {path}: {exc.strerror or exc}") from None
    if b"-----BEGIN CERTIFICATE-----" not in head:
        raise UsageError(f"--ca-file: {path} is not a PEM file with a certificate (-----BEGIN CERTIFICATE-----)")
    from .driver.tls import make_context  # the context the check then uses: its CA file is read once

    try:
        make_context(path)
    except (ssl.SSLError, ValueError) as exc:
        raise UsageError(f"--ca-file: {path} holds no usable certificate ({exc})") from None


def check_report_path(path: str) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise UsageError(f"--report: {path} is a folder; name a file")
    if not os.path.isdir(folder):
        raise UsageError(f"--report: the folder {folder} does not exist")
    if not os.access(path if os.path.exists(path) else folder, os.W_OK):
        raise UsageError(f"--report: {path} cannot be written here")


def settings_from_args(args: argparse.Namespace, stdin: TextIO) -> CheckSettings:
    if not args.host:
        raise UsageError("--host is required (or use --demo)")
    from .oauth.options import usage_problem

    if problem := usage_problem(args):
        raise UsageError(problem)
    protocol = Protocol(args.protocol)
    mech = args.mechanism
    if mech in NON_SASL and protocol not in NON_SASL[mech]:
        raise UsageError(f"--mechanism {mech} is not a login method of {protocol.value.upper()}")
    if not MIN_TIMEOUT <= args.timeout <= MAX_TIMEOUT:
        raise UsageError(f"--timeout must be between {MIN_TIMEOUT:g} and {MAX_TIMEOUT:g} seconds")
    try:
        normalize_host(_utf8(args.host, "--host"))
        if args.port is not None:
            check_port(args.port)
        user = check_user(_utf8(args.user, "--user"))
        password = token = None
        if args.password_env:
            password = check_secret(_env(args.password_env, "password"))
        elif args.password_stdin:
            password = check_secret(_stdin_password(stdin))
        if args.token_env:
            token = check_secret(_env(args.token_env, "token"), "token")
        if getattr(args, "dns_server", None):
            from .detect.resolver import parse_dns_server

            parse_dns_server(args.dns_server)
    except InvalidInput as exc:
        raise UsageError(str(exc)) from None
    if args.ca_file:
        check_ca_file(args.ca_file)
    if args.report:
        check_report_path(args.report)
    if not user:
        raise UsageError("--user is required (usually the full email address)")
    if mech in ("XOAUTH2", "OAUTHBEARER") and token is None and not args.oauth:
        raise UsageError(f"{mech} needs a bearer token: use --token-env")
    if token is not None and password is None and mech not in ("auto", "XOAUTH2", "OAUTHBEARER"):
        raise UsageError(f"{mech} needs a password, not a token: use --password-env or --password-stdin, "
                         "or --mechanism XOAUTH2 or OAUTHBEARER")
    if password is None and token is None and not args.oauth:  # --oauth: the token comes from the sign-in
        if stdin.isatty():
            import getpass

            password = check_secret(_utf8(getpass.getpass(f"Password for {user}: "), "the password"))
            if not password:
                raise UsageError("no password typed")
        else:
            raise UsageError("no password given: use --password-env, --password-stdin or --token-env")
    return CheckSettings(
        host=args.host, port=args.port, security=Security(args.security), protocol=protocol,
        credentials=Credentials(user, Secret(password) if password is not None else None,
                                Secret(token) if token is not None else None),
        mechanism=mech, ca_file=args.ca_file, timeout=args.timeout,
        family=socket.AF_INET if args.ipv4 else socket.AF_INET6 if args.ipv6 else socket.AF_UNSPEC,
        allow_plaintext_auth=args.allow_plaintext_auth, dns_server=getattr(args, "dns_server", None) or None,
    )


def format_verdict(report: Report, lang: str = "en") -> str:
    words = LABELS[lang]
    r, s = report.result, report.result.settings
    if r.ok:
        tls = f", {r.tls.version}" if r.tls else f", {words['no-tls']}"
        line = words["ok-incoming" if s.protocol.incoming else "ok"].format(
            host=s.host, port=s.effective_port, security=s.security.value, protocol=s.protocol.value.upper(),
            user=s.credentials.user, mech=r.outcome.mechanism, tls=tls)
        if report.warnings:  # the verdict line itself says so, not only the lines after it
            line = words["warned"] + line.split(":", 1)[1]
        return "\n".join([line, *(f"{words['warning']}: {w.text}  [{w.id}]" for w in report.warnings)])
    d = report.diagnosis
    assert d is not None
    out = [f"{words['failed']}: {d.title}  [{d.id}]"]
    if report.provider:
        out.append(f"{words['provider']}: {report.provider.name}")
    out += ["", d.explanation]
    if d.server_said:
        out += ["", words["said"]] + [f"  > {line}" for line in d.server_said]
    if d.causes:
        out += ["", words["causes"]] + [f"  - {c}" for c in d.causes]
    if d.fixes:
        out += ["", words["fixes"]] + [f"  {i}. {f}" for i, f in enumerate(d.fixes, 1)]
    if d.links:
        out += ["", words["help"]] + [f"  {link}" for link in d.links]
    if r.tls and not r.tls.verified:
        t = r.tls
        out += ["", words["cert"], f"  {words['subject']}: {t.subject}", f"  {words['issuer']}: {t.issuer}",
                f"  {words['names']}: {', '.join(t.sans)}", f"  {words['expires']}: {t.not_after}",
                f"  sha256: {t.sha256}"]
    return "\n".join(out)


async def run(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    if args.demo or args.demo_fail:
        from .driver.demo import DemoServer

        async with DemoServer(Protocol(args.protocol)) as demo:
            settings = demo.settings(fail=args.demo_fail, timeout=args.timeout)
            if not args.json:
                print(f"Demo {args.protocol.upper()} server on {settings.host} port {demo.port}; "
                      f"user {settings.credentials.user}", file=stdout)
            report = await check_and_report(settings, args, stdout)
    else:
        settings, oauth = settings_from_args(args, stdin), None
        if args.oauth:  # sign in first; the check then logs in with the access token
            from .oauth.command import signed_in

            got = await signed_in(settings, args, stdout)
            if isinstance(got, int):
                return got
            settings, oauth = got
        report = await check_and_report(settings, args, stdout, oauth)
    return report.exit_code


def apply_suggestion(settings: CheckSettings, s: Suggestion) -> CheckSettings:
    """The settings with exactly the field the suggestion names changed."""
    if s.kind == "user":
        return replace(settings, credentials=replace(settings.credentials, user=s.value))
    if s.kind == "mechanism":
        return replace(settings, mechanism=s.value)
    if s.kind == "security":
        return replace(settings, security=Security(s.value), port=s.port or settings.port)
    return replace(settings, port=int(s.value))


async def check_and_report(settings: CheckSettings, args: argparse.Namespace, stdout: TextIO,
                           oauth: dict[str, object] | None = None) -> Report:
    """One run, its output, and at most one retry with a suggested variant when asked for."""
    from .driver.client import run_check
    from .knowledge.report import build_report, transcript_line, write_report

    def live(entry: TimelineEntry) -> None:
        if not args.json:
            print(transcript_line(entry, LABELS[args.lang]), file=stdout, flush=True)

    report = build_report(await run_check(settings, live), args.lang)
    first = None
    suggestion = report.diagnosis.suggestions[0] if report.diagnosis and report.diagnosis.suggestions else None
    if not args.json:
        print("", file=stdout)
        print(format_verdict(report, args.lang), file=stdout)
    if suggestion is not None and args.retry_suggested:
        first = report
        if not args.json:
            print(f"\n{LABELS[args.lang]['retry']}: {suggestion.label}\n", file=stdout)
        report = build_report(await run_check(apply_suggestion(settings, suggestion), live), args.lang)
        if not args.json:
            print("", file=stdout)
            print(format_verdict(report, args.lang), file=stdout)
    elif suggestion is not None and not args.json:
        print(f"\n{LABELS[args.lang]['suggestion']}: {suggestion.label}", file=stdout)
        print(LABELS[args.lang]["suggest"], file=stdout)
    if args.report:
        try:
            write_report(report, args.report)
        except OSError as exc:
            print(f"mailtester: cannot write the report: {exc.strerror or exc}", file=sys.stderr)
    if args.json:
        out = report.as_dict()
        if oauth is not None:  # provider, issuer, scopes, expires_in: never a token
            out["oauth"] = oauth
        if first is not None:
            out["first_attempt"] = first.as_dict()
        stdout.write(json.dumps(out, ensure_ascii=not speaks_utf8(stdout)) + "\n")  # one write, not one per token
    return report


def start_up_done() -> None:
    """What the imports built lives until exit: the collector need not walk it again on every
    collection, nor at exit. It collects from here on (the installed command turns it off for
    start-up: mailtester.console)."""
    gc.freeze()
    gc.enable()


def main(argv: list[str] | None = None) -> int:
    from .closed_pipe import quiet_when_closed  # `… | head -1`: exit 141, no traceback

    return quiet_when_closed(lambda: _main(argv))


def _main(argv: list[str] | None = None) -> int:
    disable_core_dumps()
    safe_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command != "check":  # a check does so once asyncio is imported too
        start_up_done()
    if args.command is None:
        from . import app  # Qt is loaded only for the window

        return app.self_test() if args.self_test else app.main(demo=args.demo, lang=args.lang)
    if args.command == "detect":  # the bundled lookup: no asyncio, no engine
        from .detect.command import run_detect

        return run_detect(args, sys.stdout, sys.stderr)
    if args.command == "account":
        from .account import run_account

        return run_account(args, sys.stdin, sys.stdout, sys.stderr)
    if args.command == "batch":
        from .batch.command import run_batch

        return run_batch(args)
    if args.debug:
        logging.basicConfig(level=logging.DEBUG, stream=sys.stderr,
                            format="%(asctime)s %(name)s %(levelname)s %(message)s")
    try:
        import asyncio

        start_up_done()
        rc = asyncio.run(run(args, sys.stdin, sys.stdout))
        global _check_ended
        _check_ended = True
        return rc
    except UsageError as exc:
        print(f"mailtester: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("mailtester: cancelled", file=sys.stderr)
        return 130


_check_ended = False  # main() ran a check to its end: its output is written, its files are closed


def console() -> None:
    """The installed command's run (after mailtester.console). After a check the process ends
    without the interpreter's teardown (a twentieth of a check's work, issue 14's budget); every
    other command (the window saves its settings then) and a check that raised exit as usual."""
    rc = main()
    if _check_ended:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:  # a closed pipe: the usual exit reports it as before
            sys.exit(rc)
        os._exit(rc)
    sys.exit(rc)


if __name__ == "__main__":
    sys.exit(main())
