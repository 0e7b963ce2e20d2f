// Cue words: which words point at an organisation or at a private person, and the
// nearest such word before a piece of contact data.
#include <algorithm>

#include "base/utf8.h"
#include "detect/contacts/contact_letter.h"

namespace skjerm {
namespace contact {
namespace {

// How far back from an item its cue may stand, in bytes.
constexpr size_t kCueWindow = 160;

// Endings shorter than four letters («nav», «ppt», «sfo») must be the whole word.
bool HasOrgEnding(const WordSet& set, std::string_view key) { return set.HasEnding(key, 4); }

// The position after the last sentence end in [from, to): «. », «! » or «? » followed by
// a capital letter, where the word before the full stop is not an abbreviation.
size_t AfterLastSentenceEnd(std::string_view text, size_t from, size_t to) {
  for (size_t i = to; i > from + 1; --i) {
    const size_t p = i - 1;  // candidate punctuation
    const char c = text[p];
    if (c != '.' && c != '!' && c != '?') continue;
    if (p + 2 >= to || text[p + 1] != ' ') continue;
    if (!IsUpperCase(CodePointAt(text, p + 2))) continue;
    if (c == '.') {
      size_t w = p;
      while (w > from && text[w - 1] != ' ' && text[w - 1] != '(') --w;
      const std::string_view before = text.substr(w, p - w);
      const int letters = static_cast<int>(CountCodePoints(before));
      const bool abbreviation = before.find('.') != std::string_view::npos ||
                                (letters <= 3 && !before.empty() && !IsAsciiDigit(before.back()));
      if (abbreviation) continue;
    }
    return p + 2;
  }
  return from;
}

// The end of the sentence that runs on at `from`: before «. », «! » or «? » followed by a
// capital, or `to`.
size_t BeforeNextSentenceEnd(std::string_view text, size_t from, size_t to) {
  for (size_t p = from; p + 2 < to; ++p) {
    const char c = text[p];
    if ((c == '.' || c == '!' || c == '?') && text[p + 1] == ' ' &&
        IsUpperCase(CodePointAt(text, p + 2))) {
      return p;
    }
  }
  return to;
}

}  // namespace

bool IsOrgWord(const ContactRules& rules, std::string_view word) {
  if (rules.legal_forms.count(std::string(word)) > 0) return true;
  const std::string key = WordSet::Key(word);
  if (key.size() < 2) return false;
  // «Navn» is a label of a person, not «NAV» inflected.
  if (rules.private_labels.Contains(key)) return false;
  if (rules.contact_cues.Contains(key)) return true;
  if (HasOrgEnding(rules.org_name_words, key) || HasOrgEnding(rules.official_roles, key)) {
    return true;
  }
  // Inflected: «kommunens», «sagsbehandleren», «socialtjänstens».
  for (std::string_view stem : rules.inflections.Stems(key, 3)) {
    if (HasOrgEnding(rules.org_name_words, stem) || HasOrgEnding(rules.official_roles, stem)) {
      return true;
    }
  }
  return false;
}

bool IsPersonCue(const ContactRules& rules, std::string_view word) {
  const std::string key = WordSet::Key(word);
  // Genitive: «mors», «fars», «vårdnadshavares».
  const bool cue = rules.person_cues.Contains(key) ||
                   (key.size() > 3 && key.back() == 's' &&
                    rules.person_cues.Contains(std::string_view(key).substr(0, key.size() - 1)));
  // «får», «bör» fold to «far», «bor» but mean «gets», «should».
  return cue && rules.not_person_cues.count(ToLowerUtf8(word)) == 0;
}

PartyCue CueOf(const ContactRules& rules, std::string_view word) {
  PartyCue cue;
  if (IsPersonCue(rules, word)) {
    cue.found = true;
    cue.party = Party::kPrivate;
  } else if (IsOrgWord(rules, word)) {
    cue.found = true;
    cue.party = Party::kOrganisation;
  }
  if (cue.found) cue.word = WordSet::Key(word);
  return cue;
}

bool LineHasOrgCue(const ContactRules& rules, std::string_view line) {
  for (const WordSpan& w : WordsIn(line, 0, line.size())) {
    if (IsOrgWord(rules, line.substr(w.begin, w.end - w.begin))) return true;
  }
  return false;
}

// A line with a private person's label («Navn», «Elev») or a person's name found on it.
bool AboutAPerson(const ContactRules& rules, const PersonNames& names, size_t unit,
                  const UnitText& u, size_t line) {
  const Line& l = u.lines[line];
  if (names.Overlap(unit, l.begin, l.end)) return true;
  for (const WordSpan& w : WordsIn(u.text, l.begin, l.end)) {
    const std::string_view word = u.text.substr(w.begin, w.end - w.begin);
    if (IsPersonCue(rules, word) || rules.private_labels.Contains(WordSet::Key(word))) return true;
  }
  return false;
}

Party WriterAt(const ContactRules& rules, const LetterLayout& layout, const WriterProfile& writer,
               size_t unit, size_t pos) {
  const size_t line = layout.units[unit].LineOf(pos);
  const MailHeader* header = nullptr;
  for (const MailHeader& h : layout.mail_headers) {
    if (h.unit < unit || (h.unit == unit && h.line <= line)) header = &h;
  }
  if (header == nullptr) return layout.has_letterhead ? Party::kOrganisation : Party::kPrivate;
  const bool official =
      !header->domain.empty() && !IsPublicProvider(rules, header->domain) &&
      (IsOrganisationDomain(rules, writer, header->domain) || IsRoleMailbox(rules, header->local));
  return official || LineHasOrgCue(rules, layout.units[header->unit].LineText(header->line))
             ? Party::kOrganisation
             : Party::kPrivate;
}

namespace {

// «934 56 218 (mor)»: the cue in parentheses right after an item ending at `end` on line li.
PartyCue CueInParentheses(const ContactRules& rules, const UnitText& u, size_t li, size_t end) {
  const std::string_view text = u.text;
  size_t p = end;
  while (p < u.lines[li].end && text[p] == ' ') ++p;
  if (p >= u.lines[li].end || text[p] != '(') return PartyCue();
  const std::vector<WordSpan> after = WordsIn(text, p + 1, std::min(u.lines[li].end, p + 40));
  if (after.empty()) return PartyCue();
  return CueOf(rules, text.substr(after[0].begin, after[0].end - after[0].begin));
}

// The start of line li was reached without a cue: the search goes on to the line before only
// if this line is not a labelled field and that line continues into this one — or is the
// label of this one («Entreprenørens vakttelefon (hele døgnet):» / «930 44 120»). Sets *last
// to the end of that line's text.
bool RunsOnFromLineBefore(const UnitText& u, size_t li, size_t cur_end, size_t* last) {
  const std::string_view text = u.text;
  const Line& line = u.lines[li];
  if (text.substr(line.begin, cur_end - line.begin).find(':') != std::string_view::npos) {
    return false;
  }
  const Line& prev = u.lines[li - 1];
  if (prev.blank || prev.zone == Zone::kLetterhead || prev.zone == Zone::kFooter) return false;
  if (line.zone != prev.zone) return false;
  size_t e = prev.end;
  while (e > prev.begin && text[e - 1] == ' ') --e;
  if (e > prev.begin && (text[e - 1] == '.' || text[e - 1] == '!' || text[e - 1] == '?')) {
    return false;
  }
  *last = e;
  return true;
}

// The stretches of the sentence a street at [begin, end) stands in: before it (reaching
// into the line above when the street opens its line and that line runs on into it) and
// after it. Empty if the street is not in running text.
std::vector<std::pair<size_t, size_t>> SentenceAround(const UnitText& u, size_t begin, size_t end,
                                                      bool at_segment_start) {
  const std::string_view text = u.text;
  const size_t li = u.LineOf(begin);
  const Line& line = u.lines[li];
  std::vector<std::pair<size_t, size_t>> sentence;
  if (!at_segment_start) {
    sentence.push_back({AfterLastSentenceEnd(text, line.begin, begin), begin});
  } else {
    if (li == 0 || !WordsIn(text, line.begin, begin).empty()) return {};
    const Line& prev = u.lines[li - 1];
    if (prev.blank || prev.zone != line.zone) return {};
    const std::vector<WordSpan> prev_words = WordsIn(text, prev.begin, prev.end);
    if (prev_words.empty()) return {};
    size_t last = prev.end;
    while (last > prev.begin && text[last - 1] == ' ') --last;
    const WordSpan& w = prev_words.back();
    if (w.end != last || StartsUpper(text.substr(w.begin, w.end - w.begin))) return {};
    sentence.push_back({AfterLastSentenceEnd(text, prev.begin, last), last});
    sentence.push_back({line.begin, begin});
  }
  sentence.push_back({end, BeforeNextSentenceEnd(text, end, line.end)});
  return sentence;
}

// A capitalised word that may be part of a person's name: not an organisation's word, not
// a street's.
bool IsNameWord(const ContactRules& rules, std::string_view word) {
  const std::string key = WordSet::Key(word);
  return StartsUpper(word) && CountCodePoints(word) >= 2 && !IsOrgWord(rules, word) &&
         !rules.not_names.Contains(key) && !rules.street_suffixes.HasEnding(key, 3) &&
         !rules.street_words.Contains(key);
}

// True if [from, to) says whose home a street is: an address cue («bor», «hos»), a person
// cue («naboen»), or two name words in a row («hos Kari Lunde i Storgata 3»).
bool NamesAHome(const ContactRules& rules, std::string_view text, size_t from, size_t to) {
  const std::vector<WordSpan> words = WordsIn(text, from, to);
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string_view word = text.substr(words[k].begin, words[k].end - words[k].begin);
    if (rules.address_cues.Contains(WordSet::Key(word)) || IsPersonCue(rules, word)) return true;
    if (k > 0 && words[k].begin - words[k - 1].end == 1 && IsNameWord(rules, word) &&
        IsNameWord(rules, text.substr(words[k - 1].begin, words[k - 1].end - words[k - 1].begin))) {
      return true;
    }
  }
  return false;
}

}  // namespace

CueReader::CueReader(const ContactRules& rules, const LetterLayout& layout,
                     const PersonNames& names, const WriterProfile& writer)
    : rules_(rules), layout_(layout), names_(names), writer_(writer) {}

bool CueReader::AboutAPerson(size_t unit, size_t line) const {
  return contact::AboutAPerson(rules_, names_, unit, layout_.units[unit], line);
}

PartyCue CueReader::NearestCue(size_t unit, size_t begin, size_t end) const {
  const UnitText& u = layout_.units[unit];
  size_t li = u.LineOf(begin);
  if (PartyCue cue = CueInParentheses(rules_, u, li, end); cue.found) return cue;
  size_t cur_end = begin;
  bool named = false;  // a private person's name stands between the item and the cue
  for (int crossed = 0; crossed < 2; ++crossed) {
    const Line& line = u.lines[li];
    size_t from = cur_end > line.begin + kCueWindow ? cur_end - kCueWindow : line.begin;
    from = AfterLastSentenceEnd(u.text, from, cur_end);
    if (PartyCue cue = CueWordIn(unit, from, cur_end, begin, &named); cue.found) return cue;
    if (from > line.begin || li == 0) break;
    size_t last = 0;
    if (!RunsOnFromLineBefore(u, li, cur_end, &last)) break;
    --li;
    cur_end = last;
  }
  return PartyCue();
}

// The last cue word in [from, to) of a unit, for the item at item_begin. *named: in, a
// person's name was passed on the way back from the item; out, also one in [from, to).
PartyCue CueReader::CueWordIn(size_t unit, size_t from, size_t to, size_t item_begin,
                              bool* named) const {
  const std::string_view text = layout_.units[unit].text;
  const std::vector<WordSpan> words = WordsIn(text, from, to);
  for (auto it = words.rbegin(); it != words.rend(); ++it) {
    // A person's name is never read as a cue word, whatever it ends in («Kari Hals»).
    if (names_.Overlap(unit, it->begin, it->end)) {
      *named = true;
      continue;
    }
    const std::string_view word = text.substr(it->begin, it->end - it->begin);
    PartyCue cue = CueOf(rules_, word);
    if (!cue.found && rules_.writer_words.Contains(WordSet::Key(word))) {
      cue.found = true;
      // «Vi ringte Kari Hals på …»: the person named after the writer is whose it is. A
      // title or an organisation before the name still says official («Kommunalsjef for
      // oppvekst Gunnar Sæther, tlf. …»).
      cue.party = *named ? Party::kPrivate : WriterAt(rules_, layout_, writer_, unit, item_begin);
      cue.word = WordSet::Key(word);
    }
    if (cue.found) return cue;
  }
  return PartyCue();
}

bool CueReader::IsPlaceInRunningText(size_t unit, size_t begin, size_t end,
                                     bool at_segment_start) const {
  const UnitText& u = layout_.units[unit];
  const std::vector<std::pair<size_t, size_t>> sentence =
      SentenceAround(u, begin, end, at_segment_start);
  if (sentence.empty()) return false;
  for (const auto& [from, to] : sentence) {
    if (names_.Overlap(unit, from, to) || NamesAHome(rules_, u.text, from, to)) return false;
  }
  return true;
}

}  // namespace contact
}  // namespace skjerm
