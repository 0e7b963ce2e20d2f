#include "detect/ids/national_id_detector.h"

#include <re2/re2.h>

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "base/rule_table.h"
#include "base/utf8.h"
#include "detect/ids/national_id_validator.h"

namespace skjerm {
namespace {

// A set of countries as bits, so that a cue word shared by several languages
// ("personnummer") can point to all of their countries.
using CountrySet = unsigned;
CountrySet CountryBit(IdCountry c) { return 1u << static_cast<unsigned>(c); }

struct IdPattern {
  std::string name;
  std::unique_ptr<RE2> regex;
  std::vector<IdCountry> validators;
  // Subtracted from the confidence of a validator's readings of this shape.
  std::map<IdCountry, double> penalty;
};

// A cue word, folded for matching ("fødselsnummer" -> "fodselsnummer").
struct IdCue {
  std::string folded;
  bool prefix = false;  // written with a trailing '*': matches longer words too
  bool positive = false;
  CountrySet countries = 0;
};

struct Knobs {
  double report_threshold = 0.5;
  double positive_cue_bonus = 0.5;
  double negative_cue_penalty = 0.6;
  double reread_penalty = 0.10;
  std::map<std::string, double, std::less<>> base;  // by IdCheckName, and "no.fh"
  size_t window = 60;
  int header_lines = 3;
  size_t label_cell = 30;  // longest table cell or label, in bytes
};

// A cue found in the text: [begin, end) in the unit's TextView text.
struct CueMatch {
  const IdCue* cue = nullptr;
  size_t begin = 0;
  size_t end = 0;
};

// A number that passed a validator, with how sure the detector is.
struct IdCandidate {
  size_t begin = 0;
  size_t end = 0;
  NationalId id;
  bool reread = false;
  double confidence = 0;
};

bool IsWordByte(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool ContainsDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return IsAsciiDigit(c); });
}

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' '; });
}

// Moves pos forward to the start of a UTF-8 character.
size_t CharBoundary(std::string_view s, size_t pos) {
  while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) ++pos;
  return pos;
}

}  // namespace

struct NationalIdDetector::Rules {
  std::vector<IdPattern> patterns;
  std::vector<IdCue> cues;
  Knobs knobs;
};

namespace {

using Rules = NationalIdDetector::Rules;

// --- Loading the rule file ------------------------------------------------------------

[[noreturn]] void Fail(const std::string& source, const std::string& what) {
  throw RuleFileError(source + ": " + what);
}

void LoadConfidence(RuleTable& root, Knobs* knobs) {
  RuleTable conf = *root.Table("confidence", Presence::kRequired);
  knobs->report_threshold = conf.Number("report_threshold", knobs->report_threshold, 0, 1);
  knobs->positive_cue_bonus = conf.Number("positive_cue_bonus", knobs->positive_cue_bonus, 0, 1);
  knobs->negative_cue_penalty =
      conf.Number("negative_cue_penalty", knobs->negative_cue_penalty, 0, 1);
  knobs->reread_penalty = conf.Number("reread_penalty", knobs->reread_penalty, 0, 1);
  if (std::optional<RuleTable> base = conf.Table("base")) {
    std::vector<std::string> checks = {"no.fh"};
    for (IdCheck c :
         {IdCheck::kNoClassic, IdCheck::kNo2032, IdCheck::kSeLuhn, IdCheck::kSeInterim,
          IdCheck::kDkMod11, IdCheck::kDkNoMod11, IdCheck::kFiMod31, IdCheck::kFiTemporary}) {
      checks.push_back(IdCheckName(c));
    }
    for (const std::string& check : checks) {
      if (std::optional<double> v = base->Number(check, 0, 1)) knobs->base[check] = *v;
    }
  }
  if (std::optional<RuleTable> context = root.Table("context")) {
    knobs->window = static_cast<size_t>(context->Integer("window", 60, 0, 1000));
    knobs->header_lines = static_cast<int>(context->Integer("header_lines", 3, 0, 20));
    knobs->label_cell = static_cast<size_t>(context->Integer("label_cell", 30, 0, 1000));
  }
}

std::optional<IdCountry> Country(RuleTable& t, const std::string& code, const char* key) {
  std::optional<IdCountry> country = IdCountryFromCode(code);
  if (!country) {
    t.Fail(key,
           t.name() + "." + key + ": \"" + code + "\" is not \"no\", \"se\", \"dk\" or \"fi\"");
  }
  return country;
}

void LoadCandidates(RuleTable& root, Rules* rules) {
  std::vector<RuleTable> candidates = root.Tables("candidate", Presence::kRequired);
  if (candidates.empty()) root.Fail("candidate", "no [[candidate]] patterns");
  for (RuleTable& t : candidates) {
    IdPattern p;
    p.name = t.String("name", std::string());
    const std::string label = "[[candidate]] \"" + p.name + "\"";
    const std::string pattern = *t.String("pattern", Presence::kRequired);
    RE2::Options options;
    options.set_log_errors(false);
    p.regex = std::make_unique<RE2>(pattern, options);
    if (!p.regex->ok()) t.Fail("pattern", label + ": bad pattern: " + p.regex->error());
    const std::vector<std::string> validators = t.Strings("validators", Presence::kRequired);
    if (validators.empty()) t.Fail("validators", label + " has no validators");
    for (const std::string& code : validators) {
      p.validators.push_back(*Country(t, code, "validators"));
    }
    if (std::optional<RuleTable> penalty = t.Table("penalty")) {
      for (const std::string& code : penalty->Keys()) {
        p.penalty[*Country(*penalty, code, code.c_str())] = *penalty->Number(code, 0, 1);
      }
    }
    rules->patterns.push_back(std::move(p));
  }
}

void AddCue(std::string word, bool positive, CountrySet countries, const std::string& source,
            Rules* rules) {
  IdCue cue;
  cue.prefix = !word.empty() && word.back() == '*';
  if (cue.prefix) word.pop_back();
  cue.folded = FoldForMatching(word);
  if (cue.folded.empty()) Fail(source, "an empty cue word");
  cue.positive = positive;
  cue.countries = countries;
  for (IdCue& existing : rules->cues) {
    if (existing.folded == cue.folded && existing.prefix == cue.prefix) {
      if (existing.positive != positive) {
        Fail(source, "cue \"" + word + "\" is both positive and negative");
      }
      existing.countries |= countries;
      return;
    }
  }
  rules->cues.push_back(std::move(cue));
}

void LoadCues(RuleTable& root, const std::string& source, Rules* rules) {
  RuleTable cues = *root.Table("cues", Presence::kRequired);
  std::vector<std::string> languages = cues.Keys();
  std::sort(languages.begin(), languages.end());  // the order they were always read in
  for (const std::string& language : languages) {
    RuleTable t = *cues.Table(language);
    const IdCountry country = *Country(t, *t.String("country", Presence::kRequired), "country");
    for (const std::string& word : t.Strings("positive")) {
      AddCue(word, true, CountryBit(country), source, rules);
    }
    for (const std::string& word : t.Strings("negative")) {
      AddCue(word, false, CountryBit(country), source, rules);
    }
  }
}

// --- Cue words around a number ------------------------------------------------------------

// The cue words in text[begin, end), nearest to `end` first.
std::vector<CueMatch> CuesIn(const Rules& rules, std::string_view text, size_t begin, size_t end) {
  // Fold character by character, remembering where each folded byte came from.
  std::string folded;
  std::vector<size_t> origin;
  for (size_t i = begin; i < end;) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      folded.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
      origin.push_back(i++);
      continue;
    }
    size_t n;
    DecodeUtf8(text, i, &n);
    const std::string f = FoldForMatching(text.substr(i, n));
    folded.append(f);
    origin.insert(origin.end(), f.size(), i);
    i += n;
  }
  origin.push_back(end);
  std::vector<CueMatch> out;
  for (const IdCue& cue : rules.cues) {
    for (size_t at = folded.find(cue.folded); at != std::string::npos;
         at = folded.find(cue.folded, at + 1)) {
      const size_t stop = at + cue.folded.size();
      if (IsWordByte(cue.folded.front()) && at > 0 && IsWordByte(folded[at - 1])) continue;
      if (!cue.prefix && IsWordByte(cue.folded.back()) && stop < folded.size() &&
          IsWordByte(folded[stop])) {
        continue;
      }
      out.push_back(CueMatch{&cue, origin[at], origin[stop]});
    }
  }
  std::sort(out.begin(), out.end(), [](const CueMatch& a, const CueMatch& b) {
    return a.end != b.end ? a.end > b.end : a.begin < b.begin;
  });
  return out;
}

// A line printed in columns ("Navn        Fødselsnummer") separates its cells by two or
// more spaces; a prose line is one long cell. [*cell_begin, *cell_end) is the cell of the
// line [line_begin, line_end) that pos lies in.
void CellAround(std::string_view text, size_t line_begin, size_t line_end, size_t pos,
                size_t* cell_begin, size_t* cell_end) {
  size_t b = pos;
  while (b > line_begin && !(b >= line_begin + 2 && text[b - 1] == ' ' && text[b - 2] == ' ')) {
    --b;
  }
  size_t e = pos;
  while (e < line_end && !(e + 1 < line_end && text[e] == ' ' && text[e + 1] == ' ')) ++e;
  *cell_begin = b;
  *cell_end = e;
}

bool HasColumnGap(std::string_view s) { return s.find("  ") != std::string_view::npos; }

// The nearest cue in front of the number on its own line. A negative cue with digits
// between it and the number labels those digits ("Bankkonto 1503.78.77899 · Ola ...");
// one in a long cell of its own belongs to another column of text, not to the number.
bool CueOnLineBefore(const Rules& rules, const TextView& view, size_t begin, CueMatch* out) {
  const std::string& text = view.text();
  const size_t line = view.LineStart(begin), line_end = view.LineEnd(begin);
  const size_t from =
      CharBoundary(text, std::max(line, begin - std::min(begin, rules.knobs.window)));
  for (const CueMatch& m : CuesIn(rules, text, from, begin)) {
    if (!m.cue->positive) {
      if (ContainsDigit(std::string_view(text).substr(m.end, begin - m.end))) continue;
      size_t cell_begin, cell_end;
      CellAround(text, line, line_end, m.begin, &cell_begin, &cell_end);
      if (cell_end < begin && cell_end - cell_begin > rules.knobs.label_cell) continue;
    }
    *out = m;
    return true;
  }
  return false;
}

// A column header right above the number in a table printed with its columns in place:
// "Navn        Fødselsnummer" over "Sindre H    120311 66592". The header must be a short
// cell of its own, so that a word in a paragraph above does not count.
bool CueInColumnAbove(const Rules& rules, const TextView& view, size_t begin, size_t end,
                      CueMatch* out) {
  const std::string_view text = view.text();
  size_t line = view.LineStart(begin);
  const size_t column = CountCodePoints(text.substr(line, begin - line));
  const size_t width =
      CountCodePoints(text.substr(begin, std::min(end, view.LineEnd(begin)) - begin));
  for (int seen = 0; seen < rules.knobs.header_lines && line > 0;) {
    line = view.LineStart(line - 1);
    const size_t line_end = view.LineEnd(line);
    if (IsBlank(text.substr(line, line_end - line))) continue;
    ++seen;
    for (const CueMatch& m : CuesIn(rules, text, line, line_end)) {
      size_t cell_begin, cell_end;
      CellAround(text, line, line_end, m.begin, &cell_begin, &cell_end);
      if (cell_end - cell_begin > rules.knobs.label_cell) continue;
      const size_t c0 = CountCodePoints(text.substr(line, cell_begin - line));
      const size_t c1 = c0 + CountCodePoints(text.substr(cell_begin, cell_end - cell_begin));
      if (c0 < column + width && column < c1) {
        *out = m;
        return true;
      }
    }
  }
  return false;
}

// A label that ends the line above a number that starts its line: "Kontonr.:\n1234...",
// "betalt til konto\n1234...". Not a table's header row: its last cell heads another column.
bool CueEndingLineAbove(const Rules& rules, const TextView& view, size_t begin, CueMatch* out) {
  const std::string_view text = view.text();
  const size_t line = view.LineStart(begin);
  if (line == 0 || !IsBlank(text.substr(line, begin - line))) return false;
  const size_t above = view.LineStart(line - 1);
  size_t above_end = line - 1;
  while (above_end > above && text[above_end - 1] == ' ') --above_end;
  if (HasColumnGap(text.substr(above, above_end - above))) return false;
  const size_t from =
      CharBoundary(text, std::max(above, above_end - std::min(above_end, rules.knobs.window)));
  for (const CueMatch& m : CuesIn(rules, text, from, above_end)) {
    const std::string_view rest = text.substr(m.end, above_end - m.end);
    if (std::none_of(rest.begin(), rest.end(), IsWordByte)) {
      *out = m;
      return true;
    }
    break;  // only the last word of the line counts
  }
  return false;
}

// A positive cue within the window even across line breaks: "Hennes personnummer\när 2012...".
bool PositiveCueNearby(const Rules& rules, const TextView& view, size_t begin, CueMatch* out) {
  const std::string& text = view.text();
  const size_t from = CharBoundary(text, begin - std::min(begin, rules.knobs.window));
  for (const CueMatch& m : CuesIn(rules, text, from, begin)) {
    if (m.cue->positive) {
      *out = m;
      return true;
    }
  }
  return false;
}

bool FindCue(const Rules& rules, const TextView& view, size_t begin, size_t end, CueMatch* out) {
  return CueOnLineBefore(rules, view, begin, out) ||
         CueInColumnAbove(rules, view, begin, end, out) ||
         CueEndingLineAbove(rules, view, begin, out) || PositiveCueNearby(rules, view, begin, out);
}

// --- Judging a candidate --------------------------------------------------------------

// Normalisation reads letters next to digits as digits ("123S" -> "1235"); the letters
// that belong in IDs are read back: a Swedish interim S, a Finnish century sign B and a
// check character S or B. Returns the alternatives to `number` (not `number` itself).
std::vector<std::string> Rereadings(IdCountry country, const std::string& number) {
  std::vector<std::string> out;
  if (country == IdCountry::kSweden && number.size() >= 10 && number[number.size() - 4] == '5') {
    out.push_back(number);
    out.back()[number.size() - 4] = 'S';
  }
  if (country == IdCountry::kFinland && number.size() == 11) {
    std::vector<std::string> signs = {number};
    if (number[6] == '8') signs.push_back(number.substr(0, 6) + 'B' + number.substr(7));
    for (const std::string& s : signs) {
      if (s != number) out.push_back(s);
      if (s[10] == '5') out.push_back(s.substr(0, 10) + 'S');
      if (s[10] == '8') out.push_back(s.substr(0, 10) + 'B');
    }
  }
  return out;
}

double BaseConfidence(const Rules& rules, const NationalId& id) {
  const char* knob = id.kind == IdKind::kFhNummer ? "no.fh" : IdCheckName(id.check);
  auto it = rules.knobs.base.find(knob);
  return it != rules.knobs.base.end() ? it->second : id.confidence;
}

struct IdReading {
  NationalId id;
  bool reread = false;
  double confidence = 0;
};

std::vector<IdReading> Readings(const Rules& rules, const IdPattern& pattern,
                                std::string_view written) {
  const std::string verbatim(written);
  std::string compact, digits;
  for (char c : written) {
    if (c == ' ' || c == '\n') continue;
    compact.push_back(c);
    if (IsAsciiDigit(c)) digits.push_back(c);
  }
  std::vector<IdReading> out;
  for (IdCountry country : pattern.validators) {
    // A Norwegian number is its digits; a HETU is never written with spaces.
    const std::string& input = country == IdCountry::kNorway    ? digits
                               : country == IdCountry::kFinland ? verbatim
                                                                : compact;
    auto penalty = pattern.penalty.find(country);
    const double shape = penalty == pattern.penalty.end() ? 0 : penalty->second;
    if (std::optional<NationalId> id = ValidateNationalId(country, input)) {
      out.push_back(IdReading{*id, false, BaseConfidence(rules, *id) - shape});
    }
    for (const std::string& alt : Rereadings(country, input)) {
      if (std::optional<NationalId> id = ValidateNationalId(country, alt)) {
        out.push_back(
            IdReading{*id, true, BaseConfidence(rules, *id) - shape - rules.knobs.reread_penalty});
      }
    }
  }
  return out;
}

// A number must stand alone: not glued to more digits, nor part of a dotted or
// slashed group ("1503.78.77899", "2024/1234-5") or a decimal number.
bool StandsAlone(std::string_view text, size_t begin, size_t end) {
  auto joiner = [](char c) { return c == '.' || c == ',' || c == '/' || c == '-'; };
  if (begin > 0) {
    const char before = text[begin - 1];
    if (IsAsciiDigit(before)) return false;
    if (joiner(before) && begin > 1 && IsAsciiDigit(text[begin - 2])) return false;
  }
  if (end < text.size()) {
    const char after = text[end];
    if (IsAsciiDigit(after)) return false;
    if (joiner(after) && end + 1 < text.size() && IsAsciiDigit(text[end + 1])) return false;
  }
  return true;
}

// The best reading of text[begin, end) with its context, if it is sure enough.
std::optional<IdCandidate> Judge(const Rules& rules, const TextView& view, const IdPattern& pattern,
                                 size_t begin, size_t end) {
  std::vector<IdReading> readings =
      Readings(rules, pattern, std::string_view(view.text()).substr(begin, end - begin));
  if (readings.empty()) return std::nullopt;
  CueMatch cue;
  const bool has_cue = FindCue(rules, view, begin, end, &cue);
  // A positive cue of one country ("CPR") decides between readings of several.
  const CountrySet hinted = has_cue && cue.cue->positive ? cue.cue->countries : 0;
  const IdReading* best = nullptr;
  for (const IdReading& r : readings) {
    if (best == nullptr) {
      best = &r;
      continue;
    }
    const bool r_hinted = (hinted & CountryBit(r.id.country)) != 0;
    const bool best_hinted = (hinted & CountryBit(best->id.country)) != 0;
    if (r_hinted != best_hinted ? r_hinted : r.confidence > best->confidence) best = &r;
  }
  double confidence = best->confidence;
  if (has_cue) {
    confidence +=
        cue.cue->positive ? rules.knobs.positive_cue_bonus : -rules.knobs.negative_cue_penalty;
  }
  confidence = std::clamp(confidence, 0.0, 1.0);
  if (confidence < rules.knobs.report_threshold) return std::nullopt;
  return IdCandidate{begin, end, best->id, best->reread, confidence};
}

std::vector<IdCandidate> ScanPattern(const Rules& rules, const TextView& view,
                                     const IdPattern& pattern) {
  std::vector<IdCandidate> out;
  const std::string& text = view.text();
  size_t pos = 0;
  re2::StringPiece match;
  while (pos < text.size() &&
         pattern.regex->Match(text, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    const size_t begin = static_cast<size_t>(match.data() - text.data());
    const size_t end = begin + match.size();
    std::optional<IdCandidate> c;
    if (StandsAlone(text, begin, end)) c = Judge(rules, view, pattern, begin, end);
    if (c) {
      out.push_back(std::move(*c));
      pos = end;
    } else {
      // A number that stands alone starts a run of digits: no later candidate can start
      // inside the run this one started.
      pos = begin + 1;
      if (IsAsciiDigit(text[begin])) {
        while (pos < text.size() && IsAsciiDigit(text[pos])) ++pos;
      }
    }
  }
  return out;
}

FindingFlags Flags(const IdCandidate& c) {
  FindingFlags flags;
  if (c.id.synthetic) flags.Add(FindingFlag::kSynthetic);
  if (c.id.d_offset && c.id.kind != IdKind::kDNummer) flags.Add(FindingFlag::kDNumber);
  if (c.id.check == IdCheck::kNo2032) flags.Add(FindingFlag::kRule2032);
  if (c.id.country == IdCountry::kDenmark && !c.id.mod11) flags.Add(FindingFlag::kNoMod11);
  if (c.id.check == IdCheck::kFiTemporary) flags.Add(FindingFlag::kTemporary);
  if (c.reread) flags.Add(FindingFlag::kReread);
  return flags;
}

}  // namespace

// --- The detector ---------------------------------------------------------------------

NationalIdDetector::NationalIdDetector(std::unique_ptr<const Rules> rules)
    : rules_(std::move(rules)) {}

NationalIdDetector::~NationalIdDetector() = default;

std::unique_ptr<NationalIdDetector> NationalIdDetector::FromFile(const std::string& toml_path) {
  std::ifstream in(toml_path, std::ios::binary);
  if (!in) throw RuleFileError(toml_path + ": cannot read the national ID rules");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return FromString(buffer.str(), toml_path);
}

std::unique_ptr<NationalIdDetector> NationalIdDetector::FromString(std::string_view toml_text,
                                                                   const std::string& source_name) {
  auto rules = std::make_unique<Rules>();
  ReadRuleText(toml_text, source_name, [&](RuleTable& root) {
    LoadConfidence(root, &rules->knobs);
    LoadCandidates(root, rules.get());
    LoadCues(root, source_name, rules.get());
  });
  return std::unique_ptr<NationalIdDetector>(new NationalIdDetector(std::move(rules)));
}

void NationalIdDetector::Detect(const DocumentText& text, std::vector<Finding>* findings) const {
  for (const TextUnit& unit : text.units) {
    std::vector<IdCandidate> all;
    for (const IdPattern& pattern : rules_->patterns) {
      std::vector<IdCandidate> found = ScanPattern(*rules_, unit.view, pattern);
      all.insert(all.end(), std::make_move_iterator(found.begin()),
                 std::make_move_iterator(found.end()));
    }
    // Where patterns overlap, the surest reading wins, then the longer one.
    std::sort(all.begin(), all.end(), [](const IdCandidate& a, const IdCandidate& b) {
      if (a.confidence != b.confidence) return a.confidence > b.confidence;
      return a.end - a.begin > b.end - b.begin;
    });
    std::vector<const IdCandidate*> kept;
    for (const IdCandidate& c : all) {
      const bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const IdCandidate* k) {
        return c.begin < k->end && k->begin < c.end;
      });
      if (!overlaps) kept.push_back(&c);
    }
    std::sort(kept.begin(), kept.end(),
              [](const IdCandidate* a, const IdCandidate* b) { return a->begin < b->begin; });
    for (const IdCandidate* c : kept) {
      Finding f = MakeFinding(unit, Category::kNationalId, IdRuleName(c->id.kind), c->begin, c->end,
                              c->confidence);
      f.flags = Flags(*c);
      f.key = c->id.key;
      findings->push_back(std::move(f));
    }
  }
}

}  // namespace skjerm
