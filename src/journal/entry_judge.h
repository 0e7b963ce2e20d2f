// Judges a journal entry the way the public journal would show it: its documents (with the
// entry's own access code as a marking), and the title and parties that the journal prints
// whatever the documents say. Produces the public title, with personal data replaced by
// "*****", and a verdict for the whole entry.
#ifndef SKJERM_JOURNAL_ENTRY_JUDGE_H_
#define SKJERM_JOURNAL_ENTRY_JUDGE_H_

#include <optional>
#include <string>
#include <vector>

#include "journal/access_codes.h"
#include "journal/journal_entry.h"
#include "journal/journal_store.h"
#include "pipeline/scan_pipeline.h"
#include "pipeline/scanner.h"

namespace skjerm {

// A finding of an entry with where it was found.
struct EntryFinding {
  Finding finding;
  int document = 0;       // 1-based; 0 for the entry's own fields
  std::string unit_text;  // the text it was found in (for character offsets)
  std::string location;   // "title", "parties", "document 2 page 1", ...
};

struct EntryJudgement {
  Decision decision = Decision::kError;
  std::string reason;               // masked
  std::vector<HoldGround> grounds;  // why it is held (EntryDecision::grounds)
  std::string public_title;
  std::optional<ExemptionMarking> marking;
  std::vector<EntryFinding> findings;
  std::vector<std::string> document_paths;
  std::vector<std::string> document_sha256;  // "" for a document that could not be read
  std::vector<Decision> document_decisions;
};

class EntryJudge {
 public:
  EntryJudge(const Scanner& scanner, const AccessCodes& codes, const Policy& policy)
      : scanner_(scanner), codes_(codes), policy_(policy) {}

  // The marking the entry carries through its own fields, if any. Throws
  // std::runtime_error when the access code is unknown and configured as an error.
  std::optional<ExemptionMarking> EntryMarking(const JournalEntry& entry) const;

  // Combines the entry's fields with its documents' results (judged with EntryMarking()),
  // in the order of entry.documents. A document whose reference is a URL or missing is
  // error whatever its result says (see UnreadableReferenceResult). An entry without
  // documents is judged on its title, parties and access code alone.
  EntryJudgement Judge(const JournalEntry& entry, std::vector<ScanResult> documents) const;

 private:
  const Scanner& scanner_;
  const AccessCodes& codes_;
  const Policy& policy_;
};

// What a document whose reference skjerm cannot read (a URL, or none:
// journal/document_reference.h) comes to: error, saying what to do, with the findings of
// the reference's file name (so that output masks them, as it does a path's); its path is
// the reference as a person reads it (ReadableReference). Nothing is read for it — a URL
// is never opened as a path.
ScanResult UnreadableReferenceResult(const Scanner& scanner, const std::string& reference);

// The verdict as the store keeps it: masked findings with keyed hashes of their values.
EntryVerdict ToStoredVerdict(const EntryJudgement& judgement, const JournalStore& store);

// The value of a finding normalised for hashing: digits for IDs, folded letters and digits
// for the rest — so "120311 66592" and "120311-66592" are the same number.
std::string NormalisedValue(const Finding& finding);

// Whether an archivist's release still covers a new verdict: the same documents and the
// same findings as when it was given.
bool ReleaseStands(const std::optional<StoredRelease>& release, const EntryVerdict& verdict);

// The status a verdict gives an entry: published when it may be published, held when not,
// released when it would be held but a release still stands.
EntryStatus StatusAfter(const EntryVerdict& verdict, const std::optional<StoredRelease>& release);

// `text` with each [begin, end) span replaced by "*****" (overlapping spans merged).
std::string MaskSpans(const std::string& text, std::vector<std::pair<size_t, size_t>> spans);

}  // namespace skjerm

#endif  // SKJERM_JOURNAL_ENTRY_JUDGE_H_
