"""The online detection's servers, started by the suite: NSD with the test zone on 127.0.0.1 (a free
port) and web servers on 127.0.0.44 (HTTPS 443, HTTP 80) and 127.0.0.45 (a dripping HTTPS server), or
the next free pair of loopback addresses when another run holds those (the zone follows).
Binding 443 and 80 needs root; under MAILTESTER_REQUIRE_POSTFIX=1 (CI) a server that cannot start is a
failure, otherwise the tests skip loudly.

Fixtures for tests of other parts (`mailtester account`): use them from a module in tests/detect/, or
import them (`from tests.detect.conftest import mail_ca_file, probe_dns, probe_ports, srv_dns`).
- `online`: detect()'s keyword arguments for the autoconfig domains (alice@ac.test: autoconfig over
  HTTPS, bob@wk.test: .well-known, ...; the online ISPDB and Autodiscover pointed at the suite's server);
- the mail domain `test.localhost` of the suite's Postfix and Dovecot (`postfix` fixture; its users
  alice@test.localhost, ...), found two ways, each with a DNS server of its own:
  `probe_dns` (probe-only: mail.test.localhost has an address, nothing else is published) together with
  `probe_ports` (the probe's "standard ports" become the suite's, see detect/probe.py), and `srv_dns`
  (SRV-only: _imaps, _pop3s, _submissions and _submission records with the suite's ports);
  both give the DNS server as "IP:PORT" for --dns-server. `mail_ca_file`: the suite's CA and the
  Postfix/Dovecot CA in one file, for detection and the logins that follow.
"""

from __future__ import annotations

import os
import ssl
from collections.abc import Iterator

import pytest
import trustme

from mailtester.detect import probe
from mailtester.protocol.kinds import Protocol, Security
from tests.conftest import unavailable
from tests.servers.https import Response, WebServers, start_web_servers
from tests.servers.nsd import NsdServer, missing
from tests.servers.postfix import DOMAIN as MAIL_DOMAIN
from tests.servers.postfix import MAIL_HOST, PostfixServer

WEB_IP, DRIP_IP = "127.0.0.44", "127.0.0.45"
IMAPS, SMTPS = ("imap", 993, "SSL"), ("smtp", 465, "SSL")

ZONE_TEMPLATE = """
autoconfig.ac IN A {WEB_IP}
wk IN A {WEB_IP}
autoconfig.plain IN A {WEB_IP}
autoconfig.redir IN A {WEB_IP}
www.redir IN A {WEB_IP}
autoconfig.redirout IN A {WEB_IP}
autoconfig.big IN A {WEB_IP}
autoconfig.dtd IN A {WEB_IP}
autoconfig.drip IN A {DRIP_IP}
autoconfig.text IN A {WEB_IP}
autoconfig.broken IN A {WEB_IP}
autoconfig.tohttp IN A {WEB_IP}
autoconfig.loop IN A {WEB_IP}
_imaps._tcp.srv IN SRV 10 1 993 imap.srv.test.
_imap._tcp.srv IN SRV 0 0 0 .
_pop3s._tcp.srv IN SRV 20 1 995 pop.srv.test.
_pop3._tcp.srv IN SRV 0 0 0 .
_submissions._tcp.srv IN SRV 0 1 465 smtp.srv.test.
_submission._tcp.srv IN SRV 5 1 587 smtp.srv.test.
_imaps._tcp.weights IN SRV 0 0 993 zero.weights.test.
_imaps._tcp.weights IN SRV 0 65535 993 heavy.weights.test.
mxac IN MX 10 mail.ac.test.
ispdb IN A {WEB_IP}
autodiscover.ms IN A {WEB_IP}
mxdb IN MX 10 mx.hosted.test.
ms365 IN MX 0 ms365-test.mail.protection.outlook.com.
autodiscover.adv2 IN CNAME autodiscover.outlook.com.
autodiscover.adother IN CNAME autodiscover.elsewhere.test.
autodiscover.adno IN CNAME autodiscover.outlook.com.
_imaps._tcp.ranked IN SRV 0 1 993 imap.srv.test.
ranked IN MX 10 mx.hosted.test.
autoconfig.ranked IN A {WEB_IP}
autoconfig.fastwin IN A {WEB_IP}
autoconfig.hostile IN A {WEB_IP}
mail.silent IN A 127.0.0.1
fastwin IN MX 10 mx.drip.test.
mx IN MX 20 mx.other.test.
mx IN MX 5 mx01.emig.gmx.net.
mx IN MX 10 mx00.emig.gmx.net.
"""


def zone(web_ip: str = WEB_IP, drip_ip: str = DRIP_IP) -> str:
    return ZONE_TEMPLATE.replace("{WEB_IP}", web_ip).replace("{DRIP_IP}", drip_ip)


def config(domain: str, *servers: tuple[str, int, str], size: int = 0) -> bytes:
    parts = [f'<?xml version="1.0"?>\n<clientConfig version="1.1"><emailProvider id="{domain}">',
             f"<domain>{domain}</domain><displayName>{domain} mail</displayName>"]
    for kind, port, socket_type in servers:
        tag = "outgoingServer" if kind == "smtp" else "incomingServer"
        parts.append(f'<{tag} type="{kind}"><hostname>{kind}.%EMAILDOMAIN%</hostname><port>{port}</port>'
                     f"<socketType>{socket_type}</socketType><username>%EMAILADDRESS%</username>"
                     f"<authentication>password-cleartext</authentication></{tag}>")
    parts.append("<!--" + "x" * size + "-->" if size else "")
    parts.append("</emailProvider></clientConfig>")
    return "".join(parts).encode()


PATH = "/mail/config-v1.1.xml"
WELL_KNOWN = "/.well-known/autoconfig/mail/config-v1.1.xml"
BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE clientConfig [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<clientConfig><emailProvider id="x"><displayName>&b;</displayName></emailProvider></clientConfig>"""

ROUTES = {
    ("https", "autoconfig.ac.test", PATH): Response(config("ac.test", IMAPS, ("imap", 143, "STARTTLS"), SMTPS)),
    ("https", "wk.test", WELL_KNOWN): Response(config("wk.test", ("pop3", 995, "SSL"), ("smtp", 587, "STARTTLS"))),
    ("http", "autoconfig.plain.test", PATH): Response(config("plain.test", IMAPS, SMTPS)),
    ("https", "autoconfig.redir.test", PATH): Response(status=302, headers=(
        ("Location", "https://www.redir.test/settings.xml"),)),
    ("https", "www.redir.test", "/settings.xml"): Response(config("redir.test", IMAPS, SMTPS)),
    ("https", "autoconfig.redirout.test", PATH): Response(status=301, headers=(
        ("Location", "https://autoconfig.ac.test/mail/config-v1.1.xml"),)),
    ("https", "autoconfig.big.test", PATH): Response(config("big.test", IMAPS, size=300 * 1024)),
    ("https", "autoconfig.dtd.test", PATH): Response(BOMB),
    ("https", "autoconfig.text.test", PATH): Response(config("text.test", IMAPS), content_type="text/plain"),
    ("https", "autoconfig.broken.test", PATH): Response(b"<clientConfig><emailProvider"),
    ("https", "autoconfig.tohttp.test", PATH): Response(status=302, headers=(
        ("Location", "http://autoconfig.tohttp.test/other.xml"),)),
    ("http", "autoconfig.tohttp.test", "/other.xml"): Response(config("tohttp.test", IMAPS)),
    ("https", "autoconfig.loop.test", PATH): Response(status=307, headers=(("Location", PATH),)),
}
# The online ISPDB and Autodiscover v2, as detect() is pointed at them by `online`.
ISPDB_URL = "https://ispdb.test/v1.1/"
AUTODISCOVER_URL = "https://autodiscover.ms.test/autodiscover/autodiscover.json/v1.0/"
AUTODISCOVER_PATH = "/autodiscover/autodiscover.json/v1.0/"
ROUTES |= {
    ("https", "ispdb.test", "/v1.1/onlinedb.test"): Response(config("onlinedb.test", IMAPS, SMTPS)),
    ("https", "ispdb.test", "/v1.1/hosted.test"): Response(config("hosted.test", ("imap", 993, "SSL"),
                                                                  ("smtp", 587, "STARTTLS"))),
    # ranked.test: its own file (autoconfig), the online ISPDB, MX and SRV all answer, and disagree.
    ("https", "ispdb.test", "/v1.1/pieces.test"): Response(config("pieces.test", IMAPS, SMTPS), pieces=4),
    ("https", "autoconfig.ranked.test", PATH): Response(config("ranked.test", ("imap", 143, "STARTTLS"))),
    ("https", "ispdb.test", "/v1.1/ranked.test"): Response(config("ranked.test", ("pop3", 995, "SSL"))),
    # hostile.test: a file whose provider name and user name carry bidi and zero-width characters.
    ("https", "autoconfig.hostile.test", PATH): Response(config("hostile.test", IMAPS).replace(
        b"<displayName>hostile.test mail", "<displayName>Evil\u202eliam\u200b".encode()).replace(
        b"<username>%EMAILADDRESS%", "<username>%EMAILADDRESS%\u2066".encode())),
    # fastwin.test: its own file answers at once; its MX leads to the dripping server (slow, ranked lower).
    ("https", "autoconfig.fastwin.test", PATH): Response(config("fastwin.test", IMAPS, SMTPS)),
    ("https", "autodiscover.ms.test", AUTODISCOVER_PATH + "zoe@adv2.test"): Response(
        b'{"Protocol":"AutodiscoverV1","Url":"https://autodiscover-s.outlook.com/autodiscover/autodiscover.xml"}',
        content_type="application/json"),
    ("https", "autodiscover.ms.test", AUTODISCOVER_PATH + "ann@adno.test"): Response(
        b'{"ErrorCode":"InvalidUser","ErrorMessage":"No mailbox"}', content_type="application/json"),
    ("https", "autodiscover.ms.test", AUTODISCOVER_PATH + "bea@adno.test"): Response(
        b'["AutodiscoverV1"]', content_type="application/json"),
    ("https", "autodiscover.ms.test", AUTODISCOVER_PATH + "cai@adno.test"): Response(
        b'{"Protocol":"AutodiscoverV1","Url":"https://autodiscover.elsewhere.test/autodiscover.xml"}',
        content_type="application/json"),
}
HOSTS = sorted({host for _, host, _ in ROUTES} | {"autoconfig.drip.test"})


@pytest.fixture(scope="session")
def nsd(web: WebServers) -> Iterator[NsdServer]:
    need = missing()
    if need:
        unavailable(f"the online detection tests need {need}: run `bash tests/run.sh` or .ci/run")
    server = NsdServer.start({"test.": zone(web.ip, web.drip_ip)})
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def web(ca: trustme.CA) -> Iterator[WebServers]:
    if os.geteuid() != 0:
        unavailable("the online detection tests bind 127.0.0.44:443 and :80, which needs root (CI runs as root)")
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(*HOSTS).configure_cert(tls)
    try:
        servers = start_web_servers(44, tls, dict(ROUTES))
    except OSError as exc:
        unavailable(f"cannot start the test web servers: {exc}")
    try:
        yield servers
    finally:
        servers.stop()


@pytest.fixture
def online(nsd: NsdServer, web: WebServers, ca_file: str) -> dict[str, str]:
    """Keyword arguments of detect() that point it at the suite's servers."""
    web.log.clear()
    return {"dns_server": nsd.address, "ca_file": ca_file, "ispdb_url": ISPDB_URL,
            "autodiscover_url": AUTODISCOVER_URL}


def _mail_dns(records: str) -> Iterator[NsdServer]:
    need = missing()
    if need:
        unavailable(f"the detection tests need {need}: run `bash tests/run.sh` or .ci/run")
    server = NsdServer.start({f"{MAIL_DOMAIN}.": records})
    try:
        yield server
    finally:
        server.stop()


# The suite's Dovecot listens on 127.0.0.2 and Postfix on 127.0.0.1: the name has both addresses, and a
# connection refused on one goes on to the other. The certificate names mail.test.localhost.
MAIL_A = f"mail IN A 127.0.0.1\nmail IN A {MAIL_HOST}\n"


@pytest.fixture(scope="session")
def probe_dns() -> Iterator[NsdServer]:
    """test.localhost publishes nothing but the address of mail.test.localhost (with `probe_ports`)."""
    yield from _mail_dns(MAIL_A)


@pytest.fixture(scope="session")
def srv_dns(postfix: PostfixServer) -> Iterator[NsdServer]:
    """test.localhost publishes RFC 6186/8314 SRV records for the suite's Postfix and Dovecot ports."""
    yield from _mail_dns(MAIL_A + "".join(
        f"{service} IN SRV 0 1 {port} mail.{MAIL_DOMAIN}.\n" for service, port in (
            ("_imaps._tcp", postfix.imaps), ("_pop3s._tcp", postfix.pop3s),
            ("_submissions._tcp", postfix.submissions), ("_submission._tcp", postfix.submission))))


@pytest.fixture
def probe_ports(postfix: PostfixServer, monkeypatch: pytest.MonkeyPatch) -> PostfixServer:
    """The probe's standard ports (993, 143, ...) become the suite's; two ports without STARTTLS (Dovecot's
    imap_plain, Postfix's plain) stand in for STARTTLS ports where it is not offered."""
    monkeypatch.setattr(probe, "PROBE_PORTS", (
        (Protocol.IMAP, postfix.imaps, Security.TLS), (Protocol.IMAP, postfix.imap, Security.STARTTLS),
        (Protocol.IMAP, postfix.imap_plain, Security.STARTTLS),
        (Protocol.POP3, postfix.pop3s, Security.TLS), (Protocol.POP3, postfix.pop3, Security.STARTTLS),
        (Protocol.SMTP, postfix.submissions, Security.TLS), (Protocol.SMTP, postfix.submission, Security.STARTTLS),
        (Protocol.SMTP, postfix.plain, Security.STARTTLS)))
    return postfix


@pytest.fixture(scope="session")
def mail_ca_file(ca: trustme.CA, postfix: PostfixServer, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("mail-ca") / "ca.pem"
    path.write_bytes(ca.cert_pem.bytes() + postfix.ca_file.read_bytes())
    return str(path)
