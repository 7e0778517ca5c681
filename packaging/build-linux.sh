#!/usr/bin/env bash
# Builds the Linux bundle (PyInstaller onedir), a .tar.gz with a desktop entry,
# icons and AppStream metadata, and a .deb made with dpkg-deb. Output in dist/.
#   bash packaging/build-linux.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/dev-env.sh build binutils dpkg-dev desktop-file-utils appstream
VERSION=$(.venv/bin/python -c 'import mailtester; print(mailtester.__version__)')
ARCH=$(dpkg --print-architecture)
rm -rf build dist
.venv/bin/pyinstaller --noconfirm --log-level ERROR --distpath dist --workpath build packaging/mailtester.spec
.venv/bin/python packaging/bundle_check.py dist/mailtester  # no library that nothing loads

# Desktop integration files, shared by the archive and the package.
desktop-file-validate packaging/linux/mailtester.desktop
appstreamcli validate --no-net --explain packaging/linux/org.mailtester.MailAccountTester.metainfo.xml >/dev/null
STAGE=build/share
mkdir -p "$STAGE/applications" "$STAGE/metainfo" "$STAGE/icons/hicolor"
cp packaging/linux/mailtester.desktop "$STAGE/applications/"
cp packaging/linux/org.mailtester.MailAccountTester.metainfo.xml "$STAGE/metainfo/"
QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py "$STAGE/icons/hicolor"

# .tar.gz: the bundle plus share/ and a short note.
TARDIR=build/tar/mailtester-$VERSION
mkdir -p "$TARDIR"
cp -a dist/mailtester "$TARDIR/bin"
cp -a "$STAGE" "$TARDIR/share"
cat > "$TARDIR/README.txt" <<TXT
Mail Account Tester $VERSION

Run bin/mailtester (the window) or bin/mailtester check --help (the command).
For a menu entry, copy share/ into ~/.local/share/ and put bin/ somewhere on
your PATH, or install the .deb instead. Qt needs the system libraries listed
in the .deb's Depends line (libxcb-cursor0 and others).
TXT
tar -C build/tar -czf "dist/mailtester-$VERSION-linux-$ARCH.tar.gz" "mailtester-$VERSION"

# .deb: /opt/mailtester, /usr/bin/mailtester, menu entry, icons, metadata.
PKG=build/deb
mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share"
cp -a dist/mailtester "$PKG/opt/mailtester"
ln -s /opt/mailtester/mailtester "$PKG/usr/bin/mailtester"
cp -a "$STAGE/." "$PKG/usr/share/"
SIZE=$(du -sk "$PKG" | cut -f1)
# Qt's xcb platform needs these (ldd of libqxcb.so on a minimal system); PyInstaller does not bundle them.
# The base libraries left out of the bundle (SYSTEM_LIBS in the spec) are listed too.
DEPENDS="libc6, libegl1, libgl1, libfontconfig1, libfreetype6, libexpat1, libglib2.0-0, libdbus-1-3, libpng16-16, zlib1g, libzstd1, libbrotli1, libxkbcommon0, libxkbcommon-x11-0, libx11-6, libx11-xcb1, libxcb1, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render0, libxcb-render-util0, libxcb-shape0, libxcb-shm0, libxcb-sync1, libxcb-xfixes0, libxcb-xkb1, fonts-dejavu-core | fonts-liberation"
cat > "$PKG/DEBIAN/control" <<CTL
Package: mailtester
Version: $VERSION
Architecture: $ARCH
Maintainer: Mail Account Tester developers <noreply@mailtester.invalid>
Installed-Size: $SIZE
Depends: $DEPENDS
Section: net
Priority: optional
Homepage: https://mailtester.invalid/
Description: check whether a mail account can log in to its outgoing server
 Mail Account Tester connects to an SMTP server, negotiates TLS and tries to
 log in, showing the whole dialogue with decoded challenges, and explains any
 refusal in plain words with provider-specific fix steps.
CTL
dpkg-deb --root-owner-group --build "$PKG" "dist/mailtester_${VERSION}_${ARCH}.deb" >/dev/null
ls -l dist
