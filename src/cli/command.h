// How a command joins the command line: each command file has one Add*Command function
// that registers its CLI11 subcommand and a callback. The callback stores its exit status
// in *exit_status: 0 may be published / done, 1 held or failed, 2 usage error.
#ifndef SKJERM_CLI_COMMAND_H_
#define SKJERM_CLI_COMMAND_H_

#include <CLI/CLI.hpp>

#include <string>

#include "journal/database_key.h"

namespace skjerm {

// Options every command shares.
struct GlobalOptions {
  std::string patterns_dir;  // the rule files; default: the build's SKJERM_PATTERNS_DIR
  std::string db_path = "skjerm.db";
  std::string key_path;  // --key; empty: $SKJERM_KEY or the default place

  // Where the database's key is looked for (journal/database_key.h).
  KeySettings keys() const { return KeySettings::FromEnvironment(key_path); }
};

}  // namespace skjerm

#endif  // SKJERM_CLI_COMMAND_H_
