#include "policy/entry_decision.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "temp_folder.h"

namespace skjerm {
namespace {

FieldFinding InField(JournalField field, Category category, std::string text,
                     double confidence = 0.9) {
  FieldFinding f;
  f.field = field;
  f.finding.category = category;
  f.finding.rule = "test";
  f.finding.text = std::move(text);
  f.finding.confidence = confidence;
  return f;
}

Verdict DocumentVerdict(Decision decision, std::string reason, int marking_page = -1) {
  Verdict v;
  v.decision = decision;
  v.reason = std::move(reason);
  if (marking_page >= 0) {
    v.marking = ExemptionMarking{};
    v.marking->phrase = "Unntatt offentlighet";
    v.marking->page = marking_page;
  }
  return v;
}

ExemptionMarking AccessCode() {
  ExemptionMarking m;
  m.phrase = "access code U (offl. § 13)";
  return m;
}

TEST(EntryDecisionTest, PersonalDataInTheTitleHoldsAMarkedEntry) {
  // The marking hides the documents, not the entry: the journal prints the title.
  const EntryDecision d =
      DecideEntry(PolicyRules{}, AccessCode(),
                  {InField(JournalField::kTitle, Category::kPersonName, "Kari Nordmann")},
                  {DocumentVerdict(Decision::kExempt, "marked", 1)});
  EXPECT_EQ(d.decision, Decision::kHold);
  EXPECT_NE(d.reason.find("the public journal would show personal data: person_name"),
            std::string::npos)
      << d.reason;
  EXPECT_NE(d.reason.find("in the title"), std::string::npos) << d.reason;
  EXPECT_EQ(d.reason.find("Kari"), std::string::npos) << "reasons are masked: " << d.reason;
  ASSERT_EQ(d.printed.size(), 1u);
}

// The entry's grounds: its held documents' grounds, then the printed field's; none from an
// exempt document (trap: its findings do not hold).
TEST(EntryDecisionTest, AnEntrySaysOnWhichGroundsItIsHeld) {
  Verdict held = DocumentVerdict(Decision::kHold, "pupil's name");
  held.findings.resize(2);
  held.held = {{HoldGround::kPupilName, 0}, {HoldGround::kNationalId, 1}};
  Verdict exempt = DocumentVerdict(Decision::kExempt, "marked", 1);
  const EntryDecision d = DecideEntry(
      PolicyRules{}, std::nullopt,
      {InField(JournalField::kParties, Category::kPersonName, "Kari Nordmann")}, {exempt, held});
  EXPECT_EQ(d.decision, Decision::kHold);
  EXPECT_EQ(d.grounds, (std::vector<HoldGround>{HoldGround::kPupilName, HoldGround::kNationalId,
                                                HoldGround::kPrintedField}));
  const EntryDecision open =
      DecideEntry(PolicyRules{}, std::nullopt, {}, {DocumentVerdict(Decision::kPass, "none")});
  EXPECT_TRUE(open.grounds.empty());
  PolicyRules rules;
  rules.hold_in_parties = false;
  const EntryDecision parties_allowed = DecideEntry(
      rules, std::nullopt,
      {InField(JournalField::kParties, Category::kPersonName, "Kari Nordmann")}, {exempt});
  EXPECT_TRUE(parties_allowed.grounds.empty());
}

// A building matter's applicant in the title is published as it stands, unless the policy
// screens property matters; any other name in the title holds.
TEST(EntryDecisionTest, APropertyMattersApplicantInTheTitleIsPublished) {
  FieldFinding applicant = InField(JournalField::kTitle, Category::kPersonName, "Ola Hansen");
  applicant.finding.flags.Add(FindingFlag::kProperty);
  const EntryDecision d = DecideEntry(PolicyRules{}, std::nullopt, {applicant}, {});
  EXPECT_EQ(d.decision, Decision::kPass);
  ASSERT_EQ(d.printed.size(), 1u);
  EXPECT_TRUE(d.printed[0].published);
  PolicyRules screening;
  screening.hold_property_matters = true;
  const EntryDecision screened = DecideEntry(screening, std::nullopt, {applicant}, {});
  EXPECT_EQ(screened.decision, Decision::kHold);
  EXPECT_FALSE(screened.printed[0].published);
  const EntryDecision other = DecideEntry(
      PolicyRules{}, std::nullopt,
      {applicant, InField(JournalField::kTitle, Category::kPersonName, "Kari Nordmann")}, {});
  EXPECT_EQ(other.decision, Decision::kHold);
  EXPECT_EQ(other.reason.find("O*"), std::string::npos) << other.reason;
}

TEST(EntryDecisionTest, TheTitleHoldIsThePolicysToSwitchOff) {
  PolicyRules rules;
  rules.hold_in_title = false;
  const EntryDecision d = DecideEntry(
      rules, std::nullopt,
      {InField(JournalField::kPublicTitle, Category::kPersonName, "Kari Nordmann")}, {});
  EXPECT_EQ(d.decision, Decision::kPass);
  // Still printed, so still masked in the public title and recorded.
  ASSERT_EQ(d.printed.size(), 1u);
  EXPECT_EQ(d.printed[0].field, JournalField::kPublicTitle);
}

TEST(EntryDecisionTest, ThePartiesHoldIsThePolicysToSwitchOff) {
  const std::vector<FieldFinding> parties = {
      InField(JournalField::kParties, Category::kPersonName, "Ola Nordmann")};
  EXPECT_EQ(DecideEntry(PolicyRules{}, std::nullopt, parties, {}).decision, Decision::kHold);
  PolicyRules rules;
  rules.hold_in_parties = false;
  EXPECT_EQ(DecideEntry(rules, std::nullopt, parties, {}).decision, Decision::kPass);
  // Switching the parties off does not switch the title off.
  EXPECT_EQ(DecideEntry(rules, std::nullopt,
                        {InField(JournalField::kTitle, Category::kPhone, "912 34 567")}, {})
                .decision,
            Decision::kHold);
}

TEST(EntryDecisionTest, FindingsBelowTheConfidenceThresholdAreDroppedOnce) {
  PolicyRules rules;
  rules.min_confidence = 0.5;
  const EntryDecision d = DecideEntry(
      rules, std::nullopt, {InField(JournalField::kTitle, Category::kPersonName, "Storm", 0.3)},
      {DocumentVerdict(Decision::kPass, "no personal data found")});
  EXPECT_EQ(d.decision, Decision::kPass);
  EXPECT_TRUE(d.printed.empty());
  EXPECT_EQ(d.reason, "no personal data found");
}

TEST(EntryDecisionTest, AnEntryIsAsBadAsItsWorstDocument) {
  const EntryDecision d =
      DecideEntry(PolicyRules{}, std::nullopt, {},
                  {DocumentVerdict(Decision::kPass, "no personal data found"),
                   DocumentVerdict(Decision::kHold, "national_id; no exemption marking"),
                   DocumentVerdict(Decision::kError, "the file could not be read")});
  EXPECT_EQ(d.decision, Decision::kError);
  EXPECT_EQ(d.reason,
            "document 2: national_id; no exemption marking; document 3: the file could not be "
            "read");
}

TEST(EntryDecisionTest, OneDocumentsReasonIsNotNumbered) {
  const EntryDecision d =
      DecideEntry(PolicyRules{}, std::nullopt, {}, {DocumentVerdict(Decision::kHold, "held")});
  EXPECT_EQ(d.decision, Decision::kHold);
  EXPECT_EQ(d.reason, "held");
}

TEST(EntryDecisionTest, ExemptReasonPrefersTheMarkingInADocument) {
  EXPECT_EQ(DecideEntry(PolicyRules{}, AccessCode(), {},
                        {DocumentVerdict(Decision::kExempt, "exempt via the code", 0)})
                .reason,
            "exempt through the entry's access code U (offl. § 13)");
  const EntryDecision d =
      DecideEntry(PolicyRules{}, AccessCode(), {},
                  {DocumentVerdict(Decision::kPass, "no personal data found"),
                   DocumentVerdict(Decision::kExempt,
                                   "exemption marking \"Unntatt offentlighet\" on p. 2", 2)});
  EXPECT_EQ(d.decision, Decision::kExempt);
  EXPECT_EQ(d.reason, "exemption marking \"Unntatt offentlighet\" on p. 2");
  EXPECT_EQ(DecideEntry(PolicyRules{}, std::nullopt, {},
                        {DocumentVerdict(Decision::kExempt, "marked", 0)})
                .reason,
            "exemption marking in the document");
}

TEST(EntryDecisionTest, AnEntryWithoutDocumentsSaysSo) {
  const EntryDecision d = DecideEntry(PolicyRules{}, std::nullopt, {}, {});
  EXPECT_EQ(d.decision, Decision::kPass);
  EXPECT_EQ(d.reason, "no documents: judged on its title, parties and access code; nothing found");
  EXPECT_EQ(DecideEntry(PolicyRules{}, AccessCode(), {}, {}).decision, Decision::kExempt);
}

TEST(EntryDecisionTest, FieldNamesRoundTrip) {
  for (JournalField f :
       {JournalField::kTitle, JournalField::kPublicTitle, JournalField::kParties}) {
    EXPECT_EQ(JournalFieldFromName(JournalFieldName(f)), f);
  }
  EXPECT_FALSE(JournalFieldFromName("Title").has_value());
  EXPECT_FALSE(JournalFieldFromName("").has_value());
}

TEST(EntryDecisionTest, OneSeverityRanking) {
  EXPECT_EQ(MoreSevere(Decision::kPass, Decision::kExempt), Decision::kExempt);
  EXPECT_EQ(MoreSevere(Decision::kHold, Decision::kExempt), Decision::kHold);
  EXPECT_EQ(MoreSevere(Decision::kHold, Decision::kError), Decision::kError);
  EXPECT_EQ(MoreSevere(Decision::kError, Decision::kPass), Decision::kError);
}

TEST(EntryDecisionTest, ThePolicyFileSwitchesTheJournalHolds) {
  const TempFolder folder("skjerm-entry-policy");
  const std::string path = folder.File("policy.toml");
  FILE* f = fopen(path.c_str(), "w");
  fputs("[journal]\ntitle = false\nparties = true\n", f);
  fclose(f);
  const Policy policy = Policy::FromFile(path);
  EXPECT_FALSE(policy.rules().hold_in_title);
  EXPECT_TRUE(policy.rules().hold_in_parties);
  f = fopen(path.c_str(), "w");
  fputs("[journal]\ntitel = false\n", f);
  fclose(f);
  EXPECT_THROW(Policy::FromFile(path), std::runtime_error);
  const Policy shipped = Policy::FromFile(std::string(SKJERM_PATTERNS_DIR) + "/policy.toml");
  EXPECT_TRUE(shipped.rules().hold_in_title);
  EXPECT_TRUE(shipped.rules().hold_in_parties);
}

}  // namespace
}  // namespace skjerm
