#include "extract/page_trust.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/extraction_error.h"

namespace skjerm {
namespace {

// --- the text ---------------------------------------------------------------------------

constexpr char kLetter[] =
    "Bergen kommune\nVedtak om skoleskyss\n\nElev: Kari Nordmann\nFødselsnummer: 210311 52388\n"
    "Eleven har rett til gratis skoleskyss fra 1. august. Vedtaket kan påklages innen tre "
    "uker, jf. forvaltningsloven § 28.";

TEST(PageTrustTextTest, ALetterIsPlausible) {
  EXPECT_EQ(DoubtText(kLetter), TextLayerDoubt::kNone);
}

TEST(PageTrustTextTest, GlyphsGivenCodesInOrderOfUseAreMostlySymbols) {
  // A Type3 font whose codes start at '!' and follow the order of first use, without a
  // ToUnicode map: what poppler reads from «Bergen kommune - Skoleskyss ...».
  EXPECT_EQ(DoubtText("!\"#$\"%&'())*%\"&+&,'(-\".'/..\n0\"123'&()&.'(-\".'/..\n"
                      "4-\"56&73#8&9(#1)3%%\n:;1.\"-.%*))\"#6&<=>?==&@<?AA"),
            TextLayerDoubt::kMostlySymbols);
}

TEST(PageTrustTextTest, TwoNoiseWordsInALetterAreEnough) {
  // Only the name and the ID are in the broken font; the rest of the letter is fine.
  EXPECT_EQ(DoubtText(std::string(kLetter) + "\nElev: #$%&' ()*+,"),
            TextLayerDoubt::kMostlySymbols);
}

TEST(PageTrustTextTest, OneOddWordIsNot) {
  EXPECT_EQ(DoubtText(std::string(kLetter) + " Se (*) nedenfor, og <#>."), TextLayerDoubt::kNone);
}

TEST(PageTrustTextTest, WordsOfPrivateUseGlyphsHaveNoUnicode) {
  EXPECT_EQ(DoubtText(std::string(kLetter) + "\nElev: \uE021\uE034\uE051 \uE044\uE012\uE051"),
            TextLayerDoubt::kNoUnicode);
  EXPECT_EQ(DoubtText(std::string(kLetter) + "\n\uFFFD\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD"),
            TextLayerDoubt::kNoUnicode);
  EXPECT_EQ(DoubtText(std::string(kLetter) + "\nNavn: \x01\x02\x03\x04\x05"),
            TextLayerDoubt::kNoUnicode);
}

TEST(PageTrustTextTest, BulletsFromASymbolFontAreNotJunkWords) {
  // Word's bullets come out as one private-use character each.
  std::string list = kLetter;
  for (int i = 0; i < 8; ++i) list += "\n\uF0B7 Punkt nummer " + std::to_string(i);
  EXPECT_EQ(DoubtText(list), TextLayerDoubt::kNone);
}

TEST(PageTrustTextTest, ATableOfNumbersIsPlausible) {
  std::string table = "Oversikt over utbetalinger\n\n";
  for (int i = 0; i < 20; ++i) {
    table += "2024-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10) + " | " +
             std::to_string(1000 + 37 * i) + ",00 | " + std::to_string(12 * i) + " % | -\n";
  }
  EXPECT_EQ(DoubtText(table), TextLayerDoubt::kNone);
}

TEST(PageTrustTextTest, DotLeadersAndSignatureLinesAreNotSymbols) {
  std::string toc = "Innhold\n";
  for (int i = 1; i <= 12; ++i) {
    toc += "Kapittel " + std::to_string(i) + " ..................................... " +
           std::to_string(3 * i) + "\n";
  }
  toc += "\nUnderskrift: ______________________  Dato: ____________";
  EXPECT_EQ(DoubtText(toc), TextLayerDoubt::kNone);
}

TEST(PageTrustTextTest, APageWithLittleTextIsNotJudgedByItsKind) {
  EXPECT_EQ(DoubtText("- 2 -"), TextLayerDoubt::kNone);
  EXPECT_EQ(DoubtText("* * *"), TextLayerDoubt::kNone);
  EXPECT_EQ(DoubtText(""), TextLayerDoubt::kNone);
}

TEST(PageTrustTextTest, LinesThatNeverBreakIntoWordsAreDoubted) {
  // A font whose space glyph maps to a letter.
  EXPECT_EQ(DoubtText("VedtakqomqskoleskyssqforqelevenqiqBergenqkommune\n"
                      "ElevqKariqNordmannqharqrettqtilqgratisqskyss\n"
                      "Fodselsnummerq210311q52388qerqregistrert"),
            TextLayerDoubt::kNoWords);
}

TEST(PageTrustTextTest, LongAddressesAndCompoundsAreWords) {
  EXPECT_EQ(DoubtText(std::string(kLetter) +
                      "\nLes mer: https://www.bergen.kommune.no/innbyggerhjelpen/skole/skyss "
                      "eller skriv til postmottak.oppvekst@bergen.kommune.no. "
                      "Barnevernsinstitusjonsplasseringene er vurdert."),
            TextLayerDoubt::kNone);
}

// --- the ink ----------------------------------------------------------------------------

// An A4 page at the survey's resolution, white.
constexpr double kWidthPt = 595, kHeightPt = 842;
constexpr double kPxPerPt = kSurveyDpi / 72.0;

GrayImage BlankA4() {
  GrayImage image;
  image.width = static_cast<int>(kWidthPt * kPxPerPt);
  image.height = static_cast<int>(kHeightPt * kPxPerPt);
  image.stride = image.width + 3;  // rows are not packed
  image.pixels.assign(static_cast<size_t>(image.stride) * image.height, 255);
  return image;
}

int Px(double pt) { return static_cast<int>(pt * kPxPerPt); }

// Draws a word-like mark (a solid top and bottom edge joined by strokes every other pixel,
// like glyphs merged at low resolution) and returns its box in points.
Box DrawWord(GrayImage* image, double x_pt, double y_pt, double w_pt, double h_pt = 9) {
  for (int y = Px(y_pt); y <= Px(y_pt + h_pt); ++y) {
    for (int x = Px(x_pt); x <= Px(x_pt + w_pt); ++x) {
      const bool edge = y == Px(y_pt) || y == Px(y_pt + h_pt);
      if (edge || (x - Px(x_pt)) % 2 == 0)
        image->pixels[static_cast<size_t>(y) * image->stride + x] = 40;
    }
  }
  return Box{x_pt, y_pt, x_pt + w_pt, y_pt + h_pt};
}

void Fill(GrayImage* image, double x_pt, double y_pt, double w_pt, double h_pt, uint8_t gray) {
  for (int y = Px(y_pt); y <= Px(y_pt + h_pt); ++y) {
    for (int x = Px(x_pt); x <= Px(x_pt + w_pt); ++x) {
      image->pixels[static_cast<size_t>(y) * image->stride + x] = gray;
    }
  }
}

// Lines of words 40 pt wide from y_pt down: `lines` lines of `per_line` words.
std::vector<Box> DrawText(GrayImage* image, double y_pt, int lines, int per_line = 9) {
  std::vector<Box> boxes;
  for (int l = 0; l < lines; ++l) {
    for (int w = 0; w < per_line; ++w) {
      boxes.push_back(DrawWord(image, 72 + 50 * w, y_pt + 18 * l, 40));
    }
  }
  return boxes;
}

TEST(PageTrustInkTest, TextTheLayerHasIsRead) {
  GrayImage image = BlankA4();
  const std::vector<Box> words = DrawText(&image, 100, 20);
  const InkSurvey ink = SurveyInk(image, kWidthPt, kHeightPt, words, {});
  EXPECT_GT(ink.read_pt, 20 * 9 * 35.0);
  EXPECT_EQ(ink.unread_pt, 0);
  EXPECT_EQ(DoubtInk(ink), TextLayerDoubt::kNone);
}

TEST(PageTrustInkTest, TextTheLayerLacksIsUnread) {
  // A header in the text layer, the body drawn by glyphs that map to nothing.
  GrayImage image = BlankA4();
  const std::vector<Box> header = DrawText(&image, 60, 1, 3);
  DrawText(&image, 120, 5);
  const InkSurvey ink = SurveyInk(image, kWidthPt, kHeightPt, header, {});
  EXPECT_GT(ink.unread_pt, 5 * 9 * 35.0);
  EXPECT_EQ(DoubtInk(ink), TextLayerDoubt::kUnreadInk);
}

TEST(PageTrustInkTest, AShortLetterWithALogoIsPlausible) {
  GrayImage image = BlankA4();
  Fill(&image, 420, 40, 110, 70, 30);  // a filled logo
  DrawWord(&image, 420, 115, 60);      // its outlined name, not in the layer
  DrawWord(&image, 485, 115, 45);
  const std::vector<Box> words = DrawText(&image, 200, 3, 5);  // a three-line letter
  const InkSurvey ink = SurveyInk(image, kWidthPt, kHeightPt, words, {});
  EXPECT_LT(ink.unread_pt, 150);
  EXPECT_EQ(DoubtInk(ink), TextLayerDoubt::kNone);
}

TEST(PageTrustInkTest, RulesDashesAndFramesAreNotText) {
  GrayImage image = BlankA4();
  Fill(&image, 60, 300, 470, 1, 0);                                     // a rule
  for (int i = 0; i < 80; ++i) Fill(&image, 60 + 6 * i, 320, 3, 1, 0);  // a dashed line
  Fill(&image, 60, 400, 470, 1, 0);                                     // a frame 200 pt high
  Fill(&image, 60, 600, 470, 1, 0);
  Fill(&image, 60, 400, 1, 200, 0);
  Fill(&image, 530, 400, 1, 200, 0);
  const std::vector<Box> words = DrawText(&image, 100, 2);
  const InkSurvey ink = SurveyInk(image, kWidthPt, kHeightPt, words, {});
  EXPECT_EQ(ink.unread_pt, 0);
  EXPECT_EQ(DoubtInk(ink), TextLayerDoubt::kNone);
}

TEST(PageTrustInkTest, SmallTextThatFillsItsBoxCountsButBarsDoNot) {
  // Short words of 8-point text are solid blobs at low resolution.
  GrayImage words = BlankA4();
  for (int line = 0; line < 3; ++line) {
    for (int w = 0; w < 10; ++w) Fill(&words, 72 + 30 * w, 100 + 18 * line, 20, 7, 20);
  }
  EXPECT_GE(SurveyInk(words, kWidthPt, kHeightPt, {}, {}).unread_pt, 500);
  // Redaction bars and thick rules are as solid, but long.
  GrayImage bars = BlankA4();
  for (int i = 0; i < 5; ++i) Fill(&bars, 72, 100 + 30 * i, 300, 10, 0);
  Fill(&bars, 72, 300, 450, 3, 0);
  EXPECT_EQ(SurveyInk(bars, kWidthPt, kHeightPt, {}, {}).unread_pt, 0);
}

TEST(PageTrustInkTest, FramesOfFormFieldsAreNotText) {
  GrayImage image = BlankA4();
  for (int i = 0; i < 8; ++i) {  // eight empty one-line fields, 200 x 20 pt, hairlines
    Fill(&image, 72, 100 + 40 * i, 200, 0, 0);
    Fill(&image, 72, 120 + 40 * i, 200, 0, 0);
    Fill(&image, 72, 100 + 40 * i, 0, 20, 0);
    Fill(&image, 272, 100 + 40 * i, 0, 20, 0);
  }
  EXPECT_EQ(SurveyInk(image, kWidthPt, kHeightPt, {}, {}).unread_pt, 0);
}

TEST(PageTrustInkTest, MarksInsidePicturesAreLeftToThePictureRule) {
  GrayImage image = BlankA4();
  DrawText(&image, 300, 10);  // a photographed document
  const Box picture{60, 290, 540, 500};
  const InkSurvey ink =
      SurveyInk(image, kWidthPt, kHeightPt, {}, std::span<const Box>(&picture, 1));
  EXPECT_EQ(ink.unread_pt, 0);
}

TEST(PageTrustInkTest, AFewUnreadWordsAmongManyAreNotEnough) {
  GrayImage image = BlankA4();
  const std::vector<Box> words = DrawText(&image, 100, 30);
  DrawText(&image, 700, 1, 4);  // a footer drawn as outlines
  EXPECT_EQ(DoubtInk(SurveyInk(image, kWidthPt, kHeightPt, words, {})), TextLayerDoubt::kNone);
}

TEST(PageTrustInkTest, ManyUnreadLinesAreEnoughEvenBesideMuchText) {
  GrayImage image = BlankA4();
  const std::vector<Box> words = DrawText(&image, 60, 25);
  DrawText(&image, 560, 8);  // a table drawn as outlines: a fifth of the text and more
  EXPECT_EQ(DoubtInk(SurveyInk(image, kWidthPt, kHeightPt, words, {})), TextLayerDoubt::kUnreadInk);
}

TEST(PageTrustInkTest, ThresholdsAreInclusiveAndRelative) {
  EXPECT_EQ(DoubtInk(InkSurvey{0, 299}), TextLayerDoubt::kNone);
  EXPECT_EQ(DoubtInk(InkSurvey{0, 300}), TextLayerDoubt::kUnreadInk);
  EXPECT_EQ(DoubtInk(InkSurvey{2000, 450}), TextLayerDoubt::kNone);
  EXPECT_EQ(DoubtInk(InkSurvey{1500, 450}), TextLayerDoubt::kUnreadInk);
}

TEST(PageTrustInkTest, AnEmptyImageSurveysNothing) {
  EXPECT_EQ(SurveyInk(GrayImage{}, kWidthPt, kHeightPt, {}, {}).unread_pt, 0);
  EXPECT_EQ(SurveyInk(BlankA4(), kWidthPt, kHeightPt, {}, {}).unread_pt, 0);
}

// --- reasons ----------------------------------------------------------------------------

TEST(PageTrustReasonTest, EveryDoubtHasAReasonAndNoneHasNone) {
  for (const TextLayerDoubt d : {TextLayerDoubt::kNoUnicode, TextLayerDoubt::kMostlySymbols,
                                 TextLayerDoubt::kNoWords, TextLayerDoubt::kUnreadInk}) {
    EXPECT_FALSE(DoubtReason(d).empty());
  }
  EXPECT_TRUE(DoubtReason(TextLayerDoubt::kNone).empty());
}

TEST(PageTrustReasonTest, ContentLostIsAnErrorWithThePageAndTheCause) {
  PopplerProblems problems;
  problems.Add(PopplerProblem::kUnknownFilter, "error (319): Unknown filter 'Foo'");
  try {
    ThrowIfContentLost(problems, 2);
    FAIL() << "no error";
  } catch (const ExtractionError& e) {
    EXPECT_EQ(std::string(e.what()),
              "page 2: the PDF's content could not be decoded (unknown filter /Foo); the page "
              "could not be read");
  }
}

TEST(PageTrustReasonTest, ATextOnlyProblemIsNoError) {
  PopplerProblems problems;
  problems.Add(PopplerProblem::kUnicodeMap,
               "error: Illegal entry in bfchar block in ToUnicode CMap");
  EXPECT_NO_THROW(ThrowIfContentLost(problems, 1));
  EXPECT_EQ(ProblemsReason(problems),
            "could not be read cleanly: the character map of a font is damaged");
}

}  // namespace
}  // namespace skjerm
