#include "detect/roles/roster_terms.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "base/sha256.h"
#include "base/utf8.h"

namespace skjerm {
namespace {

bool IsNameSeparator(char c) {
  return c == ' ' || c == '-' || c == '.' || c == '\t' || c == '\n' || c == '\r' || c == ',';
}

// The parts of a name as written: "Tor-Erik" -> {"Tor", "Erik"}.
std::vector<std::string> SplitWritten(std::string_view name) {
  std::vector<std::string> parts;
  std::string current;
  for (char c : name) {
    if (IsNameSeparator(c)) {
      if (!current.empty()) parts.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) parts.push_back(std::move(current));
  return parts;
}

const char* DomainOf(TermKind kind) {
  switch (kind) {
    case TermKind::kGiven:
    case TermKind::kFamily:
    case TermKind::kDeletion:
      return "name";
    case TermKind::kFull:
      return "full";
    case TermKind::kNationalId:
      return "id";
    case TermKind::kBirthDate:
      return "date";
  }
  return "name";
}

bool ParseInt(std::string_view s, int* out) {
  if (s.empty() || s.size() > 4) return false;
  int v = 0;
  for (char c : s) {
    if (!IsAsciiDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

}  // namespace

const char* RosterRoleName(RosterRole role) {
  switch (role) {
    case RosterRole::kPupil:
      return "pupil";
    case RosterRole::kGuardian:
      return "guardian";
    case RosterRole::kStaff:
      return "staff";
  }
  return "pupil";
}

std::optional<RosterRole> RosterRoleFromName(std::string_view name) {
  for (RosterRole r : {RosterRole::kPupil, RosterRole::kGuardian, RosterRole::kStaff}) {
    if (name == RosterRoleName(r)) return r;
  }
  return std::nullopt;
}

const char* TermKindName(TermKind kind) {
  switch (kind) {
    case TermKind::kGiven:
      return "given";
    case TermKind::kFamily:
      return "family";
    case TermKind::kFull:
      return "full";
    case TermKind::kDeletion:
      return "deletion";
    case TermKind::kNationalId:
      return "national_id";
    case TermKind::kBirthDate:
      return "birth_date";
  }
  return "given";
}

std::optional<TermKind> TermKindFromName(std::string_view name) {
  for (TermKind k : {TermKind::kGiven, TermKind::kFamily, TermKind::kFull, TermKind::kDeletion,
                     TermKind::kNationalId, TermKind::kBirthDate}) {
    if (name == TermKindName(k)) return k;
  }
  return std::nullopt;
}

std::string FoldName(std::string_view name) {
  std::string out;
  for (const std::string& part : SplitWritten(name)) {
    if (!out.empty()) out.push_back(' ');
    out += FoldForMatching(part);
  }
  return out;
}

std::vector<std::string> SplitFoldedName(std::string_view folded) { return SplitWritten(folded); }

std::vector<std::string> SingleDeletions(std::string_view word) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < word.size();) {
    size_t n;
    DecodeUtf8(word, i, &n);
    starts.push_back(i);
    i += n;
  }
  starts.push_back(word.size());
  std::vector<std::string> out;
  for (size_t k = 0; k + 1 < starts.size(); ++k) {
    // Leaving out any letter of a run of the same letter gives the same word, and letters
    // of different runs give different words: the first of each run is all it takes (and
    // no search through the words made so far, which cost the square of their number).
    if (k > 0 && word.substr(starts[k - 1], starts[k] - starts[k - 1]) ==
                     word.substr(starts[k], starts[k + 1] - starts[k])) {
      continue;
    }
    std::string d(word.substr(0, starts[k]));
    d.append(word.substr(starts[k + 1]));
    out.push_back(std::move(d));
  }
  return out;
}

std::string DigitsOnly(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (IsAsciiDigit(c)) out.push_back(c);
  }
  return out;
}

std::string NormaliseBirthDate(std::string_view text) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '.' || text[i] == '-' || text[i] == '/' || text[i] == ' ') {
      if (i > start) fields.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  if (fields.size() != 3) return "";
  int a, b, c;
  if (!ParseInt(fields[0], &a) || !ParseInt(fields[1], &b) || !ParseInt(fields[2], &c)) {
    return "";
  }
  int year, month, day;
  if (fields[0].size() == 4) {
    year = a, month = b, day = c;
  } else if (fields[2].size() == 4) {
    day = a, month = b, year = c;
  } else {
    return "";
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string TermHash(std::string_view key, TermKind kind, std::string_view normalised) {
  std::string data = DomainOf(kind);
  data.push_back(':');
  data.append(normalised);
  return HmacSha256Hex(key, data);
}

std::vector<RosterTerm> DeriveTerms(const RosterRecord& record, std::string_view key,
                                    const OrdinaryWordTest& is_ordinary_word) {
  std::vector<RosterTerm> terms;
  std::set<std::pair<TermKind, std::string>> seen;
  auto add = [&](TermKind kind, const std::string& value, bool ordinary) {
    if (value.empty() || !seen.insert({kind, value}).second) return;
    terms.push_back(RosterTerm{kind, TermHash(key, kind, value), ordinary});
  };
  auto add_parts = [&](TermKind kind, const std::vector<std::string>& written) {
    for (const std::string& part : written) {
      const std::string folded = FoldForMatching(part);
      const bool ordinary = is_ordinary_word && is_ordinary_word(part);
      add(kind, folded, ordinary);
      const size_t length = CountCodePoints(folded);
      if (length >= kMinFuzzyNameLength && length <= kMaxFuzzyNameLength) {
        for (const std::string& d : SingleDeletions(folded)) add(TermKind::kDeletion, d, ordinary);
      }
    }
  };
  const std::vector<std::string> given = SplitWritten(record.given_names);
  const std::vector<std::string> family = SplitWritten(record.family_name);
  add_parts(TermKind::kGiven, given);
  add_parts(TermKind::kFamily, family);

  // Full names: all given names + family name, each given name + family name, and the
  // first given name + each part of a double family name.
  const std::string all_given = FoldName(record.given_names);
  const std::string all_family = FoldName(record.family_name);
  if (!all_given.empty() && !all_family.empty()) {
    add(TermKind::kFull, all_given + " " + all_family, false);
    for (const std::string& g : given)
      add(TermKind::kFull, FoldForMatching(g) + " " + all_family, false);
    if (family.size() > 1) {
      for (const std::string& f : family) {
        add(TermKind::kFull, FoldForMatching(given.front()) + " " + FoldForMatching(f), false);
      }
    }
  }
  add(TermKind::kNationalId, DigitsOnly(record.national_id), false);
  add(TermKind::kBirthDate, NormaliseBirthDate(record.birth_date), false);
  return terms;
}

}  // namespace skjerm
