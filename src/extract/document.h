// A document as skjerm has read it: where it came from, the text of every page with the
// words' boxes, and the text a reader can see outside the pages (info fields, annotations,
// form fields, names of attachments). Produced by extract/, read by every later stage.
#ifndef SKJERM_EXTRACT_DOCUMENT_H_
#define SKJERM_EXTRACT_DOCUMENT_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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
  // Why a PDF page was OCR'd, after "page N " ("has no text layer", "has a text layer that
  // is mostly symbols, not letters"); empty for a text layer, an image file, a blank page.
  // Never quotes the document.
  std::string ocr_reason;
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
// a file: a journal entry's title or parties, judged like document text. kFileName is the
// last part of the document's path, which travels with it into the journal; it is never
// stored in a Document's metadata (the same bytes can come under another name) but judged
// from Document::path.
enum class MetadataSource {
  kInfoField,
  kAnnotation,
  kFormField,
  kEmbeddedFile,
  kJournalField,
  kFileName
};

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

// An OCR confidence made to lie in 0..100; NaN becomes 0 (nothing vouched for).
float ClampOcrConfidence(float confidence);
// True for a finite confidence in 0..100: what a word or a page may carry.
bool IsValidOcrConfidence(float confidence);

const char* MediaTypeName(MediaType type);
// The names JSON output uses: "info", "annotation", ..., "file_name".
const char* MetadataSourceName(MetadataSource source);

// The last part of a path: "a/b/Vedtak.pdf" -> "Vedtak.pdf" (a view into path).
std::string_view FileNameOf(std::string_view path);

}  // namespace skjerm

#endif  // SKJERM_EXTRACT_DOCUMENT_H_
