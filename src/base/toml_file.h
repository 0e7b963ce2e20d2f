// Reading a rule file: TOML parsed with toml++, and a parse error turned into one message
// that names the file and line, so an archivist editing patterns/ sees where it went wrong.
#ifndef SKJERM_BASE_TOML_FILE_H_
#define SKJERM_BASE_TOML_FILE_H_

#include <toml++/toml.h>

#include <string>
#include <string_view>

namespace skjerm {

// Throws std::runtime_error "PATH:LINE: what is wrong".
toml::table ParseTomlFile(const std::string& path);

// The same for rules held in memory; `source` names them in the message.
toml::table ParseTomlText(std::string_view text, const std::string& source);

}  // namespace skjerm

#endif  // SKJERM_BASE_TOML_FILE_H_
