// Internal to the contact scanner: the values its steps hand on — the letter's layout (lines,
// zones, signature blocks, printed e-mail headers), the persons' names found before, what the
// letter tells about the organisation that wrote it — and the steps that make and read them.
// Each value is made once per scan and then only read. Not a seam: only contact_*.cc include it.
#ifndef SKJERM_DETECT_CONTACTS_CONTACT_LETTER_H_
#define SKJERM_DETECT_CONTACTS_CONTACT_LETTER_H_

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "detect/contacts/contact_rules.h"
#include "detect/contacts/contact_scanner.h"
#include "detect/detector.h"
#include "normalize/char_class.h"

namespace skjerm {
namespace contact {

// Where a line stands in the letter. kOrganisationBlock: lines in the body that give a company's or
// body's contact details, opened by a line naming it with its legal form or its organisation number
// («Leverandør: Nordvik Data AS», «Org.nr.: …») and made of short field lines.
enum class Zone {
  kBody,
  kLetterhead,
  kFooter,
  kOfficialSignature,
  kPrivateSignature,
  kOrganisationBlock
};
// True for the zones whose contact data is an organisation's.
bool IsOrganisationZone(Zone zone);
// Why an item in this zone is whose it is.
PartyBasis ZoneBasis(Zone zone);

// A line of a text unit and its zone.
struct Line {
  size_t begin = 0;  // bytes of the unit text; end excludes the '\n'
  size_t end = 0;
  Zone zone = Zone::kBody;
  bool blank = false;
  int signature = -1;  // index into UnitText::signatures
};

// The lines after a closing («Med hilsen») up to the next blank line or e-mail header.
struct SignatureBlock {
  size_t closing_line = 0;
  size_t first_line = 0;  // inclusive
  size_t last_line = 0;   // inclusive
};

// A «Fra: Name <address>» line of a printed e-mail.
struct MailHeader {
  size_t unit = 0;
  size_t line = 0;
  std::string domain;  // lower-case, empty if the line has no address
  std::string local;
};

// One text unit (a page's text, an attachment's) cut into lines.
struct UnitText {
  std::string_view text;
  bool is_page = false;
  std::vector<Line> lines;
  std::vector<SignatureBlock> signatures;

  size_t LineOf(size_t pos) const;
  std::string_view LineText(size_t line) const {
    return text.substr(lines[line].begin, lines[line].end - lines[line].begin);
  }
};

// The shape of a letter: its units cut into lines with their zones and signature blocks,
// the «Fra:» lines of its printed e-mails, and whether a page opens with an organisation's
// letterhead. Made by ReadLayout; ClassifySignatures then gives the signature blocks their zone.
struct LetterLayout {
  std::vector<UnitText> units;
  std::vector<MailHeader> mail_headers;  // in text order
  bool has_letterhead = false;

  Zone ZoneAt(size_t unit, size_t pos) const {
    const UnitText& u = units[unit];
    return u.lines[u.LineOf(pos)].zone;
  }
};

// Per text unit, [begin, end) of the persons' names the name detector found before.
struct PersonNames {
  std::vector<std::vector<std::pair<size_t, size_t>>> spans;

  // True if [begin, end) of the unit overlaps one of the names.
  bool Overlap(size_t unit, size_t begin, size_t end) const {
    for (const auto& [name_begin, name_end] : spans[unit]) {
      if (name_begin < end && name_end > begin) return true;
    }
    return false;
  }
};
// The names among `earlier` (may be null), placed on the units of `text`.
PersonNames NamesFoundBefore(const DocumentText& text, const std::vector<Finding>* earlier);

// The country whose way of writing a letter follows: how an 8-digit number is read, which
// OCR misreadings of street names are undone.
enum class Country { kNorway, kDenmark, kSweden };
// Its code in contacts.toml: "no", "dk", "se".
std::string_view CountryCode(Country country);

// What the letter tells about the organisation that wrote it. Made by ReadWriterProfile.
struct WriterProfile {
  std::set<std::string> names;    // folded names of the organisations in the letter
  std::set<std::string> domains;  // lower-case domains seen as the organisation's
  Country country = Country::kNorway;
  bool mentions_organisation_numbers = false;  // «CVR», «Org.nr.» stand in the letter
};

// What a cue word before an item says.
struct PartyCue {
  bool found = false;
  Party party = Party::kPrivate;
  std::string word;  // the cue, folded (a common word, never personal data)
};

// Whose an item is, how sure, and why.
struct Ownership {
  Party party = Party::kPrivate;
  double confidence = 0.0;
  PartyBasis basis = PartyBasis::kNoCue;
  std::string cue_word;  // for PartyBasis::kCueWord
};

// A word of the text: bytes [begin, end).
struct WordSpan {
  size_t begin = 0;
  size_t end = 0;
};

// Text helpers shared by the finders (what a letter is: normalize/char_class.h).
// The code point at pos (U+FFFD past the end) and the one before pos.
char32_t CodePointAt(std::string_view s, size_t pos, size_t* length = nullptr);
char32_t CodePointBefore(std::string_view s, size_t pos, size_t* start = nullptr);
// Letters, with '.', '-', '/', '\'' inside ("Org.nr", "c/o", "A/S"), in [from, to).
std::vector<WordSpan> WordsIn(std::string_view text, size_t from, size_t to);
bool StartsUpper(std::string_view word);

// contact_layout.cc: the steps that read the letter's shape.
// The units cut into lines and their zones: each page's letterhead, footer and organisations'
// blocks, the signature blocks (their zone left for ClassifySignatures), the e-mail headers.
LetterLayout ReadLayout(const ContactRules& rules, const DocumentText& text,
                        const PersonNames& names);
// The organisations' names in the letterheads and footers, their domains, the country.
WriterProfile ReadWriterProfile(const ContactRules& rules, const LetterLayout& layout);
// The layout with the lines of each signature block in an official's or a private person's
// signature zone.
LetterLayout ClassifySignatures(const ContactRules& rules, const WriterProfile& writer,
                                LetterLayout layout);

// contact_cues.cc: words and lines that point at a person or an organisation.
bool IsOrgWord(const ContactRules& rules, std::string_view word);  // raw word of the text
bool IsPersonCue(const ContactRules& rules, std::string_view word);
PartyCue CueOf(const ContactRules& rules, std::string_view word);
bool LineHasOrgCue(const ContactRules& rules, std::string_view line);
// A line with a private person's label («Navn», «Elev») or a person's name found on it.
bool AboutAPerson(const ContactRules& rules, const PersonNames& names, size_t unit,
                  const UnitText& u, size_t line);
// Who wrote the text at pos: the sender of the e-mail it belongs to, else the organisation
// if the letter has its letterhead, else a private person.
Party WriterAt(const ContactRules& rules, const LetterLayout& layout, const WriterProfile& writer,
               size_t unit, size_t pos);

// Reads the cues around a piece of contact data in a letter: the cue word that tells whose
// it is, whether a street is named as a place, whether a line is about a person. Holds only
// const references to what it reads, which must outlive it; safe to share between threads.
class CueReader {
 public:
  CueReader(const ContactRules& rules, const LetterLayout& layout, const PersonNames& names,
            const WriterProfile& writer);

  // The cue that tells whose [begin, end) is: a word in parentheses right after it («934 56
  // 218 (mor)»), else the nearest cue word before it in its sentence. A sentence may wrap
  // onto the line before; a labelled field («Mor: …») and a recipient block's name line
  // are read too, but never a letterhead or a paragraph above a blank line.
  PartyCue NearestCue(size_t unit, size_t begin, size_t end) const;
  // «adkomst til Storgata 30 fra Bryggeveien», «Fastigheterna Granbacksvägen 9, 11 och 13»,
  // «… Storgata 32–48 og» / «Fergeveien 1»: a street named in a sentence is a place, not a
  // private person's home — unless its sentence says whose home («bor», «adresse», «hos»,
  // the address cues; «naboen», «familien», the person cues) or names someone (a name the
  // name detector found, or two capitalised words in a row that are not an organisation or
  // a street: «hos Kari Lunde i Storgata 3»). A street that opens a field («Adresse: …»,
  // «| …», «Navn, …») or a line of its own is not in running text, except where the line
  // above runs on into it (it ends in a lower-case word).
  bool IsPlaceInRunningText(size_t unit, size_t begin, size_t end, bool at_segment_start) const;
  // AboutAPerson for a line of the letter.
  bool AboutAPerson(size_t unit, size_t line) const;

 private:
  PartyCue CueWordIn(size_t unit, size_t from, size_t to, size_t item_begin, bool* named) const;

  const ContactRules& rules_;
  const LetterLayout& layout_;
  const PersonNames& names_;
  const WriterProfile& writer_;
};

// contact_email.cc: what an e-mail address's parts say, and where the addresses stand.
bool IsPublicProvider(const ContactRules& rules, std::string_view domain);
bool IsRoleMailbox(const ContactRules& rules, std::string_view local);
bool IsOrganisationDomain(const ContactRules& rules, const WriterProfile& writer,
                          std::string_view domain);
// Domains the letter itself shows as the organisation's: in its letterhead or footer, behind
// a role mailbox, or as «www.» addresses.
std::set<std::string> OrganisationDomains(const ContactRules& rules, const LetterLayout& layout);

// The steps that find contact data: each returns every item of its kind, private and
// organisational, unit by unit (the scanner sorts them all into text order).
// contact_email.cc
std::vector<ContactItem> FindEmails(const ContactRules& rules, const LetterLayout& layout,
                                    const WriterProfile& writer, const CueReader& cues);
// contact_phone.cc
std::vector<ContactItem> FindPhones(const ContactRules& rules, const LetterLayout& layout,
                                    const WriterProfile& writer, const CueReader& cues);
// contact_address.cc
std::vector<ContactItem> FindAddresses(const ContactRules& rules, const LetterLayout& layout,
                                       const WriterProfile& writer, const CueReader& cues);

}  // namespace contact
}  // namespace skjerm

#endif  // SKJERM_DETECT_CONTACTS_CONTACT_LETTER_H_
