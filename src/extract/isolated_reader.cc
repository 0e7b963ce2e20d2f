// The isolated DocumentReader: one worker process, spoken to over a socket pair.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "extract/document_codec.h"
#include "extract/document_reader.h"
#include "extract/extraction_error.h"
#include "extract/reader_protocol.h"

extern char** environ;

namespace skjerm {
namespace {

class IsolatedReader : public DocumentReader {
 public:
  // `grace`: how long past the document's deadline the worker gets to answer before it is
  // stopped. The worker keeps the deadline itself where it can (OCR); this catches what it
  // cannot (a library that hangs).
  IsolatedReader(std::string executable, std::chrono::milliseconds grace)
      : executable_(std::move(executable)), grace_(grace) {}
  ~IsolatedReader() override { Stop(); }
  IsolatedReader(const IsolatedReader&) = delete;
  IsolatedReader& operator=(const IsolatedReader&) = delete;

  ExtractionPlan Plan(const std::string& path, const ExtractOptions& options,
                      Deadline deadline) override {
    const nlohmann::json answer = Call({{"op", "plan"}, {"path", path}}, options, deadline);
    ExtractionPlan plan;
    try {
      plan.document = DocumentFromJson(answer.at("document"));
      plan.ocr_pages = answer.at("ocr_pages").get<std::vector<int>>();
    } catch (const nlohmann::json::exception&) {
      throw ExtractionError("internal error: the reader's answer was damaged");
    }
    plan.document.path = path;
    return plan;
  }

  std::vector<Page> Ocr(const std::string& path, const std::string& sha256,
                        std::span<const int> pages, const ExtractOptions& options,
                        Deadline deadline) override {
    const nlohmann::json answer = Call({{"op", "ocr"},
                                        {"path", path},
                                        {"sha256", sha256},
                                        {"pages", std::vector<int>(pages.begin(), pages.end())}},
                                       options, deadline);
    std::vector<Page> out;
    try {
      for (const auto& p : answer.at("pages")) out.push_back(PageFromJson(p));
    } catch (const nlohmann::json::exception&) {
      throw ExtractionError("internal error: the reader's answer was damaged");
    }
    return out;
  }

 private:
  nlohmann::json Call(nlohmann::json request, const ExtractOptions& options, Deadline deadline) {
    if (pid_ < 0) Start();
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          deadline - std::chrono::steady_clock::now())
                          .count();
    request["options"] = ExtractOptionsToJson(options);
    request["ms_left"] = std::max<int64_t>(0, left);
    if (!WriteFrame(fd_, request.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))) {
      throw ExtractionError(Reap(false));
    }
    struct pollfd waiting = {fd_, POLLIN, 0};
    int ready;
    do {
      ready = ::poll(&waiting, 1, static_cast<int>(std::max<int64_t>(0, left) + grace_.count()));
    } while (ready < 0 && errno == EINTR);
    if (ready == 0) {
      ::kill(pid_, SIGKILL);
      Reap(true);
      throw ExtractionError("timed out after " + std::to_string(options.timeout.count()) +
                            " s: the reader was stopped");
    }
    std::string frame;
    if (!ReadFrame(fd_, &frame)) throw ExtractionError(Reap(false));
    nlohmann::json answer = nlohmann::json::parse(frame, nullptr, /*allow_exceptions=*/false);
    if (answer.is_discarded() || !answer.is_object()) {
      throw ExtractionError("internal error: the reader's answer was damaged");
    }
    if (!answer.value("ok", false)) throw ExtractionError(answer.value("error", "unknown error"));
    return answer;
  }

  void Start() {
    int sockets[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sockets) != 0) {
      throw ExtractionError(std::string("cannot start the document reader: ") +
                            std::strerror(errno));
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, sockets[1], 0);
    posix_spawn_file_actions_adddup2(&actions, sockets[1], 1);
    // The libraries' own messages could quote a document; they go nowhere.
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    char name[] = "skjerm";
    char mode[sizeof(kExtractWorkerArgument)];
    std::memcpy(mode, kExtractWorkerArgument, sizeof(mode));
    char* argv[] = {name, mode, nullptr};
    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, executable_.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(sockets[1]);
    if (rc != 0) {
      ::close(sockets[0]);
      throw ExtractionError("cannot start the document reader " + executable_ + ": " +
                            std::strerror(rc));
    }
    pid_ = pid;
    fd_ = sockets[0];
  }

  // Waits for the worker after it died (or was killed) and says why, for the document's
  // error. The next call starts a new worker.
  std::string Reap(bool killed_for_time) {
    ::close(fd_);
    fd_ = -1;
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    if (killed_for_time) return "timed out";
    if (WIFSIGNALED(status)) {
      const int sig = WTERMSIG(status);
      if (sig == SIGKILL)
        return "the reader was killed while reading the document (out of memory?)";
      return "the document crashed the reader (signal " + std::to_string(sig) + ", " +
             strsignal(sig) + "); it could not be read";
    }
    return "the reader stopped while reading the document (exit status " +
           std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")";
  }

  // Ends the worker: it sees the end of its input and exits; one that does not within two
  // seconds (stuck in a library) is killed.
  void Stop() {
    if (pid_ < 0) return;
    ::close(fd_);
    fd_ = -1;
    int status = 0;
    for (int i = 0; i < 200; ++i) {
      const pid_t done = ::waitpid(pid_, &status, WNOHANG);
      if (done == pid_ || (done < 0 && errno != EINTR)) {
        pid_ = -1;
        return;
      }
      ::usleep(10000);
    }
    ::kill(pid_, SIGKILL);
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
  }

  std::string executable_;
  std::chrono::milliseconds grace_;
  pid_t pid_ = -1;
  int fd_ = -1;
};

}  // namespace

std::unique_ptr<DocumentReader> MakeIsolatedReader(const std::string& executable,
                                                   std::chrono::milliseconds grace) {
  return std::make_unique<IsolatedReader>(executable, grace);
}

}  // namespace skjerm
