"""The consent to an unencrypted login, asked where it is decided: under a side's
Security field, as soon as it is "None", with what that means.

The form's allow_plaintext_check stays the one setting the runs read (and saved
accounts restore); each side's visible box mirrors it, so one consent covers the
account, whichever side asked for it."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ...protocol.events import Security
from ..controllers.check import Side
from .steps import prefixed


class PlaintextConsent(QWidget):
    """What "None" means, and the consent to it, for one side."""

    def __init__(self, setting: QCheckBox, prefix: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(prefixed(prefix, "plaintextConsent"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel(self.tr(
            "None: nothing is encrypted. The password crosses the network as it is typed, readable by anyone on "
            "the way (a shared Wi-Fi, the networks in between). Use it only for a server on this computer or on "
            "a network you trust."), self)
        self.note.setObjectName(prefixed(prefix, "plaintextNote"))
        self.note.setWordWrap(True)
        self.check = QCheckBox(self.tr("Send it unencrypted"), self)
        self.check.setObjectName(prefixed(prefix, "plaintextCheck"))
        self.check.setAccessibleName(self.tr("Send the password unencrypted"))
        self.check.setAccessibleDescription(self.note.text())
        layout.addWidget(self.note)
        layout.addWidget(self.check)
        self.check.setChecked(setting.isChecked())
        self.check.toggled.connect(setting.setChecked)
        setting.toggled.connect(self.check.setChecked)


class Consents(QObject):
    """The consent rows of both sides, shown while their Security is None."""

    def __init__(self, setting: QCheckBox, combos: dict[Side, QComboBox]) -> None:
        super().__init__(setting)
        self.rows: dict[Side, PlaintextConsent] = {}
        self._combos = combos
        for side, combo in combos.items():
            layout = _form_layout(combo)
            field = QFormLayout.ItemRole.FieldRole
            row = next(r for r in range(layout.rowCount())
                       if (item := layout.itemAt(r, field)) is not None and item.widget() is combo)
            prefix = "incoming" if side is Side.INCOMING else ""
            consent = PlaintextConsent(setting, prefix, combo.parentWidget() or combo)
            layout.insertRow(row + 1, "", consent)
            self.rows[side] = consent
            combo.currentIndexChanged.connect(lambda _i, side=side: self._update(side))
            self._update(side)

    def _update(self, side: Side) -> None:
        combo = self._combos[side]
        _form_layout(combo).setRowVisible(self.rows[side], combo.currentData() == Security.NONE.value)

    def chain(self, side: Side) -> list[QWidget]:
        """For the tab order: right after that side's Security field."""
        return [self.rows[side].check]


def _form_layout(field: QWidget) -> QFormLayout:
    """The form layout a field sits in (its group's)."""
    group = field.parentWidget()
    layout = group.layout() if group is not None else None
    assert isinstance(layout, QFormLayout)
    return layout
