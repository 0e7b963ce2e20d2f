#!/usr/bin/env bash
# skjerm roster import on the built binary: counts, private files, no clear text in the
# database dump, re-import replaces. Usage: roster_import_test.sh SKJERM SOURCE_DIR
set -euo pipefail
skjerm=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
# The database's key goes to this test's own configuration folder.
export XDG_CONFIG_HOME=$tmp/config
unset SKJERM_KEY
fail() { echo "FAIL: $*"; exit 1; }

# Invented people; a BOM, CRLF, a quoted field with a comma, an empty row, a bad row.
printf '\xEF\xBB\xBFid,role,given_names,family_name,birth_date,national_id,protected,guardian_of\r\n' > roster.csv
printf 'e1,pupil,Ingebjørg,Solheimsvik,03.04.2013,030413 99999,0,\r\n' >> roster.csv
printf 'e2,guardian,"Ragnvald, jr.",Solheimsvik,,,0,e1\r\n' >> roster.csv
printf '\r\n' >> roster.csv
printf 'e3,janitor,Torkel,Aaslund,,,0,\r\n' >> roster.csv
printf 'e4,staff,Gunvor,Brekkestø,,,,\r\n' >> roster.csv

out=$("$skjerm" roster import roster.csv --db s.db 2>err.txt) || fail "import failed: $(cat err.txt)"
grep -q "3 persons" <<<"$out" || fail "counts: $out"
grep -q "roster.csv:5: skipped" err.txt || fail "skipped row not reported: $(cat err.txt)"
grep -qi "torkel\|aaslund" err.txt && fail "a name in the messages"
[ "$(stat -c %a s.db)" = 600 ] || fail "database mode $(stat -c %a s.db)"
[ ! -e s.db.key ] || fail "a key beside the database"
key=$XDG_CONFIG_HOME/skjerm/keys/$(sqlite3 s.db 'SELECT id FROM database_identity').key
[ "$(stat -c %a "$key")" = 600 ] || fail "key mode $(stat -c %a "$key")"
[ "$(stat -c %a "$(dirname "$key")")" = 700 ] || fail "key folder mode"
for f in s.db-wal s.db-shm; do
  [ ! -e $f ] || [ "$(stat -c %a $f)" = 600 ] || fail "$f mode $(stat -c %a $f)"
done
sqlite3 s.db .dump > dump.sql
for needle in Ingebjørg Ingebjorg ingebjørg Solheimsvik solheimsvik SOLHEIMSVIK Ragnvald Gunvor \
              Brekkestø brekkesto 03.04.2013 2013-04-03 "030413 99999" 03041399999; do
  grep -qiF -- "$needle" dump.sql && fail "clear text in the dump: a roster value"
done
[ "$(sqlite3 s.db 'SELECT count(*) FROM roster_person')" = 3 ] || fail "persons"

# A key others can read is refused.
chmod 644 "$key"
"$skjerm" roster import roster.csv --db s.db >/dev/null 2>err.txt && fail "used a readable key"
grep -q "chmod 600" err.txt || fail "no advice: $(cat err.txt)"
chmod 600 "$key"

# Re-import replaces.
printf 'id,role,given_names,family_name\nz1,pupil,Oddveig,Kvernmo\n' > new.csv
"$skjerm" roster import new.csv --db s.db >/dev/null || fail "re-import"
[ "$(sqlite3 s.db 'SELECT count(*) FROM roster_person')" = 1 ] || fail "re-import did not replace"
echo "roster import: ok"
