"""The round trip in the window: after an account test in which both sides worked, "Send a test
message" sends one message from the address to itself (driver/roundtrip.py, new logins with the
settings the test used), waits for it and deletes it; the result in words below the results.
The first time, a confirmation says what will happen (remembered in the settings); the wait is
under Advanced. A new account test takes the box away (a round trip still running then is dropped:
it belongs to the test before); the window's reports include the round trip of the current test."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...knowledge.diagnose import Diagnosis
from ...knowledge.report import _md
from ...knowledge.roundtrip import WORDS, RoundTrip, as_dict, diagnosis_of, summary_lines
from ...model import CheckSettings
from ...protocol.redaction import Redactor
from ..controllers.check import AccountReport
from ..neutral import rich
from .diagnosis import mark_html

CONFIRMED_KEY = "roundTrip/confirmed"
WAIT_KEY = "roundTrip/wait"
DEFAULT_WAIT = 60.0
MAX_WAIT = 3600.0


def add_wait_setting(advanced: QWidget, settings: QSettings) -> QDoubleSpinBox:
    """The round trip's wait, as a row of the form's Advanced area under the timeout; kept in the settings."""
    spin = QDoubleSpinBox(advanced)
    spin.setObjectName("roundTripWaitSpin")
    spin.setRange(5, MAX_WAIT)
    spin.setDecimals(0)
    try:
        spin.setValue(float(settings.value(WAIT_KEY, DEFAULT_WAIT)))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        spin.setValue(DEFAULT_WAIT)
    spin.setSuffix(QCoreApplication.translate("RoundTripBox", " s"))
    spin.valueChanged.connect(lambda value: settings.setValue(WAIT_KEY, value))
    label = QLabel(QCoreApplication.translate("RoundTripBox", "Test message wait:"), advanced)
    label.setBuddy(spin)
    spin.setAccessibleName(QCoreApplication.translate("RoundTripBox",
                                                      "How long to wait for the test message, in seconds"))
    layout = advanced.layout()
    assert isinstance(layout, QFormLayout)
    timeout = advanced.findChild(QDoubleSpinBox, "timeoutSpin")  # beside the other time limit
    position = layout.getWidgetPosition(timeout) if timeout is not None else None
    row = int(position[0]) + 1 if position is not None and int(position[0]) >= 0 else layout.rowCount()  # type: ignore[index]
    layout.insertRow(row, label, spin)
    return spin


def address_of(settings: CheckSettings) -> str:
    user = settings.credentials.user.strip()
    return user if "@" in user and not user.startswith("@") else ""


class RoundTripBox(QWidget):
    def __init__(self, settings: QSettings, wait: QDoubleSpinBox, lang: str, parent: QWidget,
                 spawn: Callable[[Coroutine[Any, Any, None]], None], data_text: Callable[[str], str] = str) -> None:
        super().__init__(parent)
        self.setObjectName("roundTripBox")
        self.settings, self.wait, self.lang, self._data_text = settings, wait, lang, data_text
        self._spawn = spawn  # the window's: its tasks end when it closes
        self.button = QPushButton(self.tr("Send a test message"), self)
        self.button.setObjectName("roundTripButton")
        self.button.setToolTip(self.tr("Send one message from the address to itself, wait for it to arrive, "
                                       "then delete it"))
        self.status = QLabel(self)
        self.status.setObjectName("roundTripStatus")
        self.status.setWordWrap(True)
        self.result = QLabel(self)
        self.result.setObjectName("roundTripResult")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.result)
        self.result.hide()
        self.hide()
        self.button.clicked.connect(self.on_clicked)
        self._sides: tuple[CheckSettings, CheckSettings] | None = None
        self.running = False
        self.last: RoundTrip | None = None  # the current account test's round trip, once one ended
        self._round = 0  # counts account tests: a round trip that ends after the next one began is dropped

    def account_started(self) -> None:
        """A new account test: nothing to send until it ends, and the last result is about the test before."""
        self._round += 1
        self._sides, self.last = None, None
        self.result.hide()
        self.result.clear()
        self.status.clear()
        self.hide()
        self._update_button()

    def _update_button(self) -> None:
        self.button.setEnabled(not self.running and bool(self._address()))

    def account_tested(self, report: AccountReport) -> None:
        """Offered after a test in which both sides worked, with the settings that test used."""
        inc, out = report.incoming, report.outgoing
        both = inc is not None and out is not None and inc.result.ok and out.result.ok
        self.setVisible(both)
        self.result.hide()
        self.status.clear()
        if not both:
            self._sides = None
            return
        assert inc is not None and out is not None
        self._sides = (out.result.settings, inc.result.settings)
        address = self._address()
        self._update_button()
        if not address:
            self.status.setText(self.tr("The test message needs the address as the user name, the same for "
                                        "receiving and sending."))

    def _address(self) -> str:
        """The account's own address: the user name of both sides (a message to another mailbox than the one
        watched would never be found, nor deleted)."""
        if self._sides is None:
            return ""
        out, inc = (address_of(s) for s in self._sides)
        return out if out and out.lower() == inc.lower() else ""

    def on_clicked(self) -> None:
        if self._sides is None:
            return
        out, inc = self._sides
        address = self._address()
        if not address or self.running:
            return
        if not self.settings.value(CONFIRMED_KEY, False, type=bool):
            answer = QMessageBox.question(
                self, self.tr("Send a test message"),
                self.tr("The test sends one short message from %1 to %1 itself, waits for it to arrive, "
                        "then deletes it. It goes to no other address. Send it?").replace("%1", address))
            if answer != QMessageBox.StandardButton.Yes:
                return
            self.settings.setValue(CONFIRMED_KEY, True)
        self.running = True
        self.button.setEnabled(False)  # at once: a second click before the task starts sends nothing
        self._spawn(self.run(out, inc, address, self._round))

    async def run(self, out: CheckSettings, inc: CheckSettings, address: str, round_: int) -> None:
        from ...driver.roundtrip import round_trip

        wait = self.wait.value()
        self.button.setEnabled(False)
        self.result.hide()
        self.status.setText(self.tr("Sending a test message to %1 and waiting up to %2 s for it\u2026")
                            .replace("%1", address).replace("%2", f"{wait:g}"))
        try:
            _out, _inc, rt = await round_trip(out, inc, address, wait)
        finally:
            self.running = False
            self._update_button()
        if round_ != self._round:  # an account test began meanwhile: this result is not about it
            return
        self.status.clear()
        self.show_result(rt)

    def show_result(self, rt: RoundTrip) -> None:
        self.last = rt
        lang = self.lang if self.lang in WORDS else "en"
        diagnosis = diagnosis_of(rt, host="", lang=lang, surface="window")
        mark = mark_html("works" if rt.ok else "failed", self)
        head = _head(rt, diagnosis, lang)
        lines = summary_lines(rt, lang)
        parts = [f"{mark} <b>{rich(self._data_text(WORDS[lang]['title']))}: {rich(self._data_text(head))}</b>"]
        parts += [rich(self._data_text(line)).replace(" ", "&nbsp;", 2 if line.startswith("  ") else 0)
                  for line in lines]
        if diagnosis is not None:
            parts.append(rich(self._data_text(diagnosis.explanation)))
            parts += [rich(self._data_text(f"{i}. {fix}")) for i, fix in enumerate(diagnosis.fixes, 1)]
            if diagnosis.server_said:
                parts.append("<i>" + rich(self._data_text(" ".join(diagnosis.server_said))) + "</i>")
        self.result.setText("<br>".join(parts))
        self.result.setAccessibleName(" ".join(lines))
        self.result.show()

    # -- in the window's reports ------------------------------------------------------

    def _report_parts(self) -> tuple[RoundTrip, Diagnosis | None, Redactor, str] | None:
        if self.last is None:
            return None
        lang = self.lang if self.lang in WORDS else "en"
        redactor = Redactor()  # as every text a server sent: a secret it echoed never reaches a report
        for s in self._sides or ():
            redactor.add_all(s.credentials.secrets())
        host = self._sides[0].host if self._sides else ""
        return self.last, diagnosis_of(self.last, host=host, lang=lang), redactor, lang

    def report_markdown(self) -> str:
        """The round trip as a section of the Markdown report ("" when none ran after the current test)."""
        parts = self._report_parts()
        if parts is None:
            return ""
        rt, d, redact, lang = parts
        out = [f"## {WORDS[lang]['title']}", "", f"**{_md(redact(_head(rt, d, lang)))}**", ""]
        out += [(f"{_md(redact(line.strip()))}  " if not line.startswith("  ") else
                 f"&nbsp;&nbsp;{_md(redact(line.strip()))}  ") for line in summary_lines(rt, lang)]
        if d is not None:
            out += ["", _md(redact(d.explanation))]
            out += [f"> {_md(redact(line))}  " for line in d.server_said]
            out += [""] + [f"{i}. {_md(redact(f))}" for i, f in enumerate(d.fixes, 1)]
        out += ["", f"Message-ID: {_md(redact(rt.message_id))}", ""]
        return "\n".join(out)

    def report_html(self) -> str:
        """The round trip as a section of the HTML report ("" when none ran after the current test)."""
        import html

        parts = self._report_parts()
        if parts is None:
            return ""
        rt, d, redact, lang = parts
        e = html.escape
        out = [f"<h2>{e(WORDS[lang]['title'])}</h2>", f"<p><strong>{e(redact(_head(rt, d, lang)))}</strong></p>",
               "<pre>" + e(redact("\n".join(summary_lines(rt, lang)))) + "</pre>"]
        if d is not None:
            out.append(f"<p>{e(redact(d.explanation))}</p>")
            if d.server_said:
                out.append("<blockquote><pre>" + e(redact("\n".join(d.server_said))) + "</pre></blockquote>")
            if d.fixes:
                out.append("<ol>" + "".join(f"<li>{e(redact(f))}</li>" for f in d.fixes) + "</ol>")
        out.append(f"<p>Message-ID: <code>{e(redact(rt.message_id))}</code></p>")
        return "\n".join(out)

    def report_dict(self) -> dict[str, Any] | None:
        """The account JSON's "round_trip" object, or None."""
        parts = self._report_parts()
        if parts is None:
            return None
        rt, d, redact, _lang = parts
        return dict(_scrubbed(as_dict(rt, d), redact))


def _head(rt: RoundTrip, d: Diagnosis | None, lang: str) -> str:
    """The result's heading: OK, or FAILED and what failed."""
    words = WORDS[lang]
    return words["ok"] if rt.ok else f"{words['failed']}: {d.title if d else ''}"


def _scrubbed(value: Any, redact: Redactor) -> Any:
    """Every text in a JSON value redacted."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, list):
        return [_scrubbed(v, redact) for v in value]
    if isinstance(value, dict):
        return {k: _scrubbed(v, redact) for k, v in value.items()}
    return value
