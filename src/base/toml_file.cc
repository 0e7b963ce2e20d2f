#include "base/toml_file.h"

#include <sstream>
#include <stdexcept>

namespace skjerm {

namespace {

[[noreturn]] void Fail(const std::string& source, const toml::parse_error& e) {
  std::ostringstream msg;
  msg << source << ":" << e.source().begin.line << ": " << e.description();
  throw std::runtime_error(msg.str());
}

}  // namespace

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
