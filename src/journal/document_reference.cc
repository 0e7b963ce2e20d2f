#include "journal/document_reference.h"

#include <algorithm>
#include <optional>

#include "base/utf8.h"
#include "journal/journal_reader.h"

namespace skjerm {
namespace {

bool IsSchemeChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '-' || c == '.';
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "%C3%B8" -> "ø"; nullopt when a % is not followed by two hex digits or the result would
// hold a NUL (no path does).
std::optional<std::string> PercentDecoded(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    const int high = HexValue(text[i + 1]);
    const int low = HexValue(text[i + 2]);
    if (high < 0 || low < 0 || (high == 0 && low == 0)) return std::nullopt;
    out.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return out;
}

// The path of a file:// URL of this machine ("file:///srv/a.pdf",
// "file://localhost/srv/a.pdf"); nullopt for another host or a URL that does not decode.
std::optional<std::string> LocalFilePath(std::string_view url) {
  constexpr std::string_view kFile = "file://";
  if (url.size() < kFile.size() || ToLowerUtf8(url.substr(0, kFile.size())) != kFile) {
    return std::nullopt;
  }
  std::string_view rest = url.substr(kFile.size());
  const size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string host = ToLowerUtf8(rest.substr(0, slash));
  if (!host.empty() && host != "localhost") return std::nullopt;
  rest.remove_prefix(slash);
  // A query or fragment has no meaning for a file.
  if (rest.find_first_of("?#") != std::string_view::npos) return std::nullopt;
  std::optional<std::string> path = PercentDecoded(rest);
  if (!path || !IsWellFormedUtf8(*path)) return std::nullopt;
  return path;
}

}  // namespace

bool IsUrl(std::string_view text) {
  size_t n = 0;
  while (n < text.size() && IsSchemeChar(text[n])) ++n;
  if (n < 2 || !((text[0] >= 'a' && text[0] <= 'z') || (text[0] >= 'A' && text[0] <= 'Z'))) {
    return false;
  }
  const std::string_view after = text.substr(n);
  return after.substr(0, 3) == "://" || after.substr(0, 3) == ":\\\\";
}

DocumentReferenceKind KindOfDocumentReference(std::string_view stored) {
  if (TrimSpace(stored).empty()) return DocumentReferenceKind::kMissing;
  if (IsUrl(stored)) return DocumentReferenceKind::kUrl;
  return DocumentReferenceKind::kLocalFile;
}

std::string DocumentReferenceFromExport(const std::string& base_dir, std::string_view text) {
  text = TrimSpace(text);
  if (text.empty()) return "";
  if (IsUrl(text)) {
    if (std::optional<std::string> path = LocalFilePath(text)) {
      return ResolveDocumentPath(base_dir, *path);
    }
    return std::string(text);
  }
  return ResolveDocumentPath(base_dir, text);
}

std::string ReadableReference(std::string_view stored) {
  if (KindOfDocumentReference(stored) != DocumentReferenceKind::kUrl) return std::string(stored);
  std::optional<std::string> decoded = PercentDecoded(stored);
  // A control character decoded («%1B») would reach a terminal: the URL stays as written.
  const auto control = [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; };
  if (!decoded || !IsWellFormedUtf8(*decoded) ||
      std::any_of(decoded->begin(), decoded->end(), control)) {
    return std::string(stored);
  }
  return *decoded;
}

std::string UnreadableReferenceReason(DocumentReferenceKind kind) {
  switch (kind) {
    case DocumentReferenceKind::kLocalFile:
      return "";
    case DocumentReferenceKind::kUrl:
      return "the document is given as a URL, and skjerm reads local files only: put the file "
             "beside the export and import the entry again with its path";
    case DocumentReferenceKind::kMissing:
      return "the document description names no file (empty referanseDokumentfil or no "
             "dokumentobjekt), so the document cannot be read: import the entry again with "
             "the file's path";
  }
  return "";
}

std::string MissingFileWarning(int count) {
  return std::to_string(count) +
         (count == 1 ? " document description names" : " document descriptions name") +
         " no file (empty referanseDokumentfil or no dokumentobjekt); check judges the entry "
         "error until an import names the file";
}

std::string UrlWarning(int count) {
  return std::to_string(count) + (count == 1 ? " document is" : " documents are") +
         " given as a URL, and skjerm reads local files only; check judges the entry error "
         "until an import gives the file's path";
}

}  // namespace skjerm
