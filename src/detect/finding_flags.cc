#include "detect/finding_flags.h"

namespace skjerm {

const char* FindingFlagName(FindingFlag flag) {
  switch (flag) {
    case FindingFlag::kSynthetic:
      return "synthetic";
    case FindingFlag::kDNumber:
      return "d-number";
    case FindingFlag::kRule2032:
      return "2032-rule";
    case FindingFlag::kNoMod11:
      return "no-mod11";
    case FindingFlag::kTemporary:
      return "temporary";
    case FindingFlag::kReread:
      return "reread";
    case FindingFlag::kPupil:
      return "pupil";
    case FindingFlag::kGuardian:
      return "guardian";
    case FindingFlag::kStaff:
      return "staff";
    case FindingFlag::kProtected:
      return "protected";
    case FindingFlag::kCase:
      return "case";
    case FindingFlag::kProperty:
      return "property";
  }
  return "?";
}

std::optional<FindingFlag> FindingFlagFromName(std::string_view name) {
  for (FindingFlag flag : kAllFindingFlags) {
    if (name == FindingFlagName(flag)) return flag;
  }
  return std::nullopt;
}

std::string FindingFlagsText(FindingFlags flags) {
  std::string out;
  for (FindingFlag flag : kAllFindingFlags) {
    if (!flags.Has(flag)) continue;
    if (!out.empty()) out += ",";
    out += FindingFlagName(flag);
  }
  return out;
}

}  // namespace skjerm
