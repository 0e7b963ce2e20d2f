#include "detect/dates/birth_date_detector.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "temp_folder.h"

namespace skjerm {
namespace {

// Every person, number and school below is invented. National IDs have valid check digits.

std::string RulesPath() { return std::string(SKJERM_PATTERNS_DIR) + "/birth_dates.toml"; }

int CurrentYear() {
  const std::chrono::year_month_day today{
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return static_cast<int>(today.year());
}

DocumentText Pages(const std::vector<std::string>& pages) {
  DocumentText doc;
  for (size_t i = 0; i < pages.size(); ++i) {
    TextUnit unit;
    unit.location.page = static_cast<int>(i + 1);
    unit.view = TextView(pages[i]);
    doc.units.push_back(std::move(unit));
  }
  return doc;
}

// A finding an earlier detector would have made for the first `needle` on page `page`.
Finding Earlier(const DocumentText& doc, Category category, const std::string& needle,
                int page = 1) {
  const TextUnit& unit = doc.units.at(page - 1);
  const size_t pos = unit.view.text().find(needle);
  EXPECT_NE(pos, std::string::npos) << needle;
  return MakeFinding(unit, category, "test.earlier", pos, pos + needle.size(), 1.0);
}

class BirthDateDetectorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { detector_ = BirthDateDetector::FromFile(RulesPath()).release(); }
  static void TearDownTestSuite() {
    delete detector_;
    detector_ = nullptr;
  }

  // "rule:text" of every birth date found, in order.
  static std::vector<std::string> Found(const DocumentText& doc,
                                        std::vector<Finding> findings = {}) {
    detector_->Detect(doc, &findings);
    std::vector<std::string> out;
    for (const Finding& f : findings) {
      if (f.category == Category::kBirthDate) out.push_back(f.rule + ":" + f.text);
    }
    return out;
  }
  static std::vector<std::string> Found(const std::string& page) { return Found(Pages({page})); }

  static const BirthDateDetector* detector_;
};

const BirthDateDetector* BirthDateDetectorTest::detector_ = nullptr;

using Strings = std::vector<std::string>;

// ---- Every date form after every cue ----------------------------------------------------

struct CueCase {
  const char* line;
  const char* date;  // as it stands in the line
};

class BirthDateCueTest : public BirthDateDetectorTest,
                         public ::testing::WithParamInterface<CueCase> {};

TEST_P(BirthDateCueTest, FindsTheDateAfterTheCue) {
  EXPECT_EQ(Found(GetParam().line), Strings{std::string("birth_date.cue:") + GetParam().date});
}

INSTANTIATE_TEST_SUITE_P(
    AllFormsAndLanguages, BirthDateCueTest,
    ::testing::Values(
        // Bokmål
        CueCase{"Elev: Sindre Haugland, født 12.03.2011, 7B", "12.03.2011"},
        CueCase{"Elev: Sindre Haugland, født 12.03.11", "12.03.11"},
        CueCase{"Født: 24/11-2012", "24/11-2012"}, CueCase{"født 12/3 2011 i Bodø", "12/3 2011"},
        CueCase{"Fødselsdato: 2011-03-12", "2011-03-12"},
        CueCase{"Fødselsdato: 20110312", "20110312"}, CueCase{"fødselsdato 12032011", "12032011"},
        CueCase{"Barnet er født 12. mars 2011.", "12. mars 2011"},
        CueCase{"Jonas, født den 4. juni 2010, går i 8C", "4. juni 2010"},
        CueCase{"FØDT 4 juni 2010", "4 juni 2010"}, CueCase{"f. 12. okt. 2011", "12. okt. 2011"},
        CueCase{"født 12 jan 2011", "12 jan 2011"}, CueCase{"født 29.02.2012", "29.02.2012"},
        CueCase{"Gjelder: Amalie Johansen, f. 07.01.10, 8C", "07.01.10"},
        CueCase{"f.d. 12.03.2011", "12.03.2011"}, CueCase{"f. d. 12.03.2011", "12.03.2011"},
        CueCase{"fødselsdag 4. juni 2010", "4. juni 2010"},
        CueCase{"født i Bergen 12.03.2011", "12.03.2011"},
        CueCase{"Født:       12.03.2011", "12.03.2011"},
        CueCase{"Fødselsdato:\n12.03.2011", "12.03.2011"},
        CueCase{"født 12. mars\n2011", "12. mars\n2011"},
        // Nynorsk
        CueCase{"Eleven: Ingrid Haugen, fødd 3. mai 2012, 6. steg", "3. mai 2012"},
        CueCase{"fødd den 4 juni 2010", "4 juni 2010"},
        CueCase{"Sak: Eirik Tveit, f. 09.06.14, 4. steg", "09.06.14"},
        // Swedish
        CueCase{"Elev: Alva Lindberg, född 2011-03-12, klass 6C", "2011-03-12"},
        CueCase{"Född: 2010-08-05", "2010-08-05"}, CueCase{"född den 12 mars 2011", "12 mars 2011"},
        CueCase{"Födelsedatum: 20100805", "20100805"}, CueCase{"född 5 maj 2010", "5 maj 2010"},
        CueCase{"f. 2011-03-12", "2011-03-12"}, CueCase{"född 12 dec. 2011", "12 dec. 2011"},
        // Danish
        CueCase{"Elev: Magnus Kjær, født den 4. juli 2012", "4. juli 2012"},
        CueCase{"født 12-03-2011", "12-03-2011"},
        CueCase{"Fødselsdato: 12. marts 2011", "12. marts 2011"},
        CueCase{"født 1. maj 2012", "1. maj 2012"},
        // English in forms
        CueCase{"DOB: 12/03/2011", "12/03/2011"},
        CueCase{"Date of birth: 12 March 2011", "12 March 2011"},
        // OCR noise left after normalisation
        CueCase{"født 12.03.2O11", "12.03.2011"}, CueCase{"født 12. rnars 2011", "12. rnars 2011"},
        CueCase{"født 12,03.2011", "12,03.2011"}, CueCase{"fødd 3. ma1 2012", "3. ma1 2012"},
        CueCase{"født 12. 03. 2011", "12. 03. 2011"}, CueCase{"fodt 12.03.2011", "12.03.2011"}));

// OCR's readings of the cues: the full stop of «f.» as ':', ',' or ';' (or with a space before
// it), and the cue words without their diacritics.
INSTANTIATE_TEST_SUITE_P(
    OcrReadings, BirthDateCueTest,
    ::testing::Values(CueCase{"Elev: Henrik Vold, f: 14.09.2012   Klasse: 6A", "14.09.2012"},
                      CueCase{"Elev: Henrik Vold, f, 14.09.2012", "14.09.2012"},
                      CueCase{"Gjeld: Solveig Nes (f . 2. april 2013)", "2. april 2013"},
                      CueCase{"Eleven Ragnhild Sæle, f; 02.11.2010, 9. steg", "02.11.2010"},
                      CueCase{"Sak: Emil Aune, F: 30.06.2011", "30.06.2011"},
                      CueCase{"Elev: Vilgot Ek, f: 2012-01-19, klass 6B", "2012-01-19"},
                      CueCase{"Eleven: Torstein Lid, fodd 7. mai 2011", "7. mai 2011"},
                      CueCase{"Fodselsdato: 19.01.2012", "19.01.2012"},
                      CueCase{"Elev: Wilma Berg, fodd 2012-01-19", "2012-01-19"},
                      CueCase{"Fodelsedatum: 2012-01-19", "2012-01-19"},
                      CueCase{"Elev: Rasmus Kjeldsen, fodt 19-01-2012", "19-01-2012"},
                      CueCase{"Elev: Henrik Vold, født 14.09,2012", "14.09,2012"},
                      CueCase{"Elev: Vilgot Ek, född 2012- 01-19", "2012- 01-19"}));

class BirthDateOcrTrapTest : public BirthDateDetectorTest,
                             public ::testing::WithParamInterface<const char*> {};

TEST_P(BirthDateOcrTrapTest, FindsNothing) { EXPECT_EQ(Found(GetParam()), Strings{}); }

// «f» with OCR punctuation in other words and senses: still no cue.
INSTANTIATE_TEST_SUITE_P(OcrCuesInOtherSenses, BirthDateOcrTrapTest,
                         ::testing::Values("Ref: 14.09.2012", "Tlf: 14.09.2012", "jf: 14.09.2012",
                                           "f,eks. 14.09.2012", "f: o.m. 14.09.2024", "f, 2012",
                                           "Elev f: 2012", "Fodt i Molde, flyttet 14.09.2020",
                                           "Dato: 14.09,2024", "Datum: 2024- 09-14"));

// ---- Dates that are not birth dates ------------------------------------------------------

class BirthDateTrapTest : public BirthDateDetectorTest,
                          public ::testing::WithParamInterface<const char*> {};

TEST_P(BirthDateTrapTest, FindsNothing) { EXPECT_EQ(Found(GetParam()), Strings{}); }

INSTANTIATE_TEST_SUITE_P(
    LetterDatesDeadlinesAndNumbers, BirthDateTrapTest,
    ::testing::Values(
        // The letter's own date
        "Dato: 14.03.2024", "Datum: 2024-05-06", "Oslo, 14. mars 2024",
        "Vår ref.: 24/00417-3          Deres ref.:          Dato: 14.03.2024",
        "Nordvik skole                                                     14.03.2024",
        // Meetings, deadlines, periods, decisions, evaluations, versions
        "Møtedato: 19.02.2024, kl. 15.00-16.15", "Vi viser til møtet på skolen 5. mars 2024.",
        "Skolen utarbeider aktivitetsplan innen 1. april 2024.",
        "Skolen kontakter familien igen senest 01.03.2024.", "Tilbudsfrist: 11.11.2024 kl. 12.00",
        "i perioden 6.–12. mars 2024", "Kontraktperioden er 01.08.2025–31.07.2029 med option",
        "Fra 12.03.2024 - 15.03.2024 er skolen stengt", "Fravær i 2023-11",
        "Uppföljning och utvärdering: 2024-06-10", "Sendt: 11.01.2024 09:12",
        "Søknaden ble mottatt 12.01.2024.", "Vedtak av 20.05.2024", "Versjon 2.1 av 03.04.2024",
        // Numbers that are not dates
        "Saksnr. 24/00417-3", "Dnr 2024:123", "Vår ref. 2024/1234-5", "Bankkonto 1503.78.77899",
        "Org.nr. 974 123 456", "Fakturanr. 20240115", "KID 20110312", "Fødselsnummer: 12031166592",
        "fødselsnummer 120311-66592", "Fnr. 120311 66592", "Personnummer: 20110312-2386",
        "född 20110312-2386", "CPR-nr. 120311-1234",
        // «født» somewhere else in the sentence or paragraph
        "Barnet ble født i Oslo. Møtet var 14.03.2024.",
        "Barnet ble født i Oslo.\nMøtet var 14.03.2024.",
        "Hun ble født i Oslo. 14.03.2024 flyttet familien hit.",
        "Hun er født i Oslo og flyttet til Bergen etter skolestart 14.03.2024",
        "født i Oslo, møte 14.03.2024", "født 2011, innmeldt 19.08.2024",
        "Han er født i Bergen, flyttet 14.03.2020 til Oslo",
        "Barn født etter 01.01.2018 og før 31.12.2018 får brev", "född före 2010-01-01",
        // «f.» in other senses, and a year alone
        "f.eks. 12.03.2011", "f.o.m. 12.03.2024", "jf. 12.03.2024", "Elev f. 2011",
        // Invalid or implausible dates
        "født 31.02.2011", "født 12.13.2011", "født 29.02.2011", "født 00.03.2011",
        "født 12.03.2099", "født 12.03.1850", "født 32. mars 2011"));

TEST_F(BirthDateDetectorTest, DateNextYearIsNotABirthDate) {
  const std::string next = std::to_string(CurrentYear() + 1);
  EXPECT_EQ(Found("født 01.01." + next), Strings{});
  const std::string last = std::to_string(CurrentYear() - 1);
  EXPECT_EQ(Found("født 01.01." + last), Strings{"birth_date.cue:01.01." + last});
}

// ---- Tables ---------------------------------------------------------------------------------

TEST_F(BirthDateDetectorTest, ColumnUnderHeadingAsPdftotextLayoutGivesIt) {
  const std::string page =
      "KLASSELISTE 5B\n"
      "\n"
      "Navn                  Fødselsdato Innmeldt           Foresatt\n"
      "Sindre Haugland 12.03.2014               19.08.2024 Kari Haugland\n"
      "Nora Bakken           3. mai 2014        19.08.2024 Per Bakken\n"
      "Jonas Lie-Ås          2014-11-30         02.09.2024 Anne Lie\n"
      "\n"
      "Listen er oppdatert 14.03.2024. Barnet som er født i Tromsø, har flyttet.\n"
      "Neste møte 15.03.2024\n";
  EXPECT_EQ(Found(page), (Strings{"birth_date.column:12.03.2014", "birth_date.column:3. mai 2014",
                                  "birth_date.column:2014-11-30"}));
}

TEST_F(BirthDateDetectorTest, ColumnWithCellsSeparatedByPipesOrSingleSpaces) {
  EXPECT_EQ(Found("Namn | Födelsedatum | Klass\n"
                  "Alva Lindberg | 2011-03-12 | 6C\n"
                  "Viktor Sandberg | 2010-08-05 | 7A\n"),
            (Strings{"birth_date.column:2011-03-12", "birth_date.column:2010-08-05"}));
  // As OCR gives a table: one space between cells, the date column a little off.
  EXPECT_EQ(Found("Navn Født Innmeldt\n"
                  "Sindre Haugland 12.03.2014 19.08.2024\n"),
            Strings{"birth_date.column:12.03.2014"});
}

TEST_F(BirthDateDetectorTest, FormLabelsOverTheirValues) {
  EXPECT_EQ(Found("Navn:                 Fødselsdato:        Dato:\n"
                  "Ola Nordmann          12.03.2011          14.03.2024\n"),
            Strings{"birth_date.column:12.03.2011"});
}

TEST_F(BirthDateDetectorTest, ColumnOfOtherDatesIsNotBirthDates) {
  EXPECT_EQ(Found("Navn            Dato          Sted\n"
                  "Kari Nordmann   12.03.2015    Oslo\n"
                  "Per Hansen      13.03.2015    Bergen\n"),
            Strings{});
}

TEST_F(BirthDateDetectorTest, HeadingInRunningTextMakesNoTable) {
  // «født» lower case in a sentence is no heading; the dates below are the letter's.
  EXPECT_EQ(Found("Mor forteller at hun er født og oppvokst her\n"
                  "Møtet ble holdt 14.03.2015\n"),
            Strings{});
  // A label («Fødselsdato:») is a cue for its own line, not a column heading.
  EXPECT_EQ(Found("Fødselsdato: 12.03.2011\n"
                  "Innmeldt 19.08.2015\n"),
            Strings{"birth_date.cue:12.03.2011"});
}

TEST_F(BirthDateDetectorTest, TableEndsAtProseOrTwoBlankLines) {
  EXPECT_EQ(Found("Navn   Fødselsdato\n"
                  "Ola    12.03.2014\n"
                  "\n"
                  "\n"
                  "Kari   12.03.2015\n"),
            Strings{"birth_date.column:12.03.2014"});
}

TEST_F(BirthDateDetectorTest, ScrambledTableKeepsOnlyDatesOlderThanTheLetter) {
  // pdftotext without -layout: cells of one row land on different lines. The enrolment
  // dates are from the letter's own year and cannot be birth dates.
  EXPECT_EQ(Found("Dato: 14.03.2024\n"
                  "Navn\n"
                  "\n"
                  "Fødselsdato Innmeldt\n"
                  "\n"
                  "Sindre Haugland 12.03.2014\n"
                  "\n"
                  "19.08.2024 Kari Haugland\n"
                  "\n"
                  "3. mai 2014\n"
                  "\n"
                  "02.09.2024 Per Bakken\n"),
            (Strings{"birth_date.column:12.03.2014", "birth_date.column:3. mai 2014"}));
}

TEST_F(BirthDateDetectorTest, ClassListWithoutALetterDate) {
  // The other rows' birth dates are not taken for the letter's date.
  EXPECT_EQ(Found("Navn         Fødselsdato\n"
                  "Ola Dahl     12.03.2014\n"
                  "Kari Moe     01.01.2015\n"),
            (Strings{"birth_date.column:12.03.2014", "birth_date.column:01.01.2015"}));
}

// ---- Beside a national ID ---------------------------------------------------------------

TEST_F(BirthDateDetectorTest, DateBesideNationalIdFinding) {
  DocumentText doc = Pages({"Barnet: Oliver Hansen Kvam, 06.12.2012 (061212 51254)"});
  EXPECT_EQ(Found(doc, {Earlier(doc, Category::kNationalId, "061212 51254")}),
            Strings{"birth_date.beside_id:06.12.2012"});

  doc = Pages({"Personnummer 100805-2852 (2010-08-05)"});
  EXPECT_EQ(Found(doc, {Earlier(doc, Category::kNationalId, "100805-2852")}),
            Strings{"birth_date.beside_id:2010-08-05"});

  // In a row without a heading: only spaces between, so the ID must carry the same date.
  doc = Pages({"Sindre Haugland     12.03.2011      12031166592"});
  EXPECT_EQ(Found(doc, {Earlier(doc, Category::kNationalId, "12031166592")}),
            Strings{"birth_date.beside_id:12.03.2011"});
}

TEST_F(BirthDateDetectorTest, ConfidenceBesideIdDependsOnTheIdsDate) {
  DocumentText doc = Pages({"fnr. 12031166592, 12.03.2011"});
  std::vector<Finding> findings = {Earlier(doc, Category::kNationalId, "12031166592")};
  detector_->Detect(doc, &findings);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_DOUBLE_EQ(findings[1].confidence, 0.95);

  doc = Pages({"fnr. 12031166592, 14.03.2012"});
  findings = {Earlier(doc, Category::kNationalId, "12031166592")};
  detector_->Detect(doc, &findings);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_DOUBLE_EQ(findings[1].confidence, 0.75);
}

TEST_F(BirthDateDetectorTest, LetterDateBesideIdIsNotABirthDate) {
  DocumentText doc = Pages({"Elev: Sindre, fnr. 12031166592, Dato: 14.03.2024"});
  EXPECT_EQ(Found(doc, {Earlier(doc, Category::kNationalId, "12031166592")}), Strings{});
  doc = Pages({"Elev: Sindre, fnr. 12031166592                     14.03.2024"});
  EXPECT_EQ(Found(doc, {Earlier(doc, Category::kNationalId, "12031166592")}), Strings{});
  doc = Pages({"Fnr. 12031166592\n14.03.2024"});
  EXPECT_EQ(Found(doc, {Earlier(doc, Category::kNationalId, "12031166592")}), Strings{});
}

TEST_F(BirthDateDetectorTest, IdWithAnotherDateReachesOnlyAnAdjacentDate) {
  // The sentence goes on past the ID number to a contract date.
  DocumentText doc = Pages({"förening (org.nr 802471-6113), vars avtal löper ut 2025-01-31."});
  EXPECT_EQ(Found(doc, {Earlier(doc, Category::kNationalId, "802471-6113")}), Strings{});
  doc = Pages({"Fnr 12031166592 som gjelder fra 14.03.2015"});
  EXPECT_EQ(Found(doc, {Earlier(doc, Category::kNationalId, "12031166592")}), Strings{});
  // An abbreviation's full stop does not end the sentence.
  doc = Pages({"Ola, 12.03.2011, personnr. 12031166592"});
  EXPECT_EQ(Found(doc, {Earlier(doc, Category::kNationalId, "12031166592")}),
            Strings{"birth_date.beside_id:12.03.2011"});
  // Words are fine when the number carries the same date.
  doc = Pages({"Fnr 12031166592 dvs 12.03.2011"});
  EXPECT_EQ(Found(doc, {Earlier(doc, Category::kNationalId, "12031166592")}),
            Strings{"birth_date.beside_id:12.03.2011"});
}

TEST_F(BirthDateDetectorTest, DNumberAndSwedishIdsCarryTheirDate) {
  // D-nummer: day + 40.
  DocumentText doc = Pages({"54071130099     14.07.2011"});
  EXPECT_EQ(Found(doc, {Earlier(doc, Category::kNationalId, "54071130099")}),
            Strings{"birth_date.beside_id:14.07.2011"});
  // Swedish twelve digits, YYYYMMDD.
  doc = Pages({"200908052384     2009-08-05"});
  EXPECT_EQ(Found(doc, {Earlier(doc, Category::kNationalId, "200908052384")}),
            Strings{"birth_date.beside_id:2009-08-05"});
}

TEST_F(BirthDateDetectorTest, DateInsideAnEarlierFindingIsThatFindings) {
  DocumentText doc = Pages({"født 12.03.2011"});
  EXPECT_EQ(Found(doc, {Earlier(doc, Category::kNationalId, "12.03.2011")}), Strings{});
}

TEST_F(BirthDateDetectorTest, FindingsOfAnotherPageDoNotCount) {
  DocumentText doc = Pages({"Oliver, 06.12.2012", "Oliver (061212 51254)"});
  EXPECT_EQ(Found(doc, {Earlier(doc, Category::kNationalId, "061212 51254", 2)}), Strings{});
}

// ---- Beside a name ------------------------------------------------------------------------

TEST_F(BirthDateDetectorTest, DateRightAfterAName) {
  DocumentText doc = Pages({"Gjelder Sindre Haugland (12.03.2011) i 7B"});
  EXPECT_EQ(Found(doc, {Earlier(doc, Category::kPersonName, "Sindre Haugland")}),
            Strings{"birth_date.beside_name:12.03.2011"});
  doc = Pages({"Sindre Haugland, 12.03.2011"});
  EXPECT_EQ(Found(doc, {Earlier(doc, Category::kPersonName, "Sindre Haugland")}),
            Strings{"birth_date.beside_name:12.03.2011"});
}

TEST_F(BirthDateDetectorTest, NameWithARecentOrLooseDateIsNoBirth) {
  // A signature and its date.
  const std::string recent = "14.03." + std::to_string(CurrentYear() - 1);
  DocumentText doc = Pages({"Kari Nordmann, " + recent});
  EXPECT_EQ(Found(doc, {Earlier(doc, Category::kPersonName, "Kari Nordmann")}), Strings{});
  // No comma or bracket: "møte med Kari Nordmann 14.03.2015".
  doc = Pages({"Samtale med Kari Nordmann 14.03.2015"});
  EXPECT_EQ(Found(doc, {Earlier(doc, Category::kPersonName, "Kari Nordmann")}), Strings{});
  // An old letter: its own date, not today, tells a signature from a birth.
  doc = Pages({"Dato: 14.03.2015\n\nMed hilsen\nKari Nordmann, 14.03.2015"});
  EXPECT_EQ(Found(doc, {Earlier(doc, Category::kPersonName, "Kari Nordmann")}), Strings{});
  // The name on the line above.
  doc = Pages({"Kari Nordmann,\n14.03.2015"});
  EXPECT_EQ(Found(doc, {Earlier(doc, Category::kPersonName, "Kari Nordmann")}), Strings{});
}

// ---- The finding itself -------------------------------------------------------------------

TEST_F(BirthDateDetectorTest, FindingCarriesSpanKeyAndOriginalOffsets) {
  const std::string original = "Elev: Lukas, f\u00F8dt\u00A015.08.2014, 5A";
  DocumentText doc = Pages({original});
  std::vector<Finding> findings;
  detector_->Detect(doc, &findings);
  ASSERT_EQ(findings.size(), 1u);
  const Finding& f = findings[0];
  EXPECT_EQ(f.category, Category::kBirthDate);
  EXPECT_EQ(f.rule, "birth_date.cue");
  EXPECT_EQ(f.text, "15.08.2014");
  EXPECT_EQ(f.key, "2014-08-15");
  EXPECT_EQ(original.substr(f.begin, f.end - f.begin), "15.08.2014");
  EXPECT_EQ(f.location.page, 1);
  EXPECT_DOUBLE_EQ(f.confidence, 0.95);
}

TEST_F(BirthDateDetectorTest, TwoDigitYearsTakeTheirCentury) {
  auto key = [](const std::string& line) {
    std::vector<Finding> findings;
    detector_->Detect(Pages({line}), &findings);
    return findings.size() == 1 ? findings[0].key : std::string("none");
  };
  EXPECT_EQ(key("f. 07.01.10"), "2010-01-07");
  EXPECT_EQ(key("f. 07.01.45"), "1945-01-07");
  EXPECT_EQ(key("født 12/3-2011"), "2011-03-12");
  EXPECT_EQ(key("født 3. mai 2012"), "2012-05-03");
  EXPECT_EQ(key("född 20100805"), "2010-08-05");
  EXPECT_EQ(key("født 05082010"), "2010-08-05");
}

TEST_F(BirthDateDetectorTest, SeveralDatesOnOneLine) {
  EXPECT_EQ(Found("Ola, født 12.03.2011, og Kari, født 4. mai 2013, møte 14.03.2024"),
            (Strings{"birth_date.cue:12.03.2011", "birth_date.cue:4. mai 2013"}));
}

// ---- The rule file ------------------------------------------------------------------------

class BirthDateRuleFileTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& body) {
    const std::string path = folder_.File("birth_dates.toml");
    std::ofstream(path) << body;
    return path;
  }
  const TempFolder folder_{"skjerm-birth_rules_test"};
};

TEST_F(BirthDateRuleFileTest, MissingFileThrows) {
  EXPECT_THROW(BirthDateDetector::FromFile(folder_.File("nope.toml")), std::runtime_error);
}

TEST_F(BirthDateRuleFileTest, SyntaxErrorNamesTheLine) {
  const std::string path = Write("[settings]\nearliest_year = 1900\n[language.nb\n");
  try {
    BirthDateDetector::FromFile(path);
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("birth_dates.toml:3"), std::string::npos) << e.what();
  }
}

TEST_F(BirthDateRuleFileTest, SettingOfTheWrongKindIsRefused) {
  const std::string path = Write("[settings]\nearliest_year = \"1900\"\n");
  EXPECT_THROW(BirthDateDetector::FromFile(path), std::runtime_error);
}

TEST_F(BirthDateRuleFileTest, AConfidenceAboveOneIsRefused) {
  const std::string path = Write("[confidence]\ncue = 1.44\n");
  try {
    BirthDateDetector::FromFile(path);
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("confidence.cue must be a number from 0 to 1"),
              std::string::npos)
        << e.what();
  }
  const std::string language =
      "[language.xx]\nmonths = [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\","
      "\"j\",\"k\",\"l\"]\nmonth_abbreviations = [\"a\",\"b\",\"c\",\"d\",\"e\","
      "\"f\",\"g\",\"h\",\"i\",\"j\",\"k\",\"l\"]\n";
  EXPECT_NO_THROW(BirthDateDetector::FromFile(Write("[confidence]\ncue = 1.0\n" + language)));
}

TEST_F(BirthDateRuleFileTest, ElevenMonthsAreRefused) {
  const std::string path = Write(
      "[language.xx]\nmonths = [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\","
      "\"k\"]\nmonth_abbreviations = []\n");
  EXPECT_THROW(BirthDateDetector::FromFile(path), std::runtime_error);
}

TEST_F(BirthDateRuleFileTest, RulesComeFromTheFile) {
  const std::string path = Write(
      "[language.xx]\n"
      "months = [\"una\",\"duo\",\"tres\",\"quattuor\",\"quinque\",\"sex\",\"septem\","
      "\"octo\",\"novem\",\"decem\",\"undecim\",\"duodecim\"]\n"
      "month_abbreviations = [\"un\",\"du\",\"tr\",\"qu\",\"qi\",\"se\",\"sp\",\"oc\",\"nv\","
      "\"dc\",\"ud\",\"dd\"]\n"
      "cues = [\"natus\"]\n");
  auto detector = BirthDateDetector::FromFile(path);
  std::vector<Finding> findings;
  detector->Detect(Pages({"natus 3. tres 2011; født 12.03.2011"}), &findings);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].text, "3. tres 2011");
  EXPECT_EQ(findings[0].key, "2011-03-03");
}

}  // namespace
}  // namespace skjerm
