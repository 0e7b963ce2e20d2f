#include "base/rule_table.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace skjerm {

// What the reader of one file has asked for, table by table.
struct RuleFileState {
  struct Declared {
    std::set<std::string, std::less<>> keys;
    bool any_key = false;
  };
  struct Problem {
    int64_t line;
    int64_t column;
    std::string what;
    bool near_miss;  // a declared key is one slip away: surely a misspelling
  };

  explicit RuleFileState(std::string source_name) : source(std::move(source_name)) {}

  RuleTable Open(const toml::table* table, std::string name) {
    tables[table];
    return RuleTable(this, table, std::move(name));
  }

  // Every key of `table` (and of the tables under it that the reader opened) that the
  // reader did not ask for.
  void FindUnknownKeys(const toml::table& table, const std::string& name,
                       std::vector<Problem>* problems) const;
  // "PATH:LINE: what" for each, in line order, one a line.
  std::string Describe(std::vector<Problem> problems) const;

  std::string source;
  std::map<const toml::table*, Declared> tables;
};

namespace {

// "PATH:LINE: what" (without the line when it is 0).
std::string RuleFileMessage(const std::string& source, int64_t line, const std::string& what) {
  std::ostringstream msg;
  msg << source;
  if (line > 0) msg << ":" << line;
  msg << ": " << what;
  return msg.str();
}

[[noreturn]] void FailToParse(const std::string& source, const toml::parse_error& e) {
  throw RuleFileError(RuleFileMessage(source, e.source().begin.line, std::string(e.description())));
}

toml::table ParseTomlFile(const std::string& path) {
  try {
    return toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    FailToParse(path, e);
  }
}

toml::table ParseTomlText(std::string_view text, const std::string& source) {
  try {
    return toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    FailToParse(source, e);
  }
}

int64_t LineOf(const toml::node& node) { return node.source().begin.line; }

std::string Dotted(const std::string& name, std::string_view key) {
  return name.empty() ? std::string(key) : name + "." + std::string(key);
}

const char* TypeName(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a decimal number";
    case toml::node_type::boolean:
      return "true/false";
    case toml::node_type::array:
      return "a list";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time:
      return "a date or time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

// Edits (insert, delete, replace, swap two neighbours) that make a into b.
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

// The known key `key` is one slip (two in a long key) away from: "private_nmae", "hodl",
// "treshold"; "" when none is.
std::string NearMiss(std::string_view key, const std::set<std::string, std::less<>>& known) {
  std::string best;
  size_t best_distance = key.size() >= 8 ? 3 : 2;
  for (const std::string& k : known) {
    const size_t d = EditDistance(key, k);
    if (d < best_distance) best = k, best_distance = d;
  }
  return best;
}

// " (did you mean national_id?)", or the keys the table takes when none is close.
std::string Suggestion(std::string_view key, const std::set<std::string, std::less<>>& known) {
  const std::string best = NearMiss(key, known);
  if (!best.empty()) return " (did you mean " + best + "?)";
  if (known.empty()) return " (this table takes no keys)";
  std::string list;
  for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
  return " (known keys: " + list + ")";
}

std::string FormatNumber(double v) {
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

void RuleFileState::FindUnknownKeys(const toml::table& table, const std::string& name,
                                    std::vector<Problem>* problems) const {
  const auto declared = tables.find(&table);
  if (declared == tables.end()) return;  // read as a whole by the reader
  for (const auto& [key, node] : table) {
    const std::string dotted = Dotted(name, key.str());
    if (!declared->second.any_key && declared->second.keys.count(key.str()) == 0) {
      const int64_t line = key.source().begin.line > 0 ? key.source().begin.line : LineOf(node);
      problems->push_back(
          Problem{line, key.source().begin.column,
                  "unknown key " + dotted + Suggestion(key.str(), declared->second.keys),
                  !NearMiss(key.str(), declared->second.keys).empty()});
      continue;
    }
    if (const toml::table* sub = node.as_table()) {
      FindUnknownKeys(*sub, dotted, problems);
    } else if (const toml::array* array = node.as_array()) {
      for (size_t i = 0; i < array->size(); ++i) {
        if (const toml::table* item = (*array)[i].as_table()) {
          FindUnknownKeys(*item, dotted + "[" + std::to_string(i + 1) + "]", problems);
        }
      }
    }
  }
}

std::string RuleFileState::Describe(std::vector<Problem> problems) const {
  std::sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
  std::string message;
  for (const Problem& p : problems) {
    if (!message.empty()) message += '\n';
    message += RuleFileMessage(source, p.line, p.what);
  }
  return message;
}

namespace {

void ReadRoot(const toml::table& root, const std::string& source, const RuleReader& read) {
  RuleFileState state(source);
  RuleTable table = state.Open(&root, "");
  std::vector<RuleFileState::Problem> problems;
  try {
    read(table);
  } catch (const RuleFileError& e) {
    // The reader stopped (a required key missing, say) before it asked for every key, so an
    // unknown key now may yet be read. One a slip away from a known key is surely the
    // misspelling that caused the stop: say so too.
    state.FindUnknownKeys(root, "", &problems);
    std::erase_if(problems, [](const RuleFileState::Problem& p) { return !p.near_miss; });
    if (problems.empty()) throw;
    throw RuleFileError(std::string(e.what()) + '\n' + state.Describe(std::move(problems)));
  }
  state.FindUnknownKeys(root, "", &problems);
  if (!problems.empty()) throw RuleFileError(state.Describe(std::move(problems)));
}

}  // namespace

void ReadRuleFile(const std::string& path, const RuleReader& read) {
  ReadRoot(ParseTomlFile(path), path, read);
}

void ReadRuleText(std::string_view text, const std::string& source, const RuleReader& read) {
  ReadRoot(ParseTomlText(text, source), source, read);
}

// ---- RuleTable -------------------------------------------------------------------------

const toml::node* RuleTable::Declare(std::string_view key, Presence presence) {
  file_->tables[table_].keys.emplace(key);
  const toml::node* node = table_->get(key);
  if (node == nullptr && presence == Presence::kRequired) Fail("missing key " + Quoted(key));
  return node;
}

std::string RuleTable::Quoted(std::string_view key) const { return Dotted(name_, key); }

void RuleTable::FailAt(const toml::node& node, const std::string& what) const {
  throw RuleFileError(RuleFileMessage(file_->source, LineOf(node), what));
}

void RuleTable::Fail(std::string_view key, const std::string& what) const {
  const toml::node* node = table_->get(key);
  FailAt(node != nullptr ? *node : *table_, what);
}

void RuleTable::Fail(const std::string& what) const { FailAt(*table_, what); }

bool RuleTable::Bool(std::string_view key, bool fallback) {
  const toml::node* node = Declare(key, Presence::kOptional);
  if (node == nullptr) return fallback;
  if (!node->is_boolean()) {
    FailAt(*node, Quoted(key) + " must be true or false, not " + TypeName(*node));
  }
  return node->as_boolean()->get();
}

std::optional<int64_t> RuleTable::Integer(std::string_view key, int64_t min, int64_t max) {
  const toml::node* node = Declare(key, Presence::kOptional);
  if (node == nullptr) return std::nullopt;
  const std::string range = " from " + std::to_string(min) + " to " + std::to_string(max);
  if (!node->is_integer()) {
    FailAt(*node, Quoted(key) + " must be an integer" + range + ", not " + TypeName(*node));
  }
  const int64_t v = node->as_integer()->get();
  if (v < min || v > max) {
    FailAt(*node, Quoted(key) + " must be an integer" + range + ", not " + std::to_string(v));
  }
  return v;
}

int64_t RuleTable::Integer(std::string_view key, int64_t fallback, int64_t min, int64_t max) {
  return Integer(key, min, max).value_or(fallback);
}

std::optional<double> RuleTable::Number(std::string_view key, double min, double max) {
  const toml::node* node = Declare(key, Presence::kOptional);
  if (node == nullptr) return std::nullopt;
  const std::string range = " from " + FormatNumber(min) + " to " + FormatNumber(max);
  std::optional<double> v;
  if (node->is_integer()) v = static_cast<double>(node->as_integer()->get());
  if (node->is_floating_point()) v = node->as_floating_point()->get();
  if (!v) FailAt(*node, Quoted(key) + " must be a number" + range + ", not " + TypeName(*node));
  if (!(*v >= min && *v <= max)) {
    FailAt(*node, Quoted(key) + " must be a number" + range + ", not " + FormatNumber(*v));
  }
  return v;
}

double RuleTable::Number(std::string_view key, double fallback, double min, double max) {
  return Number(key, min, max).value_or(fallback);
}

std::optional<std::string> RuleTable::String(std::string_view key, Presence presence) {
  const toml::node* node = Declare(key, presence);
  if (node == nullptr) return std::nullopt;
  if (!node->is_string()) FailAt(*node, Quoted(key) + " must be a string, not " + TypeName(*node));
  std::string value = node->as_string()->get();
  if (value.empty() && presence == Presence::kRequired) {
    FailAt(*node, Quoted(key) + " must not be empty");
  }
  return value;
}

std::string RuleTable::String(std::string_view key, const std::string& fallback) {
  return String(key, Presence::kOptional).value_or(fallback);
}

std::string RuleTable::Choice(std::string_view key, const std::string& fallback,
                              std::initializer_list<std::string_view> choices) {
  const std::optional<std::string> value = String(key, Presence::kOptional);
  if (!value) return fallback;
  std::string list;
  for (std::string_view c : choices) {
    if (*value == c) return *value;
    list += (list.empty() ? "\"" : ", \"") + std::string(c) + "\"";
  }
  Fail(key, Quoted(key) + " must be one of " + list + ", not \"" + *value + "\"");
}

std::vector<std::string> RuleTable::Strings(std::string_view key, Presence presence) {
  std::vector<std::string> out;
  const toml::node* node = Declare(key, presence);
  if (node == nullptr) return out;
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    FailAt(*node, Quoted(key) + " must be a list of strings, not " + TypeName(*node));
  }
  out.reserve(array->size());
  for (const toml::node& item : *array) {
    if (!item.is_string()) {
      FailAt(item, Quoted(key) + " must hold only strings, not " + TypeName(item));
    }
    if (item.as_string()->get().empty()) FailAt(item, Quoted(key) + " holds an empty string");
    out.push_back(item.as_string()->get());
  }
  return out;
}

std::vector<int64_t> RuleTable::Integers(std::string_view key, int64_t min, int64_t max) {
  std::vector<int64_t> out;
  const toml::node* node = Declare(key, Presence::kOptional);
  if (node == nullptr) return out;
  const toml::array* array = node->as_array();
  const std::string what =
      " must be a list of integers from " + std::to_string(min) + " to " + std::to_string(max);
  if (array == nullptr) FailAt(*node, Quoted(key) + what + ", not " + TypeName(*node));
  for (const toml::node& item : *array) {
    if (!item.is_integer()) FailAt(item, Quoted(key) + what + ", not " + TypeName(item));
    const int64_t v = item.as_integer()->get();
    if (v < min || v > max) FailAt(item, Quoted(key) + what + ", not " + std::to_string(v));
    out.push_back(v);
  }
  return out;
}

std::vector<std::vector<std::string>> RuleTable::StringTuples(std::string_view key, size_t size) {
  std::vector<std::vector<std::string>> out;
  const toml::node* node = Declare(key, Presence::kOptional);
  if (node == nullptr) return out;
  const std::string what =
      Quoted(key) + " must be a list of lists of " + std::to_string(size) + " non-empty strings";
  const toml::array* array = node->as_array();
  if (array == nullptr) FailAt(*node, what);
  for (const toml::node& item : *array) {
    const toml::array* tuple = item.as_array();
    if (tuple == nullptr || tuple->size() != size) FailAt(item, what);
    std::vector<std::string> strings;
    for (const toml::node& s : *tuple) {
      if (!s.is_string() || s.as_string()->get().empty()) FailAt(s, what);
      strings.push_back(s.as_string()->get());
    }
    out.push_back(std::move(strings));
  }
  return out;
}

std::optional<RuleTable> RuleTable::Table(std::string_view key, Presence presence) {
  const toml::node* node = Declare(key, Presence::kOptional);
  if (node == nullptr && presence == Presence::kRequired) {
    Fail("missing table [" + Quoted(key) + "]");
  }
  if (node == nullptr) return std::nullopt;
  const toml::table* table = node->as_table();
  if (table == nullptr) {
    FailAt(*node, Quoted(key) + " must be a table ([" + Quoted(key) + "]), not " + TypeName(*node));
  }
  return file_->Open(table, Quoted(key));
}

std::vector<RuleTable> RuleTable::Tables(std::string_view key, Presence presence) {
  std::vector<RuleTable> out;
  const toml::node* node = Declare(key, Presence::kOptional);
  if (node == nullptr && presence == Presence::kRequired) {
    Fail("missing tables [[" + Quoted(key) + "]]");
  }
  if (node == nullptr) return out;
  const std::string what = Quoted(key) + " must be a list of tables ([[" + Quoted(key) + "]])";
  const toml::array* array = node->as_array();
  if (array == nullptr) FailAt(*node, what + ", not " + TypeName(*node));
  for (size_t i = 0; i < array->size(); ++i) {
    const toml::table* table = (*array)[i].as_table();
    if (table == nullptr) FailAt((*array)[i], what + ", not " + TypeName((*array)[i]));
    out.push_back(file_->Open(table, Quoted(key) + "[" + std::to_string(i + 1) + "]"));
  }
  return out;
}

std::vector<std::string> RuleTable::Keys() {
  file_->tables[table_].any_key = true;
  std::vector<std::pair<toml::source_position, std::string>> keys;
  for (const auto& [key, node] : *table_) {
    keys.emplace_back(key.source().begin, std::string(key.str()));
  }
  std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first.line, a.first.column) < std::tie(b.first.line, b.first.column);
  });
  std::vector<std::string> out;
  for (auto& [position, key] : keys) out.push_back(std::move(key));
  return out;
}

}  // namespace skjerm
