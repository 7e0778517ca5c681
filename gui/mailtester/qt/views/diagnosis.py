"""The diagnosis panel: the verdict in one sentence, what happened, numbered
fixes and links; the working settings on success; the certificate when it
could not be verified."""

from __future__ import annotations

import html
import re
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...knowledge.diagnose import Suggestion
from ...knowledge.report import Report
from ...protocol.session import NATIVE
from ..i18n import stretch
from .steps import prefixed

CERT_KINDS = ("untrusted", "hostname", "expired", "not-yet-valid", "pin-mismatch")


def _label(name: str, parent: QWidget, rich: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setOpenExternalLinks(True)
    return label


class DiagnosisPanel(QFrame):
    trustRequested = Signal(str)  # SHA-256 of the certificate to pin
    forgetTrustRequested = Signal()
    retryRequested = Signal(str, str)  # a suggested variant: kind ("user" or "mechanism"), value

    def __init__(self, parent: QWidget | None = None, pseudo: bool = False, prefix: str = "") -> None:
        """`prefix` names the side ("incoming"): incomingDiagnosisPanel, incomingVerdictLabel, ..."""
        super().__init__(parent)
        self._prefix = prefix
        self.setObjectName(prefixed(prefix, "diagnosisPanel"))
        self._data_text = stretch if pseudo else str  # data texts join the pseudo-locale too
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Diagnosis"))
        layout = QVBoxLayout(self)
        self.verdict = _label(prefixed(prefix, "verdictLabel"), self, rich=True)
        self.explanation = _label(prefixed(prefix, "explanationLabel"), self)
        self.details = _label(prefixed(prefix, "detailsLabel"), self, rich=True)
        self.cert_box = QGroupBox(self.tr("Certificate shown by the server"), self)
        self.cert_box.setObjectName(prefixed(prefix, "certificateBox"))
        cert_layout = QVBoxLayout(self.cert_box)
        self.cert_text = _label(prefixed(prefix, "certificateLabel"), self.cert_box, rich=True)
        buttons = QHBoxLayout()
        self.trust_button = QPushButton(self.tr("Trust this certificate for this server\u2026"), self.cert_box)
        self.trust_button.setObjectName(prefixed(prefix, "trustButton"))
        self.forget_button = QPushButton(self.tr("Forget the trusted certificate"), self.cert_box)
        self.forget_button.setObjectName(prefixed(prefix, "forgetTrustButton"))
        buttons.addWidget(self.trust_button)
        buttons.addWidget(self.forget_button)
        buttons.addStretch(1)
        cert_layout.addWidget(self.cert_text)
        cert_layout.addLayout(buttons)
        self.retry_box = QWidget(self)
        self.retry_box.setObjectName(prefixed(prefix, "retryBox"))
        self.retry_layout = QHBoxLayout(self.retry_box)
        self.retry_layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.verdict, self.explanation, self.retry_box, self.cert_box, self.details):
            layout.addWidget(w)
        layout.addStretch(1)
        self._sha256 = ""
        self.trust_button.clicked.connect(lambda: self.trustRequested.emit(self._sha256))
        self.forget_button.clicked.connect(self.forgetTrustRequested)
        self.show_idle()

    # -- states ----------------------------------------------------------------------

    def _set(self, verdict: str, explanation: str = "", details: str = "") -> None:
        self.verdict.setText(verdict)
        self.explanation.setText(explanation)
        self.explanation.setVisible(bool(explanation))
        self.details.setText(details)
        self.details.setVisible(bool(details))
        self.cert_box.hide()
        self.setAccessibleDescription(html.unescape(_strip_tags(verdict)) + " " + explanation)
        self._set_suggestions(())

    def _set_suggestions(self, suggestions: tuple[Suggestion, ...]) -> None:
        """One button per suggested variant: tried only when the person presses it."""
        while (item := self.retry_layout.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        for i, s in enumerate(suggestions):
            button = QPushButton(self._data_text(s.label), self.retry_box)
            button.setObjectName(prefixed(self._prefix, f"retryButton{i}"))
            button.setToolTip(self.tr("Each failed try may count toward the provider's lockout."))
            button.clicked.connect(lambda _=False, s=s: self.retryRequested.emit(s.kind, s.value))
            self.retry_layout.addWidget(button)
        self.retry_layout.addStretch(1)
        self.retry_box.setVisible(bool(suggestions))

    def show_idle(self) -> None:
        self._set(_bold(self.tr("Ready.")),
                  self.tr("Fill in the account and choose Test account. The password is sent only over an "
                          "encrypted connection unless you allow otherwise."))

    def show_not_tested(self, incoming: bool) -> None:
        self._set(_bold(self.tr("Not tested.")),
                  self.tr("No incoming server was entered, so receiving was not tested.") if incoming else
                  self.tr("No outgoing server was entered, so sending was not tested."))

    def show_running(self) -> None:
        self._set(_bold(self.tr("Testing\u2026")),
                  self.tr("Watch the timeline: every line exchanged with the server appears as it happens."))

    def show_cancelled(self) -> None:
        self._set(_bold(self.tr("Cancelled.")),
                  self.tr("The test was stopped; nothing more was sent."))

    def show_report(self, report: Report, pinned: bool = False, account: tuple[Report, ...] = ()) -> None:
        """`account`: the working sides of the whole account, listed together in the
        settings to use when there is more than this one."""
        r = report.result
        if r.ok:
            # this side first, then the other working side
            reports = (report, *(a for a in account if a is not report)) if len(account) > 1 else (report,)
            rows: list[tuple[str, str] | str] = []
            for rep in reports:
                if len(reports) > 1:  # a heading per server, naming its protocol
                    if rows:
                        rows.append("")  # a blank line between the servers
                    protocol = rep.result.settings.protocol
                    rows.append(self.tr("Incoming server (%1)").replace("%1", protocol.value.upper())
                                if protocol.incoming else self.tr("Outgoing server (SMTP)"))
                rows += self._server_rows(rep, several=len(reports) > 1)
            if report.provider:
                rows.append((self.tr("Provider"), report.provider.name))
            table = "<table>" + "".join(
                f'<tr><td colspan="2"><b>{html.escape(row) or "&nbsp;"}</b></td></tr>' if isinstance(row, str) else
                f"<tr><td>{html.escape(row[0])}:&nbsp;</td><td><b>{html.escape(row[1])}</b></td></tr>"
                for row in rows
            ) + "</table>"
            verdict = html.escape(self.tr("Receiving works: this account can log in and read mail.")
                                  if r.settings.protocol.incoming else self.tr("This account can log in and send."))
            self._set(f'<span style="font-size:large">\u2714 <b>{verdict}</b></span>',
                      self.tr("The server accepted the user name and password. Use these settings in your mail "
                              "program:"), table)
        else:
            d = report.diagnosis
            assert d is not None
            t = self._data_text
            d = replace(d, title=t(d.title), explanation=t(d.explanation), causes=tuple(map(t, d.causes)),
                        fixes=tuple(map(t, d.fixes)))
            what, more, causes = self.tr("What to do"), self.tr("More help"), self.tr("Usual causes")
            parts = []
            if d.fixes:
                parts.append(f"<p>{_bold(what)}</p><ol>" + "".join(f"<li>{_linkify(f)}</li>" for f in d.fixes)
                             + "</ol>")
            if d.links:
                parts.append(f"<p>{_bold(more)}</p><ul>" + "".join(
                    f'<li><a href="{html.escape(u)}">{html.escape(u)}</a></li>' for u in d.links) + "</ul>")
            if d.causes:
                parts.append(f"<p>{_bold(causes)}</p><ul>" + "".join(f"<li>{html.escape(c)}</li>" for c in d.causes)
                             + "</ul>")
            provider = f" ({html.escape(report.provider.name)})" if report.provider else ""
            self._set(f'<span style="font-size:large">\u2716 <b>{html.escape(d.title)}</b></span>{provider}'
                      f'<br><small>{html.escape(d.id)}</small>', d.explanation, "".join(parts))
            self._set_suggestions(d.suggestions)
        self._show_certificate(report, pinned)

    def _server_rows(self, report: Report, several: bool) -> list[tuple[str, str] | str]:
        """What to type into a mail program; `several`: under a heading that names the protocol,
        and without the encryption found (shown when the server is listed alone)."""
        r = report.result
        s = r.settings
        rows: list[tuple[str, str] | str] = []
        if s.protocol.incoming and not several:
            rows.append((self.tr("Protocol"), s.protocol.value.upper()))
        mechanism = r.outcome.mechanism or ""
        rows += [(self.tr("Server"), f"{s.host}"), (self.tr("Port"), str(s.effective_port)),
                 (self.tr("Security"), {"tls": "SSL/TLS", "starttls": "STARTTLS", "none": self.tr("None")}[
                     s.security.value]),
                 (self.tr("User name"), s.credentials.user),
                 (self.tr("Method"), self.tr("Normal password") if mechanism == NATIVE else mechanism)]
        if r.tls and not several:
            rows.append((self.tr("Encryption"), f"{r.tls.version}, {r.tls.cipher}"))
        return rows

    def _show_certificate(self, report: Report, pinned: bool) -> None:
        r = report.result
        failure = r.tls_failure.kind if r.tls_failure else None
        if r.tls is None or (failure not in CERT_KINDS and not pinned):
            return
        t = r.tls
        rows = [(self.tr("Subject"), t.subject), (self.tr("Issuer"), t.issuer),
                (self.tr("Names"), ", ".join(t.sans)), (self.tr("Expires"), t.not_after),
                (self.tr("SHA-256 fingerprint"), _group(t.sha256))]
        self.cert_text.setText("<br>".join(f"{html.escape(k)}: <b>{html.escape(v)}</b>" for k, v in rows))
        self._sha256 = t.sha256
        self.trust_button.setVisible(failure in CERT_KINDS and failure != "pin-mismatch" and not pinned)
        self.forget_button.setVisible(pinned)
        self.cert_box.show()


def _bold(text: str) -> str:
    return f"<b>{html.escape(text)}</b>"


def _group(hexdigest: str) -> str:
    """AB:CD:... in groups of eight bytes, so the line can wrap."""
    pairs = [hexdigest[i:i + 2].upper() for i in range(0, len(hexdigest), 2)]
    return " ".join(":".join(pairs[i:i + 8]) for i in range(0, len(pairs), 8))


def _strip_tags(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text)


def _linkify(text: str) -> str:
    return re.sub(r"(https?://[^\s)]+[^\s).,])", r'<a href="\1">\1</a>', html.escape(text))
