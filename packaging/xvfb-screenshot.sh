#!/usr/bin/env bash
# Screenshot of a built application's real window on a virtual X display:
# opens it with the demo server, presses Enter (Test login), captures the screen.
#   bash packaging/xvfb-screenshot.sh [COMMAND] [OUT.png]
# Needs xvfb, xdotool and imagemagick (Debian packages).
#   bash packaging/xvfb-screenshot.sh --states [OUTDIR] [--lang=tr]
# renders every state of packaging/screenshots.py as the X display shows the real
# window (the xcb platform, not offscreen); needs xvfb and libxcb-cursor0 only.
set -euo pipefail
if [ "${1:-}" = --states ]; then
  OUTDIR=${2:-build/xvfb}
  mkdir -p "$OUTDIR"
  Xvfb :78 -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB=$!
  trap 'kill $XVFB 2>/dev/null || true' EXIT
  sleep 1
  DISPLAY=:78 QT_QPA_PLATFORM=xcb XDG_CONFIG_HOME=$(mktemp -d) \
    .venv/bin/python packaging/screenshots.py "$OUTDIR" --screen "${@:3}"
  exit 0
fi
CMD=${1:-dist/mailtester/mailtester}
OUT=${2:-build/xvfb-window.png}
DISPLAY_NUM=:77
mkdir -p "$(dirname "$OUT")"
Xvfb "$DISPLAY_NUM" -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
trap 'kill $APP $XVFB 2>/dev/null || true' EXIT
export DISPLAY=$DISPLAY_NUM XDG_CONFIG_HOME=$(mktemp -d)
unset QT_QPA_PLATFORM
sleep 1
"$CMD" --demo >/dev/null 2>&1 &
APP=$!
WID=$(xdotool search --sync --onlyvisible --name "Mail Account Tester" | head -1)
xdotool windowfocus --sync "$WID"  # no window manager: give it the keyboard directly
sleep 0.5
xdotool key Return
sleep 2
import -window root "$OUT"
echo "$OUT"
