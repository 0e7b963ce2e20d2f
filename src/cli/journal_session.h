// What the journal commands share: the database and its key, the journal store, the rules
// (with the roster of this database) and the access-code mapping — opened once, with
// errors reported on stderr.
#ifndef SKJERM_CLI_JOURNAL_SESSION_H_
#define SKJERM_CLI_JOURNAL_SESSION_H_

#include <memory>
#include <string>

#include "cli/command.h"
#include "cli/rules_loader.h"
#include "journal/access_codes.h"
#include "journal/database.h"
#include "journal/entry_judge.h"
#include "journal/journal_store.h"
#include "pipeline/scanner.h"

namespace skjerm {

struct JournalSession {
  std::unique_ptr<Database> db;
  std::string key;
  std::unique_ptr<JournalStore> store;
  std::unique_ptr<LoadedRules> rules;  // null unless asked for
  AccessCodes codes;
  std::unique_ptr<Scanner> scanner;
  std::unique_ptr<EntryJudge> judge;

  // Null after printing why when the database, key or rules cannot be opened, with the exit
  // status in *exit_status: 2 for a usage or configuration error (no database yet with
  // must_exist, a rule file skjerm cannot use), 1 for the environment (a database or key
  // that cannot be opened or written: a read-only folder, a full disk). With must_exist, a
  // missing database is an error instead of being created.
  static std::unique_ptr<JournalSession> Open(const GlobalOptions& global, bool with_rules,
                                              bool must_exist, int* exit_status);
};

// The entry with this journal number, or null after printing that there is none.
std::optional<StoredEntry> FindEntryOrComplain(const JournalStore& store,
                                               const std::string& journal_number);

}  // namespace skjerm

#endif  // SKJERM_CLI_JOURNAL_SESSION_H_
