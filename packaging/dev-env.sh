#!/usr/bin/env bash
# Creates .venv with mailtester installed from this checkout, and installs the
# system libraries Qt needs on Debian/Ubuntu (root or sudo for apt-get).
#   bash packaging/dev-env.sh                    the application
#   bash packaging/dev-env.sh test [PACKAGE...]  plus what the tests need, and
#                                                these Debian packages
#   bash packaging/dev-env.sh build [PACKAGE...] plus PyInstaller
set -euo pipefail
MODE=${1:-}
[ $# -gt 0 ] && shift
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
new_enough() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; }
# PYTHON if set; else the distribution's python3 where it is new enough. Debian's and Ubuntu's are built
# with PGO and LTO, and a check, a process that lives a tenth of a second, starts about a quarter faster
# on them than on a default source build (pyenv's): tests/bench/bench_vs_swaks.py shows both.
if [ -n "${PYTHON:-}" ]; then PY=$PYTHON
elif [ -x /usr/bin/python3 ] && new_enough /usr/bin/python3; then PY=/usr/bin/python3
else PY=python3
fi
new_enough "$PY" || { echo "mailtester needs Python 3.11 or newer" >&2; exit 1; }

# Qt's xcb platform and fonts; PyInstaller and pip do not bring these.
PACKAGES=(libegl1 libgl1 libfontconfig1 libglib2.0-0 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
          libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
          libxcb-render-util0 libxcb-shape0 libxcb-xkb1 fonts-dejavu-core)
"$PY" -c 'import venv, ensurepip' 2>/dev/null || PACKAGES+=(python3-venv)
# PyInstaller bundles the shared libpython, which the distribution ships apart from its interpreter.
if [ "$MODE" = build ] && [ "$PY" = /usr/bin/python3 ]; then
  PACKAGES+=("lib$(readlink -f /usr/bin/python3 | xargs basename)")
fi
PACKAGES+=("$@")
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "$MODE" = test ] || [ "$MODE" = build ]; then
  .venv/bin/python -m pip install -q -e ".[$MODE]"
else
  .venv/bin/python -m pip install -q -e .
fi
# Byte-compile as a regular install would (an editable install leaves it to the
# first import, which some environments forbid with PYTHONDONTWRITEBYTECODE).
.venv/bin/python -m compileall -q gui
# The compiled translations (.qm) are committed beside their sources (.ts), so every
# install carries them; tests/qt/test_translations_install.py checks they are current.
