// A progress bar with rate and time left, drawn on a terminal (stderr) and silent
// otherwise, so that logs and pipes stay clean.
#ifndef SKJERM_REPORT_PROGRESS_H_
#define SKJERM_REPORT_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <string>

namespace skjerm {

class ProgressBar {
 public:
  // Draws only when stderr is a terminal.
  ProgressBar(std::string label, size_t total);
  ~ProgressBar();  // clears the line

  void Advance(size_t done = 1);

  // "[=====>      ]  120/1000 entries  3.2/s  4m35s left"
  static std::string Render(const std::string& label, size_t done, size_t total, double seconds,
                            int width);

 private:
  void Draw(bool force);

  std::string label_;
  size_t total_;
  size_t done_ = 0;
  bool enabled_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace skjerm

#endif  // SKJERM_REPORT_PROGRESS_H_
