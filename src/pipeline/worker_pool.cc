#include "pipeline/worker_pool.h"

#include <utility>

namespace skjerm {

std::unique_ptr<DocumentReader> MakeReader(const ReaderSettings& settings) {
  if (settings.worker_executable.empty()) return MakeInProcessReader(settings.ocr_languages);
  return MakeIsolatedReader(settings.worker_executable);
}

DocumentReader& WorkerContext::reader() {
  if (!reader_) reader_ = MakeReader(settings_);
  return *reader_;
}

WorkerPool::WorkerPool(int threads, const ReaderSettings& settings) {
  if (threads < 1) threads = 1;
  for (int i = 0; i < threads; ++i) {
    contexts_.push_back(std::make_unique<WorkerContext>(settings));
  }
  for (int i = 0; i < threads; ++i) {
    threads_.emplace_back([this, i] { Run(contexts_[i].get()); });
  }
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void WorkerPool::Submit(Task task) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    normal_.push_back(std::move(task));
  }
  cv_.notify_one();
}

void WorkerPool::SubmitUrgent(Task task) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    urgent_.push_back(std::move(task));
  }
  cv_.notify_one();
}

void WorkerPool::Run(WorkerContext* context) {
  for (;;) {
    Task task;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !urgent_.empty() || !normal_.empty(); });
      if (!urgent_.empty()) {
        task = std::move(urgent_.front());
        urgent_.pop_front();
      } else if (!normal_.empty()) {
        task = std::move(normal_.front());
        normal_.pop_front();
      } else {
        return;  // stopping and nothing left
      }
    }
    task(*context);
  }
}

}  // namespace skjerm
