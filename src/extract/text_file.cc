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

std::vector<Page> TextFilePages(std::string_view bytes) {
  std::string_view text = WithoutByteOrderMark(bytes);
  std::vector<Page> pages;
  auto add = [&](std::string_view piece) {
    Page page;
    page.number = static_cast<int>(pages.size()) + 1;
    page.origin = PageOrigin::kTextLayer;
    page.text = std::string(piece);
    pages.push_back(std::move(page));
  };
  size_t start = 0;
  while (start < text.size() || pages.empty()) {
    size_t end = text.find('\f', start);
    if (end == std::string_view::npos) end = text.size();
    size_t next = end + 1;  // past the form feed
    if (end - start > kMaxTextPageBytes) {
      end = start + kMaxTextPageBytes;
      // Prefer a paragraph break (an ID written across two lines stays whole), then a line
      // break, in the second half of the page.
      const size_t half = start + kMaxTextPageBytes / 2;
      const size_t paragraph = text.rfind("\n\n", end - 2);
      const size_t newline = text.rfind('\n', end - 1);
      if (paragraph != std::string_view::npos && paragraph >= half) {
        end = paragraph + 2;
      } else if (newline != std::string_view::npos && newline > start) {
        end = newline + 1;
      } else {
        // No line break: cut at a character boundary, never inside a UTF-8 sequence.
        while (end > start && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
      }
      next = end;
    }
    add(text.substr(start, end - start));
    start = next;
  }
  return pages;
}

}  // namespace skjerm
