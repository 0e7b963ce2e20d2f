#include "detect/dates/birth_date_detector.h"

#include <re2/re2.h>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <tuple>
#include <type_traits>
#include <utility>

#include "base/rule_table.h"
#include "base/utf8.h"
#include "normalize/char_class.h"

namespace skjerm {

struct BirthDateDetector::Rules {
  int earliest_year = 1900;
  int max_words_between_cue_and_date = 3;
  int min_age_years_beside_name = 2;
  int min_age_years_in_column = 1;
  size_t max_distance_to_id = 40;
  int max_words_between_id_and_date = 4;

  double cue_confidence = 0.95;
  double column_confidence = 0.9;
  double beside_id_same_date_confidence = 0.95;
  double beside_id_confidence = 0.75;
  double beside_name_confidence = 0.8;

  std::unique_ptr<DateFinder> dates;
  std::unique_ptr<RE2> cues;               // reach a date across a few words
  std::unique_ptr<RE2> tight_cues;         // must stand right before the date
  std::unique_ptr<RE2> headings;           // column headings, any case (first letter checked apart)
  std::vector<std::string> cue_words;      // lower case, every word of every cue
  std::vector<std::string> negative_cues;  // lower case
  std::vector<std::string> abbreviations;  // lower case, without the full stop
  std::vector<std::string> ocr_full_stops;  // what OCR reads the full stop of a tight cue as
};

struct BirthDateDetector::Span {
  Category category;
  size_t begin;
  size_t end;
  std::string text;
};

namespace {

// ---- Characters -------------------------------------------------------------------------

bool IsLetterAt(std::string_view s, size_t pos) {
  size_t n;
  return IsLetter(DecodeUtf8(s, pos, &n));
}

bool IsUpperAt(std::string_view s, size_t pos) {
  size_t n;
  return IsUpperCase(DecodeUtf8(s, pos, &n));
}

// Start of the code point that ends just before pos (pos > 0).
size_t PreviousCharStart(std::string_view s, size_t pos) {
  size_t p = pos - 1;
  while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
  return p;
}

bool IsWordCharBefore(std::string_view s, size_t pos) {
  if (pos == 0) return false;
  const size_t p = PreviousCharStart(s, pos);
  return IsLetterAt(s, p) || IsAsciiDigit(s[p]);
}

bool IsLetterOrDigitAt(std::string_view s, size_t pos) {
  return pos < s.size() && (IsLetterAt(s, pos) || IsAsciiDigit(s[pos]));
}

size_t LineStartOf(std::string_view s, size_t pos) {
  while (pos > 0 && s[pos - 1] != '\n') --pos;
  return pos;
}

size_t LineEndOf(std::string_view s, size_t pos) {
  while (pos < s.size() && s[pos] != '\n') ++pos;
  return pos;
}

// The display column of pos: code points since the start of its line.
size_t ColumnOf(std::string_view s, size_t pos) {
  const size_t start = LineStartOf(s, pos);
  return CountCodePoints(s.substr(start, pos - start));
}

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\n'; });
}

// The words of s (maximal runs of letters), lower case.
std::vector<std::string> LowerWords(std::string_view s) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < s.size()) {
    size_t n;
    if (!IsLetter(DecodeUtf8(s, i, &n))) {
      i += n;
      continue;
    }
    const size_t start = i;
    while (i < s.size() && IsLetter(DecodeUtf8(s, i, &n))) i += n;
    words.push_back(ToLowerUtf8(s.substr(start, i - start)));
  }
  return words;
}

// The letters right before pos, lower case.
std::string WordBefore(std::string_view s, size_t pos) {
  size_t p = pos;
  while (p > 0) {
    const size_t q = PreviousCharStart(s, p);
    if (!IsLetterAt(s, q)) break;
    p = q;
  }
  return ToLowerUtf8(s.substr(p, pos - p));
}

// Whether the full stop at s[dot] of a line ends a sentence in the middle of it, or ends
// the line after a long word: "Oslo. Møtet", "2024. Barnet", "... har flyttet."
bool EndsSentenceInLine(std::string_view s, size_t dot) {
  const size_t letters = CountCodePoints(WordBefore(s, dot));
  const bool after_number = dot > 0 && IsAsciiDigit(s[dot - 1]);
  size_t next = dot + 1;
  while (next < s.size() && s[next] == ' ') ++next;
  const bool capital_follows = next > dot + 1 && next < s.size() && IsUpperAt(s, next);
  if (capital_follows && (after_number || letters >= 3)) return true;
  return letters >= 4 && next >= s.size();
}

// A line of running text rather than a table row or heading.
bool IsProse(std::string_view line) {
  if (LowerWords(line).size() > 12) return true;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '.' && EndsSentenceInLine(line, i)) return true;
  }
  return false;
}

// ---- Rule file ----------------------------------------------------------------------------

[[noreturn]] void RuleError(const std::string& path, const std::string& what) {
  throw RuleFileError(path + ": " + what);
}

// The pattern of one word of a phrase. With ocr_stops, a full stop in it also matches what
// OCR makes of a full stop ("f:" and "f ," for "f."): an optional space and a full stop or
// one of ocr_stops.
std::string WordPattern(std::string_view word, const std::vector<std::string>& ocr_stops) {
  if (ocr_stops.empty()) return RE2::QuoteMeta(word);
  std::string stop = R"((?: ?(?:\.)";
  for (const std::string& s : ocr_stops) stop += "|" + RE2::QuoteMeta(s);
  stop += "))";
  std::string out;
  size_t i = 0;
  while (i <= word.size()) {
    const size_t dot = std::min(word.find('.', i), word.size());
    out += RE2::QuoteMeta(word.substr(i, dot - i));
    if (dot < word.size()) out += stop;
    i = dot + 1;
  }
  return out;
}

// A regex that finds any of the phrases (case-insensitive; a space in a phrase matches any
// run of spaces or one line break), longest phrase first.
std::unique_ptr<RE2> PhraseRegex(std::vector<std::string> phrases, const std::string& path,
                                 const std::vector<std::string>& ocr_stops = {}) {
  std::sort(phrases.begin(), phrases.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  std::string alternatives;
  for (const std::string& phrase : phrases) {
    if (!alternatives.empty()) alternatives += '|';
    size_t i = 0;
    while (i < phrase.size()) {
      const size_t space = phrase.find(' ', i);
      const size_t end = space == std::string::npos ? phrase.size() : space;
      if (end > i) {
        if (i > 0) alternatives += R"((?: +\n? *| *\n *))";
        alternatives += WordPattern(std::string_view(phrase).substr(i, end - i), ocr_stops);
      }
      i = end == phrase.size() ? end : end + 1;
    }
  }
  if (alternatives.empty()) alternatives = R"(\b\B)";  // matches nothing
  auto re = std::make_unique<RE2>("(?i)(" + alternatives + ")");
  if (!re->ok()) RuleError(path, "cannot build a pattern from the phrases: " + re->error());
  return re;
}

void LoadSettings(RuleTable& root, BirthDateDetector::Rules* rules);
void LoadLanguages(RuleTable& root, const std::string& path, int current_year,
                   BirthDateDetector::Rules* rules);

std::unique_ptr<BirthDateDetector::Rules> LoadRules(const std::string& path, int current_year) {
  auto rules = std::make_unique<BirthDateDetector::Rules>();
  ReadRuleFile(path, [&](RuleTable& root) {
    LoadSettings(root, rules.get());
    LoadLanguages(root, path, current_year, rules.get());
  });
  return rules;
}

void LoadSettings(RuleTable& root, BirthDateDetector::Rules* rules) {
  if (std::optional<RuleTable> settings = root.Table("settings")) {
    RuleTable& s = *settings;
    rules->earliest_year = static_cast<int>(s.Integer("earliest_year", 1900, 1000, 9999));
    rules->max_words_between_cue_and_date =
        static_cast<int>(s.Integer("max_words_between_cue_and_date", 3, 0, 100));
    rules->min_age_years_beside_name =
        static_cast<int>(s.Integer("min_age_years_beside_name", 2, 0, 150));
    rules->min_age_years_in_column =
        static_cast<int>(s.Integer("min_age_years_in_column", 1, 0, 150));
    rules->max_distance_to_id = static_cast<size_t>(s.Integer("max_distance_to_id", 40, 0, 10000));
    rules->max_words_between_id_and_date =
        static_cast<int>(s.Integer("max_words_between_id_and_date", 4, 0, 100));
    rules->ocr_full_stops = s.Strings("ocr_full_stops");
  }
  if (std::optional<RuleTable> confidence = root.Table("confidence")) {
    RuleTable& c = *confidence;
    rules->cue_confidence = c.Number("cue", 0.95, 0, 1);
    rules->column_confidence = c.Number("column", 0.9, 0, 1);
    rules->beside_id_same_date_confidence = c.Number("beside_id_same_date", 0.95, 0, 1);
    rules->beside_id_confidence = c.Number("beside_id", 0.75, 0, 1);
    rules->beside_name_confidence = c.Number("beside_name", 0.8, 0, 1);
  }
}

void LoadLanguages(RuleTable& root, const std::string& path, int current_year,
                   BirthDateDetector::Rules* rules) {
  std::optional<RuleTable> languages = root.Table("language");
  std::vector<std::string> codes = languages ? languages->Keys() : std::vector<std::string>();
  std::sort(codes.begin(), codes.end());  // the order the languages were always read in
  if (codes.empty()) RuleError(path, "no [language.*] sections");
  std::vector<std::pair<std::string, int>> months;
  std::vector<std::string> cues, tight_cues, headings;
  for (const std::string& code : codes) {
    RuleTable lang = *languages->Table(code);
    const auto full = lang.Strings("months");
    const auto shortened = lang.Strings("month_abbreviations");
    if (full.size() != 12 || shortened.size() != 12) {
      lang.Fail("months", lang.name() + " needs twelve months and twelve month_abbreviations");
    }
    for (int m = 0; m < 12; ++m) {
      months.emplace_back(full[m], m + 1);
      size_t i = 0;
      const std::string& forms = shortened[m];
      while (i <= forms.size()) {
        const size_t slash = std::min(forms.find('/', i), forms.size());
        if (slash > i) months.emplace_back(forms.substr(i, slash - i), m + 1);
        i = slash + 1;
      }
    }
    for (const std::string& c : lang.Strings("cues")) cues.push_back(c);
    for (const std::string& c : lang.Strings("tight_cues")) tight_cues.push_back(c);
    for (const std::string& h : lang.Strings("column_headings")) headings.push_back(h);
    for (const std::string& n : lang.Strings("negative_cues")) {
      rules->negative_cues.push_back(ToLowerUtf8(n));
    }
    for (const std::string& n : lang.Strings("abbreviations")) {
      rules->abbreviations.push_back(ToLowerUtf8(n));
    }
  }
  for (const std::string& c : cues) {
    for (std::string& w : LowerWords(c)) rules->cue_words.push_back(std::move(w));
  }
  rules->dates = std::make_unique<DateFinder>(months, current_year % 100);
  rules->cues = PhraseRegex(cues, path);
  rules->tight_cues = PhraseRegex(tight_cues, path, rules->ocr_full_stops);
  rules->headings = PhraseRegex(headings, path);
}

// ---- Matching -----------------------------------------------------------------------------

// The last match of re in [from, to) that stands as a phrase of its own: no letter or digit
// right before it, no letter right after it ("f.eks.", "fødte" are not cues).
std::optional<std::pair<size_t, size_t>> LastPhrase(const RE2& re, std::string_view text,
                                                    size_t from, size_t to) {
  std::optional<std::pair<size_t, size_t>> last;
  re2::StringPiece match;
  size_t pos = from;
  while (pos < to && re.Match(text, pos, to, RE2::UNANCHORED, &match, 1)) {
    const size_t begin = static_cast<size_t>(match.data() - text.data());
    const size_t end = begin + match.size();
    if (!IsWordCharBefore(text, begin) && !(end < text.size() && IsLetterAt(text, end))) {
      last = {begin, end};
    }
    pos = begin + 1;
    while (pos < to && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  }
  return last;
}

std::string Digits(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (IsAsciiDigit(c)) out.push_back(c);
  }
  return out;
}

int TwoDigits(const std::string& d, size_t at) { return (d[at] - '0') * 10 + (d[at + 1] - '0'); }

// Whether a national ID's digits encode the date: DDMMYY (Norway with D-number day + 40,
// H-number and synthetic month + 40/+ 80; Denmark; Finland), YYMMDD or YYYYMMDD (Sweden,
// samordningsnummer day + 60).
bool IdEncodesDate(std::string_view id_text, const CalendarDate& date) {
  const std::string d = Digits(id_text);
  if (d.size() < 6) return false;
  const int yy = date.year % 100;
  const int a = TwoDigits(d, 0), b = TwoDigits(d, 2), c = TwoDigits(d, 4);
  if (a % 40 == date.day && b % 40 == date.month && c == yy) return true;
  if (a == yy && b == date.month && (c == date.day || c - 60 == date.day)) return true;
  if (d.size() == 12) {
    const int year = std::atoi(d.substr(0, 4).c_str());
    const int day = TwoDigits(d, 6);
    if (year == date.year && TwoDigits(d, 4) == date.month &&
        (day == date.day || day - 60 == date.day)) {
      return true;
    }
  }
  return false;
}

// Whether date lies at least `years` years before reference.
bool YearsBefore(const CalendarDate& date, const CalendarDate& reference, int years) {
  const CalendarDate shifted{date.year + years, date.month, date.day};
  return std::tie(shifted.year, shifted.month, shifted.day) <=
         std::tie(reference.year, reference.month, reference.day);
}

}  // namespace

// ---- The detector -------------------------------------------------------------------------

std::unique_ptr<BirthDateDetector> BirthDateDetector::FromFile(const std::string& toml_path) {
  const auto now = std::chrono::system_clock::now();
  const std::chrono::year_month_day today{std::chrono::floor<std::chrono::days>(now)};
  const CalendarDate date{static_cast<int>(today.year()), static_cast<int>(unsigned(today.month())),
                          static_cast<int>(unsigned(today.day()))};
  return std::unique_ptr<BirthDateDetector>(
      new BirthDateDetector(LoadRules(toml_path, date.year), date));
}

BirthDateDetector::BirthDateDetector(std::unique_ptr<Rules> rules, CalendarDate today)
    : rules_(std::move(rules)), today_(today) {}

BirthDateDetector::~BirthDateDetector() = default;

void BirthDateDetector::Detect(const DocumentText& text, std::vector<Finding>* findings) const {
  // The letter's dates that are not in the future, latest first: the letter's own date is
  // taken to be the latest of them (deadlines and periods may lie ahead). Dates in rows of
  // birth-date tables are left out: a class list's birth dates are no letter date.
  std::vector<std::vector<DateMention>> dates;
  std::vector<std::vector<Table>> tables;
  std::vector<CalendarDate> letter_dates;
  for (const TextUnit& unit : text.units) {
    dates.push_back(rules_->dates->FindAll(unit.view.text()));
    tables.push_back(BirthDateTables(unit.view.text()));
    for (const DateMention& d : dates.back()) {
      const bool in_table =
          std::any_of(tables.back().begin(), tables.back().end(), [&](const Table& t) {
            return std::any_of(t.rows.begin(), t.rows.end(), [&](const auto& row) {
              return d.begin >= row.first && d.begin < row.second;
            });
          });
      if (d.date.year <= today_.year && !in_table) letter_dates.push_back(d.date);
    }
  }
  std::sort(letter_dates.begin(), letter_dates.end(),
            [](const CalendarDate& a, const CalendarDate& b) {
              return YearsBefore(b, a, 0) && !(a == b);
            });
  for (size_t u = 0; u < text.units.size(); ++u) {
    const TextUnit& unit = text.units[u];
    std::vector<Span> earlier;
    for (const Finding& f : *findings) {
      if (f.location == unit.location) {
        earlier.push_back(Span{f.category, f.view_begin, f.view_end, f.text});
      }
    }
    DetectInUnit(unit, dates[u], tables[u], letter_dates, earlier, findings);
  }
}

void BirthDateDetector::DetectInUnit(const TextUnit& unit, const std::vector<DateMention>& dates,
                                     const std::vector<Table>& tables,
                                     const std::vector<CalendarDate>& letter_dates,
                                     const std::vector<Span>& earlier,
                                     std::vector<Finding>* findings) const {
  if (dates.empty()) return;
  const std::string& text = unit.view.text();
  const std::vector<bool> in_column = InBirthDateColumn(text, dates, tables, letter_dates);
  std::vector<Span> ids, names;
  for (const Span& s : earlier) {
    if (s.category == Category::kNationalId) ids.push_back(s);
    if (s.category == Category::kPersonName) names.push_back(s);
  }
  for (size_t i = 0; i < dates.size(); ++i) {
    const DateMention& date = dates[i];
    if (!Plausible(date)) continue;
    const bool inside_earlier = std::any_of(earlier.begin(), earlier.end(), [&](const Span& s) {
      return date.begin < s.end && s.begin < date.end;
    });
    if (inside_earlier) continue;
    std::string rule;
    double confidence = 0;
    if (CueBinds(text, date.begin)) {
      rule = "birth_date.cue";
      confidence = rules_->cue_confidence;
    } else if (date.form == DateForm::kCompact) {
      continue;  // eight bare digits are a date only after a cue
    } else if (in_column[i]) {
      rule = "birth_date.column";
      confidence = rules_->column_confidence;
    } else if (auto c = BesideId(text, date, ids)) {
      rule = "birth_date.beside_id";
      confidence = *c;
    } else if (BesideName(text, date, LetterDateBeside(date.date, letter_dates), names)) {
      rule = "birth_date.beside_name";
      confidence = rules_->beside_name_confidence;
    } else {
      continue;
    }
    Finding f = MakeFinding(unit, Category::kBirthDate, rule, date.begin, date.end, confidence);
    f.key = date.date.ToIso();
    findings->push_back(std::move(f));
  }
}

CalendarDate BirthDateDetector::LetterDateBeside(
    const CalendarDate& date, const std::vector<CalendarDate>& letter_dates) const {
  // The candidate itself does not count once: a letter whose only date is a birth date has
  // no date of its own, and is taken to be written today.
  bool skipped = false;
  for (const CalendarDate& d : letter_dates) {
    if (!skipped && d == date) {
      skipped = true;
      continue;
    }
    return d;
  }
  return today_;
}

bool BirthDateDetector::Plausible(const DateMention& date) const {
  return date.date.year >= rules_->earliest_year && date.date.year <= today_.year;
}

bool BirthDateDetector::CueBinds(std::string_view text, size_t date_begin) const {
  // The cue stands on the date's line, or alone on the line above ("Fødselsdato:\n12.03.2011").
  size_t from = LineStartOf(text, date_begin);
  const std::string_view before = text.substr(from, date_begin - from);
  if (from > 0 &&
      std::all_of(before.begin(), before.end(), [](char c) { return c == ' ' || c == ':'; })) {
    from = LineStartOf(text, from - 1);
  }
  if (date_begin - from > 200) {
    from = date_begin - 200;
    while (from < date_begin && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
  }
  const auto near = LastPhrase(*rules_->cues, text, from, date_begin);
  const auto tight = LastPhrase(*rules_->tight_cues, text, from, date_begin);
  if (tight && (!near || tight->second >= near->second)) {
    const std::string_view gap = text.substr(tight->second, date_begin - tight->second);
    return std::all_of(gap.begin(), gap.end(), [](char c) { return c == ' ' || c == ':'; });
  }
  if (!near) return false;
  // «født i Bergen 12.03.2011», but not «født i Bergen, flyttet 14.03.2020».
  GapRules rules;
  rules.max_words = rules_->max_words_between_cue_and_date;
  rules.allow_line_break = true;
  rules.allow_column_gap = true;
  rules.comma_ends_clause = true;
  return GapBinds(text.substr(near->second, date_begin - near->second), rules);
}

bool BirthDateDetector::GapBinds(std::string_view gap, const GapRules& rules) const {
  int line_breaks = 0;
  int spaces = 0;
  bool column_gap = false;
  bool after_comma = false;
  for (size_t i = 0; i < gap.size(); ++i) {
    const char c = gap[i];
    if (IsAsciiDigit(c) || c == ';' || c == '!' || c == '?') return false;
    if (c == '.' && EndsSentenceInGap(gap, i)) return false;
    if (c == ',') after_comma = true;
    if (after_comma && rules.comma_ends_clause && IsLetterAt(gap, i)) return false;
    if (c == '\n') ++line_breaks;
    spaces = c == ' ' ? spaces + 1 : 0;
    if (spaces >= 3) column_gap = true;
  }
  const std::vector<std::string> words = LowerWords(gap);
  if (line_breaks > 1) return false;
  if (line_breaks == 1 && (!rules.allow_line_break || !words.empty())) return false;
  if (column_gap && (!words.empty() || !rules.allow_column_gap)) return false;
  if (static_cast<int>(words.size()) > rules.max_words) return false;
  return std::none_of(words.begin(), words.end(),
                      [&](const std::string& w) { return IsNegativeCue(w); });
}

bool BirthDateDetector::EndsSentenceInGap(std::string_view gap, size_t dot) const {
  // "i Oslo. Møtet", "i Oslo. 14.03.2024"; not "d.", "f.eks.", "fnr.", "personnr.".
  const std::string word = WordBefore(gap, dot);
  if (CountCodePoints(word) < 3) return false;
  const auto& abbreviations = rules_->abbreviations;
  if (std::find(abbreviations.begin(), abbreviations.end(), word) != abbreviations.end()) {
    return false;
  }
  return dot + 1 == gap.size() || gap[dot + 1] == ' ' || gap[dot + 1] == '\n' ||
         IsUpperAt(gap, dot + 1);
}

bool BirthDateDetector::IsNegativeCue(std::string_view word) const {
  const auto& cue_words = rules_->cue_words;
  if (std::find(cue_words.begin(), cue_words.end(), word) != cue_words.end()) return false;
  for (const std::string& n : rules_->negative_cues) {
    if (word == n) return true;
    if (CountCodePoints(n) >= 4 && word.size() > n.size() &&
        (word.starts_with(n) || word.ends_with(n))) {
      return true;
    }
  }
  return false;
}

std::optional<double> BirthDateDetector::BesideId(std::string_view text, const DateMention& date,
                                                  const std::vector<Span>& ids) const {
  std::optional<double> best;
  for (const Span& id : ids) {
    std::string_view gap;
    if (id.end <= date.begin) {
      gap = text.substr(id.end, date.begin - id.end);
    } else if (date.end <= id.begin) {
      gap = text.substr(date.end, id.begin - date.end);
    } else {
      continue;
    }
    if (gap.size() > rules_->max_distance_to_id) continue;
    // Words between ID and date ("fnr.", "pnr") are fine only when the ID carries the same
    // date; otherwise the date may be anything the sentence goes on to say.
    const bool same_date = IdEncodesDate(id.text, date.date);
    GapRules rules;
    rules.max_words = same_date ? rules_->max_words_between_id_and_date : 0;
    rules.allow_column_gap = same_date;
    if (!GapBinds(gap, rules)) {
      continue;
    }
    const double c =
        same_date ? rules_->beside_id_same_date_confidence : rules_->beside_id_confidence;
    best = std::max(best.value_or(0.0), c);
  }
  return best;
}

bool BirthDateDetector::BesideName(std::string_view text, const DateMention& date,
                                   const CalendarDate& letter_date,
                                   const std::vector<Span>& names) const {
  if (!YearsBefore(date.date, letter_date, rules_->min_age_years_beside_name)) return false;
  for (const Span& name : names) {
    if (name.end > date.begin || date.begin - name.end > 6) continue;
    std::string punctuation;
    for (char c : text.substr(name.end, date.begin - name.end)) {
      if (c != ' ') punctuation.push_back(c);
    }
    if (punctuation == "," || punctuation == "(" || punctuation == ",(") return true;
  }
  return false;
}

std::optional<std::pair<size_t, size_t>> BirthDateDetector::HeadingIn(std::string_view text,
                                                                      size_t line_begin,
                                                                      size_t line_end) const {
  // A header line: a short line of words without digits or sentences (so not a label with
  // its value, «Fødselsdato: 12.03.2011», which is a cue's business); the heading starts
  // with a capital. Form labels over their values («Navn:      Fødselsdato:») are headers.
  const std::string_view line = text.substr(line_begin, line_end - line_begin);
  if (std::any_of(line.begin(), line.end(), [](char c) { return IsAsciiDigit(c); })) {
    return std::nullopt;
  }
  if (LowerWords(line).size() < 2 || IsProse(line)) return std::nullopt;
  // The last heading of the line; a table rarely has two birth-date columns.
  const auto h = LastPhrase(*rules_->headings, text, line_begin, line_end);
  if (!h || !IsUpperAt(text, h->first) || IsLetterOrDigitAt(text, h->second)) {
    return std::nullopt;
  }
  return std::make_pair(ColumnOf(text, h->first), ColumnOf(text, h->second));
}

std::vector<BirthDateDetector::Table> BirthDateDetector::BirthDateTables(
    std::string_view text) const {
  constexpr size_t kMaxRows = 60;
  std::vector<Table> tables;
  size_t line_begin = 0;
  while (line_begin < text.size()) {
    const size_t line_end = LineEndOf(text, line_begin);
    const auto heading = HeadingIn(text, line_begin, line_end);
    line_begin = line_end + 1;
    if (!heading) continue;
    Table table{heading->first, heading->second, {}};
    // Rows follow until running text, another header, two blank lines in a row (a single
    // one may stand between rows of different heights) or kMaxRows.
    int blank_lines = 0;
    for (size_t row = line_begin; row < text.size() && table.rows.size() < kMaxRows;) {
      const size_t row_end = LineEndOf(text, row);
      const std::string_view line = text.substr(row, row_end - row);
      if (IsBlank(line)) {
        if (++blank_lines >= 2) break;
      } else {
        blank_lines = 0;
        if (IsProse(line) || HeadingIn(text, row, row_end)) break;
        table.rows.emplace_back(row, row_end);
      }
      row = row_end + 1;
    }
    if (!table.rows.empty()) tables.push_back(std::move(table));
  }
  return tables;
}

std::vector<bool> BirthDateDetector::InBirthDateColumn(
    std::string_view text, const std::vector<DateMention>& dates, const std::vector<Table>& tables,
    const std::vector<CalendarDate>& letter_dates) const {
  constexpr size_t kColumnSlack = 15;  // rows rarely line up exactly under their heading
  std::vector<bool> in_column(dates.size(), false);
  for (const Table& table : tables) {
    const size_t lo = table.heading_begin > kColumnSlack ? table.heading_begin - kColumnSlack : 0;
    const size_t hi = table.heading_end + kColumnSlack;
    const double heading_centre = (table.heading_begin + table.heading_end) / 2.0;
    for (const auto& [row, row_end] : table.rows) {
      // Of the row's dates under the heading, the one nearest to it.
      std::optional<size_t> best;
      double best_distance = 0;
      for (size_t i = 0; i < dates.size(); ++i) {
        const DateMention& d = dates[i];
        if (d.begin < row || d.begin >= row_end || !Plausible(d) ||
            !YearsBefore(d.date, LetterDateBeside(d.date, letter_dates),
                         rules_->min_age_years_in_column)) {
          continue;
        }
        const size_t b = ColumnOf(text, d.begin);
        const size_t e = b + CountCodePoints(text.substr(d.begin, d.end - d.begin));
        if (e <= lo || b >= hi) continue;
        const double distance = std::abs((b + e) / 2.0 - heading_centre);
        if (!best || distance < best_distance) {
          best = i;
          best_distance = distance;
        }
      }
      if (best) in_column[*best] = true;
    }
  }
  return in_column;
}

}  // namespace skjerm
