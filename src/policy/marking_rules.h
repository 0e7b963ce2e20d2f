// The wordings and layout limits of patterns/markings.toml, loaded once and read-only after
// that: which phrases are exemption markings in which language, which words make up a legal
// basis, which labels introduce a marking and which words betray a running sentence.
#ifndef SKJERM_POLICY_MARKING_RULES_H_
#define SKJERM_POLICY_MARKING_RULES_H_

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace skjerm {

// A sequence of matching keys (see MarkingKeys): "Unntatt offentlighet" -> {unntatt,
// offentlighet}.
using KeySequence = std::vector<std::string>;

struct MarkingPhrase {
  KeySequence keys;
  std::string language;
  // An ordinary word that is a marking only where nothing else can be meant ("Sekretess").
  bool weak = false;
};

// A provision that exempts a document ("offl", "fvl § 13"); the section sign is left out of
// the keys, so that "fvl 13" (OCR dropped the '§') matches too.
struct ExemptionLaw {
  KeySequence keys;
  std::string language;
};

struct MarkingLayout {
  int header_lines = 15;
  int running_header_lines = 3;
  int footer_lines = 4;
  int column_gap = 3;
  int paragraph_min_words = 5;
  int max_unknown_words = 1;
  int noise_max_tokens = 2;
  int noise_max_chars = 2;
  // Punctuation that separates the fields of a letterhead or footer line ("Nordli skole ·
  // Postboks 12 · Unntatt offentlighet"), and what OCR makes of it ("-", "+").
  std::vector<std::string> field_separators;
  std::vector<std::string> ocr_field_separators;
};

struct MarkingRules {
  MarkingLayout layout;
  std::vector<MarkingPhrase> phrases;  // longest first
  std::vector<ExemptionLaw> exemption_laws;
  std::vector<KeySequence> labels;
  std::vector<KeySequence> subject_labels;
  // A self-reference with its language ("Brevet", nb) and the copulas of that language.
  struct SelfReference {
    KeySequence keys;
    std::unordered_set<std::string> copulas;
  };
  std::vector<SelfReference> self_references;
  std::unordered_set<std::string> sentence_cues;
  std::unordered_set<std::string> function_words;
  std::unordered_set<std::string> connectors;
  std::unordered_set<std::string> basis_words;
  std::unordered_set<std::string> law_abbreviations;
  std::vector<std::string> law_suffixes;  // folded
  // Keys of tokens OCR makes of a section sign ("8", "5", "s"), read as '§' where they stand
  // between a law and a number ("offl. 8 13") or a number and a law ("2 8 OSL").
  std::unordered_set<std::string> ocr_section_signs;

  // A word that names a law: an abbreviation, or a word with a law suffix.
  bool IsLaw(std::string_view key) const;
  // A word of a legal basis other than a connector.
  bool IsBasisWord(std::string_view key) const;
};

// Reads the rules. Throws std::runtime_error naming the file (and the line, where there
// is one) when the file cannot be read or a required key is missing or of the wrong type.
MarkingRules LoadMarkingRules(const std::string& path);

}  // namespace skjerm

#endif  // SKJERM_POLICY_MARKING_RULES_H_
