// Which rule files make a rule set, and in which order the detectors run. IDs come first:
// birth dates and names read them. Birth dates run before names (a name beside a birth date
// is a name) and once more after them (a date beside a name is a birth date); the second
// pass skips dates already found. Last, the roles of the persons named are read from the
// words around them.
#include "detect/contacts/contact_detector.h"
#include "detect/dates/birth_date_detector.h"
#include "detect/ids/national_id_detector.h"
#include "detect/names/name_detector.h"
#include "detect/roles/person_role_annotator.h"
#include "detect/roles/roster.h"
#include "pipeline/rule_set.h"

namespace skjerm {

std::unique_ptr<RuleSet> RuleSet::Load(const std::string& patterns_dir,
                                       std::shared_ptr<const Roster> roster) {
  const std::string dir = patterns_dir + "/";
  std::vector<std::unique_ptr<Detector>> detectors;
  detectors.push_back(NationalIdDetector::FromFile(dir + "national_ids.toml"));
  detectors.push_back(BirthDateDetector::FromFile(dir + "birth_dates.toml"));
  detectors.push_back(NameDetector::Create(patterns_dir, std::move(roster)));
  detectors.push_back(BirthDateDetector::FromFile(dir + "birth_dates.toml"));
  detectors.push_back(ContactDetector::FromFile(dir + "contacts.toml"));
  detectors.push_back(PersonRoleAnnotator::FromFile(dir + "person_roles.toml"));
  return std::make_unique<RuleSet>(
      std::move(detectors), ExemptionMarkingFinder::FromFile(dir + "markings.toml"),
      Policy::FromFile(dir + "policy.toml"), RuleFilesVersion(patterns_dir));
}

}  // namespace skjerm
