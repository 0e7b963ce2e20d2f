// Plain-text input: a .txt file is read as UTF-8 text, in pages.
#ifndef SKJERM_EXTRACT_TEXT_FILE_H_
#define SKJERM_EXTRACT_TEXT_FILE_H_

#include <string_view>
#include <vector>

#include "extract/document.h"

namespace skjerm {

// True when bytes are UTF-8 (a leading byte-order mark allowed) without NUL bytes: a file
// with NULs is binary whatever its name says.
bool IsPlainUtf8Text(std::string_view bytes);

// The text as pages, BOM stripped: a form feed starts a page, and text that would pass
// kMaxTextPageBytes is cut, so that no text unit grows without bound. A cut falls between
// words — at a paragraph break, else a line break, else a space — and only where a word runs
// on for half a page (no space at all) inside it, at a character boundary. Either way the
// pages on both sides of a cut share kTextPageOverlapBytes of text (Page::shared_before,
// shared_after), so that a value written across the cut is whole on one of them. Pages carry
// no words: a text file has no geometry.
std::vector<Page> TextFilePages(std::string_view bytes);

// The most text a page holds, shared text included.
inline constexpr size_t kMaxTextPageBytes = 256 * 1024;
// About how much text each side of a cut repeats (at most this, from a line or word start).
inline constexpr size_t kTextPageOverlapBytes = 2048;

}  // namespace skjerm

#endif  // SKJERM_EXTRACT_TEXT_FILE_H_
