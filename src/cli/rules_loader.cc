#include "cli/rules_loader.h"

#include <iostream>

namespace skjerm {

std::unique_ptr<LoadedRules> LoadRules(const GlobalOptions& global, bool use_roster_if_present) {
  (void)use_roster_if_present;
  auto loaded = std::make_unique<LoadedRules>();
  try {
    loaded->rule_set = RuleSet::Load(ResolvePatternsDir(global.patterns_dir), loaded->roster.get());
  } catch (const std::exception& e) {
    std::cerr << "skjerm: cannot load the rules: " << e.what() << '\n';
    return nullptr;
  }
  return loaded;
}

}  // namespace skjerm
