#include "cli/hook_command.h"

#include <iostream>
#include <memory>

#include "cli/extract_flags.h"
#include "cli/journal_batch.h"
#include "pipeline/rule_set.h"
#include "report/entry_report.h"

namespace skjerm {
namespace {

struct HookFlags {
  std::string entry;
  std::string file;
  std::string title;
  std::string access_code;
  bool reveal = false;
  ExtractFlags extract;
};

void PrintError(const std::string& message) {
  std::cout << JsonLine({{"decision", "error"}, {"publish", false}, {"error", message}}) << '\n';
}

// An entry of the journal database: judged now (text from the cache when unchanged),
// recorded, and its status set.
int HookEntry(const HookFlags& flags, const GlobalOptions& global) {
  int failure = 0;
  auto session = JournalSession::Open(global, /*with_rules=*/true, /*must_exist=*/true, &failure);
  if (!session) return failure;
  JournalStore& store = *session->store;
  std::optional<StoredEntry> entry = store.FindByNumber(flags.entry);
  if (!entry) {
    PrintError("no journal entry " + flags.entry);
    return 2;
  }
  const int64_t run = store.BeginRun("hook", session->rules->rule_set->version());
  EntryStatus status = EntryStatus::kHeld;
  JournalBatch batch(*session, global.db_path, flags.extract.ToScanOptions());
  batch.Run({entry->id}, [&](const StoredEntry& e, EntryJudgement&& judgement) {
    const EntryVerdict verdict = ToStoredVerdict(judgement, store);
    status = StatusAfter(verdict, store.LatestRelease(e.id));
    store.RecordVerdict(run, e.id, verdict, status);
    nlohmann::json j = EntryToJson(e.entry, judgement, status, {flags.reveal, false});
    // What the pipeline acts on: a held entry an archivist released may be published.
    j["publish"] = status == EntryStatus::kPublished || status == EntryStatus::kReleased;
    std::cout << JsonLine(j) << '\n';
  });
  store.FinishRun(run, 1, EntryStatusName(status));
  return status == EntryStatus::kPublished || status == EntryStatus::kReleased ? 0 : 1;
}

// A file with an optional title and access code, without the journal database.
int HookFile(const HookFlags& flags, const GlobalOptions& global) {
  int failure = 0;
  std::unique_ptr<LoadedRules> rules = LoadRules(global, /*use_roster_if_present=*/true, &failure);
  if (!rules) return failure;
  AccessCodes codes;
  try {
    codes = AccessCodes::FromFile(ResolvePatternsDir(global.patterns_dir) + "/journal.toml");
  } catch (const std::exception& e) {
    std::cerr << "skjerm: cannot load the access codes: " << e.what() << '\n';
    return 2;
  }
  Scanner scanner(*rules->rule_set);
  EntryJudge judge(scanner, codes, rules->rule_set->policy());
  JournalEntry entry;
  entry.title = flags.title;
  entry.access_code = flags.access_code;
  entry.documents.push_back(flags.file);
  EntryJudgement judgement;
  try {
    ScanPipeline pipeline(scanner, flags.extract.ToScanOptions());
    ScanResult result =
        pipeline.ScanOne(ScanJob{flags.file, std::nullopt, judge.EntryMarking(entry), ""});
    judgement = judge.Judge(entry, {std::move(result)});
  } catch (const std::exception& e) {  // an access code configured as an error
    PrintError(e.what());
    return 1;
  }
  const bool blocked = Blocks(judgement.decision);
  nlohmann::json j =
      EntryToJson(entry, judgement, blocked ? EntryStatus::kHeld : EntryStatus::kPublished,
                  {flags.reveal, false});
  j.erase("journal_number");
  j.erase("status");
  j["publish"] = !blocked;
  std::cout << JsonLine(j) << '\n';
  return blocked ? 1 : 0;
}

}  // namespace

void AddHookCommand(CLI::App& app, GlobalOptions& global, int* exit_status) {
  auto flags = std::make_shared<HookFlags>();
  CLI::App* hook = app.add_subcommand(
      "hook", "May this entry be published? One JSON object; exit 0 yes, 1 hold, 2 usage");
  auto* entry = hook->add_option("entry", flags->entry, "Journal number of an imported entry");
  auto* file = hook->add_option("--file", flags->file, "A document, without the database");
  hook->add_option("--title", flags->title, "The entry's title (with --file)")->needs(file);
  hook->add_option("--access-code", flags->access_code, "The entry's access code (with --file)")
      ->needs(file);
  hook->add_flag("--reveal", flags->reveal, "Show the raw values found (never the default)");
  entry->excludes(file);
  AddExtractFlags(hook, &flags->extract);
  hook->callback([flags, &global, exit_status] {
    if (flags->entry.empty() == flags->file.empty()) {
      std::cerr << "skjerm hook: give a journal number or --file PATH\n";
      *exit_status = 2;
      return;
    }
    *exit_status = flags->entry.empty() ? HookFile(*flags, global) : HookEntry(*flags, global);
  });
}

}  // namespace skjerm
