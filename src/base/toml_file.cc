#include "base/toml_file.h"

#include <sstream>
#include <stdexcept>

namespace skjerm {

namespace {

[[noreturn]] void Fail(const std::string& source, const toml::parse_error& e) {
  throw RuleFileError(RuleFileMessage(source, e.source().begin.line, std::string(e.description())));
}

}  // namespace

std::string RuleFileMessage(const std::string& source, int64_t line, const std::string& what) {
  std::ostringstream msg;
  msg << source;
  if (line > 0) msg << ":" << line;
  msg << ": " << what;
  return msg.str();
}

toml::table ParseTomlFile(const std::string& path) {
  try {
    return toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    Fail(path, e);
  }
}

toml::table ParseTomlText(std::string_view text, const std::string& source) {
  try {
    return toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    Fail(source, e);
  }
}

}  // namespace skjerm
