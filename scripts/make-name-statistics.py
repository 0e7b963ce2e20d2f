#!/usr/bin/python3
"""Writes patterns/names/{first,last}_names_{no,se,dk,fi}.tsv: the names the national statistics
offices of Norway, Sweden, Denmark and Finland count, with the number of bearers.

The raw files are not kept in the repository. Each source below says where its copy comes from
(a public repository, a path and a commit: `git show COMMIT:PATH` in a clone gives the file).
Put them, under the file names given as `raw`, in one folder and run

    scripts/make-name-statistics.py --raw DIR [--out patterns/names] [--retrieved YYYY-MM-DD]

Every output file opens with a `#` block (source, copy used, data date, licence, processing) and
then has `name<TAB>bearers` lines, most bearers first. Nothing here is read by the detector yet:
it reads the *.txt lists only.

What is done to the data, for every source:
  * names are kept as the office spells them; only offices that publish in capitals (SCB, DST)
    are recased (see recase());
  * a name counted in both the women's and the men's list is one name with the sum of both;
  * entries that are not names are dropped and listed in the header: placeholders such as
    DST's «EJ EFTERNAVN», initials alone («A», «K C», «A-C»), and abbreviations or artefacts with
    a digit, a colon, a full stop or a bracket («Md.», «S.M.», «Arne.»); a name with one
    single-letter part beside a longer one stays (the Faroese «í Dali», «N Diaye», «M-Ali»);
  * at most MAX_NAMES names are kept per file, cut at a bearer count so that no name is kept
    while another with as many bearers is dropped.
"""

import argparse
import csv
import datetime
import json
import os
import re
import sys

MAX_NAMES = 20000

# Lower-case particles of family names: «AF KLERCKER» is af Klercker, the Faroese «Í DALI» is
# í Dali, «LIJCKLAMA A NIJEHOLT» is Lijcklama a Nijeholt, «CORDERO Y SERA» is Cordero y Sera.
PARTICLES = {"af", "av", "von", "van", "de", "der", "den", "du", "da", "di", "la", "le", "zu",
             "ter", "ten", "dos", "das", "do", "del", "della", "des", "t",
             "a", "á", "à", "i", "í", "y"}

# Entries of the source lists that are not names (compared case-folded).
NOT_NAMES = {"ej efternavn", "ej fornavn", "ej"}

NOT_NAME_CHARS = re.compile(r"[0-9:.()/\[\]]")


# --- readers: each yields (name, bearers) -----------------------------------------------------

def read_utf16_tsv(path, header_cell, name_col=0, count_col=1):
    """A sheet saved by Excel as UTF-16 text: rows before the header row are titles."""
    with open(path, "rb") as f:
        text = f.read().decode("utf-16")
    seen_header = False
    for line in text.splitlines():
        cells = line.split("\t")
        if not seen_header:
            seen_header = cells[0].strip() == header_cell
            continue
        if len(cells) <= count_col or not cells[name_col].strip():
            continue
        yield cells[name_col].strip(), parse_count(cells[count_col], path)
    if not seen_header:
        raise SystemExit(f"{path}: no header row «{header_cell}»")


def read_dst(path):
    """Danmarks Statistik's name lists: Latin-1 text, a title, then «Navn<TAB>ANTAL»."""
    with open(path, encoding="latin-1") as f:
        lines = f.read().splitlines()
    try:
        start = next(i for i, l in enumerate(lines) if l.split("\t")[0] == "Navn") + 1
    except StopIteration:
        raise SystemExit(f"{path}: no «Navn» header row")
    for line in lines[start:]:
        if not line.strip():
            continue
        name, count = line.split("\t")
        yield name.strip(), parse_count(count, path)


def read_dvv_csv(path):
    """DVV's first-name sheet saved as CSV: «Etunimi;Lukumäärä», counts like «275 071»."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    if rows[0][:2] != ["Etunimi", "Lukumäärä"]:
        raise SystemExit(f"{path}: unexpected header {rows[0]}")
    for row in rows[1:]:
        if row and row[0].strip():
            yield row[0].strip(), parse_count(row[1], path)


def read_ssb_statistics_json(path):
    """SSB table 10501 as decoy's fetch-statistics-names.mjs saved it: {name, sex, count} rows."""
    with open(path, encoding="utf-8") as f:
        rows = json.load(f)["countries"]["NO"]
    for row in rows:
        yield row["name"], int(row["count"])


def read_themap_json(path):
    """SSB table 12891 as TheMap's harvest-frequencies.py saved it; checked against its totals."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    rows = [(r["n"], int(r["c"])) for r in data["surnames"]]
    if len(rows) != data["counts"]["surnames"] or sum(c for _, c in rows) != data["counts"]["people"]:
        raise SystemExit(f"{path}: rows do not add up to the file's own counts")
    return rows


def read_name_count_tsv(path):
    """«name<TAB>count» with a header line (larvit/fejkdata's last-name.tsv)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    if lines[0] != "name\tcount":
        raise SystemExit(f"{path}: unexpected header {lines[0]!r}")
    for line in lines[1:]:
        name, count = line.split("\t")
        yield name, parse_count(count, path)


def parse_count(text, path):
    digits = re.sub(r"[\s.,\u00a0]", "", text)
    if not digits.isdigit():
        raise SystemExit(f"{path}: «{text}» is not a count")
    return int(digits)


# --- processing -------------------------------------------------------------------------------

def recase(name, surname):
    """«ANNE-MARIE» -> Anne-Marie, «VON ESSEN» -> von Essen, «O'BRIEN» -> O'Brien."""
    tokens = re.split(r"([ -])", name.lower())
    words = [i for i, t in enumerate(tokens) if t not in (" ", "-", "")]
    for i in words:
        t = tokens[i]
        if surname and t in PARTICLES and i != words[-1]:
            continue
        t = t[:1].upper() + t[1:]
        if re.match(r"^\w'\w", t):  # O'Brien, D'Angelo
            t = t[:2] + t[2].upper() + t[3:]
        tokens[i] = t
    return "".join(tokens)


def not_a_name(name):
    if name.casefold() in NOT_NAMES or NOT_NAME_CHARS.search(name):
        return True
    parts = [p for p in re.split(r"[ -]", name) if p]
    return all(len(p) < 2 for p in parts)


def collect(source, raw_dir):
    counts, dropped = {}, []
    for part in source["parts"]:
        path = os.path.join(raw_dir, part["raw"])
        if not os.path.isfile(path):
            raise SystemExit(f"missing raw file {path}: {part['origin']}")
        for name, bearers in part["reader"](path):
            if not_a_name(name):
                dropped.append(name)
                continue
            if source.get("recase"):
                name = recase(name, source["kind"] == "last")
            counts[name] = counts.get(name, 0) + bearers
    return counts, dropped


def cut(counts, min_count):
    """Names with at least min_count bearers, then the largest count floor keeping <= MAX_NAMES."""
    kept = {n: c for n, c in counts.items() if c >= min_count}
    if len(kept) > MAX_NAMES:
        floor = sorted(kept.values(), reverse=True)[MAX_NAMES]
        kept = {n: c for n, c in kept.items() if c > floor}
    return sorted(kept.items(), key=lambda nc: (-nc[1], nc[0].casefold(), nc[0]))


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for line in header:
            f.write(("# " + line).rstrip() + "\n")
        f.write("# name\tbearers\n")
        for name, bearers in rows:
            f.write(f"{name}\t{bearers}\n")


def header_for(source, rows, counts, dropped, retrieved):
    what = {"first": "First (given) names", "last": "Family names"}[source["kind"]]
    lines = [f"{what} in {source['country']} with the number of bearers, most first.",
             "Generated by scripts/make-name-statistics.py; do not edit by hand.",
             f"Source: {source['source']}",
             f"Original: {source['url']}",
             f"Data as of: {source['data_date']}. Retrieved: {retrieved}."]
    for part in source["parts"]:
        lines.append(f"Copy used: {part['origin']}")
    lines += [f"Licence: {source['licence']}", "Processing:"]
    lines += ["  " + l for l in source["processing"]]
    shown = ", ".join(sorted(set(dropped))[:12]) + (" ..." if len(set(dropped)) > 12 else "")
    noun = "entry that is not a name" if len(dropped) == 1 else "entries that are not names"
    lines.append(f"  Dropped {len(dropped)} {noun}" + (f": {shown}" if dropped else "."))
    lines.append(f"  Kept {len(rows)} of {len(counts)} names (at most {MAX_NAMES}, cut at a bearer count);"
                 f" smallest bearer count kept: {rows[-1][1]}.")
    return lines


# --- the sources ------------------------------------------------------------------------------

COMMON_SUM = "A name in both the women's and the men's list is one line with the sum of both."

SOURCES = [
    {
        "out": "first_names_no.tsv", "kind": "first", "country": "Norway",
        "source": "Statistisk sentralbyrå (SSB), StatBank table 10501 «Personer, etter fornavn» "
                  "(persons by first name; SSB publishes only names with 200 or more bearers).",
        "url": "https://www.ssb.no/statbank/table/10501",
        "data_date": "2025 (SSB's figure for the year 2025)",
        "licence": "CC BY 4.0, as SSB states at https://www.ssb.no/en/diverse/lisens "
                   "(«credit Statistics Norway as the source»); /work/shared/DOMAIN.md also names NLOD. "
                   "Processed: based on data from Statistics Norway.",
        "processing": ["SSB's name labels kept as written (json-stat2, so Æ Ø Å are intact).",
                       COMMON_SUM],
        "parts": [{"raw": "statistics-names.json", "reader": read_ssb_statistics_json,
                   "origin": "github.com/nerdmenot-swift/decoy, Tools/adapters/data/statistics-names.json, "
                             "commit dca96e01b375ceba5726efa682c53d7105d266ce (SSB's json-stat2 answer for "
                             "10501, year 2025, saved by Tools/adapters/fetch-statistics-names.mjs on 2026-08-10)"}],
        "min_count": 1,
    },
    {
        "out": "last_names_no.tsv", "kind": "last", "country": "Norway",
        "source": "Statistisk sentralbyrå (SSB), StatBank table 12891 «Etternavn brukt av 200 personer "
                  "eller flere» (family names with 200 or more bearers).",
        "url": "https://www.ssb.no/statbank/table/12891",
        "data_date": "2025 (SSB's figure for the year 2025)",
        "licence": "CC BY 4.0, as SSB states at https://www.ssb.no/en/diverse/lisens; /work/shared/DOMAIN.md "
                   "also names NLOD. Processed: based on data from Statistics Norway.",
        "processing": ["SSB's name labels kept as written.",
                       "The copy could not be fetched whole; its text was read through the code index and "
                       "rebuilt byte for byte (86,444 characters; 3,620 names, 2,837,795 bearers, "
                       "as the file itself states: the reader checks both)."],
        "parts": [{"raw": "themap-no.json", "reader": read_themap_json,
                   "origin": "github.com/daviddef/TheMap, data/frequencies/no.json, commit "
                             "2aedd5880f8dd04dc3022066d2be3069157ba2dd (SSB's answer for 12891, year 2025, "
                             "saved by scripts/harvest-frequencies.py)"}],
        "min_count": 1,
    },
    {
        "out": "first_names_se.tsv", "kind": "first", "country": "Sweden", "recase": True,
        "source": "Statistiska centralbyrån (SCB), «Namn med minst två bärare, 31 december 2022», sheets "
                  "«Tilltalsnamn kvinnor» and «Tilltalsnamn män» (the name a person goes by; "
                  "SCB stopped producing name statistics in 2024, this is its last edition).",
        "url": "https://www.scb.se/contentassets/9fe7dbb460994c72b835163dbc491ef9/"
               "namn-med-minst-tva-barare-31-december-2022.xlsx",
        "data_date": "2022-12-31",
        "licence": "CC BY 4.0 (SCB's terms for scb.se). SCB asks that reworked data not be credited "
                   "«Källa: SCB»: this list is based on data from Statistics Sweden (SCB).",
        "processing": ["SCB writes names in capitals: recased (ANNA-KARIN -> Anna-Karin).",
                       "Double tilltalsnamn such as «Agnes Cecilia» are kept as one entry.",
                       COMMON_SUM],
        "parts": [{"raw": "namn-med-minst-tva-barare-31-december-2022_Tilltalsnamn_kvinnor.txt",
                   "reader": lambda p: read_utf16_tsv(p, "Tilltalsnamn"),
                   "origin": "github.com/bradleydhaene1994/EindwerkPG1, SourceData/Zweden/"
                             "namn-med-minst-tva-barare-31-december-2022_Tilltalsnamn_kvinnor.txt, commit "
                             "449fd8beac317eb76d18319da2f3984544d85297 (the sheet saved as UTF-16 text)"},
                  {"raw": "namn-med-minst-tva-barare-31-december-2022_Tilltalsnamn_män.txt",
                   "reader": lambda p: read_utf16_tsv(p, "Tilltalsnamn"),
                   "origin": "same repository and commit, ..._Tilltalsnamn_män.txt"}],
        "min_count": 1,
    },
    {
        "out": "last_names_se.tsv", "kind": "last", "country": "Sweden",
        "source": "Statistiska centralbyrån (SCB), «Namn med minst två bärare, 31 december 2022», sheet "
                  "«Efternamn» - its 5,000 most borne family names.",
        "url": "https://www.scb.se/contentassets/9fe7dbb460994c72b835163dbc491ef9/"
               "namn-med-minst-tva-barare-31-december-2022.xlsx",
        "data_date": "2022-12-31",
        "licence": "CC BY 4.0 (SCB's terms for scb.se); based on data from Statistics Sweden (SCB). "
                   "The copy is part of larvit/fejkdata (its data-import/names-se.py states «CC0, Källa: SCB»).",
        "processing": ["The full sheet was in no copy that could be had: its 5,000 most "
                       "borne names come from a copy that cut it there and recased SCB's capitals "
                       "(particles lower case: von Essen). Names with 178 bearers, where that cut fell, "
                       "are dropped so that the list is complete down to its smallest count.",
                       "That copy could not be fetched whole; its text was read through the code index "
                       "and rebuilt byte for byte (60,414 characters, 5,000 names in its sort order)."],
        "parts": [{"raw": "larvit-sv_SE-last-name.tsv", "reader": read_name_count_tsv,
                   "origin": "github.com/larvit/fejkdata, data/sv_SE/last-name.tsv, commit "
                             "5fb5e5f4c8ff798a3f19683d8bca9c9972485a86 (made by data-import/names-se.py "
                             "from the SCB file above)"}],
        "min_count": 179,
    },
    {
        "out": "first_names_dk.tsv", "kind": "first", "country": "Denmark", "recase": True,
        "source": "Danmarks Statistik (DST), «Fornavne til kvinder / til mænd, 1. januar 2025 (kun navne "
                  "med tre eller flere forekomster)»; DST counts a person's first given name only "
                  "(a hyphenated double name counts as one).",
        "url": "https://www.dst.dk/da/Statistik/emner/borgere/navne",
        "data_date": "2025-01-01",
        "licence": "Free reuse, also commercial, with DST named as source; reworked figures to be marked "
                   "as such (https://www.dst.dk/da/Statistik/brug-statistikken/kildeangivelse). "
                   "Kilde: egne beregninger baseret på tal fra Danmarks Statistik.",
        "processing": ["DST writes names in capitals: recased (ANNE-MARIE -> Anne-Marie).", COMMON_SUM],
        "parts": [{"raw": "fornavne 2025 - kvinder (3+) - med overskrifter.txt", "reader": read_dst,
                   "origin": "github.com/bradleydhaene1994/EindwerkPG1, SourceData/Denemarken/"
                             "fornavne 2025 - kvinder (3+) - med overskrifter.txt, commit "
                             "449fd8beac317eb76d18319da2f3984544d85297"},
                  {"raw": "fornavne 2025 - mænd (3+) - med overskrifter.txt", "reader": read_dst,
                   "origin": "same repository and commit, fornavne 2025 - mænd (3+) - med overskrifter.txt"}],
        "min_count": 1,
    },
    {
        "out": "last_names_dk.tsv", "kind": "last", "country": "Denmark", "recase": True,
        "source": "Danmarks Statistik (DST), «Efternavne, 1. januar 2025 (kun navne med tre eller flere "
                  "forekomster)»; DST counts the last name of a person's names.",
        "url": "https://www.dst.dk/da/Statistik/emner/borgere/navne",
        "data_date": "2025-01-01",
        "licence": "Free reuse, also commercial, with DST named as source; reworked figures to be marked "
                   "as such (https://www.dst.dk/da/Statistik/brug-statistikken/kildeangivelse). "
                   "Kilde: egne beregninger baseret på tal fra Danmarks Statistik.",
        "processing": ["DST writes names in capitals: recased, particles in lower case "
                       "(VON ESSEN -> von Essen, LA COUR -> la Cour)."],
        "parts": [{"raw": "efternavne 2025 (3+) - med overskrifter.txt", "reader": read_dst,
                   "origin": "github.com/bradleydhaene1994/EindwerkPG1, SourceData/Denemarken/"
                             "efternavne 2025 (3+) - med overskrifter.txt, commit "
                             "449fd8beac317eb76d18319da2f3984544d85297"}],
        "min_count": 1,
    },
    {
        "out": "first_names_fi.tsv", "kind": "first", "country": "Finland",
        "source": "Digi- ja väestötietovirasto (DVV), «Etunimitilasto» 2025-02-04, sheets «Miehet kaikki» "
                  "and «Naiset kaikki» (every given name a person holds, not only the first; names "
                  "with five or more bearers).",
        "url": "https://www.avoindata.fi/data/fi/dataset/none (Väestötietojärjestelmän suomalaisten nimiaineistot)",
        "data_date": "2025-02-04",
        "licence": "CC BY 4.0, as avoindata.fi records it for this dataset. Processed: based on data from DVV.",
        "processing": [COMMON_SUM],
        "parts": [{"raw": "etunimitilasto-2025-02-04-dvv_naiset-kaikki.csv", "reader": read_dvv_csv,
                   "origin": "github.com/MarHai/hy_2025_docker_test, etunimitilasto-2025-02-04-dvv_naiset-kaikki.csv, "
                             "commit 66d3fa36ffb14082c15e2c51bdc95d18469924b3"},
                  {"raw": "etunimitilasto-2025-02-04-dvv_miehet-kaikki.csv", "reader": read_dvv_csv,
                   "origin": "same repository and commit, etunimitilasto-2025-02-04-dvv_miehet-kaikki.csv"}],
        "min_count": 1,
    },
    {
        "out": "last_names_fi.tsv", "kind": "last", "country": "Finland",
        "source": "Digi- ja väestötietovirasto (DVV), «Sukunimitilasto» 2025-08-13 (family names "
                  "with 20 or more bearers).",
        "url": "https://www.avoindata.fi/data/fi/dataset/none (Väestötietojärjestelmän suomalaisten nimiaineistot)",
        "data_date": "2025-08-13",
        "licence": "CC BY 4.0, as avoindata.fi records it for this dataset. Processed: based on data from DVV.",
        "processing": ["Names kept as DVV writes them (von Essen, af Hällström)."],
        "parts": [{"raw": "sukunimitilasto-2025-08-13-dvv.txt",
                   "reader": lambda p: read_utf16_tsv(p, "Sukunimi"),
                   "origin": "github.com/bradleydhaene1994/EindwerkPG1, SourceData/Finland/"
                             "sukunimitilasto-2025-08-13-dvv.txt, commit "
                             "449fd8beac317eb76d18319da2f3984544d85297 (the sheet saved as UTF-16 text)"}],
        "min_count": 1,
    },
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raw", required=True, help="folder holding the raw files named in SOURCES")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "patterns", "names"))
    ap.add_argument("--retrieved", default=datetime.date.today().isoformat(),
                    help="the date the raw files were retrieved (default: today)")
    args = ap.parse_args()
    for source in SOURCES:
        counts, dropped = collect(source, args.raw)
        rows = cut(counts, source["min_count"])
        path = os.path.join(args.out, source["out"])
        write(path, header_for(source, rows, counts, dropped, args.retrieved), rows)
        size = os.path.getsize(path)
        if size >= 1 << 20:
            raise SystemExit(f"{path}: {size} bytes, over 1 MB")
        print(f"{source['out']}: {len(rows)} names, smallest count {rows[-1][1]}, "
              f"{len(dropped)} dropped, {size} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
