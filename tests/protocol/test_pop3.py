"""The POP3 core fed transcripts: RFC 1939/2449/5034 examples, Dovecot-like and hostile servers."""

from __future__ import annotations

import base64

import pytest

from mailtester.protocol.credentials import REDACTED, Credentials, Secret
from mailtester.protocol.events import Ending, Protocol, Security, Stage
from mailtester.protocol.pop3 import APOP, Pop3Session, apop_timestamp
from mailtester.protocol.session import NATIVE, SessionConfig
from tests.protocol.conversation import MODES, converse

CREDS = Credentials("alice@test.localhost", Secret("alice-Secret-123"))
CAPA_PLAIN = "+OK\r\nCAPA\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nPIPELINING\r\nAUTH-RESP-CODE\r\nSTLS\r\n.\r\n"
CAPA_TLS = "+OK\r\nCAPA\r\nUSER\r\nRESP-CODES\r\nSASL PLAIN LOGIN\r\n.\r\n"


def session(security=Security.STARTTLS, creds=CREDS, **kw) -> Pop3Session:
    return Pop3Session(SessionConfig(security, creds, **kw))


@pytest.mark.parametrize("mode", MODES)
def test_stls_then_user_pass_then_stat_quit(mode):
    c = converse(session(mechanism=NATIVE), [
        "+OK Dovecot ready.\r\n", CAPA_PLAIN, "+OK Begin TLS negotiation now.\r\n", CAPA_TLS,
        "+OK\r\n", "+OK Logged in.\r\n", "+OK 0 0\r\n", "+OK Logging out.\r\n"], mode,
        trailing=b"+OK junk\r\n")
    assert c.sent == [b"CAPA\r\n", b"STLS\r\n", b"CAPA\r\n", b"USER alice@test.localhost\r\n",
                      b"PASS alice-Secret-123\r\n", b"STAT\r\n", b"QUIT\r\n"]
    assert c.shown[4] == f"PASS {REDACTED}"
    assert c.outcome.ok and c.outcome.mechanism == NATIVE and c.outcome.reply.status == "+OK"


@pytest.mark.parametrize("mode", MODES)
def test_auth_plain_with_initial_response_rejected_with_auth_code(mode):
    c = converse(session(Security.TLS), ["+OK ready\r\n", CAPA_TLS, "-ERR [AUTH] Authentication failed.\r\n"],
                 mode, implicit_tls=True, trailing=b"")
    assert c.sent[1] == b"AUTH PLAIN " + base64.b64encode(b"\0alice@test.localhost\0alice-Secret-123") + b"\r\n"
    o = c.outcome
    assert o.ending is Ending.AUTH_REJECTED and o.reply.status == "-ERR" and o.reply.response_code == "AUTH"
    assert o.reply.lines == ("Authentication failed.",) and o.stage is Stage.AUTH


def test_empty_challenge_and_login_prompts():
    c = converse(session(Security.TLS, mechanism="LOGIN"), [
        "+OK ready\r\n", CAPA_TLS, "+ VXNlcm5hbWU6\r\n", "+ UGFzc3dvcmQ6\r\n", "+OK Logged in.\r\n", "+OK 3 120\r\n"],
        implicit_tls=True)
    assert [r.challenge.text for r in c.replies if r.challenge] == ["Username:", "Password:"]
    assert c.sent[1] == b"AUTH LOGIN\r\n" and c.shown[3] == REDACTED and c.outcome.ok
    plain = converse(session(Security.TLS, initial_response=False), ["+OK ready\r\n", CAPA_TLS, "+ \r\n"],
                     implicit_tls=True)
    assert plain.sent[1:] == [b"AUTH PLAIN\r\n",
                              base64.b64encode(b"\0alice@test.localhost\0alice-Secret-123") + b"\r\n"]


def test_long_initial_response_waits_for_the_challenge():
    creds = Credentials("u@example.com", token=Secret("t" * 300))
    c = converse(session(Security.TLS, creds), ["+OK ready\r\n", "+OK\r\nSASL XOAUTH2\r\n.\r\n", "+ \r\n"],
                 implicit_tls=True)
    assert c.sent[1] == b"AUTH XOAUTH2\r\n" and len(c.sent[2]) > 255


def test_no_capa_is_tolerated():
    c = converse(session(Security.TLS), ["+OK ready\r\n", "-ERR unknown command\r\n", "+OK\r\n", "+OK\r\n",
                                         "+OK 0 0\r\n"], implicit_tls=True)
    assert "no-capa" in c.notes and c.sent[1].startswith(b"USER ") and c.outcome.ok


def test_rfc1939_apop_example():
    greeting = "+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>\r\n"
    c = converse(session(Security.TLS, Credentials("mrose", Secret("tanstaaf")), mechanism=APOP),
                 [greeting, "-ERR\r\n", "+OK mrose's maildrop has 2 messages (320 octets)\r\n", "+OK 2 320\r\n"],
                 implicit_tls=True)
    assert c.sent[1] == b"APOP mrose c4c9334bac560ecc979e58001b3e22fb\r\n"
    assert c.shown[1] == f"APOP mrose {REDACTED}" and "c4c9334bac560ecc979e58001b3e22fb" in c.forms
    assert c.outcome.ok and c.outcome.mechanism == APOP


@pytest.mark.parametrize("greeting, stamp", [
    ("+OK POP3 ready 1462299066.1311785279@pop3-g25", None),
    ("+OK E.Novation POP3 server ready <a.b.c>", None),
    ("+OK mail.test POP3 ready <F201706231210.AA102635MD1932@mail.test>", "<F201706231210.AA102635MD1932@mail.test>"),
])
def test_apop_timestamp_only_in_msg_id_form(greeting, stamp):
    assert apop_timestamp(greeting) == stamp


def test_apop_without_timestamp_sends_nothing():
    c = converse(session(Security.TLS, mechanism=APOP), ["+OK ready <a.b.c>\r\n", CAPA_TLS], implicit_tls=True)
    assert c.outcome.ending is Ending.MECHANISM_UNSUPPORTED and c.sent == [b"CAPA\r\n", b"QUIT\r\n"]


@pytest.mark.parametrize("answer", ["+ERR bug\r\n", "PASS BAD Unknown command\r\n"])
def test_only_plus_ok_is_success(answer):
    c = converse(session(Security.TLS, mechanism=NATIVE), ["+OK ready\r\n", CAPA_TLS, "+OK\r\n", answer],
                 implicit_tls=True)
    assert not c.outcome.ok and c.outcome.ending is Ending.MALFORMED


def test_stat_refused_after_login():
    c = converse(session(Security.TLS, mechanism=NATIVE), [
        "+OK ready\r\n", CAPA_TLS, "+OK\r\n", "+OK\r\n", "-ERR [IN-USE] Do you have another POP session running?\r\n"],
        implicit_tls=True)
    assert c.outcome.ending is Ending.AFTER_LOGIN_REFUSED and c.outcome.reply.response_code == "IN-USE"
    assert c.outcome.reply.is_transient


def test_stls_not_offered_sends_no_credentials():
    c = converse(session(), ["+OK ready\r\n", "+OK\r\nUSER\r\n.\r\n"])
    assert c.outcome.ending is Ending.STARTTLS_UNAVAILABLE and c.sent == [b"CAPA\r\n", b"QUIT\r\n"]


def test_stls_injection_is_discarded():
    c = converse(session(), ["+OK ready\r\n", CAPA_PLAIN, "+OK Begin TLS\r\n+OK\r\nSASL ANONYMOUS\r\n.\r\n", CAPA_TLS])
    assert "discarded-any" in c.notes and c.sent[2] == b"CAPA\r\n"
    assert c.session.offered == ("PLAIN", "LOGIN")


def test_pipelined_reply_is_a_protocol_error():
    c = converse(session(Security.TLS), ["+OK ready\r\n+OK extra\r\n"], implicit_tls=True)
    assert c.outcome.ending is Ending.MALFORMED


@pytest.mark.parametrize("greeting, answered", [("* OK Gimap ready\r\n", Protocol.IMAP),
                                                 ("220 mx.test ESMTP\r\n", Protocol.SMTP)])
def test_wrong_service(greeting, answered):
    c = converse(session(), [greeting])
    assert c.sent == [] and c.outcome.ending is Ending.WRONG_SERVICE and c.outcome.answered_by is answered
