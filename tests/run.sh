#!/usr/bin/env bash
# Installs everything the tests need (Debian packages, Python packages), then
# runs the linters and the whole suite. Root or sudo is needed for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
PACKAGES=(postfix dovecot-core swaks openssl ca-certificates)
missing=()
for p in "${PACKAGES[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
bash packaging/dev-env.sh test
.venv/bin/ruff check gui tests
.venv/bin/mypy
# Postfix/Dovecot tests skip loudly when those are missing; here they are required.
MAILTESTER_REQUIRE_POSTFIX=1 .venv/bin/python -m pytest "$@"
