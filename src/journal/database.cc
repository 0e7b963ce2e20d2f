#include "journal/database.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "journal/embedded_migrations.h"

namespace skjerm {
namespace {

constexpr int kBusyTimeoutMs = 10000;

[[noreturn]] void Fail(sqlite3* db, const std::string& what) {
  throw DatabaseError(what + ": " + (db != nullptr ? sqlite3_errmsg(db) : "out of memory"));
}

// "001_roster.sql" -> 1; 0 when the name does not start with digits.
int VersionOf(const std::string& name) {
  int version = 0;
  size_t i = 0;
  for (; i < name.size() && name[i] >= '0' && name[i] <= '9' && i < 6; ++i) {
    version = version * 10 + (name[i] - '0');
  }
  return i > 0 && i < name.size() && name[i] == '_' ? version : 0;
}

void ChmodIfExists(const std::string& path) {
  if (::chmod(path.c_str(), 0600) != 0 && errno != ENOENT) {
    throw DatabaseError("cannot restrict " + path + " to its owner: " + std::strerror(errno));
  }
}

}  // namespace

std::vector<Migration> BuiltInMigrations() {
  std::vector<Migration> out;
  for (size_t i = 0; i < kEmbeddedMigrationCount; ++i) {
    const EmbeddedSqlFile& file = kEmbeddedMigrations[i];
    out.push_back(Migration{VersionOf(file.name), file.name, file.sql});
  }
  std::sort(out.begin(), out.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  return out;
}

// --- Statement ---

void Statement::Finalizer::operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
      SQLITE_OK) {
    Fail(db, "cannot prepare statement");
  }
  stmt_.reset(stmt);
}

Statement& Statement::Bind(int index, int64_t value) {
  if (sqlite3_bind_int64(stmt_.get(), index, value) != SQLITE_OK) Fail(db_, "cannot bind");
  return *this;
}

Statement& Statement::Bind(int index, std::string_view text) {
  if (sqlite3_bind_text(stmt_.get(), index, text.data(), static_cast<int>(text.size()),
                        SQLITE_TRANSIENT) != SQLITE_OK) {
    Fail(db_, "cannot bind");
  }
  return *this;
}

Statement& Statement::BindNull(int index) {
  if (sqlite3_bind_null(stmt_.get(), index) != SQLITE_OK) Fail(db_, "cannot bind");
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  if (sqlite3_bind_blob(stmt_.get(), index, bytes.data(), static_cast<int>(bytes.size()),
                        SQLITE_TRANSIENT) != SQLITE_OK) {
    Fail(db_, "cannot bind");
  }
  return *this;
}

Statement& Statement::BindDouble(int index, double value) {
  if (sqlite3_bind_double(stmt_.get(), index, value) != SQLITE_OK) Fail(db_, "cannot bind");
  return *this;
}

bool Statement::Step() {
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Fail(db_, "statement failed");
}

void Statement::Run() {
  while (Step()) {
  }
}

void Statement::Reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
}

int64_t Statement::ColumnInt(int column) const { return sqlite3_column_int64(stmt_.get(), column); }

std::string Statement::ColumnText(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_.get(), column);
  if (text == nullptr) return "";
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_.get(), column)));
}

std::string Statement::ColumnBlob(int column) const {
  const void* bytes = sqlite3_column_blob(stmt_.get(), column);
  if (bytes == nullptr) return "";
  return std::string(static_cast<const char*>(bytes),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_.get(), column)));
}

double Statement::ColumnDouble(int column) const {
  return sqlite3_column_double(stmt_.get(), column);
}

bool Statement::ColumnIsNull(int column) const {
  return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL;
}

// --- Database ---

void Database::Closer::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

Database::Database(std::string path, sqlite3* db) : path_(std::move(path)), db_(db) {}

Database Database::Open(const std::string& path) { return Open(path, BuiltInMigrations()); }

Database Database::Open(const std::string& path, const std::vector<Migration>& migrations) {
  // Create the file ourselves with mode 0600: SQLite gives the -wal and -shm files the mode
  // of the database file, so they are private from their first byte. Only when it does not
  // exist yet: closing a descriptor of a file drops every POSIX lock this process holds on
  // it, including the locks of a connection already open — which can corrupt the database.
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) {
    ::close(fd);
  } else if (errno != EEXIST) {
    throw DatabaseError("cannot open database " + path + ": " + std::strerror(errno));
  }
  ChmodIfExists(path);

  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  Database db(path, raw);
  if (rc != SQLITE_OK) Fail(raw, "cannot open database " + path);
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);

  {
    Statement wal = db.Prepare("PRAGMA journal_mode=WAL");
    if (!wal.Step() || wal.ColumnText(0) != "wal") {
      throw DatabaseError("cannot switch " + path + " to WAL mode");
    }
  }
  db.Execute("PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;");
  db.Migrate(migrations);
  db.RestrictFiles();
  return db;
}

void Database::Execute(const std::string& sql) const {
  char* error = nullptr;
  if (sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error != nullptr ? error : "unknown error";
    sqlite3_free(error);
    throw DatabaseError(path_ + ": " + message);
  }
}

int Database::SchemaVersion() const {
  Statement s = Prepare("PRAGMA user_version");
  return s.Step() ? static_cast<int>(s.ColumnInt(0)) : 0;
}

void Database::Migrate(const std::vector<Migration>& migrations) {
  for (size_t i = 0; i < migrations.size(); ++i) {
    if (migrations[i].version != static_cast<int>(i) + 1) {
      throw DatabaseError("migration " + migrations[i].name + " is out of sequence");
    }
  }
  const int latest = static_cast<int>(migrations.size());
  if (SchemaVersion() == latest) return;
  // Another process may be migrating the same file: take the write lock, then look again.
  Transaction transaction(*this);
  const int current = SchemaVersion();
  if (current > latest) {
    throw DatabaseError(path_ + " has schema version " + std::to_string(current) +
                        ", newer than this skjerm knows (" + std::to_string(latest) + ")");
  }
  for (int v = current + 1; v <= latest; ++v) {
    const Migration& m = migrations[static_cast<size_t>(v - 1)];
    try {
      Execute(m.sql);
    } catch (const DatabaseError& e) {
      throw DatabaseError("migration " + m.name + " failed: " + e.what());
    }
    Execute("PRAGMA user_version=" + std::to_string(v));
  }
  transaction.Commit();
}

void Database::RestrictFiles() const {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) ChmodIfExists(path_ + suffix);
}

// --- Transaction ---

Transaction::Transaction(const Database& db) : db_(db) { db_.Execute("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (done_) return;
  try {
    db_.Execute("ROLLBACK");
  } catch (const DatabaseError&) {
    // Nothing more can be done in a destructor; SQLite rolls back on close anyway.
  }
}

void Transaction::Commit() {
  db_.Execute("COMMIT");
  done_ = true;
}

}  // namespace skjerm
