#!/usr/bin/env bash
# No silent way through: every input skjerm is given is judged or reported. A long text file
# cut inside a number, hidden files, what a folder walk cannot read, a misspelt rule key, a
# database folder skjerm cannot write, output it cannot write.
source "$(dirname "$0")/lib.sh"
cd "$WORK" || exit 1
PUBLIC=$SAMPLES/letters/nb-kunngjoring-pass.txt
ID="140910 50170"  # a valid fødselsnummer (invented), as in samples/letters/nb-vedtak-hold

# Some tests run as another user: root reads a folder whatever its mode says.
as_nobody=()
if [ "$(id -u)" -eq 0 ]; then
  if command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true; then
    as_nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
    chmod 755 "$WORK"
  fi
fi

# --- A text file with an ID across the 256 KiB cut -------------------------------------
# Words and spaces, no line break: the ID's digits stand on both sides of byte 262144, where
# the text used to be cut. And with the ID 100 bytes to either side of it.
for shift in 0 100 -100; do
  python3 - "$ID" "$shift" >"long$shift.txt" <<'PY'
import sys
id_text, shift = sys.argv[1], int(sys.argv[2])
cut = 256 * 1024  # where the text used to be cut when no line break stood before it
words = "Kommunen har mottatt søknaden og vil svare innen fristen som er satt ".encode()
label = "Fødselsnummer ".encode()
id_start = cut - 8 + shift  # "140910 5" before the old cut, "0170" after it
prefix = (words * (cut // len(words) + 1))[: id_start - len(label)]
prefix = prefix[: prefix.rfind(b" ") + 1]
prefix += b" " * (id_start - len(label) - len(prefix))
sys.stdout.buffer.write(prefix + label + id_text.encode() + b" " + words * 8000)
PY
  expect_status 1 "$SKJERM" scan --format json "long$shift.txt"
  [ "$(json_field "$WORK/out" long decision)" = hold ] ||
    fail "ID ${shift} bytes from the cut: $(json_field "$WORK/out" long reason), want hold"
  # Reported once, on the page that owns it.
  n=$(python3 -c 'import json,sys; print(sum(f["category"]=="national_id" for f in json.loads(open(sys.argv[1]).readline())["findings"]))' "$WORK/out")
  [ "$n" = 1 ] || fail "ID ${shift} bytes from the cut reported $n times, want 1"
done
# Offsets are in the page's text as `text` shows it, shared text included.
"$SKJERM" text --reveal long0.txt >long0.text
grep -q -- "--- page 2 (text layer, the first [0-9]* bytes repeat page 1, the last" long0.text ||
  fail "text: page 2 does not say what it shares with its neighbours"
"$SKJERM" scan --format json --reveal long0.txt >long0.jsonl
python3 - long0.text long0.jsonl "$ID" <<'PY' || fail "the finding's offsets are not its page's"
import json, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
pages = re.split(r"^--- page \d+ \(.*\)\n", text, flags=re.M)[1:]
finding = [f for f in json.loads(open(sys.argv[2]).readline())["findings"]
           if f["category"] == "national_id"][0]
page = pages[finding["page"] - 1]
assert page[finding["start"]:finding["end"]] == sys.argv[3], page[finding["start"]:finding["end"]]
PY

# A document with more text than --max-text is an error, not judged (nor a dead batch).
python3 -c 'import sys; sys.stdout.write("Kommunen svarer innen fristen.\n" * 40000)' >much.txt
expect_status 1 "$SKJERM" scan --max-text 1 much.txt "$PUBLIC"
grep -q "^ERROR  much.txt  too much text to judge: 2 MB (the limit is 1 MB, --max-text)" \
  "$WORK/out" || fail "--max-text: $(cat "$WORK/out")"
grep -q "^PASS" "$WORK/out" || fail "--max-text: the batch did not go on"

# --- Hidden files are judged; --exclude leaves out and counts --------------------------
mkdir -p outbox
cp "$PUBLIC" outbox/kunngjoring.txt
printf 'Vedtak om spesialundervisning\n\nEleven har fødselsnummer %s.\n' "$ID" >outbox/.vedtak.txt
mkdir -p outbox/.utkast
cp outbox/.vedtak.txt outbox/.utkast/brev.txt
expect_status 1 "$SKJERM" scan outbox
grep -q "^HOLD   outbox/.vedtak.txt" "$WORK/out" || fail "hidden file not held: $(cat "$WORK/out")"
grep -q "^HOLD   outbox/.utkast/brev.txt" "$WORK/out" || fail "hidden folder not walked"
grep -q "^PASS   outbox/kunngjoring.txt" "$WORK/out" || fail "public letter not passed"
expect_status 0 "$SKJERM" scan --exclude '.*' outbox
[ "$(wc -l <"$WORK/out")" -eq 1 ] || fail "--exclude: $(cat "$WORK/out")"
grep -q "1 document: 1 pass, 0 exempt, 0 hold, 0 error; 2 excluded" "$WORK/err" ||
  fail "--exclude: summary '$(cat "$WORK/err")'"
expect_status 1 "$SKJERM" scan --exclude '.utkast' --exclude '*.pdf' outbox
grep -q "; 1 excluded" "$WORK/err" || fail "--exclude twice: '$(cat "$WORK/err")'"
# A path glob matches below the folder named; a file named on the command line is judged.
expect_status 1 "$SKJERM" scan --exclude '.utkast/*' outbox/.vedtak.txt outbox
grep -q "^HOLD   outbox/.vedtak.txt" "$WORK/out" || fail "a file named was excluded"
grep -q "; 1 excluded" "$WORK/err" || fail "--exclude with a path: '$(cat "$WORK/err")'"

# --- What a folder walk cannot read is an error line with its path and reason -----------
mkdir -p walk/sub
cp "$PUBLIC" walk/a.txt
cp "$PUBLIC" walk/sub/b.txt
ln -s .. walk/sub/loop
ln -s "Vedtak $ID.pdf" walk/dangling.txt  # where it points is not shown
expect_status 1 "$SKJERM" scan walk
grep -q "^ERROR  walk/sub/loop  symbolic link loop: leads back to walk" "$WORK/out" ||
  fail "loop: $(cat "$WORK/out")"
grep -q "^ERROR  walk/dangling.txt  symbolic link to nothing (No such file or directory)" \
  "$WORK/out" || fail "dangling link: $(cat "$WORK/out")"
grep -q "50170" "$WORK/out" && fail "a link's target was shown: $(cat "$WORK/out")"
grep -q "^PASS   walk/sub/b.txt" "$WORK/out" || fail "walk did not go on"
grep -q "4 documents: 2 pass, 0 exempt, 0 hold, 2 error" "$WORK/err" ||
  fail "walk summary: $(cat "$WORK/err")"
expect_status 1 "$SKJERM" scan --format json walk
[ "$(json_field "$WORK/out" walk/sub/loop decision)" = error ] || fail "loop: JSON decision"
json_field "$WORK/out" walk/sub/loop reason | grep -q "symbolic link loop" || fail "loop: reason"
expect_status 0 "$SKJERM" scan --exclude loop --exclude dangling.txt walk
# A pipe named on the command line is refused at once (it used to wait for a writer until
# the timeout, 15 minutes by default).
mkfifo named.pdf
expect_status 1 timeout 60 "$SKJERM" scan named.pdf
grep -q "^ERROR  named.pdf  cannot read the file: not a regular file" "$WORK/out" ||
  fail "a named pipe: $(cat "$WORK/out")"

if [ ${#as_nobody[@]} -gt 0 ] || [ "$(id -u)" -ne 0 ]; then
  mkdir -p locked/closed
  cp "$PUBLIC" locked/open.txt
  cp "$PUBLIC" locked/closed/secret.txt
  chmod 755 locked && chmod 000 locked/closed
  expect_status 1 "${as_nobody[@]}" "$SKJERM" scan --db "$WORK/none.db" locked
  grep -q "^ERROR  locked/closed  the folder cannot be read: Permission denied" "$WORK/out" ||
    fail "unreadable folder: $(cat "$WORK/out") $(cat "$WORK/err")"
  grep -q "^PASS   locked/open.txt" "$WORK/out" || fail "unreadable folder: walk did not go on"
  chmod 755 locked/closed
else
  echo "SKIPPED: an unreadable folder (running as root without setpriv: every folder is readable)"
fi

# --- A misspelt rule key stops everything before any document is read (exit 2) ---------
cp -r "$SRC/patterns" typo
sed -i 's/^private_name = false/private_nmae = true/' typo/policy.toml
line=$(grep -n '^private_nmae' typo/policy.toml | cut -d: -f1)
expect_status 2 "$SKJERM" --patterns typo scan outbox
grep -q "policy.toml:$line: unknown key hold.private_nmae (did you mean private_name?)" \
  "$WORK/err" || fail "misspelt policy key: $(cat "$WORK/err")"
[ -s "$WORK/out" ] && fail "a document was judged with a broken rule file: $(cat "$WORK/out")"
cp "$SRC/patterns/policy.toml" typo/policy.toml
sed -i 's/^min_confidence = 0.5/min_confidence = "0.5"/' typo/policy.toml
expect_status 2 "$SKJERM" --patterns typo scan outbox
grep -q "policy.toml:[0-9]*: thresholds.min_confidence must be a number" "$WORK/err" ||
  fail "wrong type: $(cat "$WORK/err")"
cp "$SRC/patterns/policy.toml" typo/policy.toml
sed -i 's/^header_lines = 15/header_lines = -1/' typo/markings.toml
expect_status 2 "$SKJERM" --patterns typo scan outbox
grep -q "markings.toml:[0-9]*: layout.header_lines must be an integer from 0 to 1000, not -1" \
  "$WORK/err" || fail "out of range: $(cat "$WORK/err")"

# --- Environment errors exit 1 with the reason; 2 stays for usage ----------------------
printf 'journal_number,journal_date,direction,title,access_code,document\n' >j.csv
printf '2024/0001-1,2024-01-10,U,Kunngjøring,,%s\n' "$PUBLIC" >>j.csv
expect_status 1 "$SKJERM" journal import --db /dev/null/x.db j.csv
grep -q "Not a directory" "$WORK/err" || fail "import into /dev/null/x.db: $(cat "$WORK/err")"
expect_status 1 "$SKJERM" check --db /dev/null/x.db
grep -q "cannot open /dev/null/x.db: Not a directory" "$WORK/err" ||
  fail "check --db /dev/null/x.db: $(cat "$WORK/err")"
expect_status 1 "$SKJERM" scan --db /dev/null/x.db "$PUBLIC"
grep -q "cannot read the roster in /dev/null/x.db: Not a directory" "$WORK/err" ||
  fail "scan --db /dev/null/x.db: $(cat "$WORK/err")"
expect_status 1 "$SKJERM" journal import --db /proc/skjerm.db j.csv
expect_status 2 "$SKJERM" check --db "$WORK/never-made.db"  # nothing imported yet: usage
mkdir -p ro
expect_status 0 "$SKJERM" journal import --db ro/skjerm.db j.csv
if [ ${#as_nobody[@]} -gt 0 ] || [ "$(id -u)" -ne 0 ]; then
  [ ${#as_nobody[@]} -gt 0 ] && chown 65534:65534 ro/skjerm.db*
  chmod 555 ro
  for command in check status "history 2024/0001-1"; do
    # shellcheck disable=SC2086
    expect_status 1 "${as_nobody[@]}" "$SKJERM" $command --db ro/skjerm.db
    grep -q "cannot open ro/skjerm.db" "$WORK/err" ||
      fail "$command in a read-only folder: $(cat "$WORK/err")"
  done
  chmod 755 ro
else
  echo "SKIPPED: a read-only database folder (running as root without setpriv)"
fi
# Output that cannot be written is not a result.
if [ -w /dev/full ]; then
  "$SKJERM" scan "$PUBLIC" >/dev/full 2>"$WORK/err"
  status=$?
  [ "$status" -eq 1 ] || fail "scan >/dev/full exited $status, want 1"
  grep -q "cannot write the output" "$WORK/err" || fail "scan >/dev/full: $(cat "$WORK/err")"
fi

finish
