// A set of strings that can be asked with a string_view, without making a string: rules
// that try every ending of a word ask it many times a word.
#ifndef SKJERM_BASE_STRING_SET_H_
#define SKJERM_BASE_STRING_SET_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace skjerm {

struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

using StringSet = std::unordered_set<std::string, StringViewHash, std::equal_to<>>;

// True if some ending of `word` that leaves at least `min_before` bytes before it (or the
// whole word) is in `endings`.
inline bool HasEndingIn(const StringSet& endings, std::string_view word, size_t min_before) {
  if (endings.contains(word)) return true;
  for (size_t start = min_before; start < word.size(); ++start) {
    if (endings.contains(word.substr(start))) return true;
  }
  return false;
}

}  // namespace skjerm

#endif  // SKJERM_BASE_STRING_SET_H_
