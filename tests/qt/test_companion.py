"""The window as a setup companion: the truth about a trusted certificate, plain words
in the timeline and the panel, technical detail quoted apart from the sentences."""

from __future__ import annotations

import re
import socket

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QMessageBox, QWidget

from mailtester.qt.controllers.check import Side
from mailtester.qt.i18n import local_cert_time
from mailtester.qt.models.timeline import NoteRole
from mailtester.qt.neutral import rich
from mailtester.qt.views.diagnosis import group_fingerprint
from mailtester.qt.views.form import DEMO

from .test_window import fill, find, run, timeline_texts


def panel_order(window) -> list[str]:
    """The object names of the sending panel's shown parts, top to bottom."""
    layout = window.panes[Side.OUTGOING].panel.layout()
    widgets = (layout.itemAt(i).widget() for i in range(layout.count()))
    return [w.objectName() for w in widgets if w is not None and not w.isHidden()]


@pytest.mark.postfix
def test_a_trusted_certificate_is_shown_in_its_security_area_and_forget_updates_it(qtbot, window, postfix,
                                                                                   monkeypatch):
    user, password = postfix.user(0)
    # no CA file: the fixture's CA is not in the system's store
    fill(window, postfix.host, postfix.submission, "starttls", user, password, "PLAIN")
    assert run(qtbot, window).diagnosis.id == "tls.certificate-untrusted"
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    find(window, QAbstractButton, "trustButton").click()
    note = find(window, QLabel, "trustNoteLabel")
    assert note.isVisible() and f"Trusted for {postfix.host}:{postfix.submission}" in note.text()
    assert find(window, QAbstractButton, "forgetTrustButton").isVisible()

    report = run(qtbot, window)
    assert report.result.ok and report.result.settings.pinned_sha256
    tls = report.result.tls
    box = find(window, QGroupBox, "certificateBox")
    assert box.isVisible() and box.title() == "Security"
    # below the settings a mail program asks for, not between their heading and them
    assert panel_order(window)[-2:] == ["detailsLabel", "certificateBox"]
    settings = find(window, QLabel, "detailsLabel").text()
    for words in ("Connection security", "STARTTLS", "Authentication method", "Normal password", user):
        assert words in settings
    assert tls.cipher not in settings and "PLAIN" not in settings
    security = find(window, QLabel, "securityLabel").text()
    assert tls.cipher in security and tls.version.replace("TLSv", "TLS ") in security
    assert "trusted by you" in security and "SASL PLAIN" in security
    certificate = find(window, QLabel, "certificateLabel").text()
    assert "trustme" in tls.subject and "mailtester test CA" in tls.issuer  # decoded, not empty fields
    for value in (tls.subject, tls.issuer, group_fingerprint(tls.sha256), local_cert_time(tls.not_after),
                  "IP address 127.0.0.1"):
        assert value in certificate, value
    assert tls.not_after not in certificate  # the date in the window's language, not OpenSSL's
    warning = find(window, QLabel, "trustNoteLabel").text()
    assert "Mail programs will not trust this certificate" in warning
    assert "public certificate authority" in warning and "organization" in warning

    find(window, QAbstractButton, "forgetTrustButton").click()
    assert window.store.trusted(postfix.host, postfix.submission) is None
    assert not find(window, QAbstractButton, "forgetTrustButton").isVisible()
    assert find(window, QAbstractButton, "trustButton").isVisible()
    assert "no longer trusted" in find(window, QLabel, "trustNoteLabel").text()
    security = find(window, QLabel, "securityLabel").text()
    assert "no longer trusted" in security and "trusted by you" not in security
    assert window.account_verdict.accessibleName().endswith(
        "The trusted certificate was forgotten: the next test will stop at it.")


def test_the_timeline_speaks_in_words_and_explains_the_first_commands(qtbot, window):
    combo = window.form.provider_combo
    combo.setCurrentIndex(combo.findData(DEMO))
    window.form.incoming_host_edit.clear()  # the sending side: EHLO, STARTTLS, EHLO again, AUTH
    report = run(qtbot, window)
    assert report.result.ok
    model = window.panes[Side.OUTGOING].model
    rows = [model.index(r) for r in range(model.rowCount())]
    shown = [str(i.data(Qt.ItemDataRole.DisplayRole)) for i in rows]
    assert any(" You: EHLO " in line for line in shown) and any(" Server: 220" in line for line in shown)
    assert not any("C:" in line or "S:" in line or "\u2192" in line for line in shown)
    ehlo = [i for i in rows if i.data(Qt.ItemDataRole.DisplayRole).split(": ", 1)[-1].startswith("EHLO")]
    assert len(ehlo) == 2  # before and after STARTTLS: the note once, the tooltip on both
    assert "introduces itself" in ehlo[0].data(NoteRole) and ehlo[1].data(NoteRole) is None
    assert all("introduces itself" in i.data(Qt.ItemDataRole.ToolTipRole) for i in ehlo)
    for command, words in (("STARTTLS", "encrypt the connection"), ("AUTH ", "user name and password")):
        lines = [i for i in rows if i.data(Qt.ItemDataRole.DisplayRole).split(": ", 1)[-1].startswith(command)]
        assert lines and words in lines[0].data(NoteRole), command
        assert words in lines[0].data(Qt.ItemDataRole.ToolTipRole)
    # the mail program's words in the settings, the SASL name in the Security area
    assert "Normal password" in find(window, QLabel, "detailsLabel").text()
    assert f"SASL {report.result.outcome.mechanism}" in find(window, QLabel, "securityLabel").text()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_the_systems_words_are_a_quoted_detail_not_part_of_a_sentence(qtbot, qloop, memory_keyring, tmp_path, lang):
    from PySide6.QtCore import QSettings

    from mailtester.app import create_window
    from mailtester.qt.controllers.accounts import Keychain
    from mailtester.qt.i18n import install

    w = create_window(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), Keychain(), lang=lang)
    qtbot.addWidget(w)
    w.show()
    try:
        fill(w, "127.0.0.1", _closed_port(), "tls", "someone@example.test", "pw")
        w.form.incoming_host_edit.clear()
        report = run(qtbot, w)
        assert report.diagnosis.id == "connect.refused"
        explanation = find(w, QLabel, "explanationLabel").text()
        assert "refused the connection" not in explanation and "127.0.0.1:" not in explanation
        details = find(w, QLabel, "detailsLabel").text()
        heading = "Teknik ayrıntı:" if lang == "tr" else "Technical detail:"
        detail = report.diagnosis.detail
        assert "refused the connection" in detail and detail not in report.diagnosis.explanation
        assert heading in details and f"<code>{rich(detail)}</code>" in details
        # the saved report keeps it too, quoted under its own heading
        from mailtester.knowledge.report import to_html, to_markdown
        assert "**Technical detail**" in to_markdown(report) and "Technical detail</h3>" in to_html(report)
        assert "refused the connection" in to_markdown(report)
        # the timeline's times in the window's language: 0,012 s in Turkish
        times = [line.split(" s ")[0].strip() for line in timeline_texts(w)]
        assert times and all(re.fullmatch(r"\d+,\d{3}" if lang == "tr" else r"\d+\.\d{3}", t) for t in times), times
    finally:
        w.close()
        install("en")


def test_the_demo_settings_box_lists_only_what_a_mail_program_asks(qtbot, window):
    combo = window.form.provider_combo
    combo.setCurrentIndex(combo.findData(DEMO))
    run(qtbot, window)
    settings = find(window, QLabel, "detailsLabel").text()
    assert "Encryption" not in settings and "Provider" not in settings and "TLS_" not in settings
    assert "Security" not in settings.replace("Connection security", "")


@pytest.mark.postfix
def test_choosing_none_asks_for_consent_beside_the_field(qtbot, window, postfix):
    user, password = postfix.user(0)
    fill(window, postfix.host, postfix.plain, "starttls", user, password)
    consent = find(window, QWidget, "plaintextConsent")
    assert consent.isHidden()
    security = find(window, QComboBox, "securityCombo")
    security.setCurrentIndex(security.findData("none"))
    assert consent.isVisible()  # at once, without opening Advanced
    window.form.port_spin.setValue(postfix.plain)  # the security chosen set its default port
    qtbot.wait(20)  # the layout settles

    def y(w):
        return w.mapTo(window, QPoint(0, 0)).y()

    mechanism = find(window, QComboBox, "mechanismCombo")
    assert y(security) + security.height() <= y(consent) < y(mechanism)  # right under Security
    note = find(window, QLabel, "plaintextNote")
    assert note.isVisible() and "readable by anyone" in note.text()
    find(window, QAbstractButton, "advancedButton").setChecked(True)
    assert not find(window, QAbstractButton, "allowPlaintextCheck").isVisible()  # no longer under Advanced
    assert find(window, QWidget, "incomingPlaintextConsent").isHidden()  # the receiving side is not None

    refused = run(qtbot, window)  # no consent: nothing is sent, and the fix names the control beside the field
    assert refused.diagnosis.id == "auth.plaintext-refused"
    fixes = " ".join(refused.diagnosis.fixes)
    assert "Security: None, then \u201cSend it unencrypted\u201d" in fixes and "--" not in fixes
    find(window, QAbstractButton, "plaintextCheck").setChecked(True)
    report = run(qtbot, window)
    assert report.result.ok and report.result.settings.allow_plaintext_auth
    assert [w.id for w in report.warnings] == ["security.plaintext-auth"]
