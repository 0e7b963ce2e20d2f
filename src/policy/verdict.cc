#include "policy/verdict.h"

#include <algorithm>

namespace skjerm {

const char* DecisionName(Decision decision) {
  switch (decision) {
    case Decision::kPass:
      return "pass";
    case Decision::kExempt:
      return "exempt";
    case Decision::kHold:
      return "hold";
    case Decision::kError:
      return "error";
  }
  return "error";
}

std::optional<Decision> DecisionFromName(std::string_view name) {
  for (Decision d : {Decision::kPass, Decision::kExempt, Decision::kHold, Decision::kError}) {
    if (name == DecisionName(d)) return d;
  }
  return std::nullopt;
}

const char* MarkingPositionName(MarkingPosition position) {
  switch (position) {
    case MarkingPosition::kHeader:
      return "header";
    case MarkingPosition::kSubject:
      return "subject";
    case MarkingPosition::kStamp:
      return "stamp";
    case MarkingPosition::kFooter:
      return "footer";
    case MarkingPosition::kMetadata:
      return "metadata";
    case MarkingPosition::kJournal:
      return "journal";
  }
  return "header";
}

std::vector<HoldGround> GroundsOf(const std::vector<HeldFinding>& held) {
  std::vector<HoldGround> grounds;
  for (const HeldFinding& h : held) {
    if (std::find(grounds.begin(), grounds.end(), h.ground) == grounds.end()) {
      grounds.push_back(h.ground);
    }
  }
  return grounds;
}

}  // namespace skjerm
