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

// The pages' own text, without what they share with their neighbours.
std::string OwnTextOf(const std::vector<Page>& pages) {
  std::string own;
  for (const Page& p : pages) {
    own += p.text.substr(p.shared_before, p.text.size() - p.shared_before - p.shared_after);
  }
  return own;
}

// What a page shares with the next is the text around their cut, the same on both.
void ExpectNeighboursShareTheirText(const std::vector<Page>& pages) {
  for (size_t i = 0; i + 1 < pages.size(); ++i) {
    const Page& a = pages[i];
    const Page& b = pages[i + 1];
    EXPECT_GT(a.shared_after, 0u);
    EXPECT_GT(b.shared_before, 0u);
    EXPECT_LE(a.shared_after, kTextPageOverlapBytes);
    EXPECT_LE(b.shared_before, kTextPageOverlapBytes);
    // a's own end + shared_after == b's text after its shared_before.
    EXPECT_EQ(a.text.substr(a.text.size() - a.shared_after),
              b.text.substr(b.shared_before, a.shared_after));
    EXPECT_EQ(b.text.substr(0, b.shared_before),
              a.text.substr(a.text.size() - a.shared_after - b.shared_before, b.shared_before));
  }
  EXPECT_EQ(pages.front().shared_before, 0u);
  EXPECT_EQ(pages.back().shared_after, 0u);
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
  for (const Page& p : pages) {
    EXPECT_LE(p.text.size(), kMaxTextPageBytes);
    EXPECT_EQ(p.text.back(), '\n');
  }
  EXPECT_EQ(OwnTextOf(pages), big);
  ExpectNeighboursShareTheirText(pages);
  // Shared text starts and ends at line breaks too.
  EXPECT_EQ(pages[1].text.substr(0, line.size()), line);

  // One endless line is cut at a character boundary, never inside "ø".
  std::string endless;
  while (endless.size() < 2 * kMaxTextPageBytes) endless += "ø";
  pages = TextFilePages(endless);
  ASSERT_GE(pages.size(), 2u);
  for (const Page& p : pages) EXPECT_TRUE(IsPlainUtf8Text(p.text));
  EXPECT_EQ(OwnTextOf(pages), endless);
  ExpectNeighboursShareTheirText(pages);
  EXPECT_EQ(TextFilePages("").size(), 1u);  // an empty text is one empty page
}

TEST(ExtractSourceFileTest, ALongLineIsCutBetweenWordsNeverInOne) {
  // Words and spaces without a line break: the old cut fell at exactly 256 KiB, inside
  // whatever word stood there.
  std::string text;
  while (text.size() < kMaxTextPageBytes - 5) text += "ord ";
  text += "0201329999712345 ";
  while (text.size() < 3 * kMaxTextPageBytes) text += "ord ";
  const std::vector<Page> pages = TextFilePages(text);
  ASSERT_GE(pages.size(), 2u);
  EXPECT_EQ(OwnTextOf(pages), text);
  ExpectNeighboursShareTheirText(pages);
  for (const Page& p : pages) {
    const std::string own =
        p.text.substr(p.shared_before, p.text.size() - p.shared_before - p.shared_after);
    EXPECT_EQ(own.back(), ' ') << "page " << p.number << " ends inside a word";
    // The long number is whole wherever it stands.
    const size_t at = p.text.find("02013299");
    if (at != std::string::npos) {
      EXPECT_EQ(p.text.substr(at, 16), "0201329999712345");
    }
  }
}

TEST(ExtractSourceFileTest, PageOwnsWhatStartsInItsOwnText) {
  Page page;
  page.text = "shared own text shared";
  page.shared_before = 7;
  page.shared_after = 7;
  EXPECT_FALSE(PageOwns(page, 0));
  EXPECT_FALSE(PageOwns(page, 6));
  EXPECT_TRUE(PageOwns(page, 7));
  EXPECT_TRUE(PageOwns(page, 14));
  EXPECT_FALSE(PageOwns(page, 15));
  Page whole;
  whole.text = "all mine";
  EXPECT_TRUE(PageOwns(whole, 0));
  EXPECT_TRUE(PageOwns(whole, 7));
}

}  // namespace
}  // namespace skjerm
