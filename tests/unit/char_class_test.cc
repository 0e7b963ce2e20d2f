#include "normalize/char_class.h"

#include <gtest/gtest.h>

namespace skjerm {
namespace {

TEST(CharClassTest, LettersOfTheNordicLanguagesAndTheNamesInLetters) {
  for (char32_t cp : {U'a', U'Z', U'å', U'Ø', U'æ', U'ä', U'Ö', U'Č', U'š', U'Đ', U'ŋ', U'Á', U'ê',
                      U'ị', U'Ş', U'Ж', U'ع', U'ሰ', U'ǅ'}) {
    EXPECT_TRUE(IsLetter(cp)) << static_cast<unsigned>(cp);
  }
  // A modifier letter (Lm) and combining marks (Mn, Mc) belong to the word they stand in.
  EXPECT_TRUE(IsLetter(U'ʼ'));
  EXPECT_TRUE(IsLetter(0x0301));  // combining acute accent
  EXPECT_TRUE(IsLetter(0x030C));  // combining caron (decomposed Sámi č)
}

TEST(CharClassTest, DigitsPunctuationAndSpacesAreNoLetters) {
  for (char32_t cp :
       {U'0', U'9', U'-', U' ', U'§', U'.', U'\'', U'@', char32_t{0x00A0}, char32_t{0x2013},
        char32_t{0xFF11}, char32_t{0x1F600}, char32_t{0xFFFD}, char32_t{0}}) {
    EXPECT_FALSE(IsLetter(cp)) << static_cast<unsigned>(cp);
  }
}

TEST(CharClassTest, UpperCase) {
  for (char32_t cp : {U'A', U'Z', U'Å', U'Ø', U'Æ', U'Ä', U'Č', U'Đ', U'Ŋ', U'Ж', U'ǅ'}) {
    EXPECT_TRUE(IsUpperCase(cp)) << static_cast<unsigned>(cp);
  }
  for (char32_t cp : {U'a', U'å', U'ø', U'ß', U'č', U'1', U' ', U'ʼ', U'ع'}) {
    EXPECT_FALSE(IsUpperCase(cp)) << static_cast<unsigned>(cp);
  }
}

}  // namespace
}  // namespace skjerm
