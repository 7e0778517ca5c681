"""No clipped text in the states the demo runs of test_i18n do not reach (a saved
account, the provider hint, the plaintext consent, a pinned certificate's Security
area, after Forget), in English, Turkish and the stretched pseudo-locale, at 900x600
and 1366x900; and extra width goes to the results, not to the form."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QComboBox, QMessageBox

from mailtester.app import create_window
from mailtester.qt.controllers.accounts import Keychain, SavedAccount
from mailtester.qt.controllers.check import SIDES, Side
from mailtester.qt.i18n import install

from .test_i18n import clipped
from .test_window import fill, find, run


def settle(qtbot, w) -> None:
    qtbot.wait(30)
    for side in SIDES:  # each side's results, in front in turn
        w.tabs.setCurrentWidget(w.panes[side])
        qtbot.wait(30)
        assert clipped(w) == [], side


@pytest.mark.parametrize("lang", ["en", "tr", "pseudo"])
@pytest.mark.parametrize("size", [(900, 600), (1366, 900)])
def test_no_clipped_text_in_the_companion_states(qtbot, qloop, memory_keyring, tmp_path, serve, monkeypatch, size,
                                                 lang):
    from mailtester.driver.demo import DemoServer

    w = create_window(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), Keychain(), lang=lang)
    qtbot.addWidget(w)
    try:
        w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        # a saved account, selected: its entry shows whole
        w.store.save(SavedAccount("someone@example-company.example", "smtp.example-company.example", 587,
                                  "starttls", "auto", incoming_protocol="imap",
                                  incoming_host="imap.example-company.example", incoming_port=993))
        w.refresh_accounts()
        w.account_combo.setCurrentIndex(1)
        w.form.apply_account(w.account_combo.itemData(1))
        label = w.account_combo.currentText()
        assert w.account_combo.shown_text().startswith("someone@")  # whom it is for stays in view
        assert label in w.account_combo.toolTip()  # the whole entry, when it ends in "…"
        settle(qtbot, w)
        # the provider hint under the address, and the consent under both Security fields
        w.account_combo.setCurrentIndex(0)
        w.form.user_edit.setText("someone@gmail.com")
        for name in ("securityCombo", "incomingSecurityCombo"):
            combo = find(w, QComboBox, name)
            combo.setCurrentIndex(combo.findData("none"))
        assert w.form.suggestion.isVisible() and find(w, QAbstractButton, "plaintextCheck").isVisible()
        settle(qtbot, w)
        # a certificate nobody trusts, trusted: the Security area of the pinned success, then Forget
        server = serve(DemoServer())
        w.form.incoming_host_edit.clear()
        fill(w, "localhost", server.port, "starttls", "demo@example.test", "demo-password", "LOGIN")
        assert run(qtbot, w).diagnosis.id == "tls.certificate-untrusted"
        settle(qtbot, w)
        monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
        w.panes[Side.OUTGOING].panel.trust_button.click()
        assert run(qtbot, w).result.ok
        settle(qtbot, w)
        w.panes[Side.OUTGOING].panel.forget_button.click()
        settle(qtbot, w)
    finally:
        w.close()
        install("en")


def test_extra_width_goes_to_the_results(qtbot, window):
    form_column = window.form_scroll.parentWidget()
    window.resize(900, 600)
    qtbot.wait(30)
    pane = window.tabs.currentWidget()
    narrow = (form_column.width(), window.tabs.width(), pane.timeline.width(), pane.panel.width())
    window.resize(1366, 900)
    qtbot.wait(30)
    wide = (form_column.width(), window.tabs.width(), pane.timeline.width(), pane.panel.width())
    assert abs(wide[0] - narrow[0]) <= 2  # the form keeps its width
    assert all(w - n >= 440 for w, n in zip(wide[1:], narrow[1:], strict=True))  # the timeline and the panel grow
