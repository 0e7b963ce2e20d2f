// Says who the private persons named in a letter are, for the policy: a pupil («Elev:
// Sindre», «Hugo Ek, 6B»), a pupil's guardian («Vårdnadshavare: Sara Lindqvist»,
// «Louise Mikkelsen (mor)»), or someone named in a letter about a school, health or
// child-welfare case. Adds the flags "pupil", "guardian" and "case" to the person_name
// findings already in the vector (a roster's flags stay), and carries a pupil's flag over
// to the same first name mentioned alone. A pupil named only by initials («E.K. i 7B»,
// «Elev: T.E.», «E.K.s mor») becomes a person_name finding ("name.initials"): every set of
// initials in a case, and elsewhere the initials one mention of which has a pupil label
// before it or a class after it. In a building, planning or property matter that
// is not such a case, it flags "property" on the applicant named as such and the property's
// address (every name and address in the journal title of such a matter): public by Nordic
// practice, and policy.toml decides whether they hold. Rules in patterns/person_roles.toml.
#ifndef SKJERM_DETECT_ROLES_PERSON_ROLE_ANNOTATOR_H_
#define SKJERM_DETECT_ROLES_PERSON_ROLE_ANNOTATOR_H_

#include <re2/re2.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "detect/detector.h"

namespace skjerm {

class PersonRoleAnnotator : public Detector {
 public:
  // Throws std::runtime_error naming the file when it cannot be read.
  static std::unique_ptr<PersonRoleAnnotator> FromFile(const std::string& toml_path);

  std::string_view name() const override { return "person roles"; }
  void Detect(const DocumentText& text, std::vector<Finding>* findings) const override;

  // Whether the letter's words make it a case (exposed for tests).
  bool IsCase(const DocumentText& text) const {
    return CaseWeight(FoldedUnits(text)) >= case_threshold_;
  }
  // Whether the letter (or journal title) is about a building, planning or property matter
  // and has none of the words of a private grievance in it (exposed for tests).
  bool IsPropertyMatter(const DocumentText& text) const {
    const std::vector<std::string> folded = FoldedUnits(text);
    return IsPropertyMatter(folded, CaseWeight(folded));
  }

 private:
  struct Term {
    std::string folded;
    int weight = 1;
  };

  PersonRoleAnnotator() = default;
  // Each unit's text folded for matching, once per document.
  static std::vector<std::string> FoldedUnits(const DocumentText& text);
  // The weight of the case words in the letter, counted up to the threshold: computed once
  // per document for the case test and the property test (which wants none at all).
  int CaseWeight(const std::vector<std::string>& folded_units) const;
  bool IsPropertyMatter(const std::vector<std::string>& folded_units, int case_weight) const;
  bool StartsCadastral(const std::string& folded) const;
  std::optional<FindingFlag> RoleFromContext(const TextUnit& unit, const Finding& finding) const;
  // Whether the finding is the applicant named as such or the property's address.
  bool IsPropertyParty(const TextUnit& unit, const std::string& folded_unit,
                       const Finding& finding) const;
  // Adds a finding for every set of initials that names a pupil (see above).
  void FindInitials(const DocumentText& text, bool is_case, std::vector<Finding>* findings) const;
  bool HasPupilCue(const TextUnit& unit, size_t begin, size_t end) const;
  void MarkPropertyParties(const DocumentText& text, const std::vector<std::string>& folded_units,
                           int case_weight, std::vector<Finding>* findings) const;

  std::vector<std::string> pupil_before_;
  std::vector<std::string> label_under_heading_;
  std::vector<std::string> heading_words_;
  std::vector<std::unique_ptr<RE2>> pupil_after_;
  std::vector<std::string> guardian_before_;
  std::vector<std::string> guardian_after_;
  std::vector<Term> case_terms_;
  int case_threshold_ = 2;
  // [property]
  // One pass each over a folded text: any word of [property] words (starting a word; a word
  // of four letters or fewer a whole word) and any of grievance_words (whole words).
  std::unique_ptr<RE2> property_words_;
  std::unique_ptr<RE2> grievance_words_;
  // Words of a building matter that count only beside a cadastral number («48/403
  // TILLATELSE - BOLIG OG GARASJE»): cadastral_start at the start of the text, or a
  // reference_patterns match.
  std::unique_ptr<RE2> weak_property_words_;
  // In a journal title: a complaint («KLAGE PÅ …»), whose names and addresses stay private.
  std::unique_ptr<RE2> title_grievance_words_;
  std::vector<std::unique_ptr<RE2>> cadastral_start_;
  std::vector<std::string> applicant_before_;
  std::vector<std::string> property_before_;
  std::vector<std::unique_ptr<RE2>> property_reference_;
  // [initials]
  std::vector<std::string> not_initials_;
  double initials_confidence_ = 0.8;
};

}  // namespace skjerm

#endif  // SKJERM_DETECT_ROLES_PERSON_ROLE_ANNOTATOR_H_
