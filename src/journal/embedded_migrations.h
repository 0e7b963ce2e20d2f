// The SQL files of journal/, built into the binary by CMakeLists.txt so that an installed
// skjerm needs no source tree. The generated .cc defines these; database.cc reads them.
#ifndef SKJERM_JOURNAL_EMBEDDED_MIGRATIONS_H_
#define SKJERM_JOURNAL_EMBEDDED_MIGRATIONS_H_

#include <cstddef>

namespace skjerm {

struct EmbeddedSqlFile {
  const char* name;  // "001_roster.sql"
  const char* sql;
};

extern const EmbeddedSqlFile kEmbeddedMigrations[];
extern const size_t kEmbeddedMigrationCount;

}  // namespace skjerm

#endif  // SKJERM_JOURNAL_EMBEDDED_MIGRATIONS_H_
