// Internal to the contact scanner: one document being scanned — its lines and their
// zones (letterhead, footer, signature blocks), what it tells about the organisation that
// wrote it (names, e-mail domains, phone numbers), and the finders for each kind of
// contact data. Not a seam: only contact_*.cc include it.
#ifndef SKJERM_DETECT_CONTACTS_CONTACT_DOCUMENT_H_
#define SKJERM_DETECT_CONTACTS_CONTACT_DOCUMENT_H_

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

// kOrganisationBlock: lines in the body that give a company's or body's contact details,
// opened by a line naming it with its legal form or its organisation number («Leverandør:
// Nordvik Data AS», «Org.nr.: …») and made of short field lines.
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

struct UnitText {
  const TextUnit* unit = nullptr;
  std::string_view text;
  bool is_page = false;
  std::vector<Line> lines;
  std::vector<SignatureBlock> signatures;

  size_t LineOf(size_t pos) const;
  std::string_view LineText(size_t line) const {
    return text.substr(lines[line].begin, lines[line].end - lines[line].begin);
  }
};

// What a cue word before an item says.
struct PartyCue {
  bool found = false;
  Party party = Party::kPrivate;
  std::string word;  // the cue, folded (a common word, never personal data)
};

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

// Whose an item is, how sure, and why.
struct Ownership {
  Party party = Party::kPrivate;
  double confidence = 0.0;
  PartyBasis basis = PartyBasis::kNoCue;
  std::string cue_word;  // for PartyBasis::kCueWord
};

// An e-mail address as found: [begin, end) of the page text.
struct EmailMatch {
  size_t begin = 0;
  size_t end = 0;
  std::string_view local;  // the part before '@', as written
  std::string domain;      // lower-case, OCR spaces removed
};

// A phone number before its owner is decided.
struct PhoneCandidate {
  ContactItem item;
  std::string key;        // country and national digits, for comparing number series
  bool labelled = false;  // «tlf.», «mobil» stands before it
  bool decided = false;
  bool service = false;              // a series only organisations have
  bool organisation_number = false;  // unlabelled, and passes an organisation number's check
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

class Document {
 public:
  Document(const DocumentText& text, const ContactRules& rules,
           const std::vector<Finding>* earlier);

  std::vector<ContactItem> Scan();

 private:
  // contact_layout.cc: lines, letterhead, footer, signature blocks, mail headers.
  void BuildLayout();
  void MarkLetterhead(UnitText* u);
  void MarkFooter(UnitText* u);
  bool AboutAPerson(size_t unit, size_t line) const;
  void FindSignatures(UnitText* u);
  void ClassifySignatures();
  void MarkOrganisationBlocks(UnitText* u);
  bool OpensOrganisationBlock(std::string_view line) const;
  bool IsFieldLine(std::string_view line) const;
  bool IsContactLine(std::string_view line) const;
  bool HasSeparatedContactFields(std::string_view line) const;
  bool HasContactCue(std::string_view line) const;
  bool IsOrgNameLine(std::string_view line) const;
  bool IsClosing(std::string_view line) const;
  bool EndsSignature(std::string_view line) const;
  void CollectOrgNames(std::string_view line);
  void CollectMailHeaders(size_t unit_index);
  void DecideCountry();

  // contact_cues.cc: words that point at a person or an organisation.
  bool IsOrgWord(std::string_view word) const;  // raw word of the text
  bool IsPersonCue(std::string_view word) const;
  PartyCue CueOf(std::string_view word) const;
  // True if [begin, end) overlaps a person's name the name detector found.
  bool InName(size_t unit, size_t begin, size_t end) const;
  // The nearest cue before [begin, end) in its sentence (and a parenthesised one
  // right after it).
  PartyCue NearestCue(size_t unit, size_t begin, size_t end) const;
  Zone ZoneAt(size_t unit, size_t pos) const;
  // Who wrote the text at pos: the sender of the e-mail it belongs to, else the
  // organisation if the letter has its letterhead, else a private person.
  Party WriterAt(size_t unit, size_t pos) const;
  bool LineHasOrgCue(std::string_view line) const;
  // A street at `begin` named inside a sentence, with nothing before it in the sentence
  // that points at a private person's home.
  bool IsPlaceInRunningText(size_t unit, size_t begin, size_t end, bool at_segment_start) const;

  // contact_email.cc
  void FindEmails();
  std::vector<EmailMatch> EmailsIn(size_t unit) const;
  Ownership DecideEmail(size_t unit, const EmailMatch& match) const;
  bool IsOrganisationDomain(std::string_view domain) const;
  bool IsPublicProvider(std::string_view domain) const;
  bool IsRoleMailbox(std::string_view local) const;
  void CollectOrgDomains();

  // contact_phone.cc
  void FindPhones();
  void DecidePhones(std::vector<PhoneCandidate>* candidates);
  bool IsNotPhone(size_t unit, size_t begin, size_t end, bool* labelled) const;

  // contact_address.cc
  void FindAddresses();
  bool DecideAddress(size_t unit, const AddressPart& part, bool structure_only, Ownership* d);
  std::string CorrectedStreet(size_t unit, const AddressPart& part) const;

  void Add(ContactItem item) { items_.push_back(std::move(item)); }

  const DocumentText& text_;
  const ContactRules& rules_;
  std::vector<UnitText> units_;
  // Per unit, [begin, end) of the persons' names the name detector found.
  std::vector<std::vector<std::pair<size_t, size_t>>> name_spans_;
  std::vector<MailHeader> mail_headers_;
  std::set<std::string> org_names_;    // folded names of the organisations in the letter
  std::set<std::string> org_domains_;  // lower-case domains seen as the organisation's
  std::set<std::string> org_phones_;   // digits of the organisation's numbers
  std::set<std::string> org_streets_;  // folded street lines of organisations
  bool has_letterhead_ = false;
  bool mentions_organisation_numbers_ = false;  // «CVR», «Org.nr.» stand in the letter
  std::string country_ = "no";                  // "no" or "dk": how to read 8-digit numbers
  std::vector<ContactItem> items_;
};

}  // namespace contact
}  // namespace skjerm

#endif  // SKJERM_DETECT_CONTACTS_CONTACT_DOCUMENT_H_
