"""Property tests: any bytes give replies or a protocol error, never another
exception, and the parser's memory stays bounded."""

from __future__ import annotations

import base64

from hypothesis import given, settings
from hypothesis import strategies as st

from mailtester.protocol.credentials import Credentials, Secret
from mailtester.protocol.errors import ProtocolError
from mailtester.protocol.events import CommandSent, Finished, Security, TlsRequested
from mailtester.protocol.imap import ImapParser, ImapSession
from mailtester.protocol.limits import MAX_LINE_LENGTH, MAX_LITERAL_SIZE, MAX_REPLY_LINES
from mailtester.protocol.pop3 import Pop3Session
from mailtester.protocol.replies import ReplyParser
from mailtester.protocol.sasl import decode_challenge
from mailtester.protocol.session import NATIVE
from mailtester.protocol.smtp import SessionConfig, SmtpSession

# Bytes that look like SMTP often enough to reach deep states.
smtpish = st.lists(st.one_of(
    st.sampled_from([b"220 ", b"250-", b"250 ", b"334 ", b"235 ", b"535 5.7.8 ", b"\r\n", b"\n", b"\r",
                     b"AUTH PLAIN LOGIN", b"STARTTLS", b"VXNlcm5hbWU6", b"\x00", b"\xff", b"-"]),
    st.binary(max_size=40)), max_size=60).map(b"".join)
imapish = st.lists(st.one_of(
    st.sampled_from([b"* OK ", b"* PREAUTH ", b"* BYE ", b"* CAPABILITY ", b"a1 OK ", b"a2 NO ", b"a3 BAD ",
                     b"a4 OK ", b"a5 OK ", b"+ ", b"+", b"[CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN SASL-IR ID] ",
                     b"[AUTHENTICATIONFAILED] ", b"LOGINDISABLED ", b"LITERAL+ ", b"{5}\r\n", b"{99999999}\r\n",
                     b"\r\n", b"\n", b"VXNlcm5hbWU6", b"\x00", b"\xff", b"+OK ", b"-ERR [AUTH] ", b"220 ",
                     b"SASL PLAIN LOGIN\r\n", b"STLS\r\n", b".\r\n", b"USER\r\n"]),
    st.binary(max_size=30)), max_size=60).map(b"".join)


@settings(max_examples=400, deadline=None)
@given(data=st.one_of(st.binary(max_size=3000), smtpish), chunk=st.integers(1, 64))
def test_parser_gives_replies_or_protocol_errors(data, chunk):
    parser = ReplyParser()
    try:
        for i in range(0, len(data), chunk):
            parser.feed(data[i:i + chunk])
            while (reply := parser.next_reply()) is not None:
                assert 200 <= reply.code <= 599
                assert 1 <= len(reply.lines) <= MAX_REPLY_LINES
            # Unparsed bytes never exceed one line's worth without an error.
            assert len(parser._buffer) <= MAX_LINE_LENGTH + chunk
    except ProtocolError:
        pass


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=500))
def test_challenge_decoder_never_fails(text):
    d = decode_challenge(text)
    if not d.is_base64:
        assert d.text == text
    assert isinstance(d.text, str)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_challenge_decoder_round_trips_any_bytes(raw):
    d = decode_challenge(base64.b64encode(raw).decode().rstrip("="))
    assert d.is_base64 and d.data == raw


@settings(max_examples=300, deadline=None)
@given(st.lists(smtpish, max_size=12), st.sampled_from(list(Security)))
def test_session_survives_any_server(chunks, security):
    session = SmtpSession(SessionConfig(security, Credentials("u@example.test", Secret("p")),
                                        allow_plaintext_auth=True))
    finished = False
    for chunk in chunks:
        for event in session.receive_data(chunk):
            if isinstance(event, TlsRequested):
                session.tls_established()
            finished = finished or isinstance(event, Finished)
    events = session.connection_lost()
    assert finished or any(isinstance(e, Finished) for e in events)


@settings(max_examples=400, deadline=None)
@given(data=st.one_of(st.binary(max_size=3000), imapish), chunk=st.integers(1, 64))
def test_imap_parser_gives_lines_or_protocol_errors(data, chunk):
    parser = ImapParser()
    try:
        for i in range(0, len(data), chunk):
            parser.feed(data[i:i + chunk])
            while (line := parser.next_line()) is not None:
                assert line.kind in ("+", "*", "tagged")
            # A line and one literal at most are buffered before an error.
            assert len(parser._buffer) + len(parser._line) <= 2 * (MAX_LINE_LENGTH + MAX_LITERAL_SIZE) + chunk
    except ProtocolError:
        pass


@settings(max_examples=300, deadline=None)
@given(st.lists(imapish, max_size=12), st.sampled_from(list(Security)), st.sampled_from(["auto", NATIVE, "LOGIN"]),
       st.sampled_from([ImapSession, Pop3Session]))
def test_incoming_sessions_survive_any_server(chunks, security, mechanism, session_type):
    secret = "pässword-9"
    session = session_type(SessionConfig(security, Credentials("u@example.test", Secret(secret)),
                                         mechanism=mechanism, allow_plaintext_auth=False))
    finished = False
    for chunk in chunks:
        for event in session.receive_data(chunk):
            if isinstance(event, TlsRequested):
                session.tls_established()
            if isinstance(event, CommandSent):
                # Never a credential without TLS when plaintext was not allowed.
                assert session.tls_active or secret.encode() not in event.data
                assert secret not in event.shown
            finished = finished or isinstance(event, Finished)
    events = session.connection_lost()
    assert finished or any(isinstance(e, Finished) for e in events)
