#!/bin/sh
# Installs what two tests need from Debian: the headless browser tests/warehouse/test_report.py renders
# the HTML report in (chromium at /usr/bin/chromium) with a Chinese font, so that the report's labels
# show as characters rather than empty boxes in its screenshots (the document tests embed the same
# font in the PDFs they write, synthetic/documents.py); and the Redis server that
# tests/orchestration/test_distributed.py starts on loopback as the Celery broker. (OCR is a Python
# package, the ocr extra, installed from the lock by make setup.) A no-op when all
# are there, so `make test` can call it every time; needs root and the Debian package mirror only the
# first time.
set -eu

PACKAGES="chromium fonts-wqy-zenhei redis-server"

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/redis-server ] && dpkg -s $PACKAGES >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "install_test_services.sh: missing $PACKAGES; run it as root (it uses apt-get)" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $PACKAGES
