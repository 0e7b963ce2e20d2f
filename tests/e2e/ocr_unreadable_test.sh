#!/usr/bin/env bash
# Scans OCR cannot read as they lie: each is read after straightening or mirroring (and
# held), or is `error` with a reason — never `pass`. A blank scan still passes.
source "$(dirname "$0")/lib.sh"

make_page() { python3 "$SRC/tests/e2e/make_hostile_pages.py" "$@" || fail "cannot make $2"; }
dir=$WORK/scans
mkdir -p "$dir"
make_page rotated "$dir/rotated-20.pdf" 20      # a held letter fed 20 degrees askew
make_page mirrored "$dir/mirrored.pdf"          # the same letter scanned mirrored
make_page coarse "$dir/coarse-40dpi.pdf" 40     # held for its ID alone, scanned at 40 dpi
make_page noise "$dir/ink-no-words.pdf"         # blots and strokes, no words
make_page blank "$dir/blank.pdf"                # an empty sheet with scanner specks
make_page faint "$dir/faint.pdf"                # the ID letter in pale, small print

"$SKJERM" scan --format json --reveal "$dir" >"$WORK/run.jsonl"
status=$?
[ "$status" -eq 1 ] || fail "scan exited $status, want 1"

decision() { json_field "$WORK/run.jsonl" "/$1" decision; }
reason() { json_field "$WORK/run.jsonl" "/$1" reason; }

# Read after straightening and after mirroring: the letter's ID and pupil are found.
IFS=$'\t' read -r held_id _ < <(python3 "$SRC/tests/e2e/make_hostile_pages.py" ids)
for f in rotated-20 mirrored; do
  [ "$(decision $f)" = "hold" ] || fail "$f: decision '$(decision $f)' ($(reason $f)), want hold"
  json_field "$WORK/run.jsonl" "/$f" findings | grep -q "\"text\": \"$held_id\"" ||
    fail "$f: the national ID was not read"
done

# Unreadable: error, with a reason a person can act on.
[ "$(decision coarse-40dpi)" = "error" ] || fail "coarse-40dpi: decision '$(decision coarse-40dpi)'"
reason coarse-40dpi | grep -q "could not be read reliably (OCR confidence" ||
  fail "coarse-40dpi: reason '$(reason coarse-40dpi)'"
[ "$(decision ink-no-words)" = "error" ] || fail "ink-no-words: decision '$(decision ink-no-words)'"
reason ink-no-words | grep -q "has ink but OCR read no words" ||
  fail "ink-no-words: reason '$(reason ink-no-words)'"

# Pale print the PDF's blank test sees is OCR'd, not passed as a blank sheet (it was).
[ "$(decision faint)" != "pass" ] || fail "faint: passed unread"
json_field "$WORK/run.jsonl" /faint pages | grep -q '"ocr_confidence": null' &&
  fail "faint: the page was not OCR'd"

# Nothing on the sheet: nothing to read, pass as before.
[ "$(decision blank)" = "pass" ] || fail "blank: decision '$(decision blank)' ($(reason blank))"

# Every reported OCR confidence lies on its scale.
python3 - "$WORK/run.jsonl" <<'PY' || fail "an OCR confidence off the 0..100 scale"
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    for p in json.loads(line)["pages"]:
        c = p["ocr_confidence"]
        assert c is None or 0 <= c <= 100, c
PY

finish
