#!/usr/bin/env bash
# `scan --db` with a roster: pupils found by the roster, staff never reported, and a
# protected identity holds a letter even when it is marked exempt.
source "$(dirname "$0")/lib.sh"
cd "$WORK" || exit 1
L=$SAMPLES/letters

expect_status 0 "$SKJERM" roster import --db r.db "$SAMPLES/roster.csv"
"$SKJERM" scan --db r.db --format json "$L" >with.jsonl
"$SKJERM" scan --db none.db --format json "$L" >without.jsonl
[ -e none.db ] && fail "scan created a database it was only to read"

# Alva Nyström is protected: her marked letter is held, with the rule protected_identity.
[ "$(json_field with.jsonl sv-betyg-scan-exempt decision)" = hold ] ||
  fail "marked letter naming a protected pupil was not held"
json_field with.jsonl sv-betyg-scan-exempt reason | grep -q "protected identity" ||
  fail "reason does not say protected identity"
json_field with.jsonl sv-betyg-scan-exempt findings | grep -q '"rule": "protected_identity"' ||
  fail "no protected_identity finding"
[ "$(json_field without.jsonl sv-betyg-scan-exempt decision)" = exempt ] ||
  fail "without the roster the marked letter should stay exempt"
# Other marked letters stay exempt; the roster names its pupils.
[ "$(json_field with.jsonl nb-vedtak-exempt decision)" = exempt ] || fail "nb-vedtak-exempt"
json_field with.jsonl nb-vedtak-hold findings | grep -q '"rule": "name.roster"' ||
  fail "roster pupil not found by the roster"
# Staff are officials: never reported.
"$SKJERM" scan --db r.db --format json --reveal "$L" >reveal.jsonl
for staff in "Hanne Berg" "Kasper Holm" "Sara Ek"; do
  grep -q "\"text\": *\"$staff\"" reveal.jsonl && fail "staff member $staff reported"
done
# Nothing of the roster in clear in the database.
sqlite3 r.db .dump >dump.sql
for raw in Emil Solberg Nyström Nystrom Alva "Haugen-Bakke" Sigrid 14091050170 120617-2346 2010-09-14; do
  grep -qi -- "$raw" dump.sql && fail ".dump contains '$raw'"
done
# A roster that exists but whose key is gone is an error, not a silent scan without it: the
# environment's (exit 1), not a usage error.
mv r.db.key r.db.key.away
expect_status 1 "$SKJERM" scan --db r.db "$L/nb-vedtak-hold.pdf"
grep -qi "key" "$WORK/err" || fail "missing key: no reason given"
finish
