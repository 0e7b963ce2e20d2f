#include "detect/roles/person_role_annotator.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>
#include <stdexcept>

#include "base/rule_table.h"
#include "base/utf8.h"
#include "normalize/char_class.h"

namespace skjerm {
namespace {

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
}

// Removes what may stand between a label and a name: «Elev: », «(mor», «Vedr. –».
std::string TrimTrailingPunctuation(std::string s) {
  while (!s.empty() && std::string_view(" :,.;-(\t").find(s.back()) != std::string_view::npos) {
    s.pop_back();
  }
  return s;
}

std::string TrimLeading(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && std::string_view(" ,(-:").find(s[i]) != std::string_view::npos) ++i;
  return std::string(s.substr(i));
}

// Whether `text` ends with `phrase` as whole words.
bool EndsWithPhrase(const std::string& text, const std::string& phrase) {
  if (phrase.empty() || text.size() < phrase.size()) return false;
  const size_t at = text.size() - phrase.size();
  return text.compare(at, phrase.size(), phrase) == 0 && (at == 0 || !IsWordChar(text[at - 1]));
}

bool StartsWithPhrase(const std::string& text, const std::string& phrase) {
  return !phrase.empty() && text.compare(0, phrase.size(), phrase) == 0 &&
         (text.size() == phrase.size() || !IsWordChar(text[phrase.size()]));
}

// Whether `term` stands in `text` starting a word (and ending one, for short terms, so that
// «ppr» does not match inside a word).
bool ContainsTerm(const std::string& text, const std::string& term) {
  for (size_t at = text.find(term); at != std::string::npos; at = text.find(term, at + 1)) {
    if (at > 0 && IsWordChar(text[at - 1])) continue;
    const size_t end = at + term.size();
    if (term.size() <= 4 && end < text.size() && IsWordChar(text[end])) continue;
    return true;
  }
  return false;
}

std::vector<std::string> FoldedList(RuleTable& table, const char* key) {
  std::vector<std::string> out;
  for (const std::string& s : table.Strings(key)) out.push_back(FoldForMatching(s));
  return out;
}

// The first word of a folded name, without a genitive s: "sindres" -> "sindre".
std::string FirstWord(const std::string& folded) {
  size_t end = 0;
  while (end < folded.size() && folded[end] != ' ') ++end;
  return folded.substr(0, end);
}

std::string WithoutGenitive(const std::string& word) {
  if (word.size() > 3 && word.back() == 's') return word.substr(0, word.size() - 1);
  return word;
}

// The folded text before the finding on its line, or a label alone on the line above
// («Elev:\nSindre Haugland»), without the punctuation between.
std::string LabelBefore(const TextView& view, size_t begin) {
  const std::string& text = view.text();
  const size_t line_start = view.LineStart(begin);
  std::string before =
      TrimTrailingPunctuation(FoldForMatching(text.substr(line_start, begin - line_start)));
  if (before.empty() && line_start > 0) {
    const size_t prev_start = view.LineStart(line_start - 1);
    const std::string prev = FoldForMatching(text.substr(prev_start, line_start - 1 - prev_start));
    if (prev.size() < 40 && !prev.empty() && prev.back() == ':') {
      before = TrimTrailingPunctuation(prev);
    }
  }
  return before;
}

// One RE2 that finds any of `terms` (folded) starting a word in a folded text; a term of
// four bytes or fewer must end the word too («ppr», «gnr»), and with `whole_words` every term.
std::unique_ptr<RE2> AnyTermPattern(RuleTable& table, const char* key, bool whole_words) {
  std::string longer, shorter;
  for (const std::string& term : FoldedList(table, key)) {
    std::string& list = whole_words || term.size() <= 4 ? shorter : longer;
    list += (list.empty() ? "" : "|") + RE2::QuoteMeta(term);
  }
  if (longer.empty() && shorter.empty()) table.Fail(key, std::string(key) + " is empty");
  const std::string boundary = "(?:$|[^\\pL\\pN_])";
  std::string pattern = "(?:^|[^\\pL\\pN_])(?:";
  if (!longer.empty()) pattern += "(?:" + longer + ")";
  if (!shorter.empty()) pattern += (longer.empty() ? "" : "|") + ("(?:" + shorter + ")" + boundary);
  pattern += ")";
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) table.Fail(key, "cannot be compiled: " + re->error());
  return re;
}

std::vector<std::unique_ptr<RE2>> CaseInsensitivePatterns(RuleTable& table, const char* key) {
  std::vector<std::unique_ptr<RE2>> out;
  for (const std::string& pattern : table.Strings(key, Presence::kRequired)) {
    RE2::Options options;
    options.set_case_sensitive(false);
    options.set_log_errors(false);
    auto re = std::make_unique<RE2>(pattern, options);
    if (!re->ok()) table.Fail(key, "bad pattern: " + re->error());
    out.push_back(std::move(re));
  }
  return out;
}

// A set of initials at byte `at` of `text`: two or three capital letters each followed by a
// full stop («E.K.», «S.M.C.»; the last stop may be left out), and a genitive ending («E.K.s»,
// «E.K:s», «E.K.'s»). Returns its end, or `at` when there is none. Not inside a word or a
// longer run of initials.
size_t InitialsAt(std::string_view text, size_t at) {
  if (at > 0) {
    size_t start = at - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    size_t n = 0;
    const char32_t before = DecodeUtf8(text, start, &n);
    if (IsLetter(before) || (before >= U'0' && before <= U'9') || before == U'.') return at;
  }
  size_t pos = at;
  int letters = 0;
  while (letters < 4) {
    size_t n = 0;
    if (pos >= text.size()) break;
    const char32_t cp = DecodeUtf8(text, pos, &n);
    if (!IsUpperCase(cp)) break;
    const size_t after = pos + n;
    if (after < text.size() && text[after] == '.') {
      pos = after + 1;
      ++letters;
      continue;
    }
    // The last letter without its stop: «E.K i 7B».
    size_t m = 0;
    const char32_t next = after < text.size() ? DecodeUtf8(text, after, &m) : U' ';
    if (letters >= 1 && !IsLetter(next)) {
      pos = after;
      ++letters;
    }
    break;
  }
  if (letters < 2 || letters > 3) return at;
  // Not followed by more letters or digits («E.K.Berg», «A.B.12»).
  size_t n = 0;
  const char32_t next = pos < text.size() ? DecodeUtf8(text, pos, &n) : U' ';
  if (next == U's' || next == U':') {
    const size_t s_at = next == U':' ? pos + 1 : pos;
    if (s_at < text.size() && text[s_at] == 's') {
      size_t m = 0;
      const char32_t after_s = s_at + 1 < text.size() ? DecodeUtf8(text, s_at + 1, &m) : U' ';
      if (!IsLetter(after_s)) return s_at + 1;
    }
  }
  if (IsLetter(next) || (next >= U'0' && next <= U'9')) return at;
  return pos;
}

// A cheap test before InitialsAt: a capital ASCII letter, or the lead byte of a longer code
// point, with a full stop right after it (initials always start so: «E.K», «Å.B.»).
bool MayStartInitials(std::string_view t, size_t i) {
  const unsigned char c = static_cast<unsigned char>(t[i]);
  size_t length = 1;
  if (c >= 0xF0) {
    length = 4;
  } else if (c >= 0xE0) {
    length = 3;
  } else if (c >= 0xC0) {
    length = 2;
  } else if (c < 'A' || c > 'Z') {
    return false;
  }
  return i + length < t.size() && t[i + length] == '.';
}

// The initials without a genitive ending, as a key: «E.K:s» -> «E.K.», «E.K» -> «E.K.».
std::string InitialsKey(std::string_view initials) {
  std::string key;
  for (size_t i = 0; i < initials.size(); ++i) {
    const char c = initials[i];
    if (c == ':' || (c == 's' && i + 1 == initials.size())) break;
    key.push_back(c);
  }
  if (!key.empty() && key.back() != '.') key.push_back('.');
  return key;
}

}  // namespace

std::unique_ptr<PersonRoleAnnotator> PersonRoleAnnotator::FromFile(const std::string& path) {
  std::unique_ptr<PersonRoleAnnotator> a(new PersonRoleAnnotator());
  ReadRuleFile(path, [&](RuleTable& root) {
    RuleTable pupil = *root.Table("pupil", Presence::kRequired);
    a->pupil_before_ = FoldedList(pupil, "before");
    a->label_under_heading_ = FoldedList(pupil, "label_under_heading");
    a->heading_words_ = FoldedList(pupil, "heading_words");
    a->pupil_after_ = CaseInsensitivePatterns(pupil, "after_patterns");
    if (std::optional<RuleTable> guardian = root.Table("guardian")) {
      a->guardian_before_ = FoldedList(*guardian, "before");
      a->guardian_after_ = FoldedList(*guardian, "after");
    }
    RuleTable case_words = *root.Table("case", Presence::kRequired);
    for (const std::string& t : FoldedList(case_words, "strong")) a->case_terms_.push_back({t, 2});
    for (const std::string& t : FoldedList(case_words, "weak")) a->case_terms_.push_back({t, 1});
    a->case_threshold_ = static_cast<int>(case_words.Integer("threshold", 2, 1, 1000));
    RuleTable initials = *root.Table("initials", Presence::kRequired);
    a->not_initials_ = initials.Strings("not_initials", Presence::kRequired);
    a->initials_confidence_ = initials.Number("confidence", 0.8, 0, 1);
    RuleTable property = *root.Table("property", Presence::kRequired);
    a->property_words_ = AnyTermPattern(property, "words", false);
    a->grievance_words_ = AnyTermPattern(property, "grievance_words", true);
    a->weak_property_words_ = AnyTermPattern(property, "weak_words", false);
    a->title_grievance_words_ = AnyTermPattern(property, "title_grievance_words", false);
    a->cadastral_start_ = CaseInsensitivePatterns(property, "cadastral_start");
    a->applicant_before_ = FoldedList(property, "applicant_before");
    a->property_before_ = FoldedList(property, "property_before");
    a->property_reference_ = CaseInsensitivePatterns(property, "reference_patterns");
    if (a->applicant_before_.empty()) root.Fail("[property] applicant_before is required");
    if (a->pupil_before_.empty() || a->case_terms_.empty()) {
      root.Fail("[pupil] before and [case] words are required");
    }
  });
  return a;
}

std::vector<std::string> PersonRoleAnnotator::FoldedUnits(const DocumentText& text) {
  std::vector<std::string> folded;
  folded.reserve(text.units.size());
  for (const TextUnit& unit : text.units) folded.push_back(FoldForMatching(unit.view.text()));
  return folded;
}

int PersonRoleAnnotator::CaseWeight(const std::vector<std::string>& folded_units) const {
  std::set<size_t> seen;
  int weight = 0;
  for (const std::string& folded : folded_units) {
    for (size_t i = 0; i < case_terms_.size(); ++i) {
      if (seen.count(i) == 0 && ContainsTerm(folded, case_terms_[i].folded)) {
        seen.insert(i);
        weight += case_terms_[i].weight;
        if (weight >= case_threshold_) return weight;
      }
    }
  }
  return weight;
}

// kPupil, kGuardian or nothing from the words around the name.
std::optional<FindingFlag> PersonRoleAnnotator::RoleFromContext(const TextUnit& unit,
                                                                const Finding& f) const {
  const TextView& view = unit.view;
  const std::string& text = view.text();
  const size_t line_start = view.LineStart(f.view_begin);
  const std::string before = LabelBefore(view, f.view_begin);
  for (const std::string& cue : guardian_before_) {
    if (EndsWithPhrase(before, cue)) return FindingFlag::kGuardian;
  }
  for (const std::string& cue : pupil_before_) {
    if (EndsWithPhrase(before, cue)) return FindingFlag::kPupil;
  }
  for (const std::string& label : label_under_heading_) {
    if (!EndsWithPhrase(before, label)) continue;
    size_t start = line_start;
    for (int back = 0; back < 3 && start > 0; ++back) {
      start = view.LineStart(start - 1);
      const std::string line = FoldForMatching(view.LineAround(start));
      for (const std::string& word : heading_words_) {
        if (ContainsTerm(line, word)) return FindingFlag::kPupil;
      }
    }
  }
  const size_t line_end = view.LineEnd(f.view_end);
  const std::string after_raw = text.substr(f.view_end, line_end - f.view_end);
  const std::string after = TrimLeading(FoldForMatching(after_raw));
  for (const std::string& cue : guardian_after_) {
    if (StartsWithPhrase(after, cue)) return FindingFlag::kGuardian;
  }
  for (const auto& re : pupil_after_) {
    if (RE2::PartialMatch(after_raw, *re)) return FindingFlag::kPupil;
  }
  return std::nullopt;
}

bool PersonRoleAnnotator::HasPupilCue(const TextUnit& unit, size_t begin, size_t end) const {
  const std::string before = LabelBefore(unit.view, begin);
  for (const std::string& cue : pupil_before_) {
    if (EndsWithPhrase(before, cue)) return true;
  }
  const std::string& text = unit.view.text();
  const std::string after = text.substr(end, unit.view.LineEnd(end) - end);
  return std::any_of(pupil_after_.begin(), pupil_after_.end(),
                     [&](const auto& re) { return RE2::PartialMatch(after, *re); });
}

void PersonRoleAnnotator::FindInitials(const DocumentText& text, bool is_case,
                                       std::vector<Finding>* findings) const {
  struct Mention {
    size_t unit, begin, end;
    std::string key;
  };
  std::vector<Mention> mentions;
  std::set<std::string> cued;
  for (size_t u = 0; u < text.units.size(); ++u) {
    const std::string& t = text.units[u].view.text();
    for (size_t i = 0; i + 1 < t.size(); ++i) {
      if (!MayStartInitials(t, i)) continue;
      const size_t end = InitialsAt(t, i);
      if (end == i) continue;
      Mention m{u, i, end, InitialsKey(std::string_view(t).substr(i, end - i))};
      if (std::find(not_initials_.begin(), not_initials_.end(), m.key) == not_initials_.end()) {
        if (HasPupilCue(text.units[u], i, end)) cued.insert(m.key);
        mentions.push_back(std::move(m));
      }
      i = end - 1;
    }
  }
  for (const Mention& m : mentions) {
    if (!is_case && cued.count(m.key) == 0) continue;
    const TextUnit& unit = text.units[m.unit];
    const bool taken = std::any_of(findings->begin(), findings->end(), [&](const Finding& f) {
      return f.location == unit.location && f.view_begin < m.end && m.begin < f.view_end;
    });
    if (taken) continue;
    Finding f = MakeFinding(unit, Category::kPersonName, "name.initials", m.begin, m.end,
                            initials_confidence_);
    if (cued.count(m.key) > 0) f.flags.Add(FindingFlag::kPupil);
    findings->push_back(std::move(f));
  }
}

void PersonRoleAnnotator::Detect(const DocumentText& text, std::vector<Finding>* findings) const {
  const std::vector<std::string> folded_units = FoldedUnits(text);
  const int case_weight = CaseWeight(folded_units);
  const bool is_case = case_weight >= case_threshold_;
  FindInitials(text, is_case, findings);
  std::set<std::string> pupil_names, guardian_names;  // folded first words and full names
  for (Finding& f : *findings) {
    if (f.category != Category::kPersonName) continue;
    std::optional<FindingFlag> role;
    for (const TextUnit& unit : text.units) {
      if (unit.location == f.location) {
        role = RoleFromContext(unit, f);
        break;
      }
    }
    if (!role) {
      if (f.flags.Has(FindingFlag::kPupil)) role = FindingFlag::kPupil;
      if (f.flags.Has(FindingFlag::kGuardian)) role = FindingFlag::kGuardian;
    }
    if (!role) continue;
    f.flags.Add(*role);
    const std::string folded = FoldForMatching(f.text);
    auto& names = *role == FindingFlag::kPupil ? pupil_names : guardian_names;
    names.insert(WithoutGenitive(folded));
    names.insert(WithoutGenitive(FirstWord(folded)));
  }
  // The same person mentioned again («Sindre», «Sindres»): the role carries over. A first
  // name shared by a pupil and a guardian stays a pupil's (the stricter reading).
  for (Finding& f : *findings) {
    if (f.category != Category::kPersonName) continue;
    const std::string folded = WithoutGenitive(FoldForMatching(f.text));
    const std::string first = WithoutGenitive(FirstWord(FoldForMatching(f.text)));
    if (pupil_names.count(folded) || (folded == first && pupil_names.count(first))) {
      f.flags.Add(FindingFlag::kPupil);
    } else if (guardian_names.count(folded) || (folded == first && guardian_names.count(first))) {
      f.flags.Add(FindingFlag::kGuardian);
    }
    if (is_case) f.flags.Add(FindingFlag::kCase);
  }
  if (!is_case) MarkPropertyParties(text, folded_units, case_weight, findings);
}

bool PersonRoleAnnotator::IsPropertyMatter(const std::vector<std::string>& folded_units,
                                           int case_weight) const {
  bool property = false;
  for (const std::string& folded : folded_units) {
    if (RE2::PartialMatch(folded, *grievance_words_)) return false;
    property = property || RE2::PartialMatch(folded, *property_words_);
  }
  if (property) return true;
  // The weak words: beside a cadastral number, and with no word of a school or welfare case.
  if (case_weight > 0) return false;
  return std::any_of(folded_units.begin(), folded_units.end(), [&](const std::string& folded) {
    return RE2::PartialMatch(folded, *weak_property_words_) && StartsCadastral(folded);
  });
}

bool PersonRoleAnnotator::StartsCadastral(const std::string& folded) const {
  return std::any_of(cadastral_start_.begin(), cadastral_start_.end(),
                     [&](const auto& re) { return RE2::PartialMatch(folded, *re); }) ||
         std::any_of(property_reference_.begin(), property_reference_.end(),
                     [&](const auto& re) { return RE2::PartialMatch(folded, *re); });
}

bool PersonRoleAnnotator::IsPropertyParty(const TextUnit& unit, const std::string& folded_unit,
                                          const Finding& f) const {
  // The journal's title and parties of a property matter name its applicant and property —
  // unless the title names a complaint, whose complainant may be a neighbour.
  if (unit.location.metadata == MetadataSource::kJournalField) {
    return !RE2::PartialMatch(folded_unit, *title_grievance_words_);
  }
  const std::string before = LabelBefore(unit.view, f.view_begin);
  const auto& labels = f.category == Category::kPersonName ? applicant_before_ : property_before_;
  for (const std::string& label : labels) {
    if (EndsWithPhrase(before, label)) return true;
  }
  if (f.category != Category::kAddress) return false;
  // An address on the line that gives the property's cadastral number («gnr. 49 bnr. 484,
  // Storgata 5»).
  const std::string line(unit.view.LineAround(f.view_begin));
  return std::any_of(property_reference_.begin(), property_reference_.end(),
                     [&](const auto& re) { return RE2::PartialMatch(line, *re); });
}

void PersonRoleAnnotator::MarkPropertyParties(const DocumentText& text,
                                              const std::vector<std::string>& folded_units,
                                              int case_weight,
                                              std::vector<Finding>* findings) const {
  if (!IsPropertyMatter(folded_units, case_weight)) return;
  auto eligible = [](const Finding& f) {
    return (f.category == Category::kPersonName || f.category == Category::kAddress) &&
           !f.flags.Has(FindingFlag::kPupil) && !f.flags.Has(FindingFlag::kGuardian) &&
           !f.flags.Has(FindingFlag::kProtected);
  };
  auto unit_of = [&](const Finding& f) -> const TextUnit* {
    for (const TextUnit& unit : text.units) {
      if (unit.location == f.location) return &unit;
    }
    return nullptr;
  };
  // What a label, the title or a cadastral number says is the applicant's or the property's.
  std::set<std::string> known;  // folded texts of what is flagged
  for (Finding& f : *findings) {
    const TextUnit* unit = unit_of(f);
    if (!eligible(f) || unit == nullptr) continue;
    const std::string& folded_unit = folded_units[static_cast<size_t>(unit - text.units.data())];
    if (!IsPropertyParty(*unit, folded_unit, f)) continue;
    f.flags.Add(FindingFlag::kProperty);
    known.insert(FoldForMatching(f.text));
  }
  // The same applicant or property named again (the letter's address block: «Gunnhild Lie
  // Øvrebø / Sjøbergvegen 21 / 6893 Fjordvik»), and the postcode after or under a property's
  // street.
  const Finding* street = nullptr;
  for (Finding& f : *findings) {
    const TextUnit* unit = unit_of(f);
    if (eligible(f) && unit != nullptr && !f.flags.Has(FindingFlag::kProperty)) {
      const bool again = known.count(FoldForMatching(f.text)) > 0;
      // On the street's line after it («Storgata 5, 4300 Sandnes») or on the next line.
      const size_t line = unit->view.LineStart(f.view_begin);
      const bool under_street = f.category == Category::kAddress && street != nullptr &&
                                street->location == f.location && f.view_begin > street->view_end &&
                                (line == unit->view.LineStart(street->view_end) ||
                                 line == unit->view.LineEnd(street->view_end) + 1);
      if (again || under_street) f.flags.Add(FindingFlag::kProperty);
    }
    if (f.category == Category::kAddress) {
      street = f.flags.Has(FindingFlag::kProperty) ? &f : nullptr;
    }
  }
}

}  // namespace skjerm
