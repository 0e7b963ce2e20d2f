// What the journal readers (CSV export, Noark 5 arkivstruktur.xml) share. A reader hands
// each entry to a JournalSink as soon as it has read it, so that an extract of any size is
// imported in constant memory and whatever was read before a fault in the file is kept.
//
// Nothing a reader reports (skip reasons, warnings, errors) quotes a field of the file:
// titles and parties may name a pupil. Reports name the line instead.
#ifndef SKJERM_JOURNAL_JOURNAL_READER_H_
#define SKJERM_JOURNAL_JOURNAL_READER_H_

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "journal/journal_entry.h"

namespace skjerm {

// The file cannot be read, or cannot be read past some point (its message says where:
// "line 12, column 4: mismatched tag"). Entries read before that point were already handed
// to the sink.
class JournalReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class JournalSink {
 public:
  virtual ~JournalSink() = default;
  // An entry read from the record that starts on `line`.
  virtual void OnEntry(JournalEntry entry, int64_t line) = 0;
  // A record that was not imported, and why.
  virtual void OnSkipped(int64_t line, const std::string& reason) = 0;
  // A record that was imported with a field left out, and why.
  virtual void OnWarning(int64_t line, const std::string& reason) = 0;
};

// A date as journals write it — "2024-09-19", "2024-09-19T10:15:00+02:00", "19.09.2024",
// "19.09.2024 10:15" — as "2024-09-19"; "" when the text is not a date that exists.
std::string NormaliseJournalDate(std::string_view text);

// The Noark journalposttype code (I, U, N, X, S) of a code or of the standard's wording
// («Inngående dokument», «Utgående dokument», «Organinternt dokument for oppfølging»,
// «Organinternt dokument uten oppfølging», «Saksframlegg», also in nynorsk); "" when not
// recognised. Case does not matter.
std::string DirectionCode(std::string_view text);

// The absolute directory the file lies in: the base of the document paths it gives.
std::string DirectoryOf(const std::string& file);

// A document path as the export gives it, made absolute against base_dir (when relative)
// and lexically normal ("/a/b/../c.pdf" -> "/a/c.pdf"), with Windows backslashes read as
// separators. Absolute, so that the database
// finds the document from whatever directory skjerm runs in later.
std::string ResolveDocumentPath(const std::string& base_dir, std::string_view path);

// Without leading and trailing spaces, tabs and line breaks.
std::string_view TrimSpace(std::string_view text);

// True when text is well-formed UTF-8.
bool IsWellFormedUtf8(std::string_view text);

}  // namespace skjerm

#endif  // SKJERM_JOURNAL_JOURNAL_READER_H_
