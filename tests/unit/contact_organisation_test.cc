// Contact data that is not a private person's although it looks like it: a company's
// contact block in the body, streets named in the running text of a public notice,
// letterheads that wrap or that OCR has damaged, utilities' and contractors' numbers,
// organisation numbers with a phone number's length. And the traps beside each: private
// data that must still be reported.
#include <gtest/gtest.h>

#include "contact_test_util.h"

namespace skjerm {
namespace {

using testing_contact::FindingsOf;
using testing_contact::Found;
using testing_contact::Letter;
using testing_contact::Organisation;
using Strings = std::vector<std::string>;

class ContactOrganisationTest : public ::testing::Test {
 protected:
  Strings All(const std::vector<std::string>& pages) { return Found(Letter(pages)); }
  Strings Addresses(const std::vector<std::string>& pages) {
    return Found(Category::kAddress, Letter(pages));
  }
  Strings Phones(const std::vector<std::string>& pages) {
    return Found(Category::kPhone, Letter(pages));
  }
};

// --- venues ------------------------------------------------------------------------------

TEST_F(ContactOrganisationTest, AVenuesAddressIsPublic) {
  EXPECT_TRUE(Addresses({"Tirsdag kl. 19.00: Vågsbotn grendehus, Kvernhusvegen 4"}).empty());
  EXPECT_TRUE(Addresses({"Anlegg | Adresse | Dag\n"
                         "Skarvikhallen, bane A | Furumoveien 30 | mandag\n"
                         "Bjørnstad skole, gymsal | Tollef Grøttums vei 5 | torsdag"})
                  .empty());
  EXPECT_TRUE(
      Addresses({"Påminnelse om ventilationskontroll, Brf Kastanjen, Kastanjegatan 14"}).empty());
  // Traps: a person's row in the same kind of table, a family at home.
  EXPECT_EQ(Addresses({"Deltakere:\n\nNavn | Adresse | Telefon\n"
                       "Ola Hansen | Kvernhusvegen 4 | 900 12 345"}),
            (Strings{"address.street|Kvernhusvegen 4"}));
  EXPECT_EQ(Addresses({"Familien Hall bor i Storgata 4."}), (Strings{"address.street|Storgata 4"}));
}

TEST_F(ContactOrganisationTest, NavnIsAPersonsLabelNotNav) {
  // «Navn» folds like «NAV» inflected; it labels a person. A table of persons may end a page
  // and is no footer.
  EXPECT_EQ(Addresses({"Sørbygda kommune\n\nNavn | Adresse\nOla Hansen | Kvernhusvegen 4"}),
            (Strings{"address.street|Kvernhusvegen 4"}));
  EXPECT_EQ(Phones({"Sørbygda kommune\n\nNavn | Telefon\nOla Hansen | 900 12 345"}),
            (Strings{"phone.no|900 12 345"}));
  // The trap: NAV's own office is an organisation's address.
  EXPECT_TRUE(Addresses({"Møtet er hos NAV Sørbygda, Storgata 2."}).empty());
}

// --- a company's contact block --------------------------------------------------------

TEST_F(ContactOrganisationTest, SuppliersBlockInBokmal) {
  const DocumentText letter =
      Letter({"Lyngvik kommune – Eiendom\n"
              "Storgata 2, 9800 Lyngvik · Sentralbord 78 90 10 00 · Org.nr. 940 123 456\n"
              "\n"
              "Kontrakten tildeles:\n"
              "\n"
              "Tilbyder: Fjellkraft Elektro AS\n"
              "Org.nr.: 987 654 321\n"
              "Adresse: Verkstedveien 12, 7041 Trondheim\n"
              "Kontaktperson: Sigrid Haugland, prosjektansvarlig\n"
              "Telefon: 73 80 12 00 / mobil 926 41 358\n"
              "E-post: sigrid.haugland@fjellkraft.no\n"
              "\n"
              "Karensperioden løper til 1. mars.\n"});
  EXPECT_EQ(Found(letter), Strings{});
  EXPECT_EQ(Organisation(letter, Category::kPhone),
            (Strings{"78 90 10 00|letterhead", "73 80 12 00|organisation's contact block",
                     "926 41 358|organisation's contact block"}));
}

TEST_F(ContactOrganisationTest, SwedishAndDanishBlocksOpenedByLegalFormOrNumber) {
  EXPECT_EQ(All({"Beslut om tilldelning\n"
                 "\n"
                 "Leverantör: Norrskog Städ AB\n"
                 "Adress: Fabriksgatan 4, 972 41 Luleå\n"
                 "Telefon: 0920-22 33 00\n"
                 "E-post: anna.lundqvist@norrskogstad.se\n"}),
            Strings{});
  EXPECT_EQ(All({"Tildeling af kontrakt\n"
                 "\n"
                 "Tilbudsgiver\n"
                 "CVR-nr. 31214564, Vestkyst Kloak\n"
                 "Havnevej 8, 6960 Hvide Sande\n"
                 "Kontakt: Jens Bech, tlf. 97 31 22 10\n"}),
            Strings{});
}

TEST_F(ContactOrganisationTest, PrivateFieldsAboveOrBelowACompanyStayPrivate) {
  // The block never reaches back before the line that opens it.
  EXPECT_EQ(All({"Klage på byggesak\n"
                 "\n"
                 "Klager: Tone Myrvold\n"
                 "Adresse: Lerkeveien 9, 4020 Stavanger\n"
                 "Telefon: 412 77 803\n"
                 "Utbygger: Sandnes Rør AS\n"
                 "Telefon: 51 60 20 00\n"}),
            (Strings{"address.street|Lerkeveien 9", "address.postcode|4020 Stavanger",
                     "phone.no|412 77 803"}));
  // A private person's employer opens no block: the person's own fields follow it.
  EXPECT_EQ(All({"Opplysninger om foresatte\n"
                 "\n"
                 "Arbeidsgiver: Sandnes Rør AS\n"
                 "Mobil: 412 77 803\n"
                 "Adresse: Lerkeveien 9, 4020 Stavanger\n"}),
            (Strings{"phone.no|412 77 803", "address.street|Lerkeveien 9",
                     "address.postcode|4020 Stavanger"}));
  // A person's field ends it: «Navn:», a cue such as «Foresatt».
  EXPECT_EQ(All({"Søknad om permisjon\n"
                 "\n"
                 "Firma: Sandnes Rør AS\n"
                 "Navn: Tone Myrvold\n"
                 "Adresse: Lerkeveien 9, 4020 Stavanger\n"}),
            (Strings{"address.street|Lerkeveien 9", "address.postcode|4020 Stavanger"}));
  EXPECT_EQ(Phones({"Søknad om permisjon\n"
                    "\n"
                    "Arbeidsgiver: Sandnes Rør AS\n"
                    "Foresatt: Tone Myrvold, tlf. 412 77 803\n"}),
            Strings{"phone.no|412 77 803"});
}

TEST_F(ContactOrganisationTest, ALegalFormInASentenceOpensNoBlock) {
  EXPECT_EQ(Phones({"Eleven har hatt praksisplass hos Sandnes Rør AS i tre uker, og vi har\n"
                    "snakket med mor om veien videre. Hun kan nås på 412 77 803.\n"}),
            Strings{"phone.no|412 77 803"});
}

// --- streets named in running text -----------------------------------------------------

TEST_F(ContactOrganisationTest, StreetsInANoticeAreNotHomes) {
  EXPECT_EQ(Addresses({"Fjellby kommune – Veg og park\n"
                       "Rådhusvegen 1, 6100 Fjellby · Telefon 70 01 20 00\n"
                       "\n"
                       "Til bebuarane\n"
                       "\n"
                       "Vegen blir stengd ved Kyrkjevegen 14 og fram til Fjordgata 3 i fire "
                       "veker.\n"
                       "Omkøyring går frå Torget og\n"
                       "Smedgata 8 til brua.\n"}),
            Strings{});
  EXPECT_EQ(
      Addresses({"Sydby Kommune · Vej og Park\n"
                 "\n"
                 "Fortovet ud for Algade 22 lukkes, og parkering henvises til Bredgade 5.\n"}),
      Strings{});
  EXPECT_EQ(Addresses({"Ekby kommun – Gata\n"
                       "\n"
                       "Fastigheten Ekvägen 3 och husen vid Lärkgatan 11 får nya vattenrör.\n"}),
            Strings{});
}

TEST_F(ContactOrganisationTest, StreetsInRunningTextThatAreHomes) {
  // A cue for a home, a name next to the street, a recipient block, a labelled field, a
  // table cell, a postcode, or the same street given as a private address elsewhere.
  EXPECT_EQ(Addresses({"Familien bor nå i Kirkebakken 7, og eleven tar buss.\n"
                       "Møtet blir hos Randi Solberg i Nyveien 4 neste uke.\n"
                       "Svar kan sendes til Bjørkestien 2 innen fredag.\n"}),
            (Strings{"address.street|Kirkebakken 7", "address.street|Nyveien 4",
                     "address.street|Bjørkestien 2"}));
  EXPECT_EQ(Addresses({"Ragnhild Eek\n"
                       "Myrveien 3\n"
                       "\n"
                       "Adresse: Granholtet 5\n"
                       "Ola Berg | 6A | Bekkeveien 10\n"
                       "Vi har flyttet møtet til Lindeveien 2, 0585 Oslo.\n"}),
            (Strings{"address.street|Myrveien 3", "address.street|Granholtet 5",
                     "address.street|Bekkeveien 10", "address.street|Lindeveien 2",
                     "address.postcode|0585 Oslo"}));
  // A cue after the street in its sentence counts too; a home visit is to a home even
  // when the school writes «vi».
  EXPECT_EQ(Addresses({"Strandvik kommune – Strandvik skole\n"
                       "Skoleveien 2, 4321 Strandvik · Sentralbord 51 00 00 00\n"
                       "\n"
                       "Det har vært uro i Bjørkeveien 5 flere netter, opplyser naboen.\n"
                       "Vi har vært på hjemmebesøk i Furuveien 8 sammen med helsesykepleier.\n"
                       "Gangveien ved Ospeveien 2 blir asfaltert. Naboen er varslet.\n"}),
            (Strings{"address.street|Bjørkeveien 5", "address.street|Furuveien 8"}));
  EXPECT_EQ(Addresses({"Sølvi Nes\n"
                       "Lyngveien 2\n"
                       "5003 Bergen\n"
                       "\n"
                       "Det er meldt om fukt ved Lyngveien 2 etter flommen.\n"}),
            (Strings{"address.street|Lyngveien 2", "address.postcode|5003 Bergen",
                     "address.street|Lyngveien 2"}));
}

TEST_F(ContactOrganisationTest, ANameFoundBeforeMakesTheStreetAHome) {
  const DocumentText letter = Letter({"Det ble holdt møte med Ingrid i Tunveien 6 på tirsdag.\n"});
  EXPECT_EQ(Found(Category::kAddress, letter), Strings{});
  // The name detector runs first and found «Ingrid».
  const size_t name = letter.units[0].view.text().find("Ingrid");
  std::vector<Finding> earlier(1);
  earlier[0].category = Category::kPersonName;
  earlier[0].location = letter.units[0].location;
  earlier[0].view_begin = name;
  earlier[0].view_end = name + 6;
  const std::vector<Finding> findings = FindingsOf(Category::kAddress, letter, earlier);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].text, "Tunveien 6");
}

// --- letterheads ---------------------------------------------------------------------

TEST_F(ContactOrganisationTest, LetterheadNameWrappedOntoTwoLines) {
  const DocumentText letter =
      Letter({"Ravnsund kommun · Kultur- och fritidsförvaltningen ·\n"
              "Björkängens skola\n"
              "\n"
              "Skolgränd 2, 781 70 Ravnsund · Växel 0243-740 00 · Org.nr 212000-1111\n"
              "\n"
              "Vårdnadshavare: Leila Haddad, Tallstigen 4, 781 72 Ravnsund\n"});
  EXPECT_EQ(Found(Category::kAddress, letter),
            (Strings{"address.street|Tallstigen 4", "address.postcode|781 72 Ravnsund"}));
  EXPECT_EQ(Organisation(letter, Category::kAddress),
            (Strings{"Skolgränd 2|letterhead", "781 70 Ravnsund|letterhead"}));
  EXPECT_EQ(Addresses({"Vestby kommun – Miljö- och byggförvaltningen, Plan\n"
                       "och bygg\n"
                       "\n"
                       "Torgvägen 1, 456 80 Vestby · Växel 0523-100 00\n"}),
            Strings{});
}

TEST_F(ContactOrganisationTest, LetterheadSeparatorsReadByOcr) {
  // «·» read as «-», «+» or «*», and specks above the name.
  EXPECT_EQ(All({"Havlund Kommune - Havlund Skole\n"
                 "\n"
                 "Skovvej 4, 6700 Havlund - 75 12 34 00\n"
                 "\n"
                 "Referat\n"}),
            Strings{});
  EXPECT_EQ(All({"|\n"
                 "i\n"
                 ".\n"
                 "|\n"
                 "i\n"
                 "\n"
                 ",\n"
                 "Nordby kommune - Teknisk etat\n"
                 "\n"
                 "Torggata 2, 2800 Nordby * Sentralbord 61 18 90 00 + postnordby.kommune.no\n"
                 "\n"
                 "Til beboerne\n"}),
            Strings{});
  // A recipient right under the name is no contact line: it stays private.
  EXPECT_EQ(Addresses({"Havlund Kommune - Havlund Skole\n"
                       "Mette Lund\n"
                       "Skovvej 9\n"
                       "6700 Havlund\n"}),
            (Strings{"address.street|Skovvej 9", "address.postcode|6700 Havlund"}));
}

// --- utilities, contractors, organisation numbers ----------------------------------------

TEST_F(ContactOrganisationTest, UtilitiesAndContractors) {
  EXPECT_EQ(Phones({"Sydby Kommune · Vej og Park\n"
                    "\n"
                    "Ved spørgsmål om fjernvarme: Sydby Forsyning, tlf. 70 11 22 33\n"
                    "Ved strømsvigt ring 80 20 30 40.\n"}),
            Strings{});
  EXPECT_EQ(Phones({"Fjellby kommune – Veg\n"
                    "\n"
                    "Til bebuarane\n"
                    "\n"
                    "Spørsmål om arbeidet: Entreprenørens vakttelefon (hele døgnet):\n"
                    "913 55 820.\n"}),
            Strings{});
  EXPECT_EQ(Phones({"Ekby kommun – Gata\n"
                    "\n"
                    "Arbetsledaren på plats nås på 070-221 34 56 under dagtid. Ingenjören "
                    "svarar på 073-445 66 77.\n"}),
            Strings{});
  // The mother's mobile stays hers, whoever else is named.
  EXPECT_EQ(Phones({"Ekby kommun – Gata\n"
                    "\n"
                    "Entreprenören har pratat med mamma, som nås på 070-998 12 34.\n"}),
            Strings{"phone.se|070-998 12 34"});
}

TEST_F(ContactOrganisationTest, WordsThatFoldToACueAreNoCue) {
  // «får» (gets) is not «far», «bör» (should) not «bor».
  const DocumentText letter =
      Letter({"Ekby kommun – Barn- och utbildningsförvaltningen\n"
              "Box 12, 641 80 Ekby · Växel 0150-570 00\n"
              "\n"
              "Ring oss, så får ni svar på 0150-571 23.\n"
              "Frågor om beslutet bör ställas till oss på 0150-571 24.\n"});
  EXPECT_EQ(Found(Category::kPhone, letter), Strings{});
  EXPECT_EQ(Organisation(letter, Category::kPhone),
            (Strings{"0150-570 00|letterhead", "0150-571 23|cue word 'oss'",
                     "0150-571 24|cue word 'oss'"}));
}

TEST_F(ContactOrganisationTest, DanishLetterWithTlfReadsEightDigitsAsDanish) {
  // «tlf.» is Danish as much as Norwegian: it does not make the letter Norwegian.
  EXPECT_EQ(Phones({"Mor: Sanne Bach, tlf. 22 61 44 90\n"
                    "Far: Kim Bach, tlf. 31 70 88 12\n"
                    "Skolen har tlf. 44 12 00 00 efter kl. 15.\n"}),
            (Strings{"phone.dk|22 61 44 90", "phone.dk|31 70 88 12"}));
}

TEST_F(ContactOrganisationTest, CvrNumbersInATableAreNoPhones) {
  EXPECT_EQ(Phones({"Tildelingsbeslutning efter udbud. Alle tilbudsgivere har oplyst CVR.\n"
                    "\n"
                    "Tilbudsgiver | Nr. | Pris\n"
                    "Østkyst VVS | 31214564 | 9,0\n"
                    "Kontakt: tlf. 31214565\n"}),
            Strings{"phone.dk|31214565"});
  // A private person's number passing the check stays private after a cue or a label;
  // without a CVR in the letter the check is not used.
  EXPECT_EQ(Phones({"Referat efter mødet, CVR 29189501\n"
                    "\n"
                    "Far: 31214564\n"}),
            Strings{"phone.dk|31214564"});
  EXPECT_EQ(Phones({"Referat af mødet\n"
                    "\n"
                    "Familien kan kontaktes. Nummer 31214564 er oplyst af skolen.\n"}),
            Strings{"phone.dk|31214564"});
}

TEST_F(ContactOrganisationTest, BlocksOfFourDigitsAreCardNumbers) {
  EXPECT_EQ(Phones({"Busskort nr. 3301 2245 8812 sendes hjem.\n"
                    "Koden 4120 5566 7788 brukes ved innlogging.\n"
                    "Ring mor på 4120 5566.\n"}),
            Strings{"phone.no|4120 5566"});
}

}  // namespace
}  // namespace skjerm
