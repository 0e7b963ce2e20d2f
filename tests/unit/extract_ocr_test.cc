// OCR costs seconds a page: these tests OCR three small pages in all.
#include <gtest/gtest.h>

#include <chrono>

#include "extract/extractor.h"
#include "extract/ocr_engine.h"
#include "extract/source_file.h"
#include "extract_test_util.h"

namespace skjerm {
namespace {

using testing::ErrorOf;
using testing::Fixture;

class ExtractOcrTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { engine_ = OcrEngine::Create(ExtractOptions().ocr_languages); }
  static void TearDownTestSuite() { engine_.reset(); }

  static Deadline InAMinute() { return std::chrono::steady_clock::now() + std::chrono::minutes(1); }

  static inline std::unique_ptr<OcrEngine> engine_;
};

TEST_F(ExtractOcrTest, ScannedPdfPageIsRecognisedAtItsScanResolution) {
  const ExtractOptions options;
  const SourceFile file = ReadSourceFile(Fixture("scan.pdf"), options);
  ::testing::internal::CaptureStderr();
  const Document doc = ExtractDocument(file, options, engine_.get());
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");  // nothing leaks to the log
  ASSERT_EQ(doc.pages.size(), 1u);
  const Page& page = doc.pages[0];
  EXPECT_EQ(page.origin, PageOrigin::kOcr);
  EXPECT_EQ(page.ocr_dpi, 200);  // 1100 pixels placed 396 points wide
  ASSERT_TRUE(page.ocr_confidence.has_value());
  EXPECT_GT(*page.ocr_confidence, 80);
  EXPECT_EQ(
      page.text.substr(0, page.text.find("\n\n")),
      "Elev: Ola Nordmann\nF\u00f8dselsnummer: " + std::string(testing::kScanId) + "\nKlasse 6A");
  // The 40-pixel line starts 40 pixels from the top: about 14 points at 200 dpi.
  const Word* word = testing::FindWord(page, "Nordmann");
  ASSERT_NE(word, nullptr);
  EXPECT_NEAR(word->box.x0, 84, 5);
  EXPECT_NEAR(word->box.y0, 17, 5);
  EXPECT_NEAR(word->box.y1, 28, 5);
  EXPECT_NEAR(page.width_pt, 396, 0.5);
  EXPECT_NEAR(page.height_pt, 180, 0.5);
  // The records system's stamp is in the text layer; it follows the OCR text as a block.
  const std::string stamp = "\n\nJournalpost 2024/77";
  ASSERT_GE(page.text.size(), stamp.size());
  EXPECT_EQ(page.text.substr(page.text.size() - stamp.size()), stamp);
  EXPECT_EQ(page.words.back().confidence, 100);
  for (const Word& w : page.words) EXPECT_LE(w.end, page.text.size());
}

TEST_F(ExtractOcrTest, SidewaysPngIsTurnedAndRecognised) {
  const ExtractOptions options;
  const Document doc =
      ExtractDocument(ReadSourceFile(Fixture("note.png"), options), options, engine_.get());
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.media_type, MediaType::kPng);
  const Page& page = doc.pages[0];
  EXPECT_EQ(page.text,
            "Kari Nordmann\n\nStorgata 12\n\n1234 Nordby\n\nMelding til skolen om "
            "fravær\nfor eleven i neste uke.");
  EXPECT_EQ(page.ocr_dpi, 200);
  EXPECT_NEAR(page.width_pt, 187.2, 0.5);  // 520 x 1300 pixels at 200 dpi
  EXPECT_NEAR(page.height_pt, 468, 0.5);
  // Boxes stay in the coordinates of the page as stored: the lines run up the page.
  const Word* kari = testing::FindWord(page, "Kari");
  const Word* nordmann = testing::FindWord(page, "Nordmann");
  ASSERT_TRUE(kari != nullptr && nordmann != nullptr);
  EXPECT_GT(kari->box.y0, nordmann->box.y1);
  EXPECT_NEAR(kari->box.x0, nordmann->box.x0, 2);
}

TEST_F(ExtractOcrTest, TiffPagesCanBeRecognisedOneByOne) {
  const ExtractOptions options;
  const SourceFile file = ReadSourceFile(Fixture("two-pages.tif"), options);
  const ExtractionPlan plan = PlanExtraction(file, options);
  ASSERT_EQ(plan.document.pages.size(), 2u);
  EXPECT_EQ(plan.ocr_pages, (std::vector<int>{0, 1}));
  EXPECT_EQ(plan.document.pages[1].number, 2);
  EXPECT_NEAR(plan.document.pages[0].width_pt, 216, 0.5);
  EXPECT_NEAR(plan.document.pages[1].width_pt, 288, 0.5);

  const std::vector<int> second = {1};
  const std::vector<Page> pages = OcrPages(file, second, options, *engine_, InAMinute());
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].number, 2);
  EXPECT_EQ(pages[0].origin, PageOrigin::kOcr);
  EXPECT_EQ(pages[0].text, "Foresatt Per Hansen");
}

TEST_F(ExtractOcrTest, PassedDeadlineStopsBeforeOcr) {
  const ExtractOptions options;
  const SourceFile file = ReadSourceFile(Fixture("scan.pdf"), options);
  const std::vector<int> first = {0};
  const Deadline past = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  EXPECT_EQ(ErrorOf([&] { OcrPages(file, first, options, *engine_, past); }),
            "timed out after 900 s");
}

TEST_F(ExtractOcrTest, EmptyImageIsAnError) {
  EXPECT_EQ(ErrorOf([&] { engine_->Recognize(GrayImage(), 200, 3, InAMinute()); }),
            "OCR failed: page 3 has no image");
}

TEST(ExtractOcrEngineTest, MissingLanguageDataIsAnError) {
  const std::string reason = ErrorOf([] { OcrEngine::Create("nor+xyz"); });
  EXPECT_EQ(reason.rfind("OCR failed: ", 0), 0u) << reason;
}

TEST(ExtractOcrEngineTest, OcrNeverOnAnImageIsAnError) {
  ExtractOptions options;
  options.ocr = OcrMode::kNever;
  EXPECT_EQ(ErrorOf([&] { PlanExtraction(ReadSourceFile(Fixture("note.png"), options), options); }),
            "page 1 has no text layer and OCR is disabled (--ocr never)");
}

}  // namespace
}  // namespace skjerm
