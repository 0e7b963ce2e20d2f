// What a roster person is recognised by, as keyed hashes. The same functions turn a clear
// text roster row into hashes at import time and a word of a letter into a hash at scan
// time, so both sides normalise alike: names folded for matching (case and diacritics:
// Bjørn = Bjorn = BJÖRN), hyphens and spaces of double names made one space, IDs reduced
// to digits, birth dates to YYYY-MM-DD.
//
// Hash domains: every name part (given or family) and every single-letter deletion of a
// name part share the domain "name", so that one look-up of a word answers "is it a name
// part?" (kind given/family) and "is it a name part with a letter lost?" (kind deletion),
// and a look-up of the word's own deletions answers "a letter too many / one letter
// wrong" — SymSpell's trick for edit distance 1 without any clear text.
#ifndef SKJERM_DETECT_ROLES_ROSTER_TERMS_H_
#define SKJERM_DETECT_ROLES_ROSTER_TERMS_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace skjerm {

enum class RosterRole { kPupil, kGuardian, kStaff };
const char* RosterRoleName(RosterRole role);
std::optional<RosterRole> RosterRoleFromName(std::string_view name);

enum class TermKind { kGiven, kFamily, kFull, kDeletion, kNationalId, kBirthDate };
const char* TermKindName(TermKind kind);
std::optional<TermKind> TermKindFromName(std::string_view name);

// One person as the school's CSV gives it: clear text, held in memory only while
// importing.
struct RosterRecord {
  std::string id;
  RosterRole role = RosterRole::kPupil;
  std::string given_names;
  std::string family_name;
  std::string birth_date;
  std::string national_id;
  bool is_protected = false;
  std::vector<std::string> guardian_of;  // pupils' ids
  int line = 0;                          // in the CSV, for messages
};

// One hashed term of a person.
struct RosterTerm {
  TermKind kind = TermKind::kGiven;
  std::string hash;
  bool ordinary_word = false;

  bool operator==(const RosterTerm&) const = default;
};

// One person of the stored roster (journal/roster_store.h reads them), as rows.
struct StoredRosterPerson {
  int64_t id = 0;
  RosterRole role = RosterRole::kPupil;
  bool is_protected = false;
  std::vector<RosterTerm> terms;
  std::vector<int64_t> guardian_of;  // ids of pupils' rows
};

// Name parts shorter than this (folded) get no deletion terms: "Ola"/"Ole"/"Ida" are one
// letter apart and all real names.
inline constexpr size_t kMinFuzzyNameLength = 4;
// Nor do longer words than this, on either side: no name part is so long, and a word's
// deletions cost the square of its length (a 1 MB "word" would make a terabyte of them).
inline constexpr size_t kMaxFuzzyNameLength = 64;

// A name (or a run of name words) folded for matching: FoldForMatching, then every run of
// spaces, hyphens and dots made one space, trimmed. "Tor-Erik" -> "tor erik".
std::string FoldName(std::string_view name);

// The name words of a folded name: "tor erik" -> {"tor", "erik"}.
std::vector<std::string> SplitFoldedName(std::string_view folded);

// Each way of leaving out one letter (code point) of a folded word, without repeats.
std::vector<std::string> SingleDeletions(std::string_view folded_word);

// "12.03.2011", "2011-03-12", "12/3/2011", "12-03-2011" -> "2011-03-12"; "" if not a date.
std::string NormaliseBirthDate(std::string_view text);

std::string DigitsOnly(std::string_view text);

// The keyed hash of a normalised value of the given kind (HMAC-SHA-256, hex).
std::string TermHash(std::string_view key, TermKind kind, std::string_view normalised);

// Tells whether a name part (as written, e.g. "Liv") is also an ordinary word.
using OrdinaryWordTest = std::function<bool(std::string_view name_part)>;

// Every hashed term of a record: its name parts, full names, deletions, ID and birth date.
std::vector<RosterTerm> DeriveTerms(const RosterRecord& record, std::string_view key,
                                    const OrdinaryWordTest& is_ordinary_word);

}  // namespace skjerm

#endif  // SKJERM_DETECT_ROLES_ROSTER_TERMS_H_
