// Loads the rule set a command runs with (patterns/ and, when there is one, the roster of
// the database), reporting configuration errors on stderr.
#ifndef SKJERM_CLI_RULES_LOADER_H_
#define SKJERM_CLI_RULES_LOADER_H_

#include <memory>

#include "cli/command.h"
#include "pipeline/rule_set.h"

namespace skjerm {

struct LoadedRules {
  std::shared_ptr<const Roster> roster;  // null without a roster
  std::unique_ptr<RuleSet> rule_set;
};

// Null after printing the reason when the rules cannot be loaded; *failure_status is then
// the exit status: 1 when the database's roster cannot be read (its key is missing, not
// private or not its key), 2 when the rule files cannot be loaded.
std::unique_ptr<LoadedRules> LoadRules(const GlobalOptions& global, bool use_roster_if_present,
                                       int* failure_status);

}  // namespace skjerm

#endif  // SKJERM_CLI_RULES_LOADER_H_
