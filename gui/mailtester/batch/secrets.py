"""Where a row's password comes from: a reference (env:VAR, file:PATH, prompt) or the sheet's plain
password column. A reference is resolved when its row runs; a prompt is asked once per distinct
reference, before the first connection. Values travel only as Secret and are never part of a message."""

from __future__ import annotations

import os
import stat
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..protocol.credentials import Credentials, Secret
from ..settings import InvalidInput, check_secret
from .sheet import Sheet, SheetRow
from .texts import row_text

if TYPE_CHECKING:
    from ..model import CheckSettings

MAX_SECRET_FILE = 64 * 1024
Prompt = Callable[[str], Awaitable[str | None]]


class SecretUnavailable(Exception):
    """A row's secret cannot be had: `id` and `params` say why (texts.py), never with the secret."""

    def __init__(self, id: str, **params: object) -> None:
        super().__init__(row_text(id, "en", **params))
        self.id = id
        self.params = params


class Secrets:
    def __init__(self, prompt: Prompt | None = None) -> None:
        self._prompt = prompt
        self._asked: dict[str, Secret | None] = {}

    def prompts_needed(self, sheet: Sheet) -> list[str]:
        """The distinct prompt references of the sheet, in order of first use."""
        refs: dict[str, None] = {}
        for row in sheet.rows:
            if row.password_ref and row.password_ref.startswith("prompt") and row.number not in sheet.passwords:
                refs[row.password_ref] = None
        return list(refs)

    async def prepare(self, sheet: Sheet) -> None:
        """Ask every prompt reference once (nothing is asked twice in one run)."""
        for ref in self.prompts_needed(sheet):
            if ref in self._asked:
                continue
            answer = await self._prompt(ref) if self._prompt is not None else None
            self._asked[ref] = Secret(answer) if answer else None

    async def credentials(self, sheet: Sheet, row: SheetRow, settings: CheckSettings) -> Credentials:
        """The row's credentials for its check (batch/oauth.py gives a token instead)."""
        return replace(settings.credentials, password=self.resolve(sheet, row))

    def signed_in(self, row: SheetRow) -> dict[str, Any] | None:
        """The public part of the OAuth2 sign-in that gave the row its token (batch/oauth.py); None here."""
        return None

    def resolve(self, sheet: Sheet, row: SheetRow) -> Secret:
        """The row's password: a filled password cell, else its reference. Raises SecretUnavailable."""
        if row.number in sheet.passwords:
            return sheet.passwords[row.number]
        ref = row.password_ref
        if not ref:
            raise SecretUnavailable("batch.no-password")
        kind, _, name = ref.partition(":")
        if kind == "env":
            value = os.environ.get(name)
            if not value:
                raise SecretUnavailable("batch.secret-env", name=name)
            return _checked(value)
        if kind == "file":
            return _checked(_read_private(os.path.expanduser(name)))
        secret = self._asked.get(ref)
        if secret is None:
            raise SecretUnavailable("batch.secret-prompt", ref=ref)
        return secret


def _checked(value: str) -> Secret:
    try:
        return Secret(check_secret(value))
    except InvalidInput:
        raise SecretUnavailable("batch.secret-invalid") from None


def _read_private(path: str) -> str:
    """The first line of a file only its owner can read (like ssh's keys): anything wider is refused."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise SecretUnavailable("batch.secret-file", path=path, reason=exc.strerror or exc) from None
    with open(fd, "rb") as f:
        st = os.fstat(f.fileno())
        if os.name == "posix" and (st.st_mode & (stat.S_IRWXG | stat.S_IRWXO) or st.st_uid != os.getuid()):
            raise SecretUnavailable("batch.secret-file-open", path=path)
        if not stat.S_ISREG(st.st_mode):
            raise SecretUnavailable("batch.secret-file-kind", path=path)
        data = f.read(MAX_SECRET_FILE + 1)
    if len(data) > MAX_SECRET_FILE:
        raise SecretUnavailable("batch.secret-file-size", path=path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise SecretUnavailable("batch.secret-file-utf8", path=path) from None
    line = text.split("\n", 1)[0].removesuffix("\r")
    if not line:
        raise SecretUnavailable("batch.secret-file-empty", path=path)
    return line
