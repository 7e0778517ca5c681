"""Credentials that cannot leak by accident: their repr and str are a marker."""

from __future__ import annotations

import base64
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

REDACTED = "[redacted]"


class Secret:
    """A password or token. Only `reveal()` gives the value."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return REDACTED

    __str__ = __repr__

    def __bool__(self) -> bool:
        return bool(self._value)

    def __reduce__(self) -> str | tuple[Any, ...]:  # refuse pickling into files
        raise TypeError("a Secret cannot be pickled")


@dataclass(frozen=True)
class Credentials:
    user: str = ""
    password: Secret | None = None
    token: Secret | None = None
    authzid: str = ""

    def secrets(self) -> Iterator[str]:
        for s in (self.password, self.token):
            if s is not None and s.reveal():
                yield s.reveal()


@dataclass
class Redactor:
    """Replaces every known secret form in text with REDACTED.

    The forms are the secrets themselves and the base64 of every SASL message
    sent (registered by the session as it sends them), plus the base64 of each
    secret alone, at every alignment, since base64 of a longer message embeds it
    in one of three shifted forms.
    """

    forms: set[str] = field(default_factory=set)

    def add_secret(self, value: str) -> None:
        if not value:
            return
        self.forms.add(value)
        if value.strip() and value.strip() != value:
            self.forms.add(value.strip())  # a server that echoes a line trims its ends
        for encoding in ("utf-8", "latin-1"):
            try:
                raw = value.encode(encoding)
            except UnicodeEncodeError:
                continue
            self.forms.add(raw.decode("latin-1"))
            for shift in range(3):
                # Only the characters fully determined by the secret's bits are
                # kept: the neighbours depend on the rest of the message.
                enc = base64.b64encode(b"\0" * shift + raw).decode()
                core = enc[(8 * shift + 5) // 6 : (8 * (shift + len(raw))) // 6]
                if len(core) >= 6:
                    self.forms.add(core)

    def add_message(self, data: bytes) -> None:
        if data:
            self.forms.add(base64.b64encode(data).decode())

    def add_forms(self, forms: Iterable[str]) -> None:
        """Exact forms a command carried (its base64, a quoted string), as the core named them."""
        self.forms.update(f for f in forms if f)

    def add_all(self, values: Iterable[str]) -> None:
        for v in values:
            self.add_secret(v)

    def __call__(self, text: str) -> str:
        for form in sorted(self.forms, key=len, reverse=True):
            if form in text:
                text = text.replace(form, REDACTED)
        return text
