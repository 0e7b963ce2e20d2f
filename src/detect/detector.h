// The seam between normalisation and detection. A detector looks at all text units of a
// document at once (so that a name mentioned in full on page 1 can be recognised alone on
// page 2) and appends what it finds. Detectors run in a fixed order and may read the
// findings of those before them (a birth date beside a national ID or a name).
//
// Detectors are built once from the rule files and then shared by all worker threads:
// Detect() must be const and thread-safe (RE2 matching is).
#ifndef SKJERM_DETECT_DETECTOR_H_
#define SKJERM_DETECT_DETECTOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "detect/finding.h"
#include "normalize/text_view.h"

namespace skjerm {

// One page's text or one metadata item, normalised.
struct TextUnit {
  Location location;
  TextView view;
};

struct DocumentText {
  std::vector<TextUnit> units;
};

// Builds the document's text units: every page, then every metadata item.
DocumentText MakeDocumentText(const Document& document);

class Detector {
 public:
  virtual ~Detector() = default;
  virtual std::string_view name() const = 0;
  virtual void Detect(const DocumentText& text, std::vector<Finding>* findings) const = 0;
};

// A finding's confidence made to lie in 0..1; NaN becomes 1 (kept: fail closed).
double ClampFindingConfidence(double confidence);

// A finding for [view_begin, view_end) of `unit`, with the original span and text filled in.
// Its confidence is clamped to 0..1.
Finding MakeFinding(const TextUnit& unit, Category category, std::string rule, size_t view_begin,
                    size_t view_end, double confidence);

}  // namespace skjerm

#endif  // SKJERM_DETECT_DETECTOR_H_
