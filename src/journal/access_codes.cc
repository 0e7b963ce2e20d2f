#include "journal/access_codes.h"

#include <sstream>
#include <stdexcept>

#include "base/toml_file.h"
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
  const toml::table table = ParseTomlFile(path);
  AccessCodes codes;
  auto read_list = [&](const char* key, std::set<std::string>* out) {
    if (const toml::array* list = table["access_codes"][key].as_array()) {
      for (const auto& item : *list) {
        if (auto s = item.value<std::string>()) out->insert(Canonical(*s));
      }
    }
  };
  read_list("marked", &codes.marked_);
  read_list("open", &codes.open_);
  codes.unknown_ = table["access_codes"]["unknown"].value_or(std::string("marked"));
  if (codes.unknown_ != "marked" && codes.unknown_ != "open" && codes.unknown_ != "error") {
    throw std::runtime_error(path + ": access_codes.unknown must be marked, open or error");
  }
  codes.legal_basis_marks_ = table["legal_basis"]["marks_entry"].value_or(true);
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
      if (unknown_ == "error") {
        throw std::runtime_error("unknown access code \"" + access_code +
                                 "\" (add it to patterns/journal.toml)");
      }
      if (unknown_ == "marked") {
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
