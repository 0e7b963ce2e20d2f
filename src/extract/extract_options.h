// What extraction may spend and when it OCRs. Limits exist so that a hostile or broken
// file ends in `error` within bounded time and memory instead of stalling a batch.
#ifndef SKJERM_EXTRACT_EXTRACT_OPTIONS_H_
#define SKJERM_EXTRACT_EXTRACT_OPTIONS_H_

#include <chrono>
#include <cstdint>
#include <string>

namespace skjerm {

enum class OcrMode {
  kAuto,    // OCR pages without a usable text layer
  kAlways,  // OCR every page, ignoring text layers
  kNever,   // never OCR; a page that would need it makes the document an `error`
};

struct ExtractOptions {
  OcrMode ocr = OcrMode::kAuto;
  std::string ocr_languages = "nor+swe+dan+eng";
  uint64_t max_file_bytes = uint64_t{512} << 20;
  int max_pages = 5000;
  // Wall time one document may take, extraction and OCR together.
  std::chrono::seconds timeout{900};
  // Used when a scanned page carries no image whose resolution can be read.
  int default_scan_dpi = 200;
  int min_ocr_dpi = 150;
  int max_ocr_dpi = 400;
  // A rendered page is never larger than this many pixels; the dpi is lowered instead.
  int64_t max_page_pixels = int64_t{40} << 20;
};

using Deadline = std::chrono::steady_clock::time_point;

}  // namespace skjerm

#endif  // SKJERM_EXTRACT_EXTRACT_OPTIONS_H_
