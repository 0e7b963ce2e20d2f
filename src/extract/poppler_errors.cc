#include "extract/poppler_errors.h"

#include <algorithm>
#include <array>
#include <mutex>

#include <poppler/cpp/poppler-global.h>

namespace skjerm {
namespace {

// Poppler's own wordings (poppler 22.12, checked against the library's strings), first
// match wins. A message matching none is kOther, which counts as content lost.
struct Wording {
  std::string_view part;
  PopplerProblem kind;
};
constexpr std::array kWordings = {
    // poppler-glib's cairo device, which skjerm uses only to copy a picture out of a page
    // (poppler_page_get_image): a picture too large for a cairo surface. The page itself is
    // drawn by poppler-cpp's own renderer.
    Wording{"cairo context error", PopplerProblem::kPictureCopy},
    // The text layer only: the glyphs are drawn, their Unicode is wrong or missing.
    Wording{"ToUnicode", PopplerProblem::kUnicodeMap},
    Wording{"oUnicode", PopplerProblem::kUnicodeMap},  // cidToUnicode, nameToUnicode, ...
    // Drawn anyway, with the font's own or substituted metrics.
    Wording{"Mismatch between font type and embedded font file", PopplerProblem::kFontWarning},
    Wording{"Invalid Font Weight", PopplerProblem::kFontWarning},
    Wording{"Invalid Font Stretch", PopplerProblem::kFontWarning},
    Wording{"Bad widths", PopplerProblem::kFontWarning},
    // Streams.
    Wording{"Unknown filter '", PopplerProblem::kUnknownFilter},
    Wording{"Bad filter name", PopplerProblem::kUnknownFilter},
    Wording{"'Filter' attribute", PopplerProblem::kUnknownFilter},
    Wording{"content stream", PopplerProblem::kDamagedContent},
    Wording{"embedded font stream", PopplerProblem::kUnavailableFont},
    Wording{"flate stream", PopplerProblem::kUndecodableStream},
    Wording{"LZW stream", PopplerProblem::kUndecodableStream},
    Wording{"ASCIIHex stream", PopplerProblem::kUndecodableStream},
    Wording{"ASCII85 stream", PopplerProblem::kUndecodableStream},
    Wording{"CCITTFax stream", PopplerProblem::kUndecodableStream},
    Wording{"JBIG2", PopplerProblem::kUndecodableStream},
    Wording{"DCT", PopplerProblem::kUndecodableStream},
    Wording{"JPX", PopplerProblem::kUndecodableStream},
    Wording{"'endstream'", PopplerProblem::kUndecodableStream},
    Wording{"'Length' attribute", PopplerProblem::kUndecodableStream},
    // The file's structure.
    Wording{"xref", PopplerProblem::kMissingObject},
    Wording{"XRef", PopplerProblem::kMissingObject},
    Wording{"object stream", PopplerProblem::kMissingObject},
    // Fonts.
    Wording{"Unknown font tag", PopplerProblem::kMissingFont},
    Wording{"No font in", PopplerProblem::kMissingFont},
    Wording{"Unknown font in", PopplerProblem::kMissingFont},
    Wording{"Missing language pack", PopplerProblem::kUnavailableFont},
    Wording{"CMap", PopplerProblem::kUnavailableFont},
    Wording{"Couldn't find a font", PopplerProblem::kUnavailableFont},
    Wording{"Couldn't find font file", PopplerProblem::kUnavailableFont},
    Wording{"Couldn't open external font file", PopplerProblem::kUnavailableFont},
    Wording{"Couldn't create a font", PopplerProblem::kUnavailableFont},
    Wording{"Unknown font type", PopplerProblem::kUnavailableFont},
    Wording{"Type 0", PopplerProblem::kUnavailableFont},
    Wording{"Type 3 font", PopplerProblem::kUnavailableFont},
    Wording{"Embedded font file may be invalid", PopplerProblem::kUnavailableFont},
    // Drawing instructions.
    Wording{"Unknown operator", PopplerProblem::kDamagedContent},
    Wording{"args to '", PopplerProblem::kDamagedContent},
    Wording{"Arg #", PopplerProblem::kDamagedContent},
    Wording{"Illegal character", PopplerProblem::kDamagedContent},
    Wording{"Unterminated", PopplerProblem::kDamagedContent},
    Wording{"operator", PopplerProblem::kDamagedContent},
};

// Most serious first: what Describe() names.
// A font that cannot be loaded is then also reported missing ("Unknown font tag"): the
// cause goes first.
constexpr std::array kSeverity = {
    PopplerProblem::kUnknownFilter, PopplerProblem::kUndecodableStream,
    PopplerProblem::kMissingObject, PopplerProblem::kUnavailableFont,
    PopplerProblem::kMissingFont,   PopplerProblem::kDamagedContent,
    PopplerProblem::kOther,         PopplerProblem::kUnicodeMap,
    PopplerProblem::kFontWarning,   PopplerProblem::kPictureCopy,
};

// poppler-cpp prefixes "error: " or "error (position): ".
std::string_view StripPrefix(std::string_view message) {
  const size_t colon = message.find(": ");
  if (message.substr(0, 5) == "error" && colon != std::string_view::npos && colon < 32) {
    return message.substr(colon + 2);
  }
  return message;
}

// The filter's name from "Unknown filter 'Foo'", when it is plain enough to show: a short
// word of ASCII letters and digits with no run of three digits (it comes from the document,
// and skjerm's output never quotes a document's text).
std::string SafeFilterName(std::string_view message) {
  const size_t open = message.find('\'');
  const size_t close = open == std::string_view::npos ? open : message.find('\'', open + 1);
  if (close == std::string_view::npos) return "";
  const std::string_view name = message.substr(open + 1, close - open - 1);
  if (name.empty() || name.size() > 24) return "";
  int digit_run = 0;
  for (const char c : name) {
    const bool digit = c >= '0' && c <= '9';
    const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (!digit && !letter) return "";
    digit_run = digit ? digit_run + 1 : 0;
    if (digit_run >= 3) return "";
  }
  return std::string(name);
}

const char* ProblemText(PopplerProblem kind) {
  switch (kind) {
    case PopplerProblem::kUnknownFilter:
      return "the PDF's content could not be decoded (unknown filter";
    case PopplerProblem::kUndecodableStream:
      return "the PDF's content could not be decoded (damaged compressed data)";
    case PopplerProblem::kMissingObject:
      return "part of the page is missing from the PDF (damaged cross-reference table)";
    case PopplerProblem::kMissingFont:
      return "a font the page uses is missing from the PDF";
    case PopplerProblem::kUnavailableFont:
      return "a font the page uses is neither embedded in the PDF nor available to the reader";
    case PopplerProblem::kDamagedContent:
      return "the page's drawing instructions are damaged";
    case PopplerProblem::kUnicodeMap:
      return "the character map of a font is damaged";
    case PopplerProblem::kFontWarning:
      return "a font of the page is faulty";
    case PopplerProblem::kPictureCopy:
      return "a picture on the page could not be copied out for OCR";
    case PopplerProblem::kOther:
      break;
  }
  return "the PDF reader reported an error on the page";
}

// The open scopes. Process-wide because Poppler's callback is; see the header.
struct Sink {
  std::mutex mutex;
  std::vector<PopplerErrorScope*> scopes;
};

Sink& TheSink() {
  static Sink* sink = new Sink;  // never destroyed: Poppler may call late in exit
  return *sink;
}

void OnPopplerMessage(const std::string& message, void* /*closure*/) {
  PopplerErrorScope::Deliver(message);
}

}  // namespace

PopplerProblem ClassifyPopplerMessage(std::string_view message) {
  const std::string_view text = StripPrefix(message);
  for (const Wording& w : kWordings) {
    if (text.find(w.part) != std::string_view::npos) return w.kind;
  }
  return PopplerProblem::kOther;
}

bool PopplerProblems::ContentLost() const {
  return std::any_of(kinds.begin(), kinds.end(), [](PopplerProblem k) {
    return k != PopplerProblem::kUnicodeMap && k != PopplerProblem::kFontWarning &&
           k != PopplerProblem::kPictureCopy;
  });
}

std::string PopplerProblems::Describe() const {
  if (kinds.empty()) return "";
  PopplerProblem worst = kinds.front();
  for (const PopplerProblem k : kSeverity) {
    if (std::find(kinds.begin(), kinds.end(), k) != kinds.end()) {
      worst = k;
      break;
    }
  }
  std::string text = ProblemText(worst);
  if (worst == PopplerProblem::kUnknownFilter) {
    text += unknown_filter.empty() ? ")" : " /" + unknown_filter + ")";
  }
  if (kinds.size() > 1) {
    text += " and " + std::to_string(kinds.size() - 1) + " other kind" +
            (kinds.size() > 2 ? "s" : "") + " of problem";
  }
  return text;
}

void PopplerProblems::Add(PopplerProblem kind, std::string_view message) {
  if (kind == PopplerProblem::kUnknownFilter && unknown_filter.empty()) {
    unknown_filter = SafeFilterName(StripPrefix(message));
  }
  if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kinds.push_back(kind);
}

PopplerErrorScope::PopplerErrorScope() {
  Sink& sink = TheSink();
  std::lock_guard<std::mutex> lock(sink.mutex);
  sink.scopes.push_back(this);
}

PopplerErrorScope::~PopplerErrorScope() {
  Sink& sink = TheSink();
  std::lock_guard<std::mutex> lock(sink.mutex);
  sink.scopes.erase(std::remove(sink.scopes.begin(), sink.scopes.end(), this), sink.scopes.end());
}

PopplerProblems PopplerErrorScope::problems() const {
  std::lock_guard<std::mutex> lock(TheSink().mutex);
  return problems_;
}

void PopplerErrorScope::Deliver(std::string_view message) {
  const PopplerProblem kind = ClassifyPopplerMessage(message);
  Sink& sink = TheSink();
  std::lock_guard<std::mutex> lock(sink.mutex);
  for (PopplerErrorScope* scope : sink.scopes) scope->problems_.Add(kind, message);
}

void InstallPopplerErrorSink() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(OnPopplerMessage, nullptr); });
}

}  // namespace skjerm
