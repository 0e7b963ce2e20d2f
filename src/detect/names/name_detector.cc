#include "detect/names/name_detector.h"

#include <algorithm>

#include "detect/names/name_context.h"
#include "detect/names/name_document.h"
#include "detect/names/name_list_match.h"
#include "detect/names/name_roster_match.h"

namespace skjerm {

std::unique_ptr<NameDetector> NameDetector::Create(const std::string& patterns_dir,
                                                   std::shared_ptr<const Roster> roster) {
  person_names::Rules rules = person_names::Rules::Load(patterns_dir);
  if (roster != nullptr && roster->empty()) roster = nullptr;
  return std::unique_ptr<NameDetector>(new NameDetector(std::move(rules), std::move(roster)));
}

void NameDetector::Detect(const DocumentText& text, std::vector<Finding>* findings) const {
  using person_names::NameCandidate;
  person_names::NameDocument doc(text, *findings, rules_);
  const person_names::Context context(rules_);
  if (roster_ != nullptr) person_names::RosterMatch(rules_, context, *roster_, &doc).Run();
  person_names::ListMatch(rules_, context, &doc).Run();
  std::stable_sort(doc.candidates.begin(), doc.candidates.end(),
                   [](const NameCandidate& a, const NameCandidate& b) {
                     return a.unit != b.unit ? a.unit < b.unit : a.first < b.first;
                   });
  for (const NameCandidate& c : doc.candidates) {
    const person_names::NameUnit& unit = doc.units[c.unit];
    Finding f = MakeFinding(*unit.unit, Category::kPersonName, c.rule, unit.tokens[c.first].begin,
                            unit.tokens[c.last - 1].end, c.confidence);
    f.flags = c.flags;
    findings->push_back(std::move(f));
  }
}

}  // namespace skjerm
