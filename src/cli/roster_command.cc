#include "cli/roster_command.h"

#include <chrono>
#include <iostream>
#include <memory>
#include <unordered_set>

#include "base/file_util.h"
#include "base/utf8.h"
#include "detect/roles/roster_terms.h"
#include "detect/word_list.h"
#include "journal/database.h"
#include "journal/database_key.h"
#include "journal/roster_csv.h"
#include "journal/roster_store.h"

namespace skjerm {
namespace {

constexpr uint64_t kMaxRosterBytes = 256ull << 20;

struct ImportOptions {
  std::string file;
  std::vector<std::string> dictionaries;
};

std::string PatternsDir(const GlobalOptions& global) {
  return global.patterns_dir.empty() ? SKJERM_PATTERNS_DIR : global.patterns_dir;
}

// Which name parts are ordinary words: the national dictionaries, and the list shipped in
// patterns/names/ for machines without them.
OrdinaryWordTest MakeOrdinaryWordTest(const std::vector<RosterRecord>& records,
                                      const std::vector<std::string>& dictionaries,
                                      const std::string& patterns_dir) {
  std::vector<std::string> parts;
  for (const RosterRecord& r : records) {
    for (const std::string* name : {&r.given_names, &r.family_name}) {
      std::string part;
      for (char c : *name + " ") {
        if (c == ' ' || c == '-') {
          if (!part.empty()) parts.push_back(part);
          part.clear();
        } else {
          part.push_back(c);
        }
      }
    }
  }
  bool found_any = false;
  auto ordinary = std::make_shared<std::unordered_set<std::string>>(
      FindOrdinaryWords(parts, dictionaries, &found_any));
  auto shipped = std::make_shared<FoldedWordSet>();
  shipped->AddFile(patterns_dir + "/names/ordinary_words.txt");
  if (!found_any) {
    std::cerr << "skjerm: warning: no dictionary found (" << dictionaries.front()
              << " ...); names that are ordinary words are known only from " << patterns_dir
              << "/names/ordinary_words.txt\n";
  }
  return [ordinary, shipped](std::string_view part) {
    return ordinary->count(ToLowerUtf8(part)) > 0 || shipped->Contains(part);
  };
}

int RunImport(const ImportOptions& options, const GlobalOptions& global) {
  const auto started = std::chrono::steady_clock::now();
  std::string text;
  std::string error = ReadFileBounded(options.file, kMaxRosterBytes, &text);
  if (!error.empty()) {
    std::cerr << "skjerm: cannot read " << options.file << ": " << error << "\n";
    return 1;
  }
  if (text.size() > kMaxRosterBytes) {
    std::cerr << "skjerm: " << options.file << " is too large for a roster\n";
    return 1;
  }
  RosterCsv csv;
  try {
    csv = ParseRosterCsv(text);
  } catch (const RosterCsvError& e) {
    std::cerr << "skjerm: " << options.file << ": " << e.what() << "\n";
    return 1;
  }
  for (const RosterNote& note : csv.skipped) {
    std::cerr << options.file << ":" << note.line << ": skipped: row " << note.reason << "\n";
  }
  if (csv.records.empty()) {
    std::cerr << "skjerm: " << options.file
              << " has no usable rows; the roster in the database is left as it was\n";
    return 1;
  }
  try {
    Database db = Database::Open(global.db_path);
    const std::string key = OpenDatabaseKey(db, global.keys());
    std::vector<RosterNote> warnings = csv.warnings;
    RosterImportCounts counts = ReplaceRoster(
        db, key, csv.records, static_cast<int>(csv.skipped.size()),
        MakeOrdinaryWordTest(csv.records, options.dictionaries, PatternsDir(global)), &warnings);
    db.RestrictFiles();
    for (const RosterNote& note : warnings) {
      std::cerr << options.file << ":" << note.line << ": warning: " << note.reason << "\n";
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << "Roster imported into " << global.db_path << ": " << counts.persons << " persons ("
              << counts.pupils << " pupils, " << counts.guardians << " guardians, " << counts.staff
              << " staff; " << counts.is_protected << " protected), " << counts.guardian_links
              << " guardian links; " << csv.skipped.size() << " rows skipped, " << warnings.size()
              << " warnings (" << static_cast<int>(seconds * 1000)
              << " ms). The previous roster was replaced.\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "skjerm: roster import failed: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace

void AddRosterCommand(CLI::App& app, GlobalOptions& global, int* exit_status) {
  CLI::App* roster =
      app.add_subcommand("roster", "The school's roster of pupils, guardians and staff");
  roster->require_subcommand(1);
  auto options = std::make_shared<ImportOptions>();
  options->dictionaries = DefaultDictionaryPaths();
  CLI::App* import = roster->add_subcommand(
      "import", "Replace the roster with a CSV export (stored as keyed hashes only)");
  import
      ->add_option("file", options->file,
                   "CSV: id,role,given_names,family_name,birth_date,"
                   "national_id,protected,guardian_of")
      ->required();
  import->add_option("--dictionary", options->dictionaries,
                     "Word lists that tell which names are ordinary words (default: "
                     "/usr/share/dict/{bokmål,nynorsk,svenska,dansk})");
  import->callback([options, &global, exit_status] { *exit_status = RunImport(*options, global);
});
}  // namespace skjerm

}  // namespace skjerm
