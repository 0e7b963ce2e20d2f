#include "cli/extract_flags.h"

#include <thread>

namespace skjerm {

ExtractOptions ExtractFlags::ToOptions() const {
  ExtractOptions options;
  options.ocr = ocr == "always"  ? OcrMode::kAlways
                : ocr == "never" ? OcrMode::kNever
                                 : OcrMode::kAuto;
  options.timeout = std::chrono::seconds(timeout_seconds);
  options.max_pages = max_pages;
  options.max_file_bytes = static_cast<uint64_t>(max_size_mb) << 20;
  return options;
}

int ExtractFlags::Jobs() const {
  if (jobs > 0) return jobs;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

ScanOptions ExtractFlags::ToScanOptions() const {
  ScanOptions options;
  options.extract = ToOptions();
  options.jobs = Jobs();
  options.max_text_bytes = static_cast<uint64_t>(max_text_mb) << 20;
  // The running binary, whatever its name or path (and even if it was replaced since).
  options.worker_executable = "/proc/self/exe";
  return options;
}

void AddExtractFlags(CLI::App* command, ExtractFlags* flags) {
  command
      ->add_option("--ocr", flags->ocr,
                   "When to OCR: auto (pages without a text layer), "
                   "always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  command->add_option("-j,--jobs", flags->jobs, "Documents and pages in parallel (default: cores)")
      ->check(CLI::Range(1, 256));
  command->add_option("--timeout", flags->timeout_seconds, "Seconds one document may take")
      ->check(CLI::Range(1, 86400))
      ->capture_default_str();
  command->add_option("--max-pages", flags->max_pages, "Pages a document may have")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  command->add_option("--max-size", flags->max_size_mb, "Megabytes a file may have")
      ->check(CLI::Range(1, 65536))
      ->capture_default_str();
  command
      ->add_option("--max-text", flags->max_text_mb,
                   "Megabytes of text a document may have to be judged (judging one takes "
                   "some ten times its text in memory)")
      ->check(CLI::Range(1, 4096))
      ->capture_default_str();
}

}  // namespace skjerm
