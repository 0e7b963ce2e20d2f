// What a detector learnt about a finding beyond its category, as values the policy can
// decide by: the roles of a person (pupil, guardian, staff, protected, named in a case) and
// how a national ID was validated (FindingFlags, a set), and why a piece of contact data was
// taken for a private person's (PartyBasis, one). Words for people are made from them only
// when a report is written (report/). Value types; safe to copy and share.
#ifndef SKJERM_DETECT_FINDING_FLAGS_H_
#define SKJERM_DETECT_FINDING_FLAGS_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace skjerm {

enum class FindingFlag : uint8_t {
  // How a national ID was read and validated.
  kSynthetic,  // a synthetic (test) number: Norway's +40/+80 month, Sweden's 980-999 serial
  kDNumber,    // a D- or H-number form of another kind's number
  kRule2032,   // Norway's 2032 check digits
  kNoMod11,    // a Danish CPR number issued without the modulus 11 check
  kTemporary,  // a Finnish temporary identity code
  kReread,     // read again with OCR digit confusions undone
  // Who a person is in the letter.
  kPupil,
  kGuardian,
  kStaff,
  kProtected,  // a protected identity (sperret adresse, skyddad identitet)
  kCase,       // named in a school, health or child-welfare case
  // The applicant named as such, or the property's address, in a building, planning or
  // property matter: public by Nordic practice (DOMAIN § 7); policy.toml decides.
  kProperty,
};
inline constexpr FindingFlag kAllFindingFlags[] = {
    FindingFlag::kSynthetic, FindingFlag::kDNumber,   FindingFlag::kRule2032,
    FindingFlag::kNoMod11,   FindingFlag::kTemporary, FindingFlag::kReread,
    FindingFlag::kPupil,     FindingFlag::kGuardian,  FindingFlag::kStaff,
    FindingFlag::kProtected, FindingFlag::kCase,      FindingFlag::kProperty};

// The name in JSON and in the journal store: "synthetic", "d-number", "pupil", ...
const char* FindingFlagName(FindingFlag flag);
std::optional<FindingFlag> FindingFlagFromName(std::string_view name);

// A set of flags.
class FindingFlags {
 public:
  FindingFlags() = default;
  FindingFlags(std::initializer_list<FindingFlag> flags) {
    for (FindingFlag f : flags) Add(f);
  }
  void Add(FindingFlag flag) { bits_ |= Bit(flag); }
  bool Has(FindingFlag flag) const { return (bits_ & Bit(flag)) != 0; }
  bool empty() const { return bits_ == 0; }
  bool operator==(const FindingFlags&) const = default;

 private:
  static uint32_t Bit(FindingFlag flag) { return uint32_t{1} << static_cast<unsigned>(flag); }
  uint32_t bits_ = 0;
};

// "pupil,case": the names of the flags in the set, in the order of FindingFlag.
std::string FindingFlagsText(FindingFlags flags);

// Why a piece of contact data was given to the party it was given to.
enum class PartyBasis : uint8_t {
  kNone,  // not contact data
  kNoCue,
  kCueWord,  // a word beside it («mor:», «Adresse:»): Finding::cue_word
  kLetterhead,
  kFooter,
  kOfficialSignature,
  kPrivateSignature,
  kOrganisationBlock,
  kBody,
  kPostBox,
  kOrganisationsOwnAddress,
  kInCareOfOrganisation,
  kPlaceInRunningText,
  kPrivateAddressOfLetter,  // an address the letter gives elsewhere as private
  kRoleMailbox,
  kOrganisationDomain,
  kPublicProvider,
  kUnknownDomain,
  kServiceNumber,
  kOrganisationNumber,
  kOrganisationNumberSeries,
};

}  // namespace skjerm

#endif  // SKJERM_DETECT_FINDING_FLAGS_H_
