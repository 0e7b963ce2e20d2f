#!/usr/bin/env bash
# Pages whose text layer cannot be trusted are read by OCR or refused, never passed: a
# Type3 font whose glyphs map to gibberish or to spaces, and text Poppler cannot draw (a
# font missing from the page's resources, an unknown filter, undecodable compressed data, a
# non-embedded CJK font, a picture whose data does not decode). The files are written by tests/e2e/untrusted_pdfs.py.
source "$(dirname "$0")/lib.sh"

pdfs=$WORK/pdfs
python3 "$SRC/tests/e2e/untrusted_pdfs.py" "$pdfs" || fail "untrusted_pdfs.py"
id=$(cat "$pdfs/id.txt")
masked="\\*\\*\\*\\*\\*\\* \\*\\*\\*\\*\\*"  # masks show no digit of an ID

# page_field FILE PATH_SUBSTRING FIELD: the field of the first page of that file's line.
page_field() {
  python3 - "$1" "$2" "$3" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    if sys.argv[2] in o["path"]:
        print(o["pages"][0].get(sys.argv[3]) if o["pages"] else "")
        break
PY
}

# The same letter in Helvetica: read from its text layer, held for the ID.
"$SKJERM" scan --format json "$pdfs/plain-letter.pdf" >"$WORK/plain.jsonl"
[ "$(json_field "$WORK/plain.jsonl" plain-letter decision)" = "hold" ] || fail "plain letter not held"
[ "$(page_field "$WORK/plain.jsonl" plain-letter origin)" = "text" ] ||
  fail "plain letter was not read from its text layer"

# A Type3 font whose glyphs map to gibberish, and one whose glyphs map to spaces: the page
# is OCR'd, OCR reads the fødselsnummer, the letter is held; the reason for OCR is kept.
"$SKJERM" scan --format json --reveal "$pdfs/type3-gibberish.pdf" "$pdfs/type3-unmapped.pdf" \
  >"$WORK/type3.jsonl"
for f in type3-gibberish type3-unmapped; do
  got=$(json_field "$WORK/type3.jsonl" "$f" decision)
  [ "$got" = "hold" ] || fail "$f: decision '$got', want 'hold' (OCR must read the ID)"
  [ "$(page_field "$WORK/type3.jsonl" "$f" origin)" = "ocr" ] || fail "$f: page not OCR'd"
  json_field "$WORK/type3.jsonl" "$f" findings | grep -q "\"text\": \"${id:0:6} ${id:6}\"" ||
    fail "$f: OCR did not find the ID"
done
page_field "$WORK/type3.jsonl" type3-gibberish ocr_reason | grep -q "mostly symbols" ||
  fail "type3-gibberish: reason for OCR: $(page_field "$WORK/type3.jsonl" type3-gibberish ocr_reason)"
page_field "$WORK/type3.jsonl" type3-unmapped ocr_reason | grep -q "text layer does not have" ||
  fail "type3-unmapped: reason for OCR: $(page_field "$WORK/type3.jsonl" type3-unmapped ocr_reason)"
"$SKJERM" scan --format json "$pdfs/type3-gibberish.pdf" >"$WORK/masked.jsonl"
grep -q "\"masked\":\"$masked\"" "$WORK/masked.jsonl" || fail "type3-gibberish: the ID is not masked"
grep -q "${id:6}" "$WORK/masked.jsonl" && fail "type3-gibberish: the raw ID without --reveal"

# With OCR disabled such a page is an error: it would need OCR.
"$SKJERM" scan --format json --ocr never "$pdfs/type3-gibberish.pdf" "$pdfs/type3-unmapped.pdf" \
  >"$WORK/never.jsonl"
for f in type3-gibberish type3-unmapped; do
  [ "$(json_field "$WORK/never.jsonl" "$f" decision)" = "error" ] || fail "$f --ocr never: not error"
  json_field "$WORK/never.jsonl" "$f" reason | grep -q "OCR is disabled" ||
    fail "$f --ocr never: reason '$(json_field "$WORK/never.jsonl" "$f" reason)'"
done

# Text Poppler cannot draw: `error` with the reason, in every OCR mode. With --ocr auto each
# file twice in one batch with one worker: a reused worker must not have forgotten what
# Poppler said about the file before.
declare -A want=(
  [missing-font]="a font the page uses is missing from the PDF"
  [unknown-filter]="could not be decoded (unknown filter /Foo)"
  [undecodable]="could not be decoded (damaged compressed data)"
  [broken-lzw]="drawing instructions are damaged"
  [cjk-noembed]="font the page uses"
  [broken-picture]="could not be decoded (damaged compressed data)"
)
mkdir -p "$WORK/again"
for f in "${!want[@]}"; do cp "$pdfs/$f.pdf" "$WORK/again/$f-again.pdf"; done
for mode in auto always never; do
  again=()
  [ "$mode" = auto ] && again=("$WORK/again")
  "$SKJERM" scan --format json --jobs 1 --ocr "$mode" \
    "$pdfs"/{missing-font,unknown-filter,undecodable,broken-lzw,cjk-noembed,broken-picture}.pdf "${again[@]}" \
    >"$WORK/bad-$mode.jsonl"
  for f in "${!want[@]}"; do
    names=("/$f.pdf")
    [ "$mode" = auto ] && names+=("/$f-again.pdf")
    for name in "${names[@]}"; do
      got=$(json_field "$WORK/bad-$mode.jsonl" "$name" decision)
      reason=$(json_field "$WORK/bad-$mode.jsonl" "$name" reason)
      [ "$got" = "error" ] || fail "$name --ocr $mode: decision '$got', want 'error' ($reason)"
      case "$reason" in
        *"page 1: "*"${want[$f]}"*"; the page could not be read"*) ;;
        *) fail "$name --ocr $mode: reason '$reason'" ;;
      esac
    done
  done
done

# `text` says why a page was OCR'd.
"$SKJERM" text --reveal "$pdfs/type3-gibberish.pdf" >"$WORK/text.out" 2>&1
grep -q -- "--- page 1 (ocr, .*the page has a text layer that is mostly symbols" "$WORK/text.out" ||
  fail "text: no reason for OCR: $(head -2 "$WORK/text.out")"

finish
