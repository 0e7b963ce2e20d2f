// Finds dates that the text says are somebody's date of birth: a date after a cue word
// ("født 12.03.2011", "Född: 2011-03-12", "f. 07.01.10"), in a table column headed so
// ("Fødselsdato"), beside a national ID number, or right after a person's name
// ("Sindre Haugland (12.03.2011)"). Every other date — the letter's own, meetings,
// deadlines, periods, decisions — is public and is left alone.
//
// Runs after the national-ID and name detectors and reads their findings. A date that lies
// inside an earlier finding (the date part of a fødselsnummer) is that finding's, not a
// birth date of its own. The rules (month names, cue words, headings, negative cues) come
// from patterns/birth_dates.toml.
#ifndef SKJERM_DETECT_DATES_BIRTH_DATE_DETECTOR_H_
#define SKJERM_DETECT_DATES_BIRTH_DATE_DETECTOR_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "detect/dates/calendar_date.h"
#include "detect/detector.h"

namespace re2 {
class RE2;
}

namespace skjerm {

class BirthDateDetector : public Detector {
 public:
  // Dates after the current year are not birth dates. Throws std::runtime_error naming
  // the file (and the line, for a syntax error) when the rules cannot be loaded.
  static std::unique_ptr<BirthDateDetector> FromFile(const std::string& toml_path);
  ~BirthDateDetector() override;

  std::string_view name() const override { return "birth_date"; }
  void Detect(const DocumentText& text, std::vector<Finding>* findings) const override;

  // What the rule file says; defined in the .cc.
  struct Rules;

 private:
  // An earlier finding's span in a unit's TextView.
  struct Span;

  BirthDateDetector(std::unique_ptr<Rules> rules, CalendarDate today);

  // A table with a birth-date column: the heading's display columns and the rows' bytes.
  struct Table {
    size_t heading_begin;
    size_t heading_end;
    std::vector<std::pair<size_t, size_t>> rows;
  };

  // letter_dates: the dates of the whole document outside birth-date tables and not in the
  // future, latest first.
  void DetectInUnit(const TextUnit& unit, const std::vector<DateMention>& dates,
                    const std::vector<Table>& tables, const std::vector<CalendarDate>& letter_dates,
                    const std::vector<Span>& earlier, std::vector<Finding>* findings) const;
  // The letter's own date as seen from a candidate date: the latest of letter_dates other
  // than the candidate; today when there is none.
  CalendarDate LetterDateBeside(const CalendarDate& date,
                                const std::vector<CalendarDate>& letter_dates) const;
  bool Plausible(const DateMention& date) const;
  // Whether a cue word binds the date that starts at date_begin.
  bool CueBinds(std::string_view text, size_t date_begin) const;
  // The display columns of a birth-date heading on the line, if it is a table's header line.
  std::optional<std::pair<size_t, size_t>> HeadingIn(std::string_view text, size_t line_begin,
                                                     size_t line_end) const;
  std::vector<Table> BirthDateTables(std::string_view text) const;
  // Which dates (indices into dates) stand in a birth-date column: in each row, the date
  // nearest under the heading, if it lies a while before the letter's date.
  std::vector<bool> InBirthDateColumn(std::string_view text, const std::vector<DateMention>& dates,
                                      const std::vector<Table>& tables,
                                      const std::vector<CalendarDate>& letter_dates) const;
  // The confidence with which an ID finding beside the date makes it a birth date.
  std::optional<double> BesideId(std::string_view text, const DateMention& date,
                                 const std::vector<Span>& ids) const;
  bool BesideName(std::string_view text, const DateMention& date, const CalendarDate& letter_date,
                  const std::vector<Span>& names) const;
  // What may stand between a context (cue, ID) and its date. Never digits, a sentence's
  // end or a negative cue.
  struct GapRules {
    int max_words = 0;
    bool allow_line_break = false;   // one, when nothing but spaces and colons stand between
    bool allow_column_gap = false;   // three spaces or more, when no words stand between
    bool comma_ends_clause = false;  // no words after a comma
  };
  bool GapBinds(std::string_view gap, const GapRules& rules) const;
  // Whether the full stop at gap[dot] ends a sentence (and so a cue's reach).
  bool EndsSentenceInGap(std::string_view gap, size_t dot) const;
  bool IsNegativeCue(std::string_view lower_word) const;

  std::unique_ptr<Rules> rules_;
  CalendarDate today_;
};

}  // namespace skjerm

#endif  // SKJERM_DETECT_DATES_BIRTH_DATE_DETECTOR_H_
