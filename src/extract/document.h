// A document as skjerm has read it: where it came from, the text of every page with the
// words' boxes, and the text a reader can see outside the pages (info fields, annotations,
// form fields, names of attachments). Produced by extract/, read by every later stage.
#ifndef SKJERM_EXTRACT_DOCUMENT_H_
#define SKJERM_EXTRACT_DOCUMENT_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace skjerm {

// A rectangle in page coordinates: PDF points (1/72 inch), origin at the top left.
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// One word of a page, as the text layer or OCR gave it.
struct Word {
  Box box;
  // The word's bytes in Page::text: text.substr(begin, end - begin).
  size_t begin = 0;
  size_t end = 0;
  // OCR confidence 0..100; 100 for words of a text layer.
  float confidence = 100;
};

enum class PageOrigin { kTextLayer, kOcr };

struct Page {
  int number = 0;  // 1-based
  // UTF-8. Words are separated by spaces, lines by '\n', blocks by an empty line.
  std::string text;
  std::vector<Word> words;
  PageOrigin origin = PageOrigin::kTextLayer;
  // Mean word confidence 0..100 of an OCR'd page; nullopt for a text layer, and for a page
  // that the blank test found empty (origin kOcr, empty text, ocr_dpi 0: nothing to read).
  std::optional<float> ocr_confidence;
  double width_pt = 0;
  double height_pt = 0;
  // Resolution the page was rendered at for OCR; 0 for a text layer.
  int ocr_dpi = 0;
  // A text file too long for one page is cut between words, and each piece repeats a little
  // of the text on either side of its cuts, so that a value written across a cut is whole on
  // one page: the first shared_before bytes of text repeat the end of the page before, the
  // last shared_after bytes the start of the page after. 0 on every other page.
  size_t shared_before = 0;
  size_t shared_after = 0;
};

// Whether a finding that starts at byte `offset` of the page's text belongs to this page:
// it starts in the page's own text, not in what it shares with its neighbours (which judge
// it themselves). So a value near a cut is reported once.
bool PageOwns(const Page& page, size_t offset);

// Where a piece of text outside the page content comes from. kJournalField is not part of
// a file: a journal entry's title or parties, judged like document text.
enum class MetadataSource { kInfoField, kAnnotation, kFormField, kEmbeddedFile, kJournalField };

struct MetadataText {
  MetadataSource source = MetadataSource::kInfoField;
  std::string name;  // "Title", "Author", the annotation's type, the field's name, ...
  int page = 0;      // page of an annotation or form field; 0 for the whole document
  std::string text;  // UTF-8
};

enum class MediaType { kUnknown, kPdf, kPng, kJpeg, kTiff, kText };

struct Document {
  std::string path;
  std::string sha256;  // lower-case hex of the file's bytes
  uint64_t size = 0;
  MediaType media_type = MediaType::kUnknown;
  std::vector<Page> pages;
  std::vector<MetadataText> metadata;
};

const char* MediaTypeName(MediaType type);
const char* MetadataSourceName(MetadataSource source);

}  // namespace skjerm

#endif  // SKJERM_EXTRACT_DOCUMENT_H_
