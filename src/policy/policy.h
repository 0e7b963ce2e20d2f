// The policy: which findings hold a letter that has no exemption marking, read from a small
// documented file (patterns/policy.toml). The default is the strict one.
#ifndef SKJERM_POLICY_POLICY_H_
#define SKJERM_POLICY_POLICY_H_

#include <optional>
#include <string>
#include <vector>

#include "detect/finding.h"
#include "extract/document.h"
#include "policy/exemption_marking.h"
#include "policy/verdict.h"

namespace skjerm {

struct PolicyRules {
  bool hold_national_id = true;
  bool hold_birth_date = true;
  bool hold_pupil_name = true;
  bool hold_guardian_name = true;
  bool hold_private_name_in_case = true;
  bool hold_private_name_with_contact = true;
  bool hold_private_name = false;
  bool hold_contact_without_name = false;
  // The applicant and the property's address in a building, planning or property matter
  // (FindingFlag::kProperty): public by practice, so off by default.
  bool hold_property_matters = false;

  // Whether the policy lets `f` be published as it stands: a property matter's public data
  // while hold_property_matters is off. Such a finding neither holds nor is masked.
  bool Publishes(const Finding& f) const {
    return !hold_property_matters && f.flags.Has(FindingFlag::kProperty);
  }
  // Personal data of any kind in what the public journal prints for an entry: its title (or
  // public title) and its parties. Masked in the public title either way.
  bool hold_in_title = true;
  bool hold_in_parties = true;
  // A protected identity holds even a letter marked exempt: the journal entry itself
  // must not carry the name. Not a knob.
  // Findings below this confidence are dropped before deciding.
  double min_confidence = 0.5;
  // An OCR'd page read with less mean word confidence (0..100) than this cannot vouch for a
  // `pass`. Real scans read 89-95; a mirrored or 40-dpi letter reads about 60 and misreads
  // its numbers.
  double min_ocr_confidence = 70;
};

class Policy {
 public:
  explicit Policy(PolicyRules rules) : rules_(rules) {}
  // Throws std::runtime_error naming the file when it cannot be read.
  static Policy FromFile(const std::string& path);

  const PolicyRules& rules() const { return rules_; }

  // Decides about a document from its marking and findings. Findings below the confidence
  // threshold are dropped from the verdict.
  Verdict Decide(const Document& document, std::optional<ExemptionMarking> marking,
                 std::vector<Finding> findings) const;

 private:
  PolicyRules rules_;
};

// Why `page` cannot vouch for a pass: an OCR'd page with ink whose reading is too weak
// (no words, or a mean word confidence below min_ocr_confidence, or an impossible one);
// "" when it can. A blank page (no confidence: nothing to read) and a text-layer page can.
std::string UnreadPageReason(const Page& page, double min_ocr_confidence);

}  // namespace skjerm

#endif  // SKJERM_POLICY_POLICY_H_
