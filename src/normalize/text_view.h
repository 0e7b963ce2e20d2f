// The text of one page (or one metadata item) made uniform for matching, with a map from
// every byte back to the text it came from, so that a finding in the uniform text can
// still be boxed and redacted on the page.
//
// What is made uniform: NFC; ligatures split (ﬁ -> fi); soft hyphens, zero-width
// characters and line-end hyphenation removed ("fødsels-\nnummer" -> "fødselsnummer");
// every kind of space (no-break, thin, figure, tab) becomes ' '; every dash and minus
// becomes '-'; CR LF becomes '\n'; typographic apostrophes become '\''; and inside runs of
// digits the letters OCR confuses with digits are read as digits (O->0, l/I/|->1, S->5,
// B->8), so "12O311 6659S" is "120311 66595".
#ifndef SKJERM_NORMALIZE_TEXT_VIEW_H_
#define SKJERM_NORMALIZE_TEXT_VIEW_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace skjerm {

class TextView {
 public:
  TextView() = default;
  explicit TextView(std::string_view original);

  // The uniform text, UTF-8.
  const std::string& text() const { return text_; }

  // The original bytes that [begin, end) of text() came from: [*orig_begin, *orig_end).
  void ToOriginal(size_t begin, size_t end, size_t* orig_begin, size_t* orig_end) const;

  // The line of text() around pos, without its '\n'.
  std::string_view LineAround(size_t pos) const;
  size_t LineStart(size_t pos) const;
  size_t LineEnd(size_t pos) const;

 private:
  void Append(std::string_view bytes, uint32_t orig_begin, uint32_t orig_end);
  void RemoveLineEndHyphenation();
  void ResolveDigitConfusions();

  std::string text_;
  // For each byte of text_, the original bytes of the character it came from.
  std::vector<uint32_t> orig_begin_;
  std::vector<uint32_t> orig_end_;
};

}  // namespace skjerm

#endif  // SKJERM_NORMALIZE_TEXT_VIEW_H_
