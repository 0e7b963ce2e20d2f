// Markings that stand as one field of a letterhead or footer line ("Vikstad skole · Org.nr.
// 974 551 203 · Unntatt offentlighet"), what OCR makes of such lines (separators read as
// "-" or "+", a wide gap filled with specks, '§' read as "8" or "S"), and the running text
// and menus that must stay unmarked.
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "policy/exemption_marking.h"

namespace skjerm {
namespace {

// All letters below are invented: people, schools, numbers.

std::string PatternsDir() {
  const char* dir = std::getenv("SKJERM_PATTERNS_DIR");
  return dir != nullptr && *dir != '\0' ? dir : SKJERM_PATTERNS_DIR;
}

const ExemptionMarkingFinder& Finder() {
  static const std::unique_ptr<ExemptionMarkingFinder> finder =
      ExemptionMarkingFinder::FromFile(PatternsDir() + "/markings.toml");
  return *finder;
}

std::optional<ExemptionMarking> FindIn(const std::string& page) {
  DocumentText text;
  Location location;
  location.page = 1;
  text.units.push_back(TextUnit{location, TextView(page)});
  return Finder().Find(text);
}

std::string Describe(const std::optional<ExemptionMarking>& m) {
  if (!m) return "no marking";
  return "'" + m->phrase + "' basis '" + m->basis + "' " + m->language + " " +
         MarkingPositionName(m->position);
}

// A one-page letter in `lang`: letterhead (two lines), reference, heading, two paragraphs,
// signature and a footer line. `header_line` replaces the letterhead's second line and
// `footer_line` the footer when not empty; `reference` replaces the reference line.
struct Letter {
  std::string lang = "nb";
  std::string header_line;
  std::string reference;
  std::string footer_line;

  std::string Page() const {
    struct Parts {
      const char* head1;
      const char* head2;
      const char* reference;
      const char* heading;
      const char* body;
      const char* signature;
      const char* footer;
    };
    static const Parts nb{
        "Vikstad kommune - Vikstad skole",
        "Skoleveien 7, 8150 Vikstad · Telefon 75 77 40 00",
        "Vår ref.: 24/00917-2          Dato: 04.11.2024",
        "REFERAT FRA MØTE I ELEVSAK",
        "Skolen har hatt møte med foreldrene om tilrettelegging i skoleåret 2024/2025.\n"
        "Vi viser til samtalen på skolen og til avtalen om oppfølging.\n\n"
        "Kontaktlærer følger opp tiltakene og rapporterer til rektor innen jul.",
        "Med hilsen\n\nTerje Moen\nrektor",
        "Vikstad skole · Postboks 12, 8150 Vikstad · www.vikstad.kommune.no"};
    static const Parts nn{
        "Sølvberg kommune - Haugen skule",
        "Skulevegen 2, 6823 Sølvberg · tlf. 57 86 10 00",
        "Vår ref.: 24/00311-6          Dato: 12.09.2024",
        "VEDTAK OM SPESIALUNDERVISNING",
        "Haugen skule gjer vedtak om at eleven skal få spesialundervisning i\n"
        "skuleåret 2024/2025. Vi viser til sakkunnig vurdering frå PP-tenesta.\n\n"
        "Du kan klage på vedtaket innan tre veker etter at du fekk brevet.",
        "Med helsing\n\nRagna Vik\nrektor",
        "Haugen skule · Skulevegen 2, 6823 Sølvberg · www.solvberg.kommune.no"};
    static const Parts sv{
        "Bredviks kommun | Barn- och utbildningsförvaltningen",
        "Kvarngatan 5, 611 30 Bredvik | Växel 0155-42 00 00",
        "Dnr: BUN 2024/118          Datum: 2024-09-30",
        "ÅTGÄRDSPROGRAM",
        "Eleven har sedan höstterminen haft svårt att fokusera och behöver stöd i\n"
        "skolarbetet. Skolan har därför utarbetat ett åtgärdsprogram.\n\n"
        "Åtgärdsprogrammet utvärderas i december. Kontakta mentor om du har frågor.",
        "Med vänlig hälsning\n\nLinnea Ek\nrektor",
        "Kvarnskolan | Kvarngatan 5, 611 30 Bredvik | www.bredvik.se"};
    static const Parts da{"Østerby Kommune · Østerby Skole",
                          "Skolevej 40, 6200 Østerby · 74 62 30 00",
                          "Sagsnr.: 24-5521          Dato: 07.10.2024",
                          "REFERAT AF MØDE",
                          "Skolen har holdt møde med forældrene om elevens trivsel og skolegang.\n"
                          "Vi henviser til aftalen om opfølgning og til skolens handleplan.\n\n"
                          "Klasselæreren følger op og orienterer skolelederen inden jul.",
                          "Med venlig hilsen\n\nJonas Krogh\nskoleleder",
                          "Østerby Skole · Skolevej 40, 6200 Østerby · www.osterby.dk"};
    const Parts& p = lang == "nn" ? nn : lang == "sv" ? sv : lang == "da" ? da : nb;
    std::string s = std::string(p.head1) + "\n" +
                    (header_line.empty() ? std::string(p.head2) : header_line) + "\n\n" +
                    (reference.empty() ? std::string(p.reference) : reference) + "\n\n" +
                    p.heading + "\n\n" + p.body + "\n\n" + p.signature + "\n\n" +
                    (footer_line.empty() ? std::string(p.footer) : footer_line) + "\n";
    return s;
  }
};

void ExpectMarking(const std::optional<ExemptionMarking>& m, const std::string& phrase,
                   const std::string& basis, const std::string& lang, MarkingPosition position) {
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->phrase, phrase);
  EXPECT_EQ(m->basis, basis);
  EXPECT_EQ(m->language, lang);
  EXPECT_EQ(std::string(MarkingPositionName(m->position)), MarkingPositionName(position));
}

TEST(MarkingFieldsTest, LettersWithoutMarkingHaveNone) {
  for (const char* lang : {"nb", "nn", "sv", "da"}) {
    SCOPED_TRACE(lang);
    Letter letter;
    letter.lang = lang;
    EXPECT_FALSE(FindIn(letter.Page())) << Describe(FindIn(letter.Page()));
  }
}

TEST(MarkingFieldsTest, LastFieldOfTheFooterLine) {
  Letter nb;
  nb.footer_line = "Vikstad skole · Org.nr. 974 551 203 · Unntatt offentlighet, jf. offl. § 13";
  ExpectMarking(FindIn(nb.Page()), "Unntatt offentlighet", "offl. § 13", "nb",
                MarkingPosition::kFooter);
  Letter nn;
  nn.lang = "nn";
  nn.footer_line =
      "Haugen skule | Org.nr. 971 203 554 | Unnateke frå innsyn, jf. offentleglova § 13";
  ExpectMarking(FindIn(nn.Page()), "Unnateke frå innsyn", "offentleglova § 13", "nn",
                MarkingPosition::kFooter);
  Letter da;
  da.lang = "da";
  da.footer_line = "Østerby Skole • CVR 29184455 • Tavshedsbelagt";
  ExpectMarking(FindIn(da.Page()), "Tavshedsbelagt", "", "da", MarkingPosition::kFooter);
}

TEST(MarkingFieldsTest, FieldOfTheLetterhead) {
  Letter sv;
  sv.lang = "sv";
  sv.header_line =
      "Kvarngatan 5, 611 30 Bredvik | Växel 0155-42 00 00 | Sekretess enligt 23 kap. 2 § OSL";
  ExpectMarking(FindIn(sv.Page()), "Sekretess", "23 kap. 2 § OSL", "sv", MarkingPosition::kHeader);
  // A field between others, with its basis.
  Letter nb;
  nb.header_line = "Skoleveien 7 · U.off. jf. offl. § 13 · Telefon 75 77 40 00";
  ExpectMarking(FindIn(nb.Page()), "U.off.", "offl. § 13", "nb", MarkingPosition::kHeader);
}

TEST(MarkingFieldsTest, BasisWrappedOntoTheNextLine) {
  Letter da;
  da.lang = "da";
  da.footer_line =
      "Østerby Skole · CVR 29184455 · Undtaget fra aktindsigt, jf. offentlighedslovens § 30, "
      "nr.\n1";
  ExpectMarking(FindIn(da.Page()), "Undtaget fra aktindsigt", "offentlighedslovens § 30, nr. 1",
                "da", MarkingPosition::kFooter);
}

TEST(MarkingFieldsTest, BasisWrappedAfterAnOrdinal) {
  Letter nn;
  nn.lang = "nn";
  nn.footer_line =
      "Unnateke offentlegheit, jf. offentleglova § 13 fyrste ledd, jf. forvaltningslova § 13 "
      "fyrste\nledd nr. 1";
  const auto found = FindIn(nn.Page());
  ASSERT_TRUE(found) << Describe(found);
  EXPECT_EQ(found->phrase, "Unnateke offentlegheit");
  EXPECT_EQ(found->position, MarkingPosition::kFooter);
}

TEST(MarkingFieldsTest, WeakWordOnlyAsTheLastField) {
  Letter da;
  da.lang = "da";
  da.footer_line = "Østerby Skole · Side 1 af 2 · Fortroligt";
  ExpectMarking(FindIn(da.Page()), "Fortroligt", "", "da", MarkingPosition::kFooter);
  // Between other fields it is an item of a menu or a list of topics.
  Letter sv;
  sv.lang = "sv";
  sv.footer_line = "Om webbplatsen | Sekretess | Kontakt";
  EXPECT_FALSE(FindIn(sv.Page())) << Describe(FindIn(sv.Page()));
  // With other words it is no marking anywhere.
  Letter nb;
  nb.footer_line = "Vikstad skole · Fortrolig adresse";
  EXPECT_FALSE(FindIn(nb.Page())) << Describe(FindIn(nb.Page()));
}

TEST(MarkingFieldsTest, SeparatorsAsOcrReadsThem) {
  // "·" read as "-" or "+": a strong wording or an exempting basis counts.
  Letter nb;
  nb.footer_line = "Vikstad skole - Org.nr. 974 551 203 - Unntatt offentlighet jf. offl. $ 13";
  ExpectMarking(FindIn(nb.Page()), "Unntatt offentlighet", "offl. $ 13", "nb",
                MarkingPosition::kFooter);
  Letter sv;
  sv.lang = "sv";
  sv.header_line = "Kvarngatan 5, 611 30 Bredvik + Hemlig enligt 26 kap. 1 § OSL";
  ExpectMarking(FindIn(sv.Page()), "Hemlig", "26 kap. 1 § OSL", "sv", MarkingPosition::kHeader);
  Letter nn;
  nn.lang = "nn";
  nn.footer_line = "Haugen skule . Org.nr. 971 203 554 . Unnateke offentlegheit";
  ExpectMarking(FindIn(nn.Page()), "Unnateke offentlegheit", "", "nn", MarkingPosition::kFooter);
  // A weak word alone after what may be a dash is not enough.
  Letter da;
  da.lang = "da";
  da.footer_line = "Østerby Skole - Skolevej 40 - Fortroligt";
  EXPECT_FALSE(FindIn(da.Page())) << Describe(FindIn(da.Page()));
}

TEST(MarkingFieldsTest, StampFlushRightBehindOcrSpecks) {
  // A wide gap between a reference and a stamp, filled by OCR with specks.
  Letter da;
  da.lang = "da";
  da.reference = "Sagsnr.: 24-5521 = . ~ _ Fortroligt";
  ExpectMarking(FindIn(da.Page()), "Fortroligt", "", "da", MarkingPosition::kHeader);
  Letter sv;
  sv.lang = "sv";
  sv.reference = "Dnr: BUN 2024/118 | Ne. Fe … Sekretess";
  ExpectMarking(FindIn(sv.Page()), "Sekretess", "", "sv", MarkingPosition::kHeader);
  Letter nb;
  nb.reference = "Vår ref.: 24/00917-2 ~ i , Unntatt offentlighet";
  ExpectMarking(FindIn(nb.Page()), "Unntatt offentlighet", "", "nb", MarkingPosition::kHeader);
  // Specks before a wording that does not end the line: words follow, no stamp.
  Letter other;
  other.lang = "da";
  other.reference = "Sagsnr.: 24-5521 = . ~ _ Fortroligt brev til forældrene";
  EXPECT_FALSE(FindIn(other.Page())) << Describe(FindIn(other.Page()));
}

TEST(MarkingFieldsTest, RunningSentencesWithASeparatorAreNoMarking) {
  for (const char* line : {
           // A verb in the fields before it: a sentence, not a letterhead.
           "Skolen minner om at dokumenter · Unntatt offentlighet · ikke publiseres",
           "Vi har sendt saken til PPT - Unntatt offentlighet etter offl. § 13",
           // A verb after the wording.
           "Vikstad skole · Unntatt offentlighet gjelder dokumenter om elever",
           // Lower case after the separator: the sentence goes on.
           "Elevsaker · unntatt offentlighet etter offl. § 13",
       }) {
    SCOPED_TRACE(line);
    Letter footer;
    footer.footer_line = line;
    EXPECT_FALSE(FindIn(footer.Page())) << Describe(FindIn(footer.Page()));
    Letter header;
    header.header_line = line;
    EXPECT_FALSE(FindIn(header.Page())) << Describe(FindIn(header.Page()));
  }
}

TEST(MarkingFieldsTest, TableRowInTheBodyIsNoMarking) {
  Letter nb;
  std::string page = nb.Page();
  page.replace(page.find("Kontaktlærer følger"), 0,
               "Dokumenttype | Status | Antall\n"
               "Referat | Unntatt offentlighet | 3\n"
               "Vedtak | Offentlig | 2\n\n");
  EXPECT_FALSE(FindIn(page)) << Describe(FindIn(page));
}

TEST(MarkingFieldsTest, SubjectLineKeepsItsOwnRules) {
  // After a dash in the subject line, a legal basis alone is no marking (see
  // EveryWordingAfterADashInTheSubject); a letterhead field does not change that.
  Letter nb;
  nb.reference = "Sak: Referat fra møte - Offl. § 13 jf. fvl. § 13";
  EXPECT_FALSE(FindIn(nb.Page())) << Describe(FindIn(nb.Page()));
}

TEST(MarkingFieldsTest, SectionSignReadAsDigitOrLetter) {
  // "§" read as "8", "5" or "S" between a law and its number: an exempting basis alone in the
  // header block counts as it does with the sign.
  for (const char* line : {"Jf. fvl. 8 13", "Jf. fvl. S 13", "Jf. forvaltningsloven 5 13"}) {
    SCOPED_TRACE(line);
    Letter nb;
    nb.header_line = line;
    const std::optional<ExemptionMarking> m = FindIn(nb.Page());
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(m->basis, std::string(line).substr(4));
    EXPECT_EQ(std::string(MarkingPositionName(m->position)), "header");
  }
  Letter da;
  da.lang = "da";
  da.header_line = "Jf. forvaltningslovens 8 27";
  ExpectMarking(FindIn(da.Page()), "forvaltningslovens 8 27", "forvaltningslovens 8 27", "da",
                MarkingPosition::kHeader);
  // A number and a law: "23 kap. 2 8 OSL".
  Letter sv;
  sv.lang = "sv";
  sv.header_line = "Kvarngatan 5, 611 30 Bredvik | Sekretess enligt 23 kap. 2 8 OSL";
  ExpectMarking(FindIn(sv.Page()), "Sekretess", "23 kap. 2 8 OSL", "sv", MarkingPosition::kHeader);
}

TEST(MarkingFieldsTest, DigitsBesideALawAreNotAlwaysASectionSign) {
  for (const char* line : {
           // A law that exempts nothing.
           "Jf. opplæringslova 8 13",
           // "8" before no number, or after no law.
           "Jf. fvl. 8 juni",
           "Jf. 8 13",
           "Saksnr. 8 13",
       }) {
    SCOPED_TRACE(line);
    Letter nb;
    nb.header_line = line;
    EXPECT_FALSE(FindIn(nb.Page())) << Describe(FindIn(nb.Page()));
  }
}

}  // namespace
}  // namespace skjerm
