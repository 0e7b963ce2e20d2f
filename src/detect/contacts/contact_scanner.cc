#include "detect/contacts/contact_scanner.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "detect/contacts/contact_letter.h"

namespace skjerm {
namespace contact {
namespace {

void Append(std::vector<ContactItem> more, std::vector<ContactItem>* items) {
  items->insert(items->end(), std::make_move_iterator(more.begin()),
                std::make_move_iterator(more.end()));
}

// The steps in order, each reading what those before it made: the layout before anything
// is decided, the writer's profile before the signature blocks get their zone, the cues
// only once the layout is final.
std::vector<ContactItem> ScanLetter(const ContactRules& rules, const DocumentText& text,
                                    const std::vector<Finding>* earlier) {
  const PersonNames names = NamesFoundBefore(text, earlier);
  LetterLayout zoned = ReadLayout(rules, text, names);
  const WriterProfile writer = ReadWriterProfile(rules, zoned);
  const LetterLayout layout = ClassifySignatures(rules, writer, std::move(zoned));
  const CueReader cues(rules, layout, names, writer);
  std::vector<ContactItem> items = FindEmails(rules, layout, writer, cues);
  Append(FindPhones(rules, layout, writer, cues), &items);
  Append(FindAddresses(rules, layout, writer, cues), &items);
  std::stable_sort(items.begin(), items.end(), [](const ContactItem& a, const ContactItem& b) {
    return a.unit != b.unit ? a.unit < b.unit : a.begin < b.begin;
  });
  return items;
}

}  // namespace
}  // namespace contact

ContactScanner::ContactScanner(std::shared_ptr<const ContactRules> rules)
    : rules_(std::move(rules)) {}

std::vector<ContactItem> ContactScanner::Scan(const DocumentText& text,
                                              const std::vector<Finding>* earlier) const {
  return contact::ScanLetter(*rules_, text, earlier);
}

}  // namespace skjerm
