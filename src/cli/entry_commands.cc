#include "cli/entry_commands.h"

#include <iostream>
#include <memory>

#include "cli/journal_session.h"
#include "journal/document_reference.h"
#include "report/scan_report.h"

namespace skjerm {
namespace {

struct EntryFlags {
  std::string entry;
  std::string reason;
  std::string by;
};

int RunRelease(const EntryFlags& flags, const GlobalOptions& global) {
  int failure = 0;
  auto session = JournalSession::Open(global, /*with_rules=*/false, /*must_exist=*/true, &failure);
  if (!session) return failure;
  JournalStore& store = *session->store;
  std::optional<StoredEntry> entry = FindEntryOrComplain(store, flags.entry);
  if (!entry) return 2;
  std::optional<StoredVerdict> verdict = store.LatestVerdict(entry->id);
  if (entry->status != EntryStatus::kHeld || !verdict || !Blocks(verdict->decision)) {
    std::cerr << "skjerm: entry " << flags.entry << " is " << EntryStatusName(entry->status)
              << ", not held: there is nothing to release\n";
    return 1;
  }
  const int64_t run = store.BeginRun("release", verdict->rule_version);
  store.RecordRelease(entry->id, *verdict, flags.by, flags.reason, run);
  store.FinishRun(run, 1, "released by " + flags.by);
  std::cout << "Released " << flags.entry << " (held: " << verdict->reason << ") by " << flags.by
            << ". It stays released while its documents and findings stay the same.\n";
  return 0;
}

int RunHistory(const EntryFlags& flags, const GlobalOptions& global) {
  int failure = 0;
  auto session = JournalSession::Open(global, /*with_rules=*/true, /*must_exist=*/true, &failure);
  if (!session) return failure;
  JournalStore& store = *session->store;
  std::optional<StoredEntry> entry = FindEntryOrComplain(store, flags.entry);
  if (!entry) return 2;
  std::cout << "Entry " << entry->entry.journal_number << "  journal date "
            << (entry->entry.journal_date.empty() ? "-" : entry->entry.journal_date) << "  status "
            << EntryStatusName(entry->status) << '\n';
  std::cout << "Public title: "
            << (entry->public_title.empty() ? "(not checked yet)" : entry->public_title) << '\n';
  for (size_t i = 0; i < entry->entry.documents.size(); ++i) {
    const std::string reference = ReadableReference(entry->entry.documents[i]);
    std::cout << "Document " << i + 1 << ": "
              << (reference.empty()
                      ? std::string("(the document description names no file)")
                      : ShownPath(reference, session->scanner->FindInFileName(reference),
                                  ReportOptions{}));
    if (!entry->document_sha256[i].empty()) {
      std::cout << "  sha256 " << entry->document_sha256[i].substr(0, 16) << "...";
    }
    std::cout << '\n';
  }
  std::cout << "\nEvents:\n";
  for (const EntryEvent& e : store.History(entry->id)) {
    std::cout << "  " << e.at << "  " << e.kind;
    if (e.run > 0) std::cout << " (run " << e.run << ")";
    std::cout << "  " << e.detail << '\n';
  }
  std::cout << "\nVerdicts:\n";
  for (const StoredVerdict& v : store.Verdicts(entry->id)) {
    std::cout << "  " << v.decided_at << "  " << v.command << " run " << v.run << ", rules "
              << v.rule_version << ": " << DecisionName(v.decision) << " - " << v.reason << '\n';
    for (const StoredFinding& f : v.findings) {
      std::cout << "      " << f.category << " " << f.masked << " (" << f.rule << ", " << f.location
                << ")\n";
    }
  }
  return 0;
}

int RunStatus(const GlobalOptions& global) {
  int failure = 0;
  auto session = JournalSession::Open(global, /*with_rules=*/false, /*must_exist=*/true, &failure);
  if (!session) return failure;
  JournalStore& store = *session->store;
  std::cout << "Entries in " << global.db_path << ":\n";
  for (const auto& [status, count] : store.CountByStatus()) {
    std::cout << "  " << status << ": " << count << '\n';
  }
  std::cout << "Last runs:\n";
  for (const RunSummary& r : store.LastRuns(8)) {
    std::cout << "  #" << r.id << " " << r.command << "  " << r.started_at << "  "
              << (r.finished_at.empty() ? "did not finish (killed?)" : "finished " + r.finished_at)
              << "  rules " << r.rule_version << "  " << r.entries << " entries";
    if (!r.note.empty()) std::cout << "  " << r.note;
    std::cout << '\n';
  }
  return 0;
}

}  // namespace

void AddReleaseCommand(CLI::App& app, GlobalOptions& global, int* exit_status) {
  auto flags = std::make_shared<EntryFlags>();
  CLI::App* release = app.add_subcommand(
      "release", "Publish a held entry anyway: an archivist's decision, recorded");
  release->add_option("entry", flags->entry, "Journal number")->required();
  release->add_option("--reason", flags->reason, "Why it may be published")->required();
  release->add_option("--by", flags->by, "Who decides")->required();
  release->callback([flags, &global, exit_status] { *exit_status = RunRelease(*flags, global); });
}

void AddHistoryCommand(CLI::App& app, GlobalOptions& global, int* exit_status) {
  auto flags = std::make_shared<EntryFlags>();
  CLI::App* history = app.add_subcommand("history", "The audit trail of an entry");
  history->add_option("entry", flags->entry, "Journal number")->required();
  history->callback([flags, &global, exit_status] { *exit_status = RunHistory(*flags, global); });
}

void AddStatusCommand(CLI::App& app, GlobalOptions& global, int* exit_status) {
  CLI::App* status = app.add_subcommand("status", "Entries per status and the last runs");
  status->callback([&global, exit_status] { *exit_status = RunStatus(global); });
}

}  // namespace skjerm
