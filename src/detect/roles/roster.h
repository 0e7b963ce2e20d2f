// The school's roster in memory for one run: keyed hash -> the persons it belongs to.
// Loaded once from the database (journal/roster_store.h: LoadRoster) with the secret key; a word of
// a letter is looked up by hashing it the way the import hashed the names (detect/roster_terms.h).
// Immutable after loading, so detectors on many threads share it.
#ifndef SKJERM_DETECT_ROLES_ROSTER_H_
#define SKJERM_DETECT_ROLES_ROSTER_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "detect/roles/roster_terms.h"

namespace skjerm {

class Roster {
 public:
  struct Person {
    RosterRole role = RosterRole::kPupil;
    bool is_protected = false;
  };
  // One person a hash belongs to, and as what.
  struct Hit {
    int person = 0;  // index into persons()
    TermKind kind = TermKind::kGiven;
    bool ordinary_word = false;
  };

  Roster() = default;
  // The roster of the stored persons, whose terms were hashed under key.
  static Roster FromStored(const std::vector<StoredRosterPerson>& stored, std::string key);

  bool empty() const { return persons_.empty(); }
  const std::vector<Person>& persons() const { return persons_; }

  // The persons whose term of the given domain has this normalised value (a folded name
  // part, a folded full name, the digits of an ID, a YYYY-MM-DD date). For kGiven,
  // kFamily and kDeletion, hits of all three kinds come back (they share a hash domain).
  std::vector<Hit> Find(TermKind kind, std::string_view normalised) const;
  // The same for a hash already computed (TermHash).
  const std::vector<Hit>* FindHash(const std::string& hash) const;
  // The hash Find() would look up.
  std::string Hash(TermKind kind, std::string_view normalised) const {
    return TermHash(key_, kind, normalised);
  }

 private:
  std::string key_;
  std::vector<Person> persons_;
  std::unordered_map<std::string, std::vector<Hit>> hits_;
};

}  // namespace skjerm

#endif  // SKJERM_DETECT_ROLES_ROSTER_H_
