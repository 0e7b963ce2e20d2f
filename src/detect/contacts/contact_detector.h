// The detector of private persons' contact data: postal addresses («Bakkevegen 12», «2340
// Sørbygda», «c/o …»), phone numbers («412 38 907», «070-123 45 67», «+45 42 17 80 63») and
// e-mail addresses («kari.hansen@gmail.com»), all three from one pass over the document. It
// reads patterns/contacts.toml and reports what the ContactScanner judges a private person's;
// an organisation's is never reported. Immutable after construction; Detect may run on
// several threads at once.
#ifndef SKJERM_DETECT_CONTACTS_CONTACT_DETECTOR_H_
#define SKJERM_DETECT_CONTACTS_CONTACT_DETECTOR_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "detect/contacts/contact_rules.h"
#include "detect/contacts/contact_scanner.h"
#include "detect/detector.h"

namespace skjerm {

class ContactDetector : public Detector {
 public:
  explicit ContactDetector(std::shared_ptr<const ContactRules> rules);
  static std::unique_ptr<ContactDetector> FromFile(const std::string& toml_path);

  std::string_view name() const override;
  // Appends one finding per private person's item.
  void Detect(const DocumentText& text, std::vector<Finding>* findings) const override;

 private:
  ContactScanner scanner_;
};

}  // namespace skjerm

#endif  // SKJERM_DETECT_CONTACTS_CONTACT_DETECTOR_H_
