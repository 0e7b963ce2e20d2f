#include "policy/entry_decision.h"

#include <algorithm>

namespace skjerm {
namespace {

constexpr std::pair<JournalField, const char*> kFieldNames[] = {
    {JournalField::kTitle, "title"},
    {JournalField::kPublicTitle, "public title"},
    {JournalField::kParties, "parties"},
};

bool FieldHolds(const PolicyRules& rules, JournalField field) {
  return field == JournalField::kParties ? rules.hold_in_parties : rules.hold_in_title;
}

void AddGround(HoldGround g, std::vector<HoldGround>* grounds) {
  if (std::find(grounds->begin(), grounds->end(), g) == grounds->end()) grounds->push_back(g);
}

std::string JoinReasons(const std::vector<std::string>& reasons, const char* separator) {
  std::string out;
  for (size_t i = 0; i < reasons.size(); ++i) out += (i > 0 ? separator : "") + reasons[i];
  return out;
}

// "the public journal would show personal data: person name T***** in the title, ..."
std::string DescribePrinted(const std::vector<const FieldFinding*>& holding) {
  std::vector<std::string> shown;
  for (const FieldFinding* f : holding) {
    shown.push_back(std::string(CategoryName(f->finding.category)) + " " + Masked(f->finding) +
                    " in the " + JournalFieldName(f->field));
  }
  return "the public journal would show personal data: " + JoinReasons(shown, ", ");
}

std::string ExemptReason(const std::optional<ExemptionMarking>& entry_marking,
                         const std::vector<Verdict>& documents) {
  // A marking in a document's own text says more than the access code.
  for (const Verdict& v : documents) {
    if (v.decision == Decision::kExempt && v.marking && v.marking->page > 0) return v.reason;
  }
  return entry_marking ? "exempt through the entry's " + entry_marking->phrase
                       : "exemption marking in the document";
}

}  // namespace

const char* JournalFieldName(JournalField field) {
  for (const auto& [value, name] : kFieldNames) {
    if (value == field) return name;
  }
  return "?";
}

std::optional<JournalField> JournalFieldFromName(std::string_view name) {
  for (const auto& [value, field_name] : kFieldNames) {
    if (name == field_name) return value;
  }
  return std::nullopt;
}

EntryDecision DecideEntry(const PolicyRules& rules,
                          const std::optional<ExemptionMarking>& entry_marking,
                          std::vector<FieldFinding> field_findings,
                          const std::vector<Verdict>& documents) {
  EntryDecision out;
  std::erase_if(field_findings,
                [&](const FieldFinding& f) { return f.finding.confidence < rules.min_confidence; });
  out.printed = std::move(field_findings);

  Decision worst = Decision::kPass;
  std::vector<std::string> reasons;
  bool any_exempt = entry_marking.has_value();
  for (size_t i = 0; i < documents.size(); ++i) {
    const Verdict& v = documents[i];
    worst = MoreSevere(worst, v.decision);
    any_exempt |= v.decision == Decision::kExempt;
    if (!Blocks(v.decision)) continue;
    for (HoldGround g : GroundsOf(v.held)) AddGround(g, &out.grounds);
    reasons.push_back(
        (documents.size() > 1 ? "document " + std::to_string(i + 1) + ": " : std::string()) +
        v.reason);
  }
  // The journal prints the title and parties even when the documents are exempt.
  std::vector<const FieldFinding*> holding;
  for (FieldFinding& f : out.printed) {
    f.published = rules.Publishes(f.finding);
    if (FieldHolds(rules, f.field) && !f.published) holding.push_back(&f);
  }
  if (!holding.empty()) {
    reasons.push_back(DescribePrinted(holding));
    AddGround(HoldGround::kPrintedField, &out.grounds);
    worst = MoreSevere(worst, Decision::kHold);
  }

  if (Blocks(worst)) {
    out.decision = worst;
    out.reason = JoinReasons(reasons, "; ");
  } else if (any_exempt) {
    out.decision = Decision::kExempt;
    out.reason = ExemptReason(entry_marking, documents);
  } else {
    out.decision = Decision::kPass;
    out.reason = documents.empty()
                     ? "no documents: judged on its title, parties and access code; nothing found"
                     : "no personal data found";
  }
  return out;
}

}  // namespace skjerm
