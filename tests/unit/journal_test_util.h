// Helpers of the journal import tests: a sink that keeps what a reader reports, the
// readers run over a text, the message of a refused read, and a fixture with a journal
// store in a private folder. Test-only; not thread-safe.
#ifndef SKJERM_TESTS_UNIT_JOURNAL_TEST_UTIL_H_
#define SKJERM_TESTS_UNIT_JOURNAL_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "journal/csv_journal_reader.h"
#include "journal/database.h"
#include "journal/journal_reader.h"
#include "journal/journal_store.h"
#include "journal/noark_reader.h"
#include "temp_folder.h"

namespace skjerm {

struct Note {
  int64_t line;
  std::string reason;
};

class CollectingSink : public JournalSink {
 public:
  void OnEntry(JournalEntry entry, int64_t line) override {
    entries.push_back(std::move(entry));
    lines.push_back(line);
  }
  void OnSkipped(int64_t line, const std::string& reason) override {
    skipped.push_back({line, reason});
  }
  void OnWarning(int64_t line, const std::string& reason) override {
    warnings.push_back({line, reason});
  }

  std::vector<JournalEntry> entries;
  std::vector<int64_t> lines;
  std::vector<Note> skipped;
  std::vector<Note> warnings;
};

// The CSV export's folder, against which its document paths resolve.
inline constexpr char kCsvExportDir[] = "/exports/2024";

inline CollectingSink ReadCsv(const std::string& text, const CsvJournalOptions& options = {}) {
  std::istringstream in(text);
  CollectingSink sink;
  ReadCsvJournal(in, kCsvExportDir, options, sink);
  return sink;
}

inline CollectingSink ReadNoark(const std::string& text) {
  std::istringstream in(text);
  CollectingSink sink;
  ReadNoarkJournal(in, "/deposit", sink);
  return sink;
}

// The message of the JournalReadError that read throws; "(no error)" when it throws none.
inline std::string JournalError(const std::function<void()>& read) {
  try {
    read();
  } catch (const JournalReadError& e) {
    return e.what();
  }
  return "(no error)";
}

// A journal store (fixed key) in a private folder, and files written beside it.
class JournalStoreTest : public ::testing::Test {
 protected:
  JournalStoreTest()
      : folder_("skjerm-journal"),
        dir_(folder_.path().string()),
        db_(std::make_unique<Database>(Database::Open(folder_.File("skjerm.db")))),
        store_(std::make_unique<JournalStore>(*db_, std::string(32, 'k'))) {}

  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = folder_.File(name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  TempFolder folder_;
  std::string dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<JournalStore> store_;
};

}  // namespace skjerm

#endif  // SKJERM_TESTS_UNIT_JOURNAL_TEST_UTIL_H_
