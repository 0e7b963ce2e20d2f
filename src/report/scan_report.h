// How a scan result is shown: one JSON object (JSON Lines) or one readable line. Raw values
// appear only when `reveal` is set; everything else shows masked values.
#ifndef SKJERM_REPORT_SCAN_REPORT_H_
#define SKJERM_REPORT_SCAN_REPORT_H_

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "pipeline/scan_pipeline.h"

namespace skjerm {

struct ReportOptions {
  bool reveal = false;
  bool color = false;
};

// A span of a file name and what it shows instead: [begin, end) bytes of the last part of
// a path.
struct MaskedSpan {
  size_t begin = 0;
  size_t end = 0;
  std::string mask;
};

// The path with each span of its file name replaced by its mask (where spans overlap, the
// rest of the later one is starred): "letters/Vedtak E*** ******* ***********.pdf". The
// folders are shown as they are.
std::string MaskFileName(std::string_view path, std::vector<MaskedSpan> spans);

// The path as output shows it: as it is with reveal, else with every finding of its file
// name masked (a name without findings, «nb-vedtak-hold.pdf», stays as it is).
std::string ShownPath(std::string_view path, const std::vector<Finding>& findings,
                      const ReportOptions& options);

// {"path","sha256","decision","reason","marking","pages","findings"} as the README documents.
nlohmann::json ScanResultToJson(const ScanResult& result, const ReportOptions& options);

// A finding as JSON; `unit_text` is the original text of the unit it was found in (for
// character offsets).
nlohmann::json FindingToJson(const Finding& finding, std::string_view unit_text,
                             const ReportOptions& options);

// Why a piece of contact data was given to its party, in an archivist's words ("post box",
// "cue word 'mor'").
std::string PartyBasisText(PartyBasis basis, const std::string& cue_word);

// The name of a hold ground in JSON, as its key in policy.toml: "national_id",
// "pupil_name", "contact_without_name", "file_name", "printed_field", ...
const char* HoldGroundName(HoldGround ground);
// The names of `grounds` as a JSON array.
nlohmann::json HoldGroundsToJson(const std::vector<HoldGround>& grounds);

// "HOLD   path  national ID number (120311***** p. 1); no exemption marking"
std::string ScanResultToLine(const ScanResult& result, const ReportOptions& options);

// "3 documents: 1 pass, 1 exempt, 1 hold, 0 error" (noun: "document" or "entry")
std::string SummaryLine(const std::vector<int>& counts_by_decision, bool color,
                        const std::string& noun = "document");

}  // namespace skjerm

#endif  // SKJERM_REPORT_SCAN_REPORT_H_
