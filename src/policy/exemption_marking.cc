#include "policy/exemption_marking.h"

#include <algorithm>
#include <set>
#include <utility>

#include "base/utf8.h"
#include "policy/marking_grammar.h"
#include "policy/marking_rules.h"
#include "policy/marking_tokens.h"

namespace skjerm {
namespace {

using Discussed = std::set<const MarkingPhrase*>;

// How a text unit is read: a page, or a PDF item a reader sees on the page.
struct UnitRole {
  bool first_page = false;
  bool metadata = false;  // an annotation or form field: all of it stands where a stamp does
  MarkingPosition metadata_position = MarkingPosition::kStamp;
  bool weak_needs_label = false;  // a form field not named like a marking label
};

// A reading of one line (or of a column and the one below it) with where it stands.
struct Candidate {
  MarkingTokens tokens;
  MarkingReading reading;
  size_t first_line = 0;
  size_t last_line = 0;
  size_t column = 0;
};

// The text of tokens[begin, end): the tokens as printed, one space where the page had any
// white space (also a line break of a two-line stamp).
std::string PrintedText(const std::string& text, const MarkingTokens& tokens, size_t begin,
                        size_t end) {
  std::string out;
  for (size_t t = begin; t < end; ++t) {
    if (t > begin && tokens[t].begin != tokens[t - 1].end) out.push_back(' ');
    out.append(text, tokens[t].begin, tokens[t].end - tokens[t].begin);
  }
  return out;
}

// One page (or metadata item) seen as lines with a header block, a footer, and the lines
// that read like body paragraphs.
class PageMarkings {
 public:
  PageMarkings(const MarkingRules& rules, const MarkingGrammar& grammar, const TextView& view,
               UnitRole role)
      : rules_(rules), grammar_(grammar), view_(view), role_(role) {
    lines_ = SplitMarkingLines(view.text(), rules.layout.column_gap);
    FindParagraphs();
    FindZones();
  }

  // The wordings this page uses in running text ("Handlingar som omfattas av sekretess
  // lämnas inte ut"): a letter that talks about them uses them as headings, not stamps.
  void CollectDiscussed(Discussed* out) const {
    for (size_t i = 0; i < lines_.size(); ++i) {
      if (paragraph_[i]) grammar_.PhrasesIn(lines_[i].tokens, out);
    }
  }

  std::optional<ExemptionMarking> First(const Discussed& discussed, int page) const {
    for (size_t i = 0; i < lines_.size(); ++i) {
      for (size_t c = 0; c < lines_[i].column_starts.size(); ++c) {
        std::optional<Candidate> candidate = ReadAt(i, c);
        if (!candidate) continue;
        std::optional<MarkingPosition> position = Accept(*candidate, discussed);
        if (position) return Describe(*candidate, *position, page);
      }
    }
    return std::nullopt;
  }

 private:
  // A line of running text: enough words, and a verb or the end of a sentence.
  bool IsProse(const MarkingLine& line) const {
    if (Words(line) < rules_.layout.paragraph_min_words) return false;
    if (grammar_.HasSentenceCue(line.tokens)) return true;
    const MarkingTokens& t = line.tokens;
    for (size_t k = 1; k < t.size(); ++k) {
      const bool stop = t[k].is_punct('.') || t[k].is_punct('!') || t[k].is_punct('?');
      if (!stop || IsAbbreviation(t[k - 1])) continue;
      if (k + 1 == t.size() || (t[k + 1].kind == TokenKind::kWord && t[k + 1].capitalised)) {
        return true;
      }
    }
    return false;
  }

  // A line that may be part of a paragraph: at least half of its words in lower case
  // ("barnehager, jf.", "Kommunfullmäktige sammanträder").
  static bool LooksLikeProse(const MarkingLine& line) {
    int words = 0, lower = 0;
    for (const MarkingToken& t : line.tokens) {
      if (t.kind != TokenKind::kWord) continue;
      ++words;
      lower += t.lower_case;
    }
    return words > 0 && 2 * lower >= words;
  }

  static int Words(const MarkingLine& line) {
    int words = 0;
    for (const MarkingToken& t : line.tokens) words += t.kind == TokenKind::kWord;
    return words;
  }

  // "jf.", "nr.", "offl.": a period that ends a word, not a sentence.
  bool IsAbbreviation(const MarkingToken& t) const {
    return t.kind == TokenKind::kWord && (rules_.connectors.count(t.key) > 0 ||
                                          rules_.IsBasisWord(t.key) || CountCodePoints(t.key) <= 2);
  }

  // Lines of running text: a line that is prose on its own, and every line of a run of
  // lines that look like prose and together are prose (a paragraph set in a narrow column,
  // "Lövåsa kommun inbjuder till" / "anbudsgivning avseende ramavtal för" / ...). A line
  // with a wording stands outside such runs: a marking under a footer line does not make
  // the footer line running text.
  void FindParagraphs() {
    paragraph_.assign(lines_.size(), false);
    std::vector<bool> member(lines_.size());
    for (size_t i = 0; i < lines_.size(); ++i) {
      paragraph_[i] = IsProse(lines_[i]);
      member[i] = (paragraph_[i] || LooksLikeProse(lines_[i])) && !HasPhrase(i);
    }
    for (size_t begin = 0; begin < lines_.size();) {
      if (!member[begin]) {
        ++begin;
        continue;
      }
      size_t end = begin;
      MarkingLine run;
      while (end < lines_.size() && member[end]) {
        run.tokens.insert(run.tokens.end(), lines_[end].tokens.begin(), lines_[end].tokens.end());
        ++end;
      }
      if (end - begin > 1 && IsProse(run)) {
        for (size_t i = begin; i < end; ++i) paragraph_[i] = true;
      }
      begin = end;
    }
  }

  bool HasPhrase(size_t i) const {
    Discussed phrases;
    grammar_.PhrasesIn(lines_[i].tokens, &phrases);
    return !phrases.empty();
  }

  // Header block: down to the first body paragraph (one that is not itself about a marking),
  // at most header_lines non-empty lines on page 1 and running_header_lines on later pages.
  // Footer: up from the end to the last body paragraph, at most footer_lines lines.
  void FindZones() {
    const MarkingLayout& layout = rules_.layout;
    header_end_ = lines_.size();
    footer_begin_ = lines_.size();
    if (role_.metadata) return;
    const int limit = role_.first_page ? layout.header_lines : layout.running_header_lines;
    int seen = 0;
    for (size_t i = 0; i < lines_.size(); ++i) {
      if (lines_[i].blank()) continue;
      if (++seen > limit || (paragraph_[i] && !HasPhrase(i))) {
        header_end_ = i;
        break;
      }
    }
    // Footer: the last lines of the page, below its last paragraph.
    seen = 0;
    for (size_t i = lines_.size(); i > 0 && seen < layout.footer_lines; --i) {
      if (lines_[i - 1].blank()) continue;
      if (paragraph_[i - 1] && !HasPhrase(i - 1)) break;
      ++seen;
      footer_begin_ = i - 1;
    }
  }

  // Whether the line ends a sentence or a clause: '.', '!', '?', ':' or ';' — but not the
  // period of an abbreviation such as "jf." or "offl.".
  bool EndsSentence(const MarkingLine& line) const {
    if (line.tokens.empty()) return false;
    const MarkingToken& last = line.tokens.back();
    if (last.is_punct('.') && line.tokens.size() >= 2 &&
        IsAbbreviation(line.tokens[line.tokens.size() - 2])) {
      return false;
    }
    return last.is_punct('.') || last.is_punct('!') || last.is_punct('?') || last.is_punct(':') ||
           last.is_punct(';');
  }

  bool NonBlank(size_t i) const { return i < lines_.size() && !lines_[i].blank(); }

  // The letter's heading in capitals, within the header block: "VEDTAK OM
  // SPESIALUNDERVISNING - UNNTATT OFFENTLIGHET".
  bool IsHeading(size_t i) const {
    if (i >= header_end_) return false;
    int caps = 0, words = 0;
    for (const MarkingToken& t : lines_[i].tokens) {
      if (t.kind != TokenKind::kWord) continue;
      ++words;
      if (t.all_caps)
        ++caps;
      else if (t.lower_case || CountCodePoints(t.key) > 1)
        return false;
    }
    constexpr int kMaxHeadingWords = 12;
    return caps >= 2 && words <= kMaxHeadingWords;
  }

  MarkingTokens ColumnTokens(size_t line, size_t column) const {
    const MarkingLine& l = lines_[line];
    return MarkingTokens(l.tokens.begin() + l.column_starts[column],
                         l.tokens.begin() + l.column_end(column));
  }

  // The column of line + 1 right below `column` of `line`: the one whose horizontal extent
  // overlaps it most. Only directly below: a blank line ends a stamp.
  std::optional<size_t> ColumnBelow(size_t line, size_t column) const {
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

  std::optional<Candidate> ReadAt(size_t line, size_t column) const {
    Candidate cand;
    cand.tokens = ColumnTokens(line, column);
    cand.first_line = cand.last_line = line;
    cand.column = column;
    const bool heading = IsHeading(line);
    std::optional<MarkingReading> reading = grammar_.Read(cand.tokens, heading);
    size_t last_column = column;
    // A wording spread out over a wide gap ("Unntatt      offentlighet").
    if (!reading && column + 1 < lines_[line].column_starts.size() &&
        grammar_.StartsPhrase(cand.tokens)) {
      MarkingTokens joined = cand.tokens;
      MarkingTokens more = ColumnTokens(line, column + 1);
      joined.insert(joined.end(), more.begin(), more.end());
      reading = grammar_.Read(joined, heading);
      if (reading) cand.tokens = std::move(joined);
    }
    // A two-line stamp: "UNNTATT" / "OFFENTLIGHET".
    if (!reading && grammar_.StartsPhrase(cand.tokens)) {
      if (std::optional<size_t> below = ColumnBelow(line, column)) {
        MarkingTokens joined = cand.tokens;
        MarkingTokens more = ColumnTokens(line + 1, *below);
        joined.insert(joined.end(), more.begin(), more.end());
        reading = grammar_.Read(joined, heading);
        if (reading) {
          cand.tokens = std::move(joined);
          cand.last_line = line + 1;
          last_column = *below;
        }
      }
    }
    if (!reading) return std::nullopt;
    // A legal basis continued on the next line: "Unntatt offentlighet" / "jf. offl. § 13".
    if ((reading->open_end || reading->has_basis) && reading->unknown_words == 0 &&
        !reading->sentence_cue) {
      if (std::optional<size_t> below = ColumnBelow(cand.last_line, last_column)) {
        MarkingTokens more = ColumnTokens(cand.last_line + 1, *below);
        if (grammar_.IsBasisContinuation(more)) {
          cand.tokens.insert(cand.tokens.end(), more.begin(), more.end());
          std::optional<MarkingReading> extended = grammar_.Read(cand.tokens, heading);
          if (extended) {
            reading = extended;
            ++cand.last_line;
          }
        }
      }
    }
    cand.reading = *reading;
    return cand;
  }

  // The line goes on from the one above: that one is running text that has not ended its
  // sentence, or this one starts in lower case below a line of a sentence ("... er som
  // hovedregel" / "unntatt offentlighet.").
  bool ContinuesAbove(const Candidate& c) const {
    const size_t i = c.first_line;
    if (i == 0 || !NonBlank(i - 1)) return false;
    const MarkingLine& above = lines_[i - 1];
    if (EndsSentence(above)) return false;
    if (paragraph_[i - 1]) return true;
    const MarkingToken* first = nullptr;
    for (const MarkingToken& t : c.tokens) {
      if (t.kind != TokenKind::kPunct) {
        first = &t;
        break;
      }
    }
    return first != nullptr && first->lower_case &&
           (grammar_.HasSentenceCue(above.tokens) || above.tokens.back().is_punct(','));
  }

  // The line is an item of a list that a sentence introduces ("... disse statusene:").
  bool IsListItem(const Candidate& c) const {
    constexpr size_t kMaxListLines = 12;
    for (size_t j = c.first_line; j > 0 && c.first_line - j < kMaxListLines; --j) {
      if (!NonBlank(j - 1)) return false;
      const MarkingLine& line = lines_[j - 1];
      if (line.tokens.back().is_punct(':') && grammar_.HasSentenceCue(line.tokens)) return true;
    }
    return false;
  }

  // The sentence goes on in the line below, which starts in lower case.
  bool RunsOnBelow(const Candidate& c) const {
    const size_t next = c.last_line + 1;
    if (!NonBlank(next)) return false;
    const MarkingToken& last = c.tokens.back();
    if (last.is_punct('.') || last.is_punct('!') || last.is_punct('?')) return false;
    const MarkingToken& first = lines_[next].tokens.front();
    return first.kind == TokenKind::kWord && first.lower_case;
  }

  bool NextToParagraph(const Candidate& c) const {
    return (c.first_line > 0 && NonBlank(c.first_line - 1) && paragraph_[c.first_line - 1]) ||
           (NonBlank(c.last_line + 1) && paragraph_[c.last_line + 1]);
  }

  // Whether the reading stands where a marking stands; its position if it does.
  std::optional<MarkingPosition> Accept(const Candidate& c, const Discussed& discussed) const {
    const MarkingReading& r = c.reading;
    const bool in_header = c.first_line < header_end_;
    const bool in_footer = c.last_line >= footer_begin_;
    const bool weak = r.weak();
    const bool strong_phrase = !weak && (r.form == MarkingReading::Form::kPhrase ||
                                         r.form == MarkingReading::Form::kSubjectPart);
    const int allowed_unknown = strong_phrase ? rules_.layout.max_unknown_words : 0;
    if (r.question || r.quoted || r.sentence_cue || r.unknown_words > allowed_unknown) {
      return std::nullopt;
    }
    // A column beside other text on the line: a header field or a footer, never body text.
    if (c.column > 0 && !in_header && !in_footer) return std::nullopt;
    if (c.column == 0 && (ContinuesAbove(c) || RunsOnBelow(c))) return std::nullopt;
    if (r.noise && !(r.has_basis || (!weak && in_header))) return std::nullopt;
    const bool labelled = r.label != MarkingReading::Label::kNone;
    if (!labelled && IsListItem(c)) return std::nullopt;
    switch (r.form) {
      case MarkingReading::Form::kSubjectPart:
        if (weak && !r.has_basis) return std::nullopt;
        return Position(MarkingPosition::kSubject, in_header, in_footer);
      case MarkingReading::Form::kSelfDeclaration:
        if (!r.has_basis || !(in_header || in_footer)) return std::nullopt;
        break;
      case MarkingReading::Form::kBasisOnly:
        if (r.law == nullptr || !(labelled || in_header || in_footer)) return std::nullopt;
        break;
      case MarkingReading::Form::kPhrase:
        if (!AcceptPhrase(c, discussed, in_header, in_footer)) return std::nullopt;
        break;
    }
    if (r.label == MarkingReading::Label::kSubject) {
      return Position(MarkingPosition::kSubject, in_header, in_footer);
    }
    return Position(MarkingPosition::kStamp, in_header, in_footer);
  }

  bool AcceptPhrase(const Candidate& c, const Discussed& discussed, bool in_header,
                    bool in_footer) const {
    const MarkingReading& r = c.reading;
    if (r.weak()) {
      // "Ärende: Sekretess" may be a letter about secrecy; a basis makes it a marking.
      if (r.label == MarkingReading::Label::kSubject) return r.has_basis;
      if (r.label == MarkingReading::Label::kMarking || r.has_basis) return true;
      if (role_.weak_needs_label) return false;
      return (in_header || in_footer) && !NextToParagraph(c) && discussed.count(r.phrase) == 0;
    }
    if (r.label != MarkingReading::Label::kNone || r.has_basis) return true;
    // A wording standing alone beside running text is a heading.
    if (NextToParagraph(c)) return false;
    // Above the first paragraph of a letter a strong wording is a marking; elsewhere it
    // may be the heading of a text about exemption (see CollectDiscussed).
    return (in_header && role_.first_page) || discussed.count(r.phrase) == 0;
  }

  // The position of an accepted marking: a subject stays a subject; otherwise the zone it
  // stands in, and a stamp where it stands elsewhere.
  MarkingPosition Position(MarkingPosition kind, bool in_header, bool in_footer) const {
    if (role_.metadata) return role_.metadata_position;
    if (kind == MarkingPosition::kSubject) return kind;
    if (in_header) return MarkingPosition::kHeader;
    if (in_footer) return MarkingPosition::kFooter;
    return MarkingPosition::kStamp;
  }

  ExemptionMarking Describe(const Candidate& c, MarkingPosition position, int page) const {
    const MarkingReading& r = c.reading;
    const std::string& text = view_.text();
    ExemptionMarking m;
    if (r.basis_end > r.basis_begin) {
      m.basis = PrintedText(text, c.tokens, r.basis_begin, r.basis_end);
    }
    if (r.phrase != nullptr) {
      m.phrase = PrintedText(text, c.tokens, r.phrase_begin, r.phrase_end);
      m.language = r.phrase->language;
    } else {
      m.phrase = m.basis;
      m.language = r.law != nullptr ? r.law->language : "";
    }
    m.page = page;
    m.position = position;
    return m;
  }

  const MarkingRules& rules_;
  const MarkingGrammar& grammar_;
  const TextView& view_;
  UnitRole role_;
  std::vector<MarkingLine> lines_;
  std::vector<bool> paragraph_;
  size_t header_end_ = 0;
  size_t footer_begin_ = 0;
};

class RuleBasedMarkingFinder : public ExemptionMarkingFinder {
 public:
  explicit RuleBasedMarkingFinder(MarkingRules rules)
      : rules_(std::move(rules)), grammar_(rules_) {}

  std::optional<ExemptionMarking> Find(const DocumentText& text) const override {
    std::vector<std::pair<const TextUnit*, PageMarkings>> units;
    bool first_page = true;
    for (const TextUnit& unit : text.units) {
      std::optional<UnitRole> role = RoleOf(unit, first_page);
      if (!role) continue;
      if (unit.location.is_page_text()) first_page = false;
      units.emplace_back(&unit, PageMarkings(rules_, grammar_, unit.view, *role));
    }
    Discussed discussed;
    for (const auto& [unit, page] : units) {
      if (unit->location.is_page_text()) page.CollectDiscussed(&discussed);
    }
    for (const auto& [unit, page] : units) {
      if (auto marking = page.First(discussed, unit->location.page)) return marking;
    }
    return std::nullopt;
  }

 private:
  // How a unit is read, or nullopt when a marking there does not count: PDF info fields
  // and names of attached files are not printed on any page.
  std::optional<UnitRole> RoleOf(const TextUnit& unit, bool first_page) const {
    UnitRole role;
    if (unit.location.is_page_text()) {
      role.first_page = first_page;
      return role;
    }
    role.metadata = true;
    switch (*unit.location.metadata) {
      case MetadataSource::kAnnotation:
        role.metadata_position = MarkingPosition::kStamp;
        return role;
      case MetadataSource::kFormField:
        role.metadata_position = MarkingPosition::kMetadata;
        role.weak_needs_label = !IsLabel(unit.location.field);
        return role;
      case MetadataSource::kInfoField:
      case MetadataSource::kEmbeddedFile:
        return std::nullopt;
    }
    return std::nullopt;
  }

  bool IsLabel(const std::string& field) const {
    const KeySequence keys = MarkingKeys(field);
    return std::find(rules_.labels.begin(), rules_.labels.end(), keys) != rules_.labels.end();
  }

  MarkingRules rules_;
  MarkingGrammar grammar_;
};

}  // namespace

std::unique_ptr<ExemptionMarkingFinder> ExemptionMarkingFinder::FromFile(const std::string& path) {
  return std::make_unique<RuleBasedMarkingFinder>(LoadMarkingRules(path));
}

}  // namespace skjerm
