// Importing a journal export into the journal store: the file is read as a stream (CSV or
// Noark 5) and each entry upserted by journal number as soon as it is read, in
// transactions of a few hundred entries — a kill loses at most the batch in hand, and a
// file that breaks off keeps everything before the fault. The import is one run in the
// store ("import").
//
// A journal number that appears twice in one file is imported once, from its first
// record; the later records are skipped with the line of the first, so that importing the
// same file again changes nothing. Importing a file again with an entry changed (a document
// reference filled in, a title corrected) updates that entry and makes it pending: the
// next check judges it anew.
//
// Nothing passes quietly: a file from which no entry is imported is a failure of the
// import (nothing_imported says why), and the result counts the entries skjerm can judge
// on their metadata only (no documents) and those it will judge `error` (a document
// description naming no file, a document given as a URL; journal/document_reference.h).
#ifndef SKJERM_JOURNAL_JOURNAL_IMPORT_H_
#define SKJERM_JOURNAL_JOURNAL_IMPORT_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "journal/csv_journal_reader.h"
#include "journal/journal_store.h"

namespace skjerm {

// kJson is recognised to be refused: skjerm reads no JSON journal (eInnsyn JSON-LD) yet.
enum class JournalFormat { kCsv, kNoark, kJson };

const char* JournalFormatName(JournalFormat format);

// By the file's extension (.xml; .csv, .tsv, .txt; .json, .jsonld) and else by its first
// bytes (XML starts with '<' after an optional byte order mark and blanks, JSON with '{' or
// '[').
JournalFormat DetectJournalFormat(const std::string& path);

struct ImportNote {
  int64_t line = 0;
  std::string reason;  // never quotes a field
};

struct JournalImportResult {
  int64_t run = 0;
  int64_t added = 0;
  int64_t changed = 0;
  int64_t unchanged = 0;
  int64_t skipped = 0;
  int64_t warnings = 0;
  // Of the entries imported: with no document at all (judged on their title, parties and
  // access code), with a document description that names no file, with a document given as
  // a URL (both judged error by check).
  int64_t without_documents = 0;
  int64_t with_missing_file = 0;
  int64_t with_url = 0;
  // The first kMaxListedNotes of each, in file order, and how often each reason occurred.
  std::vector<ImportNote> skipped_notes;
  std::vector<ImportNote> warning_notes;
  std::map<std::string, int64_t> skipped_by_reason;
  // "" when the file was read to its end; else why not (with the line), and the entries
  // before that point are in the store.
  std::string error;
  // Read to its end, yet no entry imported: why ("" when some were). The import failed.
  std::string nothing_imported;

  int64_t entries() const { return added + changed + unchanged; }
  bool complete() const { return error.empty(); }
};

constexpr size_t kMaxListedNotes = 100;

struct JournalImportOptions {
  JournalFormat format = JournalFormat::kCsv;
  CsvJournalOptions csv;
  EntryStatus status = EntryStatus::kPending;  // of new entries
  size_t batch_size = 500;                     // entries per transaction
};

// Imports the file at path into store as one run. Read faults end up in the result's
// error; database failures are thrown (DatabaseError), with the batches before them kept.
JournalImportResult ImportJournalFile(JournalStore& store, const std::string& path,
                                      const JournalImportOptions& options);

}  // namespace skjerm

#endif  // SKJERM_JOURNAL_JOURNAL_IMPORT_H_
