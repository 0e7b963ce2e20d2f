#include "journal/journal_import.h"

#include <algorithm>
#include <fstream>
#include <optional>

#include "base/utf8.h"
#include "journal/document_reference.h"
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
    CountDocuments(entry);
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

  void CountDocuments(const JournalEntry& entry) {
    bool missing = false, url = false;
    for (const std::string& d : entry.documents) {
      const DocumentReferenceKind kind = KindOfDocumentReference(d);
      missing |= kind == DocumentReferenceKind::kMissing;
      url |= kind == DocumentReferenceKind::kUrl;
    }
    result_->without_documents += entry.documents.empty();
    result_->with_missing_file += missing;
    result_->with_url += url;
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
  if (!r.nothing_imported.empty()) note += "; nothing imported: " + r.nothing_imported;
  return note;
}

// Why a file read to its end gave no entry.
std::string NothingImported(const JournalImportResult& r, JournalFormat format) {
  if (r.skipped > 0) {
    return "none of its " + std::to_string(r.skipped) +
           (format == JournalFormat::kNoark ? " registreringer" : " records") +
           " was imported (see the reasons they were skipped)";
  }
  if (format == JournalFormat::kNoark) {
    return "the file holds no registrering (skjerm reads journal entries from "
           "<registrering xsi:type=\"journalpost\"> in arkivstruktur.xml)";
  }
  return "the file has a header row but no entries";
}

// Why a JSON file is refused, naming what it appears to be.
std::string JsonRefusal(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "cannot open the file";
  char head[4096];
  in.read(head, sizeof(head));
  const std::string start = ToLowerUtf8(std::string(head, static_cast<size_t>(in.gcount())));
  const bool linked_data = start.find("\"@context\"") != std::string::npos;
  const std::string what = linked_data && start.find("einnsyn") != std::string::npos
                               ? "eInnsyn JSON-LD"
                           : linked_data ? "JSON-LD"
                                         : "JSON";
  return "the file is " + what +
         ", which skjerm does not import yet (it reads Noark 5 arkivstruktur.xml and CSV)";
}

}  // namespace

const char* JournalFormatName(JournalFormat format) {
  switch (format) {
    case JournalFormat::kCsv:
      return "CSV";
    case JournalFormat::kNoark:
      return "Noark 5";
    case JournalFormat::kJson:
      return "JSON";
  }
  return "CSV";
}

JournalFormat DetectJournalFormat(const std::string& path) {
  const size_t dot = path.find_last_of("./");
  const std::string extension =
      dot != std::string::npos && path[dot] == '.' ? ToLowerUtf8(path.substr(dot + 1)) : "";
  if (extension == "xml") return JournalFormat::kNoark;
  if (extension == "csv" || extension == "tsv" || extension == "txt") return JournalFormat::kCsv;
  if (extension == "json" || extension == "jsonld") return JournalFormat::kJson;
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
  if (start.empty()) return JournalFormat::kCsv;
  if (start.front() == '<') return JournalFormat::kNoark;
  if (start.front() == '{' || start.front() == '[') return JournalFormat::kJson;
  return JournalFormat::kCsv;
}

JournalImportResult ImportJournalFile(JournalStore& store, const std::string& path,
                                      const JournalImportOptions& options) {
  JournalImportResult result;
  result.run = store.BeginRun("import", "-");
  {
    StoreSink sink(store, options, result.run, &result);
    try {
      switch (options.format) {
        case JournalFormat::kNoark:
          ReadNoarkJournal(path, sink);
          break;
        case JournalFormat::kCsv:
          ReadCsvJournal(path, options.csv, sink);
          break;
        case JournalFormat::kJson:
          throw JournalReadError(JsonRefusal(path));
      }
    } catch (const JournalReadError& e) {
      result.error = e.what();
    }
    sink.Commit();
  }
  if (result.complete() && result.entries() == 0) {
    result.nothing_imported = NothingImported(result, options.format);
  }
  store.FinishRun(result.run, result.entries(), RunNote(result));
  return result;
}

}  // namespace skjerm
