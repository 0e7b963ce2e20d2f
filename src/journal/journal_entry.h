// A journal entry as it comes from the records system (a CSV export or a Noark 5
// arkivstruktur.xml), before skjerm has judged it. Title and parties may carry personal
// data: the store keeps them sealed.
#ifndef SKJERM_JOURNAL_JOURNAL_ENTRY_H_
#define SKJERM_JOURNAL_JOURNAL_ENTRY_H_

#include <string>
#include <vector>

namespace skjerm {

enum class EntryStatus { kPending, kPublished, kHeld, kReleased };

const char* EntryStatusName(EntryStatus status);
bool EntryStatusFromName(const std::string& name, EntryStatus* status);

struct JournalEntry {
  std::string journal_number;          // registreringsID / journalpostnummer: "2024/1234-2"
  std::string journal_date;            // YYYY-MM-DD, or ""
  std::string document_date;           // YYYY-MM-DD, or ""
  std::string direction;               // I (inngående), U (utgående), N, X, S; or ""
  std::string title;                   // tittel
  std::string given_public_title;      // offentligTittel when the source has one
  std::vector<std::string> parties;    // korrespondansepart: name, address, ... one a line
  std::string access_code;             // local access code or tilgangsrestriksjon
  std::string legal_basis;             // skjermingshjemmel
  std::string screened_fields;         // skjermingMetadata, comma-separated
  std::vector<std::string> documents;  // file paths, as the importer resolved them
};

}  // namespace skjerm

#endif  // SKJERM_JOURNAL_JOURNAL_ENTRY_H_
