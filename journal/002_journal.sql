-- 002: the journal — entries and their documents, every run, every verdict with its
-- findings, archivists' releases, an audit trail, and a cache of extracted text.
--
-- Nothing here holds a raw personal value in clear. Texts that may carry personal data and
-- that skjerm must read again (an entry's title, its parties, the extracted text of a
-- document) are sealed: encrypted with AES-256-GCM under a key derived from the database's
-- secret key (base/sealed_box.h; where the key is: 003 and journal/database_key.h). Findings are stored masked, with a keyed hash
-- (HMAC-SHA-256) of the raw value so that a later scan can tell it found the same thing.

-- One journal entry (Noark 5 journalpost / registrering).
CREATE TABLE journal_entry (
  id INTEGER PRIMARY KEY,
  journal_number TEXT NOT NULL UNIQUE,      -- registreringsID, e.g. 2024/1234-2
  journal_date TEXT,                        -- YYYY-MM-DD
  document_date TEXT,                       -- YYYY-MM-DD
  direction TEXT,                           -- I, U, N, X, S (journalposttype)
  title_sealed BLOB,                        -- tittel, sealed
  given_public_title_sealed BLOB,           -- offentligTittel from the source, sealed
  parties_sealed BLOB,                      -- korrespondansepart names/addresses, sealed
  access_code TEXT NOT NULL DEFAULT '',     -- local access code / tilgangsrestriksjon
  legal_basis TEXT NOT NULL DEFAULT '',     -- skjermingshjemmel
  screened_fields TEXT NOT NULL DEFAULT '', -- skjermingMetadata
  -- The public title skjerm made at the last check: personal data replaced by *****.
  public_title TEXT,
  -- HMAC over everything imported: a re-import with the same content changes nothing.
  content_hash TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'published', 'held', 'released')),
  imported_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX journal_entry_by_status ON journal_entry(status, journal_date);

-- The documents of an entry, in order.
CREATE TABLE journal_document (
  entry INTEGER NOT NULL REFERENCES journal_entry(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  path TEXT NOT NULL,
  sha256 TEXT,                              -- of the bytes judged at the last check
  PRIMARY KEY (entry, position)
) WITHOUT ROWID;

-- Every command that judged or changed entries.
CREATE TABLE run (
  id INTEGER PRIMARY KEY,
  command TEXT NOT NULL,                    -- import, check, hook, retro, release
  started_at TEXT NOT NULL,
  finished_at TEXT,                         -- NULL: killed or still running
  rule_version TEXT NOT NULL,               -- hash of the rule files (patterns/)
  skjerm_version TEXT NOT NULL,
  entries INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT ''
);

-- What skjerm decided about an entry in a run.
CREATE TABLE verdict (
  id INTEGER PRIMARY KEY,
  run INTEGER NOT NULL REFERENCES run(id),
  entry INTEGER NOT NULL REFERENCES journal_entry(id) ON DELETE CASCADE,
  decision TEXT NOT NULL CHECK (decision IN ('pass', 'exempt', 'hold', 'error')),
  reason TEXT NOT NULL,                     -- masked
  public_title TEXT,
  documents_hash TEXT NOT NULL,             -- SHA-256 over the documents' SHA-256s
  findings_hash TEXT NOT NULL,              -- HMAC over the findings' value hashes
  rule_version TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  UNIQUE (run, entry)
);
CREATE INDEX verdict_by_entry ON verdict(entry, id);

CREATE TABLE finding (
  verdict INTEGER NOT NULL REFERENCES verdict(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  category TEXT NOT NULL,
  rule TEXT NOT NULL,
  location TEXT NOT NULL,                   -- "title", "parties", "document 1 page 2", ...
  start INTEGER,
  "end" INTEGER,
  masked TEXT NOT NULL,
  value_hash TEXT NOT NULL,                 -- HMAC of the normalised raw value
  confidence REAL NOT NULL,
  PRIMARY KEY (verdict, ordinal)
) WITHOUT ROWID;

-- An archivist's decision to publish a held entry anyway. It stands while the entry's
-- documents and findings stay what they were when it was given.
CREATE TABLE release (
  id INTEGER PRIMARY KEY,
  entry INTEGER NOT NULL REFERENCES journal_entry(id) ON DELETE CASCADE,
  verdict INTEGER NOT NULL REFERENCES verdict(id),
  released_at TEXT NOT NULL,
  released_by TEXT NOT NULL,
  reason TEXT NOT NULL,
  documents_hash TEXT NOT NULL,
  findings_hash TEXT NOT NULL
);
CREATE INDEX release_by_entry ON release(entry, id);

-- The audit trail: everything that happened to an entry, in order.
CREATE TABLE entry_event (
  id INTEGER PRIMARY KEY,
  entry INTEGER NOT NULL REFERENCES journal_entry(id) ON DELETE CASCADE,
  run INTEGER REFERENCES run(id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL,                       -- imported, changed, judged, status, released
  detail TEXT NOT NULL                      -- masked
);
CREATE INDEX entry_event_by_entry ON entry_event(entry, id);

-- Extracted text of a document, so that a re-scan after a rule change does not read (or
-- OCR) an unchanged document again. Keyed by the document's hash and what extracted it.
CREATE TABLE text_cache (
  sha256 TEXT NOT NULL,
  extractor TEXT NOT NULL,                  -- extractor version and OCR settings
  document_sealed BLOB NOT NULL,            -- pages, words, metadata; sealed
  created_at TEXT NOT NULL,
  PRIMARY KEY (sha256, extractor)
) WITHOUT ROWID;
