"""Sign in with Google / Microsoft / an OpenID provider, in the system browser, where the form's
method is OAuth2: the sign-in box takes the password field's place. The access token it receives
goes into that (hidden) field, so the run uses it like a pasted token; it lives in memory only.
The refresh token goes to the keychain only when the account is remembered.

`attach(form)` builds the box into the form and wires it: the form keeps one line for it."""

from __future__ import annotations

import asyncio
import contextlib
import time
import webbrowser
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...model import TimelineEntry
from ...oauth import store
from ...oauth.flow import Endpoints, OAuthSettings, SignInError, Tokens, endpoints, refresh, revoke, sign_in, wait_time
from ...protocol.credentials import Secret
from ...protocol.kinds import Protocol

if TYPE_CHECKING:
    from .form import AccountForm

# A preset whose provider signs in with OAuth2, and the sign-in provider for it.
OAUTH_OF_PRESET = {"gmail": "google", "microsoft365": "microsoft"}
# Presets whose provider needs the sign-in: Microsoft 365 took password login away from IMAP and POP
# and turns it off for SMTP submission by default (end of 2026). Gmail still takes app passwords.
NEEDS_SIGN_IN = {"microsoft365"}


class SignInBox(QWidget):
    signedIn = Signal()  # an access token is here (from the browser or a stored refresh token)
    signedOut = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInBox")
        self.tokens: Tokens | None = None
        self.entries: list[TimelineEntry] = []  # the sign-in's steps, for the timeline
        self._task: asyncio.Task[None] | None = None
        self._started = 0.0
        self.user = ""
        self.protocols: tuple[Protocol, ...] = (Protocol.SMTP,)
        self.ca_file: str | None = None
        self.timeout = 30.0
        self._qsettings: QSettings | None = None

        self.button = QPushButton(self)
        self.button.setObjectName("signInButton")
        self.cancel_button = QToolButton(self)
        self.cancel_button.setObjectName("signInCancelButton")
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.hide()
        self.paste_button = QToolButton(self)
        self.paste_button.setObjectName("pasteTokenButton")
        self.paste_button.setText(self.tr("Paste a token instead"))
        self.paste_button.setCheckable(True)
        self.settings_button = QToolButton(self)
        self.settings_button.setObjectName("signInSettingsButton")
        self.settings_button.setText(self.tr("Sign-in settings"))
        self.settings_button.setCheckable(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        more = QHBoxLayout()  # a second row: the form's column is narrow
        more.setContentsMargins(0, 0, 0, 0)
        for w in (self.settings_button, self.paste_button):
            w.setAutoRaise(True)
            more.addWidget(w)
        more.addStretch(1)
        self.status = QLabel(self)
        self.status.setObjectName("signInStatus")
        self.status.setWordWrap(True)

        # The organisation's own app registration (the project ships none).
        self.settings_area = QWidget(self)
        form = QFormLayout(self.settings_area)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.provider_combo = QComboBox(self.settings_area)
        self.provider_combo.setObjectName("signInProviderCombo")
        # Width from the layout, not from the longest name (the form's column is narrow).
        self.provider_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.provider_combo.setMinimumContentsLength(10)
        self.provider_combo.addItem(self.tr("Google"), "google")
        self.provider_combo.addItem(self.tr("Microsoft"), "microsoft")
        self.provider_combo.addItem(self.tr("OpenID Connect provider (issuer)"), "issuer")
        self.client_id_edit = QLineEdit(self.settings_area)
        self.client_id_edit.setObjectName("oauthClientIdEdit")
        self.client_id_edit.setPlaceholderText(self.tr("your organisation's app (client) id"))
        self.client_secret_edit = QLineEdit(self.settings_area)
        self.client_secret_edit.setObjectName("oauthClientSecretEdit")
        self.client_secret_edit.setPlaceholderText(self.tr("Google Desktop clients only"))
        self.tenant_edit = QLineEdit(self.settings_area)
        self.tenant_edit.setObjectName("oauthTenantEdit")
        self.tenant_edit.setPlaceholderText("common")
        self.issuer_edit = QLineEdit(self.settings_area)
        self.issuer_edit.setObjectName("oauthIssuerEdit")
        self.issuer_edit.setPlaceholderText("https://login.example.com")
        self.scope_edit = QLineEdit(self.settings_area)
        self.scope_edit.setObjectName("oauthScopeEdit")
        self.scope_edit.setPlaceholderText(self.tr("extra scopes, separated by spaces"))
        self._rows: dict[str, QWidget] = {}
        for key, text, field in (("provider", self.tr("Sign in with:"), self.provider_combo),
                                 ("client_id", self.tr("Client id:"), self.client_id_edit),
                                 ("client_secret", self.tr("Client secret:"), self.client_secret_edit),
                                 ("tenant", self.tr("Tenant:"), self.tenant_edit),
                                 ("issuer", self.tr("Issuer:"), self.issuer_edit),
                                 ("scope", self.tr("Scopes:"), self.scope_edit)):
            label = QLabel(text, self.settings_area)
            label.setBuddy(field)
            field.setAccessibleName(self.tr("Sign-in %1").replace("%1", text.rstrip(":")))
            form.addRow(label, field)
            self._rows[key] = field
        self.settings_area.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addLayout(more)
        layout.addWidget(self.settings_area)

        self.button.clicked.connect(self.on_button_clicked)
        self.cancel_button.clicked.connect(self.cancel)
        self.settings_button.toggled.connect(self.settings_area.setVisible)
        self.provider_combo.currentIndexChanged.connect(self.on_provider_changed)
        self.on_provider_changed(0)

    # -- what the box shows ---------------------------------------------------------

    @property
    def provider(self) -> str:
        return str(self.provider_combo.currentData())

    def set_provider(self, provider: str) -> None:
        self.provider_combo.setCurrentIndex(max(0, self.provider_combo.findData(provider)))

    def provider_name(self) -> str:
        return {"google": self.tr("Google"), "microsoft": self.tr("Microsoft")}.get(
            self.provider, self.tr("your provider"))

    def on_provider_changed(self, _index: int) -> None:
        form = self.settings_area.layout()
        assert isinstance(form, QFormLayout)
        for key, shown in (("client_secret", self.provider == "google"), ("tenant", self.provider == "microsoft"),
                           ("issuer", self.provider == "issuer")):
            form.setRowVisible(self._rows[key], shown)
        self.button.setText(self.tr("Sign in with %1").replace("%1", self.provider_name()))
        self.button.setAccessibleName(self.button.text())
        self.sign_out()

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def _fields(self) -> dict[str, QLineEdit]:
        return {"client_id": self.client_id_edit, "client_secret": self.client_secret_edit,
                "tenant": self.tenant_edit, "issuer": self.issuer_edit, "scopes": self.scope_edit}

    def bind_settings(self, settings: QSettings) -> None:
        """The sign-in settings (an organisation's app registration, no secrets: Google's Desktop
        client secret is not confidential by Google's design) are kept between sessions, as they
        were at the last sign-in that worked."""
        self._qsettings = settings
        self.set_provider(str(settings.value("oauth/provider", self.provider)))
        for name, edit in self._fields().items():
            edit.setText(str(settings.value(f"oauth/{name}", "")))

    def _persist(self) -> None:
        if self._qsettings is not None:
            self._qsettings.setValue("oauth/provider", self.provider)
            for name, edit in self._fields().items():
                self._qsettings.setValue(f"oauth/{name}", edit.text().strip())

    # -- the sign-in ------------------------------------------------------------------

    def settings(self) -> OAuthSettings:
        return OAuthSettings(self.provider, client_id=self.client_id_edit.text().strip(),
                             client_secret=self.client_secret_edit.text().strip() if self.provider == "google" else "",
                             tenant=self.tenant_edit.text().strip() if self.provider == "microsoft" else "",
                             issuer=self.issuer_edit.text().strip() if self.provider == "issuer" else "",
                             scopes=tuple(self.scope_edit.text().split()), ca_file=self.ca_file, login_hint=self.user,
                             timeout=self.timeout)

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def on_button_clicked(self) -> None:
        if not self.running:
            self._start(self._sign_in())

    def _start(self, job: Coroutine[Any, Any, None]) -> None:
        self.entries = []
        self._started = time.monotonic()
        self._task = asyncio.ensure_future(job)

    def cancel(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()

    def sign_out(self) -> None:
        self.cancel()
        had = self.tokens is not None
        self.tokens = None
        self.entries = []
        self._say(self.tr("Not signed in. The browser opens for %1's own sign-in page; this program never "
                          "sees your password.").replace("%1", self.provider_name()))
        if had:
            self.signedOut.emit()

    def owns(self, secret: str) -> bool:
        """This text is a token of this box's sign-in (the window never keeps those as passwords)."""
        return self.tokens is not None and secret in self.tokens.secrets()

    def note(self, key: str, *args: str) -> None:
        texts = {
            "oauth-discovery": self.tr("Reading the sign-in settings of %1"),
            "oauth-browser": self.tr("Opening the browser to sign in with %1"),
            "oauth-url": self.tr("Waiting for the sign-in in a browser"),
            "oauth-redirect": self.tr("The browser came back with the sign-in answer"),
            "oauth-token": self.tr("Signed in: access token received (valid %1 s, scopes %2)"),
            "oauth-refresh": self.tr("Signed in again with the stored refresh token (valid %1 s)"),
        }
        text = texts[key]
        for i, arg in enumerate(args, 1):
            text = text.replace(f"%{i}", arg)
        self.entries.append(TimelineEntry(t=time.monotonic() - self._started, direction="-", tls=False, text=text))
        if key in ("oauth-browser", "oauth-url"):
            self._say(self.tr("Waiting for the browser: finish signing in there (up to %1 s).").replace(
                "%1", f"{wait_time(self.timeout):g}"))

    def error_text(self, exc: SignInError) -> str:
        texts = {
            "oauth.timeout": self.tr("The browser did not come back in time. Sign in again and finish the "
                                     "provider's pages in the browser."),
            "oauth.cancelled": self.tr("The sign-in was cancelled or consent was refused in the browser."),
            "oauth.denied": self.tr("The provider refused the sign-in: %1"),
            "oauth.state-mismatch": self.tr("A sign-in answer arrived that does not belong to this sign-in; it "
                                            "was refused. Sign in again."),
            "oauth.issuer-mismatch": self.tr("The sign-in answer names another issuer (%1); it was refused."),
            "oauth.token-refused": self.tr("The provider did not give a token for the sign-in: %1"),
            "oauth.discovery": self.tr("Cannot read the issuer's sign-in settings: %1"),
            "oauth.network": self.tr("Cannot reach the sign-in server: %1"),
            "oauth.config": self.tr("Check the sign-in settings: %1"),
        }
        return "\u26a0 " + texts[exc.id].replace("%1", exc.detail)

    async def _sign_in(self) -> None:
        self.button.setEnabled(False)
        self.cancel_button.show()
        loop = asyncio.get_running_loop()
        pool = ThreadPoolExecutor(1)  # webbrowser may wait for the browser: never on the GUI thread

        def open_url(url: str) -> None:
            self.note("oauth-browser", self.provider_name())
            loop.run_in_executor(pool, webbrowser.open, url)

        try:
            self._say(self.tr("Reading the sign-in settings\u2026"))
            settings = self.settings()
            ep = await endpoints(settings)
            self._done(await sign_in(settings, self.protocols, open_url=open_url, wait=wait_time(self.timeout),
                                     note=self.note, ep=ep))
        except SignInError as exc:
            self._say(self.error_text(exc))
        except asyncio.CancelledError:
            self._say(self.tr("Sign-in cancelled."))
        finally:
            pool.shutdown(wait=False)
            self.button.setEnabled(True)
            self.cancel_button.hide()

    def _done(self, tokens: Tokens) -> None:
        self.tokens = tokens
        self._persist()
        self._say("\u2714 " + self.tr("Signed in with %1 as %2. The token is kept in memory only.").replace(
            "%1", self.provider_name()).replace("%2", self.user or "?"))
        self.signedIn.emit()

    # -- the keychain (a remembered account) ---------------------------------------------

    async def _entry(self) -> tuple[Endpoints, str]:
        """The provider's endpoints (read once for the whole step) and the keychain entry's name."""
        ep = await endpoints(self.settings())
        return ep, store.key(ep.issuer, self.client_id_edit.text().strip(), self.user)

    async def remember(self) -> bool:
        """Keep the refresh token in the keychain (never a file); False where there is none."""
        if self.tokens is None or self.tokens.refresh is None:
            return True
        _ep, entry = await self._entry()
        return bool(await store.off_loop(store.save, entry, self.tokens.refresh))

    async def load(self) -> None:
        """Sign in again, without the browser, with a remembered refresh token."""
        try:
            ep, entry = await self._entry()
        except SignInError:
            return
        stored = await store.off_loop(store.load, entry)
        if stored is None:
            return
        self.entries = []
        self._started = time.monotonic()
        try:
            self._done(await refresh(self.settings(), self.protocols, stored, note=self.note, ep=ep))
        except SignInError as exc:
            await store.off_loop(store.delete, entry)  # revoked or expired: the browser next time
            self._say(self.error_text(exc))

    async def forget(self) -> None:
        """Revoke the refresh token where the provider offers it (RFC 7009), and delete it."""
        try:
            ep, entry = await self._entry()
        except SignInError:
            return
        stored: Secret | None = await store.off_loop(store.load, entry)
        if stored is not None:
            with contextlib.suppress(SignInError):  # deleted all the same
                await revoke(self.settings(), stored, ep=ep)
            await store.off_loop(store.delete, entry)
        self.sign_out()


class _Wiring(QObject):
    """Keeps the box in step with the form: shown for the OAuth2 method, its token in the field."""

    def __init__(self, form: AccountForm, box: SignInBox) -> None:
        super().__init__(form)
        self.form, self.box = form, box
        self._put = ""  # the access token this put into the password field
        for combo in (form.mechanism_combo, form.incoming_mechanism_combo):
            combo.currentIndexChanged.connect(self.update)
        form.separate_check.toggled.connect(self.update)
        form.provider_combo.currentIndexChanged.connect(self.on_provider)
        for edit in (form.user_edit, form.ca_file_edit, form.host_edit, form.incoming_host_edit):
            edit.textChanged.connect(self.update)
        box.paste_button.toggled.connect(self.update)
        box.signedIn.connect(self.on_signed_in)
        box.signedOut.connect(self.on_signed_out)
        form.validityChanged.connect(self.on_validated)  # after each validate(): its words for the field
        self.update()

    def on_provider(self, _index: int) -> None:
        preset = str(self.form.provider_combo.currentData() or "")
        provider = OAUTH_OF_PRESET.get(preset)
        if provider:
            self.box.set_provider(provider)
        if preset in NEEDS_SIGN_IN:  # after the form applied the preset (which chose Automatic)
            for combo in (self.form.mechanism_combo, self.form.incoming_mechanism_combo):
                combo.setCurrentIndex(combo.findData("token"))

    def update(self, *_args: object) -> None:
        f, box = self.form, self.box
        token = f._is_token(f.password_edit)
        box.setVisible(token)
        typed = not token or box.paste_button.isChecked()
        f.password_edit.setVisible(typed)
        f.show_password.setVisible(typed)
        box.user = f.user_edit.text().strip()
        box.ca_file = f.ca_file_edit.text().strip() or None
        box.timeout = float(f.timeout_spin.value())
        sides = [s for s in f.active_sides() if f._token(s)] or f.active_sides()
        box.protocols = tuple(dict.fromkeys(f.protocol_for(s) for s in sides)) or (Protocol.SMTP,)
        self._remember_hint(token, typed)
        self.on_validated(True)

    def _remember_hint(self, token: bool, typed: bool) -> None:
        """Say what Remember keeps: the password, the sign-in's refresh token or a pasted token."""
        f = self.form
        tokens = [f._token(s) for s in f.active_sides()] or [token]
        if not any(tokens):
            text = f.tr("The password is kept in the system keychain, never in a file.")
        elif not all(tokens):
            text = self.tr("The password and the OAuth2 sign-in are kept in the system keychain, never in a file.")
        elif typed:
            text = self.tr("The access token is kept in the system keychain, never in a file.")
        else:
            text = self.tr("The sign-in (its refresh token, never the access token) is kept in the system "
                           "keychain, never in a file.")
        f.remember_hint.setText(text)

    def on_validated(self, _ok: bool) -> None:
        f = self.form
        label = f.outgoing_password_label if f.separate else f.password_label
        if self.box.isVisibleTo(f) and not f.password_edit.isVisibleTo(f):
            label.setText(self.tr("Sign-in:"))
            label.setBuddy(self.box.button)
            if f.password_error.isVisibleTo(f):
                f.password_error.show_error(self.tr("Sign in first (or paste an access token)."))
        else:
            for other in (f.password_label, f.outgoing_password_label):
                if other.buddy() is self.box.button:  # the field is back: so is its label's mnemonic
                    other.setBuddy(f.password_edit)

    def on_signed_in(self) -> None:
        assert self.box.tokens is not None
        self._put = self.box.tokens.access.reveal()
        self.form.password_edit.setText(self._put)

    def on_signed_out(self) -> None:
        if self._put and self.form.password_edit.text() == self._put:
            self.form.password_edit.clear()
        self._put = ""


def attach(form: AccountForm) -> SignInBox:
    """Build the sign-in box into the form's password place and wire it."""
    box = SignInBox(form)
    layout = form._password_box.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(0, box)
    _Wiring(form, box)
    return box
