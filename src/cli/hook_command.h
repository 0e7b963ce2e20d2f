// `skjerm hook`: the question a publishing pipeline asks before an entry goes out. One JSON
// object on stdout; exit status 0 (may be published), 1 (hold) or 2 (usage error).
#ifndef SKJERM_CLI_HOOK_COMMAND_H_
#define SKJERM_CLI_HOOK_COMMAND_H_

#include "cli/command.h"

namespace skjerm {

void AddHookCommand(CLI::App& app, GlobalOptions& global, int* exit_status);

}  // namespace skjerm

#endif  // SKJERM_CLI_HOOK_COMMAND_H_
