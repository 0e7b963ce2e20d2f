// A rule file read against what its reader asks for. A reader declares each key once, by
// reading it with a typed getter (Bool, Number, Strings, Table, ...); the getter checks the
// value's type and range. When the reader is done, every key it did not ask for is refused:
// a misspelt key (`private_nmae = true`) would otherwise load and silently leave the rule it
// meant at its default. Every error names the file and line: "policy.toml:17: ...".
//
// A RuleTable is a handle into a file being read by ReadRuleFile(); it is valid only inside
// the reader function and is not thread-safe (rule files are read once, at start).
#ifndef SKJERM_BASE_RULE_TABLE_H_
#define SKJERM_BASE_RULE_TABLE_H_

#include <toml++/toml.h>

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace skjerm {

// A rule file that cannot be read or says something skjerm does not understand: a
// configuration error ("PATH:LINE: what is wrong"), never a reason to go on with defaults.
class RuleFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class RuleTable;
struct RuleFileState;

using RuleReader = std::function<void(RuleTable& root)>;

// Parses `path` (TOML, with toml++) and lets `read` take what it needs from the root table;
// then refuses every key `read` did not ask for. Throws RuleFileError ("PATH:LINE: what is
// wrong"; several such lines when several keys are unknown), a syntax error too.
void ReadRuleFile(const std::string& path, const RuleReader& read);

// The same for rules held in memory; `source` names them in messages.
void ReadRuleText(std::string_view text, const std::string& source, const RuleReader& read);

enum class Presence { kOptional, kRequired };

class RuleTable {
 public:
  // The table's name in messages: "[hold]", "[[phone.country]] 2", "the file".
  const std::string& name() const { return name_; }

  // ---- Values. An absent key gives the fallback (or nullopt, or an empty list); a value of
  // another type, or outside [min, max], throws RuleFileError at the value's line.
  bool Bool(std::string_view key, bool fallback);
  std::optional<int64_t> Integer(std::string_view key, int64_t min, int64_t max);
  int64_t Integer(std::string_view key, int64_t fallback, int64_t min, int64_t max);
  // An integer or a decimal number.
  std::optional<double> Number(std::string_view key, double min, double max);
  double Number(std::string_view key, double fallback, double min, double max);
  // A string; with kRequired, an absent or empty one is an error.
  std::optional<std::string> String(std::string_view key, Presence presence = Presence::kOptional);
  std::string String(std::string_view key, const std::string& fallback);
  // One of `choices`.
  std::string Choice(std::string_view key, const std::string& fallback,
                     std::initializer_list<std::string_view> choices);
  // A list of non-empty strings; with kRequired, an absent key is an error.
  std::vector<std::string> Strings(std::string_view key, Presence presence = Presence::kOptional);
  std::vector<int64_t> Integers(std::string_view key, int64_t min, int64_t max);
  // A list of lists of `size` non-empty strings: [["vågen", "vägen"], ...].
  std::vector<std::vector<std::string>> StringTuples(std::string_view key, size_t size);

  // ---- Tables. A sub-table ([hold], or an inline table); nullopt when absent.
  std::optional<RuleTable> Table(std::string_view key, Presence presence = Presence::kOptional);
  // An array of tables ([[language]]), in the file's order.
  std::vector<RuleTable> Tables(std::string_view key, Presence presence = Presence::kOptional);

  // Keys that the file names itself ([language.nb], [cues.sv], a map of country codes):
  // every key of this table is accepted, and the reader reads each with the getters above.
  // In the order they stand in the file.
  std::vector<std::string> Keys();

  // Throws RuleFileError at the line of `key` (of this table when the key is absent).
  [[noreturn]] void Fail(std::string_view key, const std::string& what) const;
  [[noreturn]] void Fail(const std::string& what) const;

 private:
  friend struct RuleFileState;
  RuleTable(RuleFileState* file, const toml::table* table, std::string name)
      : file_(file), table_(table), name_(std::move(name)) {}

  // Records that the reader asks for `key`; the key's node, or null when absent.
  const toml::node* Declare(std::string_view key, Presence presence);
  [[noreturn]] void FailAt(const toml::node& node, const std::string& what) const;
  std::string Quoted(std::string_view key) const;

  RuleFileState* file_;
  const toml::table* table_;
  std::string name_;
};

}  // namespace skjerm

#endif  // SKJERM_BASE_RULE_TABLE_H_
