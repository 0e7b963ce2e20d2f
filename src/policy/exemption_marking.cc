#include "policy/exemption_marking.h"

#include <algorithm>
#include <set>
#include <utility>

#include "policy/marking_grammar.h"
#include "policy/marking_page.h"
#include "policy/marking_rules.h"
#include "policy/marking_tokens.h"

namespace skjerm {
namespace {

using Discussed = std::set<const MarkingPhrase*>;

// Up to this much text, a document's pages are read for markings once and kept.
constexpr size_t kKeepPagesBytes = 1 << 20;

// How a text unit is read: a page, or a PDF item a reader sees on the page.
struct UnitRole {
  MarkingPage::Kind kind = MarkingPage::Kind::kFirstPage;
  MarkingPosition stamp_position = MarkingPosition::kStamp;  // for kStampText
  bool weak_needs_label = false;  // a form field not named like a marking label
};

// A reading of one column of a line (joined with the line below where a stamp or its legal
// basis goes on there).
struct MarkingCandidate {
  MarkingTokens tokens;
  MarkingReading reading;
  size_t first_line = 0;
  size_t last_line = 0;
  size_t column = 0;
  // A field after the first of a letterhead or footer line; nullopt for a whole column.
  std::optional<MarkingField> field;
};

// The text of tokens[begin, end) as printed, one space where the page had any white space
// (also for the line break of a two-line stamp).
std::string PrintedText(const std::string& text, const MarkingTokens& tokens, size_t begin,
                        size_t end) {
  std::string out;
  for (size_t t = begin; t < end; ++t) {
    if (t > begin && tokens[t].begin != tokens[t - 1].end) out.push_back(' ');
    out.append(text, tokens[t].begin, tokens[t].end - tokens[t].begin);
  }
  return out;
}

MarkingTokens Joined(MarkingTokens a, const MarkingTokens& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// Finds the marking of one text unit: reads every column of every line and weighs where it
// stands.
class UnitMarkings {
 public:
  UnitMarkings(const MarkingRules& rules, const MarkingGrammar& grammar, const TextUnit& unit,
               UnitRole role)
      : rules_(rules),
        grammar_(grammar),
        unit_(unit),
        role_(role),
        page_(rules, grammar, unit.view.text(), role.kind) {}

  const MarkingPage& page() const { return page_; }
  bool is_page_text() const { return unit_.location.is_page_text(); }

  std::optional<ExemptionMarking> First(const Discussed& discussed) const {
    const std::vector<MarkingLine>& lines = page_.lines();
    for (size_t i = 0; i < lines.size(); ++i) {
      for (size_t c = 0; c < lines[i].column_starts.size(); ++c) {
        if (std::optional<MarkingCandidate> candidate = ReadAt(i, c)) {
          if (std::optional<MarkingPosition> position = Accept(*candidate, discussed)) {
            return Describe(*candidate, *position);
          }
        }
        if (!page_.in_header(i) && !page_.in_footer(i)) continue;
        for (const MarkingField& field : page_.Fields(i, c)) {
          std::optional<MarkingCandidate> candidate = ReadField(i, c, field);
          if (!candidate) continue;
          if (std::optional<MarkingPosition> position = AcceptField(*candidate, discussed)) {
            return Describe(*candidate, *position);
          }
        }
      }
    }
    return std::nullopt;
  }

 private:
  std::optional<MarkingCandidate> ReadAt(size_t line, size_t column) const {
    MarkingCandidate cand;
    cand.tokens = page_.ColumnTokens(line, column);
    cand.first_line = cand.last_line = line;
    cand.column = column;
    const bool heading = page_.IsHeading(line);
    std::optional<MarkingReading> reading = grammar_.Read(cand.tokens, heading);
    size_t last_column = column;
    // A wording spread over a wide gap ("Unntatt      offentlighet").
    if (!reading && column + 1 < page_.lines()[line].column_starts.size() &&
        grammar_.StartsPhrase(cand.tokens)) {
      MarkingTokens joined = Joined(cand.tokens, page_.ColumnTokens(line, column + 1));
      reading = grammar_.Read(joined, heading);
      if (reading) cand.tokens = std::move(joined);
    }
    // A two-line stamp: "UNNTATT" / "OFFENTLIGHET".
    if (!reading && grammar_.StartsPhrase(cand.tokens)) {
      if (std::optional<size_t> below = page_.ColumnBelow(line, column)) {
        MarkingTokens joined = Joined(cand.tokens, page_.ColumnTokens(line + 1, *below));
        reading = grammar_.Read(joined, heading);
        if (reading) {
          cand.tokens = std::move(joined);
          cand.last_line = line + 1;
          last_column = *below;
        }
      }
    }
    if (!reading) return std::nullopt;
    cand.reading = *reading;
    ExtendBasisBelow(last_column, heading, &cand);
    return cand;
  }

  // Reads one field of a row of fields ("Nordli skole · Unntatt offentlighet").
  std::optional<MarkingCandidate> ReadField(size_t line, size_t column,
                                            const MarkingField& field) const {
    const MarkingTokens tokens = page_.ColumnTokens(line, column);
    MarkingCandidate cand;
    cand.tokens.assign(tokens.begin() + field.begin, tokens.begin() + field.end);
    cand.first_line = cand.last_line = line;
    cand.column = column;
    cand.field = field;
    // The fields before it are a letterhead's, not the start of a sentence; the subject line
    // and the heading have their own rules (a wording after a dash there is kSubjectPart).
    const MarkingTokens before(tokens.begin(), tokens.begin() + field.gap_begin);
    if (page_.ReadsAsSentence(before) || page_.IsHeading(line) ||
        grammar_.LabelOf(tokens) == MarkingReading::Label::kSubject) {
      return std::nullopt;
    }
    std::optional<MarkingReading> reading = grammar_.Read(cand.tokens, false);
    if (!reading) return std::nullopt;
    cand.reading = *reading;
    if (field.last) ExtendBasisBelow(column, false, &cand);
    return cand;
  }

  // A legal basis continued on the line below: "Unntatt offentlighet" / "jf. offl. § 13".
  void ExtendBasisBelow(size_t last_column, bool heading, MarkingCandidate* cand) const {
    const MarkingReading& reading = cand->reading;
    if (!(reading.open_end || reading.has_basis) || reading.unknown_words != 0 ||
        reading.sentence_cue) {
      return;
    }
    std::optional<size_t> below = page_.ColumnBelow(cand->last_line, last_column);
    if (!below) return;
    MarkingTokens more = page_.ColumnTokens(cand->last_line + 1, *below);
    if (!grammar_.IsBasisContinuation(more, cand->tokens)) return;
    MarkingTokens joined = Joined(cand->tokens, more);
    if (std::optional<MarkingReading> extended = grammar_.Read(joined, heading)) {
      cand->reading = *extended;
      cand->tokens = std::move(joined);
      ++cand->last_line;
    }
  }

  // The line goes on from the one above: that one is running text that has not ended its
  // sentence, or this one starts in lower case below a line of a sentence ("... er som
  // hovedregel" / "unntatt offentlighet.").
  bool ContinuesAbove(const MarkingCandidate& c) const {
    const size_t i = c.first_line;
    if (i == 0 || !page_.NonBlank(i - 1) || page_.EndsSentence(i - 1)) return false;
    if (page_.paragraph(i - 1)) return true;
    const auto first = std::find_if(c.tokens.begin(), c.tokens.end(),
                                    [](const MarkingToken& t) { return t.is_content(); });
    const MarkingTokens& above = page_.lines()[i - 1].tokens;
    return first != c.tokens.end() && first->lower_case &&
           (grammar_.HasSentenceCue(above) || above.back().is_punct(','));
  }

  // The sentence goes on in the line below, which starts in lower case.
  bool RunsOnBelow(const MarkingCandidate& c) const {
    const size_t next = c.last_line + 1;
    if (!page_.NonBlank(next)) return false;
    const MarkingToken& last = c.tokens.back();
    if (last.is_punct('.') || last.is_punct('!') || last.is_punct('?')) return false;
    const MarkingToken& first = page_.lines()[next].tokens.front();
    return first.kind == TokenKind::kWord && first.lower_case;
  }

  // An item of a list that a sentence introduces ("... kan ha disse statusene:").
  bool IsListItem(const MarkingCandidate& c) const {
    constexpr size_t kMaxListLines = 12;
    for (size_t j = c.first_line; j > 0 && c.first_line - j < kMaxListLines; --j) {
      if (!page_.NonBlank(j - 1)) return false;
      const MarkingTokens& line = page_.lines()[j - 1].tokens;
      if (line.back().is_punct(':') && grammar_.HasSentenceCue(line)) return true;
    }
    return false;
  }

  bool NextToParagraph(const MarkingCandidate& c) const {
    return (c.first_line > 0 && page_.NonBlank(c.first_line - 1) &&
            page_.paragraph(c.first_line - 1)) ||
           (page_.NonBlank(c.last_line + 1) && page_.paragraph(c.last_line + 1));
  }

  // Whether the reading stands where a marking stands; its position if it does.
  std::optional<MarkingPosition> Accept(const MarkingCandidate& c,
                                        const Discussed& discussed) const {
    const MarkingReading& r = c.reading;
    const bool in_header = page_.in_header(c.first_line);
    const bool in_footer = page_.in_footer(c.last_line);
    const bool weak = r.weak();
    const bool strong_phrase = !weak && (r.form == MarkingReading::Form::kPhrase ||
                                         r.form == MarkingReading::Form::kSubjectPart);
    const int allowed_unknown = strong_phrase ? rules_.layout.max_unknown_words : 0;
    if (r.question || r.quoted || r.sentence_cue || r.unknown_words > allowed_unknown) {
      return std::nullopt;
    }
    // Text in columns outside the header block and footer is a table or running text in
    // columns: a cell "Unntatt offentlighet" beside a count is no stamp.
    const bool in_columns =
        c.field.has_value() || page_.lines()[c.first_line].column_starts.size() > 1;
    if (in_columns && !in_header && !in_footer && (c.column > 0 || !r.has_basis)) {
      return std::nullopt;
    }
    const bool ends_line = !c.field || c.field->last;
    if (c.column == 0 && (ContinuesAbove(c) || (ends_line && RunsOnBelow(c)))) {
      return std::nullopt;
    }
    if (r.noise && !(r.has_basis || (!weak && in_header))) return std::nullopt;
    const bool labelled = r.label != MarkingReading::Label::kNone;
    if (!labelled && IsListItem(c)) return std::nullopt;
    bool subject = r.label == MarkingReading::Label::kSubject || r.subject_follows;
    switch (r.form) {
      case MarkingReading::Form::kSubjectPart:
        if (weak && !r.has_basis) return std::nullopt;
        subject = true;
        break;
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
    if (role_.kind == MarkingPage::Kind::kStampText) return role_.stamp_position;
    if (subject) return MarkingPosition::kSubject;
    if (in_header) return MarkingPosition::kHeader;
    if (in_footer) return MarkingPosition::kFooter;
    return MarkingPosition::kStamp;
  }

  // A field of a letterhead or footer line stands where a right-hand column of the header
  // block stands. After what may be ordinary punctuation ("-") only a strong wording or an
  // exempting basis counts; a weak word without a basis only as the last field (a flush-right
  // stamp), not between other fields ("Om oss | Sekretess | Kontakt" is a menu).
  std::optional<MarkingPosition> AcceptField(const MarkingCandidate& c,
                                             const Discussed& discussed) const {
    const MarkingReading& r = c.reading;
    const MarkingField& field = *c.field;
    const bool weak_alone = r.form == MarkingReading::Form::kPhrase && r.weak() && !r.has_basis &&
                            r.label == MarkingReading::Label::kNone;
    if (weak_alone && !field.last) return std::nullopt;
    if (field.kind == MarkingField::Break::kOcrSeparator) {
      const bool strong = r.phrase != nullptr && !r.weak();
      if (!strong && r.law == nullptr) return std::nullopt;
    }
    if (field.kind == MarkingField::Break::kSpecks && r.unknown_words > 0) return std::nullopt;
    return Accept(c, discussed);
  }

  bool AcceptPhrase(const MarkingCandidate& c, const Discussed& discussed, bool in_header,
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
    // Above the first paragraph of a letter a strong wording is a marking; elsewhere it may
    // be the heading of a text about exemption (see MarkingPage::CollectDiscussed).
    return (in_header && page_.first_page()) || discussed.count(r.phrase) == 0;
  }

  ExemptionMarking Describe(const MarkingCandidate& c, MarkingPosition position) const {
    const MarkingReading& r = c.reading;
    const std::string& text = unit_.view.text();
    ExemptionMarking m;
    if (r.basis_end > r.basis_begin) {
      m.basis = PrintedText(text, c.tokens, r.basis_begin, r.basis_end);
    }
    if (r.phrase != nullptr) {
      m.phrase = PrintedText(text, c.tokens, r.phrase_begin, r.phrase_end);
      m.language = r.phrase->language;
    } else {
      m.phrase = m.basis;  // the basis alone is the marking
      m.language = r.law != nullptr ? r.law->language : "";
    }
    m.page = unit_.location.page;
    m.position = position;
    return m;
  }

  const MarkingRules& rules_;
  const MarkingGrammar& grammar_;
  const TextUnit& unit_;
  UnitRole role_;
  MarkingPage page_;
};

class RuleBasedMarkingFinder : public ExemptionMarkingFinder {
 public:
  explicit RuleBasedMarkingFinder(MarkingRules rules)
      : rules_(std::move(rules)), grammar_(rules_) {}

  std::optional<ExemptionMarking> Find(const DocumentText& text) const override {
    std::vector<std::pair<const TextUnit*, UnitRole>> roles;
    size_t bytes = 0;
    bool first_page = true;
    for (const TextUnit& unit : text.units) {
      std::optional<UnitRole> role = RoleOf(unit, first_page);
      if (!role) continue;
      if (unit.location.is_page_text()) first_page = false;
      roles.emplace_back(&unit, *role);
      bytes += unit.view.text().size();
    }
    // A page's tokens and lines take some 20 bytes a byte of text: a long document's pages
    // are read twice, one at a time, rather than all kept at once.
    const bool keep = bytes <= kKeepPagesBytes;
    std::vector<UnitMarkings> kept;
    // A wording the letter uses in its running text is, standing alone, more likely a
    // heading than a stamp.
    Discussed discussed;
    for (const auto& [unit, role] : roles) {
      UnitMarkings markings(rules_, grammar_, *unit, role);
      if (markings.is_page_text()) markings.page().CollectDiscussed(&discussed);
      if (keep) kept.push_back(std::move(markings));
    }
    for (size_t i = 0; i < roles.size(); ++i) {
      std::optional<ExemptionMarking> marking =
          keep ? kept[i].First(discussed)
               : UnitMarkings(rules_, grammar_, *roles[i].first, roles[i].second).First(discussed);
      if (marking) return marking;
    }
    return std::nullopt;
  }

 private:
  // How a unit is read, or nullopt when a marking there does not count: PDF info fields
  // and names of attached files are not printed on any page.
  std::optional<UnitRole> RoleOf(const TextUnit& unit, bool first_page) const {
    UnitRole role;
    if (unit.location.is_page_text()) {
      role.kind = first_page ? MarkingPage::Kind::kFirstPage : MarkingPage::Kind::kLaterPage;
      return role;
    }
    role.kind = MarkingPage::Kind::kStampText;
    switch (*unit.location.metadata) {
      case MetadataSource::kAnnotation:
        role.stamp_position = MarkingPosition::kStamp;
        return role;
      case MetadataSource::kFormField:
        role.stamp_position = MarkingPosition::kMetadata;
        role.weak_needs_label = !IsLabel(unit.location.field);
        return role;
      case MetadataSource::kInfoField:
      case MetadataSource::kEmbeddedFile:
      case MetadataSource::kJournalField:  // the journal marks through its access code
      case MetadataSource::kFileName:
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
