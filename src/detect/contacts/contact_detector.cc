#include "detect/contacts/contact_detector.h"

#include <utility>

namespace skjerm {

ContactDetector::ContactDetector(std::shared_ptr<const ContactRules> rules,
                                 std::optional<Category> category)
    : scanner_(std::move(rules)), category_(category) {}

std::unique_ptr<ContactDetector> ContactDetector::FromFile(const std::string& toml_path) {
  return std::make_unique<ContactDetector>(ContactRules::FromFile(toml_path), std::nullopt);
}

std::string_view ContactDetector::name() const {
  if (!category_) return "contacts";
  switch (*category_) {
    case Category::kAddress:
      return "address";
    case Category::kPhone:
      return "phone";
    case Category::kEmail:
      return "email";
    default:
      return "contact";
  }
}

void ContactDetector::Detect(const DocumentText& text, std::vector<Finding>* findings) const {
  for (const ContactItem& item : scanner_.Scan(text, findings)) {
    if ((category_ && item.category != *category_) || item.party != Party::kPrivate) continue;
    Finding f = MakeFinding(text.units[item.unit], item.category, item.rule, item.begin, item.end,
                            item.confidence);
    f.party_basis = item.basis;
    f.cue_word = item.cue_word;
    if (!item.corrected.empty()) f.text = item.corrected;
    findings->push_back(std::move(f));
  }
}

std::unique_ptr<AddressDetector> AddressDetector::FromFile(const std::string& toml_path) {
  return std::make_unique<AddressDetector>(ContactRules::FromFile(toml_path));
}

std::unique_ptr<PhoneDetector> PhoneDetector::FromFile(const std::string& toml_path) {
  return std::make_unique<PhoneDetector>(ContactRules::FromFile(toml_path));
}

std::unique_ptr<EmailDetector> EmailDetector::FromFile(const std::string& toml_path) {
  return std::make_unique<EmailDetector>(ContactRules::FromFile(toml_path));
}

}  // namespace skjerm
