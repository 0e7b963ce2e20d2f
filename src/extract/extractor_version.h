// What extracted a document, as a string: skjerm's extraction version, Poppler's and
// Tesseract's versions, the OCR languages and the settings that change the text. Text
// cached under one fingerprint is reused only by an extractor with the same fingerprint.
#ifndef SKJERM_EXTRACT_EXTRACTOR_VERSION_H_
#define SKJERM_EXTRACT_EXTRACTOR_VERSION_H_

#include <string>

#include "extract/extract_options.h"

namespace skjerm {

std::string ExtractorFingerprint(const ExtractOptions& options);

}  // namespace skjerm

#endif  // SKJERM_EXTRACT_EXTRACTOR_VERSION_H_
