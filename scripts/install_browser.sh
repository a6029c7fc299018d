#!/bin/sh
# Installs the headless browser tests/warehouse/test_report.py renders the HTML report in
# (Debian's chromium at /usr/bin/chromium), and a Chinese font so that the report's labels show as
# characters rather than empty boxes in its screenshots. A no-op when both are there, so `make test`
# can call it every time; needs root and the Debian package mirror only the first time.
set -eu

PACKAGES="chromium fonts-wqy-zenhei"

if [ -x /usr/bin/chromium ] && dpkg -s $PACKAGES >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "install_browser.sh: missing $PACKAGES; run it as root (it uses apt-get)" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $PACKAGES
