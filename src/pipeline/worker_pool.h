// A fixed set of worker threads, each owning what must not be shared between threads (its
// Tesseract engine, created on first use). Tasks never wait for other tasks, so the pool
// cannot deadlock: work that continues a started document goes to the urgent queue and is
// taken before new documents, which keeps the number of documents in flight small.
#ifndef SKJERM_PIPELINE_WORKER_POOL_H_
#define SKJERM_PIPELINE_WORKER_POOL_H_

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "extract/ocr_engine.h"

namespace skjerm {

// What one worker owns.
class WorkerContext {
 public:
  explicit WorkerContext(std::string ocr_languages) : ocr_languages_(std::move(ocr_languages)) {}
  // The worker's engine; throws ExtractionError when Tesseract cannot be loaded.
  OcrEngine& ocr_engine();

 private:
  std::string ocr_languages_;
  std::unique_ptr<OcrEngine> engine_;
};

class WorkerPool {
 public:
  using Task = std::function<void(WorkerContext&)>;

  WorkerPool(int threads, const std::string& ocr_languages);
  ~WorkerPool();  // finishes all queued tasks, then joins
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void Submit(Task task);        // new work
  void SubmitUrgent(Task task);  // continues work already started
  int size() const { return static_cast<int>(threads_.size()); }

 private:
  void Run(WorkerContext* context);

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Task> urgent_;
  std::deque<Task> normal_;
  bool stopping_ = false;
  std::vector<std::unique_ptr<WorkerContext>> contexts_;
  std::vector<std::thread> threads_;
};

}  // namespace skjerm

#endif  // SKJERM_PIPELINE_WORKER_POOL_H_
