// One Tesseract engine, owned by one worker thread (Tesseract's API is not thread-safe
// per engine; one engine a worker lets pages run in parallel).
#ifndef SKJERM_EXTRACT_OCR_ENGINE_H_
#define SKJERM_EXTRACT_OCR_ENGINE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/extract_options.h"

namespace skjerm {

// An 8-bit grayscale raster, rows top to bottom.
struct GrayImage {
  int width = 0;
  int height = 0;
  int stride = 0;  // bytes per row
  std::vector<uint8_t> pixels;
};

class OcrEngine {
 public:
  virtual ~OcrEngine() = default;

  // Throws ExtractionError when Tesseract or its language data cannot be loaded.
  static std::unique_ptr<OcrEngine> Create(const std::string& languages);

  // Recognises `image` scanned at `dpi` and returns it as page `number` with words, boxes
  // (in points) and confidences. Throws ExtractionError on failure or past `deadline`.
  virtual Page Recognize(const GrayImage& image, int dpi, int number, Deadline deadline) = 0;
};

}  // namespace skjerm

#endif  // SKJERM_EXTRACT_OCR_ENGINE_H_
