#include "cli/journal_batch.h"

#include <map>
#include <mutex>

#include "base/file_util.h"
#include "base/sha256.h"
#include "extract/extractor_version.h"

namespace skjerm {
namespace {

// One entry on its way through the pipeline.
struct EntryInFlight {
  StoredEntry entry;
  std::optional<ExemptionMarking> marking;
  std::string marking_error;  // an access code the configuration calls an error
  std::vector<ScanResult> results;
};

// The document's bytes hashed, and its text from the cache when that is there.
std::optional<Document> FromCache(const JournalStore& store, const std::string& path,
                                  const std::string& fingerprint, uint64_t max_bytes) {
  std::string bytes;
  if (!ReadFileBounded(path, max_bytes, &bytes).empty() || bytes.empty() ||
      bytes.size() > max_bytes) {
    return std::nullopt;  // the pipeline reads it and reports why it cannot
  }
  std::optional<Document> document = store.CachedDocument(Sha256Hex(bytes), fingerprint);
  if (document) document->path = path;
  return document;
}

}  // namespace

BatchStats JournalBatch::Run(const std::vector<int64_t>& entry_ids, const EntrySink& sink) {
  BatchStats stats;
  const std::string fingerprint = ExtractorFingerprint(extract_);
  // The job source runs in this thread and reads through its own connection; the sink
  // writes through the session's. SQLite's WAL lets the two work side by side.
  Database read_db = Database::Open(db_path_);
  JournalStore reader(read_db, session_.key);

  std::mutex mu;
  std::map<size_t, EntryInFlight> in_flight;    // by position in entry_ids
  std::vector<std::pair<size_t, size_t>> jobs;  // (entry position, document index)
  std::vector<StoredEntry> loaded(entry_ids.size());
  for (size_t k = 0; k < entry_ids.size(); ++k) {
    loaded[k] = reader.Load(entry_ids[k]);
    for (size_t d = 0; d < loaded[k].entry.documents.size(); ++d) jobs.emplace_back(k, d);
  }

  auto finish = [&](EntryInFlight&& e) {
    EntryJudgement judgement;
    if (!e.marking_error.empty()) {
      judgement.decision = Decision::kError;
      judgement.reason = e.marking_error;
      judgement.public_title = "*****";
    } else {
      judgement = session_.judge->Judge(e.entry.entry, std::move(e.results));
    }
    sink(e.entry, std::move(judgement));
  };
  auto prepare = [&](size_t k) {
    EntryInFlight e;
    e.entry = std::move(loaded[k]);
    try {
      e.marking = session_.judge->EntryMarking(e.entry.entry);
    } catch (const std::exception& ex) {
      e.marking_error = ex.what();
    }
    return e;
  };

  // Entries without documents have nothing to extract: their title is all there is.
  for (size_t k = 0; k < loaded.size(); ++k) {
    if (loaded[k].entry.documents.empty()) {
      ++stats.entries;
      finish(prepare(k));
    }
  }

  ScanOptions options;
  options.extract = extract_;
  options.jobs = jobs_;
  ScanPipeline pipeline(*session_.scanner, options);
  pipeline.Run(
      jobs.size(),
      [&](size_t i) {
        auto [k, d] = jobs[i];
        std::lock_guard<std::mutex> lock(mu);
        if (d == 0) in_flight.emplace(k, prepare(k));
        EntryInFlight& e = in_flight.at(k);
        ScanJob job;
        job.path = e.entry.entry.documents[d];
        job.marking = e.marking;
        job.document = FromCache(reader, job.path, fingerprint, extract_.max_file_bytes);
        if (job.document) ++stats.cache_hits;
        return job;
      },
      [&](ScanResult&& result) {
        // Called in job order, one at a time.
        std::unique_lock<std::mutex> lock(mu);
        auto it = in_flight.begin();
        EntryInFlight& e = it->second;
        ++stats.documents;
        if (result.extracted) {
          ++stats.extracted;
          if (result.verdict.decision != Decision::kError && !result.document.sha256.empty()) {
            session_.store->CacheDocument(result.document.sha256, fingerprint, result.document);
          }
        }
        e.results.push_back(std::move(result));
        if (e.results.size() < e.entry.entry.documents.size()) return;
        EntryInFlight done = std::move(e);
        in_flight.erase(it);
        lock.unlock();
        ++stats.entries;
        finish(std::move(done));
      });
  return stats;
}

}  // namespace skjerm
