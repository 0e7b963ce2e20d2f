// The roster in the database: written whole on import (a school exports its whole roster
// each time, so an import replaces the previous one), read whole at the start of a scan.
// Only keyed hashes go in (see detect/roster_terms.h).
#ifndef SKJERM_JOURNAL_ROSTER_STORE_H_
#define SKJERM_JOURNAL_ROSTER_STORE_H_

#include <string>
#include <string_view>
#include <vector>

#include "detect/roster_terms.h"
#include "journal/database.h"
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
struct StoredRosterPerson {
  int64_t id = 0;
  RosterRole role = RosterRole::kPupil;
  bool is_protected = false;
  std::vector<RosterTerm> terms;
  std::vector<int64_t> guardian_of;  // ids of pupils' rows
};
std::vector<StoredRosterPerson> ReadRoster(const Database& db);

}  // namespace skjerm

#endif  // SKJERM_JOURNAL_ROSTER_STORE_H_
