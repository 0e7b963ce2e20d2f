// Where a database's secret key lives, and opening it for that database. The key is never
// kept beside the database: a copy of the database's folder (a backup, a file share, a
// support case) would carry the key along, and with it every keyed hash and sealed text.
// It is found, in this order, at
//   --key PATH, then $SKJERM_KEY, then
//   $XDG_CONFIG_HOME/skjerm/keys/<database id>.key (~/.config/... without XDG_CONFIG_HOME),
// where <database id> is the random id the database records (journal/003_*.sql). A key is
// created only for a database that holds nothing keyed yet; a database that was used with
// a key and cannot find it is an error that says what to do. The database records a check
// value of its key, so a wrong key file is refused instead of silently matching nothing.
// Plain functions over a Database; not thread-safe for the same Database.
#ifndef SKJERM_JOURNAL_DATABASE_KEY_H_
#define SKJERM_JOURNAL_DATABASE_KEY_H_

#include <string>

#include "journal/database.h"
#include "journal/secret_key.h"

namespace skjerm {

// What decides where the key is: the --key option and the environment, read once.
struct KeySettings {
  std::string key_option;       // --key; empty when not given
  std::string skjerm_key;       // $SKJERM_KEY
  std::string xdg_config_home;  // $XDG_CONFIG_HOME (ignored unless absolute)
  std::string home;             // $HOME

  static KeySettings FromEnvironment(std::string key_option);
};

// The random id the database was given when it was created.
std::string DatabaseIdentity(const Database& db);

// Where the key of the database with this id is. Throws SecretKeyError when no place can
// be named (no --key, no $SKJERM_KEY, no $XDG_CONFIG_HOME, no $HOME).
std::string KeyPathFor(const KeySettings& settings, const std::string& database_id);

// Where versions before this one kept the key: "<database path>.key".
std::string LegacyKeyPath(const std::string& database_path);

// The database's key (32 raw bytes): read from its place, or created there when the
// database holds nothing keyed yet. Throws SecretKeyError, with what to do, when a key lies
// beside the database, when the key would be kept in the database's own folder, when the
// key of a database that was used with one is missing, when the key file is not private,
// or when it is not this database's key.
std::string OpenDatabaseKey(const Database& db, const KeySettings& settings);

}  // namespace skjerm

#endif  // SKJERM_JOURNAL_DATABASE_KEY_H_
