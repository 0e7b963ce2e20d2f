#include "cli/app.h"

#include <CLI/CLI.hpp>

#include "cli/command.h"
#include "cli/roster_command.h"

namespace skjerm {

int RunCli(int argc, char** argv) {
  CLI::App app{"skjerm: holds back letters with personal data from the public journal"};
  app.require_subcommand(1);
  GlobalOptions global;
  int exit_status = 0;
  AddRosterCommand(app, global, &exit_status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  return exit_status;
}

}  // namespace skjerm
