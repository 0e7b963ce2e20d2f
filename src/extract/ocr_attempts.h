// Reads a page image that OCR may not read as it lies on the glass: a sheet fed askew, or
// scanned mirrored (a print read through from the back). ReadPageImage OCRs the image as it
// is and, when that reading is weak, tries it straightened and mirrored, and keeps the best
// reading with its word boxes mapped back onto the image as given. A page with no ink is
// not OCR'd at all. Free functions; the engine is the caller's (one per thread).
// Private to extract/.
#ifndef SKJERM_EXTRACT_OCR_ATTEMPTS_H_
#define SKJERM_EXTRACT_OCR_ATTEMPTS_H_

#include <optional>

#include "extract/document.h"
#include "extract/extract_options.h"
#include "extract/ocr_engine.h"

namespace skjerm {

// What one reading of a page is worth, judged from its words alone.
struct ReadingScore {
  int words = 0;
  float mean_confidence = 0;  // 0..100; 0 without words
  // Characters of the words read with a confidence of 50 or more, weighted by confidence:
  // of two readings of the same image, the one with more of them read more.
  double weight = 0;
};

ReadingScore ScoreReading(const Page& page);

// True when a reading needs no second try: every real scan in the development corpus reads
// with a mean of 89 or more; a mirrored one reads 60, a 40-dpi one 60, a skewed one nothing.
bool IsGoodReading(const ReadingScore& score);

// True when the image shows something darker than paper seen at 50 dpi: the blank test of
// PDF pages (IsBlankPage), applied to pixels, so that dust and single specks are not ink.
bool HasInk(const GrayImage& image, int dpi);

// How a page image is turned before OCR: rotated `degrees` clockwise about its centre on a
// canvas large enough to lose nothing, then, when `mirrored`, flipped left to right.
struct ImageTransform {
  double degrees = 0;
  bool mirrored = false;
};

// The transformed image; the size of the canvas is in the result. Throws ExtractionError.
GrayImage TransformImage(const GrayImage& image, const ImageTransform& transform);

// Maps a box (in points at `dpi`) on `transformed` — TransformImage(source, transform) —
// back to `source`: the box around the mapped corners, clipped to the source.
Box MapBoxBack(const Box& box, const ImageTransform& transform, const GrayImage& source,
               const GrayImage& transformed, int dpi);

// The angle (degrees, clockwise; -47 to 137) that levels the text lines of the image, when
// it is found with confidence and worth turning for (at least a degree). The text may then
// stand upside down, which Tesseract's orientation detection turns.
std::optional<double> FindSkew(const GrayImage& image);

// `image` scaled by `factor` (area mapping down, interpolation up). Throws ExtractionError.
GrayImage ScaleImage(const GrayImage& image, double factor);

// Whether a weak reading is tried again mirrored: a page off the scanner glass may lie
// mirrored; a picture placed in a letter is not scanned by accident.
enum class MirrorAttempt { kTry, kSkip };

// Whether the image is first tested for ink (HasInk): a page of an image file or a picture
// may be a blank sheet. A PDF page that the PDF blank test (IsBlankPage, pdf_page.h) found
// inked is not tested again: the two tests see the page through different renderings, and
// faint print the first one saw must not be called blank by the second.
enum class InkTest { kTest, kSkip };

// Reads `image` (scanned at `dpi`) as page `number`: the best of the attempts, its words'
// boxes in the image's own coordinates (points at dpi). A page without ink (InkTest::kTest)
// comes back without OCR: no text, no confidence, ocr_dpi 0 (a blank page, nothing to read).
// Throws ExtractionError (OCR failed, timed out).
Page ReadPageImage(OcrEngine& engine, const GrayImage& image, int dpi, int number,
                   Deadline deadline, MirrorAttempt mirror = MirrorAttempt::kTry,
                   InkTest ink = InkTest::kTest);

}  // namespace skjerm

#endif  // SKJERM_EXTRACT_OCR_ATTEMPTS_H_
