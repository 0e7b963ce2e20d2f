// Helpers shared by the extract_*_test.cc files: fixture paths and scratch files.
#ifndef SKJERM_TESTS_UNIT_EXTRACT_TEST_UTIL_H_
#define SKJERM_TESTS_UNIT_EXTRACT_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "extract/document.h"
#include "extract/extraction_error.h"

namespace skjerm::testing {

// Invented national IDs with valid check digits, as scripts/make-extract-fixtures.py
// wrote them into the fixtures.
inline constexpr char kLetterId[] = "040712 51298";
inline constexpr char kScanId[] = "230111 63475";

inline std::string Fixture(const std::string& name) {
  return std::string(SKJERM_TEST_DATA_DIR) + "/extract/" + name;
}

inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A scratch directory removed when the object goes.
class ScratchDir {
 public:
  ScratchDir() {
    path_ = std::filesystem::path(::testing::TempDir()) /
            ("skjerm-extract-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() { std::filesystem::remove_all(path_); }

  std::string Write(const std::string& name, const std::string& contents) const {
    const std::string file = (path_ / name).string();
    std::ofstream(file, std::ios::binary) << contents;
    return file;
  }
  std::string path() const { return path_.string(); }

 private:
  static inline int counter_ = 0;
  std::filesystem::path path_;
};

// The reason of the ExtractionError that body throws; fails the test if there is none.
template <typename Body>
std::string ErrorOf(Body body) {
  try {
    body();
  } catch (const ExtractionError& e) {
    return e.what();
  }
  ADD_FAILURE() << "no ExtractionError";
  return "";
}

inline std::string WordText(const Page& page, const Word& word) {
  return page.text.substr(word.begin, word.end - word.begin);
}

inline const Word* FindWord(const Page& page, const std::string& text) {
  for (const Word& w : page.words) {
    if (WordText(page, w) == text) return &w;
  }
  return nullptr;
}

}  // namespace skjerm::testing

#endif  // SKJERM_TESTS_UNIT_EXTRACT_TEST_UTIL_H_
