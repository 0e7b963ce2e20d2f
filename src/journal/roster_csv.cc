#include "journal/roster_csv.h"

#include <algorithm>
#include <map>
#include <optional>

#include "base/utf8.h"

namespace skjerm {
namespace {

std::string Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return std::string(s);
}

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n;
    if (DecodeUtf8(s, i, &n) == 0xFFFD && s.substr(i, 3) != "\xEF\xBF\xBD") return false;
    i += n;
  }
  return true;
}

enum Column { kId, kRole, kGiven, kFamily, kBirthDate, kNationalId, kProtected, kGuardianOf };

// The longest cell read in a column: no name, ID or date is longer, and a longer cell is a
// quote that ran on or a file that is not a roster. Such a row is refused, never cut: a cut
// name would be hashed as another name. guardian_of lists the ids of several pupils.
constexpr size_t kMaxCellBytes = 256;
constexpr size_t kMaxGuardianOfBytes = 4096;

size_t MaxBytes(Column column) {
  return column == kGuardianOf ? kMaxGuardianOfBytes : kMaxCellBytes;
}

constexpr const char* kColumnList =
    "id,role,given_names,family_name,birth_date,national_id,protected,guardian_of";

const std::map<std::string, Column>& ColumnNames() {
  static const std::map<std::string, Column> kNames = {
      {"id", kId},
      {"role", kRole},
      {"given_names", kGiven},
      {"family_name", kFamily},
      {"birth_date", kBirthDate},
      {"national_id", kNationalId},
      {"protected", kProtected},
      {"guardian_of", kGuardianOf},
  };
  return kNames;
}

std::optional<bool> ParseFlag(const std::string& value) {
  if (value.empty() || value == "0") return false;
  if (value == "1") return true;
  return std::nullopt;
}

std::vector<std::string> SplitIds(const std::string& value) {
  std::vector<std::string> ids;
  std::string current;
  for (char c : value + ";") {
    if (c == ';' || c == ' ' || c == ',') {
      if (!current.empty()) ids.push_back(current);
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  return ids;
}

}  // namespace

std::vector<CsvRow> SplitCsv(std::string_view text, char separator) {
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  bool quoted = false;         // inside a quoted field
  bool field_started = false;  // the row has content
  // The field holds only spaces and tabs so far: a quote there opens a quoted field. A
  // flag, not a look at the field: a quote in a long field must not cost its length.
  bool field_blank = true;
  int line = 1;
  row.line = 1;
  auto end_field = [&] {
    row.fields.push_back(std::move(field));
    field.clear();
    field_blank = true;
  };
  auto end_row = [&] {
    end_field();
    const bool blank = row.fields.size() == 1 && Trimmed(row.fields[0]).empty() && !field_started;
    if (!blank) rows.push_back(std::move(row));
    row = CsvRow{};
    field_started = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
        if (c != ' ' && c != '\t' && c != '\r') field_blank = false;
      }
      continue;
    }
    if (c == '"' && field_blank) {
      field.clear();
      quoted = true;
      field_started = true;
    } else if (c == separator) {
      end_field();
      field_started = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
      ++line;
      row.line = line;
    } else {
      field.push_back(c);
      if (c != ' ' && c != '\t') field_started = true;
      if (c != ' ' && c != '\t' && c != '\r') field_blank = false;
    }
  }
  if (!field.empty() || !row.fields.empty() || field_started) end_row();
  return rows;
}

RosterCsv ParseRosterCsv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const std::string_view first_line = text.substr(0, text.find('\n'));
  const char separator = first_line.find(',') == std::string_view::npos &&
                                 first_line.find(';') != std::string_view::npos
                             ? ';'
                             : ',';
  std::vector<CsvRow> rows = SplitCsv(text, separator);
  if (rows.empty()) throw RosterCsvError("the roster file is empty");

  // Header: which field holds which column. A first row that names none of the columns is
  // no header but a person (a roster exported without one): refused without quoting any
  // of its cells, which are a name or an ID.
  const bool has_header = std::any_of(
      rows[0].fields.begin(), rows[0].fields.end(),
      [](const std::string& f) { return ColumnNames().count(ToLowerUtf8(Trimmed(f))) != 0; });
  if (!has_header) {
    throw RosterCsvError(std::string("the roster's first row names none of its columns: a "
                                     "roster begins with a header row (expected ") +
                         kColumnList + ")");
  }
  std::map<Column, size_t> where;
  std::vector<size_t> unnamed;  // columns without a header: a row with content there is refused
  for (size_t i = 0; i < rows[0].fields.size(); ++i) {
    const std::string name = ToLowerUtf8(Trimmed(rows[0].fields[i]));
    if (name.empty()) {
      unnamed.push_back(i);
      continue;
    }
    // A column skjerm does not read is refused, not ignored: a misspelled «nationl_id»
    // would leave every pupil's ID unknown to the roster match without a word.
    auto it = ColumnNames().find(name);
    if (it == ColumnNames().end()) {
      throw RosterCsvError("the roster's header has a column '" + name +
                           "' that skjerm does not read (its columns are " + kColumnList +
                           "); remove it or correct its name");
    }
    if (where.count(it->second) != 0) {
      throw RosterCsvError("the roster's header names the column '" + name + "' twice");
    }
    where[it->second] = i;
  }
  for (Column required : {kId, kRole}) {
    if (where.count(required) == 0) {
      throw RosterCsvError(std::string("the roster has no column '") +
                           (required == kId ? "id" : "role") +
                           "' in its header row (expected " + kColumnList + ")");
    }
  }
  if (where.count(kGiven) == 0 && where.count(kFamily) == 0) {
    throw RosterCsvError("the roster has neither a 'given_names' nor a 'family_name' column");
  }
  const size_t width = rows[0].fields.size();

  RosterCsv out;
  std::map<std::string, int> line_of_id;
  for (size_t r = 1; r < rows.size(); ++r) {
    const CsvRow& row = rows[r];
    auto skip = [&](std::string reason) { out.skipped.push_back({row.line, std::move(reason)}); };
    auto warn = [&](std::string reason) { out.warnings.push_back({row.line, std::move(reason)}); };
    if (row.fields.size() != width) {
      skip("has " + std::to_string(row.fields.size()) + " fields, the header has " +
           std::to_string(width));
      continue;
    }
    std::string too_long;
    for (const auto& [name, column] : ColumnNames()) {
      auto it = where.find(column);
      if (it == where.end() || row.fields[it->second].size() <= MaxBytes(column)) continue;
      too_long = "has a " + name + " of " + std::to_string(row.fields[it->second].size()) +
                 " bytes, longer than any (at most " + std::to_string(MaxBytes(column)) +
                 "; a quote not closed?): the row is refused, not cut";
      break;
    }
    if (!too_long.empty()) {
      skip(std::move(too_long));
      continue;
    }
    const bool stray = std::any_of(unnamed.begin(), unnamed.end(),
                                   [&](size_t i) { return !Trimmed(row.fields[i]).empty(); });
    if (stray) {
      skip("has a value in a column without a name in the header row: the row is refused");
      continue;
    }
    bool utf8 = true;
    for (const std::string& f : row.fields) utf8 = utf8 && IsValidUtf8(f);
    if (!utf8) {
      skip("is not valid UTF-8 (save the file as UTF-8)");
      continue;
    }
    auto cell = [&](Column c) -> std::string {
      auto it = where.find(c);
      return it == where.end() ? "" : Trimmed(row.fields[it->second]);
    };
    RosterRecord record;
    record.line = row.line;
    record.id = cell(kId);
    if (record.id.empty()) {
      skip("has no id");
      continue;
    }
    std::optional<RosterRole> role = RosterRoleFromName(ToLowerUtf8(cell(kRole)));
    if (!role) {
      skip("has a role that is not pupil, guardian or staff");
      continue;
    }
    record.role = *role;
    record.given_names = cell(kGiven);
    record.family_name = cell(kFamily);
    if (FoldName(record.given_names).empty() && FoldName(record.family_name).empty()) {
      skip("has no name");
      continue;
    }
    std::optional<bool> is_protected = ParseFlag(cell(kProtected));
    if (!is_protected) {
      skip("has a 'protected' value that is not 0 or 1");
      continue;
    }
    record.is_protected = *is_protected;
    auto [it, inserted] = line_of_id.emplace(record.id, row.line);
    if (!inserted) {
      skip("repeats the id of line " + std::to_string(it->second));
      continue;
    }
    record.birth_date = cell(kBirthDate);
    if (!record.birth_date.empty() && NormaliseBirthDate(record.birth_date).empty()) {
      warn("birth_date is not a date (DD.MM.YYYY or YYYY-MM-DD); imported without it");
      record.birth_date.clear();
    }
    record.national_id = cell(kNationalId);
    if (!record.national_id.empty() && DigitsOnly(record.national_id).size() < 6) {
      warn("national_id has too few digits; imported without it");
      record.national_id.clear();
    }
    record.guardian_of = SplitIds(cell(kGuardianOf));
    out.records.push_back(std::move(record));
  }
  return out;
}

}  // namespace skjerm
