"""The suite's OAuth2 / OpenID authorization server: `oidc-provider` (npm, a
certified OpenID provider) under Node.js, on https://127.0.0.3:<port> with a
trustme certificate. tests/run.sh installs it with `npm ci` in tests/servers/oidc.

Clients:
- CLIENT: a native public client (no secret, PKCE), loopback redirect
  http://127.0.0.1/ (any port, RFC 8252 §7.3), refresh tokens.
- SHORT_CLIENT: the same, whose access tokens live SHORT_TTL seconds.
- INTROSPECTOR: Dovecot's confidential client for token introspection.
The login and consent pages are the provider's own development pages (any
login name; the account id is the name typed).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import trustme

from tests.servers.nsd import free_port, stop_process
from tests.servers.postfix import MECHANISMS, PostfixServer

HERE = Path(__file__).parent / "oidc"
HOST = "127.0.0.3"
CLIENT = "mailtester-test"
SHORT_CLIENT = "mailtester-short"
SHORT_TTL = 2
INTROSPECTOR = ("dovecot", "dovecot-introspection-secret")
MAIL_SCOPE = "mail"


def missing() -> str | None:
    if shutil.which("node") is None:
        return "node (Node.js 20)"
    if not (HERE / "node_modules" / "oidc-provider").is_dir():
        return "oidc-provider (run `npm ci` in tests/servers/oidc)"
    return None


@dataclass
class OidcServer:
    root: Path
    port: int
    process: subprocess.Popen[bytes]

    @property
    def issuer(self) -> str:
        return f"https://{HOST}:{self.port}"

    @property
    def ca_file(self) -> Path:
        return self.root / "ca.pem"

    @property
    def log(self) -> str:
        return (self.root / "provider.log").read_text(errors="replace")

    @property
    def spki(self) -> str:
        """base64(SHA-256(SubjectPublicKeyInfo)) of the certificate, for Chromium's
        --ignore-certificate-errors-spki-list."""
        import base64
        import hashlib

        from cryptography import x509
        from cryptography.hazmat.primitives import serialization

        cert = x509.load_pem_x509_certificate((self.root / "cert.pem").read_bytes())
        der = cert.public_key().public_bytes(serialization.Encoding.DER,
                                             serialization.PublicFormat.SubjectPublicKeyInfo)
        return base64.b64encode(hashlib.sha256(der).digest()).decode()

    def issued_tokens(self) -> list[str]:
        """Every access and refresh token the provider issued so far (opaque tokens are their jti)."""
        return [line.split()[-1] for line in self.log.splitlines() if line.startswith("issued ")]

    def active(self, token: str) -> bool:
        """What introspection (RFC 7662) says of a token now, asked as Dovecot asks."""
        import base64
        import ssl
        import urllib.request
        from urllib.parse import urlencode

        user, secret = INTROSPECTOR
        basic = base64.b64encode(f"{user}:{secret}".encode()).decode()
        request = urllib.request.Request(f"{self.issuer}/token/introspection",
                                         data=urlencode({"token": token}).encode(),
                                         headers={"Authorization": f"Basic {basic}"})
        context = ssl.create_default_context(cafile=str(self.ca_file))
        with urllib.request.urlopen(request, context=context, timeout=10) as answer:
            return bool(json.load(answer).get("active"))

    def dovecot_oauth2(self) -> str:
        """dovecot-oauth2.conf.ext: tokens checked by introspection, the mail scope required."""
        user, secret = INTROSPECTOR
        return (f"introspection_mode = post\n"
                f"introspection_url = https://{user}:{secret}@{HOST}:{self.port}/token/introspection\n"
                f"tls_ca_cert_file = {self.ca_file}\n"
                "force_introspection = yes\n"
                "username_attribute = sub\n"
                "active_attribute = active\n"
                "active_value = true\n"
                f"scope = {MAIL_SCOPE}\n")

    @classmethod
    def start(cls) -> OidcServer:
        root = Path(tempfile.mkdtemp(prefix="mtoidc-", dir="/tmp"))
        root.chmod(0o755)  # Dovecot's auth process reads the CA file
        ca = trustme.CA(organization_name="mailtester test OpenID CA")
        leaf = ca.issue_cert(HOST)
        ca.cert_pem.write_to_path(str(root / "ca.pem"))
        (root / "ca.pem").chmod(0o644)
        leaf.cert_chain_pems[0].write_to_path(str(root / "cert.pem"))
        leaf.private_key_pem.write_to_path(str(root / "key.pem"))
        port = free_port(HOST)
        native = {"application_type": "native", "token_endpoint_auth_method": "none",
                  "redirect_uris": ["http://127.0.0.1/"], "grant_types": ["authorization_code", "refresh_token"],
                  "response_types": ["code"]}
        config = {
            "issuer": f"https://{HOST}:{port}", "host": HOST, "port": port,
            "key": str(root / "key.pem"), "cert": str(root / "cert.pem"),
            "clients": [
                {"client_id": CLIENT, **native},
                {"client_id": SHORT_CLIENT, "access_token_ttl": SHORT_TTL, **native},
                {"client_id": INTROSPECTOR[0], "client_secret": INTROSPECTOR[1], "grant_types": [],
                 "response_types": [], "redirect_uris": []},
            ],
        }
        (root / "config.json").write_text(json.dumps(config))
        log = open(root / "provider.log", "wb")  # noqa: SIM115 - the daemon keeps it open
        process = subprocess.Popen(["node", str(HERE / "provider.mjs"), str(root / "config.json")],
                                   cwd=HERE, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        server = cls(root, port, process)
        deadline = time.monotonic() + 20
        while b"listening" not in (root / "provider.log").read_bytes():
            if process.poll() is not None or time.monotonic() > deadline:
                server.stop()
                raise RuntimeError("oidc-provider did not start:\n" + server.log)
            time.sleep(0.05)
        return server

    def stop(self) -> None:
        stop_process(self.process)
        shutil.rmtree(self.root, ignore_errors=True)


def start_mail_server(oidc: OidcServer) -> PostfixServer:
    """A second private Postfix + Dovecot whose Dovecot also takes XOAUTH2 and OAUTHBEARER, checking
    each token by introspection at `oidc` (passdb oauth2); Postfix gets them through Dovecot SASL."""

    class OAuthPostfix(PostfixServer):
        def _configure(self) -> None:
            super()._configure()
            ext = self.root / "dovecot-oauth2.conf.ext"
            ext.write_text(oidc.dovecot_oauth2())
            ext.chmod(0o644)
            conf = self.root / "dovecot.conf"
            text = conf.read_text(encoding="utf-8")
            assert f"auth_mechanisms = {MECHANISMS}\n" in text
            text = text.replace(f"auth_mechanisms = {MECHANISMS}\n",
                                f"auth_mechanisms = {MECHANISMS} xoauth2 oauthbearer\n")
            conf.write_text(text + f"passdb {{\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n"
                                   f"  args = {ext}\n}}\n", encoding="utf-8")

    return OAuthPostfix.start()
