// What skjerm decides about one document, and why, in words an archivist understands.
#ifndef SKJERM_POLICY_VERDICT_H_
#define SKJERM_POLICY_VERDICT_H_

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

struct Verdict {
  Decision decision = Decision::kError;
  std::string reason;
  std::optional<ExemptionMarking> marking;
  std::vector<Finding> findings;

  static Verdict Error(std::string reason) {
    Verdict v;
    v.decision = Decision::kError;
    v.reason = std::move(reason);
    return v;
  }
};

}  // namespace skjerm

#endif  // SKJERM_POLICY_VERDICT_H_
