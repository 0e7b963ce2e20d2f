#include "journal/access_codes.h"

#include <sstream>
#include <stdexcept>

#include "base/rule_table.h"
#include "base/utf8.h"

namespace skjerm {
namespace {

std::string Canonical(const std::string& code) {
  size_t b = code.find_first_not_of(" \t");
  size_t e = code.find_last_not_of(" \t");
  if (b == std::string::npos) return "";
  return ToLowerUtf8(code.substr(b, e - b + 1));
}

}  // namespace

AccessCodes AccessCodes::FromFile(const std::string& path) {
  AccessCodes codes;
  ReadRuleFile(path, [&](RuleTable& root) {
    if (std::optional<RuleTable> access = root.Table("access_codes")) {
      for (const std::string& code : access->Strings("marked")) {
        codes.marked_.insert(Canonical(code));
      }
      for (const std::string& code : access->Strings("open")) codes.open_.insert(Canonical(code));
      const std::string unknown = access->Choice("unknown", "marked", {"marked", "open", "error"});
      codes.unknown_ = unknown == "error"  ? UnknownAccessCode::kError
                       : unknown == "open" ? UnknownAccessCode::kOpen
                                           : UnknownAccessCode::kMarked;
      for (const std::string& code : codes.marked_) {
        if (codes.open_.count(code) > 0) {
          access->Fail("open", "access code \"" + code + "\" is both marked and open");
        }
      }
    }
    if (std::optional<RuleTable> basis = root.Table("legal_basis")) {
      codes.legal_basis_marks_ = basis->Bool("marks_entry", codes.legal_basis_marks_);
    }
  });
  return codes;
}

AccessCodeMeaning AccessCodes::Meaning(const std::string& code) const {
  const std::string c = Canonical(code);
  if (c.empty() || open_.count(c)) return AccessCodeMeaning::kOpen;
  if (marked_.count(c)) return AccessCodeMeaning::kMarked;
  return AccessCodeMeaning::kUnknown;
}

std::optional<ExemptionMarking> AccessCodes::EntryMarking(const std::string& access_code,
                                                          const std::string& legal_basis) const {
  ExemptionMarking marking;
  marking.page = 0;
  marking.position = MarkingPosition::kJournal;
  marking.basis = legal_basis;
  switch (Meaning(access_code)) {
    case AccessCodeMeaning::kMarked:
      marking.phrase = "access code " + access_code;
      return marking;
    case AccessCodeMeaning::kUnknown:
      if (unknown_ == UnknownAccessCode::kError) {
        throw std::runtime_error("unknown access code \"" + access_code +
                                 "\" (add it to patterns/journal.toml)");
      }
      if (unknown_ == UnknownAccessCode::kMarked) {
        marking.phrase = "access code " + access_code + " (not in the configured lists)";
        return marking;
      }
      break;
    case AccessCodeMeaning::kOpen:
      break;
  }
  if (legal_basis_marks_ && !Canonical(legal_basis).empty()) {
    marking.phrase = "legal basis for screening";
    return marking;
  }
  return std::nullopt;
}

}  // namespace skjerm
