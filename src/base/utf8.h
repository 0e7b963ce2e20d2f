// Small UTF-8 helpers used across stages. Invalid bytes decode as U+FFFD, one byte each,
// so that a broken text layer can never make a scan loop stall or skip text.
#ifndef SKJERM_BASE_UTF8_H_
#define SKJERM_BASE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace skjerm {

// Decodes the code point starting at s[pos]; sets *length to its byte count (>= 1).
char32_t DecodeUtf8(std::string_view s, size_t pos, size_t* length);

void AppendUtf8(char32_t cp, std::string* out);

// Number of code points in s.
size_t CountCodePoints(std::string_view s);

// Lower-cases and strips diacritics the way people and OCR drop them: "Bjørn" -> "bjorn",
// "Åse" -> "ase", "Müller" -> "muller". For matching, never for display.
std::string FoldForMatching(std::string_view s);

// Simple lower-case of a UTF-8 string (Unicode-aware, diacritics kept).
std::string ToLowerUtf8(std::string_view s);

bool IsAsciiDigit(char c);

}  // namespace skjerm

#endif  // SKJERM_BASE_UTF8_H_
