#include "journal/roster_store.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <map>
#include <stdexcept>
#include <utility>

namespace skjerm {
namespace {

std::string UtcNow() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

RosterImportCounts ReplaceRoster(const Database& db, std::string_view key,
                                 const std::vector<RosterRecord>& records, int skipped,
                                 const OrdinaryWordTest& is_ordinary_word,
                                 std::vector<RosterNote>* warnings) {
  RosterImportCounts counts;
  Transaction transaction(db);
  db.Execute(
      "DELETE FROM roster_guardianship; DELETE FROM roster_term; DELETE FROM roster_person;");
  Statement insert_person = db.Prepare(
      "INSERT INTO roster_person (id_hash, role, protected) VALUES (?, ?, ?) "
      "RETURNING id");
  Statement insert_term = db.Prepare(
      "INSERT OR IGNORE INTO roster_term (person, kind, hash, ordinary_word) VALUES (?, ?, ?, ?)");
  std::map<std::string, int64_t> row_of_id;
  std::map<int64_t, RosterRole> role_of_row;
  for (const RosterRecord& record : records) {
    insert_person.Reset();
    insert_person.Bind(1, TermHash(key, TermKind::kNationalId, "roster-id:" + record.id))
        .Bind(2, RosterRoleName(record.role))
        .Bind(3, int64_t{record.is_protected ? 1 : 0});
    if (!insert_person.Step()) throw DatabaseError("cannot insert a roster person");
    const int64_t row = insert_person.ColumnInt(0);
    insert_person.Reset();
    row_of_id[record.id] = row;
    role_of_row[row] = record.role;
    for (const RosterTerm& term : DeriveTerms(record, key, is_ordinary_word)) {
      insert_term.Reset();
      insert_term.Bind(1, row)
          .Bind(2, TermKindName(term.kind))
          .Bind(3, term.hash)
          .Bind(4, int64_t{term.ordinary_word ? 1 : 0});
      insert_term.Run();
    }
    ++counts.persons;
    counts.pupils += record.role == RosterRole::kPupil;
    counts.guardians += record.role == RosterRole::kGuardian;
    counts.staff += record.role == RosterRole::kStaff;
    counts.is_protected += record.is_protected;
  }
  Statement insert_link =
      db.Prepare("INSERT OR IGNORE INTO roster_guardianship (guardian, pupil) VALUES (?, ?)");
  for (const RosterRecord& record : records) {
    for (const std::string& pupil : record.guardian_of) {
      auto it = row_of_id.find(pupil);
      if (it == row_of_id.end()) {
        warnings->push_back({record.line, "guardian_of names an id that is not in the roster"});
        continue;
      }
      if (role_of_row[it->second] != RosterRole::kPupil) {
        warnings->push_back({record.line, "guardian_of names a person who is not a pupil"});
      }
      insert_link.Reset();
      insert_link.Bind(1, row_of_id[record.id]).Bind(2, it->second);
      insert_link.Run();
      ++counts.guardian_links;
    }
  }
  Statement log =
      db.Prepare("INSERT INTO roster_import (imported_at, persons, skipped) VALUES (?, ?, ?)");
  log.Bind(1, UtcNow()).Bind(2, int64_t{counts.persons}).Bind(3, int64_t{skipped});
  log.Run();
  transaction.Commit();
  return counts;
}

std::vector<StoredRosterPerson> ReadRoster(const Database& db) {
  std::vector<StoredRosterPerson> persons;
  std::map<int64_t, size_t> index;
  Statement people = db.Prepare("SELECT id, role, protected FROM roster_person ORDER BY id");
  while (people.Step()) {
    StoredRosterPerson p;
    p.id = people.ColumnInt(0);
    p.role = RosterRoleFromName(people.ColumnText(1)).value_or(RosterRole::kPupil);
    p.is_protected = people.ColumnInt(2) != 0;
    index[p.id] = persons.size();
    persons.push_back(std::move(p));
  }
  Statement terms = db.Prepare("SELECT person, kind, hash, ordinary_word FROM roster_term");
  while (terms.Step()) {
    auto it = index.find(terms.ColumnInt(0));
    std::optional<TermKind> kind = TermKindFromName(terms.ColumnText(1));
    if (it == index.end() || !kind) continue;
    persons[it->second].terms.push_back(
        RosterTerm{*kind, terms.ColumnText(2), terms.ColumnInt(3) != 0});
  }
  Statement links = db.Prepare("SELECT guardian, pupil FROM roster_guardianship");
  while (links.Step()) {
    auto it = index.find(links.ColumnInt(0));
    if (it != index.end()) persons[it->second].guardian_of.push_back(links.ColumnInt(1));
  }
  return persons;
}

Roster LoadRoster(const Database& db, std::string key) {
  return Roster::FromStored(ReadRoster(db), std::move(key));
}

std::shared_ptr<const Roster> LoadRosterForScan(const std::string& db_path,
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
  auto roster = std::make_shared<Roster>(LoadRoster(db, OpenDatabaseKey(db, keys)));
  if (roster->empty()) return nullptr;
  return roster;
}

}  // namespace skjerm
