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

TEST(ExtractTextLayerTest, ACellFarToTheRightIsTheNextCellOfTheRow) {
  EXPECT_EQ(Lay({At("Elev", 72, 100), At("Ola", 400, 100)}), "Elev | Ola");
}

// Lays the words out and returns the text; the words may come out in another order.
std::string LayAnyOrder(const std::vector<TextLayerWord>& words) {
  Page page;
  LayOutTextLayer(words, &page);
  EXPECT_EQ(page.words.size(), words.size());
  return page.text;
}

TEST(ExtractTextLayerTest, ATableReadColumnByColumnComesOutRowByRow) {
  // Poppler's block analysis can hand a table over a column at a time; the cells of a
  // column start at the same x, separated from the cell before by a little more than a
  // word space.
  const std::vector<TextLayerWord> words = {
      At("Skole", 72, 100),    At("Vestre", 72, 114),       At("Skole", 112, 114),
      At("Adresse", 160, 100), At("Strandvejen", 160, 114), At("71", 230, 114),
      At("Leder", 250, 100),   At("Pia", 250, 114),         At("Due", 272, 114),
  };
  EXPECT_EQ(LayAnyOrder(words),
            "Skole | Adresse | Leder\n"
            "Vestre Skole | Strandvejen 71 | Pia Due");
}

TEST(ExtractTextLayerTest, AWideGapWithoutAColumnIsAWordSpace) {
  // Justified text stretches its spaces, but its words do not line up in columns.
  EXPECT_EQ(Lay({At("Eleven", 72, 100), At("Kari", 118, 100), At("Hansen", 150, 100),
                 At("har", 72, 114), At("fått", 100, 114)}),
            "Eleven Kari Hansen\nhar f\u00e5tt");
}

TEST(ExtractTextLayerTest, AnEmptyLineOfSpaceStartsABlock) {
  EXPECT_EQ(Lay({At("Hilsen", 72, 100), At("Rektor", 72, 125)}), "Hilsen\n\nRektor");
}

TEST(ExtractTextLayerTest, TextIsReadFromTheTopOfThePageWhateverPopplersOrder) {
  EXPECT_EQ(LayAnyOrder({At("nederst", 72, 300), At("overst", 72, 100)}), "overst\n\nnederst");
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
  // Turned text (a margin note running up the page) follows the upright text as a block.
  std::vector<TextLayerWord> words = {At("Brev", 72, 100), {"Marg", Box{20, 90, 30, 120}, 3, true}};
  EXPECT_EQ(Lay(words), "Brev\n\nMarg");
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
