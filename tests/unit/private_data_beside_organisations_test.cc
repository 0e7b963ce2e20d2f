// Whole letters through the rule set: a private person's data that stands beside an
// organisation's (a company's contact block, a venue, an organisation number) still holds
// the letter. Each letter here passed once because an organisation rule reached too far.
#include <gtest/gtest.h>

#include "pipeline/rule_set.h"
#include "pipeline/scanner.h"

namespace skjerm {
namespace {

class PrivateDataBesideOrganisationsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { rules_ = RuleSet::Load(SKJERM_PATTERNS_DIR, nullptr).release(); }
  static void TearDownTestSuite() { delete rules_; }

  static Verdict Judge(const std::string& text) {
    Document doc;
    doc.path = "brev.txt";
    Page page;
    page.number = 1;
    page.text = text;
    doc.pages.push_back(page);
    return Scanner(*rules_).Judge(doc, std::nullopt);
  }

  static RuleSet* rules_;
};

RuleSet* PrivateDataBesideOrganisationsTest::rules_ = nullptr;

TEST_F(PrivateDataBesideOrganisationsTest, APersonsFieldsEndACompanysBlock) {
  const Verdict v = Judge(
      "Nordvik kommune\n\nVedtak om byggetillatelse\n\n"
      "Leverandør: Nordvik Bygg AS\nTiltakshaver: Eirik Solberg\n"
      "Adresse: Storgata 3, 0155 Oslo\nTelefon: 412 34 567\n\nVi viser til søknaden.\n");
  EXPECT_EQ(v.decision, Decision::kHold) << v.reason;
}

TEST_F(PrivateDataBesideOrganisationsTest, ASurnameIsNoOrganisationWord) {
  const Verdict v = Judge("Nordvik kommune\n\nVi ringte Kari Hals på 412 34 567 i går.\n");
  EXPECT_EQ(v.decision, Decision::kHold) << v.reason;
}

TEST_F(PrivateDataBesideOrganisationsTest, APersonsNumberIsNoOrganisationNumber) {
  const Verdict v = Judge(
      "Nørreby Kommune\n\nDeltagere:\n\nJens Hansen | 28471939\n\nVi vender tilbage.\n\n"
      "Nørreby Kommune · Rådhuspladsen 1 · CVR 29189846\n");
  EXPECT_EQ(v.decision, Decision::kHold) << v.reason;
  // The trap: a company's number on its own line is no phone number.
  const Verdict company = Judge(
      "Nørreby Kommune\n\nTilbud:\n\nSkov & Hjort Service A/S | 44551209 | 10,0\n\nVi vender "
      "tilbage.\n\nNørreby Kommune · Rådhuspladsen 1 · CVR 29189846\n");
  EXPECT_EQ(company.decision, Decision::kPass) << company.reason;
}

}  // namespace
}  // namespace skjerm
