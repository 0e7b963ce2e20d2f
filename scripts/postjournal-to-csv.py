#!/usr/bin/env python3
"""Turns a published postjournal scraped as JSON (the form of github.com/iRyfylke/strand-postliste:
a list of {"tittel", "dokumentID", "dato_iso", ...} per file) into a skjerm journal CSV of
titles without documents, each document ID once, so that `skjerm journal import` + `check`
judge what the journal printed.

    scripts/postjournal-to-csv.py OUT.csv FILE.json...
    git -C strand-postliste show HEAD:data/archive/postliste_2006_H1.json > 2006_H1.json ...
"""
import csv
import json
import sys


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    seen = {}
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            for entry in json.load(f):
                key = entry.get("dokumentID")
                if not key:
                    sys.exit(f"{path}: an entry without dokumentID")
                seen.setdefault(key, entry)
    with open(sys.argv[1], "w", newline="", encoding="utf-8") as out:
        w = csv.writer(out)
        w.writerow(["journal_number", "journal_date", "direction", "title", "access_code", "document"])
        for key, e in seen.items():
            w.writerow([key, e.get("dato_iso", ""), "", e.get("tittel", ""), "", ""])
    print(f"{len(seen)} entries", file=sys.stderr)


if __name__ == "__main__":
    main()
