#include "journal/journal_store.h"

#include <sqlite3.h>

#include <ctime>

#include "base/sha256.h"
#include "extract/document_codec.h"

namespace skjerm {
namespace {

// Parties are kept as one text, one party a line.
std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) {
    if (!out.empty()) out.push_back('\n');
    out += line;
  }
  return out;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

Decision DecisionOrError(const std::string& name) {
  return DecisionFromName(name).value_or(Decision::kError);
}

EntryStatus StatusOrPending(const std::string& name) {
  EntryStatus status = EntryStatus::kPending;
  EntryStatusFromName(name, &status);
  return status;
}

}  // namespace

const char* EntryStatusName(EntryStatus status) {
  switch (status) {
    case EntryStatus::kPending:
      return "pending";
    case EntryStatus::kPublished:
      return "published";
    case EntryStatus::kHeld:
      return "held";
    case EntryStatus::kReleased:
      return "released";
  }
  return "pending";
}

bool EntryStatusFromName(const std::string& name, EntryStatus* status) {
  for (EntryStatus s : {EntryStatus::kPending, EntryStatus::kPublished, EntryStatus::kHeld,
                        EntryStatus::kReleased}) {
    if (name == EntryStatusName(s)) {
      *status = s;
      return true;
    }
  }
  return false;
}

std::string UtcNow() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

JournalStore::JournalStore(const Database& db, std::string secret_key)
    : db_(db), key_(std::move(secret_key)), box_(key_) {
  SealClearPaths();
}

void JournalStore::SealClearPaths() {
  // Documents imported before paths were sealed (journal/003_*.sql) keep their path in
  // clear until a command opens the database with its key: it is sealed here, once.
  Statement any = db_.Prepare("SELECT 1 FROM journal_document WHERE path_sealed IS NULL LIMIT 1");
  if (!any.Step()) return;
  Transaction tx(db_);
  Statement clear =
      db_.Prepare("SELECT entry, position, path FROM journal_document WHERE path_sealed IS NULL");
  Statement seal = db_.Prepare(
      "UPDATE journal_document SET path_sealed=?, path='' WHERE entry=? AND position=?");
  while (clear.Step()) {
    seal.BindBlob(1, Seal(clear.ColumnText(2)))
        .Bind(2, clear.ColumnInt(0))
        .Bind(3, clear.ColumnInt(1))
        .Run();
    seal.Reset();
  }
  tx.Commit();
}

std::string JournalStore::Seal(const std::string& text) const { return box_.Seal(text); }

std::string JournalStore::Open(const std::string& box) const {
  return box.empty() ? std::string() : box_.Open(box);
}

std::string JournalStore::ValueHash(const std::string& category,
                                    const std::string& normalised) const {
  return HmacSha256Hex(key_, "finding\n" + category + "\n" + normalised);
}

std::string JournalStore::ContentHash(const JournalEntry& e) const {
  std::string all = "entry\n";
  for (const std::string* field :
       {&e.journal_number, &e.journal_date, &e.document_date, &e.direction, &e.title,
        &e.given_public_title, &e.access_code, &e.legal_basis, &e.screened_fields}) {
    all += *field;
    all.push_back('\0');
  }
  all += JoinLines(e.parties);
  all.push_back('\0');
  all += JoinLines(e.documents);
  return HmacSha256Hex(key_, all);
}

int64_t JournalStore::BeginRun(const std::string& command, const std::string& rule_version) {
  Statement st = db_.Prepare(
      "INSERT INTO run(command, started_at, rule_version, skjerm_version) VALUES(?,?,?,?)");
  st.Bind(1, command).Bind(2, UtcNow()).Bind(3, rule_version).Bind(4, SKJERM_VERSION).Run();
  return sqlite3_last_insert_rowid(db_.handle());
}

void JournalStore::FinishRun(int64_t run, int64_t entries, const std::string& note) {
  db_.Prepare("UPDATE run SET finished_at=?, entries=?, note=? WHERE id=?")
      .Bind(1, UtcNow())
      .Bind(2, entries)
      .Bind(3, note)
      .Bind(4, run)
      .Run();
}

std::vector<RunSummary> JournalStore::LastRuns(int count) const {
  Statement st = db_.Prepare(
      "SELECT id, command, started_at, finished_at, rule_version, entries, note FROM run "
      "ORDER BY id DESC LIMIT ?");
  st.Bind(1, static_cast<int64_t>(count));
  std::vector<RunSummary> out;
  while (st.Step()) {
    out.push_back(RunSummary{st.ColumnInt(0), st.ColumnText(1), st.ColumnText(2), st.ColumnText(3),
                             st.ColumnText(4), st.ColumnInt(5), st.ColumnText(6)});
  }
  return out;
}

UpsertOutcome JournalStore::Upsert(const JournalEntry& e, EntryStatus status, int64_t run) {
  const std::string hash = ContentHash(e);
  Statement find = db_.Prepare("SELECT id, content_hash FROM journal_entry WHERE journal_number=?");
  find.Bind(1, e.journal_number);
  int64_t id = 0;
  UpsertOutcome outcome = UpsertOutcome::kAdded;
  if (find.Step()) {
    id = find.ColumnInt(0);
    if (find.ColumnText(1) == hash) return UpsertOutcome::kUnchanged;
    outcome = UpsertOutcome::kChanged;
    // A changed entry must be judged again, whatever it was.
    const bool judged = LatestVerdict(id).has_value();
    const EntryStatus next = (!judged && status == EntryStatus::kPublished)
                                 ? EntryStatus::kPublished
                                 : EntryStatus::kPending;
    WriteEntry(id, e, hash, next);
    db_.Prepare("DELETE FROM journal_document WHERE entry=?").Bind(1, id).Run();
    AddEvent(id, run, "changed",
             std::string("re-imported with changes; status ") + EntryStatusName(next));
  } else {
    id = WriteEntry(0, e, hash, status);
    AddEvent(id, run, "imported", std::string("status ") + EntryStatusName(status));
  }
  // The path's clear column stays empty: a file name can carry personal data.
  Statement doc = db_.Prepare(
      "INSERT INTO journal_document(entry, position, path, path_sealed) VALUES(?,?,'',?)");
  for (size_t i = 0; i < e.documents.size(); ++i) {
    doc.Bind(1, id).Bind(2, static_cast<int64_t>(i + 1)).BindBlob(3, Seal(e.documents[i])).Run();
    doc.Reset();
  }
  return outcome;
}

int64_t JournalStore::WriteEntry(int64_t id, const JournalEntry& e, const std::string& hash,
                                 EntryStatus status) {
  const std::string now = UtcNow();
  // The same columns in the same order for both statements: 1..12 are the entry's fields.
  Statement st = id == 0
                     ? db_.Prepare(
                           "INSERT INTO journal_entry(journal_date, document_date, direction, "
                           "title_sealed, given_public_title_sealed, parties_sealed, access_code, "
                           "legal_basis, screened_fields, content_hash, status, updated_at, "
                           "journal_number, imported_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                     : db_.Prepare(
                           "UPDATE journal_entry SET journal_date=?, document_date=?, direction=?, "
                           "title_sealed=?, given_public_title_sealed=?, parties_sealed=?, "
                           "access_code=?, legal_basis=?, screened_fields=?, content_hash=?, "
                           "status=?, updated_at=? WHERE id=?");
  st.Bind(1, e.journal_date)
      .Bind(2, e.document_date)
      .Bind(3, e.direction)
      .BindBlob(4, Seal(e.title))
      .BindBlob(5, Seal(e.given_public_title))
      .BindBlob(6, Seal(JoinLines(e.parties)))
      .Bind(7, e.access_code)
      .Bind(8, e.legal_basis)
      .Bind(9, e.screened_fields)
      .Bind(10, hash)
      .Bind(11, EntryStatusName(status))
      .Bind(12, now);
  if (id == 0) {
    st.Bind(13, e.journal_number).Bind(14, now).Run();
    return sqlite3_last_insert_rowid(db_.handle());
  }
  st.Bind(13, id).Run();
  return id;
}

std::optional<StoredEntry> JournalStore::FindByNumber(const std::string& number) const {
  Statement st = db_.Prepare("SELECT id FROM journal_entry WHERE journal_number=?");
  st.Bind(1, number);
  if (!st.Step()) return std::nullopt;
  return Load(st.ColumnInt(0));
}

StoredEntry JournalStore::Load(int64_t id) const {
  Statement st = db_.Prepare(
      "SELECT journal_number, journal_date, document_date, direction, title_sealed, "
      "given_public_title_sealed, parties_sealed, access_code, legal_basis, screened_fields, "
      "status, public_title FROM journal_entry WHERE id=?");
  st.Bind(1, id);
  if (!st.Step()) throw DatabaseError("no journal entry with id " + std::to_string(id));
  StoredEntry out;
  out.id = id;
  JournalEntry& e = out.entry;
  e.journal_number = st.ColumnText(0);
  e.journal_date = st.ColumnText(1);
  e.document_date = st.ColumnText(2);
  e.direction = st.ColumnText(3);
  e.title = Open(st.ColumnBlob(4));
  e.given_public_title = Open(st.ColumnBlob(5));
  e.parties = SplitLines(Open(st.ColumnBlob(6)));
  e.access_code = st.ColumnText(7);
  e.legal_basis = st.ColumnText(8);
  e.screened_fields = st.ColumnText(9);
  out.status = StatusOrPending(st.ColumnText(10));
  out.public_title = st.ColumnText(11);
  Statement docs = db_.Prepare(
      "SELECT path_sealed, sha256 FROM journal_document WHERE entry=? ORDER BY position");
  docs.Bind(1, id);
  while (docs.Step()) {
    e.documents.push_back(Open(docs.ColumnBlob(0)));
    out.document_sha256.push_back(docs.ColumnText(1));
  }
  return out;
}

std::vector<int64_t> JournalStore::EntriesWithStatus(EntryStatus status, const std::string& since,
                                                     bool newest_first) const {
  std::string sql = "SELECT id FROM journal_entry WHERE status=?";
  if (!since.empty()) sql += " AND journal_date >= ?";
  sql += newest_first ? " ORDER BY journal_date DESC, journal_number DESC"
                      : " ORDER BY journal_number";
  Statement st = db_.Prepare(sql);
  st.Bind(1, EntryStatusName(status));
  if (!since.empty()) st.Bind(2, since);
  std::vector<int64_t> out;
  while (st.Step()) out.push_back(st.ColumnInt(0));
  return out;
}

std::vector<std::pair<std::string, int64_t>> JournalStore::CountByStatus() const {
  std::vector<std::pair<std::string, int64_t>> out;
  for (EntryStatus s : {EntryStatus::kPending, EntryStatus::kHeld, EntryStatus::kReleased,
                        EntryStatus::kPublished}) {
    Statement st = db_.Prepare("SELECT count(*) FROM journal_entry WHERE status=?");
    st.Bind(1, EntryStatusName(s));
    st.Step();
    out.emplace_back(EntryStatusName(s), st.ColumnInt(0));
  }
  return out;
}

int64_t JournalStore::RecordVerdict(int64_t run, int64_t entry, const EntryVerdict& v,
                                    std::optional<EntryStatus> new_status) {
  Transaction tx(db_);
  db_.Prepare(
         "INSERT INTO verdict(run, entry, decision, reason, public_title, documents_hash, "
         "findings_hash, rule_version, decided_at) "
         "SELECT ?, ?, ?, ?, ?, ?, ?, rule_version, ? FROM run WHERE id=?")
      .Bind(1, run)
      .Bind(2, entry)
      .Bind(3, DecisionName(v.decision))
      .Bind(4, v.reason)
      .Bind(5, v.public_title)
      .Bind(6, v.documents_hash)
      .Bind(7, v.findings_hash)
      .Bind(8, UtcNow())
      .Bind(9, run)
      .Run();
  const int64_t verdict = sqlite3_last_insert_rowid(db_.handle());
  Statement f = db_.Prepare(
      "INSERT INTO finding(verdict, ordinal, category, rule, location, start, \"end\", masked, "
      "value_hash, confidence) VALUES(?,?,?,?,?,?,?,?,?,?)");
  for (size_t i = 0; i < v.findings.size(); ++i) {
    const StoredFinding& s = v.findings[i];
    f.Bind(1, verdict)
        .Bind(2, static_cast<int64_t>(i))
        .Bind(3, s.category)
        .Bind(4, s.rule)
        .Bind(5, s.location)
        .Bind(6, s.start)
        .Bind(7, s.end)
        .Bind(8, s.masked)
        .Bind(9, s.value_hash)
        .BindDouble(10, s.confidence)
        .Run();
    f.Reset();
  }
  Statement doc = db_.Prepare("UPDATE journal_document SET sha256=? WHERE entry=? AND position=?");
  for (size_t i = 0; i < v.document_sha256.size(); ++i) {
    if (v.document_sha256[i].empty()) {
      doc.BindNull(1);
    } else {
      doc.Bind(1, v.document_sha256[i]);
    }
    doc.Bind(2, entry).Bind(3, static_cast<int64_t>(i + 1)).Run();
    doc.Reset();
  }
  std::string detail = std::string(DecisionName(v.decision)) + ": " + v.reason;
  if (new_status) {
    db_.Prepare("UPDATE journal_entry SET status=?, public_title=?, updated_at=? WHERE id=?")
        .Bind(1, EntryStatusName(*new_status))
        .Bind(2, v.public_title)
        .Bind(3, UtcNow())
        .Bind(4, entry)
        .Run();
    detail += std::string(" -> status ") + EntryStatusName(*new_status);
  }
  AddEvent(entry, run, "judged", detail);
  tx.Commit();
  return verdict;
}

std::vector<StoredVerdict> JournalStore::Verdicts(int64_t entry) const {
  Statement st = db_.Prepare(
      "SELECT v.id, v.run, r.command, v.decision, v.reason, v.public_title, v.documents_hash, "
      "v.findings_hash, v.rule_version, v.decided_at FROM verdict v JOIN run r ON r.id = v.run "
      "WHERE v.entry=? ORDER BY v.id");
  st.Bind(1, entry);
  std::vector<StoredVerdict> out;
  while (st.Step()) {
    StoredVerdict v;
    v.id = st.ColumnInt(0);
    v.run = st.ColumnInt(1);
    v.command = st.ColumnText(2);
    v.decision = DecisionOrError(st.ColumnText(3));
    v.reason = st.ColumnText(4);
    v.public_title = st.ColumnText(5);
    v.documents_hash = st.ColumnText(6);
    v.findings_hash = st.ColumnText(7);
    v.rule_version = st.ColumnText(8);
    v.decided_at = st.ColumnText(9);
    out.push_back(std::move(v));
  }
  Statement f = db_.Prepare(
      "SELECT category, rule, location, start, \"end\", masked, value_hash, confidence "
      "FROM finding WHERE verdict=? ORDER BY ordinal");
  for (StoredVerdict& v : out) {
    f.Bind(1, v.id);
    while (f.Step()) {
      v.findings.push_back(StoredFinding{f.ColumnText(0), f.ColumnText(1), f.ColumnText(2),
                                         f.ColumnInt(3), f.ColumnInt(4), f.ColumnText(5),
                                         f.ColumnText(6), f.ColumnDouble(7)});
    }
    f.Reset();
  }
  return out;
}

std::optional<StoredVerdict> JournalStore::LatestVerdict(int64_t entry) const {
  Statement st = db_.Prepare("SELECT max(id) FROM verdict WHERE entry=?");
  st.Bind(1, entry);
  if (!st.Step() || st.ColumnIsNull(0)) return std::nullopt;
  std::vector<StoredVerdict> all = Verdicts(entry);
  return all.back();
}

void JournalStore::RecordRelease(int64_t entry, const StoredVerdict& held, const std::string& by,
                                 const std::string& reason, int64_t run) {
  Transaction tx(db_);
  db_.Prepare(
         "INSERT INTO release(entry, verdict, released_at, released_by, reason, documents_hash, "
         "findings_hash) VALUES(?,?,?,?,?,?,?)")
      .Bind(1, entry)
      .Bind(2, held.id)
      .Bind(3, UtcNow())
      .Bind(4, by)
      .Bind(5, reason)
      .Bind(6, held.documents_hash)
      .Bind(7, held.findings_hash)
      .Run();
  db_.Prepare("UPDATE journal_entry SET status='released', updated_at=? WHERE id=?")
      .Bind(1, UtcNow())
      .Bind(2, entry)
      .Run();
  AddEvent(entry, run, "released", "released by " + by + ": " + reason);
  tx.Commit();
}

std::optional<StoredRelease> JournalStore::LatestRelease(int64_t entry) const {
  Statement st = db_.Prepare(
      "SELECT id, verdict, released_at, released_by, reason, documents_hash, findings_hash "
      "FROM release WHERE entry=? ORDER BY id DESC LIMIT 1");
  st.Bind(1, entry);
  if (!st.Step()) return std::nullopt;
  return StoredRelease{st.ColumnInt(0),  st.ColumnInt(1),  st.ColumnText(2), st.ColumnText(3),
                       st.ColumnText(4), st.ColumnText(5), st.ColumnText(6)};
}

void JournalStore::SetStatus(int64_t entry, EntryStatus status, int64_t run,
                             const std::string& why) {
  Transaction tx(db_);
  db_.Prepare("UPDATE journal_entry SET status=?, updated_at=? WHERE id=?")
      .Bind(1, EntryStatusName(status))
      .Bind(2, UtcNow())
      .Bind(3, entry)
      .Run();
  AddEvent(entry, run, "status", std::string("status ") + EntryStatusName(status) + ": " + why);
  tx.Commit();
}

void JournalStore::AddEvent(int64_t entry, int64_t run, const std::string& kind,
                            const std::string& detail) {
  Statement st =
      db_.Prepare("INSERT INTO entry_event(entry, run, at, kind, detail) VALUES(?,?,?,?,?)");
  st.Bind(1, entry);
  if (run > 0) {
    st.Bind(2, run);
  } else {
    st.BindNull(2);
  }
  st.Bind(3, UtcNow()).Bind(4, kind).Bind(5, detail).Run();
}

std::vector<EntryEvent> JournalStore::History(int64_t entry) const {
  Statement st = db_.Prepare(
      "SELECT at, kind, detail, coalesce(run, 0) FROM entry_event WHERE entry=? ORDER BY id");
  st.Bind(1, entry);
  std::vector<EntryEvent> out;
  while (st.Step()) {
    out.push_back(
        EntryEvent{st.ColumnText(0), st.ColumnText(1), st.ColumnText(2), st.ColumnInt(3)});
  }
  return out;
}

std::optional<Document> JournalStore::CachedDocument(const std::string& sha256,
                                                     const std::string& extractor) const {
  Statement st =
      db_.Prepare("SELECT document_sealed FROM text_cache WHERE sha256=? AND extractor=?");
  st.Bind(1, sha256).Bind(2, extractor);
  if (!st.Step()) return std::nullopt;
  try {
    std::optional<Document> d = DecodeDocument(box_.Open(st.ColumnBlob(0)));
    if (d && d->sha256 != sha256) return std::nullopt;
    return d;
  } catch (const SealedBoxError&) {
    return std::nullopt;  // damaged or from another key: read the document again
  }
}

void JournalStore::CacheDocument(const std::string& sha256, const std::string& extractor,
                                 const Document& document) {
  db_.Prepare(
         "INSERT OR REPLACE INTO text_cache(sha256, extractor, document_sealed, created_at) "
         "VALUES(?,?,?,?)")
      .Bind(1, sha256)
      .Bind(2, extractor)
      .BindBlob(3, box_.Seal(EncodeDocument(document)))
      .Bind(4, UtcNow())
      .Run();
}

}  // namespace skjerm
