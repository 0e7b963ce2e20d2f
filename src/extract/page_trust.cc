#include "extract/page_trust.h"

#include <algorithm>
#include <vector>

#include <utf8proc.h>

#include "base/utf8.h"
#include "extract/extraction_error.h"

namespace skjerm {
namespace {

// --- the text ---------------------------------------------------------------------------

// Junk characters in words made mostly of them: a bullet or a checkbox from a symbol
// font is one private-use character standing alone, a name in a font without Unicode is
// several in a row.
constexpr int kMaxJunkInWords = 3;
// A page with fewer visible characters says too little to be judged by their kind.
constexpr int kMinVisibleToJudge = 20;
// A word of at least this many characters with fewer than a third letters or digits and at
// least this many different symbols is noise («!"#$%»); two of them make a page doubtful.
constexpr int kMinNoiseWordLength = 4;
constexpr int kMinNoiseSymbols = 3;
constexpr int kMaxNoiseWords = 1;
// Words this long are lines that never break (a font whose space glyph maps to a letter).
constexpr int kOverlongWord = 30;

enum class CharKind { kAlnum, kJunk, kOther };

CharKind Classify(char32_t cp) {
  if (cp == 0xFFFD) return CharKind::kJunk;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
      return CharKind::kAlnum;
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_CS:
      return CharKind::kJunk;
    default:
      return CharKind::kOther;
  }
}

struct TextCounts {
  int visible = 0;  // a run of one repeated symbol («.....», «____») counts once
  int alnum = 0;
  int junk_in_words = 0;
  int noise_words = 0;
  int overlong_words = 0;
  int overlong_chars = 0;
};

bool LooksLikeAddress(std::string_view word) {
  return word.find("://") != std::string_view::npos ||
         word.find("www.") != std::string_view::npos || word.find('@') != std::string_view::npos;
}

void CountWord(std::string_view word, TextCounts* counts) {
  if (word == "|") return;  // the layout's cell separator
  int length = 0, alnum = 0, junk = 0;
  std::vector<char32_t> symbols;
  char32_t previous = 0;
  for (size_t i = 0; i < word.size();) {
    size_t n;
    const char32_t cp = DecodeUtf8(word, i, &n);
    i += n;
    const CharKind kind = Classify(cp);
    if (kind == CharKind::kOther && cp == previous) continue;
    previous = cp;
    ++length;
    if (kind == CharKind::kAlnum) {
      ++alnum;
    } else {
      if (kind == CharKind::kJunk) ++junk;
      if (std::find(symbols.begin(), symbols.end(), cp) == symbols.end()) symbols.push_back(cp);
    }
  }
  counts->visible += length;
  counts->alnum += alnum;
  if (length >= 2 && junk * 2 >= length) counts->junk_in_words += junk;
  if (length >= kMinNoiseWordLength && alnum * 3 < length &&
      static_cast<int>(symbols.size()) >= kMinNoiseSymbols) {
    ++counts->noise_words;
  }
  if (length >= kOverlongWord && !LooksLikeAddress(word)) {
    ++counts->overlong_words;
    counts->overlong_chars += length;
  }
}

TextCounts CountText(std::string_view text) {
  TextCounts counts;
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = text.find_first_of(" \n\t\r", start);
    const size_t stop = end == std::string_view::npos ? text.size() : end;
    if (stop > start) CountWord(text.substr(start, stop - start), &counts);
    start = stop + 1;
  }
  return counts;
}

// --- the ink ----------------------------------------------------------------------------

// A pixel this dark is part of a mark. Darker than the blank test's level (230), so that
// the antialiased halo between two words at low resolution does not join them.
constexpr int kMarkLevel = 170;
// Text-like marks: from a small letter's height (two pixels at kSurveyDpi) to a heading's.
constexpr double kMinMarkHeightPt = 3;
constexpr double kMaxMarkHeightPt = 40;
// Fill: dark pixels over the box. Text at low resolution fills 0.4-0.8 of its box; a frame
// (a form field, a box around an address) far less, a filled block all of it. A short word
// of small text fills its box too: a solid mark counts when it is small and not long (a
// thick rule, a bar is long).
constexpr double kMinMarkFill = 0.3;
constexpr double kMaxMarkFill = 0.9;
constexpr double kMaxSolidMarkHeightPt = 12;
constexpr double kMaxSolidMarkAspect = 4;
// A mark belongs to a word when its centre is within this distance of the word's box.
constexpr double kWordSlackPt = 2;
// Unread marks this wide are more than a letterhead's outlined name (the marks of a full
// line of 12-point text on A4 add up to about 300 pt: the gaps between glyphs and words do
// not count), and they must be a fifth of the text the page shows.
constexpr double kMinUnreadPt = 300;
constexpr double kMinUnreadShare = 0.2;

struct Mark {
  int x0, y0, x1, y1;  // pixels, inclusive
  int pixels;
};

// Visits the 8-connected dark shape at `start` and marks its pixels in `seen`.
Mark TraceMark(const GrayImage& image, size_t start, std::vector<uint8_t>* seen,
               std::vector<size_t>* stack) {
  const int w = image.width, h = image.height;
  Mark mark{w, h, -1, -1, 0};
  stack->assign(1, start);
  (*seen)[start] = 1;
  while (!stack->empty()) {
    const size_t at = stack->back();
    stack->pop_back();
    const int x = static_cast<int>(at % static_cast<size_t>(w));
    const int y = static_cast<int>(at / static_cast<size_t>(w));
    mark.x0 = std::min(mark.x0, x);
    mark.x1 = std::max(mark.x1, x);
    mark.y0 = std::min(mark.y0, y);
    mark.y1 = std::max(mark.y1, y);
    ++mark.pixels;
    for (int dy = -1; dy <= 1; ++dy) {
      for (int dx = -1; dx <= 1; ++dx) {
        const int nx = x + dx, ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
        const size_t next = static_cast<size_t>(ny) * w + nx;
        if ((*seen)[next] ||
            image.pixels[static_cast<size_t>(ny) * image.stride + nx] > kMarkLevel) {
          continue;
        }
        (*seen)[next] = 1;
        stack->push_back(next);
      }
    }
  }
  return mark;
}

bool Inside(double x, double y, const Box& b, double slack) {
  return x >= b.x0 - slack && x <= b.x1 + slack && y >= b.y0 - slack && y <= b.y1 + slack;
}

bool InAny(double x, double y, std::span<const Box> boxes, double slack) {
  return std::any_of(boxes.begin(), boxes.end(),
                     [&](const Box& b) { return Inside(x, y, b, slack); });
}

}  // namespace

TextLayerDoubt DoubtText(std::string_view text) {
  const TextCounts c = CountText(text);
  if (c.junk_in_words > kMaxJunkInWords) return TextLayerDoubt::kNoUnicode;
  if (c.visible >= kMinVisibleToJudge && c.alnum * 2 < c.visible) {
    return TextLayerDoubt::kMostlySymbols;
  }
  if (c.noise_words > kMaxNoiseWords) return TextLayerDoubt::kMostlySymbols;
  if (c.overlong_words >= 2 && c.overlong_chars * 4 >= c.visible) return TextLayerDoubt::kNoWords;
  return TextLayerDoubt::kNone;
}

InkSurvey SurveyInk(const GrayImage& image, double width_pt, double height_pt,
                    std::span<const Box> words, std::span<const Box> elsewhere) {
  InkSurvey survey;
  if (image.width <= 0 || image.height <= 0 || width_pt <= 0 || height_pt <= 0) return survey;
  const double pt_x = width_pt / image.width, pt_y = height_pt / image.height;
  std::vector<uint8_t> seen(static_cast<size_t>(image.width) * image.height, 0);
  std::vector<size_t> stack;
  for (int y = 0; y < image.height; ++y) {
    for (int x = 0; x < image.width; ++x) {
      const size_t at = static_cast<size_t>(y) * image.width + x;
      if (seen[at] || image.pixels[static_cast<size_t>(y) * image.stride + x] > kMarkLevel) {
        continue;
      }
      const Mark m = TraceMark(image, at, &seen, &stack);
      const double w_pt = (m.x1 - m.x0 + 1) * pt_x, h_pt = (m.y1 - m.y0 + 1) * pt_y;
      const double fill = static_cast<double>(m.pixels) / ((m.x1 - m.x0 + 1) * (m.y1 - m.y0 + 1));
      const bool solid_word = h_pt <= kMaxSolidMarkHeightPt && w_pt <= kMaxSolidMarkAspect * h_pt;
      if (h_pt < kMinMarkHeightPt || h_pt > kMaxMarkHeightPt || fill < kMinMarkFill ||
          (fill > kMaxMarkFill && !solid_word)) {
        continue;
      }
      const double cx = (m.x0 + m.x1 + 1) * 0.5 * pt_x, cy = (m.y0 + m.y1 + 1) * 0.5 * pt_y;
      if (InAny(cx, cy, words, kWordSlackPt)) {
        survey.read_pt += w_pt;
      } else if (!InAny(cx, cy, elsewhere, 0)) {
        survey.unread_pt += w_pt;
      }
    }
  }
  return survey;
}

TextLayerDoubt DoubtInk(const InkSurvey& ink) {
  const double total = ink.read_pt + ink.unread_pt;
  if (ink.unread_pt >= kMinUnreadPt && ink.unread_pt >= kMinUnreadShare * total) {
    return TextLayerDoubt::kUnreadInk;
  }
  return TextLayerDoubt::kNone;
}

std::string DoubtReason(TextLayerDoubt doubt) {
  switch (doubt) {
    case TextLayerDoubt::kNoUnicode:
      return "has a text layer with words of glyphs that have no Unicode";
    case TextLayerDoubt::kMostlySymbols:
      return "has a text layer that is mostly symbols, not letters";
    case TextLayerDoubt::kNoWords:
      return "has a text layer whose lines do not break into words";
    case TextLayerDoubt::kUnreadInk:
      return "shows text that its text layer does not have";
    case TextLayerDoubt::kNone:
      break;
  }
  return "";
}

std::string DistrustTextLayer(const poppler::page& source, PopplerPage* glib_page, const Page& page,
                              const ImageLayout& images) {
  const TextLayerDoubt doubt = DoubtText(page.text);
  if (doubt != TextLayerDoubt::kNone) return DoubtReason(doubt);
  std::vector<Box> words;
  words.reserve(page.words.size());
  for (const Word& word : page.words) words.push_back(word.box);
  std::vector<Box> elsewhere = images.areas;  // pictures, annotations and form fields
  for (const Box& b : AnnotationAreas(glib_page, page.height_pt)) elsewhere.push_back(b);
  const GrayImage image = RenderSurvey(source, page.number, page.width_pt, page.height_pt);
  const InkSurvey ink = SurveyInk(image, page.width_pt, page.height_pt, words, elsewhere);
  return DoubtReason(DoubtInk(ink));
}

std::string ProblemsReason(const PopplerProblems& problems) {
  return "could not be read cleanly: " + problems.Describe();
}

void ThrowIfContentLost(const PopplerProblems& problems, int number) {
  if (!problems.ContentLost()) return;
  throw ExtractionError("page " + std::to_string(number) + ": " + problems.Describe() +
                        "; the page could not be read");
}

}  // namespace skjerm
