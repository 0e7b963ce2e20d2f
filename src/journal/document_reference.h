// An entry's reference to one of its documents, as an export gives it and as the store
// keeps it (one text per document). skjerm reads local files only, so a reference is one
// of three kinds:
//
//   local file  an absolute path ("/srv/eksport/dokumenter/123.pdf"), made so at import
//   URL         "https://…", "http://…" (as eInnsyn full-text publishing writes them) or a
//               file:// URL of another host: kept as written, never turned into a path
//   missing     "": a document description that names no file (an empty
//               referanseDokumentfil, a dokumentbeskrivelse without dokumentobjekt)
//
// A URL or a missing reference cannot be read, so the entry is judged `error` until a
// re-import gives the document's path. Value functions; no state.
#ifndef SKJERM_JOURNAL_DOCUMENT_REFERENCE_H_
#define SKJERM_JOURNAL_DOCUMENT_REFERENCE_H_

#include <string>
#include <string_view>

namespace skjerm {

enum class DocumentReferenceKind { kLocalFile, kUrl, kMissing };

// The kind of a stored reference.
DocumentReferenceKind KindOfDocumentReference(std::string_view stored);

// True when text starts with a URL scheme of two or more characters and "//"
// ("https://", "file://"); "C:\dok\1.pdf" is a Windows path, not a URL.
bool IsUrl(std::string_view text);

// The reference an export gives (text trimmed), ready to store: "" stays "" (missing); a
// file:// URL of this machine (no host or "localhost") becomes its percent-decoded path;
// another URL is kept as written; a path is made absolute against base_dir
// (ResolveDocumentPath).
std::string DocumentReferenceFromExport(const std::string& base_dir, std::string_view text);

// The reference as a person reads it, and as its file name is judged and masked: a URL
// with its percent-escapes decoded («Vedtak%20Emil%20Solberg.pdf» hides a name from the
// detectors), when they decode to UTF-8 text without control characters; anything else
// as stored.
std::string ReadableReference(std::string_view stored);

// Why a document with a reference of this kind cannot be read, in words that say what to
// do; "" for a local file (whose reading may fail for reasons of its own).
std::string UnreadableReferenceReason(DocumentReferenceKind kind);

// The import's warning for an entry with `count` (> 0) document descriptions that name no
// file, and for one with `count` documents given as URLs.
std::string MissingFileWarning(int count);
std::string UrlWarning(int count);

}  // namespace skjerm

#endif  // SKJERM_JOURNAL_DOCUMENT_REFERENCE_H_
