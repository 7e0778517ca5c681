"""A second Postfix + Dovecot with generated users for the batch tests (the suite's own keeps its few)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import unavailable
from tests.servers.postfix import DOMAIN, PostfixServer, missing_binaries

USER_COUNT = 270  # each test uses its own range of them, so the servers' logs tell them apart


def password_of(i: int) -> str:
    # A pattern with what real passwords hold: upper and lower case, digits, punctuation, non-ASCII.
    return f"Pw-{i:03d}-ğüş!{i * 7919 % 1000:03d}"


def user(i: int) -> str:
    return f"user{i:03d}@{DOMAIN}"


def generated_users(n: int = USER_COUNT) -> dict[str, str]:
    return {user(i): password_of(i) for i in range(n)}


@pytest.fixture(scope="session")
def many() -> Iterator[PostfixServer]:
    missing = missing_binaries()
    if missing:
        unavailable(f"the batch tests need {', '.join(missing)}: run `bash tests/setup.sh` or use .ci/run")
    server = PostfixServer.start(users=generated_users())
    try:
        yield server
    finally:
        server.stop()
