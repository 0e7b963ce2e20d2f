// Reading journal exports (CSV, Noark 5 arkivstruktur.xml) and importing them into the
// journal store. All people, addresses and numbers here are invented.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "journal/csv_journal_reader.h"
#include "journal/database.h"
#include "journal/journal_import.h"
#include "journal/journal_reader.h"
#include "journal/journal_store.h"
#include "journal/noark_reader.h"
#include "journal_test_util.h"

namespace skjerm {
namespace {

// ---------------------------------------------------------------------------------------
// Shared helpers

TEST(JournalImportHelpers, DatesInBothFormsBecomeIso) {
  EXPECT_EQ(NormaliseJournalDate("2024-09-19"), "2024-09-19");
  EXPECT_EQ(NormaliseJournalDate(" 19.09.2024 "), "2024-09-19");
  EXPECT_EQ(NormaliseJournalDate("1.2.2024"), "2024-02-01");
  EXPECT_EQ(NormaliseJournalDate("2024-09-19T10:15:00+02:00"), "2024-09-19");
  EXPECT_EQ(NormaliseJournalDate("2024-09-19+02:00"), "2024-09-19");
  EXPECT_EQ(NormaliseJournalDate("19.09.2024 10:15"), "2024-09-19");
  EXPECT_EQ(NormaliseJournalDate("29.02.2024"), "2024-02-29");
}

TEST(JournalImportHelpers, NonDatesAreEmpty) {
  EXPECT_EQ(NormaliseJournalDate(""), "");
  EXPECT_EQ(NormaliseJournalDate("29.02.2023"), "");  // not a leap year
  EXPECT_EQ(NormaliseJournalDate("31.04.2024"), "");
  EXPECT_EQ(NormaliseJournalDate("2024-13-01"), "");
  EXPECT_EQ(NormaliseJournalDate("19.09.24"), "");  // two-digit year: ambiguous
  EXPECT_EQ(NormaliseJournalDate("2024-09-191"), "");
  EXPECT_EQ(NormaliseJournalDate("19.09.20245"), "");
  EXPECT_EQ(NormaliseJournalDate("2024/1122-4"), "");  // a case number
  EXPECT_EQ(NormaliseJournalDate("09/19/2024"), "");
}

TEST(JournalImportHelpers, DirectionCodesAndNoarkWordings) {
  EXPECT_EQ(DirectionCode("I"), "I");
  EXPECT_EQ(DirectionCode("u"), "U");
  EXPECT_EQ(DirectionCode("Inngående dokument"), "I");
  EXPECT_EQ(DirectionCode("UTGÅENDE DOKUMENT"), "U");
  EXPECT_EQ(DirectionCode("Utgåande dokument"), "U");
  EXPECT_EQ(DirectionCode("Organinternt dokument for oppfølging"), "N");
  EXPECT_EQ(DirectionCode("Organinternt dokument uten oppfølging"), "X");
  EXPECT_EQ(DirectionCode("Organinternt dokument utan oppfølging"), "X");
  EXPECT_EQ(DirectionCode("Saksframlegg"), "S");
  EXPECT_EQ(DirectionCode(""), "");
  EXPECT_EQ(DirectionCode("Q"), "");
  EXPECT_EQ(DirectionCode("Inngående brev fra forelder"), "");
}

TEST(JournalImportHelpers, DocumentPathsResolveAgainstTheExport) {
  EXPECT_EQ(ResolveDocumentPath("/exports/2024", "pdf/a.pdf"), "/exports/2024/pdf/a.pdf");
  EXPECT_EQ(ResolveDocumentPath("/exports/2024", "../letters/b.pdf"), "/exports/letters/b.pdf");
  EXPECT_EQ(ResolveDocumentPath("/exports/2024", "./c.pdf"), "/exports/2024/c.pdf");
  EXPECT_EQ(ResolveDocumentPath("/exports/2024", "/archive/d.pdf"), "/archive/d.pdf");
  EXPECT_EQ(ResolveDocumentPath("/exports/2024", "dokumenter\\e.pdf"),
            "/exports/2024/dokumenter/e.pdf");
  EXPECT_TRUE(DirectoryOf("x/journal.csv").front() == '/');
  EXPECT_EQ(std::filesystem::path(DirectoryOf("x/journal.csv")).filename(), "x");
}

TEST(JournalImportHelpers, Utf8Validation) {
  EXPECT_TRUE(IsWellFormedUtf8("Bjørn Ås – «sak»"));
  EXPECT_FALSE(IsWellFormedUtf8("Bj\xF8rn"));      // Latin-1
  EXPECT_FALSE(IsWellFormedUtf8("\xC3"));          // cut short
  EXPECT_FALSE(IsWellFormedUtf8("\xC0\xAF"));      // overlong
  EXPECT_FALSE(IsWellFormedUtf8("\xED\xA0\x80"));  // surrogate
}

// ---------------------------------------------------------------------------------------
// CSV

const char kCsvHeader[] = "journal_number,journal_date,direction,title,access_code,document\n";

TEST(CsvJournal, DefaultColumns) {
  CollectingSink sink = ReadCsv(std::string(kCsvHeader) +
                                "2024/1270-3,2024-09-19,U,Underretning om skolemiljø,,pdf/a.pdf\n"
                                "2024/2474-1,14.02.2024,I,Søknad om permisjon,13,"
                                "pdf/b.pdf; ../scan/c.pdf\n");
  ASSERT_EQ(sink.entries.size(), 2u);
  EXPECT_TRUE(sink.skipped.empty());
  EXPECT_TRUE(sink.warnings.empty());
  const JournalEntry& a = sink.entries[0];
  EXPECT_EQ(a.journal_number, "2024/1270-3");
  EXPECT_EQ(a.journal_date, "2024-09-19");
  EXPECT_EQ(a.direction, "U");
  EXPECT_EQ(a.title, "Underretning om skolemiljø");
  EXPECT_EQ(a.access_code, "");
  EXPECT_EQ(a.documents, std::vector<std::string>{"/exports/2024/pdf/a.pdf"});
  const JournalEntry& b = sink.entries[1];
  EXPECT_EQ(b.journal_date, "2024-02-14");
  EXPECT_EQ(b.direction, "I");
  EXPECT_EQ(b.access_code, "13");
  EXPECT_EQ(b.documents,
            (std::vector<std::string>{"/exports/2024/pdf/b.pdf", "/exports/scan/c.pdf"}));
  EXPECT_EQ(sink.lines, (std::vector<int64_t>{2, 3}));
}

TEST(CsvJournal, QuotedFieldsWithDelimitersQuotesAndLineBreaks) {
  CollectingSink sink = ReadCsv(std::string(kCsvHeader) +
                                "1/1,2024-01-02,U,\"Vedtak, \"\"skolemiljø\"\" 8. trinn\",,a.pdf\n"
                                "1/2,2024-01-02,U,\"Første linje\nandre linje\",,\n"
                                "1/3,2024-01-02,U,Siste,,\n");
  ASSERT_EQ(sink.entries.size(), 3u);
  EXPECT_EQ(sink.entries[0].title, "Vedtak, \"skolemiljø\" 8. trinn");
  EXPECT_EQ(sink.entries[1].title, "Første linje\nandre linje");
  EXPECT_TRUE(sink.entries[1].documents.empty());
  // The record after a line break inside quotes starts on the physical line it is on.
  EXPECT_EQ(sink.lines, (std::vector<int64_t>{2, 3, 5}));
}

TEST(CsvJournal, ByteOrderMarkAndCrlf) {
  CollectingSink sink = ReadCsv(
      "\xEF\xBB\xBFjournal_number,journal_date,direction,title,access_code,document\r\n"
      "1/1,2024-01-02,U,\"To\r\nlinjer\",,a.pdf\r\n"
      "1/2,2024-01-03,I,Tittel,,b.pdf\r\n");
  ASSERT_EQ(sink.entries.size(), 2u);
  EXPECT_EQ(sink.entries[0].journal_number, "1/1");  // not "\xEF\xBB\xBFjournal..."
  EXPECT_EQ(sink.entries[0].title, "To\nlinjer");
  EXPECT_EQ(sink.entries[0].documents, std::vector<std::string>{"/exports/2024/a.pdf"});
  EXPECT_EQ(sink.entries[1].documents, std::vector<std::string>{"/exports/2024/b.pdf"});
  EXPECT_EQ(sink.lines, (std::vector<int64_t>{2, 4}));
}

TEST(CsvJournal, SemicolonDelimiterIsDetectedFromTheHeader) {
  CollectingSink sink = ReadCsv(
      "journal_number;journal_date;direction;title;access_code;document\n"
      "2024/5-1;02.01.2024;U;Svar på søknad, skoleskyss;;a.pdf\n");
  ASSERT_EQ(sink.entries.size(), 1u);
  EXPECT_EQ(sink.entries[0].title, "Svar på søknad, skoleskyss");
  EXPECT_EQ(sink.entries[0].journal_date, "2024-01-02");
}

TEST(CsvJournal, ExplicitDelimiter) {
  CsvJournalOptions options;
  options.delimiter = '|';
  CollectingSink sink =
      ReadCsv("journal_number|title|document\n2024/5-1|Svar; vedtak, skyss|a.pdf\n", options);
  ASSERT_EQ(sink.entries.size(), 1u);
  EXPECT_EQ(sink.entries[0].title, "Svar; vedtak, skyss");
}

TEST(CsvJournal, ColumnMappingForOtherExports) {
  CsvJournalOptions options;
  options.columns = {{"journal_number", "Journalpostnr"}, {"title", "Tittel"},
                     {"journal_date", "Journaldato"},     {"direction", "Type"},
                     {"access_code", "Tilgangskode"},     {"document", "Fil"},
                     {"parties", "Avsender/mottaker"}};
  options.ignored_columns = {"saksnr"};  // not shown in the public journal
  CollectingSink sink = ReadCsv(
      "Saksnr;JOURNALPOSTNR;Journaldato;Type;Tittel;Tilgangskode;Avsender/mottaker;Fil\n"
      "2024/17;2024/17-2;05.03.2024;Inngående dokument;Klage på vedtak;UO;"
      "Kari Nordmann, Bakkeveien 3, 8450 Nordvik;dok/17-2.pdf\n",
      options);
  ASSERT_EQ(sink.entries.size(), 1u);
  const JournalEntry& e = sink.entries[0];
  EXPECT_EQ(e.journal_number, "2024/17-2");
  EXPECT_EQ(e.journal_date, "2024-03-05");
  EXPECT_EQ(e.direction, "I");
  EXPECT_EQ(e.title, "Klage på vedtak");
  EXPECT_EQ(e.access_code, "UO");
  EXPECT_EQ(e.parties, std::vector<std::string>{"Kari Nordmann, Bakkeveien 3, 8450 Nordvik"});
  EXPECT_EQ(e.documents, std::vector<std::string>{"/exports/2024/dok/17-2.pdf"});
}

TEST(CsvJournal, OptionalColumns) {
  CollectingSink sink = ReadCsv(
      "journal_number,title,parties,document_date,legal_basis,public_title,screened_fields\n"
      "2024/9-1,Vedtak – Ola Nordmann,\"Ola Nordmann; Kari Nordmann, Bakkeveien 3\n"
      "Nordvik skole\",01.03.2024,Offl. § 13,Vedtak – *****,tittel\n");
  ASSERT_EQ(sink.entries.size(), 1u);
  const JournalEntry& e = sink.entries[0];
  EXPECT_EQ(e.parties, (std::vector<std::string>{"Ola Nordmann", "Kari Nordmann, Bakkeveien 3",
                                                 "Nordvik skole"}));
  EXPECT_EQ(e.document_date, "2024-03-01");
  EXPECT_EQ(e.legal_basis, "Offl. § 13");
  EXPECT_EQ(e.given_public_title, "Vedtak – *****");
  EXPECT_EQ(e.screened_fields, "tittel");
  EXPECT_EQ(e.journal_date, "");
  EXPECT_TRUE(e.documents.empty());
}

TEST(CsvJournal, MissingRequiredColumnIsAClearError) {
  const std::string no_title = JournalError(
      [] { ReadCsv("journal_number,journal_date,document\n2024/1-1,2024-01-01,a.pdf\n"); });
  EXPECT_NE(no_title.find("no column 'title'"), std::string::npos) << no_title;
  EXPECT_NE(no_title.find("--column title=NAME"), std::string::npos) << no_title;

  CsvJournalOptions options;
  options.columns = {{"journal_number", "Journalpostnr"}};
  const std::string mapped = JournalError([&] { ReadCsv(kCsvHeader, options); });
  EXPECT_NE(mapped.find("no column 'Journalpostnr' for the journal number"), std::string::npos)
      << mapped;

  EXPECT_NE(JournalError([] { ReadCsv(""); }).find("empty"), std::string::npos);

  CsvJournalOptions unknown;
  unknown.columns = {{"tittel", "Tittel"}};
  EXPECT_NE(JournalError([&] { ReadCsv(kCsvHeader, unknown); }).find("no journal field 'tittel'"),
            std::string::npos);
}

TEST(CsvJournal, BadRowsAreSkippedByLineNumberWithoutTheirText) {
  CollectingSink sink = ReadCsv(std::string(kCsvHeader) +
                                "2024/1-1,2024-01-01,U,God rad,,a.pdf\n"     // line 2
                                ",2024-01-01,U,Vedtak for Ola Nordmann,,\n"  // 3: no number
                                "2024/1-3,2024-01-01,U,  ,,\n"               // 4: no title
                                "\n"                                         // 5: blank
                                ",,,,,\n"                                    // 6: empty row
                                "2024/1-7,2024-01-01,U,Vedtak, Ola Nordmann,,a.pdf\n"  // 7
                                "2024/1-8,2024-01-01,U,\"Lang\ntittel\",,\n"           // 8-9
                                "2024/1-10,2024-01-01,U,,,\n");                        // 10
  ASSERT_EQ(sink.entries.size(), 2u);
  EXPECT_EQ(sink.entries[0].journal_number, "2024/1-1");
  EXPECT_EQ(sink.entries[1].journal_number, "2024/1-8");
  ASSERT_EQ(sink.skipped.size(), 4u);
  EXPECT_EQ(sink.skipped[0].line, 3);
  EXPECT_EQ(sink.skipped[0].reason, "no journal number");
  EXPECT_EQ(sink.skipped[1].line, 4);
  EXPECT_EQ(sink.skipped[1].reason, "no title");
  EXPECT_EQ(sink.skipped[2].line, 7);
  EXPECT_EQ(sink.skipped[2].reason,
            "7 fields where the header has 6 (a delimiter in an unquoted field?)");
  EXPECT_EQ(sink.skipped[3].line, 10);
  for (const Note& note : sink.skipped) {
    EXPECT_EQ(note.reason.find("Nordmann"), std::string::npos);
  }
}

TEST(CsvJournal, ExtraFieldsAreSkippedEvenWhenEmpty) {
  // The comma in the title moved the name into the access code column.
  CollectingSink shifted =
      ReadCsv(std::string(kCsvHeader) + "2024/1-1,2024-01-01,U,Vedtak, Ola Nordmann,,\n");
  EXPECT_TRUE(shifted.entries.empty());
  ASSERT_EQ(shifted.skipped.size(), 1u);
  EXPECT_EQ(shifted.skipped[0].reason,
            "7 fields where the header has 6 (a delimiter in an unquoted field?)");
  // Rows and header that all end with a delimiter agree; short rows are filled up.
  CollectingSink trailing = ReadCsv(
      "journal_number;title;document;\n"
      "2024/1-1;Tittel;a.pdf;\n"
      "2024/1-2;Kort\n");
  ASSERT_EQ(trailing.entries.size(), 2u);
  EXPECT_TRUE(trailing.skipped.empty());
  EXPECT_EQ(trailing.entries[0].documents, std::vector<std::string>{"/exports/2024/a.pdf"});
  EXPECT_TRUE(trailing.entries[1].documents.empty());
}

TEST(CsvJournal, UnreadableDatesAndDirectionsAreWarnings) {
  CollectingSink sink = ReadCsv(std::string(kCsvHeader) + "2024/1-1,31.02.2024,Brev ut,Tittel,,\n");
  ASSERT_EQ(sink.entries.size(), 1u);
  EXPECT_EQ(sink.entries[0].journal_date, "");
  EXPECT_EQ(sink.entries[0].direction, "");
  ASSERT_EQ(sink.warnings.size(), 2u);
  EXPECT_EQ(sink.warnings[0].line, 2);
  EXPECT_NE(sink.warnings[0].reason.find("journal date not understood"), std::string::npos);
  EXPECT_NE(sink.warnings[1].reason.find("direction not recognised"), std::string::npos);
}

TEST(CsvJournal, Windows1252OnRequest) {
  const std::string text =
      std::string(kCsvHeader) + "2024/1-1,2024-01-01,U,S\xF8knad \x96 skyss,,\n";
  CollectingSink as_utf8 = ReadCsv(text);
  EXPECT_TRUE(as_utf8.entries.empty());
  ASSERT_EQ(as_utf8.skipped.size(), 1u);
  EXPECT_NE(as_utf8.skipped[0].reason.find("--encoding windows-1252"), std::string::npos);
  CsvJournalOptions options;
  options.encoding = CsvEncoding::kWindows1252;
  CollectingSink converted = ReadCsv(text, options);
  ASSERT_EQ(converted.entries.size(), 1u);
  EXPECT_EQ(converted.entries[0].title, "Søknad – skyss");
}

TEST(CsvJournal, UnclosedQuoteStopsWithTheLineAfterTheRowsBeforeIt) {
  CollectingSink sink;
  std::istringstream in(std::string(kCsvHeader) + "2024/1-1,2024-01-01,U,Tittel,,a.pdf\n" +
                        "2024/1-2,2024-01-01,U,\"Uten slutt,,\n2024/1-3,2024-01-01,U,T,,\n");
  const std::string error = JournalError([&] { ReadCsvJournal(in, "/x", {}, sink); });
  EXPECT_EQ(error, "line 3: a quoted field is not closed before the end of the file");
  ASSERT_EQ(sink.entries.size(), 1u);
  EXPECT_EQ(sink.entries[0].journal_number, "2024/1-1");
}

TEST(CsvJournal, RecordReaderStreamsRecords) {
  std::istringstream in("a,\"b\"\"c\",d\n\n  \n\"x\ny\",z\r\nlast");
  CsvRecordReader reader(in, ',');
  CsvRecord r;
  ASSERT_TRUE(reader.Next(&r));
  EXPECT_EQ(r.line, 1);
  EXPECT_EQ(r.fields, (std::vector<std::string>{"a", "b\"c", "d"}));
  ASSERT_TRUE(reader.Next(&r));
  EXPECT_EQ(r.line, 4);
  EXPECT_EQ(r.fields, (std::vector<std::string>{"x\ny", "z"}));
  ASSERT_TRUE(reader.Next(&r));
  EXPECT_EQ(r.line, 6);
  EXPECT_EQ(r.fields, std::vector<std::string>{"last"});
  EXPECT_FALSE(reader.Next(&r));
}

// ---------------------------------------------------------------------------------------
// Noark 5

const char kNoarkOpen[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<arkiv xmlns=\"http://www.arkivverket.no/standarder/noark5/arkivstruktur\"\n"
    "       xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
    "<arkivdel><mappe xsi:type=\"saksmappe\">\n";
const char kNoarkClose[] = "</mappe></arkivdel></arkiv>\n";

std::string Noark(const std::string& registreringer) {
  return std::string(kNoarkOpen) + registreringer + kNoarkClose;
}

std::string Journalpost(const std::string& id, const std::string& title,
                        const std::string& more = "") {
  return "<registrering xsi:type=\"journalpost\"><registreringsID>" + id +
         "</registreringsID><tittel>" + title + "</tittel>" + more + "</registrering>\n";
}

// Reads registreringer inside an arkiv/arkivdel/mappe; the first is on line 5.
CollectingSink ReadJournalposts(const std::string& registreringer) {
  return ReadNoark(Noark(registreringer));
}

TEST(NoarkJournal, TheSample) {
  CollectingSink sink;
  const std::string path = std::string(SKJERM_SAMPLES_DIR) + "/noark/arkivstruktur.xml";
  ReadNoarkJournal(path, sink);
  const std::string letters =
      std::filesystem::path(SKJERM_SAMPLES_DIR).lexically_normal().string() + "/letters/";
  ASSERT_EQ(sink.entries.size(), 4u);
  ASSERT_EQ(sink.skipped.size(), 1u);
  EXPECT_EQ(sink.skipped[0].reason, "registrering of type arkivnotat, not a journalpost");
  EXPECT_TRUE(sink.warnings.empty());

  const JournalEntry& hold = sink.entries[0];
  EXPECT_EQ(hold.journal_number, "2024/1122-4");
  EXPECT_EQ(hold.title, "Vedtak om tiltak etter opplæringslova § 9 A-4 – Emil Solberg, 8. trinn");
  EXPECT_EQ(hold.given_public_title,
            "Vedtak om tiltak etter opplæringslova § 9 A-4 – ***** *******, 8. trinn");
  EXPECT_EQ(hold.direction, "U");
  EXPECT_EQ(hold.journal_date, "2024-09-02");
  EXPECT_EQ(hold.document_date, "2024-09-02");
  EXPECT_EQ(hold.access_code, "");
  EXPECT_EQ(hold.legal_basis, "");
  EXPECT_EQ(hold.parties,
            (std::vector<std::string>{"Mottaker: Ingrid Solberg, Lyngveien 7, 8450 Nordvik, "
                                      "926 41 857",
                                      "Avsender: Fjellstad skole"}));
  EXPECT_EQ(hold.documents, std::vector<std::string>{letters + "nb-vedtak-hold.pdf"});

  const JournalEntry& exempt = sink.entries[1];
  EXPECT_EQ(exempt.journal_number, "2024/1122-6");
  EXPECT_EQ(exempt.access_code, "U");
  EXPECT_EQ(exempt.legal_basis, "Offl. § 13 jf. fvl. § 13 (1) nr. 1");
  EXPECT_EQ(exempt.screened_fields, "Tittel – utvalgte ord, Navn mottaker");
  EXPECT_EQ(exempt.parties,
            std::vector<std::string>{"Mottaker: Ingrid Solberg, Lyngveien 7, 8450 Nordvik"});
  EXPECT_EQ(exempt.documents, std::vector<std::string>{letters + "nb-vedtak-exempt.pdf"});

  const JournalEntry& open = sink.entries[2];
  EXPECT_EQ(open.journal_number, "2024/1187-3");
  EXPECT_EQ(open.parties, std::vector<std::string>{"Mottaker: Nordvik Avis AS, Postboks 12, "
                                                   "8451 Nordvik, annonse@nordvikavis.example"});
  EXPECT_EQ(open.documents, std::vector<std::string>{letters + "nb-kunngjoring-pass.txt"});

  const JournalEntry& note = sink.entries[3];
  EXPECT_EQ(note.journal_number, "2024/6050-1");  // from journalaar/-sekvensnummer/-postnummer
  EXPECT_EQ(note.direction, "X");
  EXPECT_EQ(note.title, "Notat frå telefonsamtale om skyss for elev ved Fjellstad skule");
  EXPECT_EQ(note.documents, std::vector<std::string>{letters + "nb-sak-png.png"});
}

TEST(NoarkJournal, AnyPrefixesForTheNamespaces) {
  CollectingSink sink = ReadNoark(
      "<n5:arkiv xmlns:n5=\"http://www.arkivverket.no/standarder/noark5/arkivstruktur\"\n"
      "          xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
      "<n5:arkivdel><n5:mappe i:type=\"n5:saksmappe\">\n"
      "<n5:registrering i:type=\"n5:journalpost\">\n"
      "  <n5:registreringsID>2024/7-1</n5:registreringsID><n5:tittel>Prefiks</n5:tittel>\n"
      "</n5:registrering>\n"
      // xsi:type with the default namespace undeclared on the value: still journalpost.
      "<n5:registrering xmlns:x=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "x:type=\"journalpost\"><n5:registreringsID>2024/7-2</n5:registreringsID>"
      "<n5:tittel>Annet prefiks</n5:tittel></n5:registrering>\n"
      // A "type" attribute outside the schema-instance namespace is no type.
      "<n5:registrering type=\"arkivnotat\"><n5:registreringsID>2024/7-3</n5:registreringsID>"
      "<n5:tittel>Uten type</n5:tittel><n5:journalposttype>I</n5:journalposttype>"
      "</n5:registrering>\n"
      // A journalpost type from another vocabulary is not Noark's.
      "<n5:registrering xmlns:o=\"urn:other\" i:type=\"o:journalpost\">"
      "<n5:registreringsID>2024/7-4</n5:registreringsID><n5:tittel>Fremmed</n5:tittel>"
      "</n5:registrering>\n"
      // Elements of other namespaces are not Noark's fields.
      "<n5:registrering i:type=\"journalpost\" xmlns:o=\"urn:other\">"
      "<n5:registreringsID>2024/7-5</n5:registreringsID><o:tittel>Feil</o:tittel>"
      "<n5:tittel>Riktig</n5:tittel></n5:registrering>\n"
      // The prefix o of the registreringer before is no longer bound here: the type is
      // read as Noark's.
      "<n5:registrering i:type=\"o:journalpost\"><n5:registreringsID>2024/7-6"
      "</n5:registreringsID><n5:tittel>Ubundet</n5:tittel></n5:registrering>\n"
      "</n5:mappe></n5:arkivdel></n5:arkiv>\n");
  ASSERT_EQ(sink.entries.size(), 5u);
  EXPECT_EQ(sink.entries[0].journal_number, "2024/7-1");
  EXPECT_EQ(sink.entries[0].title, "Prefiks");
  EXPECT_EQ(sink.entries[1].journal_number, "2024/7-2");
  EXPECT_EQ(sink.entries[2].journal_number, "2024/7-3");
  EXPECT_EQ(sink.entries[2].direction, "I");
  EXPECT_EQ(sink.entries[3].journal_number, "2024/7-5");
  EXPECT_EQ(sink.entries[3].title, "Riktig");
  EXPECT_EQ(sink.entries[4].journal_number, "2024/7-6");
  ASSERT_EQ(sink.skipped.size(), 1u);
  EXPECT_EQ(sink.skipped[0].line, 9);
  EXPECT_EQ(sink.skipped[0].reason, "registrering of type journalpost, not a journalpost");
}

TEST(NoarkJournal, ElementOrderDoesNotMatter) {
  CollectingSink sink = ReadNoark(
      Noark("<registrering xsi:type=\"journalpost\">\n"
            "  <skjerming><skjermingMetadata>tittel</skjermingMetadata>"
            "<skjermingshjemmel>Offl. § 13</skjermingshjemmel>"
            "<tilgangsrestriksjon>13</tilgangsrestriksjon></skjerming>\n"
            "  <dokumentbeskrivelse><dokumentobjekt><referanseDokumentfil>dok/1.pdf"
            "</referanseDokumentfil></dokumentobjekt><tittel>Dokumentets tittel</tittel>"
            "</dokumentbeskrivelse>\n"
            "  <korrespondansepart><telefonnummer>900 00 000</telefonnummer><poststed>Nordvik"
            "</poststed><korrespondansepartNavn>Kari Nordmann</korrespondansepartNavn><postadresse>"
            "Bakkeveien 3</postadresse><korrespondanseparttype>Avsender</korrespondanseparttype>"
            "<postnummer>8450</postnummer><epostadresse>kari@example.no</epostadresse>"
            "</korrespondansepart>\n"
            "  <dokumentetsDato>2024-03-01T00:00:00+01:00</dokumentetsDato>\n"
            "  <journaldato>2024-03-04</journaldato><journalposttype>Inngående dokument"
            "</journalposttype>\n"
            "  <offentligTittel>Klage – *****</offentligTittel>\n"
            "  <tittel>Klage – Kari Nordmann</tittel>\n"
            "  <registreringsID>2024/8-1</registreringsID>\n"
            "</registrering>\n"));
  ASSERT_EQ(sink.entries.size(), 1u);
  const JournalEntry& e = sink.entries[0];
  EXPECT_EQ(e.journal_number, "2024/8-1");
  EXPECT_EQ(e.title, "Klage – Kari Nordmann");  // not the document's tittel
  EXPECT_EQ(e.given_public_title, "Klage – *****");
  EXPECT_EQ(e.direction, "I");
  EXPECT_EQ(e.journal_date, "2024-03-04");
  EXPECT_EQ(e.document_date, "2024-03-01");
  EXPECT_EQ(e.access_code, "13");
  EXPECT_EQ(e.legal_basis, "Offl. § 13");
  EXPECT_EQ(e.screened_fields, "tittel");
  EXPECT_EQ(e.parties, std::vector<std::string>{"Avsender: Kari Nordmann, Bakkeveien 3, 8450 "
                                                "Nordvik, kari@example.no, 900 00 000"});
  EXPECT_EQ(e.documents, std::vector<std::string>{"/deposit/dok/1.pdf"});
  EXPECT_EQ(sink.lines[0], 5);
}

TEST(NoarkJournal, RegistreringerAtAnyDepth) {
  CollectingSink sink = ReadNoark(
      "<arkiv xmlns=\"http://www.arkivverket.no/standarder/noark5/arkivstruktur\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
      "<arkivdel>" +
      Journalpost("2024/1-1", "Direkte under arkivdel") +
      "<klassifikasjonssystem><klasse><klasse><mappe xsi:type=\"saksmappe\"><mappe><mappe>" +
      Journalpost("2024/1-2", "Dypt nede") + "</mappe>" + Journalpost("2024/1-3", "Mellom") +
      "</mappe></mappe></klasse></klasse></klassifikasjonssystem></arkivdel></arkiv>");
  ASSERT_EQ(sink.entries.size(), 3u);
  EXPECT_EQ(sink.entries[0].journal_number, "2024/1-1");
  EXPECT_EQ(sink.entries[1].journal_number, "2024/1-2");
  EXPECT_EQ(sink.entries[2].journal_number, "2024/1-3");
}

TEST(NoarkJournal, OnlyJournalposterBecomeEntries) {
  CollectingSink sink = ReadJournalposts(
      "<registrering xsi:type=\"arkivnotat\"><registreringsID>2024/2-1</registreringsID>"
      "<tittel>Notat</tittel></registrering>\n"
      "<registrering xsi:type=\"moeteregistrering\"><registreringsID>2024/2-2</registreringsID>"
      "<tittel>Møte</tittel></registrering>\n"
      "<registrering xsi:type=\"basisregistrering\"><registreringsID>2024/2-3</registreringsID>"
      "<tittel>Basis</tittel></registrering>\n"
      "<registrering><registreringsID>2024/2-4</registreringsID><tittel>Uten type</tittel>"
      "</registrering>\n"
      "<registrering><journalaar>2024</journalaar><journalsekvensnummer>77"
      "</journalsekvensnummer><journalpostnummer>5</journalpostnummer><tittel>Uten type, med "
      "journalfelt</tittel><journalposttype>U</journalposttype></registrering>\n"
      "<registrering xsi:type=\"journalpost\"><registreringsID>2024/2-6</registreringsID>"
      "<tittel>Ekte</tittel></registrering>\n");
  ASSERT_EQ(sink.entries.size(), 2u);
  EXPECT_EQ(sink.entries[0].journal_number, "2024/77-5");
  EXPECT_EQ(sink.entries[1].journal_number, "2024/2-6");
  ASSERT_EQ(sink.skipped.size(), 4u);
  EXPECT_EQ(sink.skipped[0].line, 5);
  EXPECT_EQ(sink.skipped[0].reason, "registrering of type arkivnotat, not a journalpost");
  EXPECT_EQ(sink.skipped[1].reason, "registrering of type moeteregistrering, not a journalpost");
  EXPECT_EQ(sink.skipped[2].reason, "registrering without journal fields (not a journalpost)");
  EXPECT_EQ(sink.skipped[3].reason, "registrering without journal fields (not a journalpost)");
  EXPECT_EQ(sink.skipped[3].line, 8);
}

TEST(NoarkJournal, JournalpostWithoutNumberOrTitleIsSkipped) {
  CollectingSink sink = ReadJournalposts(
      "<registrering xsi:type=\"journalpost\"><tittel>Vedtak for Ola Nordmann</tittel>"
      "<journalaar>2024</journalaar></registrering>\n"
      "<registrering xsi:type=\"journalpost\"><registreringsID>2024/3-2</registreringsID>"
      "<tittel>  </tittel></registrering>\n");
  EXPECT_TRUE(sink.entries.empty());
  ASSERT_EQ(sink.skipped.size(), 2u);
  EXPECT_EQ(sink.skipped[0].line, 5);
  EXPECT_EQ(sink.skipped[0].reason,
            "journalpost without registreringsID or journalaar and journalsekvensnummer");
  EXPECT_EQ(sink.skipped[1].reason, "journalpost without tittel");
}

TEST(NoarkJournal, ScreeningOfADocumentScreensTheEntry) {
  const std::string document_screened =
      "<dokumentbeskrivelse><skjerming><tilgangsrestriksjon>UO</tilgangsrestriksjon>"
      "<skjermingshjemmel>Offl. § 13</skjermingshjemmel><skjermingMetadata>korrespondansepartNavn"
      "</skjermingMetadata></skjerming><dokumentobjekt><referanseDokumentfil>a.pdf"
      "</referanseDokumentfil></dokumentobjekt></dokumentbeskrivelse>"
      "<dokumentbeskrivelse><dokumentobjekt><referanseDokumentfil>b.pdf</referanseDokumentfil>"
      "</dokumentobjekt><dokumentobjekt><referanseDokumentfil>a.pdf</referanseDokumentfil>"
      "</dokumentobjekt></dokumentbeskrivelse>";
  CollectingSink sink =
      ReadJournalposts(Journalpost("2024/4-1", "Bare dokumentet skjermet", document_screened) +
                       Journalpost("2024/4-2", "Egen skjerming går foran",
                                   "<skjerming><tilgangsrestriksjon>P</tilgangsrestriksjon>"
                                   "<skjermingMetadata>tittel</skjermingMetadata></skjerming>" +
                                       document_screened) +
                       Journalpost("2024/4-3", "Ingen skjerming"));
  ASSERT_EQ(sink.entries.size(), 3u);
  const JournalEntry& inherited = sink.entries[0];
  EXPECT_EQ(inherited.access_code, "UO");
  EXPECT_EQ(inherited.legal_basis, "Offl. § 13");
  EXPECT_EQ(inherited.screened_fields, "korrespondansepartNavn");
  EXPECT_EQ(inherited.documents,
            (std::vector<std::string>{"/deposit/a.pdf", "/deposit/b.pdf"}));  // once each
  const JournalEntry& own = sink.entries[1];
  EXPECT_EQ(own.access_code, "P");
  EXPECT_EQ(own.legal_basis, "Offl. § 13");  // from the document: the entry has none
  EXPECT_EQ(own.screened_fields, "tittel, korrespondansepartNavn");
  EXPECT_EQ(sink.entries[2].access_code, "");
  EXPECT_EQ(sink.entries[2].screened_fields, "");
}

TEST(NoarkJournal, ScreeningOfAnEnclosingFolderIsInherited) {
  CollectingSink sink = ReadNoark(
      "<arkiv xmlns=\"http://www.arkivverket.no/standarder/noark5/arkivstruktur\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><arkivdel>"
      "<mappe><skjerming><tilgangsrestriksjon>KL</tilgangsrestriksjon>"
      "<skjermingshjemmel>Offl. § 13 jf. bvl. § 6-7</skjermingshjemmel></skjerming>"
      "<mappe>" +
      Journalpost("2024/5-1", "I skjermet mappe") + "</mappe></mappe><mappe>" +
      Journalpost("2024/5-2", "I åpen mappe") + "</mappe></arkivdel></arkiv>");
  ASSERT_EQ(sink.entries.size(), 2u);
  EXPECT_EQ(sink.entries[0].access_code, "KL");
  EXPECT_EQ(sink.entries[0].legal_basis, "Offl. § 13 jf. bvl. § 6-7");
  EXPECT_EQ(sink.entries[1].access_code, "");
}

TEST(NoarkJournal, EntitiesCdataAndNestedAddresses) {
  CollectingSink sink = ReadJournalposts(Journalpost(
      "2024/6-1", "Skyss &amp; <![CDATA[<opplæring>]]>",
      "<korrespondansepart><korrespondansepartNavn>Kari Nordmann</korrespondansepartNavn>"
      "<postadresse><adresselinje1>Bakkeveien 3</adresselinje1><adresselinje2>Leil. 2"
      "</adresselinje2><postnummer>8450</postnummer><poststed>Nordvik</poststed>"
      "</postadresse></korrespondansepart>"
      "<korrespondansepart><korrespondanseparttype>Kopimottaker</korrespondanseparttype>"
      "</korrespondansepart>"));
  ASSERT_EQ(sink.entries.size(), 1u);
  EXPECT_EQ(sink.entries[0].title, "Skyss & <opplæring>");
  EXPECT_EQ(sink.entries[0].parties,
            std::vector<std::string>{"Kari Nordmann, Bakkeveien 3, Leil. 2, 8450 Nordvik"});
}

TEST(NoarkJournal, UnknownTypesAndDatesAreWarnings) {
  CollectingSink sink = ReadJournalposts(
      Journalpost("2024/9-1", "Tittel",
                  "<journalposttype>Brev</journalposttype><journaldato>i går</journaldato>"));
  ASSERT_EQ(sink.entries.size(), 1u);
  EXPECT_EQ(sink.entries[0].direction, "");
  EXPECT_EQ(sink.entries[0].journal_date, "");
  ASSERT_EQ(sink.warnings.size(), 2u);
  EXPECT_EQ(sink.warnings[0].reason, "journalposttype not recognised; direction left empty");
  EXPECT_EQ(sink.warnings[1].reason, "journaldato is not a date; left empty");
}

TEST(NoarkJournal, MalformedXmlNamesLineAndColumnAfterTheEntriesBefore) {
  CollectingSink sink;
  std::istringstream in(Noark(Journalpost("2024/1-1", "Første") +
                              "<registrering xsi:type=\"journalpost\">\n"
                              "  <registreringsID>2024/1-2</registreringsID>\n"
                              "  <tittel>Andre</titel>\n"
                              "</registrering>\n"));
  const std::string error = JournalError([&] { ReadNoarkJournal(in, "/d", sink); });
  EXPECT_EQ(error, "line 8, column 18: mismatched tag");
  ASSERT_EQ(sink.entries.size(), 1u);
  EXPECT_EQ(sink.entries[0].journal_number, "2024/1-1");
}

TEST(NoarkJournal, TruncatedFileIsAnError) {
  const std::string whole =
      Noark(Journalpost("2024/1-1", "Første") + Journalpost("2024/1-2", "Andre"));
  CollectingSink sink;
  std::istringstream in(whole.substr(0, whole.find("2024/1-2")));
  const std::string error = JournalError([&] { ReadNoarkJournal(in, "/d", sink); });
  EXPECT_NE(error.find("line 6"), std::string::npos) << error;
  EXPECT_EQ(sink.entries.size(), 1u);
}

TEST(NoarkJournal, OtherXmlIsRefused) {
  EXPECT_EQ(JournalError([] {
              ReadNoark("<?xml version=\"1.0\"?><mets xmlns=\"http://www.loc.gov/METS/\"/>");
            }),
            "root element <mets> in namespace http://www.loc.gov/METS/ is not a format skjerm "
            "imports (it reads Noark 5 arkivstruktur.xml and CSV)");
  EXPECT_EQ(JournalError([] { ReadNoark(""); }), "line 1, column 1: no element found");
}

TEST(NoarkJournal, AnErrorOfTheSinkEndsTheReading) {
  class FailingSink : public CollectingSink {
   public:
    void OnEntry(JournalEntry, int64_t) override { throw std::runtime_error("disk full"); }
  } sink;
  std::istringstream in(Noark(Journalpost("2024/1-1", "A") + Journalpost("2024/1-2", "B")));
  EXPECT_THROW(ReadNoarkJournal(in, "/d", sink), std::runtime_error);
}

TEST(NoarkJournal, LongFieldsAreCut) {
  CollectingSink sink = ReadJournalposts(Journalpost("2024/1-1", std::string(100000, 'x')));
  ASSERT_EQ(sink.entries.size(), 1u);
  EXPECT_EQ(sink.entries[0].title.size(), 65536u);
  ASSERT_EQ(sink.warnings.size(), 1u);
  EXPECT_EQ(sink.warnings[0].reason, "a field longer than 64 KiB was cut");
}

// ---------------------------------------------------------------------------------------
// Importing into the store

class JournalImportStore : public JournalStoreTest {
 protected:
  JournalImportResult Import(const std::string& path, JournalFormat format,
                             size_t batch_size = 500) {
    JournalImportOptions options;
    options.format = format;
    options.batch_size = batch_size;
    return ImportJournalFile(*store_, path, options);
  }

  std::vector<StoredEntry> All() {
    std::vector<StoredEntry> out;
    Statement st = db_->Prepare("SELECT id FROM journal_entry ORDER BY journal_number");
    while (st.Step()) out.push_back(store_->Load(st.ColumnInt(0)));
    return out;
  }
};

const char kJournalCsv[] =
    "journal_number,journal_date,direction,title,access_code,document,parties\n"
    "2024/1-1,2024-01-02,U,\"Vedtak, skyss – Ola Nordmann\",,a.pdf,\"Kari Nordmann; "
    "Bakkeveien 3\"\n"
    "2024/1-2,03.01.2024,I,Søknad om permisjon,13,b.pdf;c.pdf,\n"
    "2024/1-3,2024-01-04,N,Internt notat,,,\n";

bool SameEntry(const JournalEntry& a, const JournalEntry& b) {
  return a.journal_number == b.journal_number && a.journal_date == b.journal_date &&
         a.document_date == b.document_date && a.direction == b.direction && a.title == b.title &&
         a.given_public_title == b.given_public_title && a.parties == b.parties &&
         a.access_code == b.access_code && a.legal_basis == b.legal_basis &&
         a.screened_fields == b.screened_fields && a.documents == b.documents;
}

TEST_F(JournalImportStore, ImportingTwiceChangesNothing) {
  const std::string path = Write("journal.csv", kJournalCsv);
  const JournalImportResult first = Import(path, JournalFormat::kCsv);
  EXPECT_TRUE(first.complete());
  EXPECT_EQ(first.added, 3);
  EXPECT_EQ(first.changed + first.unchanged + first.skipped, 0);
  const std::vector<StoredEntry> before = All();
  ASSERT_EQ(before.size(), 3u);
  EXPECT_EQ(before[0].entry.title, "Vedtak, skyss – Ola Nordmann");
  EXPECT_EQ(before[0].entry.parties, (std::vector<std::string>{"Kari Nordmann", "Bakkeveien 3"}));
  EXPECT_EQ(before[1].entry.documents,
            (std::vector<std::string>{dir_ + "/b.pdf", dir_ + "/c.pdf"}));
  EXPECT_EQ(before[0].status, EntryStatus::kPending);

  const JournalImportResult second = Import(path, JournalFormat::kCsv);
  EXPECT_EQ(second.unchanged, 3);
  EXPECT_EQ(second.added + second.changed + second.skipped, 0);
  EXPECT_NE(second.run, first.run);
  const std::vector<StoredEntry> after = All();
  ASSERT_EQ(after.size(), 3u);
  for (size_t i = 0; i < after.size(); ++i) {
    EXPECT_TRUE(SameEntry(before[i].entry, after[i].entry)) << i;
    EXPECT_EQ(before[i].id, after[i].id);
    EXPECT_EQ(before[i].status, after[i].status);
  }
  const std::vector<RunSummary> runs = store_->LastRuns(2);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].command, "import");
  EXPECT_EQ(runs[0].entries, 3);
  EXPECT_EQ(runs[0].note, "added 0, changed 0, unchanged 3, skipped 0");
  EXPECT_FALSE(runs[0].finished_at.empty());
}

TEST_F(JournalImportStore, AChangedTitleMakesTheEntryChangedAndPending) {
  const std::string path = Write("journal.csv", kJournalCsv);
  Import(path, JournalFormat::kCsv);
  const StoredEntry published = *store_->FindByNumber("2024/1-2");
  store_->SetStatus(published.id, EntryStatus::kPublished, 0, "test");

  std::string edited = kJournalCsv;
  const std::string old_title = "Søknad om permisjon";
  edited.replace(edited.find(old_title), old_title.size(), "Søknad om permisjon for elev i 7B");
  Write("journal.csv", edited);
  const JournalImportResult again = Import(path, JournalFormat::kCsv);
  EXPECT_EQ(again.changed, 1);
  EXPECT_EQ(again.unchanged, 2);
  EXPECT_EQ(again.skipped, 0);
  const StoredEntry changed = *store_->FindByNumber("2024/1-2");
  EXPECT_EQ(changed.id, published.id);
  EXPECT_EQ(changed.entry.title, "Søknad om permisjon for elev i 7B");
  EXPECT_EQ(changed.status, EntryStatus::kPending);
}

TEST_F(JournalImportStore, PublishedStatusOnRequest) {
  JournalImportOptions options;
  options.status = EntryStatus::kPublished;
  ImportJournalFile(*store_, Write("journal.csv", kJournalCsv), options);
  for (const StoredEntry& e : All()) EXPECT_EQ(e.status, EntryStatus::kPublished);
}

TEST_F(JournalImportStore, ARepeatedJournalNumberIsImportedOnceFromItsFirstRecord) {
  const std::string path = Write("journal.csv",
                                 "journal_number,title\n"
                                 "2024/1-1,Første\n"
                                 "2024/1-2,Annen\n"
                                 "2024/1-1,\"Første, rettet\"\n");
  const JournalImportResult first = Import(path, JournalFormat::kCsv);
  EXPECT_EQ(first.added, 2);
  EXPECT_EQ(first.skipped, 1);
  ASSERT_EQ(first.skipped_notes.size(), 1u);
  EXPECT_EQ(first.skipped_notes[0].line, 4);
  EXPECT_EQ(first.skipped_notes[0].reason, "journal number repeated (first on line 2)");
  EXPECT_EQ(store_->FindByNumber("2024/1-1")->entry.title, "Første");
  const JournalImportResult second = Import(path, JournalFormat::kCsv);
  EXPECT_EQ(second.unchanged, 2);
  EXPECT_EQ(second.changed, 0);
  EXPECT_EQ(second.skipped, 1);
}

TEST_F(JournalImportStore, SmallBatchesCommitEverything) {
  std::string text = "journal_number,title\n";
  for (int i = 1; i <= 7; ++i) text += "2024/2-" + std::to_string(i) + ",Tittel\n";
  const JournalImportResult result = Import(Write("j.csv", text), JournalFormat::kCsv, 2);
  EXPECT_EQ(result.added, 7);
  EXPECT_EQ(All().size(), 7u);
}

TEST_F(JournalImportStore, MalformedXmlKeepsTheEntriesBeforeTheFault) {
  const std::string path =
      Write("arkivstruktur.xml", Noark(Journalpost("2024/1-1", "A") + Journalpost("2024/1-2", "B") +
                                       "<registrering><tittel>C</registrering>"));
  const JournalImportResult result = Import(path, JournalFormat::kNoark, 1);
  EXPECT_FALSE(result.complete());
  EXPECT_EQ(result.error, "line 7, column 26: mismatched tag");
  EXPECT_EQ(result.added, 2);
  EXPECT_EQ(All().size(), 2u);
  const std::vector<RunSummary> runs = store_->LastRuns(1);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].note,
            "added 2, changed 0, unchanged 0, skipped 0; incomplete: line 7, column 26: "
            "mismatched tag");
}

TEST_F(JournalImportStore, TheNoarkSampleImportsIdempotently) {
  const std::string path = std::string(SKJERM_SAMPLES_DIR) + "/noark/arkivstruktur.xml";
  const JournalImportResult first = Import(path, JournalFormat::kNoark);
  EXPECT_TRUE(first.complete());
  EXPECT_EQ(first.added, 4);
  EXPECT_EQ(first.skipped, 1);
  EXPECT_EQ(first.skipped_by_reason.at("registrering of type arkivnotat, not a journalpost"), 1);
  const JournalImportResult second = Import(path, JournalFormat::kNoark);
  EXPECT_EQ(second.unchanged, 4);
  EXPECT_EQ(second.added + second.changed, 0);
  const StoredEntry e = *store_->FindByNumber("2024/1122-6");
  EXPECT_EQ(e.entry.access_code, "U");
  EXPECT_EQ(e.entry.parties,
            std::vector<std::string>{"Mottaker: Ingrid Solberg, Lyngveien 7, 8450 Nordvik"});
}

TEST_F(JournalImportStore, ReadingFaultsAreResultsNotExceptions) {
  const JournalImportResult missing = Import(dir_ + "/none.csv", JournalFormat::kCsv);
  EXPECT_EQ(missing.error, "cannot open the file");
  const JournalImportResult no_header = Import(Write("x.csv", "a,b\n1,2\n"), JournalFormat::kCsv);
  EXPECT_NE(no_header.error.find("no column 'journal_number'"), std::string::npos);
}

TEST_F(JournalImportStore, FormatDetection) {
  EXPECT_EQ(DetectJournalFormat(Write("a.XML", "x")), JournalFormat::kNoark);
  EXPECT_EQ(DetectJournalFormat(Write("a.csv", "<x")), JournalFormat::kCsv);
  EXPECT_EQ(DetectJournalFormat(Write("export", "\xEF\xBB\xBF  \n<?xml version=\"1.0\"?>")),
            JournalFormat::kNoark);
  EXPECT_EQ(DetectJournalFormat(Write("export2", "journal_number,title\n")), JournalFormat::kCsv);
  std::filesystem::create_directory(dir_ + "/dir.d");
  EXPECT_EQ(DetectJournalFormat(Write("dir.d/export3", "<")), JournalFormat::kNoark);
}

}  // namespace
}  // namespace skjerm
