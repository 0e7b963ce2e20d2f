#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include "cli/app.h"
#include "extract/document_reader.h"

int main(int argc, char** argv) {
  // Tesseract's OpenMP threads slow OCR down fourfold on a small machine (10 s against
  // 2.6 s a page here); skjerm runs one single-threaded engine per worker instead. OpenMP
  // reads its limit when the library loads, before main, so the process starts itself
  // again with the limit set.
  if (std::getenv("OMP_THREAD_LIMIT") == nullptr) {
    ::setenv("OMP_THREAD_LIMIT", "1", 1);
    ::execv("/proc/self/exe", argv);
    // If that fails, go on: slower, not wrong.
  }
  if (argc == 2 && std::strcmp(argv[1], skjerm::kExtractWorkerArgument) == 0) {
    return skjerm::RunExtractionWorker(/*in_fd=*/0, /*out_fd=*/1);
  }
  return skjerm::RunCli(argc, argv);
}
