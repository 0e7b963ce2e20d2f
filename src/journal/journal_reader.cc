#include "journal/journal_reader.h"

#include <filesystem>
#include <utility>

#include "base/utf8.h"
#include "detect/dates/calendar_date.h"

namespace skjerm {
namespace {

// Reads up to max_digits digits at text[*pos]; false when there is none.
bool ReadNumber(std::string_view text, size_t* pos, size_t min_digits, size_t max_digits,
                int* value) {
  size_t n = 0;
  int v = 0;
  while (*pos + n < text.size() && n < max_digits && IsAsciiDigit(text[*pos + n])) {
    v = v * 10 + (text[*pos + n] - '0');
    ++n;
  }
  if (n < min_digits) return false;
  *pos += n;
  *value = v;
  return true;
}

// What may follow a date: nothing, a time ("T10:15:00", " 10:15") or a time zone ("Z",
// "+02:00") — but not more digits, which would make it some other number.
bool IsDateEnd(std::string_view text, size_t pos) {
  if (pos == text.size()) return true;
  const char c = text[pos];
  return c == 'T' || c == ' ' || c == 'Z' || c == '+' || c == '-' || c == '\t';
}

}  // namespace

std::string_view TrimSpace(std::string_view text) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

bool IsWellFormedUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    size_t n;
    char32_t cp;
    if ((b & 0xE0) == 0xC0) {
      n = 2;
      cp = b & 0x1F;
    } else if ((b & 0xF0) == 0xE0) {
      n = 3;
      cp = b & 0x0F;
    } else if ((b & 0xF8) == 0xF0) {
      n = 4;
      cp = b & 0x07;
    } else {
      return false;
    }
    if (i + n > text.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      const auto c = static_cast<unsigned char>(text[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    static const char32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMinimum[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n;
  }
  return true;
}

std::string NormaliseJournalDate(std::string_view text) {
  text = TrimSpace(text);
  int year = 0, month = 0, day = 0;
  size_t pos = 0;
  if (text.size() >= 10 && text[4] == '-') {  // 2024-09-19
    if (!ReadNumber(text, &pos, 4, 4, &year) || text[pos++] != '-' ||
        !ReadNumber(text, &pos, 2, 2, &month) || pos >= text.size() || text[pos++] != '-' ||
        !ReadNumber(text, &pos, 2, 2, &day)) {
      return "";
    }
  } else {  // 19.09.2024
    if (!ReadNumber(text, &pos, 1, 2, &day) || pos >= text.size() || text[pos++] != '.' ||
        !ReadNumber(text, &pos, 1, 2, &month) || pos >= text.size() || text[pos++] != '.' ||
        !ReadNumber(text, &pos, 4, 4, &year)) {
      return "";
    }
  }
  if (!IsDateEnd(text, pos) || !IsValidCalendarDate(year, month, day)) return "";
  return CalendarDate{year, month, day}.ToIso();
}

std::string DirectionCode(std::string_view text) {
  // The values of Noark 5 journalposttype (M082), in bokmål and nynorsk, and their codes.
  static const std::pair<const char*, const char*> kNames[] = {
      {"i", "I"},
      {"u", "U"},
      {"n", "N"},
      {"x", "X"},
      {"s", "S"},
      {"inngående dokument", "I"},
      {"inngående", "I"},
      {"inngåande dokument", "I"},
      {"inngåande", "I"},
      {"utgående dokument", "U"},
      {"utgående", "U"},
      {"utgåande dokument", "U"},
      {"utgåande", "U"},
      {"organinternt dokument for oppfølging", "N"},
      {"organinternt dokument uten oppfølging", "X"},
      {"organinternt dokument utan oppfølging", "X"},
      {"saksframlegg", "S"},
  };
  const std::string lower = ToLowerUtf8(TrimSpace(text));
  for (const auto& [name, code] : kNames) {
    if (lower == name) return code;
  }
  return "";
}

std::string DirectoryOf(const std::string& file) {
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(file, ec);
  if (ec) absolute = file;
  return absolute.lexically_normal().parent_path().string();
}

std::string ResolveDocumentPath(const std::string& base_dir, std::string_view path) {
  std::string given(TrimSpace(path));
  // Exports made on Windows write dokumenter\123.pdf.
  for (char& c : given) {
    if (c == '\\') c = '/';
  }
  std::filesystem::path p{given};
  if (p.is_relative()) p = std::filesystem::path(base_dir) / p;
  return p.lexically_normal().string();
}

}  // namespace skjerm
