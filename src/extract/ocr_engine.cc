#include "extract/ocr_engine.h"

#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <new>

#include "extract/extraction_error.h"
#include "extract/image_file.h"
#include "extract/page_text_builder.h"

namespace skjerm {
namespace {

// Splits "nor+swe+dan+eng" into its languages.
std::vector<std::string> SplitLanguages(const std::string& languages) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= languages.size()) {
    size_t plus = languages.find('+', start);
    if (plus == std::string::npos) plus = languages.size();
    if (plus > start) out.push_back(languages.substr(start, plus - start));
    start = plus + 1;
  }
  return out;
}

class TesseractEngine : public OcrEngine {
 public:
  explicit TesseractEngine(const std::string& languages) {
    SilenceLeptonica();
    // Tesseract's tprintf chatter (warnings, "Estimating resolution") goes to stderr
    // unless debug_file names a file; it may quote recognised text.
    api_.SetVariable("debug_file", "/dev/null");
    if (api_.Init(nullptr, languages.c_str(), tesseract::OEM_DEFAULT) != 0) {
      throw ExtractionError("OCR failed: cannot load Tesseract language data for " + languages);
    }
    // Tesseract loads what it can and skips the rest; a missing language would silently
    // weaken every page, so it is an error.
    std::vector<std::string> loaded;
    api_.GetLoadedLanguagesAsVector(&loaded);
    for (const std::string& wanted : SplitLanguages(languages)) {
      if (std::find(loaded.begin(), loaded.end(), wanted) == loaded.end()) {
        throw ExtractionError("OCR failed: Tesseract language data missing for " + wanted);
      }
    }
    // Automatic layout with orientation detection: a page fed into the scanner sideways or
    // upside down is turned before recognition instead of being read as noise.
    api_.SetPageSegMode(tesseract::PSM_AUTO_OSD);
  }

  Page Recognize(const GrayImage& image, int dpi, int number, Deadline deadline) override {
    const std::string page_label = "page " + std::to_string(number);
    if (image.width <= 0 || image.height <= 0 || dpi <= 0 ||
        image.pixels.size() < static_cast<size_t>(image.stride) * image.height) {
      throw ExtractionError("OCR failed: " + page_label + " has no image");
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) throw ExtractionError("timed out before OCR of " + page_label);

    try {
      api_.SetImage(image.pixels.data(), image.width, image.height, 1, image.stride);
      api_.SetSourceResolution(dpi);
      tesseract::ETEXT_DESC monitor;
      monitor.set_deadline_msecs(static_cast<int32_t>(std::min<int64_t>(left.count(), INT32_MAX)));
      if (api_.Recognize(&monitor) != 0) {
        api_.Clear();
        if (monitor.deadline_exceeded()) {
          throw ExtractionError("timed out during OCR of " + page_label);
        }
        throw ExtractionError("OCR failed: Tesseract could not recognise " + page_label);
      }
      Page page = CollectWords(dpi);
      api_.Clear();
      page.number = number;
      page.width_pt = image.width * 72.0 / dpi;
      page.height_pt = image.height * 72.0 / dpi;
      return page;
    } catch (const std::bad_alloc&) {
      api_.Clear();
      throw ExtractionError("OCR failed: out of memory on " + page_label);
    }
  }

 private:
  Page CollectWords(int dpi) {
    Page page;
    page.origin = PageOrigin::kOcr;
    page.ocr_dpi = dpi;
    PageTextBuilder builder(&page);
    double confidence_sum = 0;
    const double scale = 72.0 / dpi;
    std::unique_ptr<tesseract::ResultIterator> it(api_.GetIterator());
    if (it != nullptr) {
      do {
        if (it->Empty(tesseract::RIL_WORD)) continue;
        std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
        if (text == nullptr || text[0] == '\0') continue;
        int l = 0, t = 0, r = 0, b = 0;
        it->BoundingBox(tesseract::RIL_WORD, &l, &t, &r, &b);
        const float confidence = ClampOcrConfidence(it->Confidence(tesseract::RIL_WORD));
        WordBreak before = WordBreak::kSpace;
        if (it->IsAtBeginningOf(tesseract::RIL_BLOCK) || it->IsAtBeginningOf(tesseract::RIL_PARA)) {
          before = WordBreak::kBlock;
        } else if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
          before = WordBreak::kLine;
        }
        builder.AddWord(text.get(), Box{l * scale, t * scale, r * scale, b * scale}, confidence,
                        before);
        confidence_sum += confidence;
      } while (it->Next(tesseract::RIL_WORD));
    }
    page.ocr_confidence =
        page.words.empty()
            ? 0.0f
            : ClampOcrConfidence(static_cast<float>(confidence_sum / page.words.size()));
    return page;
  }

  tesseract::TessBaseAPI api_;
};

}  // namespace

std::unique_ptr<OcrEngine> OcrEngine::Create(const std::string& languages) {
  // Tesseract keeps some parameters (debug_file among them) in globals that Init and
  // SetVariable write: engines are made one at a time, then run in parallel.
  static std::mutex creation;
  std::lock_guard<std::mutex> lock(creation);
  try {
    return std::make_unique<TesseractEngine>(languages);
  } catch (const std::bad_alloc&) {
    throw ExtractionError("OCR failed: out of memory loading Tesseract");
  }
}

}  // namespace skjerm
