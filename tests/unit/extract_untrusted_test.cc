// Pages whose text layer cannot be trusted, read through the real Poppler: they are OCR'd
// (with the reason kept) or refused, never read from their text layer.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "extract/document_codec.h"
#include "extract/extractor.h"
#include "extract/source_file.h"
#include "extract_test_util.h"

namespace skjerm {
namespace {

using testing::ErrorOf;
using testing::ScratchDir;

// A one-page A4 PDF: `objects` become objects 4, 5, ...; the page (object 3) has the fonts
// `fonts` ("/F1 4 0 R"), the content streams `contents` ("5 0 R" or "[5 0 R 6 0 R]") and
// the XObjects `xobjects` ("/Im1 6 0 R").
std::string OnePagePdf(const std::vector<std::string>& objects, const std::string& fonts,
                       const std::string& contents, const std::string& xobjects = "") {
  std::string pdf = "%PDF-1.5\n";
  std::vector<size_t> offsets;
  auto add = [&](const std::string& body) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
  };
  add("<< /Type /Catalog /Pages 2 0 R >>");
  add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << " + fonts +
      " >> /XObject << " + xobjects + " >> >> /Contents " + contents + " >>");
  for (const std::string& object : objects) add(object);
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
  for (const size_t offset : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) + " /Root 1 0 R >>\n";
  return pdf + "startxref\n" + std::to_string(xref) + "\n%%EOF\n";
}

std::string Stream(const std::string& data, const std::string& extra = "") {
  return "<< /Length " + std::to_string(data.size()) + " " + extra + " >>\nstream\n" + data +
         "\nendstream";
}

constexpr char kHelvetica[] =
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

// Text in Helvetica (font /F1), one line per entry, from y = top downwards.
std::string Lines(const std::vector<std::string>& lines, const std::string& font = "F1",
                  int top = 760) {
  std::string ops;
  for (size_t k = 0; k < lines.size(); ++k) {
    ops += "BT /" + font + " 12 Tf 72 " + std::to_string(top - 22 * static_cast<int>(k)) + " Td (" +
           lines[k] + ") Tj ET\n";
  }
  return ops;
}

const std::vector<std::string> kBody = {
    "Vedtak om skoleskyss for eleven",       "Elev: Kari Nordmann, 7B",
    "Fodselsnummer: 210311 52388",           "Eleven har rett til gratis skoleskyss fra 1. august.",
    "Vedtaket kan paklages innen tre uker.",
};
const std::string kHeader = Lines({"Bergen kommune - Skoleskyss"}, "F1", 800);

// A header in Helvetica, then the body in a second content stream (object 5) made by `body`.
std::string HeaderAndBody(const std::string& body_stream, const std::string& fonts = "/F1 4 0 R",
                          std::vector<std::string> more = {}) {
  std::vector<std::string> objects = {kHelvetica, body_stream, Stream(kHeader)};
  objects.insert(objects.end(), more.begin(), more.end());
  return OnePagePdf(objects, fonts, "[6 0 R 5 0 R]");
}

// A Type3 font (object 4) whose glyphs, codes 33..(33+n-1), are each drawn by Helvetica's
// «M» (object 5) so that the page shows marks of text where its codes say `text`.
std::vector<std::string> Type3Objects(int glyphs, const std::string& to_unicode_stream) {
  std::string procs, widths, differences = "33";
  for (int i = 0; i < glyphs; ++i) {
    procs += "/g" + std::to_string(33 + i) + " " + std::to_string(6 + i) + " 0 R ";
    widths += "600 ";
    differences += " /g" + std::to_string(33 + i);
  }
  std::string font =
      "<< /Type /Font /Subtype /Type3 /FontBBox [0 -250 1000 950] /FontMatrix [0.001 0 0 "
      "0.001 0 0] /CharProcs << " +
      procs + ">> /Encoding << /Type /Encoding /Differences [" + differences +
      "] >> /FirstChar 33 /LastChar " + std::to_string(32 + glyphs) + " /Widths [" + widths +
      "] /Resources << /Font << /H 5 0 R >> >>";
  if (!to_unicode_stream.empty()) {
    font += " /ToUnicode " + std::to_string(6 + glyphs) + " 0 R";
  }
  std::vector<std::string> objects = {font + " >>", kHelvetica};
  for (int i = 0; i < glyphs; ++i) {
    objects.push_back(
        Stream("600 0 d0 BT /H 900 Tf 0 0 Td (" + std::string(1, 'a' + i % 26) + ") Tj ET"));
  }
  if (!to_unicode_stream.empty()) objects.push_back(Stream(to_unicode_stream));
  return objects;
}

// `lines` lines of `per_line` Type3 codes cycling through the font's glyphs, as font /T3.
std::string Type3Text(int glyphs, int lines, int per_line, int top = 740) {
  std::string ops;
  for (int l = 0; l < lines; ++l) {
    std::string hex;
    for (int k = 0; k < per_line; ++k) {
      char byte[9];  // "%02x" of an int: room for any value, not only 0-255
      std::snprintf(byte, sizeof byte, "%02x", 33 + (l * per_line + k) % glyphs);
      hex += byte;
    }
    ops += "BT /T3 11 Tf 72 " + std::to_string(top - 20 * l) + " Td <" + hex + "> Tj ET\n";
  }
  return ops;
}

// A ToUnicode map that gives the codes 33..(33+n-1) a space each.
std::string SpacesCMap(int glyphs) {
  std::string map;
  for (int i = 0; i < glyphs; ++i) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "<%02x> <0020>\n", 33 + i);
    map += entry;
  }
  return "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Sp def "
         "/CMapType 2 def 1 begincodespacerange <00> <ff> endcodespacerange " +
         std::to_string(glyphs) + " beginbfchar\n" + map +
         "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end";
}

struct Result {
  ExtractionPlan plan;
  std::string error;
};

Result PlanFile(const std::string& pdf, OcrMode mode = OcrMode::kAuto) {
  ScratchDir dir;
  ExtractOptions options;
  options.ocr = mode;
  Result result;
  try {
    result.plan = PlanExtraction(ReadSourceFile(dir.Write("page.pdf", pdf), options), options);
  } catch (const ExtractionError& e) {
    result.error = e.what();
  }
  return result;
}

std::string ReasonOfPage1(const Result& r) {
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.plan.ocr_pages, std::vector<int>{0});
  return r.plan.document.pages.empty() ? "" : r.plan.document.pages[0].ocr_reason;
}

// Reads the whole document; no OCR engine is made unless a page reaches Tesseract.
std::string ExtractError(const std::string& pdf, OcrMode mode) {
  ScratchDir dir;
  ExtractOptions options;
  options.ocr = mode;
  const std::string path = dir.Write("page.pdf", pdf);
  return ErrorOf([&] { ExtractDocument(ReadSourceFile(path, options), options, nullptr); });
}

TEST(ExtractUntrustedTest, APlainLetterIsReadFromItsTextLayer) {
  const std::string pdf =
      OnePagePdf({kHelvetica, Stream(kHeader + Lines(kBody))}, "/F1 4 0 R", "5 0 R");
  for (const OcrMode mode : {OcrMode::kAuto, OcrMode::kNever}) {
    const Result r = PlanFile(pdf, mode);
    EXPECT_EQ(r.error, "");
    EXPECT_TRUE(r.plan.ocr_pages.empty());
    ASSERT_EQ(r.plan.document.pages.size(), 1u);
    EXPECT_EQ(r.plan.document.pages[0].origin, PageOrigin::kTextLayer);
    EXPECT_EQ(r.plan.document.pages[0].ocr_reason, "");
  }
}

TEST(ExtractUntrustedTest, AShortLetterWithALogoIsReadFromItsTextLayer) {
  // A filled logo, a wide rule and a three-line letter.
  const std::string drawing = "0.1 g 420 720 110 80 re f 60 700 470 1.5 re f 0 g\n";
  const std::string pdf =
      OnePagePdf({kHelvetica, Stream(drawing + Lines({"Bergen kommune", "Takk for brevet ditt.",
                                                      "Vi svarer innen tre uker."},
                                                     "F1", 650))},
                 "/F1 4 0 R", "5 0 R");
  const Result r = PlanFile(pdf);
  EXPECT_TRUE(r.plan.ocr_pages.empty()) << r.plan.document.pages[0].ocr_reason;
}

TEST(ExtractUntrustedTest, GlyphsWhoseCodesAreGibberishAreOcrd) {
  // No ToUnicode: poppler reads the codes 33.. as «!"#$%&'...».
  std::vector<std::string> objects = Type3Objects(20, "");
  objects.push_back(Stream(Type3Text(20, 8, 30)));
  const std::string pdf = OnePagePdf(objects, "/T3 4 0 R", std::to_string(6 + 20) + " 0 R");
  EXPECT_EQ(ReasonOfPage1(PlanFile(pdf)), "has a text layer that is mostly symbols, not letters");
  EXPECT_EQ(PlanFile(pdf, OcrMode::kNever).error,
            "page 1 has a text layer that is mostly symbols, not letters and OCR is disabled "
            "(--ocr never)");
}

TEST(ExtractUntrustedTest, TextTheLayerDoesNotHaveIsOcrd) {
  // A header in Helvetica; the body's glyphs map to spaces.
  std::vector<std::string> objects = Type3Objects(20, SpacesCMap(20));
  const int helvetica = static_cast<int>(objects.size()) + 4;
  objects.push_back(kHelvetica);
  objects.push_back(
      Stream(Lines({"Bergen kommune - Skoleskyss - Vedtak"}, "F1", 800) + Type3Text(20, 10, 40)));
  const std::string pdf = OnePagePdf(objects, "/T3 4 0 R /F1 " + std::to_string(helvetica) + " 0 R",
                                     std::to_string(helvetica + 1) + " 0 R");
  EXPECT_EQ(ReasonOfPage1(PlanFile(pdf)), "shows text that its text layer does not have");
}

TEST(ExtractUntrustedTest, AMissingFontMakesThePageUnreadable) {
  const std::string pdf = HeaderAndBody(Stream(Lines(kBody, "F9")));
  EXPECT_EQ(ReasonOfPage1(PlanFile(pdf)),
            "could not be read cleanly: a font the page uses is missing from the PDF");
  const std::string unreadable =
      "page 1: a font the page uses is missing from the PDF; the page could not be read";
  EXPECT_EQ(PlanFile(pdf, OcrMode::kNever).error, unreadable);
  EXPECT_EQ(ExtractError(pdf, OcrMode::kAuto), unreadable);
  EXPECT_EQ(ExtractError(pdf, OcrMode::kAlways), unreadable);
}

TEST(ExtractUntrustedTest, AnUnknownFilterMakesThePageUnreadable) {
  // The body is not drawn at all: the page would otherwise pass as a short header.
  const std::string pdf = HeaderAndBody(Stream(Lines(kBody), "/Filter /Foo"));
  const std::string unreadable =
      "page 1: the PDF's content could not be decoded (unknown filter /Foo); the page could not "
      "be read";
  for (const OcrMode mode : {OcrMode::kAuto, OcrMode::kAlways, OcrMode::kNever}) {
    EXPECT_EQ(ExtractError(pdf, mode), unreadable) << static_cast<int>(mode);
  }
}

TEST(ExtractUntrustedTest, UndecodableDataMakesThePageUnreadable) {
  const std::string pdf =
      HeaderAndBody(Stream("x\x9c garbage, not deflate", "/Filter /FlateDecode"));
  const std::string error = ExtractError(pdf, OcrMode::kAuto);
  EXPECT_EQ(error.rfind("page 1: the PDF's content could not be decoded (damaged compressed "
                        "data)",
                        0),
            0u)
      << error;
  EXPECT_NE(error.find("; the page could not be read"), std::string::npos) << error;
}

TEST(ExtractUntrustedTest, APictureThatDoesNotDecodeMakesThePageUnreadable) {
  // A letter that reads well, with a picture big enough to carry text (300 x 45 points)
  // whose data is not Flate: reading the text layer never decodes it, drawing the page does.
  // The plan OCRs the page for it; the OCR pass must not then read the picture as blank.
  const std::string picture =
      Stream("x\x9c garbage, not deflate",
             "/Type /XObject /Subtype /Image /Width 400 /Height 60 /ColorSpace /DeviceGray "
             "/BitsPerComponent 8 /Filter /FlateDecode");
  const std::string pdf = OnePagePdf(
      {kHelvetica, Stream(kHeader + Lines(kBody) + "q 300 0 0 45 72 500 cm /Im1 Do Q\n"), picture},
      "/F1 4 0 R", "5 0 R", "/Im1 6 0 R");
  for (const OcrMode mode : {OcrMode::kAuto, OcrMode::kAlways, OcrMode::kNever}) {
    const std::string error = ExtractError(pdf, mode);
    EXPECT_EQ(error.rfind("page 1: the PDF's content could not be decoded (damaged compressed "
                          "data)",
                          0),
              0u)
        << static_cast<int>(mode) << ": " << error;
    EXPECT_NE(error.find("; the page could not be read"), std::string::npos) << error;
  }
}

TEST(ExtractUntrustedTest, AnUnreadableContentStreamAloneIsNotABlankPage) {
  // Nothing is drawn, nothing is in the text layer: not a blank page that passes.
  const std::string pdf = OnePagePdf({Stream(Lines(kBody), "/Filter /Foo")}, "", "4 0 R");
  for (const OcrMode mode : {OcrMode::kAuto, OcrMode::kAlways, OcrMode::kNever}) {
    EXPECT_NE(ExtractError(pdf, mode).find("unknown filter /Foo"), std::string::npos);
  }
}

TEST(ExtractUntrustedTest, EveryReadingOfTheFileHearsPoppler) {
  // Poppler says some things once per process; a second reading must still be refused.
  const std::string pdf = HeaderAndBody(Stream(Lines(kBody, "F9")));
  for (int i = 0; i < 3; ++i) {
    EXPECT_NE(ExtractError(pdf, OcrMode::kAuto), "") << i;
  }
}

TEST(ExtractUntrustedTest, TheReasonForOcrTravelsWithThePage) {
  Page page;
  page.origin = PageOrigin::kOcr;
  page.ocr_reason = "has a text layer that is mostly symbols, not letters";
  EXPECT_EQ(PageFromJson(PageToJson(page)).ocr_reason, page.ocr_reason);

  Document doc;
  doc.pages.resize(1);
  doc.pages[0].ocr_reason = "has no text layer";
  std::vector<Page> read(1);
  read[0].text = "OCR text";
  FillOcrPages(std::vector<int>{0}, std::move(read), &doc);
  EXPECT_EQ(doc.pages[0].text, "OCR text");
  EXPECT_EQ(doc.pages[0].ocr_reason, "has no text layer");
}

}  // namespace
}  // namespace skjerm
