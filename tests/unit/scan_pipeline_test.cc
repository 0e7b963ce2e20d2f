#include "pipeline/scan_pipeline.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "pipeline/input_paths.h"
#include "pipeline/rule_set.h"
#include "temp_folder.h"

namespace skjerm {
namespace {

class ScanPipelineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { rules_ = RuleSet::Load(SKJERM_PATTERNS_DIR, nullptr).release(); }
  static void TearDownTestSuite() { delete rules_; }

  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path) << text;
    return path;
  }

  static RuleSet* rules_;
  TempFolder folder_{"skjerm-scan-pipeline"};
  const std::filesystem::path& dir_ = folder_.path();
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
            return ScanJob{(dir_ / "not-there.pdf").string(), cached, {}, ""};
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
  ScanResult r =
      ScanPipeline(scanner, ScanOptions{}).ScanOne(ScanJob{path, std::nullopt, code, ""});
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

// The paths of the items, with "!" before those that are problems.
std::vector<std::string> Listed(const InputPaths& inputs, const std::filesystem::path& dir) {
  std::vector<std::string> out;
  for (const InputPath& item : inputs.items) {
    std::string path = item.path;
    if (path.rfind(dir.string() + "/", 0) == 0) path = path.substr(dir.string().size() + 1);
    out.push_back((item.problem.empty() ? "" : "!") + path);
  }
  return out;
}

TEST(ExpandInputPathsTest, FoldersAreWalkedInOrderHiddenEntriesToo) {
  const TempFolder folder("skjerm-expand_test");
  const std::filesystem::path& dir = folder.path();
  std::filesystem::create_directories(dir / "sub");
  std::filesystem::create_directories(dir / ".hidden");
  for (const char* name : {"b.pdf", "a.txt", "sub/c.png", ".secret", ".hidden/d.pdf"}) {
    std::ofstream((dir / name).string()) << "x";
  }
  const InputPaths got = ExpandInputPaths({dir.string(), (dir / "nope.pdf").string()});
  EXPECT_EQ(Listed(got, dir), (std::vector<std::string>{".hidden/d.pdf", ".secret", "a.txt",
                                                        "b.pdf", "sub/c.png", "nope.pdf"}));
  EXPECT_EQ(got.excluded, 0);
}

TEST(ExpandInputPathsTest, ExcludedEntriesAreLeftOutAndCounted) {
  const TempFolder folder("skjerm-expand_exclude_test");
  const std::filesystem::path& dir = folder.path();
  std::filesystem::create_directories(dir / "drafts/old");
  std::filesystem::create_directories(dir / ".git");
  for (const char* name :
       {"a.txt", "b.tmp", ".secret", ".git/x", "drafts/c.txt", "drafts/old/d.txt"}) {
    std::ofstream((dir / name).string()) << "x";
  }
  InputPaths got = ExpandInputPaths({dir.string()}, {".*", "*.tmp"});
  EXPECT_EQ(Listed(got, dir),
            (std::vector<std::string>{"a.txt", "drafts/c.txt", "drafts/old/d.txt"}));
  EXPECT_EQ(got.excluded, 3);  // .secret, .git (not walked), b.tmp
  // A glob with '/' matches the path below the folder named; '*' stays in one folder.
  got = ExpandInputPaths({dir.string()}, {"drafts/*.txt"});
  EXPECT_EQ(Listed(got, dir),
            (std::vector<std::string>{".git/x", ".secret", "a.txt", "b.tmp", "drafts/old/d.txt"}));
  EXPECT_EQ(got.excluded, 1);
  // A file named is judged whatever the globs say.
  got = ExpandInputPaths({(dir / "b.tmp").string()}, {"*.tmp"});
  EXPECT_EQ(Listed(got, dir), (std::vector<std::string>{"b.tmp"}));
  EXPECT_EQ(got.excluded, 0);
}

TEST(ExpandInputPathsTest, WhatAWalkCannotJudgeIsAProblemWithAReason) {
  const TempFolder folder("skjerm-expand_problem_test");
  const std::filesystem::path& dir = folder.path();
  std::filesystem::create_directories(dir / "sub");
  std::ofstream((dir / "sub/a.txt").string()) << "x";
  std::filesystem::create_directory_symlink("..", dir / "sub/up");
  // Where a link points is not shown: no detector has read it.
  std::filesystem::create_symlink("Vedtak 14091050170.pdf", dir / "dangling.txt");
  std::filesystem::create_symlink("self", dir / "self");
  std::filesystem::create_directory_symlink("sub", dir / "linked");
  ASSERT_EQ(::mkfifo((dir / "pipe").c_str(), 0600), 0);
  const InputPaths got = ExpandInputPaths({dir.string()});
  // A link to a folder is followed (once per way down); a loop, a link to nothing and a
  // pipe are problems.
  EXPECT_EQ(Listed(got, dir),
            (std::vector<std::string>{"!dangling.txt", "linked/a.txt", "!linked/up", "!pipe",
                                      "!self", "sub/a.txt", "!sub/up"}));
  for (const InputPath& item : got.items) {
    if (item.path.ends_with("sub/up")) {
      EXPECT_EQ(item.problem, "symbolic link loop: leads back to " + dir.string());
    }
    if (item.path.ends_with("dangling.txt")) {
      EXPECT_EQ(item.problem, "symbolic link to nothing (No such file or directory)");
    }
    if (item.path.ends_with("self")) {
      EXPECT_EQ(item.problem, "symbolic link loop");
    }
    if (item.path.ends_with("pipe")) {
      EXPECT_EQ(item.problem, "a named pipe, not a file: not read");
    }
  }
}

TEST(ExpandInputPathsTest, AnUnreadableFolderIsAProblem) {
  if (::geteuid() == 0)
    GTEST_SKIP() << "root reads every folder; tests/e2e/inputs_test.sh "
                    "checks this as another user";
  const TempFolder folder("skjerm-expand_unreadable_test");
  const std::filesystem::path& dir = folder.path();
  std::filesystem::create_directories(dir / "closed");
  std::filesystem::permissions(dir / "closed", std::filesystem::perms::none);
  const InputPaths got = ExpandInputPaths({dir.string()});
  std::filesystem::permissions(dir / "closed", std::filesystem::perms::owner_all);
  ASSERT_EQ(got.items.size(), 1u);
  EXPECT_EQ(got.items[0].problem, "the folder cannot be read: Permission denied");
}

TEST_F(ScanPipelineTest, AProblemPathIsAnErrorWithoutBeingRead) {
  Scanner scanner(*rules_);
  ScanPipeline pipeline(scanner, ScanOptions{});
  const ScanResult r = pipeline.ScanOne(
      ScanJob{"/some/loop", std::nullopt, std::nullopt, "symbolic link loop: leads back to /some"});
  EXPECT_EQ(r.verdict.decision, Decision::kError);
  EXPECT_EQ(r.verdict.reason, "symbolic link loop: leads back to /some");
  EXPECT_EQ(r.path, "/some/loop");
}

TEST_F(ScanPipelineTest, ADocumentWithTooMuchTextIsAnErrorNotJudged) {
  std::string text;
  while (text.size() < 3000) text += "Fødselsnummer 02013299997. ";
  Scanner scanner(*rules_);
  ScanOptions options;
  options.max_text_bytes = 2000;
  const ScanResult r =
      ScanPipeline(scanner, options)
          .ScanOne(ScanJob{Write("much.txt", text), std::nullopt, std::nullopt, ""});
  EXPECT_EQ(r.verdict.decision, Decision::kError);
  EXPECT_EQ(r.verdict.reason,
            "too much text to judge: 1 MB (the limit is 1 MB, --max-text); split the document");
  options.max_text_bytes = 3000 + 100;
  EXPECT_EQ(ScanPipeline(scanner, options)
                .ScanOne(ScanJob{Write("much.txt", text), std::nullopt, std::nullopt, ""})
                .verdict.decision,
            Decision::kHold);
}

TEST_F(ScanPipelineTest, AnIdAcrossTheCutOfALongTextIsFoundOnce) {
  // One line of words, the ID where the text used to be cut (at exactly 256 KiB).
  std::string text;
  while (text.size() < 256 * 1024 - 30) text += "Kommunen har mottatt soknaden. ";
  text.resize(256 * 1024 - 22, ' ');
  text += "Fødselsnummer 02013299997 ";
  while (text.size() < 700 * 1024) text += "Kommunen har mottatt soknaden. ";
  Scanner scanner(*rules_);
  const ScanResult r =
      ScanPipeline(scanner, ScanOptions{})
          .ScanOne(ScanJob{Write("long.txt", text), std::nullopt, std::nullopt, ""});
  ASSERT_GE(r.document.pages.size(), 2u);
  EXPECT_EQ(r.verdict.decision, Decision::kHold) << r.verdict.reason;
  int ids = 0;
  for (const Finding& f : r.verdict.findings) ids += f.category == Category::kNationalId;
  EXPECT_EQ(ids, 1);
}

}  // namespace
}  // namespace skjerm
