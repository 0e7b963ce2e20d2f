#include "journal/noark_reader.h"

#include <expat.h>

#include <algorithm>
#include <exception>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "journal/document_reference.h"

namespace skjerm {
namespace {

// Expat joins a namespace URI and a local name with this; a URI holds no space.
constexpr char kNameSeparator = ' ';
constexpr std::string_view kArkivstruktur =
    "http://www.arkivverket.no/standarder/noark5/arkivstruktur";
constexpr std::string_view kSchemaInstance = "http://www.w3.org/2001/XMLSchema-instance";
constexpr size_t kChunkBytes = 1 << 16;
// No field skjerm reads is this long; a longer one is cut (with a warning) so that a
// strange file cannot make one entry take unbounded memory.
constexpr size_t kMaxTextBytes = 64 << 10;

struct ParserFree {
  void operator()(XML_Parser parser) const { XML_ParserFree(parser); }
};
using ParserHandle = std::unique_ptr<std::remove_pointer_t<XML_Parser>, ParserFree>;

bool IsNoarkNamespace(std::string_view uri) { return uri.empty() || uri == kArkivstruktur; }

// An expanded name from expat: "URI local" or "local".
struct Name {
  std::string_view uri;
  std::string_view local;
};

Name SplitName(const XML_Char* name) {
  const std::string_view s(name);
  const size_t sep = s.rfind(kNameSeparator);
  if (sep == std::string_view::npos) return {{}, s};
  return {s.substr(0, sep), s.substr(sep + 1)};
}

// A type name fit to print in a reason: the schema's names are plain words.
std::string PrintableTypeName(std::string_view type) {
  if (type.empty() || type.size() > 40) return "an unrecognised type";
  for (char c : type) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '_' || c == '-';
    if (!plain) return "an unrecognised type";
  }
  return "type " + std::string(type);
}

// Text from the file fit to quote in a message: printable ASCII, at most 120 characters.
std::string Quotable(std::string_view text) {
  std::string out;
  for (char c : text.substr(0, 120)) out.push_back(c >= 0x20 && c < 0x7F ? c : '?');
  if (text.size() > 120) out += "...";
  return out;
}

// What a file with this root element is, when skjerm knows the format but does not read it
// (yet): the journal formats of Noark 5 (reports and eFormidling), Noark 4 and the other
// files of a Noark 5 deposit. By local name, in any namespace, since exports differ.
std::string_view KnownUnreadFormat(std::string_view local) {
  static const std::pair<std::string_view, std::string_view> kFormats[] = {
      {"arkivmelding", "an eFormidling arkivmelding"},
      {"offentligJournal", "a Noark 5 offentligJournal (the public journal report)"},
      {"loependeJournal", "a Noark 5 loependeJournal (the running journal report)"},
      {"OFFJOURNAL", "a Noark 4 OFFJOURNAL export"},
      {"NOARK.H", "a Noark 4 export"},
      {"endringslogg", "a Noark 5 endringslogg (the deposit's change log, without entries)"},
      {"addml", "an ADDML description (arkivuttrekk.xml; import the deposit's arkivstruktur.xml)"},
  };
  for (const auto& [name, format] : kFormats) {
    if (local == name) return format;
  }
  return {};
}

// Why a file whose root element is not a Noark 5 arkiv is refused, naming the root.
std::string RootRefusal(const Name& root) {
  std::string message = "root element <" + Quotable(root.local) + ">";
  message += root.uri.empty() ? " (in no namespace)" : " in namespace " + Quotable(root.uri);
  const std::string_view format = KnownUnreadFormat(root.local);
  if (!format.empty()) {
    message += " is " + std::string(format) + ", which skjerm does not import yet";
  } else {
    message += " is not a format skjerm imports";
  }
  return message + " (it reads Noark 5 arkivstruktur.xml and CSV)";
}

// What a skjerming says.
struct Screening {
  bool present = false;
  std::string access_code;                   // tilgangsrestriksjon
  std::string legal_basis;                   // skjermingshjemmel
  std::vector<std::string> screened_fields;  // skjermingMetadata
};

struct CorrespondenceParty {
  std::string type;  // korrespondanseparttype
  std::string name;
  std::string contact;
  std::vector<std::string> addresses;
  std::string postcode;
  std::string place;
  std::string email;
  std::vector<std::string> phones;

  // "Mottaker: Kari Nordmann, Storgata 1, 0150 Oslo, kari@example.no, 900 00 000"; "" when
  // nothing but the type is known.
  std::string Line() const {
    std::vector<std::string> parts;
    for (const std::string* s : {&name, &contact}) {
      if (!s->empty()) parts.push_back(*s);
    }
    parts.insert(parts.end(), addresses.begin(), addresses.end());
    std::string place_line = postcode;
    if (!place.empty()) place_line += (place_line.empty() ? "" : " ") + place;
    if (!place_line.empty()) parts.push_back(place_line);
    if (!email.empty()) parts.push_back(email);
    parts.insert(parts.end(), phones.begin(), phones.end());
    if (parts.empty()) return "";
    std::string line = type.empty() ? "" : type + ": ";
    for (size_t i = 0; i < parts.size(); ++i) line += (i ? ", " : "") + parts[i];
    return line;
  }
};

// A registrering being read: everything is collected until its end tag.
struct Registration {
  int64_t line = 0;
  std::string type;           // local name of xsi:type; "" when it has none
  bool foreign_type = false;  // xsi:type names a type outside Noark
  std::string id, title, public_title, year, sequence, number, post_type, journal_date,
      document_date;
  Screening own;
  std::vector<Screening> document_screenings;
  Screening document_screening;  // of the dokumentbeskrivelse being read
  std::vector<CorrespondenceParty> parties;
  CorrespondenceParty party;  // the korrespondansepart being read
  // One reference per document, in file order: the files a dokumentbeskrivelse's
  // dokumentobjekter name, or "" for a description that names none.
  std::vector<std::string> documents;
  std::vector<std::string> described_files;  // of the dokumentbeskrivelse being read
  int descriptions_without_file = 0;
  bool cut = false;
};

// Where the text of the element being read goes.
enum class Slot {
  kNone,
  kId,
  kTitle,
  kPublicTitle,
  kYear,
  kSequence,
  kNumber,
  kPostType,
  kJournalDate,
  kDocumentDate,
  kAccessCode,  // of the screening the element is in (see screening_target_)
  kLegalBasis,
  kScreenedField,
  kPartyType,
  kPartyName,
  kPartyContact,
  kPartyAddress,
  kPartyPostcode,
  kPartyPlace,
  kPartyEmail,
  kPartyPhone,
  kDocumentFile,
};

Slot ScreeningSlot(std::string_view local) {
  if (local == "tilgangsrestriksjon") return Slot::kAccessCode;
  if (local == "skjermingshjemmel") return Slot::kLegalBasis;
  if (local == "skjermingMetadata") return Slot::kScreenedField;
  return Slot::kNone;
}

Slot EntrySlot(std::string_view local) {
  static const std::pair<std::string_view, Slot> kSlots[] = {
      {"registreringsID", Slot::kId},
      {"tittel", Slot::kTitle},
      {"offentligTittel", Slot::kPublicTitle},
      {"journalaar", Slot::kYear},
      {"journalsekvensnummer", Slot::kSequence},
      {"journalpostnummer", Slot::kNumber},
      {"journalposttype", Slot::kPostType},
      {"journaldato", Slot::kJournalDate},
      {"dokumentetsDato", Slot::kDocumentDate},
  };
  for (const auto& [name, slot] : kSlots) {
    if (local == name) return slot;
  }
  return Slot::kNone;
}

// Fields of a korrespondansepart, at any depth under it (some systems nest the address:
// postadresse/adresselinje1).
Slot PartySlot(std::string_view local) {
  static const std::pair<std::string_view, Slot> kSlots[] = {
      {"korrespondanseparttype", Slot::kPartyType},
      {"korrespondansepartNavn", Slot::kPartyName},
      {"navn", Slot::kPartyName},
      {"kontaktperson", Slot::kPartyContact},
      {"postadresse", Slot::kPartyAddress},
      {"adresselinje1", Slot::kPartyAddress},
      {"adresselinje2", Slot::kPartyAddress},
      {"adresselinje3", Slot::kPartyAddress},
      {"postnummer", Slot::kPartyPostcode},
      {"poststed", Slot::kPartyPlace},
      {"epostadresse", Slot::kPartyEmail},
      {"telefonnummer", Slot::kPartyPhone},
  };
  for (const auto& [name, slot] : kSlots) {
    if (local == name) return slot;
  }
  return Slot::kNone;
}

class NoarkParser {
 public:
  NoarkParser(std::string base_dir, JournalSink& sink)
      : base_dir_(std::move(base_dir)),
        sink_(sink),
        parser_(XML_ParserCreateNS(nullptr, kNameSeparator)) {
    if (!parser_) throw JournalReadError("cannot create an XML parser");
    XML_Parser p = parser_.get();
    XML_SetUserData(p, this);
    XML_SetElementHandler(
        p,
        [](void* self, const XML_Char* name, const XML_Char** attributes) {
          static_cast<NoarkParser*>(self)->Guarded(
              [&](NoarkParser& n) { n.Start(name, attributes); });
        },
        [](void* self, const XML_Char* name) {
          static_cast<NoarkParser*>(self)->Guarded([&](NoarkParser& n) { n.End(name); });
        });
    XML_SetCharacterDataHandler(p, [](void* self, const XML_Char* text, int length) {
      static_cast<NoarkParser*>(self)->Guarded(
          [&](NoarkParser& n) { n.Text(std::string_view(text, static_cast<size_t>(length))); });
    });
    XML_SetNamespaceDeclHandler(
        p,
        [](void* self, const XML_Char* prefix, const XML_Char* uri) {
          static_cast<NoarkParser*>(self)->Guarded([&](NoarkParser& n) {
            n.bindings_.emplace_back(prefix ? prefix : "", uri ? uri : "");
          });
        },
        [](void* self, const XML_Char* prefix) {
          // The innermost binding of the prefix ends.
          auto& bindings = static_cast<NoarkParser*>(self)->bindings_;
          const std::string_view ended = prefix ? prefix : "";
          for (auto it = bindings.rbegin(); it != bindings.rend(); ++it) {
            if (it->first == ended) {
              bindings.erase(std::next(it).base());
              break;
            }
          }
        });
  }

  void Parse(std::istream& in) {
    XML_Parser p = parser_.get();
    for (;;) {
      void* buffer = XML_GetBuffer(p, static_cast<int>(kChunkBytes));
      if (!buffer) throw JournalReadError("out of memory reading the XML");
      in.read(static_cast<char*>(buffer), static_cast<std::streamsize>(kChunkBytes));
      if (in.bad()) throw JournalReadError("reading the file failed");
      const auto length = static_cast<int>(in.gcount());
      const bool final = !in;
      if (XML_ParseBuffer(p, length, final) != XML_STATUS_OK) {
        if (failure_) std::rethrow_exception(failure_);
        throw JournalReadError(Where() + ": " + XML_ErrorString(XML_GetErrorCode(p)));
      }
      if (final) break;
    }
  }

 private:
  // Runs a handler; an exception (the sink's, or a reader error) stops the parser and is
  // rethrown by Parse() — it must not unwind through expat's C frames.
  template <typename F>
  void Guarded(F&& handler) {
    try {
      handler(*this);
    } catch (...) {
      failure_ = std::current_exception();
      XML_StopParser(parser_.get(), XML_FALSE);
    }
  }

  std::string Where() const {
    return "line " + std::to_string(XML_GetCurrentLineNumber(parser_.get())) + ", column " +
           std::to_string(XML_GetCurrentColumnNumber(parser_.get()) + 1);
  }

  void Start(const XML_Char* raw_name, const XML_Char** attributes) {
    const Name name = SplitName(raw_name);
    const bool noark = IsNoarkNamespace(name.uri);
    text_.clear();
    slot_ = Slot::kNone;
    if (!root_seen_) {
      root_seen_ = true;
      if (!noark || name.local != "arkiv") throw JournalReadError(RootRefusal(name));
    }
    if (registration_) {
      path_.emplace_back(noark ? name.local : std::string_view());
      slot_ = RegistrationSlot();
      return;
    }
    if (noark && name.local == "registrering") {
      BeginRegistration(attributes);
      return;
    }
    units_.push_back(Unit{std::string(noark ? name.local : std::string_view()), Screening{}});
    slot_ = UnitSlot();
  }

  void End(const XML_Char*) {
    const std::string text(TrimSpace(text_));
    text_.clear();
    const Slot slot = std::exchange(slot_, Slot::kNone);
    if (registration_) {
      if (path_.empty()) {
        FinishRegistration();
        registration_.reset();
        return;
      }
      if (slot != Slot::kNone) Store(slot, text);
      Registration& r = *registration_;
      if (path_.size() == 1 && path_[0] == "korrespondansepart") {
        r.parties.push_back(std::exchange(r.party, CorrespondenceParty{}));
      } else if (path_.size() == 1 && path_[0] == "dokumentbeskrivelse") {
        if (r.document_screening.present) r.document_screenings.push_back(r.document_screening);
        r.document_screening = Screening{};
        FinishDocument(&r);
      } else if (path_.size() == 1 && path_[0] == "dokumentobjekt") {
        FinishDocument(&r);
      }
      path_.pop_back();
      return;
    }
    if (slot != Slot::kNone && units_.size() >= 3) {
      StoreScreening(&units_[units_.size() - 3].screening, slot, text);
    }
    if (!units_.empty()) units_.pop_back();
  }

  void Text(std::string_view text) {
    if (slot_ == Slot::kNone) return;
    if (text_.size() + text.size() > kMaxTextBytes) {
      text = text.substr(0, kMaxTextBytes - std::min(kMaxTextBytes, text_.size()));
      if (registration_) registration_->cut = true;
    }
    text_ += text;
  }

  // The slot of the element just opened inside a registrering (path_ ends with it).
  Slot RegistrationSlot() const {
    const std::vector<std::string>& p = path_;
    if (p.size() == 1) return EntrySlot(p[0]);
    if (p[0] == "korrespondansepart") return PartySlot(p.back());
    if (p.size() == 2 && p[0] == "skjerming") return ScreeningSlot(p[1]);
    if (p.size() == 3 && p[0] == "dokumentbeskrivelse" && p[1] == "skjerming") {
      return ScreeningSlot(p[2]);
    }
    if (p.size() == 3 && p[0] == "dokumentbeskrivelse" && p[1] == "dokumentobjekt" &&
        p[2] == "referanseDokumentfil") {
      return Slot::kDocumentFile;
    }
    // Noark 5 v3.1 also lets a registrering hold its dokumentobjekt directly.
    if (p.size() == 2 && p[0] == "dokumentobjekt" && p[1] == "referanseDokumentfil") {
      return Slot::kDocumentFile;
    }
    return Slot::kNone;
  }

  // The slot of the element just opened outside registreringer: only the skjerming of an
  // enclosing unit (mappe, klasse, arkivdel ...) matters there.
  Slot UnitSlot() const {
    const size_t n = units_.size();
    if (n < 3 || units_[n - 2].local != "skjerming" || units_[n - 3].local.empty()) {
      return Slot::kNone;
    }
    return ScreeningSlot(units_[n - 1].local);
  }

  void BeginRegistration(const XML_Char** attributes) {
    registration_.emplace();
    path_.clear();
    registration_->line = static_cast<int64_t>(XML_GetCurrentLineNumber(parser_.get()));
    for (size_t i = 0; attributes[i]; i += 2) {
      const Name name = SplitName(attributes[i]);
      if (name.uri != kSchemaInstance || name.local != "type") continue;
      std::string_view value = TrimSpace(attributes[i + 1]);
      std::string_view prefix;
      if (const size_t colon = value.find(':'); colon != std::string_view::npos) {
        prefix = value.substr(0, colon);
        value.remove_prefix(colon + 1);
      }
      registration_->type = std::string(value);
      if (const std::string* uri = BoundNamespace(prefix)) {
        registration_->foreign_type = !IsNoarkNamespace(*uri);
      }
    }
  }

  // The namespace a prefix is bound to where the parser is; null when it is not bound.
  const std::string* BoundNamespace(std::string_view prefix) const {
    for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it) {
      if (it->first == prefix) return &it->second;
    }
    return nullptr;
  }

  static void StoreScreening(Screening* s, Slot slot, const std::string& text) {
    if (text.empty()) return;
    s->present = true;
    if (slot == Slot::kAccessCode) s->access_code = text;
    if (slot == Slot::kLegalBasis) s->legal_basis = text;
    if (slot == Slot::kScreenedField) s->screened_fields.push_back(text);
  }

  void Store(Slot slot, const std::string& text) {
    Registration& r = *registration_;
    CorrespondenceParty& party = r.party;
    const bool in_document = path_.size() == 3 && path_[0] == "dokumentbeskrivelse";
    switch (slot) {
      case Slot::kNone:
        break;
      case Slot::kId:
        r.id = text;
        break;
      case Slot::kTitle:
        r.title = text;
        break;
      case Slot::kPublicTitle:
        r.public_title = text;
        break;
      case Slot::kYear:
        r.year = text;
        break;
      case Slot::kSequence:
        r.sequence = text;
        break;
      case Slot::kNumber:
        r.number = text;
        break;
      case Slot::kPostType:
        r.post_type = text;
        break;
      case Slot::kJournalDate:
        r.journal_date = text;
        break;
      case Slot::kDocumentDate:
        r.document_date = text;
        break;
      case Slot::kAccessCode:
      case Slot::kLegalBasis:
      case Slot::kScreenedField:
        StoreScreening(in_document ? &r.document_screening : &r.own, slot, text);
        break;
      case Slot::kPartyType:
        party.type = text;
        break;
      case Slot::kPartyName:
        party.name = text;
        break;
      case Slot::kPartyContact:
        party.contact = text;
        break;
      case Slot::kPartyAddress:
        if (!text.empty()) party.addresses.push_back(text);
        break;
      case Slot::kPartyPostcode:
        party.postcode = text;
        break;
      case Slot::kPartyPlace:
        party.place = text;
        break;
      case Slot::kPartyEmail:
        party.email = text;
        break;
      case Slot::kPartyPhone:
        if (!text.empty()) party.phones.push_back(text);
        break;
      case Slot::kDocumentFile:
        if (!text.empty())
          r.described_files.push_back(DocumentReferenceFromExport(base_dir_, text));
        break;
    }
  }

  // A document description (or a dokumentobjekt directly under the registrering) has
  // ended: the files it named are the entry's documents, or "" stands for it when it named
  // none — the entry cannot be judged without it.
  static void FinishDocument(Registration* r) {
    if (r->described_files.empty()) {
      r->documents.emplace_back();
      ++r->descriptions_without_file;
    }
    for (std::string& file : r->described_files) {
      if (std::find(r->documents.begin(), r->documents.end(), file) == r->documents.end()) {
        r->documents.push_back(std::move(file));
      }
    }
    r->described_files.clear();
  }

  // Warns of the documents the entry has but skjerm cannot read.
  void WarnOfUnreadableDocuments(const Registration& r, const JournalEntry& entry) {
    if (r.descriptions_without_file > 0) {
      sink_.OnWarning(r.line, MissingFileWarning(r.descriptions_without_file));
    }
    int urls = 0;
    for (const std::string& d : entry.documents) {
      urls += KindOfDocumentReference(d) == DocumentReferenceKind::kUrl;
    }
    if (urls > 0) sink_.OnWarning(r.line, UrlWarning(urls));
  }

  bool IsJournalpost(const Registration& r) const {
    if (r.foreign_type) return false;
    if (r.type == "journalpost") return true;
    const bool basic = r.type.empty() || r.type == "registrering" || r.type == "basisregistrering";
    return basic && (!r.post_type.empty() || !r.number.empty());
  }

  // The screening of the entry: its own, filled in from its documents' and then from the
  // nearest enclosing unit's.
  void MergeScreening(const Registration& r, JournalEntry* entry) const {
    std::vector<const Screening*> chain = {&r.own};
    for (const Screening& s : r.document_screenings) chain.push_back(&s);
    for (auto it = units_.rbegin(); it != units_.rend(); ++it) {
      if (it->screening.present) {
        chain.push_back(&it->screening);
        break;
      }
    }
    std::vector<std::string> fields;
    for (const Screening* s : chain) {
      if (entry->access_code.empty()) entry->access_code = s->access_code;
      if (entry->legal_basis.empty()) entry->legal_basis = s->legal_basis;
      for (const std::string& f : s->screened_fields) {
        if (std::find(fields.begin(), fields.end(), f) == fields.end()) fields.push_back(f);
      }
    }
    for (size_t i = 0; i < fields.size(); ++i) {
      entry->screened_fields += (i ? ", " : "") + fields[i];
    }
  }

  std::string Date(const std::string& text, const char* what, int64_t line) {
    if (text.empty()) return "";
    std::string date = NormaliseJournalDate(text);
    if (date.empty()) sink_.OnWarning(line, std::string(what) + " is not a date; left empty");
    return date;
  }

  void FinishRegistration() {
    Registration& r = *registration_;
    if (!IsJournalpost(r)) {
      sink_.OnSkipped(r.line,
                      r.type.empty() || r.type == "registrering" || r.type == "basisregistrering"
                          ? "registrering without journal fields (not a journalpost)"
                          : "registrering of " + PrintableTypeName(r.type) + ", not a journalpost");
      return;
    }
    JournalEntry entry;
    if (!r.id.empty()) {
      entry.journal_number = r.id;
    } else if (!r.year.empty() && !r.sequence.empty()) {
      entry.journal_number = r.year + "/" + r.sequence + (r.number.empty() ? "" : "-" + r.number);
    } else {
      sink_.OnSkipped(r.line,
                      "journalpost without registreringsID or journalaar and "
                      "journalsekvensnummer");
      return;
    }
    if (r.title.empty()) {
      sink_.OnSkipped(r.line, "journalpost without tittel");
      return;
    }
    entry.title = r.title;
    entry.given_public_title = r.public_title;
    entry.direction = DirectionCode(r.post_type);
    if (!r.post_type.empty() && entry.direction.empty()) {
      sink_.OnWarning(r.line, "journalposttype not recognised; direction left empty");
    }
    entry.journal_date = Date(r.journal_date, "journaldato", r.line);
    entry.document_date = Date(r.document_date, "dokumentetsDato", r.line);
    MergeScreening(r, &entry);
    for (const CorrespondenceParty& party : r.parties) {
      std::string line = party.Line();
      if (!line.empty()) entry.parties.push_back(std::move(line));
    }
    entry.documents = std::move(r.documents);
    WarnOfUnreadableDocuments(r, entry);
    if (r.cut) sink_.OnWarning(r.line, "a field longer than 64 KiB was cut");
    sink_.OnEntry(std::move(entry), r.line);
  }

  // An element outside registreringer, and the skjerming it carries (if read yet).
  struct Unit {
    std::string local;  // "" outside the Noark namespaces
    Screening screening;
  };

  std::string base_dir_;
  JournalSink& sink_;
  ParserHandle parser_;
  std::exception_ptr failure_;
  std::vector<std::pair<std::string, std::string>> bindings_;  // prefix -> namespace
  bool root_seen_ = false;
  std::vector<Unit> units_;
  std::optional<Registration> registration_;
  std::vector<std::string> path_;  // elements open inside the registrering
  Slot slot_ = Slot::kNone;
  std::string text_;
};

}  // namespace

void ReadNoarkJournal(std::istream& in, const std::string& base_dir, JournalSink& sink) {
  NoarkParser parser(base_dir, sink);
  parser.Parse(in);
}

void ReadNoarkJournal(const std::string& path, JournalSink& sink) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw JournalReadError("cannot open the file");
  ReadNoarkJournal(in, DirectoryOf(path), sink);
}

}  // namespace skjerm
