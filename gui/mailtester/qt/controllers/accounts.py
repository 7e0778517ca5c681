"""Saved accounts: settings in QSettings, passwords only in the OS keychain.

keyring calls run off the GUI thread (an unlock prompt can block). Without a
usable backend the password is kept for this session only, never in a file.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QSettings

from ...protocol.credentials import Secret
from ...protocol.record import Record

log = logging.getLogger("mailtester.qt")

SERVICE = "Mail Account Tester"
LAST_USED = "last_account"  # beside the accounts group, not in it


class SavedAccount(Record):
    """Both sides of an account. The outgoing side keeps the names it always had
    (accounts saved before the incoming side existed load with it empty)."""

    user: str  # the outgoing (sending) side
    host: str
    port: int
    security: str
    mechanism: str
    incoming_protocol: str = ""  # "imap" or "pop3"; "" when no incoming side is saved
    incoming_host: str = ""
    incoming_port: int = 0
    incoming_security: str = "tls"
    incoming_mechanism: str = "auto"
    incoming_user: str = ""
    separate: bool = False  # each side has its own user name and password
    # the Advanced settings the test ran with (one set for both servers)
    ca_file: str = ""
    family: int = 0  # socket.AF_UNSPEC: either IP version
    timeout: float = 0.0  # 0: the default
    allow_plaintext_auth: bool = False

    @property
    def has_incoming(self) -> bool:
        return bool(self.incoming_host)

    @property
    def has_outgoing(self) -> bool:
        return bool(self.host)

    @property
    def key(self) -> str:
        """Its settings group, and the keychain entry of its password (of the outgoing
        side's when the sides have their own)."""
        return f"{self.user}@{self.host}:{self.port}" if self.host else self.incoming_key

    @property
    def incoming_key(self) -> str:
        """The keychain entry of the incoming side's own password."""
        return f"{self.incoming_protocol}:{self.incoming_user}@{self.incoming_host}:{self.incoming_port}"

    @property
    def secret_keys(self) -> tuple[str, ...]:
        return (self.key, self.incoming_key) if self.separate and self.has_incoming and self.has_outgoing \
            else (self.key,)

    @property
    def label(self) -> str:
        servers = [f"{h}:{p}" for h, p in ((self.incoming_host, self.incoming_port), (self.host, self.port)) if h]
        user = self.user if self.has_outgoing else self.incoming_user
        return f"{user} \u2014 {', '.join(servers)}" if user else ", ".join(servers)


FIELDS = ("user", "host", "port", "security", "mechanism", "incoming_protocol", "incoming_host", "incoming_port",
          "incoming_security", "incoming_mechanism", "incoming_user", "separate", "ca_file", "family", "timeout",
          "allow_plaintext_auth")


def _bool(value: object, default: str = "false") -> bool:
    return str(value if value is not None else default).lower() in ("true", "1")


def _group(key: str) -> str:
    return key.replace("/", "_").replace("\\", "_")


class Keychain:
    """The OS keychain through keyring, with a session-only fallback."""

    def __init__(self) -> None:
        self._session: dict[str, str] = {}
        self.available: bool | None = None
        self.backend_name = ""
        # One plain worker thread: keychain calls run one at a time, off the GUI thread,
        # and never touch Qt objects (a QThread finishing after the window is gone could).
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="keychain")

    async def _call(self, fn: Callable[[], Any]) -> Any:
        # A closure, never arguments: they would show in an executor's debug log.
        return await asyncio.get_running_loop().run_in_executor(self._executor, fn)

    def close(self) -> None:
        """Drop the session copies; a call still running finishes in its thread, unheard."""
        self._session.clear()
        self._executor.shutdown(wait=False, cancel_futures=True)

    async def probe(self) -> bool:
        if self.available is None:
            def check() -> tuple[bool, str]:
                import keyring
                from keyring.backends import fail

                backend = keyring.get_keyring()
                return not isinstance(backend, fail.Keyring), type(backend).__name__

            self.available, self.backend_name = await self._call(check)
        return self.available

    async def store(self, key: str, password: str) -> bool:
        """True if stored in the keychain, False if kept for this session only."""
        self._session[key] = password
        if not await self.probe():
            return False
        import keyring
        from keyring.errors import KeyringError

        try:
            await self._call(lambda: keyring.set_password(SERVICE, key, password))
            return True
        except KeyringError as exc:
            log.warning("keychain refused to store the password: %s", type(exc).__name__)
            return False

    async def fetch(self, key: str) -> str | None:
        if key in self._session:
            return self._session[key]
        if not await self.probe():
            return None
        import keyring
        from keyring.errors import KeyringError

        def get() -> Secret | None:  # a Secret, so a logged future result shows only a marker
            value = keyring.get_password(SERVICE, key)
            return None if value is None else Secret(value)

        try:
            secret: Secret | None = await self._call(get)
            return None if secret is None else secret.reveal()
        except KeyringError as exc:
            log.warning("keychain could not be read: %s", type(exc).__name__)
            return None

    async def forget(self, key: str) -> None:
        self._session.pop(key, None)
        if not await self.probe():
            return
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            await self._call(lambda: keyring.delete_password(SERVICE, key))
        except PasswordDeleteError:
            pass
        except KeyringError as exc:
            log.warning("keychain could not delete the password: %s", type(exc).__name__)


def private_sync(settings: QSettings) -> None:
    """Write the settings file readable by the user only: it names servers and accounts."""
    settings.sync()
    if os.path.isfile(settings.fileName()):  # not the Windows registry
        with contextlib.suppress(OSError):
            os.chmod(settings.fileName(), 0o600)


class AccountStore(QObject):
    """Accounts (never passwords) and trusted certificates in QSettings."""

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings

    def accounts(self) -> list[SavedAccount]:
        s = self.settings
        s.beginGroup("accounts")
        out = []
        for g in s.childGroups():
            s.beginGroup(g)
            with contextlib.suppress(TypeError, ValueError):
                out.append(SavedAccount(
                    str(s.value("user", "")), str(s.value("host", "")), int(str(s.value("port", 0))),
                    str(s.value("security", "starttls")), str(s.value("mechanism", "auto")),
                    incoming_protocol=str(s.value("incoming_protocol", "")),
                    incoming_host=str(s.value("incoming_host", "")),
                    incoming_port=int(str(s.value("incoming_port", 0))),
                    incoming_security=str(s.value("incoming_security", "tls")),
                    incoming_mechanism=str(s.value("incoming_mechanism", "auto")),
                    incoming_user=str(s.value("incoming_user", "")),
                    separate=_bool(s.value("separate", "false")),
                    ca_file=str(s.value("ca_file", "") or ""),
                    family=int(str(s.value("family", 0))),
                    timeout=float(str(s.value("timeout", 0))),
                    allow_plaintext_auth=_bool(s.value("allow_plaintext_auth", "false")),
                ))
            s.endGroup()
        s.endGroup()
        return sorted(out, key=lambda a: a.label.lower())

    def save(self, account: SavedAccount) -> None:
        s = self.settings
        s.beginGroup(f"accounts/{_group(account.key)}")
        for name in FIELDS:
            value = getattr(account, name)
            s.setValue(name, ("true" if value else "false") if isinstance(value, bool) else value)
        s.endGroup()
        private_sync(s)

    def remove(self, account: SavedAccount) -> None:
        self.settings.remove(f"accounts/{_group(account.key)}")
        if self.last_used() == account.key:
            self.settings.remove(LAST_USED)
        private_sync(self.settings)

    def last_used(self) -> str:
        """The key of the account saved or chosen last ("" when none)."""
        return str(self.settings.value(LAST_USED, "") or "")

    def set_last_used(self, account: SavedAccount) -> None:
        self.settings.setValue(LAST_USED, account.key)
        private_sync(self.settings)

    def trusted(self, host: str, port: int) -> str | None:
        value = self.settings.value(f"trusted/{_group(host.lower())}:{port}")
        return str(value) if value else None

    def trust(self, host: str, port: int, sha256: str) -> None:
        self.settings.setValue(f"trusted/{_group(host.lower())}:{port}", sha256)
        private_sync(self.settings)

    def untrust(self, host: str, port: int) -> None:
        self.settings.remove(f"trusted/{_group(host.lower())}:{port}")
        private_sync(self.settings)
