"""The window says what was used when the method is OAuth2: the success panel names the access token
(not "user name and password"), and the Remember hint names the sign-in or the token. The reports are
real: the suite's Dovecot with passdb oauth2 accepts a token from the suite's provider, and the same
user's password. With MAILTESTER_SCREENSHOTS=<folder> the token's success panel is saved as
signin-7-success-{en,tr}.png there."""

from __future__ import annotations

import asyncio
import os
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from mailtester.driver.client import run_check
from mailtester.knowledge.report import Report, build_report
from mailtester.model import CheckSettings
from mailtester.protocol.credentials import Credentials, Secret
from mailtester.protocol.kinds import Protocol, Security
from mailtester.qt.i18n import install
from mailtester.qt.views.diagnosis import DiagnosisPanel
from tests.oauth.test_signin import _browser_sign_in
from tests.oauth.world import USER, OAuthWorld
from tests.servers.oidc import CLIENT
from tests.servers.postfix import USERS

pytestmark = pytest.mark.postfix


def _reports(world: OAuthWorld) -> tuple[Report, Report]:
    """An IMAP login with a signed-in token and one with the password (in a thread: no Qt loop)."""
    async def both() -> tuple[Report, Report]:
        tokens = await _browser_sign_in(world, CLIENT)
        base = CheckSettings(host=world.mail.mail_host, port=world.mail.imaps, security=Security.TLS,
                             protocol=Protocol.IMAP, credentials=Credentials(USER), ca_file=world.ca_file)
        by_token = await run_check(replace(base, credentials=Credentials(USER, token=tokens.access)))
        by_password = await run_check(replace(base, credentials=Credentials(USER, password=Secret(USERS[USER]))))
        return build_report(by_token), build_report(by_password)

    out: list[tuple[Report, Report]] = []
    thread = threading.Thread(target=lambda: out.append(asyncio.run(both())))
    thread.start()
    thread.join(90)
    assert out, "the sign-in or the checks did not finish"
    return out[0]


def test_the_success_panel_names_the_token_in_english_and_turkish(qtbot, oauth_world: OAuthWorld) -> None:
    token, password = _reports(oauth_world)
    assert token.result.ok and token.result.outcome.mechanism in ("XOAUTH2", "OAUTHBEARER")
    assert password.result.ok and password.result.outcome.mechanism not in ("XOAUTH2", "OAUTHBEARER")
    try:
        for lang, by_token, by_password in (
                ("en", "accepted the user name and the OAuth2 access token", "accepted the user name and password"),
                ("tr", "OAuth2 erişim belirtecini kabul etti", "kullanıcı adını ve parolayı kabul etti")):
            install(lang)
            panel = DiagnosisPanel()
            qtbot.addWidget(panel)
            panel.show_report(token)
            assert by_token in panel.explanation.text() and "password" not in panel.explanation.text()
            if os.environ.get("MAILTESTER_SCREENSHOTS"):  # as tests/qt/test_signin_window.py's
                panel.resize(560, 420)
                panel.grab().save(str(Path(os.environ["MAILTESTER_SCREENSHOTS"]) / f"signin-7-success-{lang}.png"))
            panel.show_report(password)
            assert by_password in panel.explanation.text()
    finally:
        install("en")


def test_the_remember_hint_says_what_is_kept(window) -> None:
    f = window.form
    f.user_edit.setText("someone@example.test")
    f.host_edit.setText("smtp.example.test")
    hint = f.remember_hint
    assert hint.text() == "The password is kept in the system keychain, never in a file."
    f.mechanism_combo.setCurrentIndex(f.mechanism_combo.findData("token"))
    assert hint.text().startswith("The sign-in (its refresh token, never the access token) is kept")
    f.signin.paste_button.setChecked(True)
    assert hint.text() == "The access token is kept in the system keychain, never in a file."
    f.signin.paste_button.setChecked(False)
    f.incoming_host_edit.setText("imap.example.test")  # the incoming side still logs in with the password
    assert hint.text().startswith("The password and the OAuth2 sign-in are kept")
    f.mechanism_combo.setCurrentIndex(0)
    assert hint.text() == "The password is kept in the system keychain, never in a file."
