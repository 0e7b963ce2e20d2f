// What a character is, for every stage that reads words: one definition of a letter and of
// an upper-case letter, so that names, dates, contact data and markings cut text into words
// alike. Pure functions of a code point (Unicode categories, via utf8proc); safe on any
// thread.
#ifndef SKJERM_NORMALIZE_CHAR_CLASS_H_
#define SKJERM_NORMALIZE_CHAR_CLASS_H_

namespace skjerm {

// Beyond ASCII: the Unicode categories (below).
bool IsNonAsciiLetter(char32_t cp);
bool IsNonAsciiUpperCase(char32_t cp);

// A letter of a word: Unicode letters (Lu, Ll, Lt, Lm, Lo) and the combining marks that
// belong to the letter before them (Mn, Mc: a decomposed «é», Sámi and Vietnamese
// diacritics). Not digits, not punctuation, not spaces. Inline for ASCII: the tokenisers
// ask it of every character.
inline bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return IsNonAsciiLetter(cp);
}

// An upper-case letter: Lu, and the title-case digraphs (Lt: «ǅ»).
inline bool IsUpperCase(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return IsNonAsciiUpperCase(cp);
}

}  // namespace skjerm

#endif  // SKJERM_NORMALIZE_CHAR_CLASS_H_
