// A fixed set of worker threads, each owning what must not be shared between threads: its
// document reader (a Tesseract engine, or a worker process with one), made on first use. Tasks
// never wait for other tasks, so the pool cannot deadlock: work that continues a started document
// goes to the urgent queue and is taken before new documents, which keeps the number of documents
// in flight small.
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

#include "extract/document_reader.h"

namespace skjerm {

// How documents are read: in the worker threads themselves, or (what skjerm runs) each
// worker thread through a worker process of its own.
struct ReaderSettings {
  std::string ocr_languages = "nor+swe+dan+eng";
  std::string worker_executable;  // empty: read in this process
};

std::unique_ptr<DocumentReader> MakeReader(const ReaderSettings& settings);

// What one worker owns.
class WorkerContext {
 public:
  explicit WorkerContext(ReaderSettings settings) : settings_(std::move(settings)) {}
  DocumentReader& reader();

 private:
  ReaderSettings settings_;
  std::unique_ptr<DocumentReader> reader_;
};

class WorkerPool {
 public:
  using Task = std::function<void(WorkerContext&)>;

  WorkerPool(int threads, const ReaderSettings& settings);
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
