#!/usr/bin/env bash
# Installs what is needed, builds skjerm and runs the whole test suite (ctest).
# SANITIZE=1 builds into build-asan/ with AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
if [ "${SANITIZE:-0}" = 1 ]; then
  export BUILD_DIR=${BUILD_DIR:-$root/build-asan} BUILD_TYPE=Debug
  "$root/scripts/build.sh" -DSKJERM_SANITIZE=ON
else
  "$root/scripts/build.sh"
fi
ctest --test-dir "${BUILD_DIR:-$root/build}" --output-on-failure -j "$(nproc)"
