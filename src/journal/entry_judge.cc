#include "journal/entry_judge.h"

#include <algorithm>
#include <set>

#include "base/sha256.h"
#include "base/utf8.h"
#include "journal/document_reference.h"
#include "policy/entry_decision.h"

namespace skjerm {
namespace {

TextUnit JournalUnit(JournalField field, const std::string& text) {
  Location location;
  location.metadata = MetadataSource::kJournalField;
  location.field = JournalFieldName(field);
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

// What the public journal prints of an entry: the given public title if the source has one,
// else the title; and the parties (one a line) unless they are screened.
struct PrintedFields {
  JournalField title_field = JournalField::kTitle;
  std::string title;
  std::string parties;
};

PrintedFields PrintedFieldsOf(const JournalEntry& entry) {
  PrintedFields out;
  const bool has_public_title = !entry.given_public_title.empty();
  out.title_field = has_public_title ? JournalField::kPublicTitle : JournalField::kTitle;
  out.title = has_public_title ? entry.given_public_title : entry.title;
  if (!PartiesScreened(entry)) {
    for (const std::string& p : entry.parties) out.parties += p + "\n";
  }
  return out;
}

std::string DocumentLocation(size_t document, const Location& location) {
  std::string out = "document " + std::to_string(document);
  if (location.is_page_text()) return out + " page " + std::to_string(location.page);
  if (location.metadata == MetadataSource::kFileName) return out + " file name";
  out += std::string(" ") + MetadataSourceName(*location.metadata);
  if (!location.field.empty()) out += " " + location.field;
  return out;
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

  const PrintedFields printed = PrintedFieldsOf(entry);
  DocumentText fields;
  fields.units.push_back(JournalUnit(printed.title_field, printed.title));
  if (!printed.parties.empty()) {
    fields.units.push_back(JournalUnit(JournalField::kParties, printed.parties));
  }
  std::vector<FieldFinding> field_findings;
  for (Finding& f : scanner_.FindPersonalData(fields)) {
    const JournalField field =
        JournalFieldFromName(f.location.field).value_or(JournalField::kParties);
    field_findings.push_back(FieldFinding{field, std::move(f)});
  }

  // The documents, as judged with the entry's marking. A document the caller brought no
  // result for was not read: error, never left out of the judgement.
  for (size_t i = documents.size(); i < entry.documents.size(); ++i) {
    ScanResult missing;
    missing.path = entry.documents[i];
    missing.document.path = missing.path;
    missing.verdict = scanner_.JudgeUnreadable(
        missing.path, "the document was not read (no result reached the judgement)");
    documents.push_back(std::move(missing));
  }
  std::vector<Verdict> document_verdicts;
  for (size_t i = 0; i < documents.size(); ++i) {
    ScanResult& r = documents[i];
    if (i < entry.documents.size() &&
        KindOfDocumentReference(entry.documents[i]) != DocumentReferenceKind::kLocalFile) {
      r = UnreadableReferenceResult(scanner_, entry.documents[i]);
    }
    out.document_paths.push_back(r.path);
    out.document_sha256.push_back(r.document.sha256);
    out.document_decisions.push_back(r.verdict.decision);
    document_verdicts.push_back(std::move(r.verdict));
  }

  EntryDecision decision =
      DecideEntry(policy_.rules(), out.marking, std::move(field_findings), document_verdicts);
  out.decision = decision.decision;
  out.reason = std::move(decision.reason);
  out.grounds = std::move(decision.grounds);
  std::vector<std::pair<size_t, size_t>> title_spans;
  for (FieldFinding& f : decision.printed) {
    const bool in_title = f.field != JournalField::kParties;
    if (in_title && !f.published) title_spans.emplace_back(f.finding.begin, f.finding.end);
    out.findings.push_back(EntryFinding{std::move(f.finding), 0,
                                        in_title ? printed.title : printed.parties,
                                        JournalFieldName(f.field)});
  }
  out.public_title = MaskSpans(printed.title, title_spans);
  for (size_t i = 0; i < documents.size(); ++i) {
    for (Finding& f : document_verdicts[i].findings) {
      std::string text(LocatedText(documents[i].document, f.location));
      std::string location = DocumentLocation(i + 1, f.location);
      out.findings.push_back(EntryFinding{std::move(f), static_cast<int>(i + 1), std::move(text),
                                          std::move(location)});
    }
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
