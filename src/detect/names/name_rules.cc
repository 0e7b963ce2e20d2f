#include "detect/names/name_rules.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>

#include "base/rule_table.h"
#include "base/utf8.h"
#include "detect/roles/roster_terms.h"
#include "normalize/char_class.h"

namespace skjerm {
namespace person_names {
namespace {

void ReadConfidence(RuleTable& table, Confidence* c) {
  const std::pair<const char*, double*> knobs[] = {
      {"roster_full", &c->roster_full},
      {"roster_first_after_full", &c->roster_first_after_full},
      {"roster_first_alone", &c->roster_first_alone},
      {"roster_family_after_full", &c->roster_family_after_full},
      {"roster_fuzzy", &c->roster_fuzzy},
      {"list_full", &c->list_full},
      {"context", &c->context},
      {"list_first_after_full", &c->list_first_after_full},
      {"list_first_alone", &c->list_first_alone},
  };
  for (const auto& [key, value] : knobs) *value = table.Number(key, *value, 0, 1);
}

// A word list that cannot be read is an error, not a list fewer: a language's first names
// silently missing would let its names through. (A folder opens as an empty file.)
void LoadWordList(const std::string& path, FoldedWordSet* set) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec) || !set->AddFile(path)) {
    throw std::runtime_error(path + ": cannot be read as a word list");
  }
}

// A name statistics file (PREFIX*.tsv): `name<TAB>bearers` lines, `#` comments. The names
// borne by at least `min_bearers` are added, split into their capitalised parts («Anne-Marie»
// -> Anne, Marie; «von Essen» -> Essen: the detector joins double names and particles
// itself). A line that is not so is an error naming the file and line.
void LoadNameStatistics(const std::string& path, int64_t min_bearers, FoldedWordSet* set) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot be read as name statistics");
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    const std::string_view count =
        tab == std::string::npos ? std::string_view() : std::string_view(line).substr(tab + 1);
    if (tab == 0 || count.empty() || count.size() > 9 ||
        !std::all_of(count.begin(), count.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      throw std::runtime_error(path + ":" + std::to_string(number) +
                               ": not a line «name<TAB>number of bearers»");
    }
    if (std::stoll(std::string(count)) < min_bearers) continue;
    const std::string_view name = std::string_view(line).substr(0, tab);
    size_t start = 0;
    for (size_t i = 0; i <= name.size(); ++i) {
      if (i < name.size() && name[i] != ' ' && name[i] != '-') continue;
      const std::string_view part = name.substr(start, i - start);
      size_t n = 0;
      if (!part.empty() && IsUpperCase(DecodeUtf8(part, 0, &n))) set->Add(part);
      start = i + 1;
    }
  }
  if (in.bad()) throw std::runtime_error(path + ": cannot be read as name statistics");
}

// Every PREFIX*.txt (a list) and PREFIX*.tsv (statistics) of dir.
void LoadNameLists(const std::string& dir, std::string_view prefix, int64_t min_bearers,
                   FoldedWordSet* set) {
  namespace fs = std::filesystem;
  std::error_code ec;
  bool any = false;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    if (EndsWith(name, ".txt")) {
      LoadWordList(e.path().string(), set);
    } else if (EndsWith(name, ".tsv")) {
      std::error_code kind;
      if (!fs::is_regular_file(e.path(), kind)) {
        throw std::runtime_error(e.path().string() + ": cannot be read as name statistics");
      }
      LoadNameStatistics(e.path().string(), min_bearers, set);
    } else {
      // A name list skjerm does not know how to read is an error, not a list fewer.
      throw std::runtime_error(e.path().string() + ": a name list must end in .txt or .tsv");
    }
    any = true;
  }
  if (ec) throw std::runtime_error(dir + ": cannot be read: " + ec.message());
  if (!any) throw std::runtime_error(dir + ": no " + std::string(prefix) + "*.txt name list");
}

// Reads names.toml into the rules: a section and a key for every list, all required.
class NameRulesReader {
 public:
  NameRulesReader(RuleTable& root, Rules* rules) : root_(root), rules_(rules) {}

  void Read() {
    if (std::optional<RuleTable> confidence = root_.Table("confidence")) {
      ReadConfidence(*confidence, &rules_->confidence);
    }
    RuleTable context = Section("context");
    Phrases(context, "salutations", &rules_->salutations);
    Phrases(context, "labels", &rules_->labels);
    Phrases(context, "subject_labels", &rules_->subject_labels);
    Patterns(context, "class_after", &rules_->class_after);
    Patterns(context, "class_code_after", &rules_->class_code_after);
    Phrases(context, "relations", &rules_->relations);
    Phrases(context, "id_words", &rules_->id_words);
    RuleTable officials = Section("officials");
    Phrases(officials, "titles", &rules_->official_titles);
    Phrases(officials, "labels", &rules_->official_labels);
    Phrases(officials, "closings", &rules_->closings);
    Phrases(officials, "position_labels", &rules_->position_labels);
    Words(officials, "copulas", &rules_->copulas);
    for (const std::string& p : Strings(officials, "parties")) rules_->parties.insert(p);
    Words(officials, "title_endings", &rules_->title_suffixes);
    for (const std::string& t : Strings(officials, "titles")) {
      const std::string f = FoldName(t);
      if (f.find(' ') == std::string::npos && f.size() >= 5) rules_->title_suffixes.insert(f);
    }
    Folded(officials, "email_domains", &rules_->email_domains);
    Folded(officials, "private_email_domains", &rules_->private_email_domains);
    RuleTable not_names = Section("not_names");
    Words(not_names, "organisation_words", &rules_->organisation_words);
    Words(not_names, "street_words", &rules_->street_words);
    Words(not_names, "never", &rules_->never);
    Words(not_names, "sentence_words", &rules_->sentence_words);
    Folded(not_names, "street_suffixes", &rules_->street_suffixes);
    for (const std::string& e : Strings(not_names, "organisation_endings")) {
      rules_->organisation_endings.insert(FoldForMatching(e));
    }
    RuleTable statistics = Section("statistics");
    const std::optional<int64_t> min_bearers = statistics.Integer("min_bearers", 1, 1000000000);
    if (!min_bearers) statistics.Fail("min_bearers", "[statistics] min_bearers is required");
    rules_->min_bearers = *min_bearers;
    RuleTable roster = Section("roster");
    Words(roster, "school_words", &rules_->school_words);
  }

 private:
  RuleTable Section(const char* name) { return *root_.Table(name, Presence::kRequired); }
  static std::vector<std::string> Strings(RuleTable& section, const char* key) {
    return section.Strings(key, Presence::kRequired);
  }
  static void Phrases(RuleTable& section, const char* key, PhraseSet* set) {
    for (const std::string& p : Strings(section, key)) set->Add(p);
  }
  static void Patterns(RuleTable& section, const char* key,
                       std::vector<std::unique_ptr<RE2>>* out) {
    for (const std::string& p : Strings(section, key)) {
      RE2::Options options;
      options.set_log_errors(false);
      auto re = std::make_unique<RE2>(p, options);
      if (!re->ok())
        section.Fail(key, section.name() + "." + key + ": bad pattern: " + re->error());
      out->push_back(std::move(re));
    }
  }
  template <typename Set>
  static void Words(RuleTable& section, const char* key, Set* set) {
    for (const std::string& w : Strings(section, key)) set->insert(FoldName(w));
  }
  static void Folded(RuleTable& section, const char* key, std::vector<std::string>* out) {
    for (const std::string& s : Strings(section, key)) out->push_back(FoldForMatching(s));
  }

  RuleTable& root_;
  Rules* rules_;
};

}  // namespace

void PhraseSet::Add(std::string_view phrase) {
  std::string folded = FoldName(phrase);
  if (folded.empty()) return;
  max_words_ = std::max(max_words_, SplitFoldedName(folded).size());
  phrases_.insert(std::move(folded));
}

Rules Rules::Load(const std::string& patterns_dir) {
  Rules rules;
  ReadRuleFile(patterns_dir + "/names.toml",
               [&](RuleTable& root) { NameRulesReader(root, &rules).Read(); });
  const std::string names_dir = patterns_dir + "/names";
  rules.inflections = WordEndings::FromFile(patterns_dir + "/word_endings.toml");
  LoadNameLists(names_dir, "first_names_", rules.min_bearers, &rules.first_names);
  LoadNameLists(names_dir, "last_names_", rules.min_bearers, &rules.last_names);
  LoadWordList(names_dir + "/ordinary_words.txt", &rules.ordinary_words);
  LoadWordList(names_dir + "/common_words.txt", &rules.common_words);
  return rules;
}

bool Rules::IsTitle(const std::string& folded) const {
  if (official_titles.Contains(folded)) return true;
  if (HasEndingIn(title_suffixes, folded, 0)) return true;
  for (std::string_view stem : inflections.Stems(folded, 0)) {
    if (HasEndingIn(title_suffixes, stem, 0)) return true;
  }
  return false;
}

bool Rules::HasStreetSuffix(const std::string& folded) const {
  for (const std::string& s : street_suffixes) {
    if (EndsWith(folded, s)) return true;
  }
  return false;
}

bool Rules::IsOrganisationWord(const std::string& folded) const {
  if (organisation_words.count(folded)) return true;
  // A compound has at least three letters before the ending («Vellaget», not «Lag»).
  if (HasEndingIn(organisation_endings, folded, 3)) return true;
  const std::string stem = StripGenitive(folded);
  return !stem.empty() && HasEndingIn(organisation_endings, stem, 3);
}

bool Rules::SurnameLike(const Token& t) const {
  const std::string& f = t.folded;
  if (f.size() < 2 || !t.cap) return false;
  if (never.count(f) || IsOrganisationWord(f) ||
      (street_words.count(f) && !last_names.ContainsFolded(f)) || sentence_words.count(f) ||
      common_words.ContainsFolded(f) || id_words.Contains(f) || IsTitle(f) || labels.Contains(f) ||
      salutations.Contains(f)) {
    return false;
  }
  return !HasStreetSuffix(f);
}

bool Rules::IsPrivateEmailDomain(const std::string& domain) const {
  const std::vector<std::string> parts = SplitFoldedName(domain);
  for (const std::string& p : private_email_domains) {
    if (p.find('.') != std::string::npos) {
      if (domain == p || EndsWith(domain, "." + p)) return true;
    } else if (std::find(parts.begin(), parts.end(), p) != parts.end()) {
      return true;
    }
  }
  return false;
}

bool Rules::IsOrganisationEmailDomain(const std::string& domain) const {
  for (const std::string& d : email_domains) {
    if (domain.find(d) != std::string::npos) return true;
  }
  return false;
}

}  // namespace person_names
}  // namespace skjerm
