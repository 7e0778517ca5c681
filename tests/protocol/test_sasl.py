"""SASL mechanisms against the published test vectors."""

import base64

import pytest

from mailtester.protocol.credentials import Credentials, Secret
from mailtester.protocol.sasl import (
    CramMd5,
    Login,
    OAuthBearer,
    Plain,
    SaslFinished,
    XOAuth2,
    choose_mechanism,
    decode_challenge,
)


def b64(step):
    return base64.b64encode(step.data).decode()


def test_plain_rfc4616_vectors():
    assert b64(Plain(Credentials("tim", Secret("tanstaaftanstaaf"))).initial()) == "AHRpbQB0YW5zdGFhZnRhbnN0YWFm"
    step = Plain(Credentials("Kurt", Secret("xipj3plmq"), authzid="Ursel")).initial()
    assert b64(step) == "VXJzZWwAS3VydAB4aXBqM3BsbXE="
    assert step.secret


def test_plain_utf8_vector():
    step = Plain(Credentials("bob@lab.test", Secret("pässwörd€"))).initial()
    assert b64(step) == "AGJvYkBsYWIudGVzdABww6Rzc3fDtnJk4oKs"


def test_plain_without_initial_response_answers_empty_challenge():
    m = Plain(Credentials("test", Secret("1234"), authzid="test"), initial_response=False)
    assert m.initial() is None
    assert b64(m.respond(b"")) == "dGVzdAB0ZXN0ADEyMzQ="
    assert m.complete
    with pytest.raises(SaslFinished):
        m.respond(b"")


def test_login_answers_by_position_not_by_prompt_text():
    m = Login(Credentials("user", Secret("pass")), initial_response=False)
    assert m.initial() is None
    # Prompts deliberately swapped and odd: position decides.
    assert m.respond(b"Password:").data == b"user"
    step = m.respond(b"")
    assert step.data == b"pass" and step.secret
    with pytest.raises(SaslFinished):
        m.respond(b"Username:")


def test_login_with_initial_response():
    m = Login(Credentials("user", Secret("pass")))
    assert b64(m.initial()) == "dXNlcg=="
    assert m.respond(b"Password:").data == b"pass"


def test_cram_md5_rfc2195_vector():
    m = CramMd5(Credentials("tim", Secret("tanstaaftanstaaf")))
    challenge = decode_challenge("PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+")
    assert challenge.text == "<1896.697170952@postoffice.reston.mci.net>"
    step = m.respond(challenge.data)
    assert b64(step) == "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw"
    assert step.secret


def test_xoauth2_vectors():
    token = "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg"
    step = XOAuth2(Credentials("someuser@example.com", token=Secret(token))).initial()
    assert b64(step) == ("dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhk"
                         "SFJoZG1semRHRXVZMjl0Q2cBAQ==")
    assert b64(XOAuth2(Credentials("user", token=Secret("mF_9.B5f-4.1JqM"))).initial()) == \
        "dXNlcj11c2VyAWF1dGg9QmVhcmVyIG1GXzkuQjVmLTQuMUpxTQEB"


def test_xoauth2_error_dance_answers_empty_line_once():
    m = XOAuth2(Credentials("user", token=Secret("t")))
    m.initial()
    assert m.respond(b'{"status":"400"}') .data == b""
    with pytest.raises(SaslFinished):
        m.respond(b"again")


def test_oauthbearer_vectors():
    token = "vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg=="
    m = OAuthBearer(Credentials("user@example.com", token=Secret(token)), host="server.example.com", port=143)
    assert b64(m.initial()) == ("bixhPXVzZXJAZXhhbXBsZS5jb20sAWhvc3Q9c2VydmVyLmV4YW1wbGUuY29tAXBvcnQ9MTQzAWF1dGg9QmVh"
                                "cmVyIHZGOWRmdDRxbVRjMk52YjNSbGNrQmhkSFJoZG1semRHRXVZMjl0Q2c9PQEB")
    minimal = OAuthBearer(Credentials("", token=Secret("mF_9.B5f-4.1JqM")))
    assert b64(minimal.initial()) == "biwsAWF1dGg9QmVhcmVyIG1GXzkuQjVmLTQuMUpxTQEB"
    assert base64.b64encode(minimal.respond(b"{}").data) == b"AQ=="


@pytest.mark.parametrize(("raw", "text", "ok"), [
    ("VXNlcm5hbWU6", "Username:", True),
    ("VXNlcm5hbWU", "Username", True),  # missing padding
    ("  VXNlcm5hbWU6  ", "Username:", True),  # extra spaces
    ("VXNlciBOYW1lAA==", "User Name\u2400", True),  # aiosmtpd's NUL-terminated prompt, shown visibly
    ("VXNlcm5hbWU6DQo=", "Username:\u240d\u240a", True),  # trailing CRLF inside the decoded bytes
    ("", "", True),  # the empty challenge "334 "
    ("Username:", "Username:", False),  # not base64: shown as-is, flagged
    ("ab!c", "ab!c", False),
])
def test_decode_challenge(raw, text, ok):
    d = decode_challenge(raw)
    assert (d.text, d.is_base64) == (text, ok)


def test_oauth_error_json_is_decoded():
    d = decode_challenge("eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIiwic2NvcGUiOiJleGFtcGxlX3Njb3BlIiwib3BlbmlkLWNvbmZpZ3VyYX"
                         "Rpb24iOiJodHRwczovL2V4YW1wbGUuY29tLy53ZWxsLWtub3duL29wZW5pZC1jb25maWd1cmF0aW9uIn0")
    assert d.oauth_error == {"status": "invalid_token", "scope": "example_scope",
                             "openid-configuration": "https://example.com/.well-known/openid-configuration"}


def test_choose_mechanism_prefers_plain_and_tokens_use_oauth():
    pw = Credentials("u", Secret("p"))
    assert choose_mechanism(["LOGIN", "PLAIN", "CRAM-MD5"], pw) == "PLAIN"
    assert choose_mechanism(["CRAM-MD5"], pw) == "CRAM-MD5"
    assert choose_mechanism(["XOAUTH2"], pw) is None
    tok = Credentials("u", token=Secret("t"))
    assert choose_mechanism(["PLAIN", "OAUTHBEARER", "XOAUTH2"], tok) == "XOAUTH2"
    assert choose_mechanism(["PLAIN", "OAUTHBEARER"], tok) == "OAUTHBEARER"
