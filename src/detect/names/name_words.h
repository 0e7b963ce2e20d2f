// The words of a text unit as the name detector reads them: runs of letters with their
// byte offsets, folded form (case and diacritics: «Bjørn» = "bjorn") and shape
// (capitalised, all upper case, first of a sentence), and what the bytes between two words
// say (one name, one phrase, a label and its value, table cells).
#ifndef SKJERM_DETECT_NAMES_NAME_WORDS_H_
#define SKJERM_DETECT_NAMES_NAME_WORDS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace skjerm {
namespace person_names {

struct Token {
  size_t begin = 0;  // bytes of the view text
  size_t end = 0;
  std::string folded;
  bool cap = false;             // starts with an upper-case letter
  bool upper = false;           // all upper case, two letters or more
  bool sentence_start = false;  // first word of a sentence, heading or list item
  // Rules::SurnameLike of the word, judged once when the document is read: the rules ask
  // it of the same word many times.
  bool surname_like = false;
};

std::vector<Token> Tokenize(const std::string& text);

// The bytes between two tokens of the same text.
inline std::string_view Gap(const std::string& text, const Token& a, const Token& b) {
  return std::string_view(text).substr(a.end, b.begin - a.end);
}

// Two words of one name: "Sindre Haugland", "Tor-Erik", a name wrapped onto the next line.
bool JoinsName(std::string_view gap);

// Words of one phrase on one line: "navn på eleven", "Med vennlig hilsen".
bool JoinsPhrase(std::string_view gap);

// What may stand between a label and a name: "Elev: ", "Hei ", "eleven ", "mor, ", a table
// cell's edge ("Elev | Sindre"), a line break after a label's colon ("Elev:\nSindre"), and
// a hyphen OCR put for a space ("lillebror-Noah").
bool IsLabelEnd(std::string_view gap);

bool EndsWith(std::string_view s, std::string_view suffix);

// "sindres" -> "sindre"; "" when the word is too short to be a genitive, has no s, or
// would be the genitive of a name ending in s, x or z (which take none).
std::string StripGenitive(const std::string& folded);

// The cells of the table line text[begin, end): split at '|', tabs or runs of two or more
// spaces, trimmed, empty cells dropped.
std::vector<std::pair<size_t, size_t>> TableCells(const std::string& text, size_t begin,
                                                  size_t end);

}  // namespace person_names
}  // namespace skjerm

#endif  // SKJERM_DETECT_NAMES_NAME_WORDS_H_
