// skjerm's SQLite database: one file that holds the roster (and the journal), opened the
// same way by every command — WAL, foreign keys on, a busy timeout, the schema brought up
// to date by the migrations in journal/*.sql (built into the binary), and every file of it
// (the database and its -wal and -shm companions) readable by the owner only.
#ifndef SKJERM_JOURNAL_DATABASE_H_
#define SKJERM_JOURNAL_DATABASE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace skjerm {

// Any failure of the database. The message names the file and SQLite's reason, never a
// bound value.
class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One schema step: journal/NNN_name.sql. Versions count from 1 without gaps; the database
// records the last one applied in PRAGMA user_version.
struct Migration {
  int version = 0;
  std::string name;  // "001_roster.sql"
  std::string sql;
};

// The migrations built into the binary from journal/*.sql, in order.
std::vector<Migration> BuiltInMigrations();

// A prepared statement. Bind parameters are 1-based like SQLite's; columns are 0-based.
class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  Statement(Statement&&) noexcept = default;
  Statement& operator=(Statement&&) noexcept = default;

  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, std::string_view text);
  Statement& BindNull(int index);
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& BindDouble(int index, double value);

  // Runs one step: true while a row is available, false when done.
  bool Step();
  // Steps to completion (for statements that return no rows).
  void Run();
  // Makes the statement reusable with new bindings.
  void Reset();

  int64_t ColumnInt(int column) const;
  std::string ColumnText(int column) const;
  bool ColumnIsNull(int column) const;
  std::string ColumnBlob(int column) const;
  double ColumnDouble(int column) const;

 private:
  struct Finalizer {
    void operator()(sqlite3_stmt* stmt) const;
  };
  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
};

class Database {
 public:
  // Opens or creates the database at path and applies the built-in migrations.
  // Throws DatabaseError.
  static Database Open(const std::string& path);
  // The same with the given migrations (for tests of the migration logic).
  static Database Open(const std::string& path, const std::vector<Migration>& migrations);

  Database(Database&&) noexcept = default;
  Database& operator=(Database&&) noexcept = default;

  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_.get(); }

  Statement Prepare(std::string_view sql) const { return Statement(db_.get(), sql); }
  // Runs one or more statements without parameters.
  void Execute(const std::string& sql) const;
  // PRAGMA user_version: the last migration applied.
  int SchemaVersion() const;

  // Restricts the database file and its -wal/-shm companions to the owner (0600). Open()
  // does this; a caller that made SQLite create a companion later may call it again.
  void RestrictFiles() const;

 private:
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  Database(std::string path, sqlite3* db);
  void Migrate(const std::vector<Migration>& migrations);

  std::string path_;
  std::unique_ptr<sqlite3, Closer> db_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless Commit() was called.
class Transaction {
 public:
  explicit Transaction(const Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void Commit();

 private:
  const Database& db_;
  bool done_ = false;
};

}  // namespace skjerm

#endif  // SKJERM_JOURNAL_DATABASE_H_
