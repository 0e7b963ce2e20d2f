#include "extract/document.h"

#include <algorithm>

namespace skjerm {

float ClampOcrConfidence(float confidence) {
  if (!(confidence >= 0)) return 0;  // negative or NaN
  return std::min(confidence, 100.0f);
}

bool IsValidOcrConfidence(float confidence) { return confidence >= 0 && confidence <= 100; }

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
