#include "extract/text_layer.h"

#include <gtest/gtest.h>

#include "extract/page_text_builder.h"
#include "extract_test_util.h"

namespace skjerm {
namespace {

// A word of 10-point text starting at x on the line whose top is y.
TextLayerWord At(const std::string& text, double x, double y, bool space_after = true) {
  const double width = 6.0 * static_cast<double>(text.size());
  return TextLayerWord{text, Box{x, y, x + width, y + 10}, 0, space_after};
}

std::string Lay(const std::vector<TextLayerWord>& words) {
  Page page;
  LayOutTextLayer(words, &page);
  EXPECT_EQ(page.words.size(), words.size());
  for (size_t i = 0; i < page.words.size() && i < words.size(); ++i) {
    EXPECT_EQ(testing::WordText(page, page.words[i]), words[i].text);
  }
  return page.text;
}

TEST(ExtractTextLayerTest, WordsOfALineAreSeparatedBySpaces) {
  EXPECT_EQ(Lay({At("Ola", 72, 100), At("Nordmann", 93, 100)}), "Ola Nordmann");
}

TEST(ExtractTextLayerTest, WordWithoutSpaceAfterIsGlued) {
  EXPECT_EQ(Lay({At("Nordmann", 72, 100, false), At(",", 120, 100), At("9A", 130, 100)}),
            "Nordmann, 9A");
}

TEST(ExtractTextLayerTest, WordWithoutSpaceButVisibleGapGetsOne) {
  EXPECT_EQ(Lay({At("120311", 72, 100, false), At("66592", 115, 100)}), "120311 66592");
}

TEST(ExtractTextLayerTest, LinesAreSeparatedByNewlines) {
  EXPECT_EQ(Lay({At("Storgata", 72, 100), At("12", 124, 100), At("1234", 72, 114),
                 At("Nordby", 100, 114)}),
            "Storgata 12\n1234 Nordby");
}

TEST(ExtractTextLayerTest, ACellFarToTheRightStartsANewLine) {
  EXPECT_EQ(Lay({At("Elev", 72, 100), At("Ola", 400, 100)}), "Elev\nOla");
}

TEST(ExtractTextLayerTest, AnEmptyLineOfSpaceStartsABlock) {
  EXPECT_EQ(Lay({At("Hilsen", 72, 100), At("Rektor", 72, 125)}), "Hilsen\n\nRektor");
}

TEST(ExtractTextLayerTest, JumpingBackUpStartsABlock) {
  EXPECT_EQ(Lay({At("venstre", 72, 300), At("kolonne", 300, 100)}), "venstre\n\nkolonne");
}

TEST(ExtractTextLayerTest, RotatedWordsFormLinesInTheirOwnDirection) {
  // Text running down the page (rotation 1): words stack in y on the same x band.
  std::vector<TextLayerWord> words = {
      {"Side", Box{500, 72, 510, 96}, 1, true},
      {"to", Box{500, 99, 510, 110}, 1, true},
      {"neste", Box{486, 72, 496, 100}, 1, true},  // the next line is to the left
  };
  EXPECT_EQ(Lay(words), "Side to\nneste");
}

TEST(ExtractTextLayerTest, ChangeOfDirectionBreaksTheLine) {
  std::vector<TextLayerWord> words = {At("Brev", 72, 100), {"Marg", Box{20, 90, 30, 120}, 3, true}};
  EXPECT_EQ(Lay(words), "Brev\nMarg");
}

TEST(ExtractTextLayerTest, ControlCharactersCannotBreakLines) {
  Page page;
  PageTextBuilder builder(&page);
  builder.AddWord("a\nb", Box{}, 100, WordBreak::kNone);
  builder.AddWord("", Box{}, 100, WordBreak::kSpace);
  builder.AddWord(" ", Box{}, 100, WordBreak::kLine);
  builder.AddWord(" c ", Box{}, 100, WordBreak::kBlock);
  EXPECT_EQ(page.text, "a\uFFFDb\n\nc");
  ASSERT_EQ(page.words.size(), 2u);
  EXPECT_EQ(testing::WordText(page, page.words[1]), "c");
}

TEST(ExtractTextLayerTest, RealTextIsUsable) {
  const TextQuality q = AssessText("Eleven Ola Nordmann går i 6. trinn ved Nordby skole.");
  EXPECT_GE(q.alnum, 20);
  EXPECT_EQ(q.junk, 0);
  EXPECT_TRUE(IsUsableTextLayer(q));
}

TEST(ExtractTextLayerTest, TooLittleTextIsNotUsable) {
  EXPECT_FALSE(IsUsableTextLayer(AssessText("Side 2 av 3")));
  EXPECT_FALSE(IsUsableTextLayer(AssessText("")));
}

TEST(ExtractTextLayerTest, PrivateUseGlyphsAreJunk) {
  // A font without ToUnicode: glyph codes in the private use area.
  std::string text;
  for (int i = 0; i < 30; ++i) text += "\uE011\uE02A\uE003 ";
  text += "Side 2 av 3 og litt mer tekst";
  const TextQuality q = AssessText(text);
  EXPECT_EQ(q.junk, 90);
  EXPECT_FALSE(IsUsableTextLayer(q));
}

TEST(ExtractTextLayerTest, ReplacementAndControlCharactersAreJunk) {
  std::string text = "Vedtak om spesialundervisning for eleven";
  for (int i = 0; i < 10; ++i) text += "\uFFFD\x03";
  EXPECT_EQ(AssessText(text).junk, 20);
  EXPECT_FALSE(IsUsableTextLayer(AssessText(text)));
}

TEST(ExtractTextLayerTest, GlyphCodesInAForeignScriptAreNotUsable) {
  // Identity-mapped CIDs often come out as CJK ideographs.
  EXPECT_FALSE(
      IsUsableTextLayer(AssessText("\u4E00\u4E8C\u4E09\u56DB\u4E94\u516D\u4E03\u516B"
                                   "\u4E5D\u5341\u4E00\u4E8C\u4E09\u56DB\u4E94\u516D"
                                   "\u4E03\u516B\u4E5D\u5341\u4E00 ab")));
}

TEST(ExtractTextLayerTest, LineCoverageMeasuresTheVerticalSpread) {
  Page page;
  page.height_pt = 100;
  Word a;
  a.box = Box{0, 10, 5, 20};
  Word b;
  b.box = Box{10, 15, 20, 30};
  Word c;
  c.box = Box{0, 70, 5, 80};
  page.words = {a, b, c};
  EXPECT_DOUBLE_EQ(LineCoverage(page), 0.3);
}

}  // namespace
}  // namespace skjerm
