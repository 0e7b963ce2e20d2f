#include "policy/policy.h"

#include <algorithm>
#include <map>
#include <sstream>
#include <stdexcept>

#include "base/rule_table.h"

namespace skjerm {
namespace {

bool IsProtected(const Finding& f) {
  return f.rule == "protected_identity" || f.flags.Has(FindingFlag::kProtected);
}

// Why one finding holds the letter, in an archivist's words; "" when it does not.
std::string HoldReason(const PolicyRules& rules, const Finding& f, bool has_contact,
                       bool has_private_name) {
  switch (f.category) {
    case Category::kNationalId:
      return rules.hold_national_id ? "national ID number" : "";
    case Category::kBirthDate:
      return rules.hold_birth_date ? "birth date" : "";
    case Category::kPersonName:
      if (IsProtected(f)) return "protected identity";
      if (f.flags.Has(FindingFlag::kPupil) && rules.hold_pupil_name) return "pupil's name";
      if (f.flags.Has(FindingFlag::kGuardian) && rules.hold_guardian_name) return "guardian's name";
      if (f.flags.Has(FindingFlag::kCase) && rules.hold_private_name_in_case) {
        return "private person's name in a school or welfare case";
      }
      if (rules.hold_private_name) return "private person's name";
      if (has_contact && rules.hold_private_name_with_contact) {
        return "private person's name with contact details";
      }
      return "";
    case Category::kAddress:
    case Category::kPhone:
    case Category::kEmail:
      if (rules.hold_contact_without_name) return "private contact details";
      if (has_private_name && rules.hold_private_name_with_contact) {
        return "private person's name with contact details";
      }
      return "";
  }
  return "";
}

bool InFileName(const Finding& f) { return f.location.metadata == MetadataSource::kFileName; }

// What a finding in the file name is, in an archivist's words.
const char* FileNameWhat(Category category) {
  switch (category) {
    case Category::kNationalId:
      return "national ID number";
    case Category::kBirthDate:
      return "birth date";
    case Category::kPersonName:
      return "name";
    case Category::kAddress:
      return "address";
    case Category::kPhone:
      return "phone number";
    case Category::kEmail:
      return "e-mail address";
  }
  return "personal data";
}

std::string PageRef(const Finding& f) {
  if (InFileName(f)) return "in the file name";
  if (!f.location.is_page_text()) {
    return std::string(MetadataSourceName(*f.location.metadata)) +
           (f.location.field.empty() ? "" : " \"" + f.location.field + "\"");
  }
  return "p. " + std::to_string(f.location.page);
}

// "national ID number (****** ***** p. 1); pupil's name x3 (S***** p. 1, ...)"
std::string DescribeHold(const std::vector<std::pair<std::string, const Finding*>>& reasons) {
  std::map<std::string, std::vector<const Finding*>> by_reason;
  std::vector<std::string> order;
  for (const auto& [reason, finding] : reasons) {
    if (by_reason.find(reason) == by_reason.end()) order.push_back(reason);
    by_reason[reason].push_back(finding);
  }
  std::ostringstream out;
  for (size_t i = 0; i < order.size(); ++i) {
    const auto& list = by_reason[order[i]];
    if (i > 0) out << "; ";
    out << order[i];
    if (list.size() > 1) out << " x" << list.size();
    out << " (" << Masked(*list[0]) << " " << PageRef(*list[0]);
    if (list.size() > 1) out << ", ...";
    out << ")";
  }
  return out.str();
}

// "the file name shows personal data: national ID number (****** *****), name (E*** ****)"
std::string DescribeFileName(const std::vector<const Finding*>& findings) {
  std::ostringstream out;
  out << "the file name shows personal data: ";
  for (size_t i = 0; i < findings.size(); ++i) {
    out << (i > 0 ? ", " : "") << FileNameWhat(findings[i]->category) << " ("
        << Masked(*findings[i]) << ")";
  }
  return out.str();
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

  bool has_contact = false, has_private_name = false;
  for (const Finding& f : findings) {
    has_contact |= f.category == Category::kAddress || f.category == Category::kPhone ||
                   f.category == Category::kEmail;
    has_private_name |= f.category == Category::kPersonName;
  }
  std::vector<std::pair<std::string, const Finding*>> reasons;
  std::vector<std::pair<std::string, const Finding*>> protected_reasons;
  // The file name travels with the document into the journal, marked or not, like an
  // entry's title: any personal data in it holds.
  std::vector<const Finding*> in_file_name;
  for (const Finding& f : findings) {
    if (InFileName(f)) {
      in_file_name.push_back(&f);
      continue;
    }
    std::string reason = HoldReason(rules_, f, has_contact, has_private_name);
    if (reason.empty()) continue;
    (IsProtected(f) ? protected_reasons : reasons).emplace_back(std::move(reason), &f);
  }

  if (!protected_reasons.empty() || !in_file_name.empty()) {
    verdict.decision = Decision::kHold;
    std::vector<std::string> parts;
    if (!protected_reasons.empty()) parts.push_back(DescribeHold(protected_reasons));
    if (!in_file_name.empty()) parts.push_back(DescribeFileName(in_file_name));
    if (!verdict.marking && !reasons.empty()) parts.push_back(DescribeHold(reasons));
    for (size_t i = 0; i < parts.size(); ++i) verdict.reason += (i > 0 ? "; " : "") + parts[i];
    if (verdict.marking) verdict.reason += " (held although marked exempt)";
  } else if (verdict.marking) {
    verdict.decision = Decision::kExempt;
    verdict.reason = "exemption marking \"" + verdict.marking->phrase + "\"" +
                     (verdict.marking->page > 0 ? " on p. " + std::to_string(verdict.marking->page)
                                                : std::string(" in the journal entry"));
  } else if (!reasons.empty()) {
    verdict.decision = Decision::kHold;
    verdict.reason = DescribeHold(reasons) + "; no exemption marking";
  } else {
    verdict.decision = Decision::kPass;
    verdict.reason =
        findings.empty() ? "no personal data found" : "only personal data the policy lets through";
    // A pass vouches for every page; a page OCR could barely read cannot be vouched for.
    for (const Page& page : document.pages) {
      std::string unread = UnreadPageReason(page, rules_.min_ocr_confidence);
      if (unread.empty()) continue;
      verdict.decision = Decision::kError;
      verdict.reason = std::move(unread);
      break;
    }
  }
  verdict.findings = std::move(findings);
  return verdict;
}

}  // namespace skjerm
