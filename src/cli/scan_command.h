// `skjerm scan PATH...`: decides for each file whether it may be published.
#ifndef SKJERM_CLI_SCAN_COMMAND_H_
#define SKJERM_CLI_SCAN_COMMAND_H_

#include "cli/command.h"

namespace skjerm {

void AddScanCommand(CLI::App& app, GlobalOptions& global, int* exit_status);

}  // namespace skjerm

#endif  // SKJERM_CLI_SCAN_COMMAND_H_
