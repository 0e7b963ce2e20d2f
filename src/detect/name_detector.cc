#include "detect/name_detector.h"

#include <toml++/toml.h>
#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <tuple>

#include "base/toml_file.h"
#include "base/utf8.h"
#include "detect/roster_terms.h"

namespace skjerm {
namespace {

// ---------------------------------------------------------------------------------------
// Words of a text unit.

struct Token {
  size_t begin = 0;  // bytes of the view text
  size_t end = 0;
  std::string folded;
  bool cap = false;             // starts with an upper-case letter
  bool upper = false;           // all upper case, two letters or more
  bool sentence_start = false;  // first word of a sentence, heading or list item
};

bool IsLetter(char32_t cp) {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
      return true;
    default:
      return false;
  }
}

bool IsUpper(char32_t cp) {
  return utf8proc_isupper(static_cast<utf8proc_int32_t>(cp)) ||
         utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_LT;
}

bool StartsSentence(const std::string& text, size_t pos) {
  size_t p = pos;
  while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\t')) --p;
  if (p == 0) return true;
  const char c = text[p - 1];
  if (c == '\n') {
    // A blank line before, or a line that ended a sentence; a wrapped line does not.
    size_t q = p - 1;
    while (q > 0 && (text[q - 1] == ' ' || text[q - 1] == '\t')) --q;
    if (q == 0 || text[q - 1] == '\n') return true;
    if (std::string_view(".!?:;").find(text[q - 1]) != std::string_view::npos) return true;
    // A short line before is a heading or a line of its own, not a wrapped sentence.
    const size_t previous_start = text.rfind('\n', q - 1);
    const size_t length = q - (previous_start == std::string::npos ? 0 : previous_start + 1);
    return length < 40;
  }
  if (std::string_view(".!?:;*-").find(c) != std::string_view::npos) return true;
  return text.compare(p >= 3 ? p - 3 : 0, 3, "\xE2\x80\xA2") == 0;  // •
}

std::vector<Token> Tokenize(const std::string& text) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < text.size()) {
    size_t n;
    char32_t cp = DecodeUtf8(text, i, &n);
    if (!IsLetter(cp)) {
      i += n;
      continue;
    }
    Token t;
    t.begin = i;
    t.cap = IsUpper(cp);
    bool all_upper = true;
    int letters = 0;
    while (i < text.size()) {
      cp = DecodeUtf8(text, i, &n);
      if (!IsLetter(cp)) break;
      if (utf8proc_islower(static_cast<utf8proc_int32_t>(cp))) all_upper = false;
      ++letters;
      i += n;
    }
    t.end = i;
    t.upper = all_upper && letters >= 2;
    t.folded = FoldForMatching(std::string_view(text).substr(t.begin, t.end - t.begin));
    t.sentence_start = StartsSentence(text, t.begin);
    tokens.push_back(std::move(t));
  }
  return tokens;
}

// The bytes between two tokens.
std::string_view Gap(const std::string& text, const Token& a, const Token& b) {
  return std::string_view(text).substr(a.end, b.begin - a.end);
}

// Two words of one name: "Sindre Haugland", "Tor-Erik", a name wrapped onto the next line.
bool JoinsName(std::string_view gap) { return gap == " " || gap == "-" || gap == "\n"; }

// Words of one phrase on one line: "navn på eleven", "Med vennlig hilsen".
bool JoinsPhrase(std::string_view gap) {
  if (gap.empty() || gap.size() > 3) return false;
  for (char c : gap) {
    if (c != ' ' && c != '-' && c != '.') return false;
  }
  return true;
}

bool IsLabelEnd(std::string_view gap) {
  // What may stand between a label and a name: "Elev: ", "Hei ", "eleven ", "mor, ".
  if (gap.empty() || gap.size() > 4 || gap.find('\n') != std::string_view::npos) return false;
  for (char c : gap) {
    if (c != ' ' && c != ':' && c != ',' && c != '\t') return false;
  }
  return true;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string Folded(std::string_view s) { return FoldName(s); }

// ---------------------------------------------------------------------------------------
// Loading names.toml.

std::vector<std::string> StringArray(const toml::table& table, std::string_view section,
                                     std::string_view key, const std::string& file) {
  const toml::array* array =
      table.at_path(std::string(section) + "." + std::string(key)).as_array();
  if (array == nullptr) {
    throw std::runtime_error(file + ": [" + std::string(section) + "] " + std::string(key) +
                             " is missing or not a list");
  }
  std::vector<std::string> out;
  for (const toml::node& node : *array) {
    std::optional<std::string> value = node.value<std::string>();
    if (!value) {
      throw std::runtime_error(file + ": [" + std::string(section) + "] " + std::string(key) +
                               " must hold only strings");
    }
    out.push_back(*value);
  }
  return out;
}

void ReadConfidence(const toml::table& table, const std::string& file,
                    NameDetector::Confidence* c) {
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
  for (const auto& [key, value] : knobs) {
    std::optional<double> v = table.at_path(std::string("confidence.") + key).value<double>();
    if (!v) continue;  // the default stands
    if (*v < 0 || *v > 1) {
      throw std::runtime_error(file + ": [confidence] " + key + " must lie between 0 and 1");
    }
    *value = *v;
  }
}

void LoadNameList(const std::string& dir, std::string_view prefix, FoldedWordSet* set) {
  namespace fs = std::filesystem;
  std::error_code ec;
  bool any = false;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && EndsWith(name, ".txt")) {
      any |= set->AddFile(e.path().string());
    }
  }
  if (!any) throw std::runtime_error(dir + ": no " + std::string(prefix) + "*.txt name list");
}

}  // namespace

void NameDetector::PhraseSet::Add(std::string_view phrase) {
  std::string folded = Folded(phrase);
  if (folded.empty()) return;
  max_words_ = std::max(max_words_, SplitFoldedName(folded).size());
  phrases_.insert(std::move(folded));
}

std::unique_ptr<NameDetector> NameDetector::Create(const std::string& patterns_dir,
                                                   std::shared_ptr<const Roster> roster) {
  const std::string file = patterns_dir + "/names.toml";
  const toml::table table = ParseTomlFile(file);
  Rules rules;
  ReadConfidence(table, file, &rules.confidence);
  auto phrases = [&](std::string_view section, std::string_view key, PhraseSet* set) {
    for (const std::string& p : StringArray(table, section, key, file)) set->Add(p);
  };
  auto words = [&](std::string_view section, std::string_view key,
                   std::unordered_set<std::string>* set) {
    for (const std::string& w : StringArray(table, section, key, file)) set->insert(Folded(w));
  };
  phrases("context", "salutations", &rules.salutations);
  phrases("context", "labels", &rules.labels);
  phrases("context", "relations", &rules.relations);
  phrases("context", "id_words", &rules.id_words);
  phrases("officials", "titles", &rules.official_titles);
  phrases("officials", "labels", &rules.official_labels);
  phrases("officials", "closings", &rules.closings);
  for (const std::string& t : StringArray(table, "officials", "titles", file)) {
    const std::string f = Folded(t);
    if (f.find(' ') == std::string::npos && f.size() >= 5) rules.title_suffixes.insert(f);
  }
  for (const std::string& d : StringArray(table, "officials", "email_domains", file)) {
    rules.email_domains.push_back(FoldForMatching(d));
  }
  for (const std::string& d : StringArray(table, "officials", "private_email_domains", file)) {
    rules.private_email_domains.push_back(FoldForMatching(d));
  }
  words("not_names", "organisation_words", &rules.organisation_words);
  words("not_names", "street_words", &rules.street_words);
  words("not_names", "never", &rules.never);
  words("not_names", "sentence_words", &rules.sentence_words);
  for (const std::string& s : StringArray(table, "not_names", "street_suffixes", file)) {
    rules.street_suffixes.push_back(FoldForMatching(s));
  }
  const std::string names_dir = patterns_dir + "/names";
  LoadNameList(names_dir, "first_names_", &rules.first_names);
  LoadNameList(names_dir, "last_names_", &rules.last_names);
  if (!rules.ordinary_words.AddFile(names_dir + "/ordinary_words.txt")) {
    throw std::runtime_error(names_dir + "/ordinary_words.txt: cannot be read");
  }
  if (roster != nullptr && roster->empty()) roster = nullptr;
  return std::unique_ptr<NameDetector>(new NameDetector(std::move(rules), std::move(roster)));
}

namespace {

// ---------------------------------------------------------------------------------------
// One document's scan: its words, what the roster says of them, and the candidates.

constexpr unsigned kGiven = 1, kFamily = 2, kGivenGenitive = 4, kFamilyGenitive = 8, kFuzzy = 16,
                   kOrdinary = 32;
constexpr unsigned kExact = kGiven | kFamily | kGivenGenitive | kFamilyGenitive;
constexpr unsigned kGivenLike = kGiven | kGivenGenitive;
constexpr unsigned kFamilyLike = kFamily | kFamilyGenitive;

struct PersonHit {
  int person = 0;
  unsigned bits = 0;
};

struct Unit {
  const TextUnit* unit = nullptr;
  std::vector<Token> tokens;
  std::vector<bool> used;  // taken by a roster match, staff included, or by another finding
  std::vector<bool> name;  // part of a person's name found
  std::vector<std::pair<size_t, size_t>> anchors;  // national IDs and birth dates
  const std::string& text() const { return unit->view.text(); }
};

struct Candidate {
  size_t unit = 0;
  size_t first = 0, last = 0;  // tokens [first, last)
  std::string rule;
  double confidence = 0;
  std::string flags;
  int priority = 0;  // 0 roster, 1 context, 2 lists
};

bool SameLocation(const Location& a, const Location& b) {
  return a.page == b.page && a.metadata == b.metadata && a.field == b.field;
}

std::string StripGenitive(const std::string& folded) {
  if (folded.size() >= 4 && folded.back() == 's') return folded.substr(0, folded.size() - 1);
  return "";
}

class DocumentScan {
 public:
  DocumentScan(const NameDetector::Rules& rules, const Roster* roster, const DocumentText& text,
               const std::vector<Finding>& findings)
      : rules_(rules), roster_(roster) {
    units_.reserve(text.units.size());
    for (const TextUnit& tu : text.units) {
      Unit u;
      u.unit = &tu;
      u.tokens = Tokenize(tu.view.text());
      u.used.assign(u.tokens.size(), false);
      u.name.assign(u.tokens.size(), false);
      for (const Finding& f : findings) {
        if (!SameLocation(f.location, tu.location)) continue;
        if (f.category == Category::kNationalId || f.category == Category::kBirthDate) {
          u.anchors.push_back({f.view_begin, f.view_end});
        }
        for (size_t i = 0; i < u.tokens.size(); ++i) {
          if (u.tokens[i].begin < f.view_end && f.view_begin < u.tokens[i].end) u.used[i] = true;
        }
      }
      units_.push_back(std::move(u));
    }
  }

  std::vector<Candidate> Run() {
    if (roster_ != nullptr) {
      mentioned_.assign(roster_->persons().size(), false);
      for (size_t u = 0; u < units_.size(); ++u) RosterFullNames(u);
      for (size_t u = 0; u < units_.size(); ++u) RosterSingles(u);
    }
    for (size_t u = 0; u < units_.size(); ++u) TableColumns(u);
    for (const auto& [u, first, last] : table_names_) {
      if (!IsOfficial(u, first, last))
        AddListCandidate(u, first, last, "name.context", rules_.confidence.context);
    }
    for (size_t u = 0; u < units_.size(); ++u) ListNames(u);
    ListSingles();
    return std::move(candidates_);
  }

  const Unit& unit(size_t u) const { return units_[u]; }

 private:
  // --- the roster -----------------------------------------------------------------------

  // What the roster says of a word: exact and genitive matches, and with `fuzzy` also
  // matches one letter off. Fuzzy look-ups cost a keyed hash per letter, so they are made
  // only where they can count: next to a word that matches, or once a full name was seen.
  const std::vector<PersonHit>& HitsOf(const Token& token, bool fuzzy) {
    auto [it, inserted] = (fuzzy ? fuzzy_hits_ : exact_hits_).try_emplace(token.folded);
    if (!inserted) return it->second;
    std::map<int, unsigned> bits;
    const std::string& f = token.folded;
    if (rules_.never.count(f) > 0) return it->second;
    const size_t length = CountCodePoints(f);
    for (const Roster::Hit& h : roster_->Find(TermKind::kGiven, f)) {
      const unsigned ordinary = h.ordinary_word ? kOrdinary : 0;
      if (h.kind == TermKind::kGiven) bits[h.person] |= kGiven | ordinary;
      if (h.kind == TermKind::kFamily) bits[h.person] |= kFamily | ordinary;
      if (h.kind == TermKind::kDeletion && length >= kMinFuzzyNameLength) bits[h.person] |= kFuzzy;
    }
    const std::string stem = StripGenitive(f);
    if (!stem.empty()) {
      for (const Roster::Hit& h : roster_->Find(TermKind::kGiven, stem)) {
        const unsigned ordinary = h.ordinary_word ? kOrdinary : 0;
        if (h.kind == TermKind::kGiven) bits[h.person] |= kGivenGenitive | ordinary;
        if (h.kind == TermKind::kFamily) bits[h.person] |= kFamilyGenitive | ordinary;
      }
    }
    bool exact = false;
    for (const auto& [person, b] : bits) exact |= (b & kExact) != 0;
    // OCR damage: a letter too many or one letter wrong. A word that is itself a known
    // name is another person, not damage.
    if (fuzzy && !exact && length >= 5 && !rules_.first_names.ContainsFolded(f) &&
        !rules_.last_names.ContainsFolded(f)) {
      for (const std::string& d : SingleDeletions(f)) {
        for (const Roster::Hit& h : roster_->Find(TermKind::kGiven, d)) bits[h.person] |= kFuzzy;
      }
    }
    for (const auto& [person, b] : bits) {
      if ((b & (kExact | kFuzzy)) != 0) it->second.push_back({person, b});
    }
    return it->second;
  }

  // A capitalised word joined to token i matches the roster exactly.
  bool NextToAMatch(size_t u, size_t i) {
    const Unit& unit = units_[u];
    const std::vector<Token>& toks = unit.tokens;
    auto matches = [&](size_t a, size_t b, size_t k) {
      return toks[k].cap && JoinsName(Gap(unit.text(), toks[a], toks[b])) &&
             !HitsOf(toks[k], false).empty();
    };
    return (i + 1 < toks.size() && matches(i, i + 1, i + 1)) || (i > 0 && matches(i - 1, i, i - 1));
  }

  unsigned BitsFor(const Token& token, int person) {
    for (const PersonHit& h : HitsOf(token, /*fuzzy=*/true)) {
      if (h.person == person) return h.bits;
    }
    return 0;
  }

  // A run of words that names one person: a given name and a family name on different
  // words, at most one word OCR-damaged and never all, a genitive only at the end.
  static bool ValidFullName(const std::vector<unsigned>& seq) {
    if (seq.size() < 2) return false;
    size_t exact = 0;
    for (unsigned b : seq) exact += (b & kExact) != 0;
    if (exact == 0 || seq.size() - exact > 1) return false;
    for (size_t x = 0; x < seq.size(); ++x) {
      for (size_t y = 0; y < seq.size(); ++y) {
        if (x != y && (seq[x] & (kGivenLike | kFuzzy)) && (seq[y] & (kFamilyLike | kFuzzy)) &&
            ((seq[x] & kGivenLike) || (seq[y] & kFamilyLike))) {
          return true;
        }
      }
    }
    return false;
  }

  int RolePreference(int person) const {
    const Roster::Person& p = roster_->persons()[static_cast<size_t>(person)];
    if (p.is_protected) return 0;
    return p.role == RosterRole::kStaff ? 2 : 1;
  }

  void RosterFullNames(size_t u) {
    Unit& unit = units_[u];
    const std::vector<Token>& toks = unit.tokens;
    size_t i = 0;
    while (i < toks.size()) {
      if (!toks[i].cap || unit.used[i] || HitsOf(toks[i], NextToAMatch(u, i)).empty()) {
        ++i;
        continue;
      }
      size_t best_length = 0;
      int best_person = -1;
      const std::vector<PersonHit> starts = HitsOf(toks[i], NextToAMatch(u, i));
      for (const PersonHit& start : starts) {
        std::vector<unsigned> seq;
        for (size_t j = i; j < toks.size() && seq.size() < 5; ++j) {
          if (j > i && (!toks[j].cap || unit.used[j] ||
                        !JoinsName(Gap(unit.text(), toks[j - 1], toks[j])))) {
            break;
          }
          const unsigned b = BitsFor(toks[j], start.person);
          if (b == 0) break;
          seq.push_back(b);
          if ((b & (kGiven | kFamily)) == 0 && (b & (kGivenGenitive | kFamilyGenitive))) break;
        }
        while (seq.size() >= 2 && !ValidFullName(seq)) seq.pop_back();
        if (seq.size() < 2) continue;
        if (seq.size() > best_length ||
            (seq.size() == best_length &&
             RolePreference(start.person) < RolePreference(best_person))) {
          best_length = seq.size();
          best_person = start.person;
        }
      }
      if (best_length < 2) {
        ++i;
        continue;
      }
      mentioned_[static_cast<size_t>(best_person)] = true;
      any_mentioned_ = true;
      for (size_t k = i; k < i + best_length; ++k) unit.used[k] = true;
      AddRosterCandidate(u, i, i + best_length, best_person, rules_.confidence.roster_full);
      i += best_length;
    }
  }

  void AddRosterCandidate(size_t u, size_t first, size_t last, int person, double confidence) {
    const Roster::Person& p = roster_->persons()[static_cast<size_t>(person)];
    Unit& unit = units_[u];
    if (p.role == RosterRole::kStaff) {  // an official: public, never reported
      official_first_.insert(unit.tokens[first].folded);
      return;
    }
    for (size_t k = first; k < last; ++k) unit.name[k] = true;
    Candidate c;
    c.unit = u;
    c.first = first;
    c.last = last;
    c.rule = p.is_protected ? "protected_identity" : "name.roster";
    c.flags = p.is_protected ? "protected" : RosterRoleName(p.role);
    c.confidence = p.is_protected ? std::max(confidence, 0.9) : confidence;
    c.priority = 0;
    candidates_.push_back(std::move(c));
  }

  void RosterSingles(size_t u) {
    Unit& unit = units_[u];
    for (size_t i = 0; i < unit.tokens.size(); ++i) {
      const Token& t = unit.tokens[i];
      if (!t.cap || unit.used[i]) continue;
      const std::vector<PersonHit> hits = HitsOf(t, any_mentioned_);
      if (hits.empty()) continue;
      int chosen = -1;
      unsigned chosen_bits = 0;
      double confidence = 0;
      bool official = false;
      auto pick = [&](unsigned want, bool need_mentioned, double conf) {
        for (const PersonHit& h : hits) {
          const size_t p = static_cast<size_t>(h.person);
          if ((h.bits & want) == 0 || (need_mentioned && !mentioned_[p])) continue;
          if (roster_->persons()[p].role == RosterRole::kStaff) {
            official = official || need_mentioned;
            continue;
          }
          if (chosen < 0 || RolePreference(h.person) < RolePreference(chosen)) {
            chosen = h.person;
            chosen_bits = h.bits;
            confidence = conf;
          }
        }
      };
      const NameDetector::Confidence& c = rules_.confidence;
      pick(kGivenLike, true, c.roster_first_after_full);
      if (chosen < 0 && official) {
        unit.used[i] = true;  // "Eva" after "rektor Eva Lunde": the official again
        continue;
      }
      if (chosen < 0) pick(kGivenLike, false, c.roster_first_alone);
      if (chosen < 0) {
        official = false;
        pick(kFamilyLike, true, c.roster_family_after_full);
        if (official) chosen = -1;  // a family name an official shares
      }
      if (chosen < 0 && CountCodePoints(t.folded) >= 5) pick(kFuzzy, true, c.roster_fuzzy);
      if (chosen < 0) continue;

      const bool mentioned = mentioned_[static_cast<size_t>(chosen)];
      const bool context = PrivateContextBefore(u, i) || RelationAfter(u, i + 1);
      if ((chosen_bits & kExact) == 0 && !mentioned) continue;
      if ((chosen_bits & kOrdinary) && !mentioned && !context && (t.sentence_start || t.upper)) {
        continue;  // «Sol skinte», «LIV OG HELSE»
      }
      if ((chosen_bits & (kGivenLike | kFuzzy)) == 0 && (chosen_bits & kOrdinary) &&
          t.sentence_start) {
        continue;  // «Strand» at the start of a sentence
      }
      if (!mentioned && OfficialTitleBefore(u, i)) continue;
      size_t last = i + 1;
      // «Tor-Erik», «Tor Erik»: the person's other given names joined to this one.
      while ((chosen_bits & kGiven) && last < unit.tokens.size() && !unit.used[last] &&
             unit.tokens[last].cap &&
             JoinsPhrase(Gap(unit.text(), unit.tokens[last - 1], unit.tokens[last])) &&
             (BitsFor(unit.tokens[last], chosen) & kGiven)) {
        ++last;
      }
      if ((chosen_bits & kGivenLike) && !mentioned && last == i + 1) {
        last = ExtendWithUnknownSurname(u, i);
      }
      for (size_t k = i; k < last; ++k) unit.used[k] = true;
      AddRosterCandidate(u, i, last, chosen, confidence);
    }
  }

  // "Ida Berg" when only Ida is in the roster: another private person named Ida, or Ida
  // with a family name the roster does not know. The whole name is the finding.
  size_t ExtendWithUnknownSurname(size_t u, size_t i) {
    const Unit& unit = units_[u];
    const size_t j = i + 1;
    if (j >= unit.tokens.size() || unit.used[j]) return i + 1;
    const Token& next = unit.tokens[j];
    if (!next.cap || Gap(unit.text(), unit.tokens[i], next) != " " ||
        !HitsOf(next, false).empty() || !SurnameLike(next)) {
      return i + 1;
    }
    if (j + 1 < unit.tokens.size() && NotNameAfter(unit, j + 1)) return i + 1;
    return j + 1;
  }

  // --- words around a name --------------------------------------------------------------

  // The phrase of the n words before token i, when they stand on one line as one phrase.
  std::string PhraseBefore(const Unit& unit, size_t i, size_t n) const {
    if (i < n) return "";
    std::string phrase;
    for (size_t k = i - n; k < i; ++k) {
      if (k > i - n && !JoinsPhrase(Gap(unit.text(), unit.tokens[k - 1], unit.tokens[k]))) {
        return "";
      }
      if (!phrase.empty()) phrase.push_back(' ');
      phrase += unit.tokens[k].folded;
    }
    return phrase;
  }

  bool PhraseDirectlyBefore(size_t u, size_t i, const NameDetector::PhraseSet& set) const {
    const Unit& unit = units_[u];
    if (i == 0 || !IsLabelEnd(Gap(unit.text(), unit.tokens[i - 1], unit.tokens[i]))) return false;
    for (size_t n = 1; n <= set.max_words(); ++n) {
      const std::string phrase = PhraseBefore(unit, i, n);
      if (!phrase.empty() && set.Contains(phrase)) return true;
    }
    return false;
  }

  // «Elev: Kari», «eleven Kari», and a greeting that opens a line: «Hei Kari,».
  bool PrivateContextBefore(size_t u, size_t i) const {
    if (PhraseDirectlyBefore(u, i, rules_.labels)) return true;
    const Unit& unit = units_[u];
    return i > 0 && PhraseDirectlyBefore(u, i, rules_.salutations) &&
           (unit.tokens[i - 1].sentence_start ||
            (i > 1 && unit.tokens[i - 2].sentence_start &&
             rules_.salutations.Contains(unit.tokens[i - 2].folded + " " +
                                         unit.tokens[i - 1].folded)));
  }

  // A title, also compounded («innkjøpsrådgiver») or inflected («skolsköterskan»,
  // «rektoren», «lærerne»).
  bool IsTitle(const std::string& folded) const {
    if (rules_.official_titles.Contains(folded)) return true;
    static const char* const kEndings[] = {"",    "n",  "en", "a",    "et",   "t",   "na", "ne",
                                           "ene", "ar", "er", "erna", "arna", "ane", "e"};
    for (const char* ending : kEndings) {
      const std::string_view e(ending);
      if (!EndsWith(folded, e)) continue;
      const std::string stem = folded.substr(0, folded.size() - e.size());
      for (const std::string& title : rules_.title_suffixes) {
        if (EndsWith(stem, title)) return true;
      }
    }
    return false;
  }

  // «rektor Eva Lunde», «Saksbehandler: Eva Lunde», «Kopi: kontaktlærer Lise Moen».
  bool OfficialTitleBefore(size_t u, size_t i) const {
    const Unit& unit = units_[u];
    if (i == 0) return false;
    const std::string_view gap = Gap(unit.text(), unit.tokens[i - 1], unit.tokens[i]);
    if (IsLabelEnd(gap)) {
      for (size_t n = 1; n <= 3; ++n) {
        const std::string phrase = PhraseBefore(unit, i, n);
        if (!phrase.empty() && IsTitle(phrase)) return true;
      }
    }
    return PhraseDirectlyBefore(u, i, rules_.official_labels);
  }

  // The domain of an e-mail address on the name's line after it, folded; "" if none.
  std::string EmailDomainAfter(size_t u, size_t last, bool* bracketed) const {
    const Unit& unit = units_[u];
    const size_t from = unit.tokens[last - 1].end;
    const size_t line_end = unit.unit->view.LineEnd(from);
    const std::string_view rest = std::string_view(unit.text()).substr(from, line_end - from);
    const size_t at = rest.find('@');
    if (at == std::string_view::npos || at > 80) return "";
    size_t stop = at + 1;
    while (stop < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[stop])) ||
                                  rest[stop] == '.' || rest[stop] == '-')) {
      ++stop;
    }
    const size_t open = rest.find_first_not_of(' ');
    *bracketed = open != std::string_view::npos && (rest[open] == '<' || rest[open] == '(');
    return FoldForMatching(rest.substr(at + 1, stop - at - 1));
  }

  bool PrivateDomain(const std::string& domain) const {
    const std::vector<std::string> labels = SplitFoldedName(domain);
    for (const std::string& p : rules_.private_email_domains) {
      if (p.find('.') != std::string::npos) {
        if (domain == p || EndsWith(domain, "." + p)) return true;
      } else if (std::find(labels.begin(), labels.end(), p) != labels.end()) {
        return true;
      }
    }
    return false;
  }

  bool OrganisationDomain(const std::string& domain) const {
    for (const std::string& d : rules_.email_domains) {
      if (domain.find(d) != std::string::npos) return true;
    }
    return false;
  }

  // «Eva Lunde, rektor», «Hanne Vestergaard (skoleleder)», an organisation's e-mail address
  // after the name («Fra: Eva Lunde <eva.lunde@sorbygda.kommune.no>»).
  bool OfficialAfter(size_t u, size_t last) const {
    const Unit& unit = units_[u];
    const std::string& text = unit.text();
    if (last < unit.tokens.size()) {
      const std::string_view gap = Gap(text, unit.tokens[last - 1], unit.tokens[last]);
      const bool short_gap = gap.size() <= 3 && (gap.find(',') != std::string_view::npos ||
                                                 gap.find('(') != std::string_view::npos ||
                                                 gap == "\n" || gap == " \n");
      if (short_gap && IsTitle(unit.tokens[last].folded)) return true;
    }
    bool bracketed = false;
    const std::string domain = EmailDomainAfter(u, last, &bracketed);
    if (domain.empty() || PrivateDomain(domain)) return false;
    return OrganisationDomain(domain) || bracketed;
  }

  bool PrivateEmailAfter(size_t u, size_t last) const {
    bool bracketed = false;
    const std::string domain = EmailDomainAfter(u, last, &bracketed);
    return !domain.empty() && PrivateDomain(domain);
  }

  // An addressee: the name alone on its line, a street address on the next.
  bool AddresseeLine(size_t u, size_t first, size_t last) const {
    const Unit& unit = units_[u];
    const std::string& text = unit.text();
    const TextView& view = unit.unit->view;
    const size_t line_start = view.LineStart(unit.tokens[first].begin);
    for (size_t p = line_start; p < unit.tokens[first].begin; ++p) {
      if (text[p] != ' ') return false;
    }
    if (!NameShapedEnd(unit, last)) return false;
    const size_t line_end = view.LineEnd(unit.tokens[last - 1].end);
    size_t p = unit.tokens[last - 1].end;
    while (p < line_end && text[p] == ' ') ++p;
    if (p < line_end && p - unit.tokens[last - 1].end < 2) return false;
    if (line_end >= text.size()) return false;
    const size_t next_end = view.LineEnd(line_end + 1);
    const std::string_view next =
        std::string_view(text).substr(line_end + 1, next_end - line_end - 1);
    if (next.find_first_of("0123456789") == std::string_view::npos) return false;
    for (size_t k = last; k < unit.tokens.size() && unit.tokens[k].begin < next_end; ++k) {
      if (unit.tokens[k].begin <= line_end) continue;
      const std::string& f = unit.tokens[k].folded;
      if (rules_.street_words.count(f) || f == "postboks" || f == "box" || f == "co") return true;
      for (const std::string& s : rules_.street_suffixes) {
        if (EndsWith(f, s)) return true;
      }
    }
    return false;
  }

  // A name in a signature block («Med hilsen», blank, name, «rektor»).
  bool InSignedBlockWithTitle(size_t u, size_t first, size_t last) const {
    const Unit& unit = units_[u];
    const std::string& text = unit.text();
    const TextView& view = unit.unit->view;
    // Look back at most four lines for a closing phrase.
    size_t line_start = view.LineStart(unit.tokens[first].begin);
    bool closing = false;
    for (int back = 0; back < 4 && line_start > 0 && !closing; ++back) {
      const size_t prev_start = view.LineStart(line_start - 1);
      const std::vector<std::string> words = SplitFoldedName(
          Folded(std::string_view(text).substr(prev_start, line_start - 1 - prev_start)));
      std::string phrase;
      for (size_t n = 0; n < words.size() && n < rules_.closings.max_words() && !closing; ++n) {
        phrase += (n ? " " : "") + words[n];
        closing = rules_.closings.Contains(phrase) && words.size() <= n + 2;
      }
      line_start = prev_start;
    }
    if (!closing) return false;
    // A title or an organisation word on the name's line after it or on the next two lines.
    const size_t from = unit.tokens[last - 1].end;
    size_t to = view.LineEnd(from);
    for (int k = 0; k < 2 && to < text.size(); ++k) to = view.LineEnd(to + 1);
    for (size_t k = last; k < unit.tokens.size() && unit.tokens[k].begin < to; ++k) {
      const std::string& f = unit.tokens[k].folded;
      if (IsTitle(f) || rules_.organisation_words.count(f) > 0) return true;
    }
    return false;
  }

  bool IsOfficial(size_t u, size_t first, size_t last) const {
    return OfficialTitleBefore(u, first) || OfficialAfter(u, last) ||
           InSignedBlockWithTitle(u, first, last);
  }

  // «(mor)», «, far» right after the name.
  bool RelationAfter(size_t u, size_t last) const {
    const Unit& unit = units_[u];
    if (last >= unit.tokens.size()) return false;
    const std::string_view gap = Gap(unit.text(), unit.tokens[last - 1], unit.tokens[last]);
    if (gap != " (" && gap != ", " && gap != "(" && gap != ",") return false;
    return rules_.relations.Contains(unit.tokens[last].folded);
  }

  // A national ID or birth date after the name on its line, with only «, født», «(CPR»
  // and the like between.
  bool BesideAnchor(size_t u, size_t last) const {
    const Unit& unit = units_[u];
    const size_t end = unit.tokens[last - 1].end;
    for (const auto& [begin, anchor_end] : unit.anchors) {
      if (begin < end || begin - end > 48) continue;
      const std::string between = Folded(std::string_view(unit.text()).substr(end, begin - end));
      const std::string_view raw = std::string_view(unit.text()).substr(end, begin - end);
      if (raw.find('\n') != std::string_view::npos) continue;
      if (between.empty() || rules_.id_words.Contains(between)) return true;
      // "f. " or "fodt den " with punctuation folded away.
      bool words_ok = true;
      for (const std::string& w : SplitFoldedName(between)) {
        if (!rules_.id_words.Contains(w) && w != "den" && w != "nr") words_ok = false;
      }
      if (words_ok) return true;
    }
    return false;
  }

  bool SurnameLike(const Token& t) const {
    const std::string& f = t.folded;
    if (f.size() < 2 || !t.cap) return false;
    if (rules_.never.count(f) || rules_.organisation_words.count(f) ||
        rules_.street_words.count(f) || rules_.sentence_words.count(f) || IsTitle(f) ||
        rules_.labels.Contains(f) || rules_.salutations.Contains(f)) {
      return false;
    }
    for (const std::string& s : rules_.street_suffixes) {
      if (EndsWith(f, s)) return false;
    }
    return true;
  }

  // The word at k (after a name) makes the name a street's or an organisation's.
  bool NotNameAfter(const Unit& unit, size_t k) const {
    if (k >= unit.tokens.size()) return false;
    const std::string_view gap = Gap(unit.text(), unit.tokens[k - 1], unit.tokens[k]);
    if (gap != " " && gap != "-") return false;
    const std::string& f = unit.tokens[k].folded;
    if (rules_.organisation_words.count(f) || rules_.street_words.count(f)) return true;
    for (const std::string& s : rules_.street_suffixes) {
      if (gap == "-" && EndsWith(f, s)) return true;
    }
    return false;
  }

  // --- the name lists -------------------------------------------------------------------

  bool Listed(const FoldedWordSet& set, const Token& t) const {
    return set.ContainsFolded(t.folded);
  }

  // After a name run: the end of a table cell or a line, a comma, a bracket, an address.
  bool NameShapedEnd(const Unit& unit, size_t last) const {
    const std::string& text = unit.text();
    size_t p = unit.tokens[last - 1].end;
    while (p < text.size() && text[p] == ' ') ++p;
    if (p >= text.size()) return true;
    if (p - unit.tokens[last - 1].end >= 2) return true;  // a column gap in -layout text
    return std::string_view(",(<\n|;").find(text[p]) != std::string_view::npos ||
           IsAsciiDigit(text[p]);
  }

  // «Sara Lunde og Tiril»: a capitalised word joined by «og» to a name just found.
  bool CoordinatedWithName(size_t u, size_t i) const {
    const Unit& unit = units_[u];
    if (i < 2 || !unit.name[i - 2]) return false;
    static const std::unordered_set<std::string> kAnd = {"og", "och", "and", "eller", "samt"};
    return kAnd.count(unit.tokens[i - 1].folded) > 0 &&
           Gap(unit.text(), unit.tokens[i - 2], unit.tokens[i - 1]) == " " &&
           Gap(unit.text(), unit.tokens[i - 1], unit.tokens[i]) == " ";
  }

  void AddListCandidate(size_t u, size_t first, size_t last, const std::string& rule,
                        double confidence) {
    Unit& unit = units_[u];
    for (size_t k = first; k < last; ++k) {
      unit.used[k] = true;
      unit.name[k] = true;
    }
    Candidate c;
    c.unit = u;
    c.first = first;
    c.last = last;
    c.rule = rule;
    c.confidence = confidence;
    c.priority = rule == "name.context" ? 1 : 2;
    candidates_.push_back(std::move(c));
  }

  // The cells of a table line: split at « | », tabs or runs of two or more spaces.
  static std::vector<std::pair<size_t, size_t>> Cells(const std::string& text, size_t begin,
                                                      size_t end) {
    std::vector<std::pair<size_t, size_t>> cells;
    size_t cell = begin;
    for (size_t p = begin; p < end; ++p) {
      size_t width = 0;
      if (text[p] == '|' || text[p] == '\t') width = 1;
      if (text[p] == ' ' && p + 1 < end && text[p + 1] == ' ') {
        width = 1;
        while (p + width < end && text[p + width] == ' ') ++width;
      }
      if (width == 0) continue;
      if (p > cell) cells.push_back({cell, p});
      p += width - 1;
      cell = p + 1;
    }
    if (end > cell) cells.push_back({cell, end});
    // Trim spaces around '|'.
    for (auto& [b, e] : cells) {
      while (b < e && text[b] == ' ') ++b;
      while (e > b && text[e - 1] == ' ') --e;
    }
    cells.erase(std::remove_if(cells.begin(), cells.end(),
                               [](const auto& c) { return c.first == c.second; }),
                cells.end());
    return cells;
  }

  // A table with a column headed «Navn», «Elev», «Namn»: the names in that column.
  void TableColumns(size_t u) {
    const Unit& unit = units_[u];
    const std::string& text = unit.text();
    const TextView& view = unit.unit->view;
    size_t line = 0;
    while (line < text.size()) {
      const size_t line_end = view.LineEnd(line);
      const auto header = Cells(text, line, line_end);
      size_t column = header.size();
      for (size_t c = 0; c < header.size() && header.size() >= 2; ++c) {
        const std::string cell = Folded(
            std::string_view(text).substr(header[c].first, header[c].second - header[c].first));
        if (rules_.labels.Contains(cell)) {
          column = c;
          break;
        }
      }
      line = line_end + 1;
      if (column == header.size()) continue;
      // The rows below, until a line that is not a row of as many cells.
      while (line < text.size()) {
        const size_t row_end = view.LineEnd(line);
        const auto cells = Cells(text, line, row_end);
        if (cells.size() != header.size()) break;
        const auto [b, e] = cells[column];
        size_t first = unit.tokens.size(), last = 0;
        bool all_cap = true;
        for (size_t k = 0; k < unit.tokens.size(); ++k) {
          if (unit.tokens[k].begin < b || unit.tokens[k].end > e) continue;
          first = std::min(first, k);
          last = k + 1;
          all_cap = all_cap && unit.tokens[k].cap && SurnameLike(unit.tokens[k]) && !unit.used[k];
        }
        if (first < last && last - first <= 4 && all_cap && unit.tokens[first].begin == b &&
            unit.tokens[last - 1].end == e) {
          table_names_.push_back({u, first, last});
        }
        line = row_end + 1;
      }
    }
  }

  // Runs of capitalised words that the lists or the context make a name.
  void ListNames(size_t u) {
    Unit& unit = units_[u];
    const std::vector<Token>& toks = unit.tokens;
    size_t i = 0;
    while (i < toks.size()) {
      const Token& t = toks[i];
      // «Mai Britt Olsen», «August Holm»: a month's name is a first name only before a
      // listed name.
      const bool month_as_name =
          rules_.never.count(t.folded) && i + 1 < toks.size() && toks[i + 1].cap &&
          Gap(unit.text(), t, toks[i + 1]) == " " && SurnameLike(toks[i + 1]) &&
          (Listed(rules_.first_names, toks[i + 1]) || Listed(rules_.last_names, toks[i + 1]));
      if (unit.used[i] || !t.cap || (!SurnameLike(t) && !month_as_name)) {
        ++i;
        continue;
      }
      const bool listed = Listed(rules_.first_names, t) || month_as_name;
      // The run of capitalised words from i, up to the first one that cannot be part of a
      // name. A listed first name may wrap onto the next line.
      size_t j = i + 1;
      while (j < toks.size() && j - i < 4 && toks[j].cap && !unit.used[j] && SurnameLike(toks[j])) {
        const std::string_view gap = Gap(unit.text(), toks[j - 1], toks[j]);
        if (!JoinsName(gap) ||
            (gap == "\n" && !(listed && j == i + 1 && !toks[j].sentence_start))) {
          break;
        }
        ++j;
      }
      if (NotNameAfter(unit, j)) {
        for (size_t k = i; k < j; ++k) unit.used[k] = true;  // a street's or a school's name
        i = j;
        continue;
      }
      const bool context = PrivateContextBefore(u, i) || RelationAfter(u, j) ||
                           BesideAnchor(u, j) || PrivateEmailAfter(u, j) ||
                           (j - i >= 2 && AddresseeLine(u, i, j));
      std::string rule;
      double confidence = 0;
      if (context && (listed || j - i >= 2)) {
        rule = "name.context";
        confidence = rules_.confidence.context;
      } else if (listed && j - i >= 2) {
        const Token& surname = toks[j - 1];
        const bool known_surname = Listed(rules_.last_names, surname) ||
                                   rules_.last_names.ContainsFolded(StripGenitive(surname.folded));
        const bool ordinary_first = Listed(rules_.ordinary_words, t);
        const bool ordinary_surname = Listed(rules_.ordinary_words, surname) && !known_surname;
        if (!ordinary_surname && (known_surname || !ordinary_first || !t.sentence_start)) {
          rule = "name.list";
          confidence = rules_.confidence.list_full;
        }
      }
      if (rule.empty()) {
        ++i;
        continue;
      }
      if (IsOfficial(u, i, j)) {
        official_first_.insert(t.folded);
        for (size_t k = i; k < j; ++k) unit.used[k] = true;
        i = j;
        continue;
      }
      if (j - i == 1) {
        // Decided at the end: «Hej Henrik!» may greet an official found further on.
        lone_context_.push_back({u, i});
        ++i;
        continue;
      }
      known_first_.insert(t.folded);
      std::string full;
      for (size_t k = i; k < j; ++k) full += (k > i ? " " : "") + toks[k].folded;
      known_full_.insert(full);
      AddListCandidate(u, i, j, rule, confidence);
      i = j;
    }
  }

  bool OrdinaryAtSentenceStart(const Token& t) const {
    return (t.sentence_start || t.upper) &&
           (Listed(rules_.ordinary_words, t) ||
            rules_.ordinary_words.ContainsFolded(StripGenitive(t.folded)));
  }

  // Names alone: a first name greeted or labelled, a first name (or genitive) of a name
  // found in full, a listed first name capitalised mid-sentence, a word joined by «og» to
  // a name, and full names found before, wherever they recur.
  void ListSingles() {
    for (const auto& [u, i] : lone_context_) {
      const Token& t = units_[u].tokens[i];
      if (units_[u].used[i] || (official_first_.count(t.folded) && !known_first_.count(t.folded))) {
        continue;
      }
      known_first_.insert(t.folded);
      AddListCandidate(u, i, i + 1, "name.context", rules_.confidence.context);
    }
    // Listed first names mid-sentence become known first names.
    for (size_t u = 0; u < units_.size(); ++u) {
      for (const Token& t : units_[u].tokens) {
        // Capitalised mid-sentence, even a name that is also a word (Liv, Sander) is a name.
        if (!t.cap || t.sentence_start || t.upper || !Listed(rules_.first_names, t) ||
            rules_.never.count(t.folded) || official_first_.count(t.folded)) {
          continue;
        }
        lone_first_.insert(t.folded);
      }
    }
    for (size_t u = 0; u < units_.size(); ++u) {
      Unit& unit = units_[u];
      for (size_t i = 0; i < unit.tokens.size(); ++i) {
        const Token& t = unit.tokens[i];
        if (unit.used[i] || !t.cap || rules_.never.count(t.folded)) continue;
        // A full name found before.
        size_t j = i;
        std::string full;
        size_t matched = 0;
        while (j < unit.tokens.size() && j - i < 4 && !unit.used[j] && unit.tokens[j].cap &&
               (j == i || JoinsName(Gap(unit.text(), unit.tokens[j - 1], unit.tokens[j])))) {
          full += (j > i ? " " : "") + unit.tokens[j].folded;
          ++j;
          if (known_full_.count(full)) matched = j;
        }
        if (matched > i + 1) {
          AddListCandidate(u, i, matched, "name.list", rules_.confidence.list_full);
          i = matched - 1;
          continue;
        }
        const std::string stem = StripGenitive(t.folded);
        const bool known =
            known_first_.count(t.folded) || (!stem.empty() && known_first_.count(stem));
        const bool lone = lone_first_.count(t.folded) || (!stem.empty() && lone_first_.count(stem));
        if ((known || lone) && !OrdinaryAtSentenceStart(t) && !IsOfficial(u, i, i + 1)) {
          AddListCandidate(
              u, i, i + 1, "name.list",
              known ? rules_.confidence.list_first_after_full : rules_.confidence.list_first_alone);
        } else if (CoordinatedWithName(u, i) && SurnameLike(t) && !OrdinaryAtSentenceStart(t)) {
          AddListCandidate(u, i, i + 1, "name.context", rules_.confidence.context);
        }
      }
    }
  }

  const NameDetector::Rules& rules_;
  const Roster* roster_;
  std::vector<Unit> units_;
  std::unordered_map<std::string, std::vector<PersonHit>> exact_hits_, fuzzy_hits_;
  bool any_mentioned_ = false;
  std::vector<bool> mentioned_;  // persons whose full name the document mentions
  std::vector<Candidate> candidates_;
  std::vector<std::tuple<size_t, size_t, size_t>> table_names_;  // (unit, first, last)
  std::vector<std::pair<size_t, size_t>> lone_context_;          // (unit, token): «Hei Kari»
  std::unordered_set<std::string> known_first_;                  // first names of names found
  std::unordered_set<std::string> known_full_;                   // full names found, folded
  std::unordered_set<std::string> lone_first_;      // listed first names seen mid-sentence
  std::unordered_set<std::string> official_first_;  // first names of officials found
};

}  // namespace

void NameDetector::Detect(const DocumentText& text, std::vector<Finding>* findings) const {
  DocumentScan scan(rules_, roster_.get(), text, *findings);
  std::vector<Candidate> candidates = scan.Run();
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) {
                     return a.unit != b.unit ? a.unit < b.unit : a.first < b.first;
                   });
  for (const Candidate& c : candidates) {
    const Unit& unit = scan.unit(c.unit);
    Finding f = MakeFinding(*unit.unit, Category::kPersonName, c.rule, unit.tokens[c.first].begin,
                            unit.tokens[c.last - 1].end, c.confidence);
    f.flags = c.flags;
    findings->push_back(std::move(f));
  }
}

}  // namespace skjerm
