// Finds private persons' names (category person_name).
//
// With a roster (detect/roster.h) it knows the school's pupils, guardians and staff by
// keyed hashes: full names ("Sindre Haugland", "Tor-Erik Haugland", "SINDRE HAUGLAND",
// "Bjorn" for "Bjørn"), genitives ("Sindres", "Frejas"), a first name alone (surer after
// the full name was mentioned), and words one letter off (OCR damage). Rule "name.roster"
// with flag "pupil" or "guardian"; a protected person's every mention is rule
// "protected_identity" with flag "protected". Staff are officials: never reported, and a
// staff match keeps the list rules below from reporting the same words.
//
// A roster first name is the roster person only where no one else can be meant: not
// when another family name follows it («Maria Olofsson» is not the pupil Maria Hedlund),
// nor alone after such a mention, nor alone in a letter without words of school (council
// minutes, tenders); those words are left to the lists below, which take roster first
// names for first names. A protected person is taken at every mention.
//
// Without a roster (and for people not in it) the name lists of patterns/names/ and the
// words around a name (patterns/names.toml) decide: a listed first name followed by a
// family-name-like word ("name.list"); a name after «Elev:», «Hei», «min kone», before
// «(mor)», «, åk 6» or «7B», beside a national ID or birth date, above an address block,
// joined by «og» to a name found ("name.context"). Officials (a title — also a compound
// or one ending like a title — or an official's label next to the name, a title as the
// sentence's subject, a «Stilling:» line, a signed block with a title), streets,
// organisations, months, weekdays and common words are not reported; a full name a title
// makes an official's is the official wherever it recurs.
//
// Reads the national_id and birth_date findings already in the vector, so it must run
// after those detectors. The parts: name_words.h (tokens), name_rules.h (the rule files),
// name_context.h (the words around a name), name_roster_match.h and name_list_match.h.
#ifndef SKJERM_DETECT_NAMES_NAME_DETECTOR_H_
#define SKJERM_DETECT_NAMES_NAME_DETECTOR_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "detect/detector.h"
#include "detect/names/name_rules.h"
#include "detect/roles/roster.h"

namespace skjerm {

class NameDetector : public Detector {
 public:
  // Builds the detector from patterns_dir/names.toml and patterns_dir/names/*.txt, with
  // the roster when one is given (it may be null or empty). Throws std::runtime_error
  // naming the file when a rule file is missing or malformed.
  static std::unique_ptr<NameDetector> Create(const std::string& patterns_dir,
                                              std::shared_ptr<const Roster> roster = nullptr);

  std::string_view name() const override { return "names"; }
  void Detect(const DocumentText& text, std::vector<Finding>* findings) const override;

 private:
  NameDetector(person_names::Rules rules, std::shared_ptr<const Roster> roster)
      : rules_(std::move(rules)), roster_(std::move(roster)) {}

  person_names::Rules rules_;
  std::shared_ptr<const Roster> roster_;
};

}  // namespace skjerm

#endif  // SKJERM_DETECT_NAMES_NAME_DETECTOR_H_
