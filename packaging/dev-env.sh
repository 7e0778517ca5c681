#!/usr/bin/env bash
# Creates .venv with mailtester installed from this checkout.
#   bash packaging/dev-env.sh          the application
#   bash packaging/dev-env.sh test     plus what the tests need
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
PY=${PYTHON:-python3}
"$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "mailtester needs Python 3.11 or newer" >&2; exit 1; }
if ! "$PY" -c 'import venv, ensurepip' 2>/dev/null; then
  $SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q python3-venv
fi
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "${1:-}" = test ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
else
  .venv/bin/python -m pip install -q -e .
fi
