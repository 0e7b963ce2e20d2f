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

// The text as pages, BOM stripped: a form feed starts a page, and a page that would pass
// kMaxTextPageBytes ends at a line break before it (or, in a line longer than that, at a
// character boundary), so that no text unit grows without bound. Pages carry no words: a
// text file has no geometry.
std::vector<Page> TextFilePages(std::string_view bytes);

inline constexpr size_t kMaxTextPageBytes = 256 * 1024;

}  // namespace skjerm

#endif  // SKJERM_EXTRACT_TEXT_FILE_H_
