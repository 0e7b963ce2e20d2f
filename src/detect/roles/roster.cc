#include "detect/roles/roster.h"

#include <utility>

namespace skjerm {

Roster Roster::FromStored(const std::vector<StoredRosterPerson>& stored, std::string key) {
  Roster roster;
  roster.key_ = std::move(key);
  roster.persons_.reserve(stored.size());
  for (const StoredRosterPerson& p : stored) {
    const int index = static_cast<int>(roster.persons_.size());
    roster.persons_.push_back(Person{p.role, p.is_protected});
    for (const RosterTerm& term : p.terms) {
      roster.hits_[term.hash].push_back(Hit{index, term.kind, term.ordinary_word});
    }
  }
  return roster;
}

std::vector<Roster::Hit> Roster::Find(TermKind kind, std::string_view normalised) const {
  const std::vector<Hit>* hits = FindHash(Hash(kind, normalised));
  return hits != nullptr ? *hits : std::vector<Hit>{};
}

const std::vector<Roster::Hit>* Roster::FindHash(const std::string& hash) const {
  auto it = hits_.find(hash);
  return it == hits_.end() ? nullptr : &it->second;
}

}  // namespace skjerm
