"""The OAuth2 tests' world: the suite's OpenID provider, a mail server that checks its tokens, and the
command's system browser (headless Chromium). Fixtures for tests/oauth and the window's sign-in test."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import unavailable
from tests.servers.oidc import OidcServer, missing, start_mail_server
from tests.servers.postfix import PostfixServer, missing_binaries

HERE = Path(__file__).parent
USER = "alice@test.localhost"


def _missing() -> str | None:
    needs = [*missing_binaries(), *([missing()] if missing() else [])]
    needs += [b for b in ("/usr/bin/chromium", "/usr/bin/chromedriver") if not os.path.exists(b)]
    try:
        import selenium  # noqa: F401
    except ImportError:
        needs.append("selenium (the test extras)")
    return ", ".join(needs) or None


@dataclass
class OAuthWorld:
    oidc: OidcServer
    mail: PostfixServer
    ca_file: str  # the mail servers' CA and the provider's, one --ca-file for both

    def command(self, protocol: str, *extra: str) -> list[str]:
        port, host, security = {
            "imap": (self.mail.imaps, self.mail.mail_host, "tls"),
            "smtp": (self.mail.submission, "localhost", "starttls"),
            "pop3": (self.mail.pop3s, self.mail.mail_host, "tls"),
        }[protocol]
        return ["check", "--protocol", protocol, "--host", host, "--port", str(port), "--security", security,
                "--user", USER, "--ca-file", self.ca_file, "--oauth", "issuer", "--oauth-issuer", self.oidc.issuer,
                *extra]


@pytest.fixture(scope="session")
def oauth_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OAuthWorld]:
    need = _missing()
    if need:
        unavailable(f"OAuth2 tests need {need}: run tests/run.sh (installs them)")
    oidc = OidcServer.start()
    try:
        mail = start_mail_server(oidc)
        try:
            ca = tmp_path_factory.mktemp("oauth-ca") / "ca.pem"
            ca.write_bytes(mail.ca_file.read_bytes() + oidc.ca_file.read_bytes())
            yield OAuthWorld(oidc, mail, str(ca))
        finally:
            mail.stop()
    finally:
        oidc.stop()


@pytest.fixture
def browser(oauth_world: OAuthWorld, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
            ) -> Iterator[pytest.MonkeyPatch]:
    """The command's system browser (Python's webbrowser honours BROWSER) is headless Chromium filling
    the provider's pages; the keychain is a test file. Set MAILTESTER_TEST_BROWSER to change what it does."""
    monkeypatch.setenv("BROWSER", f"{sys.executable} {HERE / 'browser.py'} %s")
    monkeypatch.setenv("MAILTESTER_TEST_SPKI", oauth_world.oidc.spki)
    monkeypatch.setenv("MAILTESTER_TEST_LOGIN", USER)
    monkeypatch.setenv("MAILTESTER_TEST_BROWSER", "login")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.oauth.keychain.FileKeyring")
    monkeypatch.setenv("MAILTESTER_TEST_KEYCHAIN", str(tmp_path / "keychain.json"))
    monkeypatch.setenv("MAILTESTER_TEST_BROWSER_LOG", str(tmp_path / "browser.log"))
    yield monkeypatch
    print(browser_log())  # pytest shows it when the test failed, a subprocess's timeout included


def browser_log() -> str:
    """What the test browser did (for a failure's message)."""
    path = Path(os.environ.get("MAILTESTER_TEST_BROWSER_LOG", "/nonexistent"))
    return "\nbrowser: " + path.read_text() if path.exists() else "\nbrowser: no log"
