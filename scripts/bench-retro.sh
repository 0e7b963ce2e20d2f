#!/usr/bin/env bash
# Benchmark: `retro` after a rule change against the first `check`, on a journal of
# already-checked entries with scans among them.
#
#   scripts/bench-retro.sh [ENTRIES] [SCANS_PERCENT]     (default 1000 entries, 10% scans)
#
# Makes ENTRIES publishable documents from the samples (text PDFs, .txt, scanned PDFs), each
# with bytes of its own so no two share a text-cache entry, imports them, times the first
# `check` (reads and OCRs everything, fills the cache), changes a rule, and times `retro`
# (re-judges every published entry with the new rules from the cache). Prints both times,
# the ratio and the cache statistics skjerm reports.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
skjerm=${SKJERM:-$root/build/skjerm}
entries=${1:-1000}
scan_percent=${2:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
# The database's key goes with the temporary database, not into ~/.config/skjerm.
export XDG_CONFIG_HOME=$work/config

mkdir docs
printf 'journal_number,journal_date,direction,title,access_code,document\n' >journal.csv
scans=0
for i in $(seq 1 "$entries"); do
  if [ $((i * scan_percent % 100)) -lt "$scan_percent" ]; then
    src=sv-betyg-scan-exempt.pdf
    scans=$((scans + 1))
  else
    case $((i % 3)) in
      0) src=sv-vagarbete-pass.pdf ;; 1) src=nb-vedtak-exempt.pdf ;; 2) src=nb-kunngjoring-pass.txt ;;
    esac
  fi
  ext=${src##*.}
  cp "$root/samples/letters/$src" "docs/$i.$ext"
  # Bytes of its own: a PDF comment after the end, or a last line of a text.
  if [ "$ext" = pdf ]; then printf '%%copy %d\n' "$i" >>"docs/$i.$ext"; else printf 'Ref. %d\n' "$i" >>"docs/$i.$ext"; fi
  printf '2024/%05d-1,2024-%02d-%02d,U,Sak %d,,docs/%d.%s\n' "$i" $((i % 12 + 1)) $((i % 28 + 1)) "$i" "$i" "$ext" >>journal.csv
done
echo "journal: $entries entries, $scans of them scanned PDFs; $(nproc) cores"

"$skjerm" journal import journal.csv >/dev/null
start=$(date +%s.%N)
"$skjerm" check >/dev/null 2>check.err || true
check_s=$(echo "$(date +%s.%N) - $start" | bc)
echo "first check: ${check_s} s  ($(grep documents check.err))"

# A rule change: one more case word. The rule set's version changes with it.
cp -r "$root/patterns" patterns
sed -i 's/^strong = \[/strong = [\n  "skolevegringssak",/' patterns/person_roles.toml
start=$(date +%s.%N)
"$skjerm" retro --patterns patterns >retro.out 2>retro.err || true
retro_s=$(echo "$(date +%s.%N) - $start" | bc)
echo "retro after a rule change: ${retro_s} s  ($(grep documents retro.err))"
head -1 retro.out
echo "retro is $(echo "scale=1; $check_s / $retro_s" | bc)x faster than the first check"
"$skjerm" status | tail -4
