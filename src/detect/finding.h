// One piece of personal data found in a document: what kind, which rule found it, where,
// how sure, and — in memory only — the text itself. Everything that leaves the process
// shows Masked() unless the user asked for --reveal.
#ifndef SKJERM_DETECT_FINDING_H_
#define SKJERM_DETECT_FINDING_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "detect/finding_flags.h"
#include "extract/document.h"

namespace skjerm {

enum class Category { kNationalId, kPersonName, kBirthDate, kAddress, kPhone, kEmail };

const char* CategoryName(Category category);
std::optional<Category> CategoryFromName(std::string_view name);

// Where a text unit comes from: a page's text, or text outside the pages.
struct Location {
  int page = 0;                            // 1-based; 0 for document-level metadata
  std::optional<MetadataSource> metadata;  // unset for page text
  std::string field;                       // metadata name ("Title", ...)

  bool is_page_text() const { return !metadata.has_value(); }
  bool operator==(const Location&) const = default;
};

// The original text of document that location points into (a page's text, a metadata
// field, the file name); empty when the document has no such unit.
std::string_view LocatedText(const Document& document, const Location& location);

struct Finding {
  Category category = Category::kNationalId;
  std::string rule;  // "no.fodselsnummer", "se.personnummer", "name.roster", ...
  Location location;
  // Bytes of the unit's original text (Page::text or MetadataText::text).
  size_t begin = 0;
  size_t end = 0;
  // The same span in the unit's TextView.
  size_t view_begin = 0;
  size_t view_end = 0;
  double confidence = 1.0;  // 0..1
  // The value as found, after normalisation (OCR digit confusions resolved). Never
  // written anywhere without --reveal.
  std::string text;
  // What the detectors learnt about it: roles, how an ID was validated.
  FindingFlags flags;
  // For contact data: why it was taken for a private person's, and the cue word when that
  // was the reason.
  PartyBasis party_basis = PartyBasis::kNone;
  std::string cue_word;
  // For matching across detectors (a name linked to a roster entry, an ID's birth date).
  std::string key;
};

// The form of a finding's value that may be shown. National IDs and birth dates show their
// shape only, so that no digit of a number or a date can be read: every digit and letter
// becomes '*', every word (a month name) "***", separators stay ("****** *****",
// "**.**.****", "**. *** ****"). Everything else keeps its first character and separators
// ("E*** *******"). Where a finding stands (page, offsets) tells an archivist which one it
// is; nothing in the mask does.
std::string MaskValue(Category category, std::string_view value);
inline std::string Masked(const Finding& f) { return MaskValue(f.category, f.text); }

}  // namespace skjerm

#endif  // SKJERM_DETECT_FINDING_H_
