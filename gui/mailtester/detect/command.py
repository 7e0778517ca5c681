"""`mailtester detect ADDRESS [--json] [--dns-server IP[:PORT]] [--ca-file PEM] [--offline] [--timeout S]`.

With --offline: the bundled database only, no asyncio and no network. Without it, the online sources
too (detect/online.py), loaded only then. `python -m mailtester.detect` takes every option;
`mailtester detect` takes those its parser (cli.py) defines.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from typing import TextIO

from ..hardening import speaks_utf8
from ..protocol.kinds import Protocol, Security, default_port
from ..settings import InvalidInput
from .bundled import lookup_bundled
from .candidates import Candidate, DetectResult, SourceReport

EXIT_FOUND, EXIT_NOT_FOUND, EXIT_USAGE = 0, 1, 2
SECURITY_WORDS = {Security.TLS: "SSL/TLS", Security.STARTTLS: "STARTTLS", Security.NONE: "no encryption"}
SOURCE_WORDS = {"bundled": "from the provider database", "autoconfig": "from the provider's autoconfig file",
                "well-known": "from the provider's web site (.well-known)", "mx": "found through the MX record",
                "srv": "from the domain's SRV records"}
RESULT_WORDS = {"found": "found", "none": "not found", "error": "error"}
DEFAULT_TIMEOUT = 5.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("address", metavar="ADDRESS",
                        help="the e-mail address, e.g. you@example.com (a bare domain also works)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the text")
    parser.add_argument("--offline", action="store_true",
                        help="answer from the bundled database only, without network access")
    parser.add_argument("--dns-server", metavar="IP[:PORT]",
                        help="ask this DNS server for every name (MX, SRV and the web servers' addresses)")
    parser.add_argument("--ca-file", metavar="PEM",
                        help="also trust these CA certificates for the autoconfig web servers")
    parser.add_argument("--timeout", metavar="S", type=float, default=DEFAULT_TIMEOUT,
                        help=f"time limit per source in seconds (default {DEFAULT_TIMEOUT:g})")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mailtester detect",
        description="Find the incoming (IMAP, POP3) and outgoing (SMTP) servers for an e-mail address, best "
                    "first: the bundled provider database, the provider's autoconfig file over HTTPS (over "
                    "plain HTTP only as a flagged candidate), MX and SRV records, all at once. No password is "
                    "asked for or sent. Exit status: 0 found, 1 nothing found, 2 not an address.")
    add_arguments(parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not 0 < args.timeout <= 600:
        print("mailtester: error: --timeout must be more than 0 and at most 600 seconds", file=sys.stderr)
        return EXIT_USAGE
    return run_detect(args, sys.stdout, sys.stderr)


def source_label(source: str, query: str) -> str:
    if source == "bundled":
        return "Provider database"
    if source in ("autoconfig", "well-known"):
        scheme, _, rest = query.partition("://")
        host, _, _path = rest.partition("/")
        where = host if source == "autoconfig" else f"{host}/.well-known"
        return f"{where} (plain HTTP)" if scheme == "http" else where
    return {"mx": "MX of", "srv": "SRV records of"}[source] + f" {query}"


def format_report(report: SourceReport) -> str:
    text = f"{source_label(report.source, report.query)}… {RESULT_WORDS[report.result]}"
    return f"{text}: {report.detail}" if report.detail else text
# Given a domain instead of an address, user names stay templates; say them in words.
TEMPLATE_WORDS = {"%EMAILADDRESS%": "your full address", "%EMAILLOCALPART%": "the part of your address before the @"}


def run_detect(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    online = not args.offline
    try:
        if online:
            import asyncio

            from .online import detect

            def progress(report: SourceReport) -> None:
                if not args.json:
                    print(format_report(report), file=stdout, flush=True)

            result = asyncio.run(detect(args.address, dns_server=getattr(args, "dns_server", None),
                                        ca_file=getattr(args, "ca_file", None),
                                        timeout=getattr(args, "timeout", DEFAULT_TIMEOUT), progress=progress))
        else:
            result = lookup_bundled(args.address)
    except InvalidInput as exc:
        print(f"mailtester: error: {exc}", file=stderr)
        return EXIT_USAGE
    if args.json:
        json.dump(result.as_dict(), stdout, ensure_ascii=not speaks_utf8(stdout))
        stdout.write("\n")
    else:
        print(format_result(result, online=online), file=stdout)
    return EXIT_FOUND if result.found else EXIT_NOT_FOUND


def describe(c: Candidate) -> str:
    user = f"user {TEMPLATE_WORDS.get(c.user, c.user)}" if c.user else "no user name in the database"
    warning = " (unencrypted: the password would cross the network readable)" if c.security is Security.NONE \
        else ""
    return f"{c.protocol.value.upper()} {c.host} port {c.port}, {SECURITY_WORDS[c.security]}{warning}, {user}"


def check_command(c: Candidate) -> str:
    """The `mailtester check` line that tests this candidate."""
    words = ["mailtester", "check"]
    if c.protocol is not Protocol.SMTP:
        words += ["--protocol", c.protocol.value]
    words += ["--host", c.host]
    if c.port != default_port(c.protocol, c.security):
        words += ["--port", str(c.port)]
    words += ["--security", c.security.value]
    if c.user and "%" not in c.user:  # a template (only a domain was given): the person adds --user
        words += ["--user", c.user]
    return shlex.join(words)


def format_result(result: DetectResult, online: bool = False) -> str:
    """The settings chosen and the others; offline, the database's line first (online, each source's
    line was printed as it finished)."""
    head = [] if online else [format_report(result.sources[0]) if not result.found
                              else f"Provider database… found: {', '.join(result.names)}"]
    if not result.found:
        where = ("None of the sources above" if online
                 else "The bundled database (--offline: no network is used)")
        return "\n".join([*head, "", f"{where} has settings for {result.domain}; ask the provider or "
                           "administrator for the server names, then test them with `mailtester check`."])
    out = [*head, ""]
    chosen = [c for c in (result.incoming[:1] + result.outgoing[:1])]
    for label, group in (("Incoming", result.incoming), ("Outgoing", result.outgoing)):
        if group:
            out.append(f"{label}: {describe(group[0])}  ({SOURCE_WORDS.get(group[0].source, group[0].source)})")
        else:
            out.append(f"{label}: none in the database")
    others = [c for c in result.incoming[1:] + result.outgoing[1:]]
    if others:
        out += ["", "Other candidates:"]
        out += [f"  {describe(c)}  ({SOURCE_WORDS.get(c.source, c.source)})" for c in others]
    if any(c.insecure for c in chosen):
        out += ["", "Flagged: a chosen server came over a channel that is not authenticated (plain HTTP or DNS); "
                "check the name with your provider before you send a password there."]
    out += ["", "Not tested: detection asks for no password and logs in nowhere. To test:"]
    out += [f"  {check_command(c)}" for c in chosen]
    return "\n".join(out)
