#include "detect/names/name_context.h"

#include <cctype>
#include <unordered_set>

#include <utf8proc.h>

#include "base/utf8.h"
#include "detect/roles/roster_terms.h"

namespace skjerm {
namespace person_names {
namespace {

// What may stand between a title and the name it goes with: a label's end, or the line
// break of wrapped running text («... sammen med trafikkingeniør\nKari Lunde»).
bool TitleGap(std::string_view gap) { return IsLabelEnd(gap) || gap == "\n" || gap == " \n"; }

}  // namespace

// --- phrases before a name ---------------------------------------------------------------

// The phrase of the n words before token i, when they stand on one line as one phrase.
std::string Context::PhraseBefore(const NameUnit& unit, size_t i, size_t n) const {
  if (i < n) return "";
  for (size_t k = i - n + 1; k < i; ++k) {
    if (!JoinsPhrase(unit.GapBetween(k - 1, k))) return "";
  }
  return unit.FoldedRun(i - n, i);
}

bool Context::PhraseDirectlyBefore(const NameUnit& unit, size_t i, const PhraseSet& set) const {
  return !PhraseOfSetBefore(unit, i, set).empty();
}

// The longest phrase of `set` directly before token i; "" if none. A label alone on the
// line above counts too («Søskende\nNanna, 4 år»: a table row read cell by cell).
std::string Context::PhraseOfSetBefore(const NameUnit& unit, size_t i, const PhraseSet& set) const {
  if (i == 0) return "";
  const std::string_view gap = unit.GapBetween(i - 1, i);
  const bool line_above = gap.find_first_not_of(" ") != std::string_view::npos &&
                          gap.find_first_not_of(" \n") == std::string_view::npos &&
                          gap.find('\n') == gap.rfind('\n');
  if (!IsLabelEnd(gap) && !line_above) return "";
  std::string found;
  for (size_t n = 1; n <= set.max_words(); ++n) {
    std::string phrase = PhraseBefore(unit, i, n);
    if (phrase.empty() || !set.Contains(phrase)) continue;
    if (line_above && !IsLabelEnd(gap) && !StartsLine(unit, i - n)) continue;
    found = std::move(phrase);
  }
  return found;
}

// Token k is the first on its line.
bool Context::StartsLine(const NameUnit& unit, size_t k) const {
  const size_t start = unit.view().LineStart(unit.tokens[k].begin);
  return unit.text().find_first_not_of(' ', start) == unit.tokens[k].begin;
}

bool Context::PersonLabelBefore(const NameUnit& unit, size_t i) const {
  const std::string label = PhraseOfSetBefore(unit, i, rules_.labels);
  return !label.empty() && !rules_.subject_labels.Contains(label);
}

bool Context::PrivateContextBefore(const NameUnit& unit, size_t i) const {
  if (PhraseDirectlyBefore(unit, i, rules_.labels)) return true;
  return i > 0 && PhraseDirectlyBefore(unit, i, rules_.salutations) &&
         (unit.tokens[i - 1].sentence_start ||
          (i > 1 && unit.tokens[i - 2].sentence_start &&
           rules_.salutations.Contains(unit.FoldedRun(i - 2, i))));
}

bool Context::TitleBefore(const NameUnit& unit, size_t i) const {
  if (i == 0) return false;
  if (TitleGap(unit.GapBetween(i - 1, i))) {
    for (size_t n = 1; n <= 3; ++n) {
      const std::string phrase = PhraseBefore(unit, i, n);
      if (!phrase.empty() && rules_.IsTitle(phrase)) return true;
    }
  }
  return TitleSubjectBefore(unit, i, /*labels_too=*/false);
}

bool Context::OfficialTitleBefore(const NameUnit& unit, size_t i) const {
  return TitleBefore(unit, i) || PhraseDirectlyBefore(unit, i, rules_.official_labels) ||
         TitleSubjectBefore(unit, i, /*labels_too=*/true);
}

// «Prosjektleder i kommunen er Geir Ulstad»: the name completes a sentence whose subject
// is a title, or with `labels_too` an official's label («Kontaktperson for saken er ...»).
bool Context::TitleSubjectBefore(const NameUnit& unit, size_t i, bool labels_too) const {
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

bool Context::RelationAfter(const NameUnit& unit, size_t last) const {
  if (last >= unit.tokens.size()) return false;
  const std::string_view gap = unit.GapBetween(last - 1, last);
  if (gap != " (" && gap != ", " && gap != "(" && gap != ",") return false;
  return rules_.relations.Contains(unit.tokens[last].folded);
}

bool Context::BesideAnchor(const NameUnit& unit, size_t last) const {
  const size_t end = unit.tokens[last - 1].end;
  for (const auto& [begin, anchor_end] : unit.anchors) {
    if (begin < end || begin - end > 48) continue;
    const std::string_view raw = std::string_view(unit.text()).substr(end, begin - end);
    const size_t newline = raw.find('\n');
    if (newline != std::string_view::npos) {
      // A table row read column by column: the name ends its line, the ID or birth date
      // starts the next.
      if (raw.find_first_not_of(" \n") == std::string_view::npos &&
          raw.find('\n', newline + 1) == std::string_view::npos) {
        return true;
      }
      continue;
    }
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
std::string Context::EmailDomainAfter(const NameUnit& unit, size_t last, bool* bracketed) const {
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

bool Context::PrivateEmailAfter(const NameUnit& unit, size_t last) const {
  bool bracketed = false;
  const std::string domain = EmailDomainAfter(unit, last, &bracketed);
  return !domain.empty() && rules_.IsPrivateEmailDomain(domain);
}

// «Lars Kvamme (BUP Haugvik, psykologspesialist)», «Henrik Palm, key account manager,»: a
// title in the parentheses after the name, or ending a phrase of at most three words after
// its comma that ends at a comma or the line's end; not when a relation, a private label or
// a word of running text stands there too («(mor, lærer)», «, elev hos kontaktlærer Eva»,
// «, som møtte rektor».
bool Context::TitleInApposition(const NameUnit& unit, size_t last) const {
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
bool Context::PositionLineBelow(const NameUnit& unit, size_t last) const {
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

// «Tor-Arne Kviseth (H)», «Emma Tidlund | KD | ledamot»: a politician's party after the
// name, in parentheses or in the next cell of a table row. A politician in office is public.
bool Context::PartyAfter(const NameUnit& unit, size_t last) const {
  if (last >= unit.tokens.size()) return false;
  const std::string_view gap = unit.GapBetween(last - 1, last);
  const bool paren = gap == " (" || gap == "(";
  if (!paren && gap != " | ") return false;
  const Token& party = unit.tokens[last];
  const std::string_view written(unit.text().data() + party.begin, party.end - party.begin);
  if (rules_.parties.count(std::string(written)) == 0) return false;
  const std::string_view rest = std::string_view(unit.text()).substr(party.end);
  if (paren) return !rest.empty() && rest.front() == ')';
  return rest.empty() || rest.front() == '\n' || rest.substr(0, 2) == " |";
}

// A party after the name, unless a label before it says the person is private («Eleven
// Kari Hansen (S)»: a mark of something else).
bool Context::Politician(const NameUnit& unit, size_t first, size_t last) const {
  return PartyAfter(unit, last) && !PrivateContextBefore(unit, first);
}

bool Context::TitleAfter(const NameUnit& unit, size_t last) const {
  if (last < unit.tokens.size()) {
    const std::string_view gap = unit.GapBetween(last - 1, last);
    const bool short_gap =
        gap.size() <= 3 && (gap.find(',') != std::string_view::npos ||
                            gap.find('(') != std::string_view::npos || gap == "\n" || gap == " \n");
    // A title on the next line, but not the label of the next field («Mentor: Sara Holm»).
    const bool label = last + 1 < unit.tokens.size() &&
                       unit.GapBetween(last, last + 1).find(':') != std::string_view::npos;
    if (short_gap && rules_.IsTitle(unit.tokens[last].folded) &&
        !(label && gap.find('\n') != std::string_view::npos)) {
      return true;
    }
  }
  return TitleInApposition(unit, last) || PositionLineBelow(unit, last);
}

// A title after the name, or an organisation's e-mail address after it on its line («Fra:
// Eva Lunde <eva.lunde@sorbygda.kommune.no>»).
bool Context::OfficialAfter(const NameUnit& unit, size_t last) const {
  if (TitleAfter(unit, last)) return true;
  bool bracketed = false;
  const std::string domain = EmailDomainAfter(unit, last, &bracketed);
  if (domain.empty() || rules_.IsPrivateEmailDomain(domain)) return false;
  return rules_.IsOrganisationEmailDomain(domain) || bracketed;
}

bool Context::NotNameAfter(const NameUnit& unit, size_t k) const {
  if (k >= unit.tokens.size()) return false;
  const std::string_view gap = unit.GapBetween(k - 1, k);
  if (gap != " " && gap != "-") return false;
  const std::string& f = unit.tokens[k].folded;
  if (rules_.IsOrganisationWord(f)) return true;
  if (rules_.street_words.count(f)) {
    // «Hilde Bakke» is a name; «Hilde Bakke 4» (and «Kari Bakkens vei») a street.
    if (!rules_.last_names.ContainsFolded(f)) return true;
    const size_t after = unit.tokens[k].end;
    const size_t digit = unit.text().find_first_not_of(' ', after);
    return digit != std::string::npos && IsAsciiDigit(unit.text()[digit]);
  }
  return gap == "-" && rules_.HasStreetSuffix(f);
}

bool Context::NameShapedEnd(const NameUnit& unit, size_t last) const {
  const std::string& text = unit.text();
  size_t p = unit.tokens[last - 1].end;
  while (p < text.size() && text[p] == ' ') ++p;
  if (p >= text.size()) return true;
  if (p - unit.tokens[last - 1].end >= 2) return true;  // a column gap in -layout text
  return std::string_view(",(<\n|;").find(text[p]) != std::string_view::npos ||
         IsAsciiDigit(text[p]);
}

namespace {
bool IsAnd(const std::string& folded) {
  static const std::unordered_set<std::string> kAnd = {"og", "och", "and", "eller", "samt"};
  return kAnd.count(folded) > 0;
}
}  // namespace

bool Context::CoordinatedWithName(const NameUnit& unit, size_t i) const {
  if (i < 2 || !unit.name[i - 2]) return false;
  return IsAnd(unit.tokens[i - 1].folded) && unit.GapBetween(i - 2, i - 1) == " " &&
         unit.GapBetween(i - 1, i) == " ";
}

// «Liv, Konrad og Storm»: token i, a single capitalised word, stands in an enumeration of
// single words («A, B og C») of which the word before it is a first name found alone.
bool Context::EnumeratedWithFirstName(const NameUnit& unit, size_t i) const {
  if (i < 1) return false;
  size_t before = i - 1;
  std::string_view gap = unit.GapBetween(before, i);
  if (IsAnd(unit.tokens[before].folded) && before > 0 && gap == " ") {
    gap = unit.GapBetween(before - 1, before);
    if (gap != " ") return false;
    --before;
  } else if (gap != ", ") {
    return false;
  }
  // The word before is a name of one word.
  if (!unit.name[before] ||
      (before > 0 && unit.name[before - 1] && JoinsName(unit.GapBetween(before - 1, before)))) {
    return false;
  }
  // The enumeration closes with «og» after token i, or token i closes it.
  if (IsAnd(unit.tokens[i - 1].folded)) return true;
  for (size_t k = i + 1; k + 1 < unit.tokens.size() && k < i + 8; k += 2) {
    const std::string_view g = unit.GapBetween(k - 1, k);
    if (g == " " && IsAnd(unit.tokens[k].folded)) return unit.tokens[k + 1].cap;
    if (g != ", " || !unit.tokens[k].cap) return false;
  }
  return false;
}

// The text after the name on its line; the next line when nothing follows on it («Melvin
// Ali\n3B», a table read column by column).
std::string_view Context::TextAfter(const NameUnit& unit, size_t last) const {
  const std::string& text = unit.text();
  const size_t from = unit.tokens[last - 1].end;
  const size_t line_end = unit.view().LineEnd(from);
  std::string_view rest = std::string_view(text).substr(from, line_end - from);
  if (rest.find_first_not_of(' ') != std::string_view::npos || line_end >= text.size()) {
    return rest;
  }
  const size_t next_end = unit.view().LineEnd(line_end + 1);
  return std::string_view(text).substr(line_end + 1, next_end - line_end - 1);
}

bool Context::ClassAfter(const NameUnit& unit, size_t first, size_t last, bool listed) const {
  const std::string_view after = TextAfter(unit, last);
  const re2::StringPiece piece(after.data(), after.size());
  for (const auto& re : rules_.class_after) {
    if (RE2::PartialMatch(piece, *re)) return true;
  }
  if (last - first < 2 && !listed) return false;
  for (const auto& re : rules_.class_code_after) {
    if (RE2::PartialMatch(piece, *re)) return !PostcodeLineBelow(unit, last);
  }
  return false;
}

// --- lines around a name -----------------------------------------------------------------

// A line that starts with a postcode and a place: «6893 Fjellstad», «524 37 Sjövik».
bool Context::IsPostcodeLine(std::string_view line) const {
  size_t p = line.find_first_not_of(' ');
  if (p == std::string_view::npos) return false;
  size_t digits = 0;
  while (p < line.size() && digits < 5) {
    if (IsAsciiDigit(line[p])) {
      ++digits;
    } else if (!(line[p] == ' ' && digits == 3 && p + 1 < line.size() &&
                 IsAsciiDigit(line[p + 1]))) {
      break;
    }
    ++p;
  }
  if ((digits != 4 && digits != 5) || p + 1 >= line.size() || line[p] != ' ') return false;
  size_t n;
  return utf8proc_isupper(static_cast<utf8proc_int32_t>(DecodeUtf8(line, p + 1, &n)));
}

// The line `n` lines below the one of token last - 1; empty when there is none.
std::string_view Context::LineBelow(const NameUnit& unit, size_t last, int n) const {
  const std::string& text = unit.text();
  size_t line_end = unit.view().LineEnd(unit.tokens[last - 1].end);
  for (int k = 0; k < n; ++k) {
    if (line_end >= text.size()) return std::string_view();
    const size_t start = line_end + 1;
    line_end = unit.view().LineEnd(start);
    if (k + 1 == n) return std::string_view(text).substr(start, line_end - start);
  }
  return std::string_view();
}

bool Context::PostcodeLineBelow(const NameUnit& unit, size_t last) const {
  return IsPostcodeLine(LineBelow(unit, last, 1)) || IsPostcodeLine(LineBelow(unit, last, 2));
}

// A recipient's address block below the name: a line of words and a house number («Øvre
// Brekke 11», «Sjøvegen 112, leil. H0203»), then a postcode line.
bool Context::AddressBlockBelow(const NameUnit& unit, size_t last) const {
  const std::string_view street = LineBelow(unit, last, 1);
  if (street.empty() || street.size() > 60 || !IsPostcodeLine(LineBelow(unit, last, 2))) {
    return false;
  }
  size_t p = street.find_first_not_of(' ');
  size_t n;
  if (p == std::string_view::npos ||
      !utf8proc_isupper(static_cast<utf8proc_int32_t>(DecodeUtf8(street, p, &n)))) {
    return false;
  }
  // Words, then a house number of one to four digits.
  const size_t digit = street.find_first_of("0123456789");
  if (digit == std::string_view::npos || digit < 2 || street[digit - 1] != ' ') return false;
  size_t end = digit;
  while (end < street.size() && IsAsciiDigit(street[end])) ++end;
  return end - digit <= 4;
}

// A street address on the line after the name's: a street word or suffix, a post box.
bool Context::StreetLineBelow(const NameUnit& unit, size_t last) const {
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

bool Context::AddresseeLine(const NameUnit& unit, size_t first, size_t last) const {
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
  return StreetLineBelow(unit, last) || AddressBlockBelow(unit, last);
}

// A closing phrase («Med hilsen») on one of the four lines above the name's.
bool Context::ClosingAbove(const NameUnit& unit, size_t first) const {
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
bool Context::InSignedBlockWithTitle(const NameUnit& unit, size_t first, size_t last,
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

bool Context::IsOfficial(const NameUnit& unit, size_t first, size_t last) const {
  return OfficialTitleBefore(unit, first) || OfficialAfter(unit, last) ||
         Politician(unit, first, last) ||
         InSignedBlockWithTitle(unit, first, last, /*organisation_too=*/true);
}

bool Context::OfficialByTitle(const NameUnit& unit, size_t first, size_t last) const {
  return TitleBefore(unit, first) || TitleAfter(unit, last) || Politician(unit, first, last) ||
         InSignedBlockWithTitle(unit, first, last, /*organisation_too=*/false);
}

}  // namespace person_names
}  // namespace skjerm
