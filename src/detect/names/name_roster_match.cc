#include "detect/names/name_roster_match.h"

#include <algorithm>

#include "base/utf8.h"
#include "detect/roles/roster_terms.h"

namespace skjerm {
namespace person_names {
namespace {

FindingFlag RoleFlag(RosterRole role) {
  switch (role) {
    case RosterRole::kPupil:
      return FindingFlag::kPupil;
    case RosterRole::kGuardian:
      return FindingFlag::kGuardian;
    case RosterRole::kStaff:
      return FindingFlag::kStaff;
  }
  return FindingFlag::kPupil;
}

constexpr unsigned kGiven = 1, kFamily = 2, kGivenGenitive = 4, kFamilyGenitive = 8, kFuzzy = 16,
                   kOrdinary = 32;
constexpr unsigned kMiddle = 64;  // in a full name: a middle name the roster does not know
constexpr unsigned kExact = kGiven | kFamily | kGivenGenitive | kFamilyGenitive;
constexpr unsigned kGivenLike = kGiven | kGivenGenitive;
constexpr unsigned kFamilyLike = kFamily | kFamilyGenitive;

// A run of words that names one person: a given name and a family name on different
// words, at most one word OCR-damaged or a middle name the roster does not know, never
// all, a genitive only at the end.
bool ValidFullName(const std::vector<unsigned>& seq) {
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

}  // namespace

void RosterMatch::Run() {
  mentioned_.assign(roster_.persons().size(), false);
  for (size_t u = 0; u < doc_->units.size(); ++u) FullNames(u);
  school_context_ = HasSchoolWords();
  for (size_t u = 0; u < doc_->units.size(); ++u) NoteOtherPersons(u);
  for (size_t u = 0; u < doc_->units.size(); ++u) Singles(u);
}

// --- what the roster says of a word ------------------------------------------------------

// Exact and genitive matches of a folded word, by person; deletion hits (the word is a
// roster name with a letter lost) count as fuzzy.
std::map<int, unsigned> RosterMatch::ExactBits(const std::string& f) const {
  std::map<int, unsigned> bits;
  const size_t length = CountCodePoints(f);
  for (const Roster::Hit& h : roster_.Find(TermKind::kGiven, f)) {
    const unsigned ordinary = h.ordinary_word ? kOrdinary : 0;
    if (h.kind == TermKind::kGiven) bits[h.person] |= kGiven | ordinary;
    if (h.kind == TermKind::kFamily) bits[h.person] |= kFamily | ordinary;
    if (h.kind == TermKind::kDeletion && length >= kMinFuzzyNameLength) bits[h.person] |= kFuzzy;
  }
  const std::string stem = StripGenitive(f);
  if (stem.empty()) return bits;
  for (const Roster::Hit& h : roster_.Find(TermKind::kGiven, stem)) {
    const unsigned ordinary = h.ordinary_word ? kOrdinary : 0;
    if (h.kind == TermKind::kGiven) bits[h.person] |= kGivenGenitive | ordinary;
    if (h.kind == TermKind::kFamily) bits[h.person] |= kFamilyGenitive | ordinary;
  }
  return bits;
}

// What the roster says of a word: exact and genitive matches, and with `fuzzy` also
// matches one letter off. Fuzzy look-ups cost a keyed hash per letter, so they are made
// only where they can count: next to a word that matches, or once a full name was seen.
const std::vector<RosterMatch::PersonHit>& RosterMatch::HitsOf(const Token& token, bool fuzzy) {
  auto [it, inserted] = (fuzzy ? fuzzy_hits_ : exact_hits_).try_emplace(token.folded);
  if (!inserted) return it->second;
  const std::string& f = token.folded;
  if (rules_.never.count(f) > 0) return it->second;
  std::map<int, unsigned> bits = ExactBits(f);
  bool exact = false;
  for (const auto& [person, b] : bits) exact |= (b & kExact) != 0;
  // OCR damage: a letter too many or one letter wrong. A word that is itself a known
  // name is another person, not damage.
  const size_t length = CountCodePoints(f);
  if (fuzzy && !exact && length >= 5 && length <= kMaxFuzzyNameLength &&
      !rules_.first_names.ContainsFolded(f) && !rules_.last_names.ContainsFolded(f)) {
    for (const std::string& d : SingleDeletions(f)) {
      for (const Roster::Hit& h : roster_.Find(TermKind::kGiven, d)) bits[h.person] |= kFuzzy;
    }
  }
  for (const auto& [person, b] : bits) {
    if ((b & (kExact | kFuzzy)) != 0) it->second.push_back({person, b});
  }
  return it->second;
}

// A capitalised word joined to token i matches the roster exactly.
bool RosterMatch::NextToAMatch(size_t u, size_t i) {
  const NameUnit& unit = doc_->units[u];
  const std::vector<Token>& toks = unit.tokens;
  auto matches = [&](size_t a, size_t b, size_t k) {
    return toks[k].cap && JoinsName(unit.GapBetween(a, b)) && !HitsOf(toks[k], false).empty();
  };
  return (i + 1 < toks.size() && matches(i, i + 1, i + 1)) || (i > 0 && matches(i - 1, i, i - 1));
}

unsigned RosterMatch::BitsFor(const Token& token, int person) {
  for (const PersonHit& h : HitsOf(token, /*fuzzy=*/true)) {
    if (h.person == person) return h.bits;
  }
  return 0;
}

int RosterMatch::RolePreference(int person) const {
  const Roster::Person& p = roster_.persons()[static_cast<size_t>(person)];
  if (p.is_protected) return 0;
  return p.role == RosterRole::kStaff ? 2 : 1;
}

// --- full names --------------------------------------------------------------------------

// «Ida Marie Berg» when the roster has Ida Berg: token j, after a given name, is a word the
// roster does not know, followed by the person's family name.
bool RosterMatch::UnknownMiddleName(size_t u, size_t j, int person,
                                    const std::vector<unsigned>& seq) {
  const NameUnit& unit = doc_->units[u];
  if (seq.empty() || (seq.back() & kGiven) == 0 || j + 1 >= unit.tokens.size()) return false;
  for (unsigned b : seq) {
    if (b & kMiddle) return false;  // one at most
  }
  return unit.tokens[j].surname_like && unit.GapBetween(j - 1, j) == " " &&
         unit.GapBetween(j, j + 1) == " " && unit.tokens[j + 1].cap && !unit.used[j + 1] &&
         (BitsFor(unit.tokens[j + 1], person) & kFamilyLike);
}

// How many words from token i name `person` in full (0 if fewer than two).
size_t RosterMatch::FullNameLength(size_t u, size_t i, int person) {
  const NameUnit& unit = doc_->units[u];
  const std::vector<Token>& toks = unit.tokens;
  std::vector<unsigned> seq;
  for (size_t j = i; j < toks.size() && seq.size() < 5; ++j) {
    if (j > i && (!toks[j].cap || unit.used[j])) break;
    unsigned b = BitsFor(toks[j], person);
    if (j > i && !JoinsName(unit.GapBetween(j - 1, j))) {
      // OCR: «Tomas. Viklund», a stray full stop between the person's own two names.
      const bool ocr_stop = unit.GapBetween(j - 1, j) == ". " && seq.size() == 1 &&
                            (seq[0] & kGiven) && (b & kFamily);
      if (!ocr_stop) break;
    }
    if (b == 0 && UnknownMiddleName(u, j, person, seq)) b = kMiddle;
    if (b == 0) break;
    seq.push_back(b);
    if ((b & (kGiven | kFamily)) == 0 && (b & (kGivenGenitive | kFamilyGenitive))) break;
  }
  while (seq.size() >= 2 && !ValidFullName(seq)) seq.pop_back();
  return seq.size() < 2 ? 0 : seq.size();
}

void RosterMatch::FullNames(size_t u) {
  NameUnit& unit = doc_->units[u];
  size_t i = 0;
  while (i < unit.tokens.size()) {
    if (!unit.tokens[i].cap || unit.used[i]) {
      ++i;
      continue;
    }
    size_t best_length = 0;
    int best_person = -1;
    const std::vector<PersonHit> starts = HitsOf(unit.tokens[i], NextToAMatch(u, i));
    for (const PersonHit& start : starts) {
      const size_t length = FullNameLength(u, i, start.person);
      if (length > best_length || (length == best_length && length > 0 &&
                                   RolePreference(start.person) < RolePreference(best_person))) {
        best_length = length;
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
    AddCandidate(u, i, i + best_length, best_person, rules_.confidence.roster_full);
    i += best_length;
  }
}

void RosterMatch::AddCandidate(size_t u, size_t first, size_t last, int person, double confidence) {
  const Roster::Person& p = roster_.persons()[static_cast<size_t>(person)];
  NameUnit& unit = doc_->units[u];
  if (p.role == RosterRole::kStaff) {  // an official: public, never reported
    doc_->official_first.insert(unit.tokens[first].folded);
    return;
  }
  for (size_t k = first; k < last; ++k) unit.name[k] = true;
  if (last - first >= 2) doc_->known_family.insert(unit.tokens[last - 1].folded);
  NameCandidate c;
  c.unit = u;
  c.first = first;
  c.last = last;
  c.rule = p.is_protected ? "protected_identity" : "name.roster";
  c.flags = FindingFlags{p.is_protected ? FindingFlag::kProtected : RoleFlag(p.role)};
  c.confidence = p.is_protected ? std::max(confidence, 0.9) : confidence;
  doc_->candidates.push_back(std::move(c));
}

// --- single words ------------------------------------------------------------------------

// Of the hits with one of the `want` bits, the person the word is taken for: staff are
// noted as official (when mentioned in full) and never chosen; protected persons first.
void RosterMatch::Pick(const std::vector<PersonHit>& hits, unsigned want, bool need_mentioned,
                       double confidence, Choice* choice) const {
  for (const PersonHit& h : hits) {
    const size_t p = static_cast<size_t>(h.person);
    if ((h.bits & want) == 0 || (need_mentioned && !mentioned_[p])) continue;
    if (roster_.persons()[p].role == RosterRole::kStaff) {
      choice->official = choice->official || need_mentioned;
      continue;
    }
    if (choice->person < 0 || RolePreference(h.person) < RolePreference(choice->person)) {
      choice->person = h.person;
      choice->bits = h.bits;
      choice->confidence = confidence;
    }
  }
}

// A first name of a person mentioned in full, else of anyone; a family name of a person
// mentioned in full; a word one letter off. `official` is set (and no person chosen) when
// the word is the first name of a staff member mentioned in full: "Eva" after "rektor Eva
// Lunde".
RosterMatch::Choice RosterMatch::ChooseSingle(const std::vector<PersonHit>& hits,
                                              size_t folded_length) const {
  const Confidence& conf = rules_.confidence;
  Choice c;
  Pick(hits, kGivenLike, true, conf.roster_first_after_full, &c);
  if (c.person >= 0 || c.official) return c;
  Pick(hits, kGivenLike, false, conf.roster_first_alone, &c);
  if (c.person >= 0) return c;
  Pick(hits, kFamilyLike, true, conf.roster_family_after_full, &c);
  if (c.official) c = Choice{};  // a family name an official shares
  if (c.person < 0 && folded_length >= 5) Pick(hits, kFuzzy, true, conf.roster_fuzzy, &c);
  c.official = false;
  return c;
}

// Whether the chosen person's single word stands as a name where it is written.
bool RosterMatch::SingleStands(size_t u, size_t i, const Choice& choice) const {
  const NameUnit& unit = doc_->units[u];
  const Token& t = unit.tokens[i];
  const bool mentioned = mentioned_[static_cast<size_t>(choice.person)];
  const bool context =
      context_.PrivateContextBefore(unit, i) || context_.RelationAfter(unit, i + 1);
  if ((choice.bits & kExact) == 0 && !mentioned) return false;
  if ((choice.bits & kOrdinary) && !mentioned && !context && (t.sentence_start || t.upper)) {
    return false;  // «Sol skinte», «LIV OG HELSE»
  }
  if ((choice.bits & (kGivenLike | kFuzzy)) == 0 && (choice.bits & kOrdinary) && t.sentence_start) {
    return false;  // «Strand» at the start of a sentence
  }
  return mentioned || !context_.OfficialTitleBefore(unit, i);
}

// The words the finding covers: «Tor-Erik», «Tor Erik» (the person's other given names
// joined to this one), or (for a protected person, who may go by another name) a family
// name the roster does not know.
size_t RosterMatch::SingleExtent(size_t u, size_t i, const Choice& choice) {
  const NameUnit& unit = doc_->units[u];
  size_t last = i + 1;
  while ((choice.bits & kGiven) && last < unit.tokens.size() && !unit.used[last] &&
         unit.tokens[last].cap && JoinsPhrase(unit.GapBetween(last - 1, last)) &&
         (BitsFor(unit.tokens[last], choice.person) & kGiven)) {
    ++last;
  }
  if ((choice.bits & kGivenLike) && last == i + 1 &&
      !mentioned_[static_cast<size_t>(choice.person)]) {
    last = ExtendWithUnknownSurname(u, i);
  }
  return last;
}

// --- another person with a roster first name ---------------------------------------------

// Token i (a first name of `person`) is followed by a capitalised family-name-like word
// that is none of the person's names, nor is the next one: «Maria Olofsson» is not Maria
// Hedlund (while «Ida Marie Berg» is Ida Berg, found in full).
bool RosterMatch::FollowedByOtherSurname(size_t u, size_t i, int person) {
  const NameUnit& unit = doc_->units[u];
  const size_t j = i + 1;
  if (j >= unit.tokens.size() || unit.used[j] || !unit.tokens[j].surname_like) {
    return false;
  }
  const std::string_view gap = unit.GapBetween(i, j);
  if (gap != " " && !(gap == "\n" && !unit.tokens[j].sentence_start)) return false;
  for (size_t k = j; k < unit.tokens.size() && k < j + 2; ++k) {
    if (k > j && (unit.GapBetween(k - 1, k) != " " || !unit.tokens[k].cap)) break;
    if (BitsFor(unit.tokens[k], person) & (kGivenLike | kFamilyLike)) return false;
  }
  return true;
}

// Token i follows a first name that is none of the person's names: «Poul Dalsgaard» is
// not the roster's Alma Dalsgaard Frandsen.
bool RosterMatch::PrecededByOtherFirstName(size_t u, size_t i, int person) {
  const NameUnit& unit = doc_->units[u];
  if (i == 0) return false;
  const Token& prev = unit.tokens[i - 1];
  const std::string_view gap = unit.GapBetween(i - 1, i);
  // OCR: «pappa Tomas. Viklund», which the list rules join when Viklund is a family name
  // the document gives in full.
  const bool ocr_stop = gap == ". " && doc_->known_family.count(unit.tokens[i].folded) > 0;
  if (gap != " " && !ocr_stop && !(gap == "\n" && !unit.tokens[i].sentence_start)) return false;
  if (!rules_.first_names.ContainsFolded(prev.folded) && !doc_->roster_first.count(prev.folded)) {
    return false;
  }
  return prev.surname_like && (BitsFor(prev, person) & (kGivenLike | kFamilyLike)) == 0;
}

// Roster first names the document gives with other family names, and every word the
// roster knows as a first name (the list rules take them for first names).
void RosterMatch::NoteOtherPersons(size_t u) {
  const NameUnit& unit = doc_->units[u];
  for (size_t i = 0; i < unit.tokens.size(); ++i) {
    const Token& t = unit.tokens[i];
    if (!t.cap || unit.used[i]) continue;
    const std::vector<PersonHit> hits = HitsOf(t, false);
    bool given = false, other = true;
    for (const PersonHit& h : hits) {
      if ((h.bits & kGiven) == 0) continue;
      given = true;
      other = other && FollowedByOtherSurname(u, i, h.person);
    }
    if (!given) continue;
    doc_->roster_first.insert(t.folded);
    if (other) others_first_.insert(t.folded);
  }
}

bool RosterMatch::HasSchoolWords() const {
  for (const NameUnit& unit : doc_->units) {
    for (const Token& t : unit.tokens) {
      if (rules_.school_words.count(t.folded)) return true;
    }
  }
  return false;
}

// Whether a single word taken for `choice` is that person rather than someone else who
// shares the name. A protected person is taken at every mention (the letter may use
// another family name); a name after another first name, and a first name followed by
// another family name, are another person's;
// a first name alone is the person after the full name, else only when no one else in the
// letter has that first name and the letter is about school (or the words beside the name
// say it is a pupil's or a relative's).
bool RosterMatch::ThePersonHere(size_t u, size_t i, const Choice& choice) {
  const Roster::Person& p = roster_.persons()[static_cast<size_t>(choice.person)];
  if (p.is_protected) return true;
  if (PrecededByOtherFirstName(u, i, choice.person)) return false;
  if ((choice.bits & kGivenLike) == 0) return true;
  if (FollowedByOtherSurname(u, i, choice.person)) return false;
  if (mentioned_[static_cast<size_t>(choice.person)]) return true;
  const NameUnit& unit = doc_->units[u];
  const std::string& f = unit.tokens[i].folded;
  const std::string stem = StripGenitive(f);
  if (others_first_.count(f) || (!stem.empty() && others_first_.count(stem))) return false;
  return school_context_ || context_.PrivateContextBefore(unit, i) ||
         context_.RelationAfter(unit, i + 1);
}

void RosterMatch::Singles(size_t u) {
  NameUnit& unit = doc_->units[u];
  for (size_t i = 0; i < unit.tokens.size(); ++i) {
    const Token& t = unit.tokens[i];
    if (!t.cap || unit.used[i]) continue;
    const std::vector<PersonHit> hits = HitsOf(t, any_mentioned_);
    if (hits.empty()) continue;
    const Choice choice = ChooseSingle(hits, CountCodePoints(t.folded));
    if (choice.person < 0) {
      if (choice.official) unit.used[i] = true;  // the official again
      continue;
    }
    if (!SingleStands(u, i, choice) || !ThePersonHere(u, i, choice)) continue;
    const size_t last = SingleExtent(u, i, choice);
    for (size_t k = i; k < last; ++k) unit.used[k] = true;
    AddCandidate(u, i, last, choice.person, choice.confidence);
  }
}

// «Mira Olsen» when the roster has a protected Mira Tangen: the whole name is the finding.
// (Anyone else's first name followed by another family name is not the roster person.)
size_t RosterMatch::ExtendWithUnknownSurname(size_t u, size_t i) {
  const NameUnit& unit = doc_->units[u];
  const size_t j = i + 1;
  if (j >= unit.tokens.size() || unit.used[j]) return i + 1;
  const Token& next = unit.tokens[j];
  if (!next.cap || unit.GapBetween(i, j) != " " || !HitsOf(next, false).empty() ||
      !next.surname_like) {
    return i + 1;
  }
  if (j + 1 < unit.tokens.size() && context_.NotNameAfter(unit, j + 1)) return i + 1;
  return j + 1;
}

}  // namespace person_names
}  // namespace skjerm
