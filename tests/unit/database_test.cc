#include "journal/database.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "journal/secret_key.h"
#include "temp_folder.h"

namespace skjerm {
namespace {

namespace fs = std::filesystem;

// One private folder per test: skjerm-db-XXXXXX.
class TempDir : public TempFolder {
 public:
  TempDir() : TempFolder("skjerm-db") {}
};

mode_t ModeOf(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return 0;
  return st.st_mode & 07777;
}

// Sets the umask for a scope, so that the 0600 checks cannot pass by luck.
class ScopedUmask {
 public:
  explicit ScopedUmask(mode_t mask) : old_(::umask(mask)) {}
  ~ScopedUmask() { ::umask(old_); }

 private:
  mode_t old_;
};

std::string Text(const Database& db, const std::string& sql) {
  Statement s = db.Prepare(sql);
  return s.Step() ? s.ColumnText(0) : "";
}

std::vector<Migration> TwoMigrations() {
  return {{1, "001_a.sql", "CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT);"},
          {2, "002_b.sql",
           "CREATE TABLE b (a INTEGER NOT NULL REFERENCES a(id)); INSERT INTO a VALUES (7, 'x');"}};
}

TEST(DatabaseTest, BuiltInMigrationsAreNumberedFromOne) {
  std::vector<Migration> migrations = BuiltInMigrations();
  ASSERT_FALSE(migrations.empty());
  for (size_t i = 0; i < migrations.size(); ++i) {
    EXPECT_EQ(migrations[i].version, static_cast<int>(i) + 1) << migrations[i].name;
    EXPECT_FALSE(migrations[i].sql.empty());
  }
  EXPECT_EQ(migrations[0].name, "001_roster.sql");
}

TEST(DatabaseTest, OpenCreatesSchemaWithWalAndForeignKeys) {
  TempDir dir;
  Database db = Database::Open(dir.File("s.db"));
  EXPECT_EQ(db.SchemaVersion(), static_cast<int>(BuiltInMigrations().size()));
  EXPECT_EQ(Text(db, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(Text(db, "PRAGMA foreign_keys"), "1");
  EXPECT_NE(Text(db, "PRAGMA busy_timeout"), "0");
  EXPECT_EQ(Text(db, "SELECT name FROM sqlite_master WHERE name = 'roster_term'"), "roster_term");
}

TEST(DatabaseTest, ForeignKeysAreEnforced) {
  TempDir dir;
  Database db = Database::Open(dir.File("s.db"));
  EXPECT_THROW(db.Execute("INSERT INTO roster_term (person, kind, hash) VALUES (42, 'given', 'h')"),
               DatabaseError);
}

TEST(DatabaseTest, MigrationsRunInOrderOnceAndUpgradeLater) {
  TempDir dir;
  const std::string path = dir.File("m.db");
  std::vector<Migration> migrations = TwoMigrations();
  {
    Database db = Database::Open(path, {migrations[0]});
    EXPECT_EQ(db.SchemaVersion(), 1);
    EXPECT_EQ(Text(db, "SELECT count(*) FROM sqlite_master WHERE name = 'b'"), "0");
  }
  {
    Database db = Database::Open(path, migrations);
    EXPECT_EQ(db.SchemaVersion(), 2);
    EXPECT_EQ(Text(db, "SELECT name FROM a WHERE id = 7"), "x");
  }
  {
    // Reopening runs nothing again (the INSERT would fail on the primary key).
    Database db = Database::Open(path, migrations);
    EXPECT_EQ(db.SchemaVersion(), 2);
    EXPECT_EQ(Text(db, "SELECT count(*) FROM a"), "1");
  }
}

TEST(DatabaseTest, FailedMigrationLeavesTheDatabaseAsItWas) {
  TempDir dir;
  const std::string path = dir.File("f.db");
  std::vector<Migration> migrations = TwoMigrations();
  migrations.push_back({3, "003_bad.sql", "CREATE TABLE c (x); INSERT INTO nowhere VALUES (1);"});
  EXPECT_THROW(Database::Open(path, migrations), DatabaseError);
  Database db = Database::Open(path, {});
  EXPECT_EQ(db.SchemaVersion(), 0);
  EXPECT_EQ(Text(db, "SELECT count(*) FROM sqlite_master WHERE name IN ('a', 'b', 'c')"), "0");
}

TEST(DatabaseTest, RefusesGapsAndNewerSchemas) {
  TempDir dir;
  EXPECT_THROW(Database::Open(dir.File("g.db"), {{2, "002_x.sql", "SELECT 1;"}}), DatabaseError);
  const std::string path = dir.File("n.db");
  Database::Open(path, TwoMigrations());
  EXPECT_THROW(Database::Open(path, {TwoMigrations()[0]}), DatabaseError);
}

TEST(DatabaseTest, StatementBindsAndReadsColumns) {
  TempDir dir;
  Database db = Database::Open(dir.File("s.db"), TwoMigrations());
  Statement insert = db.Prepare("INSERT INTO a (id, name) VALUES (?, ?)");
  insert.Bind(1, int64_t{8}).Bind(2, std::string_view("Ærlig \"quoted\""));
  insert.Run();
  insert.Reset();
  insert.Bind(1, int64_t{9}).BindNull(2);
  insert.Run();
  Statement select = db.Prepare("SELECT id, name FROM a WHERE id >= ? ORDER BY id");
  select.Bind(1, int64_t{8});
  ASSERT_TRUE(select.Step());
  EXPECT_EQ(select.ColumnInt(0), 8);
  EXPECT_EQ(select.ColumnText(1), "Ærlig \"quoted\"");
  ASSERT_TRUE(select.Step());
  EXPECT_TRUE(select.ColumnIsNull(1));
  EXPECT_FALSE(select.Step());
}

TEST(DatabaseTest, TransactionRollsBackUnlessCommitted) {
  TempDir dir;
  Database db = Database::Open(dir.File("t.db"), TwoMigrations());
  {
    Transaction t(db);
    db.Execute("INSERT INTO a VALUES (20, 'gone')");
  }
  EXPECT_EQ(Text(db, "SELECT count(*) FROM a WHERE id = 20"), "0");
  {
    Transaction t(db);
    db.Execute("INSERT INTO a VALUES (21, 'kept')");
    t.Commit();
  }
  EXPECT_EQ(Text(db, "SELECT name FROM a WHERE id = 21"), "kept");
}

TEST(DatabaseTest, DatabaseAndWalFilesAreOwnerOnly) {
  TempDir dir;
  ScopedUmask umask(022);
  const std::string path = dir.File("p.db");
  Database db = Database::Open(path);
  db.Execute("INSERT INTO roster_person (id_hash, role) VALUES ('h', 'pupil')");
  ASSERT_TRUE(fs::exists(path + "-wal"));
  ASSERT_TRUE(fs::exists(path + "-shm"));
  EXPECT_EQ(ModeOf(path), 0600u);
  EXPECT_EQ(ModeOf(path + "-wal"), 0600u);
  EXPECT_EQ(ModeOf(path + "-shm"), 0600u);
}

TEST(DatabaseTest, AnExistingReadableDatabaseIsRestricted) {
  TempDir dir;
  const std::string path = dir.File("old.db");
  std::ofstream(path).close();
  ::chmod(path.c_str(), 0644);
  Database db = Database::Open(path);
  EXPECT_EQ(ModeOf(path), 0600u);
}

TEST(SecretKeyTest, CreatedOnceWithModeOwnerOnlyInAPrivateFolder) {
  TempDir dir;
  ScopedUmask umask(022);
  const std::string path = dir.File("config/skjerm/keys/k.key");
  const std::string key = LoadOrCreateSecretKey(path);
  EXPECT_EQ(key.size(), 32u);
  EXPECT_EQ(ModeOf(path), 0600u);
  for (const char* folder : {"config", "config/skjerm", "config/skjerm/keys"}) {
    EXPECT_EQ(ModeOf(dir.File(folder)), 0700u) << folder;
  }
  std::ifstream in(path);
  std::string hex;
  std::getline(in, hex);
  EXPECT_EQ(hex.size(), 64u);
  EXPECT_EQ(hex.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(LoadOrCreateSecretKey(path), key);
  EXPECT_EQ(LoadSecretKey(path), key);
}

TEST(SecretKeyTest, TwoKeysDiffer) {
  TempDir dir;
  EXPECT_NE(LoadOrCreateSecretKey(dir.File("a.key")), LoadOrCreateSecretKey(dir.File("b.key")));
}

TEST(SecretKeyTest, RefusesAKeyOthersCanRead) {
  TempDir dir;
  const std::string path = dir.File("r.key");
  LoadOrCreateSecretKey(path);
  ::chmod(path.c_str(), 0644);
  try {
    LoadOrCreateSecretKey(path);
    FAIL() << "a world-readable key was used";
  } catch (const SecretKeyError& e) {
    EXPECT_NE(std::string(e.what()).find("0644"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("chmod 600"), std::string::npos) << e.what();
  }
  ::chmod(path.c_str(), 0640);
  EXPECT_THROW(LoadSecretKey(path), SecretKeyError);
  ::chmod(path.c_str(), 0600);
  EXPECT_EQ(LoadSecretKey(path).size(), 32u);
}

TEST(SecretKeyTest, RefusesAKeyInAFolderOthersCanOpen) {
  TempDir dir;
  const std::string path = dir.File("keys/r.key");
  const std::string key = LoadOrCreateSecretKey(path);
  ::chmod(dir.File("keys").c_str(), 0755);
  try {
    LoadSecretKey(path);
    FAIL() << "a key in a folder others can open was used";
  } catch (const SecretKeyError& e) {
    EXPECT_NE(std::string(e.what()).find("chmod 700"), std::string::npos) << e.what();
  }
  EXPECT_THROW(LoadOrCreateSecretKey(dir.File("keys/new.key")), SecretKeyError);
  EXPECT_NE(ModeOf(dir.File("keys/new.key")), 0600u) << "created in an open folder";
  ::chmod(dir.File("keys").c_str(), 0710);
  EXPECT_THROW(LoadSecretKey(path), SecretKeyError);
  ::chmod(dir.File("keys").c_str(), 0700);
  EXPECT_EQ(LoadSecretKey(path), key);
}

TEST(SecretKeyTest, RefusesAFileThatIsNotAKey) {
  TempDir dir;
  const std::string path = dir.File("bad.key");
  {
    std::ofstream out(path);
    out << "not a key\n";
  }
  ::chmod(path.c_str(), 0600);
  EXPECT_THROW(LoadOrCreateSecretKey(path), SecretKeyError);
  EXPECT_THROW(LoadSecretKey(dir.File("missing.key")), SecretKeyError);
}

// Opening a second connection must not touch the locks of the first: closing any descriptor
// of the file drops every POSIX lock the process holds on it. In WAL mode the first
// connection's shared lock on the database file is what tells another process it is not
// alone; without it, that process deletes the WAL under the live connection when it closes.
TEST(DatabaseTest, OpeningASecondConnectionKeepsTheFirstOnesLocks) {
  TempDir dir;
  const std::string path = dir.File("locks.db");
  Database first = Database::Open(path);
  first.Execute("CREATE TABLE t(x); INSERT INTO t VALUES (1);");
  Database second = Database::Open(path);
  (void)second;
  const pid_t child = ::fork();
  if (child == 0) {
    // SQLite's shared-lock range on the database file (os_unix.c: SHARED_FIRST, SHARED_SIZE).
    const int fd = ::open(path.c_str(), O_RDWR);
    struct flock lock = {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    lock.l_start = 0x40000000 + 2;
    lock.l_len = 510;
    const bool held = fd >= 0 && ::fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
    ::_exit(held ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
      << "the first connection's shared lock on the database file is gone";
  Statement count = first.Prepare("SELECT count(*) FROM t");
  ASSERT_TRUE(count.Step());
  EXPECT_EQ(count.ColumnInt(0), 1);
}

}  // namespace
}  // namespace skjerm
