#include "cli/app.h"

#include <CLI/CLI.hpp>

namespace skjerm {

int RunCli(int argc, char** argv) {
  CLI::App app{"skjerm: holds back letters with personal data from the public journal"};
  app.require_subcommand(1);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  return 0;
}

}  // namespace skjerm
