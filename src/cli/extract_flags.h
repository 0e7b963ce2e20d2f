// The extraction flags that every command reading documents shares (--ocr, --jobs, limits).
#ifndef SKJERM_CLI_EXTRACT_FLAGS_H_
#define SKJERM_CLI_EXTRACT_FLAGS_H_

#include "cli/command.h"
#include "extract/extract_options.h"
#include "pipeline/scan_pipeline.h"

namespace skjerm {

struct ExtractFlags {
  std::string ocr = "auto";
  int jobs = 0;  // 0: one per core
  int timeout_seconds = 900;
  int max_pages = 5000;
  int max_size_mb = 512;
  int max_text_mb = 64;

  ExtractOptions ToOptions() const;
  int Jobs() const;
  // What a command's pipeline runs with: these options, and documents read in worker
  // processes of this executable.
  ScanOptions ToScanOptions() const;
};

void AddExtractFlags(CLI::App* command, ExtractFlags* flags);

}  // namespace skjerm

#endif  // SKJERM_CLI_EXTRACT_FLAGS_H_
