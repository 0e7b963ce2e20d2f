#include "normalize/text_view.h"

#include <gtest/gtest.h>

namespace skjerm {
namespace {

std::string Original(const TextView& view, std::string_view original, size_t b, size_t e) {
  size_t ob, oe;
  view.ToOriginal(b, e, &ob, &oe);
  return std::string(original.substr(ob, oe - ob));
}

TEST(TextViewTest, PlainAsciiIsUnchanged) {
  TextView v("Elev: Sindre, 7. trinn");
  EXPECT_EQ(v.text(), "Elev: Sindre, 7. trinn");
}

TEST(TextViewTest, SpacesAndDashesBecomePlain) {
  TextView v("120311\u00A066592 \u2013 15\u202F000 kr\u2014x\u2212y\tz");
  EXPECT_EQ(v.text(), "120311 66592 - 15 000 kr-x-y z");
}

TEST(TextViewTest, LigaturesAreSplitAndMapBack) {
  const std::string original = "o\uFB03ce \uFB01l";
  TextView v(original);
  EXPECT_EQ(v.text(), "office fil");
  size_t pos = v.text().find("fil");
  EXPECT_EQ(Original(v, original, pos, pos + 3), "\uFB01l");
}

TEST(TextViewTest, SoftHyphenAndZeroWidthVanish) {
  TextView v("fød\u00ADsels\u200Bnummer");
  EXPECT_EQ(v.text(), "fødselsnummer");
}

TEST(TextViewTest, SoftHyphenAtLineEndJoinsTheWord) {
  TextView v("fødsels\u00AD\nnummer");
  EXPECT_EQ(v.text(), "fødselsnummer");
}

TEST(TextViewTest, LineEndHyphenationIsRemoved) {
  EXPECT_EQ(TextView("fødsels-\nnummer er").text(), "fødselsnummer er");
  EXPECT_EQ(TextView("Tor-\nErik").text(), "Tor-Erik");
  EXPECT_EQ(TextView("120311-\n66592").text(), "120311-66592");
  EXPECT_EQ(TextView("punkt -\nneste").text(), "punkt -\nneste");
}

TEST(TextViewTest, NfcComposesDecomposedLetters) {
  // "Bjo" + COMBINING DIAERESIS + "rn" and "A" + COMBINING RING ABOVE.
  TextView v("Bjo\u0308rn A\u030Ase");
  EXPECT_EQ(v.text(), "Björn Åse");
}

TEST(TextViewTest, CrLfBecomesNewline) { EXPECT_EQ(TextView("a\r\nb\rc").text(), "a\nb\nc"); }

TEST(TextViewTest, OcrDigitConfusionsInsideDigitRuns) {
  EXPECT_EQ(TextView("12O311 6659S").text(), "120311 66595");
  EXPECT_EQ(TextView("l2O3ll").text(), "l2O3ll");  // too few real digits
  EXPECT_EQ(TextView("I20311").text(), "120311");
  EXPECT_EQ(TextView("B12 OSLO Sol 1O").text(), "B12 OSLO Sol 1O");
}

TEST(TextViewTest, TableRulesNextToNumbersStay) {
  EXPECT_EQ(TextView("Elias |20120914-3757 |5B").text(), "Elias |20120914-3757 |5B");
  EXPECT_EQ(TextView("| 120311 66592|").text(), "| 120311 66592|");
  EXPECT_EQ(TextView("12|0311").text(), "1210311");  // inside the run it is a misread 1
  EXPECT_EQ(TextView("|12O311|").text(), "|120311|");
}

TEST(TextViewTest, MapsBackAcrossRemovedCharacters) {
  const std::string original = "x fød\u00ADsels-\nnummer 12031166592";
  TextView v(original);
  size_t pos = v.text().find("12031166592");
  ASSERT_NE(pos, std::string::npos);
  EXPECT_EQ(Original(v, original, pos, pos + 11), "12031166592");
  size_t word = v.text().find("fødselsnummer");
  EXPECT_EQ(Original(v, original, word, word + std::string("fødselsnummer").size()),
            "fød\u00ADsels-\nnummer");
}

TEST(TextViewTest, InvalidUtf8DoesNotStall) {
  const std::string bad = std::string("ab\xFF\xFE") + "cd";
  TextView v(bad);
  EXPECT_NE(v.text().find("cd"), std::string::npos);
}

TEST(TextViewTest, Lines) {
  TextView v("first\nsecond line\nthird");
  size_t pos = v.text().find("line");
  EXPECT_EQ(v.LineAround(pos), "second line");
  EXPECT_EQ(v.LineAround(0), "first");
}

}  // namespace
}  // namespace skjerm
