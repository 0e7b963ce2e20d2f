#!/usr/bin/env bash
# Scores skjerm on a corpus with known answers (a folder with pdf/, scan/, png/,
# truth.jsonl, journal.csv and roster.csv, and the scorer score.py), as the README reports:
#
#   scripts/eval-corpus.sh CORPUS_DIR SCORE_PY
#   scripts/eval-corpus.sh ../shared/corpus/dev ../shared/eval/score.py
#
# 1. scan without a roster; 2. scan with the corpus roster imported; 3. the journal: import
# journal.csv, check, and score the entries; 4. check's decisions against scan's on the
# same documents (they differ only where the entry's title or access code decides).
set -uo pipefail
corpus=$(cd "${1:?usage: $0 CORPUS_DIR SCORE_PY}" && pwd)
score=${2:?usage: $0 CORPUS_DIR SCORE_PY}
root=$(cd "$(dirname "$0")/.." && pwd)
skjerm=${SKJERM:-$root/build/skjerm}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The databases' keys go with the temporary databases, not into ~/.config/skjerm.
export XDG_CONFIG_HOME=$work/config
folders=()
for f in pdf scan png; do [ -d "$corpus/$f" ] && folders+=("$corpus/$f"); done

summary() { grep -E "^===|^national_id|^person_name|^birth_date|^address|^phone|^email|^hold recall|^false-hold|^exempt acc|^LEAKS"; }

echo "## 1. scan, no roster"
"$skjerm" scan --db "$work/none.db" --format json --reveal "${folders[@]}" >"$work/scan.jsonl"
python3 "$score" --truth "$corpus/truth.jsonl" --results "$work/scan.jsonl" | summary

echo; echo "## 2. scan with the roster"
"$skjerm" roster import --db "$work/roster.db" "$corpus/roster.csv" | tail -1
"$skjerm" scan --db "$work/roster.db" --format json --reveal "${folders[@]}" >"$work/scan-roster.jsonl"
python3 "$score" --truth "$corpus/truth.jsonl" --results "$work/scan-roster.jsonl" | summary

echo; echo "## 3. the journal: import journal.csv, check"
"$skjerm" journal import --db "$work/journal.db" "$corpus/journal.csv" | head -1
"$skjerm" check --db "$work/journal.db" --format json --reveal >"$work/check.jsonl" 2>/dev/null
python3 "$score" --truth "$corpus/truth.jsonl" --results "$work/check.jsonl" | summary

echo; echo "## 4. check against scan on the same documents"
python3 - "$work/check.jsonl" "$work/scan.jsonl" <<'PY'
import json, sys
scan = {j["path"]: j["decision"] for j in map(json.loads, open(sys.argv[2]))}
same = differ = 0
for entry in map(json.loads, open(sys.argv[1])):
    want = scan.get(entry["path"])
    title = any(f["location"] in ("title", "public title", "parties") for f in entry["findings"])
    if entry["decision"] == want:
        same += 1
    else:
        why = "title/parties" if title else ("access code" if entry["marking"] and entry["marking"]["position"] == "journal" else "?")
        print(f"  {entry['journal_number']}: check {entry['decision']}, scan {want} ({why})")
        differ += 1
print(f"  {same} entries decided as scan decides their document, {differ} differ")
PY
