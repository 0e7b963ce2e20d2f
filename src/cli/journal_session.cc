#include "cli/journal_session.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "journal/database_key.h"
#include "pipeline/rule_set.h"

namespace skjerm {

std::unique_ptr<JournalSession> JournalSession::Open(const GlobalOptions& global, bool with_rules,
                                                     bool must_exist, int* exit_status) {
  auto s = std::make_unique<JournalSession>();
  struct stat st;
  if (must_exist && ::stat(global.db_path.c_str(), &st) != 0) {
    if (errno == ENOENT) {
      std::cerr << "skjerm: no database at " << global.db_path
                << " (import a journal first: skjerm journal import FILE)\n";
      *exit_status = 2;
    } else {
      std::cerr << "skjerm: cannot open " << global.db_path << ": " << std::strerror(errno) << '\n';
      *exit_status = 1;
    }
    return nullptr;
  }
  try {
    s->db = std::make_unique<Database>(Database::Open(global.db_path));
    s->key = OpenDatabaseKey(*s->db, global.keys());
    s->store = std::make_unique<JournalStore>(*s->db, s->key);
  } catch (const std::exception& e) {
    std::cerr << "skjerm: cannot open " << global.db_path << ": " << e.what() << '\n';
    *exit_status = 1;
    return nullptr;
  }
  if (!with_rules) return s;
  s->rules = LoadRules(global, /*use_roster_if_present=*/true, exit_status);
  if (!s->rules) return nullptr;
  try {
    s->codes = AccessCodes::FromFile(ResolvePatternsDir(global.patterns_dir) + "/journal.toml");
  } catch (const std::exception& e) {
    std::cerr << "skjerm: cannot load the access codes: " << e.what() << '\n';
    *exit_status = 2;
    return nullptr;
  }
  s->scanner = std::make_unique<Scanner>(*s->rules->rule_set);
  s->judge = std::make_unique<EntryJudge>(*s->scanner, s->codes, s->rules->rule_set->policy());
  return s;
}

std::optional<StoredEntry> FindEntryOrComplain(const JournalStore& store,
                                               const std::string& journal_number) {
  std::optional<StoredEntry> entry = store.FindByNumber(journal_number);
  if (!entry) std::cerr << "skjerm: no journal entry " << journal_number << '\n';
  return entry;
}

}  // namespace skjerm
