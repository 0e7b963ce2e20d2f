// Detectors for private persons' contact data: postal addresses, phone numbers and e-mail
// addresses. One ContactDetector reports all three from one pass over the document (what a
// scan uses); the per-category classes report one each. All read patterns/contacts.toml and
// share the ContactScanner's judgement of what is an organisation's (never reported) and
// what is a private person's.
#ifndef SKJERM_DETECT_CONTACTS_CONTACT_DETECTOR_H_
#define SKJERM_DETECT_CONTACTS_CONTACT_DETECTOR_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detect/contacts/contact_rules.h"
#include "detect/contacts/contact_scanner.h"
#include "detect/detector.h"

namespace skjerm {

class ContactDetector : public Detector {
 public:
  // Reports `category`, or all three when it is nullopt.
  ContactDetector(std::shared_ptr<const ContactRules> rules, std::optional<Category> category);
  // All three categories.
  static std::unique_ptr<ContactDetector> FromFile(const std::string& toml_path);

  std::string_view name() const override;
  // Appends one finding per private person's item of this detector's categories.
  void Detect(const DocumentText& text, std::vector<Finding>* findings) const override;

 private:
  ContactScanner scanner_;
  std::optional<Category> category_;
};

// «Bakkevegen 12», «2340 Sørbygda», «c/o …»: rules address.street, address.postcode,
// address.co.
class AddressDetector : public ContactDetector {
 public:
  explicit AddressDetector(std::shared_ptr<const ContactRules> rules)
      : ContactDetector(std::move(rules), Category::kAddress) {}
  static std::unique_ptr<AddressDetector> FromFile(const std::string& toml_path);
};

// «412 38 907», «070-123 45 67», «+45 42 17 80 63»: rules phone.no, phone.se, phone.dk.
class PhoneDetector : public ContactDetector {
 public:
  explicit PhoneDetector(std::shared_ptr<const ContactRules> rules)
      : ContactDetector(std::move(rules), Category::kPhone) {}
  static std::unique_ptr<PhoneDetector> FromFile(const std::string& toml_path);
};

// «kari.hansen@gmail.com»: rule email.private.
class EmailDetector : public ContactDetector {
 public:
  explicit EmailDetector(std::shared_ptr<const ContactRules> rules)
      : ContactDetector(std::move(rules), Category::kEmail) {}
  static std::unique_ptr<EmailDetector> FromFile(const std::string& toml_path);
};

}  // namespace skjerm

#endif  // SKJERM_DETECT_CONTACTS_CONTACT_DETECTOR_H_
