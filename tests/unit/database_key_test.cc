// Where a database's key lives and when it is refused (journal/database_key.h).
#include "journal/database_key.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "journal/database.h"
#include "temp_folder.h"

namespace skjerm {
namespace {

namespace fs = std::filesystem;

// One private folder per test: skjerm-key-XXXXXX.
class TempDir : public TempFolder {
 public:
  TempDir() : TempFolder("skjerm-key") {}
};

mode_t ModeOf(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return 0;
  return st.st_mode & 07777;
}

bool Exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

// The message of the SecretKeyError that fn throws; "" when it throws none.
template <typename Fn>
std::string ErrorOf(Fn&& fn) {
  try {
    fn();
  } catch (const SecretKeyError& e) {
    return e.what();
  }
  return "";
}

// A database in one folder, the user's configuration in another.
class DatabaseKeyTest : public ::testing::Test {
 protected:
  DatabaseKeyTest() {
    fs::create_directory(data_.File("db"));
    db_path_ = data_.File("db/skjerm.db");
    settings_.xdg_config_home = config_.File("config");
    settings_.home = config_.File("home");
  }

  std::string DefaultKeyPath(const Database& db) const {
    return config_.File("config/skjerm/keys/" + DatabaseIdentity(db) + ".key");
  }

  TempDir data_;
  TempDir config_;
  std::string db_path_;
  KeySettings settings_;
};

TEST(KeyPathTest, OptionThenEnvironmentThenConfigFolderThenHome) {
  KeySettings s;
  s.key_option = "/k/option.key";
  s.skjerm_key = "/k/env.key";
  s.xdg_config_home = "/cfg";
  s.home = "/home/u";
  EXPECT_EQ(KeyPathFor(s, "abc"), "/k/option.key");
  s.key_option.clear();
  EXPECT_EQ(KeyPathFor(s, "abc"), "/k/env.key");
  s.skjerm_key.clear();
  EXPECT_EQ(KeyPathFor(s, "abc"), "/cfg/skjerm/keys/abc.key");
  s.xdg_config_home = "relative/cfg";  // the XDG rule: a relative value is ignored
  EXPECT_EQ(KeyPathFor(s, "abc"), "/home/u/.config/skjerm/keys/abc.key");
  s.xdg_config_home.clear();
  EXPECT_EQ(KeyPathFor(s, "abc"), "/home/u/.config/skjerm/keys/abc.key");
  s.home.clear();
  EXPECT_THROW(KeyPathFor(s, "abc"), SecretKeyError);
}

TEST(KeyPathTest, LegacyPathIsBesideTheDatabase) {
  EXPECT_EQ(LegacyKeyPath("/data/skjerm.db"), "/data/skjerm.db.key");
}

TEST_F(DatabaseKeyTest, EveryDatabaseHasItsOwnIdentity) {
  Database a = Database::Open(db_path_);
  Database b = Database::Open(data_.File("db/other.db"));
  const std::string id = DatabaseIdentity(a);
  EXPECT_EQ(id.size(), 32u);
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos) << id;
  EXPECT_NE(id, DatabaseIdentity(b));
  EXPECT_EQ(DatabaseIdentity(Database::Open(db_path_)), id) << "the identity must not change";
}

TEST_F(DatabaseKeyTest, NewDatabaseGetsAKeyInAPrivateFolderOutsideItsOwn) {
  const mode_t old_mask = ::umask(022);
  Database db = Database::Open(db_path_);
  const std::string key = OpenDatabaseKey(db, settings_);
  ::umask(old_mask);
  EXPECT_EQ(key.size(), 32u);
  const std::string path = DefaultKeyPath(db);
  EXPECT_EQ(ModeOf(path), 0600u);
  EXPECT_EQ(ModeOf(config_.File("config/skjerm/keys")), 0700u);
  EXPECT_EQ(ModeOf(config_.File("config/skjerm")), 0700u);
  EXPECT_FALSE(Exists(LegacyKeyPath(db_path_)));
  for (const auto& entry : fs::directory_iterator(data_.File("db"))) {
    EXPECT_EQ(entry.path().string().find(".key"), std::string::npos) << entry.path();
  }
  EXPECT_EQ(OpenDatabaseKey(db, settings_), key);
  EXPECT_EQ(OpenDatabaseKey(Database::Open(db_path_), settings_), key);
}

TEST_F(DatabaseKeyTest, MissingKeyOfAUsedDatabaseIsAnErrorThatSaysWhatToDo) {
  Database db = Database::Open(db_path_);
  OpenDatabaseKey(db, settings_);
  const std::string path = DefaultKeyPath(db);
  fs::rename(path, config_.File("away.key"));
  const std::string error = ErrorOf([&] { OpenDatabaseKey(db, settings_); });
  EXPECT_NE(error.find("missing"), std::string::npos) << error;
  EXPECT_NE(error.find(path), std::string::npos) << error;
  EXPECT_NE(error.find("--key"), std::string::npos) << error;
  EXPECT_FALSE(Exists(path)) << "a new key was made for a database that had one";
}

TEST_F(DatabaseKeyTest, DatabaseWithDataFromBeforeTheKeyCheckNeedsItsKey) {
  // A roster imported by an earlier version: keyed rows, no key check recorded.
  Database db = Database::Open(db_path_);
  db.Execute("INSERT INTO roster_person(id_hash, role) VALUES ('00', 'pupil')");
  EXPECT_NE(ErrorOf([&] { OpenDatabaseKey(db, settings_); }).find("missing"), std::string::npos);
  EXPECT_FALSE(Exists(DefaultKeyPath(db)));
}

TEST_F(DatabaseKeyTest, KeyBesideTheDatabaseIsRefusedWithHowToMoveIt) {
  Database db = Database::Open(db_path_);
  const std::string legacy = LegacyKeyPath(db_path_);
  std::ofstream(legacy) << std::string(64, 'a') << "\n";
  ::chmod(legacy.c_str(), 0600);
  const std::string error = ErrorOf([&] { OpenDatabaseKey(db, settings_); });
  EXPECT_NE(error.find("beside the database"), std::string::npos) << error;
  EXPECT_NE(error.find("mv '" + legacy + "' '" + DefaultKeyPath(db) + "'"), std::string::npos)
      << error;
  EXPECT_NE(error.find("mkdir -p -m 700"), std::string::npos) << error;
  // Moved as told, it is the database's key.
  fs::create_directories(config_.File("config/skjerm/keys"));
  ::chmod(config_.File("config/skjerm/keys").c_str(), 0700);
  fs::rename(legacy, DefaultKeyPath(db));
  EXPECT_EQ(OpenDatabaseKey(db, settings_), std::string(32, '\xaa'));
}

TEST_F(DatabaseKeyTest, KeyBesideTheDatabaseIsRefusedEvenWhenTheRightOneIsInPlace) {
  Database db = Database::Open(db_path_);
  OpenDatabaseKey(db, settings_);
  fs::copy_file(DefaultKeyPath(db), LegacyKeyPath(db_path_));
  const std::string error = ErrorOf([&] { OpenDatabaseKey(db, settings_); });
  EXPECT_NE(error.find("rm '" + LegacyKeyPath(db_path_) + "'"), std::string::npos) << error;
}

TEST_F(DatabaseKeyTest, KeyInTheDatabasesFolderIsRefused) {
  Database db = Database::Open(db_path_);
  settings_.key_option = data_.File("db/my.key");
  EXPECT_NE(ErrorOf([&] { OpenDatabaseKey(db, settings_); }).find("own folder"), std::string::npos);
  EXPECT_FALSE(Exists(data_.File("db/my.key")));
  settings_.key_option = data_.File("db/../db/my.key");  // the same folder by another name
  EXPECT_FALSE(ErrorOf([&] { OpenDatabaseKey(db, settings_); }).empty());
}

TEST_F(DatabaseKeyTest, KeyOthersCanReadIsRefused) {
  Database db = Database::Open(db_path_);
  OpenDatabaseKey(db, settings_);
  ::chmod(DefaultKeyPath(db).c_str(), 0644);
  const std::string error = ErrorOf([&] { OpenDatabaseKey(db, settings_); });
  EXPECT_NE(error.find("0644"), std::string::npos) << error;
  EXPECT_NE(error.find("chmod 600"), std::string::npos) << error;
}

TEST_F(DatabaseKeyTest, AnotherDatabasesKeyIsRefused) {
  Database db = Database::Open(db_path_);
  OpenDatabaseKey(db, settings_);
  settings_.key_option = config_.File("other/other.key");
  LoadOrCreateSecretKey(settings_.key_option);
  const std::string error = ErrorOf([&] { OpenDatabaseKey(db, settings_); });
  EXPECT_NE(error.find("not the key"), std::string::npos) << error;
}

TEST_F(DatabaseKeyTest, KeyNamedByTheEnvironmentIsUsed) {
  Database db = Database::Open(db_path_);
  settings_.skjerm_key = config_.File("env/skjerm.key");
  const std::string key = OpenDatabaseKey(db, settings_);
  EXPECT_EQ(ModeOf(settings_.skjerm_key), 0600u);
  EXPECT_FALSE(Exists(DefaultKeyPath(db)));
  EXPECT_EQ(LoadSecretKey(settings_.skjerm_key), key);
}

TEST(KeyFolderTest, FolderOfAPath) {
  EXPECT_EQ(FolderOf("/home/u/.config/skjerm/keys/ab.key"), "/home/u/.config/skjerm/keys");
  EXPECT_EQ(FolderOf("/ab.key"), "/");
  EXPECT_EQ(FolderOf("ab.key"), ".");
  EXPECT_EQ(FolderOf("keys/ab.key"), "keys");
}

}  // namespace
}  // namespace skjerm
