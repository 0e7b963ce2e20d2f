// Scanned images (PNG, JPEG, single- and multi-page TIFF), read with leptonica. Every page
// of an image goes to OCR. Private to extract/.
#ifndef SKJERM_EXTRACT_IMAGE_FILE_H_
#define SKJERM_EXTRACT_IMAGE_FILE_H_

#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/extract_options.h"
#include "extract/ocr_engine.h"

namespace skjerm {

// Keeps leptonica's error messages off stderr. Idempotent and thread-safe.
void SilenceLeptonica();

struct ImagePage {
  int width_px = 0;
  int height_px = 0;
  int dpi = 0;  // from the file, or options.default_scan_dpi when absent or implausible
  double width_pt() const { return width_px * 72.0 / dpi; }
  double height_pt() const { return height_px * 72.0 / dpi; }
};

// The pages of an image file. Throws ExtractionError ("damaged image ...", too many pages,
// a page too large).
std::vector<ImagePage> ReadImagePages(const std::string& bytes, MediaType type,
                                      const ExtractOptions& options);

// Page `index` (0-based) as 8-bit gray, scaled to a resolution OCR reads well
// ([min_ocr_dpi, max_ocr_dpi], within max_page_pixels); *dpi is that resolution and
// *source the page as stored. Throws ExtractionError.
GrayImage LoadImagePageForOcr(const std::string& bytes, MediaType type, int index,
                              const ExtractOptions& options, int* dpi, ImagePage* source);

}  // namespace skjerm

#endif  // SKJERM_EXTRACT_IMAGE_FILE_H_
