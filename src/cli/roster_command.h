// `skjerm roster import FILE.csv [--db PATH]`: replaces the roster in the database with the
// school's export, stored as keyed hashes only (journal/roster_store.h). Prints counts and
// the skipped rows by line number and reason — never a name.
#ifndef SKJERM_CLI_ROSTER_COMMAND_H_
#define SKJERM_CLI_ROSTER_COMMAND_H_

#include "cli/command.h"

namespace skjerm {

void AddRosterCommand(CLI::App& app, GlobalOptions& global, int* exit_status);

}  // namespace skjerm

#endif  // SKJERM_CLI_ROSTER_COMMAND_H_
