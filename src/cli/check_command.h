// `skjerm check`: judges every pending journal entry, records the verdicts and sets the
// statuses. `skjerm retro`: re-judges what is already published with the current rules and
// lists what must now be withdrawn, newest first.
#ifndef SKJERM_CLI_CHECK_COMMAND_H_
#define SKJERM_CLI_CHECK_COMMAND_H_

#include "cli/command.h"

namespace skjerm {

void AddCheckCommand(CLI::App& app, GlobalOptions& global, int* exit_status);
void AddRetroCommand(CLI::App& app, GlobalOptions& global, int* exit_status);

}  // namespace skjerm

#endif  // SKJERM_CLI_CHECK_COMMAND_H_
