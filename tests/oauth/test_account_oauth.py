"""`mailtester account ADDRESS --oauth ...`: detection (the suite's NSD and an autoconfig file over
HTTPS naming the OAuth mail servers), then one browser sign-in whose token logs in on both sides."""

from __future__ import annotations

import os
import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme

from tests.conftest import unavailable
from tests.helpers import mailtester
from tests.oauth.world import USER, OAuthWorld, browser_log
from tests.secret_search import find_secrets
from tests.servers.https import Response, start_web_servers
from tests.servers.nsd import NsdServer, missing
from tests.servers.oidc import CLIENT, MAIL_SCOPE
from tests.servers.postfix import DOMAIN

pytestmark = pytest.mark.postfix


def _autoconfig(world: OAuthWorld) -> bytes:
    mail = world.mail
    return f"""<?xml version="1.0"?>
<clientConfig version="1.1"><emailProvider id="{DOMAIN}"><domain>{DOMAIN}</domain>
<incomingServer type="imap"><hostname>mail.{DOMAIN}</hostname><port>{mail.imaps}</port>
<socketType>SSL</socketType><username>%EMAILADDRESS%</username><authentication>OAuth2</authentication>
</incomingServer>
<outgoingServer type="smtp"><hostname>localhost</hostname><port>{mail.submission}</port>
<socketType>STARTTLS</socketType><username>%EMAILADDRESS%</username><authentication>OAuth2</authentication>
</outgoingServer></emailProvider></clientConfig>""".encode()


@pytest.fixture(scope="module")
def dns(oauth_world: OAuthWorld, ca: trustme.CA, ca_file: str,
        tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    need = missing() or ("root (port 443 on loopback)" if os.geteuid() != 0 else None)
    if need:
        unavailable(f"the OAuth2 account test needs {need}")
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(f"autoconfig.{DOMAIN}").configure_cert(tls)
    routes = {("https", f"autoconfig.{DOMAIN}", "/mail/config-v1.1.xml"): Response(_autoconfig(oauth_world))}
    try:  # the account tests hold 80-99, detection 44 and up to them
        web = start_web_servers(120, tls, routes)
    except OSError as exc:
        pytest.fail(f"the OAuth2 account test's web server: {exc}")
    zones = {f"{DOMAIN}.": f"autoconfig IN A {web.ip}\nmail IN A {oauth_world.mail.mail_host}\n",
             "localhost.": "@ IN A 127.0.0.1"}
    server = NsdServer.start(zones)
    both = Path(tmp_path_factory.mktemp("oauth-account")) / "ca.pem"
    both.write_bytes(Path(ca_file).read_bytes() + Path(oauth_world.ca_file).read_bytes())
    try:
        yield server.address, str(both)
    finally:
        server.stop()
        web.stop()


def test_account_signs_in_once_and_both_sides_log_in(oauth_world: OAuthWorld, browser: pytest.MonkeyPatch,
                                                     dns: tuple[str, str]) -> None:
    before = len(oauth_world.oidc.issued_tokens())
    address, ca_file = dns
    r = mailtester("account", USER, "--dns-server", address, "--ca-file", ca_file, "--timeout", "5", "--json",
                   "--oauth", "issuer", "--oauth-issuer", oauth_world.oidc.issuer, "--oauth-client-id", CLIENT,
                   "--oauth-scope", MAIL_SCOPE, timeout=90)
    assert r.code == 0, (r.stdout, r.stderr, browser_log())
    out = r.json
    assert out["ok"] is True and out["oauth"]["scopes"] == ["openid", "offline_access", MAIL_SCOPE]
    for side, protocol in (("incoming", "imap"), ("outgoing", "smtp")):
        assert out[side]["ok"] is True and out[side]["protocol"] == protocol
        assert out[side]["mechanism"] == "XOAUTH2"
    issued = oauth_world.oidc.issued_tokens()
    assert len(issued) - before == 2  # one sign-in: one access token and one refresh token for both sides
    assert find_secrets(r.stdout + r.stderr, issued) == []
