#include "detect/names/name_words.h"

#include <utf8proc.h>

#include <algorithm>

#include "base/utf8.h"
#include "normalize/char_class.h"

namespace skjerm {
namespace person_names {
namespace {

// After a line break: a blank line before, or a line that ended a sentence, starts one; a
// wrapped line does not. A short line before is a heading or a line of its own.
bool StartsSentenceAfterLineBreak(const std::string& text, size_t newline) {
  size_t q = newline;
  while (q > 0 && (text[q - 1] == ' ' || text[q - 1] == '\t')) --q;
  if (q == 0 || text[q - 1] == '\n') return true;
  if (std::string_view(".!?:;").find(text[q - 1]) != std::string_view::npos) return true;
  const size_t previous_start = text.rfind('\n', q - 1);
  const size_t length = q - (previous_start == std::string::npos ? 0 : previous_start + 1);
  return length < 40;
}

bool StartsSentence(const std::string& text, size_t pos) {
  size_t p = pos;
  while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\t')) --p;
  if (p == 0) return true;
  const char c = text[p - 1];
  if (c == '\n') return StartsSentenceAfterLineBreak(text, p - 1);
  // '|' separates the cells of a table row: a cell starts like a sentence.
  if (std::string_view(".!?:;*-|").find(c) != std::string_view::npos) return true;
  return text.compare(p >= 3 ? p - 3 : 0, 3, "\xE2\x80\xA2") == 0;  // •
}

// The word of letters starting at `begin`, whose first code point is `first`.
Token ReadWord(const std::string& text, size_t begin, char32_t first) {
  Token t;
  t.begin = begin;
  t.cap = IsUpperCase(first);
  bool all_upper = true;
  int letters = 0;
  size_t i = begin;
  while (i < text.size()) {
    size_t n;
    const char32_t cp = DecodeUtf8(text, i, &n);
    if (!IsLetter(cp)) break;
    if (utf8proc_islower(static_cast<utf8proc_int32_t>(cp))) all_upper = false;
    ++letters;
    i += n;
  }
  t.end = i;
  t.upper = all_upper && letters >= 2;
  t.folded = FoldForMatching(std::string_view(text).substr(t.begin, t.end - t.begin));
  t.sentence_start = StartsSentence(text, t.begin);
  return t;
}

}  // namespace

std::vector<Token> Tokenize(const std::string& text) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < text.size()) {
    size_t n;
    const char32_t cp = DecodeUtf8(text, i, &n);
    if (!IsLetter(cp)) {
      i += n;
      continue;
    }
    tokens.push_back(ReadWord(text, i, cp));
    i = tokens.back().end;
  }
  return tokens;
}

bool JoinsName(std::string_view gap) { return gap == " " || gap == "-" || gap == "\n"; }

bool JoinsPhrase(std::string_view gap) {
  if (gap.empty() || gap.size() > 3) return false;
  for (char c : gap) {
    if (c != ' ' && c != '-' && c != '.') return false;
  }
  return true;
}

bool IsLabelEnd(std::string_view gap) {
  if (gap == "-") return true;  // OCR: «lillebror-Noah» for «lillebror Noah»
  if (gap.empty() || gap.size() > 4) return false;
  const size_t newline = gap.find('\n');
  if (newline != std::string_view::npos) {
    // «Elev:» alone on its line, the name on the next.
    const size_t colon = gap.find(':');
    if (colon == std::string_view::npos || colon > newline ||
        gap.find('\n', newline + 1) != std::string_view::npos) {
      return false;
    }
  }
  for (char c : gap) {
    if (c != ' ' && c != ':' && c != ',' && c != '\t' && c != '\n' && c != '|') return false;
  }
  return true;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string StripGenitive(const std::string& folded) {
  if (folded.size() < 4 || folded.back() != 's') return "";
  // A name ending in s, x or z takes no genitive s («Nils'», «Klas»): «Klass» is a word.
  const char before = folded[folded.size() - 2];
  if (before == 's' || before == 'x' || before == 'z') return "";
  return folded.substr(0, folded.size() - 1);
}

std::vector<std::pair<size_t, size_t>> TableCells(const std::string& text, size_t begin,
                                                  size_t end) {
  std::vector<std::pair<size_t, size_t>> cells;
  size_t cell = begin;
  for (size_t p = begin; p < end; ++p) {
    size_t width = 0;
    if (text[p] == '|' || text[p] == '\t') width = 1;
    if (text[p] == ' ' && p + 1 < end && text[p + 1] == ' ') {
      width = 1;
      while (p + width < end && text[p + width] == ' ') ++width;
    }
    if (width == 0) continue;
    if (p > cell) cells.push_back({cell, p});
    p += width - 1;
    cell = p + 1;
  }
  if (end > cell) cells.push_back({cell, end});
  for (auto& [b, e] : cells) {
    while (b < e && text[b] == ' ') ++b;
    while (e > b && text[e - 1] == ' ') --e;
  }
  cells.erase(
      std::remove_if(cells.begin(), cells.end(), [](const auto& c) { return c.first == c.second; }),
      cells.end());
  return cells;
}

}  // namespace person_names
}  // namespace skjerm
