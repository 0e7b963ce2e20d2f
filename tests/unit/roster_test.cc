#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/utf8.h"
#include "cli/app.h"
#include "detect/roles/roster.h"
#include "detect/roles/roster_terms.h"
#include "journal/database.h"
#include "journal/database_key.h"
#include "journal/roster_csv.h"
#include "journal/roster_store.h"
#include "temp_folder.h"

namespace skjerm {
namespace {

namespace fs = std::filesystem;

// One private folder per test: skjerm-roster-XXXXXX.
class TempDir : public TempFolder {
 public:
  TempDir() : TempFolder("skjerm-roster") {}
};

const std::string kKey(32, '\x5a');

// Invented people. The national IDs are made up and need not be valid here: the roster
// only hashes them.
const char kRoster[] =
    "\xEF\xBB\xBF"
    "id,role,given_names,family_name,birth_date,national_id,protected,guardian_of\r\n"
    "p1,pupil,Tobias,Vangen,14.02.2013,140213 12345,0,\r\n"
    "p2,pupil,Tor-Erik,Bråten,2012-11-30,,0,\r\n"
    "p3,pupil,\"Åsmund\",\"Kvål\",,,1,\r\n"
    "g1,guardian,Hege,Vangen,,,0,p1\r\n"
    "s1,staff,Gudrun,Lia,,,,\r\n";

TEST(CsvTest, SplitsQuotedFieldsAsRfc4180Says) {
  std::vector<CsvRow> rows =
      SplitCsv("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\n\nlast,1,2", ',');
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].fields, (std::vector<std::string>{"a", "b, c", "say \"hi\""}));
  EXPECT_EQ(rows[0].line, 1);
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"two\nlines", "", "x"}));
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[2].fields, (std::vector<std::string>{"last", "1", "2"}));
  EXPECT_EQ(rows[2].line, 5);
}

TEST(RosterCsvTest, ReadsBomQuotesAndEmptyCells) {
  RosterCsv csv = ParseRosterCsv(kRoster);
  EXPECT_TRUE(csv.skipped.empty());
  EXPECT_TRUE(csv.warnings.empty());
  ASSERT_EQ(csv.records.size(), 5u);
  EXPECT_EQ(csv.records[0].id, "p1");
  EXPECT_EQ(csv.records[0].given_names, "Tobias");
  EXPECT_EQ(csv.records[0].birth_date, "14.02.2013");
  EXPECT_EQ(csv.records[2].given_names, "Åsmund");
  EXPECT_TRUE(csv.records[2].is_protected);
  EXPECT_EQ(csv.records[3].role, RosterRole::kGuardian);
  EXPECT_EQ(csv.records[3].guardian_of, std::vector<std::string>{"p1"});
  EXPECT_EQ(csv.records[4].role, RosterRole::kStaff);
  EXPECT_FALSE(csv.records[4].is_protected);
  EXPECT_EQ(csv.records[4].line, 6);
}

TEST(RosterCsvTest, ColumnsInAnyOrderAndSemicolons) {
  RosterCsv csv = ParseRosterCsv(
      "Family_Name;Given_Names;ROLE;id\n"
      "\"Berg; Nilsen\";Liv;pupil;x1\n");
  ASSERT_EQ(csv.records.size(), 1u);
  EXPECT_EQ(csv.records[0].family_name, "Berg; Nilsen");
  EXPECT_EQ(csv.records[0].given_names, "Liv");
  EXPECT_EQ(csv.records[0].id, "x1");
}

TEST(RosterCsvTest, SkipsBadRowsWithLineNumbersAndNoNames) {
  RosterCsv csv = ParseRosterCsv(
      "id,role,given_names,family_name,birth_date,national_id,protected,guardian_of\n"
      "a1,pupil,Ola,Tveten,,,0,\n"           // 2: fine
      "a2,teacher,Kari,Tveten,,,0,\n"        // 3: bad role
      ",pupil,Kari,Tveten,,,0,\n"            // 4: no id
      "a1,pupil,Per,Tveten,,,0,\n"           // 5: repeated id
      "a4,pupil,Per,Tveten,,,yes,\n"         // 6: bad protected
      "a5,pupil,,,,,0,\n"                    // 7: no name
      "a6,pupil,Per,Tveten\n"                // 8: too few fields
      "a7,pupil,Siv,Tveten,31.02.x,12,0,\n"  // 9: imported, two warnings
      "a8,pupil,\xFF\xFE,Tveten,,,0,\n");    // 10: not UTF-8
  ASSERT_EQ(csv.records.size(), 2u);
  EXPECT_EQ(csv.records[1].id, "a7");
  EXPECT_TRUE(csv.records[1].birth_date.empty());
  EXPECT_TRUE(csv.records[1].national_id.empty());
  ASSERT_EQ(csv.skipped.size(), 7u);
  const int lines[] = {3, 4, 5, 6, 7, 8, 10};
  for (size_t i = 0; i < csv.skipped.size(); ++i) {
    EXPECT_EQ(csv.skipped[i].line, lines[i]) << csv.skipped[i].reason;
    for (const char* name : {"Kari", "Per", "Tveten", "teacher"}) {
      EXPECT_EQ(csv.skipped[i].reason.find(name), std::string::npos) << csv.skipped[i].reason;
    }
  }
  EXPECT_NE(csv.skipped[2].reason.find("line 2"), std::string::npos);
  EXPECT_EQ(csv.warnings.size(), 2u);
}

TEST(RosterCsvTest, RefusesAFileWithoutTheRequiredColumns) {
  EXPECT_THROW(ParseRosterCsv("name,role\nKari,pupil\n"), RosterCsvError);
  EXPECT_THROW(ParseRosterCsv("id,role,klass\n1,pupil,5A\n"), RosterCsvError);
  EXPECT_THROW(ParseRosterCsv(""), RosterCsvError);
}

// A roster exported without its header row: the first row is a person, and the refusal
// must not quote their ID or name as a "column".
TEST(RosterCsvTest, RefusesARosterWithoutAHeaderRowWithoutQuotingItsFirstRow) {
  for (const char* text : {"14091050170,pupil,Emil,Solberg\n",
                           "Emil Solberg;pupil;14091050170\nKari Tveten;pupil;12345678901\n"}) {
    try {
      ParseRosterCsv(text);
      FAIL() << "a roster without a header row was accepted: " << text;
    } catch (const RosterCsvError& e) {
      const std::string what = e.what();
      EXPECT_NE(what.find("names none of its columns"), std::string::npos) << what;
      EXPECT_EQ(what.find("14091050170"), std::string::npos) << what;
      EXPECT_EQ(what.find("Emil"), std::string::npos) << what;
    }
  }
}

TEST(RosterCsvTest, RefusesColumnsItDoesNotReadInsteadOfIgnoringThem) {
  // A misspelled ID column would leave every pupil's ID unknown to the roster without a word.
  try {
    ParseRosterCsv("id,role,given_names,family_name,nationl_id\nx1,pupil,Ola,Tveten,1\n");
    FAIL() << "an unknown column was accepted";
  } catch (const RosterCsvError& e) {
    EXPECT_NE(std::string(e.what()).find("'nationl_id'"), std::string::npos) << e.what();
  }
  EXPECT_THROW(ParseRosterCsv("id,role,given_names,ID\nx1,pupil,Ola,x2\n"), RosterCsvError);
  // A trailing separator makes a column without a name: allowed while it stays empty.
  RosterCsv csv = ParseRosterCsv(
      "id,role,given_names,family_name,\n"
      "x1,pupil,Ola,Tveten,\n"
      "x2,pupil,Kari,Tveten,12345678901\n");
  ASSERT_EQ(csv.records.size(), 1u);
  EXPECT_EQ(csv.records[0].id, "x1");
  ASSERT_EQ(csv.skipped.size(), 1u);
  EXPECT_EQ(csv.skipped[0].line, 3);
  EXPECT_EQ(csv.skipped[0].reason.find("12345678901"), std::string::npos);
}

TEST(RosterCsvTest, RefusesOverlongCellsWithoutCuttingThem) {
  const std::string header = "id,role,given_names,family_name,guardian_of\n";
  const std::string huge(10 << 20, 'x');  // 10 MB: a quote that ran on, or not a roster
  RosterCsv csv =
      ParseRosterCsv(header + "a1,pupil,Ola,\"" + huge + "\",\n" + "a2,pupil,Siv," +
                     std::string(256, 'y') + ",\n" + "a3,pupil," + std::string(257, 'z') +
                     ",Tveten,\n" + "a4,guardian,Per,Tveten," + std::string(5000, '1') + "\n");
  ASSERT_EQ(csv.records.size(), 1u);  // 256 bytes is still a name
  EXPECT_EQ(csv.records[0].id, "a2");
  ASSERT_EQ(csv.skipped.size(), 3u);
  EXPECT_EQ(csv.skipped[0].line, 2);
  EXPECT_EQ(csv.skipped[0].reason,
            "has a family_name of 10485760 bytes, longer than any (at most 256; a quote not "
            "closed?): the row is refused, not cut");
  EXPECT_EQ(csv.skipped[1].line, 4);
  EXPECT_NE(csv.skipped[1].reason.find("given_names of 257 bytes"), std::string::npos);
  EXPECT_NE(csv.skipped[2].reason.find("guardian_of of 5000 bytes, longer than any (at most "
                                       "4096"),
            std::string::npos)
      << csv.skipped[2].reason;
}

TEST(CsvTest, QuotesInsideALongUnquotedFieldCostNoMoreThanTheField) {
  // Each quote in an unquoted field used to copy the field so far to see whether it was
  // blank: quadratic in the field's length.
  std::string field;
  for (int i = 0; i < (2 << 20); ++i) field += "a\"";
  std::vector<CsvRow> rows = SplitCsv("id," + field + "\n", ',');
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(rows[0].fields.size(), 2u);
  EXPECT_EQ(rows[0].fields[1], field);
  // A quote after blanks still opens a quoted field.
  rows = SplitCsv("a,  \"b, c\"\n", ',');
  ASSERT_EQ(rows[0].fields.size(), 2u);
  EXPECT_EQ(rows[0].fields[1], "b, c");
}

TEST(RosterTermsTest, DeletionsAreEachWayOfLeavingOutALetterOnce) {
  EXPECT_EQ(SingleDeletions("aab"), (std::vector<std::string>{"ab", "aa"}));
  EXPECT_EQ(SingleDeletions("ss"), (std::vector<std::string>{"s"}));
  EXPECT_EQ(SingleDeletions("øø"), (std::vector<std::string>{"ø"}));
  EXPECT_EQ(SingleDeletions("oø"), (std::vector<std::string>{"ø", "o"}));
  // The same as leaving out each letter and removing repeats.
  for (const std::string word : {"mississippi", "hannaåsaa", "bbbabbb", "x"}) {
    std::vector<std::string> brute;
    for (size_t i = 0; i < word.size();) {
      size_t n;
      DecodeUtf8(word, i, &n);
      std::string d = word.substr(0, i) + word.substr(i + n);
      if (std::find(brute.begin(), brute.end(), d) == brute.end()) brute.push_back(d);
      i += n;
    }
    EXPECT_EQ(SingleDeletions(word), brute) << word;
  }
}

TEST(RosterTermsTest, NoDeletionsForWordsLongerThanAnyName) {
  RosterRecord record;
  record.id = "p1";
  record.family_name = std::string(kMaxFuzzyNameLength + 1, 'k');
  for (const RosterTerm& t : DeriveTerms(record, kKey, nullptr)) {
    EXPECT_NE(t.kind, TermKind::kDeletion);
  }
  record.family_name = "Kvernmoen";
  bool deletions = false;
  for (const RosterTerm& t : DeriveTerms(record, kKey, nullptr)) {
    deletions |= t.kind == TermKind::kDeletion;
  }
  EXPECT_TRUE(deletions);
}

TEST(RosterTermsTest, NormalisesNamesDatesAndDeletions) {
  EXPECT_EQ(FoldName("Tor-Erik  Bråten"), "tor erik braten");
  EXPECT_EQ(FoldName("BJØRN"), "bjorn");
  EXPECT_EQ(NormaliseBirthDate("14.02.2013"), "2013-02-14");
  EXPECT_EQ(NormaliseBirthDate("2013-02-14"), "2013-02-14");
  EXPECT_EQ(NormaliseBirthDate("4/2/2013"), "2013-02-04");
  EXPECT_EQ(NormaliseBirthDate("14.13.2013"), "");
  EXPECT_EQ(NormaliseBirthDate("14.02.13"), "");
  EXPECT_EQ(DigitsOnly("140213 123-45"), "14021312345");
  EXPECT_EQ(SingleDeletions("anna"), (std::vector<std::string>{"nna", "ana", "ann"}));
  EXPECT_EQ(SingleDeletions("åse").size(), 3u);
}

TEST(RosterTermsTest, TermsCoverPartsFullNamesAndDeletions) {
  RosterRecord r;
  r.given_names = "Tor-Erik";
  r.family_name = "Bråten";
  r.birth_date = "30.11.2012";
  std::vector<RosterTerm> terms = DeriveTerms(r, kKey, [](std::string_view) { return false; });
  auto has = [&](TermKind kind, const std::string& value) {
    return std::find(terms.begin(), terms.end(),
                     RosterTerm{kind, TermHash(kKey, kind, value), false}) != terms.end();
  };
  EXPECT_TRUE(has(TermKind::kGiven, "tor"));
  EXPECT_TRUE(has(TermKind::kGiven, "erik"));
  EXPECT_TRUE(has(TermKind::kFamily, "braten"));
  EXPECT_TRUE(has(TermKind::kFull, "tor erik braten"));
  EXPECT_TRUE(has(TermKind::kFull, "tor braten"));
  EXPECT_TRUE(has(TermKind::kDeletion, "brten"));
  EXPECT_TRUE(has(TermKind::kDeletion, "eik"));
  EXPECT_FALSE(has(TermKind::kDeletion, "to"));  // "Tor" is too short for fuzzy matching
  EXPECT_TRUE(has(TermKind::kBirthDate, "2012-11-30"));
  EXPECT_NE(TermHash(kKey, TermKind::kGiven, "tor"),
            TermHash(std::string(32, 'x'), TermKind::kGiven, "tor"));
}

// Every byte SQLite wrote, in every case and folding a reader could search for.
std::string AllBytes(const std::string& db_path) {
  std::string all;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::ifstream in(db_path + suffix, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    all += ss.str();
  }
  return all;
}

std::string DumpTables(const Database& db) {
  std::string dump;
  std::vector<std::string> tables;
  Statement list = db.Prepare("SELECT name FROM sqlite_master WHERE type = 'table'");
  while (list.Step()) tables.push_back(list.ColumnText(0));
  for (const std::string& table : tables) {
    Statement rows = db.Prepare("SELECT * FROM " + table);
    while (rows.Step()) {
      for (int c = 0; c < 8; ++c) dump += rows.ColumnText(c) + "|";
      dump += "\n";
    }
  }
  return dump;
}

// With a random key, digits may turn up in the hex of a hash by chance: digit needles are
// checked only under the fixed test key, where the hashes are always the same.
void ExpectNoClearText(const std::string& haystack, bool check_digits = true) {
  const std::string lower = ToLowerUtf8(haystack);
  const std::string folded = FoldForMatching(haystack);
  for (const char* needle :
       {"Tobias",     "Vangen", "Tor-Erik",    "Bråten", "Braten", "Åsmund",     "Asmund",
        "Kvål",       "Kval",   "Hege",        "Gudrun", "Lia,",   "14.02.2013", "2013-02-14",
        "2012-11-30", "140213", "14021312345", "12345",  "p1",     "g1"}) {
    if (!check_digits &&
        std::string_view(needle).find_first_of("0123456789") != std::string_view::npos) {
      continue;
    }
    EXPECT_EQ(haystack.find(needle), std::string::npos) << needle;
    EXPECT_EQ(lower.find(ToLowerUtf8(needle)), std::string::npos) << needle;
    EXPECT_EQ(folded.find(FoldForMatching(needle)), std::string::npos) << needle;
  }
}

RosterImportCounts Import(const Database& db, const std::string& csv_text) {
  RosterCsv csv = ParseRosterCsv(csv_text);
  std::vector<RosterNote> warnings;
  return ReplaceRoster(
      db, kKey, csv.records, static_cast<int>(csv.skipped.size()),
      [](std::string_view) { return false; }, &warnings);
}

TEST(RosterStoreTest, ImportStoresOnlyKeyedHashes) {
  TempDir dir;
  const std::string path = dir.File("r.db");
  {
    Database db = Database::Open(path);
    RosterImportCounts counts = Import(db, kRoster);
    EXPECT_EQ(counts.persons, 5);
    EXPECT_EQ(counts.pupils, 3);
    EXPECT_EQ(counts.guardians, 1);
    EXPECT_EQ(counts.staff, 1);
    EXPECT_EQ(counts.is_protected, 1);
    EXPECT_EQ(counts.guardian_links, 1);
    ExpectNoClearText(DumpTables(db));
    ExpectNoClearText(AllBytes(path));
  }
  // And after the WAL was checkpointed into the main file.
  ExpectNoClearText(AllBytes(path));
}

TEST(RosterStoreTest, LoadedRosterFindsPeopleByHash) {
  TempDir dir;
  Database db = Database::Open(dir.File("r.db"));
  Import(db, kRoster);
  Roster roster = LoadRoster(db, kKey);
  ASSERT_EQ(roster.persons().size(), 5u);
  std::vector<Roster::Hit> hits = roster.Find(TermKind::kGiven, "vangen");
  ASSERT_EQ(hits.size(), 2u);  // Tobias and Hege
  for (const Roster::Hit& h : hits) EXPECT_EQ(h.kind, TermKind::kFamily);
  hits = roster.Find(TermKind::kGiven, "asmund");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_TRUE(roster.persons()[static_cast<size_t>(hits[0].person)].is_protected);
  EXPECT_EQ(roster.Find(TermKind::kFull, "tobias vangen").size(), 1u);
  EXPECT_EQ(roster.Find(TermKind::kNationalId, "14021312345").size(), 1u);
  EXPECT_EQ(roster.Find(TermKind::kBirthDate, "2013-02-14").size(), 1u);
  ASSERT_EQ(roster.Find(TermKind::kGiven, "gudrun").size(), 1u);
  EXPECT_EQ(
      roster.persons()[static_cast<size_t>(roster.Find(TermKind::kGiven, "gudrun")[0].person)].role,
      RosterRole::kStaff);
  // Under another key nothing matches.
  Roster other = LoadRoster(db, std::string(32, 'q'));
  EXPECT_TRUE(other.Find(TermKind::kGiven, "tobias").empty());
}

TEST(RosterStoreTest, ReimportReplacesTheRoster) {
  TempDir dir;
  Database db = Database::Open(dir.File("r.db"));
  Import(db, kRoster);
  RosterImportCounts counts = Import(db,
                                     "id,role,given_names,family_name\n"
                                     "n1,pupil,Ingvild,Moberg\n");
  EXPECT_EQ(counts.persons, 1);
  Roster roster = LoadRoster(db, kKey);
  EXPECT_EQ(roster.persons().size(), 1u);
  EXPECT_TRUE(roster.Find(TermKind::kGiven, "tobias").empty());
  EXPECT_EQ(roster.Find(TermKind::kGiven, "ingvild").size(), 1u);
  Statement imports = db.Prepare("SELECT count(*) FROM roster_import");
  ASSERT_TRUE(imports.Step());
  EXPECT_EQ(imports.ColumnInt(0), 2);
}

TEST(RosterStoreTest, OrdinaryWordsAreFlagged) {
  TempDir dir;
  Database db = Database::Open(dir.File("r.db"));
  RosterCsv csv = ParseRosterCsv("id,role,given_names,family_name\nq1,pupil,Liv,Stein\n");
  std::vector<RosterNote> warnings;
  ReplaceRoster(
      db, kKey, csv.records, 0, [](std::string_view w) { return w == "Liv"; }, &warnings);
  Roster roster = LoadRoster(db, kKey);
  std::vector<Roster::Hit> liv = roster.Find(TermKind::kGiven, "liv");
  ASSERT_EQ(liv.size(), 1u);
  EXPECT_TRUE(liv[0].ordinary_word);
  std::vector<Roster::Hit> stein = roster.Find(TermKind::kGiven, "stein");
  ASSERT_EQ(stein.size(), 1u);
  EXPECT_FALSE(stein[0].ordinary_word);
}

TEST(RosterCommandTest, ImportsEndToEndAndKeepsFilesPrivate) {
  TempDir dir;
  const std::string csv = dir.File("roster.csv");
  const std::string dict = dir.File("words");
  std::ofstream(csv) << kRoster;
  std::ofstream(dict) << "liv\nstein\nvangen\n";
  const std::string db = dir.File("cli.db");
  // The key outside the database's folder, in a private folder skjerm creates.
  TempDir keys;
  const std::string key = keys.File("private/cli.key");
  std::vector<std::string> args = {"skjerm", "roster", "import",       csv, "--db", db,
                                   "--key",  key,      "--dictionary", dict};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  EXPECT_EQ(RunCli(static_cast<int>(argv.size()), argv.data()), 0);
  struct stat st;
  ASSERT_EQ(::stat(key.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat(keys.File("private").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  EXPECT_NE(::stat((db + ".key").c_str(), &st), 0) << "a key beside the database";
  ASSERT_EQ(::stat(db.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  Database opened = Database::Open(db);
  Roster roster = LoadRoster(opened, LoadSecretKey(key));
  EXPECT_EQ(roster.persons().size(), 5u);
  std::vector<Roster::Hit> vangen = roster.Find(TermKind::kGiven, "vangen");
  ASSERT_FALSE(vangen.empty());
  EXPECT_TRUE(vangen[0].ordinary_word);  // the test dictionary says so
  ExpectNoClearText(AllBytes(db), /*check_digits=*/false);

  KeySettings settings;
  settings.key_option = key;
  std::shared_ptr<const Roster> for_scan = LoadRosterForScan(db, settings);
  ASSERT_NE(for_scan, nullptr);
  EXPECT_EQ(for_scan->persons().size(), 5u);
  EXPECT_EQ(LoadRosterForScan(dir.File("none.db"), settings), nullptr);
  ::chmod(key.c_str(), 0644);
  EXPECT_THROW(LoadRosterForScan(db, settings), SecretKeyError);
  ::chmod(key.c_str(), 0600);
  // Without its key the roster is an error, not a scan without it.
  KeySettings elsewhere;
  elsewhere.key_option = keys.File("private/other.key");
  EXPECT_THROW(LoadRosterForScan(db, elsewhere), SecretKeyError);

  // A file with no usable rows leaves the roster alone.
  std::ofstream(csv) << "id,role,given_names,family_name\n,pupil,Ola,Nordmann\n";
  EXPECT_EQ(RunCli(static_cast<int>(argv.size()), argv.data()), 1);
  EXPECT_EQ(LoadRoster(opened, LoadSecretKey(key)).persons().size(), 5u);
}

}  // namespace
}  // namespace skjerm
