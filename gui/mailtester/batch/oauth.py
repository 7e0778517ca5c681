"""`mailtester batch FILE --oauth ...`: each row logs in with an access token got from the refresh token
remembered in the system keychain for its user (by `check --oauth ... --oauth-remember`, or the window's
Remember). Never a browser: a row without a remembered token, or whose token the provider refuses, ends
with its own outcome. One refresh per row, when it runs; the access token is in memory only (the driver
redacts it like a password); a refresh token the provider replaces is stored again, as `check` does."""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import Any

from ..model import CheckSettings
from ..oauth import store
from ..oauth.command import settings_of
from ..oauth.flow import Endpoints, OAuthSettings, SignInError, endpoints, refresh
from ..protocol.credentials import Credentials
from .secrets import Secrets, SecretUnavailable
from .sheet import Sheet, SheetRow


class KeychainTokens(Secrets):
    """The rows' credentials: an access token each, from the keychain's refresh token."""

    def __init__(self, args: argparse.Namespace) -> None:
        super().__init__()
        self.oauth: OAuthSettings = settings_of(args, "")
        self._ep: Endpoints | None = None
        self._signed_in: dict[int, dict[str, Any]] = {}  # row number -> its sign-in's public part

    async def start(self) -> None:
        """The provider's endpoints, once for the run (discovery for an issuer). Raises SignInError, also
        where no keychain works (every row would wrongly say it has no remembered token)."""
        import keyring
        from keyring.backends import fail

        if isinstance(keyring.get_keyring(), fail.Keyring):
            raise SignInError("oauth.config", "no system keychain works here, and batch --oauth takes each "
                                              "row's refresh token from it")
        self._ep = await endpoints(self.oauth)

    def prompts_needed(self, sheet: Sheet) -> list[str]:
        return []

    async def credentials(self, sheet: Sheet, row: SheetRow, settings: CheckSettings) -> Credentials:
        creds = settings.credentials
        assert self._ep is not None, "start() first"
        entry = store.key(self._ep.issuer, self.oauth.client_id, creds.user)
        stored = await store.off_loop(store.load, entry)
        if stored is None:
            raise SecretUnavailable("batch.oauth-no-token", user=creds.user)
        o = replace(self.oauth, login_hint=creds.user)
        try:
            tokens = await refresh(o, (settings.protocol,), stored, ep=self._ep)
        except SignInError as exc:  # its detail is the provider's error, neutralised and bounded
            did = "batch.oauth-refused" if exc.id == "oauth.token-refused" else "batch.oauth-error"
            raise SecretUnavailable(did, reason=exc.detail) from None
        if tokens.refresh is not None and tokens.refresh.reveal() != stored.reveal():
            await store.off_loop(store.save, entry, tokens.refresh)
        self._signed_in[row.number] = tokens.public_dict()
        return replace(creds, password=None, token=tokens.access)

    def signed_in(self, row: SheetRow) -> dict[str, Any] | None:
        """The row's sign-in, once, for its JSON as `check --oauth --json` gives it: provider, issuer,
        scopes, expires_in; never a token."""
        return self._signed_in.pop(row.number, None)


def oauth_problem(args: argparse.Namespace, sheet: Sheet) -> str | None:
    """What is wrong with `batch --oauth`: its options, or a sheet that also names passwords (which of the
    two a row would log in with must never be a guess)."""
    from ..oauth.options import usage_problem

    if problem := usage_problem(args):
        return problem
    if sheet.holds_passwords or any(row.password_ref for row in sheet.rows):
        return ("--oauth logs every row in with its remembered refresh token: the sheet's password and "
                "password_ref cells would not be used; leave them empty")
    return None
