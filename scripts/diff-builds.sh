#!/usr/bin/env bash
# Shows whether two builds of skjerm decide and find the same: runs
# `skjerm scan --format json --reveal` with each on the same files (with a fresh database each,
# and with a roster when one is given) and diffs the output line by line. A finding's "flags"
# compare as a set: their order carries no meaning ("guardian,pupil" = "pupil,guardian").
#
#   scripts/diff-builds.sh OLD_SKJERM NEW_SKJERM [--roster ROSTER.csv] [--ignore KEY,...] PATH...
#   scripts/diff-builds.sh /tmp/old/skjerm build/skjerm samples/letters ../shared/corpus/dev/{pdf,scan,png}
#
# --ignore drops keys of a document or of a finding from both outputs before they are compared:
# a new build that only adds a field (`--ignore grounds,holds`) can be shown to decide and find
# the same as one without it.
#
# Exits 0 when the outputs are identical, 1 when they differ (the diff is printed), 2 on usage.
set -uo pipefail
usage() {
  echo "usage: $0 OLD_SKJERM NEW_SKJERM [--roster ROSTER.csv] [--ignore KEY,...] PATH..." >&2
  exit 2
}
[ $# -ge 3 ] || usage
old=$1 new=$2
shift 2
roster=""
if [ "${1:-}" = --roster ]; then roster=${2:?--roster needs a file}; shift 2; fi
ignore=""
if [ "${1:-}" = --ignore ]; then ignore=${2:?--ignore needs keys}; shift 2; fi
[ $# -ge 1 ] || usage
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() {  # run NAME BINARY
  local db="$work/$1.db"
  if [ -n "$roster" ]; then "$2" roster import --db "$db" "$roster" >/dev/null || return 2; fi
  "$2" scan --db "$db" --format json --reveal "${@:3}" >"$work/$1.jsonl" 2>"$work/$1.err"
  local status=$?
  [ $status -le 1 ] || { echo "$2 exited $status:" >&2; cat "$work/$1.err" >&2; return 2; }
  python3 - "$work/$1.jsonl" "$ignore" <<'PY'
import json, sys
path = sys.argv[1]
ignored = [k for k in sys.argv[2].split(",") if k]
lines = []
for line in open(path, encoding="utf-8"):
    o = json.loads(line)
    for k in ignored:
        o.pop(k, None)
    for f in o.get("findings", []):
        for k in ignored:
            f.pop(k, None)
        if "flags" in f:
            f["flags"] = ",".join(sorted(f["flags"].split(",")))
    lines.append(json.dumps(o, ensure_ascii=False, sort_keys=True))
with open(path, "w", encoding="utf-8") as out:
    out.write("\n".join(lines) + ("\n" if lines else ""))
PY
}
run old "$old" "$@" || exit 2
run new "$new" "$@" || exit 2
lines=$(wc -l <"$work/old.jsonl")
if diff -u "$work/old.jsonl" "$work/new.jsonl"; then
  echo "identical: $lines documents"
  exit 0
fi
echo "differ ($lines documents in the old output)"
exit 1
