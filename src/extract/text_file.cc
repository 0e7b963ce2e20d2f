#include "extract/text_file.h"

#include "base/utf8.h"

namespace skjerm {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

std::string_view WithoutByteOrderMark(std::string_view bytes) {
  if (bytes.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    bytes.remove_prefix(kByteOrderMark.size());
  }
  return bytes;
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

bool IsPlainUtf8Text(std::string_view bytes) {
  bytes = WithoutByteOrderMark(bytes);
  for (size_t i = 0; i < bytes.size();) {
    if (bytes[i] == '\0') return false;
    size_t length;
    const char32_t cp = DecodeUtf8(bytes, i, &length);
    // DecodeUtf8 reports a broken sequence as U+FFFD of length 1; a real U+FFFD takes 3.
    if (cp == 0xFFFD && length == 1) return false;
    i += length;
  }
  return true;
}

Page TextFilePage(std::string_view bytes) {
  Page page;
  page.number = 1;
  page.origin = PageOrigin::kTextLayer;
  page.text = std::string(WithoutByteOrderMark(bytes));
  const std::string& text = page.text;
  for (size_t i = 0; i < text.size();) {
    if (IsAsciiSpace(text[i])) {
      ++i;
      continue;
    }
    Word word;
    word.begin = i;
    while (i < text.size() && !IsAsciiSpace(text[i])) ++i;
    word.end = i;
    page.words.push_back(word);
  }
  return page;
}

}  // namespace skjerm
