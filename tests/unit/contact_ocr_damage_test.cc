// Private contact data that must still be found when it is written unusually or OCR has
// damaged it: a flat given as a dwelling number, a flat word without its number, a comma
// read as «,.», spaces lost in a phone number, «ä» read as «å» in a Swedish street name.
#include <gtest/gtest.h>

#include "contact_test_util.h"

namespace skjerm {
namespace {

using testing_contact::FindingsOf;
using testing_contact::Found;
using testing_contact::Letter;
using Strings = std::vector<std::string>;

class ContactOcrDamageTest : public ::testing::Test {
 protected:
  Strings Addresses(const std::vector<std::string>& pages) {
    return Found(Category::kAddress, Letter(pages));
  }
  Strings Phones(const std::vector<std::string>& pages) {
    return Found(Category::kPhone, Letter(pages));
  }
};

TEST_F(ContactOcrDamageTest, FlatAsDwellingNumberKeepsThePostcodeLine) {
  EXPECT_EQ(
      Addresses({"Marit Solvang\n"
                 "Fjordveien 40, leil. U0101\n"
                 "1356 Bekkestua\n"}),
      (Strings{"address.street|Fjordveien 40, leil. U0101", "address.postcode|1356 Bekkestua"}));
  // Not a dwelling number: too few digits, or a word.
  EXPECT_EQ(Addresses({"Marit Solvang\n"
                       "Fjordveien 40, leil. H02\n"}),
            Strings{"address.street|Fjordveien 40"});
}

TEST_F(ContactOcrDamageTest, FlatWordWhoseNumberWasLost) {
  // «lgh» read as «Igh», its number lost; and «lgh» read as a speck before the number.
  EXPECT_EQ(Addresses({"Vårdnadshavare\n"
                       "Sara Nyström\n"
                       "Lindvägen 9 Igh\n"
                       "523 33 Ulricehamn\n"}),
            (Strings{"address.street|Lindvägen 9 Igh", "address.postcode|523 33 Ulricehamn"}));
  EXPECT_EQ(
      Addresses({"Vårdnadshavare: Amal Yusuf, Björkvägen 12 = 1103, 641 30 Katrineholm, "
                 "tel. 070-123 45 67\n"}),
      (Strings{"address.street|Björkvägen 12 = 1103", "address.postcode|641 30 Katrineholm"}));
  // A year or a count after a dash is no flat.
  EXPECT_EQ(Addresses({"Vårdnadshavare: Amal Yusuf, Björkvägen 12 - 2023 bodde de där.\n"}),
            Strings{"address.street|Björkvägen 12"});
}

TEST_F(ContactOcrDamageTest, CommaReadAsCommaAndFullStop) {
  EXPECT_EQ(Addresses({"Far | Bo Lind | Smørblomstvej 5,.5230 Odense M\n"}),
            (Strings{"address.street|Smørblomstvej 5", "address.postcode|5230 Odense M"}));
  // A full stop alone between the digits makes a decimal, not an address.
  EXPECT_EQ(Addresses({"Far | Bo Lind | Smørblomstvej 5.5230 Odense\n"}), Strings{});
}

TEST_F(ContactOcrDamageTest, PhoneWhoseSpacesOcrLostOrMoved) {
  EXPECT_EQ(Phones({"Telefon far: 47218 305\n"
                    "Mor kan nås på 22 3344 55.\n"}),
            (Strings{"phone.no|47218 305", "phone.no|22 3344 55"}));
  // Without a label the same digits are not read as a phone number.
  EXPECT_EQ(Phones({"Rute 47218 305 går kl. 07.40.\n"
                    "Far nevnte tallene 22 3344 55 i møtet.\n"}),
            Strings{});
  // Danish: «61 7740 29» after «kontaktes direkte på».
  EXPECT_EQ(Phones({"Referat efter mødet\n"
                    "Mor kontaktes direkte på 61 7740 29.\n"}),
            Strings{"phone.dk|61 7740 29"});
}

TEST_F(ContactOcrDamageTest, SwedishStreetEndingReadWithRingAbove) {
  // The value is reported as written; the place in the page is what OCR read.
  const DocumentText letter =
      Letter({"Vårdnadshavare: Nils Åberg\n"
              "Kvarnvågen 14 lgh 1102\n"
              "Adress: Ekgrånd 3, 641 31 Katrineholm\n"
              "Vi har pratat med vårdnadshavaren och eleven.\n"});
  const std::vector<Finding> findings = FindingsOf(Category::kAddress, letter);
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].text, "Kvarnvägen 14 lgh 1102");
  EXPECT_EQ(letter.units[0].view.text().substr(findings[0].view_begin,
                                               findings[0].view_end - findings[0].view_begin),
            "Kvarnvågen 14 lgh 1102");
  EXPECT_EQ(findings[1].text, "Ekgränd 3");
  EXPECT_EQ(findings[2].text, "641 31 Katrineholm");
  // A real «å» in the name stays; the ending is only undone in Swedish letters.
  EXPECT_EQ(Addresses({"Vårdnadshavare: Nils Åberg, Gårdsvägen 2, 641 31 Katrineholm. Vi har "
                       "pratat med eleven och vårdnadshavaren.\n"}),
            (Strings{"address.street|Gårdsvägen 2", "address.postcode|641 31 Katrineholm"}));
  EXPECT_EQ(Addresses({"Familien bor i Sjøvågen 4, 5003 Bergen. Vi har snakket med foresatte "
                       "og eleven.\n"}),
            (Strings{"address.street|Sjøvågen 4", "address.postcode|5003 Bergen"}));
}

}  // namespace
}  // namespace skjerm
