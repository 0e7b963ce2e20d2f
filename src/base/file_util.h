// Reading files, and writing the ones skjerm creates so that only the user can read them
// (mode 0600): they may hold verdicts, keys and masked personal data.
#ifndef SKJERM_BASE_FILE_UTIL_H_
#define SKJERM_BASE_FILE_UTIL_H_

#include <cstdint>
#include <string>

namespace skjerm {

// Reads at most max_bytes + 1 bytes of path into *out (so a caller can tell "too large").
// Returns an empty string on success, else a reason ("no such file", "permission denied").
std::string ReadFileBounded(const std::string& path, uint64_t max_bytes, std::string* out);

// Writes contents to path atomically (temporary file + rename) with mode 0600.
// Throws std::runtime_error on failure.
void WritePrivateFile(const std::string& path, const std::string& contents);

// Makes sure a file skjerm created (or is about to use) is not readable by others.
void RestrictToOwner(const std::string& path);

}  // namespace skjerm

#endif  // SKJERM_BASE_FILE_UTIL_H_
