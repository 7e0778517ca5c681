"""The account form: provider presets, credentials, server, security, method,
and an Advanced area. Validated as the user types; reasons shown beside the
fields."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
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
from ...settings import (
    LANGUAGES,
    InvalidInput,
    check_port,
    check_secret,
    check_user,
    normalize_host,
)
from ..i18n import input_error

PRESET_IDS = ("gmail", "microsoft365", "yahoo", "icloud", "zoho", "fastmail", "gmx", "ionos", "yandex", "mailru",
              "amazon-ses", "sendgrid", "mailgun")
DEMO = "demo"
DEMO_FAIL = "demo-fail"
TOKEN_METHOD = "token"


@dataclass(frozen=True)
class FormState:
    settings: CheckSettings
    demo: bool


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
        self.hide()

    def show_error(self, text: str) -> None:
        self.setText("\u26a0 " + text if text else "")
        self.setVisible(bool(text))


class AccountForm(QWidget):
    validityChanged = Signal(bool)
    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountForm")
        self._port_typed = False
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
        self.provider_combo.addItem(self.tr("Other (enter the server yourself)"), "")
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

        # credentials
        self.user_edit = QLineEdit(self)
        self.user_edit.setObjectName("userEdit")
        self.user_edit.setPlaceholderText(self.tr("you@example.com"))
        self._add(form, self.tr("&Email or user name:"), self.user_edit, self.tr("Email address or user name"))
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
        self.user_error = ErrorLabel("userError", self)
        form.addRow("", self.user_error)

        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_password = QToolButton(self)
        self.show_password.setObjectName("showPasswordButton")
        self.show_password.setText(self.tr("Show"))
        self.show_password.setCheckable(True)
        self.show_password.setAccessibleName(self.tr("Show password"))
        pw_row = QHBoxLayout()
        pw_row.addWidget(self.password_edit, 1)
        pw_row.addWidget(self.show_password)
        self.password_label = self._add(form, self.tr("Pass&word:"), pw_row, self.tr("Password"),
                                        buddy=self.password_edit)
        self.password_error = ErrorLabel("passwordError", self)
        form.addRow("", self.password_error)

        # server
        self.host_edit = QLineEdit(self)
        self.host_edit.setObjectName("hostEdit")
        self.host_edit.setPlaceholderText(self.tr("smtp.example.com"))
        self._add(form, self.tr("&Server:"), self.host_edit, self.tr("Outgoing mail server"))
        self.host_error = ErrorLabel("hostError", self)
        form.addRow("", self.host_error)

        self.port_spin = QSpinBox(self)
        self.port_spin.setObjectName("portSpin")
        self.port_spin.setRange(0, 99999)  # out-of-range values get a message, not a silent clamp
        self.port_spin.setValue(587)
        self._add(form, self.tr("P&ort:"), self.port_spin, self.tr("Port"))
        self.port_error = ErrorLabel("portError", self)
        form.addRow("", self.port_error)

        self.security_combo = QComboBox(self)
        self.security_combo.setObjectName("securityCombo")
        self.security_combo.addItem(self.tr("SSL/TLS"), Security.TLS.value)
        self.security_combo.addItem(self.tr("STARTTLS"), Security.STARTTLS.value)
        self.security_combo.addItem(self.tr("None (unencrypted)"), Security.NONE.value)
        self.security_combo.setCurrentIndex(1)
        self._add(form, self.tr("Se&curity:"), self.security_combo, self.tr("Connection security"))

        self.mechanism_combo = QComboBox(self)
        self.mechanism_combo.setObjectName("mechanismCombo")
        self.mechanism_combo.addItem(self.tr("Automatic"), "auto")
        for m in ("PLAIN", "LOGIN", "CRAM-MD5"):
            self.mechanism_combo.addItem(m, m)
        self.mechanism_combo.addItem(self.tr("OAuth2 access token"), TOKEN_METHOD)
        self._add(form, self.tr("&Method:"), self.mechanism_combo, self.tr("Authentication method"))

        # advanced
        self.advanced_button = QToolButton(self)
        self.advanced_button.setObjectName("advancedButton")
        self.advanced_button.setText(self.tr("Advanced"))
        self.advanced_button.setCheckable(True)
        self.advanced_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_button.setArrowType(Qt.ArrowType.RightArrow)
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
        self._add(adv, self.tr("Extra &CA file:"), ca_row, self.tr("Extra CA certificate file"),
                  buddy=self.ca_file_edit)
        self.ca_file_error = ErrorLabel("caFileError", self.advanced)
        adv.addRow("", self.ca_file_error)
        self.family_combo = QComboBox(self.advanced)
        self.family_combo.setObjectName("familyCombo")
        self.family_combo.addItem(self.tr("Automatic"), socket.AF_UNSPEC)
        self.family_combo.addItem(self.tr("IPv4 only"), socket.AF_INET)
        self.family_combo.addItem(self.tr("IPv6 only"), socket.AF_INET6)
        self._add(adv, self.tr("&IP version:"), self.family_combo, self.tr("IP version"))
        self.timeout_spin = QDoubleSpinBox(self.advanced)
        self.timeout_spin.setObjectName("timeoutSpin")
        self.timeout_spin.setRange(1, MAX_TIMEOUT)
        self.timeout_spin.setDecimals(0)
        self.timeout_spin.setValue(DEFAULT_TIMEOUT)
        self.timeout_spin.setSuffix(self.tr(" s"))
        self._add(adv, self.tr("&Timeout per step:"), self.timeout_spin, self.tr("Timeout per step in seconds"))
        self.allow_plaintext_check = QCheckBox(self.tr("Allow &unencrypted login"), self.advanced)
        self.allow_plaintext_check.setObjectName("allowPlaintextCheck")
        self.allow_plaintext_check.setAccessibleName(self.tr("Allow plaintext login"))
        adv.addRow("", self.allow_plaintext_check)
        adv.addRow("", hint(self.tr("Only on a network you trust: without encryption the password can be read "
                                    "on its way."), self.advanced))
        self.language_combo = QComboBox(self.advanced)
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.addItem(self.tr("System default"), "")
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self._add(adv, self.tr("&Language:"), self.language_combo, self.tr("Language of the window"))
        self.advanced.hide()
        outer.addWidget(self.advanced)

        self.remember_check = QCheckBox(self.tr("&Remember this account"), self)
        self.remember_check.setObjectName("rememberCheck")
        outer.addWidget(self.remember_check)
        self.remember_hint = hint(self.tr("The password is kept in the system keychain, never in a file."), self)
        outer.addWidget(self.remember_hint)

        # behaviour
        self.show_password.toggled.connect(self.on_show_password_toggled)
        self.advanced_button.toggled.connect(self.on_advanced_button_toggled)
        self.security_combo.currentIndexChanged.connect(self.on_security_combo_changed)
        self.port_spin.lineEdit().textEdited.connect(self.on_port_edited)
        self.provider_combo.currentIndexChanged.connect(self.on_provider_combo_changed)
        self.mechanism_combo.currentIndexChanged.connect(self.on_mechanism_changed)
        self.suggestion_button.clicked.connect(self.on_suggestion_clicked)
        self.ca_browse.clicked.connect(self.on_ca_browse_clicked)
        for w in (self.user_edit, self.password_edit, self.host_edit, self.ca_file_edit):
            w.textChanged.connect(self.validate)
            w.returnPressed.connect(self.submitted)
        self.user_edit.textChanged.connect(self.on_user_changed)
        self.port_spin.valueChanged.connect(self.validate)
        self.security_combo.currentIndexChanged.connect(self.validate)
        self._suggested: Provider | None = None
        self.validate()

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

    # -- slots -------------------------------------------------------------------------

    def on_show_password_toggled(self, shown: bool) -> None:
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.show_password.setText(self.tr("Hide") if shown else self.tr("Show"))

    def on_advanced_button_toggled(self, shown: bool) -> None:
        self.advanced.setVisible(shown)
        self.advanced_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def on_port_edited(self, _text: str) -> None:
        self._port_typed = True

    def on_security_combo_changed(self, _index: int) -> None:
        if not self._port_typed:
            self.set_port(default_port(Protocol.SMTP, self.security))

    def on_mechanism_changed(self, _index: int) -> None:
        token = self.mechanism_combo.currentData() == TOKEN_METHOD
        self.password_label.setText(self.tr("Access &token:") if token else self.tr("Pass&word:"))
        self.password_edit.setAccessibleName(self.tr("OAuth2 access token") if token else self.tr("Password"))
        self.validate()

    def on_provider_combo_changed(self, _index: int) -> None:
        pid = self.provider_combo.currentData()
        demo = pid in (DEMO, DEMO_FAIL)
        self.host_edit.setEnabled(not demo)
        self.port_spin.setEnabled(not demo)
        self.security_combo.setEnabled(not demo)
        # The demo server takes a free port when it starts: shown as "automatic".
        self.port_spin.setSpecialValueText(self.tr("automatic") if demo else "")
        if demo:
            from ...driver.demo import DEMO_HOST, DEMO_PASSWORD, DEMO_USER, DEMO_WRONG_PASSWORD

            self.host_edit.setText(DEMO_HOST)
            self.security_combo.setCurrentIndex(1)
            self.port_spin.setValue(0)
            self.user_edit.setText(DEMO_USER)
            self.password_edit.setText(DEMO_PASSWORD if pid == DEMO else DEMO_WRONG_PASSWORD)
            self.mechanism_combo.setCurrentIndex(self.mechanism_combo.findData("LOGIN"))
        elif pid:
            self.apply_provider(next(p for p in providers() if p.id == pid))
        elif self.port_spin.value() == 0:
            self.set_port(default_port(Protocol.SMTP, self.security))
        self.validate()

    def on_user_changed(self, text: str) -> None:
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
    def demo(self) -> bool:
        return self.provider_combo.currentData() in (DEMO, DEMO_FAIL)

    def set_port(self, port: int) -> None:
        self.port_spin.setValue(port)

    def apply_provider(self, provider: Provider) -> None:
        sub = provider.submission
        self.host_edit.setText(str(sub.get("host", "")))
        self.security_combo.setCurrentIndex(self.security_combo.findData(str(sub.get("security", "starttls"))))
        self._port_typed = False
        self.set_port(int(str(sub.get("port", default_port(Protocol.SMTP, self.security)))))
        self.mechanism_combo.setCurrentIndex(0)

    def apply_account(self, host: str, port: int, security: str, mechanism: str, user: str) -> None:
        self.provider_combo.setCurrentIndex(0)
        self.host_edit.setText(host)
        self.security_combo.setCurrentIndex(max(0, self.security_combo.findData(security)))
        self._port_typed = True
        self.set_port(port)
        self.mechanism_combo.setCurrentIndex(max(0, self.mechanism_combo.findData(mechanism)))
        self.user_edit.setText(user)

    def errors(self) -> dict[str, str]:
        errs: dict[str, str] = {}
        user = self.user_edit.text()
        # The checks the command line makes too (mailtester.settings), in the window's language.
        checks = [("user", lambda: check_user(user))]
        if not self.demo:
            checks += [("host", lambda: normalize_host(self.host_edit.text())),
                       ("port", lambda: check_port(self.port_spin.value()))]
        for name, check in checks:
            try:
                check()
            except InvalidInput as exc:
                errs[name] = input_error(str(exc))
        if "user" not in errs and user != user.strip():
            errs["user"] = self.tr("The user name starts or ends with a space.")
        ca_file = self.ca_file_edit.text().strip()
        if ca_file and not os.path.isfile(ca_file):
            errs["ca_file"] = self.tr("This file does not exist.")
        secret = self.password_edit.text()
        token = self.mechanism_combo.currentData() == TOKEN_METHOD
        try:
            check_secret(secret, "token" if token else "password")
        except InvalidInput as exc:
            errs["password"] = input_error(str(exc))
        if secret and not user:
            errs["user"] = self.tr("Enter the email address or user name.")
        if user and not secret and "password" not in errs:
            errs["password"] = self.tr("Enter the access token.") if token else self.tr("Enter the password.")
        return errs

    def validate(self) -> bool:
        errs = self.errors()
        # An empty server is pointed out once the person has started on the account, not at start-up.
        engaged = bool(self.host_edit.text() or self.user_edit.text())
        self.host_error.show_error(errs.get("host", "") if engaged else "")
        self.port_error.show_error(errs.get("port", ""))
        self.user_error.show_error(errs.get("user", ""))
        self.ca_file_error.show_error(errs.get("ca_file", ""))
        self.password_error.show_error(errs.get("password", "") if self.user_edit.text() else "")
        ok = not errs and (self.demo or bool(self.host_edit.text().strip()))
        self.validityChanged.emit(ok)
        return ok

    def state(self) -> FormState:
        """The settings to run with; raises InvalidInput if the form is not valid."""
        errs = self.errors()
        if errs:
            field, message = next(iter(errs.items()))
            raise InvalidInput(field, message)
        secret = self.password_edit.text()
        token = self.mechanism_combo.currentData() == TOKEN_METHOD
        creds = Credentials(self.user_edit.text(), None if token or not secret else Secret(secret),
                            Secret(secret) if token and secret else None)
        settings = CheckSettings(
            host=self.host_edit.text().strip(), port=self.port_spin.value(), security=self.security,
            credentials=creds, mechanism="auto" if token else str(self.mechanism_combo.currentData()),
            ca_file=self.ca_file_edit.text().strip() or None, timeout=self.timeout_spin.value(),
            family=int(self.family_combo.currentData()),
            allow_plaintext_auth=self.allow_plaintext_check.isChecked(),
        )
        return FormState(settings, self.demo)

    def forget_password(self) -> None:
        self.password_edit.clear()
