"""Refresh tokens in the system keychain (keyring), never in a file. The calls
block on an unlock prompt: callers run them in an executor of their own."""

from __future__ import annotations

import contextlib

from ..protocol.credentials import Secret

SERVICE = "Mail Account Tester"  # the keychain entry's service, as the window's passwords


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
