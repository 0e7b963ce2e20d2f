// Cue words: which words point at an organisation or at a private person, and the
// nearest such word before a piece of contact data.
#include <algorithm>
#include <array>

#include "base/utf8.h"
#include "detect/contacts/contact_letter.h"

namespace skjerm {
namespace contact {
namespace {

// Inflections stripped before looking a word up: «kommunens» -> «kommune»,
// «sagsbehandleren» -> «sagsbehandler», «socialtjänstens» -> «socialtjänst».
constexpr std::array<std::string_view, 14> kInflections = {
    "ernes", "arnas", "ens", "ets", "ene", "ane", "erne", "arna", "ns", "en", "et", "er", "s", "n"};

// How far back from an item its cue may stand, in bytes.
constexpr size_t kCueWindow = 160;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

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
  for (std::string_view inflection : kInflections) {
    if (!EndsWith(key, inflection) || key.size() < inflection.size() + 3) continue;
    const std::string_view stem = std::string_view(key).substr(0, key.size() - inflection.size());
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

// The cue that tells whose an item is: a word in parentheses right after it («934 56
// 218 (mor)»), else the nearest cue word before it in its sentence. A sentence may wrap
// onto the line before; a labelled field («Mor: …») and a recipient block's name line
// are read too, but never a letterhead or a paragraph above a blank line.
PartyCue Document::NearestCue(size_t unit, size_t begin, size_t end) const {
  const UnitText& u = layout_.units[unit];
  const std::string_view text = u.text;
  size_t li = u.LineOf(begin);
  {
    size_t p = end;
    while (p < u.lines[li].end && text[p] == ' ') ++p;
    if (p < u.lines[li].end && text[p] == '(') {
      const std::vector<WordSpan> after = WordsIn(text, p + 1, std::min(u.lines[li].end, p + 40));
      if (!after.empty()) {
        PartyCue cue = CueOf(rules_, text.substr(after[0].begin, after[0].end - after[0].begin));
        if (cue.found) return cue;
      }
    }
  }
  size_t cur_end = begin;
  bool named = false;  // a private person's name stands between the item and the cue
  for (int crossed = 0; crossed < 2; ++crossed) {
    const Line& line = u.lines[li];
    size_t from = cur_end > line.begin + kCueWindow ? cur_end - kCueWindow : line.begin;
    from = AfterLastSentenceEnd(text, from, cur_end);
    const std::vector<WordSpan> words = WordsIn(text, from, cur_end);
    for (auto it = words.rbegin(); it != words.rend(); ++it) {
      // A person's name is never read as a cue word, whatever it ends in («Kari Hals»).
      if (InName(unit, it->begin, it->end)) {
        named = true;
        continue;
      }
      const std::string_view word = text.substr(it->begin, it->end - it->begin);
      PartyCue cue = CueOf(rules_, word);
      if (!cue.found && rules_.writer_words.Contains(WordSet::Key(word))) {
        cue.found = true;
        // «Vi ringte Kari Hals på …»: the person named after the writer is whose it is. A
        // title or an organisation before the name still says official («Kommunalsjef for
        // oppvekst Gunnar Sæther, tlf. …»).
        cue.party = named ? Party::kPrivate : WriterAt(unit, begin);
        cue.word = WordSet::Key(word);
      }
      if (cue.found) return cue;
    }
    if (from > line.begin || li == 0) break;
    // The start of the line was reached without a cue: go on to the line before only if
    // this line is not a labelled field and that line continues into this one — or is
    // the label of this one («Entreprenørens vakttelefon (hele døgnet):» / «930 44 120»).
    if (text.substr(line.begin, cur_end - line.begin).find(':') != std::string_view::npos) break;
    const Line& prev = u.lines[li - 1];
    if (prev.blank || prev.zone == Zone::kLetterhead || prev.zone == Zone::kFooter) break;
    if (line.zone != prev.zone) break;
    size_t last = prev.end;
    while (last > prev.begin && text[last - 1] == ' ') --last;
    if (last > prev.begin &&
        (text[last - 1] == '.' || text[last - 1] == '!' || text[last - 1] == '?')) {
      break;
    }
    --li;
    cur_end = last;
  }
  return PartyCue();
}

// «adkomst til Storgata 30 fra Bryggeveien», «Fastigheterna Granbacksvägen 9, 11 och 13»,
// «… Storgata 32–48 og» / «Fergeveien 1»: a street named in a sentence is a place, not a
// private person's home — unless its sentence says whose home («bor», «adresse», «hos»,
// the address cues; «naboen», «familien», the person cues) or names someone (a name the
// name detector found, or two capitalised words in a row that are not an organisation or
// a street: «hos Kari Lunde i Storgata 3»). A street that opens a field («Adresse: …»,
// «| …», «Navn, …») or a line of its own is not in running text, except where the line
// above runs on into it (it ends in a lower-case word).
bool Document::IsPlaceInRunningText(size_t unit, size_t begin, size_t end,
                                    bool at_segment_start) const {
  const UnitText& u = layout_.units[unit];
  const std::string_view text = u.text;
  const size_t li = u.LineOf(begin);
  const Line& line = u.lines[li];
  std::vector<std::pair<size_t, size_t>> sentence;  // the sentence before the street
  if (!at_segment_start) {
    sentence.push_back({AfterLastSentenceEnd(text, line.begin, begin), begin});
  } else {
    if (li == 0 || !WordsIn(text, line.begin, begin).empty()) return false;
    const Line& prev = u.lines[li - 1];
    if (prev.blank || prev.zone != line.zone) return false;
    const std::vector<WordSpan> prev_words = WordsIn(text, prev.begin, prev.end);
    if (prev_words.empty()) return false;
    size_t last = prev.end;
    while (last > prev.begin && text[last - 1] == ' ') --last;
    const WordSpan& w = prev_words.back();
    if (w.end != last || StartsUpper(text.substr(w.begin, w.end - w.begin))) return false;
    sentence.push_back({AfterLastSentenceEnd(text, prev.begin, last), last});
    sentence.push_back({line.begin, begin});
  }
  sentence.push_back({end, BeforeNextSentenceEnd(text, end, line.end)});
  auto is_name_word = [&](std::string_view word) {
    const std::string key = WordSet::Key(word);
    return StartsUpper(word) && CountCodePoints(word) >= 2 && !IsOrgWord(rules_, word) &&
           !rules_.not_names.Contains(key) && !rules_.street_suffixes.HasEnding(key, 3) &&
           !rules_.street_words.Contains(key);
  };
  for (const auto& [from, to] : sentence) {
    for (const auto& [name_begin, name_end] : names_.spans[unit]) {
      if (name_begin < to && name_end > from) return false;
    }
    const std::vector<WordSpan> words = WordsIn(text, from, to);
    for (size_t k = 0; k < words.size(); ++k) {
      const std::string_view word = text.substr(words[k].begin, words[k].end - words[k].begin);
      if (rules_.address_cues.Contains(WordSet::Key(word)) || IsPersonCue(rules_, word))
        return false;
      if (k > 0 && words[k].begin - words[k - 1].end == 1 && is_name_word(word) &&
          is_name_word(text.substr(words[k - 1].begin, words[k - 1].end - words[k - 1].begin))) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace contact
}  // namespace skjerm
