#include "detect/contacts/contact_scanner.h"

#include <algorithm>
#include <utility>

#include "detect/contacts/contact_letter.h"

namespace skjerm {
namespace contact {

Document::Document(const DocumentText& text, const ContactRules& rules,
                   const std::vector<Finding>* earlier)
    : rules_(rules), names_(NamesFoundBefore(text, earlier)) {
  layout_ = ReadLayout(rules, text, names_);
  writer_ = ReadWriterProfile(rules, layout_);
  layout_ = ClassifySignatures(rules, writer_, std::move(layout_));
  cues_.emplace(rules, layout_, names_, writer_);
}

std::vector<ContactItem> Document::Scan() {
  items_ = FindEmails(rules_, layout_, writer_, *cues_);
  for (ContactItem& item : FindPhones(rules_, layout_, writer_, *cues_)) {
    items_.push_back(std::move(item));
  }
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
