#!/usr/bin/env python3
"""Tries to recover national IDs and birth dates from a copy of skjerm's database folder,
the way someone who took the folder (and read skjerm's source) would.

Reads the database as an `sqlite3 .dump`, takes every 64-hex string in it as a hash to
match, and enumerates every valid Norwegian fødselsnummer (born 2000-2039: individual
numbers 500-999, both check digits valid) of every birth date in a range — narrowed to the
dates a stored mask reveals, if every masked ID reveals one — and every birth date in the
range written the ways skjerm normalises them. Each candidate is hashed the ways skjerm
hashes values (bare, as a finding "finding\\n<category>\\n<value>", as a roster term
"id:<digits>", "date:<YYYY-MM-DD>") with plain SHA-256 and with HMAC-SHA-256 under every key it can find: the
empty key and every small file in the folder (raw, trimmed, hex-decoded). With
--control-key, the same search runs under the real key too, so the caller can show that
the search does find what is there when the key is known.

Prints one JSON object: {"stolen": [...], "control": [...], "candidates": N,
"dates": N, "narrowed_by_masks": bool, "seconds": S}. Values recovered are listed as
digits (IDs) or YYYY-MM-DD (birth dates).
"""
import argparse
import datetime
import hashlib
import json
import multiprocessing
import os
import re
import sqlite3
import sys
import time

W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
# How skjerm hashes values (journal_store.cc ValueHash, roster_terms.cc TermHash), and bare.
ID_PREFIXES = (b"", b"finding\nnational_id\n", b"id:")
DATE_PREFIXES = (b"finding\nbirth_date\n", b"date:", b"")
MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
          "oktober", "november", "desember")
SEPARATORS = " -+./"


def fnrs_of_date(day):
    """Every valid fødselsnummer of one birth date (individual numbers 500-999)."""
    date = f"{day.day:02d}{day.month:02d}{day.year % 100:02d}"
    digits = [int(c) for c in date]
    s1 = sum(a * b for a, b in zip(W1, digits))
    s2 = sum(a * b for a, b in zip(W2, digits))
    out = []
    for individual in range(500, 1000):
        i0, i1, i2 = individual // 100, individual // 10 % 10, individual % 10
        k1 = (11 - (s1 + W1[6] * i0 + W1[7] * i1 + W1[8] * i2) % 11) % 11
        if k1 == 10:
            continue
        k2 = (11 - (s2 + W2[6] * i0 + W2[7] * i1 + W2[8] * i2 + W2[9] * k1) % 11) % 11
        if k2 == 10:
            continue
        out.append(f"{date}{individual:03d}{k1}{k2}")
    return out


def date_forms(day):
    """A birth date as skjerm may have normalised it (digits and folded letters)."""
    d, m, y = day.day, day.month, day.year
    forms = {f"{y:04d}-{m:02d}-{d:02d}", f"{d:02d}{m:02d}{y:04d}", f"{d}{m}{y:04d}",
             f"{d:02d}{m:02d}{y % 100:02d}", f"{y:04d}{m:02d}{d:02d}", f"{d}{MONTHS[m - 1]}{y}",
             f"{d:02d}{MONTHS[m - 1]}{y}"}
    return sorted(forms)


class Hasher:
    """Plain SHA-256 and HMAC-SHA-256 under a set of keys, with the fixed message prefixes
    hashed once (copies of the hash state per candidate)."""

    def __init__(self, keys, prefixes):
        self.states = []  # (inner state with prefix, outer state or None)
        for key in keys:
            for prefix in prefixes:
                if key is None:
                    inner = hashlib.sha256(prefix)
                    self.states.append((inner, None))
                    continue
                block = key if len(key) <= 64 else hashlib.sha256(key).digest()
                block = block.ljust(64, b"\0")
                inner = hashlib.sha256(bytes(b ^ 0x36 for b in block))
                inner.update(prefix)
                outer = hashlib.sha256(bytes(b ^ 0x5C for b in block))
                self.states.append((inner, outer))

    def hashes(self, value):
        for inner, outer in self.states:
            h = inner.copy()
            h.update(value)
            if outer is None:
                yield h.hexdigest()
            else:
                o = outer.copy()
                o.update(h.digest())
                yield o.hexdigest()


def search_dates(args):
    days, key_sets, targets = args
    found = {name: set() for name in key_sets}
    count = 0
    hashers = {name: Hasher(keys, ID_PREFIXES) for name, keys in key_sets.items()}
    for ordinal in days:
        for fnr in fnrs_of_date(datetime.date.fromordinal(ordinal)):
            count += 1
            value = fnr.encode()
            for name, hasher in hashers.items():
                for digest in hasher.hashes(value):
                    if digest in targets:
                        found[name].add(fnr)
    return found, count


def search_birth_dates(days, key_sets, targets):
    found = {name: set() for name in key_sets}
    hashers = {name: Hasher(keys, DATE_PREFIXES) for name, keys in key_sets.items()}
    for ordinal in days:
        day = datetime.date.fromordinal(ordinal)
        for form in date_forms(day):
            for name, hasher in hashers.items():
                if any(d in targets for d in hasher.hashes(form.encode())):
                    found[name].add(day.isoformat())
    return found


def keys_in_folder(folder):
    """Every small file of the folder as a key: raw, trimmed, and hex-decoded."""
    keys = []
    for root, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            if os.path.getsize(path) > 4096:
                continue
            raw = open(path, "rb").read()
            keys += [raw, raw.strip()]
            text = raw.strip().decode("ascii", "replace")
            if re.fullmatch(r"(?:[0-9a-fA-F]{2})+", text):
                keys.append(bytes.fromhex(text))
    return keys


def masked_id_dates(dump):
    """Birth dates the stored masks of national IDs reveal; None when a mask reveals none."""
    db = sqlite3.connect(":memory:")
    db.executescript(dump)
    dates = set()
    try:
        rows = db.execute("SELECT masked FROM finding WHERE category = 'national_id'").fetchall()
    except sqlite3.Error:
        rows = []
    for (masked,) in rows:
        shape = "".join(c for c in masked if c not in SEPARATORS)
        date = shape[:6]
        if len(shape) != 11 or not date.isdigit():
            return None
        try:
            dates.add(datetime.date(2000 + int(date[4:]), int(date[2:4]), int(date[:2])))
        except ValueError:
            return None
    return dates


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dump", required=True, help="sqlite3 .dump of the copied database")
    parser.add_argument("--folder", required=True, help="the copied database folder")
    parser.add_argument("--control-key", help="the real key file (hex), for the control search")
    parser.add_argument("--from", dest="first", default="2006-01-01")
    parser.add_argument("--to", dest="last", default="2015-12-31")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    started = time.time()
    dump = open(args.dump, encoding="utf-8", errors="replace").read()
    targets = frozenset(re.findall(r"[0-9a-f]{64}", dump.lower()))

    key_sets = {"stolen": [None, b""] + keys_in_folder(args.folder)}
    if args.control_key:
        key_sets["control"] = [bytes.fromhex(open(args.control_key).read().strip())]

    first = datetime.date.fromisoformat(args.first).toordinal()
    last = datetime.date.fromisoformat(args.last).toordinal()
    all_days = list(range(first, last + 1))
    revealed = masked_id_dates(dump)
    # Roster terms carry no mask: with any roster ID stored, the whole range is searched.
    roster_ids = "'national_id'" in dump and "INSERT INTO roster_term" in dump
    narrowed = bool(revealed) and not roster_ids
    id_days = sorted(d.toordinal() for d in revealed) if narrowed else all_days

    chunks = [(id_days[i::args.jobs], key_sets, targets) for i in range(args.jobs)]
    with multiprocessing.Pool(args.jobs) as pool:
        results = pool.map(search_dates, chunks)
    found = {name: set() for name in key_sets}
    candidates = 0
    for part, count in results:
        candidates += count
        for name, values in part.items():
            found[name] |= values
    for name, values in search_birth_dates(all_days, key_sets, targets).items():
        found[name] |= values

    json.dump({"stolen": sorted(found["stolen"]), "control": sorted(found.get("control", [])),
               "candidates": candidates, "dates": len(id_days), "narrowed_by_masks": narrowed,
               "seconds": round(time.time() - started, 1)}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
