#include "detect/contacts/contact_scanner.h"

#include <algorithm>
#include <utility>

#include "detect/contacts/contact_document.h"

namespace skjerm {
namespace contact {

Document::Document(const DocumentText& text, const ContactRules& rules,
                   const std::vector<Finding>* earlier)
    : text_(text), rules_(rules), name_spans_(text.units.size()) {
  if (earlier == nullptr) return;
  for (const Finding& f : *earlier) {
    if (f.category != Category::kPersonName) continue;
    for (size_t u = 0; u < text.units.size(); ++u) {
      const Location& at = text.units[u].location;
      if (at == f.location) {
        name_spans_[u].push_back({f.view_begin, f.view_end});
      }
    }
  }
}

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

std::vector<ContactItem> ContactScanner::Scan(const DocumentText& text,
                                              const std::vector<Finding>* earlier) const {
  contact::Document document(text, *rules_, earlier);
  return document.Scan();
}

}  // namespace skjerm
