// How the contact scanner reads a letter's structure — letterhead, footer, signature
// blocks, who wrote a printed e-mail — and loads its rule file.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "contact_test_util.h"

namespace skjerm {
namespace {

using testing_contact::Found;
using testing_contact::Letter;
using testing_contact::Organisation;
using testing_contact::Rules;
using Strings = std::vector<std::string>;

std::string RuleFileText() {
  std::ifstream in(std::string(SKJERM_PATTERNS_DIR) + "/contacts.toml");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(ContactRulesTest, LoadsTheRuleFile) {
  const std::shared_ptr<const ContactRules> rules = Rules();
  ASSERT_EQ(rules->phone_countries.size(), 4u);  // no, se, dk, fi
  EXPECT_EQ(rules->phone_countries[0].rule, "phone.no");
  EXPECT_EQ(rules->phone_countries[1].trunk_prefix, "0");
  EXPECT_EQ(rules->phone_countries[3].rule, "phone.fi");
  EXPECT_EQ(rules->postcodes.size(), 4u);
  EXPECT_TRUE(rules->street_suffixes.HasEnding(WordSet::Key("Ekbacksvägen"), 3));
  EXPECT_TRUE(rules->org_name_words.HasEnding(WordSet::Key("Granåsskolan"), 4));
  EXPECT_TRUE(rules->contact_cues.Contains(WordSet::Key("Org.nr.")));
  EXPECT_FALSE(rules->person_cues.Contains(WordSet::Key("rektor")));
}

TEST(ContactRulesTest, MissingFileNamesThePath) {
  try {
    ContactRules::FromFile("/nonexistent/contacts.toml");
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/contacts.toml"), std::string::npos);
  }
}

TEST(ContactRulesTest, BadPatternIsReported) {
  std::string text = RuleFileText();
  const std::string good = "pattern = '(?:DK-\\s?)?[0-9]{4}'";
  const size_t at = text.find(good);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, good.size(), "pattern = '([0-9]{4}'");
  EXPECT_THROW(ContactRules::FromString(text, "broken.toml"), std::runtime_error);
  EXPECT_THROW(ContactRules::FromString("version = [", "broken.toml"), std::runtime_error);
  EXPECT_THROW(ContactRules::FromString("version = 1", "empty.toml"), std::runtime_error);
}

TEST(ContactLayoutTest, LetterheadMayHaveABlankLineAfterTheName) {
  const DocumentText letter =
      Letter({"Tindvik kommune – Tindvik skole\n"
              "\n"
              "Besøksadresse: Skoleveien 4, 2340 Tindvik\n"
              "Telefon 62 94 10 00\n"
              "\n"
              "Kari Nordmann\n"
              "Bjørkeveien 17\n"
              "2340 Tindvik\n"});
  EXPECT_EQ(Organisation(letter, Category::kAddress),
            (Strings{"Skoleveien 4|letterhead", "2340 Tindvik|letterhead"}));
  EXPECT_EQ(Organisation(letter, Category::kPhone), (Strings{"62 94 10 00|letterhead"}));
  EXPECT_EQ(Found(Category::kAddress, letter),
            (Strings{"address.street|Bjørkeveien 17", "address.postcode|2340 Tindvik"}));
}

TEST(ContactLayoutTest, VerticalLetterheadWithoutCues) {
  const DocumentText letter =
      Letter({"Tindvik skole\n"
              "Skoleveien 4\n"
              "2340 Tindvik\n"
              "\n"
              "Kari Nordmann\n"
              "Bjørkeveien 17\n"
              "2340 Tindvik\n"});
  EXPECT_EQ(Found(Category::kAddress, letter),
            (Strings{"address.street|Bjørkeveien 17", "address.postcode|2340 Tindvik"}));
}

TEST(ContactLayoutTest, FooterOnEveryPage) {
  const std::string footer =
      "\n"
      "Tindvik kommune · Postadresse: Postboks 88, 2341 Tindvik · www.tindvik.kommune.no\n"
      "Besøksadresse: Rådhusveien 1 · Telefon 62 94 10 00 · e-post: post@tindvik.no\n"
      "Side 1 av 2\n";
  const DocumentText letter = Letter({"Referat\nMor møtte.\n" + footer,
                                      "Videre oppfølging\nMor ringes på 934 56 218.\n" + footer});
  EXPECT_EQ(Found(Category::kPhone, letter), (Strings{"phone.no|934 56 218"}));
  EXPECT_EQ(Found(Category::kAddress, letter), Strings{});
  EXPECT_EQ(Found(Category::kEmail, letter), Strings{});
  EXPECT_EQ(Organisation(letter, Category::kAddress),
            (Strings{"Postboks 88|post box", "2341 Tindvik|post box", "Rådhusveien 1|footer",
                     "Postboks 88|post box", "2341 Tindvik|post box", "Rådhusveien 1|footer"}));
}

TEST(ContactLayoutTest, WriterWordsFollowTheSender) {
  // «ring meg» is the official's number in the school's e-mail and the parent's number
  // in the parent's.
  const DocumentText letter =
      Letter({"Tindvik kommune – utskrift av e-post\n"
              "Fra: Nina Solheim <nina.solheim@tindvik.kommune.no>\n"
              "Til: Marius Dahl <marius.dahl84@gmail.com>\n"
              "Du kan ringe meg på 415 55 123 i arbeidstiden.\n"
              "-----Opprinnelig melding-----\n"
              "Fra: Marius Dahl <marius.dahl84@gmail.com>\n"
              "Til: Nina Solheim <nina.solheim@tindvik.kommune.no>\n"
              "Du kan ringe meg på 928 41 630 etter kl. 16.\n"
              "Jeg bor i Furuvegen 3B, 3580 Tindvik.\n"});
  EXPECT_EQ(Found(Category::kPhone, letter), (Strings{"phone.no|928 41 630"}));
  EXPECT_EQ(Organisation(letter, Category::kPhone), (Strings{"415 55 123|cue word 'meg'"}));
  EXPECT_EQ(Found(Category::kAddress, letter),
            (Strings{"address.street|Furuvegen 3B", "address.postcode|3580 Tindvik"}));
}

TEST(ContactLayoutTest, LetterFromAPrivatePerson) {
  // No letterhead: the writer is a private person, and so is the signature.
  const DocumentText letter =
      Letter({"Ola Nordmann\n"
              "Bjørkeveien 17\n"
              "0271 Oslo\n"
              "\n"
              "Tindvik skole\n"
              "Skoleveien 4\n"
              "2340 Tindvik\n"
              "\n"
              "Klage på vedtak\n"
              "Vi ber om at saken vurderes på nytt. Ring oss på "
              "412 34 567.\n"
              "\n"
              "Med vennlig hilsen\n"
              "Ola Nordmann\n"
              "ola.nordmann@nordmann.net\n"});
  EXPECT_EQ(Found(Category::kAddress, letter),
            (Strings{"address.street|Bjørkeveien 17", "address.postcode|0271 Oslo"}));
  EXPECT_EQ(Found(Category::kPhone, letter), (Strings{"phone.no|412 34 567"}));
  EXPECT_EQ(Found(Category::kEmail, letter), (Strings{"email.private|ola.nordmann@nordmann.net"}));
}

}  // namespace
}  // namespace skjerm
