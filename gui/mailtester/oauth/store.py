"""Refresh tokens in the system keychain (keyring), never in a file. The calls
block on an unlock prompt: callers run them through `off_loop`, in an executor of its own."""

from __future__ import annotations

import asyncio
import contextlib
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from ..protocol.credentials import Secret

SERVICE = "Mail Account Tester"  # the keychain entry's service, as the window's passwords


async def off_loop(fn: Any, *a: Any) -> Any:
    """fn(*a) in a thread, off the event loop. Its own executor: qasync's default one logs arguments and results."""
    with ThreadPoolExecutor(1) as pool:
        return await asyncio.get_running_loop().run_in_executor(pool, fn, *a)


def key(issuer: str, client_id: str, user: str) -> str:
    return f"oauth2-refresh {issuer} {client_id} {user}"


def load(entry: str) -> Secret | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        value = keyring.get_password(SERVICE, entry)
    except KeyringError:
        return None
    return Secret(value) if value else None


def save(entry: str, token: Secret) -> bool:
    """False where no keychain works here: the token then lives for this run only."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, entry, token.reveal())
    except KeyringError:
        return False
    return True


def delete(entry: str) -> None:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError, KeyringError):
        keyring.delete_password(SERVICE, entry)
