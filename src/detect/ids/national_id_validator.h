// Validators for the Nordic national identity numbers: Norwegian fødselsnummer and its
// relatives (D-, H-, FH-nummer, synthetic test numbers), Swedish personnummer,
// samordningsnummer and interim numbers, Danish CPR and Finnish HETU.
//
// Each validator takes one number as written without spaces and says whether it can have
// been issued; if so it describes it. The rules are in /work/shared/DOMAIN.md §1. They accept
// everything that can legally be issued: a validator that rejects a valid number lets it
// leak. So birth dates in the future and individual numbers outside the historic century
// tables are never grounds for rejection.
//
// Pure functions on value types; no allocation beyond the returned key.
#ifndef SKJERM_DETECT_IDS_NATIONAL_ID_VALIDATOR_H_
#define SKJERM_DETECT_IDS_NATIONAL_ID_VALIDATOR_H_

#include <optional>
#include <string>
#include <string_view>

namespace skjerm {

enum class IdCountry { kNorway, kSweden, kDenmark, kFinland };

enum class IdKind {
  kFodselsnummer,      // NO, birth date as it is
  kDNummer,            // NO, day + 40
  kHNummer,            // NO, month + 40 (also NAV/Dolly test numbers)
  kFhNummer,           // NO, first digit 8 or 9, no date
  kPersonnummer,       // SE
  kSamordningsnummer,  // SE, day + 60
  kInterimNummer,      // SE, a letter in place of the first serial digit
  kCpr,                // DK
  kHetu,               // FI
};

// The check a number passed; it is what the detector's confidence starts from.
enum class IdCheck {
  kNoClassic,   // both mod-11 check digits, remainder 0
  kNo2032,      // first check digit only under the 2032 rule (remainder 1, 2 or 3)
  kSeLuhn,      // Luhn over YYMMDDNNN
  kSeInterim,   // Luhn with the letter counted as 1
  kDkMod11,     // century table and the (no longer guaranteed) mod 11
  kDkNoMod11,   // century table only
  kFiMod31,     // check character, serial 002-899
  kFiTemporary  // check character, temporary serial 900-999
};

// A birth date as far as the number tells it. `year` is the full year when the number
// fixes the century, else 0; `two_digit_year` is always set. `month` and `day` are 0 when
// unknown (Swedish samordningsnummer with month 00 or day 60).
struct NationalIdDate {
  int year = 0;
  int two_digit_year = 0;
  int month = 0;
  int day = 0;
};

struct NationalId {
  IdCountry country = IdCountry::kNorway;
  IdKind kind = IdKind::kFodselsnummer;
  IdCheck check = IdCheck::kNoClassic;
  std::optional<NationalIdDate> birth_date;  // none for an FH-nummer
  // Norwegian test numbers of Skatteetaten's Tenor (month + 80).
  bool synthetic = false;
  // Norwegian: the day carries the D-nummer offset (also set on an H- or synthetic number).
  bool d_offset = false;
  // Danish: whether the mod-11 check held.
  bool mod11 = false;
  // Swedish: written with '+' (the person has turned 100).
  bool centenarian = false;
  // How likely a number that passes this check is a real ID, before any context (0..1).
  double confidence = 0;
  // The canonical form other detectors can match on: the digits; a Swedish interim letter
  // stays in its place; a HETU keeps its century sign and check character (upper case).
  std::string key;
};

// Exactly 11 ASCII digits.
std::optional<NationalId> ValidateNorwegianId(std::string_view digits);

// "YYMMDD-NNNC", "YYMMDD+NNNC", "YYMMDDNNNC", "YYYYMMDDNNNC" or "YYYYMMDD-NNNC"; the
// first N may be an interim letter T R S U W X J K L M N.
std::optional<NationalId> ValidateSwedishId(std::string_view number);

// "DDMMYY-SSSS" or "DDMMYYSSSS".
std::optional<NationalId> ValidateDanishId(std::string_view number);

// "DDMMYYCZZZQ"; C is one of + - Y X W V U A B C D E F.
std::optional<NationalId> ValidateFinnishId(std::string_view number);

// Dispatches on `country`.
std::optional<NationalId> ValidateNationalId(IdCountry country, std::string_view number);

// "no", "se", "dk", "fi".
const char* IdCountryCode(IdCountry country);
std::optional<IdCountry> IdCountryFromCode(std::string_view code);

// The detector's rule name: "no.fodselsnummer", "se.samordningsnummer", "fi.hetu", ...
const char* IdRuleName(IdKind kind);

// The confidence knob's name for a check: "no.classic", "dk.no_mod11", ...
const char* IdCheckName(IdCheck check);

}  // namespace skjerm

#endif  // SKJERM_DETECT_IDS_NATIONAL_ID_VALIDATOR_H_
