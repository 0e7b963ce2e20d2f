#include "cli/journal_command.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include "journal/database.h"
#include "journal/database_key.h"
#include "journal/journal_import.h"

namespace skjerm {
namespace {

struct ImportFlags {
  std::string file;
  std::string status = "pending";
  std::string format = "auto";
  std::vector<std::string> columns;
  std::vector<std::string> ignored_columns;
  std::string delimiter;
  std::string encoding = "utf-8";
};

// The flags as import options; false (with a message on stderr) for a usage error.
bool ToOptions(const ImportFlags& flags, JournalImportOptions* options) {
  EntryStatusFromName(flags.status, &options->status);
  options->format = flags.format == "auto"    ? DetectJournalFormat(flags.file)
                    : flags.format == "noark" ? JournalFormat::kNoark
                                              : JournalFormat::kCsv;
  const bool csv_flags = !flags.columns.empty() || !flags.ignored_columns.empty() ||
                         !flags.delimiter.empty() || flags.encoding != "utf-8";
  if (options->format == JournalFormat::kNoark && csv_flags) {
    std::cerr << "skjerm: --column, --ignore-column, --delimiter and --encoding apply to CSV "
                 "files only\n";
    return false;
  }
  options->csv.ignored_columns = flags.ignored_columns;
  for (const std::string& mapping : flags.columns) {
    const size_t eq = mapping.find('=');
    const std::string field = mapping.substr(0, eq);
    bool known = false;
    for (const std::string& f : CsvJournalFields()) known = known || f == field;
    if (eq == std::string::npos || eq + 1 == mapping.size() || !known) {
      std::cerr << "skjerm: --column wants FIELD=NAME with FIELD one of:";
      for (const std::string& f : CsvJournalFields()) std::cerr << " " << f;
      std::cerr << "\n";
      return false;
    }
    options->csv.columns[field] = mapping.substr(eq + 1);
  }
  if (flags.delimiter == "\\t" || flags.delimiter == "tab") {
    options->csv.delimiter = '\t';
  } else if (flags.delimiter.size() == 1 && flags.delimiter != "\"" && flags.delimiter != "\n" &&
             flags.delimiter != "\r") {
    options->csv.delimiter = flags.delimiter[0];
  } else if (!flags.delimiter.empty()) {
    std::cerr << "skjerm: --delimiter wants one character (or 'tab')\n";
    return false;
  }
  options->csv.encoding =
      flags.encoding == "windows-1252" ? CsvEncoding::kWindows1252 : CsvEncoding::kUtf8;
  return true;
}

void PrintSummary(const JournalImportResult& r, const ImportFlags& flags,
                  const JournalImportOptions& options, const std::string& db_path, double seconds) {
  std::cout << "Imported " << flags.file << " (" << JournalFormatName(options.format) << ") into "
            << db_path << ", run " << r.run << ": " << r.entries() << " entries: " << r.added
            << " added, " << r.changed << " changed, " << r.unchanged << " unchanged; " << r.skipped
            << " skipped, " << r.warnings << " warnings";
  char time[32];
  std::snprintf(time, sizeof(time), " (%.2f s).\n", seconds);
  std::cout << time;
  auto list = [](const char* heading, const std::vector<ImportNote>& notes, int64_t total) {
    if (notes.empty()) return;
    std::cout << heading << ":\n";
    for (const ImportNote& note : notes) {
      std::cout << "  line " << note.line << ": " << note.reason << "\n";
    }
    if (total > static_cast<int64_t>(notes.size())) {
      std::cout << "  ... and " << total - static_cast<int64_t>(notes.size()) << " more\n";
    }
  };
  list("Skipped", r.skipped_notes, r.skipped);
  if (r.skipped > static_cast<int64_t>(r.skipped_notes.size())) {
    std::cout << "Skipped by reason:\n";
    for (const auto& [reason, count] : r.skipped_by_reason) {
      std::cout << "  " << count << " x " << reason << "\n";
    }
  }
  list("Warnings", r.warning_notes, r.warnings);
  auto count = [](int64_t n, const char* one, const char* many, const char* what) {
    if (n > 0) std::cout << "  " << n << " " << (n == 1 ? one : many) << " " << what << "\n";
  };
  if (r.without_documents + r.with_missing_file + r.with_url > 0) std::cout << "Documents:\n";
  count(r.without_documents, "entry", "entries",
        "without documents: judged on title, parties and access code alone");
  count(r.with_missing_file, "entry has", "entries have",
        "a document description that names no file: check judges each error until an "
        "import names the file");
  count(r.with_url, "entry has", "entries have",
        "a document given as a URL: check judges each error (skjerm reads local files only)");
}

int RunImport(const ImportFlags& flags, const GlobalOptions& global) {
  const auto started = std::chrono::steady_clock::now();
  JournalImportOptions options;
  if (!ToOptions(flags, &options)) return 2;
  try {
    Database db = Database::Open(global.db_path);
    JournalStore store(db, OpenDatabaseKey(db, global.keys()));
    const JournalImportResult result = ImportJournalFile(store, flags.file, options);
    db.RestrictFiles();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const bool read_any = result.entries() + result.skipped > 0;
    if (result.complete() || read_any) {
      PrintSummary(result, flags, options, global.db_path, seconds);
    }
    if (!result.nothing_imported.empty()) {
      std::cerr << "skjerm: " << flags.file
                << ": no journal entry imported: " << result.nothing_imported << "\n";
      return 1;
    }
    if (!result.complete()) {
      std::cerr << "skjerm: " << flags.file << ": " << result.error << "\n";
      if (read_any) {
        std::cerr << "skjerm: the file was not read to its end; the " << result.entries()
                  << " entries before the fault are in the journal\n";
      }
      return 1;
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "skjerm: journal import failed: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace

void AddJournalCommand(CLI::App& app, GlobalOptions& global, int* exit_status) {
  CLI::App* journal = app.add_subcommand("journal", "The journal of entries to be published");
  journal->require_subcommand(1);
  auto flags = std::make_shared<ImportFlags>();
  CLI::App* import = journal->add_subcommand(
      "import", "Read a journal export (CSV or Noark 5 arkivstruktur.xml) into the database");
  import->add_option("file", flags->file, "The export: a CSV file or arkivstruktur.xml")
      ->required();
  import->add_option("--status", flags->status, "Status of new entries")
      ->check(CLI::IsMember({"pending", "published"}))
      ->capture_default_str();
  import->add_option("--format", flags->format, "auto (by extension and content), csv or noark")
      ->check(CLI::IsMember({"auto", "csv", "noark"}))
      ->capture_default_str();
  import->add_option("--column", flags->columns,
                     "CSV: the export's name of a column, FIELD=NAME (repeatable); fields: "
                     "journal_number, journal_date, direction, title, access_code, document, "
                     "parties, document_date, legal_basis, public_title, screened_fields");
  import
      ->add_option("--ignore-column", flags->ignored_columns,
                   "CSV: a column the public journal does not show, which skjerm may leave "
                   "unread (repeatable, or NAME,NAME); any other column skjerm does not read "
                   "refuses the file")
      ->delimiter(',');
  import->add_option("--delimiter", flags->delimiter,
                     "CSV: the field delimiter (default: ',' or, when the header has none, "
                     "';' or tab)");
  import->add_option("--encoding", flags->encoding, "CSV: utf-8 or windows-1252")
      ->check(CLI::IsMember({"utf-8", "windows-1252"}))
      ->capture_default_str();
  import->callback([flags, &global, exit_status] { *exit_status = RunImport(*flags, global);
});
}  // namespace skjerm

}  // namespace skjerm
