#include "cli/app.h"

#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/check_command.h"
#include "cli/command.h"
#include "cli/entry_commands.h"
#include "cli/hook_command.h"
#include "cli/journal_command.h"
#include "cli/roster_command.h"
#include "cli/scan_command.h"
#include "cli/text_command.h"

namespace skjerm {

int RunCli(int argc, char** argv) {
  CLI::App app{"skjerm: holds back letters with personal data from the public journal"};
  app.set_version_flag("--version", SKJERM_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  GlobalOptions global;
  app.add_option("--patterns", global.patterns_dir,
                 "Rule directory (default: $SKJERM_PATTERNS or the built-in patterns/)");
  app.add_option("--db", global.db_path, "skjerm's database (roster, journal)")
      ->capture_default_str();
  app.add_option("--key", global.key_path,
                 "The database's secret key file (default: $SKJERM_KEY, else "
                 "$XDG_CONFIG_HOME/skjerm/keys/<database id>.key); never in the database's folder");
  int exit_status = 0;
  AddScanCommand(app, global, &exit_status);
  AddRosterCommand(app, global, &exit_status);
  AddCheckCommand(app, global, &exit_status);
  AddHookCommand(app, global, &exit_status);
  AddRetroCommand(app, global, &exit_status);
  AddReleaseCommand(app, global, &exit_status);
  AddHistoryCommand(app, global, &exit_status);
  AddStatusCommand(app, global, &exit_status);
  AddJournalCommand(app, global, &exit_status);
  AddTextCommand(app, global, &exit_status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  } catch (const std::exception& e) {
    // A failure no command could handle (the database cannot be written, say). Whatever
    // was not recorded stays pending; nothing was let through.
    std::cerr << "skjerm: " << e.what() << '\n';
    return 1;
  }
  // Output that could not be written (a full disk, a closed pipe) is not a result: a caller
  // must not read exit 0 as "all may be published".
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "skjerm: cannot write the output (standard output)\n";
    return exit_status == 2 ? 2 : 1;
  }
  return exit_status;
}

}  // namespace skjerm
