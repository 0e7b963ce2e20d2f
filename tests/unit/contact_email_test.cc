// E-mail addresses: private mailboxes at public providers and at unknown domains, OCR
// damage and written-out at-signs; role mailboxes, municipal domains, the letterhead's
// domain and officials' addresses that must not be reported.
#include <gtest/gtest.h>

#include "contact_test_util.h"

namespace skjerm {
namespace {

using testing_contact::FindingsOf;
using testing_contact::Found;
using testing_contact::Letter;
using testing_contact::Organisation;
using Strings = std::vector<std::string>;

class ContactEmailTest : public ::testing::Test {
 protected:
  Strings Emails(const std::vector<std::string>& pages) {
    return Found(Category::kEmail, Letter(pages));
  }
  std::vector<Finding> Findings(const std::vector<std::string>& pages) {
    return FindingsOf(Category::kEmail, Letter(pages));
  }
};

TEST_F(ContactEmailTest, PublicProvidersInNbNnSvDa) {
  EXPECT_EQ(
      Emails({"Fjellby kommune – Fjellby ungdomsskole\n"
              "Skoleveien 20, 8610 Fjellby · tlf. 75 13 40 00 · "
              "fjellby.ungdomsskole@fjellby.kommune.no\n"
              "\n"
              "Kontaktlærer sender e-post til silje.johansen@online.no hver fredag.\n"
              "Far ønskjer referatet sendt til haakon.tveit@gmail.com.\n"
              "Vårdnadshavare: Johan Berglund <johan.berglund@telia.com>\n"
              "Kopi til: Havby Skole, forældrenes e-mail susanne.kjaer@mail.dk\n"}),
      (Strings{"email.private|silje.johansen@online.no", "email.private|haakon.tveit@gmail.com",
               "email.private|johan.berglund@telia.com", "email.private|susanne.kjaer@mail.dk"}));
}

TEST_F(ContactEmailTest, ConfidenceByDomain) {
  const std::vector<Finding> findings =
      Findings({"Referatet sendes til kari.hansen@gmail.com og til kari.hansen@nordbygg.no,\n"
                "og en kopi til olsenfamilien@olsen.no.\n"});
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].text, "kari.hansen@gmail.com");
  EXPECT_DOUBLE_EQ(findings[0].confidence, 0.95);
  EXPECT_EQ(findings[1].text, "kari.hansen@nordbygg.no");
  EXPECT_DOUBLE_EQ(findings[1].confidence, 0.7);
  EXPECT_EQ(findings[1].party_basis, PartyBasis::kUnknownDomain);
  EXPECT_EQ(findings[2].text, "olsenfamilien@olsen.no");
  EXPECT_DOUBLE_EQ(findings[2].confidence, 0.5);
}

TEST_F(ContactEmailTest, OcrSpacesWrittenOutAtAndSentenceEnd) {
  EXPECT_EQ(
      Emails({"Fra: Marius Dahl <marius.dahl84 @gmail. com>\n"
              "Skriv til kari.hansen(at)hotmail.com eller ola [at] outlook.com.\n"
              "Svar sendes ola.nordmann@gmail.com. Vi venter på svar.\n"
              "Ugyldig: ola@gmail. Neste setning, og ola@gmail.c0m.\n"}),
      (Strings{"email.private|marius.dahl84 @gmail. com",
               "email.private|kari.hansen(at)hotmail.com", "email.private|ola [at] outlook.com",
               "email.private|ola.nordmann@gmail.com"}));
}

TEST_F(ContactEmailTest, OrganisationsAddressesAreNotReported) {
  const DocumentText letter =
      Letter({"Lövby kommun – Ängsskolan\n"
              "Skolgatan 8, 372 30 Lövby · Växel 0455-30 50 00 · Org.nr 212000-0233\n"
              "\n"
              "Från: Henrik Wallin <henrik.wallin@lovby.se>\n"
              "Till: Johan Berglund <johan.berglund@telia.com>\n"
              "Kontakta postmottak@tindvik.kommune.no, postmottak.oppvekst@tindvik.no eller "
              "info@nordbygg.no.\n"
              "Saksbehandler: eva.lunde@tindvik.kommune.no, registrator@stenby.se, "
              "noreply@eksempel.no.\n"
              "Projektledare Anders Malmqvist, anders.malmqvist@lovby.se.\n"
              "Kontaktperson: rådgiver Per Olsen, per.olsen@renholdnord.no.\n"
              "Med vänlig hälsning\n"
              "Henrik Wallin\n"
              "Mentor 6B, Ängsskolan\n"
              "henrik.w@angsskolan.org\n"});
  EXPECT_EQ(Found(Category::kEmail, letter), (Strings{"email.private|johan.berglund@telia.com"}));
  EXPECT_EQ(Organisation(letter, Category::kEmail),
            (Strings{"henrik.wallin@lovby.se|organisation's domain",
                     "postmottak@tindvik.kommune.no|role mailbox",
                     "postmottak.oppvekst@tindvik.no|role mailbox", "info@nordbygg.no|role mailbox",
                     "eva.lunde@tindvik.kommune.no|organisation's domain",
                     "registrator@stenby.se|role mailbox", "noreply@eksempel.no|role mailbox",
                     "anders.malmqvist@lovby.se|organisation's domain",
                     "per.olsen@renholdnord.no|cue word 'radgiver'",
                     "henrik.w@angsskolan.org|official's signature"}));
}

TEST_F(ContactEmailTest, RoleMailboxMakesItsDomainAnOrganisations) {
  // ordre@ is a company's mailbox, so the company's domain is an organisation's and its
  // employees' addresses there are work addresses.
  EXPECT_EQ(Emails({"Bestilling sendes ordre@nordbygg.no, kopi til kari.hansen@nordbygg.no.\n"}),
            Strings{});
}

TEST_F(ContactEmailTest, LetterheadDomainMakesOfficialsAddresses) {
  // havby.dk is the letterhead's domain: the official's address there is public, the
  // same person's name at gmail.com would not be.
  EXPECT_EQ(Emails({"Havby Kommune – Skoleafdelingen\n"
                    "Rådhuspladsen 1, 4960 Havby · Telefon 54 67 30 00 · skole@havby.dk\n"
                    "\n"
                    "Spørgsmål kan sendes til birthe.lauridsen@havby.dk.\n"
                    "Mor skriver fra birthe.lauridsen@gmail.com.\n"}),
            (Strings{"email.private|birthe.lauridsen@gmail.com"}));
}

TEST_F(ContactEmailTest, EmailPrintoutHeaders) {
  EXPECT_EQ(Emails({"Breivik kommune – utskrift av e-post\n"
                    "Frå: Dragana Petrović <dragana.petrovic@outlook.com>\n"
                    "Til: Breivik skule <breivik.skule@breivik.kommune.no>\n"
                    "Kopi: Arne Bøe <arne.boe@breivik.kommune.no>\n"
                    "Emne: Sakkunnig vurdering\n"}),
            (Strings{"email.private|dragana.petrovic@outlook.com"}));
}

}  // namespace
}  // namespace skjerm
