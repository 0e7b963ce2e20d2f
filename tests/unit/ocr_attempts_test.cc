// Reading pages that do not lie straight: the ink test, the geometry of straightening and
// mirroring (boxes must land where the words stand on the page as given), the skew finder,
// and what makes a reading good. The OCR tests read two small pages.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>

#include "extract/ocr_attempts.h"
#include "extract/pdf_document.h"
#include "extract/pdf_page.h"
#include "extract_test_util.h"

namespace skjerm {
namespace {

GrayImage White(int width, int height) {
  GrayImage image;
  image.width = width;
  image.height = height;
  image.stride = width;
  image.pixels.assign(static_cast<size_t>(width) * height, 255);
  return image;
}

void Fill(GrayImage* image, int x0, int y0, int x1, int y1, uint8_t level = 0) {
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) image->pixels[static_cast<size_t>(y) * image->stride + x] = level;
  }
}

// The centre of the dark pixels, in pixels.
void DarkCentre(const GrayImage& image, double* x, double* y) {
  double sx = 0, sy = 0, n = 0;
  for (int j = 0; j < image.height; ++j) {
    for (int i = 0; i < image.width; ++i) {
      if (image.pixels[static_cast<size_t>(j) * image.stride + i] < 128) {
        sx += i;
        sy += j;
        ++n;
      }
    }
  }
  ASSERT_GT(n, 0);
  *x = sx / n;
  *y = sy / n;
}

// Rows of dark dashes, like lines of words on a page.
GrayImage Lines(int width, int height) {
  GrayImage image = White(width, height);
  for (int y = 60; y + 12 < height - 60; y += 40) {
    for (int x = 60; x + 50 < width - 60; x += 70) Fill(&image, x, y, x + 50, y + 12);
  }
  return image;
}

TEST(HasInkTest, PaperIsNotInk) { EXPECT_FALSE(HasInk(White(800, 600), 200)); }

TEST(HasInkTest, SpecksOfDustAreNotInk) {
  GrayImage image = White(800, 600);
  for (int i = 0; i < 40; ++i) Fill(&image, 17 * i + 3, 13 * i + 5, 17 * i + 4, 13 * i + 6);
  EXPECT_FALSE(HasInk(image, 200));
}

TEST(HasInkTest, AStrokeIsInk) {
  GrayImage image = White(800, 600);
  Fill(&image, 400, 300, 403, 330);  // a stroke 3 pixels wide at 200 dpi: a thin pen line
  EXPECT_TRUE(HasInk(image, 200));
}

TEST(HasInkTest, ALightGreyBackgroundIsNotInkButPrintOnItIs) {
  GrayImage image = White(400, 300);
  Fill(&image, 0, 0, 400, 300, 240);
  EXPECT_FALSE(HasInk(image, 200));
  Fill(&image, 100, 100, 104, 104, 0);
  EXPECT_TRUE(HasInk(image, 200));
}

TEST(ImageTransformTest, AMirroredBoxMapsBackToWhereItStood) {
  GrayImage image = White(400, 300);
  Fill(&image, 300, 50, 320, 60);
  const ImageTransform flip{0, true};
  const GrayImage turned = TransformImage(image, flip);
  ASSERT_EQ(turned.width, 400);
  double x = 0, y = 0;
  DarkCentre(turned, &x, &y);
  EXPECT_NEAR(x, 89.5, 1);  // 400 - 310.5
  const double pt = 72.0 / 200;
  const Box back = MapBoxBack(Box{80 * pt, 50 * pt, 100 * pt, 60 * pt}, flip, image, turned, 200);
  EXPECT_NEAR(back.x0 / pt, 300, 1);
  EXPECT_NEAR(back.x1 / pt, 320, 1);
  EXPECT_NEAR(back.y0 / pt, 50, 1);
}

TEST(ImageTransformTest, ATurnedPointMapsBackToWhereItStood) {
  for (const ImageTransform t :
       {ImageTransform{30, false}, ImageTransform{-20, false}, ImageTransform{45, true}}) {
    GrayImage image = White(400, 300);
    Fill(&image, 300, 50, 310, 60);
    const GrayImage turned = TransformImage(image, t);
    // Nothing is cut off: the canvas grows to hold the turned page.
    EXPECT_GE(turned.width, 400) << t.degrees;
    EXPECT_GE(turned.height, 300) << t.degrees;
    double x = 0, y = 0;
    DarkCentre(turned, &x, &y);
    const double pt = 72.0 / 200;
    const Box dot{(x - 1) * pt, (y - 1) * pt, (x + 1) * pt, (y + 1) * pt};
    const Box back = MapBoxBack(dot, t, image, turned, 200);
    EXPECT_NEAR((back.x0 + back.x1) / 2 / pt, 304.5, 2) << t.degrees;
    EXPECT_NEAR((back.y0 + back.y1) / 2 / pt, 54.5, 2) << t.degrees;
  }
}

TEST(ImageTransformTest, TurningIsClockwise) {
  GrayImage image = White(300, 300);
  Fill(&image, 250, 145, 260, 155);  // right of the centre
  const GrayImage turned = TransformImage(image, ImageTransform{90, false});
  double x = 0, y = 0;
  DarkCentre(turned, &x, &y);
  // A quarter turn clockwise (y grows downwards) takes the right of the page to the bottom.
  EXPECT_NEAR(x, turned.width / 2.0, 3);
  EXPECT_GT(y, turned.height / 2.0 + 80);
}

TEST(ImageTransformTest, BoxesStayOnThePage) {
  const GrayImage image = White(200, 100);
  const ImageTransform t{40, false};
  const GrayImage turned = TransformImage(image, t);
  const double pt = 72.0 / 200;
  const Box corner{0, 0, 5 * pt, 5 * pt};  // canvas corner: outside the page as given
  const Box back = MapBoxBack(corner, t, image, turned, 200);
  EXPECT_GE(back.x0, 0);
  EXPECT_GE(back.y0, 0);
  EXPECT_LE(back.x1, 200 * pt + 1e-9);
  EXPECT_LE(back.y1, 100 * pt + 1e-9);
  EXPECT_LE(back.x0, back.x1);
  EXPECT_LE(back.y0, back.y1);
}

TEST(FindSkewTest, FindsTheAngleThatStraightensTheLines) {
  const GrayImage straight = Lines(1200, 900);
  for (const double degrees : {10.0, 20.0, -20.0, 45.0, 60.0, 110.0}) {
    const GrayImage askew = TransformImage(straight, ImageTransform{-degrees, false});
    const std::optional<double> skew = FindSkew(askew);
    ASSERT_TRUE(skew.has_value()) << degrees;
    // Level lines, the right way up or upside down.
    const double off = std::remainder(*skew - degrees, 180.0);
    EXPECT_NEAR(off, 0, 0.5) << degrees << " found " << *skew;
  }
}

TEST(FindSkewTest, StraightOrEmptyPagesAreLeftAlone) {
  EXPECT_FALSE(FindSkew(Lines(1200, 900)).has_value());
  EXPECT_FALSE(FindSkew(White(1200, 900)).has_value());
}

Page Read(const std::string& text, std::vector<float> confidences) {
  Page page;
  page.origin = PageOrigin::kOcr;
  size_t start = 0;
  for (const float c : confidences) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    page.words.push_back(Word{Box{}, start, end, c});
    start = end + 1;
  }
  page.text = text;
  return page;
}

TEST(ReadingScoreTest, ConfidentCharactersWeigh) {
  const ReadingScore good = ScoreReading(Read("Eleven Ola Nordmann", {95, 92, 90}));
  EXPECT_EQ(good.words, 3);
  EXPECT_NEAR(good.mean_confidence, 92.33, 0.01);
  EXPECT_NEAR(good.weight, 6 * 0.95 + 3 * 0.92 + 8 * 0.9, 1e-6);
  EXPECT_TRUE(IsGoodReading(good));
  // Nonsense read with some confidence, as a mirrored page reads: weak, and lighter.
  const ReadingScore nonsense = ScoreReading(Read("19mit nalore Jeupus ,,", {77, 38, 88, 20}));
  EXPECT_FALSE(IsGoodReading(nonsense));
  EXPECT_LT(nonsense.weight, good.weight);
  EXPECT_FALSE(IsGoodReading(ScoreReading(Page{})));
}

TEST(ReadingScoreTest, OutOfRangeConfidencesCountAsTheirBounds) {
  const ReadingScore s = ScoreReading(Read("Ola Nordmann", {144, -3}));
  EXPECT_FLOAT_EQ(s.mean_confidence, 50);
}

// A small page (300 x 160 points) of real text, rendered by poppler as a scan shows it.
GrayImage RenderedText() {
  const std::string content =
      "BT /F1 14 Tf 20 TL 30 120 Td (Melding om skoleskyss) Tj T* "
      "(Eleven Kari Nordmann i klasse 4B) Tj T* (far skyss fra august.) Tj ET";
  const std::string pdf = testing::MinimalPdf(
      1, content,
      "/CropBox [0 0 300 160] /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 "
      "/BaseFont /Helvetica >> >> >>");
  const auto doc = PdfDocument::Open(std::make_shared<const std::string>(pdf));
  return RenderForOcr(*doc->CppPage(0), 1, 200);
}

class ReadPageImageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { engine_ = OcrEngine::Create(ExtractOptions().ocr_languages); }
  static void TearDownTestSuite() { engine_.reset(); }
  static Deadline InAMinute() { return std::chrono::steady_clock::now() + std::chrono::minutes(1); }
  static inline std::unique_ptr<OcrEngine> engine_;
};

TEST_F(ReadPageImageTest, APageWithoutInkIsNotRead) {
  const Page page = ReadPageImage(*engine_, White(600, 400), 200, 3, InAMinute());
  EXPECT_EQ(page.number, 3);
  EXPECT_TRUE(page.text.empty());
  EXPECT_FALSE(page.ocr_confidence.has_value());  // blank: nothing to vouch for
  EXPECT_EQ(page.ocr_dpi, 0);
  EXPECT_NEAR(page.width_pt, 216, 0.01);
}

TEST_F(ReadPageImageTest, PalePrintIsReadWhenThePageIsKnownToHaveInk) {
  // The text at 9% of full black: averaged over a few pixels it is lighter than the ink
  // test's level, though it is there to be seen.
  GrayImage pale = RenderedText();
  for (uint8_t& p : pale.pixels) p = static_cast<uint8_t>(255 - (255 - p) * 9 / 100);
  ASSERT_FALSE(HasInk(pale, 200));
  EXPECT_FALSE(ReadPageImage(*engine_, pale, 200, 1, InAMinute()).ocr_confidence.has_value());
  const Page page =
      ReadPageImage(*engine_, pale, 200, 1, InAMinute(), MirrorAttempt::kSkip, InkTest::kSkip);
  EXPECT_TRUE(page.ocr_confidence.has_value());  // OCR'd, whatever it made of it
  EXPECT_EQ(page.ocr_dpi, 200);
}

TEST_F(ReadPageImageTest, AnEmptyImageIsAnErrorNotABlankPage) {
  EXPECT_THROW(ReadPageImage(*engine_, GrayImage(), 200, 1, InAMinute()), ExtractionError);
  EXPECT_THROW(ReadPageImage(*engine_, White(100, 100), 0, 1, InAMinute()), ExtractionError);
}

TEST_F(ReadPageImageTest, AMirroredPageIsReadTheRightWayRound) {
  const GrayImage straight = RenderedText();
  ASSERT_EQ(straight.width, 833);  // 300 points at 200 dpi
  const Page seen_straight = ReadPageImage(*engine_, straight, 200, 1, InAMinute());
  const Word* expected = testing::FindWord(seen_straight, "Nordmann");
  ASSERT_NE(expected, nullptr) << seen_straight.text;

  const GrayImage mirrored = TransformImage(straight, ImageTransform{0, true});
  const Page page = ReadPageImage(*engine_, mirrored, 200, 1, InAMinute());
  EXPECT_NE(page.text.find("Eleven Kari Nordmann"), std::string::npos) << page.text;
  ASSERT_TRUE(page.ocr_confidence.has_value());
  EXPECT_GT(*page.ocr_confidence, 80);
  // The word's box is where it stands on the mirrored page: the mirror image of its place
  // on the straight one.
  const Word* word = testing::FindWord(page, "Nordmann");
  ASSERT_NE(word, nullptr);
  EXPECT_NEAR(word->box.x0, page.width_pt - expected->box.x1, 2);
  EXPECT_NEAR(word->box.x1, page.width_pt - expected->box.x0, 2);
  EXPECT_NEAR(word->box.y0, expected->box.y0, 2);
}

}  // namespace
}  // namespace skjerm
