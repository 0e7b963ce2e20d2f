// The one way extraction fails: a reason an archivist can act on ("the PDF is encrypted",
// "the file is truncated"). The pipeline turns it into the decision `error`, which holds.
#ifndef SKJERM_EXTRACT_EXTRACTION_ERROR_H_
#define SKJERM_EXTRACT_EXTRACTION_ERROR_H_

#include <stdexcept>
#include <string>

namespace skjerm {

class ExtractionError : public std::runtime_error {
 public:
  explicit ExtractionError(const std::string& reason) : std::runtime_error(reason) {}
};

}  // namespace skjerm

#endif  // SKJERM_EXTRACT_EXTRACTION_ERROR_H_
