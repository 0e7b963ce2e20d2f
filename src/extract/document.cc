#include "extract/document.h"

namespace skjerm {

bool PageOwns(const Page& page, size_t offset) {
  return offset >= page.shared_before &&
         (page.shared_after == 0 || offset < page.text.size() - page.shared_after);
}

const char* MediaTypeName(MediaType type) {
  switch (type) {
    case MediaType::kPdf:
      return "pdf";
    case MediaType::kPng:
      return "png";
    case MediaType::kJpeg:
      return "jpeg";
    case MediaType::kTiff:
      return "tiff";
    case MediaType::kText:
      return "text";
    case MediaType::kUnknown:
      break;
  }
  return "unknown";
}

const char* MetadataSourceName(MetadataSource source) {
  switch (source) {
    case MetadataSource::kInfoField:
      return "info";
    case MetadataSource::kAnnotation:
      return "annotation";
    case MetadataSource::kFormField:
      return "form_field";
    case MetadataSource::kEmbeddedFile:
      return "embedded_file";
    case MetadataSource::kJournalField:
      return "journal";
  }
  return "info";
}

}  // namespace skjerm
