#!/usr/bin/env bash
# A CPR number that stands only in a picture pasted into a text letter (an ID card in a
# letter) is read with --ocr auto, and holds the letter, also when the picture is too wide to
# be copied out on its own.
source "$(dirname "$0")/lib.sh"

python3 "$SRC/tests/e2e/make_hostile_pages.py" pasted-id "$WORK/pasted-id.pdf" || fail "cannot make the letter"
IFS=$'\t' read -r _ cpr < <(python3 "$SRC/tests/e2e/make_hostile_pages.py" ids)

# The number is not in the text layer: only the picture shows it.
pdftotext "$WORK/pasted-id.pdf" - | grep -q "${cpr:0:6}" && fail "the CPR number is in the text layer"

"$SKJERM" scan --format json --reveal --ocr auto "$WORK/pasted-id.pdf" >"$WORK/run.jsonl"
status=$?
[ "$status" -eq 1 ] || fail "scan exited $status, want 1"
[ "$(json_field "$WORK/run.jsonl" pasted-id decision)" = "hold" ] ||
  fail "decision '$(json_field "$WORK/run.jsonl" pasted-id decision)', want hold"
python3 - "$WORK/run.jsonl" "$cpr" <<'PY' || fail "the CPR finding"
import json, sys
o = json.loads(open(sys.argv[1], encoding="utf-8").readline())
ids = [f for f in o["findings"] if f["category"] == "national_id"]
assert [f["text"] for f in ids] == [sys.argv[2]], ids
assert ids[0]["page"] == 1 and ids[0]["rule"] == "dk.cpr", ids
assert o["pages"] == [{"number": 1, "origin": "text", "ocr_confidence": None}], o["pages"]
PY

# The same card with every pixel repeated 80 times across (33360 pixels): too wide for
# poppler-glib to copy out, so the page is read whole by OCR and held. It passed before, read
# from its text layer alone.
python3 "$SRC/tests/e2e/make_hostile_pages.py" wide-pasted-id "$WORK/wide-id.pdf" ||
  fail "cannot make the wide letter"
"$SKJERM" scan --format json --reveal --ocr auto "$WORK/wide-id.pdf" >"$WORK/wide.jsonl"
[ "$(json_field "$WORK/wide.jsonl" wide-id decision)" = "hold" ] ||
  fail "wide picture: decision '$(json_field "$WORK/wide.jsonl" wide-id decision)' ($(json_field "$WORK/wide.jsonl" wide-id reason)), want hold"
json_field "$WORK/wide.jsonl" wide-id findings | grep -q "\"text\": \"$cpr\"" ||
  fail "wide picture: the CPR number was not read"

# `text` shows the picture's words as a block after the text layer.
"$SKJERM" text --reveal "$WORK/pasted-id.pdf" >"$WORK/text.out" || fail "text exited $?"
grep -q "^CPR-nr.: $cpr$" "$WORK/text.out" || fail "text: the picture's line is missing"

finish
