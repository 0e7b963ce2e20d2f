#include "extract/document_reader.h"

#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <new>

#include "extract/document_codec.h"
#include "extract/extraction_error.h"
#include "extract/reader_protocol.h"

namespace skjerm {
namespace {

class InProcessReader : public DocumentReader {
 public:
  explicit InProcessReader(std::string languages) : languages_(std::move(languages)) {}

  ExtractionPlan Plan(const std::string& path, const ExtractOptions& options,
                      Deadline deadline) override {
    (void)deadline;  // planning reads no pixels; its time is bounded by the page limit
    SourceFile file = ReadSourceFile(path, options);
    ExtractionPlan plan = PlanExtraction(file, options);
    plan.document.path = path;
    return plan;
  }

  std::vector<Page> Ocr(const std::string& path, const std::string& sha256,
                        std::span<const int> pages, const ExtractOptions& options,
                        Deadline deadline) override {
    SourceFile file = ReadSourceFile(path, options);
    if (file.sha256 != sha256) {
      throw ExtractionError("the file changed while it was being read");
    }
    if (!engine_) engine_ = OcrEngine::Create(languages_);
    return OcrPages(file, pages, options, *engine_, deadline);
  }

 private:
  std::string languages_;
  std::unique_ptr<OcrEngine> engine_;
};

// A worker keeps its memory bounded, so that a file that makes a library allocate without
// end fails in the worker (as an error for that document) instead of exhausting the machine.
void LimitWorkerMemory() {
#ifndef SKJERM_SANITIZE  // AddressSanitizer reserves terabytes of address space
  uint64_t megabytes = 4096;
  if (const char* env = std::getenv("SKJERM_WORKER_MEMORY_MB")) {
    megabytes = std::strtoull(env, nullptr, 10);
  }
  if (megabytes > 0) {
    struct rlimit limit;
    limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(megabytes) << 20;
    ::setrlimit(RLIMIT_AS, &limit);
  }
#endif
}

nlohmann::json Answer(DocumentReader& reader, const nlohmann::json& request) {
  const std::string op = request.at("op").get<std::string>();
  const std::string path = request.at("path").get<std::string>();
  const ExtractOptions options = ExtractOptionsFromJson(request.at("options"));
  const Deadline deadline = std::chrono::steady_clock::now() +
                            std::chrono::milliseconds(request.at("ms_left").get<int64_t>());
  if (op == "plan") {
    ExtractionPlan plan = reader.Plan(path, options, deadline);
    return {
        {"ok", true}, {"document", DocumentToJson(plan.document)}, {"ocr_pages", plan.ocr_pages}};
  }
  if (op == "ocr") {
    const std::vector<int> indexes = request.at("pages").get<std::vector<int>>();
    nlohmann::json pages = nlohmann::json::array();
    for (const Page& page :
         reader.Ocr(path, request.at("sha256").get<std::string>(), indexes, options, deadline)) {
      pages.push_back(PageToJson(page));
    }
    return {{"ok", true}, {"pages", std::move(pages)}};
  }
  return {{"ok", false}, {"error", "unknown request"}};
}

}  // namespace

Document ReadDocument(DocumentReader& reader, const std::string& path,
                      const ExtractOptions& options, Deadline deadline) {
  ExtractionPlan plan = reader.Plan(path, options, deadline);
  if (!plan.ocr_pages.empty()) {
    FillOcrPages(plan.ocr_pages,
                 reader.Ocr(path, plan.document.sha256, plan.ocr_pages, options, deadline),
                 &plan.document);
  }
  plan.document.path = path;
  return std::move(plan.document);
}

std::unique_ptr<DocumentReader> MakeInProcessReader(const std::string& ocr_languages) {
  return std::make_unique<InProcessReader>(ocr_languages);
}

int RunExtractionWorker(int in_fd, int out_fd) {
  LimitWorkerMemory();
  std::unique_ptr<DocumentReader> reader;
  std::string languages;
  for (;;) {
    std::string frame;
    if (!ReadFrame(in_fd, &frame)) return 0;  // the parent closed the connection
    nlohmann::json answer;
    try {
      const nlohmann::json request = nlohmann::json::parse(frame);
      const std::string wanted = request.at("options").at("langs").get<std::string>();
      if (!reader || wanted != languages) {
        reader = MakeInProcessReader(wanted);
        languages = wanted;
      }
      answer = Answer(*reader, request);
    } catch (const ExtractionError& e) {
      answer = {{"ok", false}, {"error", e.what()}};
    } catch (const std::bad_alloc&) {
      answer = {{"ok", false}, {"error", "out of memory while reading the document"}};
    } catch (const std::exception& e) {
      answer = {{"ok", false}, {"error", std::string("internal error: ") + e.what()}};
    }
    if (!WriteFrame(out_fd,
                    answer.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))) {
      return 1;
    }
  }
}

}  // namespace skjerm
