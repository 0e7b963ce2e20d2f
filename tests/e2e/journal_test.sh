#!/usr/bin/env bash
# The journal, end to end on the built binary: import, check (equal to scan), hook, release,
# retro after a rule change, history, status; a check killed with SIGKILL and resumed gives
# the verdicts of an uninterrupted run; the database never holds a raw ID or name.
source "$(dirname "$0")/lib.sh"
cd "$WORK" || exit 1
DB=$WORK/journal.db

sql() { sqlite3 -batch -noheader "$1" "$2"; }

# --- import and check -------------------------------------------------------------------
expect_status 0 "$SKJERM" journal import --db "$DB" "$SAMPLES/journal.csv"
"$SKJERM" check --db "$DB" --format json >check.jsonl 2>check.err
status=$?
[ "$status" -eq 1 ] || fail "check exited $status, want 1 (samples include holds)"
[ "$(wc -l <check.jsonl)" -eq 7 ] || fail "check printed $(wc -l <check.jsonl) lines, want 7"
[ "$(sql "$DB" "select count(*) from journal_entry where status='pending'")" = 0 ] ||
  fail "entries left pending after check"

# Decisions equal those of `scan` on the same documents, except where the entry's own
# fields decide: an access code (exempt) or personal data in the title (hold).
"$SKJERM" scan --format json "$SAMPLES/letters" >scan.jsonl
python3 - check.jsonl scan.jsonl "$SAMPLES/journal.csv" <<'PY' || fail "check and scan disagree"
import csv, json, os, sys
check = {j["journal_number"]: j for j in map(json.loads, open(sys.argv[1]))}
scan = {os.path.basename(j["path"]): j["decision"] for j in map(json.loads, open(sys.argv[2]))}
bad = 0
for row in csv.DictReader(open(sys.argv[3], encoding="utf-8")):
    entry = check[row["journal_number"]]
    want = scan[os.path.basename(row["document"])]
    title_data = any(f["location"] == "title" for f in entry["findings"])
    if row["access_code"] and want in ("hold", "pass"):
        want = "exempt"
    if title_data:
        want = "hold"
    if entry["decision"] != want:
        print(row["journal_number"], entry["decision"], "want", want, file=sys.stderr)
        bad += 1
    # The grounds say why: printed_field exactly when the title holds it, none unless held.
    if ("printed_field" in entry["grounds"]) != title_data or \
            (entry["decision"] != "hold" and entry["grounds"]):
        print(row["journal_number"], "grounds", entry["grounds"], file=sys.stderr)
        bad += 1
    assert all("text" not in f for f in entry["findings"]), "raw value without --reveal"
sys.exit(1 if bad else 0)
PY

# The title with a pupil's name is masked in the public title.
pt=$(sql "$DB" "select public_title from journal_entry where journal_number='24/01122-4'")
case "$pt" in *Emil*|*Solberg*) fail "public title shows the name: $pt" ;; *"*****"*) ;; *) fail "public title not masked: $pt" ;; esac

# The Noark 5 sample imports and checks: a clean offentligTittel with screened recipient
# names shows nothing; a title and parties that name the pupil and guardian hold the entry.
NOARK_DB=$WORK/noark.db
expect_status 0 "$SKJERM" journal import --db "$NOARK_DB" "$SAMPLES/noark/arkivstruktur.xml"
"$SKJERM" check --db "$NOARK_DB" --format json >noark.jsonl 2>/dev/null
python3 - noark.jsonl <<'PY' || fail "Noark sample: $(cat noark.jsonl)"
import json, sys
got = {j["journal_number"]: j for j in map(json.loads, open(sys.argv[1]))}
want = {"2024/1122-4": "hold", "2024/1122-6": "exempt", "2024/1187-3": "pass", "2024/6050-1": "hold"}
assert {k: v["decision"] for k, v in got.items()} == want, {k: v["decision"] for k, v in got.items()}
assert "Emil" not in got["2024/1122-4"]["public_title"], got["2024/1122-4"]["public_title"]
assert any(f["location"] == "parties" for f in got["2024/1122-4"]["findings"])
PY

# --- hook --------------------------------------------------------------------------------
expect_status 1 "$SKJERM" hook --db "$DB" 24/01122-4
python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); assert j["publish"] is False and j["decision"]=="hold"' "$WORK/out" ||
  fail "hook on a held entry: $(cat "$WORK/out")"
expect_status 0 "$SKJERM" hook --db "$DB" "SBF 2024/512"
expect_status 2 "$SKJERM" hook --db "$DB" no/such-entry
expect_status 2 "$SKJERM" hook --db "$DB"
expect_status 0 "$SKJERM" hook --file "$SAMPLES/letters/sv-vagarbete-pass.pdf" --title "Vägarbete Storgatan"
expect_status 1 "$SKJERM" hook --file "$SAMPLES/letters/sv-vagarbete-pass.pdf" --title "Klage fra Kari Nordmann, Lyngveien 7, tlf. 926 41 857"
expect_status 0 "$SKJERM" hook --file "$SAMPLES/letters/nb-vedtak-hold.pdf" --access-code 13 --title "Vedtak om tiltak"
expect_status 1 "$SKJERM" hook --file "$WORK/no-such-file.pdf"

# The example pipeline wrapper publishes only what skjerm lets through.
SKJERM="$SKJERM" SKJERM_DB="$DB" "$SRC/scripts/publish-hook.sh" "SBF 2024/512" touch published-ok >/dev/null 2>&1 ||
  fail "publish-hook refused a publishable entry"
[ -e published-ok ] || fail "publish-hook did not run the publish command"
SKJERM="$SKJERM" SKJERM_DB="$DB" "$SRC/scripts/publish-hook.sh" 2024/0417-1 touch published-bad >/dev/null 2>&1 &&
  fail "publish-hook let a held entry through"
[ -e published-bad ] && fail "publish-hook ran the publish command for a held entry"

# --- release -----------------------------------------------------------------------------
expect_status 1 "$SKJERM" release --db "$DB" "SBF 2024/512" --reason "x" --by "Arkivar"
expect_status 2 "$SKJERM" release --db "$DB" 24/01122-4 --by "Arkivar"
expect_status 0 "$SKJERM" release --db "$DB" 24/01122-4 --reason "Vedlegg sladdet manuelt" --by "Arkivar Hansen"
[ "$(sql "$DB" "select status from journal_entry where journal_number='24/01122-4'")" = released ] ||
  fail "release did not set the status"
expect_status 0 "$SKJERM" hook --db "$DB" 24/01122-4
grep -q '"publish":true' "$WORK/out" || fail "released entry not publishable in hook"
expect_status 0 "$SKJERM" history --db "$DB" 24/01122-4
grep -q "released by Arkivar Hansen" "$WORK/out" || fail "history lacks the release"
grep -q "judged" "$WORK/out" || fail "history lacks the verdicts"
expect_status 0 "$SKJERM" status --db "$DB"
grep -q "released: 1" "$WORK/out" || fail "status counts"

# --- retro after a rule change -----------------------------------------------------------
# Letters published before skjerm was in place, then re-checked with stricter rules.
cp -r "$SRC/patterns" strict-patterns
sed -i 's/^private_name = false/private_name = true/' strict-patterns/policy.toml
printf 'journal_number,journal_date,direction,title,access_code,document\n' >old.csv
printf '2023/0001-1,2023-01-10,U,Kunngjøring,,%s\n' "$SAMPLES/letters/nb-kunngjoring-pass.txt" >>old.csv
printf '2023/0002-1,2023-02-11,U,Vedtak,,%s\n' "$SAMPLES/letters/nb-vedtak-hold.pdf" >>old.csv
printf '2023/0003-1,2023-03-12,U,Referat,,%s\n' "$SAMPLES/letters/da-referat-scan.pdf" >>old.csv
expect_status 0 "$SKJERM" journal import --db "$DB" --status published old.csv
"$SKJERM" retro --db "$DB" --since 2023-01-01 --format json >retro1.jsonl 2>retro1.err
[ $? -eq 1 ] || fail "retro with published holds should exit 1"
python3 - retro1.jsonl <<'PY' || fail "retro list: $(cat retro1.jsonl)"
import json, sys
numbers = [json.loads(l)["journal_number"] for l in open(sys.argv[1])]
assert "2023/0003-1" in numbers and "2023/0002-1" in numbers, numbers
assert "2023/0001-1" not in numbers, numbers
assert numbers.index("2023/0003-1") < numbers.index("2023/0002-1"), "not newest first"
PY
# Entries now held are not re-checked by a retro: only what is still published.
"$SKJERM" retro --db "$DB" --patterns strict-patterns >retro2.out 2>retro2.err
grep -q "read from their files" retro2.err || fail "retro prints no cache statistics"
grep -q " 0 read from their files" retro2.err || fail "retro after a rule change re-read documents: $(cat retro2.err)"
[ "$(sql "$DB" "select count(distinct rule_version) from run where command in ('check','retro')")" -ge 2 ] ||
  fail "the rule change is not recorded in the runs"

# --- SIGKILL in the middle of check ------------------------------------------------------
# Many entries with distinct documents (same letters, different bytes, so no cache hits).
mkdir -p many
printf 'journal_number,journal_date,direction,title,access_code,document\n' >many.csv
for i in $(seq 1 120); do
  case $((i % 3)) in
    0) src=nb-vedtak-hold.pdf ;; 1) src=sv-vagarbete-pass.pdf ;; 2) src=nb-vedtak-exempt.pdf ;;
  esac
  cp "$SAMPLES/letters/$src" "many/$i.pdf"
  printf '%%skjerm test copy %d\n' "$i" >>"many/$i.pdf"
  printf '2025/%04d-1,2025-01-%02d,U,Sak %d,,many/%d.pdf\n' "$i" $((i % 28 + 1)) "$i" "$i" >>many.csv
done
expect_status 0 "$SKJERM" journal import --db "$WORK/a.db" many.csv
# The same imported journal twice (.backup copies what is still in the WAL, too).
sqlite3 "$WORK/a.db" ".backup '$WORK/b.db'"
chmod 600 "$WORK/b.db"
"$SKJERM" check --db "$WORK/a.db" --jobs 1 >/dev/null 2>&1
"$SKJERM" check --db "$WORK/b.db" --jobs 1 >check-b.out 2>&1 &
pid=$!
for _ in $(seq 1 1200); do
  n=$(sql "$WORK/b.db" "select count(*) from verdict" 2>/dev/null || echo 0)
  [ "${n:-0}" -ge 20 ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
[ "${n:-0}" -ge 20 ] || fail "no verdicts to kill in the middle of: $(cat check-b.out; sql "$WORK/b.db" "select * from run")"
before=$(sql "$WORK/b.db" "select entry, decision, reason, findings_hash from verdict order by entry")
n_before=$(printf '%s\n' "$before" | grep -c .)
[ "$n_before" -ge 20 ] && [ "$n_before" -lt 120 ] || fail "kill came at $n_before of 120 verdicts"
"$SKJERM" check --db "$WORK/b.db" --jobs 1 >/dev/null 2>&1
after=$(sql "$WORK/b.db" "select entry, decision, reason, findings_hash from verdict order by entry")
[ "$(printf '%s\n' "$after" | head -n "$n_before")" = "$before" ] ||
  [ -z "$(comm -23 <(printf '%s\n' "$before" | sort) <(printf '%s\n' "$after" | sort))" ] ||
  fail "verdicts recorded before the kill were lost or changed"
[ "$(sql "$WORK/b.db" "select count(*) from verdict")" = 120 ] ||
  fail "after resuming: $(sql "$WORK/b.db" "select count(*) from verdict") verdicts, want 120 (one per entry)"
q="select e.journal_number, v.decision, v.reason, v.public_title, v.findings_hash from verdict v join journal_entry e on e.id=v.entry order by e.journal_number"
[ "$(sql "$WORK/a.db" "$q")" = "$(sql "$WORK/b.db" "$q")" ] ||
  fail "a killed and resumed check differs from an uninterrupted one"
sql "$WORK/b.db" "select count(*) from run where command='check' and finished_at is null" | grep -qx 1 ||
  fail "the killed run is not left unfinished"

# --- nothing raw in the database, and files private ----------------------------------------
for db in "$DB" "$WORK/a.db" "$WORK/b.db"; do
  sqlite3 "$db" .dump >dump.sql
  # Whole values only: short digit strings occur by chance in the hex of hashes.
  for raw in 14091050170 "140910 50170" 2203104009 220310-4009 03051230026 \
             "Emil Solberg" Solberg "Ida Lund" "Mette Lund" "Alva Nyström" "Per Olsen" \
             "926 41 857" 92641857 Lyngveien; do
    grep -q -- "$raw" dump.sql && fail "$(basename "$db") .dump contains '$raw'"
  done
  [ -e "$db.key" ] && fail "a key beside $(basename "$db")"
  for f in "$db" "$(key_of "$db")" "$db-wal" "$db-shm"; do
    [ -e "$f" ] || continue
    mode=$(stat -c %a "$f")
    [ "$mode" = 600 ] || fail "$(basename "$f") has mode $mode, want 600"
  done
done

finish
