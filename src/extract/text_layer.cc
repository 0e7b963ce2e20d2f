#include "extract/text_layer.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include <utf8proc.h>

#include "base/utf8.h"
#include "extract/page_text_builder.h"

namespace skjerm {
namespace {

// Layout thresholds in units of the text height (the box height of the smaller word).
constexpr double kSameLineOverlap = 0.5;  // vertical overlap that makes two words one line
constexpr double kCellGap = 3.0;          // a gap this wide inside a line always separates cells
constexpr double kTableGap = 0.6;         // wider than a word space: a cell if columns align
constexpr double kAlignSlack = 1.5;       // points: how exactly a column's cells line up
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

// A row of upright words, left to right, and for each word whether a cell starts at it.
struct Row {
  std::vector<size_t> words;  // indexes into the page's words
  double bottom = 0;          // of the word that opened the row
  std::vector<bool> cell_start;
};

double Gap(const TextLayerWord& a, const TextLayerWord& b) { return b.box.x0 - a.box.x1; }

double TextHeight(const TextLayerWord& a, const TextLayerWord& b) {
  return std::max(std::min(a.box.y1 - a.box.y0, b.box.y1 - b.box.y0), 1.0);
}

// Poppler orders words by its own block analysis, which reads a table column by column or
// block by block; a reader, and the detectors, read a table row by row. Upright words are
// regrouped into rows: a word belongs to the row whose first word's height spans its
// middle.
std::vector<Row> UprightRows(const std::vector<TextLayerWord>& words) {
  std::vector<size_t> order;
  for (size_t i = 0; i < words.size(); ++i) {
    if ((words[i].rotation & 3) == 0) order.push_back(i);
  }
  auto middle = [&](size_t i) { return (words[i].box.y0 + words[i].box.y1) / 2; };
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return middle(a) < middle(b); });
  std::vector<Row> rows;
  for (size_t i : order) {
    if (rows.empty() || middle(i) > rows.back().bottom) {
      rows.push_back(Row{{}, words[i].box.y1, {}});
    }
    rows.back().words.push_back(i);
  }
  for (Row& row : rows) {
    std::stable_sort(row.words.begin(), row.words.end(),
                     [&](size_t a, size_t b) { return words[a].box.x0 < words[b].box.x0; });
  }
  return rows;
}

// A gap a little wider than a word space separates two cells when the word after it
// starts where a cell starts in the row above or below (a table's column); a gap of
// several letters always does.
void MarkCells(const std::vector<TextLayerWord>& words, std::vector<Row>* rows) {
  auto wide = [&](const Row& row, size_t k, double factor) {
    const TextLayerWord& a = words[row.words[k - 1]];
    const TextLayerWord& b = words[row.words[k]];
    return Gap(a, b) > factor * TextHeight(a, b);
  };
  auto column_starts_at = [&](const Row& row, double x) {
    for (size_t k = 1; k < row.words.size(); ++k) {
      if (wide(row, k, kTableGap) && std::abs(words[row.words[k]].box.x0 - x) <= kAlignSlack) {
        return true;
      }
    }
    return false;
  };
  for (size_t r = 0; r < rows->size(); ++r) {
    Row& row = (*rows)[r];
    row.cell_start.assign(row.words.size(), false);
    for (size_t k = 1; k < row.words.size(); ++k) {
      if (wide(row, k, kCellGap)) {
        row.cell_start[k] = true;
      } else if (wide(row, k, kTableGap)) {
        const double x = words[row.words[k]].box.x0;
        row.cell_start[k] = (r > 0 && column_starts_at((*rows)[r - 1], x)) ||
                            (r + 1 < rows->size() && column_starts_at((*rows)[r + 1], x));
      }
    }
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

// Between two rows: an empty line where there is a blank line's worth of space.
WordBreak BreakBetweenRows(const TextLayerWord& last, const TextLayerWord& first) {
  const double h = TextHeight(last, first);
  return first.box.y0 - last.box.y1 > kBlockGap * h ? WordBreak::kBlock : WordBreak::kLine;
}

WordBreak BreakInRow(const TextLayerWord& prev, const TextLayerWord& next, bool cell_start) {
  if (cell_start) return WordBreak::kCell;
  if (!prev.space_after && Gap(prev, next) < kGlueGap * TextHeight(prev, next)) {
    return WordBreak::kNone;
  }
  return WordBreak::kSpace;
}

bool IsLatinLetter(char32_t cp) {
  return cp < 0x250 || (cp >= 0x1E00 && cp < 0x1F00) || (cp >= 0x2C60 && cp < 0x2C80) ||
         (cp >= 0xA720 && cp < 0xA800) || (cp >= 0xFB00 && cp <= 0xFB06);
}

}  // namespace

void LayOutTextLayer(const std::vector<TextLayerWord>& words, Page* page) {
  PageTextBuilder builder(page);
  std::vector<Row> rows = UprightRows(words);
  MarkCells(words, &rows);
  const TextLayerWord* last = nullptr;
  for (const Row& row : rows) {
    for (size_t k = 0; k < row.words.size(); ++k) {
      const TextLayerWord& word = words[row.words[k]];
      WordBreak before = WordBreak::kNone;
      if (k > 0) {
        before = BreakInRow(*last, word, row.cell_start[k]);
      } else if (last != nullptr) {
        before = BreakBetweenRows(*last, word);
      }
      builder.AddWord(word.text, word.box, 100, before);
      last = &word;
    }
  }
  // Words running down, up or upside down keep poppler's order, after the upright text.
  bool first_turned = true;
  for (size_t i = 0; i < words.size(); ++i) {
    if ((words[i].rotation & 3) == 0) continue;
    const WordBreak before = first_turned ? WordBreak::kBlock : BreakBetween(*last, words[i]);
    builder.AddWord(words[i].text, words[i].box, 100, last == nullptr ? WordBreak::kNone : before);
    last = &words[i];
    first_turned = false;
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
