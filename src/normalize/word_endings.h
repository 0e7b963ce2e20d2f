// The inflection endings of Nordic nouns — definite, plural and genitive forms: «kommunen»,
// «lærerne», «socialtjänstens», «rektorns», «klassa» — read from patterns/word_endings.toml,
// so that a rule word («kommune», «rektor») is found in its inflected forms without listing
// each. The one list every stage that looks a word up by its stem uses (contact cues,
// officials' titles). An immutable value once read; safe to share across threads.
#ifndef SKJERM_NORMALIZE_WORD_ENDINGS_H_
#define SKJERM_NORMALIZE_WORD_ENDINGS_H_

#include <string>
#include <string_view>
#include <vector>

namespace skjerm {

class WordEndings {
 public:
  // Reads `path` ([endings] inflections = [...]: lower-case ASCII letters, none empty, none
  // twice). Throws RuleFileError naming the file and line otherwise.
  static WordEndings FromFile(const std::string& path);
  // The same for `path`'s folder: its word_endings.toml (the rule files lie side by side).
  static WordEndings BesideRuleFile(const std::string& path);

  WordEndings() = default;  // no endings: a word is only itself
  explicit WordEndings(std::vector<std::string> endings);

  // The stems `folded` (a lower-case word) leaves when one ending is taken off it, longest
  // ending first, each at least `min_stem` bytes long; without the word itself.
  std::vector<std::string_view> Stems(std::string_view folded, size_t min_stem) const;

  const std::vector<std::string>& endings() const { return endings_; }

 private:
  std::vector<std::string> endings_;  // longest first
};

}  // namespace skjerm

#endif  // SKJERM_NORMALIZE_WORD_ENDINGS_H_
