"""Waiting for a silent server and cancelling (issue 12, point 8): the elapsed time
and the time the current step may still wait, updated each second; after a cancel
the steps reached stay shown, the verdict says how long it ran, and the reports of
the partial run can be copied and saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from mailtester.qt.controllers.check import Side
from mailtester.qt.models.steps import Step, StepState
from tests.servers.scripted import ScriptedServer

from .test_account import fill_incoming, verdict
from .test_window import _silent, fill, panel_text, show_tab

PASSWORD = "secret-pw-1234"


def test_waiting_shows_the_time_and_a_cancel_keeps_what_was_reached(qtbot, window, serve, monkeypatch, tmp_path):
    server = serve(ScriptedServer(_silent))  # accepts, never greets
    fill(window, "127.0.0.1", server.port, "starttls", "u@example.test", PASSWORD)
    fill_incoming(window, "imap", "127.0.0.1", server.port, "tls")
    window.form.timeout_spin.setValue(20)
    show_tab(window, Side.OUTGOING)
    pane = window.panes[Side.OUTGOING]
    window.test_button.click()
    qtbot.waitUntil(lambda: any(e.key == "connected" for e in pane.model.entries()), timeout=10000)
    assert pane.wait_label.isVisible()
    assert pane.steps.states[Step.CONNECT] is StepState.DONE  # connected: it waits for the greeting
    assert pane.steps.states[Step.GREET] is StepState.RUNNING
    first = pane.wait_label.text()
    assert "s so far" in first and "gives up in" in first, first
    qtbot.waitUntil(lambda: pane.wait_label.text() != first, timeout=3000)  # once a second
    later = pane.wait_label.text()
    assert int(later.split(" s so far")[0]) >= 1
    assert int(later.rsplit("gives up in ", 1)[1].split(" ")[0]) <= 20
    with qtbot.waitSignal(window.account.roundCancelled, timeout=20000):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.account.running)
    assert not pane.wait_label.isVisible()
    # the steps reached stay shown; the step it was in is marked stopped, not reset
    assert pane.steps.states[Step.CONNECT] is StepState.DONE
    assert pane.steps.states[Step.GREET] is StepState.STOPPED
    assert window.findChild(object, "stepConnect").accessibleName() == "Connect: done"
    assert window.findChild(object, "stepGreet").accessibleName() == "Greet: stopped"
    assert pane.model.rowCount() > 0  # the lines seen stay too
    assert verdict(window).startswith("Cancelled after ") and verdict(window).endswith(" s.")
    assert "Cancelled after " in panel_text(window)
    # the partial run's report
    assert window.copy_report_button.isEnabled() and window.save_report_button.isEnabled()
    window.copy_report_button.click()
    text = QApplication.clipboard().text()
    assert text.count("# Mail Account Tester report") == 2
    assert "Cancelled after " in text and "run.cancelled" in text
    assert "Connected" in text or "connected" in text.lower()
    assert PASSWORD not in text
    assert "| Server address | 127.0.0.1" in text  # it had connected
    target = tmp_path / "partial.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Markdown (*.md)"))
    window.save_report_button.click()
    saved = target.read_text(encoding="utf-8")
    assert "Cancelled after " in saved and PASSWORD not in saved
