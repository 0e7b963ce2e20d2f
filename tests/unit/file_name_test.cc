// A document's file name is judged like a journal title: what it shows holds the document
// (marked or not), is reported with location "file name", is masked in every path skjerm
// prints, and is sealed in the database.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "journal/database.h"
#include "journal/journal_store.h"
#include "pipeline/rule_set.h"
#include "pipeline/scan_pipeline.h"
#include "pipeline/scanner.h"
#include "policy/policy.h"
#include "report/scan_report.h"
#include "temp_folder.h"

namespace skjerm {
namespace {

namespace fs = std::filesystem;

constexpr char kFnr[] = "14091050170";  // valid check digits, invented person

bool HasDigit(const std::string& s) { return s.find_first_of("0123456789") != std::string::npos; }

Document Harmless(const std::string& path) {
  Document d;
  d.path = path;
  d.sha256 = std::string(64, 'a');
  Page p;
  p.number = 1;
  p.text = "Kommunestyret møtes torsdag klokken 18 i rådhuset.";
  d.pages.push_back(p);
  return d;
}

Finding InFileName(Category category, std::string text, size_t begin) {
  Finding f;
  f.category = category;
  f.rule = "test";
  f.location.metadata = MetadataSource::kFileName;
  f.begin = begin;
  f.end = begin + text.size();
  f.text = std::move(text);
  f.confidence = 1.0;
  return f;
}

ExemptionMarking Marking() {
  ExemptionMarking m;
  m.phrase = "Unntatt offentlighet";
  m.basis = "offl. § 13";
  m.page = 1;
  return m;
}

class FileNameTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { rules_ = RuleSet::Load(SKJERM_PATTERNS_DIR, nullptr).release(); }
  static void TearDownTestSuite() { delete rules_; }
  static RuleSet* rules_;
};

RuleSet* FileNameTest::rules_ = nullptr;

// --- policy ---------------------------------------------------------------------------

TEST(FileNamePolicyTest, AnythingInTheFileNameHoldsEvenWhenMarked) {
  Policy policy{PolicyRules{}};
  for (const auto& marking : {std::optional<ExemptionMarking>(), std::optional(Marking())}) {
    const Verdict v = policy.Decide(Harmless("Vedtak.pdf"), marking,
                                    {InFileName(Category::kNationalId, kFnr, 7)});
    EXPECT_EQ(v.decision, Decision::kHold) << v.reason;
    EXPECT_NE(v.reason.find("the file name shows personal data: national ID number"),
              std::string::npos)
        << v.reason;
    EXPECT_FALSE(HasDigit(v.reason)) << v.reason;
  }
  // A name alone in a page would pass under the default policy; in a file name it holds.
  const Verdict name = policy.Decide(Harmless("x.pdf"), std::nullopt,
                                     {InFileName(Category::kPersonName, "Emil Solberg", 0)});
  EXPECT_EQ(name.decision, Decision::kHold);
  EXPECT_NE(name.reason.find("name (E*** *******)"), std::string::npos) << name.reason;
}

TEST(FileNamePolicyTest, BelowTheConfidenceThresholdItDoesNotHold) {
  Policy policy{PolicyRules{}};
  Finding weak = InFileName(Category::kPersonName, "Storm", 0);
  weak.confidence = 0.1;
  EXPECT_EQ(policy.Decide(Harmless("Storm.pdf"), std::nullopt, {weak}).decision, Decision::kPass);
}

// --- the scanner with the real rules ---------------------------------------------------

TEST_F(FileNameTest, AnIdInTheFileNameHoldsAHarmlessLetter) {
  Scanner scanner(*rules_);
  const std::string path = std::string("in/Vedtak Emil Solberg ") + kFnr + ".pdf";
  const Verdict v = scanner.Judge(Harmless(path));
  EXPECT_EQ(v.decision, Decision::kHold) << v.reason;
  ASSERT_FALSE(v.findings.empty());
  bool id = false;
  for (const Finding& f : v.findings) {
    EXPECT_EQ(f.location.metadata, MetadataSource::kFileName);
    if (f.category == Category::kNationalId) {
      id = true;
      EXPECT_EQ(f.text, kFnr);
      EXPECT_EQ(std::string(FileNameOf(path)).substr(f.begin, f.end - f.begin), kFnr);
    }
  }
  EXPECT_TRUE(id);
  EXPECT_FALSE(HasDigit(v.reason)) << v.reason;
}

TEST_F(FileNameTest, UnderscoresAreSpacesToTheDetectors) {
  Scanner scanner(*rules_);
  const std::string path = std::string("Vedtak_") + kFnr + "_endelig.pdf";
  const std::vector<Finding> found = scanner.FindInFileName(path);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].begin, 7u);
  EXPECT_EQ(found[0].end, 18u);
}

TEST_F(FileNameTest, PlainFileNamesAndFoldersFindNothing) {
  Scanner scanner(*rules_);
  for (const char* path :
       {"samples/letters/nb-vedtak-hold.pdf", "2024-05-03 referat.pdf", "sak 2024-1234 brev 2.pdf",
        "svar_pa_klage_2024_1234.pdf", "Referat fra kommunestyret 2024-05-03.pdf",
        "Vedtak om tilskudd til Nordvik Idrettslag.pdf", "Søknad om skyss - Lunde skole.pdf",
        "faktura 10203040506.pdf", "/data/14091050170/brev.pdf", "", "/"}) {
    EXPECT_TRUE(scanner.FindInFileName(path).empty()) << path;
  }
  EXPECT_EQ(scanner.Judge(Harmless("nb-vedtak-hold.pdf")).decision, Decision::kPass);
}

TEST_F(FileNameTest, AnUnreadableDocumentStaysAnErrorAndKnowsItsNamesFindings) {
  Scanner scanner(*rules_);
  const Verdict v = scanner.JudgeUnreadable(std::string("x/") + kFnr + ".pdf", "empty file");
  EXPECT_EQ(v.decision, Decision::kError);
  EXPECT_EQ(v.reason.rfind("empty file", 0), 0u) << v.reason;
  EXPECT_NE(v.reason.find("file name"), std::string::npos) << v.reason;
  ASSERT_EQ(v.findings.size(), 1u);
  EXPECT_FALSE(HasDigit(v.reason)) << v.reason;
  EXPECT_TRUE(scanner.JudgeUnreadable("x/brev.pdf", "empty file").findings.empty());
}

TEST_F(FileNameTest, TheNameJudgedIsTheJobsNotTheCachedDocuments) {
  Scanner scanner(*rules_);
  ScanPipeline pipeline(scanner, ScanOptions{});
  ScanJob job;
  job.path = std::string("new/") + kFnr + ".pdf";
  job.document = Harmless("old/harmless.pdf");  // the same bytes, cached under another name
  ScanResult r = pipeline.ScanOne(job);
  EXPECT_EQ(r.verdict.decision, Decision::kHold);
  EXPECT_EQ(r.document.path, job.path);
  job.path = "new/harmless.pdf";
  job.document = Harmless(std::string("old/") + kFnr + ".pdf");
  EXPECT_EQ(pipeline.ScanOne(job).verdict.decision, Decision::kPass);
}

TEST_F(FileNameTest, AMissingFileWithAnIdInItsNameIsPrintedMasked) {
  Scanner scanner(*rules_);
  ScanPipeline pipeline(scanner, ScanOptions{});
  const std::string path =
      (fs::path(::testing::TempDir()) / (std::string("Brev ") + kFnr + ".pdf")).string();
  ScanResult r = pipeline.ScanOne(ScanJob{path, std::nullopt, std::nullopt, ""});
  EXPECT_EQ(r.verdict.decision, Decision::kError);
  const std::string json = ScanResultToJson(r, ReportOptions{}).dump();
  const std::string line = ScanResultToLine(r, ReportOptions{});
  EXPECT_EQ(json.find(kFnr), std::string::npos) << json;
  EXPECT_EQ(line.find(kFnr), std::string::npos) << line;
  EXPECT_NE(line.find("Brev ***********.pdf"), std::string::npos) << line;
  EXPECT_NE(ScanResultToLine(r, ReportOptions{true, false}).find(path), std::string::npos);
}

// --- output ---------------------------------------------------------------------------

TEST(ShownPathTest, MasksOnlyTheFindingsOfTheFileName) {
  const std::string path = std::string("a/14091050170/Vedtak Emil Solberg ") + kFnr + ".pdf";
  const std::vector<Finding> findings = {InFileName(Category::kPersonName, "Emil Solberg", 7),
                                         InFileName(Category::kNationalId, kFnr, 20)};
  EXPECT_EQ(ShownPath(path, findings, ReportOptions{}),
            "a/14091050170/Vedtak E*** ******* ***********.pdf");
  EXPECT_EQ(ShownPath(path, findings, ReportOptions{true, false}), path);
  EXPECT_EQ(ShownPath("nb-vedtak-hold.pdf", {}, ReportOptions{}), "nb-vedtak-hold.pdf");
  // Page findings do not touch the path.
  Finding on_page = InFileName(Category::kNationalId, "nb", 0);
  on_page.location = Location{};
  on_page.location.page = 1;
  EXPECT_EQ(ShownPath("nb-vedtak.pdf", {on_page}, ReportOptions{}), "nb-vedtak.pdf");
}

TEST(ShownPathTest, OverlappingAndOutOfRangeSpans) {
  // The later span reaches past the first: its rest is starred, never shown.
  EXPECT_EQ(MaskFileName("d/abcdefgh.pdf", {{0, 4, "A***"}, {2, 6, "C***"}}), "d/A*****gh.pdf");
  EXPECT_EQ(MaskFileName("d/abcdefgh.pdf", {{2, 6, "C***"}, {0, 4, "A***"}}), "d/A*****gh.pdf");
  // A span beyond the name is cut at its end.
  EXPECT_EQ(MaskFileName("abc", {{1, 99, "**"}}), "a**");
  EXPECT_EQ(MaskFileName("abc", {{5, 9, "**"}}), "abc");
  EXPECT_EQ(MaskFileName("dir/", {{0, 1, "*"}}), "dir/");
  // Multi-byte letters before a span.
  EXPECT_EQ(MaskFileName("Ås 1409.pdf", {{4, 8, "****"}}), "Ås ****.pdf");
}

TEST_F(FileNameTest, ScanJsonShowsTheMaskedPathAndTheRawOneOnlyWithReveal) {
  Scanner scanner(*rules_);
  ScanResult r;
  r.path = std::string("in/Vedtak ") + kFnr + ".pdf";
  r.document = Harmless(r.path);
  r.verdict = scanner.Judge(r.document);
  const nlohmann::json masked = ScanResultToJson(r, ReportOptions{});
  EXPECT_EQ(masked["path"], "in/Vedtak ***********.pdf");
  ASSERT_EQ(masked["findings"].size(), 1u);
  EXPECT_EQ(masked["findings"][0]["source"], "file_name");
  EXPECT_EQ(masked["findings"][0]["start"], 7);
  EXPECT_EQ(masked["findings"][0]["end"], 18);
  EXPECT_EQ(masked.dump().find(kFnr), std::string::npos) << masked.dump();
  const nlohmann::json revealed = ScanResultToJson(r, ReportOptions{true, false});
  EXPECT_EQ(revealed["path"], r.path);
  EXPECT_EQ(revealed["findings"][0]["text"], kFnr);
}

// --- the database ---------------------------------------------------------------------

class SealedPathTest : public ::testing::Test {
 protected:
  std::string AllBytes() const {
    std::string all;
    for (const char* suffix : {"", "-wal"}) {
      std::ifstream in(dir_ + "/j.db" + suffix, std::ios::binary);
      all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return all;
  }

  const TempFolder folder_{"skjerm-paths"};
  const std::string dir_ = folder_.path().string();
  const std::string key_ = std::string(32, 'k');
};

TEST_F(SealedPathTest, DocumentPathsAreSealedAndReadBack) {
  Database db = Database::Open(dir_ + "/j.db");
  JournalStore store(db, key_);
  JournalEntry e;
  e.journal_number = "2024/1-1";
  e.title = "Vedtak";
  e.documents = {std::string("/arkiv/Vedtak Emil Solberg ") + kFnr + ".pdf", "/arkiv/b.pdf"};
  store.Upsert(e, EntryStatus::kPending, 0);
  EXPECT_EQ(store.FindByNumber("2024/1-1")->entry.documents, e.documents);
  const std::string bytes = AllBytes();
  EXPECT_EQ(bytes.find(kFnr), std::string::npos);
  EXPECT_EQ(bytes.find("Solberg"), std::string::npos);
  EXPECT_EQ(bytes.find("b.pdf"), std::string::npos);
  Statement clear = db.Prepare("SELECT count(*) FROM journal_document WHERE path <> ''");
  ASSERT_TRUE(clear.Step());
  EXPECT_EQ(clear.ColumnInt(0), 0);
}

TEST_F(SealedPathTest, PathsStoredInClearByAnEarlierVersionAreSealedOnOpen) {
  Database db = Database::Open(dir_ + "/j.db");
  {
    JournalStore store(db, key_);
    JournalEntry e;
    e.journal_number = "2024/1-1";
    e.documents = {"/arkiv/a.pdf"};
    store.Upsert(e, EntryStatus::kPending, 0);
  }
  // As an earlier version left it: the path in clear, nothing sealed.
  db.Execute(std::string("UPDATE journal_document SET path = '/arkiv/") + kFnr +
             ".pdf', path_sealed = NULL");
  JournalStore reopened(db, key_);
  EXPECT_EQ(reopened.FindByNumber("2024/1-1")->entry.documents,
            std::vector<std::string>{std::string("/arkiv/") + kFnr + ".pdf"});
  Statement clear =
      db.Prepare("SELECT count(*) FROM journal_document WHERE path <> '' OR path_sealed IS NULL");
  ASSERT_TRUE(clear.Step());
  EXPECT_EQ(clear.ColumnInt(0), 0);
}

}  // namespace
}  // namespace skjerm
