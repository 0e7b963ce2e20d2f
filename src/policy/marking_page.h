// A page as the exemption-marking rules see it: its lines and columns, which lines are
// running text, where its header block ends and where its footer begins. Where a wording
// stands on the page decides whether it is a marking (exemption_marking.cc).
#ifndef SKJERM_POLICY_MARKING_PAGE_H_
#define SKJERM_POLICY_MARKING_PAGE_H_

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "policy/marking_grammar.h"
#include "policy/marking_rules.h"
#include "policy/marking_tokens.h"

namespace skjerm {

// One field of a letterhead or footer line after the first: "Unntatt offentlighet" in
// "Nordli skole · Postboks 12 · Unntatt offentlighet". Token indices into
// MarkingPage::ColumnTokens of its line and column.
struct MarkingField {
  enum class Break {
    kSeparator,     // a field separator ("·", "|")
    kOcrSeparator,  // what OCR makes of one ("-", "+"); also ordinary punctuation
    kSpecks,        // a wide gap that OCR filled with specks ("= i 3 _")
  };
  Break kind = Break::kSeparator;
  size_t gap_begin = 0;  // the first token of the break; the fields before it end there
  size_t begin = 0;      // the field's first token
  size_t end = 0;        // one past its last
  bool last = false;     // the field ends its column
};

class MarkingPage {
 public:
  enum class Kind {
    kFirstPage,  // the header block is the top of the page, down to the first paragraph
    kLaterPage,  // the header block is the running header
    kStampText,  // an annotation or form field: all of it stands where a stamp stands
  };

  MarkingPage(const MarkingRules& rules, const MarkingGrammar& grammar, const std::string& text,
              Kind kind);

  const std::vector<MarkingLine>& lines() const { return lines_; }
  bool first_page() const { return kind_ == Kind::kFirstPage; }

  // Line i is running text: prose on its own, or a line of a paragraph that is.
  bool paragraph(size_t i) const { return i < paragraph_.size() && paragraph_[i]; }
  bool in_header(size_t i) const { return i < header_end_; }
  bool in_footer(size_t i) const { return i >= footer_begin_; }
  bool NonBlank(size_t i) const { return i < lines_.size() && !lines_[i].blank(); }

  // The tokens read as (part of) a sentence: a verb from sentence_cues in lower case ("Vår
  // ref." is no "var"), or a full stop that ends a sentence before a capitalised word.
  bool ReadsAsSentence(const MarkingTokens& tokens) const;

  // Line i ends a sentence or clause ('.', '!', '?', ':', ';'), not just an abbreviation.
  bool EndsSentence(size_t i) const;

  // Line i is the letter's heading in capitals, in the header block: "VEDTAK OM
  // SPESIALUNDERVISNING - UNNTATT OFFENTLIGHET".
  bool IsHeading(size_t i) const;

  MarkingTokens ColumnTokens(size_t line, size_t column) const;

  // The fields after the first of a column, in order; empty when the column is not a row of
  // fields. A field starts with a capitalised word after a break.
  std::vector<MarkingField> Fields(size_t line, size_t column) const;

  // The column of line + 1 right below `column` of `line`: the one whose horizontal extent
  // overlaps it most. Only directly below: a blank line ends a stamp.
  std::optional<size_t> ColumnBelow(size_t line, size_t column) const;

  // The wordings this page uses in running text.
  void CollectDiscussed(std::set<const MarkingPhrase*>* out) const;

 private:
  bool IsProse(const MarkingTokens& tokens) const;
  bool IsAbbreviation(const MarkingToken& t) const;
  bool HasPhrase(size_t i) const;
  void ResolveSectionSigns(MarkingTokens* tokens) const;
  bool IsSeparator(const MarkingTokens& tokens, size_t k,
                   const std::vector<std::string>& separators) const;
  bool IsSpeck(const MarkingToken& t) const;
  bool IsSymbol(const MarkingTokens& tokens, size_t k) const;
  std::optional<MarkingField> FieldAt(const MarkingTokens& tokens, size_t p) const;
  void FindParagraphs();
  void FindZones();

  const MarkingRules& rules_;
  const MarkingGrammar& grammar_;
  Kind kind_;
  std::vector<MarkingLine> lines_;
  std::vector<bool> paragraph_;
  size_t header_end_ = 0;
  size_t footer_begin_ = 0;
};

}  // namespace skjerm

#endif  // SKJERM_POLICY_MARKING_PAGE_H_
