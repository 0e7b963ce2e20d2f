#include "normalize/word_endings.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "base/rule_table.h"

namespace skjerm {

WordEndings WordEndings::FromFile(const std::string& path) {
  std::vector<std::string> endings;
  ReadRuleFile(path, [&](RuleTable& root) {
    RuleTable table = *root.Table("endings", Presence::kRequired);
    std::set<std::string> seen;
    for (const std::string& e : table.Strings("inflections", Presence::kRequired)) {
      const bool letters = !e.empty() && std::all_of(e.begin(), e.end(),
                                                     [](char c) { return c >= 'a' && c <= 'z'; });
      if (!letters) {
        table.Fail("inflections", "[endings] inflections: \"" + e +
                                      "\" is not an ending of lower-case letters a-z");
      }
      if (!seen.insert(e).second) {
        table.Fail("inflections", "[endings] inflections: \"" + e + "\" is listed twice");
      }
      endings.push_back(e);
    }
    if (endings.empty()) table.Fail("inflections", "[endings] inflections is empty");
  });
  return WordEndings(std::move(endings));
}

WordEndings WordEndings::BesideRuleFile(const std::string& path) {
  return FromFile((std::filesystem::path(path).parent_path() / "word_endings.toml").string());
}

WordEndings::WordEndings(std::vector<std::string> endings) : endings_(std::move(endings)) {
  // Longest first: «kommunens» gives «kommune» (ns) before «kommunen» (s).
  std::stable_sort(endings_.begin(), endings_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

std::vector<std::string_view> WordEndings::Stems(std::string_view folded, size_t min_stem) const {
  std::vector<std::string_view> stems;
  for (const std::string& e : endings_) {
    if (folded.size() < e.size() + min_stem || !folded.ends_with(e)) continue;
    stems.push_back(folded.substr(0, folded.size() - e.size()));
  }
  return stems;
}

}  // namespace skjerm
