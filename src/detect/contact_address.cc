// Postal addresses: street lines («Bakkevegen 12», «Storgatan 3 B lgh 1102», «Kirkestræde
// 6, 1. th.»), postcode lines («2340 Sørbygda», «372 33 Lövåsa»), post boxes and «c/o».
// A street and the postcode that follows it (after a comma or on the next line) form one
// address and share one decision; each is reported as its own finding.
#include <algorithm>
#include <cctype>

#include "base/utf8.h"
#include "detect/contact_document.h"

namespace skjerm {
namespace contact {
namespace {

enum class PartKind { kStreet, kWeakStreet, kPostBox, kCareOf, kPostcode };

struct Part {
  PartKind kind = PartKind::kStreet;
  size_t begin = 0;
  size_t end = 0;
  size_t number_end = 0;  // street: end of the house number (and letter)
  size_t line = 0;
  bool at_segment_start = false;  // only blanks or a field separator before it
  bool cue_before = false;        // «Adresse:», «bor i» just before it
  int linked_to = -1;             // postcode: index of its street / post box
  bool has_postcode = false;      // street: a postcode is linked to it
};

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
  std::string Key(const Word& w) const {
    return WordSet::Key(u_.text.substr(w.begin, w.end - w.begin));
  }
  bool HouseNumberEnds(size_t q, size_t line_end) const;
  size_t Extend(size_t q, size_t line_end) const;

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
  if (q + 2 < line_end && t[q] == '.' && t[q + 1] == ' ' && !IsUpper(CodePointAt(t, q + 2))) {
    return false;  // «7. trinn», «22. april»
  }
  const size_t p = SkipOneSpace(t, q, line_end);
  const std::vector<Word> next = WordsIn(t, p, std::min(line_end, p + 24));
  return next.empty() || next[0].begin != p || !rules_.not_phone_after.Contains(Key(next[0]));
}

// House letter, flat, dwelling number and Danish floor after the house number.
size_t AddressFinder::Extend(size_t q, size_t e) const {
  const std::string_view t = u_.text;
  auto ascii_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  // «12b», «3B», «12 B».
  auto ends_word = [&](size_t p) {
    return p >= e || (!IsLetter(CodePointAt(t, p)) && !IsAsciiDigit(t[p]) && t[p] != '/');
  };
  if (q < e && ascii_letter(t[q]) && ends_word(q + 1)) {
    ++q;
  } else if (q + 1 < e && t[q] == ' ' && t[q + 1] >= 'A' && t[q + 1] <= 'Z' && ends_word(q + 2)) {
    q += 2;
  }
  // «lgh 1102», «, leil. 3».
  {
    size_t p = q;
    if (p < e && t[p] == ',') ++p;
    p = SkipOneSpace(t, p, e);
    const std::vector<Word> w = WordsIn(t, p, std::min(e, p + 16));
    if (p > q && !w.empty() && w[0].begin == p && rules_.flat_words.Contains(Key(w[0]))) {
      size_t d = w[0].end;
      if (d < e && t[d] == '.') ++d;
      d = SkipOneSpace(t, d, e);
      const size_t de = DigitsEnd(t, d, e);
      if (de > d && de - d <= 4) q = de;
    }
  }
  // «H0203»: a Norwegian dwelling number.
  if (q + 5 < e + 1 && q < e && t[q] == ' ' && q + 1 < e &&
      rules_.dwelling_number_letters.find(t[q + 1]) != std::string::npos) {
    const size_t de = DigitsEnd(t, q + 2, e);
    if (de == q + 6 && !IsLetter(CodePointAt(t, de))) q = de;
  }
  // «, 1. th.», «, st. tv», «, 3. sal».
  if (q + 2 < e && t[q] == ',' && t[q + 1] == ' ') {
    size_t p = q + 2;
    bool floor = false;
    const size_t de = DigitsEnd(t, p, e);
    if (de > p && de - p <= 2 && de < e && t[de] == '.') {
      p = de + 1;
    } else {
      const std::vector<Word> w = WordsIn(t, p, std::min(e, p + 6));
      // «st.» (ground floor) may stand alone; «kl.» (cellar) needs a side, since «, kl.»
      // is also a time.
      if (!w.empty() && w[0].begin == p && (Key(w[0]) == "st" || Key(w[0]) == "kl")) {
        floor = Key(w[0]) == "st";
        p = w[0].end;
        if (p < e && t[p] == '.') ++p;
        const size_t after = SkipOneSpace(t, p, e);
        if (after < e && IsAsciiDigit(t[after])) p = 0;
      } else {
        p = 0;
      }
    }
    if (p != 0) {
      const size_t s = SkipOneSpace(t, p, e);
      const std::vector<Word> w = WordsIn(t, s, std::min(e, s + 8));
      if (!w.empty() && w[0].begin == s && rules_.floor_words.Contains(Key(w[0]))) {
        p = w[0].end;
        if (p < e && t[p] == '.') ++p;
        floor = true;
      }
      if (floor) q = p;
    }
  }
  return q;
}

void AddressFinder::FindStreets(size_t line_index, std::vector<Part>* parts) const {
  const std::string_view t = u_.text;
  const Line& line = u_.lines[line_index];
  const std::vector<Word> words = WordsIn(t, line.begin, line.end);
  for (size_t idx = 0; idx < words.size(); ++idx) {
    const Word& w = words[idx];
    const std::string_view word = t.substr(w.begin, w.end - w.begin);
    const std::string key = Key(w);
    const bool adjacent_prev =
        idx > 0 && w.begin - words[idx - 1].end == 1 && t[words[idx - 1].end] == ' ';
    if (rules_.post_box_words.Contains(key)) {
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
      continue;
    }
    const std::string lower = ToLowerUtf8(word);
    if (lower == "c/o" || lower == "c.o") {
      // «c/o Per Hansen»: up to the end of the field.
      size_t end = w.end;
      while (end < line.end) {
        const char c = t[end];
        if (c == ',' || c == ';' || c == '|' || c == '(' ||
            (c == ' ' && end + 1 < line.end && t[end + 1] == ' ') ||
            t.substr(end, 2) == "\xC2\xB7") {
          break;
        }
        ++end;
      }
      size_t trimmed = end;
      while (trimmed > w.end && t[trimmed - 1] == ' ') --trimmed;
      if (trimmed > w.end + 1) {
        Part part;
        part.kind = PartKind::kCareOf;
        part.begin = w.begin;
        part.end = trimmed;
        part.line = line_index;
        parts->push_back(part);
      }
      continue;
    }
    // A house number after the word (OCR may glue it: «Bakkevegen12»).
    const size_t p = SkipOneSpace(t, w.end, line.end);
    const size_t q = DigitsEnd(t, p, line.end);
    if (q == p || q - p > 3 || !HouseNumberEnds(q, line.end)) continue;
    const bool compound = StartsUpper(word) && !rules_.street_suffixes.Contains(key) &&
                          rules_.street_suffixes.HasEnding(key, 3) && key.size() >= 5;
    const bool separate = rules_.street_words.Contains(key) && adjacent_prev &&
                          StartsUpper(t.substr(words[idx - 1].begin));
    const bool weak = !compound && !separate && StartsUpper(word) && CountCodePoints(word) >= 2 &&
                      !rules_.not_names.Contains(key) && !rules_.address_cues.Contains(key);
    if (!compound && !separate && !weak) continue;
    size_t name_begin = w.begin;
    size_t first_word = idx;
    auto usable = [&](size_t k) {
      const std::string k_key = Key(words[k]);
      const bool labelled = words[k].end < line.end && t[words[k].end] == ':';
      return !labelled && !rules_.address_cues.Contains(k_key) &&
             !rules_.not_names.Contains(k_key) && !rules_.post_box_words.Contains(k_key);
    };
    auto adjacent = [&](size_t k) {
      return words[k + 1].begin - words[k].end == 1 && t[words[k].end] == ' ';
    };
    if (separate) {
      // «Kong Oscars gate», «H.C. Andersens Boulevard»: up to three capitalised words.
      for (size_t n = 0; n < 3 && first_word > 0; ++n) {
        const size_t k = first_word - 1;
        if (!adjacent(k) || !StartsUpper(t.substr(words[k].begin)) || !usable(k)) break;
        first_word = k;
      }
      if (first_word == idx) continue;
    } else if (idx > 0 && adjacent(idx - 1) &&
               rules_.name_qualifiers.Contains(Key(words[idx - 1]))) {
      first_word = idx - 1;  // «Øvre Slottsgate», «Nedre Lid»
    }
    name_begin = words[first_word].begin;
    Part part;
    part.kind = weak ? PartKind::kWeakStreet : PartKind::kStreet;
    part.begin = name_begin;
    part.end = Extend(q, line.end);
    part.number_end = q;
    part.line = line_index;
    part.at_segment_start = AtSegmentStart(t, line.begin, name_begin);
    for (size_t k = first_word, n = 0; k > 0 && n < 2; --k, ++n) {
      if (rules_.address_cues.Contains(Key(words[k - 1]))) part.cue_before = true;
    }
    if (weak && !part.at_segment_start && !part.cue_before) continue;
    parts->push_back(part);
  }
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
    if (code_begin > line.begin &&
        (IsLetter(before) || before == '-' || before == '/' || before == '.' || before == '+' ||
         (before < 0x80 && IsAsciiDigit(static_cast<char>(before))))) {
      continue;
    }
    // What stands before the code: the start of a field, a comma, or a street.
    size_t b = code_begin;
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
    // The place: one word, or two («Mo i Rana», «Kongens Lyngby», «København K»).
    size_t place = code_end;
    while (place < match_end && t[place] == ' ') ++place;
    const std::vector<Word> words = WordsIn(t, place, std::min(line.end, place + 60));
    if (words.empty() || words[0].begin != place) continue;
    if (rules_.not_names.Contains(
            WordSet::Key(t.substr(words[0].begin, words[0].end - words[0].begin)))) {
      continue;
    }
    size_t end = words[0].end;
    size_t longer = 0;
    if (words.size() > 1 && words[1].begin == words[0].end + 1 &&
        StartsUpper(t.substr(words[1].begin))) {
      longer = words[1].end;
    } else if (words.size() > 2 && words[1].begin == words[0].end + 1 &&
               t.substr(words[1].begin, words[1].end - words[1].begin) == "i" &&
               words[2].begin == words[1].end + 1 && StartsUpper(t.substr(words[2].begin))) {
      longer = words[2].end;
    }
    if (longer != 0 && AtSegmentEnd(t, longer, line.end)) {
      end = longer;
    } else if (!AtSegmentEnd(t, end, line.end) && !linked_context) {
      continue;
    }
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
        if (between.size() <= 4 && between.find_first_not_of(" ,") == std::string_view::npos) {
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

}  // namespace

void Document::FindAddresses() {
  for (size_t ui = 0; ui < units_.size(); ++ui) {
    const UnitText& u = units_[ui];
    AddressFinder finder(rules_, u);
    std::vector<Part> parts;
    for (size_t l = 0; l < u.lines.size(); ++l) {
      if (u.lines[l].blank) continue;
      finder.FindStreets(l, &parts);
      finder.FindPostcodes(l, &parts);
    }
    AddressFinder::Link(u, &parts);
    // A weak street (a name without a street word) counts only with a postcode after it
    // or an address cue before it; on its own line before the postcode line it must fill
    // the line's first field.
    std::vector<bool> keep(parts.size(), true);
    for (size_t i = 0; i < parts.size(); ++i) {
      const Part& p = parts[i];
      if (p.kind == PartKind::kWeakStreet && !p.has_postcode && !p.cue_before) keep[i] = false;
      if (p.kind == PartKind::kPostcode && (p.linked_to < 0 || !keep[p.linked_to])) {
        keep[i] = false;
      }
    }
    // Decide each address (a street, post box or c/o with its postcode), first those the
    // letter's structure decides, so that an organisation's street seen there is known
    // when the same street turns up in the body.
    std::vector<int> party(parts.size(), -1);  // -1 undecided, 0 private, 1 organisation
    std::vector<std::string> reason(parts.size());
    std::vector<double> confidence(parts.size(), 0.0);
    for (int pass = 0; pass < 2; ++pass) {
      for (size_t i = 0; i < parts.size(); ++i) {
        const Part& p = parts[i];
        if (!keep[i] || p.kind == PartKind::kPostcode || party[i] >= 0) continue;
        const Zone zone = ZoneAt(ui, p.begin);
        const size_t key_end = p.number_end > p.begin ? p.number_end : p.end;
        const std::string key = WordSet::Key(u.text.substr(p.begin, key_end - p.begin));
        if (p.kind == PartKind::kPostBox) {
          party[i] = 1;
          reason[i] = "post box";
        } else if (zone == Zone::kLetterhead || zone == Zone::kFooter ||
                   zone == Zone::kOfficialSignature) {
          party[i] = 1;
          reason[i] = ZoneName(zone);
        } else if (pass == 0) {
          continue;
        } else if (org_streets_.count(key) > 0) {
          party[i] = 1;
          reason[i] = "the organisation's own address";
        } else if (p.kind == PartKind::kCareOf &&
                   LineHasOrgCue(u.text.substr(p.begin, p.end - p.begin))) {
          party[i] = 1;
          reason[i] = "in care of an organisation";
        } else if (Cue cue = NearestCue(ui, p.begin, p.end); cue.found) {
          party[i] = cue.party == Party::kOrganisation ? 1 : 0;
          reason[i] = "cue word '" + cue.word + "'";
          confidence[i] = 0.9;
        } else if (zone == Zone::kPrivateSignature) {
          party[i] = 0;
          reason[i] = ZoneName(zone);
          confidence[i] = 0.9;
        } else {
          party[i] = 0;
          reason[i] = "no cue";
          confidence[i] = p.kind == PartKind::kStreet ? 0.8 : 0.7;
        }
        if (party[i] == 1 && p.kind == PartKind::kStreet) org_streets_.insert(key);
      }
    }
    for (size_t i = 0; i < parts.size(); ++i) {
      if (!keep[i]) continue;
      const Part& p = parts[i];
      const size_t owner = p.kind == PartKind::kPostcode ? static_cast<size_t>(p.linked_to) : i;
      if (party[owner] < 0) continue;
      ContactItem item;
      item.category = Category::kAddress;
      item.unit = ui;
      item.begin = p.begin;
      item.end = p.end;
      item.party = party[owner] == 1 ? Party::kOrganisation : Party::kPrivate;
      item.reason = reason[owner];
      switch (p.kind) {
        case PartKind::kStreet:
        case PartKind::kWeakStreet:
          item.rule = "address.street";
          break;
        case PartKind::kPostBox:
          item.rule = "address.post_box";
          break;
        case PartKind::kCareOf:
          item.rule = "address.co";
          break;
        case PartKind::kPostcode:
          item.rule = "address.postcode";
          break;
      }
      item.confidence =
          p.kind == PartKind::kPostcode ? std::min(confidence[owner], 0.8) : confidence[owner];
      Add(std::move(item));
    }
  }
}

}  // namespace contact
}  // namespace skjerm
