"""The SMTP session fed complete transcripts: whole, byte by byte, with trailing data."""

from __future__ import annotations

import base64

import pytest

from mailtester.protocol.credentials import REDACTED, Credentials, Secret
from mailtester.protocol.events import CommandSent, Ending, Finished, Security, Stage, TlsRequested
from mailtester.protocol.limits import MAX_BYTES_PER_RUN
from mailtester.protocol.smtp import SessionConfig, SmtpSession

CREDS = Credentials("tim", Secret("tanstaaftanstaaf"))
EHLO_TLS = "250-mx.test\r\n250-PIPELINING\r\n250 STARTTLS\r\n"
EHLO_AUTH = "250-mx.test\r\n250-AUTH PLAIN LOGIN CRAM-MD5\r\n250 8BITMIME\r\n"


def converse(config: SessionConfig, replies: list[str | bytes], mode: str = "whole"):
    """Feed the server's replies in turn; return (client lines, shown lines, outcome)."""
    s = SmtpSession(config)
    sent: list[bytes] = []
    shown: list[str] = []
    outcome = None

    def take(events):
        nonlocal outcome
        for e in events:
            if isinstance(e, CommandSent):
                sent.append(e.data)
                shown.append(e.shown)
            elif isinstance(e, TlsRequested):
                take(s.tls_established())
            elif isinstance(e, Finished):
                outcome = e.outcome

    for i, reply in enumerate(replies):
        data = reply.encode() if isinstance(reply, str) else reply
        if mode == "trailing" and i == len(replies) - 1:
            data += b"250 junk after the end\r\n"
        if mode == "bytes":
            for b in range(len(data)):
                take(s.receive_data(data[b:b + 1]))
        else:
            take(s.receive_data(data))
    return sent, shown, outcome


MODES = ["whole", "bytes", "trailing"]


@pytest.mark.parametrize("mode", MODES)
def test_starttls_login_success(mode):
    cfg = SessionConfig(Security.STARTTLS, CREDS, mechanism="LOGIN")
    sent, shown, outcome = converse(cfg, [
        "220 mx.test ESMTP\r\n", EHLO_TLS, "220 2.0.0 Ready to start TLS\r\n", EHLO_AUTH,
        "334 VXNlcm5hbWU6\r\n", "334 UGFzc3dvcmQ6\r\n", "235 2.7.0 Authentication successful\r\n",
        "221 2.0.0 Bye\r\n"], mode)
    assert sent == [b"EHLO mailtester.localhost\r\n", b"STARTTLS\r\n", b"EHLO mailtester.localhost\r\n",
                    b"AUTH LOGIN\r\n", b"dGlt\r\n", base64.b64encode(b"tanstaaftanstaaf") + b"\r\n", b"QUIT\r\n"]
    assert shown[5] == REDACTED
    assert outcome.ok and outcome.ending is Ending.AUTHENTICATED and outcome.stage is Stage.DONE


@pytest.mark.parametrize("mode", MODES)
def test_plain_with_initial_response_rejected(mode):
    cfg = SessionConfig(Security.TLS, CREDS)
    s = SmtpSession(cfg)
    s.tls_established()  # implicit TLS: handshake before the greeting
    sent = []
    for reply in ["220 mx\r\n", EHLO_AUTH, "535 5.7.8 Error: authentication failed\r\n"]:
        data = reply.encode()
        chunks = [data[i:i + 1] for i in range(len(data))] if mode == "bytes" else [data]
        for c in chunks:
            for e in s.receive_data(c):
                if isinstance(e, CommandSent):
                    sent.append(e)
    assert sent[1].data == b"AUTH PLAIN AHRpbQB0YW5zdGFhZnRhbnN0YWFm\r\n"
    assert sent[1].shown == "AUTH PLAIN " + REDACTED
    assert s.finished.ending is Ending.AUTH_REJECTED
    assert s.finished.reply.code == 535 and s.finished.reply.enhanced == "5.7.8"


def test_cram_md5_rfc2195_transcript():
    cfg = SessionConfig(Security.NONE, CREDS, mechanism="CRAM-MD5", allow_plaintext_auth=True)
    sent, _, outcome = converse(cfg, [
        "220 mx\r\n", EHLO_AUTH, "334 PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+\r\n", "235 ok\r\n"])
    assert sent[2] == b"dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw\r\n"
    assert outcome.ok


def test_starttls_missing_fails_closed_before_auth():
    cfg = SessionConfig(Security.STARTTLS, CREDS)
    sent, _, outcome = converse(cfg, ["220 mx\r\n", EHLO_AUTH])
    assert outcome.ending is Ending.STARTTLS_UNAVAILABLE
    assert not any(line.startswith(b"AUTH") for line in sent)


def test_starttls_refused_fails_closed():
    cfg = SessionConfig(Security.STARTTLS, CREDS)
    sent, _, outcome = converse(cfg, ["220 mx\r\n", EHLO_TLS, "454 4.7.0 TLS not available\r\n"])
    assert outcome.ending is Ending.STARTTLS_FAILED and outcome.stage is Stage.STARTTLS
    assert not any(line.startswith(b"AUTH") for line in sent)


def test_bytes_after_starttls_220_are_discarded_not_read_as_replies():
    cfg = SessionConfig(Security.STARTTLS, CREDS)
    sent, _, outcome = converse(cfg, [
        "220 mx\r\n", EHLO_TLS, "220 go\r\n250-evil\r\n250 AUTH PLAIN\r\n235 2.7.0 fake\r\n",
        "250-mx\r\n250 AUTH LOGIN\r\n", "334 VXNlcm5hbWU6\r\n", "334 UGFzc3dvcmQ6\r\n", "535 no\r\n"])
    # The injected AUTH PLAIN list was ignored: the post-TLS list said LOGIN.
    assert b"AUTH LOGIN\r\n" in sent
    assert outcome.ending is Ending.AUTH_REJECTED


def test_pre_tls_capabilities_are_forgotten():
    cfg = SessionConfig(Security.STARTTLS, CREDS)
    sent, _, outcome = converse(cfg, [
        "220 mx\r\n", "250-mx\r\n250-AUTH PLAIN LOGIN\r\n250 STARTTLS\r\n", "220 go\r\n", "250 mx\r\n"])
    assert outcome.ending is Ending.AUTH_NOT_OFFERED
    assert not any(line.startswith(b"AUTH") for line in sent)


def test_plaintext_refused_without_consent():
    cfg = SessionConfig(Security.NONE, CREDS)
    sent, _, outcome = converse(cfg, ["220 mx\r\n", EHLO_AUTH])
    assert outcome.ending is Ending.PLAINTEXT_REFUSED
    assert not any(line.startswith(b"AUTH") for line in sent)


def test_forced_mechanism_not_offered_is_not_sent():
    cfg = SessionConfig(Security.TLS, CREDS, mechanism="XOAUTH2")
    s = SmtpSession(cfg)
    s.tls_established()
    s.receive_data(b"220 mx\r\n")
    events = s.receive_data(EHLO_AUTH.encode())
    assert s.finished.ending is Ending.MECHANISM_UNSUPPORTED
    assert not any(isinstance(e, CommandSent) and e.data.startswith(b"AUTH") for e in events)


def test_xoauth2_error_challenge_gets_empty_line_then_final_reply():
    creds = Credentials("user@example.com", token=Secret("ya29.secret"))
    cfg = SessionConfig(Security.NONE, creds, allow_plaintext_auth=True)
    sent, shown, outcome = converse(cfg, [
        "220 mx.google.com\r\n", "250-mx\r\n250 AUTH LOGIN PLAIN XOAUTH2 OAUTHBEARER\r\n",
        "334 eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==\r\n",
        "535-5.7.1 Username and Password not accepted. Learn more at\r\n535 5.7.1 https://support.google.com\r\n"])
    assert sent[2] == b"\r\n"
    assert shown[1] == "AUTH XOAUTH2 " + REDACTED
    assert outcome.mechanism == "XOAUTH2"
    assert outcome.oauth_error_fields["scope"] == "https://mail.google.com/"


def test_oauthbearer_error_challenge_gets_0x01():
    creds = Credentials("user@example.com", token=Secret("tok"))
    cfg = SessionConfig(Security.NONE, creds, mechanism="OAUTHBEARER", allow_plaintext_auth=True)
    sent, _, outcome = converse(cfg, ["220 mx\r\n", "250-mx\r\n250 AUTH OAUTHBEARER\r\n",
                                      "334 eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIn0\r\n", "535 no\r\n"])
    assert sent[2] == b"AQ==\r\n"
    assert outcome.ending is Ending.AUTH_REJECTED


def test_challenges_after_the_mechanism_finished_are_aborted_with_star():
    cfg = SessionConfig(Security.NONE, CREDS, mechanism="PLAIN", allow_plaintext_auth=True)
    sent, _, outcome = converse(cfg, ["220 mx\r\n", EHLO_AUTH, "334 \r\n", "501 5.7.0 aborted\r\n"])
    assert sent[-2] == b"*\r\n"
    assert outcome.ending is Ending.UNEXPECTED_CHALLENGE


def test_235_before_the_password_is_an_anomaly():
    cfg = SessionConfig(Security.NONE, CREDS, mechanism="LOGIN", allow_plaintext_auth=True)
    _, _, outcome = converse(cfg, ["220 mx\r\n", EHLO_AUTH, "334 VXNlcm5hbWU6\r\n", "235 2.7.0 sure\r\n"])
    assert not outcome.ok and outcome.ending is Ending.UNEXPECTED_SUCCESS


def test_unsolicited_reply_is_a_protocol_error():
    cfg = SessionConfig(Security.STARTTLS, CREDS)
    _, _, outcome = converse(cfg, ["220 mx\r\n250 unasked\r\n"])
    assert outcome.ending is Ending.MALFORMED


def test_421_at_greeting_and_closed_connection():
    cfg = SessionConfig(Security.STARTTLS, CREDS)
    _, _, outcome = converse(cfg, ["421 4.3.2 Service shutting down\r\n"])
    assert outcome.ending is Ending.SERVICE_CLOSING and outcome.reply.code == 421
    s = SmtpSession(cfg)
    s.receive_data(b"220 mx\r\n")
    (fin,) = s.connection_lost()
    assert fin.outcome.ending is Ending.CLOSED and fin.outcome.stage is Stage.EHLO


def test_byte_budget():
    s = SmtpSession(SessionConfig(Security.STARTTLS, CREDS))
    s.receive_data(b"220-" + b"x" * 100 + b"\r\n")
    for _ in range(MAX_BYTES_PER_RUN // 8000 + 2):
        s.receive_data(b"220-" + b"x" * 8000 + b"\r\n")
    assert s.finished is not None and s.finished.ending is Ending.MALFORMED


def test_old_style_auth_equals_and_merged_lists():
    cfg = SessionConfig(Security.TLS, CREDS)
    s = SmtpSession(cfg)
    s.tls_established()
    s.receive_data(b"220 mx\r\n")
    events = s.receive_data(b"250-mx\r\n250-AUTH=LOGIN\r\n250 AUTH LOGIN CRAM-MD5\r\n")
    assert s.offered == ("LOGIN", "CRAM-MD5")
    assert [e.data for e in events if isinstance(e, CommandSent)] == [b"AUTH LOGIN\r\n"]


def test_without_encryption_cram_md5_comes_first():
    # The password itself then never crosses the network in clear.
    cfg = SessionConfig(Security.NONE, CREDS, allow_plaintext_auth=True)
    sent, _, _ = converse(cfg, ["220 mx\r\n", "250-mx\r\n250 AUTH PLAIN LOGIN CRAM-MD5\r\n"])
    assert sent[1] == b"AUTH CRAM-MD5\r\n"
