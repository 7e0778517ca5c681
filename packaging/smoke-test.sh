#!/usr/bin/env bash
# Smoke-tests what build-linux.sh made: the bundle, the unpacked archive, and
# the .deb installed with apt-get (root needed) and removed again.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export QT_QPA_PLATFORM=offscreen
VERSION=$(.venv/bin/python -c 'import mailtester; print(mailtester.__version__)')
ARCH=$(dpkg --print-architecture)

check() {  # the command to test
  "$1" --version | grep -qx "mailtester $VERSION"
  "$1" --self-test
  # every language in every install: the compiled Turkish translation is inside
  find "$(dirname "$(readlink -f "$1")")" -name mailtester_tr.qm | grep -q . \
    || { echo "mailtester_tr.qm missing from $1" >&2; exit 1; }
  "$1" check --demo --json >/dev/null
  # the command line never loads Qt (the window's libraries cost a check several times its own work)
  if LD_DEBUG=files "$1" check --demo --json 2>&1 >/dev/null | grep -q "libQt6Core"; then
    echo "$1 check loaded Qt" >&2; exit 1
  fi
  set +e; "$1" check --demo-fail --json >/dev/null; rc=$?; set -e
  [ "$rc" -eq 1 ] || { echo "demo-fail exited $rc, expected 1" >&2; exit 1; }
  # the bundled provider database, and a batch read from an XLSX sheet (openpyxl) with its outputs
  "$1" detect someone@gmail.com --offline --json | grep -q '"host": "imap.gmail.com"'
  set +e; "$1" batch "$SHEET" --out "$OUT/r.csv" --html "$OUT/r.html" --quiet --timeout 5; rc=$?; set -e
  [ "$rc" -eq 1 ] || { echo "batch exited $rc, expected 1 (its one row cannot connect)" >&2; exit 1; }
  grep -q "connect.refused" "$OUT/r.csv" && grep -q "<html" "$OUT/r.html"
}

OUT=$(mktemp -d)
SHEET="$OUT/sheet.xlsx"
# port 1 on loopback: nothing listens there, so the row ends connect.refused at once
.venv/bin/python - "$SHEET" <<'PY'
import sys
from openpyxl import Workbook
wb = Workbook()
wb.active.append(["email", "password_ref", "host", "port", "security"])
wb.active.append(["someone@example.test", "env:SMOKE_PASSWORD", "127.0.0.1", 1, "tls"])
wb.save(sys.argv[1])
PY
export SMOKE_PASSWORD=not-a-real-one

echo "== bundle"
check dist/mailtester/mailtester

echo "== archive"
TMP=$(mktemp -d)
tar -C "$TMP" -xzf "dist/mailtester-$VERSION-linux-$ARCH.tar.gz"
check "$TMP/mailtester-$VERSION/bin/mailtester"
test -f "$TMP/mailtester-$VERSION/share/applications/mailtester.desktop"
rm -rf "$TMP"

echo "== .deb"
DEB="$PWD/dist/mailtester_${VERSION}_${ARCH}.deb"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "$DEB" >/dev/null
FILES=$(dpkg -L mailtester)
check /usr/bin/mailtester
test -f /usr/share/applications/mailtester.desktop
test -f /usr/share/icons/hicolor/256x256/apps/mailtester.png
test -f /usr/share/metainfo/org.mailtester.MailAccountTester.metainfo.xml
DEBIAN_FRONTEND=noninteractive $SUDO apt-get purge -y -q mailtester >/dev/null
left=""
for f in $FILES; do
  case "$f" in /.|/|/opt|/usr|/usr/bin|/usr/share|/usr/share/*/|/usr/share/applications|/usr/share/metainfo|/usr/share/icons*) continue ;; esac
  [ -e "$f" ] || [ -L "$f" ] && left="$left $f"
done
[ -z "$left" ] || { echo "left behind after removal:$left" >&2; exit 1; }
[ ! -e /opt/mailtester ] && [ ! -e /usr/bin/mailtester ] && [ ! -e /usr/share/applications/mailtester.desktop ]
rm -rf "$OUT"
echo "smoke test passed"
