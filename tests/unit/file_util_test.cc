#include "base/file_util.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <future>
#include <string>

#include "temp_folder.h"

namespace skjerm {
namespace {

TEST(ReadFileBoundedTest, ReadsAFileUpToOneByteOverTheLimit) {
  const TempFolder folder("skjerm-file_util_test");
  const std::string path = folder.File("a.txt");
  std::ofstream(path) << "abcdef";
  std::string out;
  EXPECT_EQ(ReadFileBounded(path, 100, &out), "");
  EXPECT_EQ(out, "abcdef");
  EXPECT_EQ(ReadFileBounded(path, 3, &out), "");
  EXPECT_EQ(out, "abcd");  // the caller sees it is too large
  EXPECT_EQ(ReadFileBounded(folder.File("missing"), 100, &out), "No such file or directory");
  EXPECT_EQ(ReadFileBounded(folder.path().string(), 100, &out), "is a directory");
}

// A named pipe no one writes to: opening it to read used to wait for a writer, and a
// document named so hung its reader until the timeout.
TEST(ReadFileBoundedTest, ANamedPipeIsRefusedAtOnce) {
  const TempFolder folder("skjerm-file_util_test");
  const std::string pipe = folder.File("pipe.pdf");
  ASSERT_EQ(::mkfifo(pipe.c_str(), 0600), 0);
  auto read = std::async(std::launch::async, [&pipe] {
    std::string out;
    return ReadFileBounded(pipe, 100, &out);
  });
  if (read.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
    ADD_FAILURE() << "ReadFileBounded waits for a writer";
    ::close(::open(pipe.c_str(), O_WRONLY | O_NONBLOCK));  // lets it go
  }
  EXPECT_EQ(read.get(), "not a regular file");
}

}  // namespace
}  // namespace skjerm
