// The journal in skjerm's database: entries and their documents, runs, verdicts with
// masked findings, releases, the audit trail and the text cache (journal/002_journal.sql).
// Titles, parties, document paths and cached text are sealed under the database key;
// findings are stored masked with a keyed hash of the raw value. One JournalStore per thread of a
// command.
#ifndef SKJERM_JOURNAL_JOURNAL_STORE_H_
#define SKJERM_JOURNAL_JOURNAL_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/sealed_box.h"
#include "extract/document.h"
#include "journal/database.h"
#include "journal/journal_entry.h"
#include "policy/verdict.h"

namespace skjerm {

// A finding as the store keeps it.
struct StoredFinding {
  std::string category;
  std::string rule;
  std::string location;  // "title", "parties", "document 1 page 2", ...
  int64_t start = 0;
  int64_t end = 0;
  std::string masked;
  std::string value_hash;
  double confidence = 0;
};

// What skjerm decided about a whole entry (its documents, title and parties together).
struct EntryVerdict {
  Decision decision = Decision::kError;
  std::string reason;  // masked
  std::string public_title;
  std::string documents_hash;
  std::string findings_hash;
  std::vector<StoredFinding> findings;
  std::vector<std::string> document_sha256;  // per document, "" when unreadable
};

struct StoredEntry {
  int64_t id = 0;
  JournalEntry entry;  // title and parties opened from their seals
  EntryStatus status = EntryStatus::kPending;
  std::string public_title;
  std::vector<std::string> document_sha256;  // as of the last check
};

struct StoredVerdict {
  int64_t id = 0;
  int64_t run = 0;
  std::string command;
  Decision decision = Decision::kError;
  std::string reason;
  std::string public_title;
  std::string documents_hash;
  std::string findings_hash;
  std::string rule_version;
  std::string decided_at;
  std::vector<StoredFinding> findings;
};

struct StoredRelease {
  int64_t id = 0;
  int64_t verdict = 0;
  std::string released_at;
  std::string released_by;
  std::string reason;
  std::string documents_hash;
  std::string findings_hash;
};

struct EntryEvent {
  std::string at;
  std::string kind;
  std::string detail;
  int64_t run = 0;
};

struct RunSummary {
  int64_t id = 0;
  std::string command;
  std::string started_at;
  std::string finished_at;  // "" when killed or running
  std::string rule_version;
  int64_t entries = 0;
  std::string note;
};

enum class UpsertOutcome { kAdded, kChanged, kUnchanged };

class JournalStore {
 public:
  // secret_key: the database's key (journal/secret_key.h).
  JournalStore(const Database& db, std::string secret_key);

  const Database& db() const { return db_; }

  // Runs.
  int64_t BeginRun(const std::string& command, const std::string& rule_version);
  void FinishRun(int64_t run, int64_t entries, const std::string& note);
  std::vector<RunSummary> LastRuns(int count) const;

  // Adds or updates an entry by journal number. A new entry gets `status`; a changed one
  // goes back to pending (it must be judged again), unless `status` is published and it
  // has never been judged. An unchanged one is left as it is. Not transactional by itself.
  UpsertOutcome Upsert(const JournalEntry& entry, EntryStatus status, int64_t run);

  std::optional<StoredEntry> FindByNumber(const std::string& journal_number) const;
  StoredEntry Load(int64_t id) const;
  // Ids of entries with a status; with journal_date >= since when since is not empty;
  // newest first when newest_first, else in journal-number order.
  std::vector<int64_t> EntriesWithStatus(EntryStatus status, const std::string& since,
                                         bool newest_first) const;
  std::vector<std::pair<std::string, int64_t>> CountByStatus() const;

  // Records a verdict, the entry's new status, its documents' hashes and the audit event,
  // in one transaction: after a crash either all of it is there or none.
  int64_t RecordVerdict(int64_t run, int64_t entry, const EntryVerdict& verdict,
                        std::optional<EntryStatus> new_status);
  std::optional<StoredVerdict> LatestVerdict(int64_t entry) const;
  std::vector<StoredVerdict> Verdicts(int64_t entry) const;

  void RecordRelease(int64_t entry, const StoredVerdict& held, const std::string& by,
                     const std::string& reason, int64_t run);
  std::optional<StoredRelease> LatestRelease(int64_t entry) const;

  void SetStatus(int64_t entry, EntryStatus status, int64_t run, const std::string& why);
  void AddEvent(int64_t entry, int64_t run, const std::string& kind, const std::string& detail);
  std::vector<EntryEvent> History(int64_t entry) const;

  // The text cache. `extractor` names what extracted the text (version, OCR mode).
  std::optional<Document> CachedDocument(const std::string& sha256,
                                         const std::string& extractor) const;
  void CacheDocument(const std::string& sha256, const std::string& extractor,
                     const Document& document);

  // Keyed hash of a raw value (for findings).
  std::string ValueHash(const std::string& category, const std::string& normalised) const;

 private:
  void SealClearPaths();
  std::string Seal(const std::string& text) const;
  std::string Open(const std::string& box) const;
  std::string ContentHash(const JournalEntry& entry) const;
  // Inserts the entry (id 0) or rewrites its fields; returns its id.
  int64_t WriteEntry(int64_t id, const JournalEntry& entry, const std::string& hash,
                     EntryStatus status);

  const Database& db_;
  std::string key_;
  SealedBox box_;
};

// Now, as "YYYY-MM-DDTHH:MM:SSZ".
std::string UtcNow();

}  // namespace skjerm

#endif  // SKJERM_JOURNAL_JOURNAL_STORE_H_
