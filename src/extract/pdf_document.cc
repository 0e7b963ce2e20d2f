#include "extract/pdf_document.h"

#include <limits>
#include <mutex>
#include <string_view>

#include "extract/extraction_error.h"
#include "extract/poppler_errors.h"

namespace skjerm {
namespace {

void IgnoreGlibMessage(const gchar* /*domain*/, GLogLevelFlags /*level*/, const gchar* /*message*/,
                       gpointer /*data*/) {}

// A complete PDF ends with "%%EOF" (some writers add a little junk after it). Poppler
// repairs a truncated file silently and shows whatever pages survive, so skjerm checks
// itself: a document that lost its tail may have lost text.
bool HasEndOfFileMarker(std::string_view bytes) {
  constexpr size_t kTail = 4096;
  const std::string_view tail = bytes.size() > kTail ? bytes.substr(bytes.size() - kTail) : bytes;
  return tail.find("%%EOF") != std::string_view::npos;
}

void ReleaseSharedBytes(gpointer data) {
  delete static_cast<std::shared_ptr<const std::string>*>(data);
}

}  // namespace

std::string TakeGString(gchar* text) {
  GCharPtr owned(text);
  return owned ? std::string(owned.get()) : std::string();
}

void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    InstallPopplerErrorSink();  // Poppler's messages go to the page being read, not stderr
    const auto all =
        static_cast<GLogLevelFlags>(G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION);
    g_log_set_handler("Poppler", all, IgnoreGlibMessage, nullptr);
  });
}

std::unique_ptr<PdfDocument> PdfDocument::Open(std::shared_ptr<const std::string> bytes) {
  SilencePoppler();
  if (bytes->size() > static_cast<size_t>(std::numeric_limits<int>::max())) {
    throw ExtractionError("PDF too large for the PDF reader");
  }
  // The poppler-cpp document is made first, and outlives the glib one: poppler-cpp creates
  // poppler's process-wide GlobalParams under a lock and frees them when its last document
  // goes, while poppler-glib creates them unlocked if they are missing. With a poppler-cpp
  // document alive around every glib call, glib always finds them in place.
  std::unique_ptr<PdfDocument> doc(new PdfDocument);
  doc->bytes_ = bytes;
  doc->cpp_.reset(
      poppler::document::load_from_raw_data(bytes->data(), static_cast<int>(bytes->size())));
  if (doc->cpp_ == nullptr) throw ExtractionError("damaged PDF: cannot be opened");
  if (doc->cpp_->is_locked()) throw ExtractionError("encrypted PDF (password required)");
  if (!HasEndOfFileMarker(*bytes)) {
    throw ExtractionError("damaged PDF: the file is truncated (no end-of-file marker)");
  }
  doc->page_count_ = doc->cpp_->pages();
  if (doc->page_count_ <= 0) throw ExtractionError("damaged PDF: no pages");

  GBytes* shared = g_bytes_new_with_free_func(bytes->data(), bytes->size(), ReleaseSharedBytes,
                                              new std::shared_ptr<const std::string>(bytes));
  GError* error = nullptr;
  doc->glib_.reset(poppler_document_new_from_bytes(shared, nullptr, &error));
  g_bytes_unref(shared);  // the document holds its own reference
  if (doc->glib_ == nullptr) {
    const bool encrypted = error != nullptr && error->domain == POPPLER_ERROR &&
                           error->code == POPPLER_ERROR_ENCRYPTED;
    if (error != nullptr) g_error_free(error);
    throw ExtractionError(encrypted ? "encrypted PDF (password required)"
                                    : "damaged PDF: cannot be opened");
  }
  if (poppler_document_get_n_pages(doc->glib_.get()) != doc->page_count_) {
    throw ExtractionError("damaged PDF: the page count is ambiguous");
  }
  return doc;
}

std::unique_ptr<poppler::page> PdfDocument::CppPage(int index) const {
  std::unique_ptr<poppler::page> page(cpp_->create_page(index));
  if (page == nullptr) {
    throw ExtractionError("damaged PDF: page " + std::to_string(index + 1) + " cannot be read");
  }
  return page;
}

GObjectPtr<PopplerPage> PdfDocument::GlibPage(int index) const {
  GObjectPtr<PopplerPage> page(poppler_document_get_page(glib_.get(), index));
  if (page == nullptr) {
    throw ExtractionError("damaged PDF: page " + std::to_string(index + 1) + " cannot be read");
  }
  return page;
}

}  // namespace skjerm
