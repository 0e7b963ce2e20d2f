// A Document as bytes, for the text cache: pages with their words and boxes, and the
// metadata texts. The encoding is JSON so that a cache written by one version can be read
// (or refused) by the next; the store seals it, since it is the letter's text.
#ifndef SKJERM_JOURNAL_DOCUMENT_CODEC_H_
#define SKJERM_JOURNAL_DOCUMENT_CODEC_H_

#include <optional>
#include <string>

#include "extract/document.h"

namespace skjerm {

std::string EncodeDocument(const Document& document);
// nullopt when the bytes are not a document of this encoding.
std::optional<Document> DecodeDocument(const std::string& bytes);

}  // namespace skjerm

#endif  // SKJERM_JOURNAL_DOCUMENT_CODEC_H_
