// Turns an input file into a Document in two passes, so that OCR — the slow part — can
// run page by page on several workers: Plan() reads everything that needs no OCR and names
// the pages that do; OcrPages() recognises a subset of them with the caller's engine.
#ifndef SKJERM_EXTRACT_EXTRACTOR_H_
#define SKJERM_EXTRACT_EXTRACTOR_H_

#include <span>
#include <vector>

#include "extract/document.h"
#include "extract/extract_options.h"
#include "extract/ocr_engine.h"
#include "extract/source_file.h"

namespace skjerm {

struct ExtractionPlan {
  // Every page is present; pages listed in ocr_pages are placeholders (number and size
  // only) until OCR fills them in.
  Document document;
  std::vector<int> ocr_pages;  // 0-based indexes into document.pages
};

// Throws ExtractionError (encrypted, corrupt, too many pages, OCR needed but disabled, ...).
ExtractionPlan PlanExtraction(const SourceFile& file, const ExtractOptions& options);

// OCRs the given pages (indexes from ExtractionPlan::ocr_pages) and returns them in the same
// order. Safe to call from several threads at once on the same file, each with its own
// engine. Throws ExtractionError.
std::vector<Page> OcrPages(const SourceFile& file, std::span<const int> pages,
                           const ExtractOptions& options, OcrEngine& engine, Deadline deadline);

// Puts recognised pages in place of the placeholders `indexes` (from ocr_pages, in the same
// order). Throws ExtractionError unless there is one page for every index and every index
// names a page of the document: a placeholder left in place is a page judged unread.
void FillOcrPages(std::span<const int> indexes, std::vector<Page> pages, Document* document);

// Both passes in one thread; for the hook command and tests.
Document ExtractDocument(const SourceFile& file, const ExtractOptions& options,
                         OcrEngine* engine_or_null);

}  // namespace skjerm

#endif  // SKJERM_EXTRACT_EXTRACTOR_H_
