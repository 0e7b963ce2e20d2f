#!/usr/bin/env bash
# Installs what is needed, builds skjerm and scans the bundled sample letters.
# Exit status is skjerm's: 1 because some samples must be held.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" && "$root/scripts/build.sh" || exit 2
"$root/build/skjerm" scan "$root/samples/letters"
