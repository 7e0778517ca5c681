"""The provider catalogue (resources/providers/providers.toml) and recognition.

The program reads providers.json, the TOML's data as JSON, written by
`python -m mailtester.knowledge.providers` (tests/knowledge/test_provider_catalogue.py
checks it matches): every successful check names its provider, and json is
already loaded where tomllib would cost a check a tenth of its start-up."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import field
from functools import cache, cached_property
from typing import Any

from ..protocol.record import Record
from ..resources import resource_file, resource_path


# eq=False, repr=False: the catalogue's entries are made once, so identity is equality; fewer methods
# generated at start (issue 14).
class Variant(Record):
    """A service of the provider with servers of its own for some of its domains (web.de beside GMX,
    Outlook.com beside Microsoft 365): the provider's texts and recognition apply, these servers are
    what its addresses use."""

    name: str
    domains: tuple[str, ...]
    submission: dict[str, object]
    incoming: dict[str, dict[str, object]]  # "imap", "pop3"
    user_form: str
    source: str


class Provider(Record):
    """A mail provider of the catalogue: how to recognise it, and its settings and help."""

    id: str
    name: str
    domains: tuple[str, ...]
    host_suffixes: tuple[str, ...]
    signatures: tuple[str, ...]  # regular expressions, matched ignoring case
    submission: dict[str, object]
    links: dict[str, str] = field(default_factory=dict)
    mx_suffixes: tuple[str, ...] = ()
    incoming: dict[str, dict[str, object]] = field(default_factory=dict)  # "imap", "pop3"
    user_form: str = ""  # "address" (the full address) or "local-part"; "" when not known
    variants: tuple[Variant, ...] = ()
    batch_per_host: int | None = None  # a batch's cap on connections at once to its servers

    def matches_host(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        return any(host == s or host.endswith("." + s) for s in self.host_suffixes + self.mx_suffixes)

    def matches_text(self, text: str) -> bool:
        return self._signature is not None and self._signature.search(text) is not None

    @cached_property
    def _signature(self) -> re.Pattern[str] | None:
        """All signatures in one pattern: one search per text instead of one per signature (a batch
        recognises the provider of every row)."""
        if not self.signatures:
            return None
        return re.compile("|".join(f"(?:{p})" for p in self.signatures), re.I)

    def variant_for(self, domain: str) -> Variant | None:
        """The variant whose servers an address at this domain uses, or None for the provider's own."""
        domain = domain.lower().rstrip(".")
        return next((v for v in self.variants if domain in v.domains), None)


_LINK_KEYS = ("help", "app_passwords", "oauth", "admin", "source")


def catalogue_from_toml() -> dict[str, Any]:
    """providers.toml's data, which providers.json holds."""
    import tomllib

    with open(resource_path("providers", "providers.toml"), "rb") as f:
        return tomllib.load(f)


@cache
def providers() -> tuple[Provider, ...]:
    with open(resource_file("providers", "providers.json"), "rb") as f:
        data = json.load(f)
    return tuple(
        Provider(
            id=p["id"], name=p["name"], domains=tuple(p.get("domains", ())),
            host_suffixes=tuple(p.get("host_suffixes", ())),
            signatures=tuple(p.get("signatures", ())),
            submission=dict(p.get("submission", {})),
            links={k: p[k] for k in _LINK_KEYS if k in p},
            mx_suffixes=tuple(p.get("mx_suffixes", ())),
            incoming={k: dict(p[k]) for k in ("imap", "pop3") if k in p},
            user_form=_user_form(p.get("user_form", "")),
            variants=tuple(_variant(p, v) for v in p.get("variant", ())),
            batch_per_host=p.get("batch_per_host"),
        )
        for p in data["provider"]
    )


def _variant(provider: dict[str, Any], v: dict[str, Any]) -> Variant:
    domains = tuple(v["domains"])
    if not set(domains) <= set(provider.get("domains", ())):
        # Recognition goes by the provider's domains: a variant only says which servers some of them use.
        raise ValueError(f"providers.toml: a variant of {provider['id']} names domains the provider does not")
    return Variant(name=v["name"], domains=domains, submission=dict(v.get("submission", {})),
                   incoming={k: dict(v[k]) for k in ("imap", "pop3") if k in v},
                   user_form=_user_form(v.get("user_form", provider.get("user_form", ""))), source=v["source"])


def _user_form(value: str) -> str:
    if value not in ("", "address", "local-part"):
        raise ValueError(f"providers.toml: unknown user_form {value!r}")
    return value


def by_server(host: str) -> Provider | None:
    """The provider whose servers these are: by host suffix, or a server its settings name
    (imap.gmail.com is not a suffix of Gmail's, but its IMAP server)."""
    host = host.lower().rstrip(".")
    for p in providers():
        servers = [p.submission, *p.incoming.values()]
        for v in p.variants:
            servers += [v.submission, *v.incoming.values()]
        if p.matches_host(host) or any(str(s.get("host", "")).lower() == host for s in servers):
            return p
    return None


def by_domain(domain: str) -> Provider | None:
    """The provider whose addresses use this domain (exactly, as typed after the @), or None."""
    domain = domain.lower().rstrip(".")
    return next((p for p in providers() if domain in p.domains), None)


def recognize(host: str, server_texts: Iterable[str] = (), user: str = "") -> Provider | None:
    """The host typed first, then the server's own words, then the address domain."""
    for p in providers():
        if p.matches_host(host):
            return p
    text = "\n".join(server_texts)  # no signature spans a line (none has anchors or \s)
    for p in providers():
        if text and p.matches_text(text):
            return p
    domain = user.rpartition("@")[2].lower()
    if domain:
        for p in providers():
            if domain in p.domains:
                return p
    return None


if __name__ == "__main__":  # after editing providers.toml: python -m mailtester.knowledge.providers
    path = resource_path("providers", "providers.json")
    path.write_text(json.dumps(catalogue_from_toml(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path}")
