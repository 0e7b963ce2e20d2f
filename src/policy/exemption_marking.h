// An exemption marking: the words by which a letter says it is not for the public
// ("Unntatt offentlighet, jf. offl. § 13", "Sekretess enligt 23 kap. 2 § OSL"), found
// where such markings stand — header block, stamp, subject line, footer — and not in a
// sentence that merely talks about exempt documents.
#ifndef SKJERM_POLICY_EXEMPTION_MARKING_H_
#define SKJERM_POLICY_EXEMPTION_MARKING_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detect/detector.h"

namespace skjerm {

enum class MarkingPosition { kHeader, kSubject, kStamp, kFooter, kMetadata, kJournal };

const char* MarkingPositionName(MarkingPosition position);

struct ExemptionMarking {
  std::string phrase;  // the marking as printed, normalised ("Unntatt offentlighet")
  std::string basis;   // the legal basis as printed ("offl. § 13 jf. fvl. § 13 (1) nr. 1"), or ""
  std::string language;  // nb, nn, sv, da
  int page = 0;          // 0 when the marking comes from the journal entry
  MarkingPosition position = MarkingPosition::kHeader;
};

// Finds exemption markings with the wordings of patterns/markings.toml.
class ExemptionMarkingFinder {
 public:
  // Throws std::runtime_error naming the file and line when the rules cannot be loaded.
  static std::unique_ptr<ExemptionMarkingFinder> FromFile(const std::string& path);
  virtual ~ExemptionMarkingFinder() = default;

  // The first marking in the document, in reading order; nullopt when it has none.
  virtual std::optional<ExemptionMarking> Find(const DocumentText& text) const = 0;
};

}  // namespace skjerm

#endif  // SKJERM_POLICY_EXEMPTION_MARKING_H_
