#include "policy/exemption_marking.h"
#include "temp_folder.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace skjerm {
namespace {

// All letters below are invented: people, schools, case numbers.

std::string PatternsDir() {
  const char* dir = std::getenv("SKJERM_PATTERNS_DIR");
  return dir != nullptr && *dir != '\0' ? dir : SKJERM_PATTERNS_DIR;
}

const ExemptionMarkingFinder& Finder() {
  static const std::unique_ptr<ExemptionMarkingFinder> finder =
      ExemptionMarkingFinder::FromFile(PatternsDir() + "/markings.toml");
  return *finder;
}

DocumentText Pages(const std::vector<std::string>& pages) {
  DocumentText text;
  for (size_t i = 0; i < pages.size(); ++i) {
    Location location;
    location.page = static_cast<int>(i) + 1;
    text.units.push_back(TextUnit{location, TextView(pages[i])});
  }
  return text;
}

std::optional<ExemptionMarking> FindIn(const std::vector<std::string>& pages) {
  return Finder().Find(Pages(pages));
}

std::string Describe(const std::optional<ExemptionMarking>& m) {
  if (!m) return "no marking";
  return "'" + m->phrase + "' basis '" + m->basis + "' " + m->language + " page " +
         std::to_string(m->page) + " " + MarkingPositionName(m->position);
}

// The parts of an ordinary letter in each language, without any marking.
struct LetterParts {
  std::string letterhead;
  std::string recipient;
  std::string reference;  // a header line with a right-hand column
  std::string subject_label;
  std::string subject;
  std::string heading;
  std::string paragraph1;
  std::string paragraph2;
  std::string closing;
  std::string footer;
};

const LetterParts& Parts(const std::string& lang) {
  static const LetterParts nb{
      "Sørbygda kommune - Nordli skole\nSkolevegen 3, 2342 Sørbygda · Telefon 62 94 12 00",
      "Kari Nordmann\nGranlia 5\n2342 Sørbygda",
      "Vår ref.: 24/01402-2          Dato: 21.10.2024",
      "Sak:",
      "Vedtak om spesialundervisning",
      "VEDTAK OM SPESIALUNDERVISNING",
      "Skolen har vurdert saken og gjør vedtak om spesialundervisning for eleven i\n"
      "skoleåret 2024/2025. Vi viser til sakkyndig vurdering fra PP-tjenesten.",
      "Vedtaket er gjort med hjemmel i opplæringslova § 11-6. Dere kan klage innen tre\n"
      "uker etter at dere fikk brevet.",
      "Med hilsen\n\nPer Hansen\nrektor",
      "Nordli skole · Postboks 12, 2342 Sørbygda · www.sorbygda.kommune.no"};
  static const LetterParts nn{
      "Lidal kommune - Lidal skule\nSkuletunet 1, 5740 Lidal · tlf. 56 53 21 00",
      "Gunhild Aarvik\nNedre Lid 4\n5740 Lidal",
      "Vår ref.: 24/00655-5          Dato: 11.06.2024",
      "Sak:",
      "Vedtak om spesialundervisning",
      "VEDTAK OM SPESIALUNDERVISNING",
      "Lidal skule gjer vedtak om at eleven skal få spesialundervisning i\n"
      "skuleåret 2024/2025. Vi viser til sakkunnig vurdering frå PP-tenesta.",
      "Du kan klage på vedtaket til Statsforvaltaren innan tre veker etter at du\n"
      "fekk brevet.",
      "Med helsing\n\nNils Dale\nrektor",
      "Lidal skule · Skuletunet 1, 5740 Lidal · www.lidal.kommune.no"};
  static const LetterParts sv{
      "Lövåsa kommun - Ängsskolan\nSkolgatan 8, 372 30 Lövåsa · Växel 0455-30 50 00",
      "Therese Strand\nBjörkvägen 31\n372 36 Lövåsa",
      "Dnr: BUN 2024/290          Datum: 2024-05-06",
      "Ärende:",
      "Åtgärdsprogram",
      "ÅTGÄRDSPROGRAM FÖR ELEV",
      "Eleven har sedan höstterminen haft svårt att fokusera och behöver stöd i\n"
      "skolarbetet. Skolan har därför utarbetat ett åtgärdsprogram.",
      "Åtgärdsprogrammet utvärderas den 10 juni. Kontakta mentor om du har\n"
      "frågor om programmet.",
      "Med vänlig hälsning\n\nKarin Sjöberg\nrektor",
      "Ängsskolan · Skolgatan 8, 372 30 Lövåsa · www.lovasa.se"};
  static const LetterParts da{
      "Lindholt Kommune - Bøgely Skole\nSkolevej 12, 4720 Lindholt · Telefon 55 36 20 00",
      "Maria Andersen\nEngvej 3\n4720 Lindholt",
      "Sagsnr.: 24-1234          Dato: 19.09.2024",
      "Vedr.:",
      "Afgørelse om specialundervisning",
      "AFGØRELSE OM SPECIALUNDERVISNING",
      "Skolen har behandlet sagen og træffer afgørelse om specialundervisning i\n"
      "skoleåret 2024/2025. Vi henviser til den pædagogiske vurdering.",
      "Du kan klage over afgørelsen inden fire uger. Kontakt skolen, hvis du har\n"
      "spørgsmål til afgørelsen.",
      "Med venlig hilsen\n\nHanne Vestergaard\nskoleleder",
      "Bøgely Skole · Skolevej 12, 4720 Lindholt · www.lindholt.dk"};
  if (lang == "nn") return nn;
  if (lang == "sv") return sv;
  if (lang == "da") return da;
  return nb;
}

enum class Place { kNone, kHeader, kStamp, kSubject, kSubjectAfterDash, kFooter };

// One page of a letter in `lang` with `marking` (may span lines) at `place`.
std::string Letter(const std::string& lang, Place place, const std::string& marking) {
  const LetterParts& p = Parts(lang);
  std::string s = p.letterhead + "\n\n";
  if (place == Place::kHeader) s += marking + "\n\n";
  s += p.recipient + "\n\n" + p.reference + "\n";
  if (place == Place::kSubject) s += p.subject_label + " " + marking + "\n";
  if (place == Place::kSubjectAfterDash) {
    s += p.subject_label + " " + p.subject + " - " + marking + "\n";
  }
  s += "\n" + p.heading + "\n\n" + p.paragraph1 + "\n\n";
  if (place == Place::kStamp) s += marking + "\n\n";
  s += p.paragraph2 + "\n\n" + p.closing + "\n\n" + p.footer + "\n";
  if (place == Place::kFooter) s += marking + "\n";
  return s;
}

MarkingPosition PositionOf(Place place) {
  switch (place) {
    case Place::kHeader:
      return MarkingPosition::kHeader;
    case Place::kStamp:
      return MarkingPosition::kStamp;
    case Place::kSubject:
    case Place::kSubjectAfterDash:
      return MarkingPosition::kSubject;
    case Place::kFooter:
      return MarkingPosition::kFooter;
    case Place::kNone:
      break;
  }
  return MarkingPosition::kHeader;
}

// A wording and what the finder must report for it.
struct Wording {
  std::string lang;
  std::string marking;  // as printed
  std::string phrase;   // expected phrase
  std::string basis;    // expected basis
  // Weak words without a basis count only in the header block and the footer; a legal basis
  // alone counts in the header block, the footer and the subject line.
  enum Kind { kStrong, kWeakAlone, kBasisAlone } kind = kStrong;
};

const std::vector<Wording>& Wordings() {
  static const std::vector<Wording> wordings = {
      // Norwegian bokmål
      {"nb", "Unntatt offentlighet", "Unntatt offentlighet", ""},
      {"nb", "Unntatt offentlighet iht.: Offl. § 13 jf. fvl. § 13 (1) nr. 1",
       "Unntatt offentlighet", "Offl. § 13 jf. fvl. § 13 (1) nr. 1"},
      {"nb", "U.off.", "U.off.", ""},
      {"nb", "U. off.: offl. § 13, jf. fvl. § 13 første ledd nr. 1", "U. off.",
       "offl. § 13, jf. fvl. § 13 første ledd nr. 1"},
      {"nb", "Unntatt offentlighet Offl §13 jf fvl §13", "Unntatt offentlighet",
       "Offl §13 jf fvl §13"},
      {"nb", "Unntatt offentlighet, jf. offentleglova § 13", "Unntatt offentlighet",
       "offentleglova § 13"},
      {"nb", "Unntatt offentlighet jf. offl. § 13 jf. fvl. § 13 (1) nr.1", "Unntatt offentlighet",
       "offl. § 13 jf. fvl. § 13 (1) nr.1"},
      {"nb", "UNNTATT OFFENTLIGHET JF. OFFL. § 13", "UNNTATT OFFENTLIGHET", "OFFL. § 13"},
      {"nb", "Unntatt  offentlighet ,  jf  offl.  §  13", "Unntatt offentlighet", "offl. § 13"},
      {"nb", "Taushetsbelagt", "Taushetsbelagt", ""},
      {"nb", "Taushetsbelagt etter fvl. § 13", "Taushetsbelagt", "fvl. § 13"},
      {"nb", "Fortrolig jf. beskyttelsesinstruksen", "Fortrolig", "beskyttelsesinstruksen"},
      {"nb", "FORTROLIG", "FORTROLIG", "", Wording::kWeakAlone},
      {"nb", "Fortrolig", "Fortrolig", "", Wording::kWeakAlone},
      {"nb", "jf. offentleglova § 13", "offentleglova § 13", "offentleglova § 13",
       Wording::kBasisAlone},
      {"nb", "Offl. § 13 jf. fvl. § 13", "Offl. § 13 jf. fvl. § 13", "Offl. § 13 jf. fvl. § 13",
       Wording::kBasisAlone},
      // Nynorsk
      {"nn", "Unnateke offentlegheit", "Unnateke offentlegheit", ""},
      {"nn", "Unnateke frå innsyn", "Unnateke frå innsyn", ""},
      {"nn", "Unnateke frå innsyn, jf. offentleglova § 13 fyrste ledd", "Unnateke frå innsyn",
       "offentleglova § 13 fyrste ledd"},
      {"nn", "Unnateke offentlegheit jf. offl. §13", "Unnateke offentlegheit", "offl. §13"},
      {"nn", "Teiepliktig etter forvaltningslova § 13", "Teiepliktig", "forvaltningslova § 13"},
      {"nn", "Teieplikt", "Teieplikt", "", Wording::kWeakAlone},
      {"nn", "Teieplikt, jf. forvaltningslova § 13", "Teieplikt", "forvaltningslova § 13"},
      // Swedish
      {"sv", "Sekretess", "Sekretess", "", Wording::kWeakAlone},
      {"sv", "SEKRETESS", "SEKRETESS", "", Wording::kWeakAlone},
      {"sv", "Sekretessbelagd", "Sekretessbelagd", ""},
      {"sv", "Omfattas av sekretess", "Omfattas av sekretess", ""},
      {"sv", "Sekretess enligt 23 kap. 2 § offentlighets- och sekretesslagen (2009:400)",
       "Sekretess", "23 kap. 2 § offentlighets- och sekretesslagen (2009:400)"},
      {"sv", "Sekretess enligt OSL 23:2", "Sekretess", "OSL 23:2"},
      {"sv", "OSL 23:2", "OSL 23:2", "OSL 23:2", Wording::kBasisAlone},
      {"sv", "Hemlig", "Hemlig", "", Wording::kWeakAlone},
      {"sv", "Hemlig enligt 26 kap. 1 § OSL", "Hemlig", "26 kap. 1 § OSL"},
      {"sv", "Omfattas av sekretess enligt 21 kap. 3 § OSL", "Omfattas av sekretess",
       "21 kap. 3 § OSL"},
      // Finland-Swedish and Finnish (offentlighetslagen / julkisuuslaki 621/1999)
      {"sv", "Sekretessbelagd enligt 24 § 1 mom. 25 p. offentlighetslagen", "Sekretessbelagd",
       "24 § 1 mom. 25 p. offentlighetslagen"},
      {"sv", "Salassa pidettävä", "Salassa pidettävä", ""},
      {"sv", "Salassa pidettävä, JulkL 24 §", "Salassa pidettävä", "JulkL 24 §"},
      {"sv", "Sekretess enl. 23 kap. 2 § OSL", "Sekretess", "23 kap. 2 § OSL"},
      // Danish
      {"da", "Fortroligt", "Fortroligt", "", Wording::kWeakAlone},
      {"da", "Undtaget fra aktindsigt", "Undtaget fra aktindsigt", ""},
      {"da", "Undtaget fra aktindsigt, jf. offentlighedslovens § 30, nr. 1",
       "Undtaget fra aktindsigt", "offentlighedslovens § 30, nr. 1"},
      {"da", "Tavshedsbelagt", "Tavshedsbelagt", ""},
      {"da", "Fortroligt, jf. offentlighedslovens § 30", "Fortroligt", "offentlighedslovens § 30"},
  };
  return wordings;
}

bool Counts(const Wording& w, Place place) {
  switch (w.kind) {
    case Wording::kStrong:
      return true;
    case Wording::kWeakAlone:
      return place == Place::kHeader || place == Place::kFooter;
    case Wording::kBasisAlone:
      return place != Place::kStamp && place != Place::kSubjectAfterDash;
  }
  return false;
}

void ExpectMarking(const std::optional<ExemptionMarking>& m, const std::string& phrase,
                   const std::string& basis, const std::string& lang, int page,
                   MarkingPosition position) {
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->phrase, phrase);
  EXPECT_EQ(m->basis, basis);
  EXPECT_EQ(m->language, lang);
  EXPECT_EQ(m->page, page);
  EXPECT_EQ(MarkingPositionName(m->position), std::string(MarkingPositionName(position)));
}

TEST(ExemptionMarkingTest, LettersWithoutMarkingHaveNone) {
  for (const char* lang : {"nb", "nn", "sv", "da"}) {
    SCOPED_TRACE(lang);
    EXPECT_FALSE(FindIn({Letter(lang, Place::kNone, "")}).has_value());
  }
}

void CheckPlace(Place place) {
  for (const Wording& w : Wordings()) {
    SCOPED_TRACE(w.marking);
    const std::optional<ExemptionMarking> m = FindIn({Letter(w.lang, place, w.marking)});
    if (Counts(w, place)) {
      ExpectMarking(m, w.phrase, w.basis, w.lang, 1, PositionOf(place));
    } else {
      EXPECT_FALSE(m.has_value()) << Describe(m);
    }
  }
}

TEST(ExemptionMarkingTest, EveryWordingInTheHeaderBlock) { CheckPlace(Place::kHeader); }
TEST(ExemptionMarkingTest, EveryWordingAsStampInTheBody) { CheckPlace(Place::kStamp); }
TEST(ExemptionMarkingTest, EveryWordingInTheSubjectLine) { CheckPlace(Place::kSubject); }
TEST(ExemptionMarkingTest, EveryWordingAfterADashInTheSubject) {
  for (const Wording& w : Wordings()) {
    SCOPED_TRACE(w.marking);
    const std::optional<ExemptionMarking> m =
        FindIn({Letter(w.lang, Place::kSubjectAfterDash, w.marking)});
    // After a dash a weak word needs its legal basis, and a basis alone is no subject.
    if (w.kind == Wording::kStrong) {
      ExpectMarking(m, w.phrase, w.basis, w.lang, 1, MarkingPosition::kSubject);
    } else {
      EXPECT_FALSE(m.has_value()) << Describe(m);
    }
  }
}
TEST(ExemptionMarkingTest, EveryWordingInTheFooter) { CheckPlace(Place::kFooter); }

TEST(ExemptionMarkingTest, HeadingInCapitalsCarriesTheMarkingAfterADash) {
  const std::string page =
      "Sørbygda kommune - Nordli skole\n\nKari Nordmann\nGranlia 5\n2342 Sørbygda\n\n"
      "VEDTAK OM SPESIALUNDERVISNING - UNNTATT OFFENTLIGHET\n\n" +
      Parts("nb").paragraph1 + "\n";
  ExpectMarking(FindIn({page}), "UNNTATT OFFENTLIGHET", "", "nb", 1, MarkingPosition::kSubject);
}

// The marking may open the subject line, the subject following after a dash: nynorsk with
// its basis, Danish without one.
TEST(ExemptionMarkingTest, AMarkingOpensTheSubjectLineBeforeADash) {
  const std::string nn =
      "Fjordvik kommune\n\nVår ref.: 24/905-6          Dato: 11.07.2024\n\n"
      "Unnateke frå innsyn jf. offl. § 13 – VARSEL OM MOGLEG NEDSETT KARAKTER\n\n" +
      Parts("nn").paragraph1 + "\n";
  ExpectMarking(FindIn({nn}), "Unnateke frå innsyn", "offl. § 13", "nn", 1,
                MarkingPosition::kSubject);
  const std::string da =
      "Odense Kommune\n\nFortroligt – må ikke videregives\n\n"
      "UNDERRETNING TIL FAMILIEAFDELINGEN\n\n" +
      Parts("da").paragraph1 + "\n";
  ExpectMarking(FindIn({da}), "Fortroligt", "", "da", 1, MarkingPosition::kSubject);
  // Traps: a weak word before a dash in running text, and a hyphenated law name that runs on.
  const std::string running = "Odense Kommune\n\nUNDERRETNING\n\n" + Parts("da").paragraph1 +
                              " Vi taler om fortroligt - og det gør vi ofte.\n";
  EXPECT_FALSE(FindIn({running}).has_value());
}

TEST(ExemptionMarkingTest, RightAlignedAfterAWideGapOnAHeaderLine) {
  std::string page = Letter("nb", Place::kNone, "");
  page.replace(page.find("Vår ref.: 24/01402-2          Dato: 21.10.2024"),
               std::string("Vår ref.: 24/01402-2          Dato: 21.10.2024").size(),
               "Vår ref.: 24/123          Unntatt offentlighet");
  ExpectMarking(FindIn({page}), "Unntatt offentlighet", "", "nb", 1, MarkingPosition::kHeader);

  // A weak word too, when it stands alone in its column of the header block.
  std::string sv = Letter("sv", Place::kNone, "");
  sv.replace(sv.find("Datum: 2024-05-06"), std::string("Datum: 2024-05-06").size(), "Sekretess");
  ExpectMarking(FindIn({sv}), "Sekretess", "", "sv", 1, MarkingPosition::kHeader);
}

TEST(ExemptionMarkingTest, BesideTheRecipientWithBasisInLayoutText) {
  const std::string page =
      "Sørbygda kommune - Nordli skole\n\n"
      "Kari Nordmann                              Unntatt offentlighet jf. offl. § 13\n"
      "Granlia 5\n2342 Sørbygda\n\n" +
      Parts("nb").paragraph1 + "\n";
  ExpectMarking(FindIn({page}), "Unntatt offentlighet", "offl. § 13", "nb", 1,
                MarkingPosition::kHeader);
}

TEST(ExemptionMarkingTest, ColumnBesideBodyTextDoesNotCount) {
  // Two columns of running text: the right one is a wrapped sentence, not a header field.
  std::string page = Letter("nb", Place::kNone, "");
  page += "\n" + Parts("nb").paragraph2 + "\n";
  page.replace(page.find(Parts("nb").paragraph1), Parts("nb").paragraph1.size(),
               "Skolen har vurdert saken og gjør vedtak          Unntatt offentlighet\n"
               "om spesialundervisning for eleven i skoleåret.   er alle dokumenter i saken.");
  EXPECT_FALSE(FindIn({page}).has_value()) << Describe(FindIn({page}));
}

TEST(ExemptionMarkingTest, TableCellIsNoStamp) {
  std::string page = Letter("nb", Place::kNone, "");
  page.replace(page.find(Parts("nb").paragraph2), 0,
               "Status                    Antall dokumenter\n"
               "Offentlig                 12\n"
               "Unntatt offentlighet      3\n\n");
  EXPECT_FALSE(FindIn({page}).has_value()) << Describe(FindIn({page}));
}

TEST(ExemptionMarkingTest, HeadingAboveANarrowColumnParagraph) {
  // A leaflet set in a narrow column: no line is a sentence on its own, together they are.
  const std::string page =
      "Lövåsa kommun - Barn- och utbildning\n\n"
      "Sekretess\n"
      "Kommunens skolor hanterar\n"
      "uppgifter om elever med stor\n"
      "försiktighet, och personalen\n"
      "lämnar inte ut uppgifter om\n"
      "enskilda elever.\n";
  EXPECT_FALSE(FindIn({page}).has_value()) << Describe(FindIn({page}));
}

TEST(ExemptionMarkingTest, TwoLineStamp) {
  ExpectMarking(FindIn({Letter("nb", Place::kHeader, "UNNTATT\nOFFENTLIGHET")}),
                "UNNTATT OFFENTLIGHET", "", "nb", 1, MarkingPosition::kHeader);
  ExpectMarking(FindIn({Letter("nb", Place::kStamp, "UNNTATT\nOFFENTLIGHET")}),
                "UNNTATT OFFENTLIGHET", "", "nb", 1, MarkingPosition::kStamp);
  ExpectMarking(FindIn({Letter("da", Place::kStamp, "Undtaget fra\naktindsigt")}),
                "Undtaget fra aktindsigt", "", "da", 1, MarkingPosition::kStamp);
  // The legal basis on the line below.
  ExpectMarking(FindIn({Letter("nb", Place::kHeader,
                               "Unntatt offentlighet\njf. offl. § 13 jf. "
                               "fvl. § 13")}),
                "Unntatt offentlighet", "offl. § 13 jf. fvl. § 13", "nb", 1,
                MarkingPosition::kHeader);
  ExpectMarking(FindIn({Letter("sv", Place::kStamp, "Sekretess enligt\n23 kap. 2 § OSL")}),
                "Sekretess", "23 kap. 2 § OSL", "sv", 1, MarkingPosition::kStamp);
}

TEST(ExemptionMarkingTest, RightAlignedTwoLineStampInLayoutText) {
  const std::string page =
      "Sørbygda kommune - Nordli skole\n\n"
      "Kari Nordmann                                    UNNTATT\n"
      "Granlia 5                                   OFFENTLIGHET\n"
      "2342 Sørbygda\n\n" +
      Parts("nb").paragraph1 + "\n";
  ExpectMarking(FindIn({page}), "UNNTATT OFFENTLIGHET", "", "nb", 1, MarkingPosition::kHeader);
}

TEST(ExemptionMarkingTest, WordingSpreadOverAWideGap) {
  ExpectMarking(FindIn({Letter("nb", Place::kHeader, "Unntatt     offentlighet")}),
                "Unntatt offentlighet", "", "nb", 1, MarkingPosition::kHeader);
}

TEST(ExemptionMarkingTest, LabelledMarkings) {
  for (const char* line : {"Gradering: Fortrolig", "Skjerming: Unntatt offentlighet",
                           "Status: U.off.", "Hjemmel: offl. § 13"}) {
    SCOPED_TRACE(line);
    // A label makes even a weak word or a bare basis a marking, in the body too.
    EXPECT_EQ(MarkingPositionName(FindIn({Letter("nb", Place::kStamp, line)})->position),
              std::string("stamp"));
  }
  ExpectMarking(FindIn({Letter("sv", Place::kHeader, "Sekretess: 23 kap. 2 § OSL")}),
                "23 kap. 2 § OSL", "23 kap. 2 § OSL", "sv", 1, MarkingPosition::kHeader);
}

TEST(ExemptionMarkingTest, SelfDeclarationCountsOnlyInHeaderOrFooterWithABasis) {
  // Decision documented in patterns/markings.toml: a letter declaring itself exempt, with a
  // legal basis, on its own line in the header block or the footer is a marking.
  ExpectMarking(
      FindIn({Letter("nb", Place::kHeader, "Brevet er unntatt offentlighet etter offl. § 13.")}),
      "unntatt offentlighet", "offl. § 13", "nb", 1, MarkingPosition::kHeader);
  ExpectMarking(FindIn({Letter("nb", Place::kFooter,
                               "Dette brevet er unntatt offentlighet, jf. offl. § 13")}),
                "unntatt offentlighet", "offl. § 13", "nb", 1, MarkingPosition::kFooter);
  ExpectMarking(FindIn({Letter("sv", Place::kHeader,
                               "Handlingen omfattas av sekretess enligt 23 kap. 2 § OSL.")}),
                "omfattas av sekretess", "23 kap. 2 § OSL", "sv", 1, MarkingPosition::kHeader);
  // In the body it is a sentence of the letter, and without a basis it is too vague.
  EXPECT_FALSE(
      FindIn({Letter("nb", Place::kStamp, "Brevet er unntatt offentlighet etter offl. § 13.")}));
  EXPECT_FALSE(FindIn({Letter("nb", Place::kHeader, "Brevet er unntatt offentlighet.")}));
  // Other subjects than the letter itself are general statements.
  EXPECT_FALSE(FindIn({Letter("nb", Place::kHeader,
                              "Slike dokumenter er unntatt offentlighet etter offl. § 13.")}));
}

// Sentences that only talk about exempt documents, in every place a marking could stand.
void ExpectNoMarking(const std::string& lang, const std::vector<std::string>& sentences) {
  for (const std::string& s : sentences) {
    for (Place place : {Place::kHeader, Place::kStamp, Place::kSubject, Place::kFooter}) {
      SCOPED_TRACE(s + " @" + std::to_string(static_cast<int>(place)));
      const std::optional<ExemptionMarking> m = FindIn({Letter(lang, place, s)});
      EXPECT_FALSE(m.has_value()) << Describe(m);
    }
  }
}

TEST(ExemptionMarkingTest, BokmalSentencesAboutExemptDocumentsAreNoMarking) {
  ExpectNoMarking(
      "nb",
      {"Dokumenter som er unntatt offentlighet publiseres ikke i postjournalen.",
       "Du kan be om innsyn; dokumenter som er unntatt offentlighet blir ikke utlevert.",
       "Vi gjør oppmerksom på at enkelte dokumenter kan være unntatt offentlighet etter offl. "
       "§ 13.",
       "Unntatt offentlighet er dokumenter som inneholder taushetsbelagte opplysninger.",
       "Dersom dokumentet er unntatt offentlighet, vil det stå i journalen.",
       "Opplysninger om elever er taushetsbelagt etter forvaltningsloven § 13.",
       "Saksdokumenter i skolemiljøsaker er som hovedregel\nunntatt offentlighet.",
       "Hva betyr unntatt offentlighet?",
       "Unntatt offentlighet kan bare brukes når loven gir hjemmel for det.",
       "Vi viser til offl. § 13 om taushetsplikt.", "Offentlighet", "Offentlighet og innsyn",
       "Se offl. § 13 om unntak.", "Opplysningene er taushetsbelagte, jf.\noffl. § 13.",
       "Om unntak fra offentlighet", "Informasjonen vi har om deg er fortrolig og deles ikke.",
       "Strengt fortrolig adresse er registrert i Folkeregisteret.",
       "«Unntatt offentlighet» står på dokumenter som ikke publiseres.", "- Unntatt offentlighet"});
}

TEST(ExemptionMarkingTest, NynorskSentencesAboutExemptDocumentsAreNoMarking) {
  ExpectNoMarking(
      "nn",
      {"Dokument som er unnateke offentlegheit, vert ikkje publiserte i postjournalen.",
       "Du kan be om innsyn, men dokument som er unnateke frå innsyn, får du ikkje sjå.",
       "Vi gjer merksam på at opplysningar om elevar er underlagt teieplikt.",
       "Saksdokument i skulemiljøsaker er som hovudregel\nunnateke offentlegheit.",
       "Kva tyder unnateke offentlegheit?", "Skulen har teieplikt om det du fortel.",
       "Offentlegheit", "Innsyn og offentlegheit",
       "Opplysningane er unnatekne, jf. offentleglova § 13 fyrste ledd, og vert ikkje utleverte.",
       "Alle tilsette har teieplikt etter forvaltningslova § 13.",
       "Unnateke frå innsyn vert dokument som inneheld opplysningar om elevar."});
}

TEST(ExemptionMarkingTest, SwedishSentencesAboutSecrecyAreNoMarking) {
  ExpectNoMarking(
      "sv", {"Vi gör uppmärksam på att sekretess kan gälla för vissa uppgifter.",
             "Handlingar som omfattas av sekretess lämnas inte ut.", "Om sekretess",
             "Sekretessbelagda uppgifter lämnas inte ut utan prövning.",
             "Har du frågor om sekretess kan du kontakta skolan.",
             "Enligt offentlighets- och sekretesslagen är allmänna handlingar offentliga.",
             "Det är ingen hemlig information.",
             "Skolan har tystnadsplikt och sekretess gäller för elevhälsans journaler.",
             "Sekretessprövning görs när någon begär ut handlingen.",
             "Sekretess gäller enligt OSL 23:2 för uppgifter om elevens personliga förhållanden.",
             "Om sekretess enligt 23 kap. 2 § OSL", "Sekretess och tystnadsplikt", "Hemligvägen 12",
             "Sekretessen bryts om barnet far illa."});
}

TEST(ExemptionMarkingTest, DanishSentencesAboutConfidentialityAreNoMarking) {
  ExpectNoMarking("da",
                  {"Dokumenter, der er undtaget fra aktindsigt, offentliggøres ikke.",
                   "Du kan søge om aktindsigt; oplysninger, der er fortrolige, udleveres ikke.",
                   "Medarbejdere har tavshedspligt om fortrolige oplysninger.",
                   "Vi gør opmærksom på, at visse dokumenter er undtaget fra aktindsigt, jf. "
                   "offentlighedslovens § 30, nr. 1.",
                   "Hvad betyder undtaget fra aktindsigt?", "Fortrolighedsvej 3",
                   "Oplysningerne behandles fortroligt.",
                   "Ansøgningen er tavshedsbelagt i henhold til forvaltningsloven.",
                   "Undtaget fra aktindsigt er dokumenter med oplysninger om elever.", "Aktindsigt",
                   "Om tavshedspligt"});
}

TEST(ExemptionMarkingTest, HeadingFollowedByItsParagraphIsNoStamp) {
  // A heading directly above the text that explains it.
  for (const auto& [lang, heading, text] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"sv", "Sekretess",
            "Uppgifter om elever omfattas av sekretess enligt 23 kap. 2 § OSL och lämnas\n"
            "inte ut till obehöriga."},
           {"nb", "Unntatt offentlighet",
            "Noen dokumenter er unntatt offentlighet fordi de inneholder opplysninger som\n"
            "er taushetsbelagt."},
           {"nn", "Teieplikt", "Alle tilsette i skulen har teieplikt etter forvaltningslova § 13."},
           {"da", "Fortroligt",
            "Skolen behandler alle oplysninger om eleverne fortroligt og\n"
            "videregiver dem ikke."}}) {
    SCOPED_TRACE(heading);
    std::string page = Letter(lang, Place::kNone, "");
    page.replace(page.find(Parts(lang).paragraph2), 0, heading + "\n" + text + "\n\n");
    EXPECT_FALSE(FindIn({page}).has_value()) << Describe(FindIn({page}));
  }
}

TEST(ExemptionMarkingTest, PublicLetterAboutTheRulesOfOffentlighet) {
  // An information letter: the wordings stand alone as headings (with blank lines) and the
  // text explains them. None of it is a marking.
  const std::string page1 =
      "Sørbygda kommune - Postmottak\n\n"
      "INNSYN OG OFFENTLIGHET\n\n"
      "Alle kan be om innsyn i kommunens saksdokumenter. Hovedregelen er at dokumentene\n"
      "er offentlige, jf. offentleglova § 3.\n\n"
      "Unntatt offentlighet\n\n"
      "Noen dokumenter er unntatt offentlighet fordi de inneholder taushetsbelagte\n"
      "opplysninger, jf. offl. § 13. Slike dokumenter publiseres ikke i postjournalen.\n\n"
      "Fortrolig\n\n"
      "Informasjon som er fortrolig etter beskyttelsesinstruksen, behandles særskilt.\n";
  const std::string page2 =
      "Side 2\n\n"
      "U.off.\n\n"
      "I journalen står forkortelsen U.off. ved dokumenter som er unntatt offentlighet.\n"
      "Du kan klage på avslag om innsyn til Statsforvalteren.\n\n"
      "Med hilsen\nPostmottaket\n";
  EXPECT_FALSE(FindIn({page1, page2}).has_value()) << Describe(FindIn({page1, page2}));
}

TEST(ExemptionMarkingTest, LeafletTitledWithAWeakWordIsNoMarking) {
  const std::string page =
      "Sekretess\n\n"
      "Uppgifter om elever omfattas av sekretess i skolan. Det betyder att personalen inte\n"
      "får lämna ut uppgifter om en elev utan vårdnadshavarens samtycke.\n";
  EXPECT_FALSE(FindIn({page}).has_value()) << Describe(FindIn({page}));
}

TEST(ExemptionMarkingTest, ListOfStatusesIsNoMarking) {
  const std::string list =
      "\nDokumentene i journalen kan ha en av disse statusene:\n"
      "Offentlig\nUnntatt offentlighet\nDelvis offentlig\n";
  const std::string at_end = Letter("nb", Place::kNone, "") + list;
  EXPECT_FALSE(FindIn({at_end}).has_value()) << Describe(FindIn({at_end}));
  std::string in_body = Letter("nb", Place::kNone, "");
  in_body.replace(in_body.find(Parts("nb").paragraph2), 0, list + "\n");
  EXPECT_FALSE(FindIn({in_body}).has_value()) << Describe(FindIn({in_body}));
}

TEST(ExemptionMarkingTest, WeakWordAloneInTheBodyIsNoMarking) {
  for (const char* word : {"Fortrolig", "FORTROLIG", "Taushetsplikt"}) {
    SCOPED_TRACE(word);
    EXPECT_FALSE(FindIn({Letter("nb", Place::kStamp, word)}).has_value());
  }
  EXPECT_FALSE(FindIn({Letter("sv", Place::kStamp, "HEMLIG")}).has_value());
}

TEST(ExemptionMarkingTest, WeakWordBesideOtherWordsIsNoMarking) {
  for (const char* line :
       {"Adresse: Fortrolig", "Fortrolig adresse", "Hemlig telefon", "Sekretess i skolan"}) {
    SCOPED_TRACE(line);
    EXPECT_FALSE(FindIn({Letter("nb", Place::kHeader, line)}).has_value());
  }
}

TEST(ExemptionMarkingTest, WeakWordInHeaderIsNoStampWhenTheLetterDiscussesIt) {
  std::string page = Letter("sv", Place::kHeader, "Sekretess");
  page += "\nSekretess gäller för uppgifter om elevens hälsa och personliga förhållanden.\n";
  EXPECT_FALSE(FindIn({page}).has_value()) << Describe(FindIn({page}));
  // With its legal basis it is a marking all the same.
  std::string marked = Letter("sv", Place::kHeader, "Sekretess enligt 23 kap. 2 § OSL");
  marked += "\nSekretess gäller för uppgifter om elevens hälsa och personliga förhållanden.\n";
  ExpectMarking(FindIn({marked}), "Sekretess", "23 kap. 2 § OSL", "sv", 1,
                MarkingPosition::kHeader);
}

TEST(ExemptionMarkingTest, PageAndPositionOnLaterPages) {
  const std::string page1 = Letter("nb", Place::kNone, "");
  const std::string page2_header =
      "Side 2 av 2                              Unntatt offentlighet\n\n" + Parts("nb").paragraph2 +
      "\n\n" + Parts("nb").closing + "\n";
  ExpectMarking(FindIn({page1, page2_header}), "Unntatt offentlighet", "", "nb", 2,
                MarkingPosition::kHeader);
  const std::string page2_footer = Parts("nb").paragraph2 + "\n\n" + Parts("nb").closing +
                                   "\n\nSide 2 av 2\nU.off. offl. § 13\n";
  ExpectMarking(FindIn({page1, page2_footer}), "U.off.", "offl. § 13", "nb", 2,
                MarkingPosition::kFooter);
  // Weak words in the middle of a later page stay unmarked.
  const std::string page2_body = Parts("nb").paragraph1 + "\n\nFortrolig\n\n" +
                                 Parts("nb").paragraph2 + "\n\n" + Parts("nb").paragraph1 + "\n\n" +
                                 Parts("nb").closing + "\n";
  EXPECT_FALSE(FindIn({page1, page2_body}).has_value());
}

TEST(ExemptionMarkingTest, FirstMarkingInReadingOrder) {
  const std::string page1 = Letter("nb", Place::kStamp, "UNNTATT OFFENTLIGHET");
  const std::string page2 = Letter("nb", Place::kHeader, "U.off. jf. offl. § 13");
  ExpectMarking(FindIn({page1, page2}), "UNNTATT OFFENTLIGHET", "", "nb", 1,
                MarkingPosition::kStamp);
}

TEST(ExemptionMarkingTest, OcrDamage) {
  // '§' read as '$', a speck before the stamp, one letter misread in a long word.
  ExpectMarking(FindIn({Letter("nn", Place::kHeader, "Unnateke frå innsyn, jf. offl. $ 13")}),
                "Unnateke frå innsyn", "offl. $ 13", "nn", 1, MarkingPosition::kHeader);
  ExpectMarking(FindIn({Letter("sv", Place::kHeader, "Er Sekretess enligt 23 kap. 2 § OSL")}),
                "Sekretess", "23 kap. 2 § OSL", "sv", 1, MarkingPosition::kHeader);
  ExpectMarking(FindIn({Letter("nb", Place::kHeader, "Unntatt offentliqhet, jf. offl. § 13")}),
                "Unntatt offentliqhet", "offl. § 13", "nb", 1, MarkingPosition::kHeader);
  ExpectMarking(FindIn({Letter("nb", Place::kHeader, "Unnatatt offentlighet")}),
                "Unnatatt offentlighet", "", "nb", 1, MarkingPosition::kHeader);
  // A speck is not a word: "Om" makes a heading of it, and a numbered item is a list.
  EXPECT_FALSE(FindIn({Letter("sv", Place::kHeader, "Om Sekretess enligt 23 kap. 2 § OSL")}));
  EXPECT_FALSE(FindIn({Letter("nb", Place::kStamp, "1. Unntatt offentlighet")}));
}

DocumentText WithMetadata(const std::string& page, MetadataSource source, const std::string& name,
                          const std::string& value, int on_page) {
  DocumentText text = Pages({page});
  Location location;
  location.page = on_page;
  location.metadata = source;
  location.field = name;
  text.units.push_back(TextUnit{location, TextView(value)});
  return text;
}

TEST(ExemptionMarkingTest, StampAnnotationCountsInfoFieldsDoNot) {
  const std::string page = Letter("nb", Place::kNone, "");
  std::optional<ExemptionMarking> m = Finder().Find(
      WithMetadata(page, MetadataSource::kAnnotation, "Stamp", "Unntatt offentlighet", 1));
  ExpectMarking(m, "Unntatt offentlighet", "", "nb", 1, MarkingPosition::kStamp);
  m = Finder().Find(WithMetadata(page, MetadataSource::kAnnotation, "Stamp", "FORTROLIG", 1));
  ExpectMarking(m, "FORTROLIG", "", "nb", 1, MarkingPosition::kStamp);
  // A comment that talks about exemption is no stamp.
  EXPECT_FALSE(Finder().Find(WithMetadata(page, MetadataSource::kAnnotation, "Text",
                                          "Husk at dokumenter som er unntatt offentlighet "
                                          "ikke skal publiseres.",
                                          1)));
  // Info fields and attachment names are never printed.
  EXPECT_FALSE(Finder().Find(
      WithMetadata(page, MetadataSource::kInfoField, "Keywords", "Unntatt offentlighet", 0)));
  EXPECT_FALSE(Finder().Find(WithMetadata(page, MetadataSource::kEmbeddedFile, "Attachment",
                                          "Unntatt offentlighet.pdf", 0)));
}

TEST(ExemptionMarkingTest, FormFieldsCountWhenTheyReadAsMarkings) {
  const std::string page = Letter("nb", Place::kNone, "");
  ExpectMarking(
      Finder().Find(WithMetadata(page, MetadataSource::kFormField, "Gradering", "Fortrolig", 1)),
      "Fortrolig", "", "nb", 1, MarkingPosition::kMetadata);
  ExpectMarking(Finder().Find(WithMetadata(page, MetadataSource::kFormField, "Merknad",
                                           "Unntatt offentlighet jf. offl. § 13", 1)),
                "Unntatt offentlighet", "offl. § 13", "nb", 1, MarkingPosition::kMetadata);
  // "Fortrolig" in an address field is a protected address, not a marking of the letter.
  EXPECT_FALSE(
      Finder().Find(WithMetadata(page, MetadataSource::kFormField, "Adresse", "Fortrolig", 1)));
}

TEST(ExemptionMarkingTest, EmptyDocument) {
  EXPECT_FALSE(Finder().Find(DocumentText{}).has_value());
  EXPECT_FALSE(FindIn({""}).has_value());
  EXPECT_FALSE(FindIn({"\n\n   \n"}).has_value());
}

std::string WriteTemp(const TempFolder& folder, const std::string& name,
                      const std::string& contents) {
  const std::string path = folder.File(name);
  std::ofstream(path) << contents;
  return path;
}

TEST(ExemptionMarkingTest, LoadErrorsNameFileAndLine) {
  const TempFolder folder("skjerm-markings");
  try {
    ExemptionMarkingFinder::FromFile("/nonexistent/markings.toml");
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/markings.toml"), std::string::npos);
  }
  const std::string broken =
      WriteTemp(folder, "broken_markings.toml", "[basis]\nconnectors = [\"jf\"\n");
  try {
    ExemptionMarkingFinder::FromFile(broken);
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(broken + ":"), std::string::npos) << e.what();
  }
  const std::string wrong_type = WriteTemp(
      folder, "wrong_markings.toml",
      "[basis]\nconnectors = [\"jf\"]\nwords = []\nlaw_abbreviations = []\nlaw_suffixes = []\n"
      "\n[[language]]\ncode = \"nb\"\nstrong = \"Unntatt offentlighet\"\n");
  try {
    ExemptionMarkingFinder::FromFile(wrong_type);
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(wrong_type + ":9:"), std::string::npos) << e.what();
  }
}

TEST(ExemptionMarkingTest, AWordingAddedToTheRulesIsFound) {
  // Adding a wording is a change to the rule file, not to C++.
  const TempFolder folder("skjerm-markings");
  const std::string path =
      WriteTemp(folder, "extra_markings.toml",
                "[basis]\nconnectors = [\"jf\"]\nwords = []\nlaw_abbreviations = [\"offl\"]\n"
                "law_suffixes = [\"lova\"]\n\n[[language]]\ncode = \"nb\"\n"
                "strong = [\"Skjermet etter arkivlova\"]\n");
  auto finder = ExemptionMarkingFinder::FromFile(path);
  std::optional<ExemptionMarking> m =
      finder->Find(Pages({"Kommunen\n\nSkjermet etter arkivlova\n\nKari Nordmann\n"}));
  ExpectMarking(m, "Skjermet etter arkivlova", "", "nb", 1, MarkingPosition::kHeader);
}

}  // namespace
}  // namespace skjerm
