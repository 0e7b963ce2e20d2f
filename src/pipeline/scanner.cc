#include "pipeline/scanner.h"

#include <algorithm>
#include <tuple>

namespace skjerm {
namespace {

bool ReadingOrder(const Finding& a, const Finding& b) {
  const int ma = a.location.is_page_text() ? 0 : 1;
  const int mb = b.location.is_page_text() ? 0 : 1;
  return std::tie(ma, a.location.page, a.location.field, a.begin, a.end) <
         std::tie(mb, b.location.page, b.location.field, b.begin, b.end);
}

}  // namespace

std::vector<Finding> Scanner::FindPersonalData(const DocumentText& text) const {
  std::vector<Finding> findings;
  for (const auto& detector : rules_.detectors()) detector->Detect(text, &findings);
  std::stable_sort(findings.begin(), findings.end(), ReadingOrder);
  return findings;
}

Verdict Scanner::Judge(const Document& document,
                       const std::optional<ExemptionMarking>& extra_marking) const {
  const DocumentText text = MakeDocumentText(document);
  std::vector<Finding> findings = FindPersonalData(text);
  std::optional<ExemptionMarking> marking = rules_.markings().Find(text);
  if (!marking) marking = extra_marking;
  return rules_.policy().Decide(document, std::move(marking), std::move(findings));
}

}  // namespace skjerm
