#include "cli/check_command.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "cli/extract_flags.h"
#include "cli/journal_batch.h"
#include "report/entry_report.h"
#include "report/progress.h"

namespace skjerm {
namespace {

struct BatchFlags {
  std::string format = "text";
  bool reveal = false;
  std::string since;
  ExtractFlags extract;
};

bool Colors() { return ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr; }

struct HeldLine {
  std::string journal_date;
  std::string journal_number;
  Decision decision;
  std::string public_title;
  std::string reason;
};

void PrintCacheStats(const BatchStats& stats) {
  std::cerr << "documents: " << stats.documents << " (" << stats.cache_hits
            << " from the text cache, " << stats.extracted << " read from their files)\n";
}

// `check`: judges every pending entry and sets its status.
int RunCheck(const BatchFlags& flags, const GlobalOptions& global) {
  int failure = 0;
  auto session = JournalSession::Open(global, /*with_rules=*/true, /*must_exist=*/true, &failure);
  if (!session) return failure;
  JournalStore& store = *session->store;
  const int64_t run = store.BeginRun("check", session->rules->rule_set->version());
  const std::vector<int64_t> ids = store.EntriesWithStatus(EntryStatus::kPending, "", false);
  ReportOptions report{flags.reveal, false};
  std::vector<int> counts(4, 0);
  std::vector<HeldLine> held;
  BatchStats stats;
  {
    ProgressBar progress("entries", ids.size());
    JournalBatch batch(*session, global.db_path, flags.extract.ToScanOptions());
    stats = batch.Run(ids, [&](const StoredEntry& entry, EntryJudgement&& judgement) {
      const EntryVerdict verdict = ToStoredVerdict(judgement, store);
      const EntryStatus status = StatusAfter(verdict, store.LatestRelease(entry.id));
      store.RecordVerdict(run, entry.id, verdict, status);
      ++counts[static_cast<size_t>(judgement.decision)];
      if (flags.format == "json") {
        std::cout << JsonLine(EntryToJson(entry.entry, judgement, status, report)) << '\n';
        std::cout.flush();
      } else if (status == EntryStatus::kHeld) {
        held.push_back(HeldLine{entry.entry.journal_date, entry.entry.journal_number,
                                judgement.decision, judgement.public_title, judgement.reason});
      }
      progress.Advance();
    });
  }
  const std::string summary = SummaryLine(counts, false, "entry");
  store.FinishRun(run, static_cast<int64_t>(ids.size()), summary);
  if (flags.format == "text") {
    std::cout << "Checked " << summary << '\n';
    if (!held.empty()) std::cout << "Held:\n";
    for (const HeldLine& h : held) {
      std::cout << "  "
                << EntryToLine(h.journal_number, h.decision, h.public_title, h.reason, Colors())
                << '\n';
    }
  }
  PrintCacheStats(stats);
  const bool blocked = counts[static_cast<size_t>(Decision::kHold)] > 0 ||
                       counts[static_cast<size_t>(Decision::kError)] > 0;
  return blocked ? 1 : 0;
}

// `retro`: re-judges published (and released) entries with today's rules and lists those
// that would now be held, newest first.
int RunRetro(const BatchFlags& flags, const GlobalOptions& global) {
  int failure = 0;
  auto session = JournalSession::Open(global, /*with_rules=*/true, /*must_exist=*/true, &failure);
  if (!session) return failure;
  JournalStore& store = *session->store;
  const int64_t run = store.BeginRun("retro", session->rules->rule_set->version());
  std::vector<int64_t> ids = store.EntriesWithStatus(EntryStatus::kPublished, flags.since, true);
  const std::vector<int64_t> released =
      store.EntriesWithStatus(EntryStatus::kReleased, flags.since, true);
  ids.insert(ids.end(), released.begin(), released.end());
  ReportOptions report{flags.reveal, false};
  std::vector<HeldLine> withdraw;
  std::vector<nlohmann::json> withdraw_json;
  BatchStats stats;
  {
    ProgressBar progress("published entries", ids.size());
    JournalBatch batch(*session, global.db_path, flags.extract.ToScanOptions());
    stats = batch.Run(ids, [&](const StoredEntry& entry, EntryJudgement&& judgement) {
      const EntryVerdict verdict = ToStoredVerdict(judgement, store);
      const EntryStatus status = StatusAfter(verdict, store.LatestRelease(entry.id));
      const bool now_held = status == EntryStatus::kHeld;
      store.RecordVerdict(run, entry.id, verdict, now_held ? std::optional(status) : std::nullopt);
      if (now_held) {
        store.AddEvent(entry.id, run, "withdraw",
                       "published, but would now be held: withdraw it from the public journal");
        withdraw.push_back(HeldLine{entry.entry.journal_date, entry.entry.journal_number,
                                    judgement.decision, judgement.public_title, judgement.reason});
        withdraw_json.push_back(EntryToJson(entry.entry, judgement, status, report));
      }
      progress.Advance();
    });
  }
  // Newest first: by journal date, then journal number.
  std::vector<size_t> order(withdraw.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::tie(withdraw[a].journal_date, withdraw[a].journal_number) >
           std::tie(withdraw[b].journal_date, withdraw[b].journal_number);
  });
  store.FinishRun(run, static_cast<int64_t>(ids.size()),
                  std::to_string(withdraw.size()) + " would now be held");
  if (flags.format == "json") {
    for (size_t i : order) std::cout << JsonLine(withdraw_json[i]) << '\n';
  } else {
    std::cout << "Re-checked " << ids.size() << " published entries with rule set "
              << session->rules->rule_set->version() << ": " << withdraw.size()
              << " would now be held.\n";
    for (size_t i : order) {
      const HeldLine& h = withdraw[i];
      std::cout << "  " << h.journal_date << "  "
                << EntryToLine(h.journal_number, h.decision, h.public_title, h.reason, Colors())
                << '\n';
    }
  }
  PrintCacheStats(stats);
  return withdraw.empty() ? 0 : 1;
}

void AddFormatFlags(CLI::App* command, BatchFlags* flags) {
  command->add_option("--format", flags->format, "text or json (JSON Lines, one per entry)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command->add_flag("--reveal", flags->reveal, "Show the raw values found (never the default)");
  AddExtractFlags(command, &flags->extract);
}

}  // namespace

void AddCheckCommand(CLI::App& app, GlobalOptions& global, int* exit_status) {
  auto flags = std::make_shared<BatchFlags>();
  CLI::App* check =
      app.add_subcommand("check", "Judge every pending journal entry and set its status");
  AddFormatFlags(check, flags.get());
  check->callback([flags, &global, exit_status] { *exit_status = RunCheck(*flags, global); });
}

void AddRetroCommand(CLI::App& app, GlobalOptions& global, int* exit_status) {
  auto flags = std::make_shared<BatchFlags>();
  CLI::App* retro = app.add_subcommand(
      "retro", "Re-judge published entries with the current rules; list what must be withdrawn");
  retro->add_option("--since", flags->since, "Only entries journaled on or after this date")
      ->check([](const std::string& date) {
        return date.size() == 10 && date[4] == '-' && date[7] == '-'
                   ? std::string()
                   : std::string("--since takes a date YYYY-MM-DD");
      });
  AddFormatFlags(retro, flags.get());
  retro->callback([flags, &global, exit_status] { *exit_status = RunRetro(*flags, global); });
}

}  // namespace skjerm
