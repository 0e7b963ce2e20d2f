#include "extract/source_file.h"
#include "extract/text_file.h"

#include <gtest/gtest.h>

#include "extract/extractor.h"
#include "extract_test_util.h"

namespace skjerm {
namespace {

using testing::ErrorOf;
using testing::Fixture;
using testing::ScratchDir;

TEST(ExtractSourceFileTest, ReadsPdfWithHashAndType) {
  ScratchDir dir;
  const std::string path = dir.Write("a.pdf", "%PDF-1.4 abc");
  const SourceFile file = ReadSourceFile(path, ExtractOptions());
  EXPECT_EQ(file.type, MediaType::kPdf);
  EXPECT_EQ(file.path, path);
  EXPECT_EQ(*file.bytes, "%PDF-1.4 abc");
  EXPECT_EQ(file.sha256.size(), 64u);
}

TEST(ExtractSourceFileTest, HashIsSha256OfTheBytes) {
  ScratchDir dir;
  const SourceFile file = ReadSourceFile(dir.Write("abc.txt", "abc"), ExtractOptions());
  EXPECT_EQ(file.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(ExtractSourceFileTest, EmptyFileIsAnError) {
  ScratchDir dir;
  const std::string path = dir.Write("empty.pdf", "");
  EXPECT_EQ(ErrorOf([&] { ReadSourceFile(path, ExtractOptions()); }), "empty file (0 bytes)");
}

TEST(ExtractSourceFileTest, MissingFileSaysWhy) {
  EXPECT_EQ(ErrorOf([] { ReadSourceFile("/nonexistent/x.pdf", ExtractOptions()); }),
            "cannot read the file: no such file or directory");
}

TEST(ExtractSourceFileTest, DirectoryIsAnError) {
  ScratchDir dir;
  EXPECT_EQ(ErrorOf([&] { ReadSourceFile(dir.path(), ExtractOptions()); }),
            "cannot read the file: is a directory");
}

TEST(ExtractSourceFileTest, TooLargeFileNamesTheLimit) {
  ScratchDir dir;
  const std::string path = dir.Write("big.pdf", "%PDF-1.4 0123456789");
  ExtractOptions options;
  options.max_file_bytes = 10;
  EXPECT_EQ(ErrorOf([&] { ReadSourceFile(path, options); }), "larger than the 10 bytes limit");
  options.max_file_bytes = uint64_t{512} << 20;
  EXPECT_EQ(ReadSourceFile(path, options).type, MediaType::kPdf);
}

TEST(ExtractSourceFileTest, UnknownBinaryIsUnsupported) {
  ScratchDir dir;
  const std::string path = dir.Write("blob.bin", std::string("\x00\x01\x02\xff\xfe junk", 10));
  EXPECT_EQ(ErrorOf([&] { ReadSourceFile(path, ExtractOptions()); }),
            "unsupported file type (not PDF, PNG, JPEG, TIFF or UTF-8 text)");
}

TEST(ExtractSourceFileTest, InvalidUtf8TextFileIsAnError) {
  ScratchDir dir;
  const std::string path = dir.Write("brev.txt", "Hei \xC3\x28 p\xE5 deg\n");
  EXPECT_EQ(ErrorOf([&] { ReadSourceFile(path, ExtractOptions()); }), "not valid UTF-8 text");
}

TEST(ExtractSourceFileTest, TextWithNulBytesIsNotText) {
  ScratchDir dir;
  const std::string path = dir.Write("nul.txt", std::string("abc\0def", 7));
  EXPECT_EQ(ErrorOf([&] { ReadSourceFile(path, ExtractOptions()); }), "not valid UTF-8 text");
}

TEST(ExtractSourceFileTest, ErrorsNeverQuoteTheContent) {
  ScratchDir dir;
  const std::string path = dir.Write("brev.txt", "Ola Nordmann 040712 51298 \xFF");
  const std::string reason = ErrorOf([&] { ReadSourceFile(path, ExtractOptions()); });
  EXPECT_EQ(reason.find("Nordmann"), std::string::npos);
  EXPECT_EQ(reason.find("040712"), std::string::npos);
}

TEST(ExtractSourceFileTest, SniffsByMagicBytes) {
  EXPECT_EQ(SniffMediaType("%PDF-1.7\n", "x"), MediaType::kPdf);
  EXPECT_EQ(SniffMediaType(std::string(700, ' ') + "%PDF-1.4", "x"), MediaType::kPdf);
  EXPECT_EQ(SniffMediaType(std::string(1100, ' ') + "%PDF-1.4", "x"), MediaType::kUnknown);
  EXPECT_EQ(SniffMediaType("\x89PNG\r\n\x1a\n....", "x"), MediaType::kPng);
  EXPECT_EQ(SniffMediaType("\xFF\xD8\xFF\xE0..", "x"), MediaType::kJpeg);
  EXPECT_EQ(SniffMediaType(std::string("II*\0abcd", 8), "x"), MediaType::kTiff);
  EXPECT_EQ(SniffMediaType(std::string("MM\0*abcd", 8), "x"), MediaType::kTiff);
  EXPECT_EQ(SniffMediaType("GIF89a", "x.gif"), MediaType::kUnknown);
}

TEST(ExtractSourceFileTest, PlainTextOnlyForTxtFiles) {
  EXPECT_EQ(SniffMediaType("Hei p\xC3\xA5 deg", "brev.txt"), MediaType::kText);
  EXPECT_EQ(SniffMediaType("Hei p\xC3\xA5 deg", "BREV.TXT"), MediaType::kText);
  EXPECT_EQ(SniffMediaType("Hei p\xC3\xA5 deg", "brev.doc"), MediaType::kUnknown);
  EXPECT_EQ(SniffMediaType("\xEF\xBB\xBFHei", "brev.txt"), MediaType::kText);
  EXPECT_EQ(SniffMediaType("\xFF\xFEH\0e\0", "brev.txt"), MediaType::kUnknown);  // UTF-16
}

TEST(ExtractSourceFileTest, TextFileIsOnePageWithoutBom) {
  ScratchDir dir;
  const std::string path = dir.Write("brev.txt",
                                     "\xEF\xBB\xBF"
                                     "Elev: Ola\n  Nordmann\n");
  const SourceFile file = ReadSourceFile(path, ExtractOptions());
  ASSERT_EQ(file.type, MediaType::kText);
  const Document doc = ExtractDocument(file, ExtractOptions(), nullptr);
  ASSERT_EQ(doc.pages.size(), 1u);
  const Page& page = doc.pages[0];
  EXPECT_EQ(page.number, 1);
  EXPECT_EQ(page.origin, PageOrigin::kTextLayer);
  EXPECT_EQ(page.text, "Elev: Ola\n  Nordmann\n");
  EXPECT_TRUE(page.words.empty());
  EXPECT_EQ(doc.media_type, MediaType::kText);
  EXPECT_EQ(doc.size, 24u);
}

TEST(ExtractSourceFileTest, TextFileIsPagedAtFormFeedsAndBeforeTheSizeLimit) {
  std::vector<Page> pages = TextFilePages("side en\fside to\fside tre\f");
  ASSERT_EQ(pages.size(), 3u);  // a form feed at the end starts no empty page
  EXPECT_EQ(pages[0].text, "side en");
  EXPECT_EQ(pages[1].text, "side to");
  EXPECT_EQ(pages[2].text, "side tre");
  EXPECT_EQ(pages[2].number, 3);

  // A long text ends its pages at line breaks, and no page passes the limit.
  std::string line = "Fødselsnummer 02013299997 står i denne linjen.\n";
  std::string big;
  while (big.size() < 3 * kMaxTextPageBytes) big += line;
  pages = TextFilePages(big);
  ASSERT_GE(pages.size(), 3u);
  std::string joined;
  for (const Page& p : pages) {
    EXPECT_LE(p.text.size(), kMaxTextPageBytes);
    EXPECT_EQ(p.text.back(), '\n');
    joined += p.text;
  }
  EXPECT_EQ(joined, big);

  // One endless line is cut at a character boundary, never inside "ø".
  std::string endless;
  while (endless.size() < 2 * kMaxTextPageBytes) endless += "ø";
  pages = TextFilePages(endless);
  for (const Page& p : pages) EXPECT_TRUE(IsPlainUtf8Text(p.text));
  EXPECT_EQ(
      pages[0].text.size() + pages[1].text.size() + (pages.size() > 2 ? pages[2].text.size() : 0),
      endless.size());
  EXPECT_EQ(TextFilePages("").size(), 1u);  // an empty text is one empty page
}

}  // namespace
}  // namespace skjerm
