// A Document as bytes: pages with their words and boxes, and the metadata texts. Used by the
// text cache (which seals it: it is the letter's text) and between skjerm and its extraction
// worker processes. JSON, so that a cache written by one version is read — or refused — by
// the next.
#ifndef SKJERM_EXTRACT_DOCUMENT_CODEC_H_
#define SKJERM_EXTRACT_DOCUMENT_CODEC_H_

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "extract/document.h"

namespace skjerm {

std::string EncodeDocument(const Document& document);
// nullopt when the bytes are not a document of this encoding.
std::optional<Document> DecodeDocument(const std::string& bytes);

// The same as JSON values, for messages that carry documents and pages. The FromJson
// functions throw nlohmann::json::exception on anything malformed.
nlohmann::json DocumentToJson(const Document& document);
Document DocumentFromJson(const nlohmann::json& j);
nlohmann::json PageToJson(const Page& page);
Page PageFromJson(const nlohmann::json& j);

}  // namespace skjerm

#endif  // SKJERM_EXTRACT_DOCUMENT_CODEC_H_
