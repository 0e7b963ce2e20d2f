#include "report/progress.h"

#include <unistd.h>

#include <cstdio>
#include <sstream>

namespace skjerm {
namespace {

std::string Duration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  std::ostringstream out;
  if (s >= 3600) out << s / 3600 << "h";
  if (s >= 60) out << (s % 3600) / 60 << "m";
  out << s % 60 << "s";
  return out.str();
}

}  // namespace

ProgressBar::ProgressBar(std::string label, size_t total)
    : label_(std::move(label)),
      total_(total),
      enabled_(::isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {
  Draw(true);
}

ProgressBar::~ProgressBar() {
  if (enabled_) std::fprintf(stderr, "\r\033[K");
}

void ProgressBar::Advance(size_t done) {
  done_ += done;
  Draw(done_ >= total_);
}

void ProgressBar::Draw(bool force) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  std::fprintf(stderr, "\r\033[K%s", Render(label_, done_, total_, seconds, 30).c_str());
  std::fflush(stderr);
}

std::string ProgressBar::Render(const std::string& label, size_t done, size_t total, double seconds,
                                int width) {
  std::ostringstream out;
  const double fraction = total == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total);
  const int filled = static_cast<int>(fraction * width);
  out << "[";
  for (int i = 0; i < width; ++i) out << (i < filled ? '=' : i == filled ? '>' : ' ');
  out << "] " << done << "/" << total << " " << label;
  if (done > 0 && seconds > 0) {
    const double rate = static_cast<double>(done) / seconds;
    out.precision(rate < 10 ? 2 : 3);
    out << "  " << rate << "/s";
    if (done < total) out << "  " << Duration(static_cast<double>(total - done) / rate) << " left";
  }
  return out.str();
}

}  // namespace skjerm
