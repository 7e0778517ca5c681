"""The window's OAuth2 sign-in against the suite's real provider and mail servers: the box in the
password's place, the browser (headless Chromium through Python's webbrowser), both sides tested with
the token, the steps as timeline notes, the refresh token (never the access token) in the keychain
when remembered, a new token from it when the account is chosen again, and Forget revoking it.

With MAILTESTER_SCREENSHOTS=<folder> the states are also saved as signin-*.png there."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from mailtester.oauth import store
from mailtester.qt.controllers.check import Side
from tests.oauth.world import USER, OAuthWorld
from tests.qt.test_window import find, run_account, timeline_texts
from tests.secret_search import find_secrets
from tests.servers.oidc import CLIENT, MAIL_SCOPE

pytestmark = pytest.mark.postfix


def _shot(qtbot, window, name: str) -> None:
    folder = os.environ.get("MAILTESTER_SCREENSHOTS")
    if folder:
        qtbot.wait(50)  # the layout settles first
        window.grab().save(str(Path(folder) / f"signin-{name}.png"))


def _fill(window, world: OAuthWorld) -> None:
    f = window.form
    f.user_edit.setText(USER)
    f.incoming_host_edit.setText(world.mail.mail_host)
    f.incoming_security_combo.setCurrentIndex(f.incoming_security_combo.findData("tls"))
    f.incoming_port_spin.setValue(world.mail.imaps)
    f.host_edit.setText("localhost")
    f.security_combo.setCurrentIndex(f.security_combo.findData("starttls"))
    f.port_spin.setValue(world.mail.submission)
    f.ca_file_edit.setText(world.ca_file)
    for combo in (f.mechanism_combo, f.incoming_mechanism_combo):
        combo.setCurrentIndex(combo.findData("token"))
    box = f.signin
    box.set_provider("issuer")
    box.client_id_edit.setText(CLIENT)
    box.issuer_edit.setText(world.oidc.issuer)
    box.scope_edit.setText(MAIL_SCOPE)


def test_sign_in_in_the_browser_then_both_sides_log_in_with_the_token(
        qtbot, window, oauth_world: OAuthWorld, browser, memory_keyring) -> None:
    _fill(window, oauth_world)
    box = window.form.signin
    assert box.isVisible() and not find(window, QLineEdit, "passwordEdit").isVisible()
    assert box.button.text() == "Sign in with your provider"
    _shot(qtbot, window, "1-button")
    box.settings_button.setChecked(True)
    _shot(qtbot, window, "2-settings")
    box.settings_button.setChecked(False)

    box.button.click()
    qtbot.waitUntil(lambda: "Waiting for the browser" in box.status.text(), timeout=10000)
    _shot(qtbot, window, "3-waiting")
    # Chromium starts slowly on a busy machine
    qtbot.waitUntil(lambda: box.tokens is not None or "\u26a0" in box.status.text(), timeout=60000)
    assert box.tokens is not None, box.status.text()
    assert "Signed in with your provider as alice@test.localhost" in box.status.text()
    _shot(qtbot, window, "4-signed-in")

    find(window, QCheckBox, "rememberCheck").setChecked(True)
    report = run_account(qtbot, window, timeout=30000)
    assert report.incoming.result.ok and report.outgoing.result.ok, (report.incoming.diagnosis,
                                                                     report.outgoing.diagnosis)
    assert report.outgoing.result.outcome.mechanism == "XOAUTH2"
    texts = timeline_texts(window, "timelineView") + timeline_texts(window, "incomingTimelineView")
    assert any("Note: Signed in: access token received" in t for t in texts), texts
    assert any("Note: Opening the browser to sign in with your provider" in t for t in texts)
    window.tabs.setCurrentWidget(window.panes[Side.INCOMING])
    window.panes[Side.INCOMING].timeline.scrollToTop()  # the sign-in's notes come first
    _shot(qtbot, window, "5-tested")

    # Remembered: the refresh token in the keychain, the access token nowhere but in memory.
    qtbot.waitUntil(lambda: any(k.startswith("oauth2-refresh ") for _s, k in memory_keyring.items), timeout=10000)
    stored = {k: v for (_s, k), v in memory_keyring.items.items()}
    access = box.tokens.access.reveal()
    assert access not in stored.values()
    entry = store.key(oauth_world.oidc.issuer, CLIENT, USER)
    assert stored[entry] == box.tokens.refresh.reveal()
    issued = oauth_world.oidc.issued_tokens()
    assert access in issued and box.tokens.refresh.reveal() in issued  # the search looks for the real ones
    shown = json.dumps(texts) + json.dumps(report.incoming.as_dict()) + json.dumps(report.outgoing.as_dict())
    assert find_secrets(shown, issued) == []
    settings_text = Path(window.settings.fileName()).read_text()
    assert find_secrets(settings_text, issued) == [] and CLIENT in settings_text

    # Chosen again: a new access token from the refresh token, no browser.
    browser.setenv("MAILTESTER_TEST_BROWSER", "never")
    box.sign_out()
    accounts = find(window, QComboBox, "accountCombo")
    qtbot.waitUntil(lambda: accounts.count() == 2, timeout=10000)  # remembered
    accounts.setCurrentIndex(1)
    accounts.activated.emit(1)
    qtbot.waitUntil(lambda: box.tokens is not None or "\u26a0" in box.status.text(), timeout=15000)
    assert box.tokens is not None, box.status.text()
    assert box.tokens.access.reveal() != access
    assert any(e.text.startswith("Signed in again with the stored refresh token") for e in box.entries)

    # Forget: revoked at the provider (RFC 7009) and gone from the keychain.
    refresh = box.tokens.refresh.reveal()
    assert oauth_world.oidc.active(refresh)
    window.on_forget_account_clicked()
    qtbot.waitUntil(lambda: box.tokens is None, timeout=15000)
    assert entry not in {k for _s, k in memory_keyring.items}
    assert not oauth_world.oidc.active(refresh)


@pytest.mark.parametrize("lang", ["en", "tr", "pseudo"])
def test_the_sign_in_box_is_not_clipped(qtbot, qloop, memory_keyring, tmp_path, lang) -> None:
    from PySide6.QtCore import QSettings

    from mailtester.app import create_window
    from mailtester.oauth.flow import SignInError
    from mailtester.qt.controllers.accounts import Keychain
    from mailtester.qt.i18n import install
    from tests.qt.test_i18n import clipped

    w = create_window(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), Keychain(), lang=lang)
    qtbot.addWidget(w)
    try:
        w.resize(900, 600)
        w.show()
        qtbot.waitExposed(w)
        f = w.form
        f.provider_combo.setCurrentIndex(f.provider_combo.findData("microsoft365"))  # it needs the sign-in
        f.user_edit.setText("someone@example-company.example")
        box = f.signin
        assert box.isVisible() and box.provider == "microsoft"
        assert box.button.text() == {"en": "Sign in with Microsoft", "tr": "Microsoft ile oturum aç"}.get(
            lang, box.button.text())
        qtbot.wait(30)
        assert clipped(w) == []
        if lang != "pseudo":
            _shot(qtbot, w, f"6-microsoft-{lang}")
        box.settings_button.setChecked(True)
        box.status.setText(box.error_text(SignInError("oauth.state-mismatch")))
        qtbot.wait(30)
        assert clipped(w) == []
    finally:
        w.close()
        install("en")


def test_back_to_a_password_the_field_and_its_label_return(qtbot, window) -> None:
    f = window.form
    f.user_edit.setText("someone@example.test")
    f.host_edit.setText("smtp.example.test")
    f.mechanism_combo.setCurrentIndex(f.mechanism_combo.findData("token"))
    f.incoming_mechanism_combo.setCurrentIndex(f.incoming_mechanism_combo.findData("token"))
    assert f.signin.isVisible() and not f.password_edit.isVisible()
    assert f.password_label.buddy() is f.signin.button
    f.signin.paste_button.setChecked(True)  # a pasted token still works
    assert f.password_edit.isVisible()
    f.signin.paste_button.setChecked(False)
    for combo in (f.mechanism_combo, f.incoming_mechanism_combo):
        combo.setCurrentIndex(0)
    assert not f.signin.isVisible() and f.password_edit.isVisible()
    assert f.password_label.buddy() is f.password_edit and "Sign-in" not in f.password_label.text()
