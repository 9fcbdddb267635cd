#!/bin/sh
# Makes sure the e2e tests have a browser and CJK fonts: Debian's chromium and fonts-noto-cjk.
# Playwright cannot download its own browsers here, so the tests use the system Chromium
# (or the one named by PW_CHROMIUM).
set -e
browser="${PW_CHROMIUM:-/usr/bin/chromium}"
need=""
[ -x "$browser" ] || need="$need chromium"
if command -v fc-list >/dev/null 2>&1; then
  fc-list :lang=zh | grep -q . || need="$need fonts-noto-cjk"
else
  need="$need fonts-noto-cjk fontconfig"
fi
[ -z "$need" ] && exit 0

echo "ensure-browser: installing Debian packages:$need"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-browser: no apt-get here. Install a Chromium build and CJK fonts (Debian packages:$need)," >&2
  echo "or point PW_CHROMIUM at a Chromium executable." >&2
  exit 1
fi
if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need; }; then
  echo "ensure-browser: could not install$need. Install the Debian packages$need by hand" >&2
  echo "(apt-get install$need) or set PW_CHROMIUM to a Chromium executable, then run npm test again." >&2
  exit 1
fi
