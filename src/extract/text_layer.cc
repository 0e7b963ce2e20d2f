#include "extract/text_layer.h"

#include <algorithm>
#include <utility>

#include <utf8proc.h>

#include "base/utf8.h"
#include "extract/page_text_builder.h"

namespace skjerm {
namespace {

// Layout thresholds in units of the text height (the box height of the smaller word).
constexpr double kSameLineOverlap = 0.5;  // vertical overlap that makes two words one line
constexpr double kCellGap = 3.0;          // a gap this wide inside a line starts a new line
constexpr double kGlueGap = 0.2;          // narrower than this, a word without space glues
constexpr double kBlockGap = 0.9;         // an empty line's worth of vertical space

constexpr int kMinUsableAlnum = 20;

// A word's box in its own reading frame: u runs along the text, v runs down the lines.
struct FrameBox {
  double u0, u1, v0, v1;
  double height() const { return v1 - v0; }
};

FrameBox InFrame(const Box& b, int rotation) {
  switch (rotation & 3) {
    case 1:
      return {b.y0, b.y1, -b.x1, -b.x0};  // runs down, lines stack leftwards
    case 2:
      return {-b.x1, -b.x0, -b.y1, -b.y0};  // upside down
    case 3:
      return {-b.y1, -b.y0, b.x0, b.x1};  // runs up, lines stack rightwards
    default:
      return {b.x0, b.x1, b.y0, b.y1};
  }
}

WordBreak BreakBetween(const TextLayerWord& prev, const TextLayerWord& next) {
  if ((prev.rotation & 3) != (next.rotation & 3)) return WordBreak::kLine;
  const FrameBox a = InFrame(prev.box, prev.rotation);
  const FrameBox b = InFrame(next.box, prev.rotation);
  const double h = std::max(std::min(a.height(), b.height()), 1.0);
  const double overlap = std::min(a.v1, b.v1) - std::max(a.v0, b.v0);
  if (overlap > kSameLineOverlap * h) {
    const double gap = b.u0 - a.u1;
    if (gap < -0.5 * h || gap > kCellGap * h) return WordBreak::kLine;
    if (!prev.space_after && gap < kGlueGap * h) return WordBreak::kNone;
    return WordBreak::kSpace;
  }
  if (b.v1 <= a.v0) return WordBreak::kBlock;  // back up the page: a new column or region
  if (b.v0 - a.v1 > kBlockGap * h) return WordBreak::kBlock;
  return WordBreak::kLine;
}

bool IsLatinLetter(char32_t cp) {
  return cp < 0x250 || (cp >= 0x1E00 && cp < 0x1F00) || (cp >= 0x2C60 && cp < 0x2C80) ||
         (cp >= 0xA720 && cp < 0xA800) || (cp >= 0xFB00 && cp <= 0xFB06);
}

}  // namespace

void LayOutTextLayer(const std::vector<TextLayerWord>& words, Page* page) {
  PageTextBuilder builder(page);
  for (size_t i = 0; i < words.size(); ++i) {
    const WordBreak before = i == 0 ? WordBreak::kNone : BreakBetween(words[i - 1], words[i]);
    builder.AddWord(words[i].text, words[i].box, 100, before);
  }
}

TextQuality AssessText(const std::string& text) {
  TextQuality q;
  for (size_t i = 0; i < text.size();) {
    size_t length;
    const char32_t cp = DecodeUtf8(text, i, &length);
    i += length;
    if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r') continue;
    ++q.visible;
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    switch (category) {
      case UTF8PROC_CATEGORY_LU:
      case UTF8PROC_CATEGORY_LL:
      case UTF8PROC_CATEGORY_LT:
      case UTF8PROC_CATEGORY_LM:
      case UTF8PROC_CATEGORY_LO:
        ++q.alnum;
        ++q.letters;
        if (!IsLatinLetter(cp)) ++q.non_latin_letters;
        break;
      case UTF8PROC_CATEGORY_ND:
        ++q.alnum;
        break;
      case UTF8PROC_CATEGORY_CO:
      case UTF8PROC_CATEGORY_CC:
      case UTF8PROC_CATEGORY_CN:
      case UTF8PROC_CATEGORY_CS:
        ++q.junk;
        break;
      default:
        if (cp == 0xFFFD) ++q.junk;
        break;
    }
  }
  return q;
}

bool IsUsableTextLayer(const TextQuality& q) {
  if (q.alnum < kMinUsableAlnum) return false;
  if (q.junk * 10 > q.visible) return false;              // >10 % junk
  if (q.non_latin_letters * 2 > q.letters) return false;  // mostly another script
  return true;
}

double LineCoverage(const Page& page) {
  if (page.height_pt <= 0 || page.words.empty()) return 0;
  std::vector<std::pair<double, double>> spans;
  spans.reserve(page.words.size());
  for (const Word& w : page.words) {
    spans.emplace_back(std::max(0.0, w.box.y0), std::min(page.height_pt, w.box.y1));
  }
  std::sort(spans.begin(), spans.end());
  double covered = 0, start = spans[0].first, end = spans[0].second;
  for (const auto& [b, e] : spans) {
    if (b > end) {
      covered += std::max(0.0, end - start);
      start = b;
      end = e;
    } else {
      end = std::max(end, e);
    }
  }
  covered += std::max(0.0, end - start);
  return covered / page.height_pt;
}

}  // namespace skjerm
