// The roster's part of the name detector: finds the school's pupils, guardians and staff
// in a document by keyed hashes of its words (detect/roster.h) — full names, genitives, a
// first name alone, a family name after the full name, words one letter off — and adds a
// candidate for each pupil or guardian ("name.roster", or "protected_identity"). Staff are
// officials: their words are taken and never reported.
#ifndef SKJERM_DETECT_NAMES_NAME_ROSTER_MATCH_H_
#define SKJERM_DETECT_NAMES_NAME_ROSTER_MATCH_H_

#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "detect/names/name_context.h"
#include "detect/names/name_document.h"
#include "detect/names/name_rules.h"
#include "detect/roles/roster.h"

namespace skjerm {
namespace person_names {

class RosterMatch {
 public:
  RosterMatch(const Rules& rules, const Context& context, const Roster& roster, NameDocument* doc)
      : rules_(rules), context_(context), roster_(roster), doc_(doc) {}

  // Full names first (they make a first name alone surer), then single words.
  void Run();

 private:
  // One person a word may belong to, and as what (the k* bits of the .cc).
  struct PersonHit {
    int person = 0;
    unsigned bits = 0;
  };
  // The person a single word is taken for.
  struct Choice {
    int person = -1;
    unsigned bits = 0;
    double confidence = 0;
    bool official = false;  // the word is a staff member's (mentioned in full)
  };

  const std::vector<PersonHit>& HitsOf(const Token& token, bool fuzzy);
  std::map<int, unsigned> ExactBits(const std::string& folded) const;
  bool NextToAMatch(size_t u, size_t i);
  unsigned BitsFor(const Token& token, int person);
  int RolePreference(int person) const;

  void FullNames(size_t u);
  bool UnknownMiddleName(size_t u, size_t j, int person, const std::vector<unsigned>& seq);
  size_t FullNameLength(size_t u, size_t i, int person);
  void AddCandidate(size_t u, size_t first, size_t last, int person, double confidence);

  void NoteOtherPersons(size_t u);
  bool FollowedByOtherSurname(size_t u, size_t i, int person);
  bool PrecededByOtherFirstName(size_t u, size_t i, int person);
  bool HasSchoolWords() const;
  bool ThePersonHere(size_t u, size_t i, const Choice& choice);
  void Singles(size_t u);
  void Pick(const std::vector<PersonHit>& hits, unsigned want, bool need_mentioned,
            double confidence, Choice* choice) const;
  Choice ChooseSingle(const std::vector<PersonHit>& hits, size_t folded_length) const;
  bool SingleStands(size_t u, size_t i, const Choice& choice) const;
  size_t SingleExtent(size_t u, size_t i, const Choice& choice);
  size_t ExtendWithUnknownSurname(size_t u, size_t i);

  const Rules& rules_;
  const Context& context_;
  const Roster& roster_;
  NameDocument* doc_;
  std::unordered_map<std::string, std::vector<PersonHit>> exact_hits_, fuzzy_hits_;
  bool any_mentioned_ = false;
  std::vector<bool> mentioned_;  // persons whose full name the document mentions
  bool school_context_ = false;  // the document has words of school (names.toml [roster])
  // Roster first names the document gives with another family name: «Maria Olofsson»
  // when the roster has Maria Hedlund.
  std::unordered_set<std::string> others_first_;
};

}  // namespace person_names
}  // namespace skjerm

#endif  // SKJERM_DETECT_NAMES_NAME_ROSTER_MATCH_H_
