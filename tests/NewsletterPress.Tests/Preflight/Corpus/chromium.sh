#!/usr/bin/env bash
# Makes chromium.pdf, the Chromium print-to-PDF file of the broken-PDF corpus (BrokenCorpusTests).
# Checked in rather than made in CI: Debian's chromium-headless-shell is 280 MB for one small file.
# Made with chromium-headless-shell 156.0.8078.108-1~deb12u1 (Debian bookworm-security).
set -euo pipefail
cd "$(dirname "$0")"
printf '<html><head><title>Chromium sample</title></head><body><h1>Hello</h1><p>A <a href="https://example.org/">link</a> and text.</p></body></html>' > chromium.html
chromium-headless-shell --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$PWD/chromium.pdf" "file://$PWD/chromium.html"
rm chromium.html
