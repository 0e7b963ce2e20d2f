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
  // Where the bytes of text_ came from, in runs: a run starts at view_begin and ends where the
  // next begins. In a copied run every character stands as it did in the original, starting
  // at orig_begin (the run's first byte came from orig_begin, the next from orig_begin + 1,
  // ...); in a replaced run every byte came from the original bytes [orig_begin, orig_end)
  // (a ligature split, a space or dash made plain, a composed cluster). Most text is copied:
  // a page's map is a handful of runs, not two offsets for every byte.
  struct Run {
    uint32_t view_begin = 0;
    uint32_t orig_begin = 0;
    uint32_t orig_end = 0;  // replaced runs only
    bool copied = false;
  };

  void Append(std::string_view bytes, uint32_t orig_begin, uint32_t orig_end);
  // Maps text_[pos], just appended, to the original byte `orig` of a copied character, or
  // to [orig_begin, orig_end) of a replaced one.
  static void MapCopied(std::vector<Run>* runs, size_t pos, uint32_t orig);
  static void MapReplaced(std::vector<Run>* runs, size_t pos, uint32_t orig_begin,
                          uint32_t orig_end);
  // The run that holds text_[pos], and the first byte after it.
  const Run& RunAt(size_t pos, size_t* run_end) const;
  // Where the character holding text_[pos] came from.
  void OriginOf(size_t pos, uint32_t* orig_begin, uint32_t* orig_end) const;
  void RemoveLineEndHyphenation();
  void ResolveDigitConfusions();

  std::string text_;
  std::vector<Run> runs_;
};

}  // namespace skjerm

#endif  // SKJERM_NORMALIZE_TEXT_VIEW_H_
