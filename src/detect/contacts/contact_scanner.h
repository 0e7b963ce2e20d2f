// Finds addresses, phone numbers and e-mail addresses in a document and decides for each
// whether it belongs to a private person (personal data) or to an organisation (public:
// a letterhead, a switchboard, a post box, a role mailbox, an official's signature).
//
// The decision is made from the letter's structure and from cue words, both read from
// patterns/contacts.toml:
// - where the item stands: the letterhead at the top of a page, the footer at its bottom,
//   the signature block after «Med hilsen» (an official's or a private person's);
// - what the item is: a post box, a role mailbox (postmottak@), a municipal domain, a
//   public e-mail provider (gmail.com), the organisation's own number series;
// - the nearest cue word before it in the same sentence: «mor», «far», «dere»,
//   «vårdnadshavare» say private; «rektor», «sagsbehandleren», «skolen», «Sentralbord»
//   say organisation.
// A number, address or e-mail with no cue at all in a letter's body is reported as
// private with a lower confidence: a leaked private phone number is worse than a false
// hold an archivist can release.
#ifndef SKJERM_DETECT_CONTACTS_CONTACT_SCANNER_H_
#define SKJERM_DETECT_CONTACTS_CONTACT_SCANNER_H_

#include <memory>
#include <string>
#include <vector>

#include "detect/contacts/contact_rules.h"
#include "detect/detector.h"
#include "detect/finding.h"

namespace skjerm {

enum class Party { kPrivate, kOrganisation };

// One piece of contact data and whose it is.
struct ContactItem {
  Category category = Category::kAddress;
  std::string rule;  // "address.street", "phone.se", "email.private", ...
  size_t unit = 0;   // index into DocumentText::units
  size_t begin = 0;  // bytes of the unit's TextView text
  size_t end = 0;
  Party party = Party::kPrivate;
  double confidence = 0.0;
  // Why the party was chosen (the letterhead, a post box, a cue word beside it), and the
  // cue word when that was it. Never the item's own text.
  PartyBasis basis = PartyBasis::kNoCue;
  std::string cue_word;
  // The value as reported when the scanner undid OCR damage in it («Hamnvågen 8» read
  // from a Swedish scan is reported as «Hamnvägen 8»); empty: the text as it stands.
  std::string corrected;
};

class ContactScanner {
 public:
  explicit ContactScanner(std::shared_ptr<const ContactRules> rules);

  // Every contact item of the document, private and organisational, in text order.
  // `earlier`: the findings of the detectors that ran before (may be null); the names
  // among them tell that a street in a sentence is a named person's («hos Kari Lunde i
  // Storgata 3»).
  std::vector<ContactItem> Scan(const DocumentText& text,
                                const std::vector<Finding>* earlier = nullptr) const;

  const ContactRules& rules() const { return *rules_; }

 private:
  std::shared_ptr<const ContactRules> rules_;
};

}  // namespace skjerm

#endif  // SKJERM_DETECT_CONTACTS_CONTACT_SCANNER_H_
