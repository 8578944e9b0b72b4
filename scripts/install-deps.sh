#!/usr/bin/env bash
# Installs the Debian 12 packages Vigil needs to build, run and test, when they are missing.
# Non-interactive; runs apt-get as root (directly, or through sudo when not root).
#   scripts/install-deps.sh            build + run + test dependencies
set -euo pipefail

PACKAGES=(
    # toolchain
    g++ cmake ninja-build pkg-config
    # Qt 6.4 and the libraries Vigil links
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-charts-dev libqt6opengl6-dev qt6-svg-dev
    libquazip1-qt6-dev libxlsxwriter-dev libsodium-dev libsqlite3-dev libicu-dev
    # PDF reports: Pango + Cairo lay out and shape every script; librsvg draws the charts as vectors
    libpango1.0-dev libcairo2-dev librsvg2-dev
    # the report preview shows the PDF's own pages
    libpoppler-qt6-dev
    # data and fonts bundled or used at run time
    iso-codes fonts-noto-core fonts-noto-cjk
    # tests: headless display, PDF readers, the sqlite3 shell, LibreOffice to read exported ODT/XLSX back
    xvfb xauth poppler-utils qpdf sqlite3 libreoffice-calc-nogui libreoffice-writer-nogui
)
# The W3C HTML checker (npm package vnu-jar) runs on Java; install Java and npm only where they are missing
# (the machine may have its own Node.js and npm, which Debian's npm package would conflict with).
command -v java >/dev/null 2>&1 || PACKAGES+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || PACKAGES+=(npm)

missing=()
for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=(sudo)
    else
        echo "install-deps: these Debian packages are missing and installing them needs root: ${missing[*]}" >&2
        exit 1
    fi
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
