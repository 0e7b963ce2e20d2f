#include "detect/contact_rules.h"

#include <toml++/toml.h>

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "base/toml_file.h"
#include "base/utf8.h"

namespace skjerm {
namespace {

std::string Fail(const std::string& source, const std::string& what) {
  return source + ": " + what;
}

std::vector<std::string> Strings(const toml::node_view<const toml::node>& node,
                                 const std::string& source, const std::string& key) {
  std::vector<std::string> out;
  if (!node) return out;
  const toml::array* array = node.as_array();
  if (array == nullptr) throw std::runtime_error(Fail(source, key + " must be a list"));
  for (const toml::node& item : *array) {
    std::optional<std::string> s = item.value<std::string>();
    if (!s) throw std::runtime_error(Fail(source, key + " must hold only strings"));
    out.push_back(*s);
  }
  return out;
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
std::vector<std::vector<int>> Groupings(const std::vector<std::string>& specs,
                                        const std::string& source) {
  std::vector<std::vector<int>> out;
  for (const std::string& spec : specs) {
    std::istringstream in(spec);
    std::vector<int> groups;
    int n;
    while (in >> n) {
      if (n <= 0 || n > 10) throw std::runtime_error(Fail(source, "bad grouping " + spec));
      groups.push_back(n);
    }
    if (groups.empty()) throw std::runtime_error(Fail(source, "empty grouping"));
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

void LoadPhoneCountries(const toml::table& root, const std::string& source, ContactRules* rules) {
  const toml::array* countries = root["phone"]["country"].as_array();
  if (countries == nullptr || countries->empty()) {
    throw std::runtime_error(Fail(source, "[[phone.country]] missing"));
  }
  const auto words = root["phone"]["country_words"];
  for (const toml::node& node : *countries) {
    const toml::table* t = node.as_table();
    if (t == nullptr) throw std::runtime_error(Fail(source, "[[phone.country]] not a table"));
    PhoneCountry c;
    c.rule = (*t)["rule"].value_or(std::string());
    c.country = (*t)["country"].value_or(std::string());
    c.calling_code = (*t)["calling_code"].value_or(std::string());
    c.trunk_prefix = (*t)["trunk_prefix"].value_or(std::string());
    const int digits = (*t)["digits"].value_or(0);
    c.min_digits = (*t)["min_digits"].value_or(digits);
    c.max_digits = (*t)["max_digits"].value_or(digits);
    c.first_digits = (*t)["first_digits"].value_or(std::string("123456789"));
    c.groupings = Groupings(Strings((*t)["groupings"], source, "groupings"), source);
    const toml::array* area = (*t)["area_code_digits"].as_array();
    if (area != nullptr && area->size() == 2) {
      c.area_code_min = (*area)[0].value_or(0);
      c.area_code_max = (*area)[1].value_or(0);
    }
    c.subscriber_groupings =
        Groupings(Strings((*t)["subscriber_groupings"], source, "subscriber_groupings"), source);
    c.contiguous_prefixes = Strings((*t)["contiguous_prefixes"], source, "contiguous_prefixes");
    c.country_words = WordSet(Strings(words[c.country], source, "country_words"));
    c.service_prefixes = Strings((*t)["service_prefixes"], source, "service_prefixes");
    if (const toml::array* weights = (*t)["organisation_number_weights"].as_array()) {
      for (const toml::node& w : *weights) {
        const std::optional<int64_t> v = w.value<int64_t>();
        if (!v || *v < 0 || *v > 10) {
          throw std::runtime_error(Fail(source, "bad organisation_number_weights " + c.rule));
        }
        c.organisation_number_weights.push_back(static_cast<int>(*v));
      }
    }
    if (c.rule.empty() || c.calling_code.empty() || c.min_digits <= 0 ||
        c.max_digits < c.min_digits) {
      throw std::runtime_error(Fail(source, "incomplete [[phone.country]] " + c.rule));
    }
    rules->phone_countries.push_back(std::move(c));
  }
}

void LoadPostcodes(const toml::table& root, const std::string& source, ContactRules* rules) {
  const toml::array* formats = root["address"]["postcode"].as_array();
  if (formats == nullptr || formats->empty()) {
    throw std::runtime_error(Fail(source, "[[address.postcode]] missing"));
  }
  std::string alternatives;
  for (const toml::node& node : *formats) {
    const toml::table* t = node.as_table();
    if (t == nullptr) throw std::runtime_error(Fail(source, "[[address.postcode]] not a table"));
    PostcodeFormat f;
    f.country = (*t)["country"].value_or(std::string());
    f.pattern = (*t)["pattern"].value_or(std::string());
    if (f.pattern.empty()) throw std::runtime_error(Fail(source, "postcode without pattern"));
    Compile(f.pattern, source, "postcode " + f.country);  // reports the culprit
    if (!alternatives.empty()) alternatives += "|";
    alternatives += "(" + f.pattern + ")";
    rules->postcodes.push_back(std::move(f));
  }
  // The code, one space (or two, in layout text) and a capitalised place name.
  rules->postcode_re = Compile("(" + alternatives + ") {1,2}\\p{Lu}", source, "postcodes");
}

// [address.ocr_endings]: se = [["vågen", "vägen"], …].
void LoadOcrStreetEndings(const toml::table& root, const std::string& source, ContactRules* rules) {
  const toml::table* table = root["address"]["ocr_endings"].as_table();
  if (table == nullptr) return;
  for (const auto& [country, node] : *table) {
    const toml::array* pairs = node.as_array();
    if (pairs == nullptr) throw std::runtime_error(Fail(source, "ocr_endings must hold lists"));
    auto& endings = rules->ocr_street_endings[std::string(country.str())];
    for (const toml::node& pair_node : *pairs) {
      const toml::array* pair = pair_node.as_array();
      std::optional<std::string> misread, written;
      if (pair != nullptr && pair->size() == 2) {
        misread = (*pair)[0].value<std::string>();
        written = (*pair)[1].value<std::string>();
      }
      if (!misread || !written || misread->empty() || written->empty()) {
        throw std::runtime_error(Fail(source, "ocr_endings entries must be [misread, written]"));
      }
      endings.emplace_back(*misread, *written);
    }
    std::stable_sort(endings.begin(), endings.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  }
}

void BuildEmailPattern(const toml::table& root, const std::string& source, ContactRules* rules) {
  const std::string at_words = EscapeAll(Strings(root["email"]["at_words"], source, "at_words"));
  const std::string dot_words = EscapeAll(Strings(root["email"]["dot_words"], source, "dot_words"));
  // Local part, '@' (or a written-out at, OCR may put a space on either side), domain
  // labels separated by dots (or written-out dots, OCR spaces). Validated afterwards.
  const std::string local = "[\\p{L}\\p{N}_%+\\-]+(?:\\.[\\p{L}\\p{N}_%+\\-]+)*";
  const std::string at = " ?(?:@" + at_words + ") ?";
  const std::string label = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]*[\\p{L}\\p{N}])?";
  const std::string dot = "(?: ?\\. ?" + dot_words + ")";
  rules->email_re =
      Compile("(" + local + ")" + at + "(" + label + "(?:" + dot + label + ")+)", source, "e-mail");
}

void Build(const toml::table& root, const std::string& source, ContactRules* rules) {
  auto list = [&](const char* table, const char* key) {
    return Strings(root[table][key], source, std::string(table) + "." + key);
  };
  rules->org_name_words = WordSet(list("organisation", "name_words"));
  for (const std::string& f : list("organisation", "legal_forms")) rules->legal_forms.insert(f);
  rules->official_roles = WordSet(list("organisation", "official_roles"));
  rules->contact_cues = WordSet(list("organisation", "contact_cues"));
  rules->organisation_number_cues = WordSet(list("organisation", "organisation_number_cues"));
  rules->private_labels = WordSet(list("organisation", "private_labels"));
  rules->affiliation_labels = WordSet(list("organisation", "affiliation_labels"));
  rules->closings = Folded(list("organisation", "closings"));
  rules->mail_from_labels = WordSet(list("organisation", "mail_from_labels"));
  rules->signature_end_words = WordSet(list("organisation", "signature_end_words"));
  rules->mail_separators = Folded(list("organisation", "mail_separators"));
  rules->page_number_words = WordSet(list("organisation", "page_number_words"));
  rules->person_cues = WordSet(list("person", "cues"));
  for (const std::string& w : list("person", "not_cues")) {
    rules->not_person_cues.insert(ToLowerUtf8(w));
  }
  rules->writer_words = WordSet(list("person", "writer_words"));

  rules->street_suffixes = WordSet(list("address", "street_suffixes"));
  rules->street_words = WordSet(list("address", "street_words"));
  rules->name_qualifiers = WordSet(list("address", "name_qualifiers"));
  rules->flat_words = WordSet(list("address", "flat_words"));
  rules->dwelling_number_letters =
      root["address"]["dwelling_number_letters"].value_or(std::string());
  rules->floor_words = WordSet(list("address", "floor_words"));
  rules->post_box_words = WordSet(list("address", "post_box_words"));
  rules->care_of_words = Lowered(list("address", "care_of_words"));
  rules->address_cues = WordSet(list("address", "cues"));
  rules->not_names = WordSet(list("address", "not_names"));
  if (rules->street_suffixes.empty()) {
    throw std::runtime_error(Fail(source, "address.street_suffixes is empty"));
  }
  LoadPostcodes(root, source, rules);
  LoadOcrStreetEndings(root, source, rules);

  rules->phone_labels = WordSet(list("phone", "labels"));
  rules->not_phone_labels = WordSet(list("phone", "not_phone_labels"));
  rules->not_phone_after = WordSet(list("phone", "not_phone_after"));
  LoadPhoneCountries(root, source, rules);
  rules->phone_candidate_re = Compile(
      "(\\+ ?|\\b00 ?)?"
      "((?:\\(0\\) ?)?[0-9]+(?:(?:[ .\\-]|\\. | - |- )(?:\\(0\\) ?)?[0-9]+)*)",
      source, "phone candidates");

  rules->role_mailboxes = WordSet(list("email", "role_mailboxes"));
  rules->public_providers = Lowered(list("email", "public_providers"));
  rules->organisation_domains = Lowered(list("email", "organisation_domains"));
  rules->tlds = WordSet(list("email", "tlds"));
  BuildEmailPattern(root, source, rules);
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
  const toml::table root = ParseTomlFile(toml_path);
  auto rules = std::make_shared<ContactRules>();
  Build(root, toml_path, rules.get());
  return rules;
}

std::shared_ptr<const ContactRules> ContactRules::FromString(std::string_view toml_text,
                                                             const std::string& source) {
  const toml::table root = ParseTomlText(toml_text, source);
  auto rules = std::make_shared<ContactRules>();
  Build(root, source, rules.get());
  return rules;
}

}  // namespace skjerm
