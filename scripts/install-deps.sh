#!/usr/bin/env bash
# Installs everything skjerm needs to build, test and benchmark, from Debian's packages.
# Runs as root or through sudo; a no-op for packages already present.
set -euo pipefail
packages=(
  build-essential cmake pkg-config clang-format
  libpoppler-cpp-dev libpoppler-glib-dev poppler-utils
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-eng
  tesseract-ocr-nor tesseract-ocr-swe tesseract-ocr-dan tesseract-ocr-osd
  libre2-dev libsqlite3-dev sqlite3 libcli11-dev libgtest-dev
  nlohmann-json3-dev libtomlplusplus-dev libutf8proc-dev libssl-dev libexpat1-dev
  wnorwegian wswedish wdanish qpdf python3
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
