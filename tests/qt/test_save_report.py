"""The save dialog (issue 12, point 9, the window's part): it opens in the folder
saved to last, proposes mailtester-<host>-<date>.md, takes the extension from the
chosen format when none is typed, and the status bar says where the report went,
with a button that opens its folder."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from mailtester.app import create_window
from mailtester.qt.controllers.accounts import Keychain
from mailtester.qt.views.form import DEMO

from .test_window import run_account, select_provider


class Dialog:
    """Stands in for QFileDialog.getSaveFileName: records what it was offered, answers as told."""

    def __init__(self) -> None:
        self.offered: list[tuple[str, str]] = []
        self.answer: tuple[str, str] = ("", "")

    def __call__(self, _parent, _caption, directory="", filters="", *_a, **_k):
        self.offered.append((directory, filters))
        return self.answer


def test_the_save_dialog_names_remembers_and_shows_where(qtbot, window, monkeypatch, tmp_path, settings_file):
    dialog = Dialog()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    select_provider(window, DEMO)
    assert run_account(qtbot, window).ok
    today = date.today().isoformat()
    # HTML chosen, no extension typed: .html
    folder = tmp_path / "tickets"
    folder.mkdir()
    dialog.answer = (str(folder / "for-the-desk"), "HTML (*.html)")
    window.save_report_button.click()
    proposed, filters = dialog.offered[-1]
    assert proposed.endswith(f"mailtester-127.0.0.1-{today}.md")  # the host and the date
    assert "HTML (*.html)" in filters and "Markdown (*.md)" in filters
    saved = folder / "for-the-desk.html"
    assert saved.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert saved.stat().st_mode & 0o777 == 0o600  # readable by the user only, as from the command line
    label, button = window.saved_label, window.open_folder_button
    assert label.isVisible() and str(saved) in label.text()
    assert button.isVisible() and button.accessibleName()
    button.click()
    assert opened == [QUrl.fromLocalFile(str(folder))]
    # Markdown chosen, no extension: .md; a typed extension is kept
    dialog.answer = (str(folder / "plain"), "Markdown (*.md)")
    window.save_report_button.click()
    assert (folder / "plain.md").read_text(encoding="utf-8").startswith("# Mail Account Tester report")
    dialog.answer = (str(folder / "typed.html"), "Markdown (*.md)")
    window.save_report_button.click()
    assert (folder / "typed.html").exists()
    # the next dialog, in a new window too, opens in that folder
    assert dialog.offered[-1][0].startswith(str(folder))
    window.close()
    w2 = create_window(QSettings(str(settings_file), QSettings.Format.IniFormat), Keychain())
    qtbot.addWidget(w2)
    select_provider(w2, DEMO)
    run_account(qtbot, w2)
    dialog.answer = ("", "")  # cancelled: nothing written, nothing said
    w2.save_report_button.click()
    assert dialog.offered[-1][0] == str(folder / f"mailtester-127.0.0.1-{today}.md")
    assert not w2.saved_label.isVisible()
    w2.close()
