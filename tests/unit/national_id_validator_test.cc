#include "detect/ids/national_id_validator.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

#include "national_id_test_util.h"

namespace skjerm {
namespace {

using testing::DkMod11;
using testing::DkNumber;
using testing::Hetu;
using testing::HetuCheck;
using testing::NoNumber;
using testing::SeNumber;

// Every other digit in position `pos` of `number`.
std::vector<std::string> OtherDigitsAt(const std::string& number, size_t pos) {
  std::vector<std::string> out;
  for (char c = '0'; c <= '9'; ++c) {
    if (c == number[pos]) continue;
    std::string s = number;
    s[pos] = c;
    out.push_back(s);
  }
  return out;
}

// --- Norway ---------------------------------------------------------------------------

TEST(NorwegianIdTest, ClassicFodselsnummer) {
  const std::string fnr = NoNumber("120311", 500);
  ASSERT_EQ(fnr.size(), 11u);
  auto id = ValidateNorwegianId(fnr);
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->country, IdCountry::kNorway);
  EXPECT_EQ(id->kind, IdKind::kFodselsnummer);
  EXPECT_EQ(id->check, IdCheck::kNoClassic);
  EXPECT_FALSE(id->synthetic);
  EXPECT_EQ(id->key, fnr);
  ASSERT_TRUE(id->birth_date.has_value());
  EXPECT_EQ(id->birth_date->day, 12);
  EXPECT_EQ(id->birth_date->month, 3);
  EXPECT_EQ(id->birth_date->two_digit_year, 11);
  EXPECT_EQ(id->birth_date->year, 2011);  // individual 500-999 with YY <= 39
  EXPECT_DOUBLE_EQ(id->confidence, 0.90);
}

TEST(NorwegianIdTest, KnownValidNumber) {
  auto id = ValidateNorwegianId("12031166592");
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->check, IdCheck::kNoClassic);
}

TEST(NorwegianIdTest, Official2032Examples) {
  auto a = ValidateNorwegianId("02013299997");
  auto b = ValidateNorwegianId("30108299920");
  auto c = ValidateNorwegianId("30108299939");
  ASSERT_TRUE(a.has_value());
  ASSERT_TRUE(b.has_value());
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(a->check, IdCheck::kNoClassic);
  EXPECT_EQ(b->check, IdCheck::kNoClassic);
  EXPECT_EQ(c->check, IdCheck::kNo2032);  // valid only under the new rule
  EXPECT_EQ(c->kind, IdKind::kFodselsnummer);
}

TEST(NorwegianIdTest, FirstCheckDigitRemaindersOneToThreePassUnder2032Rule) {
  for (int remainder = 1; remainder <= 3; ++remainder) {
    const std::string n = NoNumber("150585", 100, remainder);
    ASSERT_EQ(n.size(), 11u) << remainder;
    auto id = ValidateNorwegianId(n);
    ASSERT_TRUE(id.has_value()) << n;
    EXPECT_EQ(id->check, IdCheck::kNo2032);
  }
  for (int remainder = 4; remainder <= 10; ++remainder) {
    const std::string n = NoNumber("150585", 100, remainder);
    ASSERT_EQ(n.size(), 11u) << remainder;
    EXPECT_FALSE(ValidateNorwegianId(n).has_value()) << n;
  }
}

TEST(NorwegianIdTest, EachCheckDigitWrongFails) {
  const std::string fnr = NoNumber("240798", 100);
  ASSERT_TRUE(ValidateNorwegianId(fnr).has_value());
  for (size_t pos : {9u, 10u}) {
    for (const std::string& bad : OtherDigitsAt(fnr, pos)) {
      EXPECT_FALSE(ValidateNorwegianId(bad).has_value()) << "position " << pos;
    }
  }
}

TEST(NorwegianIdTest, DNummerHasDayPlus40) {
  const std::string d = NoNumber("520311", 100);  // 12.03.11 as D-nummer
  auto id = ValidateNorwegianId(d);
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->kind, IdKind::kDNummer);
  EXPECT_TRUE(id->d_offset);
  EXPECT_EQ(id->birth_date->day, 12);
  EXPECT_TRUE(ValidateNorwegianId(NoNumber("710311", 100)).has_value());   // day 31
  EXPECT_FALSE(ValidateNorwegianId(NoNumber("720311", 100)).has_value());  // day 32
  EXPECT_FALSE(ValidateNorwegianId(NoNumber("400311", 100)).has_value());  // day 00
}

TEST(NorwegianIdTest, DNummerWithWideIndividualNumberTable) {
  // Since 2021 D-numbers use individual numbers outside the historic century table.
  const std::string d = NoNumber("450265", 800);
  auto id = ValidateNorwegianId(d);
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->kind, IdKind::kDNummer);
}

TEST(NorwegianIdTest, HNummerHasMonthPlus40) {
  auto id = ValidateNorwegianId(NoNumber("124311", 100));
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->kind, IdKind::kHNummer);
  EXPECT_EQ(id->birth_date->month, 3);
  EXPECT_FALSE(id->synthetic);
  EXPECT_FALSE(ValidateNorwegianId(NoNumber("125311", 100)).has_value());  // month 13
}

TEST(NorwegianIdTest, SyntheticTenorNumbersAreFlagged) {
  auto id = ValidateNorwegianId(NoNumber("128311", 100));  // month + 80
  ASSERT_TRUE(id.has_value());
  EXPECT_TRUE(id->synthetic);
  EXPECT_EQ(id->kind, IdKind::kFodselsnummer);
  EXPECT_EQ(id->birth_date->month, 3);

  auto d = ValidateNorwegianId(NoNumber("528311", 100));  // with the D-nummer day + 40
  ASSERT_TRUE(d.has_value());
  EXPECT_TRUE(d->synthetic);
  EXPECT_EQ(d->kind, IdKind::kDNummer);
  EXPECT_EQ(d->birth_date->day, 12);
  EXPECT_FALSE(ValidateNorwegianId(NoNumber("129311", 100)).has_value());  // month 13
}

TEST(NorwegianIdTest, FhNummerHasNoDate) {
  for (const char* six : {"812345", "987654", "899999"}) {
    const std::string fh = NoNumber(six, 100);
    auto id = ValidateNorwegianId(fh);
    ASSERT_TRUE(id.has_value()) << fh;
    EXPECT_EQ(id->kind, IdKind::kFhNummer);
    EXPECT_FALSE(id->birth_date.has_value());
  }
  const std::string fh = NoNumber("812345", 100);
  EXPECT_FALSE(ValidateNorwegianId(OtherDigitsAt(fh, 10)[0]).has_value());
}

TEST(NorwegianIdTest, LeapDayWithoutCentury) {
  EXPECT_TRUE(ValidateNorwegianId(NoNumber("290212", 100)).has_value());
  EXPECT_TRUE(ValidateNorwegianId(NoNumber("290200", 100)).has_value());  // 1900 or 2000
  EXPECT_TRUE(ValidateNorwegianId(NoNumber("690216", 100)).has_value());  // D-nummer
  EXPECT_FALSE(ValidateNorwegianId(NoNumber("290213", 100)).has_value());
  EXPECT_FALSE(ValidateNorwegianId(NoNumber("300212", 100)).has_value());
}

TEST(NorwegianIdTest, BadDatesFail) {
  for (const char* six : {"000311", "320311", "310411", "120011", "121311", "300211"}) {
    const std::string n = NoNumber(six, 100);
    ASSERT_EQ(n.size(), 11u) << six;
    EXPECT_FALSE(ValidateNorwegianId(n).has_value()) << six;
  }
}

TEST(NorwegianIdTest, NotRejectedForFutureDateOrCenturyTable) {
  // Born 2039 (a future date) and individual 750 with YY 45 (no century in the table).
  auto future = ValidateNorwegianId(NoNumber("010139", 500));
  ASSERT_TRUE(future.has_value());
  auto off_table = ValidateNorwegianId(NoNumber("010145", 750));
  ASSERT_TRUE(off_table.has_value());
  EXPECT_EQ(off_table->birth_date->year, 0);
  EXPECT_EQ(off_table->birth_date->two_digit_year, 45);
}

TEST(NorwegianIdTest, WrongShapeFails) {
  EXPECT_FALSE(ValidateNorwegianId("1203116659").has_value());
  EXPECT_FALSE(ValidateNorwegianId("120311665921").has_value());
  EXPECT_FALSE(ValidateNorwegianId("120311-6659").has_value());
  EXPECT_FALSE(ValidateNorwegianId("12031166S92").has_value());
  EXPECT_FALSE(ValidateNorwegianId("").has_value());
}

// --- Sweden ---------------------------------------------------------------------------

TEST(SwedishIdTest, AllWrittenForms) {
  const std::string ten = SeNumber("100805", "528");  // 2010-08-05
  const std::string dash = ten.substr(0, 6) + "-" + ten.substr(6);
  const std::string plus = ten.substr(0, 6) + "+" + ten.substr(6);
  for (const std::string& form : {ten, dash, plus, "20" + ten, "20" + dash}) {
    auto id = ValidateSwedishId(form);
    ASSERT_TRUE(id.has_value()) << form;
    EXPECT_EQ(id->country, IdCountry::kSweden);
    EXPECT_EQ(id->kind, IdKind::kPersonnummer);
    EXPECT_EQ(id->check, IdCheck::kSeLuhn);
    EXPECT_EQ(id->birth_date->month, 8);
    EXPECT_EQ(id->birth_date->day, 5);
  }
  EXPECT_EQ(ValidateSwedishId(dash)->key, ten);
  EXPECT_EQ(ValidateSwedishId("20" + dash)->key, "20" + ten);
  EXPECT_EQ(ValidateSwedishId("20" + ten)->birth_date->year, 2010);
  EXPECT_EQ(ValidateSwedishId(dash)->birth_date->year, 0);
  EXPECT_TRUE(ValidateSwedishId(plus)->centenarian);
  EXPECT_FALSE(ValidateSwedishId(dash)->centenarian);
}

TEST(SwedishIdTest, CenturyNeverEntersTheLuhnSum) {
  const std::string ten = SeNumber("450101", "123");
  EXPECT_TRUE(ValidateSwedishId("19" + ten).has_value());
  EXPECT_TRUE(ValidateSwedishId("18" + ten).has_value());
  EXPECT_TRUE(ValidateSwedishId("20" + ten).has_value());
}

TEST(SwedishIdTest, TwelveDigitsNeedAPlausibleCentury) {
  const std::string ten = SeNumber("450101", "123");
  EXPECT_FALSE(ValidateSwedishId("17" + ten).has_value());
  EXPECT_FALSE(ValidateSwedishId("21" + ten).has_value());
  EXPECT_FALSE(ValidateSwedishId("00" + ten).has_value());
}

TEST(SwedishIdTest, TwelveDigitsNeedAConsistentDate) {
  const std::string leap = SeNumber("000229", "123");
  EXPECT_TRUE(ValidateSwedishId(leap).has_value());  // 10 digits: YY % 4 == 0
  EXPECT_TRUE(ValidateSwedishId("20" + leap).has_value());
  EXPECT_FALSE(ValidateSwedishId("19" + leap).has_value());  // 1900 was no leap year
}

TEST(SwedishIdTest, WrongCheckDigitFails) {
  const std::string ten = SeNumber("131010", "664");
  for (const std::string& bad : OtherDigitsAt(ten, 9)) {
    EXPECT_FALSE(ValidateSwedishId(bad).has_value()) << bad;
  }
}

TEST(SwedishIdTest, Serial000IsNeverIssued) {
  EXPECT_FALSE(ValidateSwedishId(SeNumber("100805", "000")).has_value());
  EXPECT_TRUE(ValidateSwedishId(SeNumber("100805", "001")).has_value());
}

TEST(SwedishIdTest, BadDatesFail) {
  for (const char* date : {"100230", "101305", "100832", "100800", "100005", "110229"}) {
    EXPECT_FALSE(ValidateSwedishId(SeNumber(date, "123")).has_value()) << date;
  }
}

TEST(SwedishIdTest, SamordningsnummerHasDayPlus60) {
  auto id = ValidateSwedishId(SeNumber("100865", "123"));
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->kind, IdKind::kSamordningsnummer);
  EXPECT_EQ(id->birth_date->day, 5);
  EXPECT_TRUE(ValidateSwedishId(SeNumber("100891", "123")).has_value());   // day 31
  EXPECT_FALSE(ValidateSwedishId(SeNumber("100892", "123")).has_value());  // day 32
  EXPECT_TRUE(ValidateSwedishId(SeNumber("100990", "123")).has_value());   // 30 September
  EXPECT_FALSE(ValidateSwedishId(SeNumber("100991", "123")).has_value());  // 31 September
  EXPECT_TRUE(ValidateSwedishId("20" + SeNumber("110577", "946")).has_value());
}

TEST(SwedishIdTest, SamordningsnummerWithUnknownMonthOrDay) {
  auto day_unknown = ValidateSwedishId(SeNumber("100860", "123"));  // day 00 written 60
  ASSERT_TRUE(day_unknown.has_value());
  EXPECT_EQ(day_unknown->kind, IdKind::kSamordningsnummer);
  EXPECT_EQ(day_unknown->birth_date->day, 0);
  EXPECT_EQ(day_unknown->birth_date->month, 8);

  auto month_unknown = ValidateSwedishId(SeNumber("100075", "123"));
  ASSERT_TRUE(month_unknown.has_value());
  EXPECT_EQ(month_unknown->birth_date->month, 0);
  EXPECT_EQ(month_unknown->birth_date->day, 15);

  auto both_unknown = ValidateSwedishId(SeNumber("100060", "123"));
  ASSERT_TRUE(both_unknown.has_value());
  EXPECT_TRUE(ValidateSwedishId("20" + SeNumber("100060", "123")).has_value());
  // Month 00 is only written in samordningsnummer.
  EXPECT_FALSE(ValidateSwedishId(SeNumber("100015", "123")).has_value());
}

TEST(SwedishIdTest, InterimNumbersCountTheLetterAsOne) {
  for (char letter : std::string("TRSUWXJKLMN")) {
    const std::string serial = std::string(1, letter) + "28";
    const std::string ten = SeNumber("100805", serial);
    auto id = ValidateSwedishId(ten.substr(0, 6) + "-" + ten.substr(6));
    ASSERT_TRUE(id.has_value()) << letter;
    EXPECT_EQ(id->kind, IdKind::kInterimNummer);
    EXPECT_EQ(id->check, IdCheck::kSeInterim);
    EXPECT_EQ(id->key, ten);
    EXPECT_LT(id->confidence, 0.85);
  }
  const std::string t = SeNumber("100805", "T28");
  EXPECT_TRUE(ValidateSwedishId("20" + t).has_value());
  std::string lower = t;
  lower[6] = 't';
  ASSERT_TRUE(ValidateSwedishId(lower).has_value());
  EXPECT_EQ(ValidateSwedishId(lower)->key, t);
  for (const std::string& bad : OtherDigitsAt(t, 9)) {
    EXPECT_FALSE(ValidateSwedishId(bad).has_value()) << bad;
  }
  std::string not_a_letter = t;
  not_a_letter[6] = 'A';
  EXPECT_FALSE(ValidateSwedishId(not_a_letter).has_value());
}

TEST(SwedishIdTest, OrganisationNumbersFail) {
  // Organisation numbers have month digits >= 20, whatever their Luhn digit.
  for (const char* nine : {"556677889", "212000123", "556266166", "802954611"}) {
    std::string n(nine);
    EXPECT_FALSE(ValidateSwedishId(n + testing::LuhnDigit(n)).has_value()) << nine;
  }
}

TEST(SwedishIdTest, WrongShapeFails) {
  EXPECT_FALSE(ValidateSwedishId("100805-528").has_value());
  EXPECT_FALSE(ValidateSwedishId("100805*5285").has_value());
  EXPECT_FALSE(ValidateSwedishId("1008055285123").has_value());
  EXPECT_FALSE(ValidateSwedishId("").has_value());
}

// --- Denmark --------------------------------------------------------------------------

TEST(DanishIdTest, WithMod11) {
  const std::string cpr = DkNumber("110983", 0, true);
  ASSERT_TRUE(DkMod11(cpr));
  auto id = ValidateDanishId(cpr.substr(0, 6) + "-" + cpr.substr(6));
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->country, IdCountry::kDenmark);
  EXPECT_EQ(id->kind, IdKind::kCpr);
  EXPECT_TRUE(id->mod11);
  EXPECT_EQ(id->check, IdCheck::kDkMod11);
  EXPECT_EQ(id->key, cpr);
  EXPECT_EQ(id->birth_date->year, 1983);
  EXPECT_TRUE(ValidateDanishId(cpr).has_value());
}

TEST(DanishIdTest, WithoutMod11IsStillValid) {
  const std::string cpr = DkNumber("300110", 4000, false);
  auto id = ValidateDanishId(cpr);
  ASSERT_TRUE(id.has_value());
  EXPECT_FALSE(id->mod11);
  EXPECT_EQ(id->check, IdCheck::kDkNoMod11);
  EXPECT_LT(id->confidence, 0.5);
  EXPECT_EQ(id->birth_date->year, 2010);  // 7th digit 4, YY <= 36
}

TEST(DanishIdTest, CenturyTable) {
  struct Case {
    const char* ten;
    int year;
  };
  for (const Case& c :
       {Case{"0101300123", 1930}, Case{"0101303123", 1930}, Case{"0101364123", 2036},
        Case{"0101374123", 1937}, Case{"0101369123", 2036}, Case{"0101379123", 1937},
        Case{"0101575123", 2057}, Case{"0101585123", 1858}, Case{"0101578123", 2057},
        Case{"0101998123", 1899}}) {
    auto id = ValidateDanishId(c.ten);
    ASSERT_TRUE(id.has_value()) << c.ten;
    EXPECT_EQ(id->birth_date->year, c.year) << c.ten;
  }
}

TEST(DanishIdTest, LeapDayFollowsTheCentury) {
  EXPECT_TRUE(ValidateDanishId("2902004123").has_value());   // 2000
  EXPECT_FALSE(ValidateDanishId("2902001123").has_value());  // 1900: no leap year
  EXPECT_TRUE(ValidateDanishId("2902605123").has_value());   // 1860
  EXPECT_FALSE(ValidateDanishId("2902134123").has_value());
}

TEST(DanishIdTest, BadDatesFail) {
  for (const char* ten : {"3202101234", "0013101234", "3002101234", "0000101234", "3104101234"}) {
    EXPECT_FALSE(ValidateDanishId(ten).has_value()) << ten;
  }
}

TEST(DanishIdTest, WrongShapeFails) {
  EXPECT_FALSE(ValidateDanishId("300110+4590").has_value());
  EXPECT_FALSE(ValidateDanishId("30011045901").has_value());
  EXPECT_FALSE(ValidateDanishId("300110-459").has_value());
  EXPECT_FALSE(ValidateDanishId("3001104S90").has_value());
}

// --- Finland --------------------------------------------------------------------------

TEST(FinnishIdTest, OfficialExample) {
  auto id = ValidateFinnishId("131052-308T");
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->country, IdCountry::kFinland);
  EXPECT_EQ(id->kind, IdKind::kHetu);
  EXPECT_EQ(id->check, IdCheck::kFiMod31);
  EXPECT_EQ(id->key, "131052-308T");
  EXPECT_EQ(id->birth_date->year, 1952);
}

TEST(FinnishIdTest, EveryCenturySign) {
  struct Case {
    char sign;
    int year;
  };
  for (const Case& c :
       {Case{'+', 1804}, Case{'-', 1904}, Case{'Y', 1904}, Case{'X', 1904}, Case{'W', 1904},
        Case{'V', 1904}, Case{'U', 1904}, Case{'A', 2004}, Case{'B', 2004}, Case{'C', 2004},
        Case{'D', 2004}, Case{'E', 2004}, Case{'F', 2004}}) {
    const std::string hetu = Hetu("150604", c.sign, "123");
    auto id = ValidateFinnishId(hetu);
    ASSERT_TRUE(id.has_value()) << hetu;
    EXPECT_EQ(id->birth_date->year, c.year) << hetu;
    EXPECT_EQ(id->key, hetu);
  }
  for (char sign : std::string("GZ*/ 0")) {
    EXPECT_FALSE(ValidateFinnishId(Hetu("150604", sign, "123")).has_value()) << sign;
  }
}

TEST(FinnishIdTest, WrongCheckCharacterFails) {
  const std::string hetu = Hetu("010190", '-', "456");
  for (char q : std::string("0123456789ABCDEFHJKLMNPRSTUVWXYGIOQZ")) {
    if (q == hetu[10]) continue;
    std::string bad = hetu;
    bad[10] = q;
    EXPECT_FALSE(ValidateFinnishId(bad).has_value()) << bad;
  }
}

TEST(FinnishIdTest, SerialRange) {
  EXPECT_FALSE(ValidateFinnishId(Hetu("010190", '-', "000")).has_value());
  EXPECT_FALSE(ValidateFinnishId(Hetu("010190", '-', "001")).has_value());
  EXPECT_TRUE(ValidateFinnishId(Hetu("010190", '-', "002")).has_value());
  auto normal = ValidateFinnishId(Hetu("010190", '-', "899"));
  ASSERT_TRUE(normal.has_value());
  EXPECT_EQ(normal->check, IdCheck::kFiMod31);
  auto temporary = ValidateFinnishId(Hetu("010190", '-', "900"));
  ASSERT_TRUE(temporary.has_value());
  EXPECT_EQ(temporary->check, IdCheck::kFiTemporary);
  EXPECT_LT(temporary->confidence, normal->confidence);
  EXPECT_TRUE(ValidateFinnishId(Hetu("010190", '-', "999")).has_value());
}

TEST(FinnishIdTest, DateFollowsTheCentury) {
  EXPECT_TRUE(ValidateFinnishId(Hetu("290200", 'A', "123")).has_value());   // 2000
  EXPECT_FALSE(ValidateFinnishId(Hetu("290200", '-', "123")).has_value());  // 1900
  EXPECT_FALSE(ValidateFinnishId(Hetu("310490", '-', "123")).has_value());
  EXPECT_FALSE(ValidateFinnishId(Hetu("011390", '-', "123")).has_value());
}

TEST(FinnishIdTest, LowerCaseLettersAreRead) {
  const std::string hetu = Hetu("150604", 'A', "128");
  std::string lower = hetu;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto id = ValidateFinnishId(lower);
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->key, hetu);
}

TEST(FinnishIdTest, WrongShapeFails) {
  EXPECT_FALSE(ValidateFinnishId("131052308T").has_value());
  EXPECT_FALSE(ValidateFinnishId("131052-308TT").has_value());
  EXPECT_FALSE(ValidateFinnishId("13105X-308T").has_value());
}

// --- Names ----------------------------------------------------------------------------

TEST(NationalIdNamesTest, RuleAndCountryNames) {
  EXPECT_STREQ(IdRuleName(IdKind::kFodselsnummer), "no.fodselsnummer");
  EXPECT_STREQ(IdRuleName(IdKind::kDNummer), "no.d_nummer");
  EXPECT_STREQ(IdRuleName(IdKind::kHNummer), "no.h_nummer");
  EXPECT_STREQ(IdRuleName(IdKind::kFhNummer), "no.fh_nummer");
  EXPECT_STREQ(IdRuleName(IdKind::kPersonnummer), "se.personnummer");
  EXPECT_STREQ(IdRuleName(IdKind::kSamordningsnummer), "se.samordningsnummer");
  EXPECT_STREQ(IdRuleName(IdKind::kInterimNummer), "se.interim");
  EXPECT_STREQ(IdRuleName(IdKind::kCpr), "dk.cpr");
  EXPECT_STREQ(IdRuleName(IdKind::kHetu), "fi.hetu");
  EXPECT_EQ(IdCountryFromCode("se"), IdCountry::kSweden);
  EXPECT_FALSE(IdCountryFromCode("is").has_value());
  EXPECT_EQ(ValidateNationalId(IdCountry::kFinland, "131052-308T")->kind, IdKind::kHetu);
}

}  // namespace
}  // namespace skjerm
