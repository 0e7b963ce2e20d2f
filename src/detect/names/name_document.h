// One document as the name detector reads it: the words of each text unit, which of them
// are already taken (by another finding, a roster match, a street's or an official's
// name), the national IDs and birth dates beside them, the candidates found so far, and the
// names the document has mentioned (a first name alone is surer once the full name was
// seen, and an official's first name alone is the official again).
#ifndef SKJERM_DETECT_NAMES_NAME_DOCUMENT_H_
#define SKJERM_DETECT_NAMES_NAME_DOCUMENT_H_

#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "detect/detector.h"
#include "detect/names/name_rules.h"
#include "detect/names/name_words.h"

namespace skjerm {
namespace person_names {

struct NameUnit {
  const TextUnit* unit = nullptr;
  std::vector<Token> tokens;
  std::vector<bool> used;  // taken by a roster match, staff included, or by another finding
  std::vector<bool> name;  // part of a person's name found
  std::vector<std::pair<size_t, size_t>> anchors;  // national IDs and birth dates

  const std::string& text() const { return unit->view.text(); }
  const TextView& view() const { return unit->view; }
  // The bytes between tokens a and b.
  std::string_view GapBetween(size_t a, size_t b) const {
    return Gap(text(), tokens[a], tokens[b]);
  }
  // The folded words [first, last) joined by single spaces.
  std::string FoldedRun(size_t first, size_t last) const;
};

struct NameCandidate {
  size_t unit = 0;
  size_t first = 0, last = 0;  // tokens [first, last)
  std::string rule;
  double confidence = 0;
  FindingFlags flags;
};

struct NameDocument {
  // The units of `text` tokenised; the words under `findings` already made are taken.
  NameDocument(const DocumentText& text, const std::vector<Finding>& findings, const Rules& rules);

  std::vector<NameUnit> units;
  std::vector<NameCandidate> candidates;
  std::unordered_set<std::string> known_first;     // first names of names found
  std::unordered_set<std::string> known_full;      // full names found, folded
  std::unordered_set<std::string> known_family;    // last words of full names found
  std::unordered_set<std::string> lone_first;      // listed first names seen mid-sentence
  std::unordered_set<std::string> official_first;  // first names of officials found
  std::unordered_set<std::string> official_full;   // full names of officials, folded
  // Words the roster knows as first names: the list rules take them for listed first
  // names, so that a roster first name with another family name is still a name.
  std::unordered_set<std::string> roster_first;
};

}  // namespace person_names
}  // namespace skjerm

#endif  // SKJERM_DETECT_NAMES_NAME_DOCUMENT_H_
