"""The IMAP core fed transcripts: RFC examples, Dovecot-like and hostile servers."""

from __future__ import annotations

import base64

import pytest

from mailtester.protocol.credentials import REDACTED, Credentials, Secret
from mailtester.protocol.events import Ending, Protocol, Security, Stage
from mailtester.protocol.imap import ImapParser, ImapSession, astring
from mailtester.protocol.session import NATIVE, SessionConfig
from tests.protocol.conversation import MODES, converse

CREDS = Credentials("alice@test.localhost", Secret('pa"ss\\word'))
GREETING = "* OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ID STARTTLS LOGINDISABLED] Dovecot ready.\r\n"
CAPS_TLS = "* CAPABILITY IMAP4rev1 SASL-IR ID AUTH=PLAIN AUTH=LOGIN\r\n"


def session(security=Security.STARTTLS, creds=CREDS, **kw) -> ImapSession:
    return ImapSession(SessionConfig(security, creds, client_version="1.0", **kw))


@pytest.mark.parametrize("mode", MODES)
def test_starttls_then_authenticate_plain_with_sasl_ir_then_id_examine_logout(mode):
    c = converse(session(), [
        GREETING, "a1 OK Begin TLS negotiation now.\r\n",
        CAPS_TLS + "a2 OK Pre-login capabilities listed, post-login capabilities have more.\r\n",
        "a3 OK [CAPABILITY IMAP4rev1 ID IDLE] Logged in\r\n",
        '* ID ("name" "Dovecot")\r\na4 OK ID completed.\r\n',
        "* FLAGS (\\Seen)\r\n* 0 EXISTS\r\n* OK [UIDVALIDITY 1] UIDs valid\r\na5 OK [READ-ONLY] Examine completed.\r\n",
        "* BYE Logging out\r\na6 OK Logout completed.\r\n"], mode)
    plain = base64.b64encode(b'\0alice@test.localhost\0pa"ss\\word')
    assert c.sent == [b"a1 STARTTLS\r\n", b"a2 CAPABILITY\r\n", b"a3 AUTHENTICATE PLAIN " + plain + b"\r\n",
                      b'a4 ID ("name" "Mail Account Tester" "version" "1.0" "vendor" "Mail Account Tester")\r\n',
                      b"a5 EXAMINE INBOX\r\n", b"a6 LOGOUT\r\n"]
    assert c.shown[2] == f"a3 AUTHENTICATE PLAIN {REDACTED}"
    assert plain.decode() in c.forms
    assert c.outcome.ok and c.outcome.ending is Ending.AUTHENTICATED and c.outcome.mechanism == "PLAIN"
    assert c.outcome.reply.status == "OK"


@pytest.mark.parametrize("mode", MODES)
def test_plaintext_after_starttls_ok_is_discarded_and_capabilities_asked_again(mode):
    injected = "a1 OK Begin TLS\r\n* CAPABILITY IMAP4rev1 AUTH=PLAIN AUTH=ANONYMOUS\r\n"
    c = converse(session(), [GREETING, injected, CAPS_TLS + "a2 OK done\r\n"], mode)
    if mode != "bytes":  # byte by byte, the injection arrives after TLS was requested and is never read
        assert "discarded-any" in c.notes
    assert c.sent[1] == b"a2 CAPABILITY\r\n"
    assert c.session.capabilities == {"IMAP4REV1", "SASL-IR", "ID", "AUTH=PLAIN", "AUTH=LOGIN"}


@pytest.mark.parametrize("mode", MODES)
def test_native_login_quotes_and_literal_plus(mode):
    creds = Credentials("alice@test.localhost", Secret('pa"ss\\word'))
    c = converse(session(Security.TLS, creds, mechanism=NATIVE), [
        "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n", "a1 OK Logged in\r\n", "a2 OK done\r\n"],
        mode, implicit_tls=True)
    assert c.sent[0] == b'a1 LOGIN "alice@test.localhost" "pa\\"ss\\\\word"\r\n'
    assert c.shown[0] == f'a1 LOGIN "alice@test.localhost" {REDACTED}'
    assert '"pa\\"ss\\\\word"' in c.forms  # the quoted form, should a server echo it
    assert c.outcome.ok and c.outcome.mechanism == NATIVE


@pytest.mark.parametrize("mode", MODES)
def test_rfc3501_synchronizing_literals_wait_for_the_continuation(mode):
    # RFC 3501 §7.5's dialogue, with a user and password that only literals can carry.
    creds = Credentials("frëd", Secret("fät man"))
    c = converse(session(Security.TLS, creds, mechanism=NATIVE), [
        "* OK [CAPABILITY IMAP4rev1] ready\r\n",
        "+ Ready for additional command text\r\n", "+ Ready for additional command text\r\n",
        "A001 OK LOGIN completed\r\n".replace("A001", "a1"), "a2 OK done\r\n"], mode, implicit_tls=True)
    assert c.sent[:3] == [b"a1 LOGIN {5}\r\n", "frëd {8}\r\n".encode(), "fät man\r\n".encode()]
    assert c.shown[2] == REDACTED
    assert c.outcome.ok


def test_literal_plus_sends_without_waiting():
    creds = Credentials("alice", Secret("pässword"))
    c = converse(session(Security.TLS, creds, mechanism=NATIVE),
                 ["* OK [CAPABILITY IMAP4rev1 LITERAL+] ready\r\n"], implicit_tls=True)
    assert c.sent == [b'a1 LOGIN "alice" {9+}\r\n', "pässword\r\n".encode()]


def test_auto_prefers_authenticate_plain_for_a_utf8_password():
    creds = Credentials("bjorn", Secret("pässwörd€ "))
    c = converse(session(Security.TLS, creds), ["* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n", "+ \r\n"],
                 implicit_tls=True)
    assert c.sent == [b"a1 AUTHENTICATE PLAIN\r\n", base64.b64encode("\0bjorn\0pässwörd€ ".encode()) + b"\r\n"]


@pytest.mark.parametrize("mode", MODES)
def test_rfc4959_examples(mode):
    creds = Credentials("test", Secret("test"), authzid="test")
    ir = converse(session(Security.TLS, creds), [
        "* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready\r\n", "a1 OK Success (tls protection)\r\n"],
        mode, implicit_tls=True)
    assert ir.sent[0] == b"a1 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=\r\n"
    no_ir = converse(session(Security.TLS, creds), [
        "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n", "+ \r\n", "a1 OK Success (tls protection)\r\n"],
        mode, implicit_tls=True)
    assert no_ir.sent[:2] == [b"a1 AUTHENTICATE PLAIN\r\n", b"dGVzdAB0ZXN0AHRlc3Q=\r\n"]


@pytest.mark.parametrize("mode", MODES)
def test_authenticate_login_decodes_both_prompts(mode):
    c = converse(session(Security.TLS, mechanism="LOGIN"), [
        "* OK [CAPABILITY IMAP4rev1 AUTH=LOGIN] ready\r\n", "+ VXNlcm5hbWU6\r\n", "+ UGFzc3dvcmQ6\r\n",
        "a1 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n"], mode, implicit_tls=True)
    prompts = [r.challenge.text for r in c.replies if r.challenge is not None]
    assert prompts == ["Username:", "Password:"]
    assert c.shown[2] == REDACTED
    o = c.outcome
    assert o.ending is Ending.AUTH_REJECTED and o.reply.status == "NO"
    assert o.reply.response_code == "AUTHENTICATIONFAILED" and o.stage is Stage.AUTH


def test_logindisabled_without_tls_sends_nothing():
    c = converse(session(Security.NONE, allow_plaintext_auth=True, mechanism=NATIVE), [GREETING])
    assert c.sent == [b"a1 LOGOUT\r\n"]
    assert c.outcome.ending is Ending.LOGIN_DISABLED


def test_plaintext_not_allowed_stops_before_login():
    c = converse(session(Security.NONE), ["* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n"])
    assert c.sent == [b"a1 LOGOUT\r\n"] and c.outcome.ending is Ending.PLAINTEXT_REFUSED


@pytest.mark.parametrize("security", [Security.STARTTLS, Security.TLS, Security.NONE])
def test_preauth_is_never_a_success(security):
    c = converse(session(security), ["* PREAUTH IMAP4rev1 server logged in as Smith\r\n"],
                 implicit_tls=security is Security.TLS)
    assert c.sent == [b"a1 LOGOUT\r\n"]  # no credential, only a polite goodbye
    assert not c.outcome.ok and c.outcome.ending is Ending.PREAUTHENTICATED


def test_starttls_not_offered_sends_no_credentials():
    c = converse(session(), ["* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n"])
    assert c.sent == [b"a1 LOGOUT\r\n"] and c.outcome.ending is Ending.STARTTLS_UNAVAILABLE


def test_greeting_without_capabilities_asks_for_them():
    c = converse(session(Security.TLS), ["* OK Gimap ready\r\n", CAPS_TLS + "a1 OK Success\r\n"],
                 implicit_tls=True)
    assert c.sent[0] == b"a1 CAPABILITY\r\n" and c.sent[1].startswith(b"a2 AUTHENTICATE PLAIN ")


def test_bye_greeting_is_a_refusal():
    c = converse(session(), ["* BYE Too many connections\r\n"])
    assert c.outcome.ending is Ending.GREETING_REJECTED and c.outcome.reply.status == "BYE" and c.sent == []


def test_login_accepted_but_mailbox_refused():
    c = converse(session(Security.TLS, mechanism=NATIVE), [
        "* OK [CAPABILITY IMAP4rev1] ready\r\n", "a1 OK LOGIN completed.\r\n",
        "a2 BAD User is authenticated but not connected.\r\n"], implicit_tls=True)
    assert c.sent[1] == b"a2 EXAMINE INBOX\r\n"
    assert not c.outcome.ok and c.outcome.ending is Ending.AFTER_LOGIN_REFUSED and c.outcome.reply.status == "BAD"


def test_xoauth2_error_dance():
    error = base64.b64encode(b'{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}').decode()
    c = converse(session(Security.TLS, Credentials("u@gmail.com", token=Secret("ya29.token"))), [
        "* OK [CAPABILITY IMAP4rev1 AUTH=XOAUTH2 SASL-IR] ready\r\n", f"+ {error}\r\n",
        "a1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)\r\n"], implicit_tls=True)
    assert c.sent[1] == b"\r\n"  # the empty answer the mechanism requires
    assert c.outcome.oauth_error_fields["status"] == "400" and c.outcome.ending is Ending.AUTH_REJECTED


def test_endless_challenges_are_cancelled():
    c = converse(session(Security.TLS), ["* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n",
                                         "+ \r\n", "+ \r\n", "+ \r\n", "a1 BAD cancelled\r\n"], implicit_tls=True)
    assert c.sent[2] == b"*\r\n"
    assert c.outcome.ending is Ending.UNEXPECTED_CHALLENGE


def test_bye_then_close_after_refusal():
    c = converse(session(Security.TLS, mechanism=NATIVE), [
        "* OK [CAPABILITY IMAP4rev1] ready\r\n", "* BYE Autologout; too many failures\r\n"], implicit_tls=True)
    c.take(c.session.connection_lost())
    assert c.outcome.ending is Ending.SERVICE_CLOSING and c.outcome.reply.status == "BYE"


@pytest.mark.parametrize("greeting, answered", [("220 mail.test ESMTP Postfix\r\n", Protocol.SMTP),
                                                 ("+OK Dovecot ready.\r\n", Protocol.POP3)])
def test_wrong_service(greeting, answered):
    c = converse(session(), [greeting])
    assert c.sent == [] and c.outcome.ending is Ending.WRONG_SERVICE and c.outcome.answered_by is answered


@pytest.mark.parametrize("bad", ["a9 OK not ours\r\n", "+ unasked\r\n"])
def test_responses_nobody_asked_for_are_malformed(bad):
    c = converse(session(Security.TLS), ["* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n" + bad],
                 implicit_tls=True)
    assert c.outcome.ending is Ending.MALFORMED


def test_parser_reads_server_literals_whole_and_byte_by_byte():
    data = b'* ID ("name" {5}\r\nhe\r\no "x" {0}\r\n)\r\na1 OK done\r\n'
    for chunks in ([data], [data[i:i + 1] for i in range(len(data))]):
        p, lines = ImapParser(), []
        for chunk in chunks:
            p.feed(chunk)
            while (line := p.next_line()) is not None:
                lines.append(line)
        assert [x.kind for x in lines] == ["*", "tagged"]
        assert "he\u240d\u240ao" in lines[0].shown and lines[1].status == "OK"


def test_astring_quotes_or_asks_for_a_literal():
    assert astring('a"b\\c') == (b'"a\\"b\\\\c"', False)
    assert astring("ş") == ("ş".encode(), True)
