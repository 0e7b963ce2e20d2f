// ReadDocument and FillOcrPages: a document is read whole or not at all. A reader that
// answers with fewer OCR pages than it was asked for, or with a page the document does not
// have, must make the document an error — a placeholder page left empty would let an
// unread page be judged "pass".
#include <gtest/gtest.h>

#include <limits>

#include "extract/document_codec.h"
#include "extract/document_reader.h"
#include "extract/extraction_error.h"
#include "extract/extractor.h"

namespace skjerm {
namespace {

Page Placeholder(int number) {
  Page p;
  p.number = number;
  p.origin = PageOrigin::kOcr;
  return p;
}

Page Recognised(int number, const std::string& text) {
  Page p = Placeholder(number);
  p.text = text;
  p.ocr_confidence = 90;
  return p;
}

// A reader whose plan has one text page and two pages to OCR, and whose OCR answers with
// `answer` whatever it is asked.
class ScriptedReader : public DocumentReader {
 public:
  explicit ScriptedReader(std::vector<Page> answer) : answer_(std::move(answer)) {}

  ExtractionPlan Plan(const std::string&, const ExtractOptions&, Deadline) override {
    ExtractionPlan plan;
    plan.document.sha256 = "abc";
    Page text;
    text.number = 1;
    text.text = "Side 1";
    plan.document.pages = {text, Placeholder(2), Placeholder(3)};
    plan.ocr_pages = {1, 2};
    return plan;
  }
  std::vector<Page> Ocr(const std::string&, const std::string& sha256, std::span<const int>,
                        const ExtractOptions&, Deadline) override {
    EXPECT_EQ(sha256, "abc");
    return answer_;
  }

 private:
  std::vector<Page> answer_;
};

Document Read(std::vector<Page> answer) {
  ScriptedReader reader(std::move(answer));
  return ReadDocument(reader, "brev.pdf", ExtractOptions{}, std::chrono::steady_clock::now());
}

TEST(ReadDocumentTest, EveryPageIsFilledIn) {
  const Document d = Read({Recognised(2, "Side 2"), Recognised(3, "Side 3")});
  ASSERT_EQ(d.pages.size(), 3u);
  EXPECT_EQ(d.path, "brev.pdf");
  EXPECT_EQ(d.pages[1].text, "Side 2");
  EXPECT_EQ(d.pages[2].text, "Side 3");
}

TEST(ReadDocumentTest, FewerOcrPagesThanAskedForIsAnError) {
  EXPECT_THROW(Read({Recognised(2, "Side 2")}), ExtractionError);
  EXPECT_THROW(Read({}), ExtractionError);
}

TEST(FillOcrPagesTest, AnIndexOutsideTheDocumentIsAnError) {
  Document d;
  d.pages = {Placeholder(1)};
  const std::vector<int> indexes = {3};
  EXPECT_THROW(FillOcrPages(indexes, {Recognised(4, "x")}, &d), ExtractionError);
  const std::vector<int> negative = {-1};
  EXPECT_THROW(FillOcrPages(negative, {Recognised(0, "x")}, &d), ExtractionError);
  EXPECT_TRUE(d.pages[0].text.empty());
}

TEST(DocumentCodecTest, AWordOutsideItsPagesTextIsRefused) {
  Page page = Recognised(1, "Ola");
  page.words.push_back(Word{Box{}, 0, 3, 90});
  EXPECT_EQ(PageFromJson(PageToJson(page)).words.size(), 1u);
  page.words[0].end = 4;
  EXPECT_THROW(PageFromJson(PageToJson(page)), nlohmann::json::exception);
}

// A worker clamps what Tesseract says; anything off the 0..100 scale (a mean that came out
// 144) is a broken or impostor worker, and its page must not count as read.
TEST(DocumentCodecTest, ConfidencesOffTheScaleAreRefused) {
  Page page = Recognised(1, "Ola");
  page.words.push_back(Word{Box{}, 0, 3, 100});
  page.ocr_confidence = 100;
  EXPECT_EQ(*PageFromJson(PageToJson(page)).ocr_confidence, 100);
  page.ocr_confidence = 0;
  EXPECT_EQ(*PageFromJson(PageToJson(page)).ocr_confidence, 0);
  for (const float bad : {144.0f, -1.0f, 100.5f, std::numeric_limits<float>::quiet_NaN(),
                          std::numeric_limits<float>::infinity()}) {
    Page p = page;
    p.ocr_confidence = bad;
    EXPECT_THROW(PageFromJson(PageToJson(p)), nlohmann::json::exception) << bad;
    p = page;
    p.words[0].confidence = bad;
    EXPECT_THROW(PageFromJson(PageToJson(p)), nlohmann::json::exception) << bad;
  }
  Document d;
  d.pages.push_back(page);
  d.pages[0].ocr_confidence = 144;
  EXPECT_FALSE(DecodeDocument(EncodeDocument(d)).has_value());
}

TEST(OcrConfidenceTest, ClampedToTheScale) {
  EXPECT_EQ(ClampOcrConfidence(144), 100);
  EXPECT_EQ(ClampOcrConfidence(-5), 0);
  EXPECT_EQ(ClampOcrConfidence(std::numeric_limits<float>::quiet_NaN()), 0);
  EXPECT_EQ(ClampOcrConfidence(43.7f), 43.7f);
  EXPECT_TRUE(IsValidOcrConfidence(0));
  EXPECT_TRUE(IsValidOcrConfidence(100));
  EXPECT_FALSE(IsValidOcrConfidence(144));
  EXPECT_FALSE(IsValidOcrConfidence(std::numeric_limits<float>::quiet_NaN()));
}

TEST(DocumentCodecTest, TheTextAPageSharesWithItsNeighboursTravelsWithIt) {
  Page page = Recognised(2, "before own after");
  page.shared_before = 7;
  page.shared_after = 6;
  const Page back = PageFromJson(PageToJson(page));
  EXPECT_EQ(back.shared_before, 7u);
  EXPECT_EQ(back.shared_after, 6u);
  EXPECT_EQ(PageFromJson(PageToJson(Recognised(1, "x"))).shared_before, 0u);
  page.shared_after = 10;  // more than the page holds
  EXPECT_THROW(PageFromJson(PageToJson(page)), nlohmann::json::exception);
}

}  // namespace
}  // namespace skjerm
