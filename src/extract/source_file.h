// An input file's bytes, read once, with its hash and sniffed type. Shared read-only by
// the tasks that extract its pages in parallel.
#ifndef SKJERM_EXTRACT_SOURCE_FILE_H_
#define SKJERM_EXTRACT_SOURCE_FILE_H_

#include <memory>
#include <string>
#include <string_view>

#include "extract/document.h"
#include "extract/extract_options.h"

namespace skjerm {

struct SourceFile {
  std::string path;
  std::shared_ptr<const std::string> bytes;
  std::string sha256;
  MediaType type = MediaType::kUnknown;
};

// Reads `path`. Throws ExtractionError when the file cannot be read, is empty, is larger
// than options.max_file_bytes, or is of a type skjerm cannot read.
SourceFile ReadSourceFile(const std::string& path, const ExtractOptions& options);

// The type of a file by its first bytes (the name only breaks ties for plain text).
MediaType SniffMediaType(std::string_view bytes, std::string_view path);

}  // namespace skjerm

#endif  // SKJERM_EXTRACT_SOURCE_FILE_H_
