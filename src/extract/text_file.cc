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

namespace {

bool IsBreak(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v'; }

bool IsCharacterStart(std::string_view text, size_t at) {
  return at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

// A cut in (low, high] (low < high), latest first: after a paragraph break, after a line
// break, after a space; else at the character boundary at or before high.
size_t CutPoint(std::string_view text, size_t low, size_t high) {
  for (size_t at = high; at > low + 1; --at) {
    if (text[at - 1] == '\n' && text[at - 2] == '\n') return at;
  }
  for (size_t at = high; at > low; --at) {
    if (text[at - 1] == '\n') return at;
  }
  for (size_t at = high; at > low; --at) {
    if (IsBreak(text[at - 1])) return at;
  }
  size_t at = high;
  while (at > low && !IsCharacterStart(text, at)) --at;
  return at;
}

// Where the text shared before a cut at `cut` begins: the earliest line start, else word
// start, at most kTextPageOverlapBytes before it (not before `floor`); else a character
// boundary.
size_t SharedFrom(std::string_view text, size_t floor, size_t cut) {
  const size_t low = cut - std::min(cut - floor, kTextPageOverlapBytes);
  for (size_t at = low; at < cut; ++at) {
    if (at == floor || text[at - 1] == '\n') return at;
  }
  for (size_t at = low; at < cut; ++at) {
    if (IsBreak(text[at - 1]) && !IsBreak(text[at])) return at;
  }
  size_t at = low;
  while (at < cut && !IsCharacterStart(text, at)) ++at;
  return at;
}

// Where the text shared after a cut at `cut` ends: the latest line end, else word end, at
// most kTextPageOverlapBytes after it (not after `ceiling`); else a character boundary.
size_t SharedUntil(std::string_view text, size_t cut, size_t ceiling) {
  const size_t high = cut + std::min(ceiling - cut, kTextPageOverlapBytes);
  for (size_t at = high; at > cut; --at) {
    if (at == ceiling || text[at - 1] == '\n') return at;
  }
  for (size_t at = high; at > cut; --at) {
    if (IsBreak(text[at]) && !IsBreak(text[at - 1])) return at;
  }
  size_t at = high;
  while (at > cut && !IsCharacterStart(text, at)) --at;
  return at;
}

// Cuts [begin, end) — text between form feeds — into pages of at most kMaxTextPageBytes.
void AddPieces(std::string_view text, size_t begin, size_t end, std::vector<Page>* pages) {
  constexpr size_t kOwnMax = kMaxTextPageBytes - 2 * kTextPageOverlapBytes;
  size_t own_begin = begin;
  while (true) {
    const size_t shared_from = own_begin == begin ? begin : SharedFrom(text, begin, own_begin);
    size_t own_end = end;
    size_t shared_until = end;
    if (end - shared_from > kMaxTextPageBytes) {
      own_end = CutPoint(text, own_begin + kOwnMax / 2, own_begin + kOwnMax);
      shared_until = SharedUntil(text, own_end, end);
    }
    Page page;
    page.number = static_cast<int>(pages->size()) + 1;
    page.origin = PageOrigin::kTextLayer;
    page.text = std::string(text.substr(shared_from, shared_until - shared_from));
    page.shared_before = own_begin - shared_from;
    page.shared_after = shared_until - own_end;
    pages->push_back(std::move(page));
    if (own_end == end) return;
    own_begin = own_end;
  }
}

}  // namespace

std::vector<Page> TextFilePages(std::string_view bytes) {
  const std::string_view text = WithoutByteOrderMark(bytes);
  std::vector<Page> pages;
  size_t start = 0;
  while (start < text.size() || pages.empty()) {
    size_t end = text.find('\f', start);
    if (end == std::string_view::npos) end = text.size();
    AddPieces(text, start, end, &pages);
    start = end + 1;  // past the form feed
  }
  return pages;
}

}  // namespace skjerm
