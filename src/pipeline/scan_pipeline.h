// Scans many files on a pool of workers: each document is read and planned by one worker,
// its OCR pages are spread over all workers, and the last of its pages to finish judges it.
// Results reach the sink in input order, one at a time, as soon as they and every result
// before them are ready — so a killed batch has already delivered every decision it made.
#ifndef SKJERM_PIPELINE_SCAN_PIPELINE_H_
#define SKJERM_PIPELINE_SCAN_PIPELINE_H_

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/extract_options.h"
#include "pipeline/scanner.h"
#include "pipeline/worker_pool.h"
#include "policy/verdict.h"

namespace skjerm {

// One document to judge.
struct ScanJob {
  std::string path;
  // Already extracted (from the text cache): the file is not read again.
  std::optional<Document> document;
  // A marking known from outside the document (the journal entry's access code).
  std::optional<ExemptionMarking> marking;
  // Why the path cannot be judged at all (found while walking a folder: a folder that cannot
  // be read, a symbolic-link loop): the result is `error` with this reason, nothing is read.
  std::string problem;
};

struct ScanResult {
  std::string path;
  Document document;  // as far as it was read; pages may be missing on error
  Verdict verdict;
  bool extracted = false;  // true when the file was read now, false when the job brought it
};

struct ScanOptions {
  ExtractOptions extract;
  int jobs = 1;
  // A document with more text than this is `error`, not judged: judging holds the whole
  // document's text some ten times over (normalised text, words, findings), and a batch must
  // not die of one huge file.
  uint64_t max_text_bytes = 64ull << 20;
  // Read documents in worker processes started from this executable (skjerm itself);
  // empty: in this process (tests, tools).
  std::string worker_executable;
};

// The sink is called from worker threads but never concurrently. If it throws, no further
// results are delivered and Run() rethrows once the workers are done.
struct DocumentJob;

class ScanPipeline {
 public:
  using Sink = std::function<void(ScanResult&&)>;
  // Makes job i; called in the calling thread, in order, just before job i starts.
  using JobSource = std::function<ScanJob(size_t)>;

  ScanPipeline(const Scanner& scanner, ScanOptions options)
      : scanner_(scanner), options_(std::move(options)) {}

  void Run(const std::vector<std::string>& paths, const Sink& sink) const;
  void Run(size_t count, const JobSource& jobs, const Sink& sink) const;

  // One job, in the calling thread.
  ScanResult ScanOne(const ScanJob& job) const;

 private:
  void RecognizeChunk(DocumentJob& job, const std::vector<int>& chunk,
                      WorkerContext& context) const;
  ReaderSettings Settings() const;

  const Scanner& scanner_;
  ScanOptions options_;
  // Held while a document with much text is judged, so that two never meet in memory.
  mutable std::mutex large_judgement_;
};

}  // namespace skjerm

#endif  // SKJERM_PIPELINE_SCAN_PIPELINE_H_
