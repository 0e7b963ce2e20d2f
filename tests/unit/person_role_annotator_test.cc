#include "detect/roles/person_role_annotator.h"

#include <gtest/gtest.h>

#include "policy/policy.h"

namespace skjerm {
namespace {

class PersonRoleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    annotator_ =
        PersonRoleAnnotator::FromFile(std::string(SKJERM_PATTERNS_DIR) + "/person_roles.toml");
  }

  // One page of text; a person_name finding for each name given.
  std::vector<Finding> Annotate(const std::string& page, const std::vector<std::string>& names) {
    text_.units.clear();
    Location location;
    location.page = 1;
    text_.units.push_back(TextUnit{location, TextView(page)});
    std::vector<Finding> findings;
    const std::string& t = text_.units[0].view.text();
    for (const std::string& name : names) {
      size_t at = 0;
      while ((at = t.find(name, at)) != std::string::npos) {
        findings.push_back(MakeFinding(text_.units[0], Category::kPersonName, "name.test", at,
                                       at + name.size(), 0.9));
        at += name.size();
      }
    }
    annotator_->Detect(text_, &findings);
    return findings;
  }

  std::unique_ptr<PersonRoleAnnotator> annotator_;
  DocumentText text_;
};

TEST_F(PersonRoleTest, LabelBeforeMakesAPupil) {
  auto f = Annotate("Elev: Sindre Haugland\nTrinn: 7", {"Sindre Haugland"});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(f[0].flags.Has(FindingFlag::kPupil));
}

TEST_F(PersonRoleTest, ClassAfterMakesAPupil) {
  auto f = Annotate("Elev/elever som misstänks\nHugo Ek, 6B\nLiam Nilsson (6A)\nEmil, 8. trinn",
                    {"Hugo Ek", "Liam Nilsson", "Emil"});
  ASSERT_EQ(f.size(), 3u);
  for (const Finding& x : f) EXPECT_TRUE(x.flags.Has(FindingFlag::kPupil)) << x.text;
}

TEST_F(PersonRoleTest, NameLabelUnderAPupilHeading) {
  auto f = Annotate("Den utsatta eleven\nNamn: Elsa Lindqvist\nKlass: 6B", {"Elsa Lindqvist"});
  EXPECT_TRUE(f[0].flags.Has(FindingFlag::kPupil));
  auto g = Annotate("Kontaktperson\nNamn: Elsa Lindqvist\nTelefon: växeln", {"Elsa Lindqvist"});
  EXPECT_FALSE(g[0].flags.Has(FindingFlag::kPupil));
}

TEST_F(PersonRoleTest, GuardianCues) {
  auto f = Annotate("Vårdnadshavare: Sara Lindqvist, tel. 070\nDeltagere: Louise Mikkelsen (mor)",
                    {"Sara Lindqvist", "Louise Mikkelsen"});
  ASSERT_EQ(f.size(), 2u);
  EXPECT_TRUE(f[0].flags.Has(FindingFlag::kGuardian));
  EXPECT_TRUE(f[1].flags.Has(FindingFlag::kGuardian));
}

TEST_F(PersonRoleTest, FirstNameAndGenitiveInheritThePupilRole) {
  const std::string page =
      "Elev: Sindre Haugland\n\nVi har snakket med Sindre i dag. Sindres mor kom.";
  text_.units.clear();
  Location location;
  location.page = 1;
  text_.units.push_back(TextUnit{location, TextView(page)});
  const TextUnit& unit = text_.units[0];
  const size_t full = page.find("Sindre Haugland");
  const size_t alone = page.find("Sindre i");
  const size_t genitive = page.find("Sindres");
  std::vector<Finding> findings = {
      MakeFinding(unit, Category::kPersonName, "name.test", full, full + 15, 0.9),
      MakeFinding(unit, Category::kPersonName, "name.test", alone, alone + 6, 0.9),
      MakeFinding(unit, Category::kPersonName, "name.test", genitive, genitive + 7, 0.9)};
  annotator_->Detect(text_, &findings);
  for (const Finding& x : findings) EXPECT_TRUE(x.flags.Has(FindingFlag::kPupil)) << x.text;
}

TEST_F(PersonRoleTest, CaseWordsFlagEveryName) {
  auto f = Annotate(
      "Anmälan om kränkande behandling\nVittnet Karin Berg såg händelsen. Eleven mådde dåligt.",
      {"Karin Berg"});
  EXPECT_TRUE(f[0].flags.Has(FindingFlag::kCase));
  EXPECT_FALSE(f[0].flags.Has(FindingFlag::kPupil));
}

TEST_F(PersonRoleTest, PublicLetterMentioningAServiceIsNotACase) {
  auto f = Annotate(
      "Kallelse till kommunfullmäktige\n7. Revisionsrapport: granskning av elevhälsan\n"
      "Anna Berg\nordförande",
      {"Anna Berg"});
  EXPECT_FALSE(f[0].flags.Has(FindingFlag::kCase));
  EXPECT_FALSE(f[0].flags.Has(FindingFlag::kPupil));
}

TEST_F(PersonRoleTest, NoCueNoRole) {
  auto f = Annotate("Henvendelse om støy fra Per Olsen, Storgata 3.", {"Per Olsen"});
  EXPECT_TRUE(f[0].flags.empty());
}

TEST_F(PersonRoleTest, DatesAndNumbersAfterANameAreNotAClass) {
  auto f =
      Annotate("Møte med Kari Nordmann, 12. mars kl. 14\nKari Nordmann 2024", {"Kari Nordmann"});
  for (const Finding& x : f) EXPECT_FALSE(x.flags.Has(FindingFlag::kPupil)) << x.text;
}

TEST_F(PersonRoleTest, RosterFlagsStay) {
  text_.units.clear();
  Location location;
  location.page = 1;
  text_.units.push_back(TextUnit{location, TextView("Hei Tor,")});
  std::vector<Finding> findings = {
      MakeFinding(text_.units[0], Category::kPersonName, "name.roster", 4, 7, 0.9)};
  findings[0].flags = {FindingFlag::kGuardian};
  annotator_->Detect(text_, &findings);
  EXPECT_EQ(FindingFlagsText(findings[0].flags), "guardian");
}

}  // namespace
}  // namespace skjerm
