#include "pipeline/rule_set.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "base/sha256.h"

namespace skjerm {

std::string RuleFilesVersion(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec) throw std::runtime_error("cannot read the rule directory " + dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  std::string all;
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    all += fs::relative(file, dir).string();
    all.push_back('\0');
    all += Sha256Hex(content.str());
    all.push_back('\n');
  }
  return Sha256Hex(all).substr(0, 16);
}

std::string ResolvePatternsDir(const std::string& requested) {
  if (!requested.empty()) return requested;
  if (const char* env = std::getenv("SKJERM_PATTERNS"); env != nullptr && *env != '\0') {
    return env;
  }
  return SKJERM_PATTERNS_DIR;
}

}  // namespace skjerm
