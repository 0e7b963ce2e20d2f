#include "policy/marking_rules.h"

#include <algorithm>
#include <stdexcept>

#include "base/rule_table.h"
#include "base/utf8.h"
#include "policy/marking_tokens.h"

namespace skjerm {
namespace {

// Reads markings.toml; every problem is a RuleFileError "path:line: what".
class MarkingRulesReader {
 public:
  MarkingRules Read(RuleTable& root) {
    MarkingRules rules;
    if (std::optional<RuleTable> layout = root.Table("layout")) ReadLayout(*layout, &rules.layout);
    RuleTable basis = *root.Table("basis", Presence::kRequired);
    ReadBasis(basis, &rules);
    std::vector<RuleTable> languages = root.Tables("language", Presence::kRequired);
    if (languages.empty()) root.Fail("language", "missing [[language]] tables");
    for (RuleTable& language : languages) ReadLanguage(language, &rules);
    // Longest wording first, so that "Strengt fortrolig" wins over "Fortrolig".
    std::stable_sort(rules.phrases.begin(), rules.phrases.end(),
                     [](const MarkingPhrase& a, const MarkingPhrase& b) {
                       return a.keys.size() > b.keys.size();
                     });
    return rules;
  }

 private:
  static void ReadLayout(RuleTable& t, MarkingLayout* layout) {
    auto read = [&](const char* key, int* value, int min) {
      *value = static_cast<int>(t.Integer(key, *value, min, 1000));
    };
    read("header_lines", &layout->header_lines, 0);
    read("running_header_lines", &layout->running_header_lines, 0);
    read("footer_lines", &layout->footer_lines, 0);
    read("column_gap", &layout->column_gap, 2);
    read("paragraph_min_words", &layout->paragraph_min_words, 1);
    read("max_unknown_words", &layout->max_unknown_words, 0);
    read("noise_max_tokens", &layout->noise_max_tokens, 0);
    read("noise_max_chars", &layout->noise_max_chars, 0);
    layout->field_separators = t.Strings("field_separators");
    layout->ocr_field_separators = t.Strings("ocr_field_separators");
  }

  // Matching keys of a wording; a wording without any letter or digit is an error.
  static KeySequence Keys(const RuleTable& t, const char* key, const std::string& text,
                          bool drop_section) {
    KeySequence keys = MarkingKeys(text);
    if (drop_section) keys.erase(std::remove(keys.begin(), keys.end(), "§"), keys.end());
    if (keys.empty()) t.Fail(key, "'" + text + "' in " + key + " has no words");
    return keys;
  }

  static void AddWords(RuleTable& t, const char* key, std::unordered_set<std::string>* out,
                       Presence presence) {
    for (const std::string& word : t.Strings(key, presence)) {
      for (std::string& k : Keys(t, key, word, false)) out->insert(std::move(k));
    }
  }

  static void ReadBasis(RuleTable& t, MarkingRules* rules) {
    AddWords(t, "connectors", &rules->connectors, Presence::kRequired);
    AddWords(t, "words", &rules->basis_words, Presence::kRequired);
    AddWords(t, "law_abbreviations", &rules->law_abbreviations, Presence::kRequired);
    for (const std::string& suffix : t.Strings("law_suffixes", Presence::kRequired)) {
      rules->law_suffixes.push_back(FoldForMatching(suffix));
    }
    // A token of its own each, as the tokenizer cuts it ("8", "s", "&").
    for (const std::string& sign : t.Strings("ocr_section_signs")) {
      const std::vector<MarkingToken> tokens = TokenizeMarkingText(sign);
      if (tokens.size() != 1) {
        t.Fail("ocr_section_signs", "'" + sign + "' in ocr_section_signs is not one token");
      }
      rules->ocr_section_signs.insert(tokens[0].key);
    }
  }

  static void ReadLanguage(RuleTable& t, MarkingRules* rules) {
    const std::string code = *t.String("code", Presence::kRequired);
    for (const std::string& s : t.Strings("strong", Presence::kRequired)) {
      rules->phrases.push_back(MarkingPhrase{Keys(t, "strong", s, false), code, false});
    }
    for (const std::string& s : t.Strings("weak")) {
      rules->phrases.push_back(MarkingPhrase{Keys(t, "weak", s, false), code, true});
    }
    for (const std::string& s : t.Strings("exemption_laws")) {
      rules->exemption_laws.push_back(ExemptionLaw{Keys(t, "exemption_laws", s, true), code});
    }
    for (const std::string& s : t.Strings("labels")) {
      rules->labels.push_back(Keys(t, "labels", s, false));
    }
    for (const std::string& s : t.Strings("subject_labels")) {
      rules->subject_labels.push_back(Keys(t, "subject_labels", s, false));
    }
    std::unordered_set<std::string> copulas;
    AddWords(t, "copulas", &copulas, Presence::kOptional);
    for (const std::string& s : t.Strings("self_references")) {
      rules->self_references.push_back(
          MarkingRules::SelfReference{Keys(t, "self_references", s, false), copulas});
    }
    AddWords(t, "sentence_cues", &rules->sentence_cues, Presence::kOptional);
    AddWords(t, "function_words", &rules->function_words, Presence::kOptional);
  }
};

}  // namespace

bool MarkingRules::IsLaw(std::string_view key) const {
  if (law_abbreviations.count(std::string(key)) > 0) return true;
  for (const std::string& suffix : law_suffixes) {
    if (key.size() >= suffix.size() && key.substr(key.size() - suffix.size()) == suffix) {
      return true;
    }
  }
  return false;
}

bool MarkingRules::IsBasisWord(std::string_view key) const {
  return basis_words.count(std::string(key)) > 0 || IsLaw(key);
}

MarkingRules LoadMarkingRules(const std::string& path) {
  MarkingRules rules;
  ReadRuleFile(path, [&](RuleTable& root) { rules = MarkingRulesReader().Read(root); });
  return rules;
}

}  // namespace skjerm
