// What skjerm decides about one document, and why, in words an archivist understands.
#ifndef SKJERM_POLICY_VERDICT_H_
#define SKJERM_POLICY_VERDICT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detect/finding.h"
#include "policy/exemption_marking.h"

namespace skjerm {

enum class Decision {
  kPass,    // may be published
  kExempt,  // carries an exemption marking: published in the journal only as exempt
  kHold,    // carries personal data and no marking: must not be published
  kError,   // could not be read: blocks like kHold
};

const char* DecisionName(Decision decision);
std::optional<Decision> DecisionFromName(std::string_view name);

// Hold and error both stop publication.
inline bool Blocks(Decision d) { return d == Decision::kHold || d == Decision::kError; }

// The one severity ranking, for a document's pages and an entry's documents alike:
// pass < exempt < hold < error (an entry is as bad as its worst part).
inline Decision MoreSevere(Decision a, Decision b) {
  return static_cast<int>(b) > static_cast<int>(a) ? b : a;
}

// Why something is held: the policy rule that applies (the keys of policy.toml's [hold] and
// [journal] tables). Code branches on these; the words for them are made apart
// (policy/hold_wording.h for the recorded reason, report/ for the JSON names).
enum class HoldGround : uint8_t {
  kNationalId,
  kBirthDate,
  kProtectedIdentity,  // a protected identity, held even when the letter is marked
  kPupilName,
  kGuardianName,
  kPrivateNameInCase,
  kPrivateName,
  kPrivateNameWithContact,
  kPrivateContact,  // contact details without a name ([hold] contact_without_name)
  kFileName,        // personal data in the file name, which the journal shows, marked or not
  kPrintedField,    // entries: personal data in a field the public journal prints
};

// A protected identity and personal data in the file name hold even a marked document: the
// journal shows the entry and the file name whatever the marking says.
inline bool HoldsWhenMarked(HoldGround g) {
  return g == HoldGround::kProtectedIdentity || g == HoldGround::kFileName;
}

// One finding that holds a document, on which ground: an index into Verdict::findings.
struct HeldFinding {
  HoldGround ground = HoldGround::kPrivateName;
  size_t finding = 0;
  bool operator==(const HeldFinding&) const = default;
};

// The grounds of a verdict's held findings, each once, in the order they first occur.
std::vector<HoldGround> GroundsOf(const std::vector<HeldFinding>& held);

struct Verdict {
  Decision decision = Decision::kError;
  // The reason in an archivist's words, masked: made once, when decided, because the journal
  // store records it as the audit trail's account of the decision.
  std::string reason;
  std::optional<ExemptionMarking> marking;
  std::vector<Finding> findings;
  // The findings that hold the document and why: empty when it passes or is exempt; for a
  // marked document only those HoldsWhenMarked. An unreadable document keeps its file
  // name's here, beside its error.
  std::vector<HeldFinding> held;

  static Verdict Error(std::string reason) {
    Verdict v;
    v.decision = Decision::kError;
    v.reason = std::move(reason);
    return v;
  }
};

}  // namespace skjerm

#endif  // SKJERM_POLICY_VERDICT_H_
