// The rules a scan runs with: the detectors in order, the exemption-marking finder and the
// policy, all built once from patterns/ and shared read-only by the workers. Its version is
// a hash of the rule files, recorded with every stored verdict so that a retro-scan knows
// what was checked with what.
#ifndef SKJERM_PIPELINE_RULE_SET_H_
#define SKJERM_PIPELINE_RULE_SET_H_

#include <memory>
#include <string>
#include <vector>

#include "detect/detector.h"
#include "policy/exemption_marking.h"
#include "policy/policy.h"

namespace skjerm {

class Roster;

class RuleSet {
 public:
  RuleSet(std::vector<std::unique_ptr<Detector>> detectors,
          std::unique_ptr<ExemptionMarkingFinder> markings, Policy policy, std::string version)
      : detectors_(std::move(detectors)),
        markings_(std::move(markings)),
        policy_(std::move(policy)),
        version_(std::move(version)) {}

  // Loads every rule file of `patterns_dir`; `roster` may be null (no roster imported).
  // Throws std::runtime_error naming the file that is wrong.
  static std::unique_ptr<RuleSet> Load(const std::string& patterns_dir,
                                       std::shared_ptr<const Roster> roster);

  const std::vector<std::unique_ptr<Detector>>& detectors() const { return detectors_; }
  const ExemptionMarkingFinder& markings() const { return *markings_; }
  const Policy& policy() const { return policy_; }
  const std::string& version() const { return version_; }

 private:
  std::vector<std::unique_ptr<Detector>> detectors_;
  std::unique_ptr<ExemptionMarkingFinder> markings_;
  Policy policy_;
  std::string version_;
};

// SHA-256 over the names and contents of every file under dir, in sorted order; the first
// 16 hex digits.
std::string RuleFilesVersion(const std::string& dir);

// The patterns directory to use: `requested` if given, else $SKJERM_PATTERNS, else the one
// the build was configured with.
std::string ResolvePatternsDir(const std::string& requested);

}  // namespace skjerm

#endif  // SKJERM_PIPELINE_RULE_SET_H_
