"""Frozen dataclasses that cost their definition only what they need.

For each frozen dataclass, dataclasses compiles six functions when the class
is defined: __init__, __setattr__, __delattr__, __eq__, __hash__ and __repr__.
With some twenty such classes on its path, that was a fifth of a check's start
(issue 14). A subclass of Record is a frozen dataclass whose equality, hash and
repr are the ones below, written once: they give what the generated ones give.
"""

from __future__ import annotations

from dataclasses import Field, dataclass, field, fields
from typing import Any, ClassVar, dataclass_transform

__all__ = ["Record"]


@dataclass_transform(frozen_default=True, field_specifiers=(field, Field))
class Record:
    """Subclass to declare an immutable record: `class Reply(Record): code: int`."""

    __slots__ = ()
    _compared: ClassVar[tuple[str, ...]] = ()
    _shown: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclass(frozen=True, eq=False, repr=False)(cls)
        cls._compared = tuple(f.name for f in fields(cls) if f.compare)  # type: ignore[arg-type]
        cls._shown = tuple(f.name for f in fields(cls) if f.repr)  # type: ignore[arg-type]

    def _key(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._compared)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._key() == other._key()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown)
        return f"{self.__class__.__qualname__}({shown})"
