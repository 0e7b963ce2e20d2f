// The command line: parses arguments with CLI11 and runs one command. Exit status:
// 0 everything may be published, 1 something is held or unreadable, 2 usage error.
#ifndef SKJERM_CLI_APP_H_
#define SKJERM_CLI_APP_H_

namespace skjerm {

int RunCli(int argc, char** argv);

}  // namespace skjerm

#endif  // SKJERM_CLI_APP_H_
