#include "extract/source_file.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "base/file_util.h"
#include "base/sha256.h"
#include "extract/extraction_error.h"
#include "extract/text_file.h"

namespace skjerm {
namespace {

// Many PDF writers (and mail gateways) put a few bytes before the header; readers accept
// the header anywhere in the first kilobyte, so skjerm does too.
constexpr size_t kPdfHeaderWindow = 1024;

bool StartsWith(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

bool HasTextExtension(std::string_view path) {
  if (path.size() < 4) return false;
  std::string ext(path.substr(path.size() - 4));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".txt";
}

// strerror() says "Permission denied"; a reason reads better in lower case.
std::string LowerFirst(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

std::string SizeLimit(uint64_t bytes) {
  constexpr uint64_t kMiB = uint64_t{1} << 20;
  if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace

MediaType SniffMediaType(std::string_view bytes, std::string_view path) {
  if (bytes.substr(0, kPdfHeaderWindow + 5).find("%PDF-") != std::string_view::npos) {
    return MediaType::kPdf;
  }
  if (StartsWith(bytes, "\x89PNG\r\n\x1a\n")) return MediaType::kPng;
  if (StartsWith(bytes, "\xFF\xD8\xFF")) return MediaType::kJpeg;
  if (StartsWith(bytes, std::string_view("II*\0", 4)) ||
      StartsWith(bytes, std::string_view("MM\0*", 4))) {
    return MediaType::kTiff;
  }
  if (HasTextExtension(path) && IsPlainUtf8Text(bytes)) return MediaType::kText;
  return MediaType::kUnknown;
}

SourceFile ReadSourceFile(const std::string& path, const ExtractOptions& options) {
  auto bytes = std::make_shared<std::string>();
  const std::string failure = ReadFileBounded(path, options.max_file_bytes, bytes.get());
  if (!failure.empty()) throw ExtractionError("cannot read the file: " + LowerFirst(failure));
  if (bytes->empty()) throw ExtractionError("empty file (0 bytes)");
  if (bytes->size() > options.max_file_bytes) {
    throw ExtractionError("larger than the " + SizeLimit(options.max_file_bytes) + " limit");
  }
  SourceFile file;
  file.path = path;
  file.type = SniffMediaType(*bytes, path);
  if (file.type == MediaType::kUnknown) {
    if (HasTextExtension(path)) throw ExtractionError("not valid UTF-8 text");
    throw ExtractionError("unsupported file type (not PDF, PNG, JPEG, TIFF or UTF-8 text)");
  }
  file.sha256 = Sha256Hex(*bytes);
  file.bytes = std::move(bytes);
  return file;
}

}  // namespace skjerm
