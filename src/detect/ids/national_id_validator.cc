#include "detect/ids/national_id_validator.h"

#include <array>

namespace skjerm {
namespace {

// Prior confidences: how often a number that passes the check is a real ID when nothing
// around it says so. A check digit that a random number passes with probability 1/10 or
// 1/11 (and a plausible date) is good evidence; a date alone is weak.
constexpr double kNoClassicConfidence = 0.90;
constexpr double kNo2032Confidence = 0.75;  // 4 of 11 remainders pass the first check
constexpr double kNoFhConfidence = 0.70;    // no date to check
constexpr double kSeLuhnConfidence = 0.85;
constexpr double kSeInterimConfidence = 0.60;  // not issued by Skatteverket
constexpr double kDkMod11Confidence = 0.80;
constexpr double kDkNoMod11Confidence = 0.35;  // any date with four digits passes
constexpr double kFiConfidence = 0.95;
constexpr double kFiTemporaryConfidence = 0.70;

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int Digit(char c) { return c - '0'; }

int TwoDigits(std::string_view s, size_t pos) { return Digit(s[pos]) * 10 + Digit(s[pos + 1]); }

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Days in `month`; `year` is the full year, or 0 when only `two_digit_year` is known, in
// which case a year divisible by four counts as a leap year (DOMAIN §1: 29.02 is accepted
// without a century when YY % 4 == 0).
int DaysInMonth(int month, int year, int two_digit_year) {
  static constexpr std::array<int, 13> kDays = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month != 2) return kDays[month];
  const bool leap = year != 0 ? IsLeapYear(year) : two_digit_year % 4 == 0;
  return leap ? 29 : 28;
}

bool IsValidDate(int day, int month, int year, int two_digit_year) {
  return day >= 1 && day <= DaysInMonth(month, year, two_digit_year);
}

// --- Norway ---------------------------------------------------------------------------

// The century the historic individual-number table gives, or 0 when it gives none. Used
// only to tell the birth year; never to reject (D-numbers since 2021 and every number
// from 2032 fall outside it).
int NorwegianCentury(int individual, int yy) {
  if (individual <= 499) return 1900;
  if (individual <= 749 && yy >= 54) return 1800;
  if (yy <= 39) return 2000;
  if (individual >= 900 && yy >= 40) return 1900;
  return 0;
}

}  // namespace

std::optional<NationalId> ValidateNorwegianId(std::string_view d) {
  if (d.size() != 11 || !AllDigits(d)) return std::nullopt;
  static constexpr std::array<int, 9> kWeights1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  static constexpr std::array<int, 10> kWeights2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  int sum1 = 0, sum2 = 0;
  for (size_t i = 0; i < 9; ++i) sum1 += kWeights1[i] * Digit(d[i]);
  for (size_t i = 0; i < 10; ++i) sum2 += kWeights2[i] * Digit(d[i]);
  const int remainder1 = (sum1 + Digit(d[9])) % 11;
  if ((sum2 + Digit(d[10])) % 11 != 0 || remainder1 > 3) return std::nullopt;

  NationalId id;
  id.country = IdCountry::kNorway;
  id.check = remainder1 == 0 ? IdCheck::kNoClassic : IdCheck::kNo2032;
  id.key = std::string(d);
  if (d[0] == '8' || d[0] == '9') {
    id.kind = IdKind::kFhNummer;
    id.confidence = kNoFhConfidence;
    return id;
  }
  int day = TwoDigits(d, 0), month = TwoDigits(d, 2);
  const int yy = TwoDigits(d, 4);
  if (day >= 41 && day <= 71) {
    day -= 40;
    id.d_offset = true;
  }
  bool h_offset = false;
  if (month >= 41 && month <= 52) {
    month -= 40;
    h_offset = true;
  } else if (month >= 81 && month <= 92) {
    month -= 80;
    id.synthetic = true;
  }
  if (!IsValidDate(day, month, 0, yy)) return std::nullopt;
  id.kind = h_offset ? IdKind::kHNummer : id.d_offset ? IdKind::kDNummer : IdKind::kFodselsnummer;
  const int individual = Digit(d[6]) * 100 + TwoDigits(d, 7);
  const int century = NorwegianCentury(individual, yy);
  id.birth_date = NationalIdDate{century == 0 ? 0 : century + yy, yy, month, day};
  id.confidence = id.check == IdCheck::kNoClassic ? kNoClassicConfidence : kNo2032Confidence;
  return id;
}

// --- Sweden ---------------------------------------------------------------------------

namespace {

bool IsInterimLetter(char c) {
  switch (c) {
    case 'T':
    case 'R':
    case 'S':
    case 'U':
    case 'W':
    case 'X':
    case 'J':
    case 'K':
    case 'L':
    case 'M':
    case 'N':
      return true;
    default:
      return false;
  }
}

char ToUpperAscii(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; }

// Luhn over ten symbols, the last being the check digit; an interim letter counts as 1.
bool SwedishLuhnHolds(std::string_view ten) {
  int sum = 0;
  for (size_t i = 0; i < 9; ++i) {
    const int v = ten[i] >= '0' && ten[i] <= '9' ? Digit(ten[i]) : 1;
    const int p = i % 2 == 0 ? 2 * v : v;
    sum += p / 10 + p % 10;
  }
  return (10 - sum % 10) % 10 == Digit(ten[9]);
}

}  // namespace

std::optional<NationalId> ValidateSwedishId(std::string_view number) {
  // Split off the century of the 12-digit form and the separator.
  int century = 0;
  bool centenarian = false;
  std::string ten;  // YYMMDDNNNC
  const size_t date_digits = number.size() >= 12 ? 8 : 6;
  if (number.size() < 10 || number.size() > 13) return std::nullopt;
  std::string_view rest = number.substr(date_digits);
  if (!rest.empty() && (rest[0] == '-' || rest[0] == '+')) {
    centenarian = rest[0] == '+';
    rest.remove_prefix(1);
  }
  if (rest.size() != 4) return std::nullopt;
  const std::string_view date = number.substr(0, date_digits);
  if (!AllDigits(date)) return std::nullopt;
  if (date_digits == 8) {
    century = TwoDigits(date, 0);
    if (century < 18 || century > 20) return std::nullopt;
  }
  ten.append(date.substr(date_digits - 6));
  ten.push_back(ToUpperAscii(rest[0]));
  ten.append(rest.substr(1));
  const bool interim = IsInterimLetter(ten[6]);
  if (!interim && !AllDigits(ten.substr(6, 1))) return std::nullopt;
  if (!AllDigits(ten.substr(7))) return std::nullopt;
  if (ten.compare(6, 3, "000") == 0) return std::nullopt;  // serial 000 is never issued

  const int yy = TwoDigits(ten, 0);
  const int month = TwoDigits(ten, 2);
  int day = TwoDigits(ten, 4);
  const bool coordination = day >= 60 && day <= 91;
  if (coordination) day -= 60;  // day 60: the day is unknown
  if (month > 12 || (month == 0 && !coordination) || (day == 0 && !coordination)) {
    return std::nullopt;
  }
  const int year = century == 0 ? 0 : century * 100 + yy;
  if (month != 0 && day != 0 && !IsValidDate(day, month, year, yy)) return std::nullopt;
  if (month == 0 && day > 31) return std::nullopt;
  if (!SwedishLuhnHolds(ten)) return std::nullopt;

  NationalId id;
  id.country = IdCountry::kSweden;
  id.kind = interim        ? IdKind::kInterimNummer
            : coordination ? IdKind::kSamordningsnummer
                           : IdKind::kPersonnummer;
  id.check = interim ? IdCheck::kSeInterim : IdCheck::kSeLuhn;
  id.birth_date = NationalIdDate{year, yy, month, day};
  id.centenarian = centenarian;
  id.confidence = interim ? kSeInterimConfidence : kSeLuhnConfidence;
  id.key = (century == 0 ? std::string() : std::string(date.substr(0, 2))) + ten;
  return id;
}

// --- Denmark --------------------------------------------------------------------------

std::optional<NationalId> ValidateDanishId(std::string_view number) {
  std::string d;
  if (number.size() == 11 && number[6] == '-') {
    d = std::string(number.substr(0, 6)) + std::string(number.substr(7));
  } else if (number.size() == 10) {
    d = std::string(number);
  } else {
    return std::nullopt;
  }
  if (!AllDigits(d)) return std::nullopt;
  const int day = TwoDigits(d, 0), month = TwoDigits(d, 2), yy = TwoDigits(d, 4);
  // The century follows from the 7th digit together with the year (CPR-kontoret).
  const int seventh = Digit(d[6]);
  int century = 1900;
  if ((seventh == 4 || seventh == 9) && yy <= 36) century = 2000;
  if (seventh >= 5 && seventh <= 8) century = yy <= 57 ? 2000 : 1800;
  if (!IsValidDate(day, month, century + yy, yy)) return std::nullopt;

  static constexpr std::array<int, 10> kWeights = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
  int sum = 0;
  for (size_t i = 0; i < 10; ++i) sum += kWeights[i] * Digit(d[i]);

  NationalId id;
  id.country = IdCountry::kDenmark;
  id.kind = IdKind::kCpr;
  id.mod11 = sum % 11 == 0;
  id.check = id.mod11 ? IdCheck::kDkMod11 : IdCheck::kDkNoMod11;
  id.birth_date = NationalIdDate{century + yy, yy, month, day};
  id.confidence = id.mod11 ? kDkMod11Confidence : kDkNoMod11Confidence;
  id.key = d;
  return id;
}

// --- Finland --------------------------------------------------------------------------

namespace {

// 0 when `sign` is no century sign (decree 690/2022).
int FinnishCentury(char sign) {
  switch (sign) {
    case '+':
      return 1800;
    case '-':
    case 'Y':
    case 'X':
    case 'W':
    case 'V':
    case 'U':
      return 1900;
    case 'A':
    case 'B':
    case 'C':
    case 'D':
    case 'E':
    case 'F':
      return 2000;
    default:
      return 0;
  }
}

}  // namespace

std::optional<NationalId> ValidateFinnishId(std::string_view number) {
  if (number.size() != 11) return std::nullopt;
  const std::string_view date = number.substr(0, 6), serial = number.substr(7, 3);
  if (!AllDigits(date) || !AllDigits(serial)) return std::nullopt;
  const char sign = ToUpperAscii(number[6]);
  const char check = ToUpperAscii(number[10]);
  const int century = FinnishCentury(sign);
  if (century == 0) return std::nullopt;
  const int day = TwoDigits(date, 0), month = TwoDigits(date, 2), yy = TwoDigits(date, 4);
  if (!IsValidDate(day, month, century + yy, yy)) return std::nullopt;
  const int individual = Digit(serial[0]) * 100 + TwoDigits(serial, 1);
  if (individual < 2) return std::nullopt;  // 000 and 001 are not issued

  static constexpr std::string_view kCheckAlphabet = "0123456789ABCDEFHJKLMNPRSTUVWXY";
  long value = 0;
  for (char c : date) value = value * 10 + Digit(c);
  for (char c : serial) value = value * 10 + Digit(c);
  if (kCheckAlphabet[static_cast<size_t>(value % 31)] != check) return std::nullopt;

  NationalId id;
  id.country = IdCountry::kFinland;
  id.kind = IdKind::kHetu;
  id.check = individual >= 900 ? IdCheck::kFiTemporary : IdCheck::kFiMod31;
  id.birth_date = NationalIdDate{century + yy, yy, month, day};
  id.confidence = individual >= 900 ? kFiTemporaryConfidence : kFiConfidence;
  id.key = std::string(date) + sign + std::string(serial) + check;
  return id;
}

// --- Names ----------------------------------------------------------------------------

std::optional<NationalId> ValidateNationalId(IdCountry country, std::string_view number) {
  switch (country) {
    case IdCountry::kNorway:
      return ValidateNorwegianId(number);
    case IdCountry::kSweden:
      return ValidateSwedishId(number);
    case IdCountry::kDenmark:
      return ValidateDanishId(number);
    case IdCountry::kFinland:
      return ValidateFinnishId(number);
  }
  return std::nullopt;
}

const char* IdCountryCode(IdCountry country) {
  switch (country) {
    case IdCountry::kNorway:
      return "no";
    case IdCountry::kSweden:
      return "se";
    case IdCountry::kDenmark:
      return "dk";
    case IdCountry::kFinland:
      return "fi";
  }
  return "no";
}

std::optional<IdCountry> IdCountryFromCode(std::string_view code) {
  for (IdCountry c :
       {IdCountry::kNorway, IdCountry::kSweden, IdCountry::kDenmark, IdCountry::kFinland}) {
    if (code == IdCountryCode(c)) return c;
  }
  return std::nullopt;
}

const char* IdRuleName(IdKind kind) {
  switch (kind) {
    case IdKind::kFodselsnummer:
      return "no.fodselsnummer";
    case IdKind::kDNummer:
      return "no.d_nummer";
    case IdKind::kHNummer:
      return "no.h_nummer";
    case IdKind::kFhNummer:
      return "no.fh_nummer";
    case IdKind::kPersonnummer:
      return "se.personnummer";
    case IdKind::kSamordningsnummer:
      return "se.samordningsnummer";
    case IdKind::kInterimNummer:
      return "se.interim";
    case IdKind::kCpr:
      return "dk.cpr";
    case IdKind::kHetu:
      return "fi.hetu";
  }
  return "no.fodselsnummer";
}

const char* IdCheckName(IdCheck check) {
  switch (check) {
    case IdCheck::kNoClassic:
      return "no.classic";
    case IdCheck::kNo2032:
      return "no.2032";
    case IdCheck::kSeLuhn:
      return "se.luhn";
    case IdCheck::kSeInterim:
      return "se.interim";
    case IdCheck::kDkMod11:
      return "dk.mod11";
    case IdCheck::kDkNoMod11:
      return "dk.no_mod11";
    case IdCheck::kFiMod31:
      return "fi.mod31";
    case IdCheck::kFiTemporary:
      return "fi.temporary";
  }
  return "no.classic";
}

}  // namespace skjerm
