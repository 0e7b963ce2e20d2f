#include "policy/marking_page.h"

#include <algorithm>

#include "base/utf8.h"

namespace skjerm {
namespace {

int Words(const MarkingTokens& tokens) {
  int words = 0;
  for (const MarkingToken& t : tokens) words += t.kind == TokenKind::kWord;
  return words;
}

// A line that may be part of a paragraph: at least half of its words in lower case
// ("barnehager, jf.", "Kommunfullmäktige sammanträder"). Address lines, names and
// headings are mostly capitalised.
bool LooksLikeProse(const MarkingLine& line) {
  int words = 0, lower = 0;
  for (const MarkingToken& t : line.tokens) {
    if (t.kind != TokenKind::kWord) continue;
    ++words;
    lower += t.lower_case;
  }
  return words > 0 && 2 * lower >= words;
}

bool IsStop(const MarkingToken& t) { return t.is_punct('.') || t.is_punct('!') || t.is_punct('?'); }

bool SpaceBefore(const MarkingTokens& t, size_t k) { return k > 0 && t[k].begin > t[k - 1].end; }
bool SpaceAfter(const MarkingTokens& t, size_t k) {
  return k + 1 >= t.size() || t[k + 1].begin > t[k].end;
}

// Punctuation of running text and of numbers. Any other mark between two fields ('=', '_',
// '~', '…') is what OCR leaves of a wide gap.
bool IsTextPunct(const MarkingToken& t) {
  static constexpr std::string_view kTextPunct[] = {".", ",",  ";", ":", "(", ")", "!", "?",
                                                    "'", "\"", "-", "/", "%", "«", "»", "“",
                                                    "”", "„",  "‘", "’", "[", "]"};
  return std::find(std::begin(kTextPunct), std::end(kTextPunct), t.key) != std::end(kTextPunct);
}

bool Contains(const std::vector<std::string>& list, const std::string& key) {
  return std::find(list.begin(), list.end(), key) != list.end();
}

}  // namespace

MarkingPage::MarkingPage(const MarkingRules& rules, const MarkingGrammar& grammar,
                         const std::string& text, Kind kind)
    : rules_(rules), grammar_(grammar), kind_(kind) {
  lines_ = SplitMarkingLines(text, rules.layout.column_gap);
  for (MarkingLine& line : lines_) ResolveSectionSigns(&line.tokens);
  FindParagraphs();
  FindZones();
}

// OCR reads '§' as "8", "5" or "S" too. Where such a token stands between the name of a law
// and a number ("offl. 8 13") or between a number and a law ("23 kap. 2 8 OSL"), nothing
// else can be meant.
void MarkingPage::ResolveSectionSigns(MarkingTokens* tokens) const {
  MarkingTokens& t = *tokens;
  for (size_t k = 1; k + 1 < t.size(); ++k) {
    if (t[k].kind == TokenKind::kSection || rules_.ocr_section_signs.count(t[k].key) == 0) {
      continue;
    }
    size_t prev = k - 1;
    if (t[prev].is_punct('.') && prev > 0) --prev;  // "offl. 8 13"
    const MarkingToken& before = t[prev];
    const MarkingToken& after = t[k + 1];
    const bool law_then_number = before.kind == TokenKind::kWord && rules_.IsLaw(before.key) &&
                                 after.kind == TokenKind::kNumber;
    const bool number_then_law = before.kind == TokenKind::kNumber &&
                                 after.kind == TokenKind::kWord && rules_.IsLaw(after.key);
    if (law_then_number || number_then_law) {
      t[k].kind = TokenKind::kSection;
      t[k].key = "§";
      t[k].capitalised = t[k].lower_case = t[k].all_caps = false;
    }
  }
}

// "jf.", "nr.", "offl.": a period that ends a word, not a sentence.
bool MarkingPage::IsAbbreviation(const MarkingToken& t) const {
  return t.kind == TokenKind::kWord && (rules_.connectors.count(t.key) > 0 ||
                                        rules_.IsBasisWord(t.key) || CountCodePoints(t.key) <= 2);
}

// Running text: enough words, and a verb or the end of a sentence (at the end or inside:
// "... 2025-2028. For ...").
bool MarkingPage::IsProse(const MarkingTokens& t) const {
  if (Words(t) < rules_.layout.paragraph_min_words) return false;
  if (grammar_.HasSentenceCue(t)) return true;
  for (size_t k = 1; k < t.size(); ++k) {
    // A full stop standing free ("skule . Org.nr.") is OCR's reading of a middle dot.
    if (!IsStop(t[k]) || t[k].begin != t[k - 1].end || IsAbbreviation(t[k - 1])) continue;
    if (k + 1 == t.size() || (t[k + 1].kind == TokenKind::kWord && t[k + 1].capitalised)) {
      return true;
    }
  }
  return false;
}

bool MarkingPage::ReadsAsSentence(const MarkingTokens& t) const {
  for (size_t k = 0; k < t.size(); ++k) {
    if (t[k].kind == TokenKind::kWord && t[k].lower_case && rules_.sentence_cues.count(t[k].key)) {
      return true;
    }
    if (k > 0 && k + 1 < t.size() && IsStop(t[k]) && t[k].begin == t[k - 1].end &&
        !IsAbbreviation(t[k - 1]) && t[k + 1].kind == TokenKind::kWord && t[k + 1].capitalised) {
      return true;
    }
  }
  return false;
}

bool MarkingPage::HasPhrase(size_t i) const {
  std::set<const MarkingPhrase*> phrases;
  grammar_.PhrasesIn(lines_[i].tokens, &phrases);
  return !phrases.empty();
}

// Lines of running text: a line that is prose on its own, and every line of a run of lines
// that look like prose and together are prose (a paragraph set in a narrow column: "Lövåsa
// kommun inbjuder till" / "anbudsgivning avseende ramavtal för" / ...). A line with a
// wording stands outside such runs: a marking under a footer line does not make the footer
// line running text.
void MarkingPage::FindParagraphs() {
  paragraph_.assign(lines_.size(), false);
  std::vector<bool> member(lines_.size());
  for (size_t i = 0; i < lines_.size(); ++i) {
    paragraph_[i] = IsProse(lines_[i].tokens);
    member[i] = (paragraph_[i] || LooksLikeProse(lines_[i])) && !HasPhrase(i);
  }
  for (size_t begin = 0; begin < lines_.size();) {
    if (!member[begin]) {
      ++begin;
      continue;
    }
    size_t end = begin;
    MarkingTokens run;
    for (; end < lines_.size() && member[end]; ++end) {
      run.insert(run.end(), lines_[end].tokens.begin(), lines_[end].tokens.end());
    }
    if (end - begin > 1 && IsProse(run)) {
      std::fill(paragraph_.begin() + begin, paragraph_.begin() + end, true);
    }
    begin = end;
  }
}

// Header block: down to the first paragraph (one that is not itself about a marking), at
// most header_lines non-empty lines on page 1 and running_header_lines on later pages.
// Footer: up from the end to the last paragraph, at most footer_lines non-empty lines.
void MarkingPage::FindZones() {
  const MarkingLayout& layout = rules_.layout;
  header_end_ = lines_.size();
  footer_begin_ = lines_.size();
  if (kind_ == Kind::kStampText) return;
  const int limit = first_page() ? layout.header_lines : layout.running_header_lines;
  int seen = 0;
  for (size_t i = 0; i < lines_.size(); ++i) {
    if (lines_[i].blank()) continue;
    if (++seen > limit || (paragraph_[i] && !HasPhrase(i))) {
      header_end_ = i;
      break;
    }
  }
  seen = 0;
  for (size_t i = lines_.size(); i > 0 && seen < layout.footer_lines; --i) {
    if (lines_[i - 1].blank()) continue;
    if (paragraph_[i - 1] && !HasPhrase(i - 1)) break;
    ++seen;
    footer_begin_ = i - 1;
  }
}

bool MarkingPage::EndsSentence(size_t i) const {
  const MarkingTokens& t = lines_[i].tokens;
  if (t.empty()) return false;
  const MarkingToken& last = t.back();
  if (last.is_punct('.') && t.size() >= 2 && IsAbbreviation(t[t.size() - 2])) return false;
  return IsStop(last) || last.is_punct(':') || last.is_punct(';');
}

bool MarkingPage::IsHeading(size_t i) const {
  if (!in_header(i)) return false;
  int caps = 0, words = 0;
  for (const MarkingToken& t : lines_[i].tokens) {
    if (t.kind != TokenKind::kWord) continue;
    ++words;
    if (t.all_caps) {
      ++caps;
    } else if (t.lower_case || CountCodePoints(t.key) > 1) {
      return false;
    }
  }
  constexpr int kMaxHeadingWords = 12;
  return caps >= 2 && words <= kMaxHeadingWords;
}

MarkingTokens MarkingPage::ColumnTokens(size_t line, size_t column) const {
  const MarkingLine& l = lines_[line];
  return MarkingTokens(l.tokens.begin() + l.column_starts[column],
                       l.tokens.begin() + l.column_end(column));
}

bool MarkingPage::IsSeparator(const MarkingTokens& tokens, size_t k,
                              const std::vector<std::string>& separators) const {
  return tokens[k].kind == TokenKind::kPunct && Contains(separators, tokens[k].key) &&
         SpaceBefore(tokens, k) && SpaceAfter(tokens, k);
}

// What OCR may make of a stretch of white space: punctuation, and words and numbers of at
// most noise_max_chars characters.
bool MarkingPage::IsSpeck(const MarkingToken& t) const {
  if (t.kind == TokenKind::kPunct) return true;
  return (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) &&
         CountCodePoints(t.key) <= static_cast<size_t>(rules_.layout.noise_max_chars);
}

bool MarkingPage::IsSymbol(const MarkingTokens& tokens, size_t k) const {
  const MarkingLayout& layout = rules_.layout;
  return tokens[k].kind == TokenKind::kPunct &&
         (!IsTextPunct(tokens[k]) || IsSeparator(tokens, k, layout.field_separators) ||
          IsSeparator(tokens, k, layout.ocr_field_separators));
}

// The field that starts at token p, if a break stands right before it.
std::optional<MarkingField> MarkingPage::FieldAt(const MarkingTokens& tokens, size_t p) const {
  const MarkingLayout& layout = rules_.layout;
  if (p == 0 || tokens[p].kind != TokenKind::kWord || !tokens[p].capitalised ||
      !SpaceBefore(tokens, p)) {
    return std::nullopt;
  }
  MarkingField field;
  field.begin = p;
  field.gap_begin = p - 1;
  if (IsSeparator(tokens, p - 1, layout.field_separators)) {
    field.kind = MarkingField::Break::kSeparator;
  } else if (IsSeparator(tokens, p - 1, layout.ocr_field_separators)) {
    field.kind = MarkingField::Break::kOcrSeparator;
  } else {
    // Specks back to the end of the field before; the gap starts with a symbol there.
    size_t q = p;
    while (q > 0 && IsSpeck(tokens[q - 1])) --q;
    size_t first = q;
    while (first < p && !IsSymbol(tokens, first)) ++first;
    if (first + 1 >= p || first == 0 || !SpaceBefore(tokens, first)) return std::nullopt;
    field.kind = MarkingField::Break::kSpecks;
    field.gap_begin = first;
  }
  // A field before the break: "Sak: - Unntatt offentlighet" is a list after a label.
  const size_t gap = field.gap_begin;
  if (gap == 0 || tokens[gap - 1].is_punct(':') ||
      std::none_of(tokens.begin(), tokens.begin() + gap,
                   [](const MarkingToken& t) { return t.is_content(); })) {
    return std::nullopt;
  }
  // The field ends at the next separator of its kind; specks stand only before the last.
  field.end = tokens.size();
  if (field.kind != MarkingField::Break::kSpecks) {
    for (size_t k = p + 1; k < tokens.size(); ++k) {
      if (IsSeparator(tokens, k, layout.field_separators) ||
          (field.kind == MarkingField::Break::kOcrSeparator && tokens[k].key == tokens[p - 1].key &&
           IsSeparator(tokens, k, layout.ocr_field_separators))) {
        field.end = k;
        break;
      }
    }
  }
  field.last = field.end == tokens.size();
  if (field.kind == MarkingField::Break::kSpecks && !field.last) return std::nullopt;
  return field;
}

std::vector<MarkingField> MarkingPage::Fields(size_t line, size_t column) const {
  const MarkingTokens tokens = ColumnTokens(line, column);
  std::vector<MarkingField> fields;
  for (size_t p = 1; p < tokens.size(); ++p) {
    if (std::optional<MarkingField> field = FieldAt(tokens, p)) fields.push_back(*field);
  }
  return fields;
}

std::optional<size_t> MarkingPage::ColumnBelow(size_t line, size_t column) const {
  if (!NonBlank(line + 1)) return std::nullopt;
  const MarkingLine& above = lines_[line];
  const MarkingLine& below = lines_[line + 1];
  const int a0 = above.column_offsets[column], a1 = above.column_end_offsets[column];
  std::optional<size_t> best;
  int best_overlap = 0;
  for (size_t c = 0; c < below.column_starts.size(); ++c) {
    const int overlap =
        std::min(a1, below.column_end_offsets[c]) - std::max(a0, below.column_offsets[c]);
    if (overlap > best_overlap) {
      best_overlap = overlap;
      best = c;
    }
  }
  return best;
}

void MarkingPage::CollectDiscussed(std::set<const MarkingPhrase*>* out) const {
  for (size_t i = 0; i < lines_.size(); ++i) {
    if (paragraph_[i]) grammar_.PhrasesIn(lines_[i].tokens, out);
  }
}

}  // namespace skjerm
