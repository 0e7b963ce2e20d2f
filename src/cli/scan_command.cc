#include "cli/scan_command.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "cli/extract_flags.h"
#include "cli/rules_loader.h"
#include "pipeline/input_paths.h"
#include "pipeline/scan_pipeline.h"
#include "report/scan_report.h"

namespace skjerm {
namespace {

struct ScanFlags {
  std::vector<std::string> paths;
  std::vector<std::string> exclude;
  std::string format = "text";
  bool reveal = false;
  ExtractFlags extract;
};

bool UseColor() { return ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr; }

int RunScan(const ScanFlags& flags, const GlobalOptions& global) {
  int failure = 0;
  std::unique_ptr<LoadedRules> rules = LoadRules(global, /*use_roster_if_present=*/true, &failure);
  if (!rules) return failure;
  Scanner scanner(*rules->rule_set);
  ScanPipeline pipeline(scanner, flags.extract.ToScanOptions());

  ReportOptions report;
  report.reveal = flags.reveal;
  report.color = flags.format == "text" && UseColor();
  std::vector<int> counts(4, 0);
  const InputPaths inputs = ExpandInputPaths(flags.paths, flags.exclude);
  const auto job = [&inputs](size_t i) {
    const InputPath& input = inputs.items[i];
    return ScanJob{input.path, std::nullopt, std::nullopt, input.problem};
  };
  pipeline.Run(inputs.items.size(), job, [&](ScanResult&& result) {
    ++counts[static_cast<size_t>(result.verdict.decision)];
    if (flags.format == "json") {
      std::cout << ScanResultToJson(result, report)
                       .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                << '\n';
    } else {
      std::cout << ScanResultToLine(result, report) << '\n';
    }
    // Flushed per document: a killed batch has printed every decision it made. A decision
    // that could not be written stops the batch (exit 1), not a silent exit 0.
    std::cout.flush();
    if (!std::cout) throw std::runtime_error("cannot write the output (standard output)");
  });
  const std::string excluded =
      flags.exclude.empty() ? "" : "; " + std::to_string(inputs.excluded) + " excluded";
  if (flags.format == "text" && (inputs.items.size() > 1 || !flags.exclude.empty())) {
    std::cerr << SummaryLine(counts, report.color && ::isatty(STDERR_FILENO)) << excluded << '\n';
  } else if (!flags.exclude.empty()) {
    std::cerr << inputs.excluded << " excluded by --exclude\n";
  }
  const bool blocked = counts[static_cast<size_t>(Decision::kHold)] > 0 ||
                       counts[static_cast<size_t>(Decision::kError)] > 0;
  return blocked ? 1 : 0;
}

}  // namespace

void AddScanCommand(CLI::App& app, GlobalOptions& global, int* exit_status) {
  auto flags = std::make_shared<ScanFlags>();
  CLI::App* scan = app.add_subcommand("scan", "Decide for each file whether it may be published");
  scan->add_option("paths", flags->paths,
                   "Files and folders (walked recursively, hidden entries too)")
      ->required();
  scan->add_option("--exclude", flags->exclude,
                   "Leave out what a folder walk finds whose name matches GLOB ('.*', '*.tmp'), or "
                   "whose path below the folder does when GLOB has a '/' (repeatable; counted)")
      ->take_all()
      ->allow_extra_args(false);
  scan->add_option("--format", flags->format, "text (one line a document) or json (JSON Lines)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  scan->add_flag("--reveal", flags->reveal, "Show the raw values found (never the default)");
  AddExtractFlags(scan, &flags->extract);
  scan->callback([flags, &global, exit_status] { *exit_status = RunScan(*flags, global); });
}

}  // namespace skjerm
