// The wire between skjerm and its extraction workers: length-prefixed frames (4 bytes,
// little-endian, then the JSON text) over a socket, and the extraction options as JSON.
#ifndef SKJERM_EXTRACT_READER_PROTOCOL_H_
#define SKJERM_EXTRACT_READER_PROTOCOL_H_

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "extract/extract_options.h"

namespace skjerm {

// A frame larger than this is refused (a document's text and boxes are far smaller).
inline constexpr uint32_t kMaxFrameBytes = 512u << 20;

// False when the connection closed, failed, or the frame was too large.
bool ReadFrame(int fd, std::string* frame);
bool WriteFrame(int fd, std::string_view frame);

nlohmann::json ExtractOptionsToJson(const ExtractOptions& options);
ExtractOptions ExtractOptionsFromJson(const nlohmann::json& j);

}  // namespace skjerm

#endif  // SKJERM_EXTRACT_READER_PROTOCOL_H_
