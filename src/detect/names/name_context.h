// The words around a run of capitalised words that say whose name it is: a private
// person's («Elev: Sindre», «Hei Kari», «Louise Mikkelsen (mor)», beside a national ID, an
// addressee above a street address), an official's («rektor Eva Lunde», «Eva Lunde,
// rektor», a signed block with a title, an organisation's e-mail address), or no person's
// at all («Kari Bakkens vei», «Sørbygda skole»). Runs are tokens [first, last) of a unit.
#ifndef SKJERM_DETECT_NAMES_NAME_CONTEXT_H_
#define SKJERM_DETECT_NAMES_NAME_CONTEXT_H_

#include <string>
#include <string_view>

#include "detect/names/name_document.h"
#include "detect/names/name_rules.h"

namespace skjerm {
namespace person_names {

class Context {
 public:
  explicit Context(const Rules& rules) : rules_(rules) {}

  // --- a private person ---
  // «Elev: Kari», «eleven Kari», and a greeting that opens a line: «Hei Kari,».
  bool PrivateContextBefore(const NameUnit& unit, size_t i) const;
  // A label that names a person («Elev:», «min kone»), not a matter («Gjelder:»).
  bool PersonLabelBefore(const NameUnit& unit, size_t i) const;
  // A pupil's class right after the name: «, åk 6», «(8. trinn)», «klasse 4», and with two
  // words or a listed first name a bare «7B» (not above a postcode: «Øvre Lia 2B»).
  bool ClassAfter(const NameUnit& unit, size_t first, size_t last, bool listed) const;
  // «(mor)», «, far» right after the name.
  bool RelationAfter(const NameUnit& unit, size_t last) const;
  // A national ID or birth date after the name on its line, with only «, født», «(CPR»
  // and the like between.
  bool BesideAnchor(const NameUnit& unit, size_t last) const;
  // A private provider's e-mail address after the name on its line.
  bool PrivateEmailAfter(const NameUnit& unit, size_t last) const;
  // An addressee: the name alone on its line, a street address on the next.
  bool AddresseeLine(const NameUnit& unit, size_t first, size_t last) const;
  // «Sara Lunde og Tiril»: token i joined by «og» to a name just found.
  bool CoordinatedWithName(const NameUnit& unit, size_t i) const;
  // «Liv, Konrad og Storm»: token i in an enumeration with a first name found alone.
  bool EnumeratedWithFirstName(const NameUnit& unit, size_t i) const;

  // --- an official ---
  // A title, an official's label, an organisation's e-mail address or a signed block with a
  // title or an organisation beside the name.
  bool IsOfficial(const NameUnit& unit, size_t first, size_t last) const;
  // Only a title beside the name: strong enough to take the same full name elsewhere in the
  // document for the official too («Kopi: Kari Lunde» is not: copies go to parents).
  bool OfficialByTitle(const NameUnit& unit, size_t first, size_t last) const;
  // «rektor Eva Lunde», «Saksbehandler: Eva Lunde», «Kopi: kontaktlærer Lise Moen».
  bool OfficialTitleBefore(const NameUnit& unit, size_t i) const;

  // --- no person ---
  // The word at k (after a name) makes the name a street's or an organisation's.
  bool NotNameAfter(const NameUnit& unit, size_t k) const;

  // After a name run: the end of a table cell or a line, a comma, a bracket, an address.
  bool NameShapedEnd(const NameUnit& unit, size_t last) const;

 private:
  std::string PhraseBefore(const NameUnit& unit, size_t i, size_t n) const;
  std::string PhraseOfSetBefore(const NameUnit& unit, size_t i, const PhraseSet& set) const;
  bool StartsLine(const NameUnit& unit, size_t k) const;
  std::string_view TextAfter(const NameUnit& unit, size_t last) const;
  std::string_view LineBelow(const NameUnit& unit, size_t last, int n) const;
  bool IsPostcodeLine(std::string_view line) const;
  bool PostcodeLineBelow(const NameUnit& unit, size_t last) const;
  bool AddressBlockBelow(const NameUnit& unit, size_t last) const;
  bool PhraseDirectlyBefore(const NameUnit& unit, size_t i, const PhraseSet& set) const;
  std::string EmailDomainAfter(const NameUnit& unit, size_t last, bool* bracketed) const;
  bool TitleBefore(const NameUnit& unit, size_t i) const;
  bool TitleSubjectBefore(const NameUnit& unit, size_t i, bool labels_too) const;
  bool TitleAfter(const NameUnit& unit, size_t last) const;
  bool OfficialAfter(const NameUnit& unit, size_t last) const;
  bool TitleInApposition(const NameUnit& unit, size_t last) const;
  bool PositionLineBelow(const NameUnit& unit, size_t last) const;
  bool PartyAfter(const NameUnit& unit, size_t last) const;
  bool Politician(const NameUnit& unit, size_t first, size_t last) const;
  bool ClosingAbove(const NameUnit& unit, size_t first) const;
  bool InSignedBlockWithTitle(const NameUnit& unit, size_t first, size_t last,
                              bool organisation_too) const;
  bool StreetLineBelow(const NameUnit& unit, size_t last) const;

  const Rules& rules_;
};

}  // namespace person_names
}  // namespace skjerm

#endif  // SKJERM_DETECT_NAMES_NAME_CONTEXT_H_
