#include "base/utf8.h"

#include <utf8proc.h>

namespace skjerm {

char32_t DecodeUtf8(std::string_view s, size_t pos, size_t* length) {
  const unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c < 0x80) {
    *length = 1;
    return c;
  }
  utf8proc_int32_t cp = 0;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + pos),
                                        static_cast<utf8proc_ssize_t>(s.size() - pos), &cp);
  if (n <= 0) {
    *length = 1;
    return 0xFFFD;
  }
  *length = static_cast<size_t>(n);
  return static_cast<char32_t>(cp);
}

void AppendUtf8(char32_t cp, std::string* out) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
  if (n <= 0) {
    out->append("\xEF\xBF\xBD");
    return;
  }
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

size_t CountCodePoints(std::string_view s) {
  size_t count = 0;
  for (size_t i = 0; i < s.size();) {
    size_t n;
    DecodeUtf8(s, i, &n);
    i += n;
    ++count;
  }
  return count;
}

namespace {

// Letters that decomposition does not reduce to ASCII but that people write plainly.
bool FoldSpecial(char32_t cp, std::string* out) {
  switch (cp) {
    case U'ø':
    case U'Ø':
      out->push_back('o');
      return true;
    case U'æ':
    case U'Æ':
      out->append("ae");
      return true;
    case U'ß':
      out->append("ss");
      return true;
    case U'đ':
    case U'Đ':
      out->push_back('d');
      return true;
    case U'ł':
    case U'Ł':
      out->push_back('l');
      return true;
    case U'þ':
    case U'Þ':
      out->append("th");
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string FoldForMatching(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t n;
    char32_t cp = DecodeUtf8(s, i, &n);
    i += n;
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
      continue;
    }
    if (FoldSpecial(cp, &out)) continue;
    // Decompose, drop combining marks, lower-case what is left.
    utf8proc_int32_t decomposed[8];
    int options = UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD;
    utf8proc_ssize_t count =
        utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), decomposed, 8,
                                static_cast<utf8proc_option_t>(options), nullptr);
    if (count <= 0 || count > 8) {
      AppendUtf8(cp, &out);
      continue;
    }
    for (utf8proc_ssize_t k = 0; k < count; ++k) AppendUtf8(decomposed[k], &out);
  }
  return out;
}

std::string ToLowerUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t n;
    char32_t cp = DecodeUtf8(s, i, &n);
    i += n;
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    } else {
      AppendUtf8(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))), &out);
    }
  }
  return out;
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace skjerm
