#include "detect/dates/calendar_date.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace skjerm {
namespace {

TEST(CalendarDateTest, ValidDates) {
  EXPECT_TRUE(IsValidCalendarDate(2011, 3, 12));
  EXPECT_TRUE(IsValidCalendarDate(2012, 2, 29));
  EXPECT_TRUE(IsValidCalendarDate(2000, 2, 29));
  EXPECT_FALSE(IsValidCalendarDate(1900, 2, 29));
  EXPECT_FALSE(IsValidCalendarDate(2011, 2, 29));
  EXPECT_FALSE(IsValidCalendarDate(2011, 2, 31));
  EXPECT_FALSE(IsValidCalendarDate(2011, 4, 31));
  EXPECT_TRUE(IsValidCalendarDate(2011, 12, 31));
  EXPECT_FALSE(IsValidCalendarDate(2011, 13, 12));
  EXPECT_FALSE(IsValidCalendarDate(2011, 0, 12));
  EXPECT_FALSE(IsValidCalendarDate(2011, 3, 0));
}

class DateFinderTest : public ::testing::Test {
 protected:
  DateFinderTest()
      : finder_({{"januar", 1}, {"mars", 3}, {"mar", 3}, {"marts", 3}, {"mai", 5}, {"okt", 10}},
                /*two_digit_year_pivot=*/26) {}

  // "text=YYYY-MM-DD" of every date found.
  std::vector<std::string> Find(const std::string& text) const {
    std::vector<std::string> out;
    for (const DateMention& m : finder_.FindAll(text)) {
      out.push_back(text.substr(m.begin, m.end - m.begin) + "=" + m.date.ToIso());
    }
    return out;
  }

  DateFinder finder_;
};

using Strings = std::vector<std::string>;

TEST_F(DateFinderTest, ReadsEveryForm) {
  EXPECT_EQ(Find("12.03.2011"), Strings{"12.03.2011=2011-03-12"});
  EXPECT_EQ(Find("12.03.11"), Strings{"12.03.11=2011-03-12"});
  EXPECT_EQ(Find("12.03.45"), Strings{"12.03.45=1945-03-12"});
  EXPECT_EQ(Find("12/3-2011"), Strings{"12/3-2011=2011-03-12"});
  EXPECT_EQ(Find("12/3 2011"), Strings{"12/3 2011=2011-03-12"});
  EXPECT_EQ(Find("12-03-2011"), Strings{"12-03-2011=2011-03-12"});
  EXPECT_EQ(Find("2011-03-12"), Strings{"2011-03-12=2011-03-12"});
  EXPECT_EQ(Find("20110312"), Strings{"20110312=2011-03-12"});
  EXPECT_EQ(Find("12032011"), Strings{"12032011=2011-03-12"});
  EXPECT_EQ(Find("12. mars 2011"), Strings{"12. mars 2011=2011-03-12"});
  EXPECT_EQ(Find("12 marts 2011"), Strings{"12 marts 2011=2011-03-12"});
  EXPECT_EQ(Find("3. MAI 2012"), Strings{"3. MAI 2012=2012-05-03"});
  EXPECT_EQ(Find("12. okt. 2011"), Strings{"12. okt. 2011=2011-10-12"});
  EXPECT_EQ(Find("12. rnars 2011"), Strings{"12. rnars 2011=2011-03-12"});
  EXPECT_EQ(Find("1. januar 2O11"), Strings{});  // digit confusions are TextView's to resolve
}

TEST_F(DateFinderTest, SkipsWhatIsNoDateOfItsOwn) {
  EXPECT_EQ(Find("12031166592"), Strings{});
  EXPECT_EQ(Find("120311-66592"), Strings{});
  EXPECT_EQ(Find("20110312-2388"), Strings{});
  EXPECT_EQ(Find("2011-03-12-2388"), Strings{});
  EXPECT_EQ(Find("1503.78.77899"), Strings{});
  EXPECT_EQ(Find("24/00417-3"), Strings{});
  EXPECT_EQ(Find("6.-12. mars 2024"), Strings{});
  EXPECT_EQ(Find("01.08.2025-31.07.2029"), Strings{});
  EXPECT_EQ(Find("12.03.2024 - 15.03.2024"), Strings{});
  EXPECT_EQ(Find("kl. 15.00-16.15"), Strings{});
  EXPECT_EQ(Find("31.02.2011 12.13.2011 2023-11 mars 2011"), Strings{});
  EXPECT_EQ(Find("12.03 2011"), Strings{});  // a space as separator only after a slash
}

TEST_F(DateFinderTest, ReadsWhatOcrMakesOfTheSeparators) {
  // A comma or colon for the second full stop, glued to a four-digit year.
  EXPECT_EQ(Find("07.09,2013"), Strings{"07.09,2013=2013-09-07"});
  EXPECT_EQ(Find("07.09:2013"), Strings{"07.09:2013=2013-09-07"});
  // A space after a hyphen of an ISO date.
  EXPECT_EQ(Find("2013- 09-07"), Strings{"2013- 09-07=2013-09-07"});
  EXPECT_EQ(Find("2013- 09- 07"), Strings{"2013- 09- 07=2013-09-07"});
  // Not where the first separator is no full stop, or the year is short: times, lists.
  EXPECT_EQ(Find("07,09:2013"), Strings{});
  EXPECT_EQ(Find("07.09:13"), Strings{});
  EXPECT_EQ(Find("07. 09:2013"), Strings{});
  EXPECT_EQ(Find("kl. 10.45:30"), Strings{});
  EXPECT_EQ(Find("07.09, 2013"), Strings{});
  EXPECT_EQ(Find("2013 - 09-07"), Strings{});
}

TEST_F(DateFinderTest, FindsSeveralInOrder) {
  EXPECT_EQ(Find("født 12.03.2011, møte 3. mai 2024 og 2024-05-06."),
            (Strings{"12.03.2011=2011-03-12", "3. mai 2024=2024-05-03", "2024-05-06=2024-05-06"}));
}

}  // namespace
}  // namespace skjerm
