#include "detect/name_context.h"

#include <cctype>
#include <unordered_set>

#include "base/utf8.h"
#include "detect/roster_terms.h"

namespace skjerm {
namespace person_names {
namespace {

// What may stand between a title and the name it goes with: a label's end, or the line
// break of wrapped running text («... sammen med trafikkingeniør\nKari Lunde»).
bool TitleGap(std::string_view gap) { return IsLabelEnd(gap) || gap == "\n" || gap == " \n"; }

}  // namespace

// --- phrases before a name ---------------------------------------------------------------

// The phrase of the n words before token i, when they stand on one line as one phrase.
std::string Context::PhraseBefore(const Unit& unit, size_t i, size_t n) const {
  if (i < n) return "";
  for (size_t k = i - n + 1; k < i; ++k) {
    if (!JoinsPhrase(unit.GapBetween(k - 1, k))) return "";
  }
  return unit.FoldedRun(i - n, i);
}

bool Context::PhraseDirectlyBefore(const Unit& unit, size_t i, const PhraseSet& set) const {
  if (i == 0 || !IsLabelEnd(unit.GapBetween(i - 1, i))) return false;
  for (size_t n = 1; n <= set.max_words(); ++n) {
    const std::string phrase = PhraseBefore(unit, i, n);
    if (!phrase.empty() && set.Contains(phrase)) return true;
  }
  return false;
}

bool Context::PrivateContextBefore(const Unit& unit, size_t i) const {
  if (PhraseDirectlyBefore(unit, i, rules_.labels)) return true;
  return i > 0 && PhraseDirectlyBefore(unit, i, rules_.salutations) &&
         (unit.tokens[i - 1].sentence_start ||
          (i > 1 && unit.tokens[i - 2].sentence_start &&
           rules_.salutations.Contains(unit.FoldedRun(i - 2, i))));
}

bool Context::TitleBefore(const Unit& unit, size_t i) const {
  if (i == 0) return false;
  if (TitleGap(unit.GapBetween(i - 1, i))) {
    for (size_t n = 1; n <= 3; ++n) {
      const std::string phrase = PhraseBefore(unit, i, n);
      if (!phrase.empty() && rules_.IsTitle(phrase)) return true;
    }
  }
  return TitleSubjectBefore(unit, i, /*labels_too=*/false);
}

bool Context::OfficialTitleBefore(const Unit& unit, size_t i) const {
  return TitleBefore(unit, i) || PhraseDirectlyBefore(unit, i, rules_.official_labels) ||
         TitleSubjectBefore(unit, i, /*labels_too=*/true);
}

// «Prosjektleder i kommunen er Geir Ulstad»: the name completes a sentence whose subject
// is a title, or with `labels_too` an official's label («Kontaktperson for saken er ...»).
bool Context::TitleSubjectBefore(const Unit& unit, size_t i, bool labels_too) const {
  if (i < 2 || unit.GapBetween(i - 1, i) != " " ||
      rules_.copulas.count(unit.tokens[i - 1].folded) == 0) {
    return false;
  }
  for (size_t k = i - 1; k-- > 0 && k + 8 > i;) {
    const std::string& f = unit.tokens[k].folded;
    if (rules_.IsTitle(f) || (labels_too && rules_.official_labels.Contains(f))) return true;
    if (unit.tokens[k].sentence_start) break;
  }
  return false;
}

// --- words after a name ------------------------------------------------------------------

bool Context::RelationAfter(const Unit& unit, size_t last) const {
  if (last >= unit.tokens.size()) return false;
  const std::string_view gap = unit.GapBetween(last - 1, last);
  if (gap != " (" && gap != ", " && gap != "(" && gap != ",") return false;
  return rules_.relations.Contains(unit.tokens[last].folded);
}

bool Context::BesideAnchor(const Unit& unit, size_t last) const {
  const size_t end = unit.tokens[last - 1].end;
  for (const auto& [begin, anchor_end] : unit.anchors) {
    if (begin < end || begin - end > 48) continue;
    const std::string_view raw = std::string_view(unit.text()).substr(end, begin - end);
    if (raw.find('\n') != std::string_view::npos) continue;
    const std::string between = FoldName(raw);
    if (between.empty() || rules_.id_words.Contains(between)) return true;
    // "f. " or "fodt den " with punctuation folded away.
    bool words_ok = true;
    for (const std::string& w : SplitFoldedName(between)) {
      if (!rules_.id_words.Contains(w) && w != "den" && w != "nr") words_ok = false;
    }
    if (words_ok) return true;
  }
  return false;
}

// The domain of an e-mail address on the name's line after it, folded; "" if none.
std::string Context::EmailDomainAfter(const Unit& unit, size_t last, bool* bracketed) const {
  const size_t from = unit.tokens[last - 1].end;
  const size_t line_end = unit.view().LineEnd(from);
  const std::string_view rest = std::string_view(unit.text()).substr(from, line_end - from);
  const size_t at = rest.find('@');
  if (at == std::string_view::npos || at > 80) return "";
  size_t stop = at + 1;
  while (stop < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[stop])) ||
                                rest[stop] == '.' || rest[stop] == '-')) {
    ++stop;
  }
  const size_t open = rest.find_first_not_of(' ');
  *bracketed = open != std::string_view::npos && (rest[open] == '<' || rest[open] == '(');
  return FoldForMatching(rest.substr(at + 1, stop - at - 1));
}

bool Context::PrivateEmailAfter(const Unit& unit, size_t last) const {
  bool bracketed = false;
  const std::string domain = EmailDomainAfter(unit, last, &bracketed);
  return !domain.empty() && rules_.IsPrivateEmailDomain(domain);
}

// «Lars Kvamme (BUP Haugvik, psykologspesialist)», «Henrik Palm, key account manager,»: a
// title in the parentheses after the name, or ending a phrase of at most three words after
// its comma that ends at a comma or the line's end; not when a relation, a private label or
// a word of running text stands there too («(mor, lærer)», «, elev hos kontaktlærer Eva»,
// «, som møtte rektor».
bool Context::TitleInApposition(const Unit& unit, size_t last) const {
  if (last >= unit.tokens.size()) return false;
  const std::string_view gap = unit.GapBetween(last - 1, last);
  const bool paren = gap == " (" || gap == "(";
  if (!paren && gap != ", " && gap != ",") return false;
  const size_t line_end = unit.view().LineEnd(unit.tokens[last - 1].end);
  bool title = false;
  for (size_t k = last; k < unit.tokens.size() && k < last + (paren ? 5 : 3); ++k) {
    const std::string& f = unit.tokens[k].folded;
    if (unit.tokens[k].begin >= line_end) break;
    if (rules_.relations.Contains(f) || rules_.labels.Contains(f) ||
        (!paren && rules_.sentence_words.count(f))) {
      return false;
    }
    const bool is_title = rules_.IsTitle(f);
    title = title || is_title;
    const bool line_ends = k + 1 == unit.tokens.size() || unit.tokens[k + 1].begin >= line_end;
    const std::string_view after = line_ends ? std::string_view() : unit.GapBetween(k, k + 1);
    if (paren && (line_ends || after.find(')') != std::string_view::npos)) return title;
    if (!paren && (line_ends || after.front() == ',' || after.front() == ')')) return is_title;
  }
  return false;
}

// «Navn: Hanne Solli» with «Stilling: Sosiallærer» on one of the next two lines: a form
// that gives the person's position in office.
bool Context::PositionLineBelow(const Unit& unit, size_t last) const {
  const std::string& text = unit.text();
  size_t line_end = unit.view().LineEnd(unit.tokens[last - 1].end);
  size_t k = last;
  for (int n = 0; n < 2 && line_end < text.size(); ++n) {
    const size_t start = line_end + 1;
    line_end = unit.view().LineEnd(start);
    while (k < unit.tokens.size() && unit.tokens[k].begin < start) ++k;
    if (k + 1 >= unit.tokens.size() || unit.tokens[k].begin >= line_end) continue;
    if (!rules_.position_labels.Contains(unit.tokens[k].folded) ||
        unit.GapBetween(k, k + 1).find(':') == std::string_view::npos) {
      continue;
    }
    for (size_t v = k + 1; v < unit.tokens.size() && unit.tokens[v].begin < line_end; ++v) {
      if (rules_.IsTitle(unit.tokens[v].folded)) return true;
    }
  }
  return false;
}

bool Context::TitleAfter(const Unit& unit, size_t last) const {
  if (last < unit.tokens.size()) {
    const std::string_view gap = unit.GapBetween(last - 1, last);
    const bool short_gap =
        gap.size() <= 3 && (gap.find(',') != std::string_view::npos ||
                            gap.find('(') != std::string_view::npos || gap == "\n" || gap == " \n");
    if (short_gap && rules_.IsTitle(unit.tokens[last].folded)) return true;
  }
  return TitleInApposition(unit, last) || PositionLineBelow(unit, last);
}

// A title after the name, or an organisation's e-mail address after it on its line («Fra:
// Eva Lunde <eva.lunde@sorbygda.kommune.no>»).
bool Context::OfficialAfter(const Unit& unit, size_t last) const {
  if (TitleAfter(unit, last)) return true;
  bool bracketed = false;
  const std::string domain = EmailDomainAfter(unit, last, &bracketed);
  if (domain.empty() || rules_.IsPrivateEmailDomain(domain)) return false;
  return rules_.IsOrganisationEmailDomain(domain) || bracketed;
}

bool Context::NotNameAfter(const Unit& unit, size_t k) const {
  if (k >= unit.tokens.size()) return false;
  const std::string_view gap = unit.GapBetween(k - 1, k);
  if (gap != " " && gap != "-") return false;
  const std::string& f = unit.tokens[k].folded;
  if (rules_.IsOrganisationWord(f) || rules_.street_words.count(f)) return true;
  return gap == "-" && rules_.HasStreetSuffix(f);
}

bool Context::NameShapedEnd(const Unit& unit, size_t last) const {
  const std::string& text = unit.text();
  size_t p = unit.tokens[last - 1].end;
  while (p < text.size() && text[p] == ' ') ++p;
  if (p >= text.size()) return true;
  if (p - unit.tokens[last - 1].end >= 2) return true;  // a column gap in -layout text
  return std::string_view(",(<\n|;").find(text[p]) != std::string_view::npos ||
         IsAsciiDigit(text[p]);
}

bool Context::CoordinatedWithName(const Unit& unit, size_t i) const {
  if (i < 2 || !unit.name[i - 2]) return false;
  static const std::unordered_set<std::string> kAnd = {"og", "och", "and", "eller", "samt"};
  return kAnd.count(unit.tokens[i - 1].folded) > 0 && unit.GapBetween(i - 2, i - 1) == " " &&
         unit.GapBetween(i - 1, i) == " ";
}

// --- lines around a name -----------------------------------------------------------------

// A street address on the line after the name's: a street word or suffix, a post box.
bool Context::StreetLineBelow(const Unit& unit, size_t last) const {
  const std::string& text = unit.text();
  const size_t line_end = unit.view().LineEnd(unit.tokens[last - 1].end);
  if (line_end >= text.size()) return false;
  const size_t next_end = unit.view().LineEnd(line_end + 1);
  const std::string_view next =
      std::string_view(text).substr(line_end + 1, next_end - line_end - 1);
  if (next.find_first_of("0123456789") == std::string_view::npos) return false;
  for (size_t k = last; k < unit.tokens.size() && unit.tokens[k].begin < next_end; ++k) {
    if (unit.tokens[k].begin <= line_end) continue;
    const std::string& f = unit.tokens[k].folded;
    if (rules_.street_words.count(f) || f == "postboks" || f == "box" || f == "co") return true;
    if (rules_.HasStreetSuffix(f)) return true;
  }
  return false;
}

bool Context::AddresseeLine(const Unit& unit, size_t first, size_t last) const {
  const std::string& text = unit.text();
  const size_t line_start = unit.view().LineStart(unit.tokens[first].begin);
  for (size_t p = line_start; p < unit.tokens[first].begin; ++p) {
    if (text[p] != ' ') return false;
  }
  if (!NameShapedEnd(unit, last)) return false;
  const size_t line_end = unit.view().LineEnd(unit.tokens[last - 1].end);
  size_t p = unit.tokens[last - 1].end;
  while (p < line_end && text[p] == ' ') ++p;
  if (p < line_end && p - unit.tokens[last - 1].end < 2) return false;
  return StreetLineBelow(unit, last);
}

// A closing phrase («Med hilsen») on one of the four lines above the name's.
bool Context::ClosingAbove(const Unit& unit, size_t first) const {
  const std::string& text = unit.text();
  size_t line_start = unit.view().LineStart(unit.tokens[first].begin);
  for (int back = 0; back < 4 && line_start > 0; ++back) {
    const size_t prev_start = unit.view().LineStart(line_start - 1);
    const std::vector<std::string> words = SplitFoldedName(
        FoldName(std::string_view(text).substr(prev_start, line_start - 1 - prev_start)));
    std::string phrase;
    for (size_t n = 0; n < words.size() && n < rules_.closings.max_words(); ++n) {
      phrase += (n ? " " : "") + words[n];
      if (rules_.closings.Contains(phrase) && words.size() <= n + 2) return true;
    }
    line_start = prev_start;
  }
  return false;
}

// A name in a signature block («Med hilsen», blank, name, «rektor»): a title (or, with
// `organisation_too`, an organisation word) on the name's line after it or on the next two
// lines.
bool Context::InSignedBlockWithTitle(const Unit& unit, size_t first, size_t last,
                                     bool organisation_too) const {
  if (!ClosingAbove(unit, first)) return false;
  const size_t from = unit.tokens[last - 1].end;
  size_t to = unit.view().LineEnd(from);
  for (int k = 0; k < 2 && to < unit.text().size(); ++k) to = unit.view().LineEnd(to + 1);
  for (size_t k = last; k < unit.tokens.size() && unit.tokens[k].begin < to; ++k) {
    const std::string& f = unit.tokens[k].folded;
    if (rules_.IsTitle(f) || (organisation_too && rules_.IsOrganisationWord(f))) {
      return true;
    }
  }
  return false;
}

bool Context::IsOfficial(const Unit& unit, size_t first, size_t last) const {
  return OfficialTitleBefore(unit, first) || OfficialAfter(unit, last) ||
         InSignedBlockWithTitle(unit, first, last, /*organisation_too=*/true);
}

bool Context::OfficialByTitle(const Unit& unit, size_t first, size_t last) const {
  return TitleBefore(unit, first) || TitleAfter(unit, last) ||
         InSignedBlockWithTitle(unit, first, last, /*organisation_too=*/false);
}

}  // namespace person_names
}  // namespace skjerm
