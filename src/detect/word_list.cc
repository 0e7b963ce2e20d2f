#include "detect/word_list.h"

#include <fstream>

#include <utf8proc.h>

#include "base/utf8.h"

namespace skjerm {
namespace {

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                          static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) return false;
    i += static_cast<size_t>(n);
  }
  return true;
}

std::string Latin1ToUtf8(std::string_view s) {
  std::string out;
  for (char c : s) AppendUtf8(static_cast<unsigned char>(c), &out);
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

bool ForEachWord(const std::string& path, const std::function<void(std::string_view)>& fn) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) {
    std::string_view word = Trim(line);
    if (word.empty() || word.front() == '#') continue;
    if (IsValidUtf8(word)) {
      fn(word);
    } else {
      fn(Latin1ToUtf8(word));
    }
  }
  return true;
}

std::vector<std::string> DefaultDictionaryPaths() {
  return {"/usr/share/dict/bokmål", "/usr/share/dict/nynorsk", "/usr/share/dict/svenska",
          "/usr/share/dict/dansk"};
}

std::unordered_set<std::string> FindOrdinaryWords(const std::vector<std::string>& words,
                                                  const std::vector<std::string>& dictionaries,
                                                  bool* found_any) {
  // Stream the (large) dictionaries past the few words asked about.
  std::unordered_set<std::string> wanted;
  for (const std::string& w : words) wanted.insert(ToLowerUtf8(w));
  std::unordered_set<std::string> found;
  *found_any = false;
  for (const std::string& path : dictionaries) {
    *found_any |= ForEachWord(path, [&](std::string_view entry) {
      const unsigned char first = static_cast<unsigned char>(entry.front());
      if (first >= 'A' && first <= 'Z') return;  // a proper noun
      std::string lower(entry);
      if (first >= 0x80) {
        lower = ToLowerUtf8(entry);
        if (lower.compare(0, 2, std::string(entry.substr(0, 2))) != 0) return;  // Ærlig
      }
      if (wanted.count(lower) > 0) found.insert(std::move(lower));
    });
  }
  return found;
}

bool FoldedWordSet::AddFile(const std::string& path) {
  return ForEachWord(path, [this](std::string_view word) { Add(word); });
}

void FoldedWordSet::Add(std::string_view word) { words_.insert(FoldForMatching(word)); }

bool FoldedWordSet::Contains(std::string_view word) const {
  return words_.count(FoldForMatching(word)) > 0;
}

}  // namespace skjerm
