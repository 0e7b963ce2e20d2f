#!/usr/bin/env bash
# Nothing of what skjerm guards can be had from its own data: letters with national IDs
# are scanned and checked, the database's folder is copied elsewhere without the key, and
# every ID is sought by brute force over the whole ID space of a range of birth dates
# (tests/e2e/brute_force_ids.py) — none may be found; with the key, as a control, all are.
# No digit of an ID or a birth date in `sqlite3 .dump` or in output without --reveal; a
# file named with an ID is held for its name, shown masked, and kept sealed.
source "$(dirname "$0")/lib.sh"
cd "$WORK" || exit 1
DB=$WORK/data/skjerm.db
mkdir -m 700 data letters
export NO_COLOR=1

# --- letters, roster and journal with invented people -------------------------------------
# Eight IDs born 2008-2013 (valid check digits, fixed seed); the first three are in the
# roster with their birth dates, one letter gives a birth date in words and one ID stands
# only in a file name, of a letter that is otherwise harmless.
python3 - "$WORK" "$SAMPLES/letters/sv-vagarbete-pass.pdf" <<'PY'
import datetime, random, shutil, sys
work, harmless = sys.argv[1], sys.argv[2]
W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2); W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
def check(digits, weights):
    k = (11 - sum(int(d) * w for d, w in zip(digits, weights)) % 11) % 11
    return None if k == 10 else str(k)
rng = random.Random(8)
ids, births = [], []
while len(ids) < 8:
    day = datetime.date(2008, 1, 1) + datetime.timedelta(days=rng.randrange(6 * 365))
    base = f"{day.day:02d}{day.month:02d}{day.year % 100:02d}{rng.randrange(500, 1000):03d}"
    k1 = check(base, W1)
    k2 = k1 and check(base + k1, W2)
    if k2 and base + k1 + k2 not in ids:
        ids.append(base + k1 + k2)
        births.append(day)
names = ["Tiril Aasen", "Oskar Brekke", "Selma Dahle", "Johannes Eide", "Frida Foss",
         "Magnus Grøtte", "Ingrid Hov"]
nb_months = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
             "september", "oktober", "november", "desember"]
for i, name in enumerate(names):
    fnr = ids[i]
    shown = fnr if i % 2 else f"{fnr[:6]} {fnr[6:]}"
    born = (f"\nFødt {births[i].day}. {nb_months[births[i].month - 1]} {births[i].year}."
            if i == 3 else "")
    with open(f"{work}/letters/vedtak-{i + 1}.txt", "w", encoding="utf-8") as f:
        f.write(f"Skien kommune\nOppvekst\n\nVedtak om spesialundervisning\n\n"
                f"Elev: {name}, fødselsnummer {shown}{born}\n\n"
                f"{name.split()[0]} får fem timer spesialundervisning i uken fra 1. januar.\n\n"
                f"Med hilsen\nRektor\n")
named = f"Vedtak Emil Solberg {ids[7]}.pdf"
shutil.copy(harmless, f"{work}/letters/{named}")
with open(f"{work}/roster.csv", "w", encoding="utf-8") as f:
    f.write("id,role,given_names,family_name,birth_date,national_id,protected,guardian_of\n")
    for i in range(3):
        given, family = names[i].split()
        f.write(f"p{i},pupil,{given},{family},{births[i].isoformat()},{ids[i]},0,\n")
with open(f"{work}/journal.csv", "w", encoding="utf-8") as f:
    f.write("journal_number,journal_date,direction,title,access_code,document\n")
    for i in range(7):
        f.write(f"2025/{i + 1:04d}-1,2025-02-0{i + 1},U,Vedtak om spesialundervisning,,"
                f"letters/vedtak-{i + 1}.txt\n")
    f.write(f"2025/0008-1,2025-02-08,U,Vedtak om skyss,,letters/{named}\n")
with open(f"{work}/ids.txt", "w") as f:
    f.write("\n".join(ids) + "\n")
with open(f"{work}/births.txt", "w") as f:
    f.write("\n".join(d.isoformat() for d in births[:3]) + "\n")
# Every way a digit of an ID or birth date could show: the date part, the individual part,
# the whole number, and the birth dates as written.
with open(f"{work}/needles.txt", "w") as f:
    for fnr, day in zip(ids, births):
        f.write(f"{fnr}\n{fnr[:6]}\n{fnr[6:]}\n{day.isoformat()}\n{day:%d.%m.%Y}\n")
with open(f"{work}/named.txt", "w") as f:
    f.write(named + "\n")
PY
NAMED=$(cat named.txt)
NAMED_ID=$(sed -n 8p ids.txt)

# needles_in FILE...: the needles that appear in the files, hex runs (hashes, sealed blobs)
# left out — a short digit string occurs in them by chance.
needles_in() {
  python3 - "$WORK/needles.txt" "$@" <<'PY'
import re, sys
needles = [n for n in open(sys.argv[1]).read().split() if n]
for path in sys.argv[2:]:
    text = re.sub(r"[0-9a-fA-F]{12,}", " ", open(path, encoding="utf-8", errors="replace").read())
    for n in needles:
        if n in text:
            print(f"{path}: {n}")
PY
}

# --- scan, roster import, journal import, check, hook, history ----------------------------
expect_status 0 "$SKJERM" roster import --db "$DB" roster.csv
"$SKJERM" scan --db "$DB" letters >scan.txt 2>scan.err
"$SKJERM" scan --db "$DB" --format json letters >scan.jsonl 2>>scan.err
"$SKJERM" scan --db "$DB" --format json --reveal letters >reveal.jsonl 2>/dev/null
expect_status 0 "$SKJERM" journal import --db "$DB" journal.csv
"$SKJERM" check --db "$DB" --format json >check.jsonl 2>check.err
[ "$(wc -l <check.jsonl)" -eq 8 ] || fail "check printed $(wc -l <check.jsonl) entries: $(cat check.err)"
"$SKJERM" hook --db "$DB" 2025/0008-1 >hook.json 2>&1
"$SKJERM" hook --file "letters/$NAMED" >hook-file.json 2>&1
"$SKJERM" history --db "$DB" 2025/0008-1 >history.txt 2>&1
"$SKJERM" history --db "$DB" 2025/0004-1 >>history.txt 2>&1
"$SKJERM" status --db "$DB" >status.txt 2>&1

# Every letter is held, and no digit of an ID or birth date shows without --reveal.
python3 - scan.jsonl check.jsonl <<'PY' || fail "not every letter held: $(cat scan.jsonl check.jsonl)"
import json, sys
for path in sys.argv[1:]:
    for line in open(path):
        assert json.loads(line)["decision"] == "hold", line
PY
leaks=$(needles_in scan.txt scan.err scan.jsonl check.jsonl check.err hook.json hook-file.json history.txt status.txt)
[ -z "$leaks" ] || fail "an ID or birth date shows without --reveal: $leaks"
grep -q "national_id" scan.jsonl || fail "no ID findings in the scan output"
grep -q '"masked":"\*\*\*\*\*\* \*\*\*\*\*"' scan.jsonl || fail "an ID's mask is not its shape"
grep -q '"category":"birth_date"' scan.jsonl || fail "the birth date in words was not found"

# The file named with an ID: held for its name («file name»), shown masked, raw with --reveal.
python3 - scan.jsonl reveal.jsonl check.jsonl hook.json hook-file.json "$NAMED" "$NAMED_ID" <<'PY' ||
import json, sys
scan, reveal, check, hook, hook_file, named, fnr = sys.argv[1:]
# The ID and the name before it: «Vedtak E*** ******* ***********.pdf».
masked_name = named.replace(fnr, "*" * 11).replace("Emil Solberg", "E*** *******")
row = [j for j in map(json.loads, open(scan)) if j["path"].endswith(".pdf")]
assert len(row) == 1, row
row = row[0]
assert row["path"] == "letters/" + masked_name, row["path"]
assert row["decision"] == "hold", row
assert "file name" in row["reason"], row["reason"]
ids = [f for f in row["findings"] if f["category"] == "national_id"]
assert ids and all(f["source"] == "file_name" for f in ids), row["findings"]
raw = [j for j in map(json.loads, open(reveal)) if j["path"] == "letters/" + named]
assert len(raw) == 1, "--reveal must print the path exactly as it is"
assert any(f.get("text") == fnr for f in raw[0]["findings"]), raw[0]["findings"]
entry = [j for j in map(json.loads, open(check)) if j["journal_number"] == "2025/0008-1"][0]
for j in (entry, json.load(open(hook)), json.load(open(hook_file))):
    assert j["decision"] == "hold", j
    assert j["path"].endswith(masked_name) and fnr not in json.dumps(j), j
    assert all(d["path"].endswith(masked_name) for d in j["documents"]), j["documents"]
    assert any(f["location"] == "document 1 file name" for f in j["findings"]), j["findings"]
PY
  fail "the file named with an ID"
grep -qF "/letters/Vedtak E*** ******* ***********.pdf  sha256" history.txt ||
  fail "history shows the file name unmasked: $(grep Document history.txt)"

# --- the database's folder, copied without the key -----------------------------------------
KEY=$(key_of "$DB")
[ -f "$KEY" ] || fail "no key at $KEY"
case "$KEY" in "$WORK/data/"*) fail "the key is in the database's folder" ;; esac
[ "$(stat -c %a "$KEY")" = 600 ] && [ "$(stat -c %a "$(dirname "$KEY")")" = 700 ] ||
  fail "key $(stat -c %a "$KEY"), folder $(stat -c %a "$(dirname "$KEY")"): want 600 in 700"
cp -a data stolen
ls stolen | grep -q key && fail "a key file travels with the database's folder: $(ls stolen)"
sqlite3 stolen/skjerm.db .dump >dump.sql
leaks=$(needles_in dump.sql)
[ -z "$leaks" ] || fail "an ID or birth date in sqlite3 .dump: $leaks"
grep -qF "Solberg" dump.sql && fail "the file name's name in clear in the database"

# Without the key: nothing. With it (the control): every ID and the roster's birth dates.
python3 "$SRC/tests/e2e/brute_force_ids.py" --dump dump.sql --folder stolen --control-key "$KEY" \
  --from 2007-01-01 --to 2014-12-31 >brute.json 2>brute.err || fail "brute force: $(cat brute.err)"
python3 - brute.json ids.txt births.txt <<'PY' || fail "brute force: $(cat brute.json)"
import json, sys
got = json.load(open(sys.argv[1]))
ids = set(open(sys.argv[2]).read().split())
births = set(open(sys.argv[3]).read().split())
assert not got["narrowed_by_masks"], "the masks narrowed the search"
assert got["stolen"] == [], f"recovered without the key: {got['stolen']}"
missing = (ids | births) - set(got["control"])
assert not missing, f"the control search did not find {sorted(missing)}: the test could not fail"
print(f"brute force: {got['candidates']} candidate IDs over {got['dates']} birth dates in "
      f"{got['seconds']} s: none recovered without the key, all {len(ids)} IDs and "
      f"{len(births)} birth dates with it", file=sys.stderr)
PY

# Opening the copy elsewhere without the key is refused with what to do, never a new key.
expect_status 1 env XDG_CONFIG_HOME="$WORK/elsewhere" "$SKJERM" status --db stolen/skjerm.db
grep -q "is missing" "$WORK/err" || fail "copied database without its key: $(cat "$WORK/err")"
expect_status 1 env XDG_CONFIG_HOME="$WORK/elsewhere" "$SKJERM" check --db stolen/skjerm.db
[ -e "$WORK/elsewhere" ] && fail "a new key was made for a database that had one"

# A database from before this version, its key beside it: refused with the command that
# moves the key; done as told, the database opens with its key.
mkdir -m 700 legacy
cp -a data/. legacy/
cp -p "$KEY" legacy/skjerm.db.key
expect_status 1 env XDG_CONFIG_HOME="$WORK/moved" "$SKJERM" status --db legacy/skjerm.db
grep -q "beside the database" "$WORK/err" || fail "legacy key: $(cat "$WORK/err")"
move=$(grep -o "mkdir -p -m 700 .* && mv .*" "$WORK/err")
[ -n "$move" ] || fail "legacy key: no command to move it: $(cat "$WORK/err")"
bash -c "$move" || fail "legacy key: the command given failed: $move"
[ -e legacy/skjerm.db.key ] && fail "legacy key still beside the database"
expect_status 0 env XDG_CONFIG_HOME="$WORK/moved" "$SKJERM" status --db legacy/skjerm.db
grep -q "held: 8" "$WORK/out" || fail "moved key: $(cat "$WORK/out" "$WORK/err")"

finish
