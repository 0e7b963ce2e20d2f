#include "cli/rules_loader.h"

#include <iostream>

#include "journal/roster_store.h"

namespace skjerm {

std::unique_ptr<LoadedRules> LoadRules(const GlobalOptions& global, bool use_roster_if_present,
                                       int* exit_status) {
  auto loaded = std::make_unique<LoadedRules>();
  try {
    // A roster that exists but cannot be read (no key) is an error: scanning without it
    // would silently miss the school's pupils and protected identities.
    if (use_roster_if_present) loaded->roster = LoadRosterForScan(global.db_path, global.keys());
  } catch (const std::exception& e) {
    std::cerr << "skjerm: cannot read the roster in " << global.db_path << ": " << e.what() << '\n';
    *exit_status = 1;
    return nullptr;
  }
  try {
    loaded->rule_set = RuleSet::Load(ResolvePatternsDir(global.patterns_dir), loaded->roster);
  } catch (const std::exception& e) {
    std::cerr << "skjerm: cannot load the rules: " << e.what() << '\n';
    *exit_status = 2;
    return nullptr;
  }
  return loaded;
}

}  // namespace skjerm
