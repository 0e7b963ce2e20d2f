#!/usr/bin/env bash
# `skjerm scan` on the sample letters and on files that cannot be read.
source "$(dirname "$0")/lib.sh"

# Every sample gets the decision samples/expected.tsv gives it.
"$SKJERM" scan --format json "$SAMPLES/letters" >"$WORK/run.jsonl"
status=$?
[ "$status" -eq 1 ] || fail "scan of samples exited $status, want 1 (some must be held)"
while IFS=$'\t' read -r file want; do
  case "$file" in "#"*|"") continue ;; esac
  got=$(json_field "$WORK/run.jsonl" "/$file" decision)
  [ "$got" = "$want" ] || fail "$file: decision '$got', want '$want'"
done <"$SAMPLES/expected.tsv"

# JSON Lines: one valid object per file, with the documented fields.
python3 - "$WORK/run.jsonl" "$(grep -vc '^#' "$SAMPLES/expected.tsv")" <<'PY' || fail "JSON shape"
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert len(lines) == int(sys.argv[2]), (len(lines), sys.argv[2])
for line in lines:
    o = json.loads(line)
    for key in ("path", "sha256", "decision", "reason", "marking", "pages", "findings"):
        assert key in o, key
    assert o["decision"] in ("pass", "hold", "exempt", "error")
    for p in o["pages"]:
        assert p["origin"] in ("text", "ocr") and isinstance(p["number"], int)
    for f in o["findings"]:
        for key in ("category", "rule", "page", "start", "end", "masked", "confidence"):
            assert key in f, key
        assert "text" not in f, "raw value without --reveal"
PY

# Nothing raw leaves without --reveal; with it, the raw values are there.
for raw in "50170" "14091050170" "140910 50170" "220310-4009" "Emil Solberg"; do
  grep -q -- "$raw" "$WORK/run.jsonl" && fail "raw value '$raw' in JSON output without --reveal"
done
"$SKJERM" scan "$SAMPLES/letters" >"$WORK/run.txt" 2>&1
for raw in "50170" "2203104009" "220310-4009"; do
  grep -q -- "$raw" "$WORK/run.txt" && fail "raw value '$raw' in text output without --reveal"
done
"$SKJERM" scan --format json --reveal "$SAMPLES/letters/nb-vedtak-hold.pdf" >"$WORK/reveal.jsonl"
grep -q '"text":"140910 50170"' "$WORK/reveal.jsonl" || fail "--reveal does not show the raw ID"
grep -q '"masked":"\*\*\*\*\*\* \*\*\*\*\*"' "$WORK/reveal.jsonl" || fail "masked form of the ID"
grep -q "140910" "$WORK/run.jsonl" "$WORK/run.txt" && fail "the ID's birth date shows without --reveal"

# Exit status 0 when everything may be published, 2 for usage errors.
expect_status 0 "$SKJERM" scan "$SAMPLES/letters/sv-vagarbete-pass.pdf" "$SAMPLES/letters/nb-kunngjoring-pass.txt"
expect_status 0 "$SKJERM" scan "$SAMPLES/letters/nb-vedtak-exempt.pdf"
expect_status 1 "$SKJERM" scan "$SAMPLES/letters/nb-vedtak-hold.pdf"
expect_status 2 "$SKJERM" scan
expect_status 2 "$SKJERM" scan --format xml "$SAMPLES/letters"
expect_status 2 "$SKJERM" scan --no-such-flag "$SAMPLES/letters"

# Unreadable inputs end in `error` with a reason, and the batch goes on past them.
bad=$WORK/bad
mkdir -p "$bad"
: >"$bad/a-empty.pdf"
head -c 3000 "$SAMPLES/letters/nb-vedtak-hold.pdf" >"$bad/b-truncated.pdf"
qpdf --encrypt user owner 256 -- "$SAMPLES/letters/sv-vagarbete-pass.pdf" "$bad/c-encrypted.pdf"
head -c 2048 /dev/urandom >"$bad/d-unknown.bin"
printf 'ok \xff\xfe broken' >"$bad/e-broken.txt"
cp "$SAMPLES/letters/sv-vagarbete-pass.pdf" "$bad/f-good.pdf"
"$SKJERM" scan --format json "$bad" "$bad/does-not-exist.pdf" >"$WORK/bad.jsonl"
status=$?
[ "$status" -eq 1 ] || fail "scan of unreadable files exited $status, want 1"
for f in a-empty b-truncated c-encrypted d-unknown e-broken does-not-exist; do
  got=$(json_field "$WORK/bad.jsonl" "/$f" decision)
  [ "$got" = "error" ] || fail "$f: decision '$got', want 'error'"
  reason=$(json_field "$WORK/bad.jsonl" "/$f" reason)
  [ -n "$reason" ] || fail "$f: no reason"
done
[ "$(json_field "$WORK/bad.jsonl" "/f-good" decision)" = "pass" ] || fail "batch did not go on"
json_field "$WORK/bad.jsonl" "/c-encrypted" reason | grep -qi "encrypt" || fail "encrypted: reason"

# `text` shows what skjerm reads, and only with --reveal.
expect_status 2 "$SKJERM" text "$SAMPLES/letters/nb-vedtak-hold.pdf"
grep -q "140910" "$WORK/out" && fail "text printed the letter without --reveal"
expect_status 0 "$SKJERM" text --reveal "$SAMPLES/letters/nb-vedtak-hold.pdf" "$SAMPLES/letters/nb-sak-png.png"
grep -q -- "--- page 1 (text layer)" "$WORK/out" || fail "text: no text-layer page"
grep -q -- "--- page 1 (ocr, confidence" "$WORK/out" || fail "text: no OCR page"
grep -q "140910 50170" "$WORK/out" || fail "text: the letter's text is missing"

# --ocr never on a scan: cannot be read, so error, never pass.
"$SKJERM" scan --ocr never --format json "$SAMPLES/letters/da-referat-scan.pdf" >"$WORK/never.jsonl"
[ "$(json_field "$WORK/never.jsonl" da-referat decision)" = "error" ] || fail "--ocr never on a scan"

finish
