"""The account form, laid out as mail programs lay out manual setup: provider
presets; the account's user name and password; the incoming server (IMAP or
POP3) and the outgoing server (SMTP), each with its security and method; an
Advanced area both sides share. Validated as the user types; reasons shown
beside the fields.

The user name and password at the top serve both servers. With "Different user
name or password for the outgoing server" ticked, the outgoing server gets its
own: `userEdit` and `passwordEdit` (always the outgoing side's) move into the
outgoing group, and the top rows take `incomingUserEdit` and
`incomingPasswordEdit`, filled with what was typed so far.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...knowledge.providers import Provider, providers, recognize
from ...model import CheckSettings
from ...protocol.credentials import Credentials, Secret
from ...protocol.events import Protocol, Security, default_port
from ...protocol.limits import DEFAULT_TIMEOUT, MAX_TIMEOUT
from ...protocol.record import Record
from ...protocol.session import NATIVE
from ...settings import (
    LANGUAGES,
    InvalidInput,
    check_port,
    check_secret,
    check_user,
    normalize_host,
)
from ..controllers.accounts import SavedAccount
from ..controllers.check import SIDES, Side
from ..controllers.detect import preset_for
from ..i18n import input_error
from .plaintext import Consents

PRESET_IDS = ("gmail", "microsoft365", "yahoo", "icloud", "zoho", "fastmail", "gmx", "ionos", "yandex", "mailru",
              "amazon-ses", "sendgrid", "mailgun")
DEMO = "demo"
DEMO_FAIL = "demo-fail"
TOKEN_METHOD = "token"


class FormState(Record):
    settings: CheckSettings | None  # the outgoing (sending) side; None: not to be tested
    demo: bool
    incoming: CheckSettings | None = None  # the incoming (receiving) side

    def runs(self) -> dict[Side, CheckSettings]:
        return {side: s for side, s in ((Side.INCOMING, self.incoming), (Side.OUTGOING, self.settings)) if s}


def hint(text: str, parent: QWidget) -> QLabel:
    """A small explanatory line under a control."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setIndent(22)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class ErrorLabel(QLabel):
    def __init__(self, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        pal = self.palette()
        dark = pal.color(QPalette.ColorRole.Window).lightness() < 128
        self.setStyleSheet(f"color: {'#ef9a9a' if dark else '#c62828'};")
        self.setTextFormat(Qt.TextFormat.PlainText)  # a reason may quote what was typed: shown as typed
        self.hide()

    def show_error(self, text: str) -> None:
        self.setText("\u26a0 " + text if text else "")
        self.setVisible(bool(text))


class _ClickLabel(QLabel):
    """The text of a check box, wrapped over lines; a click on it toggles the box."""

    def __init__(self, text: str, box: QCheckBox, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.box = box
        self.setWordWrap(True)
        self.setBuddy(box)  # its mnemonic toggles the box

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.box.isEnabled():
            self.box.toggle()
        super().mouseReleaseEvent(event)


def _box(parent: QWidget, *items: QWidget | QHBoxLayout) -> QWidget:
    """A field and the error line under it, kept together (they move together)."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    for item in items:
        if isinstance(item, QWidget):
            layout.addWidget(item)
        else:
            layout.addLayout(item)
    return box


def _slot(parent: QWidget) -> QWidget:
    """A place in the form that holds one of the field boxes."""
    slot = QWidget(parent)
    layout = QVBoxLayout(slot)
    layout.setContentsMargins(0, 0, 0, 0)
    return slot


def _put(box: QWidget, slot: QWidget) -> None:
    layout = slot.layout()
    assert layout is not None
    layout.addWidget(box)  # takes it out of the slot it was in
    box.show()


class AccountForm(QWidget):
    validityChanged = Signal(bool)  # the whole account can be tested
    submitted = Signal()
    credentialsMoved = Signal()  # the user name and password fields changed places: the tab order follows

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountForm")
        self._port_typed = {Side.INCOMING: False, Side.OUTGOING: False}
        self._filling = False  # a preset is being applied: no re-filling from inside it
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.form_layout = form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        outer.addLayout(form)

        # provider presets
        self.provider_combo = QComboBox(self)
        self.provider_combo.setObjectName("providerCombo")
        # Width from the layout, not from the longest name (the list shows names whole).
        self.provider_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.provider_combo.setMinimumContentsLength(16)
        self.provider_combo.addItem(self.tr("Other (enter the servers yourself)"), "")
        self.provider_combo.addItem(self.tr("Demo server (built in)"), DEMO)
        self.provider_combo.addItem(self.tr("Demo server (wrong password)"), DEMO_FAIL)
        known = {p.id: p for p in providers()}
        for pid in PRESET_IDS:
            self.provider_combo.addItem(known[pid].name, pid)
        # Label above, combo across the whole form: provider names are the longest choices.
        provider_label = QLabel(self.tr("&Provider:"), self)
        provider_label.setBuddy(self.provider_combo)
        self.provider_combo.setAccessibleName(self.tr("Provider presets"))
        form.addRow(provider_label)
        form.addRow(self.provider_combo)

        # credentials: the outgoing side's fields (shared by both sides unless separated) ...
        self.user_edit = QLineEdit(self)
        self.user_edit.setObjectName("userEdit")
        self.user_edit.setPlaceholderText(self.tr("you@example.com"))
        self.user_error = ErrorLabel("userError", self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_password = QToolButton(self)
        self.show_password.setObjectName("showPasswordButton")
        self.show_password.setText(self.tr("Show"))
        self.show_password.setCheckable(True)
        self.password_error = ErrorLabel("passwordError", self)
        pw_row = QHBoxLayout()
        pw_row.addWidget(self.password_edit, 1)
        pw_row.addWidget(self.show_password)
        self._user_box = _box(self, self.user_edit, self.user_error)
        self._password_box = _box(self, pw_row, self.password_error)
        # ... and the incoming side's own, used only when separated
        self.incoming_user_edit = QLineEdit(self)
        self.incoming_user_edit.setObjectName("incomingUserEdit")
        self.incoming_user_edit.setPlaceholderText(self.tr("you@example.com"))
        self.incoming_user_error = ErrorLabel("incomingUserError", self)
        self.incoming_password_edit = QLineEdit(self)
        self.incoming_password_edit.setObjectName("incomingPasswordEdit")
        self.incoming_password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.incoming_show_password = QToolButton(self)
        self.incoming_show_password.setObjectName("incomingShowPasswordButton")
        self.incoming_show_password.setText(self.tr("Show"))
        self.incoming_show_password.setCheckable(True)
        self.incoming_password_error = ErrorLabel("incomingPasswordError", self)
        in_pw_row = QHBoxLayout()
        in_pw_row.addWidget(self.incoming_password_edit, 1)
        in_pw_row.addWidget(self.incoming_show_password)
        self._incoming_user_box = _box(self, self.incoming_user_edit, self.incoming_user_error)
        self._incoming_password_box = _box(self, in_pw_row, self.incoming_password_error)
        self._incoming_user_box.hide()
        self._incoming_password_box.hide()

        self.user_label = QLabel(self.tr("&Email or user name:"), self)
        self._top_user_slot = _slot(self)
        form.addRow(self.user_label, self._top_user_slot)
        self.suggestion = QWidget(self)
        sug_layout = QHBoxLayout(self.suggestion)
        sug_layout.setContentsMargins(0, 0, 0, 0)
        self.suggestion_label = QLabel(self.suggestion)
        self.suggestion_label.setWordWrap(True)
        self.suggestion_button = QPushButton(self.tr("Use its settings"), self.suggestion)
        self.suggestion_button.setObjectName("useProviderButton")
        sug_layout.addWidget(self.suggestion_label, 1)
        sug_layout.addWidget(self.suggestion_button)
        self.suggestion.hide()
        form.addRow("", self.suggestion)
        self.password_label = QLabel(self.tr("Pass&word:"), self)
        self._top_password_slot = _slot(self)
        form.addRow(self.password_label, self._top_password_slot)

        self.separate_check = QCheckBox(self)
        self.separate_check.setObjectName("separateOutgoingCheck")
        separate_text = self.tr("&Different user name or password for the outgoing server")
        self.separate_check.setAccessibleName(separate_text.replace("&", ""))
        self.separate_label = _ClickLabel(separate_text, self.separate_check, self)
        sep_row = QHBoxLayout()
        sep_row.addWidget(self.separate_check, 0, Qt.AlignmentFlag.AlignTop)
        sep_row.addWidget(self.separate_label, 1)
        form.addRow("", sep_row)
        self.separate_hint = hint(self.tr("The user name and password above are then for the incoming server "
                                          "only."), self)
        self.separate_hint.setObjectName("separateHint")
        form.addRow("", self.separate_hint)

        # incoming server
        self.incoming_group = QGroupBox(self.tr("Incoming server"), self)
        self.incoming_group.setObjectName("incomingGroup")
        inc = self._group_layout(self.incoming_group)
        self.incoming_protocol_combo = QComboBox(self.incoming_group)
        self.incoming_protocol_combo.setObjectName("incomingProtocolCombo")
        self.incoming_protocol_combo.addItem("IMAP", Protocol.IMAP.value)
        self.incoming_protocol_combo.addItem("POP3", Protocol.POP3.value)
        self._add(inc, self.tr("Pro&tocol:"), self.incoming_protocol_combo, self.tr("Incoming mail protocol"))
        (self.incoming_host_edit, self.incoming_port_spin, self.incoming_host_error,
         self.incoming_port_error) = self._server_row(inc, self.incoming_group, "incoming", self.tr("Se&rver:"),
                                                      self.tr("imap.example.com"),
                                                      self.tr("Incoming mail server"), self.tr("Incoming server port"))
        self.incoming_security_combo = self._security_combo(self.incoming_group, "incomingSecurityCombo")
        self.incoming_security_combo.setCurrentIndex(0)
        self._add(inc, self.tr("Security:"), self.incoming_security_combo,
                  self.tr("Incoming server connection security"))
        self.incoming_mechanism_combo = self._mechanism_combo(self.incoming_group, "incomingMechanismCombo", True)
        self._add(inc, self.tr("Method:"), self.incoming_mechanism_combo,
                  self.tr("Incoming server authentication method"))
        self.incoming_port_spin.setValue(default_port(Protocol.IMAP, Security.TLS))
        outer.addWidget(self.incoming_group)

        # outgoing server
        self.outgoing_group = QGroupBox(self.tr("Outgoing server (SMTP)"), self)
        self.outgoing_group.setObjectName("outgoingGroup")
        out = self.outgoing_layout = self._group_layout(self.outgoing_group)
        self.host_edit, self.port_spin, self.host_error, self.port_error = self._server_row(
            out, self.outgoing_group, "", self.tr("&Server:"), self.tr("smtp.example.com"),
            self.tr("Outgoing mail server"), self.tr("Outgoing server port"))
        self.port_spin.setValue(587)
        self.security_combo = self._security_combo(self.outgoing_group, "securityCombo")
        self.security_combo.setCurrentIndex(1)
        self._add(out, self.tr("Se&curity:"), self.security_combo, self.tr("Outgoing server connection security"))
        self.mechanism_combo = self._mechanism_combo(self.outgoing_group, "mechanismCombo", False)
        self._add(out, self.tr("&Method:"), self.mechanism_combo, self.tr("Outgoing server authentication method"))
        self.mechanism_error = ErrorLabel("mechanismError", self.outgoing_group)
        out.addRow("", self.mechanism_error)
        self.outgoing_user_label = QLabel(self.tr("&User name:"), self.outgoing_group)
        self._out_user_slot = _slot(self.outgoing_group)
        out.addRow(self.outgoing_user_label, self._out_user_slot)
        self.outgoing_password_label = QLabel(self.tr("Passw&ord:"), self.outgoing_group)
        self._out_password_slot = _slot(self.outgoing_group)
        out.addRow(self.outgoing_password_label, self._out_password_slot)
        outer.addWidget(self.outgoing_group)

        # advanced
        self.advanced_button = QToolButton(self)
        self.advanced_button.setObjectName("advancedButton")
        self.advanced_button.setText(self.tr("Advanced"))
        self.advanced_button.setCheckable(True)
        self.advanced_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_button.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_button.setAccessibleName(self.tr("Advanced settings, for both servers"))
        outer.addWidget(self.advanced_button)
        self.advanced = QWidget(self)
        self.advanced.setObjectName("advancedArea")
        adv = QFormLayout(self.advanced)
        adv.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        adv.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.ca_file_edit = QLineEdit(self.advanced)
        self.ca_file_edit.setObjectName("caFileEdit")
        self.ca_file_edit.setPlaceholderText(self.tr("only the system's trusted authorities"))
        self.ca_browse = QPushButton(self.tr("&Browse\u2026"), self.advanced)
        self.ca_browse.setObjectName("caBrowseButton")
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file_edit, 1)
        ca_row.addWidget(self.ca_browse)
        self._add(adv, self.tr("Extra CA &file:"), ca_row, self.tr("Extra CA certificate file"),
                  buddy=self.ca_file_edit)
        self.ca_file_error = ErrorLabel("caFileError", self.advanced)
        adv.addRow("", self.ca_file_error)
        self.family_combo = QComboBox(self.advanced)
        self.family_combo.setObjectName("familyCombo")
        self.family_combo.addItem(self.tr("Automatic"), socket.AF_UNSPEC)
        self.family_combo.addItem(self.tr("IPv4 only"), socket.AF_INET)
        self.family_combo.addItem(self.tr("IPv6 only"), socket.AF_INET6)
        self._add(adv, self.tr("IP version:"), self.family_combo, self.tr("IP version"))
        self.timeout_spin = QDoubleSpinBox(self.advanced)
        self.timeout_spin.setObjectName("timeoutSpin")
        self.timeout_spin.setRange(1, MAX_TIMEOUT)
        self.timeout_spin.setDecimals(0)
        self.timeout_spin.setValue(DEFAULT_TIMEOUT)
        self.timeout_spin.setSuffix(self.tr(" s"))
        self._add(adv, self.tr("Timeout per step:"), self.timeout_spin, self.tr("Timeout per step in seconds"))
        self.allow_plaintext_check = QCheckBox(self.tr("Allow unencrypted lo&gin"), self.advanced)
        self.allow_plaintext_check.setObjectName("allowPlaintextCheck")
        self.allow_plaintext_check.setAccessibleName(self.tr("Allow unencrypted login"))
        self.allow_plaintext_check.hide()  # the setting; the consent is asked beside each Security (plaintext.py)
        self.language_combo = QComboBox(self.advanced)
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.addItem(self.tr("System default"), "")
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self._add(adv, self.tr("&Language:"), self.language_combo, self.tr("Language of the window"))
        self.advanced.hide()
        outer.addWidget(self.advanced)
        self.plaintext = Consents(self.allow_plaintext_check, {side: self.security_combo_for(side) for side in SIDES})

        self.remember_check = QCheckBox(self.tr("Remember t&his account"), self)
        self.remember_check.setObjectName("rememberCheck")
        outer.addWidget(self.remember_check)
        self.remember_hint = hint(self.tr("The password is kept in the system keychain, never in a file."), self)
        outer.addWidget(self.remember_hint)

        self._place_credentials(False)

        # behaviour
        for button, edit in ((self.show_password, self.password_edit),
                             (self.incoming_show_password, self.incoming_password_edit)):
            button.toggled.connect(partial(self.on_show_password_toggled, button, edit))
        for side in SIDES:
            self.security_combo_for(side).currentIndexChanged.connect(partial(self.on_security_combo_changed, side))
            self.port_spin_for(side).lineEdit().textEdited.connect(partial(self.on_port_edited, side))
        self.separate_check.toggled.connect(self.on_separate_check_toggled)
        self.advanced_button.toggled.connect(self.on_advanced_button_toggled)
        self.incoming_protocol_combo.currentIndexChanged.connect(self.on_incoming_protocol_combo_changed)
        self.provider_combo.currentIndexChanged.connect(self.on_provider_combo_changed)
        self.mechanism_combo.currentIndexChanged.connect(self.on_mechanism_changed)
        self.incoming_mechanism_combo.currentIndexChanged.connect(self.on_mechanism_changed)
        self.suggestion_button.clicked.connect(self.on_suggestion_clicked)
        self.ca_browse.clicked.connect(self.on_ca_browse_clicked)
        for w in (self.user_edit, self.password_edit, self.host_edit, self.ca_file_edit, self.incoming_user_edit,
                  self.incoming_password_edit, self.incoming_host_edit):
            w.textChanged.connect(self.validate)
            w.returnPressed.connect(self.submitted)
        self.user_edit.textChanged.connect(self.on_user_changed)
        self.incoming_user_edit.textChanged.connect(self.on_user_changed)
        for spin in (self.port_spin, self.incoming_port_spin):
            spin.valueChanged.connect(self.validate)
        for combo in (self.security_combo, self.incoming_security_combo):
            combo.currentIndexChanged.connect(self.validate)
        self._suggested: Provider | None = None
        self.on_mechanism_changed(0)
        from .signin import attach  # the OAuth2 sign-in box, in the password's place for that method

        self.signin = attach(self)

    # -- building ----------------------------------------------------------------------

    def _group_layout(self, group: QGroupBox) -> QFormLayout:
        layout = QFormLayout(group)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        return layout

    def _server_row(self, form: QFormLayout, parent: QWidget, prefix: str, label: str, placeholder: str,
                    accessible: str, port_accessible: str) -> tuple[QLineEdit, QSpinBox, ErrorLabel, ErrorLabel]:
        """Server and port on one row, as mail programs show them; their reasons under it."""
        def name(n: str) -> str:
            return prefix + n[0].upper() + n[1:] if prefix else n

        host = QLineEdit(parent)
        host.setObjectName(name("hostEdit"))
        host.setPlaceholderText(placeholder)
        port = QSpinBox(parent)
        port.setObjectName(name("portSpin"))
        port.setRange(0, 99999)  # out-of-range values get a message, not a silent clamp
        port_label = QLabel(self.tr("Port:"), parent)
        port_label.setBuddy(port)
        port.setAccessibleName(port_accessible)
        row = QHBoxLayout()
        row.addWidget(host, 1)
        row.addWidget(port_label)
        row.addWidget(port)
        self._add(form, label, row, accessible, buddy=host)
        host_error = ErrorLabel(name("hostError"), parent)
        form.addRow("", host_error)
        port_error = ErrorLabel(name("portError"), parent)
        form.addRow("", port_error)
        return host, port, host_error, port_error

    def _security_combo(self, parent: QWidget, name: str) -> QComboBox:
        combo = QComboBox(parent)
        combo.setObjectName(name)
        combo.addItem(self.tr("SSL/TLS"), Security.TLS.value)
        combo.addItem(self.tr("STARTTLS"), Security.STARTTLS.value)
        combo.addItem(self.tr("None (unencrypted)"), Security.NONE.value)
        return combo

    def _mechanism_combo(self, parent: QWidget, name: str, incoming: bool) -> QComboBox:
        combo = QComboBox(parent)
        combo.setObjectName(name)
        combo.addItem(self.tr("Automatic"), "auto")
        if incoming:  # the protocol's own command: IMAP LOGIN, POP3 USER and PASS
            combo.addItem(self.tr("Normal password"), NATIVE)
            combo.setItemData(1, self.tr("The protocol's own login command (IMAP LOGIN, POP3 USER and PASS)"),
                              Qt.ItemDataRole.ToolTipRole)
        # as mail programs name them, with the SASL name the timeline shows
        normal, encrypted = self.tr("Normal password (%1)"), self.tr("Encrypted password (%1)")
        for m in ("PLAIN", "LOGIN", "CRAM-MD5"):
            combo.addItem((encrypted if m == "CRAM-MD5" else normal).replace("%1", m), m)
        combo.addItem(self.tr("OAuth2 access token"), TOKEN_METHOD)
        return combo

    def _add(self, form: QFormLayout, text: str, field: object, accessible: str,
             buddy: QWidget | None = None) -> QLabel:
        label = QLabel(text, self)
        target = buddy or field
        assert isinstance(target, QWidget)
        label.setBuddy(target)
        target.setAccessibleName(accessible)
        form.addRow(label, field)  # type: ignore[call-overload]
        return label

    def add_row_on_top(self, label: QLabel, field: QHBoxLayout) -> None:
        """A row above the provider (the window's saved accounts), aligned with the form's labels."""
        self.form_layout.insertRow(0, label, field)

    def _place_credentials(self, separate: bool) -> None:
        """Top rows: the shared fields, or the incoming side's own; the outgoing group's
        rows: the outgoing side's own (userEdit, passwordEdit) when separate."""
        if separate:
            _put(self._incoming_user_box, self._top_user_slot)
            _put(self._incoming_password_box, self._top_password_slot)
            _put(self._user_box, self._out_user_slot)
            _put(self._password_box, self._out_password_slot)
        else:
            _put(self._user_box, self._top_user_slot)
            _put(self._password_box, self._top_password_slot)
            self._incoming_user_box.hide()
            self._incoming_password_box.hide()
        self.form_layout.setRowVisible(self.separate_hint, separate)
        self.outgoing_layout.setRowVisible(self._out_user_slot, separate)
        self.outgoing_layout.setRowVisible(self._out_password_slot, separate)
        top_user, top_password = self.top_user_edit, self.top_password_edit
        self.user_label.setBuddy(top_user)
        self.password_label.setBuddy(top_password)
        self.outgoing_user_label.setBuddy(self.user_edit)
        self.outgoing_password_label.setBuddy(self.password_edit)
        self.incoming_user_edit.setAccessibleName(self.tr("Email address or user name for the incoming server"))
        self.user_edit.setAccessibleName(self.tr("User name for the outgoing server") if separate
                                         else self.tr("Email address or user name"))
        self._update_secret_labels()
        self.credentialsMoved.emit()

    def focus_chain(self) -> list[QWidget]:
        """The form's controls in the order they are shown (the window sets the tab order)."""
        chain: list[QWidget] = [self.provider_combo, self.top_user_edit, self.suggestion_button,
                                self.top_password_edit,
                                self.incoming_show_password if self.separate else self.show_password,
                                self.separate_check, self.incoming_protocol_combo, self.incoming_host_edit,
                                self.incoming_port_spin, self.incoming_security_combo,
                                *self.plaintext.chain(Side.INCOMING), self.incoming_mechanism_combo,
                                self.host_edit, self.port_spin, self.security_combo,
                                *self.plaintext.chain(Side.OUTGOING), self.mechanism_combo]
        if self.separate:
            chain += [self.user_edit, self.password_edit, self.show_password]
        return [*chain, self.advanced_button, self.ca_file_edit, self.ca_browse, self.family_combo,
                self.timeout_spin, self.allow_plaintext_check, self.language_combo, self.remember_check]

    # -- slots -------------------------------------------------------------------------

    def on_show_password_toggled(self, button: QToolButton, edit: QLineEdit, shown: bool) -> None:
        edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        button.setText(self.tr("Hide") if shown else self.tr("Show"))

    def on_separate_check_toggled(self, separate: bool) -> None:
        if separate:  # the top rows now hold the incoming side's own: start from what was typed
            self.incoming_user_edit.setText(self.user_edit.text())
            self.incoming_password_edit.setText(self.password_edit.text())
        else:  # shared again: what the top rows showed is kept
            self.user_edit.setText(self.incoming_user_edit.text())
            self.password_edit.setText(self.incoming_password_edit.text())
            self.incoming_user_edit.clear()
            self.incoming_password_edit.clear()
        self._place_credentials(separate)
        self.validate()

    def on_advanced_button_toggled(self, shown: bool) -> None:
        self.advanced.setVisible(shown)
        self.advanced_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def on_port_edited(self, side: Side, _text: str) -> None:
        self._port_typed[side] = True

    def on_security_combo_changed(self, side: Side, _index: int) -> None:
        if not self._port_typed[side] and not self.demo:
            self._default_port(side)

    def on_incoming_protocol_combo_changed(self, _index: int) -> None:
        if self._filling or self.demo:
            self.validate()
            return
        provider = self.provider
        if provider is not None:  # the provider's server for this protocol (or none)
            self._apply_incoming(preset_for(provider, self.top_user_edit.text()), switch=False)
        elif not self._port_typed[Side.INCOMING]:
            self._default_port(Side.INCOMING)
        self.validate()

    def on_mechanism_changed(self, _index: int) -> None:
        self._update_secret_labels()
        self.validate()

    def on_provider_combo_changed(self, _index: int) -> None:
        pid = self.provider_combo.currentData()
        demo = pid in (DEMO, DEMO_FAIL)
        for w in (self.host_edit, self.port_spin, self.security_combo, self.incoming_host_edit,
                  self.incoming_port_spin, self.incoming_security_combo):
            w.setEnabled(not demo)
        # The demo servers take a free port when they start: shown as "automatic".
        for spin in (self.port_spin, self.incoming_port_spin):
            spin.setSpecialValueText(self.tr("automatic") if demo else "")
            spin.setMinimumWidth(spin.sizeHint().width() if demo else 0)  # room for "automatic"
        self._filling = True
        try:
            if demo:
                from ...driver.demo import DEMO_HOST, DEMO_PASSWORD, DEMO_USER, DEMO_WRONG_PASSWORD

                password = DEMO_PASSWORD if pid == DEMO else DEMO_WRONG_PASSWORD
                for host, security, port in ((self.host_edit, self.security_combo, self.port_spin),
                                             (self.incoming_host_edit, self.incoming_security_combo,
                                              self.incoming_port_spin)):
                    host.setText(DEMO_HOST)
                    security.setCurrentIndex(security.findData(Security.STARTTLS.value))
                    port.setValue(0)
                for user, secret in ((self.user_edit, self.password_edit),
                                     (self.incoming_user_edit, self.incoming_password_edit)):
                    if user is self.user_edit or self.separate:
                        user.setText(DEMO_USER)
                        secret.setText(password)
                self.mechanism_combo.setCurrentIndex(self.mechanism_combo.findData("LOGIN"))
                self.incoming_mechanism_combo.setCurrentIndex(self.incoming_mechanism_combo.findData(NATIVE))
            elif (provider := self.provider) is not None:
                self.apply_provider(provider)
            else:
                for side, spin in ((Side.OUTGOING, self.port_spin), (Side.INCOMING, self.incoming_port_spin)):
                    if spin.value() == 0:
                        self._default_port(side)
        finally:
            self._filling = False
        self.validate()

    def on_user_changed(self, _text: str) -> None:
        text = self.top_user_edit.text()
        provider = recognize("", (), text) if "@" in text else None
        current = self.provider_combo.currentData()
        if provider is None or provider.id == current or provider.id not in PRESET_IDS \
                or self.host_edit.text().strip().lower() == str(provider.submission.get("host", "")).lower():
            self._suggested = None
            self.suggestion.hide()
            return
        self._suggested = provider
        self.suggestion_label.setText(self.tr("This looks like a %1 address.").replace("%1", provider.name))
        self.suggestion_button.setAccessibleName(self.tr("Use %1 settings").replace("%1", provider.name))
        self.suggestion.show()

    def on_suggestion_clicked(self) -> None:
        if self._suggested is not None:
            self.provider_combo.setCurrentIndex(self.provider_combo.findData(self._suggested.id))
            self.suggestion.hide()

    def on_ca_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a CA certificate file"), "",
                                              self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if path:
            self.ca_file_edit.setText(path)

    # -- values ------------------------------------------------------------------------

    @property
    def security(self) -> Security:
        return Security(self.security_combo.currentData())

    @property
    def incoming_security(self) -> Security:
        return Security(self.incoming_security_combo.currentData())

    @property
    def incoming_protocol(self) -> Protocol:
        return Protocol(self.incoming_protocol_combo.currentData())

    @property
    def demo(self) -> bool:
        return self.provider_combo.currentData() in (DEMO, DEMO_FAIL)

    @property
    def provider(self) -> Provider | None:
        pid = self.provider_combo.currentData()
        return next((p for p in providers() if p.id == pid), None) if pid and not self.demo else None

    @property
    def separate(self) -> bool:
        return self.separate_check.isChecked()

    @property
    def top_user_edit(self) -> QLineEdit:
        return self.incoming_user_edit if self.separate else self.user_edit

    @property
    def top_password_edit(self) -> QLineEdit:
        return self.incoming_password_edit if self.separate else self.password_edit

    def user_edit_for(self, side: Side) -> QLineEdit:
        return self.incoming_user_edit if side is Side.INCOMING and self.separate else self.user_edit

    def password_edit_for(self, side: Side) -> QLineEdit:
        return self.incoming_password_edit if side is Side.INCOMING and self.separate else self.password_edit

    def mechanism_combo_for(self, side: Side) -> QComboBox:
        return self.incoming_mechanism_combo if side is Side.INCOMING else self.mechanism_combo

    def host_edit_for(self, side: Side) -> QLineEdit:
        return self.incoming_host_edit if side is Side.INCOMING else self.host_edit

    def port_spin_for(self, side: Side) -> QSpinBox:
        return self.incoming_port_spin if side is Side.INCOMING else self.port_spin

    def security_combo_for(self, side: Side) -> QComboBox:
        return self.incoming_security_combo if side is Side.INCOMING else self.security_combo

    def protocol_for(self, side: Side) -> Protocol:
        return self.incoming_protocol if side is Side.INCOMING else Protocol.SMTP

    def _token(self, side: Side) -> bool:
        return bool(self.mechanism_combo_for(side).currentData() == TOKEN_METHOD)

    def active(self, side: Side) -> bool:
        """A side is tested when its server is filled in (both always, in the demo)."""
        return self.demo or bool(self.host_edit_for(side).text().strip())

    def active_sides(self) -> list[Side]:
        return [s for s in SIDES if self.active(s)]

    def set_port(self, port: int) -> None:
        self.port_spin.setValue(port)

    def apply_suggestion(self, side: Side, kind: str, value: str, port: int = 0) -> bool:
        """Change exactly the field a diagnosis suggested, on that side: the security (and
        the port it is for, kept), the port, the user name or the method. False when the
        suggestion cannot be applied here (nothing is changed then)."""
        if self.demo and kind in ("security", "port"):  # the demo's servers are its own
            return False
        if kind == "security":
            combo = self.security_combo_for(side)
            index = combo.findData(value)
            if index < 0 or value == Security.NONE.value:  # never a suggestion to drop encryption
                return False
            combo.setCurrentIndex(index)  # may move an untyped port to the default ...
            if port:
                self.port_spin_for(side).setValue(port)  # ... so the port it was found on is set again
                self._port_typed[side] = True  # and kept when the security changes later
        elif kind == "port":
            if not value.isdigit() or not 0 < int(value) < 65536:
                return False
            self.port_spin_for(side).setValue(int(value))
            self._port_typed[side] = True
        elif kind == "user":
            if not value:
                return False
            self.user_edit_for(side).setText(value)
        elif kind == "mechanism":
            combo = self.mechanism_combo_for(side)
            index = combo.findData(value)
            if index < 0:
                return False
            combo.setCurrentIndex(index)
        else:
            return False
        self.validate()
        return True

    def _default_port(self, side: Side) -> None:
        self.port_spin_for(side).setValue(default_port(self.protocol_for(side),
                                                       Security(self.security_combo_for(side).currentData())))

    def _uses(self, edit: QLineEdit) -> list[Side]:
        """The sides that send what this password field holds."""
        if edit is self.incoming_password_edit:
            return [Side.INCOMING]
        return [Side.OUTGOING, Side.INCOMING] if not self.separate else [Side.OUTGOING]

    def _is_token(self, edit: QLineEdit) -> bool:
        sides = [s for s in self._uses(edit) if self.active(s)] or self._uses(edit)[:1]
        return all(self._token(s) for s in sides)

    def _update_secret_labels(self) -> None:
        top = self.top_password_edit
        token = self._is_token(top)
        self.password_label.setText(self.tr("Access to&ken:") if token else self.tr("Pass&word:"))
        if self.separate:
            out_token = self._is_token(self.password_edit)
            self.outgoing_password_label.setText(self.tr("Access t&oken:") if out_token else self.tr("Passw&ord:"))
            top.setAccessibleName(self.tr("Access token for the incoming server") if token
                                  else self.tr("Password for the incoming server"))
            self.password_edit.setAccessibleName(self.tr("Access token for the outgoing server") if out_token
                                                 else self.tr("Password for the outgoing server"))
        else:
            top.setAccessibleName(self.tr("OAuth2 access token") if token else self.tr("Password"))
            in_token = self._is_token(self.incoming_password_edit)
            self.incoming_password_edit.setAccessibleName(self.tr("Access token for the incoming server") if in_token
                                                          else self.tr("Password for the incoming server"))
        for button in (self.show_password, self.incoming_show_password):
            button.setAccessibleName(self.tr("Show password"))

    def apply_provider(self, provider: Provider) -> None:
        provider = preset_for(provider, self.top_user_edit.text())  # its servers for this address
        sub = provider.submission
        self._filling = True
        try:
            if sub:
                self.host_edit.setText(str(sub.get("host", "")))
                self.security_combo.setCurrentIndex(self.security_combo.findData(str(sub.get("security",
                                                                                             "starttls"))))
                self._port_typed[Side.OUTGOING] = False
                self.set_port(int(str(sub.get("port", default_port(Protocol.SMTP, self.security)))))
            self.mechanism_combo.setCurrentIndex(0)
            self._apply_incoming(provider, switch=True)
        finally:
            self._filling = False

    def _apply_incoming(self, provider: Provider, switch: bool) -> None:
        """The provider's incoming server for the chosen protocol; `switch`: to the one it
        offers when it has none for that protocol. A send-only service leaves it empty. `provider`:
        as this address uses it (preset_for)."""
        was = self._filling
        self._filling = True
        try:
            proto = self.incoming_protocol.value
            if proto not in provider.incoming and switch and provider.incoming:
                proto = "imap" if "imap" in provider.incoming else next(iter(provider.incoming))
                self.incoming_protocol_combo.setCurrentIndex(self.incoming_protocol_combo.findData(proto))
            server = provider.incoming.get(proto)
            self._port_typed[Side.INCOMING] = False
            if server:
                self.incoming_host_edit.setText(str(server.get("host", "")))
                self.incoming_security_combo.setCurrentIndex(
                    self.incoming_security_combo.findData(str(server.get("security", "tls"))))
                port = server.get("port")
                self.incoming_port_spin.setValue(int(str(port)) if port else default_port(
                    self.incoming_protocol, self.incoming_security))
            else:
                self.incoming_host_edit.clear()
                self._default_port(Side.INCOMING)
            self.incoming_mechanism_combo.setCurrentIndex(0)
        finally:
            self._filling = was

    def apply_account(self, account: SavedAccount) -> None:
        self.provider_combo.setCurrentIndex(0)
        self.separate_check.setChecked(account.separate)
        self._filling = True
        try:
            self.host_edit.setText(account.host)
            self.security_combo.setCurrentIndex(max(0, self.security_combo.findData(account.security)))
            self._port_typed[Side.OUTGOING] = bool(account.host)
            if account.host:
                self.set_port(account.port)
            else:
                self._default_port(Side.OUTGOING)
            self.mechanism_combo.setCurrentIndex(max(0, self.mechanism_combo.findData(account.mechanism)))
            self.incoming_protocol_combo.setCurrentIndex(
                max(0, self.incoming_protocol_combo.findData(account.incoming_protocol or "imap")))
            self.incoming_host_edit.setText(account.incoming_host)
            self.incoming_security_combo.setCurrentIndex(
                max(0, self.incoming_security_combo.findData(account.incoming_security)))
            self._port_typed[Side.INCOMING] = account.has_incoming
            if account.has_incoming:
                self.incoming_port_spin.setValue(account.incoming_port)
            else:
                self._default_port(Side.INCOMING)
            self.incoming_mechanism_combo.setCurrentIndex(
                max(0, self.incoming_mechanism_combo.findData(account.incoming_mechanism)))
            self.ca_file_edit.setText(account.ca_file)
            self.family_combo.setCurrentIndex(next(  # its data are socket.AddressFamily members
                (i for i in range(self.family_combo.count()) if int(self.family_combo.itemData(i)) == account.family),
                0))
            self.timeout_spin.setValue(account.timeout or DEFAULT_TIMEOUT)
            self.allow_plaintext_check.setChecked(account.allow_plaintext_auth)
        finally:
            self._filling = False
        self.user_edit.setText(account.user if account.has_outgoing else account.incoming_user)
        if account.separate:
            self.incoming_user_edit.setText(account.incoming_user)
        if account.ca_file or account.family or account.allow_plaintext_auth or \
                (account.timeout and account.timeout != DEFAULT_TIMEOUT):
            self.advanced_button.setChecked(True)  # what the account needs is in view
        self.validate()

    def errors(self) -> dict[str, str]:
        """Every problem, by field: host, port, user, password, ca_file, mechanism and the
        incoming_ forms of the server and credential fields."""
        errs: dict[str, str] = {}
        # The checks the command line makes too (mailtester.settings), in the window's language.
        checks: list[tuple[str, Callable[[], object]]] = []
        if not self.demo:
            for side, prefix in ((Side.INCOMING, "incoming_"), (Side.OUTGOING, "")):
                host = self.host_edit_for(side).text()
                if host.strip():
                    checks += [(prefix + "host", partial(normalize_host, host)),
                               (prefix + "port", partial(check_port, self.port_spin_for(side).value()))]
            if not self.active_sides():  # nothing to test yet: the outgoing server is the usual start
                checks.append(("host", partial(normalize_host, "")))
        pairs = [("", self.user_edit, self.password_edit)]
        if self.separate:
            pairs.append(("incoming_", self.incoming_user_edit, self.incoming_password_edit))
        for prefix, user_edit, _ in pairs:
            checks.append((prefix + "user", partial(check_user, user_edit.text())))
        for name, check in checks:
            try:
                check()
            except InvalidInput as exc:
                errs[name] = input_error(str(exc))
        ca_file = self.ca_file_edit.text().strip()
        if ca_file and not os.path.isfile(ca_file):
            errs["ca_file"] = self.tr("This file does not exist.")
        for prefix, user_edit, secret_edit in pairs:
            user, secret = user_edit.text(), secret_edit.text()
            if prefix + "user" not in errs and user != user.strip():
                errs[prefix + "user"] = self.tr("The user name starts or ends with a space.")
            token = self._is_token(secret_edit)
            try:
                check_secret(secret, "token" if token else "password")
            except InvalidInput as exc:
                errs[prefix + "password"] = input_error(str(exc))
            if secret and not user:
                errs[prefix + "user"] = self.tr("Enter the email address or user name.")
            if user and not secret and prefix + "password" not in errs:
                errs[prefix + "password"] = self.tr("Enter the access token.") if token \
                    else self.tr("Enter the password.")
        if not self.separate and all(self.active(s) for s in SIDES) \
                and self._token(Side.INCOMING) != self._token(Side.OUTGOING):
            errs["mechanism"] = self.tr("Both servers use the password above, so choose an OAuth2 access token "
                                        "for both or for neither, or give the outgoing server its own.")
        return errs

    def _blocking(self, errs: dict[str, str], sides: list[Side]) -> dict[str, str]:
        """The problems that stop a test of these sides."""
        wanted = {"ca_file"}
        for side in sides:
            wanted |= {"incoming_host", "incoming_port"} if side is Side.INCOMING else {"host", "port"}
            creds = "incoming_" if side is Side.INCOMING and self.separate else ""
            wanted |= {creds + "user", creds + "password"}
        if len(sides) > 1:
            wanted.add("mechanism")
        return {k: v for k, v in errs.items() if k in wanted}

    def can_test(self, sides: list[Side] | None = None) -> bool:
        """These sides (default: every side filled in) can be tested now."""
        sides = self.active_sides() if sides is None else sides
        return bool(sides) and all(self.active(s) for s in sides) and not self._blocking(self.errors(), sides)

    def validate(self) -> bool:
        errs = self.errors()
        # An empty server is pointed out once the person has started on the account, not at start-up.
        engaged = bool(self.host_edit.text() or self.incoming_host_edit.text() or self.user_edit.text()
                       or self.incoming_user_edit.text())
        self.host_error.show_error(errs.get("host", "") if engaged else "")
        self.port_error.show_error(errs.get("port", ""))
        self.incoming_host_error.show_error(errs.get("incoming_host", ""))
        self.incoming_port_error.show_error(errs.get("incoming_port", ""))
        self.user_error.show_error(errs.get("user", ""))
        self.incoming_user_error.show_error(errs.get("incoming_user", "") if self.separate else "")
        self.ca_file_error.show_error(errs.get("ca_file", ""))
        self.password_error.show_error(errs.get("password", "") if self.user_edit.text() else "")
        self.incoming_password_error.show_error(errs.get("incoming_password", "")
                                                if self.separate and self.incoming_user_edit.text() else "")
        self.mechanism_error.show_error(errs.get("mechanism", ""))
        ok = self.can_test()
        self.validityChanged.emit(ok)
        return ok

    def _settings(self, side: Side) -> CheckSettings:
        secret = self.password_edit_for(side).text()
        token = self._token(side)
        creds = Credentials(self.user_edit_for(side).text(), None if token or not secret else Secret(secret),
                            Secret(secret) if token and secret else None)
        return CheckSettings(
            host=self.host_edit_for(side).text().strip(), port=self.port_spin_for(side).value(),
            security=Security(self.security_combo_for(side).currentData()), protocol=self.protocol_for(side),
            credentials=creds, mechanism="auto" if token else str(self.mechanism_combo_for(side).currentData()),
            ca_file=self.ca_file_edit.text().strip() or None, timeout=self.timeout_spin.value(),
            family=int(self.family_combo.currentData()),
            allow_plaintext_auth=self.allow_plaintext_check.isChecked(),
        )

    def state(self, sides: list[Side] | None = None) -> FormState:
        """The settings to run these sides with (default: every side filled in); raises
        InvalidInput if they cannot be tested."""
        sides = self.active_sides() if sides is None else sides
        errs = self._blocking(self.errors(), sides)
        if not sides:
            errs = {"host": input_error("Enter the server name, for example smtp.example.com.")}
        if errs:
            field, message = next(iter(errs.items()))
            raise InvalidInput(field, message)
        return FormState(self._settings(Side.OUTGOING) if Side.OUTGOING in sides else None, self.demo,
                         self._settings(Side.INCOMING) if Side.INCOMING in sides else None)

    def forget_password(self) -> None:
        self.password_edit.clear()
        self.incoming_password_edit.clear()
