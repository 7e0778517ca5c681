"""Record's shared methods give what a frozen dataclass generates."""

from __future__ import annotations

import dataclasses

import pytest

from mailtester.protocol.record import Record


class Shared(Record):
    """doc"""

    x: int
    y: str = "a"
    z: tuple[int, ...] = dataclasses.field(default=(), repr=False, compare=False)


@dataclasses.dataclass(frozen=True)
class Generated:
    """doc"""

    x: int
    y: str = "a"
    z: tuple[int, ...] = dataclasses.field(default=(), repr=False, compare=False)


class Child(Shared):
    w: bool = False


@pytest.mark.parametrize("args", [(1,), (2, "b"), (3, "c", (4,))])
def test_the_same_as_a_frozen_dataclass(args: tuple[object, ...]) -> None:
    ours, theirs = Shared(*args), Generated(*args)
    assert repr(ours).replace("Shared", "Generated") == repr(theirs)
    assert ours == Shared(*args) and hash(ours) == hash(Shared(*args))
    assert ours == dataclasses.replace(ours, z=(9,))  # z is not compared, as in Generated
    assert (ours == Shared(99)) is (theirs == Generated(99)) is False
    assert ours != theirs  # another class, as dataclasses compares
    assert dataclasses.asdict(ours) == dataclasses.asdict(theirs)
    assert Shared.__match_args__ == Generated.__match_args__
    with pytest.raises(dataclasses.FrozenInstanceError):
        ours.x = 5
    with pytest.raises(dataclasses.FrozenInstanceError):
        del ours.y


def test_a_subclass_adds_its_fields() -> None:
    c = Child(1, w=True)
    assert repr(c) == "Child(x=1, y='a', w=True)"
    assert c == Child(1, w=True) != Child(1) and c != Shared(1)
    assert {c: 1}[Child(1, w=True)] == 1
