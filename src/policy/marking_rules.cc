#include "policy/marking_rules.h"

#include <toml++/toml.h>

#include <algorithm>
#include <stdexcept>

#include "base/toml_file.h"
#include "base/utf8.h"
#include "policy/marking_tokens.h"

namespace skjerm {
namespace {

// Reads one rule file, turning every problem into "path:line: what".
class RulesReader {
 public:
  explicit RulesReader(std::string path) : path_(std::move(path)) {}

  MarkingRules Read() {
    const toml::table root = ParseTomlFile(path_);
    MarkingRules rules;
    if (const toml::table* layout = root["layout"].as_table()) ReadLayout(*layout, &rules.layout);
    const toml::table* basis = root["basis"].as_table();
    if (basis == nullptr) Fail(0, "missing table [basis]");
    ReadBasis(*basis, &rules);
    const toml::array* languages = root["language"].as_array();
    if (languages == nullptr || languages->empty()) Fail(0, "missing [[language]] tables");
    for (const toml::node& node : *languages) {
      const toml::table* language = node.as_table();
      if (language == nullptr) Fail(Line(node), "[[language]] must be a table");
      ReadLanguage(*language, &rules);
    }
    // Longest wording first, so that "Strengt fortrolig" wins over "Fortrolig".
    std::stable_sort(rules.phrases.begin(), rules.phrases.end(),
                     [](const MarkingPhrase& a, const MarkingPhrase& b) {
                       return a.keys.size() > b.keys.size();
                     });
    return rules;
  }

 private:
  [[noreturn]] void Fail(int64_t line, const std::string& what) const {
    throw std::runtime_error(path_ + (line > 0 ? ":" + std::to_string(line) : "") + ": " + what);
  }
  static int64_t Line(const toml::node& node) { return node.source().begin.line; }

  void ReadLayout(const toml::table& t, MarkingLayout* layout) const {
    auto read = [&](const char* key, int* value, int min) {
      const toml::node_view<const toml::node> node = t[key];
      if (!node) return;
      std::optional<int64_t> v = node.value<int64_t>();
      if (!v || *v < min || *v > 1000) {
        Fail(Line(*node.node()),
             std::string("layout.") + key + " must be an integer >= " + std::to_string(min));
      }
      *value = static_cast<int>(*v);
    };
    read("header_lines", &layout->header_lines, 0);
    read("running_header_lines", &layout->running_header_lines, 0);
    read("footer_lines", &layout->footer_lines, 0);
    read("column_gap", &layout->column_gap, 2);
    read("paragraph_min_words", &layout->paragraph_min_words, 1);
    read("max_unknown_words", &layout->max_unknown_words, 0);
    read("noise_max_tokens", &layout->noise_max_tokens, 0);
    read("noise_max_chars", &layout->noise_max_chars, 0);
    layout->field_separators = Strings(t, "field_separators", false);
    layout->ocr_field_separators = Strings(t, "ocr_field_separators", false);
  }

  // The strings of an array of strings; an absent key is an empty list when !required.
  std::vector<std::string> Strings(const toml::table& t, const char* key, bool required) const {
    std::vector<std::string> out;
    const toml::node* node = t.get(key);
    if (node == nullptr) {
      if (required) Fail(Line(t), std::string("missing key '") + key + "'");
      return out;
    }
    const toml::array* array = node->as_array();
    if (array == nullptr) Fail(Line(*node), std::string("'") + key + "' must be a list of strings");
    for (const toml::node& item : *array) {
      std::optional<std::string> s = item.value<std::string>();
      if (!s || s->empty()) {
        Fail(Line(item), std::string("'") + key + "' must hold non-empty strings");
      }
      out.push_back(std::move(*s));
    }
    return out;
  }

  // Matching keys of a wording; a wording without any letter or digit is an error.
  KeySequence Keys(const toml::table& t, const std::string& text, bool drop_section) const {
    KeySequence keys = MarkingKeys(text);
    if (drop_section) keys.erase(std::remove(keys.begin(), keys.end(), "§"), keys.end());
    if (keys.empty()) Fail(Line(t), "'" + text + "' has no words");
    return keys;
  }

  void AddWords(const toml::table& t, const char* key, std::unordered_set<std::string>* out,
                bool required) const {
    for (const std::string& word : Strings(t, key, required)) {
      for (std::string& k : Keys(t, word, false)) out->insert(std::move(k));
    }
  }

  void ReadBasis(const toml::table& t, MarkingRules* rules) const {
    AddWords(t, "connectors", &rules->connectors, true);
    AddWords(t, "words", &rules->basis_words, true);
    AddWords(t, "law_abbreviations", &rules->law_abbreviations, true);
    for (const std::string& suffix : Strings(t, "law_suffixes", true)) {
      rules->law_suffixes.push_back(FoldForMatching(suffix));
    }
    // A token of its own each, as the tokenizer cuts it ("8", "s", "&").
    for (const std::string& sign : Strings(t, "ocr_section_signs", false)) {
      const std::vector<MarkingToken> tokens = TokenizeMarkingText(sign);
      if (tokens.size() != 1) Fail(Line(t), "'" + sign + "' in ocr_section_signs is not one token");
      rules->ocr_section_signs.insert(tokens[0].key);
    }
  }

  void ReadLanguage(const toml::table& t, MarkingRules* rules) const {
    std::optional<std::string> code = t["code"].value<std::string>();
    if (!code || code->empty()) Fail(Line(t), "[[language]] needs a code");
    for (const std::string& s : Strings(t, "strong", true)) {
      rules->phrases.push_back(MarkingPhrase{Keys(t, s, false), *code, false});
    }
    for (const std::string& s : Strings(t, "weak", false)) {
      rules->phrases.push_back(MarkingPhrase{Keys(t, s, false), *code, true});
    }
    for (const std::string& s : Strings(t, "exemption_laws", false)) {
      rules->exemption_laws.push_back(ExemptionLaw{Keys(t, s, true), *code});
    }
    for (const std::string& s : Strings(t, "labels", false)) {
      rules->labels.push_back(Keys(t, s, false));
    }
    for (const std::string& s : Strings(t, "subject_labels", false)) {
      rules->subject_labels.push_back(Keys(t, s, false));
    }
    std::unordered_set<std::string> copulas;
    AddWords(t, "copulas", &copulas, false);
    for (const std::string& s : Strings(t, "self_references", false)) {
      rules->self_references.push_back(MarkingRules::SelfReference{Keys(t, s, false), copulas});
    }
    AddWords(t, "sentence_cues", &rules->sentence_cues, false);
    AddWords(t, "function_words", &rules->function_words, false);
  }

  std::string path_;
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

MarkingRules LoadMarkingRules(const std::string& path) { return RulesReader(path).Read(); }

}  // namespace skjerm
