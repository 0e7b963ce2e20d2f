// Calendar dates as Nordic letters write them: 12.03.2011, 12.03.11, 12/3-2011, 12-03-2011,
// 2011-03-12, 20110312, 12. mars 2011, 3. mai 2012, 12. okt. 2011. A DateFinder finds the
// dates that exist in the calendar and stand on their own — not the date part of a longer
// number (an ID, an account, a case number) and not an end of a period ("6.–12. mars").
// What a date *means* is for the detectors to decide.
#ifndef SKJERM_DETECT_DATES_CALENDAR_DATE_H_
#define SKJERM_DETECT_DATES_CALENDAR_DATE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace re2 {
class RE2;
}

namespace skjerm {

struct CalendarDate {
  int year = 0;
  int month = 0;
  int day = 0;

  // "2011-03-12".
  std::string ToIso() const;
  friend bool operator==(const CalendarDate&, const CalendarDate&) = default;
};

// True when the day exists in the proleptic Gregorian calendar (31.02 does not; 29.02 only
// in leap years).
bool IsValidCalendarDate(int year, int month, int day);

enum class DateForm {
  kDayMonthYear,  // 12.03.2011, 12/3-2011, 12-03-2011, 12.03.11
  kYearMonthDay,  // 2011-03-12
  kCompact,       // 20110312 or 12032011: eight digits, a date only when context says so
  kMonthName,     // 12. mars 2011
};

struct DateMention {
  size_t begin = 0;  // bytes of the searched text
  size_t end = 0;
  CalendarDate date;
  DateForm form = DateForm::kDayMonthYear;
  bool two_digit_year = false;
};

class DateFinder {
 public:
  // month_names: every spelling of a month (lower case, no full stop) with its number 1..12.
  // A two-digit year YY is 20YY when YY <= two_digit_year_pivot, else 19YY.
  DateFinder(const std::vector<std::pair<std::string, int>>& month_names, int two_digit_year_pivot);
  ~DateFinder();
  DateFinder(DateFinder&&) noexcept;
  DateFinder& operator=(DateFinder&&) noexcept;

  // Every date in text, in order, none overlapping another.
  std::vector<DateMention> FindAll(std::string_view text) const;

 private:
  void FindNumeric(std::string_view text, std::vector<DateMention>* out) const;
  void FindIso(std::string_view text, std::vector<DateMention>* out) const;
  void FindCompact(std::string_view text, std::vector<DateMention>* out) const;
  void FindWithMonthName(std::string_view text, std::vector<DateMention>* out) const;
  int FullYear(int two_digits) const;

  std::unique_ptr<re2::RE2> numeric_;
  std::unique_ptr<re2::RE2> iso_;
  std::unique_ptr<re2::RE2> compact_;
  std::unique_ptr<re2::RE2> month_name_;
  // Lower-case spelling -> month, for the spellings month_name_ matches.
  std::vector<std::pair<std::string, int>> month_names_;
  int pivot_ = 0;
};

}  // namespace skjerm

#endif  // SKJERM_DETECT_DATES_CALENDAR_DATE_H_
