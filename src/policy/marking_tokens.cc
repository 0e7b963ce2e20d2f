#include "policy/marking_tokens.h"

#include "base/utf8.h"
#include "normalize/char_class.h"

namespace skjerm {
namespace {

enum class CharClass { kSpace, kLetter, kDigit, kSection, kOther };

CharClass Classify(char32_t cp) {
  if (cp == ' ' || cp == '\t') return CharClass::kSpace;
  if (cp >= '0' && cp <= '9') return CharClass::kDigit;
  // OCR reads the section sign as '$' more often than as anything else.
  if (cp == U'§' || cp == '$') return CharClass::kSection;
  return IsLetter(cp) ? CharClass::kLetter : CharClass::kOther;
}

bool IsAlnum(CharClass c) { return c == CharClass::kLetter || c == CharClass::kDigit; }

class Tokenizer {
 public:
  Tokenizer(std::string_view text, size_t offset) : text_(text), offset_(offset) {}

  std::vector<MarkingToken> Run() {
    std::vector<MarkingToken> out;
    size_t pos = 0;
    while (pos < text_.size()) {
      const CharClass c = ClassAt(pos);
      if (c == CharClass::kSpace) {
        pos += LengthAt(pos);
      } else if (c == CharClass::kLetter) {
        pos = Word(pos, &out);
      } else if (c == CharClass::kDigit) {
        pos = Number(pos, &out);
      } else {
        MarkingToken t;
        t.kind = c == CharClass::kSection ? TokenKind::kSection : TokenKind::kPunct;
        const size_t n = LengthAt(pos);
        t.key = c == CharClass::kSection ? "§" : std::string(text_.substr(pos, n));
        t.begin = offset_ + pos;
        t.end = offset_ + pos + n;
        out.push_back(std::move(t));
        pos += n;
      }
    }
    return out;
  }

 private:
  char32_t At(size_t pos) const {
    size_t n;
    return DecodeUtf8(text_, pos, &n);
  }
  size_t LengthAt(size_t pos) const {
    size_t n;
    DecodeUtf8(text_, pos, &n);
    return n;
  }
  CharClass ClassAt(size_t pos) const {
    return pos < text_.size() ? Classify(At(pos)) : CharClass::kSpace;
  }

  // Letters, and a hyphen or apostrophe between letters ("e-posten").
  size_t Word(size_t pos, std::vector<MarkingToken>* out) const {
    const size_t start = pos;
    int letters = 0, upper = 0;
    while (pos < text_.size()) {
      const CharClass c = ClassAt(pos);
      if (c == CharClass::kLetter) {
        if (IsUpperCase(At(pos))) ++upper;
        ++letters;
        pos += LengthAt(pos);
      } else if ((text_[pos] == '-' || text_[pos] == '\'') &&
                 ClassAt(pos + 1) == CharClass::kLetter) {
        ++pos;
      } else {
        break;
      }
    }
    MarkingToken t;
    t.kind = TokenKind::kWord;
    t.key = FoldForMatching(text_.substr(start, pos - start));
    t.begin = offset_ + start;
    t.end = offset_ + pos;
    t.capitalised = IsUpperCase(At(start));
    t.lower_case = !t.capitalised && Classify(At(start)) == CharClass::kLetter;
    t.all_caps = letters >= 2 && upper == letters;
    out->push_back(std::move(t));
    return pos;
  }

  // Digits and letters ("13a", "9A"), and ':' '-' '/' '.' between them ("2009:400",
  // "24/01402-2", "21.10.2024").
  size_t Number(size_t pos, std::vector<MarkingToken>* out) const {
    const size_t start = pos;
    while (pos < text_.size()) {
      if (IsAlnum(ClassAt(pos))) {
        pos += LengthAt(pos);
      } else if ((text_[pos] == ':' || text_[pos] == '-' || text_[pos] == '/' ||
                  text_[pos] == '.') &&
                 ClassAt(pos + 1) == CharClass::kDigit) {
        ++pos;
      } else {
        break;
      }
    }
    MarkingToken t;
    t.kind = TokenKind::kNumber;
    t.key = FoldForMatching(text_.substr(start, pos - start));
    t.begin = offset_ + start;
    t.end = offset_ + pos;
    out->push_back(std::move(t));
    return pos;
  }

  std::string_view text_;
  size_t offset_;
};

int DisplayColumn(const std::string& text, size_t line_begin, size_t pos) {
  return static_cast<int>(
      CountCodePoints(std::string_view(text).substr(line_begin, pos - line_begin)));
}

}  // namespace

std::vector<MarkingToken> TokenizeMarkingText(std::string_view text, size_t offset) {
  return Tokenizer(text, offset).Run();
}

std::vector<std::string> MarkingKeys(std::string_view text) {
  std::vector<std::string> keys;
  for (MarkingToken& t : TokenizeMarkingText(text)) {
    if (t.is_content()) keys.push_back(std::move(t.key));
  }
  return keys;
}

std::vector<MarkingLine> SplitMarkingLines(const std::string& text, int column_gap) {
  std::vector<MarkingLine> lines;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    MarkingLine line;
    line.begin = begin;
    line.end = end;
    line.tokens = TokenizeMarkingText(std::string_view(text).substr(begin, end - begin), begin);
    for (size_t i = 0; i < line.tokens.size(); ++i) {
      const bool gap =
          i > 0 && line.tokens[i].begin - line.tokens[i - 1].end >= static_cast<size_t>(column_gap);
      if (i == 0 || gap) {
        if (i > 0) {
          line.column_end_offsets.push_back(DisplayColumn(text, begin, line.tokens[i - 1].end));
        }
        line.column_starts.push_back(i);
        line.column_offsets.push_back(DisplayColumn(text, begin, line.tokens[i].begin));
      }
    }
    if (!line.tokens.empty()) {
      line.column_end_offsets.push_back(DisplayColumn(text, begin, line.tokens.back().end));
    }
    lines.push_back(std::move(line));
    if (end == text.size()) break;
    begin = end + 1;
  }
  return lines;
}

}  // namespace skjerm
