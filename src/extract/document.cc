#include "extract/document.h"

#include <algorithm>

namespace skjerm {

float ClampOcrConfidence(float confidence) {
  if (!(confidence >= 0)) return 0;  // negative or NaN
  return std::min(confidence, 100.0f);
}

bool IsValidOcrConfidence(float confidence) { return confidence >= 0 && confidence <= 100; }

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
    case MetadataSource::kFileName:
      return "file_name";
  }
  return "info";
}

std::string_view FileNameOf(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace skjerm
