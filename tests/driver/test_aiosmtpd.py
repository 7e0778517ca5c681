"""The driver against aiosmtpd: every security mode and every mechanism."""

from __future__ import annotations

import pytest

from mailtester.driver.client import run_check
from mailtester.model import CheckSettings
from mailtester.protocol.credentials import Credentials, Secret
from mailtester.protocol.events import Ending, Security
from tests.servers import aiosmtpd_server as srv

PW = Credentials(srv.USER, Secret(srv.PASSWORD))
TOKEN = Credentials(srv.USER, token=Secret(srv.TOKEN))


async def check(server, security, creds, ca_file=None, **kw):
    port = server.sockets[0].getsockname()[1]
    return await run_check(CheckSettings(host="localhost", port=port, security=security, credentials=creds,
                                         ca_file=ca_file, timeout=5, **kw))


@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN", "CRAM-MD5"])
@pytest.mark.parametrize("mode", ["starttls", "tls"])
async def test_password_mechanisms_over_tls(mode, mechanism, server_tls, ca_file):
    server = await srv.start(mode, server_tls)
    async with server:
        result = await check(server, Security(mode), PW, ca_file, mechanism=mechanism)
    assert result.ok, result.outcome
    assert result.outcome.mechanism == mechanism
    assert result.tls is not None and result.tls.verified and result.tls.version.startswith("TLSv1.")
    assert "localhost" in result.tls.sans


async def test_login_prompts_decoded_in_timeline(server_tls, ca_file):
    async with await srv.start("starttls", server_tls) as server:
        result = await check(server, Security.STARTTLS, PW, ca_file, mechanism="LOGIN")
    decoded = [e.decoded for e in result.timeline if e.direction == "S" and e.decoded]
    assert decoded == ["Username:", "Password:"]
    assert all(e.tls for e in result.timeline if e.decoded)


@pytest.mark.parametrize("mechanism", ["XOAUTH2", "OAUTHBEARER"])
async def test_bearer_token_mechanisms(mechanism, server_tls, ca_file):
    async with await srv.start("tls", server_tls) as server:
        ok = await check(server, Security.TLS, TOKEN, ca_file, mechanism=mechanism)
        bad = await check(server, Security.TLS, Credentials(srv.USER, token=Secret("expired")), ca_file,
                          mechanism=mechanism)
    assert ok.ok
    assert bad.outcome.ending is Ending.AUTH_REJECTED and bad.outcome.reply.code == 535
    assert bad.outcome.oauth_error_fields["status"] == "401"


async def test_wrong_password_is_535(server_tls, ca_file):
    async with await srv.start("starttls", server_tls) as server:
        result = await check(server, Security.STARTTLS, Credentials(srv.USER, Secret("nope")), ca_file)
    assert result.outcome.reply.code == 535 and result.outcome.reply.enhanced == "5.7.8"


async def test_plain_mode_needs_consent():
    async with await srv.start("plain") as server:
        refused = await check(server, Security.NONE, PW)
        allowed = await check(server, Security.NONE, PW, allow_plaintext_auth=True)
    assert refused.outcome.ending is Ending.PLAINTEXT_REFUSED
    assert not any(e.text.startswith("AUTH") for e in refused.timeline)
    assert allowed.ok


async def test_untrusted_certificate_stops_before_auth_and_shows_certificate(server_tls):
    async with await srv.start("starttls", server_tls) as server:
        result = await check(server, Security.STARTTLS, PW)  # test CA not trusted
    assert result.outcome.ending is Ending.TLS_FAILED
    assert result.tls_failure.kind == "untrusted"
    assert not any(e.direction == "C" and e.text.startswith("AUTH") for e in result.timeline)
    assert result.tls is not None and not result.tls.verified
    assert "localhost" in result.tls.sans and len(result.tls.sha256) == 64


async def test_pinned_certificate_is_trusted_exactly(server_tls):
    async with await srv.start("tls", server_tls) as server:
        first = await check(server, Security.TLS, PW)
        pinned = await check(server, Security.TLS, PW, pinned_sha256=first.tls.sha256)
        wrong = await check(server, Security.TLS, PW, pinned_sha256="00" * 32)
    assert pinned.ok
    assert wrong.tls_failure.kind == "pin-mismatch"


async def test_implicit_tls_on_a_starttls_port_is_a_mode_mismatch(server_tls, ca_file):
    async with await srv.start("starttls", server_tls) as server:
        result = await check(server, Security.TLS, PW, ca_file)
    assert result.tls_failure.kind == "not-tls"


async def test_refused_and_dns_failures():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    refused = await run_check(CheckSettings(host="127.0.0.1", port=port, security=Security.TLS, credentials=PW))
    assert refused.outcome.ending is Ending.REFUSED
    missing = await run_check(CheckSettings(host="no-such-host.invalid", security=Security.TLS, credentials=PW))
    assert missing.outcome.ending is Ending.DNS_FAILED
