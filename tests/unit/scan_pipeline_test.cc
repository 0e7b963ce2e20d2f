#include "pipeline/scan_pipeline.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "pipeline/rule_set.h"

namespace skjerm {
namespace {

class ScanPipelineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { rules_ = RuleSet::Load(SKJERM_PATTERNS_DIR, nullptr).release(); }
  static void TearDownTestSuite() { delete rules_; }

  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) / "scan_pipeline_test";
    std::filesystem::create_directories(dir_);
  }

  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path) << text;
    return path;
  }

  static RuleSet* rules_;
  std::filesystem::path dir_;
};

RuleSet* ScanPipelineTest::rules_ = nullptr;

TEST_F(ScanPipelineTest, ResultsComeInInputOrderWithSeveralWorkers) {
  std::vector<std::string> paths;
  for (int i = 0; i < 40; ++i) {
    paths.push_back(Write("letter" + std::to_string(i) + ".txt",
                          i % 2 ? "Kommunestyret møtes torsdag." : "Fødselsnummer 02013299997"));
  }
  Scanner scanner(*rules_);
  ScanOptions options;
  options.jobs = 4;
  std::vector<std::string> seen;
  std::vector<Decision> decisions;
  ScanPipeline(scanner, options).Run(paths, [&](ScanResult&& r) {
    seen.push_back(r.path);
    decisions.push_back(r.verdict.decision);
  });
  ASSERT_EQ(seen, paths);
  for (size_t i = 0; i < decisions.size(); ++i) {
    EXPECT_EQ(decisions[i], i % 2 ? Decision::kPass : Decision::kHold) << i;
  }
}

TEST_F(ScanPipelineTest, UnreadableFilesAreErrorsAndTheBatchGoesOn) {
  const std::vector<std::string> paths = {(dir_ / "missing.pdf").string(), Write("empty.txt", ""),
                                          Write("fine.txt", "Ingen personopplysninger her.")};
  Scanner scanner(*rules_);
  std::vector<ScanResult> results;
  ScanPipeline(scanner, ScanOptions{}).Run(paths, [&](ScanResult&& r) {
    results.push_back(std::move(r));
  });
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0].verdict.decision, Decision::kError);
  EXPECT_FALSE(results[0].verdict.reason.empty());
  EXPECT_EQ(results[1].verdict.decision, Decision::kError);
  EXPECT_EQ(results[2].verdict.decision, Decision::kPass);
}

TEST_F(ScanPipelineTest, AJobWithItsDocumentDoesNotReadTheFile) {
  Document cached;
  Page page;
  page.number = 1;
  page.text = "Fødselsnummer 02013299997";
  cached.pages.push_back(page);
  cached.sha256 = "cached";
  Scanner scanner(*rules_);
  std::vector<ScanResult> results;
  ScanPipeline(scanner, ScanOptions{})
      .Run(
          1,
          [&](size_t) {
            return ScanJob{(dir_ / "not-there.pdf").string(), cached, {}};
          },
          [&](ScanResult&& r) { results.push_back(std::move(r)); });
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].verdict.decision, Decision::kHold);
  EXPECT_FALSE(results[0].extracted);
}

TEST_F(ScanPipelineTest, AMarkingFromOutsideMakesExempt) {
  ExemptionMarking code;
  code.phrase = "access code 13";
  code.position = MarkingPosition::kJournal;
  const std::string path = Write("id.txt", "Fødselsnummer 02013299997");
  Scanner scanner(*rules_);
  ScanResult r = ScanPipeline(scanner, ScanOptions{}).ScanOne(ScanJob{path, std::nullopt, code});
  EXPECT_EQ(r.verdict.decision, Decision::kExempt);
  EXPECT_TRUE(r.extracted);
}

TEST_F(ScanPipelineTest, ASinkThatFailsStopsDeliveryAndTheFailureReachesTheCaller) {
  std::vector<std::string> paths;
  for (int i = 0; i < 10; ++i) paths.push_back(Write("f" + std::to_string(i) + ".txt", "Hei."));
  Scanner scanner(*rules_);
  ScanOptions options;
  options.jobs = 2;
  int calls = 0;
  EXPECT_THROW(ScanPipeline(scanner, options)
                   .Run(paths,
                        [&](ScanResult&&) {
                          if (++calls == 3) {
                            throw std::runtime_error("disk full");
                          }
                        }),
               std::runtime_error);
  EXPECT_EQ(calls, 3);
}

TEST(ExpandInputPathsTest, DirectoriesAreWalkedInOrderAndHiddenEntriesSkipped) {
  const auto dir = std::filesystem::path(::testing::TempDir()) / "expand_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "sub");
  std::filesystem::create_directories(dir / ".hidden");
  for (const char* name : {"b.pdf", "a.txt", "sub/c.png", ".secret", ".hidden/d.pdf"}) {
    std::ofstream((dir / name).string()) << "x";
  }
  const std::vector<std::string> got =
      ExpandInputPaths({dir.string(), (dir / "nope.pdf").string()});
  const std::vector<std::string> want = {(dir / "a.txt").string(), (dir / "b.pdf").string(),
                                         (dir / "sub/c.png").string(), (dir / "nope.pdf").string()};
  EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace skjerm
