-- 003: the database's identity, which names its key, and sealed document paths.
--
-- The secret key is no longer kept beside the database (a copy of the database's folder
-- carried the key with it, and with it every keyed hash and sealed text). It lives in a
-- folder private to the user, by default $XDG_CONFIG_HOME/skjerm/keys/<id>.key, or where
-- --key / $SKJERM_KEY say (journal/database_key.h). The id below names that file; it says
-- nothing about the data.
CREATE TABLE database_identity (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  id TEXT NOT NULL,                         -- 32 random hex digits
  -- HMAC-SHA-256 of a fixed text under the key, recorded when the key is first used: a key
  -- file that is not this database's key is refused instead of matching nothing.
  key_check TEXT
);
INSERT INTO database_identity(singleton, id) VALUES (1, lower(hex(randomblob(16))));

-- A document's file name can carry personal data («Vedtak Emil Solberg 14091050170.pdf»):
-- the path is sealed like titles and parties. Rows from before this migration are sealed
-- by the first command that opens the database with its key, and their clear path emptied.
ALTER TABLE journal_document ADD COLUMN path_sealed BLOB;
