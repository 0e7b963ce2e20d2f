// Judges journal entries through the scan pipeline: each entry's documents are taken from
// the text cache when their bytes are unchanged (so a re-scan after a rule change reads and
// OCRs nothing) or extracted and cached, then judged with the entry's title, parties and
// access code. Entries reach the callback in order, one at a time.
#ifndef SKJERM_CLI_JOURNAL_BATCH_H_
#define SKJERM_CLI_JOURNAL_BATCH_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "cli/journal_session.h"
#include "pipeline/scan_pipeline.h"

namespace skjerm {

struct BatchStats {
  size_t entries = 0;
  size_t documents = 0;
  size_t cache_hits = 0;  // documents judged from the text cache
  size_t extracted = 0;   // documents read from their files now
};

class JournalBatch {
 public:
  using EntrySink = std::function<void(const StoredEntry&, EntryJudgement&&)>;

  JournalBatch(JournalSession& session, std::string db_path, ScanOptions options)
      : session_(session), db_path_(std::move(db_path)), options_(std::move(options)) {}

  BatchStats Run(const std::vector<int64_t>& entry_ids, const EntrySink& sink);

 private:
  JournalSession& session_;
  std::string db_path_;
  ScanOptions options_;
};

}  // namespace skjerm

#endif  // SKJERM_CLI_JOURNAL_BATCH_H_
