// Phone numbers of private persons in nb, nn, sv and da letters; switchboards and
// officials' numbers that must not be reported; and the numbers that only look like
// phone numbers: bank accounts, organisation numbers, national IDs, case numbers, dates,
// times, amounts, giro numbers and KID references.
#include <gtest/gtest.h>

#include "contact_test_util.h"

namespace skjerm {
namespace {

using testing_contact::FindingsOf;
using testing_contact::Found;
using testing_contact::Letter;
using testing_contact::Organisation;
using Strings = std::vector<std::string>;

class ContactPhoneTest : public ::testing::Test {
 protected:
  Strings Phones(const std::vector<std::string>& pages) {
    return Found(Category::kPhone, Letter(pages));
  }
};

const char kBokmalLetterhead[] =
    "Tindvik kommune – Tindvik skole\n"
    "Besøksadresse: Skoleveien 4, 2340 Tindvik · Telefon 62 94 10 00\n"
    "E-post: postmottak@tindvik.kommune.no · Org.nr. 981 453 840 · Bankkonto 1503.78.77899\n"
    "\n";

TEST_F(ContactPhoneTest, BokmalGuardiansInBody) {
  EXPECT_EQ(Phones({std::string(kBokmalLetterhead) +
                    "Elev: Emilie Rasmussen, fødselsnummer 120311 66592\n"
                    "Foresatte: Hanne Rasmussen (mor), mobil 934 56 218\n"
                    "           Stian Rasmussen (far), mobil +47 481 22 905\n"
                    "Mor kan nås på 41234567. Bestefar ringes på 0047 22 33 44 55.\n"
                    "Kontaktlærer ringer dere i forkant på\n"
                    "4123 4567 for å avtale tidspunktet.\n"}),
            (Strings{"phone.no|934 56 218", "phone.no|+47 481 22 905", "phone.no|41234567",
                     "phone.no|0047 22 33 44 55", "phone.no|4123 4567"}));
}

TEST_F(ContactPhoneTest, NynorskCallTheAddressee) {
  EXPECT_EQ(Phones({"Fjordnes kommune – Fjordnes skule\n"
                    "Skulevegen 11, 6900 Fjordnes · Telefon 57 72 30 00 · Org.nr. 912 310 078\n"
                    "\n"
                    "Tiltaka blir evaluerte i møte 30. mai 2024 kl. 13.30. Vi ringjer deg på "
                    "915 40 372 for å stadfeste tidspunktet.\n"}),
            (Strings{"phone.no|915 40 372"}));
}

TEST_F(ContactPhoneTest, SwedishAreaCodesAndMobiles) {
  EXPECT_EQ(
      Phones({"Stenby kommun – Björkskolan\n"
              "Skolvägen 2, 815 40 Stenby · Växel 0294-420 00 · Org.nr 212000-7402\n"
              "\n"
              "Vårdnadshavare: Sara Lindqvist, tel. 070-123 45 67\n"
              "                Daniel Lindqvist, tel. +46 (0)70 765 43 21\n"
              "Mormor nås på 08-123 456 78, morfar på 031-12 34 56.\n"
              "Pappa har även +46 455 30 50 99 och 0701234567.\n"}),
      (Strings{"phone.se|070-123 45 67", "phone.se|+46 (0)70 765 43 21", "phone.se|08-123 456 78",
               "phone.se|031-12 34 56", "phone.se|+46 455 30 50 99", "phone.se|0701234567"}));
}

// Finland-Swedish letters: Finnish mobiles and landlines, nationally and from abroad. A
// number a Swedish reading also fits stays Swedish (the category is the same).
TEST_F(ContactPhoneTest, FinnishMobilesAndLandlines) {
  EXPECT_EQ(
      Phones({"Raseborgs stad – Bildningsavdelningen\n"
              "Raseborgsvägen 37, 10650 Ekenäs · Växel 019 289 2000\n"
              "\n"
              "Vårdnadshavare: Anna Lindqvist, tfn 040 123 4567\n"
              "Pappa nås hemma på 09 1234 5678 och från utlandet på +358 45 123 4567.\n"}),
      (Strings{"phone.fi|040 123 4567", "phone.fi|09 1234 5678", "phone.fi|+358 45 123 4567"}));
}

// A date written as eight digits is no phone number (a real eInnsyn title); with a label,
// or when it cannot be a date, the same digits are one.
TEST_F(ContactPhoneTest, EightDigitsThatReadAsADateAreNoPhone) {
  EXPECT_EQ(Phones({"Vedtak , 31012021, Sak 21/1, Lovlighetskontroll\n"}), Strings{});
  EXPECT_EQ(Phones({"Møte 12062024 i rådhuset. Mor ringer fra 22334455.\n"}),
            (Strings{"phone.no|22334455"}));
  EXPECT_EQ(Phones({"Mor kan nås på tlf. 31012021.\n"}), (Strings{"phone.no|31012021"}));
  // 29 February only in a leap year: 29022023 is no date, so a number.
  EXPECT_EQ(Phones({"Møte 29022024. Mor ringer fra 29022023.\n"}), (Strings{"phone.no|29022023"}));
}

TEST_F(ContactPhoneTest, DanishParentsAreRungUp) {
  EXPECT_EQ(Phones({"Lindby Kommune – Bøgely Skole\n"
                    "Skolevej 12, 4720 Lindby · Telefon 55 36 20 00 · CVR 29189749\n"
                    "\n"
                    "Skolen kontakter familien igen senest 01.03.2024. Far ønsker at blive "
                    "ringet op på +45 28 45 67 12 og mor på 21 90 43 18.\n"
                    "Venlig hilsen\n"
                    "Hanne Vestergaard\n"
                    "skoleleder\n"}),
            (Strings{"phone.dk|+45 28 45 67 12", "phone.dk|21 90 43 18"}));
}

TEST_F(ContactPhoneTest, OcrDamagedSeparators) {
  EXPECT_EQ(Phones({"Mor: Tone Amundsen, tif. 97.41 22 85\nFar kan ringes på 412 38-907.\n"}),
            (Strings{"phone.no|97.41 22 85", "phone.no|412 38-907"}));
  EXPECT_EQ(Phones({"Vårdnadshavare: Therese Strand, tel. 072- 310 84 66\n"}),
            (Strings{"phone.se|072- 310 84 66"}));
}

TEST_F(ContactPhoneTest, PrivateSignatureOfAnEmail) {
  EXPECT_EQ(Phones({"Eikvik kommune – utskrift av e-post fra postmottak\n"
                    "Fra: Nina Solheim <nina.solheim@eikvik.kommune.no>\n"
                    "Til: Marius Dahl <marius.dahl84@gmail.com>\n"
                    "Vennlig hilsen\n"
                    "Nina Solheim\n"
                    "Tlf. 33 41 22 70\n"
                    "-----Opprinnelig melding----Fra: Marius Dahl <marius.dahl84@gmail.com>\n"
                    "Til: Postmottak Eikvik kommune <postmottak@eikvik.kommune.no>\n"
                    "Jeg søker om skoleskyss. Ring meg gjerne på 928 41 630.\n"
                    "Med vennlig hilsen\n"
                    "Marius Dahl\n"
                    "Mobil: +47 928 41 631\n"}),
            (Strings{"phone.no|928 41 630", "phone.no|+47 928 41 631"}));
}

TEST_F(ContactPhoneTest, NumberWithoutCueIsReportedWithLowConfidence) {
  const std::vector<Finding> findings =
      FindingsOf(Category::kPhone, Letter({"Tindvik kommune – Tindvik skole\n"
                                           "\n"
                                           "Referat fra møtet: 412 38 907 er notert.\n"}));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].text, "412 38 907");
  EXPECT_DOUBLE_EQ(findings[0].confidence, 0.6);
  EXPECT_EQ(findings[0].party_basis, PartyBasis::kNoCue);
}

TEST_F(ContactPhoneTest, SwitchboardsAndOfficialsAreNotReported) {
  const DocumentText letter = Letter(
      {std::string(kBokmalLetterhead) +
           "Kontaktperson: rektor Gunnar Vik, tlf. 62 94 10 50.\n"
           "Har dere spørsmål, kan dere kontakte saksbehandleren på 62 94 20 41.\n"
           "Utenom arbeidstid: vakttelefon 75 13 49 99.\n"
           "Forfall meldes til politisk sekretariat, tlf. 62 94 30 20.\n"
           "Felanmälan utanför kontorstid: 62 94 10 99\n"
           "Vi ringer foresatte fra sentralbordet 62 94 10 00.\n"
           "\n"
           "Med hilsen\n"
           "Eva Lunde\n"
           "rektor\n"
           "Direkte: 62 94 10 05\n",
       "Klage\n"
       "Dere kan klage på vedtaket innen tre uker.\n"
       "\n"
       "Tindvik kommune · Postadresse: Postboks 88, 2341 Tindvik · Sentralbord 62 94 10 00\n"});
  EXPECT_EQ(Found(Category::kPhone, letter), Strings{});
  EXPECT_EQ(
      Organisation(letter, Category::kPhone),
      (Strings{"62 94 10 00|letterhead", "62 94 10 50|cue word 'rektor'",
               "62 94 20 41|cue word 'saksbehandleren'", "75 13 49 99|cue word 'vakttelefon'",
               "62 94 30 20|cue word 'sekretariat'", "62 94 10 99|organisation's number series",
               "62 94 10 00|cue word 'sentralbordet'", "62 94 10 05|official's signature",
               "62 94 10 00|footer"}));
}

TEST_F(ContactPhoneTest, SwedishSwitchboardAndMentor) {
  EXPECT_EQ(Phones({"Lövby kommun – Ängsskolan\n"
                    "Skolgatan 8, 372 30 Lövby · Växel 0455-30 50 00 · Bankgiro 5050-1055\n"
                    "\n"
                    "Föreslagen tid: 2024-03-26 kl. 16.30. Ring mentor på 0455-30 51 27.\n"
                    "Socialtjänstens mottagningsgrupp på telefon 0294-421 50 kl. 10.40.\n"}),
            Strings{});
}

TEST_F(ContactPhoneTest, LookAlikesAreNotPhoneNumbers) {
  EXPECT_EQ(Phones({std::string(kBokmalLetterhead) +
                    "Mor: Kari Hansen, fødselsnummer 12031166592, også skrevet 120311 66592.\n"
                    "Far: Ola Hansen, fødselsnummer 02013299997 (nytt nummer 30108299920).\n"
                    "Kontonr. 1503.78.77899, kontonr. 1503 78 77899 og konto 15037877899.\n"
                    "Leverandør: Nordbygg AS, org.nr. 974 123 456. Svensk org.nr 556677-8899.\n"
                    "Dansk leverandør CVR 29189749, SE-nr. 29189749.\n"
                    "Vår ref.: 24/00417-3, deres ref. 2024/1234-5, Dnr 2024:123.\n"
                    "Møtet holdes 22.11.2024 kl. 22.00-23.30, fristen er 2024-04-09.\n"
                    "Avtaleperioden er 2025–2027, opsjon 2027 2028.\n"
                    "Estimert verdi er 42 000 000 kroner, eller kr 22 33 44 55.\n"
                    "Bankgiro 5050-1055, Plusgiro 12 34 56-7, KID: 45678912.\n"
                    "Kommunenummer 3401 og personnummer 811218-9876 (CPR 150713-2237).\n"
                    "Gnr. 12 bnr. 345, 38 000 m² og 25 %.\n"
                    "Alarmtelefonen svarer på 800 33 321.\n"}),
            Strings{});
}

TEST_F(ContactPhoneTest, SwedishLetterNeedsLabelForEightDigits) {
  EXPECT_EQ(Phones({"Stenby kommun – Björkskolan\n"
                    "\n"
                    "Ärendet har nummer 22334455 i systemet.\n"
                    "Mamma har ett norskt nummer, tel. 41 23 45 67.\n"}),
            (Strings{"phone.no|41 23 45 67"}));
}

}  // namespace
}  // namespace skjerm
