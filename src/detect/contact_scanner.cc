#include "detect/contact_scanner.h"

#include <algorithm>
#include <utility>

#include "detect/contact_document.h"

namespace skjerm {
namespace contact {

Document::Document(const DocumentText& text, const ContactRules& rules)
    : text_(text), rules_(rules) {}

std::vector<ContactItem> Document::Scan() {
  BuildLayout();
  CollectOrgDomains();
  ClassifySignatures();
  FindEmails();
  FindPhones();
  FindAddresses();
  std::stable_sort(items_.begin(), items_.end(), [](const ContactItem& a, const ContactItem& b) {
    return a.unit != b.unit ? a.unit < b.unit : a.begin < b.begin;
  });
  return std::move(items_);
}

}  // namespace contact

ContactScanner::ContactScanner(std::shared_ptr<const ContactRules> rules)
    : rules_(std::move(rules)) {}

std::vector<ContactItem> ContactScanner::Scan(const DocumentText& text) const {
  contact::Document document(text, *rules_);
  return document.Scan();
}

}  // namespace skjerm
