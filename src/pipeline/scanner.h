// Judges one extracted document with a rule set: normalise, detect, find the marking,
// decide. Stateless and thread-safe; the same code serves `scan`, `check`, `hook` and
// `retro`, so their decisions cannot drift apart.
#ifndef SKJERM_PIPELINE_SCANNER_H_
#define SKJERM_PIPELINE_SCANNER_H_

#include <optional>

#include "extract/document.h"
#include "pipeline/rule_set.h"
#include "policy/verdict.h"

namespace skjerm {

class Scanner {
 public:
  explicit Scanner(const RuleSet& rules) : rules_(rules) {}

  // `extra_marking` is a marking known from outside the document (a journal access code).
  Verdict Judge(const Document& document,
                const std::optional<ExemptionMarking>& extra_marking = std::nullopt) const;

  // Findings only, for text that is not a document (a journal entry's title).
  std::vector<Finding> FindPersonalData(const DocumentText& text) const;

 private:
  const RuleSet& rules_;
};

}  // namespace skjerm

#endif  // SKJERM_PIPELINE_SCANNER_H_
