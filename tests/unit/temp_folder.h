// TempFolder: a fresh, private folder under $TMPDIR for one test, removed with it.
//
// Each test gets its own folder from mkdtemp: ctest runs tests of one fixture in
// parallel processes, so a fixed name would let one test delete another's files.
// Not copyable; not thread-safe beyond what the file system gives.
#ifndef SKJERM_TESTS_UNIT_TEMP_FOLDER_H_
#define SKJERM_TESTS_UNIT_TEMP_FOLDER_H_

#include <stdlib.h>

#include <filesystem>
#include <stdexcept>
#include <string>

namespace skjerm {

class TempFolder {
 public:
  explicit TempFolder(const std::string& prefix = "skjerm-test") {
    std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
    if (::mkdtemp(pattern.data()) == nullptr)
      throw std::runtime_error("mkdtemp failed: " + pattern);
    path_ = pattern;
  }
  ~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace skjerm

#endif  // SKJERM_TESTS_UNIT_TEMP_FOLDER_H_
