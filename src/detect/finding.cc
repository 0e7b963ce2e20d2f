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

namespace {

bool IsLetter(char32_t cp) {
  // ASCII letters and everything beyond ASCII that is not a separator (å, ø, é, ...).
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp >= 0x80;
}

// Digits one '*' each; a run of letters (a month name, "mars", "sept.") one "***", so that
// not even the length of a month's name shows.
std::string ShapeOnly(std::string_view value) {
  std::string out;
  bool in_word = false;
  for (size_t i = 0; i < value.size();) {
    size_t n;
    const char32_t cp = DecodeUtf8(value, i, &n);
    if (IsSeparator(cp)) {
      out.append(value.substr(i, n));
      in_word = false;
    } else if (IsLetter(cp)) {
      if (!in_word) out += "***";
      in_word = true;
    } else {
      out.push_back('*');
      in_word = false;
    }
    i += n;
  }
  return out;
}

// The first character stays (an initial, the first letter of a street), the rest '*'.
std::string FirstCharacterOnly(std::string_view value) {
  std::string out;
  bool kept = false;
  for (size_t i = 0; i < value.size();) {
    size_t n;
    const char32_t cp = DecodeUtf8(value, i, &n);
    if (IsSeparator(cp)) {
      out.append(value.substr(i, n));
    } else if (!kept) {
      out.append(value.substr(i, n));
      kept = true;
    } else {
      out.push_back('*');
    }
    i += n;
  }
  return out;
}

}  // namespace

std::string MaskValue(Category category, std::string_view value) {
  // An ID's first six digits are a birth date, and a date narrows the rest of the number
  // to a few hundred candidates: none of it may show.
  if (category == Category::kNationalId) {
    std::string out;
    for (size_t i = 0; i < value.size();) {
      size_t n;
      const char32_t cp = DecodeUtf8(value, i, &n);
      if (IsSeparator(cp)) {
        out.append(value.substr(i, n));
      } else {
        out.push_back('*');
      }
      i += n;
    }
    return out;
  }
  if (category == Category::kBirthDate) return ShapeOnly(value);
  return FirstCharacterOnly(value);
}

std::string_view LocatedText(const Document& document, const Location& location) {
  if (location.metadata == MetadataSource::kFileName) return FileNameOf(document.path);
  if (location.is_page_text()) {
    for (const Page& page : document.pages) {
      if (page.number == location.page) return page.text;
    }
    return {};
  }
  for (const MetadataText& item : document.metadata) {
    if (item.source == *location.metadata && item.name == location.field &&
        item.page == location.page) {
      return item.text;
    }
  }
  return {};
}

}  // namespace skjerm
