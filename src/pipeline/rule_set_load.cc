// Which rule files make a rule set, and in which order the detectors run: IDs first (birth
// dates and names read them), then names (birth dates beside a name), then the rest.
#include "detect/birth_date_detector.h"
#include "detect/national_id_detector.h"
#include "pipeline/rule_set.h"

namespace skjerm {

std::unique_ptr<RuleSet> RuleSet::Load(const std::string& patterns_dir, const Roster* roster) {
  (void)roster;
  const std::string dir = patterns_dir + "/";
  std::vector<std::unique_ptr<Detector>> detectors;
  detectors.push_back(NationalIdDetector::FromFile(dir + "national_ids.toml"));
  detectors.push_back(BirthDateDetector::FromFile(dir + "birth_dates.toml"));
  return std::make_unique<RuleSet>(std::move(detectors),
                                   ExemptionMarkingFinder::FromFile(dir + "markings.toml"),
                                   Policy::FromFile(dir + "policy.toml"),
                                   RuleFilesVersion(patterns_dir));
}

}  // namespace skjerm
