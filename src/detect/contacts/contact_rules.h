// The rules of patterns/contacts.toml in the form the contact detectors (addresses,
// phones, e-mails) use them: word lists folded for matching, postcode patterns compiled,
// phone formats per country. Built once at start-up, then shared read-only by threads.
#ifndef SKJERM_DETECT_CONTACTS_CONTACT_RULES_H_
#define SKJERM_DETECT_CONTACTS_CONTACT_RULES_H_

#include <re2/re2.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/string_set.h"
#include "normalize/word_endings.h"

namespace skjerm {

// Words compared the way people write them: case and accents dropped ("Vårdnadshavare"
// == "vardnadshavare"), and '.', ':', '-' and '/' ignored ("Org.nr." == "orgnr").
class WordSet {
 public:
  WordSet() = default;
  explicit WordSet(const std::vector<std::string>& words);

  // The form words are compared in; apply it to text before asking.
  static std::string Key(std::string_view word);

  bool Contains(std::string_view key) const { return words_.contains(key); }
  // True if key is one of the words or ends with one ("ungdomsskole" ends with "skole");
  // an ending shorter than min_ending bytes counts only as the whole word.
  bool HasEnding(std::string_view key, size_t min_ending = 1) const;
  bool empty() const { return words_.empty(); }

 private:
  StringSet words_;
};

// One country's way of writing phone numbers.
struct PhoneCountry {
  std::string rule;          // "phone.no"
  std::string country;       // "no"
  std::string calling_code;  // "47"
  std::string trunk_prefix;  // "0" in Sweden, empty where there is none
  int min_digits = 8;        // national number, trunk prefix included
  int max_digits = 8;
  std::string first_digits;  // digits a national number may start with (after the trunk)
  // Digit counts of the groups as written nationally ("2 2 2 2" -> {2,2,2,2}).
  std::vector<std::vector<int>> groupings;
  // Countries with area codes (Sweden): the first group is the area code with the trunk
  // prefix, between these lengths, followed by the subscriber's number in one of
  // subscriber_groupings.
  int area_code_min = 0;
  int area_code_max = 0;
  std::vector<std::vector<int>> subscriber_groupings;
  std::vector<std::string> contiguous_prefixes;
  WordSet country_words;  // words that make an 8-digit number this country's
  // National numbers starting so are organisations' service numbers («70 20 31 40»).
  std::vector<std::string> service_prefixes;
  // Weights of the check of the country's organisation numbers when they have a phone
  // number's length (Danish CVR); empty where they do not.
  std::vector<int> organisation_number_weights;
};

struct PostcodeFormat {
  std::string country;
  std::string pattern;  // RE2 for the code alone
};

class ContactRules {
 public:
  // Loads and compiles the rule file, and the inflection endings beside it
  // (word_endings.toml). Throws std::runtime_error with the file name (never any letter's
  // text) if a file is missing or malformed.
  static std::shared_ptr<const ContactRules> FromFile(const std::string& toml_path);
  // The same from text, with the endings given.
  static std::shared_ptr<const ContactRules> FromString(std::string_view toml,
                                                        const std::string& source_name,
                                                        WordEndings inflections = {});

  // Stripped before a cue word is looked up: «kommunens» -> «kommune».
  WordEndings inflections;

  // Organisations.
  WordSet org_name_words;                       // word endings
  std::unordered_set<std::string> legal_forms;  // exact, case-sensitive
  WordSet official_roles;                       // word endings
  WordSet contact_cues;                         // whole words
  WordSet organisation_number_cues;             // «Org.nr.», «CVR»: whole words
  WordSet private_labels;                       // «Navn:», «Elev:»: end a contact block
  WordSet affiliation_labels;                   // «Arbeidsgiver:»: opens no contact block
  std::vector<std::string> closings;            // folded phrases
  WordSet mail_from_labels;                     // «Fra:», «Från:», «From:»
  WordSet signature_end_words;                  // first words of lines after a signature («Kopi»)
  std::vector<std::string> mail_separators;     // folded phrases
  WordSet page_number_words;

  // Private persons.
  WordSet person_cues;
  std::unordered_set<std::string> not_person_cues;  // lower-case, accents kept
  WordSet writer_words;  // «jeg», «meg», «vi»: whoever wrote the letter

  // Addresses.
  WordSet street_suffixes;  // word endings
  WordSet street_words;     // separate words after the name
  WordSet name_qualifiers;
  WordSet flat_words;
  std::string dwelling_number_letters;
  WordSet floor_words;
  WordSet post_box_words;
  std::vector<std::string> care_of_words;  // lower-case, as written
  WordSet address_cues;
  WordSet not_names;
  // Per country, street endings as OCR misreads them and as they are written
  // ({"vågen", "vägen"}), longest first.
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> ocr_street_endings;
  std::vector<PostcodeFormat> postcodes;
  // "CODE Place" at a position: group 1 the code; the place is read by the program.
  std::unique_ptr<RE2> postcode_re;

  // Phones.
  WordSet phone_labels;
  WordSet not_phone_labels;
  WordSet not_phone_after;
  std::vector<PhoneCountry> phone_countries;
  // A run of digit groups, possibly with "+CC" / "00CC" and "(0)" in front.
  std::unique_ptr<RE2> phone_candidate_re;

  // E-mails.
  WordSet role_mailboxes;
  std::vector<std::string> public_providers;      // lower-case domains
  std::vector<std::string> organisation_domains;  // lower-case domain endings
  WordSet tlds;
  std::unique_ptr<RE2> email_re;

  const PhoneCountry* PhoneCountryByCode(std::string_view country) const;
};

}  // namespace skjerm

#endif  // SKJERM_DETECT_CONTACTS_CONTACT_RULES_H_
