// Reading a journal a records system exported as CSV (RFC 4180: fields may be quoted,
// quoted fields may hold the delimiter, doubled quotes and line breaks; UTF-8 with or
// without a byte order mark, or Windows-1252 on request; LF or CRLF line ends), with a
// header row that names the columns. The default column names are the field names:
//
//   journal_number,journal_date,direction,title,access_code,document
//
// required: journal_number and title; optional: journal_date, direction, access_code,
// document, parties, document_date, legal_basis, public_title, screened_fields. Other
// exports are read by mapping a field to their column name (journal_number=Journalpostnr);
// header names are compared without regard to case.
//
// Fail closed on the header: a named column skjerm does not read refuses the file, since
// what it holds (the parties under another name, say) would reach the public journal
// unjudged — unless it is mapped to a field or declared ignored (ignored_columns: the
// public journal does not show it). So does a column named twice, a mapping to a column
// the header lacks, and an ignored column that skjerm reads. A column without a name (a
// trailing delimiter in a spreadsheet's header) is allowed while it stays empty: a row
// with something in it is skipped.
//
// Cells: dates as YYYY-MM-DD or DD.MM.YYYY (stored as YYYY-MM-DD); direction as a Noark
// code (I, U, N, X, S) or its wording; several documents separated by ';' or line breaks,
// each resolved against the CSV file's directory to an absolute path — a URL is kept as a
// URL (with a warning: check judges the entry error, skjerm reads local files only;
// journal/document_reference.h); an empty document cell means the entry has no documents
// and is judged on its metadata. Several parties separated by ';' or line breaks, one
// party a line.
//
// A row without a journal number or a title is skipped with its line number; a row with
// more fields than the header (an unquoted delimiter inside a field) is skipped too, even
// when the extra fields are empty, since its columns cannot be trusted. A row with fewer
// fields has the missing ones empty. Empty rows are passed over silently. A field longer
// than 1 MiB, a record longer than 8 MiB or a header line longer than 1 MiB ends the
// reading with an error naming the line.
#ifndef SKJERM_JOURNAL_CSV_JOURNAL_READER_H_
#define SKJERM_JOURNAL_CSV_JOURNAL_READER_H_

#include <cstdint>
#include <istream>
#include <map>
#include <string>
#include <vector>

#include "journal/journal_reader.h"

namespace skjerm {

enum class CsvEncoding { kUtf8, kWindows1252 };

struct CsvJournalOptions {
  // 0: ',' — unless the header row holds ';' (a spreadsheet in a Nordic locale) or a tab
  // and no ',', in which case that.
  char delimiter = 0;
  // Field name -> the export's column name, for the fields whose column is named otherwise.
  std::map<std::string, std::string> columns;
  // Names of the export's columns that skjerm may leave unread.
  std::vector<std::string> ignored_columns;
  CsvEncoding encoding = CsvEncoding::kUtf8;
};

// The fields a CSV column can hold, by their default column names.
const std::vector<std::string>& CsvJournalFields();

// Reads the CSV journal in path; documents are resolved against its directory.
// Throws JournalReadError when the file cannot be opened, has no header row, lacks a
// required column or has one it cannot account for (above), or when a quoted field is
// never closed (the rows before it were read).
void ReadCsvJournal(const std::string& path, const CsvJournalOptions& options, JournalSink& sink);
// The same for a stream, with the directory documents are resolved against.
void ReadCsvJournal(std::istream& in, const std::string& base_dir, const CsvJournalOptions& options,
                    JournalSink& sink);

// One record of a CSV file with the line it starts on.
struct CsvRecord {
  int64_t line = 0;
  std::vector<std::string> fields;
};

// Reads the records of a CSV stream one at a time, in constant memory (but for the record
// itself). Line breaks inside quoted fields come out as "\n".
class CsvRecordReader {
 public:
  CsvRecordReader(std::istream& in, char delimiter, int64_t first_line = 1);
  CsvRecordReader(const CsvRecordReader&) = delete;
  CsvRecordReader& operator=(const CsvRecordReader&) = delete;

  // The next record that is not a blank line; false at the end of the stream.
  // Throws JournalReadError when the stream ends inside a quoted field.
  bool Next(CsvRecord* record);

 private:
  int Get();   // the next byte, or -1 at the end
  int Peek();  // the same without taking it
  void ReadQuoted(std::string* field, int64_t record_line);

  std::istream& in_;
  char delimiter_;
  int64_t line_;
  std::vector<char> buffer_;
  size_t pos_ = 0;
  size_t end_ = 0;
};

}  // namespace skjerm

#endif  // SKJERM_JOURNAL_CSV_JOURNAL_READER_H_
