#include "extract/ocr_attempts.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "extract/extraction_error.h"
#include "extract/image_file.h"
#include "extract/leptonica_image.h"

namespace skjerm {
namespace {

// A word read with at least this confidence counts towards a reading's weight.
constexpr float kConfidentWord = 50;
// A reading whose mean word confidence reaches this is not tried again (see IsGoodReading).
constexpr float kGoodMeanConfidence = 80;
// The blank test: the image seen at about this resolution; a cell at most this bright is
// ink (as IsBlankPage in pdf_page.cc).
constexpr double kInkTestDpi = 50;
constexpr int kInkLevel = 230;
// Skew: text lines are found in a binary image (dark below this level), swept over
// +-kSkewSweepDegrees in steps of one degree; leptonica's own deskew trusts a result from a
// confidence of 3. Below kMinDeskewDegrees Tesseract straightens the lines itself.
constexpr int kSkewBinaryThreshold = 160;
constexpr float kSkewSweepDegrees = 47;
constexpr float kMinSkewConfidence = 3;
constexpr double kMinDeskewDegrees = 1;

bool IsIdentity(const ImageTransform& t) { return !t.mirrored && std::abs(t.degrees) < 0.01; }

// Counts letters and digits: a UTF-8 lead byte or an ASCII letter or digit.
int CountCharacters(std::string_view word) {
  int n = 0;
  for (const char c : word) {
    const auto u = static_cast<unsigned char>(c);
    n += (u >= 0xc0) || (u < 0x80 && std::isalnum(u));
  }
  return n;
}

// A blank page: nothing was recognised because there was nothing to see.
Page BlankPage(const GrayImage& image, int dpi, int number) {
  Page page;
  page.number = number;
  page.origin = PageOrigin::kOcr;
  page.width_pt = image.width * 72.0 / dpi;
  page.height_pt = image.height * 72.0 / dpi;
  return page;
}

struct Reading {
  Page page;
  ReadingScore score;
};

// OCRs `turned` (= TransformImage(source, transform)) and maps its words onto `source`.
Reading Read(OcrEngine& engine, const GrayImage& source, const GrayImage& turned,
             const ImageTransform& transform, int dpi, int number, Deadline deadline) {
  Reading reading{engine.Recognize(turned, dpi, number, deadline), {}};
  if (!IsIdentity(transform)) {
    for (Word& word : reading.page.words) {
      word.box = MapBoxBack(word.box, transform, source, turned, dpi);
    }
    reading.page.width_pt = source.width * 72.0 / dpi;
    reading.page.height_pt = source.height * 72.0 / dpi;
  }
  reading.score = ScoreReading(reading.page);
  return reading;
}

void KeepBetter(Reading candidate, Reading* best) {
  if (candidate.score.weight > best->score.weight) *best = std::move(candidate);
}

struct SkewReading {
  double degrees = 0;  // clockwise turn that levels the lines
  float confidence = 0;
};

// Leptonica's sweep and search over +-kSkewSweepDegrees: a coarse sweep at a quarter of the
// resolution where the image is large enough for it, then a binary search.
std::optional<SkewReading> SweepForSkew(PIX* binary) {
  const int smaller = std::min(pixGetWidth(binary), pixGetHeight(binary));
  const int sweep_reduction = smaller >= 800 ? 4 : smaller >= 400 ? 2 : 1;
  const int search_reduction = std::max(1, sweep_reduction / 2);
  l_float32 angle = 0, confidence = 0;
  if (pixFindSkewSweepAndSearch(binary, &angle, &confidence, sweep_reduction, search_reduction,
                                kSkewSweepDegrees, 1.0f, 0.01f) != 0) {
    return std::nullopt;
  }
  return SkewReading{angle, confidence};
}

}  // namespace

ReadingScore ScoreReading(const Page& page) {
  ReadingScore score;
  double sum = 0;
  for (const Word& word : page.words) {
    const float confidence = ClampOcrConfidence(word.confidence);
    ++score.words;
    sum += confidence;
    if (confidence >= kConfidentWord) {
      const std::string_view text(page.text.data() + word.begin, word.end - word.begin);
      score.weight += CountCharacters(text) * confidence / 100.0;
    }
  }
  if (score.words > 0) score.mean_confidence = static_cast<float>(sum / score.words);
  return score;
}

bool IsGoodReading(const ReadingScore& score) {
  return score.words > 0 && score.mean_confidence >= kGoodMeanConfidence;
}

bool HasInk(const GrayImage& image, int dpi) {
  const int cell = std::max(1, static_cast<int>(std::lround(dpi / kInkTestDpi)));
  const int columns = (image.width + cell - 1) / cell;
  std::vector<uint32_t> sums(static_cast<size_t>(columns));
  std::vector<uint32_t> counts(static_cast<size_t>(columns));
  for (int top = 0; top < image.height; top += cell) {
    std::fill(sums.begin(), sums.end(), 0);
    std::fill(counts.begin(), counts.end(), 0);
    for (int y = top; y < std::min(image.height, top + cell); ++y) {
      const uint8_t* row = image.pixels.data() + static_cast<size_t>(y) * image.stride;
      for (int x = 0; x < image.width; ++x) {
        sums[static_cast<size_t>(x / cell)] += row[x];
        ++counts[static_cast<size_t>(x / cell)];
      }
    }
    for (size_t c = 0; c < sums.size(); ++c) {
      if (sums[c] <= static_cast<uint32_t>(kInkLevel) * counts[c]) return true;
    }
  }
  return false;
}

GrayImage TransformImage(const GrayImage& image, const ImageTransform& transform) {
  SilenceLeptonica();
  PixPtr pix = PixFromGray(image);
  if (std::abs(transform.degrees) >= 0.01) {
    const auto radians = static_cast<l_float32>(transform.degrees * std::numbers::pi / 180);
    // The original size asks leptonica to embed the image in a canvas that holds it at any
    // angle, centred, so that no corner is cut off.
    pix.reset(pixRotate(pix.get(), radians, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, image.width,
                        image.height));
    if (pix == nullptr) throw ExtractionError("OCR failed: the page cannot be straightened");
  }
  if (transform.mirrored) {
    pix.reset(pixFlipLR(nullptr, pix.get()));
    if (pix == nullptr) throw ExtractionError("OCR failed: the page cannot be mirrored");
  }
  return GrayFromPix(pix.get());
}

Box MapBoxBack(const Box& box, const ImageTransform& transform, const GrayImage& source,
               const GrayImage& transformed, int dpi) {
  const double to_px = dpi / 72.0;
  double xs[4] = {box.x0, box.x1, box.x1, box.x0};
  double ys[4] = {box.y0, box.y0, box.y1, box.y1};
  const double radians = transform.degrees * std::numbers::pi / 180;
  const double c = std::cos(radians), s = std::sin(radians);
  // As leptonica embeds: the source centred on the canvas (integer offsets), turned about
  // the canvas centre.
  const double off_x = (transformed.width - source.width) / 2;
  const double off_y = (transformed.height - source.height) / 2;
  const double cx = transformed.width / 2, cy = transformed.height / 2;
  Box out{source.width / to_px, source.height / to_px, 0, 0};
  for (int i = 0; i < 4; ++i) {
    double x = xs[i] * to_px, y = ys[i] * to_px;
    if (transform.mirrored) x = transformed.width - x;
    // Undo a clockwise turn (y grows downwards): rotate by -degrees about the centre.
    const double dx = x - cx, dy = y - cy;
    x = cx + c * dx + s * dy - off_x;
    y = cy - s * dx + c * dy - off_y;
    out.x0 = std::min(out.x0, x / to_px);
    out.y0 = std::min(out.y0, y / to_px);
    out.x1 = std::max(out.x1, x / to_px);
    out.y1 = std::max(out.y1, y / to_px);
  }
  const double width_pt = source.width / to_px, height_pt = source.height / to_px;
  out.x0 = std::clamp(out.x0, 0.0, width_pt);
  out.x1 = std::clamp(out.x1, out.x0, width_pt);
  out.y0 = std::clamp(out.y0, 0.0, height_pt);
  out.y1 = std::clamp(out.y1, out.y0, height_pt);
  return out;
}

std::optional<double> FindSkew(const GrayImage& image) {
  SilenceLeptonica();
  const PixPtr gray = PixFromGray(image);
  const PixPtr binary(pixConvertTo1(gray.get(), kSkewBinaryThreshold));
  if (binary == nullptr) return std::nullopt;
  // The sweep finds lines within 47 degrees of level; lines steeper than that lie within 47
  // degrees of level once the page is given a quarter turn. The likelier of the two wins.
  std::optional<SkewReading> best = SweepForSkew(binary.get());
  const PixPtr quarter(pixRotate90(binary.get(), 1));  // clockwise
  if (quarter != nullptr) {
    std::optional<SkewReading> turned = SweepForSkew(quarter.get());
    if (turned && (!best || turned->confidence > best->confidence)) {
      best = SkewReading{turned->degrees + 90, turned->confidence};
    }
  }
  if (!best || best->confidence < kMinSkewConfidence ||
      std::abs(best->degrees) < kMinDeskewDegrees) {
    return std::nullopt;
  }
  return best->degrees;
}

GrayImage ScaleImage(const GrayImage& image, double factor) {
  SilenceLeptonica();
  const PixPtr pix = PixFromGray(image);
  const auto f = static_cast<l_float32>(factor);
  // pixScale maps areas when it shrinks and interpolates when it grows.
  const PixPtr scaled(pixScale(pix.get(), f, f));
  if (scaled == nullptr) throw ExtractionError("OCR failed: a picture cannot be scaled");
  return GrayFromPix(scaled.get());
}

Page ReadPageImage(OcrEngine& engine, const GrayImage& image, int dpi, int number,
                   Deadline deadline, MirrorAttempt mirror, InkTest ink) {
  if (image.width <= 0 || image.height <= 0 || dpi <= 0 ||
      image.pixels.size() < static_cast<size_t>(image.stride) * image.height) {
    return engine.Recognize(image, dpi, number, deadline);  // refuses it with the reason
  }
  if (ink == InkTest::kTest && !HasInk(image, dpi)) return BlankPage(image, dpi, number);
  Reading best = Read(engine, image, image, {}, dpi, number, deadline);
  if (IsGoodReading(best.score)) return std::move(best.page);
  ImageTransform turn;
  if (const std::optional<double> skew = FindSkew(image)) {
    turn.degrees = *skew;
    KeepBetter(Read(engine, image, TransformImage(image, turn), turn, dpi, number, deadline),
               &best);
    if (IsGoodReading(best.score)) return std::move(best.page);
  }
  if (mirror == MirrorAttempt::kSkip) return std::move(best.page);
  // A mirrored page reads as confident nonsense; read the right way round it reads well.
  ImageTransform flip = turn;
  flip.mirrored = true;
  KeepBetter(Read(engine, image, TransformImage(image, flip), flip, dpi, number, deadline), &best);
  return std::move(best.page);
}

}  // namespace skjerm
