// How a journal entry's judgement is shown: one JSON object (JSON Lines) per entry, or
// readable lines. Raw values only with `reveal`.
#ifndef SKJERM_REPORT_ENTRY_REPORT_H_
#define SKJERM_REPORT_ENTRY_REPORT_H_

#include <nlohmann/json.hpp>

#include <string>

#include "journal/entry_judge.h"
#include "journal/journal_store.h"
#include "report/scan_report.h"

namespace skjerm {

// {"journal_number","path","decision","reason","public_title","status","marking",
//  "documents":[{"path","sha256","decision"}],"findings":[...]}; findings as in `scan`,
// plus "location" and "document".
nlohmann::json EntryToJson(const JournalEntry& entry, const EntryJudgement& judgement,
                           EntryStatus status, const ReportOptions& options);

// "HOLD   2024/1234-2  Vedtak om tiltak – *****  pupil's name (S***** p. 1)"
std::string EntryToLine(const std::string& journal_number, Decision decision,
                        const std::string& public_title, const std::string& reason, bool color);

std::string JsonLine(const nlohmann::json& j);

}  // namespace skjerm

#endif  // SKJERM_REPORT_ENTRY_REPORT_H_
