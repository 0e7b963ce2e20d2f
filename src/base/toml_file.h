// Reading a rule file: TOML parsed with toml++, and a parse error turned into one message
// that names the file and line, so an archivist editing patterns/ sees where it went wrong.
#ifndef SKJERM_BASE_TOML_FILE_H_
#define SKJERM_BASE_TOML_FILE_H_

#include <toml++/toml.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace skjerm {

// A rule file that cannot be read or says something skjerm does not understand: a
// configuration error ("PATH:LINE: what is wrong"), never a reason to go on with defaults.
class RuleFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// "PATH:LINE: what" (without the line when it is 0).
std::string RuleFileMessage(const std::string& source, int64_t line, const std::string& what);

// Throws RuleFileError "PATH:LINE: what is wrong".
toml::table ParseTomlFile(const std::string& path);

// The same for rules held in memory; `source` names them in the message.
toml::table ParseTomlText(std::string_view text, const std::string& source);

}  // namespace skjerm

#endif  // SKJERM_BASE_TOML_FILE_H_
