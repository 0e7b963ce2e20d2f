#include "cli/text_command.h"

#include <iostream>
#include <memory>

#include "cli/extract_flags.h"
#include "normalize/text_view.h"

namespace skjerm {
namespace {

struct TextFlags {
  std::vector<std::string> paths;
  bool reveal = false;
  bool normalised = false;
  ExtractFlags extract;
};

int RunText(const TextFlags& flags) {
  if (!flags.reveal) {
    std::cerr << "skjerm text shows the letters' text, which may be personal data: "
                 "add --reveal to show it\n";
    return 2;
  }
  ScanOptions options = flags.extract.ToScanOptions();
  std::unique_ptr<DocumentReader> reader =
      MakeReader(ReaderSettings{options.extract.ocr_languages, options.worker_executable});
  int status = 0;
  for (const std::string& path : flags.paths) {
    std::cout << "=== " << path << '\n';
    try {
      const Deadline deadline = std::chrono::steady_clock::now() + options.extract.timeout;
      const Document document = ReadDocument(*reader, path, options.extract, deadline);
      for (const Page& page : document.pages) {
        std::cout << "--- page " << page.number << " ("
                  << (page.origin == PageOrigin::kOcr ? "ocr" : "text layer");
        if (page.ocr_confidence) std::cout << ", confidence " << *page.ocr_confidence;
        if (page.ocr_dpi > 0) std::cout << ", " << page.ocr_dpi << " dpi";
        if (!page.ocr_reason.empty()) std::cout << "; the page " << page.ocr_reason;
        // A long text file's pages repeat the text around their cuts.
        if (page.shared_before > 0) {
          std::cout << ", the first " << page.shared_before << " bytes repeat page "
                    << page.number - 1;
        }
        if (page.shared_after > 0) {
          std::cout << ", the last " << page.shared_after << " bytes repeat page "
                    << page.number + 1;
        }
        std::cout << ")\n" << (flags.normalised ? TextView(page.text).text() : page.text) << '\n';
      }
      for (const MetadataText& m : document.metadata) {
        std::cout << "--- " << MetadataSourceName(m.source) << " \"" << m.name << "\""
                  << (m.page > 0 ? " on page " + std::to_string(m.page) : std::string()) << '\n'
                  << m.text << '\n';
      }
    } catch (const std::exception& e) {
      std::cout << "error: " << e.what() << '\n';
      status = 1;
    }
  }
  return status;
}

}  // namespace

void AddTextCommand(CLI::App& app, GlobalOptions& global, int* exit_status) {
  (void)global;
  auto flags = std::make_shared<TextFlags>();
  CLI::App* text = app.add_subcommand("text", "Show the text skjerm reads from files (--reveal)");
  text->add_option("paths", flags->paths, "Files")->required();
  text->add_flag("--reveal", flags->reveal, "Required: the text is what skjerm guards");
  text->add_flag("--normalised", flags->normalised,
                 "Show the text as the detectors see it (dashes, spaces, OCR digit confusions)");
  AddExtractFlags(text, &flags->extract);
  text->callback([flags, exit_status] { *exit_status = RunText(*flags); });
}

}  // namespace skjerm
