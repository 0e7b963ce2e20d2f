// The decision about an entry of the public journal. The journal prints an entry's title (or
// its public title) and its parties whatever its documents say, so the entry is decided from
// three things: the personal data in those printed fields, its own exemption marking (its
// access code), and the verdicts of its documents — under the same policy (policy.toml,
// [journal]) and the same severity ranking (policy/verdict.h) as a single document.
// Pure functions of values; safe on any thread.
#ifndef SKJERM_POLICY_ENTRY_DECISION_H_
#define SKJERM_POLICY_ENTRY_DECISION_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detect/finding.h"
#include "policy/exemption_marking.h"
#include "policy/policy.h"
#include "policy/verdict.h"

namespace skjerm {

// The fields of an entry the public journal prints.
enum class JournalField { kTitle, kPublicTitle, kParties };
const char* JournalFieldName(JournalField field);  // "title", "public title", "parties"
std::optional<JournalField> JournalFieldFromName(std::string_view name);

// A finding in a printed field of the entry.
struct FieldFinding {
  JournalField field = JournalField::kTitle;
  Finding finding;
  // The policy lets the journal print it as it stands (PolicyRules::Publishes): it neither
  // holds the entry nor is masked in the public title. Set by DecideEntry.
  bool published = false;
};

struct EntryDecision {
  Decision decision = Decision::kError;
  std::string reason;  // masked
  // Why it is held: its held documents' grounds, then kPrintedField when a printed field
  // holds it (each once). Empty when nothing holds it; an entry in error may have some.
  std::vector<HoldGround> grounds;
  // The field findings at or above the policy's min_confidence, in their order: what the
  // public title masks and what the verdict records, whether or not they hold.
  std::vector<FieldFinding> printed;
};

// Decides about an entry. `documents` are its documents' verdicts in order (empty when it
// has none: then it is judged on its fields and marking alone).
EntryDecision DecideEntry(const PolicyRules& rules,
                          const std::optional<ExemptionMarking>& entry_marking,
                          std::vector<FieldFinding> field_findings,
                          const std::vector<Verdict>& documents);

}  // namespace skjerm

#endif  // SKJERM_POLICY_ENTRY_DECISION_H_
