// What a masked value may show (detect/finding.h MaskValue): no digit of a national ID or
// a birth date, whatever its format; the first letter of a name.
#include <gtest/gtest.h>

#include <string>

#include "detect/finding.h"

namespace skjerm {
namespace {

bool HasDigit(const std::string& s) { return s.find_first_of("0123456789") != std::string::npos; }

TEST(MaskTest, NationalIdsShowTheirShapeOnly) {
  EXPECT_EQ(MaskValue(Category::kNationalId, "140910 50170"), "****** *****");
  EXPECT_EQ(MaskValue(Category::kNationalId, "14091050170"), "***********");
  EXPECT_EQ(MaskValue(Category::kNationalId, "120617-2346"), "******-****");
  EXPECT_EQ(MaskValue(Category::kNationalId, "20120617-2346"), "********-****");
  EXPECT_EQ(MaskValue(Category::kNationalId, "120617+2346"), "******+****");
  EXPECT_EQ(MaskValue(Category::kNationalId, "140910-1234"), "******-****");
  // Finnish: the century letter and the check character say as much as a digit.
  EXPECT_EQ(MaskValue(Category::kNationalId, "131052A308T"), "***********");
  EXPECT_EQ(MaskValue(Category::kNationalId, "131052-308T"), "******-****");
}

TEST(MaskTest, BirthDatesShowNoDigitNorWhichMonth) {
  EXPECT_EQ(MaskValue(Category::kBirthDate, "14.09.2010"), "**.**.****");
  EXPECT_EQ(MaskValue(Category::kBirthDate, "2010-09-14"), "****-**-**");
  EXPECT_EQ(MaskValue(Category::kBirthDate, "14/9-2010"), "**/*-****");
  EXPECT_EQ(MaskValue(Category::kBirthDate, "20100914"), "********");
  // A month's name is one "***" whatever its length: «mai» and «september» look alike.
  EXPECT_EQ(MaskValue(Category::kBirthDate, "14. september 2010"), "**. *** ****");
  EXPECT_EQ(MaskValue(Category::kBirthDate, "3. mai 2012"), "*. *** ****");
  EXPECT_EQ(MaskValue(Category::kBirthDate, "14 sept. 2010"), "** ***. ****");
  EXPECT_EQ(MaskValue(Category::kBirthDate, "5. märz 2011"), "*. *** ****");
}

TEST(MaskTest, NoDigitOfAnIdOrDateInAnyFormat) {
  for (const char* value :
       {"140910 50170", "14091050170", "140910-50170", "1409 1050 170", "20120617-2346",
        "201206172346", "120617+2346", "131052A308T", "0101001234", "12.03.2011", "2011-03-12",
        "12/3-2011", "12. mars 2011", "f. 12.03.11", "12032011", "12.3.11"}) {
    EXPECT_FALSE(HasDigit(MaskValue(Category::kNationalId, value))) << value;
    EXPECT_FALSE(HasDigit(MaskValue(Category::kBirthDate, value))) << value;
  }
}

TEST(MaskTest, OtherValuesKeepTheirFirstCharacterAndSeparators) {
  EXPECT_EQ(MaskValue(Category::kPersonName, "Emil Solberg"), "E*** *******");
  EXPECT_EQ(MaskValue(Category::kPersonName, "Åse"), "Å**");
  EXPECT_EQ(MaskValue(Category::kPersonName, "Ole-Petter Ås"), "O**-****** **");
  EXPECT_EQ(MaskValue(Category::kEmail, "kari.n@gmail.com"), "k***.*@*****.***");
  EXPECT_EQ(MaskValue(Category::kPhone, "926 41 857"), "9** ** ***");
  EXPECT_EQ(MaskValue(Category::kAddress, "Lyngveien 7"), "L******** *");
}

TEST(MaskTest, EmptyAndSeparatorOnlyValues) {
  EXPECT_EQ(MaskValue(Category::kNationalId, ""), "");
  EXPECT_EQ(MaskValue(Category::kBirthDate, ""), "");
  EXPECT_EQ(MaskValue(Category::kPersonName, ""), "");
  EXPECT_EQ(MaskValue(Category::kBirthDate, " - "), " - ");
}

TEST(MaskTest, BrokenUtf8IsMaskedNotCopied) {
  const std::string broken =
      "\xff"
      "140910";
  EXPECT_FALSE(HasDigit(MaskValue(Category::kNationalId, broken)));
  EXPECT_EQ(MaskValue(Category::kNationalId, broken).find('\xff'), std::string::npos);
}

}  // namespace
}  // namespace skjerm
