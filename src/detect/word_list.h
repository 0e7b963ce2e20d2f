// Plain word lists: the name lists in patterns/names/ and the national dictionaries in
// /usr/share/dict (Debian's wnorwegian, wswedish and wdanish). One word a line; lines
// starting with '#' are comments. Debian's bokmål, nynorsk and svenska lists are Latin-1,
// dansk is UTF-8: a line that is not valid UTF-8 is read as Latin-1.
#ifndef SKJERM_DETECT_WORD_LIST_H_
#define SKJERM_DETECT_WORD_LIST_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace skjerm {

// Calls fn with every word of the file, as UTF-8, trimmed. False when it cannot be read.
bool ForEachWord(const std::string& path, const std::function<void(std::string_view)>& fn);

// The default dictionaries of nb, nn, sv and da.
std::vector<std::string> DefaultDictionaryPaths();

// Of the given words (as written, "Liv"), those that the dictionaries list in lower case
// as an ordinary word ("liv"), lower-cased. Capitalised dictionary entries are proper
// nouns and do not count. *found_any tells whether any dictionary could be read.
std::unordered_set<std::string> FindOrdinaryWords(const std::vector<std::string>& words,
                                                  const std::vector<std::string>& dictionaries,
                                                  bool* found_any);

// A set of words compared folded (FoldForMatching): "Bjørn" is in it when "bjorn" is.
class FoldedWordSet {
 public:
  FoldedWordSet() = default;
  // Adds every word of the file; false when it cannot be read.
  bool AddFile(const std::string& path);
  void Add(std::string_view word);
  bool Contains(std::string_view word) const;
  // For a word already folded.
  bool ContainsFolded(const std::string& folded) const { return words_.count(folded) > 0; }
  size_t size() const { return words_.size(); }

 private:
  std::unordered_set<std::string> words_;
};

}  // namespace skjerm

#endif  // SKJERM_DETECT_WORD_LIST_H_
