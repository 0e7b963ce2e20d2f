#include "report/scan_report.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "base/utf8.h"

namespace skjerm {
namespace {

// The "flags" of a finding in JSON: its flags' names, or for contact data why it is private.
std::string FlagsText(const Finding& finding) {
  std::string out = FindingFlagsText(finding.flags);
  const std::string basis = PartyBasisText(finding.party_basis, finding.cue_word);
  if (!basis.empty()) out += (out.empty() ? "" : ",") + basis;
  return out;
}

const char* DecisionColor(Decision d) {
  switch (d) {
    case Decision::kPass:
      return "\033[32m";
    case Decision::kExempt:
      return "\033[36m";
    case Decision::kHold:
      return "\033[1;31m";
    case Decision::kError:
      return "\033[1;35m";
  }
  return "";
}

double Round(double v, double scale) { return std::round(v * scale) / scale; }

}  // namespace

std::string PartyBasisText(PartyBasis basis, const std::string& cue_word) {
  switch (basis) {
    case PartyBasis::kNone:
      return "";
    case PartyBasis::kNoCue:
      return "no cue";
    case PartyBasis::kCueWord:
      return "cue word '" + cue_word + "'";
    case PartyBasis::kLetterhead:
      return "letterhead";
    case PartyBasis::kFooter:
      return "footer";
    case PartyBasis::kOfficialSignature:
      return "official's signature";
    case PartyBasis::kPrivateSignature:
      return "private signature";
    case PartyBasis::kOrganisationBlock:
      return "organisation's contact block";
    case PartyBasis::kBody:
      return "body";
    case PartyBasis::kPostBox:
      return "post box";
    case PartyBasis::kOrganisationsOwnAddress:
      return "the organisation's own address";
    case PartyBasis::kInCareOfOrganisation:
      return "in care of an organisation";
    case PartyBasis::kPlaceInRunningText:
      return "a place named in running text";
    case PartyBasis::kPrivateAddressOfLetter:
      return "a private address of the letter";
    case PartyBasis::kRoleMailbox:
      return "role mailbox";
    case PartyBasis::kOrganisationDomain:
      return "organisation's domain";
    case PartyBasis::kPublicProvider:
      return "public e-mail provider";
    case PartyBasis::kUnknownDomain:
      return "unknown domain";
    case PartyBasis::kServiceNumber:
      return "service number";
    case PartyBasis::kOrganisationNumber:
      return "organisation number";
    case PartyBasis::kOrganisationNumberSeries:
      return "organisation's number series";
  }
  return "";
}

std::string MaskFileName(std::string_view path, std::vector<MaskedSpan> spans) {
  const std::string_view name = FileNameOf(path);
  const size_t name_start = path.size() - name.size();
  std::sort(spans.begin(), spans.end(),
            [](const MaskedSpan& a, const MaskedSpan& b) { return a.begin < b.begin; });
  std::string out(path.substr(0, name_start));
  size_t at = 0;
  for (const MaskedSpan& span : spans) {
    const size_t end = std::min(span.end, name.size());
    if (end <= span.begin || end <= at) continue;
    if (span.begin < at) {
      // Overlaps the span before: what it adds is starred, never shown.
      out.append(CountCodePoints(name.substr(at, end - at)), '*');
    } else {
      out.append(name.substr(at, span.begin - at));
      out += span.mask;
    }
    at = end;
  }
  out.append(name.substr(at));
  return out;
}

std::string ShownPath(std::string_view path, const std::vector<Finding>& findings,
                      const ReportOptions& options) {
  if (options.reveal) return std::string(path);
  std::vector<MaskedSpan> spans;
  for (const Finding& f : findings) {
    if (f.location.metadata == MetadataSource::kFileName) {
      spans.push_back(MaskedSpan{f.begin, f.end, Masked(f)});
    }
  }
  return spans.empty() ? std::string(path) : MaskFileName(path, std::move(spans));
}

nlohmann::json FindingToJson(const Finding& finding, std::string_view unit_text,
                             const ReportOptions& options) {
  nlohmann::json j;
  j["category"] = CategoryName(finding.category);
  j["rule"] = finding.rule;
  j["page"] = finding.location.page;
  // Offsets in characters (code points) of the page's extracted text.
  const size_t begin = std::min(finding.begin, unit_text.size());
  const size_t end = std::min(finding.end, unit_text.size());
  const size_t start_chars = CountCodePoints(unit_text.substr(0, begin));
  j["start"] = start_chars;
  j["end"] = start_chars + CountCodePoints(unit_text.substr(begin, end - begin));
  j["masked"] = Masked(finding);
  j["confidence"] = Round(finding.confidence, 100);
  if (!finding.location.is_page_text()) {
    j["source"] = MetadataSourceName(*finding.location.metadata);
    // A file name is one text: no field to name.
    if (finding.location.metadata != MetadataSource::kFileName) j["field"] = finding.location.field;
  }
  if (std::string flags = FlagsText(finding); !flags.empty()) j["flags"] = std::move(flags);
  if (options.reveal) j["text"] = finding.text;
  return j;
}

nlohmann::json ScanResultToJson(const ScanResult& result, const ReportOptions& options) {
  const Document& doc = result.document;
  const Verdict& verdict = result.verdict;
  nlohmann::json j;
  j["path"] = ShownPath(result.path, verdict.findings, options);
  j["sha256"] = doc.sha256.empty() ? nlohmann::json(nullptr) : nlohmann::json(doc.sha256);
  j["decision"] = DecisionName(verdict.decision);
  j["reason"] = verdict.reason;
  j["grounds"] = HoldGroundsToJson(GroundsOf(verdict.held));
  if (verdict.marking) {
    j["marking"] = {{"phrase", verdict.marking->phrase},
                    {"basis", verdict.marking->basis},
                    {"page", verdict.marking->page},
                    {"position", MarkingPositionName(verdict.marking->position)}};
  } else {
    j["marking"] = nullptr;
  }
  nlohmann::json pages = nlohmann::json::array();
  for (const Page& page : doc.pages) {
    nlohmann::json p;
    p["number"] = page.number;
    p["origin"] = page.origin == PageOrigin::kOcr ? "ocr" : "text";
    p["ocr_confidence"] = page.ocr_confidence ? nlohmann::json(Round(*page.ocr_confidence, 10))
                                              : nlohmann::json(nullptr);
    if (!page.ocr_reason.empty()) p["ocr_reason"] = page.ocr_reason;
    pages.push_back(std::move(p));
  }
  j["pages"] = std::move(pages);
  nlohmann::json findings = nlohmann::json::array();
  for (const Finding& f : verdict.findings) {
    findings.push_back(FindingToJson(f, LocatedText(doc, f.location), options));
  }
  // Each finding that holds the document says on which ground.
  for (const HeldFinding& h : verdict.held) {
    findings[h.finding]["holds"] = HoldGroundName(h.ground);
  }
  j["findings"] = std::move(findings);
  return j;
}

const char* HoldGroundName(HoldGround ground) {
  switch (ground) {
    case HoldGround::kNationalId:
      return "national_id";
    case HoldGround::kBirthDate:
      return "birth_date";
    case HoldGround::kProtectedIdentity:
      return "protected_identity";
    case HoldGround::kPupilName:
      return "pupil_name";
    case HoldGround::kGuardianName:
      return "guardian_name";
    case HoldGround::kPrivateNameInCase:
      return "private_name_in_case";
    case HoldGround::kPrivateName:
      return "private_name";
    case HoldGround::kPrivateNameWithContact:
      return "private_name_with_contact";
    case HoldGround::kPrivateContact:
      return "contact_without_name";
    case HoldGround::kFileName:
      return "file_name";
    case HoldGround::kPrintedField:
      return "printed_field";
  }
  return "unknown";
}

nlohmann::json HoldGroundsToJson(const std::vector<HoldGround>& grounds) {
  nlohmann::json out = nlohmann::json::array();
  for (HoldGround g : grounds) out.push_back(HoldGroundName(g));
  return out;
}

std::string ScanResultToLine(const ScanResult& result, const ReportOptions& options) {
  const Verdict& v = result.verdict;
  std::string label = DecisionName(v.decision);
  for (char& c : label) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  label.resize(6, ' ');
  std::ostringstream out;
  if (options.color) out << DecisionColor(v.decision);
  out << label;
  if (options.color) out << "\033[0m";
  out << " " << ShownPath(result.path, v.findings, options) << "  " << v.reason;
  if (options.reveal && !v.findings.empty()) {
    out << "  [";
    for (size_t i = 0; i < v.findings.size(); ++i) {
      if (i > 0) out << ", ";
      out << CategoryName(v.findings[i].category) << ": " << v.findings[i].text;
    }
    out << "]";
  }
  return out.str();
}

std::string SummaryLine(const std::vector<int>& counts, bool color, const std::string& noun) {
  int total = 0;
  for (int c : counts) total += c;
  std::ostringstream out;
  const bool y = !noun.empty() && noun.back() == 'y';
  out << total << " "
      << (total == 1 ? noun
          : y        ? noun.substr(0, noun.size() - 1) + "ies"
                     : noun + "s")
      << ": ";
  const Decision order[] = {Decision::kPass, Decision::kExempt, Decision::kHold, Decision::kError};
  for (size_t i = 0; i < 4; ++i) {
    if (i > 0) out << ", ";
    const int n = counts[static_cast<size_t>(order[i])];
    if (color && n > 0) out << DecisionColor(order[i]);
    out << n << " " << DecisionName(order[i]);
    if (color && n > 0) out << "\033[0m";
  }
  return out.str();
}

}  // namespace skjerm
