// The name detector's rules: the words around a name (patterns/names.toml) and the name
// lists (patterns/names/*.txt), loaded once and shared read-only by all threads, with the
// questions that can be answered of one word alone (is it a title, a street, a word that
// cannot be a family name?).
#ifndef SKJERM_DETECT_NAMES_NAME_RULES_H_
#define SKJERM_DETECT_NAMES_NAME_RULES_H_

#include <re2/re2.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/string_set.h"
#include "detect/names/name_words.h"
#include "detect/word_list.h"
#include "normalize/word_endings.h"

namespace skjerm {
namespace person_names {

// The knobs of names.toml [confidence].
struct Confidence {
  double roster_full = 0.95;
  double roster_first_after_full = 0.9;
  double roster_first_alone = 0.6;
  double roster_family_after_full = 0.7;
  double roster_fuzzy = 0.7;
  double list_full = 0.7;
  double context = 0.85;
  double list_first_after_full = 0.6;
  double list_first_alone = 0.5;
};

// Folded phrases of names.toml, by how many words they have.
class PhraseSet {
 public:
  void Add(std::string_view phrase);
  bool Contains(const std::string& folded_phrase) const {
    return phrases_.count(folded_phrase) > 0;
  }
  size_t max_words() const { return max_words_; }

 private:
  std::unordered_set<std::string> phrases_;
  size_t max_words_ = 0;
};

struct Rules {
  // Reads patterns_dir/names.toml, patterns_dir/word_endings.toml and
  // patterns_dir/names/*.txt. Throws std::runtime_error
  // naming the file when one is missing or malformed.
  static Rules Load(const std::string& patterns_dir);

  // A title, also compounded («innkjøpsrådgiver») or inflected («skolsköterskan»,
  // «rektoren», «lærerne»).
  bool IsTitle(const std::string& folded) const;
  // A word ending like a street's name: «Bakkevegen», «Björkvägen».
  bool HasStreetSuffix(const std::string& folded) const;
  // An organisation word («skole», «AS») or a word ending in one of organisation_endings
  // («Villaföreningen», «Idrettslagets»).
  bool IsOrganisationWord(const std::string& folded) const;
  // A capitalised word that may be (part of) a person's name: not a month, title, street
  // word (unless a listed family name: «Bakke»), organisation word, label, common word or
  // word that starts sentences.
  bool SurnameLike(const Token& t) const;
  bool IsPrivateEmailDomain(const std::string& domain) const;
  bool IsOrganisationEmailDomain(const std::string& domain) const;

  Confidence confidence;
  PhraseSet salutations, labels, subject_labels, relations, id_words;
  // A pupil's class after a name (RE2, matched at the text after it): with a class word;
  // a bare class code («7B»).
  std::vector<std::unique_ptr<RE2>> class_after, class_code_after;
  PhraseSet official_titles, official_labels, closings, position_labels;
  std::unordered_set<std::string> copulas;  // «er», «är»: «Prosjektleder er Kari Lunde»
  std::vector<std::string> email_domains;   // an organisation's, folded
  std::vector<std::string> private_email_domains;  // private persons' providers
  StringSet title_suffixes;                        // single-word titles and title_endings
  WordEndings inflections;  // word_endings.toml: «rektoren», «lärarna» are titles
  std::unordered_set<std::string> parties;  // «Sp», «KrF», «S»: as written, case matters
  std::unordered_set<std::string> organisation_words, street_words, never, sentence_words;
  std::vector<std::string> street_suffixes;
  StringSet organisation_endings;
  std::unordered_set<std::string> school_words;  // [roster]: a letter about school
  // names/first_names_*, last_names_* (.txt lists; .tsv statistics, names borne by at least
  // min_bearers people, names.toml [statistics]).
  int64_t min_bearers = 1;
  FoldedWordSet first_names, last_names, ordinary_words;
  FoldedWordSet common_words;  // names/common_words.txt: never a name
};

}  // namespace person_names
}  // namespace skjerm

#endif  // SKJERM_DETECT_NAMES_NAME_RULES_H_
