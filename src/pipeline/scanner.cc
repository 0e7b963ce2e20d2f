#include "pipeline/scanner.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "base/utf8.h"

namespace skjerm {
namespace {

bool ReadingOrder(const Finding& a, const Finding& b) {
  const int ma = a.location.is_page_text() ? 0 : 1;
  const int mb = b.location.is_page_text() ? 0 : 1;
  return std::tie(ma, a.location.page, a.location.field, a.begin, a.end) <
         std::tie(mb, b.location.page, b.location.field, b.begin, b.end);
}

// The file name as the detectors read it: underscores are how file names write spaces
// («Vedtak_Emil_Solberg.pdf»), except between digits, where they join the parts of a case
// number («2024_1234», which read as «2024 1234» looks like a phone number). One byte for
// one, so offsets stay those of the name.
std::string FileNameText(std::string_view path) {
  std::string text(FileNameOf(path));
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '_') continue;
    const bool between_digits =
        i > 0 && i + 1 < text.size() && IsAsciiDigit(text[i - 1]) && IsAsciiDigit(text[i + 1]);
    if (!between_digits) text[i] = ' ';
  }
  return text;
}

// A long text file's pages share the text around their cuts; a finding there is reported
// by the page that owns it, once.
void DropSharedFindings(const Document& document, std::vector<Finding>* findings) {
  std::unordered_map<int, const Page*> shared;
  for (const Page& page : document.pages) {
    if (page.shared_before > 0 || page.shared_after > 0) shared[page.number] = &page;
  }
  if (shared.empty()) return;
  std::erase_if(*findings, [&](const Finding& f) {
    if (!f.location.is_page_text()) return false;
    const auto it = shared.find(f.location.page);
    return it != shared.end() && !PageOwns(*it->second, f.begin);
  });
}

}  // namespace

std::vector<Finding> Scanner::FindInFileName(std::string_view path) const {
  const std::string text = FileNameText(path);
  if (text.empty()) return {};
  Location location;
  location.metadata = MetadataSource::kFileName;
  DocumentText unit;
  unit.units.push_back(TextUnit{std::move(location), TextView(text)});
  return FindPersonalData(unit);
}

std::vector<Finding> Scanner::FindPersonalData(const DocumentText& text) const {
  std::vector<Finding> findings;
  for (const auto& detector : rules_.detectors()) detector->Detect(text, &findings);
  std::stable_sort(findings.begin(), findings.end(), ReadingOrder);
  return findings;
}

Verdict Scanner::JudgeUnreadable(std::string_view path, std::string reason) const {
  Verdict verdict = Verdict::Error(std::move(reason));
  try {
    // The policy words what the file name shows; the decision stays error.
    const Verdict named = rules_.policy().Decide(Document{}, std::nullopt, FindInFileName(path));
    if (!named.findings.empty()) {
      verdict.reason += "; " + named.reason;
      verdict.findings = named.findings;
      verdict.held = named.held;
    }
  } catch (const std::exception& e) {
    verdict.reason += std::string("; the file name could not be judged: ") + e.what();
  }
  return verdict;
}

Verdict Scanner::Judge(const Document& document,
                       const std::optional<ExemptionMarking>& extra_marking) const {
  const DocumentText text = MakeDocumentText(document);
  std::vector<Finding> findings = FindPersonalData(text);
  std::vector<Finding> in_name = FindInFileName(document.path);
  findings.insert(findings.end(), std::make_move_iterator(in_name.begin()),
                  std::make_move_iterator(in_name.end()));
  DropSharedFindings(document, &findings);
  std::optional<ExemptionMarking> marking = rules_.markings().Find(text);
  if (!marking) marking = extra_marking;
  return rules_.policy().Decide(document, std::move(marking), std::move(findings));
}

}  // namespace skjerm
