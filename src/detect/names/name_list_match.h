// The name lists' part of the name detector, for people the roster does not know: runs of
// capitalised words that a listed first name or the words around them make a name
// ("name.list", "name.context"), names in a table column headed «Navn»/«Elev», and names
// alone — a first name of a name found in full, a greeted or labelled first name, a listed
// first name capitalised mid-sentence, a name joined by «og» to one found.
#ifndef SKJERM_DETECT_NAMES_NAME_LIST_MATCH_H_
#define SKJERM_DETECT_NAMES_NAME_LIST_MATCH_H_

#include <string>
#include <tuple>
#include <unordered_set>
#include <utility>
#include <vector>

#include "detect/names/name_context.h"
#include "detect/names/name_document.h"
#include "detect/names/name_rules.h"

namespace skjerm {
namespace person_names {

class ListMatch {
 public:
  ListMatch(const Rules& rules, const Context& context, NameDocument* doc)
      : rules_(rules), context_(context), doc_(doc) {}

  void Run();

 private:
  // What the words in and around a run make it.
  struct RunJudgement {
    std::string rule;  // "" when the run is not taken for a name
    double confidence = 0;
  };

  // Tables.
  void TableColumns(size_t u);
  size_t NameColumn(const NameUnit& unit,
                    const std::vector<std::pair<size_t, size_t>>& header) const;
  size_t TableRows(size_t u, size_t line, size_t column, size_t columns);

  // Runs of capitalised words.
  void NoteOfficials(size_t u);
  bool OfficialNamedElsewhere(const NameUnit& unit, size_t i, size_t j) const;
  void Runs(size_t u);
  size_t RunAt(size_t u, size_t i);
  size_t SkipOrganisationName(NameUnit& unit, size_t i) const;
  bool MonthAsName(const NameUnit& unit, size_t i) const;
  size_t RunEnd(const NameUnit& unit, size_t i, bool listed) const;
  bool SecondFullName(const NameUnit& unit, size_t j) const;
  RunJudgement Judge(const NameUnit& unit, size_t i, size_t j, bool listed) const;
  bool PrivateEvidence(const NameUnit& unit, size_t j) const;
  RunJudgement ListedNameWithSurname(const NameUnit& unit, size_t i, size_t j) const;
  bool UnknownNameAfterLabel(const NameUnit& unit, size_t i) const;

  // Names alone.
  void LoneContextNames();
  std::string LoneFirstName(const Token& t) const;
  void CollectLoneFirstNames();
  bool OnHeadingLine(const NameUnit& unit, size_t i) const;
  // A word of a postal address: a house number after it («Nedre Lia 7») or a postcode before
  // it («1234 Lia»), where a first name that is also a place or street is the place.
  bool InAddress(const NameUnit& unit, size_t i) const;
  void Singles(size_t u);
  size_t KnownFullNameEnd(const NameUnit& unit, size_t i) const;
  bool OrdinaryAtSentenceStart(const Token& t) const;

  bool Listed(const FoldedWordSet& set, const Token& t) const {
    return set.ContainsFolded(t.folded);
  }
  // A listed first name, or one the roster knows.
  bool IsFirstName(const Token& t) const {
    return Listed(rules_.first_names, t) || doc_->roster_first.count(t.folded) > 0;
  }
  void Add(size_t u, size_t first, size_t last, const std::string& rule, double confidence);

  const Rules& rules_;
  const Context& context_;
  NameDocument* doc_;
  std::vector<std::tuple<size_t, size_t, size_t>> table_names_;  // (unit, first, last)
  std::vector<std::pair<size_t, size_t>> lone_context_;          // (unit, token): «Hei Kari»
  std::unordered_set<std::string> private_full_;  // full names with a private context
};

}  // namespace person_names
}  // namespace skjerm

#endif  // SKJERM_DETECT_NAMES_NAME_LIST_MATCH_H_
