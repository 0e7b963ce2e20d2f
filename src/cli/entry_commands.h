// The archivist's commands on single entries and the journal as a whole:
// `skjerm release ENTRY --reason TEXT --by NAME`, `skjerm history ENTRY`, `skjerm status`.
#ifndef SKJERM_CLI_ENTRY_COMMANDS_H_
#define SKJERM_CLI_ENTRY_COMMANDS_H_

#include "cli/command.h"

namespace skjerm {

void AddReleaseCommand(CLI::App& app, GlobalOptions& global, int* exit_status);
void AddHistoryCommand(CLI::App& app, GlobalOptions& global, int* exit_status);
void AddStatusCommand(CLI::App& app, GlobalOptions& global, int* exit_status);

}  // namespace skjerm

#endif  // SKJERM_CLI_ENTRY_COMMANDS_H_
