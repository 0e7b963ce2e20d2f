// Phone numbers: runs of digit groups read against each country's formats (from
// contacts.toml), with the look-alikes — dates, times, years, bank accounts, giro and
// organisation numbers — turned away by shape and by the word in front.
#include <algorithm>
#include <optional>
#include <set>

#include "base/utf8.h"
#include "detect/contacts/contact_letter.h"
#include "detect/dates/calendar_date.h"

namespace skjerm {
namespace contact {
namespace {

struct Group {
  size_t begin = 0;
  size_t end = 0;
  std::string digits;
};

// A run of digit groups as the candidate pattern found it. seps[k] is what stands
// between groups[k] and groups[k + 1] ("(0)" markers dropped).
struct DigitRun {
  bool international = false;
  std::vector<Group> groups;
  std::vector<std::string> seps;
};

DigitRun ParseRun(std::string_view text, size_t begin, size_t end, bool international) {
  DigitRun run;
  run.international = international;
  size_t i = begin;
  std::string sep;
  while (i < end) {
    if (IsAsciiDigit(text[i])) {
      Group g;
      g.begin = i;
      while (i < end && IsAsciiDigit(text[i])) g.digits.push_back(text[i++]);
      g.end = i;
      if (!run.groups.empty()) run.seps.push_back(sep);
      run.groups.push_back(std::move(g));
      sep.clear();
    } else if (text.substr(i, 3) == "(0)") {
      i += 3;
    } else {
      sep.push_back(text[i++]);
    }
  }
  return run;
}

int Value(const std::string& digits) { return std::stoi(digits); }

bool IsYear(const std::string& g) {
  return g.size() == 4 && (g.compare(0, 2, "19") == 0 || g.compare(0, 2, "20") == 0);
}

// Dates («24.11.2024», «2024-04-09»), time ranges («22.00-23.30») and year ranges
// («2025 2027») have the digits of a phone number.
bool LooksLikeDateOrTime(const std::vector<Group>& g, const std::vector<std::string>& seps) {
  if (g.size() == 3) {
    const auto& a = g[0].digits;
    const auto& b = g[1].digits;
    const auto& c = g[2].digits;
    if (IsYear(c) && a.size() <= 2 && b.size() <= 2 && Value(a) >= 1 && Value(a) <= 31 &&
        Value(b) >= 1 && Value(b) <= 12) {
      return true;
    }
    if (IsYear(a) && b.size() == 2 && c.size() == 2 && Value(b) >= 1 && Value(b) <= 12 &&
        Value(c) >= 1 && Value(c) <= 31) {
      return true;
    }
  }
  if (g.size() == 2 && IsYear(g[0].digits) && IsYear(g[1].digits)) return true;
  if (g.size() == 4 &&
      std::all_of(g.begin(), g.end(), [](const Group& x) { return x.digits.size() == 2; })) {
    const bool dotted =
        seps[0].find('.') != std::string::npos || seps[2].find('.') != std::string::npos;
    if (dotted && Value(g[0].digits) <= 23 && Value(g[1].digits) <= 59 &&
        Value(g[2].digits) <= 23 && Value(g[3].digits) <= 59) {
      return true;
    }
  }
  return false;
}

bool SameGrouping(const std::vector<Group>& g, size_t first, size_t last,
                  const std::vector<int>& grouping) {
  if (grouping.size() != last - first + 1) return false;
  for (size_t k = first; k <= last; ++k) {
    if (static_cast<int>(g[k].digits.size()) != grouping[k - first]) return false;
  }
  return true;
}

struct PhoneParse {
  const PhoneCountry* country = nullptr;
  std::string key;  // national form, trunk prefix included: "0455305000", "41238907"
};

// «93817 264», «61 7740 29»: the digits of a number without a trunk prefix, grouped in a
// way nobody writes — OCR lost or moved a space. Counted only after a phone label.
bool ParseDamagedGrouping(const PhoneCountry& c, const DigitRun& run, size_t first, size_t last,
                          PhoneParse* out) {
  if (!c.trunk_prefix.empty() || last == first || last - first > 3) return false;
  std::string digits;
  for (size_t k = first; k <= last; ++k) {
    if (run.groups[k].digits.size() < 2 || (k < last && run.seps[k] != " ")) return false;
    digits += run.groups[k].digits;
  }
  if (static_cast<int>(digits.size()) != c.max_digits ||
      c.first_digits.find(digits[0]) == std::string::npos) {
    return false;
  }
  std::vector<Group> part(run.groups.begin() + first, run.groups.begin() + last + 1);
  std::vector<std::string> seps(run.seps.begin() + first, run.seps.begin() + last);
  if (LooksLikeDateOrTime(part, seps)) return false;
  out->country = &c;
  out->key = digits;
  return true;
}

// The digits of groups [first, last] read as a national number of `c`.
bool ParseNational(const PhoneCountry& c, const DigitRun& run, size_t first, size_t last,
                   PhoneParse* out) {
  const std::vector<Group>& g = run.groups;
  std::string digits;
  for (size_t k = first; k <= last; ++k) digits += g[k].digits;
  const int n = static_cast<int>(digits.size());
  if (n < c.min_digits || n > c.max_digits) return false;
  bool dotted = false;
  for (size_t k = first; k < last; ++k) {
    if (run.seps[k].find('.') != std::string::npos) dotted = true;
  }
  if (c.trunk_prefix.empty()) {
    if (c.first_digits.find(digits[0]) == std::string::npos) return false;
    bool grouped = false;
    for (const auto& grouping : c.groupings)
      grouped = grouped || SameGrouping(g, first, last, grouping);
    if (!grouped) return false;
    // «5050-1055» is a bank giro number; people write 4+4 phone numbers with a space.
    if (last == first + 1 && g[first].digits.size() == 4 && run.seps[first] != " ") return false;
  } else {
    const std::string& trunk = c.trunk_prefix;
    if (digits.compare(0, trunk.size(), trunk) != 0 || digits.size() <= trunk.size() ||
        digits[trunk.size()] == '0' || dotted) {
      return false;
    }
    if (first == last) {
      bool mobile = false;
      for (const std::string& prefix : c.contiguous_prefixes) {
        mobile = mobile || digits.compare(0, prefix.size(), prefix) == 0;
      }
      if (!mobile || n != c.max_digits) return false;
    } else {
      const int area = static_cast<int>(g[first].digits.size());
      if (area < c.area_code_min || area > c.area_code_max) return false;
      bool grouped = false;
      for (const auto& grouping : c.subscriber_groupings) {
        grouped = grouped || SameGrouping(g, first + 1, last, grouping);
      }
      if (!grouped) return false;
    }
  }
  std::vector<Group> part(g.begin() + first, g.begin() + last + 1);
  std::vector<std::string> seps(run.seps.begin() + first, run.seps.begin() + last);
  if (LooksLikeDateOrTime(part, seps)) return false;
  out->country = &c;
  out->key = digits;
  return true;
}

// «+47 412 38 907», «0046 70 123 45 67», «+46 (0)70 …»: the calling code starts the
// first group.
bool ParseInternational(const std::vector<PhoneCountry>& countries, const DigitRun& run,
                        size_t last, PhoneParse* out) {
  std::string digits;
  for (size_t k = 0; k <= last; ++k) digits += run.groups[k].digits;
  for (const PhoneCountry& c : countries) {
    if (digits.compare(0, c.calling_code.size(), c.calling_code) != 0) continue;
    std::string nsn = digits.substr(c.calling_code.size());
    if (!c.trunk_prefix.empty() && nsn.compare(0, c.trunk_prefix.size(), c.trunk_prefix) == 0) {
      nsn = nsn.substr(c.trunk_prefix.size());
    }
    const int n = static_cast<int>(nsn.size() + c.trunk_prefix.size());
    if (nsn.empty() || n < c.min_digits || n > c.max_digits) continue;
    if (c.trunk_prefix.empty() ? c.first_digits.find(nsn[0]) == std::string::npos : nsn[0] == '0') {
      continue;
    }
    out->country = &c;
    out->key = c.trunk_prefix + nsn;
    return true;
  }
  return false;
}

// «70 20 31 40» in Denmark: a number series that only organisations have (contacts.toml
// service_prefixes).
bool IsServiceNumber(const PhoneCountry& c, const std::string& national) {
  for (const std::string& prefix : c.service_prefixes) {
    if (national.compare(0, prefix.size(), prefix) == 0) return true;
  }
  return false;
}

// «44551209»: eight digits that pass the check of the country's organisation numbers
// (the Danish CVR: weights 2 7 6 5 4 3 2 1, the sum divisible by 11).
bool IsOrganisationNumber(const PhoneCountry& c, const std::string& national) {
  const std::vector<int>& weights = c.organisation_number_weights;
  if (weights.empty() || national.size() != weights.size()) return false;
  int sum = 0;
  for (size_t k = 0; k < weights.size(); ++k) sum += (national[k] - '0') * weights[k];
  return sum % 11 == 0;
}

bool SameSeries(const std::string& a, const std::string& b) {
  return a.size() == b.size() && a.size() > 4 &&
         a.compare(0, a.size() - 3, b, 0, a.size() - 3) == 0;
}

// A phone number found inside a run: groups [first, last].
struct RunNumber {
  size_t first = 0;
  size_t last = 0;
  PhoneParse parse;
  bool damaged = false;  // grouped as nobody writes a number: needs a label
};

// «2110 4711 0093», «4571 2300 1188 9034»: three or more blocks of four digits are a card
// or account number, and no part of them is a phone number.
bool IsDigitBlocks(const DigitRun& run) {
  if (run.groups.size() < 3) return false;
  for (size_t k = 0; k < run.groups.size(); ++k) {
    if (run.groups[k].digits.size() != 4 || (k > 0 && run.seps[k - 1] != " ")) return false;
  }
  return true;
}

// The phone numbers a run of digit groups holds, longest first from the left. A number
// starts and ends at the run's ends or at a plain space between groups, never inside
// «1503.78.77899» or «24/00417-3»; `glued_before` and `glued_after` say the run's own
// ends touch something that makes them part of a bigger token.
std::vector<RunNumber> NumbersInRun(const ContactRules& rules, Country country, const DigitRun& run,
                                    bool glued_before, bool glued_after) {
  std::vector<RunNumber> out;
  // An 8-digit number is read as Norwegian or Danish by the letter's language.
  const std::string_view eight =
      CountryCode(country == Country::kDenmark ? Country::kDenmark : Country::kNorway);
  const size_t n = run.groups.size();
  if (IsDigitBlocks(run)) return out;
  for (size_t k = 0; k < n;) {
    const bool start_ok = k == 0 ? !glued_before : run.seps[k - 1] == " ";
    std::optional<RunNumber> found;
    for (size_t e = n; start_ok && !found && e-- > k;) {
      const bool end_ok = e == n - 1 ? !glued_after : run.seps[e] == " ";
      if (!end_ok) continue;
      RunNumber number;
      number.first = k;
      number.last = e;
      bool ok = false;
      if (k == 0 && run.international) {
        ok = ParseInternational(rules.phone_countries, run, e, &number.parse);
      } else {
        for (const PhoneCountry& c : rules.phone_countries) {
          if (c.trunk_prefix.empty() && c.country != eight) continue;
          if ((ok = ParseNational(c, run, k, e, &number.parse))) break;
        }
      }
      if (!ok && !(k == 0 && run.international)) {
        for (const PhoneCountry& c : rules.phone_countries) {
          if (c.country != eight) continue;
          ok = number.damaged = ParseDamagedGrouping(c, run, k, e, &number.parse);
          break;
        }
      }
      if (ok) found = number;
    }
    if (found) {
      out.push_back(*found);
      k = found->last + 1;
    } else {
      ++k;
    }
  }
  return out;
}

// True if the text right before [begin, end) makes a run part of something bigger
// («H0203», «24/00417-3», «1,5»); *after is set likewise for what follows
// («22334455kr», «12 345,50», «25 %»).
bool GluedBefore(std::string_view text, size_t begin) {
  size_t before_start;
  const char32_t before = CodePointBefore(text, begin, &before_start);
  if (begin > 0 && IsLetter(before)) return true;
  if (before == '/') return true;
  const char32_t second = CodePointBefore(text, before_start);
  return (before == '-' || before == '.' || before == ',') && second < 0x80 &&
         IsAsciiDigit(static_cast<char>(second));
}

bool GluedAfter(std::string_view text, size_t end) {
  const char32_t after = CodePointAt(text, end);
  const char32_t second = CodePointAt(text, end + 1);
  return (end < text.size() && IsLetter(after)) || after == '%' ||
         ((after == '/' || after == ',') && second < 0x80 &&
          IsAsciiDigit(static_cast<char>(second)));
}

// A phone number before its owner is decided.
struct PhoneCandidate {
  ContactItem item;
  std::string key;        // country and national digits, for comparing number series
  bool labelled = false;  // «tlf.», «mobil» stands before it
  bool decided = false;
  bool service = false;              // a series only organisations have
  bool organisation_number = false;  // unlabelled, and passes an organisation number's check
};

// True if the word just before the number says it is something else («Bankgiro»,
// «CVR», «kontonr.», «kl.») or the word after says it is an amount («kr», «%»).
bool IsNotPhone(const ContactRules& rules, const UnitText& u, size_t begin, size_t end,
                bool* labelled) {
  const std::string_view text = u.text;
  const Line& line = u.lines[u.LineOf(begin)];
  *labelled = false;
  const size_t from = begin > line.begin + 40 ? begin - 40 : line.begin;
  const std::vector<WordSpan> words = WordsIn(text, from, begin);
  size_t until = begin;
  int seen = 0;
  for (auto it = words.rbegin(); it != words.rend() && seen < 3; ++it, ++seen) {
    const std::string_view between = text.substr(it->end, until - it->end);
    if (std::any_of(between.begin(), between.end(), IsAsciiDigit)) break;
    const std::string key = WordSet::Key(text.substr(it->begin, it->end - it->begin));
    if (rules.not_phone_labels.Contains(key)) return true;
    if (rules.phone_labels.Contains(key)) {
      *labelled = true;
      break;
    }
    until = it->begin;
  }
  size_t p = end;
  while (p < line.end && text[p] == ' ') ++p;
  if (p < line.end && (text[p] == '%' || text.substr(p, 2) == ",-")) return true;
  const std::vector<WordSpan> next = WordsIn(text, p, std::min(line.end, p + 20));
  if (!next.empty() && next[0].begin == p &&
      rules.not_phone_after.Contains(
          WordSet::Key(text.substr(next[0].begin, next[0].end - next[0].begin)))) {
    return true;
  }
  return false;
}

// The number `number` of a run of digit groups matched at match_begin in unit ui, with what
// its text and the letter say of it; nullopt if it is not a phone number there.
// Eight digits written as one run that read as a date, DDMMYYYY from 1900 to 2099
// («Vedtak, 31012021, Sak 21/1»): a date in a title or a reference, not a phone number,
// unless a label says so.
bool IsDateRun(std::string_view digits) {
  if (digits.size() != 8 ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  auto number = [&](size_t at, size_t n) { return std::stoi(std::string(digits.substr(at, n))); };
  const int year = number(4, 4);
  return year >= 1900 && year <= 2099 && IsValidCalendarDate(year, number(2, 2), number(0, 2));
}

std::optional<PhoneCandidate> CandidateOf(const ContactRules& rules, const WriterProfile& writer,
                                          const CueReader& cues, size_t ui, const UnitText& u,
                                          const DigitRun& run, const RunNumber& number,
                                          size_t match_begin) {
  const bool international = number.first == 0 && run.international;
  PhoneCandidate c;
  c.item.category = Category::kPhone;
  c.item.rule = number.parse.country->rule;
  c.item.unit = ui;
  c.item.begin = number.first == 0 ? match_begin : run.groups[number.first].begin;
  c.item.end = run.groups[number.last].end;
  c.key = number.parse.country->country + ":" + number.parse.key;
  if (IsNotPhone(rules, u, c.item.begin, c.item.end, &c.labelled)) return std::nullopt;
  if (number.damaged && !c.labelled) return std::nullopt;
  if (!c.labelled && !international &&
      IsDateRun(u.text.substr(c.item.begin, c.item.end - c.item.begin))) {
    return std::nullopt;
  }
  c.service = IsServiceNumber(*number.parse.country, number.parse.key);
  // An organisation number stands on a company's line («Skov & Hjort Service A/S |
  // 44551209»), never on a line that names a person («Jens Hansen | 28471939»).
  c.organisation_number = !c.labelled && number.first == number.last && !international &&
                          writer.mentions_organisation_numbers &&
                          IsOrganisationNumber(*number.parse.country, number.parse.key) &&
                          !cues.AboutAPerson(ui, u.LineOf(c.item.begin));
  // In a Swedish letter an 8-digit number without a trunk prefix is a phone number only
  // when a label says so.
  const bool national_trunkless = !international && number.parse.country->trunk_prefix.empty();
  if (national_trunkless && writer.country == Country::kSweden && !c.labelled) {
    return std::nullopt;
  }
  return c;
}

// Appends the phone numbers of unit ui to *candidates, in text order.
void AddCandidatesIn(const ContactRules& rules, const WriterProfile& writer, const CueReader& cues,
                     size_t ui, const UnitText& u, std::vector<PhoneCandidate>* candidates) {
  const std::string_view text = u.text;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece groups[3];
  size_t pos = 0;
  while (pos < text.size() &&
         rules.phone_candidate_re->Match(input, pos, text.size(), RE2::UNANCHORED, groups, 3)) {
    const size_t match_begin = static_cast<size_t>(groups[0].data() - text.data());
    const size_t match_end = match_begin + groups[0].size();
    pos = std::max(match_end, match_begin + 1);
    const size_t digits_begin = static_cast<size_t>(groups[2].data() - text.data());
    const DigitRun run = ParseRun(text, digits_begin, match_end, groups[1].size() > 0);
    if (run.groups.empty()) continue;
    for (const RunNumber& number :
         NumbersInRun(rules, writer.country, run, GluedBefore(text, match_begin),
                      GluedAfter(text, match_end))) {
      std::optional<PhoneCandidate> c =
          CandidateOf(rules, writer, cues, ui, u, run, number, match_begin);
      if (c) candidates->push_back(std::move(*c));
    }
  }
}

// First what the letter's structure and cue words decide. Returns the keys of the numbers
// this found to be the organisation's: its number series, which decide the rest.
std::set<std::string> DecideByPlaceAndCue(const LetterLayout& layout, const CueReader& cues,
                                          std::vector<PhoneCandidate>* candidates) {
  std::set<std::string> organisation_numbers;
  for (PhoneCandidate& c : *candidates) {
    const Zone zone = layout.ZoneAt(c.item.unit, c.item.begin);
    if (IsOrganisationZone(zone)) {
      c.item.party = Party::kOrganisation;
      c.item.basis = ZoneBasis(zone);
      c.decided = true;
    } else if (PartyCue cue = cues.NearestCue(c.item.unit, c.item.begin, c.item.end); cue.found) {
      // Before the number series: «mor: 90 12 34 56» is the mother's, whatever country's
      // service series it also fits.
      c.item.party = cue.party;
      c.item.confidence = 0.9;
      c.item.basis = PartyBasis::kCueWord;
      c.item.cue_word = cue.word;
      c.decided = true;
    } else if (c.service) {
      c.item.party = Party::kOrganisation;
      c.item.basis = PartyBasis::kServiceNumber;
      c.decided = true;
    } else if (c.organisation_number) {
      // Not a phone number at all: «Skov & Hjort Service A/S | 44551209 | 10,0».
      c.item.party = Party::kOrganisation;
      c.item.basis = PartyBasis::kOrganisationNumber;
      c.decided = true;
      continue;
    }
    if (c.decided && c.item.party == Party::kOrganisation) organisation_numbers.insert(c.key);
  }
  return organisation_numbers;
}

// Then the rest: a number in the series of one of `organisation_numbers` («62 94 10 05»
// beside the switchboard «62 94 10 00») is the organisation's; any other is taken as private.
std::vector<ContactItem> DecideBySeries(const LetterLayout& layout,
                                        const std::set<std::string>& organisation_numbers,
                                        std::vector<PhoneCandidate> candidates) {
  std::vector<ContactItem> items;
  items.reserve(candidates.size());
  for (PhoneCandidate& c : candidates) {
    if (!c.decided) {
      const Zone zone = layout.ZoneAt(c.item.unit, c.item.begin);
      const bool series = std::any_of(organisation_numbers.begin(), organisation_numbers.end(),
                                      [&](const std::string& o) { return SameSeries(o, c.key); });
      if (series) {
        c.item.party = Party::kOrganisation;
        c.item.basis = PartyBasis::kOrganisationNumberSeries;
      } else if (zone == Zone::kPrivateSignature) {
        c.item.party = Party::kPrivate;
        c.item.confidence = 0.85;
        c.item.basis = ZoneBasis(zone);
      } else {
        // A number in the body with no cue: most likely the person the letter is
        // about or addressed to; reported with less confidence.
        c.item.party = Party::kPrivate;
        c.item.confidence = c.labelled ? 0.7 : 0.6;
        c.item.basis = PartyBasis::kNoCue;
      }
    }
    items.push_back(std::move(c.item));
  }
  return items;
}

}  // namespace

std::vector<ContactItem> FindPhones(const ContactRules& rules, const LetterLayout& layout,
                                    const WriterProfile& writer, const CueReader& cues) {
  std::vector<PhoneCandidate> candidates;
  for (size_t ui = 0; ui < layout.units.size(); ++ui) {
    AddCandidatesIn(rules, writer, cues, ui, layout.units[ui], &candidates);
  }
  const std::set<std::string> organisation_numbers = DecideByPlaceAndCue(layout, cues, &candidates);
  return DecideBySeries(layout, organisation_numbers, std::move(candidates));
}

}  // namespace contact
}  // namespace skjerm
