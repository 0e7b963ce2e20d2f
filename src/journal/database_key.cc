#include "journal/database_key.h"

#include <stdlib.h>
#include <sys/stat.h>

#include <cstdlib>
#include <memory>

#include "base/sha256.h"

namespace skjerm {
namespace {

std::string EnvOrEmpty(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

bool Exists(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0;
}

// The path as one word of a shell command, for the commands the messages give.
std::string Quoted(const std::string& path) {
  std::string out = "'";
  for (char c : path) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The folder's canonical path; "" when it does not exist.
std::string RealFolder(const std::string& folder) {
  std::unique_ptr<char, decltype(&std::free)> real(::realpath(folder.c_str(), nullptr), &std::free);
  return real ? std::string(real.get()) : std::string();
}

// The check value a database records of its key: nothing can be learnt from it about the
// key, but a different key gives a different value.
std::string KeyCheck(const std::string& key, const std::string& database_id) {
  return HmacSha256Hex(key, "skjerm database key check\n" + database_id);
}

std::string StoredKeyCheck(const Database& db) {
  Statement st = db.Prepare("SELECT key_check FROM database_identity WHERE singleton = 1");
  return st.Step() ? st.ColumnText(0) : std::string();
}

int64_t Count(const Database& db, const char* table) {
  Statement st = db.Prepare(std::string("SELECT count(*) FROM ") + table);
  return st.Step() ? st.ColumnInt(0) : 0;
}

// Whether anything in the database was keyed or sealed (a key was used with it).
bool HoldsKeyedData(const Database& db) {
  if (!StoredKeyCheck(db).empty()) return true;
  for (const char* table : {"roster_person", "journal_entry", "text_cache"}) {
    if (Count(db, table) > 0) return true;
  }
  return false;
}

[[noreturn]] void RefuseLegacyKey(const std::string& legacy, const std::string& key_path) {
  std::string what = "a key file lies beside the database: " + legacy +
                     ". Whoever copies the database's folder gets the key with it, and with it "
                     "every name and number the database keeps hashed or sealed; skjerm no "
                     "longer uses a key there. ";
  if (Exists(key_path)) {
    what += "The key at " + key_path +
            " is the one skjerm uses: check that the two are the same (cmp " + Quoted(legacy) +
            " " + Quoted(key_path) + ") and delete the one beside the database (rm " +
            Quoted(legacy) + ").";
  } else {
    what +=
        "Move it to where skjerm looks for this database's key, then run the command "
        "again:\n  mkdir -p -m 700 " +
        Quoted(FolderOf(key_path)) + " && mv " + Quoted(legacy) + " " + Quoted(key_path) +
        "\n(or keep it in another folder only you can open, outside the database's "
        "folder, and name it with --key PATH or SKJERM_KEY).";
  }
  what +=
      " Copies of the folder made while the key lay in it still carry it: if one has left "
      "your hands, start a new database and import the roster and journal into it again.";
  throw SecretKeyError(what);
}

[[noreturn]] void RefuseMissingKey(const Database& db, const std::string& key_path) {
  throw SecretKeyError(
      "the key of " + db.path() + " is missing: no key file at " + key_path +
      ". The database was used with a key, and without it its roster and journal cannot be "
      "read. Put the key file back there (or name it with --key PATH or SKJERM_KEY). If the key "
      "is lost, start a new database and import the roster and journal into it again.");
}

void RecordKeyCheck(const Database& db, const std::string& check) {
  // Two processes may open a new database at once: the first check recorded stands.
  db.Prepare("UPDATE database_identity SET key_check = ? WHERE singleton = 1 AND key_check IS NULL")
      .Bind(1, check)
      .Run();
}

}  // namespace

KeySettings KeySettings::FromEnvironment(std::string key_option) {
  KeySettings s;
  s.key_option = std::move(key_option);
  s.skjerm_key = EnvOrEmpty("SKJERM_KEY");
  s.xdg_config_home = EnvOrEmpty("XDG_CONFIG_HOME");
  s.home = EnvOrEmpty("HOME");
  return s;
}

std::string DatabaseIdentity(const Database& db) {
  Statement st = db.Prepare("SELECT id FROM database_identity WHERE singleton = 1");
  if (!st.Step() || st.ColumnText(0).empty()) {
    throw SecretKeyError(db.path() + " has no identity (database_identity is empty)");
  }
  return st.ColumnText(0);
}

std::string KeyPathFor(const KeySettings& settings, const std::string& database_id) {
  if (!settings.key_option.empty()) return settings.key_option;
  if (!settings.skjerm_key.empty()) return settings.skjerm_key;
  std::string config;
  if (!settings.xdg_config_home.empty() && settings.xdg_config_home[0] == '/') {
    config = settings.xdg_config_home;
  } else if (!settings.home.empty()) {
    config = settings.home + "/.config";
  } else {
    throw SecretKeyError(
        "no place for the database's key: neither --key, SKJERM_KEY, XDG_CONFIG_HOME nor HOME "
        "is set");
  }
  return config + "/skjerm/keys/" + database_id + ".key";
}

std::string LegacyKeyPath(const std::string& database_path) { return database_path + ".key"; }

std::string OpenDatabaseKey(const Database& db, const KeySettings& settings) {
  const std::string id = DatabaseIdentity(db);
  const std::string key_path = KeyPathFor(settings, id);
  const std::string db_folder = RealFolder(FolderOf(db.path()));
  if (!db_folder.empty() && RealFolder(FolderOf(key_path)) == db_folder) {
    throw SecretKeyError("the key " + key_path +
                         " would lie in the database's own folder, and go wherever the folder is "
                         "copied: keep it in a folder only you can open, outside " +
                         db_folder +
                         " (or leave --key and SKJERM_KEY unset for the default place)");
  }
  const std::string legacy = LegacyKeyPath(db.path());
  if (Exists(legacy)) RefuseLegacyKey(legacy, key_path);
  std::string key;
  if (Exists(key_path)) {
    key = LoadSecretKey(key_path);
  } else {
    if (HoldsKeyedData(db)) RefuseMissingKey(db, key_path);
    key = LoadOrCreateSecretKey(key_path);
  }
  const std::string check = KeyCheck(key, id);
  std::string stored = StoredKeyCheck(db);
  if (stored.empty()) {
    RecordKeyCheck(db, check);
    stored = StoredKeyCheck(db);
  }
  if (stored != check) {
    throw SecretKeyError("the key file " + key_path + " is not the key of " + db.path() +
                         " (it was used with another key): name the right key with --key PATH "
                         "or SKJERM_KEY");
  }
  return key;
}

}  // namespace skjerm
