"""Recorded provider replies through the engine to the diagnosis."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailtester.driver.client import run_check
from mailtester.knowledge.diagnose import texts
from mailtester.knowledge.providers import providers, recognize
from mailtester.knowledge.report import build_report
from mailtester.knowledge.rules import rules
from mailtester.model import CheckSettings
from mailtester.protocol.credentials import Credentials, Secret
from mailtester.protocol.events import Security
from tests.servers.scripted import Conn, ScriptedServer

GMAIL = "220 smtp.gmail.com ESMTP i5sm8565805wrv.34 - gsmtp\r\n"
MS = "220 BN6PR03CA0021.outlook.office365.com Microsoft ESMTP MAIL Service ready\r\n"
YAHOO = "220 smtp.mail.yahoo.com ESMTP ready\r\n"
POSTFIX = "220 mail.example.org ESMTP Postfix (Debian/GNU)\r\n"

CASES = [
    # greeting, final reply to AUTH, mechanism, id, provider, words in the first fix
    (GMAIL, "535-5.7.8 Username and Password not accepted. Learn more at\r\n"
            "535 5.7.8  https://support.google.com/mail/?p=BadCredentials i5sm8565805wrv.34 - gsmtp\r\n",
     "PLAIN", "auth.credentials-rejected", "gmail", "app password"),
    (GMAIL, "534-5.7.9 Application-specific password required. Learn more at\r\n"
            "534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor o13sm2119833lfg.90 - gsmtp\r\n",
     "PLAIN", "auth.app-password-required", "gmail", "app password"),
    (GMAIL, "534-5.7.14 <https://accounts.google.com/signin/continue?sarp=1>\r\n"
            "534 5.7.14 https://support.google.com/mail/answer/78754 k76sm6774626pfg.42 - gsmtp\r\n",
     "PLAIN", "auth.web-login-required", "gmail", "browser"),
    (GMAIL, "454 4.7.0 Too many login attempts, please try again later. i5sm8565805wrv.34 - gsmtp\r\n",
     "PLAIN", "auth.temporary-failure", "gmail", "wait"),
    (MS, "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. "
         "Visit https://aka.ms/smtp_auth_disabled for more information. [MN2PR05CA0004.namprd05.prod.outlook.com]\r\n",
     "LOGIN", "auth.smtp-auth-disabled", "microsoft365", "admin"),
    (MS, "535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [X.prod.outlook.com]\r\n",
     "LOGIN", "auth.basic-auth-disabled", "microsoft365", "oauth"),
    (MS, "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated "
         "successfully. Contact your administrator.\r\n",
     "LOGIN", "auth.blocked-by-policy", "microsoft365", "administrator"),
    # The same code with a localized (German, Latin-1) text: classified by code.
    (MS, "535 5.7.139 Authentifizierung nicht erfolgreich, SMTP-Clientauthentifizierung ist für den Mandanten "
         "deaktiviert.\r\n".encode("latin-1"),
     "LOGIN", "auth.smtp-auth-disabled", "microsoft365", "admin"),
    (MS, "535 5.7.3 Authentication unsuccessful [BN6PR03CA0021.namprd03.prod.outlook.com]\r\n",
     "LOGIN", "auth.credentials-rejected", "microsoft365", "outlook.office.com"),
    (MS, "550 5.7.30 Basic authentication is not supported for Client Submission.\r\n",
     "LOGIN", "auth.basic-auth-disabled", "microsoft365", "oauth"),
    (YAHOO, "535 5.7.0 (#MBR1212) Incorrect username or password.\r\n",
     "PLAIN", "auth.credentials-rejected", "yahoo", "app password"),
    # A 5xx is never temporary: Yahoo sends this on the first try with the account password.
    (YAHOO, "535 5.7.0 (#AUTH005) Too many bad auth attempts.\r\n",
     "PLAIN", "auth.app-password-required", "yahoo", "app password"),
    # The same Gmail refusal on one line, and split over three: the same diagnosis.
    (GMAIL, "535 5.7.8 Username and Password not accepted. https://support.google.com/mail/?p=BadCredentials "
            "i5sm8565805wrv.34 - gsmtp\r\n", "PLAIN", "auth.credentials-rejected", "gmail", "app password"),
    (GMAIL, "535-5.7.8 Username and Password\r\n535-5.7.8 not accepted. Learn more at\r\n"
            "535 5.7.8  https://support.google.com/mail/?p=BadCredentials i5sm8565805wrv.34 - gsmtp\r\n",
     "PLAIN", "auth.credentials-rejected", "gmail", "app password"),
    (POSTFIX, "535 5.7.8 Error: authentication failed: (reason unavailable)\r\n",
     "PLAIN", "auth.credentials-rejected", None, "password"),
    ("220 mx.example.net ESMTP Exim 4.96\r\n", "535 Incorrect authentication data\r\n",
     "PLAIN", "auth.credentials-rejected", None, "password"),
    ("220 smtp.yandex.ru ESMTP\r\n", "535 5.7.8 Error: authentication failed: This user does not have access "
                                     "rights to this service\r\n",
     "PLAIN", "auth.app-password-required", "yandex", "app password"),
    ("220 smtp.yandex.ru ESMTP\r\n", "530 5.7.7 Email sending without SSL/TLS encryption is not allowed.\r\n",
     "PLAIN", "auth.tls-required", "yandex", "starttls"),
    ("220 smtp.mail.ru ESMTP ready\r\n", "535 5.7.0 NEOBHODIM parol prilozheniya "
     "https://help.mail.ru/mail/security/protection/external / Application password is REQUIRED\r\n",
     "PLAIN", "auth.app-password-required", "mailru", "password for external applications"),
    ("220 mx.zohomail.com SMTP Server ready\r\n", "535 Authentication Failed\r\n",
     "PLAIN", "auth.credentials-rejected", "zoho", "application-specific password"),
    ("220 email-smtp.amazonaws.com ESMTP SimpleEmailService-d-ABC123\r\n",
     "535 Authentication Credentials Invalid\r\n", "PLAIN", "auth.credentials-rejected", "amazon-ses",
     "smtp credentials"),
    ("220 geopod-ismtpd-1 ESMTP service ready (SendGrid)\r\n", "535 Authentication failed: Bad username / password\r\n",
     "PLAIN", "auth.credentials-rejected", "sendgrid", "apikey"),
    ("220 Mailgun Influx ready\r\n", "535 5.7.0 Mailgun is not loving your login or password\r\n",
     "PLAIN", "auth.credentials-rejected", "mailgun", "smtp credentials"),
    (POSTFIX, "535 5.7.8 Error: authentication failed: Invalid authentication mechanism\r\n",
     "LOGIN", "auth.mechanism-unsupported", None, "automatic"),
    (POSTFIX, "454 4.7.0 Temporary authentication failure: Connection lost to authentication server\r\n",
     "PLAIN", "auth.temporary-failure", None, "wait"),
    (POSTFIX, "435 4.7.8 Error: authentication failed:\r\n", "PLAIN", "auth.credentials-rejected", None,
     "password"),
    ("220 mx.example.net ESMTP Exim 4.96\r\n", "435 Unable to authenticate at present\r\n",
     "PLAIN", "auth.temporary-failure", None, "wait"),
    (POSTFIX, "503 5.5.1 Error: authentication not enabled\r\n", "PLAIN", "auth.not-offered", None, "587"),
    (MS, "504 5.7.4 Unrecognized authentication type [BN6PR03CA0021.namprd03.prod.outlook.com]\r\n",
     "LOGIN", "auth.tls-required", "microsoft365", "starttls"),
    (GMAIL, "530 5.7.0 Must issue a STARTTLS command first. w29sm21914057vcr.2 - gsmtp\r\n",
     "PLAIN", "auth.tls-required", "gmail", "starttls"),
    ("220 aiosmtpd.test Python SMTP 1.4.6\r\n",
     "538 5.7.11 Encryption required for requested authentication mechanism\r\n",
     "PLAIN", "auth.tls-required", None, "starttls"),
]


@pytest.mark.parametrize(("greeting", "final", "mech", "diag", "provider", "fix_words"), CASES)
async def test_provider_replies(greeting, final, mech, diag, provider, fix_words):
    async def h(c: Conn):
        await c.greet_ehlo(f"AUTH {mech}", greeting=greeting)
        await c.line()  # AUTH ...
        await c.send(final)
        await c.rest()

    async with ScriptedServer(h) as srv:
        result = await run_check(CheckSettings(
            host="localhost", port=srv.port, security=Security.NONE, allow_plaintext_auth=True, timeout=3,
            credentials=Credentials("someone@example.com", Secret("pw"))))
    report = build_report(result)
    assert report.diagnosis.id == diag, (result.outcome, report.diagnosis)
    assert (report.provider.id if report.provider else None) == provider
    assert fix_words.lower() in report.diagnosis.fixes[0].lower()
    expected_exit = 6 if final[:1] in ("4", b"4") else 7 if diag in (
        "auth.tls-required", "auth.mechanism-unsupported", "auth.not-offered") else 1
    assert report.exit_code == expected_exit


async def test_xoauth2_error_is_explained():
    async def h(c: Conn):
        await c.greet_ehlo("AUTH LOGIN PLAIN XOAUTH2", greeting=GMAIL)
        await c.line()
        await c.send("334 eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xl"
                     "LmNvbS8ifQ==\r\n")
        assert await c.line() == b"\r\n"
        await c.send("535-5.7.1 Username and Password not accepted. Learn more at\r\n"
                     "535 5.7.1 https://support.google.com/mail/?p=BadCredentials hx9sm5317360pbc.68\r\n")
        await c.rest()

    async with ScriptedServer(h) as srv:
        result = await run_check(CheckSettings(
            host="localhost", port=srv.port, security=Security.NONE, allow_plaintext_auth=True, timeout=3,
            credentials=Credentials("someone@gmail.com", token=Secret("ya29.expired"))))
    report = build_report(result)
    assert not srv.errors
    assert report.diagnosis.id == "auth.token-rejected"
    assert "https://mail.google.com/" in report.diagnosis.explanation
    challenge = next(e for e in result.timeline if e.decoded and e.direction == "S")
    assert '"status":"400"' in challenge.decoded


def test_every_rule_names_a_described_diagnosis():
    described = set(texts("en"))
    assert {r.id for r in rules()} <= described
    for did, entry in texts("en").items():
        assert entry["title"] and entry["explanation"] and entry["fixes"], did


def test_documented_ids_are_all_described():
    documented = {
        "auth.credentials-rejected", "auth.app-password-required", "auth.web-login-required",
        "auth.smtp-auth-disabled", "auth.basic-auth-disabled", "auth.blocked-by-policy", "auth.token-rejected",
        "auth.mechanism-unsupported", "auth.not-offered", "auth.tls-required", "auth.temporary-failure",
        "auth.plaintext-refused", "tls.certificate-untrusted", "tls.certificate-expired", "tls.hostname-mismatch",
        "tls.mode-mismatch", "tls.starttls-unavailable", "tls.protocol-too-old", "tls.handshake-failed",
        "dns.not-found", "connect.refused", "connect.timeout", "connect.closed", "server.unavailable",
        "protocol.malformed-reply", "protocol.timeout"}
    assert documented <= set(texts("en"))
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    for did in texts("en"):
        assert f"`{did}`" in readme, f"{did} is not documented in the README"


def test_provider_recognition():
    ids = {p.id for p in providers()}
    assert {"gmail", "microsoft365", "yahoo", "icloud", "zoho", "fastmail", "gmx", "ionos", "yandex", "mailru",
            "amazon-ses", "sendgrid", "mailgun"} <= ids
    assert recognize("smtp.gmail.com").id == "gmail"
    assert recognize("email-smtp.eu-west-1.amazonaws.com").id == "amazon-ses"
    assert recognize("mail.mycompany.example", ["220 x ESMTP 5sm1 - gsmtp"]).id == "gmail"
    assert recognize("mail.mycompany.example", [], "me@outlook.com").id == "microsoft365"
    assert recognize("mail.mycompany.example", ["220 mail ESMTP Postfix"], "me@mycompany.example") is None
    for p in providers():
        assert p.links.get("source", "").startswith("https://"), p.id


@pytest.mark.parametrize(("host", "user", "mechanism", "offered", "expected"), [
    ("smtp.example.org", "alice", "PLAIN", ("PLAIN",), [("user", "alice@example.org")]),
    # An ordinary 535: every mechanism checks the same password, so no other mechanism is offered.
    ("mail.example.org", "alice@example.org", "PLAIN", ("PLAIN", "LOGIN"), [("user", "alice")]),
    ("smtp.gmail.com", "alice", "PLAIN", ("PLAIN",), [("user", "alice@gmail.com")]),
    ("smtp.web.de", "alice", "PLAIN", ("PLAIN",), [("user", "alice@web.de")]),  # not GMX's first domain
    ("smtp.gmail.com", "alice@gmail.com", "PLAIN", ("PLAIN",), []),  # Gmail wants the full address: no variant
    ("smtp.sendgrid.net", "apikey", "PLAIN", ("PLAIN",), []),  # SendGrid's user is literally apikey
    ("127.0.0.1", "alice", "LOGIN", ("LOGIN",), []),
])
def test_next_step_suggestions(host, user, mechanism, offered, expected):
    from mailtester.knowledge.diagnose import Facts, diagnose
    from mailtester.protocol.events import Ending, Outcome, Stage
    from mailtester.protocol.replies import Reply

    outcome = Outcome(ok=False, ending=Ending.AUTH_REJECTED, stage=Stage.AUTH, mechanism=mechanism, offered=offered,
                      reply=Reply(535, ("5.7.8 no",), ("535 5.7.8 no",)))
    d = diagnose(Facts(outcome, Security.TLS, 465, recognize(host)), host=host, user=user)
    assert [(s.kind, s.value) for s in d.suggestions] == expected
    if expected:
        assert "lockout" in d.fixes[-1]


@pytest.mark.parametrize("case", [CASES[0], CASES[1], CASES[4], CASES[9], CASES[10]],
                         ids=["gmail-535", "gmail-534-5.7.9", "ms-5.7.139-tenant", "ms-550-5.7.30", "yahoo-535"])
async def test_command_json_against_provider_like_servers(case, monkeypatch):
    """The same through `mailtester check --json` (in-process), as a help desk script would see it."""
    import io
    import json

    from mailtester import cli

    greeting, final, mech, diag, provider, fix_words = case

    async def h(c: Conn):
        await c.greet_ehlo(f"AUTH {mech}", greeting=greeting)
        await c.line()
        await c.send(final)
        await c.rest()

    monkeypatch.setenv("MT_PW", "pw")
    async with ScriptedServer(h) as srv:
        args = cli.build_parser().parse_args([
            "check", "--host", "localhost", "--port", str(srv.port), "--security", "none", "--allow-plaintext-auth",
            "--user", "someone@example.com", "--password-env", "MT_PW", "--json", "--lang", "en"])
        out = io.StringIO()
        code = await cli.run(args, io.StringIO(), out)
    result = json.loads(out.getvalue())
    assert (result["diagnosis"]["id"], result["provider"]) == (diag, provider)
    assert fix_words.lower() in result["diagnosis"]["fixes"][0].lower()
    assert code == (6 if final[:1] in ("4", b"4") else 1)
