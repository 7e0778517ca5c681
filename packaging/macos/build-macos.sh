#!/usr/bin/env bash
# Builds "Mail Account Tester.app" and a .dmg on macOS (run by the "macos" job of
# .github/workflows/release.yml). Not run on the project's Linux machines.
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 -m venv .venv
.venv/bin/pip install -q -e ".[build]"
VERSION=$(.venv/bin/python -c 'import mailtester; print(mailtester.__version__)')
# The icon: PNGs from the SVG, then iconutil.
ICONSET=build/mailtester.iconset
mkdir -p "$ICONSET"
QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py build/icons
for s in 16 32 128 256 512; do
  cp "build/icons/${s}x${s}/apps/mailtester.png" "$ICONSET/icon_${s}x${s}.png"
done
for s in 16 128 256; do
  d=$((s * 2)); cp "build/icons/${d}x${d}/apps/mailtester.png" "$ICONSET/icon_${s}x${s}@2x.png"
done
iconutil -c icns -o packaging/macos/mailtester.icns "$ICONSET"
.venv/bin/pyinstaller --noconfirm --distpath dist --workpath build packaging/mailtester.spec
# Smoke test of the built app, offscreen.
QT_QPA_PLATFORM=offscreen "dist/Mail Account Tester.app/Contents/MacOS/mailtester" --self-test
hdiutil create -volname "Mail Account Tester" -srcfolder "dist/Mail Account Tester.app" -ov -format UDZO \
  "dist/mailtester-$VERSION-macos.dmg"
