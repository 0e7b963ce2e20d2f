// What a journal entry's own screening fields say: whether its access code (or legal basis
// for screening) marks it exempt. The mapping is configuration (patterns/journal.toml),
// because access codes are local to each records system.
#ifndef SKJERM_JOURNAL_ACCESS_CODES_H_
#define SKJERM_JOURNAL_ACCESS_CODES_H_

#include <optional>
#include <set>
#include <string>

#include "journal/journal_entry.h"
#include "policy/exemption_marking.h"

namespace skjerm {

enum class AccessCodeMeaning { kOpen, kMarked, kUnknown };
// What a code in neither list counts as (journal.toml: unknown = "marked" | "open" | "error").
enum class UnknownAccessCode { kMarked, kOpen, kError };

class AccessCodes {
 public:
  AccessCodes() = default;
  // Throws std::runtime_error naming the file when it cannot be read.
  static AccessCodes FromFile(const std::string& path);

  AccessCodeMeaning Meaning(const std::string& code) const;

  // The marking an entry carries through its own fields, or nullopt when it is open.
  // Throws std::runtime_error for an unknown code when unknown codes are configured as
  // errors.
  std::optional<ExemptionMarking> EntryMarking(const std::string& access_code,
                                               const std::string& legal_basis) const;

 private:
  std::set<std::string> marked_;
  std::set<std::string> open_;
  UnknownAccessCode unknown_ = UnknownAccessCode::kMarked;
  bool legal_basis_marks_ = true;
};

}  // namespace skjerm

#endif  // SKJERM_JOURNAL_ACCESS_CODES_H_
