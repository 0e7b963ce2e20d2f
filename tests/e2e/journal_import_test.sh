#!/usr/bin/env bash
# `skjerm journal import` on the sample journals (CSV and Noark 5), bad files, a Nordic
# spreadsheet export and a generated 20,000-entry arkivstruktur.xml.
source "$(dirname "$0")/lib.sh"

DB=$WORK/skjerm.db
sql() { sqlite3 "$DB" "$1"; }
# document_paths NUMBER: the entry's document paths as `history` shows them (they are
# sealed in the database).
document_paths() {
  "$SKJERM" history --db "$DB" "$1" | sed -n 's/^Document [0-9]*: \(.*\)$/\1/p' | sed 's/  sha256 .*//'
}

# expect_out WANT_SUBSTRING: the last expect_status run printed it on stdout.
expect_out() {
  grep -qF -- "$1" "$WORK/out" || fail "output lacks '$1': $(cat "$WORK/out" "$WORK/err")"
}

# The sample journals import, with the counts in the summary.
expect_status 0 "$SKJERM" journal import --db "$DB" "$SAMPLES/journal.csv"
expect_out "(CSV) into $DB"
expect_out "7 entries: 7 added, 0 changed, 0 unchanged; 0 skipped, 0 warnings"
expect_status 0 "$SKJERM" --db "$DB" journal import "$SAMPLES/noark/arkivstruktur.xml"
expect_out "(Noark 5) into $DB"
expect_out "4 entries: 4 added, 0 changed, 0 unchanged; 1 skipped, 0 warnings"
expect_out "line 240: registrering of type arkivnotat, not a journalpost"
[ "$(sql "SELECT count(*) FROM journal_entry WHERE status='pending'")" = 11 ] ||
  fail "11 pending entries expected"
[ "$(sql "SELECT access_code || '|' || legal_basis || '|' || screened_fields FROM journal_entry
          WHERE journal_number='2024/1122-6'")" = \
  "U|Offl. § 13 jf. fvl. § 13 (1) nr. 1|Tittel – utvalgte ord, Navn mottaker" ] ||
  fail "skjerming of 2024/1122-6"
[ "$(sql "SELECT direction FROM journal_entry WHERE journal_number='2024/6050-1'")" = X ] ||
  fail "journalpost numbered from journalaar/journalsekvensnummer/journalpostnummer"
# Every document path is absolute and names an existing file.
[ "$(sql "SELECT count(*) FROM journal_document WHERE path <> ''")" = 0 ] ||
  fail "document paths in clear in the database"
sql "SELECT journal_number FROM journal_entry" | while read -r number; do
  document_paths "$number"
done >"$WORK/paths"
[ "$(wc -l <"$WORK/paths")" -eq 11 ] || fail "11 documents expected"
while read -r path; do
  case "$path" in /*) ;; *) fail "document path not absolute: $path" ;; esac
  [ -f "$path" ] || fail "document does not exist: $path"
done <"$WORK/paths"

# Importing again changes nothing.
expect_status 0 "$SKJERM" journal import --db "$DB" "$SAMPLES/journal.csv"
expect_out "7 entries: 0 added, 0 changed, 7 unchanged"
expect_status 0 "$SKJERM" journal import --db "$DB" --format noark "$SAMPLES/noark/arkivstruktur.xml"
expect_out "4 entries: 0 added, 0 changed, 4 unchanged"
[ "$(sql "SELECT count(*) FROM journal_entry")" = 11 ] || fail "re-import added entries"
[ "$(sql "SELECT count(*) FROM run WHERE command='import' AND finished_at IS NOT NULL")" = 4 ] ||
  fail "4 finished import runs expected"

# Titles and parties are sealed: no name, address or phone in clear in the database.
sqlite3 "$DB" .dump >"$WORK/dump.sql"
for raw in "Emil" "Solberg" "Ingrid" "Lyngveien" "926 41 857" "Nordvik Avis" "skolemiljø"; do
  grep -qF -- "$raw" "$WORK/dump.sql" && fail "'$raw' in clear in the database"
done
[ "$(stat -c %a "$DB")" = 600 ] || fail "database not 0600"
[ "$(stat -c %a "$(key_of "$DB")")" = 600 ] || fail "key not 0600"
[ -e "$DB.key" ] && fail "a key beside the database"

# A changed title makes the entry changed and pending again.
cat >"$WORK/j.csv" <<'EOF'
journal_number,journal_date,direction,title,access_code,document
2024/31-1,2024-05-02,U,Svar på søknad om skyss,,letters/a.pdf
2024/31-2,2024-05-03,I,Søknad om permisjon,,letters/b.pdf
EOF
expect_status 0 "$SKJERM" journal import --db "$DB" --status published "$WORK/j.csv"
expect_out "2 entries: 2 added"
sql "UPDATE journal_entry SET status='held' WHERE journal_number='2024/31-2'"
sed -i 's/Søknad om permisjon/Søknad om permisjon for to dager/' "$WORK/j.csv"
expect_status 0 "$SKJERM" journal import --db "$DB" "$WORK/j.csv"
expect_out "2 entries: 0 added, 1 changed, 1 unchanged"
[ "$(sql "SELECT status FROM journal_entry WHERE journal_number='2024/31-2'")" = pending ] ||
  fail "changed entry not pending"
[ "$(sql "SELECT status FROM journal_entry WHERE journal_number='2024/31-1'")" = published ] ||
  fail "unchanged entry lost its status"
[ "$(document_paths 2024/31-1)" = "$WORK/letters/a.pdf" ] ||
  fail "document path not resolved against the CSV's directory"

# Bad rows are skipped by line number, and the output never shows their titles.
cat >"$WORK/bad.csv" <<'EOF'
journal_number,journal_date,direction,title,access_code,document
2024/32-1,2024-05-02,U,God rad,,
,2024-05-02,U,Vedtak for Kari Nordmann,,
2024/32-3,2024-05-02,U,,,
2024/32-4,2024-05-02,U,Vedtak, Kari Nordmann,,
2024/32-5,31.02.2024,U,Dato som ikke finnes,,
EOF
expect_status 0 "$SKJERM" journal import --db "$DB" "$WORK/bad.csv"
expect_out "2 entries: 2 added, 0 changed, 0 unchanged; 3 skipped, 1 warnings"
expect_out "line 3: no journal number"
expect_out "line 4: no title"
expect_out "line 5: 7 fields where the header has 6"
expect_out "line 6: journal date not understood"
grep -q "Nordmann" "$WORK/out" "$WORK/err" && fail "a title in the import's output"

# A Nordic spreadsheet export: semicolons, Windows-1252, its own column names.
printf 'Journalpostnr;Dato;Type;Tittel;Tilgangskode;Fil\r\n2024/33-1;02.05.2024;I;S\xf8knad om skoleskyss;;\r\n' \
  >"$WORK/excel.csv"
expect_status 0 "$SKJERM" journal import --db "$DB" --encoding windows-1252 \
  --column journal_number=Journalpostnr --column journal_date=Dato --column direction=Type \
  --column title=Tittel --column access_code=Tilgangskode --column document=Fil \
  --delimiter ';' "$WORK/excel.csv"
expect_out "1 entries: 1 added"
[ "$(sql "SELECT journal_date || direction FROM journal_entry WHERE journal_number='2024/33-1'")" = \
  "2024-05-02I" ] || fail "mapped columns"
expect_status 1 "$SKJERM" journal import --db "$DB" "$WORK/excel.csv"
grep -q "no column 'journal_number'" "$WORK/err" || fail "missing column not explained"

# Usage errors exit 2; files that cannot be read exit 1.
expect_status 2 "$SKJERM" journal import --db "$DB"
expect_status 2 "$SKJERM" journal import --db "$DB" --status held "$WORK/j.csv"
expect_status 2 "$SKJERM" journal import --db "$DB" --format xml "$WORK/j.csv"
expect_status 2 "$SKJERM" journal import --db "$DB" --column tittel=Tittel "$WORK/j.csv"
expect_status 2 "$SKJERM" journal import --db "$DB" --column title "$WORK/j.csv"
expect_status 2 "$SKJERM" journal import --db "$DB" --delimiter ';;' "$WORK/j.csv"
expect_status 2 "$SKJERM" journal import --db "$DB" --delimiter ';' "$SAMPLES/noark/arkivstruktur.xml"
expect_status 1 "$SKJERM" journal import --db "$DB" "$WORK/does-not-exist.csv"
grep -q "cannot open" "$WORK/err" || fail "missing file not explained"

# A malformed arkivstruktur.xml: the line and column, exit 1, and the entries before it kept.
head -c "$(grep -b -o '<registreringsID>2024/1187-3' "$SAMPLES/noark/arkivstruktur.xml" |
  cut -d: -f1)" "$SAMPLES/noark/arkivstruktur.xml" >"$WORK/broken.xml"
printf '<tittel>x</registrering>\n' >>"$WORK/broken.xml"
DB2=$WORK/broken.db
expect_status 1 "$SKJERM" journal import --db "$DB2" "$WORK/broken.xml"
grep -q "broken.xml: line [0-9]*, column [0-9]*: mismatched tag" "$WORK/err" ||
  fail "malformed XML: $(cat "$WORK/err")"
expect_out "2 entries: 2 added"
[ "$(sqlite3 "$DB2" "SELECT count(*) FROM journal_entry")" = 2 ] || fail "entries before the fault"
[ "$(sqlite3 "$DB2" "SELECT note LIKE '%incomplete: line%' FROM run")" = 1 ] ||
  fail "the run does not say it is incomplete"

# Streaming: a generated arkivstruktur.xml of 20,000 journal entries in 2,000 case folders.
python3 - "$WORK/big.xml" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<arkiv xmlns="http://www.arkivverket.no/standarder/noark5/arkivstruktur" '
              'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><arkivdel>\n')
    for case in range(2000):
        out.write('<mappe xsi:type="saksmappe"><mappeID>2023/%d</mappeID>\n' % case)
        for n in range(1, 11):
            out.write(
                '<registrering xsi:type="journalpost"><registreringsID>2023/%d-%d</registreringsID>'
                '<tittel>Svar om skoleskyss</tittel><journalposttype>Utgående dokument</journalposttype>'
                '<journaldato>2023-%02d-%02d</journaldato><korrespondansepart>'
                '<korrespondansepartNavn>Foresatt %d</korrespondansepartNavn><postadresse>Vei %d'
                '</postadresse></korrespondansepart><dokumentbeskrivelse><dokumentobjekt>'
                '<referanseDokumentfil>dokumenter/%d-%d.pdf</referanseDokumentfil></dokumentobjekt>'
                '</dokumentbeskrivelse></registrering>\n'
                % (case, n, 1 + case % 12, 1 + n, case, n, case, n))
        out.write('</mappe>\n')
    out.write('</arkivdel></arkiv>\n')
PY
DB3=$WORK/big.db
expect_status 0 "$SKJERM" journal import --db "$DB3" "$WORK/big.xml"
expect_out "20000 entries: 20000 added, 0 changed, 0 unchanged; 0 skipped"
expect_status 0 "$SKJERM" journal import --db "$DB3" "$WORK/big.xml"
expect_out "20000 entries: 0 added, 0 changed, 20000 unchanged"

# Killed in the middle, an import keeps whole batches only; started again, it completes.
DB4=$WORK/killed.db
"$SKJERM" journal import --db "$DB4" "$WORK/big.xml" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 100); do
  [ -f "$DB4" ] && [ "$(sqlite3 "$DB4" "SELECT count(*) FROM journal_entry" 2>/dev/null || echo 0)" -gt 0 ] && break
  sleep 0.02
done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
kept=$(sqlite3 "$DB4" "SELECT count(*) FROM journal_entry")
[ $((kept % 500)) -eq 0 ] || fail "a kill left $kept entries, not whole batches of 500"
expect_status 0 "$SKJERM" journal import --db "$DB4" "$WORK/big.xml"
expect_out "20000 entries: $((20000 - kept)) added, 0 changed, $kept unchanged"

finish
