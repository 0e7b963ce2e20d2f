#include "journal/entry_judge.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "base/sha256.h"
#include "base/utf8.h"
#include "journal/document_reference.h"
#include "report/scan_report.h"

namespace skjerm {
namespace {

constexpr char kTitleField[] = "title";
constexpr char kPublicTitleField[] = "public title";
constexpr char kPartiesField[] = "parties";

TextUnit JournalUnit(const std::string& field, const std::string& text) {
  Location location;
  location.metadata = MetadataSource::kJournalField;
  location.field = field;
  return TextUnit{std::move(location), TextView(text)};
}

// Whether the journal prints the parties: not when skjermingMetadata screens them.
bool PartiesScreened(const JournalEntry& entry) {
  const std::string fields = ToLowerUtf8(entry.screened_fields);
  for (const char* word : {"korrespondansepart", "avsender", "mottaker", "mottakar"}) {
    if (fields.find(word) != std::string::npos) return true;
  }
  return false;
}

std::string DocumentLocation(size_t document, const Location& location) {
  std::string out = "document " + std::to_string(document);
  if (location.is_page_text()) return out + " page " + std::to_string(location.page);
  if (location.metadata == MetadataSource::kFileName) return out + " file name";
  out += std::string(" ") + MetadataSourceName(*location.metadata);
  if (!location.field.empty()) out += " " + location.field;
  return out;
}

int Severity(Decision d) {
  switch (d) {
    case Decision::kPass:
      return 0;
    case Decision::kExempt:
      return 1;
    case Decision::kHold:
      return 2;
    case Decision::kError:
      return 3;
  }
  return 3;
}

}  // namespace

std::string NormalisedValue(const Finding& finding) {
  std::string out;
  const std::string folded = FoldForMatching(finding.text);
  for (char c : folded) {
    const bool digit = c >= '0' && c <= '9';
    if (finding.category == Category::kNationalId
            ? digit
            : (digit || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80)) {
      out.push_back(c);
    }
  }
  return out;
}

std::string MaskSpans(const std::string& text, std::vector<std::pair<size_t, size_t>> spans) {
  std::sort(spans.begin(), spans.end());
  std::string out;
  size_t at = 0;
  for (auto [begin, end] : spans) {
    begin = std::min(begin, text.size());
    end = std::min(end, text.size());
    if (end <= at) continue;
    if (begin > at) out.append(text, at, begin - at);
    if (begin >= at || out.empty() || out.back() != '*') out += "*****";
    at = end;
  }
  out.append(text, std::min(at, text.size()), std::string::npos);
  return out;
}

std::optional<ExemptionMarking> EntryJudge::EntryMarking(const JournalEntry& entry) const {
  return codes_.EntryMarking(entry.access_code, entry.legal_basis);
}

EntryJudgement EntryJudge::Judge(const JournalEntry& entry,
                                 std::vector<ScanResult> documents) const {
  EntryJudgement out;
  out.marking = EntryMarking(entry);

  // What the public journal prints: the given public title if the source has one, else
  // the title; and the parties unless they are screened.
  const bool has_public_title = !entry.given_public_title.empty();
  const std::string& shown_title = has_public_title ? entry.given_public_title : entry.title;
  DocumentText fields;
  fields.units.push_back(
      JournalUnit(has_public_title ? kPublicTitleField : kTitleField, shown_title));
  std::string parties;
  for (const std::string& p : entry.parties) parties += p + "\n";
  if (!parties.empty() && !PartiesScreened(entry)) {
    fields.units.push_back(JournalUnit(kPartiesField, parties));
  }
  std::vector<Finding> field_findings = scanner_.FindPersonalData(fields);
  std::vector<std::pair<size_t, size_t>> title_spans;
  std::vector<std::string> shown;
  for (Finding& f : field_findings) {
    if (f.confidence < policy_.rules().min_confidence) continue;
    const bool in_title = f.location.field != kPartiesField;
    if (in_title) title_spans.emplace_back(f.begin, f.end);
    std::string where = f.location.field;
    shown.push_back(std::string(CategoryName(f.category)) + " " + Masked(f) + " in the " + where);
    out.findings.push_back(EntryFinding{f, 0, in_title ? shown_title : parties, where});
  }
  out.public_title = MaskSpans(shown_title, title_spans);

  // The documents, as judged with the entry's marking.
  Decision worst = Decision::kPass;
  std::vector<std::string> reasons;
  bool any_exempt = out.marking.has_value();
  for (size_t i = 0; i < documents.size(); ++i) {
    ScanResult& r = documents[i];
    const size_t number = i + 1;
    if (i < entry.documents.size() &&
        KindOfDocumentReference(entry.documents[i]) != DocumentReferenceKind::kLocalFile) {
      r = UnreadableReferenceResult(scanner_, entry.documents[i]);
    }
    out.document_paths.push_back(r.path);
    out.document_sha256.push_back(r.document.sha256);
    out.document_decisions.push_back(r.verdict.decision);
    if (Severity(r.verdict.decision) > Severity(worst)) worst = r.verdict.decision;
    any_exempt |= r.verdict.decision == Decision::kExempt;
    if (Blocks(r.verdict.decision)) {
      reasons.push_back(
          (documents.size() > 1 ? "document " + std::to_string(number) + ": " : std::string()) +
          r.verdict.reason);
    }
    for (Finding& f : r.verdict.findings) {
      std::string text(UnitText(r.document, f.location));
      std::string location = DocumentLocation(number, f.location);
      out.findings.push_back(EntryFinding{std::move(f), static_cast<int>(number), std::move(text),
                                          std::move(location)});
    }
  }

  // The journal prints the title and parties even when the documents are exempt.
  if (!shown.empty()) {
    std::ostringstream msg;
    msg << "the public journal would show personal data: ";
    for (size_t i = 0; i < shown.size(); ++i) msg << (i > 0 ? ", " : "") << shown[i];
    reasons.push_back(msg.str());
    if (Severity(worst) < Severity(Decision::kHold)) worst = Decision::kHold;
  }
  if (Blocks(worst)) {
    out.decision = worst;
    std::ostringstream msg;
    for (size_t i = 0; i < reasons.size(); ++i) msg << (i > 0 ? "; " : "") << reasons[i];
    out.reason = msg.str();
  } else if (any_exempt) {
    out.decision = Decision::kExempt;
    out.reason = out.marking ? "exempt through the entry's " + out.marking->phrase
                             : "exemption marking in the document";
    for (const ScanResult& r : documents) {
      if (r.verdict.decision == Decision::kExempt && r.verdict.marking &&
          r.verdict.marking->page > 0) {
        out.reason = r.verdict.reason;
        break;
      }
    }
  } else {
    out.decision = Decision::kPass;
    out.reason = documents.empty()
                     ? "no documents: judged on its title, parties and access code; nothing found"
                     : "no personal data found";
  }
  return out;
}

ScanResult UnreadableReferenceResult(const Scanner& scanner, const std::string& reference) {
  ScanResult r;
  r.path = ReadableReference(reference);
  r.document.path = r.path;  // the text its file-name findings point into
  r.verdict = scanner.JudgeUnreadable(
      r.path, UnreadableReferenceReason(KindOfDocumentReference(reference)));
  return r;
}

EntryVerdict ToStoredVerdict(const EntryJudgement& judgement, const JournalStore& store) {
  EntryVerdict v;
  v.decision = judgement.decision;
  v.reason = judgement.reason;
  v.public_title = judgement.public_title;
  v.document_sha256 = judgement.document_sha256;
  std::string all_documents;
  for (const std::string& sha : judgement.document_sha256) all_documents += sha + "\n";
  v.documents_hash = Sha256Hex(all_documents);
  std::set<std::string> value_hashes;
  for (const EntryFinding& ef : judgement.findings) {
    const Finding& f = ef.finding;
    StoredFinding s;
    s.category = CategoryName(f.category);
    s.rule = f.rule;
    s.location = ef.location;
    const std::string_view unit(ef.unit_text);
    s.start = static_cast<int64_t>(CountCodePoints(unit.substr(0, std::min(f.begin, unit.size()))));
    s.end = static_cast<int64_t>(CountCodePoints(unit.substr(0, std::min(f.end, unit.size()))));
    s.masked = Masked(f);
    s.value_hash = store.ValueHash(s.category, NormalisedValue(f));
    s.confidence = f.confidence;
    value_hashes.insert(s.category + ":" + s.value_hash);
    v.findings.push_back(std::move(s));
  }
  std::string all_findings;
  for (const std::string& h : value_hashes) all_findings += h + "\n";
  v.findings_hash = store.ValueHash("findings", all_findings);
  return v;
}

bool ReleaseStands(const std::optional<StoredRelease>& release, const EntryVerdict& verdict) {
  return release && release->documents_hash == verdict.documents_hash &&
         release->findings_hash == verdict.findings_hash;
}

EntryStatus StatusAfter(const EntryVerdict& verdict, const std::optional<StoredRelease>& release) {
  if (!Blocks(verdict.decision)) return EntryStatus::kPublished;
  return ReleaseStands(release, verdict) ? EntryStatus::kReleased : EntryStatus::kHeld;
}

}  // namespace skjerm
