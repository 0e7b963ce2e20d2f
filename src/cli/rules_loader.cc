#include "cli/rules_loader.h"

#include <sys/stat.h>

#include <iostream>

#include "detect/roster.h"
#include "journal/database.h"
#include "journal/secret_key.h"

namespace skjerm {
namespace {

bool FileExists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

// The roster of the database at db_path, or null when there is no database or it has no
// roster. Throws when there is a roster that cannot be read (no key): scanning without it
// would silently miss the school's pupils.
std::shared_ptr<const Roster> LoadRoster(const std::string& db_path) {
  if (!FileExists(db_path)) return nullptr;
  Database db = Database::Open(db_path);
  Statement count = db.Prepare("SELECT count(*) FROM roster_person");
  count.Step();
  if (count.ColumnInt(0) == 0) return nullptr;
  const std::string key = LoadSecretKey(KeyPathFor(db_path));
  auto roster = std::make_shared<Roster>(Roster::Load(db, key));
  return roster;
}

}  // namespace

std::unique_ptr<LoadedRules> LoadRules(const GlobalOptions& global, bool use_roster_if_present) {
  auto loaded = std::make_unique<LoadedRules>();
  try {
    if (use_roster_if_present) loaded->roster = LoadRoster(global.db_path);
  } catch (const std::exception& e) {
    std::cerr << "skjerm: cannot read the roster in " << global.db_path << ": " << e.what()
              << '\n';
    return nullptr;
  }
  try {
    loaded->rule_set = RuleSet::Load(ResolvePatternsDir(global.patterns_dir), loaded->roster.get());
  } catch (const std::exception& e) {
    std::cerr << "skjerm: cannot load the rules: " << e.what() << '\n';
    return nullptr;
  }
  return loaded;
}

}  // namespace skjerm
