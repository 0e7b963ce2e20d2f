// The roster in the database: written whole on import (a school exports its whole roster
// each time, so an import replaces the previous one), read whole at the start of a scan.
// Only keyed hashes go in (see detect/roster_terms.h).
#ifndef SKJERM_JOURNAL_ROSTER_STORE_H_
#define SKJERM_JOURNAL_ROSTER_STORE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "detect/roles/roster.h"
#include "detect/roles/roster_terms.h"
#include "journal/database.h"
#include "journal/database_key.h"
#include "journal/roster_csv.h"

namespace skjerm {

struct RosterImportCounts {
  int persons = 0;
  int pupils = 0;
  int guardians = 0;
  int staff = 0;
  int is_protected = 0;
  int guardian_links = 0;
};

// Replaces the roster with records, hashed under key, in one transaction. Links to pupils
// that are not in the roster are dropped with a note in *warnings.
RosterImportCounts ReplaceRoster(const Database& db, std::string_view key,
                                 const std::vector<RosterRecord>& records, int skipped,
                                 const OrdinaryWordTest& is_ordinary_word,
                                 std::vector<RosterNote>* warnings);

// The stored roster, as rows.
std::vector<StoredRosterPerson> ReadRoster(const Database& db);

// The stored roster ready for detection. key must be the key it was imported with (else
// nothing will ever match).
Roster LoadRoster(const Database& db, std::string key);

// The roster of the database at db_path with its key (journal/database_key.h), for a
// scan: null when there is no database file or an empty roster. Throws (DatabaseError,
// SecretKeyError) when there is a roster that cannot be used — a missing key, a key
// others can read, the wrong key: never silently ignored.
std::shared_ptr<const Roster> LoadRosterForScan(const std::string& db_path,
                                                const KeySettings& keys);

}  // namespace skjerm

#endif  // SKJERM_JOURNAL_ROSTER_STORE_H_
