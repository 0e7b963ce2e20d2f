-- 001: the school's roster, as keyed hashes only.
--
-- Every value a person could be recognised by (names, name parts, IDs, birth dates) is
-- stored as HMAC-SHA-256 under the database's secret key (outside the database's folder
-- since 003; journal/database_key.h), of the value
-- normalised for matching (lower case, diacritics folded). Without the key the tables
-- say only how many people there are and in which roles. Re-importing a roster replaces
-- all rows.

-- One row per person of the roster.
CREATE TABLE roster_person (
  id INTEGER PRIMARY KEY,
  -- HMAC of the school's own id for the person (the CSV's id column).
  id_hash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('pupil', 'guardian', 'staff')),
  -- 1: a protected identity (sperret / skyddad adresse, fictitious name): every mention
  -- holds the letter, marked or not.
  protected INTEGER NOT NULL DEFAULT 0 CHECK (protected IN (0, 1))
);

-- What a person is recognised by. kind says which form the hash is of:
--   given       one given name            ("tor", "erik", "tor-erik", "tor erik")
--   family      the family name or a part of a double family name
--   full        given names + family name, and first given name + family name
--   deletion    a name part with one letter left out (matches OCR damage, edit distance 1)
--   national_id the national ID, digits only
--   birth_date  the birth date as YYYY-MM-DD
-- ordinary_word: the name part is also an ordinary word of nb/nn/sv/da (Liv, Stein, Sol),
-- so a mention of it alone needs context.
CREATE TABLE roster_term (
  person INTEGER NOT NULL REFERENCES roster_person(id) ON DELETE CASCADE,
  kind TEXT NOT NULL
    CHECK (kind IN ('given', 'family', 'full', 'deletion', 'national_id', 'birth_date')),
  hash TEXT NOT NULL,
  ordinary_word INTEGER NOT NULL DEFAULT 0 CHECK (ordinary_word IN (0, 1)),
  PRIMARY KEY (person, kind, hash)
) WITHOUT ROWID;
CREATE INDEX roster_term_by_hash ON roster_term(hash);

-- A guardian's link to a pupil (guardian_of), by the persons' rows.
CREATE TABLE roster_guardianship (
  guardian INTEGER NOT NULL REFERENCES roster_person(id) ON DELETE CASCADE,
  pupil INTEGER NOT NULL REFERENCES roster_person(id) ON DELETE CASCADE,
  PRIMARY KEY (guardian, pupil)
) WITHOUT ROWID;

-- When the roster was imported and how much of it (no names, no file paths).
CREATE TABLE roster_import (
  id INTEGER PRIMARY KEY,
  imported_at TEXT NOT NULL,
  persons INTEGER NOT NULL,
  skipped INTEGER NOT NULL
);
