// Poppler's complaints about a page, caught while the page is read and sorted into what they
// mean for it: a page Poppler complained about is not trusted to be what its text layer
// says (extractor.cc OCRs it), and one whose content Poppler could not draw is not read at
// all (an error).
//
// Poppler reports problems through one process-wide callback, not per document: poppler
// core's error callback, which the first poppler-cpp document of the process points at
// poppler-cpp's debug function (PdfDocument::Open makes its poppler-cpp document before the
// poppler-glib one, so glib's documents report the same way). InstallPopplerErrorSink()
// points that function here once; every PopplerErrorScope alive when a message arrives
// receives it. Contract: the extraction worker reads one document, one page at a time, so
// a scope around a page's reading gets exactly that page's messages. Where several threads
// read at once (the in-process reader in tests), a message reaches every open scope: a
// page may be blamed for another's problem, never cleared of its own (fail closed).
// Messages outside any scope (opening the document) are dropped. Messages can quote the
// document, so they are never kept as text; only their kind, and a filter's name checked
// to be a plain short word, survive.
#ifndef SKJERM_EXTRACT_POPPLER_ERRORS_H_
#define SKJERM_EXTRACT_POPPLER_ERRORS_H_

#include <string>
#include <string_view>
#include <vector>

namespace skjerm {

enum class PopplerProblem {
  kUnknownFilter,      // a stream with a filter Poppler does not know: not decoded
  kUndecodableStream,  // compressed data that does not decode (flate, LZW, ...)
  kMissingObject,      // an object the page refers to is not in the file
  kMissingFont,        // a font the content names is not in the page's resources
  kUnavailableFont,    // a font neither embedded nor available here (CJK without poppler-data)
  kDamagedContent,     // drawing instructions Poppler could not follow (some not drawn)
  kUnicodeMap,         // the text layer's character map is damaged; drawing is not affected
  kFontWarning,        // a font Poppler draws anyway (mismatched type, bad metrics)
  kPictureCopy,        // a picture could not be copied out for OCR (poppler-glib's cairo)
  kOther,              // anything else Poppler called an error
};

// What one message means. `message` as poppler-cpp passes it ("error (123): ...").
PopplerProblem ClassifyPopplerMessage(std::string_view message);

// The problems of one page, in the order they came, without duplicates.
struct PopplerProblems {
  std::vector<PopplerProblem> kinds;
  std::string unknown_filter;  // the first unknown filter's name, when it is safe to show

  bool empty() const { return kinds.empty(); }
  // True when part of the page was probably not drawn: every problem but the text-only and
  // cosmetic ones and a picture not copied out (the page is drawn for OCR by poppler-cpp,
  // not by cairo). Unknown messages count (fail closed).
  bool ContentLost() const;
  // For a person: "the PDF's content could not be decoded (unknown filter /Foo)". The most
  // serious problem, and how many more there were.
  std::string Describe() const;

  void Add(PopplerProblem kind, std::string_view message);
};

// Collects Poppler's messages while it is alive. Not copyable or movable; its address is
// registered with the sink. Thread-safe.
class PopplerErrorScope {
 public:
  PopplerErrorScope();
  ~PopplerErrorScope();
  PopplerErrorScope(const PopplerErrorScope&) = delete;
  PopplerErrorScope& operator=(const PopplerErrorScope&) = delete;

  // The problems so far.
  PopplerProblems problems() const;

  // Hands `message` to every open scope, as Poppler's callback does. Public for tests.
  static void Deliver(std::string_view message);

 private:
  PopplerProblems problems_;  // guarded by the sink's mutex
};

// Routes poppler-cpp's debug messages to the open scopes (and nowhere else: they can quote
// document text). Idempotent and thread-safe; called by PdfDocument::Open.
void InstallPopplerErrorSink();

}  // namespace skjerm

#endif  // SKJERM_EXTRACT_POPPLER_ERRORS_H_
