"""Turkish everywhere, and no clipped text in a stretched pseudo-locale."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QComboBox, QLabel, QScrollArea, QWidget

from mailtester.app import create_window
from mailtester.knowledge.diagnose import texts
from mailtester.protocol.events import NOTES
from mailtester.qt.controllers.accounts import Keychain
from mailtester.qt.i18n import NOTE_TEXTS, install
from mailtester.qt.views.eliding import ElidingComboBox
from mailtester.qt.views.form import DEMO, DEMO_FAIL

from .test_window import find, panel_text, run, select_provider, timeline_texts

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "mailtester_tr.ts"


def test_every_window_string_has_a_turkish_translation(tmp_path):
    # lupdate on the current sources: a new tr() string must be in the reviewed .ts, translated.
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "gui" / "mailtester" / "qt").rglob("*.py"))
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {m.findtext("source") for m in ET.parse(fresh).getroot().iter("message")}
    translated = {m.findtext("source"): m.find("translation") for m in ET.parse(TS).getroot().iter("message")}
    missing = [s for s in wanted if s not in translated or translated[s].get("type") in ("unfinished", "vanished")
               or not translated[s].text]
    assert missing == []
    # and no self.tr() hidden where lupdate cannot see it (inside an f-string)
    for path in sources:
        assert not re.search(r"f[\"'][^\"']*\{[^}]*\.tr\(", Path(path).read_text()), path


def test_every_diagnosis_has_turkish_text():
    en, tr = texts("en"), texts("tr")
    assert set(en) == set(tr)
    for did, entry in en.items():
        for key in ("title", "explanation", "causes", "fixes"):
            assert tr[did].get(key), (did, key)
        assert len(tr[did]["fixes"]) == len(entry["fixes"]), did
        for pid, variant in entry.get("providers", {}).items():
            assert pid in tr[did].get("providers", {}), (did, pid)
            assert set(variant) - {"links"} <= set(tr[did]["providers"][pid]), (did, pid)
        assert tr[did]["title"] != entry["title"], did


def test_every_timeline_note_is_translatable():
    assert set(NOTE_TEXTS) == set(NOTES)


def test_the_window_in_turkish(qtbot, qloop, memory_keyring, tmp_path):
    w = create_window(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), Keychain(), lang="tr")
    qtbot.addWidget(w)
    w.show()
    try:
        assert find(w, QAbstractButton, "testButton").text() == "Hesabı &test et"
        select_provider(w, DEMO_FAIL)
        run(qtbot, w)
        text = panel_text(w)
        assert "Sunucu kullanıcı adını veya parolayı reddetti" in text
        assert "Ne yapmalı" in text
        assert any("aranıyor" in line for line in timeline_texts(w))
        assert any("Sunucu soruyor: Username:" in line for line in timeline_texts(w))
    finally:
        w.close()
        install("en")


def clipped(window: QWidget) -> list[str]:
    """Widgets whose text does not fit the room they were given."""
    problems = []
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.window() is not window:
            continue
        if isinstance(w, QScrollArea) and w.widget() is not None and \
                w.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:  # cut at the right edge
            need = w.widget().minimumSizeHint().width()
            if need > w.viewport().width() + 1:
                problems.append(f"scroll area {w.objectName()!r}: its content needs {need}, has {w.viewport().width()}")
        if isinstance(w, QLabel) and w.text():
            need = w.minimumSizeHint().width() if w.wordWrap() else w.sizeHint().width()
            if need > w.width() + 1:
                problems.append(f"label {w.objectName() or w.text()[:40]!r}: needs {need}, has {w.width()}")
            if w.wordWrap() and w.heightForWidth(w.width()) > w.height() + 1:
                problems.append(f"label {w.objectName() or w.text()[:40]!r}: too short for its lines")
        elif isinstance(w, ElidingComboBox):  # a long choice ends in "…" within the room it is drawn in
            need = w.fontMetrics().horizontalAdvance(w.shown_text())
            if need > w.room() or not (w.shown_text() == w.currentText() or w.shown_text().endswith("\u2026")):
                problems.append(f"ElidingComboBox {w.objectName()!r}: {w.shown_text()!r} needs {need}, has {w.room()}")
        elif isinstance(w, QComboBox):  # the current choice must show whole (the list shows all of them)
            need = w.fontMetrics().horizontalAdvance(w.currentText()) + 36
            if need > w.width() + 1:
                problems.append(f"QComboBox {w.objectName()!r}: {w.currentText()!r} needs {need}, has {w.width()}")
        elif isinstance(w, QAbstractButton | QCheckBox) and w.sizeHint().width() > w.width() + 1:
            label = w.objectName() or getattr(w, "text", lambda: "")()
            problems.append(f"{type(w).__name__} {label!r}: needs {w.sizeHint().width()}, has {w.width()}")
    return problems


@pytest.mark.parametrize("lang", ["en", "tr", "pseudo"])
@pytest.mark.parametrize("size", [(900, 600), (1366, 900)])
def test_no_clipped_text(qtbot, qloop, memory_keyring, tmp_path, size, lang):
    w = create_window(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), Keychain(), lang=lang)
    qtbot.addWidget(w)
    try:
        w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        find(w, QAbstractButton, "advancedButton").setChecked(True)
        for preset in (DEMO_FAIL, DEMO):  # both sides refused, then both working
            select_provider(w, preset)
            run(qtbot, w)
            for index in range(w.tabs.count()):  # each side's results
                w.tabs.setCurrentIndex(index)
                qtbot.wait(50)
                assert clipped(w) == [], (preset, index)
        find(w, QAbstractButton, "separateOutgoingCheck").setChecked(True)  # the outgoing side's own fields
        qtbot.wait(50)
        assert clipped(w) == []
    finally:
        w.close()
        install("en")


def mnemonics(window: QWidget) -> list[str]:
    """The & letters of the visible controls (labels count when they have a buddy)."""
    letters = []
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.window() is not window:
            continue
        if isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy() is not None):
            text = w.text()
        else:
            continue
        match = re.search(r"&([^&\s])", text.replace("&&", ""))
        if match:
            letters.append(match.group(1).lower())
    return letters


@pytest.mark.parametrize("lang", ["en", "tr"])
@pytest.mark.parametrize("token", [False, True])
def test_no_duplicate_mnemonics(qtbot, qloop, memory_keyring, tmp_path, lang, token):
    w = create_window(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), Keychain(), lang=lang)
    qtbot.addWidget(w)
    try:
        w.show()
        qtbot.waitExposed(w)
        find(w, QAbstractButton, "advancedButton").setChecked(True)
        for separate in (False, True):
            find(w, QAbstractButton, "separateOutgoingCheck").setChecked(separate)
            if token:
                for name in ("mechanismCombo", "incomingMechanismCombo"):
                    combo = find(w, QComboBox, name)
                    combo.setCurrentIndex(combo.findData("token"))
            for index in range(w.tabs.count()):
                w.tabs.setCurrentIndex(index)
                letters = mnemonics(w)
                assert len(letters) > 15
                assert sorted(set(letters)) == sorted(letters), (separate, index, sorted(letters))
    finally:
        w.close()
        install("en")
