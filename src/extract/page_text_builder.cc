#include "extract/page_text_builder.h"

#include "base/utf8.h"

namespace skjerm {
namespace {

void AppendSanitized(std::string_view text, std::string* out) {
  for (size_t i = 0; i < text.size();) {
    size_t length;
    const char32_t cp = DecodeUtf8(text, i, &length);
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
      AppendUtf8(0xFFFD, out);
    } else if (cp == 0xFFFD && length == 1) {
      AppendUtf8(0xFFFD, out);  // a broken byte: keep the text valid UTF-8
    } else {
      out->append(text.substr(i, length));
    }
    i += length;
  }
}

}  // namespace

void PageTextBuilder::AddWord(std::string_view text, const Box& box, float confidence,
                              WordBreak before) {
  // OCR words can carry spaces at their edges (" Sørbygda"), or be nothing but a space
  // (a rule read as a word).
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return;
  std::string& out = page_->text;
  if (pending_block_) before = WordBreak::kBlock;
  pending_block_ = false;
  if (!out.empty()) {
    switch (before) {
      case WordBreak::kNone:
        break;
      case WordBreak::kSpace:
        out.push_back(' ');
        break;
      case WordBreak::kCell:
        out.append(" | ");
        break;
      case WordBreak::kLine:
        out.push_back('\n');
        break;
      case WordBreak::kBlock:
        out.append("\n\n");
        break;
    }
  }
  Word word;
  word.box = box;
  word.confidence = confidence;
  word.begin = out.size();
  AppendSanitized(text, &out);
  word.end = out.size();
  page_->words.push_back(word);
}

}  // namespace skjerm
