from __future__ import annotations

import os
import ssl
from collections.abc import Iterator
from typing import NoReturn

import pytest
import trustme

from tests.servers.postfix import PostfixServer, missing_binaries

# CI sets this: there a missing Postfix/Dovecot is a failure, not a skip.
REQUIRE_POSTFIX = os.environ.get("MAILTESTER_REQUIRE_POSTFIX") == "1"


def unavailable(message: str) -> NoReturn:
    """A test server that cannot run here: a failure under REQUIRE_POSTFIX, a loud skip otherwise."""
    if REQUIRE_POSTFIX:
        pytest.fail(message)
    pytest.skip("*** SKIPPED: " + message + " ***")


def pytest_configure(config: pytest.Config) -> None:
    # tests/run.sh asks for the rule log of a whole run (tests/test_zz_rule_coverage.py reads it).
    if os.environ.get("MAILTESTER_RULE_LOG"):
        open(os.environ["MAILTESTER_RULE_LOG"], "w").close()
        from tests import rule_coverage

        rule_coverage.install()


@pytest.fixture(scope="session")
def postfix() -> Iterator[PostfixServer]:
    missing = missing_binaries()
    if missing:
        message = (f"Postfix/Dovecot integration tests need {', '.join(missing)}: "
                   "run `bash tests/setup.sh` (installs them with apt-get) or use .ci/run")
        unavailable(message)
    server = PostfixServer.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def ca() -> trustme.CA:
    return trustme.CA(organization_name="mailtester tests")


@pytest.fixture(scope="session")
def ca_file(ca: trustme.CA, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("ca") / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return str(path)


@pytest.fixture(scope="session")
def server_tls(ca: trustme.CA) -> ssl.SSLContext:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("localhost", "127.0.0.1").configure_cert(ctx)
    return ctx


# The OAuth2 world (the suite's OpenID provider, a mail server checking its tokens, the browser),
# one for tests/oauth and the window's sign-in test.
from tests.oauth.world import browser, oauth_world  # noqa: E402, F401
