// Plain-text input: a .txt file is one page of UTF-8 text.
#ifndef SKJERM_EXTRACT_TEXT_FILE_H_
#define SKJERM_EXTRACT_TEXT_FILE_H_

#include <string_view>

#include "extract/document.h"

namespace skjerm {

// True when bytes are UTF-8 (a leading byte-order mark allowed) without NUL bytes: a file
// with NULs is binary whatever its name says.
bool IsPlainUtf8Text(std::string_view bytes);

// The text as page 1, BOM stripped, with one Word per whitespace-separated token (boxes are
// empty: a text file has no geometry).
Page TextFilePage(std::string_view bytes);

}  // namespace skjerm

#endif  // SKJERM_EXTRACT_TEXT_FILE_H_
