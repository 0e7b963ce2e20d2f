#include "detect/contacts/contact_rules.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "base/rule_table.h"
#include "base/utf8.h"

namespace skjerm {
namespace {

std::string Fail(const std::string& source, const std::string& what) {
  return source + ": " + what;
}

std::vector<std::string> Folded(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  out.reserve(words.size());
  for (const std::string& w : words) out.push_back(FoldForMatching(w));
  return out;
}

std::vector<std::string> Lowered(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  out.reserve(words.size());
  for (const std::string& w : words) out.push_back(ToLowerUtf8(w));
  return out;
}

// "2 2 2 2" -> {2, 2, 2, 2}.
std::vector<std::vector<int>> Groupings(RuleTable& t, const char* key) {
  std::vector<std::vector<int>> out;
  for (const std::string& spec : t.Strings(key)) {
    std::istringstream in(spec);
    std::vector<int> groups;
    int n;
    while (in >> n) {
      if (n <= 0 || n > 10) t.Fail(key, "bad grouping \"" + spec + "\" in " + key);
      groups.push_back(n);
    }
    if (groups.empty() || !in.eof()) t.Fail(key, "bad grouping \"" + spec + "\" in " + key);
    out.push_back(std::move(groups));
  }
  return out;
}

std::string EscapeAll(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    out += "|";
    out += RE2::QuoteMeta(w);
  }
  return out;
}

std::unique_ptr<RE2> Compile(const std::string& pattern, const std::string& source,
                             const std::string& what) {
  auto re = std::make_unique<RE2>(pattern, RE2::Quiet);
  if (!re->ok()) throw std::runtime_error(Fail(source, "bad pattern in " + what));
  return re;
}

PhoneCountry ReadPhoneCountry(RuleTable& t, std::optional<RuleTable>& country_words) {
  PhoneCountry c;
  c.rule = *t.String("rule", Presence::kRequired);
  c.country = *t.String("country", Presence::kRequired);
  c.calling_code = *t.String("calling_code", Presence::kRequired);
  c.trunk_prefix = t.String("trunk_prefix", std::string());
  const int digits = static_cast<int>(t.Integer("digits", 0, 1, 20));
  c.min_digits = static_cast<int>(t.Integer("min_digits", digits, 1, 20));
  c.max_digits = static_cast<int>(t.Integer("max_digits", digits, 1, 20));
  c.first_digits = t.String("first_digits", std::string("123456789"));
  c.groupings = Groupings(t, "groupings");
  const std::vector<int64_t> area = t.Integers("area_code_digits", 1, 10);
  if (area.size() == 2) {
    c.area_code_min = static_cast<int>(area[0]);
    c.area_code_max = static_cast<int>(area[1]);
  } else if (!area.empty()) {
    t.Fail("area_code_digits", "area_code_digits must be [shortest, longest]");
  }
  c.subscriber_groupings = Groupings(t, "subscriber_groupings");
  c.contiguous_prefixes = t.Strings("contiguous_prefixes");
  if (country_words) c.country_words = WordSet(country_words->Strings(c.country));
  c.service_prefixes = t.Strings("service_prefixes");
  for (int64_t w : t.Integers("organisation_number_weights", 0, 10)) {
    c.organisation_number_weights.push_back(static_cast<int>(w));
  }
  if (c.min_digits <= 0 || c.max_digits < c.min_digits) {
    t.Fail("incomplete " + t.name() + " " + c.rule + ": digits, or min_digits <= max_digits");
  }
  return c;
}

void LoadPhoneCountries(RuleTable& phone, ContactRules* rules) {
  std::optional<RuleTable> words = phone.Table("country_words");
  std::vector<RuleTable> countries = phone.Tables("country", Presence::kRequired);
  if (countries.empty()) phone.Fail("country", "[[phone.country]] missing");
  for (RuleTable& t : countries) rules->phone_countries.push_back(ReadPhoneCountry(t, words));
}

void LoadPostcodes(RuleTable& address, const std::string& source, ContactRules* rules) {
  std::vector<RuleTable> formats = address.Tables("postcode", Presence::kRequired);
  if (formats.empty()) address.Fail("postcode", "[[address.postcode]] missing");
  std::string alternatives;
  for (RuleTable& t : formats) {
    PostcodeFormat f;
    f.country = t.String("country", std::string());
    f.pattern = *t.String("pattern", Presence::kRequired);
    if (!RE2(f.pattern, RE2::Quiet).ok()) {
      t.Fail("pattern", "bad pattern in postcode " + f.country);
    }
    if (!alternatives.empty()) alternatives += "|";
    alternatives += "(" + f.pattern + ")";
    rules->postcodes.push_back(std::move(f));
  }
  // The code, one space (or two, in layout text) and a capitalised place name.
  rules->postcode_re = Compile("(" + alternatives + ") {1,2}\\p{Lu}", source, "postcodes");
}

// [address.ocr_endings]: se = [["vågen", "vägen"], …].
void LoadOcrStreetEndings(RuleTable& address, ContactRules* rules) {
  std::optional<RuleTable> table = address.Table("ocr_endings");
  if (!table) return;
  for (const std::string& country : table->Keys()) {
    auto& endings = rules->ocr_street_endings[country];
    for (std::vector<std::string>& pair : table->StringTuples(country, 2)) {
      endings.emplace_back(std::move(pair[0]), std::move(pair[1]));
    }
    std::stable_sort(endings.begin(), endings.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  }
}

void BuildEmailPattern(const std::string& at_words, const std::string& dot_words,
                       const std::string& source, ContactRules* rules) {
  // Local part, '@' (or a written-out at, OCR may put a space on either side), domain
  // labels separated by dots (or written-out dots, OCR spaces). Validated afterwards.
  const std::string local = "[\\p{L}\\p{N}_%+\\-]+(?:\\.[\\p{L}\\p{N}_%+\\-]+)*";
  const std::string at = " ?(?:@" + at_words + ") ?";
  const std::string label = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]*[\\p{L}\\p{N}])?";
  const std::string dot = "(?: ?\\. ?" + dot_words + ")";
  rules->email_re =
      Compile("(" + local + ")" + at + "(" + label + "(?:" + dot + label + ")+)", source, "e-mail");
}

// A section of the file; absent, an empty one (its lists are empty).
class Section {
 public:
  Section(RuleTable& root, const char* name) : table_(root.Table(name)) {}
  std::vector<std::string> operator()(const char* key) {
    return table_ ? table_->Strings(key) : std::vector<std::string>();
  }

 private:
  std::optional<RuleTable> table_;
};

void BuildOrganisation(RuleTable& root, ContactRules* rules) {
  Section list(root, "organisation");
  rules->org_name_words = WordSet(list("name_words"));
  for (const std::string& f : list("legal_forms")) rules->legal_forms.insert(f);
  rules->official_roles = WordSet(list("official_roles"));
  rules->contact_cues = WordSet(list("contact_cues"));
  rules->organisation_number_cues = WordSet(list("organisation_number_cues"));
  rules->private_labels = WordSet(list("private_labels"));
  rules->affiliation_labels = WordSet(list("affiliation_labels"));
  rules->closings = Folded(list("closings"));
  rules->mail_from_labels = WordSet(list("mail_from_labels"));
  rules->signature_end_words = WordSet(list("signature_end_words"));
  rules->mail_separators = Folded(list("mail_separators"));
  rules->page_number_words = WordSet(list("page_number_words"));
  Section person(root, "person");
  rules->person_cues = WordSet(person("cues"));
  for (const std::string& w : person("not_cues")) rules->not_person_cues.insert(ToLowerUtf8(w));
  rules->writer_words = WordSet(person("writer_words"));
}

void BuildAddress(RuleTable& root, const std::string& source, ContactRules* rules) {
  RuleTable address = *root.Table("address", Presence::kRequired);
  rules->street_suffixes = WordSet(address.Strings("street_suffixes", Presence::kRequired));
  rules->street_words = WordSet(address.Strings("street_words"));
  rules->name_qualifiers = WordSet(address.Strings("name_qualifiers"));
  rules->flat_words = WordSet(address.Strings("flat_words"));
  rules->dwelling_number_letters = address.String("dwelling_number_letters", std::string());
  rules->floor_words = WordSet(address.Strings("floor_words"));
  rules->post_box_words = WordSet(address.Strings("post_box_words"));
  rules->care_of_words = Lowered(address.Strings("care_of_words"));
  rules->address_cues = WordSet(address.Strings("cues"));
  rules->not_names = WordSet(address.Strings("not_names"));
  if (rules->street_suffixes.empty()) {
    address.Fail("street_suffixes", "address.street_suffixes is empty");
  }
  LoadPostcodes(address, source, rules);
  LoadOcrStreetEndings(address, rules);
}

void Build(RuleTable& root, const std::string& source, ContactRules* rules) {
  BuildOrganisation(root, rules);
  BuildAddress(root, source, rules);
  RuleTable phone = *root.Table("phone", Presence::kRequired);
  rules->phone_labels = WordSet(phone.Strings("labels"));
  rules->not_phone_labels = WordSet(phone.Strings("not_phone_labels"));
  rules->not_phone_after = WordSet(phone.Strings("not_phone_after"));
  LoadPhoneCountries(phone, rules);
  rules->phone_candidate_re = Compile(
      "(\\+ ?|\\b00 ?)?"
      "((?:\\(0\\) ?)?[0-9]+(?:(?:[ .\\-]|\\. | - |- )(?:\\(0\\) ?)?[0-9]+)*)",
      source, "phone candidates");

  Section email(root, "email");
  rules->role_mailboxes = WordSet(email("role_mailboxes"));
  rules->public_providers = Lowered(email("public_providers"));
  rules->organisation_domains = Lowered(email("organisation_domains"));
  rules->tlds = WordSet(email("tlds"));
  BuildEmailPattern(EscapeAll(email("at_words")), EscapeAll(email("dot_words")), source, rules);
}

}  // namespace

WordSet::WordSet(const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    std::string key = Key(w);
    if (!key.empty()) words_.insert(std::move(key));
  }
}

std::string WordSet::Key(std::string_view word) {
  std::string folded = FoldForMatching(word);
  std::string out;
  out.reserve(folded.size());
  for (char c : folded) {
    if (c != '.' && c != ':' && c != '-' && c != '/') out.push_back(c);
  }
  return out;
}

bool WordSet::HasEnding(std::string_view key, size_t min_ending) const {
  if (Contains(key)) return true;
  for (size_t start = 1; start + min_ending <= key.size(); ++start) {
    if (words_.contains(key.substr(start))) return true;
  }
  return false;
}

const PhoneCountry* ContactRules::PhoneCountryByCode(std::string_view country) const {
  for (const PhoneCountry& c : phone_countries) {
    if (c.country == country) return &c;
  }
  return nullptr;
}

std::shared_ptr<const ContactRules> ContactRules::FromFile(const std::string& toml_path) {
  auto rules = std::make_shared<ContactRules>();
  ReadRuleFile(toml_path, [&](RuleTable& root) { Build(root, toml_path, rules.get()); });
  rules->inflections = WordEndings::BesideRuleFile(toml_path);
  return rules;
}

std::shared_ptr<const ContactRules> ContactRules::FromString(std::string_view toml_text,
                                                             const std::string& source,
                                                             WordEndings inflections) {
  auto rules = std::make_shared<ContactRules>();
  rules->inflections = std::move(inflections);
  ReadRuleText(toml_text, source, [&](RuleTable& root) { Build(root, source, rules.get()); });
  return rules;
}

}  // namespace skjerm
