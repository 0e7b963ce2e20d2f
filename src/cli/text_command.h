// `skjerm text FILE... --reveal`: the text skjerm extracted, page by page (text layer or
// OCR, with the OCR confidence), and the texts outside the pages — what the detectors see.
// The letter's text is exactly what skjerm guards, so it is shown only with --reveal.
#ifndef SKJERM_CLI_TEXT_COMMAND_H_
#define SKJERM_CLI_TEXT_COMMAND_H_

#include "cli/command.h"

namespace skjerm {

void AddTextCommand(CLI::App& app, GlobalOptions& global, int* exit_status);

}  // namespace skjerm

#endif  // SKJERM_CLI_TEXT_COMMAND_H_
