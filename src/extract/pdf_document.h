// An opened PDF, read through both poppler bindings from the same in-memory bytes:
// poppler-cpp for text and rendering, poppler-glib for what the C++ binding does not show
// (annotations, form fields, attachments, image placements). Private to extract/.
#ifndef SKJERM_EXTRACT_PDF_DOCUMENT_H_
#define SKJERM_EXTRACT_PDF_DOCUMENT_H_

#include <glib-object.h>
#include <poppler.h>

#include <memory>
#include <string>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

namespace skjerm {

struct GObjectUnref {
  void operator()(gpointer object) const {
    if (object != nullptr) g_object_unref(object);
  }
};
template <typename T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct GFree {
  void operator()(gpointer memory) const { g_free(memory); }
};
using GCharPtr = std::unique_ptr<gchar, GFree>;

// Copies a glib string (which may be null) and frees it.
std::string TakeGString(gchar* text);

// Keeps poppler's and glib's diagnostics off stderr: they can quote document text.
// Idempotent and thread-safe; called by PdfDocument::Open.
void SilencePoppler();

class PdfDocument {
 public:
  // Throws ExtractionError: "encrypted PDF (password required)", "damaged PDF: ...".
  static std::unique_ptr<PdfDocument> Open(std::shared_ptr<const std::string> bytes);

  int page_count() const { return page_count_; }
  const poppler::document& cpp() const { return *cpp_; }
  PopplerDocument* glib() const { return glib_.get(); }

  // 0-based index. Throws ExtractionError "damaged PDF: page N cannot be read".
  std::unique_ptr<poppler::page> CppPage(int index) const;
  GObjectPtr<PopplerPage> GlibPage(int index) const;

 private:
  PdfDocument() = default;

  // Declared in this order so that glib_ goes first, then cpp_ (see Open), then the bytes
  // both read without copying.
  std::shared_ptr<const std::string> bytes_;
  std::unique_ptr<poppler::document> cpp_;
  GObjectPtr<PopplerDocument> glib_;
  int page_count_ = 0;
};

}  // namespace skjerm

#endif  // SKJERM_EXTRACT_PDF_DOCUMENT_H_
