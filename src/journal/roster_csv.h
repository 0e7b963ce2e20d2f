// Reading the roster a school exports: CSV with a header row naming the columns
//   id,role,given_names,family_name,birth_date,national_id,protected,guardian_of
// in any order (id, role and at least one name column are required; the others may be
// missing or empty). Fields may be quoted as RFC 4180 says ("Berg, Anne", "a ""b"""),
// quoted fields may hold line breaks, the file may start with a UTF-8 byte order mark,
// and a header without commas but with semicolons (a spreadsheet in a Nordic locale)
// switches the separator to ';'. guardian_of may list several pupils separated by ';' or
// spaces.
//
// Rows that cannot be used are skipped with their line number and a reason that never
// quotes a cell: the reasons are printed and logged.
#ifndef SKJERM_JOURNAL_ROSTER_CSV_H_
#define SKJERM_JOURNAL_ROSTER_CSV_H_

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "detect/roles/roster_terms.h"

namespace skjerm {

// The file as a whole is not a roster (no header, required column missing).
class RosterCsvError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct RosterNote {
  int line = 0;
  std::string reason;
};

struct RosterCsv {
  std::vector<RosterRecord> records;
  std::vector<RosterNote> skipped;   // rows not imported
  std::vector<RosterNote> warnings;  // rows imported with a cell left out
};

RosterCsv ParseRosterCsv(std::string_view text);

// The fields of every record of a CSV text, with the line each record starts on.
struct CsvRow {
  int line = 0;
  std::vector<std::string> fields;
};
std::vector<CsvRow> SplitCsv(std::string_view text, char separator);

}  // namespace skjerm

#endif  // SKJERM_JOURNAL_ROSTER_CSV_H_
