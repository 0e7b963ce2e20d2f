#include "detect/contacts/contact_detector.h"

#include <utility>

namespace skjerm {

ContactDetector::ContactDetector(std::shared_ptr<const ContactRules> rules)
    : scanner_(std::move(rules)) {}

std::unique_ptr<ContactDetector> ContactDetector::FromFile(const std::string& toml_path) {
  return std::make_unique<ContactDetector>(ContactRules::FromFile(toml_path));
}

std::string_view ContactDetector::name() const { return "contacts"; }

void ContactDetector::Detect(const DocumentText& text, std::vector<Finding>* findings) const {
  for (const ContactItem& item : scanner_.Scan(text, findings)) {
    if (item.party != Party::kPrivate) continue;
    Finding f = MakeFinding(text.units[item.unit], item.category, item.rule, item.begin, item.end,
                            item.confidence);
    f.party_basis = item.basis;
    f.cue_word = item.cue_word;
    if (!item.corrected.empty()) f.text = item.corrected;
    findings->push_back(std::move(f));
  }
}

}  // namespace skjerm
