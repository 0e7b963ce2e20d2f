#include "pipeline/scanner.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace skjerm {
namespace {

bool ReadingOrder(const Finding& a, const Finding& b) {
  const int ma = a.location.is_page_text() ? 0 : 1;
  const int mb = b.location.is_page_text() ? 0 : 1;
  return std::tie(ma, a.location.page, a.location.field, a.begin, a.end) <
         std::tie(mb, b.location.page, b.location.field, b.begin, b.end);
}

// A long text file's pages share the text around their cuts; a finding there is reported
// by the page that owns it, once.
void DropSharedFindings(const Document& document, std::vector<Finding>* findings) {
  std::unordered_map<int, const Page*> shared;
  for (const Page& page : document.pages) {
    if (page.shared_before > 0 || page.shared_after > 0) shared[page.number] = &page;
  }
  if (shared.empty()) return;
  std::erase_if(*findings, [&](const Finding& f) {
    if (!f.location.is_page_text()) return false;
    const auto it = shared.find(f.location.page);
    return it != shared.end() && !PageOwns(*it->second, f.begin);
  });
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
  DropSharedFindings(document, &findings);
  std::optional<ExemptionMarking> marking = rules_.markings().Find(text);
  if (!marking) marking = extra_marking;
  return rules_.policy().Decide(document, std::move(marking), std::move(findings));
}

}  // namespace skjerm
