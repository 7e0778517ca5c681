"""Outcome -> diagnosis, by the rules in resources/diagnoses/rules.toml."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..protocol.events import Ending, Outcome, Security
from ..resources import resource_path
from .providers import Provider


@dataclass(frozen=True)
class Facts:
    """What a rule can look at: the outcome and its circumstances."""

    outcome: Outcome
    security: Security
    port: int
    provider: Provider | None = None
    tls_failure: str | None = None  # TlsFailure.kind


@dataclass(frozen=True)
class Suggestion:
    """A variant worth one more try, only if the person asks for it."""

    kind: str  # "user" or "mechanism"
    value: str
    label: str  # the button or option text


@dataclass(frozen=True)
class Diagnosis:
    id: str
    title: str
    explanation: str
    causes: tuple[str, ...]
    fixes: tuple[str, ...]
    links: tuple[str, ...]
    exit_code: int
    suggestions: tuple[Suggestion, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "explanation": self.explanation,
                "causes": list(self.causes), "fixes": list(self.fixes), "links": list(self.links),
                "suggestions": [{"kind": s.kind, "value": s.value, "label": s.label} for s in self.suggestions]}


@cache
def rules() -> tuple[dict[str, Any], ...]:
    with open(resource_path("diagnoses", "rules.toml"), "rb") as f:
        return tuple(tomllib.load(f)["rule"])


@cache
def _load(lang: str) -> dict[str, Any]:
    path = resource_path("diagnoses", f"{lang}.toml")
    if not path.exists():
        path = resource_path("diagnoses", "en.toml")
    with open(path, "rb") as f:
        return tomllib.load(f)


def texts(lang: str = "en") -> dict[str, dict[str, Any]]:
    table: dict[str, dict[str, Any]] = _load(lang)["diagnosis"]
    return table


def assist_texts(lang: str = "en") -> dict[str, str]:
    return {**_load("en")["assist"], **_load(lang).get("assist", {})}


def _fact(key: str, f: Facts) -> object:
    o, reply = f.outcome, f.outcome.reply
    match key:
        case "ending":
            return o.ending.value
        case "stage":
            return o.stage.value
        case "code":
            return reply.code if reply else None
        case "code_class":
            return reply.code // 100 if reply else None
        case "enhanced":
            return reply.enhanced if reply else None
        case "provider":
            return f.provider.id if f.provider else None
        case "mechanism":
            return o.mechanism
        case "tls":
            return f.tls_failure
        case "port":
            return f.port
        case "security":
            return f.security.value
        case "starttls_offered":
            return o.starttls_offered
    raise KeyError(f"unknown rule key {key!r} in rules.toml")


def _matches(rule: dict[str, Any], f: Facts) -> bool:
    reply = f.outcome.reply
    for key, want in rule.items():
        if key == "id":
            continue
        if key == "text":
            if reply is None or not re.search(want, reply.text, re.I):
                return False
        elif _fact(key, f) != want:
            return False
    return True


def diagnosis_id(facts: Facts) -> str | None:
    if facts.outcome.ok:
        return None
    for rule in rules():
        if _matches(rule, facts):
            return str(rule["id"])
    raise LookupError(f"no diagnosis rule for {facts.outcome.ending.value}")  # a gap in rules.toml


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def diagnose(facts: Facts, *, host: str = "", user: str = "", lang: str = "en") -> Diagnosis | None:
    did = diagnosis_id(facts)
    if did is None:
        return None
    # English is complete; another language overrides its texts, never the links or exit codes.
    base, local = texts("en")[did], texts(lang).get(did, {}) if lang != "en" else {}
    entry = {**base, **{k: v for k, v in local.items() if k not in ("exit", "links", "providers")}}
    provider = facts.provider
    if provider is not None and provider.id in base.get("providers", {}):
        entry.update(base["providers"][provider.id])
        entry.update(local.get("providers", {}).get(provider.id, {}))
    o = facts.outcome
    values = _Blank(
        host=host, port=str(facts.port), user=user, detail=o.detail or "",
        reply=(" ".join(o.reply.raw) if o.reply else ""),
        offered=", ".join(o.offered) or _WORDS.get(lang, _WORDS["en"])["none"], mechanism=o.mechanism or "",
        provider=provider.name if provider else "",
        oauth_error=_oauth_error_text(o, lang),
        **(provider.links if provider else {}),
    )

    def fill(text: str) -> str:
        return " ".join(text.format_map(values).split()).replace("()", "").replace(" .", ".")

    exit_code = int(base["exit"])
    if o.reply is not None and o.reply.is_transient and not did.startswith("tls."):
        exit_code = 6
    elif o.ending is Ending.AUTH_REJECTED and exit_code == 6:
        exit_code = 1  # a 5xx lockout: refused by the server, not a temporary reply
    links = tuple(provider.links[k] for k in entry.get("links", ()) if provider and k in provider.links)
    fixes = [fill(x) for x in entry.get("fixes", ())]
    suggestions = _suggestions(did, facts, host, user, lang)
    assist = assist_texts(lang)
    for s in suggestions:
        fixes.append((assist["fix"] if s.kind == "user" else assist["fix_mechanism"]).format(value=s.value))
    if suggestions:
        fixes.append(assist["warning"])
    return Diagnosis(
        id=did, title=fill(entry["title"]), explanation=fill(entry["explanation"]),
        causes=tuple(fill(c) for c in entry.get("causes", ())),
        fixes=tuple(fixes), links=links, exit_code=exit_code, suggestions=suggestions,
    )


_PASSWORD_MECHANISMS = ("PLAIN", "LOGIN", "CRAM-MD5")


def _suggestions(did: str, facts: Facts, host: str, user: str, lang: str) -> tuple[Suggestion, ...]:
    """Another user-name form, or another offered mechanism, worth one try."""
    o, provider = facts.outcome, facts.provider
    assist = assist_texts(lang)
    out: list[Suggestion] = []
    if did == "auth.credentials-rejected" and user:
        full_address = provider is not None and "full address" in str(provider.submission.get("user", ""))
        if "@" in user and provider is None:
            other = user.split("@", 1)[0]  # hosting and on-premises servers often want the local part
        elif "@" not in user:
            domain = provider.domains[0] if provider and provider.domains else _domain_of(host)
            other = f"{user}@{domain}" if domain and (full_address or provider is None) else ""
        else:
            other = ""
        if other and other != user:
            out.append(Suggestion("user", other, assist["user"].format(value=other)))
    if did in ("auth.credentials-rejected", "auth.mechanism-unsupported") and o.mechanism != "XOAUTH2":
        others = [m for m in _PASSWORD_MECHANISMS if m in o.offered and m != o.mechanism]
        if others and (did == "auth.mechanism-unsupported" or o.mechanism in _PASSWORD_MECHANISMS):
            out.append(Suggestion("mechanism", others[0], assist["mechanism"].format(value=others[0])))
    return tuple(out)


def _domain_of(host: str) -> str:
    """smtp.example.org -> example.org: the usual mail domain behind a server name."""
    labels = host.lower().strip(".").split(".")
    if len(labels) < 3 or all(part.isdigit() for part in labels):
        return ""
    return ".".join(labels[1:])


_WORDS = {
    "en": {"none": "none", "oauth": " The server's explanation: status {status}", "scope": ", expected scope {scope}"},
    "tr": {"none": "yok", "oauth": " Sunucunun açıklaması: durum {status}", "scope": ", beklenen kapsam {scope}"},
}


def _oauth_error_text(o: Outcome, lang: str) -> str:
    """The JSON error an OAuth server sent in its 334, in words."""
    err = o.oauth_error_fields
    if not err:
        return ""
    words = _WORDS.get(lang, _WORDS["en"])
    text = words["oauth"].format(status=err.get("status", "?"))
    if err.get("scope"):
        text += words["scope"].format(scope=err["scope"])
    return text + "."
