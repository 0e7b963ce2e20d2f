#include "detect/detector.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace skjerm {

DocumentText MakeDocumentText(const Document& document) {
  DocumentText out;
  out.units.reserve(document.pages.size() + document.metadata.size());
  for (const Page& page : document.pages) {
    Location location;
    location.page = page.number;
    out.units.push_back(TextUnit{std::move(location), TextView(page.text)});
  }
  for (const MetadataText& item : document.metadata) {
    Location location;
    location.page = item.page;
    location.metadata = item.source;
    location.field = item.name;
    out.units.push_back(TextUnit{std::move(location), TextView(item.text)});
  }
  return out;
}

double ClampFindingConfidence(double confidence) {
  // Not a number: a rule's arithmetic went wrong. The finding is kept (policy drops those
  // below min_confidence), failing closed.
  if (std::isnan(confidence)) return 1.0;
  return std::clamp(confidence, 0.0, 1.0);
}

Finding MakeFinding(const TextUnit& unit, Category category, std::string rule, size_t view_begin,
                    size_t view_end, double confidence) {
  Finding f;
  f.category = category;
  f.rule = std::move(rule);
  f.location = unit.location;
  f.view_begin = view_begin;
  f.view_end = view_end;
  unit.view.ToOriginal(view_begin, view_end, &f.begin, &f.end);
  f.confidence = ClampFindingConfidence(confidence);
  f.text = unit.view.text().substr(view_begin, view_end - view_begin);
  return f;
}

}  // namespace skjerm
