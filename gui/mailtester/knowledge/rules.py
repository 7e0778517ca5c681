"""Diagnosis rules (resources/diagnoses/rules.toml) as typed, validated records.

A rule names a diagnosis id and the facts it needs; the first rule whose
every key matches decides. An unknown key or an impossible value is an error
when the file is loaded (a test loads it), never a silent non-match.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import fields
from functools import cache
from typing import Any

from ..model import Probe
from ..protocol.events import Ending, Outcome, Protocol, Security, Stage
from ..protocol.record import Record
from ..resources import resource_path
from .providers import Provider

# TlsFailure kinds (driver/tls.py), and the statuses IMAP and POP3 answer with.
TLS_KINDS = frozenset({"untrusted", "expired", "not-yet-valid", "hostname", "protocol-too-old", "not-tls",
                       "closed", "timeout", "pin-mismatch", "handshake", "server-alert"})
STATUSES = frozenset({"OK", "NO", "BAD", "BYE", "PREAUTH", "+OK", "-ERR"})


class RuleError(ValueError):
    pass


class Facts(Record):
    """What a rule can look at: the outcome and its circumstances."""

    outcome: Outcome
    security: Security
    port: int
    provider: Provider | None = None
    tls_failure: str | None = None  # TlsFailure.kind
    protocol: Protocol = Protocol.SMTP
    probe: Probe | None = None  # what a credential-free second connection found


class Rule(Record):
    id: str
    ending: Ending | None = None
    stage: Stage | None = None
    protocol: Protocol | None = None
    incoming: bool | None = None  # IMAP or POP3
    code: int | None = None
    code_class: int | None = None  # 2, 4 or 5
    enhanced: str | None = None
    status: str | None = None
    response_code: str | None = None  # matches its hierarchical children too (RFC 2449 §8)
    text: re.Pattern[str] | None = None  # searched, case-insensitively, in the reply's text
    provider: str | None = None
    mechanism: str | None = None
    tls: str | None = None
    port: int | None = None
    security: Security | None = None
    starttls_offered: bool | None = None

    def matches(self, f: Facts) -> bool:
        o, reply = f.outcome, f.outcome.reply
        code = reply.code if reply else None
        checks = (
            (self.ending, o.ending), (self.stage, o.stage), (self.protocol, f.protocol),
            (self.incoming, f.protocol.incoming), (self.code, code),
            (self.code_class, code // 100 if code is not None else None),
            (self.enhanced, reply.enhanced if reply else None), (self.status, reply.status if reply else None),
            (self.provider, f.provider.id if f.provider else None), (self.mechanism, o.mechanism),
            (self.tls, f.tls_failure),
            (self.port, f.port), (self.security, f.security), (self.starttls_offered, o.starttls_offered),
        )
        if any(want is not None and want != have for want, have in checks):
            return False
        if self.response_code is not None:
            have_code = (reply.response_code if reply else None) or ""
            if have_code != self.response_code and not have_code.startswith(self.response_code + "/"):
                return False
        return self.text is None or (reply is not None and self.text.search(reply.text) is not None)


_CONVERT: dict[str, Any] = {
    "id": str, "ending": Ending, "stage": Stage, "protocol": Protocol, "security": Security,
    "incoming": bool, "starttls_offered": bool, "code": int, "code_class": int, "port": int,
    "enhanced": str, "provider": str, "mechanism": str, "response_code": str,
    "text": lambda v: re.compile(v, re.I),
    "status": lambda v: v if v in STATUSES else _bad(f"unknown status {v!r}"),
    "tls": lambda v: v if v in TLS_KINDS else _bad(f"unknown TLS failure kind {v!r}"),
}
assert set(_CONVERT) == {f.name for f in fields(Rule)}


def _bad(message: str) -> Any:
    raise RuleError(message)


def parse_rule(raw: dict[str, Any], where: str = "") -> Rule:
    unknown = set(raw) - set(_CONVERT)
    if unknown:
        raise RuleError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    if "id" not in raw:
        raise RuleError(f"{where}: a rule needs an id")
    values: dict[str, Any] = {}
    for key, value in raw.items():
        expected = bool if key in ("incoming", "starttls_offered") else int if key in (
            "code", "code_class", "port") else str
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise RuleError(f"{where}: {key} must be a {expected.__name__}, not {value!r}")
        try:
            values[key] = _CONVERT[key](value)
        except (ValueError, re.error) as exc:
            raise RuleError(f"{where}: {key} = {value!r}: {exc}") from None
    return Rule(**values)


@cache
def _data() -> dict[str, Any]:
    with open(resource_path("diagnoses", "rules.toml"), "rb") as f:
        return tomllib.load(f)


@cache
def rules() -> tuple[Rule, ...]:
    return tuple(parse_rule(r, f"rules.toml rule {i + 1} ({r.get('id', '?')})") for i, r in enumerate(_data()["rule"]))


class ExitPolicy(Record):
    """The command's exit code for a diagnosis (the README documents the codes)."""

    codes: dict[str, int]
    transient: int
    transient_not_for: tuple[str, ...]

    def code(self, did: str, outcome: Outcome) -> int:
        reply = outcome.reply
        code = self.codes[did]
        if reply is not None and reply.is_transient and not did.startswith(self.transient_not_for):
            return self.transient
        if code == self.transient and reply is not None and reply.code is not None and reply.code >= 500:
            return 1  # a permanent SMTP refusal (a 5xx lockout) is never temporary
        return code


@cache
def exit_policy() -> ExitPolicy:
    raw = _data()["exit"]
    codes = {str(k): int(v) for k, v in raw["codes"].items()}
    if not all(1 <= c <= 7 for c in codes.values()):
        raise RuleError("rules.toml: exit codes are 1 to 7")
    return ExitPolicy(codes, int(raw["transient"]), tuple(raw["transient_not_for"]))


def matching_rule(facts: Facts) -> Rule:
    for rule in rules():
        if rule.matches(facts):
            return rule
    raise LookupError(f"no diagnosis rule for {facts.outcome.ending.value}")  # a gap in rules.toml


def diagnosis_id(facts: Facts) -> str | None:
    return None if facts.outcome.ok else matching_rule(facts).id
