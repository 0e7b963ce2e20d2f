#include "pipeline/scan_pipeline.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <new>

#include "extract/extraction_error.h"
#include "extract/extractor.h"
#include "pipeline/worker_pool.h"

namespace skjerm {

struct DocumentJob;

namespace {

// Delivers results in input order and limits how many documents are in flight, so memory
// stays bounded however slow the first document is.
class OrderedSink {
 public:
  OrderedSink(const ScanPipeline::Sink& sink, size_t window) : sink_(sink), window_(window) {}

  // Blocks the submitting thread until document `index` may start.
  void WaitForSlot(size_t index) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return index < next_ + window_; });
  }

  void Deliver(size_t index, ScanResult result) {
    std::unique_lock<std::mutex> lock(mu_);
    ready_.emplace(index, std::move(result));
    // One thread delivers at a time, in order; the others only leave their result.
    if (delivering_) return;
    delivering_ = true;
    while (!ready_.empty() && ready_.begin()->first == next_) {
      ScanResult r = std::move(ready_.begin()->second);
      ready_.erase(ready_.begin());
      const bool failed = failure_ != nullptr;
      lock.unlock();
      // After the sink failed (the database could not be written, say), nothing more is
      // delivered: what was not recorded stays to be done again.
      std::exception_ptr failure;
      if (!failed) {
        try {
          sink_(std::move(r));
        } catch (...) {
          failure = std::current_exception();
        }
      }
      lock.lock();
      if (failure && !failure_) failure_ = failure;
      ++next_;
      cv_.notify_all();
    }
    delivering_ = false;
  }

  // Waits for every result, then rethrows what the sink threw, in the calling thread.
  void WaitForAll(size_t count) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return next_ >= count; });
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  const ScanPipeline::Sink& sink_;
  const size_t window_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::map<size_t, ScanResult> ready_;
  size_t next_ = 0;
  bool delivering_ = false;
  std::exception_ptr failure_;
};

}  // namespace

// One document between planning and judgement.
struct DocumentJob {
  size_t index = 0;
  std::string path;
  std::optional<ExemptionMarking> marking;
  ExtractionPlan plan;
  Deadline deadline;
  std::atomic<int> chunks_left{0};
  std::mutex mu;
  std::string error;  // the first OCR failure, if any
};

namespace {

ScanResult ErrorResult(const Scanner& scanner, const std::string& path, Document document,
                       std::string reason) {
  ScanResult r;
  r.path = path;
  r.document = std::move(document);
  r.document.path = path;
  r.verdict = scanner.JudgeUnreadable(path, std::move(reason));
  return r;
}

// Runs fn and turns every way it can fail into an error reason.
template <typename Fn>
std::string CatchAll(Fn&& fn) {
  try {
    fn();
    return "";
  } catch (const ExtractionError& e) {
    return e.what();
  } catch (const std::bad_alloc&) {
    return "out of memory while reading the document";
  } catch (const std::exception& e) {
    return std::string("internal error: ") + e.what();
  } catch (...) {
    return "internal error";
  }
}

// Above this much text a document is judged alone (see ScanPipeline::large_judgement_).
constexpr uint64_t kLargeTextBytes = 8ull << 20;

uint64_t TextBytes(const Document& document) {
  uint64_t bytes = 0;
  for (const Page& page : document.pages) bytes += page.text.size();
  for (const MetadataText& item : document.metadata) bytes += item.text.size();
  return bytes;
}

std::string Megabytes(uint64_t bytes) {
  return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MB";
}

ScanResult Judge(const Scanner& scanner, const std::string& path, Document document,
                 const std::optional<ExemptionMarking>& marking, bool extracted,
                 uint64_t max_text_bytes, std::mutex& large_judgement) {
  // The file name judged is the one the job names (a cached text may have come under
  // another name).
  document.path = path;
  const uint64_t text_bytes = TextBytes(document);
  if (text_bytes > max_text_bytes) {
    return ErrorResult(scanner, path, std::move(document),
                       "too much text to judge: " + Megabytes(text_bytes) + " (the limit is " +
                           Megabytes(max_text_bytes) + ", --max-text); split the document");
  }
  std::unique_lock<std::mutex> alone(large_judgement, std::defer_lock);
  if (text_bytes > kLargeTextBytes) alone.lock();
  ScanResult result;
  std::string error = CatchAll([&] { result.verdict = scanner.Judge(document, marking); });
  if (!error.empty()) return ErrorResult(scanner, path, std::move(document), std::move(error));
  result.path = path;
  result.document = std::move(document);
  result.extracted = extracted;
  return result;
}

// Splits OCR pages into at most `parts` runs of consecutive pages.
std::vector<std::vector<int>> SplitPages(const std::vector<int>& pages, int parts) {
  std::vector<std::vector<int>> chunks;
  const size_t n = pages.size();
  const size_t count = std::min<size_t>(n, static_cast<size_t>(std::max(parts, 1)));
  for (size_t c = 0; c < count; ++c) {
    const size_t begin = n * c / count, end = n * (c + 1) / count;
    chunks.emplace_back(pages.begin() + static_cast<long>(begin),
                        pages.begin() + static_cast<long>(end));
  }
  return chunks;
}

}  // namespace

ScanResult ScanPipeline::ScanOne(const ScanJob& job) const {
  if (!job.problem.empty()) return ErrorResult(scanner_, job.path, Document(), job.problem);
  if (job.document) {
    return Judge(scanner_, job.path, *job.document, job.marking, false, options_.max_text_bytes,
                 large_judgement_);
  }
  Document document;
  document.path = job.path;
  std::string error = CatchAll([&] {
    const Deadline deadline = std::chrono::steady_clock::now() + options_.extract.timeout;
    document = ReadDocument(*MakeReader(Settings()), job.path, options_.extract, deadline);
  });
  if (!error.empty()) return ErrorResult(scanner_, job.path, std::move(document), std::move(error));
  return Judge(scanner_, job.path, std::move(document), job.marking, true, options_.max_text_bytes,
               large_judgement_);
}

void ScanPipeline::Run(const std::vector<std::string>& paths, const Sink& sink) const {
  Run(
      paths.size(),
      [&paths](size_t i) {
        return ScanJob{paths[i], std::nullopt, std::nullopt, ""};
      },
      sink);
}

void ScanPipeline::Run(size_t count, const JobSource& jobs, const Sink& sink) const {
  const int workers = std::max(options_.jobs, 1);
  OrderedSink ordered(sink, static_cast<size_t>(4 * workers + 8));
  WorkerPool pool(workers, Settings());
  for (size_t i = 0; i < count; ++i) {
    ordered.WaitForSlot(i);
    auto job = std::make_shared<DocumentJob>();
    job->index = i;
    ScanJob spec = jobs(i);
    job->path = std::move(spec.path);
    job->marking = std::move(spec.marking);
    if (!spec.problem.empty()) {
      ordered.Deliver(job->index,
                      ErrorResult(scanner_, job->path, Document(), std::move(spec.problem)));
      continue;
    }
    if (spec.document) {
      // A task runs once: the document moves on into the result, not copied (all its text).
      pool.Submit([this, job, document = std::move(*spec.document),
                   &ordered](WorkerContext&) mutable {
        ordered.Deliver(job->index, Judge(scanner_, job->path, std::move(document), job->marking,
                                          false, options_.max_text_bytes, large_judgement_));
      });
      continue;
    }
    pool.Submit([this, job, &ordered, &pool, workers](WorkerContext& context) {
      job->deadline = std::chrono::steady_clock::now() + options_.extract.timeout;
      std::string error = CatchAll([&] {
        job->plan = context.reader().Plan(job->path, options_.extract, job->deadline);
        job->plan.document.path = job->path;
      });
      if (!error.empty()) {
        ordered.Deliver(job->index,
                        ErrorResult(scanner_, job->path, std::move(job->plan.document), error));
        return;
      }
      if (job->plan.ocr_pages.empty()) {
        ordered.Deliver(job->index,
                        Judge(scanner_, job->path, std::move(job->plan.document), job->marking,
                              true, options_.max_text_bytes, large_judgement_));
        return;
      }
      auto chunks = SplitPages(job->plan.ocr_pages, workers);
      job->chunks_left = static_cast<int>(chunks.size());
      for (auto& chunk : chunks) {
        pool.SubmitUrgent([this, job, chunk = std::move(chunk), &ordered](WorkerContext& context) {
          RecognizeChunk(*job, chunk, context);
          if (job->chunks_left.fetch_sub(1) != 1) return;
          // The last chunk to finish judges the document.
          if (!job->error.empty()) {
            ordered.Deliver(job->index, ErrorResult(scanner_, job->path,
                                                    std::move(job->plan.document), job->error));
          } else {
            ordered.Deliver(job->index,
                            Judge(scanner_, job->path, std::move(job->plan.document), job->marking,
                                  true, options_.max_text_bytes, large_judgement_));
          }
        });
      }
    });
  }
  ordered.WaitForAll(count);
}

ReaderSettings ScanPipeline::Settings() const {
  return ReaderSettings{options_.extract.ocr_languages, options_.worker_executable};
}

void ScanPipeline::RecognizeChunk(DocumentJob& job, const std::vector<int>& chunk,
                                  WorkerContext& context) const {
  std::vector<Page> pages;
  std::string error = CatchAll([&] {
    pages = context.reader().Ocr(job.path, job.plan.document.sha256, chunk, options_.extract,
                                 job.deadline);
  });
  std::lock_guard<std::mutex> lock(job.mu);
  if (error.empty()) {
    error = CatchAll([&] { FillOcrPages(chunk, std::move(pages), &job.plan.document); });
  }
  if (!error.empty() && job.error.empty()) job.error = error;
}

}  // namespace skjerm
