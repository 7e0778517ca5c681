"""Outcome -> diagnosis, by the rules in resources/diagnoses/rules.toml."""

from __future__ import annotations

import tomllib
from functools import cache
from typing import Any

from ..protocol.events import DEFAULT_PORTS, Ending, Outcome, Protocol, Security
from ..protocol.record import Record
from ..resources import resource_path
from .rules import Facts, diagnosis_id, exit_policy

__all__ = ["Diagnosis", "Facts", "Suggestion", "diagnose", "texts"]


class Suggestion(Record):
    """A variant worth one more try, only if the person asks for it, and only
    one the run observed to be plausible."""

    kind: str  # "security" (tls or starttls, on `port`), "port", "user" or "mechanism"
    value: str
    label: str  # the button or option text
    port: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "value": self.value, "port": self.port, "label": self.label}


class Diagnosis(Record):
    id: str
    title: str
    explanation: str
    causes: tuple[str, ...]
    fixes: tuple[str, ...]
    links: tuple[str, ...]
    exit_code: int
    suggestions: tuple[Suggestion, ...] = ()
    server_said: tuple[str, ...] = ()  # the deciding reply's lines, quoted as a detail beside the texts
    # The window's surface: the system's or OpenSSL's words ([Errno -2] ...), quoted beside the texts
    # instead of inside their sentences (the command keeps them in the sentence).
    detail: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "explanation": self.explanation,
                "causes": list(self.causes), "fixes": list(self.fixes), "links": list(self.links),
                "suggestions": [s.as_dict() for s in self.suggestions], "server_said": list(self.server_said)}


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


def warning_texts(lang: str = "en") -> dict[str, str]:
    return {**_load("en")["warning"], **_load(lang).get("warning", {})}


def assist_texts(lang: str = "en") -> dict[str, str]:
    return {**_load("en")["assist"], **_load(lang).get("assist", {})}


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


_TEXT_KEYS = ("title", "explanation", "causes", "fixes")
# Placeholders naming a setting: a flag of the command, or a control of the window.
_OPTIONS = ("ca_file_option", "plaintext_option", "timeout_option", "signin_option")


def _words(lang: str) -> dict[str, str]:
    return _WORDS.get(lang, _WORDS["en"])


def _entry(did: str, facts: Facts, lang: str) -> dict[str, Any]:
    """The texts for this diagnosis: generic, then for incoming mail, then the
    provider's, each in English overridden by the language's texts. Exit codes
    and links come from the English data only."""
    base, local = texts("en")[did], texts(lang).get(did, {}) if lang != "en" else {}
    layers = [base, local]
    if facts.protocol.incoming:
        base, local = base.get("incoming", {}), local.get("incoming", {})
        layers += [base, local]
    provider = facts.provider
    if provider is not None and provider.id in base.get("providers", {}):
        layers += [base["providers"][provider.id], local.get("providers", {}).get(provider.id, {})]
    entry: dict[str, Any] = {}
    for i, layer in enumerate(layers):
        english = i % 2 == 0
        entry.update({k: v for k, v in layer.items() if k in _TEXT_KEYS or (english and k == "links")})
    return entry


def _ports(protocol: Protocol, lang: str) -> str:
    ports = list(dict.fromkeys(DEFAULT_PORTS[protocol].values()))[:2]
    return _words(lang)["or"].join(map(str, ports))


def diagnose(facts: Facts, *, host: str = "", user: str = "", lang: str = "en",
             surface: str = "cli", did: str | None = None) -> Diagnosis | None:
    """`surface` is where the texts are read: "cli" names the command's flags,
    "window" the window's controls. `did` names the diagnosis instead of the
    rules (the round trip's own rules, knowledge/roundtrip.py)."""
    did = did or diagnosis_id(facts)
    if did is None:
        return None
    entry = _entry(did, facts, lang)
    provider = facts.provider
    o = facts.outcome
    answered = o.answered_by
    values = _Blank(
        host=host, port=str(facts.port), user=user, detail=(o.detail or "") if surface == "cli" else "",
        reply=(" ".join(o.reply.raw) if o.reply else ""),
        offered=", ".join(o.offered) or _words(lang)["none"], mechanism=o.mechanism or "",
        provider=provider.name if provider else "",
        oauth_error=_oauth_error_text(o, lang),
        protocol=facts.protocol.value.upper(), expected_ports=_ports(facts.protocol, lang),
        answered=answered.value.upper() if answered else "", answered_ports=_ports(answered, lang) if answered else "",
        code=(o.reply.response_code or "") if o.reply else "",
        security=_words(lang)[f"security_{facts.security.value}"],
        starttls_seen=_words(lang)["starttls_yes" if o.starttls_offered else "starttls_no"],
        **{name: _words(lang)[f"{surface}_{name}"] for name in _OPTIONS},
        **(provider.links if provider else {}),
    )

    def fill(text: str) -> str:
        return " ".join(text.format_map(values).split()).replace("()", "").replace(" .", ".")

    exit_code = exit_policy().code(did, o)
    links = tuple(provider.links[k] for k in entry.get("links", ()) if provider and k in provider.links)
    fixes = [fill(x) for x in entry.get("fixes", ())]
    suggestions = _suggestions(did, facts, host, user, lang)
    assist = assist_texts(lang)
    fix_keys = {"user": "fix", "mechanism": "fix_mechanism"}
    for s in suggestions:
        key = fix_keys.get(s.kind) or f"fix_security_{s.value}"
        fixes.append(assist[key].format(value=s.value, port=s.port))
    if any(s.kind in fix_keys for s in suggestions):  # another try with the same password
        fixes.append(assist["warning"])
    return Diagnosis(
        id=did, title=fill(entry["title"]), explanation=fill(entry["explanation"]),
        causes=tuple(fill(c) for c in entry.get("causes", ())),
        fixes=tuple(fixes), links=links, exit_code=exit_code, suggestions=suggestions,
        server_said=o.reply.raw if o.reply else (),
        detail=(o.detail or "") if surface == "window" and "{detail}" in entry["explanation"] else "",
    )


_PASSWORD_MECHANISMS = ("PLAIN", "LOGIN", "CRAM-MD5")


def _suggestions(did: str, facts: Facts, host: str, user: str, lang: str) -> tuple[Suggestion, ...]:
    """Only what the run observed: SSL/TLS where a probe found it, STARTTLS where
    the port offered it, another user-name form after a refused login, another
    offered mechanism only when the failure points at the mechanism (never
    after an ordinary refusal: every mechanism checks the same password)."""
    o, provider, probe, port = facts.outcome, facts.provider, facts.probe, facts.port
    assist = assist_texts(lang)
    out: list[Suggestion] = []

    def security(value: str) -> None:
        out.append(Suggestion("security", value, assist[f"security_{value}"].format(port=port), port))

    # STARTTLS on this port: a plain probe found it after SSL/TLS met plain text,
    # or an unencrypted test saw it offered.
    starttls_seen = (probe is not None and probe.service is facts.protocol and probe.starttls) or (
        facts.security is Security.NONE and o.starttls_offered)
    if o.ending is Ending.EXPECTS_TLS:
        security("tls")
    elif starttls_seen and did in ("tls.mode-mismatch", "auth.plaintext-refused", "auth.tls-required",
                                   "auth.not-offered", "auth.mechanism-unsupported"):
        security("starttls")
    if did == "auth.credentials-rejected" and user:
        full_address = provider is not None and provider.user_form == "address"
        if "@" in user and provider is None:
            other = user.split("@", 1)[0]  # hosting and on-premises servers often want the local part
        elif "@" not in user:
            domain = _domain_of(host)  # smtp.web.de -> web.de
            if provider is not None and provider.domains:
                known = (*provider.domains, *(d for v in provider.variants for d in v.domains))
                domain = domain if domain in known else provider.domains[0]
            other = f"{user}@{domain}" if domain and (full_address or provider is None) else ""
        else:
            other = ""
        if other and other != user:
            out.append(Suggestion("user", other, assist["user"].format(value=other)))
    if did == "auth.mechanism-unsupported" and o.mechanism != "XOAUTH2" and not out:
        others = [m for m in _PASSWORD_MECHANISMS if m in o.offered and m != o.mechanism]
        if others:
            out.append(Suggestion("mechanism", others[0], assist["mechanism"].format(value=others[0])))
    return tuple(out)


def _domain_of(host: str) -> str:
    """smtp.example.org -> example.org: the usual mail domain behind a server name."""
    labels = host.lower().strip(".").split(".")
    if len(labels) < 3 or all(part.isdigit() for part in labels):
        return ""
    return ".".join(labels[1:])


_WORDS = {
    "en": {"none": "none", "oauth": " The server's explanation: status {status}", "scope": ", expected scope {scope}",
           "or": " or ", "security_tls": "SSL/TLS", "security_starttls": "STARTTLS",
           "security_none": "no encryption", "starttls_yes": "it offered STARTTLS",
           "starttls_no": "it did not offer STARTTLS",
           "cli_ca_file_option": "--ca-file", "cli_plaintext_option": "--allow-plaintext-auth",
           "cli_timeout_option": "--timeout",
           "window_ca_file_option": "Advanced \u2192 Extra CA file",
           "window_plaintext_option": "Security: None, then \u201cSend it unencrypted\u201d under it",
           "window_timeout_option": "Advanced \u2192 Timeout per step",
           "cli_signin_option": "--oauth with your organisation's client id",
           "window_signin_option": "the OAuth2 method, then the Sign in button in the password's place"},
    "tr": {"none": "yok", "oauth": " Sunucunun açıklaması: durum {status}", "scope": ", beklenen kapsam {scope}",
           "or": " ya da ", "security_tls": "SSL/TLS", "security_starttls": "STARTTLS",
           "security_none": "şifreleme yok", "starttls_yes": "STARTTLS sundu", "starttls_no": "STARTTLS sunmadı",
           "cli_ca_file_option": "--ca-file", "cli_plaintext_option": "--allow-plaintext-auth",
           "cli_timeout_option": "--timeout",
           "window_ca_file_option": "Gelişmiş \u2192 Ek CA dosyası",
           "window_plaintext_option":
               "Güvenlik: Yok, ardından altındaki \u201cŞifrelemeden gönder\u201d",
           "window_timeout_option": "Gelişmiş \u2192 Adım başına zaman aşımı",
           "cli_signin_option": "kuruluşunuzun istemci kimliğiyle --oauth",
           "window_signin_option": "OAuth2 yöntemi, ardından parolanın yerindeki Oturum aç düğmesi"},
}


def _oauth_error_text(o: Outcome, lang: str) -> str:
    """The JSON error an OAuth server sent in its 334, in words."""
    err = o.oauth_error_fields
    if not err:
        return ""
    words = _words(lang)
    text = words["oauth"].format(status=err.get("status", "?"))
    if err.get("scope"):
        text += words["scope"].format(scope=err["scope"])
    return text + "."
