// Pictures placed on text pages: which can carry text, that their words join the page with
// boxes where the picture stands, and that the same picture is read once. The pictures are
// made here: a line of text rendered by poppler, pasted into a letter as an inline image.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "extract/extractor.h"
#include "extract/pdf_document.h"
#include "extract/pdf_page.h"
#include "extract/placed_images.h"
#include "extract/source_file.h"
#include "extract_test_util.h"

namespace skjerm {
namespace {

using testing::ScratchDir;

const char kHelvetica[] =
    "/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>";

// Tesseract, counting the pictures it is given.
class CountingEngine : public OcrEngine {
 public:
  explicit CountingEngine(OcrEngine& engine) : engine_(engine) {}
  Page Recognize(const GrayImage& image, int dpi, int number, Deadline deadline) override {
    ++calls;
    return engine_.Recognize(image, dpi, number, deadline);
  }
  int calls = 0;

 private:
  OcrEngine& engine_;
};

// "CPR-nr.: 070584-1209" in 13-point type on a 200 x 40 point card, rendered at 150 dpi.
GrayImage CardPixels() {
  const std::string pdf =
      testing::MinimalPdf(1, "BT /F1 13 Tf 12 14 Td (CPR-nr.: 070584-1209) Tj ET",
                          std::string("/CropBox [0 0 200 40] ") + kHelvetica);
  const auto doc = PdfDocument::Open(std::make_shared<const std::string>(pdf));
  return RenderForOcr(*doc->CppPage(0), 1, 150);
}

// An inline image drawing `image` at x, y (PDF coordinates, from the bottom) in w x h points.
std::string InlineImage(const GrayImage& image, double x, double y, double w, double h) {
  std::string hex;
  hex.reserve(image.pixels.size() * 2 + 1);
  char pair[3];
  for (int row = 0; row < image.height; ++row) {
    for (int col = 0; col < image.width; ++col) {
      std::snprintf(pair, sizeof pair, "%02x", image.pixels[row * image.stride + col]);
      hex += pair;
    }
  }
  char cm[96];
  std::snprintf(cm, sizeof cm, "q %g 0 0 %g %g %g cm\n", w, h, x, y);
  return std::string(cm) + "BI /W " + std::to_string(image.width) + " /H " +
         std::to_string(image.height) + " /CS /G /BPC 8 /F /AHx ID\n" + hex + ">\nEI\nQ\n";
}

// A letter whose text layer reads well; `pictures` are drawn after its text.
std::string Letter(const std::string& pictures, int pages = 1) {
  std::string text = "BT /F1 11 Tf 14 TL 72 780 Td ";
  for (const char* line :
       {"Odense Kommune, Borgerservice", "Kvittering for modtaget ansogning om sundhedskort.",
        "Kopi af dit legitimationskort er vedlagt nedenfor.",
        "Sagen behandles inden for fire uger. Med venlig hilsen"}) {
    text += std::string("(") + line + ") Tj T* ";
  }
  text += "ET\n";
  return testing::MinimalPdf(pages, text + pictures, kHelvetica);
}

class PlacedImagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { engine_ = OcrEngine::Create(ExtractOptions().ocr_languages); }
  static void TearDownTestSuite() { engine_.reset(); }
  static inline std::unique_ptr<OcrEngine> engine_;
};

TEST(CanCarryTextTest, AnInchWideAndALineTall) {
  EXPECT_TRUE(CanCarryText(Box{0, 0, 72, 12}));
  EXPECT_TRUE(CanCarryText(Box{100, 100, 300, 160}));
  EXPECT_FALSE(CanCarryText(Box{0, 0, 71, 40}));   // an icon
  EXPECT_FALSE(CanCarryText(Box{0, 0, 400, 11}));  // a rule
}

TEST_F(PlacedImagesTest, AnIdCardPastedIntoALetterIsRead) {
  ScratchDir dir;
  // The card stands 200 x 40 points at x 72, 600 points from the bottom of an A4 page.
  const std::string path =
      dir.Write("letter.pdf", Letter(InlineImage(CardPixels(), 72, 600, 200, 40)));
  const ExtractOptions options;
  const SourceFile file = ReadSourceFile(path, options);
  const ExtractionPlan plan = PlanExtraction(file, options);
  EXPECT_EQ(plan.ocr_pages, std::vector<int>{0});

  const Document doc = ExtractDocument(file, options, engine_.get());
  ASSERT_EQ(doc.pages.size(), 1u);
  const Page& page = doc.pages[0];
  EXPECT_EQ(page.origin, PageOrigin::kTextLayer);  // the text layer stands
  EXPECT_FALSE(page.ocr_confidence.has_value());
  EXPECT_EQ(page.text.find("Odense Kommune"), 0u);
  EXPECT_NE(page.text.find("\n\nCPR-nr.: 070584-1209"), std::string::npos) << page.text;
  // The number's box lies where the card stands (top 842 - 640 = 202 points).
  const Word* number = testing::FindWord(page, "070584-1209");
  ASSERT_NE(number, nullptr);
  EXPECT_GT(number->box.x0, 72);
  EXPECT_LT(number->box.x1, 272);
  EXPECT_GT(number->box.y0, 202);
  EXPECT_LT(number->box.y1, 242);
  EXPECT_LT(number->confidence, 100);  // read, not from the layer
}

TEST_F(PlacedImagesTest, TheSamePictureIsReadOncePerDocument) {
  ScratchDir dir;
  const std::string path =
      dir.Write("three.pdf", Letter(InlineImage(CardPixels(), 72, 600, 200, 40), 3));
  const ExtractOptions options;
  CountingEngine counting(*engine_);
  const Document doc = ExtractDocument(ReadSourceFile(path, options), options, &counting);
  EXPECT_EQ(counting.calls, 1);
  ASSERT_EQ(doc.pages.size(), 3u);
  for (const Page& page : doc.pages) {
    EXPECT_NE(page.text.find("070584-1209"), std::string::npos) << page.number;
  }
}

TEST_F(PlacedImagesTest, SmallPicturesAndOcrNeverAreNotRead) {
  ScratchDir dir;
  // An icon: 40 x 40 points.
  const std::string icon =
      dir.Write("icon.pdf", Letter(InlineImage(CardPixels(), 72, 600, 40, 40)));
  EXPECT_TRUE(PlanExtraction(ReadSourceFile(icon, {}), {}).ocr_pages.empty());
  const std::string card =
      dir.Write("card.pdf", Letter(InlineImage(CardPixels(), 72, 600, 200, 40)));
  ExtractOptions never;
  never.ocr = OcrMode::kNever;
  const ExtractionPlan plan = PlanExtraction(ReadSourceFile(card, never), never);
  EXPECT_TRUE(plan.ocr_pages.empty());
  EXPECT_EQ(plan.document.pages[0].origin, PageOrigin::kTextLayer);
}

TEST_F(PlacedImagesTest, APictureTooWideToCopyOutIsNotTakenForEmpty) {
  // 33000 pixels across: more than a cairo surface holds, so poppler-glib cannot hand the
  // picture over, though the page shows it. The page must then be read whole.
  GrayImage wide;
  wide.width = wide.stride = 33000;
  wide.height = 2;
  wide.pixels.assign(static_cast<size_t>(wide.width) * wide.height, 0);
  const auto pdf = PdfDocument::Open(
      std::make_shared<const std::string>(Letter(InlineImage(wide, 72, 600, 200, 40))));
  const auto page = pdf->GlibPage(0);
  Page layer;
  layer.number = 1;
  layer.width_pt = 595;
  layer.height_pt = 842;
  const std::vector<PlacedImage> images = FindTextImages(page.get(), layer);
  ASSERT_EQ(images.size(), 1u);
  const ExtractOptions options;
  PlacedImageReader reader(*engine_, options,
                           std::chrono::steady_clock::now() + std::chrono::seconds(30));
  EXPECT_FALSE(reader.ReadInto(page.get(), images, &layer));
}

TEST_F(PlacedImagesTest, APictureUnderItsOwnTextLayerIsNotReadAgain) {
  ScratchDir dir;
  // The card drawn first, then a dozen words of text over it: a scan with an OCR layer.
  std::string over = "BT /F1 6 Tf 76 630 Td (";
  for (int i = 0; i < 12; ++i) over += "ord" + std::to_string(i) + " ";
  over += ") Tj ET\n";
  const std::string path =
      dir.Write("layered.pdf",
                testing::MinimalPdf(1,
                                    InlineImage(CardPixels(), 72, 600, 200, 40) + over +
                                        "BT /F1 11 Tf 72 780 Td (Odense Kommune, Borgerservice, "
                                        "kvittering for modtaget ansogning om sundhedskort) Tj ET",
                                    kHelvetica));
  EXPECT_TRUE(PlanExtraction(ReadSourceFile(path, {}), {}).ocr_pages.empty());
}

}  // namespace
}  // namespace skjerm
