#include "policy/hold_wording.h"

#include <sstream>

namespace skjerm {
namespace {

// What a finding in the file name is.
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
  if (!f.location.is_page_text()) {
    return std::string(MetadataSourceName(*f.location.metadata)) +
           (f.location.field.empty() ? "" : " \"" + f.location.field + "\"");
  }
  return "p. " + std::to_string(f.location.page);
}

// "pupil's name x3 (S***** p. 1, ...)" for each ground in `grounds` that `held` has.
std::string DescribeGrounds(const Verdict& v, const std::vector<HoldGround>& grounds) {
  std::ostringstream out;
  bool first = true;
  for (HoldGround ground : grounds) {
    std::vector<const Finding*> list;
    for (const HeldFinding& h : v.held) {
      if (h.ground == ground) list.push_back(&v.findings[h.finding]);
    }
    out << (first ? "" : "; ") << HoldGroundWords(ground);
    first = false;
    if (list.size() > 1) out << " x" << list.size();
    out << " (" << Masked(*list[0]) << " " << PageRef(*list[0]);
    if (list.size() > 1) out << ", ...";
    out << ")";
  }
  return out.str();
}

// "the file name shows personal data: national ID number (****** *****), name (E*** ****)"
std::string DescribeFileName(const Verdict& v) {
  std::ostringstream out;
  out << "the file name shows personal data: ";
  bool first = true;
  for (const HeldFinding& h : v.held) {
    if (h.ground != HoldGround::kFileName) continue;
    const Finding& f = v.findings[h.finding];
    out << (first ? "" : ", ") << FileNameWhat(f.category) << " (" << Masked(f) << ")";
    first = false;
  }
  return out.str();
}

}  // namespace

const char* HoldGroundWords(HoldGround ground) {
  switch (ground) {
    case HoldGround::kNationalId:
      return "national ID number";
    case HoldGround::kBirthDate:
      return "birth date";
    case HoldGround::kProtectedIdentity:
      return "protected identity";
    case HoldGround::kPupilName:
      return "pupil's name";
    case HoldGround::kGuardianName:
      return "guardian's name";
    case HoldGround::kPrivateNameInCase:
      return "private person's name in a school or welfare case";
    case HoldGround::kPrivateName:
      return "private person's name";
    case HoldGround::kPrivateNameWithContact:
      return "private person's name with contact details";
    case HoldGround::kPrivateContact:
      return "private contact details";
    case HoldGround::kFileName:
      return "personal data in the file name";
    case HoldGround::kPrintedField:
      return "personal data in a field the public journal prints";
  }
  return "personal data";
}

std::string DescribeHold(const Verdict& v) {
  const std::vector<HoldGround> grounds = GroundsOf(v.held);
  std::vector<HoldGround> protected_grounds, others;
  bool file_name = false;
  for (HoldGround g : grounds) {
    if (g == HoldGround::kFileName) {
      file_name = true;
    } else {
      (g == HoldGround::kProtectedIdentity ? protected_grounds : others).push_back(g);
    }
  }
  // The grounds a marking does not cover come first; the others follow when they hold too.
  bool uncovered = false;
  for (HoldGround g : grounds) uncovered |= HoldsWhenMarked(g);
  if (!uncovered) return DescribeGrounds(v, others) + "; no exemption marking";
  std::vector<std::string> parts;
  if (!protected_grounds.empty()) parts.push_back(DescribeGrounds(v, protected_grounds));
  if (file_name) parts.push_back(DescribeFileName(v));
  if (!others.empty()) parts.push_back(DescribeGrounds(v, others));
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i > 0 ? "; " : "") + parts[i];
  if (v.marking) out += " (held although marked exempt)";
  return out;
}

}  // namespace skjerm
