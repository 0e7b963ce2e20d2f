// Reads documents for the pipeline in two steps — a plan (everything that needs no OCR,
// and which pages need it), then OCR of some of those pages — either in this process, or in
// a worker process of its own. The isolated reader is what skjerm runs: Poppler, Leptonica
// and Tesseract parse untrusted files, and a file that crashes or hangs one of them must end
// as `error` for that document, not end the batch.
#ifndef SKJERM_EXTRACT_DOCUMENT_READER_H_
#define SKJERM_EXTRACT_DOCUMENT_READER_H_

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "extract/extract_options.h"
#include "extract/extractor.h"

namespace skjerm {

class DocumentReader {
 public:
  virtual ~DocumentReader() = default;

  // Throws ExtractionError.
  virtual ExtractionPlan Plan(const std::string& path, const ExtractOptions& options,
                              Deadline deadline) = 0;

  // OCRs `pages` (indexes from the plan) of the file the plan was made from; `sha256` is the
  // plan's, so that a file changed in between is an error, not a mix of two versions.
  // Throws ExtractionError.
  virtual std::vector<Page> Ocr(const std::string& path, const std::string& sha256,
                                std::span<const int> pages, const ExtractOptions& options,
                                Deadline deadline) = 0;
};

// Plans the document and OCRs the pages that need it: every page read. Throws
// ExtractionError.
Document ReadDocument(DocumentReader& reader, const std::string& path,
                      const ExtractOptions& options, Deadline deadline);

// In this process, with a Tesseract engine made on first use.
std::unique_ptr<DocumentReader> MakeInProcessReader(const std::string& ocr_languages);

// In a worker process started from `executable` (run as `executable __extract-worker`),
// started on first use and again after it died. A worker that crashes, is killed, or has not
// answered `grace` after the deadline (a library that hangs) makes that call an
// ExtractionError saying so.
std::unique_ptr<DocumentReader> MakeIsolatedReader(
    const std::string& executable,
    std::chrono::milliseconds grace = std::chrono::milliseconds(15000));

// The worker's side: reads requests from in_fd, answers on out_fd, until in_fd closes.
// Returns the process's exit status.
int RunExtractionWorker(int in_fd, int out_fd);

// The argument that starts a worker.
inline constexpr char kExtractWorkerArgument[] = "__extract-worker";

}  // namespace skjerm

#endif  // SKJERM_EXTRACT_DOCUMENT_READER_H_
