// Whether a PDF page's text layer can be taken for what the page shows. A text layer is
// what a font's character map says the glyphs are, not what they look like: a font whose
// glyphs map to gibberish, or to nothing, draws a name and a national ID that its text layer
// does not have. Such a page is OCR'd, so that what is judged is what a reader sees.
//
// Cheap signals only, since every text page is asked: the text itself (glyphs without
// Unicode, more symbols than letters, lines without spaces), and a rendering at kSurveyDpi
// (pdf_page.h) whose text-like marks are compared with the text layer's word boxes.
// Poppler's own complaints about a page are collected by poppler_errors.h. Private to
// extract/.
#ifndef SKJERM_EXTRACT_PAGE_TRUST_H_
#define SKJERM_EXTRACT_PAGE_TRUST_H_

#include <span>
#include <string>
#include <string_view>

#include "extract/document.h"
#include "extract/ocr_engine.h"
#include "extract/pdf_page.h"
#include "extract/poppler_errors.h"

namespace skjerm {

// Text-like marks on a rendering: connected dark shapes of a glyph's or a word's height
// (a line of text at low resolution merges into few of them), measured by their width.
// Dots, dashes, rules, frames, filled blocks and large shapes (logos, photos) are not
// text-like and are left out.
struct InkSurvey {
  double read_pt = 0;    // width of the marks that lie on a word of the text layer
  double unread_pt = 0;  // ... that lie on no word and nowhere else read
};

// `image` shows the page (width_pt x height_pt) at image.width / width_pt pixels per point,
// 0 black to 255 paper. `words` and `elsewhere` are boxes in points, origin top left; marks
// in `elsewhere` (pictures, annotations, form fields: read otherwise) are not counted.
InkSurvey SurveyInk(const GrayImage& image, double width_pt, double height_pt,
                    std::span<const Box> words, std::span<const Box> elsewhere);

enum class TextLayerDoubt {
  kNone,
  kNoUnicode,      // words of glyphs without Unicode (U+FFFD, private use, controls)
  kMostlySymbols,  // more symbols and punctuation than letters and digits
  kNoWords,        // lines of characters that never break into words
  kUnreadInk,      // text drawn on the page that the text layer does not have
};

// The signals the text alone gives (the layout's " | " between table cells is not text).
TextLayerDoubt DoubtText(std::string_view text);

// kUnreadInk when the marks the text layer does not account for amount to more than a
// letterhead (a line and more of text) and to a fifth of the text the page shows.
TextLayerDoubt DoubtInk(const InkSurvey& ink);

// Why the page is OCR'd, after "page N ": "has a text layer that is mostly symbols, not
// letters".
std::string DoubtReason(TextLayerDoubt doubt);

// Why the page's text layer, which reads as usable, is doubted: DoubtText, then DoubtInk on
// the page rendered at kSurveyDpi, leaving out pictures (`images`), annotations and form
// fields. "" when it is not. Throws ExtractionError when the page cannot be rendered.
std::string DistrustTextLayer(const poppler::page& source, PopplerPage* glib_page, const Page& page,
                              const ImageLayout& images);

// Why a page Poppler complained about is OCR'd: "could not be read cleanly: " + the
// problems.
std::string ProblemsReason(const PopplerProblems& problems);

// Throws ExtractionError "page N: <problem>; the page could not be read" when Poppler could
// not draw part of the page (PopplerProblems::ContentLost).
void ThrowIfContentLost(const PopplerProblems& problems, int number);

}  // namespace skjerm

#endif  // SKJERM_EXTRACT_PAGE_TRUST_H_
