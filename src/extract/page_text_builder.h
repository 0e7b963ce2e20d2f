// Builds Page::text and Page::words together so that every word's byte range stays exact.
// Used by both the text layer and OCR, so that both lay out text the same way.
#ifndef SKJERM_EXTRACT_PAGE_TEXT_BUILDER_H_
#define SKJERM_EXTRACT_PAGE_TEXT_BUILDER_H_

#include <string_view>

#include "extract/document.h"

namespace skjerm {

// What separates a word from the one before it.
enum class WordBreak {
  kNone,   // glued: the source had no space ("Ola" ",")
  kSpace,  // next word on the same line
  kCell,   // next cell of a table row on the same line: " | "
  kLine,   // '\n'
  kBlock,  // an empty line: a new paragraph, column or region
};

class PageTextBuilder {
 public:
  // Appends to page->text and page->words; the page must outlive the builder.
  explicit PageTextBuilder(Page* page) : page_(page) {}

  // `before` is ignored for the first word of the page. Spaces at the word's edges are
  // trimmed, and words left empty dropped; control characters become U+FFFD so that a word
  // can never break the line structure.
  void AddWord(std::string_view text, const Box& box, float confidence, WordBreak before);

  // Forces the next word to start a new block, whatever its caller says.
  void EndBlock() { pending_block_ = true; }

 private:
  Page* page_;
  bool pending_block_ = false;
};

}  // namespace skjerm

#endif  // SKJERM_EXTRACT_PAGE_TEXT_BUILDER_H_
