#include "detect/dates/calendar_date.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "base/utf8.h"

namespace skjerm {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int ToInt(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

// The regex for one month spelling that also accepts what OCR makes of it: "rn" for "m",
// "l"/"1"/"|" for "i" and the other way round, "0" for "o".
std::string OcrTolerantPattern(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size();) {
    size_t n;
    DecodeUtf8(name, i, &n);
    const std::string_view ch = name.substr(i, n);
    if (ch == "m") {
      out += "(?:m|rn)";
    } else if (ch == "i" || ch == "l") {
      out += "[il1|]";
    } else if (ch == "o") {
      out += "[o0]";
    } else {
      out += RE2::QuoteMeta(ch);
    }
    i += n;
  }
  return out;
}

// The key under which a spelling, or what OCR made of it, is looked up.
std::string OcrFold(std::string_view s) {
  std::string lower = ToLowerUtf8(s);
  std::string out;
  for (size_t i = 0; i < lower.size(); ++i) {
    const char c = lower[i];
    if (c == 'r' && i + 1 < lower.size() && lower[i + 1] == 'n') {
      out.push_back('m');
      ++i;
    } else if (c == 'l' || c == '1' || c == '|') {
      out.push_back('i');
    } else if (c == '0') {
      out.push_back('o');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Calls f(groups) for every match of re in text, trying again one byte after the start of
// each match so that a match rejected by f cannot hide one that overlaps it.
template <typename F>
void ForEachMatch(const RE2& re, std::string_view text, F f) {
  const int n = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> pieces(n);
  std::vector<std::string_view> groups(n);
  size_t pos = 0;
  while (pos < text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, pieces.data(), n)) {
    for (int i = 0; i < n; ++i) groups[i] = std::string_view(pieces[i].data(), pieces[i].size());
    f(groups);
    pos = static_cast<size_t>(groups[0].data() - text.data()) + 1;
  }
}

size_t Offset(std::string_view text, std::string_view part) {
  return static_cast<size_t>(part.data() - text.data());
}

// False when [begin, end) is part of a longer number ("1.12.03.2011", "20110312-1234", an
// ID "120311-66592", an account "1503.78.77899") or one end of a period ("6.–12. mars",
// "01.08.2025–31.07.2029").
bool StandsAlone(std::string_view text, size_t begin, size_t end) {
  if (begin > 0) {
    const char prev = text[begin - 1];
    if (IsDigit(prev) || (prev >= 'a' && prev <= 'z') || (prev >= 'A' && prev <= 'Z')) {
      return false;
    }
    if ((prev == '.' || prev == '/' || prev == ',') && begin >= 2 && IsDigit(text[begin - 2])) {
      return false;
    }
    // A dash before, after at most a space: "6.-12. mars", "5 - 12.03.2024".
    size_t p = begin;
    while (p > 0 && text[p - 1] == ' ' && begin - p < 2) --p;
    if (p > 0 && text[p - 1] == '-') {
      size_t q = p - 1;
      while (q > 0 && text[q - 1] == ' ' && p - 1 - q < 2) --q;
      if (q > 0 && (IsDigit(text[q - 1]) || text[q - 1] == '.')) return false;
    }
  }
  if (end < text.size()) {
    const char next = text[end];
    if (IsDigit(next)) return false;
    if ((next == '-' || next == '/' || next == '.' || next == '+') && end + 1 < text.size() &&
        IsDigit(text[end + 1])) {
      return false;
    }
    // A dash after, with spaces: "12.03.2024 - 15.03.2024".
    size_t p = end;
    while (p < text.size() && text[p] == ' ' && p - end < 2) ++p;
    if (p < text.size() && text[p] == '-') {
      ++p;
      while (p < text.size() && text[p] == ' ') ++p;
      if (p < text.size() && IsDigit(text[p])) return false;
    }
  }
  return true;
}

}  // namespace

std::string CalendarDate::ToIso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

bool IsValidCalendarDate(int year, int month, int day) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int last = month == 2 && leap ? 29 : kDays[month - 1];
  return day <= last;
}

DateFinder::DateFinder(const std::vector<std::pair<std::string, int>>& month_names,
                       int two_digit_year_pivot)
    : pivot_(two_digit_year_pivot) {
  // 12.03.2011, 12/3-2011, 12/3 2011, 12-03-2011, 12.03.11; OCR: "12. 03. 2011", "12,03.2011",
  // "12.03,2011", "12.03:2011".
  numeric_ =
      std::make_unique<RE2>(R"((\d{1,2})(\. ?|, ?|/|-)(\d{1,2})(\. ?|/|-| |,|:)(\d{4}|\d{2}))");
  // 2011-03-12; OCR: "2011- 03- 12".
  iso_ = std::make_unique<RE2>(R"((\d{4})- ?(\d{1,2})- ?(\d{1,2}))");
  compact_ = std::make_unique<RE2>(R"((\d{8}))");

  std::vector<std::string> spellings;
  for (const auto& [name, month] : month_names) {
    if (month < 1 || month > 12 || name.empty()) {
      throw std::invalid_argument("month spelling without a month 1..12");
    }
    month_names_.emplace_back(OcrFold(name), month);
    spellings.push_back(ToLowerUtf8(name));
  }
  // Longest first, so that "marts" is not read as "mar" followed by "ts".
  std::sort(spellings.begin(), spellings.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  spellings.erase(std::unique(spellings.begin(), spellings.end()), spellings.end());
  std::string alternatives;
  for (const std::string& s : spellings) {
    if (!alternatives.empty()) alternatives += '|';
    alternatives += OcrTolerantPattern(s);
  }
  if (alternatives.empty()) alternatives = R"(\b\B)";  // matches nothing
  // 12. mars 2011, 12 mars 2011, 12. okt. 2011, "12. mars\n2011" where a line wraps.
  month_name_ = std::make_unique<RE2>(R"((\d{1,2})\.?[ \n]?((?i:)" + alternatives +
                                      R"())\.?,?[ \n]{1,3}(\d{4}))");
  for (const RE2* re : {numeric_.get(), iso_.get(), compact_.get(), month_name_.get()}) {
    if (!re->ok()) throw std::invalid_argument("date pattern: " + re->error());
  }
}

DateFinder::~DateFinder() = default;
DateFinder::DateFinder(DateFinder&&) noexcept = default;
DateFinder& DateFinder::operator=(DateFinder&&) noexcept = default;

int DateFinder::FullYear(int two_digits) const {
  return two_digits <= pivot_ ? 2000 + two_digits : 1900 + two_digits;
}

void DateFinder::FindNumeric(std::string_view text, std::vector<DateMention>* out) const {
  ForEachMatch(*numeric_, text, [&](const std::vector<std::string_view>& g) {
    const char sep1 = g[2][0], sep2 = g[4][0];
    if (sep2 == ' ' && sep1 != '/') return;  // "12/3 2011" only
    if (sep1 == ',' && sep2 != '.') return;  // a comma only as OCR's reading of a full stop
    // ',' or ':' for the second full stop only between "12.03" and a four-digit year.
    if ((sep2 == ',' || sep2 == ':') && (sep1 != '.' || g[2].size() != 1 || g[5].size() != 4)) {
      return;
    }
    DateMention m;
    m.begin = Offset(text, g[0]);
    m.end = m.begin + g[0].size();
    m.two_digit_year = g[5].size() == 2;
    m.date = {m.two_digit_year ? FullYear(ToInt(g[5])) : ToInt(g[5]), ToInt(g[3]), ToInt(g[1])};
    m.form = DateForm::kDayMonthYear;
    if (IsValidCalendarDate(m.date.year, m.date.month, m.date.day) &&
        StandsAlone(text, m.begin, m.end)) {
      out->push_back(m);
    }
  });
}

void DateFinder::FindIso(std::string_view text, std::vector<DateMention>* out) const {
  ForEachMatch(*iso_, text, [&](const std::vector<std::string_view>& g) {
    DateMention m;
    m.begin = Offset(text, g[0]);
    m.end = m.begin + g[0].size();
    m.date = {ToInt(g[1]), ToInt(g[2]), ToInt(g[3])};
    m.form = DateForm::kYearMonthDay;
    if (IsValidCalendarDate(m.date.year, m.date.month, m.date.day) &&
        StandsAlone(text, m.begin, m.end)) {
      out->push_back(m);
    }
  });
}

void DateFinder::FindCompact(std::string_view text, std::vector<DateMention>* out) const {
  ForEachMatch(*compact_, text, [&](const std::vector<std::string_view>& g) {
    DateMention m;
    m.begin = Offset(text, g[0]);
    m.end = m.begin + g[0].size();
    m.form = DateForm::kCompact;
    if (!StandsAlone(text, m.begin, m.end)) return;
    const std::string_view d = g[1];
    // YYYYMMDD (Swedish habit) first, then DDMMYYYY.
    const CalendarDate ymd{ToInt(d.substr(0, 4)), ToInt(d.substr(4, 2)), ToInt(d.substr(6, 2))};
    const CalendarDate dmy{ToInt(d.substr(4, 4)), ToInt(d.substr(2, 2)), ToInt(d.substr(0, 2))};
    if (ymd.year >= 1800 && IsValidCalendarDate(ymd.year, ymd.month, ymd.day)) {
      m.date = ymd;
    } else if (dmy.year >= 1800 && IsValidCalendarDate(dmy.year, dmy.month, dmy.day)) {
      m.date = dmy;
    } else {
      return;
    }
    out->push_back(m);
  });
}

void DateFinder::FindWithMonthName(std::string_view text, std::vector<DateMention>* out) const {
  ForEachMatch(*month_name_, text, [&](const std::vector<std::string_view>& g) {
    const std::string key = OcrFold(g[2]);
    int month = 0;
    for (const auto& [spelling, number] : month_names_) {
      if (spelling == key) month = number;
    }
    DateMention m;
    m.begin = Offset(text, g[0]);
    m.end = m.begin + g[0].size();
    m.date = {ToInt(g[3]), month, ToInt(g[1])};
    m.form = DateForm::kMonthName;
    if (IsValidCalendarDate(m.date.year, m.date.month, m.date.day) &&
        StandsAlone(text, m.begin, m.end)) {
      out->push_back(m);
    }
  });
}

std::vector<DateMention> DateFinder::FindAll(std::string_view text) const {
  std::vector<DateMention> all;
  FindNumeric(text, &all);
  FindIso(text, &all);
  FindCompact(text, &all);
  FindWithMonthName(text, &all);
  // Earlier first; of two that start together, the longer.
  std::sort(all.begin(), all.end(), [](const DateMention& a, const DateMention& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<DateMention> out;
  for (const DateMention& m : all) {
    if (!out.empty() && m.begin < out.back().end) continue;
    out.push_back(m);
  }
  return out;
}

}  // namespace skjerm
