// The shape of a letter as the contact scanner sees it: lines, the letterhead at the top
// of a page, the footer at its bottom, signature blocks after a closing, and the «Fra:»
// lines of printed e-mails.
#include <algorithm>

#include "base/utf8.h"
#include "detect/contacts/contact_letter.h"

namespace skjerm {
namespace contact {

PartyBasis ZoneBasis(Zone zone) {
  switch (zone) {
    case Zone::kBody:
      return PartyBasis::kBody;
    case Zone::kLetterhead:
      return PartyBasis::kLetterhead;
    case Zone::kFooter:
      return PartyBasis::kFooter;
    case Zone::kOfficialSignature:
      return PartyBasis::kOfficialSignature;
    case Zone::kPrivateSignature:
      return PartyBasis::kPrivateSignature;
    case Zone::kOrganisationBlock:
      return PartyBasis::kOrganisationBlock;
  }
  return PartyBasis::kBody;
}

bool IsOrganisationZone(Zone zone) {
  return zone == Zone::kLetterhead || zone == Zone::kFooter || zone == Zone::kOfficialSignature ||
         zone == Zone::kOrganisationBlock;
}

char32_t CodePointAt(std::string_view s, size_t pos, size_t* length) {
  if (pos >= s.size()) {
    if (length != nullptr) *length = 0;
    return 0xFFFD;
  }
  size_t n;
  const char32_t cp = DecodeUtf8(s, pos, &n);
  if (length != nullptr) *length = n;
  return cp;
}

char32_t CodePointBefore(std::string_view s, size_t pos, size_t* start) {
  if (pos == 0 || pos > s.size()) {
    if (start != nullptr) *start = pos;
    return 0xFFFD;
  }
  size_t p = pos - 1;
  while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
  if (start != nullptr) *start = p;
  return CodePointAt(s, p);
}

std::vector<WordSpan> WordsIn(std::string_view text, size_t from, size_t to) {
  std::vector<WordSpan> words;
  size_t i = from;
  while (i < to) {
    size_t n;
    const char32_t cp = CodePointAt(text, i, &n);
    if (!IsLetter(cp)) {
      i += std::max<size_t>(n, 1);
      continue;
    }
    WordSpan w;
    w.begin = i;
    i += n;
    while (i < to) {
      const char32_t c = CodePointAt(text, i, &n);
      if (IsLetter(c)) {
        i += n;
        continue;
      }
      // Inner punctuation joins letters: "Org.nr", "c/o", "A/S", "e-post".
      if ((c == '.' || c == '-' || c == '/' || c == '\'') && i + 1 < to &&
          IsLetter(CodePointAt(text, i + 1))) {
        i += 1;
        continue;
      }
      break;
    }
    w.end = i;
    words.push_back(w);
  }
  return words;
}

bool StartsUpper(std::string_view word) { return IsUpperCase(CodePointAt(word, 0)); }

size_t UnitText::LineOf(size_t pos) const {
  auto it = std::upper_bound(lines.begin(), lines.end(), pos,
                             [](size_t p, const Line& l) { return p < l.begin; });
  if (it == lines.begin()) return 0;
  return static_cast<size_t>(it - lines.begin()) - 1;
}

namespace {

int LetterCount(std::string_view line) {
  int letters = 0;
  for (size_t i = 0; i < line.size();) {
    size_t n;
    if (IsLetter(CodePointAt(line, i, &n))) ++letters;
    i += std::max<size_t>(n, 1);
  }
  return letters;
}

int DigitCount(std::string_view line) {
  return static_cast<int>(std::count_if(line.begin(), line.end(), IsAsciiDigit));
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// «… grunnskolene. Tilbudet …»: a full stop, a space and a capital. «tlf. 57 67 31 00» and
// «Org.nr. 938 …» are abbreviations before a number, not sentence ends.
bool HasSentenceBreak(std::string_view line) {
  for (size_t p = line.find(". "); p != std::string_view::npos; p = line.find(". ", p + 1)) {
    if (IsUpperCase(CodePointAt(line, p + 2))) return true;
  }
  return false;
}

// The fields of a line split at the separators a letterhead puts between them, as printed
// («·», «•», «|») and as OCR reads them («-», «+», «*», «:» with a space on each side).
std::vector<std::string_view> SeparatedFields(std::string_view line) {
  static const std::string_view kSeparators[] = {
      " \xC2\xB7 ", " \xE2\x80\xA2 ", " | ", " - ", " + ", " * ", " : "};
  std::vector<std::string_view> fields;
  size_t start = 0;
  for (size_t p = 0; p < line.size(); ++p) {
    for (std::string_view sep : kSeparators) {
      if (line.substr(p, sep.size()) != sep) continue;
      fields.push_back(line.substr(start, p - start));
      start = p + sep.size();
      p = start - 1;
      break;
    }
  }
  fields.push_back(line.substr(start));
  return fields;
}

bool StartsWithPhrase(std::string_view folded, std::string_view phrase) {
  if (folded.substr(0, phrase.size()) != phrase) return false;
  return folded.size() == phrase.size() || !IsLetter(CodePointAt(folded, phrase.size()));
}

// A line naming an organisation: «Sørbygda kommune – Sørbygda skole», «Granåsskolan»,
// «Statsforvalteren i Nordland», «Nordbygg AS». A sentence that only mentions «skolen»
// («Skolen ringer mor …», at the top of page 2) is not one.
bool IsOrgNameLine(const ContactRules& rules, std::string_view line) {
  const std::string_view trimmed = Trim(line);
  const std::vector<WordSpan> words = WordsIn(line, 0, line.size());
  if (words.empty() || words.size() > 12 || trimmed.empty()) return false;
  const char last = trimmed.back();  // OCR may add a stray full stop to a short name
  if ((last == '.' || last == '?' || last == '!') && words.size() > 5) return false;
  auto word = [&](size_t k) { return line.substr(words[k].begin, words[k].end - words[k].begin); };
  for (size_t k = 0; k < words.size(); ++k) {
    if (IsPersonCue(rules, word(k))) return false;
  }
  for (size_t k = 0; k < words.size(); ++k) {
    if (!IsOrgWord(rules, word(k))) continue;
    if (rules.legal_forms.count(std::string(word(k))) > 0) return true;
    // A proper name: a capitalised word before it, a name compounded into it, or
    // «i Nordland» after it.
    const std::string key = WordSet::Key(word(k));
    const bool compound = StartsUpper(word(k)) && !rules.org_name_words.Contains(key) &&
                          !rules.official_roles.Contains(key) && key.size() > 8;
    const bool named_before =
        k > 0 && StartsUpper(word(k - 1)) && words[k].begin - words[k - 1].end <= 2;
    const bool named_after = k + 2 < words.size() && StartsUpper(word(k + 2)) &&
                             (word(k + 1) == "i" || word(k + 1) == "för" || word(k + 1) == "for");
    if (compound || named_before || named_after) return true;
  }
  return false;
}

// «Skolegade 12, 8881 Nørreby - 87 52 33 00», «Rådhustorvet 1 + 87 52 10 00 + vej.dk»: two
// or more fields, each with a number, an e-mail or web address or a contact cue — a
// letterhead's contact line whose «·» OCR has read as another mark.
bool HasSeparatedContactFields(const ContactRules& rules, std::string_view line) {
  const std::vector<std::string_view> fields = SeparatedFields(line);
  if (fields.size() < 2) return false;
  int contact_fields = 0;
  for (std::string_view field : fields) {
    bool contact = DigitCount(field) >= 2 || field.find('@') != std::string_view::npos ||
                   field.find("www.") != std::string_view::npos;
    for (const WordSpan& w : WordsIn(field, 0, field.size())) {
      const std::string key = WordSet::Key(field.substr(w.begin, w.end - w.begin));
      contact = contact || rules.contact_cues.Contains(key) || rules.phone_labels.Contains(key);
    }
    if (contact) ++contact_fields;
  }
  return contact_fields >= 2;
}

// A line of an organisation's contact block: separators between fields, an e-mail or
// web address, a cue such as «Org.nr.», a post box or a phone-length run of digits.
bool IsContactLine(const ContactRules& rules, std::string_view line) {
  // Lines about persons are never an organisation's contact block: an e-mail header
  // («Til: Kari <kari@…>»), a copy line, a line naming a parent.
  const std::vector<WordSpan> all = WordsIn(line, 0, line.size());
  if (!all.empty() && all[0].end < line.size() && line[all[0].end] == ':' &&
      rules.signature_end_words.Contains(
          WordSet::Key(line.substr(all[0].begin, all[0].end - all[0].begin)))) {
    return false;
  }
  for (const WordSpan& w : all) {
    if (IsPersonCue(rules, line.substr(w.begin, w.end - w.begin))) return false;
  }
  if (line.find('@') != std::string_view::npos || line.find("www.") != std::string_view::npos ||
      line.find("\xC2\xB7") != std::string_view::npos ||      // ·
      line.find("\xE2\x80\xA2") != std::string_view::npos ||  // •
      line.find(" | ") != std::string_view::npos) {
    return true;
  }
  if (HasSeparatedContactFields(rules, line)) return true;
  const std::vector<WordSpan> words = WordsIn(line, 0, line.size());
  // A short labelled number («Telefon 55 36 20 00»), not a sentence with a number in it.
  const bool phone_digits = DigitCount(line) >= 8 && words.size() <= 8 && !HasSentenceBreak(line);
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string key =
        WordSet::Key(line.substr(words[k].begin, words[k].end - words[k].begin));
    if (rules.contact_cues.Contains(key)) return true;
    if (phone_digits && rules.phone_labels.Contains(key)) return true;
    if (rules.post_box_words.Contains(key)) {
      size_t p = words[k].end;
      while (p < line.size() && (line[p] == ' ' || line[p] == '.')) ++p;
      if (p < line.size() && IsAsciiDigit(line[p])) return true;
    }
  }
  return false;
}

bool HasContactCue(const ContactRules& rules, std::string_view line) {
  if (line.find("www.") != std::string_view::npos) return true;
  for (const WordSpan& w : WordsIn(line, 0, line.size())) {
    if (rules.contact_cues.Contains(WordSet::Key(line.substr(w.begin, w.end - w.begin)))) {
      return true;
    }
  }
  return false;
}

// A line made only of an address: «Skolevegen 4», «2340 Sørbygda», «Box 204».
bool IsBareAddressLine(std::string_view line) {
  line = Trim(line);
  if (line.empty() || line.find(':') != std::string_view::npos) return false;
  const std::vector<WordSpan> words = WordsIn(line, 0, line.size());
  if (words.empty() || words.size() > 5) return false;
  const int digits = DigitCount(line);
  return digits >= 1 && digits <= 6 && (IsAsciiDigit(line[0]) || StartsUpper(line));
}

// «Norrbacka kommun – Samhällsbyggnadsförvaltningen, Gata» / «och park»: the rest of a
// name that wrapped — a few words in lower case, without digits. A capitalised line is
// never taken for one: it may be the recipient's name.
bool ContinuesName(std::string_view line) {
  const std::string_view trimmed = Trim(line);
  const std::vector<WordSpan> words = WordsIn(trimmed, 0, trimmed.size());
  return !words.empty() && words.size() <= 4 && DigitCount(trimmed) == 0 &&
         trimmed.find(':') == std::string_view::npos &&
         !StartsUpper(trimmed.substr(words[0].begin));
}

bool IsClosing(const ContactRules& rules, std::string_view line) {
  std::string folded = FoldForMatching(Trim(line));
  while (!folded.empty() &&
         (folded.back() == ',' || folded.back() == '.' || folded.back() == '!')) {
    folded.pop_back();
  }
  for (const std::string& closing : rules.closings) {
    if (folded == closing) return true;
    // «Hilsen Bjørn», «Med vennlig hilsen Kari Hansen»: a closing and a short name.
    if (StartsWithPhrase(folded, closing) && folded.size() > closing.size() &&
        folded[closing.size()] == ' ') {
      const std::string_view rest = std::string_view(folded).substr(closing.size());
      if (WordsIn(rest, 0, rest.size()).size() <= 4 &&
          rest.find_first_of(".:;?") == std::string_view::npos) {
        return true;
      }
    }
  }
  return false;
}

bool EndsSignature(const ContactRules& rules, std::string_view line) {
  line = Trim(line);
  if (line.substr(0, 3) == "---" || line.substr(0, 3) == "___") return true;
  const std::string folded = FoldForMatching(line);
  for (const std::string& separator : rules.mail_separators) {
    if (folded.find(separator) != std::string::npos) return true;
  }
  const std::vector<WordSpan> words = WordsIn(line, 0, line.size());
  if (words.empty()) return false;
  const std::string first =
      WordSet::Key(line.substr(words[0].begin, words[0].end - words[0].begin));
  if (rules.signature_end_words.Contains(first)) return true;
  const bool labelled = words[0].end < line.size() && line[words[0].end] == ':';
  return labelled && rules.mail_from_labels.Contains(first);
}

// Marks the letterhead at the top of a page: an organisation's name and its contact lines
// after it. Returns true if the page has one.
bool MarkLetterhead(const ContactRules& rules, const PersonNames& names, size_t unit, UnitText* u) {
  // OCR may read the edge of a scan or a logo as a few lines of specks above the name.
  size_t i = 0;
  while (i < u->lines.size() && i < 12 && LetterCount(u->LineText(i)) < 3) ++i;
  if (i >= u->lines.size() || !IsOrgNameLine(rules, u->LineText(i))) return false;
  // An organisation's name opens the page: its contact lines follow it.
  u->lines[i].zone = Zone::kLetterhead;
  bool name_only = true;  // the lines so far only name the organisation
  size_t j = i + 1;
  while (j < u->lines.size() && !AboutAPerson(rules, names, unit, *u, j)) {
    if (u->lines[j].blank) {
      // One blank line may separate the name (on one line or wrapped onto two) from its
      // contact lines.
      if (!name_only || j + 1 >= u->lines.size() || !IsContactLine(rules, u->LineText(j + 1)) ||
          AboutAPerson(rules, names, unit, *u, j + 1)) {
        break;
      }
      ++j;
      continue;
    }
    const std::string_view line = u->LineText(j);
    const bool contact = IsContactLine(rules, line);
    const bool name =
        !contact && (IsOrgNameLine(rules, line) || (name_only && ContinuesName(line)));
    if (!contact && !name && !IsBareAddressLine(line)) break;
    name_only = name_only && name;
    u->lines[j].zone = Zone::kLetterhead;
    ++j;
  }
  return true;
}

// «2», «Side 2 av 3», «1/12» — not a line with a phone number on it.
bool IsPageNumber(const ContactRules& rules, std::string_view line) {
  const std::vector<WordSpan> words = WordsIn(line, 0, line.size());
  const int digits = DigitCount(line);
  if (digits == 0 || digits > 4 || words.size() > 3) return false;
  for (const WordSpan& w : words) {
    const std::string key = WordSet::Key(line.substr(w.begin, w.end - w.begin));
    if (!rules.page_number_words.Contains(key) && key != "av" && key != "af" && key != "of" &&
        key != "ut") {
      return false;
    }
  }
  return true;
}

// The last lines of a page when they are the organisation's contact lines.
void MarkFooter(const ContactRules& rules, const PersonNames& names, size_t unit, UnitText* u) {
  if (u->lines.empty()) return;
  size_t k = u->lines.size();
  while (k > 0 && (u->lines[k - 1].blank || IsPageNumber(rules, u->LineText(k - 1)))) --k;
  const size_t last = k;
  bool has_cue = false;
  while (k > 0 && !u->lines[k - 1].blank && u->lines[k - 1].zone == Zone::kBody) {
    const std::string_view line = u->LineText(k - 1);
    if (!IsContactLine(rules, line) && !IsOrgNameLine(rules, line)) break;
    // A table of persons can end a page: «Navn | Adresse», «Ola Hansen | Storgata 4».
    if (AboutAPerson(rules, names, unit, *u, k - 1)) break;
    if (HasContactCue(rules, line)) has_cue = true;
    --k;
  }
  if (!has_cue || k == last) return;
  for (size_t i = k; i < last; ++i) u->lines[i].zone = Zone::kFooter;
}

void FindSignatures(const ContactRules& rules, UnitText* u) {
  for (size_t i = 0; i < u->lines.size(); ++i) {
    if (u->lines[i].blank || !IsClosing(rules, u->LineText(i))) continue;
    SignatureBlock block;
    block.closing_line = i;
    size_t j = i + 1;
    for (int blanks = 0; j < u->lines.size() && u->lines[j].blank && blanks < 2; ++blanks) ++j;
    block.first_line = j;
    size_t end = j;
    while (end < u->lines.size() && end < j + 6 && !u->lines[end].blank &&
           !EndsSignature(rules, u->LineText(end))) {
      ++end;
    }
    if (end == j) continue;
    block.last_line = end - 1;
    const int index = static_cast<int>(u->signatures.size());
    for (size_t l = block.first_line; l <= block.last_line; ++l) {
      if (u->lines[l].signature < 0) u->lines[l].signature = index;
    }
    u->signatures.push_back(block);
    i = block.last_line;
  }
}
// «Leverandør: Nordvik Data AS», «Hansen & Søn Facility A/S, CVR 37684120», «Org.nr.:
// 915 234 567»: a short line that names a company by its legal form or gives an
// organisation number. Never a sentence, never a line about a private person or the
// employer of one («Arbeidsgiver: Nordvik AS»).
bool OpensOrganisationBlock(const ContactRules& rules, std::string_view line) {
  const std::vector<WordSpan> words = WordsIn(line, 0, line.size());
  if (words.empty() || words.size() > 10 || HasSentenceBreak(line)) return false;
  bool opens = false;
  for (const WordSpan& w : words) {
    const std::string_view word = line.substr(w.begin, w.end - w.begin);
    const std::string key = WordSet::Key(word);
    if (IsPersonCue(rules, word) || rules.private_labels.Contains(key) ||
        rules.affiliation_labels.Contains(key)) {
      return false;
    }
    opens = opens || rules.legal_forms.count(std::string(word)) > 0 ||
            rules.organisation_number_cues.Contains(key);
  }
  return opens;
}

// A line of a contact block: a labelled field («Telefon: …», «Kontaktperson: …»), a
// contact line, an address line or an e-mail address; not a sentence.
bool IsFieldLine(const ContactRules& rules, std::string_view line) {
  const std::vector<WordSpan> words = WordsIn(line, 0, line.size());
  if (words.empty() || words.size() > 14 || HasSentenceBreak(line)) return false;
  const size_t colon = line.find(':');
  const bool labelled = colon != std::string_view::npos && WordsIn(line, 0, colon).size() <= 3 &&
                        colon > words[0].begin;
  return labelled || IsContactLine(rules, line) || IsBareAddressLine(line) ||
         line.find('@') != std::string_view::npos;
}

// A company's or public body's contact block in the body of a letter: the line that opens
// it and the field lines after it, up to a blank line. «Leverandør: Nordvik Data AS /
// Org.nr.: … / Adresse: … / Telefon: … / E-post: …» is the supplier's, not a private
// person's. The block never reaches back before its opening line, so a private person's
// fields above a company's stay private.
void MarkOrganisationBlocks(const ContactRules& rules, const PersonNames& names, size_t unit,
                            UnitText* u) {
  for (size_t l = 0; l < u->lines.size(); ++l) {
    if (u->lines[l].blank || u->lines[l].zone != Zone::kBody ||
        !OpensOrganisationBlock(rules, u->LineText(l))) {
      continue;
    }
    u->lines[l].zone = Zone::kOrganisationBlock;
    while (l + 1 < u->lines.size() && !u->lines[l + 1].blank &&
           u->lines[l + 1].zone == Zone::kBody && IsFieldLine(rules, u->LineText(l + 1)) &&
           // A private person's line ends the block («Mor: …», «Tiltakshaver: Eirik
           // Solberg»): the fields after it are theirs.
           !AboutAPerson(rules, names, unit, *u, l + 1)) {
      u->lines[++l].zone = Zone::kOrganisationBlock;
    }
  }
}

// «Fra: Nina Solheim <nina.solheim@eikelund.kommune.no>»: the label opens the line, or follows
// a separator glued to it in the text layer («-----Opprinnelig melding----Fra: …»).
bool IsMailHeaderLine(const ContactRules& rules, std::string_view line) {
  const std::vector<WordSpan> words = WordsIn(line, 0, line.size());
  for (size_t k = 0; k < words.size() && k < 4; ++k) {
    if (words[k].end >= line.size() || line[words[k].end] != ':') continue;
    const std::string key =
        WordSet::Key(line.substr(words[k].begin, words[k].end - words[k].begin));
    if (!rules.mail_from_labels.Contains(key)) continue;
    const std::string before = FoldForMatching(line.substr(0, words[k].begin));
    bool separator = Trim(before).find_first_not_of('-') == std::string_view::npos;
    for (const std::string& s : rules.mail_separators) {
      separator = separator || before.find(s) != std::string::npos;
    }
    return separator;
  }
  return false;
}

// The «Fra:» lines of a unit: who wrote the message below each.
std::vector<MailHeader> MailHeadersOf(const ContactRules& rules, size_t unit_index,
                                      const UnitText& u) {
  std::vector<MailHeader> headers;
  for (size_t l = 0; l < u.lines.size(); ++l) {
    const std::string_view line = u.LineText(l);
    if (!IsMailHeaderLine(rules, line)) continue;
    MailHeader header;
    header.unit = unit_index;
    header.line = l;
    re2::StringPiece local, domain;
    if (RE2::PartialMatch(line, *rules.email_re, &local, &domain)) {
      header.local = ToLowerUtf8(std::string_view(local));
      header.domain = ToLowerUtf8(std::string_view(domain));
      header.domain.erase(std::remove(header.domain.begin(), header.domain.end(), ' '),
                          header.domain.end());
    }
    headers.push_back(std::move(header));
  }
  return headers;
}

// «Sørbygda kommune», «Lövåsa kommun», «Havreby Kommune»: the name before the word for the
// organisation, so that «lovasa.se» can be recognised as the municipality's domain. Adds
// the folded names of `line` to *names.
void AddOrgNames(const ContactRules& rules, std::string_view line, std::set<std::string>* names) {
  const std::vector<WordSpan> words = WordsIn(line, 0, line.size());
  for (size_t k = 1; k < words.size(); ++k) {
    const std::string key =
        WordSet::Key(line.substr(words[k].begin, words[k].end - words[k].begin));
    if (!rules.org_name_words.Contains(key)) continue;
    if (words[k].begin - words[k - 1].end > 2) continue;
    const std::string_view name =
        line.substr(words[k - 1].begin, words[k - 1].end - words[k - 1].begin);
    const std::string name_key = WordSet::Key(name);
    if (!StartsUpper(name) || name_key.size() < 3 || rules.not_names.Contains(name_key) ||
        IsOrgWord(rules, name)) {
      continue;
    }
    names->insert(name_key);
  }
}

// The country of the letter by the words it uses, and whether it cites organisation numbers:
// one pass over its words sets writer->country and writer->mentions_organisation_numbers.
void ReadCountry(const ContactRules& rules, const LetterLayout& layout, WriterProfile* writer) {
  const PhoneCountry* no = rules.PhoneCountryByCode("no");
  const PhoneCountry* dk = rules.PhoneCountryByCode("dk");
  const PhoneCountry* se = rules.PhoneCountryByCode("se");
  int score_no = 0, score_dk = 0, score_se = 0;
  for (const UnitText& u : layout.units) {
    for (const WordSpan& w : WordsIn(u.text, 0, u.text.size())) {
      const std::string key = WordSet::Key(u.text.substr(w.begin, w.end - w.begin));
      if (no != nullptr && no->country_words.Contains(key)) ++score_no;
      if (dk != nullptr && dk->country_words.Contains(key)) ++score_dk;
      if (se != nullptr && se->country_words.Contains(key)) ++score_se;
      if (rules.organisation_number_cues.Contains(key)) {
        writer->mentions_organisation_numbers = true;
      }
    }
  }
  if (score_se > score_no && score_se > score_dk) {
    writer->country = Country::kSweden;
  } else if (score_dk > score_no) {
    writer->country = Country::kDenmark;
  } else {
    writer->country = Country::kNorway;
  }
}

// A unit cut into lines, every line in the body.
UnitText LinesOf(const TextUnit& unit) {
  UnitText u;
  u.text = unit.view.text();
  u.is_page = unit.location.is_page_text();
  size_t begin = 0;
  while (begin <= u.text.size()) {
    size_t end = u.text.find('\n', begin);
    if (end == std::string_view::npos) end = u.text.size();
    Line line;
    line.begin = begin;
    line.end = end;
    line.blank = LetterCount(u.text.substr(begin, end - begin)) == 0 &&
                 DigitCount(u.text.substr(begin, end - begin)) == 0;
    u.lines.push_back(line);
    begin = end + 1;
  }
  return u;
}

// An official signed the block when it names a role or an organisation, or when the
// e-mail it closes came from the organisation; a letter on the organisation's letterhead
// is signed by an official unless it is a printed e-mail from someone else.
bool IsOfficialSignature(const ContactRules& rules, const WriterProfile& writer,
                         const LetterLayout& layout, size_t unit, const SignatureBlock& block) {
  const UnitText& u = layout.units[unit];
  for (size_t l = block.first_line; l <= block.last_line; ++l) {
    const std::string_view line = u.LineText(l);
    if (LineHasOrgCue(rules, line)) return true;
    re2::StringPiece local, domain;
    if (RE2::PartialMatch(line, *rules.email_re, &local, &domain) &&
        (IsRoleMailbox(rules, std::string_view(local)) ||
         IsOrganisationDomain(rules, writer, ToLowerUtf8(std::string_view(domain))))) {
      return true;
    }
  }
  return WriterAt(rules, layout, writer, unit, u.lines[block.closing_line].begin) ==
         Party::kOrganisation;
}

}  // namespace

std::string_view CountryCode(Country country) {
  switch (country) {
    case Country::kNorway:
      return "no";
    case Country::kDenmark:
      return "dk";
    case Country::kSweden:
      return "se";
  }
  return "no";
}

PersonNames NamesFoundBefore(const DocumentText& text, const std::vector<Finding>* earlier) {
  PersonNames names;
  names.spans.resize(text.units.size());
  if (earlier == nullptr) return names;
  for (const Finding& f : *earlier) {
    if (f.category != Category::kPersonName) continue;
    for (size_t u = 0; u < text.units.size(); ++u) {
      if (text.units[u].location == f.location) {
        names.spans[u].push_back({f.view_begin, f.view_end});
      }
    }
  }
  return names;
}

LetterLayout ReadLayout(const ContactRules& rules, const DocumentText& text,
                        const PersonNames& names) {
  LetterLayout layout;
  layout.units.reserve(text.units.size());
  for (size_t i = 0; i < text.units.size(); ++i) {
    UnitText u = LinesOf(text.units[i]);
    if (u.is_page) {
      if (MarkLetterhead(rules, names, i, &u)) layout.has_letterhead = true;
      MarkFooter(rules, names, i, &u);
      MarkOrganisationBlocks(rules, names, i, &u);
    }
    FindSignatures(rules, &u);
    for (MailHeader& header : MailHeadersOf(rules, i, u)) {
      layout.mail_headers.push_back(std::move(header));
    }
    layout.units.push_back(std::move(u));
  }
  return layout;
}

WriterProfile ReadWriterProfile(const ContactRules& rules, const LetterLayout& layout) {
  WriterProfile writer;
  for (const UnitText& u : layout.units) {
    for (size_t l = 0; l < u.lines.size(); ++l) {
      if (u.lines[l].zone == Zone::kLetterhead || u.lines[l].zone == Zone::kFooter) {
        AddOrgNames(rules, u.LineText(l), &writer.names);
      }
    }
  }
  ReadCountry(rules, layout, &writer);
  writer.domains = OrganisationDomains(rules, layout);
  return writer;
}

LetterLayout ClassifySignatures(const ContactRules& rules, const WriterProfile& writer,
                                LetterLayout layout) {
  for (size_t ui = 0; ui < layout.units.size(); ++ui) {
    for (const SignatureBlock& block : layout.units[ui].signatures) {
      const Zone zone = IsOfficialSignature(rules, writer, layout, ui, block)
                            ? Zone::kOfficialSignature
                            : Zone::kPrivateSignature;
      UnitText& u = layout.units[ui];
      for (size_t l = block.first_line; l <= block.last_line; ++l) {
        if (u.lines[l].zone == Zone::kBody) u.lines[l].zone = zone;
      }
    }
  }
  return layout;
}

}  // namespace contact
}  // namespace skjerm
