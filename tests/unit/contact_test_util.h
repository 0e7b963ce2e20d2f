// Helpers for the contact detector tests: letters built by hand, the real rule file.
#ifndef SKJERM_TESTS_UNIT_CONTACT_TEST_UTIL_H_
#define SKJERM_TESTS_UNIT_CONTACT_TEST_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include "detect/contacts/contact_detector.h"
#include "detect/contacts/contact_rules.h"
#include "detect/contacts/contact_scanner.h"
#include "detect/detector.h"
#include "report/scan_report.h"

namespace skjerm {
namespace testing_contact {

inline std::shared_ptr<const ContactRules> Rules() {
  static const std::shared_ptr<const ContactRules> rules =
      ContactRules::FromFile(std::string(SKJERM_PATTERNS_DIR) + "/contacts.toml");
  return rules;
}

// A letter of one or more pages of text.
inline DocumentText Letter(const std::vector<std::string>& pages) {
  DocumentText doc;
  for (size_t i = 0; i < pages.size(); ++i) {
    Location location;
    location.page = static_cast<int>(i) + 1;
    doc.units.push_back(TextUnit{location, TextView(pages[i])});
  }
  return doc;
}

// The findings the ContactDetector adds after `earlier` (the findings of the detectors that
// ran before it), of `category` only: it reports addresses, phones and e-mails in one pass,
// and a test of one of them keeps that one's.
inline std::vector<Finding> FindingsOf(Category category, const DocumentText& doc,
                                       std::vector<Finding> earlier = {}) {
  const ContactDetector detector(Rules());
  const size_t before = earlier.size();
  detector.Detect(doc, &earlier);
  std::vector<Finding> out;
  for (size_t i = before; i < earlier.size(); ++i) {
    if (earlier[i].category == category) out.push_back(earlier[i]);
  }
  return out;
}

inline std::vector<std::string> RulesAndTexts(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(f.rule + "|" + f.text);
  return out;
}

// "rule|text" of every finding the ContactDetector reports.
inline std::vector<std::string> Found(const DocumentText& doc) {
  std::vector<Finding> findings;
  ContactDetector(Rules()).Detect(doc, &findings);
  return RulesAndTexts(findings);
}

// "rule|text" of every finding of `category` the ContactDetector reports.
inline std::vector<std::string> Found(Category category, const DocumentText& doc) {
  return RulesAndTexts(FindingsOf(category, doc));
}

// "text|reason" of every item of `category` the scanner judged an organisation's.
inline std::vector<std::string> Organisation(const DocumentText& doc, Category category) {
  ContactScanner scanner(Rules());
  std::vector<std::string> out;
  for (const ContactItem& item : scanner.Scan(doc)) {
    if (item.category != category || item.party != Party::kOrganisation) continue;
    const std::string& text = doc.units[item.unit].view.text();
    out.push_back(text.substr(item.begin, item.end - item.begin) + "|" +
                  PartyBasisText(item.basis, item.cue_word));
  }
  return out;
}

}  // namespace testing_contact
}  // namespace skjerm

#endif  // SKJERM_TESTS_UNIT_CONTACT_TEST_UTIL_H_
