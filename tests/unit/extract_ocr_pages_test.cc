// OcrPages and ExtractDocument with a stand-in engine: what is rendered at which
// resolution, how OCR text and text layer combine, and parallel use. No Tesseract here.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "extract/extractor.h"
#include "extract/source_file.h"
#include "extract_test_util.h"

namespace skjerm {
namespace {

using testing::ErrorOf;
using testing::Fixture;
using testing::ScratchDir;

// Returns the page as one word "OCR", read well enough not to be tried again (see
// ReadPageImage), and remembers what it was given.
class FakeEngine : public OcrEngine {
 public:
  Page Recognize(const GrayImage& image, int dpi, int number, Deadline) override {
    images.push_back(image);
    Page page;
    page.number = number;
    page.origin = PageOrigin::kOcr;
    page.ocr_dpi = dpi;
    page.ocr_confidence = 90;
    page.text = "OCR";
    Word word;
    word.box = Box{1, 2, 3, 4};
    word.end = 3;
    word.confidence = 90;
    page.words.push_back(word);
    return page;
  }
  std::vector<GrayImage> images;
};

Deadline InAMinute() { return std::chrono::steady_clock::now() + std::chrono::minutes(1); }

std::vector<Page> Ocr(const std::string& path, std::vector<int> pages, const ExtractOptions& o,
                      FakeEngine* engine) {
  return OcrPages(ReadSourceFile(path, o), pages, o, *engine, InAMinute());
}

TEST(ExtractOcrPagesTest, VectorPageIsRenderedAtTheDefaultScanResolution) {
  FakeEngine engine;
  const std::vector<Page> pages = Ocr(Fixture("letter.pdf"), {0}, ExtractOptions(), &engine);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].ocr_dpi, 200);
  ASSERT_EQ(engine.images.size(), 1u);
  EXPECT_NEAR(engine.images[0].width, 1654, 1);  // 595.3 pt at 200 dpi
  EXPECT_NEAR(engine.images[0].height, 2339, 1);
  EXPECT_EQ(engine.images[0].pixels.size(),
            static_cast<size_t>(engine.images[0].stride) * engine.images[0].height);
  EXPECT_NEAR(pages[0].width_pt, 595.3, 0.1);
}

TEST(ExtractOcrPagesTest, TextLayerFollowsTheOcrTextUnlessOcrIsForced) {
  FakeEngine engine;
  const Page merged = Ocr(Fixture("short-text.pdf"), {0}, ExtractOptions(), &engine)[0];
  EXPECT_EQ(merged.text, "OCR\n\nSide 2");
  ASSERT_EQ(merged.words.size(), 3u);
  EXPECT_EQ(testing::WordText(merged, merged.words[2]), "2");
  EXPECT_EQ(merged.words[2].confidence, 100);
  EXPECT_EQ(merged.origin, PageOrigin::kOcr);

  ExtractOptions always;
  always.ocr = OcrMode::kAlways;
  EXPECT_EQ(Ocr(Fixture("short-text.pdf"), {0}, always, &engine)[0].text, "OCR");
}

TEST(ExtractOcrPagesTest, LowResolutionScanIsRenderedAtTheMinimum) {
  // The stand-in scan is 298 pixels across A4: 36 dpi, raised to min_ocr_dpi.
  FakeEngine engine;
  EXPECT_EQ(Ocr(Fixture("stamped-scan.pdf"), {0}, ExtractOptions(), &engine)[0].ocr_dpi, 150);
}

TEST(ExtractOcrPagesTest, PixelLimitLowersTheResolution) {
  ExtractOptions options;
  options.max_page_pixels = 1000000;
  FakeEngine engine;
  const Page page = Ocr(Fixture("letter.pdf"), {0}, options, &engine)[0];
  EXPECT_EQ(page.ocr_dpi, 101);  // sqrt(1e6 / (8.27 in x 11.69 in))
  ASSERT_EQ(engine.images.size(), 1u);
  EXPECT_LE(static_cast<int64_t>(engine.images[0].width) * engine.images[0].height, 1000000);
}

TEST(ExtractOcrPagesTest, PageTooLargeForThePixelLimitIsAnError) {
  ExtractOptions options;
  options.max_page_pixels = 10000;
  FakeEngine engine;
  EXPECT_EQ(ErrorOf([&] { Ocr(Fixture("letter.pdf"), {0}, options, &engine); }),
            "page 1 is too large to render for OCR");
}

TEST(ExtractOcrPagesTest, ExtractDocumentPutsOcrPagesInPlace) {
  ScratchDir dir;
  // Three pages with a drawn box and no text: each needs OCR.
  const std::string path =
      dir.Write("boxes.pdf", testing::MinimalPdf(3, "0 g 100 100 200 200 re f"));
  FakeEngine engine;
  const Document doc = ExtractDocument(ReadSourceFile(path, {}), {}, &engine);
  ASSERT_EQ(doc.pages.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(doc.pages[i].number, i + 1);
    EXPECT_EQ(doc.pages[i].text, "OCR");
  }
  EXPECT_EQ(engine.images.size(), 3u);
}

TEST(ExtractOcrPagesTest, ThreadsCanOcrDisjointPagesOfOneFile) {
  ScratchDir dir;
  const std::string path =
      dir.Write("boxes.pdf", testing::MinimalPdf(12, "0 g 100 100 200 200 re f"));
  const ExtractOptions options;
  const SourceFile file = ReadSourceFile(path, options);
  const ExtractionPlan plan = PlanExtraction(file, options);
  ASSERT_EQ(plan.ocr_pages.size(), 12u);
  std::vector<int> odd, even;
  for (int i : plan.ocr_pages) (i % 2 ? odd : even).push_back(i);
  std::vector<Page> odd_pages, even_pages;
  FakeEngine odd_engine, even_engine;
  std::thread a([&] { odd_pages = OcrPages(file, odd, options, odd_engine, InAMinute()); });
  std::thread b([&] { even_pages = OcrPages(file, even, options, even_engine, InAMinute()); });
  a.join();
  b.join();
  ASSERT_EQ(odd_pages.size(), 6u);
  ASSERT_EQ(even_pages.size(), 6u);
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(odd_pages[i].number, odd[i] + 1);
    EXPECT_EQ(even_pages[i].number, even[i] + 1);
  }
}

TEST(ExtractOcrPagesTest, PageIndexOutOfRangeIsAnError) {
  FakeEngine engine;
  EXPECT_EQ(ErrorOf([&] { Ocr(Fixture("letter.pdf"), {2}, ExtractOptions(), &engine); }),
            "internal error: no page 3");
}

}  // namespace
}  // namespace skjerm

namespace skjerm {
namespace {

using testing::Fixture;

ExtractionPlan PlanOf(const std::string& name) {
  return PlanExtraction(ReadSourceFile(Fixture(name), {}), {});
}

TEST(ExtractImageTest, ResolutionComesFromTheFile) {
  const ExtractionPlan plan = PlanOf("photo-300dpi.jpg");
  EXPECT_EQ(plan.document.media_type, MediaType::kJpeg);
  ASSERT_EQ(plan.document.pages.size(), 1u);
  EXPECT_NEAR(plan.document.pages[0].width_pt, 144, 0.1);  // 600 pixels at 300 dpi
  EXPECT_EQ(plan.ocr_pages, std::vector<int>{0});
  FakeEngine engine;
  const Page page = Ocr(Fixture("photo-300dpi.jpg"), {0}, ExtractOptions(), &engine)[0];
  EXPECT_EQ(page.ocr_dpi, 300);
  EXPECT_EQ(engine.images[0].width, 600);  // within [min_ocr_dpi, max_ocr_dpi]: as it is
}

TEST(ExtractImageTest, MissingResolutionMeansTheDefaultScanResolution) {
  const ExtractionPlan plan = PlanOf("no-dpi.jpg");
  EXPECT_NEAR(plan.document.pages[0].width_pt, 144, 0.1);  // 400 pixels at 200 dpi
}

TEST(ExtractImageTest, CoarseFaxIsScaledUpForOcr) {
  FakeEngine engine;
  const Page page = Ocr(Fixture("fax-100dpi.tif"), {0}, ExtractOptions(), &engine)[0];
  EXPECT_EQ(page.ocr_dpi, 150);
  ASSERT_EQ(engine.images.size(), 1u);
  EXPECT_EQ(engine.images[0].width, 600);
  EXPECT_EQ(engine.images[0].height, 300);
  EXPECT_NEAR(page.width_pt, 288, 0.5);  // 400 pixels at 100 dpi
}

TEST(ExtractImageTest, TransparencyIsShownOnWhite) {
  FakeEngine engine;
  Ocr(Fixture("transparent.png"), {0}, ExtractOptions(), &engine);
  ASSERT_EQ(engine.images.size(), 1u);
  const GrayImage& image = engine.images[0];
  ASSERT_EQ(image.width, 200);
  EXPECT_EQ(image.pixels[5 * image.stride + 5], 255);  // transparent: paper
  EXPECT_EQ(image.pixels[20 * image.stride + 20], 0);  // the opaque black square
  EXPECT_EQ(image.pixels[80 * image.stride + 150], 255);
}

TEST(ExtractImageTest, DamagedImageIsAnError) {
  ScratchDir dir;
  std::string png = testing::ReadAll(Fixture("note.png"));
  png.resize(60);
  const std::string path = dir.Write("cut.png", png);
  const std::string reason = ErrorOf([&] { PlanExtraction(ReadSourceFile(path, {}), {}); });
  EXPECT_EQ(reason.rfind("damaged image", 0), 0u) << reason;
}

}  // namespace
}  // namespace skjerm
