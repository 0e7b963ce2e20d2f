// Addresses of private persons: street lines and postcode lines in nb, nn, sv and da
// letters; organisations' addresses (letterhead, post box, a school named before its
// address, an official's signature) and look-alikes that must not be reported.
#include <gtest/gtest.h>

#include "contact_test_util.h"

namespace skjerm {
namespace {

using testing_contact::Found;
using testing_contact::Letter;
using testing_contact::Organisation;
using Strings = std::vector<std::string>;

class ContactAddressTest : public ::testing::Test {
 protected:
  std::vector<std::string> Addresses(const std::vector<std::string>& pages) {
    return Found(Category::kAddress, Letter(pages));
  }
};

TEST_F(ContactAddressTest, BokmalRecipientBlockBesideLetterhead) {
  EXPECT_EQ(Addresses({"Tindvik kommune – Tindvik skole\n"
                       "Besøksadresse: Skoleveien 4, 2340 Tindvik · Telefon 62 94 10 00\n"
                       "E-post: postmottak@tindvik.kommune.no · Org.nr. 981 453 840\n"
                       "\n"
                       "Kari Nordmann og Ola Nordmann\n"
                       "Bjørkeveien 17 B\n"
                       "0271 Oslo\n"
                       "\n"
                       "Vår ref.: 24/00417-3          Dato: 14.03.2024\n"
                       "\n"
                       "VEDTAK OM TILTAK\n"
                       "Vi viser til møtet på skolen 5. mars 2024.\n"}),
            (Strings{"address.street|Bjørkeveien 17 B", "address.postcode|0271 Oslo"}));
}

TEST_F(ContactAddressTest, NynorskAddressInSentenceAndBlock) {
  EXPECT_EQ(Addresses({"Fjordnes kommune – Fjordnes skule\n"
                       "Skulevegen 11, 6900 Fjordnes · Telefon 57 72 30 00\n"
                       "\n"
                       "Solveig Haugen\n"
                       "Fjordvegen 102\n"
                       "6900 Fjordnes\n"
                       "\n"
                       "Familien bur no i Heimegata 3a, 6770 Nordfjordeid, og eleven skal "
                       "byte skule.\n"}),
            (Strings{"address.street|Fjordvegen 102", "address.postcode|6900 Fjordnes",
                     "address.street|Heimegata 3a", "address.postcode|6770 Nordfjordeid"}));
}

TEST_F(ContactAddressTest, SwedishFlatAndPostcodeAfterComma) {
  EXPECT_EQ(Addresses({"Stenby kommun – Björkskolan\n"
                       "Skolvägen 2, 815 40 Stenby · Växel 0294-420 00 · Org.nr 212000-7402\n"
                       "\n"
                       "ÅTGÄRDSPROGRAM\n"
                       "Elevens namn: Viktor Sandberg\n"
                       "Vårdnadshavare: Anna Sandberg\n"
                       "Adress: Storgatan 3 B lgh 1102, 114 18 Stockholm\n"
                       "Pappa bor på Lindvägen 5, SE-411 01 Göteborg.\n"}),
            (Strings{"address.street|Storgatan 3 B lgh 1102", "address.postcode|114 18 Stockholm",
                     "address.street|Lindvägen 5", "address.postcode|SE-411 01 Göteborg"}));
}

TEST_F(ContactAddressTest, DanishFloorAndSide) {
  EXPECT_EQ(Addresses({"Havby Kommune – Børn og Unge\n"
                       "Rådhuspladsen 1, 4960 Havby · Telefon 54 67 30 00 · CVR 69729797\n"
                       "\n"
                       "Susanne Kjær og Thomas Kjær\n"
                       "Kirkestræde 6, 1. th.\n"
                       "2620 Albertslund\n"
                       "\n"
                       "Dato: 27.06.2024\n"
                       "Morfar bor på Nørregade 12, st. tv., 2620 Albertslund.\n"}),
            (Strings{"address.street|Kirkestræde 6, 1. th.", "address.postcode|2620 Albertslund",
                     "address.street|Nørregade 12, st. tv.", "address.postcode|2620 Albertslund"}));
}

TEST_F(ContactAddressTest, NameWithoutStreetWordNeedsPostcodeOrCue) {
  // «Granlia 5» and «Øvre Kvernhus 3» carry no street word: the postcode line below them
  // or «bor i» before them makes them addresses; «Gamle Lund 4» alone does not.
  EXPECT_EQ(Addresses({"Haugli kommune – Haugli skole\n"
                       "Skolebakken 2, 7340 Haugli · Telefon 72 48 60 00\n"
                       "\n"
                       "Mona Sæther\n"
                       "Granlia 5\n"
                       "2342 Haugli\n"
                       "\n"
                       "Eirik Fossli\n"
                       "Øvre Kvernhus 3\n"
                       "7342 Haugli\n"
                       "\n"
                       "Besteforeldrene bor i Solbakken 9.\n"
                       "Vi møttes ved Gamle Lund 4 i fjor.\n"}),
            (Strings{"address.street|Granlia 5", "address.postcode|2342 Haugli",
                     "address.street|Øvre Kvernhus 3", "address.postcode|7342 Haugli",
                     "address.street|Solbakken 9"}));
}

TEST_F(ContactAddressTest, SeparateStreetWordDwellingNumberAndCareOf) {
  EXPECT_EQ(Addresses({"Per Hansen\n"
                       "c/o Kari Nilsen\n"
                       "Kong Oscars gate 12\n"
                       "5017 Bergen\n"
                       "\n"
                       "Søker bor nå i Elvegata 41 H0203, 7340 Haugli.\n"
                       "Faren bor i Øvre Slottsgate 3 leil. 4 og moren i Storgata 5, leil. 12.\n"}),
            (Strings{"address.co|c/o Kari Nilsen", "address.street|Kong Oscars gate 12",
                     "address.postcode|5017 Bergen", "address.street|Elvegata 41 H0203",
                     "address.postcode|7340 Haugli", "address.street|Øvre Slottsgate 3 leil. 4",
                     "address.street|Storgata 5, leil. 12"}));
}

TEST_F(ContactAddressTest, OcrGluedNumberAndBlankLineBeforePostcode) {
  EXPECT_EQ(Addresses({"Ola Nordmann\n"
                       "Bakkevegen12 _\n"
                       "\n"
                       "2340 Tindvik\n"}),
            (Strings{"address.street|Bakkevegen12", "address.postcode|2340 Tindvik"}));
  EXPECT_EQ(Addresses({"\"Kari Haugland\n"
                       "Bakkevegen 12 i\n"
                       ". 2340 Tindvik\n"}),
            (Strings{"address.street|Bakkevegen 12", "address.postcode|2340 Tindvik"}));
}

TEST_F(ContactAddressTest, PrivateSignatureOfAnEmail) {
  const DocumentText letter =
      Letter({"Haugli kommune – utskrift av e-post, sak 24/00741\n"
              "Fra: Kjetil Grønvold <kjetil.gronvold@haugli.kommune.no>\n"
              "Til: Bjørn Aasen <bjorn.aasen@hotmail.com>\n"
              "Emne: SV: Støy fra ballbingen\n"
              "Takk for e-posten.\n"
              "Med vennlig hilsen\n"
              "Kjetil Grønvold\n"
              "enhetsleder eiendom, Haugli kommune\n"
              "Rådhusveien 1, 7340 Haugli\n"
              "-----Opprinnelig melding-----\n"
              "Fra: Bjørn Aasen <bjorn.aasen@hotmail.com>\n"
              "Til: Postmottak Haugli kommune <postmottak@haugli.kommune.no>\n"
              "Det er bråk i ballbingen hver helg.\n"
              "Hilsen\n"
              "Bjørn Aasen\n"
              "Skoglivegen 19, 7340 Haugli\n"});
  EXPECT_EQ(Found(Category::kAddress, letter),
            (Strings{"address.street|Skoglivegen 19", "address.postcode|7340 Haugli"}));
  EXPECT_EQ(Organisation(letter, Category::kAddress),
            (Strings{"Rådhusveien 1|official's signature", "7340 Haugli|official's signature"}));
}

TEST_F(ContactAddressTest, OrganisationsAddressesAreNotReported) {
  const DocumentText letter =
      Letter({"Tindvik kommune – Oppvekst og kultur\n"
              "Rådhusplassen 1, 8610 Tindvik · Sentralbord 75 13 40 00 · Org.nr. 945 145 064\n"
              "\n"
              "Statsforvalteren i Nordland\n"
              "Postboks 1405\n"
              "8002 Bodø\n"
              "\n"
              "Til: Barneverntjenesten i Tindvik, Postboks 88, 2341 Tindvik\n"
              "Befaringen starter ved hovedinngangen til Tindvik ungdomsskole, Skolegata 14, "
              "8610 Tindvik.\n"
              "Møtet holdes på Rådhuset, Storgata 1, 8610 Tindvik.\n"
              "Arbeidet utføres av Nordbygg Anlegg AS, Industriveien 7, 8006 Bodø.\n"
              "Svar sendes Box 45, 114 18 Stockholm eller Pb. 7, 2340 Tindvik.\n"
              "\n"
              "Med hilsen\n"
              "Jorunn Hellesø\n"
              "kommunalsjef oppvekst og kultur\n"
              "Rådhusplassen 1, 8610 Tindvik\n"});
  EXPECT_EQ(Found(Category::kAddress, letter), Strings{});
  EXPECT_EQ(
      Organisation(letter, Category::kAddress),
      (Strings{"Rådhusplassen 1|letterhead", "8610 Tindvik|letterhead", "Postboks 1405|post box",
               "8002 Bodø|post box", "Postboks 88|post box", "2341 Tindvik|post box",
               "Skolegata 14|cue word 'ungdomsskole'", "8610 Tindvik|cue word 'ungdomsskole'",
               "Storgata 1|cue word 'radhuset'", "8610 Tindvik|cue word 'radhuset'",
               "Industriveien 7|organisation's contact block",
               "8006 Bodø|organisation's contact block", "Box 45|post box",
               "114 18 Stockholm|post box", "Pb. 7|post box", "2340 Tindvik|post box",
               "Rådhusplassen 1|official's signature", "8610 Tindvik|official's signature"}));
}

TEST_F(ContactAddressTest, OrganisationAsRecipientBlock) {
  EXPECT_EQ(Addresses({"Tindvik kommune – Tindvik skole\n"
                       "Skoleveien 4, 2340 Tindvik · Telefon 62 94 10 00\n"
                       "\n"
                       "Barneverntjenesten i Tindvik\n"
                       "Storgata 5\n"
                       "2340 Tindvik\n"}),
            Strings{});
  EXPECT_EQ(Addresses({"Kari Hansen\n"
                       "c/o Tindvik skole\n"
                       "Skoleveien 4\n"
                       "2340 Tindvik\n"
                       "\n"
                       "Tindvik kommune v/ PPT, Storgata 5, 2340 Tindvik\n"}),
            Strings{});
}

TEST_F(ContactAddressTest, TheOrganisationsOwnStreetInTheBody) {
  // The letterhead's street, mentioned again without any cue, is still the school's.
  EXPECT_EQ(Addresses({"Tindvik kommune – Tindvik skole\n"
                       "Skoleveien 4, 2340 Tindvik · Telefon 62 94 10 00\n"
                       "\n"
                       "Oppmøte i gymsalen, Skoleveien 4, kl. 18.00.\n"}),
            Strings{});
}

TEST_F(ContactAddressTest, LookAlikesAreNotAddresses) {
  EXPECT_EQ(Addresses({"Tindvik kommune – Teknisk drift\n"
                       "\n"
                       "Kommunenummer 3401 Kongsvinger er brukt i søknaden.\n"
                       "Budsjettet for 2024 Tindvik kommune er vedtatt.\n"
                       "Evalueringen 22. april 2024 kl. 14.00 i Møterom 2.\n"
                       "Trinn 7, Klasse 6A, Busslinje 3 og Uke 32.\n"
                       "Skoleveien er stengt mellom krysset Skoleveien/Fjordgata og Lia.\n"
                       "Avtalen gjelder 38 000 m² fordelt på sju skoler.\n"
                       "Aktivitetsplan 2 og Handlingsplan 3 er vedlagt.\n"
                       "Skoleveien 2-18 er stengt for gjennomkjøring.\n"
                       "2025 Totalt\n"
                       "Saksnr. 24/01311-1, Doffin-referanse 2024-104873\n"}),
            Strings{});
}

}  // namespace
}  // namespace skjerm
