#include "report/entry_report.h"

#include <sstream>

namespace skjerm {

namespace {

// A document's path as output shows it: its file name's findings masked unless revealed.
std::string ShownDocumentPath(const EntryJudgement& judgement, size_t index,
                              const ReportOptions& options) {
  std::vector<Finding> findings;
  for (const EntryFinding& ef : judgement.findings) {
    if (ef.document == static_cast<int>(index) + 1) findings.push_back(ef.finding);
  }
  return ShownPath(judgement.document_paths[index], findings, options);
}

}  // namespace

std::string JsonLine(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json EntryToJson(const JournalEntry& entry, const EntryJudgement& judgement,
                           EntryStatus status, const ReportOptions& options) {
  nlohmann::json j;
  j["journal_number"] = entry.journal_number;
  // A document description that names no file has no path: null.
  auto path = [&](size_t i) {
    return judgement.document_paths[i].empty()
               ? nlohmann::json(nullptr)
               : nlohmann::json(ShownDocumentPath(judgement, i, options));
  };
  j["path"] = judgement.document_paths.empty() ? nlohmann::json(nullptr) : path(0);
  j["decision"] = DecisionName(judgement.decision);
  j["reason"] = judgement.reason;
  j["grounds"] = HoldGroundsToJson(judgement.grounds);
  j["public_title"] = judgement.public_title;
  j["status"] = EntryStatusName(status);
  if (judgement.marking) {
    j["marking"] = {{"phrase", judgement.marking->phrase},
                    {"basis", judgement.marking->basis},
                    {"page", judgement.marking->page},
                    {"position", MarkingPositionName(judgement.marking->position)}};
  } else {
    j["marking"] = nullptr;
  }
  nlohmann::json documents = nlohmann::json::array();
  for (size_t i = 0; i < judgement.document_paths.size(); ++i) {
    documents.push_back({{"path", path(i)},
                         {"sha256", judgement.document_sha256[i].empty()
                                        ? nlohmann::json(nullptr)
                                        : nlohmann::json(judgement.document_sha256[i])},
                         {"decision", DecisionName(judgement.document_decisions[i])}});
  }
  j["documents"] = std::move(documents);
  nlohmann::json findings = nlohmann::json::array();
  for (const EntryFinding& ef : judgement.findings) {
    nlohmann::json f = FindingToJson(ef.finding, ef.unit_text, options);
    f["location"] = ef.location;
    f["document"] = ef.document;
    findings.push_back(std::move(f));
  }
  j["findings"] = std::move(findings);
  return j;
}

std::string EntryToLine(const std::string& journal_number, Decision decision,
                        const std::string& public_title, const std::string& reason, bool color) {
  std::string label = DecisionName(decision);
  for (char& c : label) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  label.resize(6, ' ');
  std::ostringstream out;
  if (color) out << (Blocks(decision) ? "\033[1;31m" : "\033[32m");
  out << label;
  if (color) out << "\033[0m";
  out << " " << journal_number << "  \"" << public_title << "\"  " << reason;
  return out.str();
}

}  // namespace skjerm
