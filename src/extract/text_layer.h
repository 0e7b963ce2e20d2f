// A PDF page's text layer: poppler's words, in its reading order, laid out as lines and
// blocks; and a judgement of whether that text is real text or needs OCR instead.
#ifndef SKJERM_EXTRACT_TEXT_LAYER_H_
#define SKJERM_EXTRACT_TEXT_LAYER_H_

#include <string>
#include <vector>

#include "extract/document.h"

namespace skjerm {

// One poppler text_box: a word with its box in page points (origin top left).
struct TextLayerWord {
  std::string text;  // UTF-8
  Box box;
  int rotation = 0;  // 0..3: the word runs right, down, left, up
  bool space_after = true;
};

// Appends the words to page->text / page->words: a space between the words of a line
// (none where the PDF had none), '\n' between lines and before a cell far to the right,
// an empty line where the layout has a gap of a blank line or more, or jumps back up (a
// new column).
void LayOutTextLayer(const std::vector<TextLayerWord>& words, Page* page);

// Counts over a page's text that tell whether it is text a reader sees.
struct TextQuality {
  int alnum = 0;  // letters and digits
  int letters = 0;
  int non_latin_letters = 0;  // letters outside the Latin script
  int junk = 0;               // private-use, replacement and control characters, unassigned
  int visible = 0;            // all code points but white space
};

TextQuality AssessText(const std::string& text);

// A text layer is usable when it has some substance and is mostly real characters. A
// font without a ToUnicode map gives private-use or control characters (junk), or
// glyph codes that land in a foreign script; OCR reads such a page instead.
bool IsUsableTextLayer(const TextQuality& quality);

// Fraction (0..1) of the page height covered by the vertical extents of the words: low
// for a stamp or a header line, high for a page of running text.
double LineCoverage(const Page& page);

}  // namespace skjerm

#endif  // SKJERM_EXTRACT_TEXT_LAYER_H_
