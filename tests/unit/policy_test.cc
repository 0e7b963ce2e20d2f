#include "policy/policy.h"

#include "detect/detector.h"
#include "temp_folder.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <limits>

namespace skjerm {
namespace {

Finding MakeTestFinding(Category category, std::string text, std::string flags = "",
                        std::string rule = "test", double confidence = 0.9) {
  Finding f;
  f.category = category;
  f.rule = std::move(rule);
  f.location.page = 1;
  f.text = std::move(text);
  // "pupil,case": the flags by name; a name that is no flag fails the test.
  for (size_t at = 0; at < flags.size();) {
    const size_t comma = std::min(flags.find(',', at), flags.size());
    const std::optional<FindingFlag> flag = FindingFlagFromName(flags.substr(at, comma - at));
    EXPECT_TRUE(flag.has_value()) << flags;
    if (flag) f.flags.Add(*flag);
    at = comma + 1;
  }
  f.confidence = confidence;
  return f;
}

ExemptionMarking Marking() {
  ExemptionMarking m;
  m.phrase = "Unntatt offentlighet";
  m.basis = "offl. § 13";
  m.page = 1;
  return m;
}

Document TextDocument() {
  Document d;
  Page p;
  p.number = 1;
  p.text = "x";
  d.pages.push_back(p);
  return d;
}

TEST(PolicyTest, NothingFoundPasses) {
  Policy policy{PolicyRules{}};
  Verdict v = policy.Decide(TextDocument(), std::nullopt, {});
  EXPECT_EQ(v.decision, Decision::kPass);
}

TEST(PolicyTest, NationalIdHoldsAndReasonIsMasked) {
  Policy policy{PolicyRules{}};
  Verdict v = policy.Decide(TextDocument(), std::nullopt,
                            {MakeTestFinding(Category::kNationalId, "140910 50170")});
  EXPECT_EQ(v.decision, Decision::kHold);
  EXPECT_NE(v.reason.find("national ID number"), std::string::npos);
  EXPECT_NE(v.reason.find("****** *****"), std::string::npos);
  EXPECT_EQ(v.reason.find("50170"), std::string::npos);
  EXPECT_EQ(v.reason.find("140910"), std::string::npos);
}

TEST(PolicyTest, MarkingMakesExempt) {
  Policy policy{PolicyRules{}};
  Verdict v = policy.Decide(TextDocument(), Marking(),
                            {MakeTestFinding(Category::kNationalId, "140910 50170")});
  EXPECT_EQ(v.decision, Decision::kExempt);
  ASSERT_TRUE(v.marking.has_value());
  EXPECT_EQ(v.findings.size(), 1u);
}

TEST(PolicyTest, ProtectedIdentityHoldsEvenWhenMarked) {
  Policy policy{PolicyRules{}};
  Verdict v = policy.Decide(
      TextDocument(), Marking(),
      {MakeTestFinding(Category::kPersonName, "Alva", "pupil,protected", "protected_identity")});
  EXPECT_EQ(v.decision, Decision::kHold);
  EXPECT_NE(v.reason.find("protected identity"), std::string::npos);
  EXPECT_EQ(v.reason.find("Alva"), std::string::npos);
}

TEST(PolicyTest, PrivateNameAloneDoesNotHoldByDefault) {
  Policy policy{PolicyRules{}};
  Verdict v = policy.Decide(TextDocument(), std::nullopt,
                            {MakeTestFinding(Category::kPersonName, "Kari Nordmann")});
  EXPECT_EQ(v.decision, Decision::kPass);
  PolicyRules strict;
  strict.hold_private_name = true;
  EXPECT_EQ(Policy(strict)
                .Decide(TextDocument(), std::nullopt,
                        {MakeTestFinding(Category::kPersonName, "Kari Nordmann")})
                .decision,
            Decision::kHold);
}

TEST(PolicyTest, PrivateNameWithContactHolds) {
  Policy policy{PolicyRules{}};
  Verdict v = policy.Decide(TextDocument(), std::nullopt,
                            {MakeTestFinding(Category::kPersonName, "Kari Nordmann"),
                             MakeTestFinding(Category::kPhone, "926 41 857")});
  EXPECT_EQ(v.decision, Decision::kHold);
  EXPECT_NE(v.reason.find("contact details"), std::string::npos);
}

TEST(PolicyTest, PupilNameHolds) {
  Policy policy{PolicyRules{}};
  Verdict v = policy.Decide(TextDocument(), std::nullopt,
                            {MakeTestFinding(Category::kPersonName, "Emil", "pupil")});
  EXPECT_EQ(v.decision, Decision::kHold);
}

// The verdict says on which ground each finding holds, as kinds code can branch on; the
// reason is worded from them.
TEST(PolicyTest, EachHoldingFindingCarriesItsGround) {
  Policy policy{PolicyRules{}};
  Verdict v = policy.Decide(TextDocument(), std::nullopt,
                            {MakeTestFinding(Category::kPersonName, "Emil Lund", "pupil"),
                             MakeTestFinding(Category::kPersonName, "Kari Lund", "guardian"),
                             MakeTestFinding(Category::kPersonName, "Per Olsen"),
                             MakeTestFinding(Category::kNationalId, "140910 50170"),
                             MakeTestFinding(Category::kPhone, "926 41 857")});
  EXPECT_EQ(v.decision, Decision::kHold);
  const std::vector<HeldFinding> want = {{HoldGround::kPupilName, 0},
                                         {HoldGround::kGuardianName, 1},
                                         {HoldGround::kPrivateNameWithContact, 2},
                                         {HoldGround::kNationalId, 3},
                                         {HoldGround::kPrivateNameWithContact, 4}};
  EXPECT_EQ(v.held, want);
  EXPECT_EQ(GroundsOf(v.held), (std::vector<HoldGround>{
                                   HoldGround::kPupilName, HoldGround::kGuardianName,
                                   HoldGround::kPrivateNameWithContact, HoldGround::kNationalId}));
  EXPECT_EQ(v.reason.find("private person's name with contact details x2"),
            v.reason.find("private"));
}

// Trap: a marked letter is exempt and nothing in it holds; a protected identity in it holds
// on that ground alone (the national ID beside it is covered by the marking).
TEST(PolicyTest, AMarkedLetterIsHeldOnlyOnGroundsAMarkingDoesNotCover) {
  Policy policy{PolicyRules{}};
  Verdict exempt = policy.Decide(TextDocument(), Marking(),
                                 {MakeTestFinding(Category::kNationalId, "140910 50170")});
  EXPECT_EQ(exempt.decision, Decision::kExempt);
  EXPECT_TRUE(exempt.held.empty());
  Verdict held = policy.Decide(
      TextDocument(), Marking(),
      {MakeTestFinding(Category::kNationalId, "140910 50170"),
       MakeTestFinding(Category::kPersonName, "Alva", "protected", "protected_identity")});
  EXPECT_EQ(held.decision, Decision::kHold);
  EXPECT_EQ(held.held, (std::vector<HeldFinding>{{HoldGround::kProtectedIdentity, 1}}));
  EXPECT_NE(held.reason.find("held although marked exempt"), std::string::npos);
  EXPECT_EQ(held.reason.find("national ID"), std::string::npos);
}

// A building matter's applicant and property address are public unless the municipality
// screens them; an ID in the same letter holds either way.
TEST(PolicyTest, APropertyMattersPublicDataHoldsOnlyWhenThePolicySaysSo) {
  const std::vector<Finding> findings = {
      MakeTestFinding(Category::kPersonName, "Ola Hansen", "property"),
      MakeTestFinding(Category::kAddress, "Storgata 5", "property")};
  Policy policy{PolicyRules{}};
  EXPECT_EQ(policy.Decide(TextDocument(), std::nullopt, findings).decision, Decision::kPass);
  PolicyRules screening;
  screening.hold_property_matters = true;
  const Verdict screened = Policy(screening).Decide(TextDocument(), std::nullopt, findings);
  EXPECT_EQ(screened.decision, Decision::kHold);
  EXPECT_EQ(GroundsOf(screened.held), std::vector<HoldGround>{HoldGround::kPrivateNameWithContact});
  // Trap: the property's address is no private contact for another name in the letter, but
  // that other name with its own phone holds, and so does an ID.
  std::vector<Finding> more = findings;
  more.push_back(MakeTestFinding(Category::kPersonName, "Kari Nordmann"));
  EXPECT_EQ(policy.Decide(TextDocument(), std::nullopt, more).decision, Decision::kPass);
  more.push_back(MakeTestFinding(Category::kPhone, "926 41 857"));
  EXPECT_EQ(policy.Decide(TextDocument(), std::nullopt, more).decision, Decision::kHold);
  std::vector<Finding> with_id = findings;
  with_id.push_back(MakeTestFinding(Category::kNationalId, "140910 50170"));
  EXPECT_EQ(policy.Decide(TextDocument(), std::nullopt, with_id).decision, Decision::kHold);
}

TEST(PolicyTest, ContactWithoutNameIsAKnob) {
  Policy policy{PolicyRules{}};
  std::vector<Finding> findings = {MakeTestFinding(Category::kEmail, "kari@example.org")};
  EXPECT_EQ(policy.Decide(TextDocument(), std::nullopt, findings).decision, Decision::kPass);
  PolicyRules rules;
  rules.hold_contact_without_name = true;
  EXPECT_EQ(Policy(rules).Decide(TextDocument(), std::nullopt, findings).decision, Decision::kHold);
}

TEST(PolicyTest, LowConfidenceFindingsAreDropped) {
  Policy policy{PolicyRules{}};
  Verdict v =
      policy.Decide(TextDocument(), std::nullopt,
                    {MakeTestFinding(Category::kNationalId, "1403101234", "", "dk.cpr", 0.2)});
  EXPECT_EQ(v.decision, Decision::kPass);
  EXPECT_TRUE(v.findings.empty());
}

TEST(PolicyTest, BarelyReadableScanCannotPass) {
  Policy policy{PolicyRules{}};
  Document d;
  Page p;
  p.number = 1;
  p.text = "~~ ,, ii";
  p.origin = PageOrigin::kOcr;
  p.ocr_confidence = 12;
  d.pages.push_back(p);
  Verdict v = policy.Decide(d, std::nullopt, {});
  EXPECT_EQ(v.decision, Decision::kError);
  EXPECT_NE(v.reason.find("page 1"), std::string::npos);
}

Document OcrDocument(std::string text, std::optional<float> confidence) {
  Document d;
  Page p;
  p.number = 1;
  p.text = std::move(text);
  p.origin = PageOrigin::kOcr;
  p.ocr_confidence = confidence;
  d.pages.push_back(p);
  return d;
}

// A skewed or mirrored scan that OCR reads nothing from is not an empty page.
TEST(PolicyTest, APageWithInkButNoWordsCannotPass) {
  Policy policy{PolicyRules{}};
  Verdict v = policy.Decide(OcrDocument("", 0.0f), std::nullopt, {});
  EXPECT_EQ(v.decision, Decision::kError);
  EXPECT_NE(v.reason.find("page 1 has ink but OCR read no words"), std::string::npos) << v.reason;
}

TEST(PolicyTest, ABlankPageCanPass) {
  Policy policy{PolicyRules{}};
  // The blank test found no ink: no confidence, nothing to read.
  EXPECT_EQ(policy.Decide(OcrDocument("", std::nullopt), std::nullopt, {}).decision,
            Decision::kPass);
}

TEST(PolicyTest, AReadingLikeAMirroredOrCoarseScanCannotPass) {
  Policy policy{PolicyRules{}};
  for (const float weak : {43.7f, 59.7f, 69.9f}) {
    Verdict v = policy.Decide(OcrDocument("Nordby korerase", weak), std::nullopt, {});
    EXPECT_EQ(v.decision, Decision::kError) << weak;
    EXPECT_NE(v.reason.find("could not be read reliably"), std::string::npos) << v.reason;
  }
  EXPECT_EQ(policy.Decide(OcrDocument("Nordby kommune", 89.6f), std::nullopt, {}).decision,
            Decision::kPass);
  EXPECT_EQ(policy.Decide(OcrDocument("Nordby kommune", 70), std::nullopt, {}).decision,
            Decision::kPass);
}

TEST(PolicyTest, AnImpossibleConfidenceCannotPass) {
  Policy policy{PolicyRules{}};
  for (const float impossible : {144.0f, -1.0f, std::numeric_limits<float>::quiet_NaN()}) {
    Verdict v = policy.Decide(OcrDocument("Nordby kommune", impossible), std::nullopt, {});
    EXPECT_EQ(v.decision, Decision::kError) << impossible;
    EXPECT_NE(v.reason.find("impossible OCR confidence"), std::string::npos) << v.reason;
  }
}

TEST(PolicyTest, AWeakPageStillHoldsWhatWasFound) {
  Policy policy{PolicyRules{}};
  Verdict v = policy.Decide(OcrDocument("x", 50), std::nullopt,
                            {MakeTestFinding(Category::kNationalId, "14091050170")});
  EXPECT_EQ(v.decision, Decision::kHold);
}

TEST(PolicyTest, UnreadPageReasonIgnoresTextLayers) {
  Page text;
  text.number = 2;
  text.text = "Brev";
  EXPECT_EQ(UnreadPageReason(text, 70), "");
}

TEST(PolicyTest, ThresholdsOffTheirScaleAreRefused) {
  const TempFolder folder("skjerm-policy");
  const std::string path = folder.File("threshold-policy.toml");
  for (const char* line :
       {"min_ocr_confidence = 144", "min_ocr_confidence = -1", "min_confidence = 1.5",
        "min_confidence = -0.1", "min_ocr_confidence = \"70\""}) {
    FILE* f = fopen(path.c_str(), "w");
    fprintf(f, "[thresholds]\n%s\n", line);
    fclose(f);
    try {
      Policy::FromFile(path);
      ADD_FAILURE() << "taken: " << line;
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("must be a number from 0 to"), std::string::npos)
          << e.what();
    }
  }
  FILE* f = fopen(path.c_str(), "w");
  fputs("[thresholds]\nmin_ocr_confidence = 85\nmin_confidence = 0.6\n", f);
  fclose(f);
  const Policy policy = Policy::FromFile(path);
  EXPECT_DOUBLE_EQ(policy.rules().min_ocr_confidence, 85);
  EXPECT_DOUBLE_EQ(policy.rules().min_confidence, 0.6);
}

TEST(PolicyTest, ReadsTheShippedPolicyFile) {
  Policy policy = Policy::FromFile(std::string(SKJERM_PATTERNS_DIR) + "/policy.toml");
  EXPECT_TRUE(policy.rules().hold_national_id);
  EXPECT_TRUE(policy.rules().hold_birth_date);
  EXPECT_FALSE(policy.rules().hold_private_name);
  EXPECT_DOUBLE_EQ(policy.rules().min_confidence, 0.5);
  EXPECT_DOUBLE_EQ(policy.rules().min_ocr_confidence, 70);
}

TEST(PolicyTest, BrokenPolicyFileNamesTheFile) {
  const TempFolder folder("skjerm-policy");
  const std::string path = folder.File("broken-policy.toml");
  FILE* f = fopen(path.c_str(), "w");
  fputs("[hold\nnational_id = ", f);
  fclose(f);
  try {
    Policy::FromFile(path);
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("broken-policy.toml"), std::string::npos);
  }
}

TEST(FindingTest, ConfidenceLiesBetweenZeroAndOne) {
  EXPECT_EQ(ClampFindingConfidence(1.5), 1.0);
  EXPECT_EQ(ClampFindingConfidence(-0.2), 0.0);
  EXPECT_EQ(ClampFindingConfidence(0.85), 0.85);
  // Not a number: kept, failing closed.
  EXPECT_EQ(ClampFindingConfidence(std::numeric_limits<double>::quiet_NaN()), 1.0);
  TextUnit unit{Location{}, TextView("Ola 14091050170")};
  EXPECT_EQ(MakeFinding(unit, Category::kNationalId, "x", 4, 15, 2.0).confidence, 1.0);
  EXPECT_EQ(MakeFinding(unit, Category::kNationalId, "x", 4, 15, -1.0).confidence, 0.0);
}

}  // namespace
}  // namespace skjerm
