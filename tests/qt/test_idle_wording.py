"""The idle panel ("Ready.") names what the login sends: the password, or the OAuth2 access token
when that side's method is OAuth2 (there is no password then); it follows the method while idle."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from mailtester.app import create_window
from mailtester.qt.controllers.accounts import Keychain
from mailtester.qt.controllers.check import Side
from mailtester.qt.i18n import install
from mailtester.qt.views.form import TOKEN_METHOD


def _idle_text(window, side: Side) -> str:
    return window.panes[side].panel.explanation.text()


def test_the_idle_panel_names_the_token_when_the_method_is_oauth2(window) -> None:
    f = window.form
    assert "The password is sent only over an encrypted connection" in _idle_text(window, Side.OUTGOING)
    f.mechanism_combo.setCurrentIndex(f.mechanism_combo.findData(TOKEN_METHOD))
    out = _idle_text(window, Side.OUTGOING)
    assert "OAuth2 access token is sent only over an encrypted connection" in out and "password" not in out
    assert window.panes[Side.OUTGOING].panel.accessibleDescription().endswith(out)
    # each side by its own method
    assert "The password is sent" in _idle_text(window, Side.INCOMING)
    f.incoming_mechanism_combo.setCurrentIndex(f.incoming_mechanism_combo.findData(TOKEN_METHOD))
    assert "password" not in _idle_text(window, Side.INCOMING)
    f.mechanism_combo.setCurrentIndex(f.mechanism_combo.findData("PLAIN"))
    assert "The password is sent" in _idle_text(window, Side.OUTGOING)


def test_the_idle_panel_names_the_token_in_turkish(qtbot, qloop, memory_keyring, tmp_path) -> None:
    w = create_window(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), Keychain(), lang="tr")
    qtbot.addWidget(w)
    try:
        assert "parola yalnızca şifreli" in _idle_text(w, Side.OUTGOING)
        f = w.form
        f.mechanism_combo.setCurrentIndex(f.mechanism_combo.findData(TOKEN_METHOD))
        text = _idle_text(w, Side.OUTGOING)
        assert "OAuth2 erişim belirteci yalnızca şifreli" in text and "parola" not in text
    finally:
        w.close()
        install("en")
