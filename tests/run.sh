#!/usr/bin/env bash
# Installs everything the tests need (Debian packages, Python packages), then
# runs the linters and the whole suite. Root or sudo is needed for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."
# A real mail server with real SASL, swaks for the benchmark (its TLS needs Net::SSLeay), NSD for the
# detection tests' DNS;
# Dovecot's LMTP and Sieve for the round trip (Postfix delivers into the mailboxes, a Sieve rule into Junk).
bash packaging/dev-env.sh test postfix dovecot-core dovecot-imapd dovecot-pop3d dovecot-lmtpd dovecot-sieve \
  swaks libnet-ssleay-perl openssl ca-certificates nsd \
  chromium chromium-driver
# The OAuth2 tests: the suite's OpenID provider (oidc-provider, pinned by its package-lock.json),
# driven by the headless Chromium above.
(cd tests/servers/oidc && npm ci --no-audit --no-fund --loglevel=error)
.venv/bin/ruff check gui tests packaging
.venv/bin/mypy
# Postfix/Dovecot tests skip loudly when those are missing; here they are required.
MAILTESTER_REQUIRE_POSTFIX=1 MAILTESTER_RULE_LOG="$(mktemp)" .venv/bin/python -m pytest "$@"
