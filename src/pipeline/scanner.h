// Judges one extracted document with a rule set: normalise, detect, find the marking,
// decide. Stateless and thread-safe; the same code serves `scan`, `check`, `hook` and
// `retro`, so their decisions cannot drift apart.
#ifndef SKJERM_PIPELINE_SCANNER_H_
#define SKJERM_PIPELINE_SCANNER_H_

#include <optional>
#include <string_view>
#include <vector>

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

  // The verdict of a document that could not be read: error, with the findings of its
  // file name (so that output can mask them) and what they are added to the reason.
  Verdict JudgeUnreadable(std::string_view path, std::string reason) const;

  // The findings in a document's file name (the last part of path), located
  // MetadataSource::kFileName. Judged on their own, like a journal title: the page text
  // does not change what a file name shows, nor the file name what the pages say. Judge()
  // includes them; a document that could not be read needs them to mask its name.
  std::vector<Finding> FindInFileName(std::string_view path) const;

 private:
  const RuleSet& rules_;
};

}  // namespace skjerm

#endif  // SKJERM_PIPELINE_SCANNER_H_
