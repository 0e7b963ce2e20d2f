// The words of a page as the exemption-marking rules see them: each line cut into tokens
// (words, numbers, the section sign, punctuation) with a folded matching key, and into
// columns where a run of spaces separates them (pdftotext -layout puts a right-aligned
// header field several spaces after the left one).
#ifndef SKJERM_POLICY_MARKING_TOKENS_H_
#define SKJERM_POLICY_MARKING_TOKENS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace skjerm {

enum class TokenKind { kWord, kNumber, kSection, kPunct };

struct MarkingToken {
  TokenKind kind = TokenKind::kWord;
  // Lower-case without diacritics for words ("Frå" -> "fra"), lower-case for numbers, "§"
  // for the section sign (and the '$' OCR reads it as), the character itself otherwise.
  std::string key;
  size_t begin = 0;  // bytes of the text the token came from
  size_t end = 0;
  bool capitalised = false;  // a word whose first letter is upper-case
  bool lower_case = false;   // a word whose first letter is lower-case
  bool all_caps = false;     // a word of two or more letters, all upper-case

  bool is_content() const { return kind != TokenKind::kPunct; }
  bool is_punct(char c) const {
    return kind == TokenKind::kPunct && key.size() == 1 && key[0] == c;
  }
};

// Tokens of `text`, whose first byte stands at `offset` in the unit's text.
std::vector<MarkingToken> TokenizeMarkingText(std::string_view text, size_t offset = 0);

// The matching keys of the content tokens (no punctuation) of `text`: "U. off.:" -> {u, off}.
std::vector<std::string> MarkingKeys(std::string_view text);

// One line of a page: its tokens and the columns they fall into.
struct MarkingLine {
  size_t begin = 0;  // bytes of the unit's text, without the '\n'
  size_t end = 0;
  std::vector<MarkingToken> tokens;
  // Token index where each column starts; the first is 0 when the line has tokens.
  std::vector<size_t> column_starts;
  // The display columns (code points from the line start) where each column starts and ends.
  std::vector<int> column_offsets;
  std::vector<int> column_end_offsets;

  bool blank() const { return tokens.empty(); }
  size_t column_end(size_t column) const {
    return column + 1 < column_starts.size() ? column_starts[column + 1] : tokens.size();
  }
};

// Splits `text` into lines; a run of at least `column_gap` spaces between two tokens starts
// a new column.
std::vector<MarkingLine> SplitMarkingLines(const std::string& text, int column_gap);

}  // namespace skjerm

#endif  // SKJERM_POLICY_MARKING_TOKENS_H_
