#include "detect/roster.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <utility>

#include "journal/database.h"
#include "journal/database_key.h"
#include "journal/roster_store.h"

namespace skjerm {

Roster Roster::Load(const Database& db, std::string key) {
  return FromStored(ReadRoster(db), std::move(key));
}

std::shared_ptr<const Roster> Roster::LoadForScan(const std::string& db_path,
                                                  const KeySettings& keys) {
  struct stat st;
  if (::stat(db_path.c_str(), &st) != 0) {
    // No database: no roster. A path that cannot be looked at is no such proof.
    if (errno == ENOENT) return nullptr;
    throw std::runtime_error(std::strerror(errno));
  }
  Database db = Database::Open(db_path);
  // No roster: no key needed (a journal-only database). A roster whose key cannot be used
  // must not be skipped silently: its protected identities would go unnoticed.
  Statement count = db.Prepare("SELECT count(*) FROM roster_person");
  if (!count.Step() || count.ColumnInt(0) == 0) return nullptr;
  auto roster = std::make_shared<Roster>(Load(db, OpenDatabaseKey(db, keys)));
  if (roster->empty()) return nullptr;
  return roster;
}

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
