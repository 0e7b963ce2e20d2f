#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "extract/extractor.h"
#include "extract/source_file.h"
#include "extract_test_util.h"

namespace skjerm {
namespace {

using testing::ErrorOf;
using testing::Fixture;
using testing::ScratchDir;

ExtractionPlan Plan(const std::string& name, OcrMode mode = OcrMode::kAuto) {
  ExtractOptions options;
  options.ocr = mode;
  return PlanExtraction(ReadSourceFile(Fixture(name), options), options);
}

std::string PlanError(const std::string& name, OcrMode mode = OcrMode::kAuto) {
  return ErrorOf([&] { Plan(name, mode); });
}

TEST(ExtractPdfTest, LetterTextKeepsLinesAndBlocks) {
  const ExtractionPlan plan = Plan("letter.pdf");
  EXPECT_TRUE(plan.ocr_pages.empty());
  ASSERT_EQ(plan.document.pages.size(), 2u);
  const Page& page = plan.document.pages[0];
  EXPECT_EQ(page.number, 1);
  EXPECT_EQ(page.origin, PageOrigin::kTextLayer);
  EXPECT_FALSE(page.ocr_confidence.has_value());
  EXPECT_EQ(page.text,
            // The date stands on the heading's line, far to the right: one row, two cells.
            "Nordby kommune | Dato: 14.03.2024\n"
            "Oppvekst og utdanning\n"
            "\n"
            "Kari Nordmann\n"
            "Storgata 12\n"
            "1234 Nordby\n"
            "\n"
            "Vedtak om spesialundervisning\n"
            "\n"
            "Eleven Ola Nordmann, f\u00f8dselsnummer " +
                std::string(testing::kLetterId) +
                ", g\u00e5r i 6. trinn.\n"
                "Vedtaket gjelder skole\u00e5ret 2024/2025.\n"
                "\n"
                "Elev | Ola Nordmann");
  EXPECT_NEAR(page.width_pt, 595.3, 0.1);
  EXPECT_NEAR(page.height_pt, 841.9, 0.1);
  EXPECT_EQ(plan.document.media_type, MediaType::kPdf);
  EXPECT_EQ(plan.document.sha256.size(), 64u);
}

TEST(ExtractPdfTest, WordBoxesAreInPointsFromTheTopLeft) {
  const Page page = Plan("letter.pdf").document.pages[0];
  for (const Word& w : page.words) {
    EXPECT_EQ(w.confidence, 100);
    EXPECT_LT(w.box.x0, w.box.x1);
    EXPECT_LT(w.box.y0, w.box.y1);
  }
  // Drawn at x = 72 on a baseline 686 pt from the bottom in 11-point Helvetica.
  const Word* word = testing::FindWord(page, "Storgata");
  ASSERT_NE(word, nullptr);
  EXPECT_NEAR(word->box.x0, 72, 1);
  EXPECT_NEAR(word->box.x1, 72 + 41.6, 2);
  EXPECT_NEAR(word->box.y1, 841.9 - 686 + 2.4, 2);  // baseline plus the descent
  EXPECT_NEAR(word->box.y1 - word->box.y0, 10.2, 1.5);
}

TEST(ExtractPdfTest, RotatedPageIsReadAsShown) {
  const Page page = Plan("letter.pdf").document.pages[1];
  EXPECT_EQ(page.text, "Side to er rotert i visningen");
  // /Rotate 90 on a landscape media box: shown upright as portrait A4.
  EXPECT_NEAR(page.width_pt, 595.3, 0.1);
  EXPECT_NEAR(page.height_pt, 841.9, 0.1);
  for (const Word& w : page.words) {
    EXPECT_GE(w.box.x0, 0);
    EXPECT_LE(w.box.x1, page.width_pt);
    EXPECT_GE(w.box.y0, 0);
    EXPECT_LE(w.box.y1, page.height_pt);
  }
  // The line runs down the page.
  const Word* first = testing::FindWord(page, "Side");
  const Word* last = testing::FindWord(page, "visningen");
  ASSERT_TRUE(first != nullptr && last != nullptr);
  EXPECT_LT(first->box.y0, last->box.y0);
  EXPECT_NEAR(first->box.x0, last->box.x0, 1);
}

TEST(ExtractPdfTest, MetadataFieldsAnnotationsFormsAndAttachments) {
  const Document doc = Plan("metadata.pdf").document;
  auto has = [&](MetadataSource source, const std::string& name, int page,
                 const std::string& text) {
    for (const MetadataText& m : doc.metadata) {
      if (m.source == source && m.name == name && m.page == page && m.text == text) return true;
    }
    return false;
  };
  EXPECT_TRUE(has(MetadataSource::kInfoField, "Title", 0, "Vedtak for Ola Nordmann"));
  EXPECT_TRUE(has(MetadataSource::kInfoField, "Author", 0, "Per Hansen"));
  EXPECT_TRUE(has(MetadataSource::kInfoField, "Subject", 0, "Spesialundervisning"));
  EXPECT_TRUE(has(MetadataSource::kInfoField, "Keywords", 0, "elevsak"));
  EXPECT_TRUE(has(MetadataSource::kAnnotation, "Text", 1, "Ring foresatte Kari Nordmann"));
  EXPECT_TRUE(has(MetadataSource::kFormField, "elevnavn", 1, "Ola Nordmann"));
  EXPECT_TRUE(has(MetadataSource::kFormField, "klasse", 1, "6A"));
  EXPECT_TRUE(has(MetadataSource::kEmbeddedFile, "name", 0, "elevnotat-ola.txt"));
  EXPECT_TRUE(has(MetadataSource::kEmbeddedFile, "description", 0, "Notat om Ola"));
  // Also the Creator field; nothing else.
  EXPECT_EQ(doc.metadata.size(), 10u);
}

TEST(ExtractPdfTest, EncryptedPdfNeedsAPassword) {
  EXPECT_EQ(PlanError("encrypted.pdf"), "encrypted PDF (password required)");
}

TEST(ExtractPdfTest, OwnerPasswordAloneDoesNotStopReading) {
  const ExtractionPlan plan = Plan("owner-password.pdf");
  ASSERT_EQ(plan.document.pages.size(), 2u);
  EXPECT_NE(plan.document.pages[0].text.find(testing::kLetterId), std::string::npos);
}

TEST(ExtractPdfTest, TruncatedPdfIsDamaged) {
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(PlanError("truncated.pdf"), "damaged PDF: cannot be opened");
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");  // poppler's complaints are muted
}

TEST(ExtractPdfTest, PdfWithoutItsEndIsDamaged) {
  // Poppler repairs a file cut just before its trailer and shows what is left; skjerm
  // does not trust such a file to be whole.
  std::string bytes = testing::ReadAll(Fixture("letter.pdf"));
  bytes.resize(bytes.rfind("startxref"));
  ScratchDir dir;
  const std::string path = dir.Write("cut.pdf", bytes);
  EXPECT_EQ(ErrorOf([&] { PlanExtraction(ReadSourceFile(path, {}), {}); }),
            "damaged PDF: the file is truncated (no end-of-file marker)");
}

TEST(ExtractPdfTest, HeaderAfterJunkIsStillAPdf) {
  ScratchDir dir;
  const std::string path =
      dir.Write("junk.pdf", "X-Mailer: junk\r\n\r\n" + testing::ReadAll(Fixture("letter.pdf")));
  const ExtractionPlan plan = PlanExtraction(ReadSourceFile(path, {}), {});
  ASSERT_EQ(plan.document.pages.size(), 2u);
  EXPECT_NE(plan.document.pages[0].text.find("Kari Nordmann"), std::string::npos);
}

TEST(ExtractPdfTest, TooManyPagesIsAnError) {
  ExtractOptions options;
  options.max_pages = 1;
  EXPECT_EQ(
      ErrorOf([&] { PlanExtraction(ReadSourceFile(Fixture("letter.pdf"), options), options); }),
      "too many pages (2, limit 1)");
}

TEST(ExtractPdfTest, ScanWithAStampIsOcrd) {
  EXPECT_EQ(Plan("stamped-scan.pdf").ocr_pages, std::vector<int>{0});
  EXPECT_EQ(Plan("scan.pdf").ocr_pages, std::vector<int>{0});
}

TEST(ExtractPdfTest, ScanWithAFullTextLayerIsReadFromIt) {
  const ExtractionPlan plan = Plan("ocr-layer.pdf");
  EXPECT_TRUE(plan.ocr_pages.empty());
  EXPECT_EQ(plan.document.pages[0].origin, PageOrigin::kTextLayer);
  EXPECT_NE(plan.document.pages[0].text.find("skannet tekst"), std::string::npos);
}

TEST(ExtractPdfTest, PageWithALargePictureIsOcrdUnlessOcrIsOff) {
  EXPECT_EQ(Plan("picture.pdf").ocr_pages, std::vector<int>{0});
  const ExtractionPlan never = Plan("picture.pdf", OcrMode::kNever);
  EXPECT_TRUE(never.ocr_pages.empty());
  EXPECT_EQ(never.document.pages[0].origin, PageOrigin::kTextLayer);
}

TEST(ExtractPdfTest, PageWithLittleTextIsOcrd) {
  EXPECT_EQ(Plan("short-text.pdf").ocr_pages, std::vector<int>{0});
}

TEST(ExtractPdfTest, OcrNeverOnAScanIsAnError) {
  EXPECT_EQ(PlanError("scan.pdf", OcrMode::kNever),
            "page 1 is a scanned image with little text in its text layer and OCR is disabled "
            "(--ocr never)");
  EXPECT_EQ(PlanError("short-text.pdf", OcrMode::kNever),
            "page 1 has no usable text layer and OCR is disabled (--ocr never)");
}

TEST(ExtractPdfTest, OcrAlwaysOcrsEveryPageThatIsNotBlank) {
  EXPECT_EQ(Plan("letter.pdf", OcrMode::kAlways).ocr_pages, (std::vector<int>{0, 1}));
}

TEST(ExtractPdfTest, OcrNeverReadsTextPages) {
  const ExtractionPlan plan = Plan("letter.pdf", OcrMode::kNever);
  EXPECT_TRUE(plan.ocr_pages.empty());
  EXPECT_EQ(plan.document.pages.size(), 2u);
}

TEST(ExtractPdfTest, ThousandBlankPagesNeedNoOcr) {
  ScratchDir dir;
  const std::string path = dir.Write("blank.pdf", testing::MinimalPdf(1000));
  for (const OcrMode mode : {OcrMode::kAuto, OcrMode::kNever, OcrMode::kAlways}) {
    ExtractOptions options;
    options.ocr = mode;
    const auto start = std::chrono::steady_clock::now();
    // No engine: creating one would mean a page was sent to OCR.
    const Document doc = ExtractDocument(ReadSourceFile(path, options), options, nullptr);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("1000 blank pages (mode %d): %.2f s\n", static_cast<int>(mode), seconds);
    EXPECT_LT(seconds, 60);
    ASSERT_EQ(doc.pages.size(), 1000u);
    for (const Page& page : doc.pages) {
      EXPECT_TRUE(page.text.empty());
      EXPECT_EQ(page.origin, PageOrigin::kOcr);
      EXPECT_FALSE(page.ocr_confidence.has_value());
      EXPECT_EQ(page.ocr_dpi, 0);
    }
    EXPECT_EQ(doc.pages[999].number, 1000);
  }
}

TEST(ExtractPdfTest, PagesPastTheDeadlineAreNotRead) {
  ExtractOptions options;
  options.timeout = std::chrono::seconds(0);
  EXPECT_EQ(
      ErrorOf([&] { PlanExtraction(ReadSourceFile(Fixture("letter.pdf"), options), options); }),
      "timed out after 0 s");
}

}  // namespace
}  // namespace skjerm
