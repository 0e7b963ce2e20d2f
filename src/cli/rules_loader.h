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

// Null after printing the reason when the rules cannot be loaded; *exit_status is then 2 for
// rule files skjerm cannot use (a configuration error, found before any document is read)
// and 1 for a roster that cannot be read (the database or its key: the environment).
std::unique_ptr<LoadedRules> LoadRules(const GlobalOptions& global, bool use_roster_if_present,
                                       int* exit_status);

}  // namespace skjerm

#endif  // SKJERM_CLI_RULES_LOADER_H_
