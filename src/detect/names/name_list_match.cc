#include "detect/names/name_list_match.h"

#include <algorithm>

#include "detect/roles/roster_terms.h"

namespace skjerm {
namespace person_names {

void ListMatch::Run() {
  for (size_t u = 0; u < doc_->units.size(); ++u) TableColumns(u);
  for (const auto& [u, first, last] : table_names_) {
    if (!context_.IsOfficial(doc_->units[u], first, last)) {
      Add(u, first, last, "name.context", rules_.confidence.context);
    }
  }
  for (size_t u = 0; u < doc_->units.size(); ++u) NoteOfficials(u);
  for (size_t u = 0; u < doc_->units.size(); ++u) Runs(u);
  LoneContextNames();
  CollectLoneFirstNames();
  for (size_t u = 0; u < doc_->units.size(); ++u) Singles(u);
}

void ListMatch::Add(size_t u, size_t first, size_t last, const std::string& rule,
                    double confidence) {
  NameUnit& unit = doc_->units[u];
  for (size_t k = first; k < last; ++k) {
    unit.used[k] = true;
    unit.name[k] = true;
  }
  NameCandidate c;
  c.unit = u;
  c.first = first;
  c.last = last;
  c.rule = rule;
  c.confidence = confidence;
  doc_->candidates.push_back(std::move(c));
}

// --- tables ------------------------------------------------------------------------------

// The column of a header line headed «Navn», «Elev», «Namn»; header.size() if none.
size_t ListMatch::NameColumn(const NameUnit& unit,
                             const std::vector<std::pair<size_t, size_t>>& header) const {
  if (header.size() < 2) return header.size();
  for (size_t c = 0; c < header.size(); ++c) {
    const auto [b, e] = header[c];
    if (rules_.labels.Contains(FoldName(std::string_view(unit.text()).substr(b, e - b)))) {
      return c;
    }
  }
  return header.size();
}

// The rows below a header, until a line that is not a row of as many cells: the cell of
// the name column when it holds nothing but capitalised name-like words. Returns where the
// next header may start.
size_t ListMatch::TableRows(size_t u, size_t line, size_t column, size_t columns) {
  const NameUnit& unit = doc_->units[u];
  const std::string& text = unit.text();
  while (line < text.size()) {
    const size_t row_end = unit.view().LineEnd(line);
    const auto cells = TableCells(text, line, row_end);
    if (cells.size() != columns) break;
    const auto [b, e] = cells[column];
    size_t first = unit.tokens.size(), last = 0;
    bool all_cap = true;
    for (size_t k = 0; k < unit.tokens.size(); ++k) {
      if (unit.tokens[k].begin < b || unit.tokens[k].end > e) continue;
      first = std::min(first, k);
      last = k + 1;
      all_cap = all_cap && unit.tokens[k].cap && unit.tokens[k].surname_like && !unit.used[k];
    }
    if (first < last && last - first <= 4 && all_cap && unit.tokens[first].begin == b &&
        unit.tokens[last - 1].end == e) {
      table_names_.push_back({u, first, last});
    }
    line = row_end + 1;
  }
  return line;
}

// A table with a column headed «Navn», «Elev», «Namn»: the names in that column.
void ListMatch::TableColumns(size_t u) {
  const NameUnit& unit = doc_->units[u];
  const std::string& text = unit.text();
  size_t line = 0;
  while (line < text.size()) {
    const size_t line_end = unit.view().LineEnd(line);
    const auto header = TableCells(text, line, line_end);
    const size_t column = NameColumn(unit, header);
    line = line_end + 1;
    if (column < header.size()) line = TableRows(u, line, column, header.size());
  }
}

// --- runs of capitalised words -----------------------------------------------------------

void ListMatch::Runs(size_t u) {
  size_t i = 0;
  while (i < doc_->units[u].tokens.size()) i = RunAt(u, i);
}

// «Mai Britt Olsen», «August Holm»: a month's name is a first name only before a listed
// name.
bool ListMatch::MonthAsName(const NameUnit& unit, size_t i) const {
  const std::vector<Token>& toks = unit.tokens;
  return rules_.never.count(toks[i].folded) && i + 1 < toks.size() && toks[i + 1].cap &&
         unit.GapBetween(i, i + 1) == " " && toks[i + 1].surname_like &&
         (IsFirstName(toks[i + 1]) || Listed(rules_.last_names, toks[i + 1]));
}

// The run of capitalised words from i, up to the first one that cannot be part of a name.
// A listed first name may wrap onto the next line.
size_t ListMatch::RunEnd(const NameUnit& unit, size_t i, bool listed) const {
  const std::vector<Token>& toks = unit.tokens;
  size_t j = i + 1;
  while (j < toks.size() && j - i < 4 && toks[j].cap && !unit.used[j] && toks[j].surname_like) {
    const std::string_view gap = unit.GapBetween(j - 1, j);
    // OCR: «pappa Tomas. Viklund» when the letter names other Viklunds.
    const bool ocr_stop =
        gap == ". " && listed && j == i + 1 && doc_->known_family.count(toks[j].folded) > 0;
    if ((!JoinsName(gap) && !ocr_stop) ||
        (gap == "\n" && !(listed && j == i + 1 && !toks[j].sentence_start)) ||
        SecondFullName(unit, j)) {
      break;
    }
    ++j;
  }
  return j;
}

// «Maria Olofsson Lars Eriksson» (two cells of a table read as one line): token j, a first
// name that is no family name, follows a family name that is no first name and is followed
// by another name word.
bool ListMatch::SecondFullName(const NameUnit& unit, size_t j) const {
  const std::vector<Token>& toks = unit.tokens;
  if (j < 2 || j + 1 >= toks.size() || !toks[j + 1].cap || unit.GapBetween(j, j + 1) != " ") {
    return false;
  }
  return IsFirstName(toks[j]) && !Listed(rules_.last_names, toks[j]) &&
         Listed(rules_.last_names, toks[j - 1]) && !IsFirstName(toks[j - 1]) &&
         toks[j + 1].surname_like;
}

// A listed first name and a family-name-like word: a name unless the words are ordinary
// words where a sentence starts («Per Haug» yes, «Sol Skinner» at a sentence start no).
ListMatch::RunJudgement ListMatch::ListedNameWithSurname(const NameUnit& unit, size_t i,
                                                         size_t j) const {
  const Token& t = unit.tokens[i];
  const Token& surname = unit.tokens[j - 1];
  const bool known_surname = Listed(rules_.last_names, surname) ||
                             rules_.last_names.ContainsFolded(StripGenitive(surname.folded));
  const bool ordinary_first = Listed(rules_.ordinary_words, t);
  const bool ordinary_surname = Listed(rules_.ordinary_words, surname) && !known_surname;
  // A heading row is read like a sentence start: «Anlegg Adresse Dag Tid Gruppe».
  const bool starts = t.sentence_start || OnHeadingLine(unit, i);
  if (!ordinary_surname && (known_surname || !ordinary_first || !starts)) {
    return {"name.list", rules_.confidence.list_full};
  }
  return {};
}

ListMatch::RunJudgement ListMatch::Judge(const NameUnit& unit, size_t i, size_t j,
                                         bool listed) const {
  const bool context = context_.PrivateContextBefore(unit, i) || context_.RelationAfter(unit, j) ||
                       context_.BesideAnchor(unit, j) || context_.PrivateEmailAfter(unit, j) ||
                       (j - i >= 2 && context_.AddresseeLine(unit, i, j)) ||
                       context_.ClassAfter(unit, i, j, listed) ||
                       (j - i >= 2 && context_.CoordinatedWithName(unit, i));
  if (context && (listed || j - i >= 2)) return {"name.context", rules_.confidence.context};
  if (listed && j - i >= 2) return ListedNameWithSurname(unit, i, j);
  if (j - i == 1 && UnknownNameAfterLabel(unit, i))
    return {"name.context", rules_.confidence.context};
  return {};
}

// «Elev: Amira, D-nummer ...», «min kone Ewa (...)»: one word no list has, after a label
// that names a person and ending like a name (a comma, a bracket, the line's end, an ID).
bool ListMatch::UnknownNameAfterLabel(const NameUnit& unit, size_t i) const {
  const Token& t = unit.tokens[i];
  if (t.upper || Listed(rules_.ordinary_words, t) || !context_.PersonLabelBefore(unit, i)) {
    return false;
  }
  return context_.NameShapedEnd(unit, i + 1) || context_.BesideAnchor(unit, i + 1);
}

// «Villaföreningen Granbacken», «Stiftelsen Anders Jahre»: the capitalised words right
// after an organisation word name the organisation. Returns the token after them.
size_t ListMatch::SkipOrganisationName(NameUnit& unit, size_t i) const {
  size_t j = i + 1;
  while (j < unit.tokens.size() && j < i + 4 && unit.tokens[j].cap &&
         unit.GapBetween(j - 1, j) == " ") {
    unit.used[j++] = true;
  }
  return j;
}

// Words beside the name that no official acting in office has: a relation («(mor)»), a
// private e-mail address, a national ID or birth date. They outweigh a title or label
// («Kopi: Geir Lunde <geir.lunde@gmail.com>»). (A class does not: teachers have classes.)
bool ListMatch::PrivateEvidence(const NameUnit& unit, size_t j) const {
  return context_.RelationAfter(unit, j) || context_.PrivateEmailAfter(unit, j) ||
         context_.BesideAnchor(unit, j);
}

// Looks at the run starting at token i; returns where the next one may start.
size_t ListMatch::RunAt(size_t u, size_t i) {
  NameUnit& unit = doc_->units[u];
  const Token& t = unit.tokens[i];
  const bool month_as_name = MonthAsName(unit, i);
  if (unit.used[i] || !t.cap) return i + 1;
  if (t.folded.size() >= 5 && rules_.IsOrganisationWord(t.folded)) {
    return SkipOrganisationName(unit, i);
  }
  if (!t.surname_like && !month_as_name) return i + 1;
  const bool listed = IsFirstName(t) || month_as_name;
  const size_t j = RunEnd(unit, i, listed);
  if (context_.NotNameAfter(unit, j)) {
    for (size_t k = i; k < j; ++k) unit.used[k] = true;  // a street's or a school's name
    return j;
  }
  const RunJudgement verdict = Judge(unit, i, j, listed);
  if (verdict.rule.empty()) return i + 1;
  if (!PrivateEvidence(unit, j) &&
      (context_.IsOfficial(unit, i, j) || OfficialNamedElsewhere(unit, i, j))) {
    doc_->official_first.insert(t.folded);
    for (size_t k = i; k < j; ++k) unit.used[k] = true;
    return j;
  }
  if (j - i == 1) {
    // Decided at the end: «Hej Henrik!» may greet an official found further on.
    lone_context_.push_back({u, i});
    return i + 1;
  }
  doc_->known_first.insert(t.folded);
  doc_->known_full.insert(unit.FoldedRun(i, j));
  doc_->known_family.insert(unit.tokens[j - 1].folded);
  Add(u, i, j, verdict.rule, verdict.confidence);
  return j;
}

// Full names that a title makes an official's somewhere in the document: «att. ordförande
// Bengt Hägglund» makes «Tack, Bengt Hägglund, för ...» the official too; not when a
// private person's context stands beside the same name anywhere.
void ListMatch::NoteOfficials(size_t u) {
  const NameUnit& unit = doc_->units[u];
  size_t i = 0;
  while (i < unit.tokens.size()) {
    const Token& t = unit.tokens[i];
    if (unit.used[i] || !t.cap || !t.surname_like) {
      ++i;
      continue;
    }
    const bool listed = IsFirstName(t);
    const size_t j = RunEnd(unit, i, listed);
    if (j - i >= 2 && context_.OfficialByTitle(unit, i, j)) {
      doc_->official_full.insert(unit.FoldedRun(i, j));
    }
    if (j - i >= 2 && Judge(unit, i, j, listed).rule == "name.context") {
      private_full_.insert(unit.FoldedRun(i, j));
    }
    i = j;
  }
}

// The run [i, j) (or its genitive) is a full name found to be an official's.
bool ListMatch::OfficialNamedElsewhere(const NameUnit& unit, size_t i, size_t j) const {
  if (j - i < 2) return false;
  std::string run = unit.FoldedRun(i, j);
  const std::string stem = StripGenitive(unit.tokens[j - 1].folded);
  if (!doc_->official_full.count(run) && !stem.empty()) run = unit.FoldedRun(i, j - 1) + " " + stem;
  return doc_->official_full.count(run) && !private_full_.count(run);
}

// --- names alone -------------------------------------------------------------------------

// A first name greeted or labelled, unless it is an official's found elsewhere.
void ListMatch::LoneContextNames() {
  for (const auto& [u, i] : lone_context_) {
    const std::string& f = doc_->units[u].tokens[i].folded;
    if (doc_->units[u].used[i] || (doc_->official_first.count(f) && !doc_->known_first.count(f))) {
      continue;
    }
    doc_->known_first.insert(f);
    Add(u, i, i + 1, "name.context", rules_.confidence.context);
  }
}

// The first name a word capitalised mid-sentence is, or is the genitive of («Linneas»);
// "" if none. Even a name that is also a word (Liv, Sander) is a name there.
std::string ListMatch::LoneFirstName(const Token& t) const {
  if (!t.cap || t.sentence_start || t.upper || rules_.never.count(t.folded)) return "";
  // A label or heading word («Mentor:», «Medlem») that a name list also has.
  if (rules_.common_words.ContainsFolded(t.folded)) return "";
  if (IsFirstName(t)) return t.folded;
  const std::string stem = StripGenitive(t.folded);
  if (stem.empty() || !t.surname_like || Listed(rules_.last_names, t) ||
      Listed(rules_.ordinary_words, t) ||
      !(rules_.first_names.ContainsFolded(stem) || doc_->roster_first.count(stem))) {
    return "";
  }
  return stem;
}

// A line of three or more words, every one capitalised, and no punctuation: a table's header
// row or a heading («Anlegg | Adresse | Dag | Tid»), where a name that is also a word (Dag)
// is the word.
bool ListMatch::OnHeadingLine(const NameUnit& unit, size_t i) const {
  const std::string& text = unit.text();
  const size_t line_begin = text.rfind('\n', unit.tokens[i].begin);
  const size_t begin = line_begin == std::string::npos ? 0 : line_begin + 1;
  const size_t line_end = text.find('\n', unit.tokens[i].end);
  const size_t end = line_end == std::string::npos ? text.size() : line_end;
  // A list of names («Til stede: Per Olsen, Liv Berg») has its colon and commas.
  for (size_t p = begin; p < end; ++p) {
    if (text[p] == ',' || text[p] == ':' || text[p] == '(' || text[p] == '.') return false;
  }
  size_t k = i;
  while (k > 0 && unit.tokens[k - 1].begin >= begin) --k;
  size_t words = 0;
  for (; k < unit.tokens.size() && unit.tokens[k].end <= end; ++k, ++words) {
    if (!unit.tokens[k].cap) return false;
  }
  return words >= 3;
}

bool ListMatch::InAddress(const NameUnit& unit, size_t i) const {
  const std::string& text = unit.text();
  size_t after = unit.tokens[i].end;
  while (after < text.size() && text[after] == ' ') ++after;
  if (after > unit.tokens[i].end && after < text.size() && text[after] >= '0' &&
      text[after] <= '9') {
    return true;
  }
  size_t before = unit.tokens[i].begin;
  if (before == 0 || text[before - 1] != ' ') return false;
  --before;
  size_t digits = 0;
  while (before > 0 && ((text[before - 1] >= '0' && text[before - 1] <= '9') ||
                        (text[before - 1] == ' ' && digits == 2))) {
    if (text[before - 1] != ' ') ++digits;
    --before;
  }
  const bool starts = before == 0 || text[before - 1] == ' ' || text[before - 1] == '\n' ||
                      text[before - 1] == ',' || text[before - 1] == '-';
  return starts && (digits == 4 || digits == 5);
}

void ListMatch::CollectLoneFirstNames() {
  for (const NameUnit& unit : doc_->units) {
    for (size_t i = 0; i < unit.tokens.size(); ++i) {
      const Token& t = unit.tokens[i];
      const std::string first = LoneFirstName(t);
      if (first.empty() || doc_->official_first.count(first)) continue;
      if (Listed(rules_.ordinary_words, t) && OnHeadingLine(unit, i)) continue;
      if (InAddress(unit, i)) continue;
      doc_->lone_first.insert(first);
    }
  }
}

bool ListMatch::OrdinaryAtSentenceStart(const Token& t) const {
  return (t.sentence_start || t.upper) &&
         (Listed(rules_.ordinary_words, t) ||
          rules_.ordinary_words.ContainsFolded(StripGenitive(t.folded)));
}

// The end of a full name found before that starts at token i; i if none.
size_t ListMatch::KnownFullNameEnd(const NameUnit& unit, size_t i) const {
  size_t matched = i;
  std::string full;
  for (size_t j = i; j < unit.tokens.size() && j - i < 4 && !unit.used[j] && unit.tokens[j].cap &&
                     (j == i || JoinsName(unit.GapBetween(j - 1, j)));
       ++j) {
    full += (j > i ? " " : "") + unit.tokens[j].folded;
    if (doc_->known_full.count(full)) matched = j + 1;
  }
  return matched;
}

// Full names found before, wherever they recur; first names (or genitives) of names found
// in full or seen mid-sentence; a word joined by «og» to a name.
void ListMatch::Singles(size_t u) {
  NameUnit& unit = doc_->units[u];
  for (size_t i = 0; i < unit.tokens.size(); ++i) {
    const Token& t = unit.tokens[i];
    if (unit.used[i] || !t.cap || rules_.never.count(t.folded)) continue;
    if (rules_.common_words.ContainsFolded(t.folded)) continue;
    const size_t matched = KnownFullNameEnd(unit, i);
    if (matched > i + 1) {
      Add(u, i, matched, "name.list", rules_.confidence.list_full);
      i = matched - 1;
      continue;
    }
    const std::string stem = StripGenitive(t.folded);
    auto seen = [&](const std::unordered_set<std::string>& set) {
      return set.count(t.folded) || (!stem.empty() && set.count(stem));
    };
    const bool known = seen(doc_->known_first);
    const bool lone = seen(doc_->lone_first);
    if ((known || lone) && !OrdinaryAtSentenceStart(t) && !context_.IsOfficial(unit, i, i + 1) &&
        !(!known && Listed(rules_.ordinary_words, t) && OnHeadingLine(unit, i)) &&
        !(!known && InAddress(unit, i))) {
      Add(u, i, i + 1, "name.list",
          known ? rules_.confidence.list_first_after_full : rules_.confidence.list_first_alone);
    } else if ((context_.CoordinatedWithName(unit, i) ||
                context_.EnumeratedWithFirstName(unit, i)) &&
               t.surname_like && !OrdinaryAtSentenceStart(t)) {
      Add(u, i, i + 1, "name.context", rules_.confidence.context);
    }
  }
}

}  // namespace person_names
}  // namespace skjerm
