#include "cli/scan_command.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "cli/extract_flags.h"
#include "cli/rules_loader.h"
#include "pipeline/scan_pipeline.h"
#include "report/scan_report.h"

namespace skjerm {
namespace {

struct ScanFlags {
  std::vector<std::string> paths;
  std::string format = "text";
  bool reveal = false;
  ExtractFlags extract;
};

bool UseColor() { return ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr; }

int RunScan(const ScanFlags& flags, const GlobalOptions& global) {
  int failed = 2;
  std::unique_ptr<LoadedRules> rules = LoadRules(global, /*use_roster_if_present=*/true, &failed);
  if (!rules) return failed;
  Scanner scanner(*rules->rule_set);
  ScanPipeline pipeline(scanner, flags.extract.ToScanOptions());

  ReportOptions report;
  report.reveal = flags.reveal;
  report.color = flags.format == "text" && UseColor();
  std::vector<int> counts(4, 0);
  const std::vector<std::string> paths = ExpandInputPaths(flags.paths);
  pipeline.Run(paths, [&](ScanResult&& result) {
    ++counts[static_cast<size_t>(result.verdict.decision)];
    if (flags.format == "json") {
      std::cout << ScanResultToJson(result, report)
                       .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                << '\n';
    } else {
      std::cout << ScanResultToLine(result, report) << '\n';
    }
    // Flushed per document: a killed batch has printed every decision it made.
    std::cout.flush();
  });
  if (flags.format == "text" && paths.size() > 1) {
    std::cerr << SummaryLine(counts, report.color && ::isatty(STDERR_FILENO)) << '\n';
  }
  const bool blocked = counts[static_cast<size_t>(Decision::kHold)] > 0 ||
                       counts[static_cast<size_t>(Decision::kError)] > 0;
  return blocked ? 1 : 0;
}

}  // namespace

void AddScanCommand(CLI::App& app, GlobalOptions& global, int* exit_status) {
  auto flags = std::make_shared<ScanFlags>();
  CLI::App* scan = app.add_subcommand("scan", "Decide for each file whether it may be published");
  scan->add_option("paths", flags->paths, "Files and directories (recursively)")->required();
  scan->add_option("--format", flags->format, "text (one line a document) or json (JSON Lines)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  scan->add_flag("--reveal", flags->reveal, "Show the raw values found (never the default)");
  AddExtractFlags(scan, &flags->extract);
  scan->callback([flags, &global, exit_status] { *exit_status = RunScan(*flags, global); });
}

}  // namespace skjerm
