#include "detect/finding.h"

#include "base/utf8.h"

namespace skjerm {

const char* CategoryName(Category category) {
  switch (category) {
    case Category::kNationalId:
      return "national_id";
    case Category::kPersonName:
      return "person_name";
    case Category::kBirthDate:
      return "birth_date";
    case Category::kAddress:
      return "address";
    case Category::kPhone:
      return "phone";
    case Category::kEmail:
      return "email";
  }
  return "national_id";
}

std::optional<Category> CategoryFromName(std::string_view name) {
  for (Category c : {Category::kNationalId, Category::kPersonName, Category::kBirthDate,
                     Category::kAddress, Category::kPhone, Category::kEmail}) {
    if (name == CategoryName(c)) return c;
  }
  return std::nullopt;
}

namespace {

bool IsSeparator(char32_t cp) {
  return cp == ' ' || cp == '-' || cp == '.' || cp == '@' || cp == '\n' || cp == '+' || cp == ',' ||
         cp == '/';
}

}  // namespace

std::string MaskValue(Category category, std::string_view value) {
  // National IDs: the date part stays (it is what an archivist needs to recognise the
  // number in the letter); the individual digits and check digits go.
  size_t keep = category == Category::kNationalId ? 6 : 1;
  std::string out;
  size_t kept = 0;
  bool at_word_start = true;
  for (size_t i = 0; i < value.size();) {
    size_t n;
    char32_t cp = DecodeUtf8(value, i, &n);
    if (IsSeparator(cp)) {
      out.append(value.substr(i, n));
      at_word_start = true;
    } else if (category == Category::kNationalId ? kept < keep : (kept < keep && at_word_start)) {
      out.append(value.substr(i, n));
      ++kept;
      at_word_start = false;
    } else {
      out.push_back('*');
      at_word_start = false;
    }
    i += n;
  }
  return out;
}

}  // namespace skjerm
