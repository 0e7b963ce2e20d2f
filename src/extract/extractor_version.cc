#include "extract/extractor_version.h"

#include <poppler-version.h>
#include <tesseract/baseapi.h>

namespace skjerm {
namespace {

// Raise when a change to extract/ changes the text it produces.
constexpr int kExtractionVersion = 3;

}  // namespace

std::string ExtractorFingerprint(const ExtractOptions& options) {
  const char* mode = options.ocr == OcrMode::kAlways  ? "always"
                     : options.ocr == OcrMode::kNever ? "never"
                                                      : "auto";
  return "skjerm-extract/" + std::to_string(kExtractionVersion) + " poppler/" +
         poppler::version_string() + " tesseract/" + tesseract::TessBaseAPI::Version() +
         " ocr=" + mode + " langs=" + options.ocr_languages +
         " dpi=" + std::to_string(options.default_scan_dpi) + "/" +
         std::to_string(options.min_ocr_dpi) + "-" + std::to_string(options.max_ocr_dpi);
}

}  // namespace skjerm
