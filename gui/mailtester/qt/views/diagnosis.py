"""The diagnosis panel: the verdict in one sentence (with a warning when a
success has one), what happened, a button per suggested fix, numbered fixes
and links, the server's deciding words as a quoted detail; the working
settings on success; the certificate when it could not be verified.

Server-controlled text is shown neutral and escaped wherever a label reads
rich text (see ..neutral)."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...knowledge.diagnose import Suggestion
from ...knowledge.report import Report
from ...protocol.session import NATIVE
from ..i18n import local_cert_time, stretch
from ..neutral import neutral, rich
from .steps import prefixed

CERT_KINDS = ("untrusted", "hostname", "expired", "not-yet-valid", "pin-mismatch")
# The suggestion kinds the window can apply (a field of the side that failed each).
SUGGESTION_KINDS = ("security", "port", "user", "mechanism")
MARKS = {"works": "\u2714", "failed": "\u2716", "warned": "\u26a0"}
# Light and dark palettes; each at least 4.5:1 against its window colour.
_COLORS = {"works": ("#2e7d32", "#81c784"), "failed": ("#c62828", "#ef9a9a"), "warned": ("#9a5b00", "#ffcc80")}


def mark_color(kind: str, widget: QWidget) -> str:
    """The colour of a verdict kind ("works", "failed", "warned") in the widget's palette."""
    dark = widget.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return _COLORS[kind][1 if dark else 0]


def mark_html(kind: str, widget: QWidget) -> str:
    """The mark of a verdict kind, in its colour, for a rich-text label."""
    return f'<span style="color:{mark_color(kind, widget)}">{MARKS[kind]}</span>'


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
    # A suggested variant, to be applied to this side and tried once: kind (one of
    # SUGGESTION_KINDS), value, and the port it is for (0 when it names none).
    retryRequested = Signal(str, str, int)

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
        self.warnings = _label(prefixed(prefix, "warningsLabel"), self, rich=True)
        self.explanation = _label(prefixed(prefix, "explanationLabel"), self)
        self.details = _label(prefixed(prefix, "detailsLabel"), self, rich=True)
        # The certificate after a failure; on success the connection's security (encryption,
        # certificate, login method): one box, below the settings a mail program asks for.
        self.cert_box = QGroupBox(self.tr("Certificate shown by the server"), self)
        self.cert_box.setObjectName(prefixed(prefix, "certificateBox"))
        cert_layout = QVBoxLayout(self.cert_box)
        self.security_text = _label(prefixed(prefix, "securityLabel"), self.cert_box, rich=True)
        self.cert_text = _label(prefixed(prefix, "certificateLabel"), self.cert_box, rich=True)
        self.trust_note = _label(prefixed(prefix, "trustNoteLabel"), self.cert_box, rich=True)
        buttons = QHBoxLayout()
        # short, so it fits a narrow panel: the confirmation names the server
        self.trust_button = QPushButton(self.tr("Trust this certificate\u2026"), self.cert_box)
        self.trust_button.setObjectName(prefixed(prefix, "trustButton"))
        self.forget_button = QPushButton(self.tr("Forget the trusted certificate"), self.cert_box)
        self.forget_button.setObjectName(prefixed(prefix, "forgetTrustButton"))
        buttons.addWidget(self.trust_button)
        buttons.addWidget(self.forget_button)
        buttons.addStretch(1)
        for label in (self.security_text, self.trust_note):  # no links: selectable, not a stop for Tab
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.security_text, self.cert_text, self.trust_note):
            cert_layout.addWidget(label)
        cert_layout.addLayout(buttons)
        self.retry_box = QWidget(self)
        self.retry_box.setObjectName(prefixed(prefix, "retryBox"))
        self.retry_layout = QHBoxLayout(self.retry_box)
        self.retry_layout.setContentsMargins(0, 0, 0, 0)
        self.retry_buttons: list[QPushButton] = []
        self._layout = layout
        for w in (self.verdict, self.warnings, self.explanation, self.retry_box, self.cert_box, self.details):
            layout.addWidget(w)
        layout.addStretch(1)
        self._sha256 = ""
        self._trust_target = ""  # host:port the certificate shown is (or would be) trusted for
        self.trust_button.clicked.connect(lambda: self.trustRequested.emit(self._sha256))
        self.forget_button.clicked.connect(self.forgetTrustRequested)
        self.show_idle()

    # -- states ----------------------------------------------------------------------

    def _set(self, verdict: str, explanation: str = "", details: str = "", kind: str = "", after: str = "",
             warnings: tuple[str, ...] = ()) -> None:
        """`verdict`, `explanation`, `after` (shown after the verdict, as the provider's
        name) and `warnings` are plain text; `details` is rich text, escaped by the caller;
        `kind` marks the verdict ("works", "failed", "warned")."""
        mark = mark_html(kind, self) + " " if kind else ""
        size = ' style="font-size:large"' if kind else ""
        self.verdict.setText(f"<span{size}>{mark}<b>{html.escape(verdict)}</b></span>"
                             + (f" ({html.escape(after)})" if after else ""))
        warning_mark = mark_html("warned", self)
        self.warnings.setText("".join(f"<p>{warning_mark} {html.escape(w)}</p>" for w in warnings))
        self.warnings.setVisible(bool(warnings))
        self.explanation.setText(explanation)
        self.explanation.setVisible(bool(explanation))
        self.details.setText(details)
        self.details.setVisible(bool(details))
        self.cert_box.hide()
        spoken = verdict + (f" ({after})" if after else "")
        self.setAccessibleDescription(" ".join((spoken, *warnings, explanation)).strip())
        self._set_suggestions(())

    def _set_suggestions(self, suggestions: tuple[Suggestion, ...]) -> None:
        """One button per suggested variant: tried only when the person presses it."""
        for button in self.retry_buttons:  # a button may be the one being clicked: deleted later
            button.hide()
            button.setObjectName("")
            button.deleteLater()
        self.retry_buttons = []
        while self.retry_layout.takeAt(0) is not None:
            pass
        previous: QWidget = self.explanation
        for s in (s for s in suggestions if s.kind in SUGGESTION_KINDS):
            text = self._data_text(neutral(s.label))
            button = QPushButton(text.replace("&", "&&"), self.retry_box)
            button.setObjectName(prefixed(self._prefix, f"retryButton{len(self.retry_buttons)}"))
            button.setAccessibleName(text)
            button.setToolTip(self.tr("Each failed try may count toward the provider's lockout."))
            button.clicked.connect(lambda _=False, s=s: self.retryRequested.emit(s.kind, s.value, s.port or 0))
            self.retry_layout.addWidget(button)
            QWidget.setTabOrder(previous, button)  # right after the explanation it follows from
            previous = button
            self.retry_buttons.append(button)
        self.retry_layout.addStretch(1)
        self.retry_box.setVisible(bool(self.retry_buttons))

    def show_idle(self, token: bool = False) -> None:
        """`token`: this side's method is OAuth2, which sends an access token and no password."""
        self._set(self.tr("Ready."),
                  self.tr("Fill in the account and choose Test account. The OAuth2 access token is sent only "
                          "over an encrypted connection unless you allow otherwise.") if token else
                  self.tr("Fill in the account and choose Test account. The password is sent only over an "
                          "encrypted connection unless you allow otherwise."))

    def show_not_tested(self, incoming: bool) -> None:
        self._set(self.tr("Not tested."),
                  self.tr("No incoming server was entered, so receiving was not tested.") if incoming else
                  self.tr("No outgoing server was entered, so sending was not tested."))

    def show_running(self) -> None:
        self._set(self.tr("Testing\u2026"),
                  self.tr("Watch the timeline: every line exchanged with the server appears as it happens."))

    def show_cancelled(self, seconds: float | None = None) -> None:
        self._set(self.tr("Cancelled after %1 s.").replace("%1", str(round(seconds))) if seconds is not None
                  else self.tr("Cancelled."),
                  self.tr("The test was stopped; nothing more was sent."))

    def show_report(self, report: Report, pinned: bool = False, account: tuple[Report, ...] = ()) -> None:
        """`account`: the working sides of the whole account, listed together in the
        settings to use when there is more than this one."""
        r = report.result

        def t(text: str) -> str:  # a text of the engine: neutral, and in the pseudo-locale stretched
            return self._data_text(neutral(text))

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
            table = "<table>" + "".join(
                f'<tr><td colspan="2"><b>{rich(row) or "&nbsp;"}</b></td></tr>' if isinstance(row, str) else
                f"<tr><td>{rich(row[0])}:&nbsp;</td><td><b>{rich(row[1])}</b></td></tr>"
                for row in rows
            ) + "</table>"
            warned = bool(report.warnings)
            if r.settings.protocol.incoming:
                verdict = self.tr("Receiving works, with a warning: this account can log in and read mail.") \
                    if warned else self.tr("Receiving works: this account can log in and read mail.")
            else:
                verdict = self.tr("This account can log in and send, with a warning.") if warned \
                    else self.tr("This account can log in and send.")
            accepted = self.tr("The server accepted the user name and the OAuth2 access token. Use these "
                               "settings in your mail program, with OAuth2 as its sign-in method:") \
                if r.outcome.mechanism in ("XOAUTH2", "OAUTHBEARER") else \
                self.tr("The server accepted the user name and password. Use these settings in your mail program:")
            self._set(verdict, accepted, table, kind="warned" if warned else "works",
                      warnings=tuple(t(w.text) for w in report.warnings),
                      after=report.provider.name if report.provider else "")
        else:
            d = report.diagnosis
            assert d is not None
            what, more, causes = self.tr("What to do"), self.tr("More help"), self.tr("Usual causes")
            said = self.tr("The server said:")
            parts = []
            if d.fixes:
                parts.append(f"<p>{_bold(what)}</p><ol>" + "".join(f"<li>{_linkify(t(f))}</li>" for f in d.fixes)
                             + "</ol>")
            if d.server_said:  # the server's own words, quoted as they came (neutral), never in a sentence
                quote = "<br>".join(rich(line) for line in d.server_said)
                parts.append(f"<p>{_bold(said)}</p><blockquote><code>{quote}</code></blockquote>")
            if d.detail:  # the system's or OpenSSL's words ([Errno -2] ...), quoted, in English as they came
                technical = self.tr("Technical detail:")
                parts.append(f"<p>{_bold(technical)}</p><blockquote><code>{rich(d.detail)}</code></blockquote>")
            if d.links:
                parts.append(f"<p>{_bold(more)}</p><ul>" + "".join(
                    f'<li><a href="{html.escape(u)}">{html.escape(u)}</a></li>' for u in d.links) + "</ul>")
            if d.causes:
                parts.append(f"<p>{_bold(causes)}</p><ul>" + "".join(f"<li>{rich(t(c))}</li>" for c in d.causes)
                             + "</ul>")
            parts.append(f"<p><small>{html.escape(d.id)}</small></p>")  # for a help desk, last and small
            self._set(t(d.title), t(d.explanation), "".join(parts), kind="failed",
                      after=report.provider.name if report.provider else "")
            self._set_suggestions(d.suggestions)
        # on success the security below the settings; after a failure the certificate before the fixes
        self._layout.removeWidget(self.cert_box)
        self._layout.insertWidget(self._layout.indexOf(self.details) + (1 if r.ok else 0), self.cert_box)
        self._show_security(report, pinned)

    def _server_rows(self, report: Report, several: bool) -> list[tuple[str, str] | str]:
        """What a mail program asks for, in its words; `several`: under a heading that
        names the protocol."""
        r = report.result
        s = r.settings
        rows: list[tuple[str, str] | str] = []
        if s.protocol.incoming and not several:
            rows.append((self.tr("Protocol"), s.protocol.value.upper()))
        rows += [(self.tr("Server"), f"{s.host}"), (self.tr("Port"), str(s.effective_port)),
                 (self.tr("Connection security"), self.security_words(s.security.value)),
                 (self.tr("User name"), s.credentials.user),
                 (self.tr("Authentication method"), self.method_words(r.outcome.mechanism or ""))]
        return rows

    def security_words(self, security: str) -> str:
        """The connection security as mail programs name it."""
        return {"tls": "SSL/TLS", "starttls": "STARTTLS"}.get(security) or self.tr("None")

    def method_words(self, mechanism: str) -> str:
        """A login method as mail programs name it (Thunderbird, Outlook, Apple Mail)."""
        if mechanism in ("CRAM-MD5", "APOP"):
            return self.tr("Encrypted password")
        if mechanism in ("XOAUTH2", "OAUTHBEARER"):
            return self.tr("OAuth2")
        return self.tr("Normal password")

    def _exchange_words(self, report: Report) -> str:
        """The login exchange the test used, by its protocol name (SASL PLAIN, IMAP LOGIN)."""
        mechanism = report.result.outcome.mechanism or ""
        protocol = report.result.settings.protocol
        if mechanism == NATIVE:
            command = {"imap": "LOGIN", "pop3": "USER/PASS"}.get(protocol.value, "")
            return f"{protocol.value.upper()} {command}".strip()
        return "APOP" if mechanism == "APOP" else f"SASL {mechanism}" if mechanism else ""

    def _show_security(self, report: Report, pinned: bool) -> None:
        """After a success: the encryption, how the certificate was trusted and the login
        exchange; the certificate itself when the person pinned it, with what that means
        for a mail program. After a certificate failure: the certificate, to trust."""
        r = report.result
        failure = r.tls_failure.kind if r.tls_failure else None
        certificate = r.tls is not None and (failure in CERT_KINDS or pinned)
        s = r.settings
        self._trust_target = f"{s.host}:{s.effective_port}"
        self.trust_note.hide()
        if r.ok:
            self.cert_box.setTitle(self.tr("Security"))
            rows = []
            if r.tls is not None:
                rows.append((self.tr("Encryption"), f"{_tls_version(r.tls.version)} ({r.tls.cipher})"))
                rows.append((self.tr("Certificate"), self.tr("trusted by you, by its fingerprint") if pinned else
                             self.tr("verified by an authority this computer trusts")))
            else:
                rows.append((self.tr("Encryption"), self.tr("none")))
            rows.append((self.tr("Login exchange"), self._exchange_words(report)))
            self.security_text.setText(_rows_html(rows))
            self.security_text.show()
        elif not certificate:
            return
        else:
            self.cert_box.setTitle(self.tr("Certificate shown by the server"))
            self.security_text.hide()
        self.cert_text.setVisible(certificate)
        self.trust_button.hide()
        self.forget_button.hide()
        if certificate:
            assert r.tls is not None
            t = r.tls
            rows = [(self.tr("Subject"), t.subject), (self.tr("Issuer"), t.issuer),
                    (self.tr("Names"), ", ".join(self._name_words(n) for n in t.sans)),
                    (self.tr("Expires"), local_cert_time(t.not_after)),
                    (self.tr("SHA-256 fingerprint"), group_fingerprint(t.sha256))]
            self.cert_text.setText(_rows_html(rows))
            self._sha256 = t.sha256
            self.trust_button.setVisible(failure in CERT_KINDS and failure != "pin-mismatch" and not pinned)
            self.forget_button.setVisible(pinned)
            if pinned:
                self._note(self._pinned_words())
        self.cert_box.show()

    def _name_words(self, name: str) -> str:
        """A certificate name as shown: a DNS name as it is, another kind with its kind in words."""
        kind, sep, value = name.partition(":")
        words = {"IP Address": self.tr("IP address"), "email": self.tr("email"), "URI": "URI"}
        return f"{words[kind]} {value}" if sep and kind in words else name

    def _pinned_words(self) -> str:
        return self.tr(
            "Mail programs will not trust this certificate: they check it against the authorities this "
            "computer trusts, not against the fingerprint you trusted here, so they will warn or refuse. "
            "What fixes that: the server's administrator installs a certificate from a public certificate "
            "authority; or your organization's certificate authority is installed on this computer; or you "
            "use the provider's proper server name, the one its certificate names.")

    def _note(self, text: str, kind: str = "warned") -> None:
        self.trust_note.setText(f"<p>{mark_html(kind, self)} {html.escape(text)}</p>")
        self.trust_note.show()

    def show_trusted(self) -> None:
        """The certificate shown was trusted: say so, and what happens next."""
        self.trust_button.hide()
        self.forget_button.show()
        self._note(self.tr("Trusted for %1. Test again to use it.").replace("%1", self._trust_target), "works")

    def show_forgotten(self) -> None:
        """The pinned certificate was forgotten: nothing shown may still claim it is trusted."""
        self.forget_button.hide()
        self.trust_button.setVisible(bool(self._sha256))
        self.security_text.setText(self.security_text.text().replace(
            html.escape(self.tr("trusted by you, by its fingerprint")),
            html.escape(self.tr("no longer trusted"))))
        self._note(self.tr("The certificate is no longer trusted for %1: the next test will stop at it "
                           "before sending the password.").replace("%1", self._trust_target))


def _rows_html(rows: list[tuple[str, str]]) -> str:
    """One "label: <b>value</b>" line a row; a row without a value is left out."""
    return "<br>".join(f"{html.escape(k)}: <b>{rich(v)}</b>" for k, v in rows if v)


def _tls_version(version: str) -> str:
    """TLSv1.3 -> TLS 1.3"""
    return version.replace("TLSv", "TLS ")


def _bold(text: str) -> str:
    return f"<b>{html.escape(text)}</b>"


def group_fingerprint(hexdigest: str) -> str:
    """AB:CD:... in groups of eight bytes, so the line can wrap."""
    pairs = [hexdigest[i:i + 2].upper() for i in range(0, len(hexdigest), 2)]
    return " ".join(":".join(pairs[i:i + 8]) for i in range(0, len(pairs), 8))


def _linkify(text: str) -> str:
    return re.sub(r"(https?://[^\s)]+[^\s).,])", r'<a href="\1">\1</a>', html.escape(text))
