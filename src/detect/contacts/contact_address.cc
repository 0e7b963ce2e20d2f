// Postal addresses: street lines («Bakkevegen 12», «Storgatan 3 B lgh 1102», «Kirkestræde
// 6, 1. th.»), postcode lines («2340 Sørbygda», «372 33 Lövåsa»), post boxes and «c/o».
// A street and the postcode that follows it (after a comma or on the next line) form one
// address and share one decision; each is reported as its own finding.
#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "base/utf8.h"
#include "detect/contacts/contact_letter.h"

namespace skjerm {
namespace contact {
namespace {

// A piece of a postal address as found, before its owner is decided.
enum class AddressPartKind { kStreet, kWeakStreet, kPostBox, kCareOf, kPostcode };

struct AddressPart {
  AddressPartKind kind = AddressPartKind::kStreet;
  size_t begin = 0;
  size_t end = 0;
  size_t number_end = 0;  // street: end of the house number
  size_t line = 0;
  bool at_segment_start = false;  // only blanks or a field separator before it
  bool cue_before = false;        // «Adresse:», «bor i» just before it
  int linked_to = -1;             // postcode: index of its street / post box / c/o
  bool has_postcode = false;      // street: a postcode is linked to it
};

using PartKind = AddressPartKind;
using Part = AddressPart;

bool IsFieldSeparator(char32_t cp) {
  return cp == ':' || cp == ';' || cp == '|' || cp == 0xB7 /* · */ || cp == 0x2022 /* • */ ||
         cp == '(' || cp == ',';
}

// A speck of OCR noise: at most two characters that are not letters or digits
// («_», «. », «|»).
bool IsNoise(std::string_view s) {
  size_t marks = 0;
  for (size_t i = 0; i < s.size();) {
    size_t n;
    const char32_t cp = CodePointAt(s, i, &n);
    i += std::max<size_t>(n, 1);
    if (cp == ' ') continue;
    if (IsLetter(cp) || (cp < 0x80 && IsAsciiDigit(static_cast<char>(cp)))) return false;
    ++marks;
  }
  return marks <= 2;
}

// True if only blanks, OCR noise or a field separator stand between the line start and
// pos.
bool AtSegmentStart(std::string_view text, size_t line_begin, size_t pos) {
  size_t p = pos;
  while (p > line_begin && text[p - 1] == ' ') --p;
  if (p == line_begin || IsNoise(text.substr(line_begin, p - line_begin))) return true;
  if (pos - p >= 2) return true;  // a column gap in layout text
  const char32_t before = CodePointBefore(text, p);
  return IsFieldSeparator(before) || before == '-' || before == '>';
}

// True if what follows pos ends a field: line end, punctuation, a column gap.
bool AtSegmentEnd(std::string_view text, size_t pos, size_t line_end) {
  size_t s = pos;
  while (s < line_end && text[s] == ' ') ++s;
  if (s >= line_end || s - pos >= 2) return true;
  const char32_t c = CodePointAt(text, s);
  if (c == ',' || c == '.' || c == ';' || c == ')' || c == ']' || c == '>' || c == '"' ||
      c == 0xB7 || c == 0x2022 || c == '|' || c == 0xBB || c == 0xAB || c == '\'') {
    return true;
  }
  return c == '-' && s > pos && s + 1 < line_end && text[s + 1] == ' ';
}

size_t SkipOneSpace(std::string_view text, size_t p, size_t end) {
  return p < end && text[p] == ' ' ? p + 1 : p;
}

size_t DigitsEnd(std::string_view text, size_t p, size_t end) {
  while (p < end && IsAsciiDigit(text[p])) ++p;
  return p;
}

class AddressFinder {
 public:
  AddressFinder(const ContactRules& rules, const UnitText& u) : rules_(rules), u_(u) {}

  void FindStreets(size_t line, std::vector<Part>* parts) const;
  void FindPostcodes(size_t line, std::vector<Part>* parts) const;
  static void Link(const UnitText& u, std::vector<Part>* parts);

 private:
  std::string Key(const WordSpan& w) const {
    return WordSet::Key(u_.text.substr(w.begin, w.end - w.begin));
  }
  bool HouseNumberEnds(size_t q, size_t line_end) const;
  size_t Extend(size_t q, size_t line_end) const;
  size_t HouseLetter(size_t q, size_t e) const;
  size_t Flat(size_t q, size_t e) const;
  size_t DamagedFlat(size_t q, size_t e) const;
  size_t DwellingNumberAt(size_t p, size_t e) const;
  size_t DwellingNumber(size_t q, size_t e) const;
  size_t Floor(size_t q, size_t e) const;
  size_t PlaceEnd(const Line& line, size_t code_end, size_t match_end, bool linked_context) const;
  bool PostBoxAt(const Line& line, size_t line_index, const WordSpan& w,
                 std::vector<Part>* parts) const;
  bool CareOfAt(const Line& line, size_t line_index, const WordSpan& w,
                std::vector<Part>* parts) const;
  void StreetAt(const Line& line, size_t line_index, const std::vector<WordSpan>& words, size_t idx,
                std::vector<Part>* parts) const;

  const ContactRules& rules_;
  const UnitText& u_;
};

// The number after a street name ends there: not a date («22. april»), a decimal, an
// amount or a measure.
bool AddressFinder::HouseNumberEnds(size_t q, size_t line_end) const {
  const std::string_view t = u_.text;
  // «12.5», «12,5», «14:00», «2/3» and ranges «Skoleveien 2-18» (a stretch of street, not
  // a home).
  if (q < line_end && (t[q] == '.' || t[q] == ',' || t[q] == ':' || t[q] == '/' || t[q] == '-') &&
      q + 1 < line_end && IsAsciiDigit(t[q + 1])) {
    return false;
  }
  if (q < line_end && t[q] == '%') return false;
  if (q + 2 < line_end && t[q] == '.' && t[q + 1] == ' ' && !IsUpperCase(CodePointAt(t, q + 2))) {
    return false;  // «7. trinn», «22. april»
  }
  const size_t p = SkipOneSpace(t, q, line_end);
  const std::vector<WordSpan> next = WordsIn(t, p, std::min(line_end, p + 24));
  return next.empty() || next[0].begin != p || !rules_.not_phone_after.Contains(Key(next[0]));
}

// House letter, flat, dwelling number and Danish floor after the house number.
size_t AddressFinder::Extend(size_t q, size_t e) const {
  q = HouseLetter(q, e);
  q = Flat(q, e);
  q = DwellingNumber(q, e);
  return Floor(q, e);
}

// «12b», «3B», «12 B».
size_t AddressFinder::HouseLetter(size_t q, size_t e) const {
  const std::string_view t = u_.text;
  auto ascii_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto ends_word = [&](size_t p) {
    return p >= e || (!IsLetter(CodePointAt(t, p)) && !IsAsciiDigit(t[p]) && t[p] != '/');
  };
  if (q < e && ascii_letter(t[q]) && ends_word(q + 1)) return q + 1;
  if (q + 1 < e && t[q] == ' ' && t[q + 1] >= 'A' && t[q + 1] <= 'Z' && ends_word(q + 2)) {
    return q + 2;
  }
  return q;
}

// «lgh 1102», «, leil. 3», «, leil. H0203»; «lgh» whose number OCR lost at the end of the
// field; «8 = 1201,» where OCR read the word «lgh» as a speck before the four digits.
size_t AddressFinder::Flat(size_t q, size_t e) const {
  const std::string_view t = u_.text;
  size_t p = q;
  if (p < e && t[p] == ',') ++p;
  p = SkipOneSpace(t, p, e);
  const std::vector<WordSpan> w = WordsIn(t, p, std::min(e, p + 16));
  if (p == q || w.empty() || w[0].begin != p || !rules_.flat_words.Contains(Key(w[0]))) {
    return DamagedFlat(q, e);
  }
  size_t d = w[0].end;
  if (d < e && t[d] == '.') ++d;
  const size_t word_end = d;
  d = SkipOneSpace(t, d, e);
  const size_t de = DigitsEnd(t, d, e);
  if (de > d && de - d <= 4) return de;
  const size_t dwelling = DwellingNumberAt(d, e);
  if (dwelling > d) return dwelling;
  return AtSegmentEnd(t, word_end, e) ? word_end : q;
}

// «= 1201» after the house number, then a comma or the line end: the flat number of a
// Swedish address whose «lgh» OCR read as a speck.
size_t AddressFinder::DamagedFlat(size_t q, size_t e) const {
  const std::string_view t = u_.text;
  if (q + 1 >= e || t[q] != ' ') return q;
  size_t p = q + 1;
  const size_t mark = p;
  while (p < e && p - mark < 2 && t[p] != ' ' && !IsLetter(CodePointAt(t, p)) &&
         !IsAsciiDigit(t[p])) {
    ++p;
  }
  if (p == mark || p >= e || t[p] != ' ') return q;
  const size_t d = p + 1;
  const size_t de = DigitsEnd(t, d, e);
  return de == d + 4 && (de == e || t[de] == ',') ? de : q;
}

// «H0203»: a Norwegian dwelling number, a letter and four digits, at p.
size_t AddressFinder::DwellingNumberAt(size_t p, size_t e) const {
  const std::string_view t = u_.text;
  if (p >= e || rules_.dwelling_number_letters.find(t[p]) == std::string::npos) return p;
  const size_t de = DigitsEnd(t, p + 1, e);
  return de == p + 5 && !IsLetter(CodePointAt(t, de)) ? de : p;
}

// «Elvegata 41 H0203»: a dwelling number after the house number.
size_t AddressFinder::DwellingNumber(size_t q, size_t e) const {
  if (q + 1 >= e || u_.text[q] != ' ') return q;
  const size_t end = DwellingNumberAt(q + 1, e);
  return end > q + 1 ? end : q;
}

// «, 1. th.», «, st. tv», «, 3. sal», «, st.» — not «, kl. 18.00» (a time).
size_t AddressFinder::Floor(size_t q, size_t e) const {
  const std::string_view t = u_.text;
  if (q + 2 >= e || t[q] != ',' || t[q + 1] != ' ') return q;
  size_t p = q + 2;
  bool complete = false;  // «st.» alone is a floor; «1.» and «kl.» need a side or «sal»
  const size_t de = DigitsEnd(t, p, e);
  if (de > p && de - p <= 2 && de < e && t[de] == '.') {
    p = de + 1;
  } else {
    const std::vector<WordSpan> w = WordsIn(t, p, std::min(e, p + 6));
    if (w.empty() || w[0].begin != p || (Key(w[0]) != "st" && Key(w[0]) != "kl")) return q;
    complete = Key(w[0]) == "st";
    p = w[0].end;
    if (p < e && t[p] == '.') ++p;
    const size_t after = SkipOneSpace(t, p, e);
    if (after < e && IsAsciiDigit(t[after])) return q;
  }
  const size_t s = SkipOneSpace(t, p, e);
  const std::vector<WordSpan> w = WordsIn(t, s, std::min(e, s + 8));
  if (!w.empty() && w[0].begin == s && rules_.floor_words.Contains(Key(w[0]))) {
    p = w[0].end;
    if (p < e && t[p] == '.') ++p;
    complete = true;
  }
  return complete ? p : q;
}

// «Postboks 123», «Box 204», «Pb. 7».
bool AddressFinder::PostBoxAt(const Line& line, size_t line_index, const WordSpan& w,
                              std::vector<Part>* parts) const {
  if (!rules_.post_box_words.Contains(Key(w))) return false;
  const std::string_view t = u_.text;
  size_t p = w.end;
  if (p < line.end && t[p] == '.') ++p;
  p = SkipOneSpace(t, p, line.end);
  const size_t de = DigitsEnd(t, p, line.end);
  if (de > p && de - p <= 5) {
    Part part;
    part.kind = PartKind::kPostBox;
    part.begin = w.begin;
    part.end = de;
    part.line = line_index;
    parts->push_back(part);
  }
  return true;
}

// «c/o Per Hansen», up to the end of the field.
bool AddressFinder::CareOfAt(const Line& line, size_t line_index, const WordSpan& w,
                             std::vector<Part>* parts) const {
  const std::string_view t = u_.text;
  size_t end = w.begin;
  for (const std::string& marker : rules_.care_of_words) {
    if (ToLowerUtf8(t.substr(w.begin, marker.size())) == marker &&
        (w.begin + marker.size() >= line.end || t[w.begin + marker.size()] == ' ')) {
      end = w.begin + marker.size();
    }
  }
  if (end == w.begin) return false;
  // The name after the marker, up to the end of the field.
  const size_t marker_end = end;
  while (end < line.end && t[end] == ' ') ++end;
  while (end < line.end) {
    const char c = t[end];
    if (c == ',' || c == ';' || c == '|' || c == '(' ||
        (c == ' ' && end + 1 < line.end && t[end + 1] == ' ') || t.substr(end, 2) == "\xC2\xB7") {
      break;
    }
    ++end;
  }
  while (end > marker_end && t[end - 1] == ' ') --end;
  if (end > marker_end + 1) {
    Part part;
    part.kind = PartKind::kCareOf;
    part.begin = w.begin;
    part.end = end;
    part.line = line_index;
    parts->push_back(part);
  }
  return true;
}

// A street name ending in words[idx] and a house number after it: a street word
// («Bakkevegen 12», «Kong Oscars gate 12»), or — weakly, to be confirmed by a postcode or
// an address cue — any capitalised name at the start of a field («Granlia 5»).
void AddressFinder::StreetAt(const Line& line, size_t line_index,
                             const std::vector<WordSpan>& words, size_t idx,
                             std::vector<Part>* parts) const {
  const std::string_view t = u_.text;
  const WordSpan& w = words[idx];
  const std::string_view word = t.substr(w.begin, w.end - w.begin);
  const std::string key = Key(w);
  // A house number after the word (OCR may glue it: «Bakkevegen12»).
  const size_t p = SkipOneSpace(t, w.end, line.end);
  const size_t q = DigitsEnd(t, p, line.end);
  if (q == p || q - p > 3 || !HouseNumberEnds(q, line.end)) return;
  auto adjacent = [&](size_t k) {  // words[k] and words[k + 1] are one space apart
    return words[k + 1].begin - words[k].end == 1 && t[words[k].end] == ' ';
  };
  auto name_part = [&](size_t k) {  // words[k] may belong to a street's name
    const std::string k_key = Key(words[k]);
    const bool labelled = words[k].end < line.end && t[words[k].end] == ':';
    return !labelled && StartsUpper(t.substr(words[k].begin)) &&
           !rules_.address_cues.Contains(k_key) && !rules_.not_names.Contains(k_key) &&
           !rules_.post_box_words.Contains(k_key);
  };
  const bool compound = StartsUpper(word) && !rules_.street_suffixes.Contains(key) &&
                        rules_.street_suffixes.HasEnding(key, 3) && key.size() >= 5;
  const bool separate =
      rules_.street_words.Contains(key) && idx > 0 && adjacent(idx - 1) && name_part(idx - 1);
  const bool weak = !compound && !separate && CountCodePoints(word) >= 2 && name_part(idx);
  if (!compound && !separate && !weak) return;
  size_t first_word = idx;
  if (separate) {
    // «Kong Oscars gate», «H.C. Andersens Boulevard»: up to three capitalised words.
    while (first_word > 0 && idx - first_word < 3 && adjacent(first_word - 1) &&
           name_part(first_word - 1)) {
      --first_word;
    }
  } else if (idx > 0 && adjacent(idx - 1) && rules_.name_qualifiers.Contains(Key(words[idx - 1]))) {
    first_word = idx - 1;  // «Øvre Slottsgate», «Nedre Lid»
  }
  Part part;
  part.kind = weak ? PartKind::kWeakStreet : PartKind::kStreet;
  part.begin = words[first_word].begin;
  part.end = Extend(q, line.end);
  part.number_end = q;
  part.line = line_index;
  part.at_segment_start = AtSegmentStart(t, line.begin, part.begin);
  for (size_t k = first_word, n = 0; k > 0 && n < 2; --k, ++n) {
    if (rules_.address_cues.Contains(Key(words[k - 1]))) part.cue_before = true;
  }
  if (weak && !part.at_segment_start && !part.cue_before) return;
  parts->push_back(part);
}

void AddressFinder::FindStreets(size_t line_index, std::vector<Part>* parts) const {
  const Line& line = u_.lines[line_index];
  const std::vector<WordSpan> words = WordsIn(u_.text, line.begin, line.end);
  for (size_t idx = 0; idx < words.size(); ++idx) {
    if (PostBoxAt(line, line_index, words[idx], parts)) continue;
    if (CareOfAt(line, line_index, words[idx], parts)) continue;
    StreetAt(line, line_index, words, idx, parts);
  }
}

// The end of the place after a postcode that ends at code_end: one word, or two («Mo i
// Rana», «Kongens Lyngby», «København K»); 0 if no place follows the code.
size_t AddressFinder::PlaceEnd(const Line& line, size_t code_end, size_t match_end,
                               bool linked_context) const {
  const std::string_view t = u_.text;
  size_t place = code_end;
  while (place < match_end && t[place] == ' ') ++place;
  const std::vector<WordSpan> words = WordsIn(t, place, std::min(line.end, place + 60));
  if (words.empty() || words[0].begin != place || rules_.not_names.Contains(Key(words[0]))) {
    return 0;
  }
  size_t longer = 0;
  if (words.size() > 1 && words[1].begin == words[0].end + 1 &&
      StartsUpper(t.substr(words[1].begin))) {
    longer = words[1].end;
  } else if (words.size() > 2 && words[1].begin == words[0].end + 1 &&
             t.substr(words[1].begin, words[1].end - words[1].begin) == "i" &&
             words[2].begin == words[1].end + 1 && StartsUpper(t.substr(words[2].begin))) {
    longer = words[2].end;
  }
  if (longer != 0 && AtSegmentEnd(t, longer, line.end)) return longer;
  if (!AtSegmentEnd(t, words[0].end, line.end) && !linked_context) return 0;
  return words[0].end;
}

void AddressFinder::FindPostcodes(size_t line_index, std::vector<Part>* parts) const {
  const std::string_view t = u_.text;
  const Line& line = u_.lines[line_index];
  re2::StringPiece input(t.data(), t.size());
  re2::StringPiece groups[2];
  size_t pos = line.begin;
  while (pos < line.end &&
         rules_.postcode_re->Match(input, pos, line.end, RE2::UNANCHORED, groups, 2)) {
    const size_t code_begin = static_cast<size_t>(groups[1].data() - t.data());
    const size_t code_end = code_begin + groups[1].size();
    const size_t match_end = static_cast<size_t>(groups[0].data() - t.data()) + groups[0].size();
    pos = std::max(code_begin + 1, code_end);
    const char32_t before = CodePointBefore(t, code_begin);
    // «Kløvervænget 2,.4700 Næstved»: OCR may add a full stop to the comma.
    const bool comma_and_stop =
        before == '.' && code_begin >= line.begin + 2 && t[code_begin - 2] == ',';
    if (code_begin > line.begin && !comma_and_stop &&
        (IsLetter(before) || before == '-' || before == '/' || before == '.' || before == '+' ||
         (before < 0x80 && IsAsciiDigit(static_cast<char>(before))))) {
      continue;
    }
    // What stands before the code: the start of a field, a comma, or a street.
    size_t b = comma_and_stop ? code_begin - 1 : code_begin;
    while (b > line.begin && t[b - 1] == ' ') --b;
    Part part;
    part.kind = PartKind::kPostcode;
    part.line = line_index;
    part.at_segment_start =
        AtSegmentStart(t, line.begin, code_begin) && (b == line.begin || t[b - 1] != ',');
    bool linked_context = b > line.begin && t[b - 1] == ',';
    for (const Part& other : *parts) {
      if (other.line == line_index && other.kind != PartKind::kPostcode && other.end == b) {
        linked_context = true;
      }
    }
    if (!part.at_segment_start && !linked_context) continue;
    const size_t end = PlaceEnd(line, code_end, match_end, linked_context);
    if (end == 0) continue;
    part.begin = code_begin;
    part.end = end;
    parts->push_back(part);
    pos = end;
  }
}

// A postcode belongs to the street (or post box, or c/o) right before it on its line, or
// — when it opens its line — to the one that ends the line above.
void AddressFinder::Link(const UnitText& u, std::vector<Part>* parts) {
  std::sort(parts->begin(), parts->end(),
            [](const Part& a, const Part& b) { return a.begin < b.begin; });
  const std::string_view t = u.text;
  for (size_t i = 0; i < parts->size(); ++i) {
    Part& p = (*parts)[i];
    if (p.kind != PartKind::kPostcode) continue;
    for (size_t j = i; j-- > 0;) {
      const Part& q = (*parts)[j];
      if (q.kind == PartKind::kPostcode) break;
      if (q.line == p.line) {
        const std::string_view between = t.substr(q.end, p.begin - q.end);
        if (between.size() <= 4 && between.find_first_not_of(" ,.") == std::string_view::npos) {
          p.linked_to = static_cast<int>(j);
        }
        break;
      }
      // The line above, or the one above a single blank line (OCR inserts them).
      const bool above =
          q.line + 1 == p.line || (q.line + 2 == p.line && u.lines[q.line + 1].blank);
      if (above && p.at_segment_start) {
        const Line& ql = u.lines[q.line];
        size_t s = q.end;
        while (s < ql.end && t[s] == ' ') ++s;
        // Only blanks, a column gap or a speck of OCR noise («_», a stray «i») after the
        // street.
        const std::string_view rest = t.substr(s, ql.end - s);
        const bool noise = IsNoise(rest) || (rest.size() == 1 && s > q.end);
        if (s == ql.end || s - q.end >= 3 || noise) p.linked_to = static_cast<int>(j);
      }
      break;
    }
    if (p.linked_to >= 0) (*parts)[p.linked_to].has_postcode = true;
  }
}

// The owner of an address (a street, post box or c/o with its postcode) in unit `unit`.
// With `structure_only`, only what the letter's structure says is used; nullopt if that
// leaves it open. *org_streets: in, the folded street lines decided so far to be an
// organisation's; out, with this street added when it is one.
std::optional<Ownership> DecideAddress(const ContactRules& rules, const LetterLayout& layout,
                                       const CueReader& cues, size_t unit, const Part& p,
                                       bool structure_only, std::set<std::string>* org_streets) {
  const UnitText& u = layout.units[unit];
  const Zone zone = layout.ZoneAt(unit, p.begin);
  const size_t key_end = p.number_end > p.begin ? p.number_end : p.end;
  const std::string key = WordSet::Key(u.text.substr(p.begin, key_end - p.begin));
  Ownership d;
  PartyCue cue;
  if (p.kind == PartKind::kPostBox) {
    d = {Party::kOrganisation, 0.0, PartyBasis::kPostBox};
  } else if (IsOrganisationZone(zone)) {
    d = {Party::kOrganisation, 0.0, ZoneBasis(zone)};
  } else if (structure_only) {
    return std::nullopt;
  } else if (org_streets->count(key) > 0) {
    d = {Party::kOrganisation, 0.0, PartyBasis::kOrganisationsOwnAddress};
  } else if (p.kind == PartKind::kCareOf &&
             LineHasOrgCue(rules, u.text.substr(p.begin, p.end - p.begin))) {
    d = {Party::kOrganisation, 0.0, PartyBasis::kInCareOfOrganisation};
  } else if ((cue = cues.NearestCue(unit, p.begin, p.end)).found) {
    d = {cue.party, 0.9, PartyBasis::kCueWord, cue.word};
  } else if (zone == Zone::kPrivateSignature) {
    d = {Party::kPrivate, 0.9, ZoneBasis(zone)};
  } else if (p.kind == PartKind::kStreet && !p.has_postcode &&
             cues.IsPlaceInRunningText(unit, p.begin, p.end, p.at_segment_start)) {
    // Not the organisation's own address either: the same street elsewhere in the letter
    // is judged where it stands.
    return Ownership{Party::kOrganisation, 0.0, PartyBasis::kPlaceInRunningText};
  } else {
    d = {Party::kPrivate, p.kind == PartKind::kStreet ? 0.8 : 0.7, PartyBasis::kNoCue};
  }
  if (d.party == Party::kOrganisation && p.kind == PartKind::kStreet) org_streets->insert(key);
  return d;
}

// «Hamnvågen 8»: in a Swedish letter, a street ending that OCR misread («ä» as «å») is
// reported as written (contacts.toml [address.ocr_endings]). Empty if nothing to undo.
std::string CorrectedStreet(const ContactRules& rules, Country country, std::string_view text,
                            const Part& p) {
  if (p.kind != PartKind::kStreet || p.number_end <= p.begin) return std::string();
  const auto endings = rules.ocr_street_endings.find(std::string(CountryCode(country)));
  if (endings == rules.ocr_street_endings.end()) return std::string();
  size_t name_end = p.number_end;
  while (name_end > p.begin && IsAsciiDigit(text[name_end - 1])) --name_end;
  while (name_end > p.begin && text[name_end - 1] == ' ') --name_end;
  const std::string_view name = text.substr(p.begin, name_end - p.begin);
  for (const auto& [misread, written] : endings->second) {
    if (name.size() <= misread.size() || name.substr(name.size() - misread.size()) != misread) {
      continue;
    }
    std::string out(text.substr(p.begin, name_end - misread.size() - p.begin));
    out += written;
    out += text.substr(name_end, p.end - name_end);
    return out;
  }
  return std::string();
}

// The parts of a unit: streets, post boxes, c/o and the postcodes linked to them. A weak
// street (a name without a street word) counts only with a postcode after it or an address
// cue before it; a postcode only with its street.
std::vector<Part> PartsOf(const ContactRules& rules, const UnitText& u) {
  std::vector<Part> parts;
  AddressFinder finder(rules, u);
  for (size_t l = 0; l < u.lines.size(); ++l) {
    if (u.lines[l].blank) continue;
    finder.FindStreets(l, &parts);
    finder.FindPostcodes(l, &parts);
  }
  AddressFinder::Link(u, &parts);
  std::vector<Part> kept;
  std::vector<int> index(parts.size(), -1);
  for (size_t i = 0; i < parts.size(); ++i) {
    Part p = parts[i];
    if (p.kind == PartKind::kWeakStreet && !p.has_postcode && !p.cue_before) continue;
    if (p.kind == PartKind::kPostcode) {
      if (p.linked_to < 0 || index[p.linked_to] < 0) continue;
      p.linked_to = index[p.linked_to];
    }
    index[i] = static_cast<int>(kept.size());
    kept.push_back(p);
  }
  return kept;
}

// Per unit, the parts of its addresses; per unit and part, its owner (none for a postcode,
// which shares its street's).
using UnitParts = std::vector<std::vector<Part>>;
using Decisions = std::vector<std::vector<std::optional<Ownership>>>;

// Decides first what the structure decides on every page, so that an organisation's street
// seen in a letterhead is known when the same street turns up in a body; then the rest, in
// text order.
Decisions DecideAll(const ContactRules& rules, const LetterLayout& layout, const CueReader& cues,
                    const UnitParts& parts) {
  Decisions decisions(parts.size());
  for (size_t ui = 0; ui < parts.size(); ++ui) decisions[ui].resize(parts[ui].size());
  std::set<std::string> org_streets;  // folded street lines of organisations, as decided
  for (bool structure_only : {true, false}) {
    for (size_t ui = 0; ui < parts.size(); ++ui) {
      for (size_t i = 0; i < parts[ui].size(); ++i) {
        if (parts[ui][i].kind == PartKind::kPostcode || decisions[ui][i]) continue;
        decisions[ui][i] =
            DecideAddress(rules, layout, cues, ui, parts[ui][i], structure_only, &org_streets);
      }
    }
  }
  return decisions;
}

// A street named in running text that the letter also gives as a private person's address
// («Familien bor i Storgata 3 …» and later «… møtet i Storgata 3») is theirs.
void GivePrivateStreetsToTheirOwners(const LetterLayout& layout, const UnitParts& parts,
                                     Decisions* decisions) {
  std::set<std::string> private_streets;
  auto street_key = [&](size_t ui, const Part& p) {
    return WordSet::Key(layout.units[ui].text.substr(p.begin, p.number_end - p.begin));
  };
  for (size_t ui = 0; ui < parts.size(); ++ui) {
    for (size_t i = 0; i < parts[ui].size(); ++i) {
      const PartKind kind = parts[ui][i].kind;
      if ((kind == PartKind::kStreet || kind == PartKind::kWeakStreet) &&
          (*decisions)[ui][i]->party == Party::kPrivate) {
        private_streets.insert(street_key(ui, parts[ui][i]));
      }
    }
  }
  for (size_t ui = 0; ui < parts.size(); ++ui) {
    for (size_t i = 0; i < parts[ui].size(); ++i) {
      std::optional<Ownership>& d = (*decisions)[ui][i];
      if (d && d->basis == PartyBasis::kPlaceInRunningText &&
          private_streets.count(street_key(ui, parts[ui][i])) > 0) {
        d = Ownership{Party::kPrivate, 0.8, PartyBasis::kPrivateAddressOfLetter};
      }
    }
  }
}

std::string_view RuleOf(PartKind kind) {
  switch (kind) {
    case PartKind::kStreet:
    case PartKind::kWeakStreet:
      return "address.street";
    case PartKind::kPostBox:
      return "address.post_box";
    case PartKind::kCareOf:
      return "address.co";
    case PartKind::kPostcode:
      return "address.postcode";
  }
  return "address.street";
}

// The item of part p of unit ui, owned as `d` says.
ContactItem ItemOf(const ContactRules& rules, Country country, std::string_view text, size_t ui,
                   const Part& p, const Ownership& d) {
  ContactItem item;
  item.category = Category::kAddress;
  item.rule = std::string(RuleOf(p.kind));
  item.unit = ui;
  item.begin = p.begin;
  item.end = p.end;
  item.party = d.party;
  item.basis = d.basis;
  item.cue_word = d.cue_word;
  item.confidence = p.kind == PartKind::kPostcode ? std::min(d.confidence, 0.8) : d.confidence;
  item.corrected = CorrectedStreet(rules, country, text, p);
  return item;
}

}  // namespace

std::vector<ContactItem> FindAddresses(const ContactRules& rules, const LetterLayout& layout,
                                       const WriterProfile& writer, const CueReader& cues) {
  UnitParts parts(layout.units.size());
  for (size_t ui = 0; ui < layout.units.size(); ++ui) parts[ui] = PartsOf(rules, layout.units[ui]);
  Decisions decisions = DecideAll(rules, layout, cues, parts);
  GivePrivateStreetsToTheirOwners(layout, parts, &decisions);
  std::vector<ContactItem> items;
  for (size_t ui = 0; ui < parts.size(); ++ui) {
    for (size_t i = 0; i < parts[ui].size(); ++i) {
      const Part& p = parts[ui][i];
      const size_t owner = p.kind == PartKind::kPostcode ? static_cast<size_t>(p.linked_to) : i;
      items.push_back(
          ItemOf(rules, writer.country, layout.units[ui].text, ui, p, *decisions[ui][owner]));
    }
  }
  return items;
}

}  // namespace contact
}  // namespace skjerm
