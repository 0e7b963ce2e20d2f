#include "policy/policy.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "base/rule_table.h"
#include "policy/hold_wording.h"

namespace skjerm {
namespace {

bool IsProtected(const Finding& f) {
  return f.rule == "protected_identity" || f.flags.Has(FindingFlag::kProtected);
}

// On which ground one finding holds a letter under `rules`; none when it does not.
std::optional<HoldGround> GroundOf(const PolicyRules& rules, const Finding& f, bool has_contact,
                                   bool has_private_name) {
  if (f.location.metadata == MetadataSource::kFileName) return HoldGround::kFileName;
  switch (f.category) {
    case Category::kNationalId:
      if (rules.hold_national_id) return HoldGround::kNationalId;
      return std::nullopt;
    case Category::kBirthDate:
      if (rules.hold_birth_date) return HoldGround::kBirthDate;
      return std::nullopt;
    case Category::kPersonName:
      if (IsProtected(f)) return HoldGround::kProtectedIdentity;
      if (f.flags.Has(FindingFlag::kPupil) && rules.hold_pupil_name) return HoldGround::kPupilName;
      if (f.flags.Has(FindingFlag::kGuardian) && rules.hold_guardian_name) {
        return HoldGround::kGuardianName;
      }
      if (f.flags.Has(FindingFlag::kCase) && rules.hold_private_name_in_case) {
        return HoldGround::kPrivateNameInCase;
      }
      if (rules.Publishes(f)) return std::nullopt;
      if (rules.hold_private_name) return HoldGround::kPrivateName;
      if (has_contact && rules.hold_private_name_with_contact) {
        return HoldGround::kPrivateNameWithContact;
      }
      return std::nullopt;
    case Category::kAddress:
    case Category::kPhone:
    case Category::kEmail:
      if (rules.Publishes(f)) return std::nullopt;
      if (rules.hold_contact_without_name) return HoldGround::kPrivateContact;
      if (has_private_name && rules.hold_private_name_with_contact) {
        return HoldGround::kPrivateNameWithContact;
      }
      return std::nullopt;
  }
  return std::nullopt;
}

// Every finding with a ground to hold the letter, in order.
std::vector<HeldFinding> GroundsToHold(const PolicyRules& rules,
                                       const std::vector<Finding>& findings) {
  // A property's address the policy publishes is nobody's contact details; an applicant's
  // name it publishes still makes his own phone or e-mail a named person's.
  bool has_contact = false, has_private_name = false;
  for (const Finding& f : findings) {
    has_contact |=
        !rules.Publishes(f) && (f.category == Category::kAddress ||
                                f.category == Category::kPhone || f.category == Category::kEmail);
    has_private_name |= f.category == Category::kPersonName;
  }
  std::vector<HeldFinding> held;
  for (size_t i = 0; i < findings.size(); ++i) {
    if (auto ground = GroundOf(rules, findings[i], has_contact, has_private_name)) {
      held.push_back({*ground, i});
    }
  }
  return held;
}

}  // namespace

std::string UnreadPageReason(const Page& page, double min_ocr_confidence) {
  if (page.origin != PageOrigin::kOcr || !page.ocr_confidence) return "";
  const float confidence = *page.ocr_confidence;
  const std::string label = "page " + std::to_string(page.number);
  if (!(confidence >= 0 && confidence <= 100)) {
    return label + " has an impossible OCR confidence: the reader is broken";
  }
  if (confidence == 0) {
    // The blank test found ink, yet OCR read no word with any confidence.
    return label +
           " has ink but OCR read no words from it (a scan too askew, coarse or damaged to "
           "read, or a page with no text); check the scan or rescan it";
  }
  if (confidence >= min_ocr_confidence) return "";
  std::ostringstream msg;
  msg << label << " could not be read reliably (OCR confidence " << static_cast<int>(confidence)
      << "%, at least " << min_ocr_confidence << "% needed); check the scan or rescan it";
  return msg.str();
}

Policy Policy::FromFile(const std::string& path) {
  PolicyRules rules;
  ReadRuleFile(path, [&](RuleTable& root) {
    if (std::optional<RuleTable> hold = root.Table("hold")) {
      const std::pair<const char*, bool*> flags[] = {
          {"national_id", &rules.hold_national_id},
          {"birth_date", &rules.hold_birth_date},
          {"pupil_name", &rules.hold_pupil_name},
          {"guardian_name", &rules.hold_guardian_name},
          {"private_name_in_case", &rules.hold_private_name_in_case},
          {"private_name_with_contact", &rules.hold_private_name_with_contact},
          {"private_name", &rules.hold_private_name},
          {"contact_without_name", &rules.hold_contact_without_name},
          {"property_matters", &rules.hold_property_matters},
      };
      for (const auto& [key, value] : flags) *value = hold->Bool(key, *value);
    }
    if (std::optional<RuleTable> journal = root.Table("journal")) {
      rules.hold_in_title = journal->Bool("title", rules.hold_in_title);
      rules.hold_in_parties = journal->Bool("parties", rules.hold_in_parties);
    }
    if (std::optional<RuleTable> thresholds = root.Table("thresholds")) {
      rules.min_confidence = thresholds->Number("min_confidence", rules.min_confidence, 0, 1);
      rules.min_ocr_confidence =
          thresholds->Number("min_ocr_confidence", rules.min_ocr_confidence, 0, 100);
    }
  });
  return Policy(rules);
}

Verdict Policy::Decide(const Document& document, std::optional<ExemptionMarking> marking,
                       std::vector<Finding> findings) const {
  findings.erase(
      std::remove_if(findings.begin(), findings.end(),
                     [&](const Finding& f) { return f.confidence < rules_.min_confidence; }),
      findings.end());
  Verdict verdict;
  verdict.marking = std::move(marking);
  verdict.findings = std::move(findings);
  std::vector<HeldFinding> grounds = GroundsToHold(rules_, verdict.findings);
  const bool uncovered = std::any_of(grounds.begin(), grounds.end(), [](const HeldFinding& h) {
    return HoldsWhenMarked(h.ground);
  });

  if (uncovered || (!verdict.marking && !grounds.empty())) {
    verdict.decision = Decision::kHold;
    if (verdict.marking) {
      std::erase_if(grounds, [](const HeldFinding& h) { return !HoldsWhenMarked(h.ground); });
    }
    verdict.held = std::move(grounds);
    verdict.reason = DescribeHold(verdict);
  } else if (verdict.marking) {
    verdict.decision = Decision::kExempt;
    verdict.reason = "exemption marking \"" + verdict.marking->phrase + "\"" +
                     (verdict.marking->page > 0 ? " on p. " + std::to_string(verdict.marking->page)
                                                : std::string(" in the journal entry"));
  } else {
    verdict.decision = Decision::kPass;
    verdict.reason = verdict.findings.empty() ? "no personal data found"
                                              : "only personal data the policy lets through";
    // A pass vouches for every page; a page OCR could barely read cannot be vouched for.
    for (const Page& page : document.pages) {
      std::string unread = UnreadPageReason(page, rules_.min_ocr_confidence);
      if (unread.empty()) continue;
      verdict.decision = Decision::kError;
      verdict.reason = std::move(unread);
      break;
    }
  }
  return verdict;
}

}  // namespace skjerm
