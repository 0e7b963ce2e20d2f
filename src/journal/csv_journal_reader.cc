#include "journal/csv_journal_reader.h"

#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "base/utf8.h"
#include "journal/document_reference.h"

namespace skjerm {
namespace {

// A field this long is a quote that was never meant to open a field; better an error
// naming the line than the rest of the file as one title.
constexpr size_t kMaxFieldBytes = 1 << 20;
// A record (a row with its delimiters) or a header line this long is no journal's.
constexpr size_t kMaxRecordBytes = 8 << 20;
constexpr size_t kMaxHeaderBytes = 1 << 20;
constexpr size_t kMaxFields = 4096;
// Unknown columns named in a refusal; the rest are counted.
constexpr size_t kMaxListedColumns = 10;

enum Field {
  kJournalNumber,
  kJournalDate,
  kDirection,
  kTitle,
  kAccessCode,
  kDocument,
  kParties,
  kDocumentDate,
  kLegalBasis,
  kPublicTitle,
  kScreenedFields,
  kFieldCount
};

// The default column name of each Field, in the order of the enum.
const std::vector<std::string>& FieldNames() {
  static const std::vector<std::string> kNames = {"journal_number", "journal_date",   "direction",
                                                  "title",          "access_code",    "document",
                                                  "parties",        "document_date",  "legal_basis",
                                                  "public_title",   "screened_fields"};
  return kNames;
}

std::string LineText(int64_t line) { return "line " + std::to_string(line); }

std::string FromWindows1252(const std::string& bytes) {
  // 0x80..0x9F, where Windows-1252 differs from Latin-1; 0xFFFD where it has no character.
  static const char32_t kHigh[32] = {
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  std::string out;
  out.reserve(bytes.size());
  for (char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out.push_back(c);
    } else if (b < 0xA0) {
      AppendUtf8(kHigh[b - 0x80], &out);
    } else {
      AppendUtf8(b, &out);
    }
  }
  return out;
}

// The non-empty, trimmed pieces of text between any of the separators.
std::vector<std::string> SplitList(std::string_view text, std::string_view separators) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find_first_of(separators, start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view piece = TrimSpace(text.substr(start, end - start));
    if (!piece.empty()) out.emplace_back(piece);
    start = end + 1;
  }
  return out;
}

char ChooseDelimiter(const std::string& header) {
  if (header.find(',') != std::string::npos) return ',';
  if (header.find(';') != std::string::npos) return ';';
  if (header.find('\t') != std::string::npos) return '\t';
  return ',';
}

// Which field of a record holds each journal field (nullopt: no such column).
using ColumnIndex = std::optional<size_t>;

struct ColumnMap {
  std::vector<ColumnIndex> where;  // by Field
  std::vector<size_t> unnamed;     // columns without a name: a row must leave them empty
};

// A header name fit to quote in a message, so that it can be given to --ignore-column as
// it stands («Løpenr»): control characters (and, in text that is not UTF-8, every byte
// above ASCII) as '?', cut after about 60 bytes on a character boundary.
std::string Quotable(std::string_view name) {
  name = TrimSpace(name);
  const bool utf8 = IsWellFormedUtf8(name);
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    const auto b = static_cast<unsigned char>(name[i]);
    const bool continuation = (b & 0xC0) == 0x80;
    if (out.size() >= 60 && !(utf8 && continuation)) return out + "...";
    out.push_back(b < 0x20 || b == 0x7F || (b >= 0x80 && !utf8) ? '?' : name[i]);
  }
  return out;
}

std::string Folded(std::string_view name) { return ToLowerUtf8(TrimSpace(name)); }

// The export's column name of each field, folded.
std::vector<std::string> WantedNames(const CsvJournalOptions& options) {
  for (const auto& [field, name] : options.columns) {
    bool known = false;
    for (const std::string& f : FieldNames()) known = known || f == field;
    if (!known) throw JournalReadError("no journal field '" + field + "' to map a column to");
  }
  std::vector<std::string> wanted(kFieldCount);
  for (size_t f = 0; f < kFieldCount; ++f) {
    auto mapped = options.columns.find(FieldNames()[f]);
    wanted[f] = Folded(mapped == options.columns.end() ? FieldNames()[f] : mapped->second);
  }
  return wanted;
}

void RequireColumns(const ColumnMap& map, const CsvJournalOptions& options) {
  for (Field required : {kJournalNumber, kTitle}) {
    if (map.where[required]) continue;
    auto mapped = options.columns.find(FieldNames()[required]);
    const std::string name =
        mapped == options.columns.end() ? FieldNames()[required] : mapped->second;
    throw JournalReadError("the header row has no column '" + name + "' for the " +
                           (required == kTitle ? "title" : "journal number") +
                           "; name the export's column with --column " + FieldNames()[required] +
                           "=NAME");
  }
  // A mapping to a column the header lacks would leave its field unread without a word.
  for (const auto& [field, name] : options.columns) {
    for (size_t f = 0; f < kFieldCount; ++f) {
      if (FieldNames()[f] == field && !map.where[f]) {
        throw JournalReadError("the header row has no column '" + Quotable(name) +
                               "' (given with --column " + field + "=" + Quotable(name) + ")");
      }
    }
  }
}

ColumnMap MapColumns(const std::vector<std::string>& header, const CsvJournalOptions& options) {
  const std::vector<std::string> wanted = WantedNames(options);
  std::set<std::string> ignored;
  for (const std::string& name : options.ignored_columns) ignored.insert(Folded(name));
  for (size_t f = 0; f < kFieldCount; ++f) {
    if (ignored.count(wanted[f])) {
      throw JournalReadError("--ignore-column '" + Quotable(wanted[f]) +
                             "' names the column skjerm reads for the field " + FieldNames()[f]);
    }
  }
  ColumnMap map;
  map.where.resize(kFieldCount);
  std::map<std::string, size_t> column_of;
  std::vector<std::string> unknown;
  // A name given twice is reported only once the row is known to be a header (it has the
  // required columns): a file without a header row would otherwise have a cell of its first
  // entry (a party's name, given twice) quoted as a column.
  std::string twice;
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string name = Folded(header[i]);
    if (name.empty()) {
      map.unnamed.push_back(i);
      continue;
    }
    auto [first, inserted] = column_of.emplace(name, i);
    if (!inserted) {
      if (twice.empty()) {
        twice = "the header row names the column '" + Quotable(header[i]) + "' twice (columns " +
                std::to_string(first->second + 1) + " and " + std::to_string(i + 1) + ")";
      }
      continue;
    }
    bool read = false;
    for (size_t f = 0; f < kFieldCount; ++f) {
      if (wanted[f] == name) {
        map.where[f] = i;
        read = true;
      }
    }
    if (!read && !ignored.count(name)) {
      unknown.push_back("'" + Quotable(header[i]) + "' (column " + std::to_string(i + 1) + ")");
    }
  }
  RequireColumns(map, options);
  if (!twice.empty()) throw JournalReadError(twice);
  if (!unknown.empty()) {
    std::string list;
    for (size_t k = 0; k < unknown.size() && k < kMaxListedColumns; ++k) {
      list += (k ? ", " : "") + unknown[k];
    }
    if (unknown.size() > kMaxListedColumns) {
      list += " and " + std::to_string(unknown.size() - kMaxListedColumns) + " more";
    }
    throw JournalReadError(
        "the header row has " + std::string(unknown.size() == 1 ? "a column" : "columns") +
        " skjerm does not read: " + list +
        "; what the public journal shows must be judged, so map each to a field with --column "
        "FIELD=NAME, or declare with --ignore-column NAME that the public journal does not "
        "show it");
  }
  return map;
}

class RowReader {
 public:
  RowReader(ColumnMap columns, size_t header_size, std::string base_dir, CsvEncoding encoding,
            JournalSink& sink)
      : where_(std::move(columns.where)),
        unnamed_(std::move(columns.unnamed)),
        header_size_(header_size),
        base_dir_(std::move(base_dir)),
        encoding_(encoding),
        sink_(sink) {}

  void Read(CsvRecord& record) {
    bool blank = true;
    for (std::string& f : record.fields) {
      if (encoding_ == CsvEncoding::kWindows1252) f = FromWindows1252(f);
      blank = blank && TrimSpace(f).empty();
    }
    if (blank) return;  // ";;;;" rows at the end of spreadsheet exports
    for (const std::string& f : record.fields) {
      if (!IsWellFormedUtf8(f)) {
        sink_.OnSkipped(record.line,
                        "not valid UTF-8 (a Windows-1252 export? try --encoding windows-1252)");
        return;
      }
    }
    // Even empty extra fields: "Vedtak, Kari Nordmann,," has shifted a name into the
    // access code column, which is not sealed.
    if (record.fields.size() > header_size_) {
      sink_.OnSkipped(record.line,
                      std::to_string(record.fields.size()) + " fields where the header has " +
                          std::to_string(header_size_) + " (a delimiter in an unquoted field?)");
      return;
    }
    for (size_t i : unnamed_) {
      if (i < record.fields.size() && !TrimSpace(record.fields[i]).empty()) {
        sink_.OnSkipped(record.line, "something in column " + std::to_string(i + 1) +
                                         ", which the header row does not name");
        return;
      }
    }
    JournalEntry entry;
    entry.journal_number = Cell(record, kJournalNumber);
    entry.title = Cell(record, kTitle);
    if (entry.journal_number.empty()) {
      sink_.OnSkipped(record.line, "no journal number");
      return;
    }
    if (entry.title.empty()) {
      sink_.OnSkipped(record.line, "no title");
      return;
    }
    entry.journal_date = Date(record, kJournalDate, "journal date");
    entry.document_date = Date(record, kDocumentDate, "document date");
    const std::string direction = Cell(record, kDirection);
    entry.direction = DirectionCode(direction);
    if (!direction.empty() && entry.direction.empty()) {
      sink_.OnWarning(record.line,
                      "direction not recognised (I, U, N, X, S or the Noark wording); left empty");
    }
    entry.access_code = Cell(record, kAccessCode);
    entry.legal_basis = Cell(record, kLegalBasis);
    entry.given_public_title = Cell(record, kPublicTitle);
    entry.screened_fields = Cell(record, kScreenedFields);
    entry.parties = SplitList(Cell(record, kParties), ";\n");
    int urls = 0;
    for (const std::string& document : SplitList(Cell(record, kDocument), ";\n")) {
      entry.documents.push_back(DocumentReferenceFromExport(base_dir_, document));
      urls += KindOfDocumentReference(entry.documents.back()) == DocumentReferenceKind::kUrl;
    }
    if (urls > 0) sink_.OnWarning(record.line, UrlWarning(urls));
    sink_.OnEntry(std::move(entry), record.line);
  }

 private:
  std::string Cell(const CsvRecord& record, Field field) const {
    const ColumnIndex& i = where_[field];
    if (!i || *i >= record.fields.size()) return "";
    return std::string(TrimSpace(record.fields[*i]));
  }

  std::string Date(const CsvRecord& record, Field field, const char* what) {
    const std::string text = Cell(record, field);
    if (text.empty()) return "";
    std::string date = NormaliseJournalDate(text);
    if (date.empty()) {
      sink_.OnWarning(record.line,
                      std::string(what) + " not understood (YYYY-MM-DD or DD.MM.YYYY); left empty");
    }
    return date;
  }

  std::vector<ColumnIndex> where_;
  std::vector<size_t> unnamed_;
  size_t header_size_;
  std::string base_dir_;
  CsvEncoding encoding_;
  JournalSink& sink_;
};

}  // namespace

const std::vector<std::string>& CsvJournalFields() { return FieldNames(); }

CsvRecordReader::CsvRecordReader(std::istream& in, char delimiter, int64_t first_line)
    : in_(in), delimiter_(delimiter), line_(first_line), buffer_(1 << 16) {}

int CsvRecordReader::Peek() {
  if (pos_ == end_) {
    in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    end_ = static_cast<size_t>(in_.gcount());
    pos_ = 0;
    if (end_ == 0) return -1;
  }
  return static_cast<unsigned char>(buffer_[pos_]);
}

int CsvRecordReader::Get() {
  const int c = Peek();
  if (c >= 0) ++pos_;
  return c;
}

void CsvRecordReader::ReadQuoted(std::string* field, int64_t record_line) {
  for (;;) {
    const int c = Get();
    if (c < 0) {
      throw JournalReadError(LineText(record_line) +
                             ": a quoted field is not closed before the end of the file");
    }
    if (field->size() > kMaxFieldBytes) {
      throw JournalReadError(LineText(record_line) +
                             ": a quoted field runs on for more than 1 MiB (a quote not closed?)");
    }
    if (c == '"') {
      if (Peek() != '"') return;
      Get();
      field->push_back('"');
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && Peek() == '\n') Get();
      field->push_back('\n');
      ++line_;
    } else {
      field->push_back(static_cast<char>(c));
    }
  }
}

bool CsvRecordReader::Next(CsvRecord* record) {
  for (;;) {
    record->line = line_;
    record->fields.clear();
    std::string field;
    bool field_quoted = false;
    bool content = false;  // a delimiter, a quote or a non-blank character in this record
    size_t record_bytes = 0;
    for (;;) {
      const int c = Get();
      const bool at_end = c < 0 || c == '\n' || c == '\r';
      if (at_end) {
        if (c == '\r' && Peek() == '\n') Get();
        if (c >= 0) ++line_;
        if (!content) {
          if (c < 0) return false;
          break;  // a blank line: on to the next
        }
        record->fields.push_back(std::move(field));
        return true;
      }
      if (c == delimiter_) {
        record_bytes += field.size() + 1;
        if (record_bytes > kMaxRecordBytes) {
          throw JournalReadError(LineText(record->line) + ": a record longer than 8 MiB");
        }
        if (record->fields.size() >= kMaxFields) {
          throw JournalReadError(LineText(record->line) + ": a record of more than " +
                                 std::to_string(kMaxFields) + " fields");
        }
        record->fields.push_back(std::move(field));
        field.clear();
        field_quoted = false;
        content = true;
      } else if (c == '"' && !field_quoted && TrimSpace(field).empty()) {
        field.clear();
        ReadQuoted(&field, record->line);
        field_quoted = true;
        content = true;
      } else {
        if (field.size() > kMaxFieldBytes) {
          throw JournalReadError(LineText(record->line) + ": a field longer than 1 MiB");
        }
        field.push_back(static_cast<char>(c));
        if (c != ' ' && c != '\t') content = true;
      }
    }
  }
}

void ReadCsvJournal(std::istream& in, const std::string& base_dir, const CsvJournalOptions& options,
                    JournalSink& sink) {
  std::string header_line;
  for (int c = in.get(); c != std::char_traits<char>::eof() && c != '\n'; c = in.get()) {
    if (header_line.size() >= kMaxHeaderBytes) {
      throw JournalReadError("line 1 is longer than 1 MiB: not a header row naming the columns");
    }
    header_line.push_back(static_cast<char>(c));
  }
  if (header_line.empty() && in.eof()) {
    throw JournalReadError("the file is empty; a header row naming the columns is expected");
  }
  if (header_line.compare(0, 3, "\xEF\xBB\xBF") == 0) header_line.erase(0, 3);
  if (!header_line.empty() && header_line.back() == '\r') header_line.pop_back();
  const char delimiter = options.delimiter ? options.delimiter : ChooseDelimiter(header_line);

  std::istringstream header_stream(header_line);
  CsvRecordReader header_reader(header_stream, delimiter);
  CsvRecord header;
  if (!header_reader.Next(&header)) {
    throw JournalReadError("line 1 is empty; a header row naming the columns is expected");
  }
  if (options.encoding == CsvEncoding::kWindows1252) {
    for (std::string& name : header.fields) name = FromWindows1252(name);
  }
  RowReader rows(MapColumns(header.fields, options), header.fields.size(), base_dir,
                 options.encoding, sink);
  CsvRecordReader reader(in, delimiter, 2);
  CsvRecord record;
  while (reader.Next(&record)) rows.Read(record);
}

void ReadCsvJournal(const std::string& path, const CsvJournalOptions& options, JournalSink& sink) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw JournalReadError("cannot open the file");
  ReadCsvJournal(in, DirectoryOf(path), options, sink);
  if (in.bad()) throw JournalReadError("reading the file failed");
}

}  // namespace skjerm
