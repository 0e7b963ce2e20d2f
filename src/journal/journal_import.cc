#include "journal/journal_import.h"

#include <algorithm>
#include <fstream>
#include <optional>

#include "base/utf8.h"
#include "journal/noark_reader.h"

namespace skjerm {
namespace {

// Distinct reasons counted one by one; the rest are counted together.
constexpr size_t kMaxReasons = 50;

// Upserts what a reader hands over, a batch of entries to a transaction.
class StoreSink : public JournalSink {
 public:
  StoreSink(JournalStore& store, const JournalImportOptions& options, int64_t run,
            JournalImportResult* result)
      : store_(store), options_(options), run_(run), result_(result) {
    // Journal numbers seen in this file, to import each once. A temporary table, so that
    // the memory it takes is SQLite's page cache, however long the file.
    store_.db().Execute(
        "DROP TABLE IF EXISTS temp.import_seen;"
        "CREATE TEMP TABLE import_seen(journal_number TEXT PRIMARY KEY, line INTEGER NOT NULL) "
        "WITHOUT ROWID;");
    seen_find_.emplace(
        store_.db().Prepare("SELECT line FROM temp.import_seen WHERE journal_number=?"));
    seen_add_.emplace(
        store_.db().Prepare("INSERT INTO temp.import_seen(journal_number, line) VALUES(?,?)"));
  }

  ~StoreSink() override {
    seen_find_.reset();
    seen_add_.reset();
    try {
      store_.db().Execute("DROP TABLE IF EXISTS temp.import_seen;");
    } catch (...) {
      // The table goes with the connection anyway.
    }
  }

  void OnEntry(JournalEntry entry, int64_t line) override {
    if (!transaction_) transaction_.emplace(store_.db());
    seen_find_->Bind(1, entry.journal_number);
    const std::optional<int64_t> first_line =
        seen_find_->Step() ? std::optional<int64_t>(seen_find_->ColumnInt(0)) : std::nullopt;
    seen_find_->Reset();
    if (first_line) {
      OnSkipped(line,
                "journal number repeated (first on line " + std::to_string(*first_line) + ")");
      return;
    }
    seen_add_->Bind(1, entry.journal_number).Bind(2, line).Run();
    seen_add_->Reset();
    switch (store_.Upsert(entry, options_.status, run_)) {
      case UpsertOutcome::kAdded:
        ++result_->added;
        break;
      case UpsertOutcome::kChanged:
        ++result_->changed;
        break;
      case UpsertOutcome::kUnchanged:
        ++result_->unchanged;
        break;
    }
    if (++in_batch_ >= std::max<size_t>(options_.batch_size, 1)) Commit();
  }

  void OnSkipped(int64_t line, const std::string& reason) override {
    ++result_->skipped;
    if (result_->skipped_notes.size() < kMaxListedNotes) {
      result_->skipped_notes.push_back({line, reason});
    }
    auto& by_reason = result_->skipped_by_reason;
    if (by_reason.count(reason) || by_reason.size() < kMaxReasons) {
      ++by_reason[reason];
    } else {
      ++by_reason["other reasons"];
    }
  }

  void OnWarning(int64_t line, const std::string& reason) override {
    ++result_->warnings;
    if (result_->warning_notes.size() < kMaxListedNotes) {
      result_->warning_notes.push_back({line, reason});
    }
  }

  void Commit() {
    if (transaction_) transaction_->Commit();
    transaction_.reset();
    in_batch_ = 0;
  }

 private:
  JournalStore& store_;
  const JournalImportOptions& options_;
  int64_t run_;
  JournalImportResult* result_;
  std::optional<Statement> seen_find_;
  std::optional<Statement> seen_add_;
  std::optional<Transaction> transaction_;
  size_t in_batch_ = 0;
};

std::string RunNote(const JournalImportResult& r) {
  std::string note = "added " + std::to_string(r.added) + ", changed " + std::to_string(r.changed) +
                     ", unchanged " + std::to_string(r.unchanged) + ", skipped " +
                     std::to_string(r.skipped);
  if (!r.complete()) note += "; incomplete: " + r.error;
  return note;
}

}  // namespace

const char* JournalFormatName(JournalFormat format) {
  return format == JournalFormat::kNoark ? "Noark 5" : "CSV";
}

JournalFormat DetectJournalFormat(const std::string& path) {
  const size_t dot = path.find_last_of("./");
  const std::string extension =
      dot != std::string::npos && path[dot] == '.' ? ToLowerUtf8(path.substr(dot + 1)) : "";
  if (extension == "xml") return JournalFormat::kNoark;
  if (extension == "csv" || extension == "tsv" || extension == "txt") return JournalFormat::kCsv;
  std::ifstream in(path, std::ios::binary);
  char head[512];
  in.read(head, sizeof(head));
  std::string_view start(head, static_cast<size_t>(in.gcount()));
  if (start.substr(0, 3) == "\xEF\xBB\xBF") start.remove_prefix(3);
  // UTF-16 text with a byte order mark: only XML is written so.
  if (start.substr(0, 2) == "\xFF\xFE" || start.substr(0, 2) == "\xFE\xFF") {
    return JournalFormat::kNoark;
  }
  start = TrimSpace(start);
  return !start.empty() && start.front() == '<' ? JournalFormat::kNoark : JournalFormat::kCsv;
}

JournalImportResult ImportJournalFile(JournalStore& store, const std::string& path,
                                      const JournalImportOptions& options) {
  JournalImportResult result;
  result.run = store.BeginRun("import", "-");
  {
    StoreSink sink(store, options, result.run, &result);
    try {
      if (options.format == JournalFormat::kNoark) {
        ReadNoarkJournal(path, sink);
      } else {
        ReadCsvJournal(path, options.csv, sink);
      }
    } catch (const JournalReadError& e) {
      result.error = e.what();
    }
    sink.Commit();
  }
  store.FinishRun(result.run, result.entries(), RunNote(result));
  return result;
}

}  // namespace skjerm
