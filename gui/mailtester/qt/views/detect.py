"""Finding the settings from the address, in the form (issue 13, point 4).

Once a complete address is typed and a side's server field is empty (or still holds what detection
put there), or on "Find settings", detection runs (controllers/detect.py) with a line per source
under the address; each side then shows the servers found (pick another in its list) and where the
one in the fields came from. A server that came over a channel an attacker could change (plain HTTP,
DNS) or with a certificate that did not verify waits for a click, with the reason in plain words.
Typing in a side's server, port or security by hand stops auto-filling that side. Under Advanced,
"Look up settings online" (persisted): off, only the bundled database is asked.

The preset suggestion under the address ("This looks like a GMX address") gives way to detection
whenever detection answers for the address: the bundled database holds the same catalogue, with
each provider's per-domain variants (web.de's own servers, not GMX's).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...detect import Candidate, DetectResult, SourceReport
from ...protocol.kinds import Security
from ..controllers.check import SIDES, Side
from ..controllers.detect import DetectController, complete_address
from ..i18n import input_error
from ..neutral import neutral
from .form import AccountForm, ErrorLabel, hint

ONLINE_KEY = "detect/online"  # the Advanced setting, beside the others in the settings file
DEBOUNCE_MS = 700  # after the last key typed in the address


class WrappedLabel(QLabel):
    """A word-wrapped label as tall as its lines at its width: in the form's rows Qt otherwise lays it
    out at the height of the width it guesses (too tall for one line, too short for many)."""

    def _at_width(self, hint: QSize) -> QSize:
        """The hint with the height of its lines at the label's width, not at the width Qt guesses."""
        if self.width() > 0 and self.text():
            hint.setHeight(self.heightForWidth(self.width()))
        return hint

    def minimumSizeHint(self) -> QSize:
        return self._at_width(super().minimumSizeHint())

    def sizeHint(self) -> QSize:
        return self._at_width(super().sizeHint())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # another width, another number of lines


def small(label: QLabel) -> QLabel:
    """The look of the form's hints, without their indent."""
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def flagged(c: Candidate) -> bool:
    """Proposed over a channel an attacker could change, or its certificate did not verify."""
    return c.insecure or (c.certificate is not None and not c.certificate.verified)


class SideChoice(QObject):
    """A side's rows in its server group: the servers found, where the one used came from, and the
    warning with its button while a flagged server waits."""

    def __init__(self, form: AccountForm, side: Side) -> None:
        super().__init__(form)
        group = form.incoming_group if side is Side.INCOMING else form.outgoing_group
        layout = group.layout()
        assert isinstance(layout, QFormLayout)
        self.layout = layout
        self.combo = QComboBox(group)
        self.combo.setObjectName(f"{side.value}FoundCombo")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(12)
        self.combo.setAccessibleName(self.tr("Incoming servers found") if side is Side.INCOMING
                                     else self.tr("Outgoing servers found"))
        self.label = QLabel(self.tr("Found:"), group)
        self.label.setBuddy(self.combo)
        self.source = small(WrappedLabel(group))
        self.source.setObjectName(f"{side.value}FoundIn")
        self.source.setWordWrap(True)
        self.source.setTextFormat(Qt.TextFormat.PlainText)  # names a server's own words
        self.flag = QWidget(group)
        self.flag.setObjectName(f"{side.value}Flag")
        flag_layout = QVBoxLayout(self.flag)
        flag_layout.setContentsMargins(0, 0, 0, 0)
        self.flag_text = ErrorLabel(f"{side.value}FlagText", self.flag)
        self.accept_button = QPushButton(self.tr("Use this server"), self.flag)
        self.accept_button.setObjectName(f"{side.value}AcceptButton")
        self.accept_button.setAccessibleName(
            self.tr("Use this incoming server despite the warning") if side is Side.INCOMING
            else self.tr("Use this outgoing server despite the warning"))
        button_row = QHBoxLayout()
        button_row.addWidget(self.accept_button)
        button_row.addStretch(1)
        flag_layout.addWidget(self.flag_text)
        flag_layout.addLayout(button_row)
        layout.insertRow(0, self.label, self.combo)
        layout.insertRow(1, "", self.source)
        layout.insertRow(2, "", self.flag)
        self.set_rows(False)

    def set_rows(self, found: bool, pending: bool = False) -> None:
        self.layout.setRowVisible(self.combo, found)
        self.layout.setRowVisible(self.source, found and not pending)
        self.layout.setRowVisible(self.flag, pending)
        if pending:
            self.flag_text.show()


class Detection(QObject):
    """Detection's controls in the form, and what they do to its fields."""

    def __init__(self, form: AccountForm, settings: QSettings) -> None:
        super().__init__(form)
        self.form = form
        self.settings = settings
        self.controller = DetectController(self)
        self.result: DetectResult | None = None
        self.online_used = True  # of the lookup shown
        self.candidates: dict[Side, tuple[Candidate, ...]] = {s: () for s in SIDES}
        self.filled: dict[Side, str | None] = {s: None for s in SIDES}  # the host detection put there
        self.pending: dict[Side, Candidate | None] = {s: None for s in SIDES}  # flagged, waiting for a click
        self._lines: list[SourceReport] = []

        # under the address, each in a row of the form: the button, what is going on, a line per source
        self.find_button = QPushButton(self.tr("Find settings"), form)
        self.find_button.setObjectName("findSettingsButton")
        self.find_button.setAccessibleName(self.tr("Find the server settings for this address"))
        self.find_button.setToolTip(self.tr("Look up the incoming and outgoing servers from the address; the "
                                            "password is not used"))
        self.status = WrappedLabel(form)
        self.status.setObjectName("detectStatus")
        self.note = WrappedLabel(form)  # what to do about it
        self.note.setObjectName("detectNote")
        self.lines = small(WrappedLabel(form))
        self.lines.setObjectName("detectLines")
        for label in (self.status, self.note, self.lines):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)  # source details quote web servers
        row = QHBoxLayout()
        row.addWidget(self.find_button)
        row.addStretch(1)
        self.top = top = form.form_layout
        position = top.getWidgetPosition(form.suggestion)
        at = int(position[0]) + 1  # type: ignore[index]
        top.insertRow(at, "", row)
        for offset, label in enumerate((self.status, self.note, self.lines), 1):
            top.insertRow(at + offset, "", label)
            top.setRowVisible(label, False)

        self.sides = {side: SideChoice(form, side) for side in SIDES}

        # Advanced: online or the bundled database only
        adv = form.advanced.layout()
        assert isinstance(adv, QFormLayout)
        self.online_check = QCheckBox(self.tr("Look up settings online"), form.advanced)
        self.online_check.setObjectName("detectOnlineCheck")
        self.online_check.setAccessibleName(self.tr("Look up settings online"))
        self.online_check.setChecked(str(settings.value(ONLINE_KEY, "true")).lower() != "false")
        adv.addRow("", self.online_check)
        adv.addRow("", hint(self.tr("Off: only the built-in provider database is asked, and "
                                    "nothing goes over the network."), form.advanced))

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(lambda: self.run(explicit=False))
        for edit in (form.user_edit, form.incoming_user_edit):  # typed by the person, not filled in
            edit.textEdited.connect(self.on_address_edited)
        for side in SIDES:
            form.host_edit_for(side).textEdited.connect(partial(self.on_typed, side))
            form.port_spin_for(side).lineEdit().textEdited.connect(partial(self.on_typed, side))
            form.security_combo_for(side).activated.connect(partial(self.on_typed, side))
            self.sides[side].combo.activated.connect(partial(self.on_combo_activated, side))
            self.sides[side].accept_button.clicked.connect(partial(self.on_accept_clicked, side))
        form.incoming_protocol_combo.activated.connect(partial(self.on_typed, Side.INCOMING))
        self.find_button.clicked.connect(lambda: self.run(explicit=True))
        self.online_check.toggled.connect(self.on_online_toggled)
        self.controller.started.connect(self.on_started)
        self.controller.progress.connect(self.on_progress)
        self.controller.finished.connect(self.on_finished)
        self.controller.failed.connect(self.on_failed)

    # -- when -----------------------------------------------------------------------

    def auto(self, side: Side) -> bool:
        """Detection may fill this side: its server is empty or still what detection put there."""
        host = self.form.host_edit_for(side).text().strip()
        return not host or host == self.filled[side]

    def on_address_edited(self, _text: str) -> None:
        if self.form.demo or not any(self.auto(s) for s in SIDES):
            self.timer.stop()
            return
        if complete_address(self.form.top_user_edit.text()) is None:
            self.timer.stop()
            return
        # detection answers for the address, the provider's variants included: the preset's offer gives way
        # (after the form's own slot, which offers it on the same keystroke)
        QTimer.singleShot(0, self.form.suggestion.hide)
        self.timer.start()

    def on_typed(self, side: Side, *_args: object) -> None:
        self.filled[side] = None  # the person's own server from now on
        self.pending[side] = None
        self._show_side(side)

    def run(self, explicit: bool) -> None:
        self.timer.stop()
        if self.form.demo:  # the demo's servers are its own
            return
        addr = complete_address(self.form.top_user_edit.text())
        if addr is None:
            if explicit:
                self._set_status(self.tr("Enter the whole address first, for example you@example.com."))
            return
        if explicit:  # the person asked: both sides take what is found
            for side in SIDES:
                self.filled[side] = self.form.host_edit_for(side).text().strip() or None
        ca = self.form.ca_file_edit.text().strip()
        self.online_used = self.online_check.isChecked()
        self.controller.start(addr, self.online_used, ca or None)

    # -- what detection says ----------------------------------------------------------

    def on_started(self, addr: object) -> None:
        self._lines = []
        self._show(self.lines, False)
        self._set_note("")
        self._set_status(self.tr("Looking for the settings of %1\u2026").replace("%1", getattr(addr, "domain", "")))

    def on_progress(self, report: object) -> None:
        assert isinstance(report, SourceReport)
        self._lines.append(report)
        self.lines.setText(self.source_lines(self._lines))
        self._show(self.lines, True)

    def on_failed(self, message: str) -> None:
        self._set_status(input_error(message))

    def on_finished(self, result: object) -> None:
        assert isinstance(result, DetectResult)
        self.result = result
        self.lines.setText(self.source_lines(list(result.sources)))
        self._show(self.lines, bool(result.sources))
        for side, group in ((Side.INCOMING, result.incoming), (Side.OUTGOING, result.outgoing)):
            self.candidates[side] = group
            combo = self.sides[side].combo
            combo.clear()
            for c in group:
                combo.addItem(self.describe(c))
            self.pending[side] = None
            usable = self.auto(side) and self.form.isEnabled() and not self.form.demo  # not under a test
            if group and usable:
                self.choose(side, 0)
            else:
                if usable and self.filled[side]:  # what it holds was found for another address
                    self.form.host_edit_for(side).clear()
                    self.filled[side] = None
                self._show_side(side)
        notes = []
        if not result.found:
            text = self.tr("No settings found for %1.").replace("%1", result.domain)
            notes.append(self.tr("Ask your provider or administrator for the server names and enter them below."))
        elif any(self.pending.values()):
            text = self.tr("Settings found for %1: check them.").replace("%1", result.domain)
            notes.append(self.tr("Read the warning under the server before you use it."))
        else:
            text = self.tr("Settings found for %1.").replace("%1", result.domain)
        if not self.online_used:
            notes.append(self.tr("Only the built-in provider database was asked: online lookup is off under "
                                 "Advanced."))
        self._set_status(text)
        self._set_note(" ".join(notes))
        self.form.validate()

    def choose(self, side: Side, index: int) -> None:
        """Use this candidate on this side, or hold it back for a click when it is flagged."""
        c = self.candidates[side][index]
        self.sides[side].combo.setCurrentIndex(index)
        if flagged(c):
            self.pending[side] = c
        else:
            self.apply(side, c)
        self._show_side(side)

    def apply(self, side: Side, c: Candidate) -> None:
        f = self.form
        self.pending[side] = None
        if side is Side.INCOMING:
            f.incoming_protocol_combo.setCurrentIndex(f.incoming_protocol_combo.findData(c.protocol.value))
        f.host_edit_for(side).setText(c.host)
        combo = f.security_combo_for(side)
        combo.setCurrentIndex(combo.findData(c.security.value))
        f.port_spin_for(side).setValue(c.port)  # after the security, which may move the port to its default
        self.filled[side] = c.host
        f.validate()

    def on_combo_activated(self, side: Side, index: int) -> None:
        if 0 <= index < len(self.candidates[side]):
            self.choose(side, index)

    def on_accept_clicked(self, side: Side) -> None:
        c = self.pending[side]
        if c is not None:
            self.apply(side, c)
            self._show_side(side)
            if not any(self.pending.values()) and self.result is not None:
                self._set_status(self.tr("Settings found for %1.").replace("%1", self.result.domain))
                self._set_note("")

    def on_online_toggled(self, online: bool) -> None:
        self.settings.setValue(ONLINE_KEY, "true" if online else "false")

    # -- words ------------------------------------------------------------------------

    def _show(self, label: QLabel, shown: bool) -> None:
        self.top.setRowVisible(label, shown)

    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self._show(self.status, bool(text))

    def _set_note(self, text: str) -> None:
        self.note.setText(text)
        self._show(self.note, bool(text))

    def _show_side(self, side: Side) -> None:
        choice = self.sides[side]
        group = self.candidates[side]
        pending = self.pending[side]
        choice.set_rows(bool(group), pending is not None)
        if pending is not None:
            choice.flag_text.show_error(self.why_flagged(pending))
            return
        index = choice.combo.currentIndex()
        host = self.form.host_edit_for(side).text().strip()
        if group and 0 <= index < len(group) and self.filled[side] == group[index].host == host:
            c = group[index]
            text = self.tr("Found in: %1").replace("%1", self.source_words(c))
            if c.confirmed:
                text += "\n" + self.tr("It answered a check made without your password.")
            user = self.form.top_user_edit.text().strip()
            if c.user and "%" not in c.user and c.user != user:
                text += "\n" + self.tr("The provider gives the user name as %1.").replace("%1", neutral(c.user))
        else:
            text = self.tr("Your own server is kept; pick one of these to use it instead.")
        choice.source.setText(text)

    def describe(self, c: Candidate) -> str:
        # SSL/TLS and STARTTLS read the same in every language; the list is narrow
        security = self.tr("unencrypted") if c.security is Security.NONE else \
            {Security.TLS: "SSL/TLS", Security.STARTTLS: "STARTTLS"}[c.security]
        mark = "\u26a0 " if flagged(c) else ""
        protocol = f"{c.protocol.value.upper()} " if c.protocol.incoming else ""  # outgoing: always SMTP
        return f"{mark}{protocol}{c.host}:{c.port}, {security}"

    def source_words(self, c: Candidate) -> str:
        words = {"bundled": self.tr("the built-in provider database"),
                 "autoconfig": self.tr("the provider's autoconfig file"),
                 "well-known": self.tr("the provider's web site (.well-known)"),
                 "ispdb": self.tr("the online provider database"),
                 "autodiscover": self.tr("Microsoft 365's Autodiscover"),
                 "mx": self.tr("the domain's MX record"),
                 "srv": self.tr("the domain's SRV records"),
                 "probe": self.tr("a probe of the usual server names")}.get(c.source, c.source)
        if c.source == "bundled" and self.result is not None and self.result.names:
            words += f" \u2014 {neutral(self.result.names[0])}"
        return words

    def why_flagged(self, c: Candidate) -> str:
        check = self.tr("Check the server name with your provider before your password goes there.")
        if c.certificate is not None and not c.certificate.verified:
            why = self.tr("This server's certificate could not be verified, so it may not be who it claims to be.")
            if c.certificate.problem:
                why += f" ({neutral(c.certificate.problem)})"
        elif c.source in ("autoconfig", "well-known"):
            why = self.tr("These settings came over plain HTTP, which anyone on the network could have changed.")
        elif c.source == "probe":
            why = self.tr("This server was only guessed from the usual names and was not named by your provider.")
        elif c.source in ("mx", "srv"):
            why = self.tr("These settings came from DNS records, which are not protected against changes on "
                          "the way.")
        else:
            why = self.tr("These settings came over a connection that is not protected.")
        return f"{why} {check}"

    def source_lines(self, reports: list[SourceReport]) -> str:
        """A line per source as it ended ("Provider database… found", "autoconfig.example.com… not
        found"); a source asked several times (SRV services, probed names) is one line: found if any
        answer found, else error if any failed."""
        lines: dict[str, list[SourceReport]] = {}
        for r in reports:
            lines.setdefault(self.source_label(r), []).append(r)
        out = []
        for where, group in lines.items():
            best = min(group, key=lambda r: {"found": 0, "error": 1}.get(r.result, 2))
            result = {"found": self.tr("found"), "none": self.tr("not found"), "error": self.tr("error")}.get(
                best.result, best.result)
            line = f"{neutral(where)}\u2026 {result}"
            if best.result == "error" and best.detail:  # the engine's words (English), as data
                line += f": {neutral(best.detail)}"
            out.append(line)
        return "\n".join(out)

    def source_label(self, r: SourceReport) -> str:
        if r.source == "bundled":
            where = self.tr("Provider database")
        elif r.source in ("autoconfig", "well-known"):
            scheme, _, rest = r.query.partition("://")
            host = rest.partition("/")[0]
            where = host if r.source == "autoconfig" else f"{host}/.well-known"
            if scheme == "http":
                where = self.tr("%1 (plain HTTP)").replace("%1", where)
        elif r.source == "mx":
            where = self.tr("MX of %1").replace("%1", r.query)
        elif r.source == "srv":
            where = self.tr("SRV records of %1").replace("%1", r.query)
        elif r.source == "ispdb":
            where = self.tr("Online provider database")
        elif r.source == "autodiscover":
            where = self.tr("Microsoft 365 (Autodiscover)")
        elif r.source == "probe":
            where = self.tr("Usual server names")
        else:
            where = r.source
        return where

    # -- the window's tab order -----------------------------------------------------

    def in_chain(self, chain: list[QWidget]) -> list[QWidget]:
        """The window's focus chain with these controls where they are shown."""
        after: dict[QWidget, list[QWidget]] = {self.form.suggestion_button: [self.find_button],  # the row above
                                               self.form.language_combo: [self.online_check]}
        out: list[QWidget] = []
        f = self.form
        firsts = {f.incoming_protocol_combo: Side.INCOMING, f.host_edit: Side.OUTGOING}
        for w in chain:
            if w in firsts:  # the servers found come first in the group
                choice = self.sides[firsts[w]]
                out += [choice.combo, choice.accept_button]
            out.append(w)
            out += after.get(w, [])
        return out
