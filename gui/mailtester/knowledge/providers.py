"""The provider catalogue (resources/providers/providers.toml) and recognition."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from ..resources import resource_path


@dataclass(frozen=True)
class Provider:
    id: str
    name: str
    domains: tuple[str, ...]
    host_suffixes: tuple[str, ...]
    signatures: tuple[re.Pattern[str], ...]
    submission: dict[str, object]
    links: dict[str, str] = field(default_factory=dict)
    mx_suffixes: tuple[str, ...] = ()
    incoming: dict[str, dict[str, object]] = field(default_factory=dict)  # "imap", "pop3"
    user_form: str = ""  # "address" (the full address) or "local-part"; "" when not known

    def matches_host(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        return any(host == s or host.endswith("." + s) for s in self.host_suffixes + self.mx_suffixes)

    def matches_text(self, text: str) -> bool:
        return any(p.search(text) for p in self.signatures)


_LINK_KEYS = ("help", "app_passwords", "oauth", "admin", "source")


@cache
def providers() -> tuple[Provider, ...]:
    with open(resource_path("providers", "providers.toml"), "rb") as f:
        data = tomllib.load(f)
    return tuple(
        Provider(
            id=p["id"], name=p["name"], domains=tuple(p.get("domains", ())),
            host_suffixes=tuple(p.get("host_suffixes", ())),
            signatures=tuple(re.compile(s, re.I) for s in p.get("signatures", ())),
            submission=dict(p.get("submission", {})),
            links={k: p[k] for k in _LINK_KEYS if k in p},
            mx_suffixes=tuple(p.get("mx_suffixes", ())),
            incoming={k: dict(p[k]) for k in ("imap", "pop3") if k in p},
            user_form=_user_form(p.get("user_form", "")),
        )
        for p in data["provider"]
    )


def _user_form(value: str) -> str:
    if value not in ("", "address", "local-part"):
        raise ValueError(f"providers.toml: unknown user_form {value!r}")
    return value


def recognize(host: str, server_texts: Iterable[str] = (), user: str = "") -> Provider | None:
    """The host typed first, then the server's own words, then the address domain."""
    for p in providers():
        if p.matches_host(host):
            return p
    texts = list(server_texts)
    for p in providers():
        if any(p.matches_text(t) for t in texts):
            return p
    domain = user.rpartition("@")[2].lower()
    if domain:
        for p in providers():
            if domain in p.domains:
                return p
    return None
