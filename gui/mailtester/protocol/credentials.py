"""Credentials that cannot leak by accident: their repr and str are a marker."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .record import Record

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


class Credentials(Record):
    """Who logs in, and with which secret: a password, an OAuth2 access token, or both."""

    user: str = ""
    password: Secret | None = None
    token: Secret | None = None
    authzid: str = ""

    def secrets(self) -> Iterator[str]:
        for s in (self.password, self.token):
            if s is not None and s.reveal():
                yield s.reveal()
