#include "normalize/text_view.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

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

TEST(TextViewTest, EveryCharacterMapsBackToWhatItCameFromInALongText) {
  // Pieces of original text and what each becomes: copied ones and replaced ones in turn,
  // over a text long enough for the map to hold many runs.
  const std::pair<std::string, std::string> pieces[] = {
      {"Elev ", "Elev "}, {"\u00A0", " "}, {"Bjørn", "Bjørn"}, {"\r\n", "\n"},
      {"\uFB01", "fi"},   {"ne ", "ne "},  {"\u2013", "-"},    {"Åse\t", "Åse "},
      {"\u00AD", ""},     {"x", "x"},      {"\uFF11", "1"},    {"\u2019", "'"},
      {"o\u0308", "ö"},   {"\u200B", ""},  {"\f", "\n"},       {"æ ", "æ "},
  };
  std::string original;
  std::vector<std::pair<size_t, size_t>> spans;  // each piece's bytes in the original
  std::string want;
  std::vector<std::string> view_pieces;
  for (int round = 0; round < 3000; ++round) {
    for (const auto& [from, to] : pieces) {
      spans.emplace_back(original.size(), original.size() + from.size());
      original += from;
      view_pieces.push_back(to);
      want += to;
    }
  }
  const TextView v(original);
  ASSERT_EQ(v.text(), want);
  size_t pos = 0;
  for (size_t i = 0; i < view_pieces.size(); ++i) {
    const std::string& to = view_pieces[i];
    if (to.empty()) continue;
    const std::string from = original.substr(spans[i].first, spans[i].second - spans[i].first);
    // "\r\n" becomes the '\n' alone, which came from the '\n'.
    const std::string expected = from == "\r\n" ? "\n" : from;
    ASSERT_EQ(Original(v, original, pos, pos + to.size()), expected) << "piece " << i;
    pos += to.size();
  }
}

}  // namespace
}  // namespace skjerm
