// The isolated reader against the real worker: the built skjerm binary.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "extract/document_reader.h"
#include "extract/extraction_error.h"

namespace skjerm {
namespace {

std::string Fixture(const std::string& name) {
  return std::string(SKJERM_TEST_DATA_DIR) + "/extract/" + name;
}

Deadline In(int seconds) {
  return std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
}

// The extraction workers this process started.
std::vector<pid_t> Workers() {
  std::vector<pid_t> out;
  for (const auto& e : std::filesystem::directory_iterator("/proc")) {
    const std::string name = e.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(e.path() / "stat");
    std::string pid, comm, state;
    pid_t parent = 0;
    stat >> pid >> comm >> state >> parent;
    if (parent != ::getpid()) continue;
    std::ifstream cmdline(e.path() / "cmdline");
    std::string args((std::istreambuf_iterator<char>(cmdline)), std::istreambuf_iterator<char>());
    if (args.find(kExtractWorkerArgument) != std::string::npos) out.push_back(std::stoi(pid));
  }
  return out;
}

TEST(IsolatedReaderTest, ReadsLikeTheInProcessReader) {
  ExtractOptions options;
  auto isolated = MakeIsolatedReader(SKJERM_BINARY);
  auto local = MakeInProcessReader(options.ocr_languages);
  for (const char* name : {"letter.pdf", "metadata.pdf"}) {
    ExtractionPlan a = isolated->Plan(Fixture(name), options, In(60));
    ExtractionPlan b = local->Plan(Fixture(name), options, In(60));
    EXPECT_EQ(a.document.sha256, b.document.sha256) << name;
    ASSERT_EQ(a.document.pages.size(), b.document.pages.size()) << name;
    for (size_t i = 0; i < a.document.pages.size(); ++i) {
      EXPECT_EQ(a.document.pages[i].text, b.document.pages[i].text) << name;
      EXPECT_EQ(a.document.pages[i].words.size(), b.document.pages[i].words.size()) << name;
    }
    EXPECT_EQ(a.document.metadata.size(), b.document.metadata.size()) << name;
    EXPECT_EQ(a.ocr_pages, b.ocr_pages) << name;
  }
}

TEST(IsolatedReaderTest, OcrsInTheWorker) {
  ExtractOptions options;
  auto reader = MakeIsolatedReader(SKJERM_BINARY);
  ExtractionPlan plan = reader->Plan(Fixture("scan.pdf"), options, In(60));
  ASSERT_FALSE(plan.ocr_pages.empty());
  std::vector<Page> pages =
      reader->Ocr(Fixture("scan.pdf"), plan.document.sha256, plan.ocr_pages, options, In(60));
  ASSERT_EQ(pages.size(), plan.ocr_pages.size());
  EXPECT_EQ(pages[0].origin, PageOrigin::kOcr);
  EXPECT_FALSE(pages[0].text.empty());
}

TEST(IsolatedReaderTest, ErrorsOfTheDocumentComeBackAsTheyAre) {
  ExtractOptions options;
  auto reader = MakeIsolatedReader(SKJERM_BINARY);
  try {
    reader->Plan(Fixture("encrypted.pdf"), options, In(60));
    FAIL() << "no error";
  } catch (const ExtractionError& e) {
    EXPECT_NE(std::string(e.what()).find("encrypted"), std::string::npos) << e.what();
  }
  // The worker lives on and reads the next document.
  EXPECT_FALSE(reader->Plan(Fixture("letter.pdf"), options, In(60)).document.pages.empty());
}

// Whether a process has died (and waits to be reaped by its parent).
bool IsDead(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string id, comm, state;
  stat >> id >> comm >> state;
  return !stat || state == "Z";
}

TEST(IsolatedReaderTest, AWorkerThatDiesFailsThatDocumentOnly) {
  ExtractOptions options;
  auto reader = MakeIsolatedReader(SKJERM_BINARY);
  ExtractionPlan plan = reader->Plan(Fixture("scan.pdf"), options, In(60));
  ASSERT_FALSE(plan.ocr_pages.empty());
  std::vector<pid_t> workers = Workers();
  ASSERT_EQ(workers.size(), 1u);
  // The worker crashes (as a library bug would make it) before it answers.
  ASSERT_EQ(::kill(workers[0], SIGSEGV), 0);
  for (int i = 0; i < 500 && !IsDead(workers[0]); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  try {
    reader->Ocr(Fixture("scan.pdf"), plan.document.sha256, plan.ocr_pages, options, In(60));
    FAIL() << "no error from a dead worker";
  } catch (const ExtractionError& e) {
    // "crashed the reader (signal 11, ...)"; under AddressSanitizer, whose handler turns the
    // crash into an exit, "the reader stopped while reading the document (exit status 1)".
    const std::string what = e.what();
    EXPECT_TRUE(what.find("crashed the reader (signal 11") != std::string::npos ||
                what.find("the reader stopped while reading") != std::string::npos)
        << what;
  }
  // A new worker reads the next document.
  EXPECT_FALSE(reader->Plan(Fixture("letter.pdf"), options, In(60)).document.pages.empty());
  const std::vector<pid_t> now = Workers();
  ASSERT_EQ(now.size(), 1u);
  EXPECT_NE(now[0], workers[0]);
}

TEST(IsolatedReaderTest, AWorkerThatHangsIsStoppedAtTheDeadline) {
  ExtractOptions options;
  options.timeout = std::chrono::seconds(1);
  auto reader = MakeIsolatedReader(SKJERM_BINARY, std::chrono::milliseconds(200));
  ASSERT_FALSE(reader->Plan(Fixture("letter.pdf"), options, In(60)).document.pages.empty());
  std::vector<pid_t> workers = Workers();
  ASSERT_EQ(workers.size(), 1u);
  ASSERT_EQ(::kill(workers[0], SIGSTOP), 0);  // as if a library never returned
  const auto start = std::chrono::steady_clock::now();
  try {
    reader->Plan(Fixture("letter.pdf"), options, In(1));
    FAIL() << "no error from a hanging worker";
  } catch (const ExtractionError& e) {
    EXPECT_NE(std::string(e.what()).find("timed out"), std::string::npos) << e.what();
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  EXPECT_TRUE(IsDead(workers[0]) || Workers().empty() || Workers()[0] != workers[0]);
  EXPECT_FALSE(reader->Plan(Fixture("letter.pdf"), options, In(60)).document.pages.empty());
}

TEST(IsolatedReaderTest, AStuckIdleWorkerDoesNotHoldUpTheEnd) {
  std::vector<pid_t> workers;
  {
    auto reader = MakeIsolatedReader(SKJERM_BINARY);
    reader->Plan(Fixture("letter.pdf"), ExtractOptions(), In(60));
    workers = Workers();
    ASSERT_EQ(workers.size(), 1u);
    ASSERT_EQ(::kill(workers[0], SIGSTOP), 0);
  }  // the reader ends here
  EXPECT_TRUE(Workers().empty());
}

TEST(IsolatedReaderTest, AChangedFileIsAnErrorNotAMixOfTwoVersions) {
  ExtractOptions options;
  auto reader = MakeIsolatedReader(SKJERM_BINARY);
  ExtractionPlan plan = reader->Plan(Fixture("scan.pdf"), options, In(60));
  try {
    reader->Ocr(Fixture("scan.pdf"), std::string(64, '0'), plan.ocr_pages, options, In(60));
    FAIL() << "no error";
  } catch (const ExtractionError& e) {
    EXPECT_NE(std::string(e.what()).find("changed"), std::string::npos) << e.what();
  }
}

// A worker that answers with a page read at confidence 144 (on a 0..100 scale): the answer
// is refused, so the document is an error instead of a page vouched for.
TEST(IsolatedReaderTest, AnImpossibleConfidenceFromTheWorkerIsRefused) {
  const std::string dir = ::testing::TempDir() + "/skjerm-impostor-" + std::to_string(::getpid());
  std::filesystem::create_directories(dir);
  const std::string worker = dir + "/worker.py";
  std::ofstream(worker) << R"(#!/usr/bin/env python3
import json, struct, sys
inp, out = sys.stdin.buffer, sys.stdout.buffer
while True:
    head = inp.read(4)
    if len(head) < 4:
        break
    request = json.loads(inp.read(struct.unpack("<I", head)[0]))
    page = {"n": 1, "text": "Ola", "words": [[0, 0, 1, 1, 0, 3, 90]], "ocr": True,
            "conf": 144, "w": 100, "h": 100, "dpi": 200}
    answer = json.dumps({"ok": True, "pages": [page]}).encode()
    out.write(struct.pack("<I", len(answer)) + answer)
    out.flush()
)";
  std::filesystem::permissions(worker, std::filesystem::perms::owner_all);
  auto reader = MakeIsolatedReader(worker);
  const std::string file = Fixture("scan.pdf");
  const std::vector<int> pages = {0};
  try {
    reader->Ocr(file, "any", pages, ExtractOptions{}, In(30));
    FAIL() << "an answer with confidence 144 was taken";
  } catch (const ExtractionError& e) {
    EXPECT_NE(std::string(e.what()).find("damaged"), std::string::npos) << e.what();
  }
  reader.reset();
  std::filesystem::remove_all(dir);
}

TEST(IsolatedReaderTest, AMissingWorkerIsAnError) {
  auto reader = MakeIsolatedReader("/nonexistent/skjerm");
  EXPECT_THROW(reader->Plan(Fixture("letter.pdf"), ExtractOptions(), In(60)), ExtractionError);
}

}  // namespace
}  // namespace skjerm
