#include "detect/ids/national_id_detector.h"

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "detect/ids/national_id_validator.h"
#include "national_id_test_util.h"

namespace skjerm {
namespace {

using testing::DkMod11;
using testing::Hetu;
using testing::NoNumber;
using testing::SeNumber;

const std::string kRules = std::string(SKJERM_PATTERNS_DIR) + "/national_ids.toml";

// The first valid 11-digit Norwegian number with these leading digits that ends in `last`.
std::string NoNumberEndingWith(std::string_view six, char last) {
  for (int start = 0; start <= 999;) {
    const std::string n = NoNumber(six, start);
    if (n.empty()) break;
    if (n.back() == last) return n;
    start = std::stoi(n.substr(6, 3)) + 1;
  }
  return "";
}

// YYMMDDNNNC valid both as Swedish (Luhn) and as Danish CPR with mod 11.
std::string SwedishAndDanish(std::string_view date6) {
  for (int serial = 100; serial <= 999; ++serial) {
    const std::string n = SeNumber(date6, std::to_string(serial));
    if (DkMod11(n)) return n;
  }
  return "";
}

std::string Dashed(const std::string& ten) { return ten.substr(0, 6) + "-" + ten.substr(6); }
std::string Spaced(const std::string& eleven) {
  return eleven.substr(0, 6) + " " + eleven.substr(6);
}

class NationalIdDetectorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { detector_ = NationalIdDetector::FromFile(kRules).release(); }
  static void TearDownTestSuite() {
    delete detector_;
    detector_ = nullptr;
  }

  static std::vector<Finding> Find(std::string_view text) {
    DocumentText doc;
    Location location;
    location.page = 1;
    doc.units.push_back(TextUnit{location, TextView(text)});
    std::vector<Finding> findings;
    detector_->Detect(doc, &findings);
    return findings;
  }

  // The one finding in `text`; fails the test if there is not exactly one.
  static Finding FindOne(std::string_view text) {
    std::vector<Finding> f = Find(text);
    EXPECT_EQ(f.size(), 1u) << text;
    return f.empty() ? Finding{} : f[0];
  }

  static const NationalIdDetector* detector_;

  // Invented people.
  const std::string fnr_ = NoNumber("120311", 500);  // 12.03.2011
  const std::string fnr2_ = NoNumber("170281", 100);
  const std::string pnr_ = SeNumber("450101", "528");  // Swedish only: day 45 is no CPR
};

const NationalIdDetector* NationalIdDetectorTest::detector_ = nullptr;

// --- Norwegian numbers in every spelling ------------------------------------------------

TEST_F(NationalIdDetectorTest, PlainWithCue) {
  Finding f = FindOne("Elev: Sindre Haugland, fødselsnummer " + fnr_ + ", 6. trinn");
  EXPECT_EQ(f.category, Category::kNationalId);
  EXPECT_EQ(f.rule, "no.fodselsnummer");
  EXPECT_EQ(f.text, fnr_);
  EXPECT_EQ(f.key, fnr_);
  EXPECT_EQ(FindingFlagsText(f.flags), "");
  EXPECT_GE(f.confidence, 0.9);
  EXPECT_EQ(f.location.page, 1);
}

TEST_F(NationalIdDetectorTest, PlainWithoutCue) {
  Finding f = FindOne("Sindre Haugland " + fnr_ + " går i 6. trinn.");
  EXPECT_EQ(f.text, fnr_);
  EXPECT_DOUBLE_EQ(f.confidence, 0.90);
}

TEST_F(NationalIdDetectorTest, SpaceAfterDatePart) {
  Finding f = FindOne("fødselsnummer " + Spaced(fnr_));
  EXPECT_EQ(f.text, Spaced(fnr_));
  EXPECT_EQ(f.key, fnr_);
}

TEST_F(NationalIdDetectorTest, DashAfterDatePart) {
  const std::string written = fnr_.substr(0, 6) + "-" + fnr_.substr(6);
  EXPECT_EQ(FindOne("Fnr: " + written).text, written);
}

TEST_F(NationalIdDetectorTest, SpacedDash) {
  const std::string written = fnr_.substr(0, 6) + " - " + fnr_.substr(6);
  EXPECT_EQ(FindOne("Fnr: " + written).text, written);
}

TEST_F(NationalIdDetectorTest, GroupedSixThreeTwo) {
  const std::string written = fnr_.substr(0, 6) + " " + fnr_.substr(6, 3) + " " + fnr_.substr(9);
  Finding f = FindOne("fødselsnr. " + written + " (mor)");
  EXPECT_EQ(f.text, written);
  EXPECT_EQ(f.key, fnr_);
}

TEST_F(NationalIdDetectorTest, AcrossALineBreak) {
  const std::string written = fnr_.substr(0, 6) + "\n" + fnr_.substr(6);
  Finding f = FindOne("Elev: Sindre Haugland, fødselsnummer " + written + ", 6. trinn");
  EXPECT_EQ(f.text, written);
  EXPECT_EQ(f.key, fnr_);
}

TEST_F(NationalIdDetectorTest, AcrossALineBreakWithIndentAndHyphen) {
  Finding a = FindOne("fødselsnummer " + fnr_.substr(0, 6) + "\n      " + fnr_.substr(6));
  EXPECT_EQ(a.key, fnr_);
  // "120311-\n66592": normalisation keeps the hyphen and joins the lines.
  Finding b = FindOne("fødselsnummer " + fnr_.substr(0, 6) + "-\n" + fnr_.substr(6));
  EXPECT_EQ(b.text, fnr_.substr(0, 6) + "-" + fnr_.substr(6));
}

TEST_F(NationalIdDetectorTest, TableCellWithHeaderAbove) {
  Finding f = FindOne(
      "Navn          Fødselsnummer    Telefon\n"
      "Sindre H      " +
      Spaced(fnr_) + "     412 38 907\n");
  EXPECT_EQ(f.text, Spaced(fnr_));
  EXPECT_GE(f.confidence, 0.9);
}

TEST_F(NationalIdDetectorTest, TableCellsOnTheirOwnLines) {
  std::vector<Finding> f =
      Find("Navn\nFødselsnummer\nSindre H\n" + Spaced(fnr_) + "\nTone H\n" + Spaced(fnr2_) + "\n");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].key, fnr_);
  EXPECT_EQ(f[1].key, fnr2_);
}

TEST_F(NationalIdDetectorTest, DanishCprTableLiftedByColumnHeader) {
  const std::string cpr = testing::DkNumber("311299", 4000, false);  // no mod 11
  Finding f = FindOne(
      "Navn            CPR-nr.         Klasse\n"
      "Ida Andersen    " +
      Dashed(cpr) + "     5.B\n");
  EXPECT_EQ(f.rule, "dk.cpr");
  EXPECT_EQ(FindingFlagsText(f.flags), "no-mod11");
}

TEST_F(NationalIdDetectorTest, OcrConfusionsResolvedByTextView) {
  const std::string n = NoNumberEndingWith("120311", '5');
  ASSERT_FALSE(n.empty());
  // "12O311 6659S": O for 0 in the date part, S for 5 at the end.
  const std::string ocr = "12O311 " + n.substr(6, 4) + "S";
  const std::string original = "Fødselsnummer: " + ocr + "\n";
  Finding f = FindOne(original);
  EXPECT_EQ(f.text, Spaced(n));
  EXPECT_EQ(f.key, n);
  EXPECT_EQ(original.substr(f.begin, f.end - f.begin), ocr);
}

TEST_F(NationalIdDetectorTest, AdjacentPunctuation) {
  for (const std::string& written :
       {"(" + Spaced(fnr_) + ")", fnr_.substr(0, 6) + "-" + fnr_.substr(6) + ".", "«" + fnr_ + "»",
        Spaced(fnr_) + ",", "[" + fnr_ + "];", "\"" + fnr_ + "\""}) {
    std::vector<Finding> f = Find("Noah Dahl " + written + " går i 8B");
    ASSERT_EQ(f.size(), 1u) << written;
    EXPECT_EQ(f[0].key, fnr_);
  }
  EXPECT_EQ(FindOne("Noah Dahl (" + Spaced(fnr_) + ")").text, Spaced(fnr_));
}

TEST_F(NationalIdDetectorTest, Official2032Examples) {
  Finding a = FindOne("fnr 02013299997");
  EXPECT_EQ(a.rule, "no.fodselsnummer");
  EXPECT_EQ(FindingFlagsText(a.flags), "");
  Finding c = FindOne("fnr 30108299939");
  EXPECT_EQ(FindingFlagsText(c.flags), "2032-rule");
  EXPECT_EQ(FindOne("30108299939").confidence, 0.75);
  EXPECT_EQ(FindOne("30108299920").confidence, 0.90);
}

TEST_F(NationalIdDetectorTest, DHAndFhNumbers) {
  EXPECT_EQ(FindOne("D-nummer " + NoNumber("520311")).rule, "no.d_nummer");
  EXPECT_EQ(FindOne("D-nummer " + Spaced(NoNumber("630112"))).rule, "no.d_nummer");
  EXPECT_EQ(FindOne("H-nummer " + NoNumber("124311")).rule, "no.h_nummer");
  Finding fh = FindOne("FH-nummer " + NoNumber("812345"));
  EXPECT_EQ(fh.rule, "no.fh_nummer");
  EXPECT_DOUBLE_EQ(FindOne(NoNumber("812345")).confidence, 0.70);
}

TEST_F(NationalIdDetectorTest, SyntheticNumbersAreFlagged) {
  Finding f = FindOne("Testperson " + NoNumber("128311"));
  EXPECT_EQ(f.rule, "no.fodselsnummer");
  EXPECT_EQ(FindingFlagsText(f.flags), "synthetic");
  Finding d = FindOne("Testperson " + NoNumber("528311"));
  EXPECT_EQ(d.rule, "no.d_nummer");
  EXPECT_EQ(FindingFlagsText(d.flags), "synthetic");
}

// --- Sweden ---------------------------------------------------------------------------

TEST_F(NationalIdDetectorTest, SwedishTenDigitForms) {
  for (const std::string& written :
       {Dashed(pnr_), pnr_.substr(0, 6) + "+" + pnr_.substr(6), pnr_}) {
    Finding f = FindOne("Elev: Alva Lindberg, " + written + ", klass 6C");
    EXPECT_EQ(f.rule, "se.personnummer") << written;
    EXPECT_EQ(f.text, written);
    EXPECT_EQ(f.key, pnr_);
    EXPECT_GE(f.confidence, 0.85);
  }
}

TEST_F(NationalIdDetectorTest, SwedishTwelveDigitForms) {
  for (const std::string& written : {"19" + Dashed(pnr_), "19" + pnr_}) {
    Finding f = FindOne("Personnummer: " + written);
    EXPECT_EQ(f.rule, "se.personnummer");
    EXPECT_EQ(f.text, written);
    EXPECT_EQ(f.key, "19" + pnr_);
  }
  const std::string child = SeNumber("121119", "171");
  EXPECT_EQ(FindOne("Hennes personnummer\när 20" + child + " om ni").key, "20" + child);
}

TEST_F(NationalIdDetectorTest, Samordningsnummer) {
  Finding f = FindOne("samordningsnummer " + Dashed(SeNumber("120962", "679")));
  EXPECT_EQ(f.rule, "se.samordningsnummer");
  EXPECT_EQ(FindOne("samordningsnummer 20" + Dashed(SeNumber("110577", "946"))).rule,
            "se.samordningsnummer");
  EXPECT_EQ(FindOne("samordningsnummer " + Dashed(SeNumber("870060", "123"))).rule,
            "se.samordningsnummer");  // month 00, day 00
}

TEST_F(NationalIdDetectorTest, InterimNumberIsLowerConfidence) {
  const std::string t = SeNumber("450101", "T28");
  Finding bare = FindOne("Student " + Dashed(t));
  EXPECT_EQ(bare.rule, "se.interim");
  EXPECT_EQ(bare.key, t);
  EXPECT_DOUBLE_EQ(bare.confidence, 0.60);
  EXPECT_GT(FindOne("Personnummer: " + Dashed(t)).confidence, 0.9);
}

TEST_F(NationalIdDetectorTest, InterimSReadAsFiveIsReadBack) {
  const std::string s = SeNumber("450101", "S28");
  ASSERT_EQ(TextView(Dashed(s)).text(), Dashed(s.substr(0, 6) + "5" + s.substr(7)));
  Finding f = FindOne("Personnummer: " + Dashed(s));
  EXPECT_EQ(f.rule, "se.interim");
  EXPECT_EQ(FindingFlagsText(f.flags), "reread");
  EXPECT_EQ(f.key, s);
}

// --- Denmark --------------------------------------------------------------------------

TEST_F(NationalIdDetectorTest, CprWithMod11WithoutCue) {
  const std::string cpr = testing::DkNumber("311299", 4000, true);
  Finding f = FindOne("Forældre: Maria Andersen (" + Dashed(cpr) + ") og Kim");
  EXPECT_EQ(f.rule, "dk.cpr");
  EXPECT_EQ(f.key, cpr);
  EXPECT_DOUBLE_EQ(f.confidence, 0.80);
}

TEST_F(NationalIdDetectorTest, CprWithoutMod11NeedsACue) {
  const std::string cpr = testing::DkNumber("311299", 4000, false);
  Finding f = FindOne("Vedrørende: Freja Mikkelsen, CPR-nr. " + Dashed(cpr) + ", 6.B");
  EXPECT_EQ(f.rule, "dk.cpr");
  EXPECT_EQ(FindingFlagsText(f.flags), "no-mod11");
  EXPECT_DOUBLE_EQ(f.confidence, 0.85);
  EXPECT_EQ(FindOne("CPR " + cpr).key, cpr);
  EXPECT_EQ(FindOne("personnummer: " + cpr).key, cpr);
  EXPECT_TRUE(Find("Ida Andersen, " + Dashed(cpr) + ", 5.B").empty());
}

TEST_F(NationalIdDetectorTest, CueDecidesBetweenSwedenAndDenmark) {
  const std::string both = SwedishAndDanish("100805");
  ASSERT_FALSE(both.empty());
  EXPECT_EQ(FindOne("CPR " + Dashed(both)).rule, "dk.cpr");
  EXPECT_EQ(FindOne("Personnummer: " + Dashed(both)).rule, "se.personnummer");
  EXPECT_EQ(FindOne("Elev " + Dashed(both)).rule, "se.personnummer");
}

// --- Finland --------------------------------------------------------------------------

TEST_F(NationalIdDetectorTest, HetuWithEveryKindOfCenturySign) {
  for (char sign : std::string("+-YXWVUABCDEF")) {
    const std::string hetu = Hetu("150604", sign, "123");
    if (hetu[10] == 'S' || hetu[10] == 'B') continue;  // covered below
    std::vector<Finding> f = Find("Henkilötunnus: " + hetu);
    ASSERT_EQ(f.size(), 1u) << hetu;
    EXPECT_EQ(f[0].rule, "fi.hetu") << hetu;
    EXPECT_EQ(f[0].key, hetu);
  }
  EXPECT_EQ(FindOne("131052-308T").rule, "fi.hetu");
  EXPECT_DOUBLE_EQ(FindOne("Matti 131052-308T").confidence, 0.95);
}

TEST_F(NationalIdDetectorTest, HetuWrongCheckCharacterIsNotFound) {
  EXPECT_TRUE(Find("Matti 131052-308U, 7B").empty());
  EXPECT_TRUE(Find("Matti 131052A308R, 7B").empty());
  // The sign is not part of the check: 131052A308T (born 2052) is valid too.
  EXPECT_EQ(FindOne("Matti 131052A308T, 7B").key, "131052A308T");
}

TEST_F(NationalIdDetectorTest, HetuTemporarySerialIsFlagged) {
  const std::string hetu = Hetu("150604", 'A', "912");
  Finding f = FindOne("Henkilötunnus " + hetu);
  EXPECT_EQ(FindingFlagsText(f.flags), "temporary");
}

// Normalisation reads "123S" as "1235" and "010115B1234" as "01011581234"; the HETU is
// still found and its key carries the letters.
TEST_F(NationalIdDetectorTest, HetuLettersReadAsDigitsAreReadBack) {
  int tested = 0;
  for (int serial = 100; serial < 999; ++serial) {
    const std::string hetu = Hetu("150604", '-', std::to_string(serial));
    if (hetu[10] != 'S') continue;
    Finding f = FindOne("Henkilötunnus: " + hetu);
    EXPECT_EQ(f.rule, "fi.hetu");
    EXPECT_EQ(f.key, hetu);
    EXPECT_EQ(FindingFlagsText(f.flags), "reread");
    ++tested;
    break;
  }
  for (int serial = 100; serial < 999; ++serial) {
    const std::string hetu = Hetu("150613", 'B', std::to_string(serial));
    if (hetu[10] < '0' || hetu[10] > '9') continue;
    std::string as_digits = hetu;
    as_digits[6] = '8';
    if (ValidateNorwegianId(as_digits).has_value()) continue;
    ASSERT_EQ(TextView(hetu).text(), as_digits);
    Finding f = FindOne("Henkilötunnus: " + hetu);
    EXPECT_EQ(f.rule, "fi.hetu");
    EXPECT_EQ(f.key, hetu);
    // Written with a space the 8 was a digit: no HETU is ever split so.
    EXPECT_TRUE(Find("Summa " + as_digits.substr(0, 6) + " " + as_digits.substr(6)).empty());
    ++tested;
    break;
  }
  EXPECT_EQ(tested, 2);
}

// --- Traps: none of these is a national ID ----------------------------------------------

TEST_F(NationalIdDetectorTest, TrapBankAccountWithDots) {
  // Every account number passes the fødselsnummer's second check; this one both.
  const std::string dotted = fnr_.substr(0, 4) + "." + fnr_.substr(4, 2) + "." + fnr_.substr(6);
  EXPECT_TRUE(Find("Bankkonto " + dotted).empty());
  EXPECT_TRUE(Find("Beløpet betales til " + dotted + ".").empty());
  EXPECT_TRUE(Find("kontonr. 1254.32.87928 og 1503.78.77899").empty());
}

TEST_F(NationalIdDetectorTest, TrapBankAccountWithoutDotsAfterKonto) {
  ASSERT_EQ(Find("betalt til " + fnr_ + " i fjor").size(), 1u);  // only the cue tells
  EXPECT_TRUE(Find("betalt til konto " + fnr_ + " i fjor").empty());
  EXPECT_TRUE(Find("Kontonr.: " + fnr_).empty());
  EXPECT_TRUE(Find("kontonummer " + fnr_).empty());
  EXPECT_TRUE(Find("Bankkonto: " + fnr_).empty());
  EXPECT_TRUE(Find("Garantien frigis (bankkonto for innbetaling " + fnr_ + ")").empty());
  EXPECT_TRUE(Find("Beløpet betales til konto\n" + fnr_ + " innen fristen").empty());
  EXPECT_TRUE(Find("Kontonummer\n" + fnr_ + "\n").empty());
}

TEST_F(NationalIdDetectorTest, TrapNorwegianOrganisationNumbers) {
  EXPECT_TRUE(Find("Org.nr. 974 123 456 · Bankkonto 1503.78.77899").empty());
  EXPECT_TRUE(Find("organisasjonsnummer 974123456").empty());
  EXPECT_TRUE(Find("Org.nr. " + fnr_).empty());
}

TEST_F(NationalIdDetectorTest, TrapSwedishOrganisationNumbers) {
  EXPECT_TRUE(Find("Org.nr 556677-8899").empty());
  EXPECT_TRUE(Find("Stenbacka kommun (org.nr 212000-1234).").empty());
  EXPECT_TRUE(Find("Sydgross AB (556266-1669) och (802954-6119)").empty());
  EXPECT_TRUE(Find("Org.nr 212000-0233 · Bankgiro 5050-1055").empty());
  EXPECT_TRUE(Find("organisationsnummer " + Dashed(pnr_)).empty());
}

TEST_F(NationalIdDetectorTest, TrapDanishCvr) {
  EXPECT_TRUE(Find("Telefon 55 36 20 00 · CVR 29189749").empty());
  EXPECT_TRUE(Find("(CVR 23930951) og ApS (CVR 36224398)").empty());
}

TEST_F(NationalIdDetectorTest, TrapCaseNumbers) {
  EXPECT_TRUE(Find("Vår ref.: 24/00417-3          Dato: 14.03.2024").empty());
  EXPECT_TRUE(Find("Saksnr. 2024/1234-5").empty());
  EXPECT_TRUE(Find("Dnr 2024:123 och Dnr: BUN 2024/290").empty());
  EXPECT_TRUE(Find("arkivsak 2024/120311-66592").empty());
  EXPECT_TRUE(Find("Saksnr. " + fnr_).empty());
  EXPECT_TRUE(Find("Sagsnr.: " + testing::DkNumber("311299", 4000, true)).empty());
  EXPECT_TRUE(Find("Dnr " + pnr_).empty());
}

TEST_F(NationalIdDetectorTest, TrapInvoiceKidAndOcrNumbers) {
  ASSERT_EQ(Find("Betal med " + fnr_).size(), 1u);  // only the cue tells
  ASSERT_EQ(Find("Betala med " + pnr_).size(), 1u);
  EXPECT_TRUE(Find("Fakturanr. " + fnr_).empty());
  EXPECT_TRUE(Find("Fakturaen (fakturanr. 2024011587, kontonr. 1254.32.87928)").empty());
  EXPECT_TRUE(Find("Betal med KID " + fnr_).empty());
  EXPECT_TRUE(Find("KID-nummer: " + fnr_).empty());
  EXPECT_TRUE(Find("betalas till bankgiro 5050-1055 med OCR-nummer " + pnr_ + ".").empty());
  EXPECT_TRUE(Find("OCR " + Dashed(pnr_)).empty());
  EXPECT_TRUE(Find("Plusgiro " + pnr_).empty());
  EXPECT_TRUE(Find("Bilagsnr.: 150324-0117").empty());
  EXPECT_TRUE(Find("Fakturaen for omsetjinga (nr.\n240911-0047, betalt til konto)").empty());
}

TEST_F(NationalIdDetectorTest, TrapPhoneNumbers) {
  EXPECT_TRUE(Find("ring meg på +47 412 38 907 eller 97 41 22 85").empty());
  EXPECT_TRUE(Find("Mobil 070-123 45 67, växel 0455-30 50 00").empty());
  EXPECT_TRUE(Find("tel. +46 70 123 45 67").empty());
  EXPECT_TRUE(Find("tlf. 0047 41238907, +4741238907").empty());
  const std::string mobile = SeNumber("070123", "456");  // a valid date, and Luhn
  ASSERT_EQ(Find("Ring " + mobile).size(), 1u);          // only the cue tells
  EXPECT_TRUE(Find("Tel. " + mobile).empty());
  EXPECT_TRUE(Find("mobil: " + mobile).empty());
  EXPECT_TRUE(Find("Telefon " + fnr_).empty());
}

TEST_F(NationalIdDetectorTest, TrapDates) {
  EXPECT_TRUE(Find("Dato: 12.03.2011, møte 2024-03-14 kl. 14.00").empty());
  EXPECT_TRUE(Find("Datum: 2024-03-18 och 12-03-2011, født 120311").empty());
  EXPECT_TRUE(Find("perioden 01.08.2025–31.07.2029").empty());
  EXPECT_TRUE(Find("Sendt: 11.01.2024 09:12").empty());
}

TEST_F(NationalIdDetectorTest, TrapPostcodesAndAmounts) {
  EXPECT_TRUE(Find("0271 Oslo, 114 18 Stockholm, SE-114 18, 2620 Albertslund").empty());
  EXPECT_TRUE(Find("Beløp: 12 031 166 kr, 38 000 m², 12 031 166,50").empty());
  EXPECT_TRUE(Find("Ramme 2025 (kr)   12 031 166   -2,1 mill.").empty());
}

TEST_F(NationalIdDetectorTest, TrapLongerDigitRuns) {
  EXPECT_TRUE(Find("Referanse " + fnr_ + "12").empty());
  EXPECT_TRUE(Find("1" + fnr_ + "2").empty());
  EXPECT_TRUE(Find("nr " + fnr_ + "7").empty());
  EXPECT_TRUE(Find("nr 7" + fnr_).empty());
  EXPECT_TRUE(Find("00" + pnr_).empty());  // 12 digits, no plausible century
  EXPECT_TRUE(Find("4" + pnr_).empty());
  EXPECT_TRUE(Find("1." + fnr_ + " og " + fnr_ + ",50 og 2024/" + fnr_).empty());
}

// --- Which cue wins -------------------------------------------------------------------

TEST_F(NationalIdDetectorTest, NearestCueWins) {
  EXPECT_EQ(Find("Kontonr. for far, fødselsnummer " + fnr_).size(), 1u);
  EXPECT_TRUE(Find("Fødselsnummer til mor står over, kontonr. " + fnr_).empty());
}

TEST_F(NationalIdDetectorTest, NegativeCueLabelsOnlyTheNumberRightAfterIt) {
  std::vector<Finding> f =
      Find("Bankkonto 1503.78.77899 · Elev: Sindre, " + Spaced(fnr_) + ", tlf. 412 38 907");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].key, fnr_);
  EXPECT_EQ(Find("Mor: Tone, fødselsnummer " + Spaced(fnr2_) + ", tlf. 97 41 22 85").size(), 1u);
}

TEST_F(NationalIdDetectorTest, WordInAParagraphAboveIsNoColumnHeader) {
  // "telefon" stands right above the number, but in running text.
  const std::string text =
      "Mor ble kontaktet på telefon og ga oss adressen.\n"
      "Barnet Sindre   " +
      fnr_ + " går i 6. trinn.";
  ASSERT_EQ(text.find("telefon") - 0, std::string("Mor ble kontaktet på ").size());
  EXPECT_EQ(Find(text).size(), 1u);
}

TEST_F(NationalIdDetectorTest, IdInFirstColumnUnderAHeaderRow) {
  // The header row ends with "Telefon"; the number's own header is right above it.
  std::vector<Finding> f =
      Find("Fødselsnummer    Navn      Telefon\n" + fnr_ + "      Sindre    41238907\n");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_GE(f[0].confidence, 0.9);
  // A header "Kontonummer" right above the number says it is an account.
  EXPECT_TRUE(Find("Kontonummer      Beløp\n" + fnr_ + "      1 200,-\n").empty());
}

TEST_F(NationalIdDetectorTest, NegativeCueInAnotherColumnOfText) {
  // Two columns of text on one printed line: the left one talks about an account.
  EXPECT_EQ(Find("Beløpet betales til kommunens konto      Sindre " + fnr_).size(), 1u);
  // A short label with a gap before its value still labels it.
  EXPECT_TRUE(Find("Kontonummer:          " + fnr_).empty());
}

TEST_F(NationalIdDetectorTest, BirthDateCueBeforeTheDate) {
  Finding f = FindOne("Barnet: Oliver, født 06.12.2012 (" + Spaced(NoNumber("061212", 500)) + ")");
  EXPECT_GE(f.confidence, 0.9);
}

// --- Several findings and units ---------------------------------------------------------

TEST_F(NationalIdDetectorTest, SeveralNumbersInOrder) {
  std::vector<Finding> f = Find("Elev " + fnr_ + ", mor " + Spaced(fnr2_) + ", far " + pnr_);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].key, fnr_);
  EXPECT_EQ(f[1].key, fnr2_);
  EXPECT_EQ(f[2].key, pnr_);
  EXPECT_LT(f[0].begin, f[1].begin);
  EXPECT_LT(f[1].begin, f[2].begin);
}

TEST_F(NationalIdDetectorTest, FindingsCarryTheirUnitsLocation) {
  DocumentText doc;
  Location page2;
  page2.page = 2;
  Location title;
  title.metadata = MetadataSource::kInfoField;
  title.field = "Title";
  doc.units.push_back(TextUnit{page2, TextView("Fødselsnummer: " + fnr_)});
  doc.units.push_back(TextUnit{title, TextView("Vedtak for " + fnr2_)});
  std::vector<Finding> f;
  detector_->Detect(doc, &f);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].location.page, 2);
  EXPECT_TRUE(f[0].location.is_page_text());
  EXPECT_EQ(f[0].begin, 16u);  // "Fødselsnummer: " is 16 bytes
  EXPECT_EQ(f[0].end, 27u);
  EXPECT_EQ(f[1].location.field, "Title");
  EXPECT_EQ(f[1].key, fnr2_);
}

TEST_F(NationalIdDetectorTest, EmptyTextFindsNothing) {
  EXPECT_TRUE(Find("").empty());
  EXPECT_TRUE(Find("\n\n").empty());
}

// --- Rule files -----------------------------------------------------------------------

constexpr char kMinimalRules[] = R"(
[confidence]
report_threshold = 0.5
[[candidate]]
name = "eleven"
validators = ["no"]
pattern = '\d{11}'
[cues.nb]
country = "no"
positive = ["fnr"]
)";

TEST(NationalIdRulesTest, MinimalRuleFileWorks) {
  auto detector = NationalIdDetector::FromString(kMinimalRules, "mini.toml");
  DocumentText doc;
  doc.units.push_back(TextUnit{Location{}, TextView("fnr 02013299997")});
  std::vector<Finding> f;
  detector->Detect(doc, &f);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_DOUBLE_EQ(f[0].confidence, 1.0);
}

void ExpectRuleError(const std::string& toml, const std::string& fragment) {
  try {
    NationalIdDetector::FromString(toml, "bad_rules.toml");
    ADD_FAILURE() << "no error for: " << fragment;
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("bad_rules.toml"), std::string::npos) << message;
    EXPECT_NE(message.find(fragment), std::string::npos) << message;
  }
}

TEST(NationalIdRulesTest, BadRuleFilesAreRefusedNamingTheFile) {
  const std::string rules = kMinimalRules;
  ExpectRuleError("[confidence\n", "bad_rules.toml:1:");
  ExpectRuleError("[[candidate]]\npattern='x'\nvalidators=['no']\n", "[confidence]");
  ExpectRuleError(rules + "[[candidate]]\nname='broken'\nvalidators=['no']\npattern='(\\d'\n",
                  "broken");
  ExpectRuleError(rules + "[[candidate]]\nname='x'\nvalidators=['is']\npattern='\\d'\n",
                  "validators");
  ExpectRuleError(rules + "[confidence.base]\n\"no.clasic\" = 0.9\n", "no.clasic");
  ExpectRuleError(
      "[confidence]\nreport_threshold = 1.5\n[[candidate]]\npattern='x'\nvalidators=['no']\n",
      "report_threshold");
  ExpectRuleError(rules + "[cues.sv]\ncountry='se'\nnegative=['fnr']\n", "fnr");
  ExpectRuleError(rules + "[cues.xx]\npositive=['a']\n", "missing key cues.xx.country");
  ExpectRuleError(
      "[confidence]\nreport_treshold = 0.5\n[[candidate]]\npattern='x'\nvalidators=['no']\n",
      "report_treshold");
  ExpectRuleError(rules + "[cues.sv]\ncountry='se'\npositiv=['a']\n", "positiv");
  ExpectRuleError(rules + "[[candidate]]\nname='x'\nvalidators=['no']\npatern='\\d'\n", "patern");
}

TEST(NationalIdRulesTest, MissingFileIsNamed) {
  try {
    NationalIdDetector::FromFile("/nonexistent/national_ids.toml");
    ADD_FAILURE();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/national_ids.toml"), std::string::npos);
  }
}

TEST(NationalIdRulesTest, ShippedRuleFileLoads) {
  EXPECT_NE(NationalIdDetector::FromFile(kRules), nullptr);
}

}  // namespace
}  // namespace skjerm
