"""`mailtester detect ADDRESS [--json] [--offline]`: the bundled lookup from the command line.

No asyncio and no network: this version answers from the bundled database only.
"""

from __future__ import annotations

import argparse
import json
import shlex
from typing import TextIO

from ..hardening import speaks_utf8
from ..protocol.kinds import Protocol, Security, default_port
from ..settings import InvalidInput
from .bundled import lookup_bundled
from .candidates import Candidate, DetectResult

EXIT_FOUND, EXIT_NOT_FOUND, EXIT_USAGE = 0, 1, 2
SECURITY_WORDS = {Security.TLS: "SSL/TLS", Security.STARTTLS: "STARTTLS", Security.NONE: "no encryption"}
SOURCE_WORDS = {"bundled": "from the provider database"}
# Given a domain instead of an address, user names stay templates; say them in words.
TEMPLATE_WORDS = {"%EMAILADDRESS%": "your full address", "%EMAILLOCALPART%": "the part of your address before the @"}


def run_detect(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    try:
        result = lookup_bundled(args.address)
    except InvalidInput as exc:
        print(f"mailtester: error: {exc}", file=stderr)
        return EXIT_USAGE
    if args.json:
        json.dump(result.as_dict(), stdout, ensure_ascii=not speaks_utf8(stdout))
        stdout.write("\n")
    else:
        print(format_result(result), file=stdout)
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


def format_result(result: DetectResult) -> str:
    if not result.found:
        return "\n".join([
            "Provider database… not found",
            "",
            f"The bundled database has no settings for {result.domain}. This version looks only there "
            "(no network is used); ask the provider or administrator for the server names, then test them "
            "with `mailtester check`.",
        ])
    out = [f"Provider database… found: {', '.join(result.names)}", ""]
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
    out += ["", "Not tested: this version answers from the bundled database without connecting. To test:"]
    out += [f"  {check_command(c)}" for c in chosen]
    return "\n".join(out)
