// What the journal import refuses or flags instead of passing over: formats it does not
// read (named), files from which nothing is imported, CSV columns it does not read,
// documents it cannot read (a description without a file, a URL), entries without
// documents; and the judgement of such entries. All people and numbers are invented.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "journal/access_codes.h"
#include "journal/csv_journal_reader.h"
#include "journal/database.h"
#include "journal/document_reference.h"
#include "journal/entry_judge.h"
#include "journal/journal_import.h"
#include "journal/journal_store.h"
#include "journal/noark_reader.h"
#include "journal_test_util.h"
#include "pipeline/rule_set.h"
#include "pipeline/scanner.h"
#include "report/entry_report.h"

namespace skjerm {
namespace {

std::string NoarkRefusal(const std::string& root) {
  return JournalError([&] { ReadNoark("<?xml version=\"1.0\"?>\n" + root); });
}

constexpr char kArkivstruktur[] = "http://www.arkivverket.no/standarder/noark5/arkivstruktur";

// One journalpost in an arkivstruktur.xml, with `documents` inside the registrering.
std::string Deposit(const std::string& documents) {
  return std::string("<arkiv xmlns=\"") + kArkivstruktur +
         "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><arkivdel>\n"
         "<registrering xsi:type=\"journalpost\"><registreringsID>2024/5-1</registreringsID>"
         "<tittel>Svar om skyss</tittel>" +
         documents + "</registrering>\n</arkivdel></arkiv>\n";
}

std::string Description(const std::string& objects) {
  return "<dokumentbeskrivelse><tittel>Brev</tittel>" + objects + "</dokumentbeskrivelse>";
}

std::string Object(const std::string& reference) {
  return "<dokumentobjekt><versjonsnummer>1</versjonsnummer><referanseDokumentfil>" + reference +
         "</referanseDokumentfil></dokumentobjekt>";
}

// ---------------------------------------------------------------------------------------
// Document references

TEST(DocumentReference, UrlsAreToldFromPaths) {
  EXPECT_TRUE(IsUrl("https://einnsyn.example/dok/1.pdf"));
  EXPECT_TRUE(IsUrl("http://example.com/a.pdf"));
  EXPECT_TRUE(IsUrl("HTTPS://EXAMPLE.COM/A.PDF"));
  EXPECT_TRUE(IsUrl("file:///srv/a.pdf"));
  EXPECT_TRUE(IsUrl("ftp://server/a.pdf"));
  EXPECT_FALSE(IsUrl("C:\\Arkiv\\a.pdf"));  // a Windows drive, not a scheme
  EXPECT_FALSE(IsUrl("C:/Arkiv/a.pdf"));
  EXPECT_FALSE(IsUrl("dokumenter/a.pdf"));
  EXPECT_FALSE(IsUrl("/srv/http://a.pdf"));
  EXPECT_FALSE(IsUrl("2024:1.pdf"));
  EXPECT_FALSE(IsUrl(""));

  EXPECT_EQ(KindOfDocumentReference(""), DocumentReferenceKind::kMissing);
  EXPECT_EQ(KindOfDocumentReference("  "), DocumentReferenceKind::kMissing);
  EXPECT_EQ(KindOfDocumentReference("https://x.example/a"), DocumentReferenceKind::kUrl);
  EXPECT_EQ(KindOfDocumentReference("/srv/a.pdf"), DocumentReferenceKind::kLocalFile);
}

TEST(DocumentReference, AnExportsReferenceIsStoredAsAPathAUrlOrNothing) {
  EXPECT_EQ(DocumentReferenceFromExport("/exp", "dok/1.pdf"), "/exp/dok/1.pdf");
  EXPECT_EQ(DocumentReferenceFromExport("/exp", "  "), "");
  // A URL stays a URL: never "/exp/http:/example.com/1.pdf".
  EXPECT_EQ(DocumentReferenceFromExport("/exp", " http://example.com/1.pdf "),
            "http://example.com/1.pdf");
  EXPECT_EQ(DocumentReferenceFromExport("/exp", "https://einnsyn.example/x?id=7"),
            "https://einnsyn.example/x?id=7");
  // A file:// URL of this machine is its file.
  EXPECT_EQ(DocumentReferenceFromExport("/exp", "file:///srv/arkiv/M%C3%B8te%201.pdf"),
            "/srv/arkiv/Møte 1.pdf");
  EXPECT_EQ(DocumentReferenceFromExport("/exp", "file://localhost/srv/a.pdf"), "/srv/a.pdf");
  // ... of another host, or that does not decode, stays a URL (and cannot be read).
  EXPECT_EQ(DocumentReferenceFromExport("/exp", "file://server/share/a.pdf"),
            "file://server/share/a.pdf");
  EXPECT_EQ(DocumentReferenceFromExport("/exp", "file:///srv/a%2"), "file:///srv/a%2");
  EXPECT_EQ(DocumentReferenceFromExport("/exp", "file:///srv/a%00.pdf"), "file:///srv/a%00.pdf");
}

TEST(DocumentReference, AUrlReadsWithItsEscapesDecoded) {
  EXPECT_EQ(ReadableReference("https://example.com/Vedtak%20Emil%20Solberg%20%C3%85s.pdf"),
            "https://example.com/Vedtak Emil Solberg Ås.pdf");
  EXPECT_EQ(ReadableReference("http://example.com/a.pdf"), "http://example.com/a.pdf");
  // A path is never decoded: «%20» may be part of its name.
  EXPECT_EQ(ReadableReference("/srv/a%20b.pdf"), "/srv/a%20b.pdf");
  EXPECT_EQ(ReadableReference(""), "");
  // What does not decode to text, or decodes to a control character, stays as written.
  for (const char* kept : {"https://example.com/100%.pdf", "https://example.com/%FF.pdf",
                           "https://example.com/%1B[2J.pdf", "https://example.com/%00.pdf"}) {
    EXPECT_EQ(ReadableReference(kept), kept);
  }
}

TEST(DocumentReference, ReasonsSayWhatToDo) {
  EXPECT_EQ(UnreadableReferenceReason(DocumentReferenceKind::kLocalFile), "");
  EXPECT_NE(
      UnreadableReferenceReason(DocumentReferenceKind::kUrl).find("skjerm reads local files only"),
      std::string::npos);
  EXPECT_NE(UnreadableReferenceReason(DocumentReferenceKind::kMissing).find("names no file"),
            std::string::npos);
}

// ---------------------------------------------------------------------------------------
// Noark: roots

TEST(NoarkRefusals, AnArkivmeldingIsRefusedByName) {
  const std::string error = NoarkRefusal(
      "<arkivmelding xmlns=\"http://www.arkivverket.no/standarder/noark5/arkivmelding\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><system>Sak</system>"
      "<mappe xsi:type=\"saksmappe\"><registrering xsi:type=\"journalpost\">"
      "<registreringsID>2024/1-1</registreringsID><tittel>T</tittel></registrering></mappe>"
      "</arkivmelding>");
  EXPECT_EQ(error,
            "root element <arkivmelding> in namespace "
            "http://www.arkivverket.no/standarder/noark5/arkivmelding is an eFormidling "
            "arkivmelding, which skjerm does not import yet (it reads Noark 5 "
            "arkivstruktur.xml and CSV)");
}

TEST(NoarkRefusals, KnownJournalFormatsAreNamedAsNotSupportedYet) {
  const std::string journal = NoarkRefusal(
      "<offentligJournal "
      "xmlns=\"http://www.arkivverket.no/standarder/noark5/offentligJournal\"/>");
  EXPECT_NE(journal.find("root element <offentligJournal> in namespace "
                         "http://www.arkivverket.no/standarder/noark5/offentligJournal is a "
                         "Noark 5 offentligJournal"),
            std::string::npos)
      << journal;
  EXPECT_NE(journal.find("does not import yet"), std::string::npos) << journal;
  EXPECT_NE(NoarkRefusal("<loependeJournal "
                         "xmlns=\"http://www.arkivverket.no/standarder/noark5/loependeJournal\"/>")
                .find("a Noark 5 loependeJournal"),
            std::string::npos);
  const std::string noark4 = NoarkRefusal("<OFFJOURNAL><JOURNPOST/></OFFJOURNAL>");
  EXPECT_NE(noark4.find("root element <OFFJOURNAL> (in no namespace) is a Noark 4 OFFJOURNAL"),
            std::string::npos)
      << noark4;
  EXPECT_NE(NoarkRefusal("<NOARK.H/>").find("a Noark 4 export"), std::string::npos);
  EXPECT_NE(NoarkRefusal("<addml xmlns=\"http://www.arkivverket.no/standarder/addml\"/>")
                .find("import the deposit's arkivstruktur.xml"),
            std::string::npos);
}

TEST(NoarkRefusals, UnknownRootsAndNamespacesAreNamed) {
  EXPECT_EQ(NoarkRefusal("<journal xmlns=\"urn:example:journal\"/>"),
            "root element <journal> in namespace urn:example:journal is not a format skjerm "
            "imports (it reads Noark 5 arkivstruktur.xml and CSV)");
  // The right name in the wrong namespace is not Noark 5 either.
  EXPECT_EQ(NoarkRefusal("<arkiv xmlns=\"http://www.arkivverket.no/standarder/noark5/"
                         "arkivmelding\"/>"),
            "root element <arkiv> in namespace "
            "http://www.arkivverket.no/standarder/noark5/arkivmelding is not a format skjerm "
            "imports (it reads Noark 5 arkivstruktur.xml and CSV)");
  // What the file holds is quoted printable and short.
  const std::string long_ns = NoarkRefusal("<x xmlns=\"urn:" + std::string(500, 'a') + "\"/>");
  EXPECT_LT(long_ns.size(), 300u) << long_ns;
}

TEST(NoarkRefusals, ArkivWithoutNamespaceIsStillRead) {
  CollectingSink sink = ReadNoark(
      "<arkiv><arkivdel><registrering><registreringsID>2024/1-1</registreringsID>"
      "<tittel>T</tittel><journalposttype>U</journalposttype></registrering></arkivdel>"
      "</arkiv>");
  ASSERT_EQ(sink.entries.size(), 1u);
}

// ---------------------------------------------------------------------------------------
// Noark: documents

TEST(NoarkDocuments, AFileReferenceIsADocument) {
  CollectingSink sink = ReadNoark(Deposit(Description(Object("dokumenter/1.pdf"))));
  ASSERT_EQ(sink.entries.size(), 1u);
  EXPECT_EQ(sink.entries[0].documents, std::vector<std::string>{"/deposit/dokumenter/1.pdf"});
  EXPECT_TRUE(sink.warnings.empty());
}

TEST(NoarkDocuments, AnEmptyReferenceIsAMissingFileWithAWarning) {
  CollectingSink sink = ReadNoark(Deposit(Description(Object("")) + Description(Object("  "))));
  ASSERT_EQ(sink.entries.size(), 1u);
  EXPECT_EQ(sink.entries[0].documents, (std::vector<std::string>{"", ""}));
  ASSERT_EQ(sink.warnings.size(), 1u);
  EXPECT_EQ(sink.warnings[0].line, 2);
  EXPECT_NE(sink.warnings[0].reason.find("2 document descriptions name no file"), std::string::npos)
      << sink.warnings[0].reason;
  EXPECT_NE(sink.warnings[0].reason.find("check judges the entry error"), std::string::npos);
}

TEST(NoarkDocuments, ADescriptionWithoutDokumentobjektIsAMissingFile) {
  CollectingSink sink = ReadNoark(Deposit(Description("") + Description(Object("a.pdf"))));
  ASSERT_EQ(sink.entries.size(), 1u);
  EXPECT_EQ(sink.entries[0].documents, (std::vector<std::string>{"", "/deposit/a.pdf"}));
  ASSERT_EQ(sink.warnings.size(), 1u);
  EXPECT_NE(sink.warnings[0].reason.find("1 document description names no file"),
            std::string::npos);
  // The same without a referanseDokumentfil element at all.
  CollectingSink bare = ReadNoark(
      Deposit(Description("<dokumentobjekt><versjonsnummer>1</versjonsnummer></dokumentobjekt>")));
  ASSERT_EQ(bare.entries.size(), 1u);
  EXPECT_EQ(bare.entries[0].documents, std::vector<std::string>{""});
}

TEST(NoarkDocuments, AnObjectWithoutFileBesideOneWithAFileIsPassedOver) {
  CollectingSink sink = ReadNoark(Deposit(Description(Object("") + Object("arkiv/1.pdf"))));
  ASSERT_EQ(sink.entries.size(), 1u);
  EXPECT_EQ(sink.entries[0].documents, std::vector<std::string>{"/deposit/arkiv/1.pdf"});
  EXPECT_TRUE(sink.warnings.empty());
}

TEST(NoarkDocuments, AUrlIsKeptAsAUrlWithAWarning) {
  CollectingSink sink = ReadNoark(Deposit(Description(Object("http://example.com/einnsyn/1.pdf"))));
  ASSERT_EQ(sink.entries.size(), 1u);
  EXPECT_EQ(sink.entries[0].documents,
            std::vector<std::string>{"http://example.com/einnsyn/1.pdf"});
  ASSERT_EQ(sink.warnings.size(), 1u);
  EXPECT_NE(sink.warnings[0].reason.find("1 document is given as a URL"), std::string::npos);
  EXPECT_NE(sink.warnings[0].reason.find("skjerm reads local files only"), std::string::npos);
}

TEST(NoarkDocuments, ADokumentobjektDirectlyUnderTheRegistreringIsADocument) {
  // Noark 5 v3.1: registrering may hold dokumentobjekt without a dokumentbeskrivelse.
  CollectingSink sink = ReadNoark(Deposit(Object("direkte.pdf") + Object("")));
  ASSERT_EQ(sink.entries.size(), 1u);
  EXPECT_EQ(sink.entries[0].documents, (std::vector<std::string>{"/deposit/direkte.pdf", ""}));
}

TEST(NoarkDocuments, NoDescriptionAtAllIsNoDocumentAndNoWarning) {
  CollectingSink sink = ReadNoark(Deposit(""));
  ASSERT_EQ(sink.entries.size(), 1u);
  EXPECT_TRUE(sink.entries[0].documents.empty());
  EXPECT_TRUE(sink.warnings.empty());
}

// ---------------------------------------------------------------------------------------
// CSV: columns and documents

constexpr char kHeader[] = "journal_number,journal_date,direction,title,access_code,document";

TEST(CsvRefusals, AColumnSkjermDoesNotReadRefusesTheFile) {
  const std::string error = JournalError([] {
    ReadCsv(std::string(kHeader) + ",Avsender/mottaker,Saksbehandler\n" +
            "2024/1-1,2024-01-02,I,Søknad,,a.pdf,Kari Nordmann,K. Hansen\n");
  });
  EXPECT_NE(error.find("columns skjerm does not read: 'Avsender/mottaker' (column 7), "
                       "'Saksbehandler' (column 8)"),
            std::string::npos)
      << error;
  EXPECT_NE(error.find("--ignore-column NAME"), std::string::npos) << error;
  EXPECT_NE(error.find("--column FIELD=NAME"), std::string::npos) << error;
}

TEST(CsvRefusals, ColumnNamesAreQuotedAsTheyCanBeGivenBack) {
  const std::string nordic =
      JournalError([] { ReadCsv("journal_number,title,Løpenr\n2024/1-1,T,7\n"); });
  EXPECT_NE(nordic.find("'Løpenr' (column 3)"), std::string::npos) << nordic;
  const std::string control =
      JournalError([] { ReadCsv("journal_number,title,a\x1b[2Jb\n2024/1-1,T,7\n"); });
  EXPECT_NE(control.find("'a?[2Jb' (column 3)"), std::string::npos) << control;
  const std::string long_name =
      JournalError([] { ReadCsv("journal_number,title," + std::string(100, 'x') + "\n"); });
  EXPECT_NE(long_name.find("'" + std::string(60, 'x') + "...' (column 3)"), std::string::npos)
      << long_name;
}

TEST(CsvRefusals, IgnoredAndMappedColumnsAreRead) {
  CsvJournalOptions options;
  options.ignored_columns = {"SAKSBEHANDLER"};  // case does not matter
  options.columns = {{"parties", "Avsender/mottaker"}};
  CollectingSink sink = ReadCsv(std::string(kHeader) + ",Avsender/mottaker,Saksbehandler\n" +
                                    "2024/1-1,2024-01-02,I,Søknad,,a.pdf,Kari Nordmann,K. Hansen\n",
                                options);
  ASSERT_EQ(sink.entries.size(), 1u);
  EXPECT_EQ(sink.entries[0].parties, std::vector<std::string>{"Kari Nordmann"});
}

TEST(CsvRefusals, IgnoringAColumnSkjermReadsIsRefused) {
  CsvJournalOptions options;
  options.ignored_columns = {"Title"};
  const std::string error =
      JournalError([&] { ReadCsv(std::string(kHeader) + "\n2024/1-1,,,T,,\n", options); });
  EXPECT_NE(error.find("--ignore-column 'title' names the column skjerm reads for the field "
                       "title"),
            std::string::npos)
      << error;
}

TEST(CsvRefusals, AColumnNamedTwiceIsRefused) {
  const std::string error =
      JournalError([] { ReadCsv("journal_number,title,Title\n2024/1-1,A,B\n"); });
  EXPECT_NE(error.find("names the column 'Title' twice (columns 2 and 3)"), std::string::npos)
      << error;
}

// An export without its header row: its first entry is read as the header. The refusal
// names the missing column and quotes none of the entry's cells (a party named twice).
TEST(CsvRefusals, AFileWithoutAHeaderRowQuotesNoneOfItsCells) {
  const std::string error = JournalError([] {
    ReadCsv("2024/1-1,2024-01-02,I,Søknad fra Kari Nordmann,,a.pdf,Kari Nordmann,Kari Nordmann\n");
  });
  EXPECT_NE(error.find("the header row has no column 'journal_number'"), std::string::npos)
      << error;
  EXPECT_EQ(error.find("Nordmann"), std::string::npos) << error;
}

TEST(CsvRefusals, AMappingToAColumnTheHeaderLacksIsRefused) {
  CsvJournalOptions options;
  options.columns = {{"parties", "Avsender"}};
  const std::string error =
      JournalError([&] { ReadCsv(std::string(kHeader) + "\n2024/1-1,,,T,,\n", options); });
  EXPECT_NE(error.find("no column 'Avsender' (given with --column parties=Avsender)"),
            std::string::npos)
      << error;
}

TEST(CsvRefusals, AnUnnamedColumnMustStayEmpty) {
  // A spreadsheet's trailing delimiter makes a column without a name.
  CollectingSink sink = ReadCsv(
      "journal_number;title;\n"
      "2024/1-1;Tom kolonne;\n"
      "2024/1-2;Noe i kolonnen;Kari Nordmann\n");
  ASSERT_EQ(sink.entries.size(), 1u);
  EXPECT_EQ(sink.entries[0].journal_number, "2024/1-1");
  ASSERT_EQ(sink.skipped.size(), 1u);
  EXPECT_EQ(sink.skipped[0].line, 3);
  EXPECT_EQ(sink.skipped[0].reason, "something in column 3, which the header row does not name");
}

TEST(CsvDocuments, AUrlIsKeptAsAUrlWithAWarning) {
  CollectingSink sink =
      ReadCsv(std::string(kHeader) + "\n2024/1-1,,,T,,https://einnsyn.example/1.pdf;lokal.pdf\n");
  ASSERT_EQ(sink.entries.size(), 1u);
  EXPECT_EQ(sink.entries[0].documents,
            (std::vector<std::string>{"https://einnsyn.example/1.pdf", "/exports/2024/lokal.pdf"}));
  ASSERT_EQ(sink.warnings.size(), 1u);
  EXPECT_EQ(sink.warnings[0].line, 2);
  EXPECT_NE(sink.warnings[0].reason.find("skjerm reads local files only"), std::string::npos);
}

TEST(CsvDocuments, AnEmptyDocumentCellIsNoDocument) {
  CollectingSink sink = ReadCsv(std::string(kHeader) + "\n2024/1-1,,,T,, \n");
  ASSERT_EQ(sink.entries.size(), 1u);
  EXPECT_TRUE(sink.entries[0].documents.empty());
  EXPECT_TRUE(sink.warnings.empty());
}

TEST(CsvLimits, AnOverlongHeaderOrRecordEndsTheReading) {
  const std::string header_error =
      JournalError([] { ReadCsv("journal_number,title," + std::string(2 << 20, 'x') + "\n"); });
  EXPECT_NE(header_error.find("line 1 is longer than 1 MiB"), std::string::npos) << header_error;
  // Fields under 1 MiB each, but a record of more than 8 MiB.
  std::string row = "2024/1-1,T";
  for (int i = 0; i < 10; ++i) row += "," + std::string((1 << 20) - 10, 'y');
  const std::string record_error =
      JournalError([&] { ReadCsv("journal_number,title\n" + row + "\n"); });
  EXPECT_NE(record_error.find("line 2: a record longer than 8 MiB"), std::string::npos)
      << record_error;
  const std::string fields_error =
      JournalError([] { ReadCsv("journal_number,title\n" + std::string(5000, ',') + "\n"); });
  EXPECT_NE(fields_error.find("line 2: a record of more than 4096 fields"), std::string::npos)
      << fields_error;
}

// ---------------------------------------------------------------------------------------
// Importing into the store

class ImportRefusals : public JournalStoreTest {
 protected:
  JournalImportResult Import(const std::string& path) {
    JournalImportOptions options;
    options.format = DetectJournalFormat(path);
    return ImportJournalFile(*store_, path, options);
  }
};

TEST_F(ImportRefusals, AnArkivmeldingImportsNothingAndSaysWhy) {
  const JournalImportResult r = Import(
      Write("arkivmelding.xml",
            "<arkivmelding xmlns=\"http://www.arkivverket.no/standarder/noark5/arkivmelding\">"
            "<registrering><tittel>T</tittel></registrering></arkivmelding>"));
  EXPECT_FALSE(r.complete());
  EXPECT_NE(r.error.find("<arkivmelding>"), std::string::npos) << r.error;
  EXPECT_EQ(r.entries(), 0);
}

TEST_F(ImportRefusals, ReadToItsEndWithoutAnEntryIsNothingImported) {
  // Registreringer, all skipped.
  const JournalImportResult skipped =
      Import(Write("a.xml", std::string("<arkiv xmlns=\"") + kArkivstruktur +
                                "\"><registrering><tittel>Notat</tittel></registrering></arkiv>"));
  EXPECT_TRUE(skipped.complete());
  EXPECT_EQ(skipped.skipped, 1);
  EXPECT_NE(skipped.nothing_imported.find("none of its 1 registreringer was imported"),
            std::string::npos)
      << skipped.nothing_imported;
  // No registrering at all (entries in elements skjerm does not know).
  const JournalImportResult none = Import(
      Write("b.xml",
            std::string("<arkiv xmlns=\"") + kArkivstruktur +
                "\"><arkivdel><journalpost><tittel>T</tittel></journalpost></arkivdel></arkiv>"));
  EXPECT_NE(none.nothing_imported.find("holds no registrering"), std::string::npos)
      << none.nothing_imported;
  // A CSV header without rows.
  const JournalImportResult header_only = Import(Write("c.csv", "journal_number,title\n"));
  EXPECT_EQ(header_only.nothing_imported, "the file has a header row but no entries");
  const std::vector<RunSummary> runs = store_->LastRuns(1);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_NE(runs[0].note.find("nothing imported"), std::string::npos) << runs[0].note;
  // A file with entries imports.
  const JournalImportResult some = Import(Write("d.csv", "journal_number,title\n2024/1-1,T\n"));
  EXPECT_EQ(some.nothing_imported, "");
  EXPECT_EQ(some.added, 1);
}

TEST_F(ImportRefusals, JsonIsRecognisedAndRefusedByName) {
  const std::string einnsyn = Write(
      "journal.json",
      "{\"@context\": \"https://data.einnsyn.no/einnsyn.jsonld\", \"@type\": \"Journalpost\"}");
  EXPECT_EQ(DetectJournalFormat(einnsyn), JournalFormat::kJson);
  const JournalImportResult r = Import(einnsyn);
  EXPECT_EQ(r.error,
            "the file is eInnsyn JSON-LD, which skjerm does not import yet (it reads Noark 5 "
            "arkivstruktur.xml and CSV)");
  const std::string plain = Write("export", "\n  [{\"tittel\": \"x\"}]");
  EXPECT_EQ(DetectJournalFormat(plain), JournalFormat::kJson);
  EXPECT_NE(Import(plain).error.find("the file is JSON,"), std::string::npos);
}

TEST_F(ImportRefusals, EntriesWithoutReadableDocumentsAreCounted) {
  const std::string path =
      Write("arkivstruktur.xml",
            std::string("<arkiv xmlns=\"") + kArkivstruktur +
                "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><arkivdel>\n"
                "<registrering xsi:type=\"journalpost\"><registreringsID>2024/5-1</registreringsID>"
                "<tittel>A</tittel>" +
                Description(Object("")) +
                "</registrering>\n"
                "<registrering xsi:type=\"journalpost\"><registreringsID>2024/5-2</registreringsID>"
                "<tittel>B</tittel>" +
                Description(Object("https://example.com/b.pdf")) +
                "</registrering>\n"
                "<registrering xsi:type=\"journalpost\"><registreringsID>2024/5-3</registreringsID>"
                "<tittel>C</tittel></registrering>\n"
                "<registrering xsi:type=\"journalpost\"><registreringsID>2024/5-4</registreringsID>"
                "<tittel>D</tittel>" +
                Description(Object("d.pdf")) + "</registrering>\n</arkivdel></arkiv>\n");
  const JournalImportResult r = Import(path);
  EXPECT_EQ(r.added, 4);
  EXPECT_EQ(r.with_missing_file, 1);
  EXPECT_EQ(r.with_url, 1);
  EXPECT_EQ(r.without_documents, 1);
  EXPECT_EQ(r.warnings, 2);
  // Stored as they were read: "" for the missing file, the URL as a URL.
  EXPECT_EQ(store_->FindByNumber("2024/5-1")->entry.documents, std::vector<std::string>{""});
  EXPECT_EQ(store_->FindByNumber("2024/5-2")->entry.documents,
            std::vector<std::string>{"https://example.com/b.pdf"});
}

TEST_F(ImportRefusals, ReImportingWithTheFileNamedUpdatesTheEntryAndMakesItPending) {
  auto deposit = [&](const std::string& reference) {
    return Write("arkivstruktur.xml", Deposit(Description(Object(reference))));
  };
  const JournalImportResult first = Import(deposit(""));
  EXPECT_EQ(first.with_missing_file, 1);
  StoredEntry entry = *store_->FindByNumber("2024/5-1");
  store_->SetStatus(entry.id, EntryStatus::kHeld, 0, "judged error: no file");

  const JournalImportResult fixed = Import(deposit("dokumenter/5-1.pdf"));
  EXPECT_EQ(fixed.changed, 1);
  EXPECT_EQ(fixed.with_missing_file, 0);
  entry = *store_->FindByNumber("2024/5-1");
  EXPECT_EQ(entry.entry.documents, std::vector<std::string>{dir_ + "/dokumenter/5-1.pdf"});
  EXPECT_EQ(entry.status, EntryStatus::kPending);  // check judges it anew
}

// ---------------------------------------------------------------------------------------
// The judgement of entries whose documents cannot be read

class UnreadableDocumentJudgement : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { rules_ = RuleSet::Load(SKJERM_PATTERNS_DIR, nullptr).release(); }
  static void TearDownTestSuite() {
    delete rules_;
    rules_ = nullptr;
  }

  EntryJudgement Judge(const JournalEntry& entry, std::vector<ScanResult> results) {
    Scanner scanner(*rules_);
    AccessCodes codes;
    EntryJudge judge(scanner, codes, rules_->policy());
    return judge.Judge(entry, std::move(results));
  }

  // A document result that would pass.
  static ScanResult Passing(const std::string& path) {
    ScanResult r;
    r.path = path;
    r.document.sha256 = std::string(64, 'a');
    r.verdict.decision = Decision::kPass;
    r.verdict.reason = "no personal data found";
    return r;
  }

  static RuleSet* rules_;
};

RuleSet* UnreadableDocumentJudgement::rules_ = nullptr;

TEST_F(UnreadableDocumentJudgement, AMissingFileIsErrorNeverPass) {
  JournalEntry entry;
  entry.journal_number = "2024/5-1";
  entry.title = "Svar om skyss";
  entry.documents = {""};
  // Even a result that says pass cannot stand for a document that was never named.
  const EntryJudgement j = Judge(entry, {Passing("")});
  EXPECT_EQ(j.decision, Decision::kError);
  EXPECT_NE(j.reason.find("names no file"), std::string::npos) << j.reason;
  ASSERT_EQ(j.document_decisions.size(), 1u);
  EXPECT_EQ(j.document_decisions[0], Decision::kError);
  EXPECT_EQ(j.document_sha256[0], "");
}

TEST_F(UnreadableDocumentJudgement, ADocumentWithoutAResultIsErrorNotLeftOut) {
  JournalEntry entry;
  entry.journal_number = "2024/5-3";
  entry.title = "Svar om skyss";
  entry.documents = {"/srv/a.pdf", "/srv/Vedtak 14091050170.pdf"};
  const EntryJudgement j = Judge(entry, {Passing("/srv/a.pdf")});
  EXPECT_EQ(j.decision, Decision::kError);
  EXPECT_NE(j.reason.find("document 2: the document was not read"), std::string::npos) << j.reason;
  ASSERT_EQ(j.document_decisions.size(), 2u);
  EXPECT_EQ(j.document_decisions[1], Decision::kError);
  // Its file name is judged, so that output masks the ID in it.
  ASSERT_FALSE(j.findings.empty());
  EXPECT_EQ(j.findings[0].location, "document 2 file name");
}

TEST_F(UnreadableDocumentJudgement, AUrlIsErrorWithTheReason) {
  JournalEntry entry;
  entry.journal_number = "2024/5-2";
  entry.title = "Svar om skyss";
  entry.documents = {"/srv/a.pdf", "https://example.com/b.pdf"};
  Scanner scanner(*rules_);
  const EntryJudgement j = Judge(
      entry,
      {Passing("/srv/a.pdf"), UnreadableReferenceResult(scanner, "https://example.com/b.pdf")});
  EXPECT_EQ(j.decision, Decision::kError);
  EXPECT_NE(j.reason.find("document 2: the document is given as a URL, and skjerm reads local "
                          "files only"),
            std::string::npos)
      << j.reason;
  EXPECT_EQ(j.document_decisions[0], Decision::kPass);
  EXPECT_EQ(j.document_paths[1], "https://example.com/b.pdf");
}

// A URL is shown like a path: what its file name carries is found, so that output masks it.
TEST_F(UnreadableDocumentJudgement, AUrlsFileNameIsMaskedInTheOutput) {
  JournalEntry entry;
  entry.journal_number = "2024/5-4";
  entry.title = "Vedtak";
  const std::string url = "https://example.com/arkiv/Vedtak Emil Solberg 14091050170.pdf";
  entry.documents = {url};
  // Whatever result stands in its place (here a pass), the URL is judged on its own.
  const EntryJudgement j = Judge(entry, {Passing(url)});
  EXPECT_EQ(j.decision, Decision::kError);
  ASSERT_FALSE(j.findings.empty());
  EXPECT_EQ(j.findings[0].location, "document 1 file name");
  EXPECT_EQ(j.findings[0].unit_text, "Vedtak Emil Solberg 14091050170.pdf");
  EXPECT_EQ(j.reason.find("14091050170"), std::string::npos) << j.reason;

  const nlohmann::json shown = EntryToJson(entry, j, EntryStatus::kHeld, ReportOptions{});
  const std::string text = shown.dump();
  EXPECT_EQ(text.find("14091050170"), std::string::npos) << text;
  EXPECT_EQ(text.find("Solberg"), std::string::npos) << text;
  EXPECT_EQ(shown["path"].get<std::string>().rfind("https://example.com/arkiv/Vedtak ", 0), 0u)
      << shown["path"];
  ReportOptions reveal;
  reveal.reveal = true;
  EXPECT_EQ(EntryToJson(entry, j, EntryStatus::kHeld, reveal)["path"], url);

  // Percent-escapes do not hide the name and number from the detectors.
  entry.documents = {"https://example.com/arkiv/Vedtak%20Emil%20Solberg%2014091050170.pdf"};
  const EntryJudgement escaped = Judge(entry, {Passing(entry.documents[0])});
  EXPECT_EQ(escaped.decision, Decision::kError);
  const std::string escaped_text =
      EntryToJson(entry, escaped, EntryStatus::kHeld, ReportOptions{}).dump();
  EXPECT_EQ(escaped_text.find("14091050170"), std::string::npos) << escaped_text;
  EXPECT_EQ(escaped_text.find("Solberg"), std::string::npos) << escaped_text;
}

TEST_F(UnreadableDocumentJudgement, AnEntryWithoutDocumentsIsJudgedOnItsMetadata) {
  JournalEntry harmless;
  harmless.journal_number = "2024/5-3";
  harmless.title = "Kunngjøring om skolerute for 2025";
  const EntryJudgement pass = Judge(harmless, {});
  EXPECT_EQ(pass.decision, Decision::kPass);
  EXPECT_NE(pass.reason.find("no documents: judged on its title, parties and access code"),
            std::string::npos)
      << pass.reason;

  JournalEntry pupil = harmless;
  pupil.title = "Vedtak om spesialundervisning – Aleksander Nyhus Bråthen, 9C";
  const EntryJudgement hold = Judge(pupil, {});
  EXPECT_EQ(hold.decision, Decision::kHold) << hold.reason;
  EXPECT_EQ(hold.public_title.find("Bråthen"), std::string::npos) << hold.public_title;
}

}  // namespace
}  // namespace skjerm
