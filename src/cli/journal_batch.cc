#include "cli/journal_batch.h"

#include <map>
#include <mutex>

#include "base/file_util.h"
#include "base/sha256.h"
#include "extract/extractor_version.h"
#include "journal/document_reference.h"

namespace skjerm {
namespace {

// One entry on its way through the pipeline.
struct EntryInFlight {
  StoredEntry entry;
  std::optional<ExemptionMarking> marking;
  std::string marking_error;        // an access code the configuration calls an error
  std::vector<ScanResult> results;  // of its local files, in order
};

bool IsLocalFile(const std::string& reference) {
  return KindOfDocumentReference(reference) == DocumentReferenceKind::kLocalFile;
}

// The documents of an entry that are files to read; a URL or a missing reference is not
// read (it is judged error without reading anything).
size_t LocalFileCount(const StoredEntry& entry) {
  size_t n = 0;
  for (const std::string& d : entry.entry.documents) n += IsLocalFile(d);
  return n;
}

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

// The state of one JournalBatch::Run. Jobs are made in the calling thread, which reads
// through its own connection; results arrive (one at a time) on worker threads and are
// written through the session's connection. SQLite's WAL lets the two work side by side.
class BatchRun {
 public:
  BatchRun(JournalSession& session, const std::string& db_path, const ExtractOptions& extract,
           const JournalBatch::EntrySink& sink)
      : session_(session),
        read_db_(Database::Open(db_path)),
        reader_(read_db_, session.key),
        fingerprint_(ExtractorFingerprint(extract)),
        max_bytes_(extract.max_file_bytes),
        sink_(sink) {}

  // Loads the entries; those without files to read are judged at once (their title, and
  // the errors of documents that cannot be read, are all there is), the others become one
  // job per file.
  void Load(const std::vector<int64_t>& entry_ids) {
    loaded_.resize(entry_ids.size());
    for (size_t k = 0; k < entry_ids.size(); ++k) {
      loaded_[k] = reader_.Load(entry_ids[k]);
      const std::vector<std::string>& documents = loaded_[k].entry.documents;
      if (LocalFileCount(loaded_[k]) == 0) {
        ++stats_.entries;
        Finish(Prepare(k));
        continue;
      }
      bool first = true;
      for (size_t d = 0; d < documents.size(); ++d) {
        if (!IsLocalFile(documents[d])) continue;
        jobs_.push_back(Job{k, d, first});
        first = false;
      }
    }
  }

  size_t job_count() const { return jobs_.size(); }

  ScanJob MakeJob(size_t i) {
    const auto [k, d, first] = jobs_[i];
    std::lock_guard<std::mutex> lock(mu_);
    if (first) in_flight_.emplace(k, Prepare(k));
    EntryInFlight& e = in_flight_.at(k);
    ScanJob job;
    job.path = e.entry.entry.documents[d];
    job.marking = e.marking;
    job.document = FromCache(reader_, job.path, fingerprint_, max_bytes_);
    if (job.document) ++stats_.cache_hits;
    return job;
  }

  // Results come in job order; the last document of an entry completes it.
  void OnResult(ScanResult&& result) {
    std::unique_lock<std::mutex> lock(mu_);
    auto it = in_flight_.begin();
    EntryInFlight& e = it->second;
    ++stats_.documents;
    if (result.extracted) {
      ++stats_.extracted;
      if (result.verdict.decision != Decision::kError && !result.document.sha256.empty()) {
        session_.store->CacheDocument(result.document.sha256, fingerprint_, result.document);
      }
    }
    e.results.push_back(std::move(result));
    if (e.results.size() < LocalFileCount(e.entry)) return;
    EntryInFlight done = std::move(e);
    in_flight_.erase(it);
    lock.unlock();
    ++stats_.entries;
    Finish(std::move(done));
  }

  const BatchStats& stats() const { return stats_; }

 private:
  EntryInFlight Prepare(size_t k) {
    EntryInFlight e;
    e.entry = std::move(loaded_[k]);
    try {
      e.marking = session_.judge->EntryMarking(e.entry.entry);
    } catch (const std::exception& ex) {
      e.marking_error = ex.what();
    }
    return e;
  }

  void Finish(EntryInFlight&& e) {
    EntryJudgement judgement;
    if (!e.marking_error.empty()) {
      judgement.decision = Decision::kError;
      judgement.reason = e.marking_error;
      judgement.public_title = "*****";
    } else {
      judgement = session_.judge->Judge(e.entry.entry, AllDocuments(e));
    }
    sink_(e.entry, std::move(judgement));
  }

  // The results of the files read, one per document in order; in the place of a document
  // that is not a file to read, an empty result (error), which Judge replaces with the
  // reason its reference cannot be read.
  static std::vector<ScanResult> AllDocuments(EntryInFlight& e) {
    std::vector<ScanResult> all(e.entry.entry.documents.size());
    size_t next = 0;
    for (size_t d = 0; d < all.size(); ++d) {
      if (IsLocalFile(e.entry.entry.documents[d]) && next < e.results.size()) {
        all[d] = std::move(e.results[next++]);
      }
    }
    return all;
  }

  JournalSession& session_;
  Database read_db_;
  JournalStore reader_;
  const std::string fingerprint_;
  const uint64_t max_bytes_;
  const JournalBatch::EntrySink& sink_;
  std::mutex mu_;
  std::vector<StoredEntry> loaded_;
  struct Job {
    size_t entry;     // position in loaded_
    size_t document;  // index in the entry's documents
    bool first;       // the entry's first file to read
  };
  std::vector<Job> jobs_;
  std::map<size_t, EntryInFlight> in_flight_;  // by entry position
  BatchStats stats_;
};

}  // namespace

BatchStats JournalBatch::Run(const std::vector<int64_t>& entry_ids, const EntrySink& sink) {
  BatchRun run(session_, db_path_, options_.extract, sink);
  run.Load(entry_ids);
  ScanPipeline pipeline(*session_.scanner, options_);
  pipeline.Run(
      run.job_count(), [&](size_t i) { return run.MakeJob(i); },
      [&](ScanResult&& result) { run.OnResult(std::move(result)); });
  return run.stats();
}

}  // namespace skjerm
