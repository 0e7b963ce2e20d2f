#!/usr/bin/env bash
# Installs what is needed, builds skjerm with warnings as errors and runs the whole test
# suite (ctest).
#   SANITIZE=1       builds into build-asan/ with AddressSanitizer and UndefinedBehaviorSanitizer
#                    and runs the whole suite there.
#   SANITIZE=thread  builds into build-tsan/ with ThreadSanitizer and runs the tests of the
#                    parts that use threads: the scan pipeline, its worker pool, the isolated
#                    readers, and the end-to-end runs with several jobs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
python3 "$root/scripts/check-layering.py" "$root/src"  # 0 includes against the flow, 0 cycles
tests=()
case "${SANITIZE:-0}" in
  0) "$root/scripts/build.sh" -DSKJERM_WERROR=ON ;;
  1)
    export BUILD_DIR=${BUILD_DIR:-$root/build-asan} BUILD_TYPE=Debug
    "$root/scripts/build.sh" -DSKJERM_WERROR=ON -DSKJERM_SANITIZE=ON -DSKJERM_TSAN=OFF
    ;;
  thread)
    export BUILD_DIR=${BUILD_DIR:-$root/build-tsan} BUILD_TYPE=RelWithDebInfo
    "$root/scripts/build.sh" -DSKJERM_WERROR=ON -DSKJERM_TSAN=ON -DSKJERM_SANITIZE=OFF
    tests=(-R '^(ScanPipelineTest|IsolatedReaderTest|ExpandInputPathsTest)\.|^e2e\.(journal|inputs)_test$')
    ;;
  *) echo "SANITIZE must be 0, 1 or thread, not '$SANITIZE'" >&2; exit 2 ;;
esac
ctest --test-dir "${BUILD_DIR:-$root/build}" --output-on-failure -j "$(nproc)" "${tests[@]}"
