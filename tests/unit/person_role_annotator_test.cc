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

  // One unit (a page, or the journal title when `title`); findings of the given categories
  // over the spans given, in text order.
  std::vector<Finding> AnnotateSpans(const std::string& text,
                                     const std::vector<std::pair<Category, std::string>>& spans,
                                     bool title = false) {
    text_.units.clear();
    Location location;
    if (title) {
      location.metadata = MetadataSource::kJournalField;
      location.field = "title";
    } else {
      location.page = 1;
    }
    text_.units.push_back(TextUnit{location, TextView(text)});
    std::vector<Finding> findings;
    const std::string& t = text_.units[0].view.text();
    for (const auto& [category, span] : spans) {
      const size_t at = t.find(span);
      EXPECT_NE(at, std::string::npos) << span;
      if (at == std::string::npos) continue;
      findings.push_back(MakeFinding(text_.units[0], category, "test", at, at + span.size(), 0.9));
    }
    annotator_->Detect(text_, &findings);
    return findings;
  }

  std::unique_ptr<PersonRoleAnnotator> annotator_;
  DocumentText text_;
};

bool Property(const Finding& f) { return f.flags.Has(FindingFlag::kProperty); }

std::vector<std::string> Texts(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(f.text);
  return out;
}

// Initials are a pupil's name in a school case: every mention, genitives included.
TEST_F(PersonRoleTest, InitialsNameAPupilInACase) {
  auto f = AnnotateSpans(
      "Aktivitetsplan – trygt og godt skulemiljø\nElev: E.K., 9B\n"
      "E.K.s mor ringde. Eleven har sagt at S.L. og M.H i 9B står bak. E.K:s bror veit det.",
      {});
  EXPECT_EQ(Texts(f), (std::vector<std::string>{"E.K.", "E.K.s", "S.L.", "M.H", "E.K:s"}));
  for (const Finding& x : f) {
    EXPECT_EQ(x.category, Category::kPersonName);
    EXPECT_EQ(x.rule, "name.initials");
    EXPECT_TRUE(x.flags.Has(FindingFlag::kCase)) << x.text;
  }
  EXPECT_TRUE(f[0].flags.Has(FindingFlag::kPupil));
  EXPECT_TRUE(f[1].flags.Has(FindingFlag::kPupil)) << "the same initials, carried over";
}

// Outside a case, initials count only when one mention is a pupil's by a label or a class.
TEST_F(PersonRoleTest, InitialsOutsideACaseNeedAPupilCue) {
  EXPECT_EQ(Texts(AnnotateSpans("Tur til Nordkapp for T.E. i 7B. T.E. tar med matpakke.", {})),
            (std::vector<std::string>{"T.E.", "T.E."}));
  EXPECT_EQ(Texts(AnnotateSpans("Anmälan gällande Elev: J.L. och förskolan.", {})),
            (std::vector<std::string>{"J.L."}));
  // Traps: no cue; abbreviations; initials glued to a word; a single letter; four letters.
  EXPECT_TRUE(AnnotateSpans("Møtet ledes av K.H. fra rådmannens stab.", {}).empty());
  EXPECT_TRUE(AnnotateSpans("Elev: P.S. husk matpakke. Se U.S.A. og E.U. på kartet.", {}).empty());
  EXPECT_TRUE(AnnotateSpans("Elev: ABC.D.E. i 7B, Elev: A. i 7B, Elev: A.B.C.D. i 7B", {}).empty());
}

// A building matter's title names its applicant and property: both public (DOMAIN § 7).
TEST_F(PersonRoleTest, ABuildingMattersTitleNamesItsApplicantAndProperty) {
  auto f = AnnotateSpans(
      "49/484 Tiltak uten ansvarsrett – redskapsbod – Storgata 5 – Ola Hansen",
      {{Category::kAddress, "Storgata 5"}, {Category::kPersonName, "Ola Hansen"}}, true);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_TRUE(Property(f[0]));
  EXPECT_TRUE(Property(f[1]));
  auto caps = AnnotateSpans("SØKNAD OM FRÅDELING - GNR 12 BNR 3 - KARI NORDMANN",
                            {{Category::kPersonName, "KARI NORDMANN"}}, true);
  EXPECT_TRUE(Property(caps[0]));
  // A word that is also said of other things, beside the cadastral number at the start.
  auto weak = AnnotateSpans("48/403 TILLATELSE - BOLIG OG GARASJE, KARI NORDMANN",
                            {{Category::kPersonName, "KARI NORDMANN"}}, true);
  EXPECT_TRUE(Property(weak[0]));
  auto no_number = AnnotateSpans("Tillatelse - bolig og garasje, Kari Nordmann",
                                 {{Category::kPersonName, "Kari Nordmann"}}, true);
  EXPECT_FALSE(Property(no_number[0]));
}

// Traps: a neighbour's objection, a welfare case, and a title about anything else.
TEST_F(PersonRoleTest, ANeighboursObjectionOrACaseIsNoPropertyMatter) {
  for (const char* title : {"Merknad til nabovarsel - gnr 5 bnr 6 - Kari Nordmann",
                            "31/486 KLAGE PÅ AVSLAG PÅ SØKNAD OM BOLIG - Kari Nordmann",
                            "24/33 Tillatelse til bilde av elev - Kari Nordmann",
                            "Byggesak - rullestol og tilpasning - Kari Nordmann",
                            "Søknad om skoleskyss - Kari Nordmann"}) {
    auto f = AnnotateSpans(title, {{Category::kPersonName, "Kari Nordmann"}}, true);
    EXPECT_FALSE(Property(f[0])) << title;
  }
  auto welfare = AnnotateSpans(
      "Bekymringsmelding til barnevernet\n\nSøknad om dispensasjon for tilbygg.\n"
      "Tiltakshaver: Kari Nordmann",
      {{Category::kPersonName, "Kari Nordmann"}});
  EXPECT_FALSE(Property(welfare[0]));
}

// In a document only the applicant named as such and the property's address are public;
// the neighbour named in it is not.
TEST_F(PersonRoleTest, InABuildingLetterTheLabelledApplicantAndPropertyArePublic) {
  auto f = AnnotateSpans(
      "Rammetillatelse - tilbygg\n\nTiltakshaver: Ola Hansen\nEiendom: Storgata 5\n"
      "4300 Sandnes\nGnr. 49 bnr. 484, Fjellveien 2\n\nNabo Kari Nordmann i Bakken 3 er "
      "varslet.\nAdresse: Skogvegen 18, 4310 Hommersåk",
      {{Category::kPersonName, "Ola Hansen"},
       {Category::kAddress, "Storgata 5"},
       {Category::kAddress, "4300 Sandnes"},
       {Category::kAddress, "Fjellveien 2"},
       {Category::kPersonName, "Kari Nordmann"},
       {Category::kAddress, "Bakken 3"},
       {Category::kAddress, "Skogvegen 18"},
       {Category::kAddress, "4310 Hommersåk"}});
  ASSERT_EQ(f.size(), 8u);
  EXPECT_TRUE(Property(f[6]));
  EXPECT_TRUE(Property(f[7])) << "the postcode after the property's street on its line";
  EXPECT_TRUE(Property(f[0]));
  EXPECT_TRUE(Property(f[1]));
  EXPECT_TRUE(Property(f[2])) << "the postcode line under the property's street";
  EXPECT_TRUE(Property(f[3])) << "an address on the line of the cadastral number";
  EXPECT_FALSE(Property(f[4]));
  EXPECT_FALSE(Property(f[5]));
}

// The applicant's address block at the top of the letter names the same person and
// property as the labelled lines below it.
TEST_F(PersonRoleTest, TheApplicantNamedAgainInTheAddressBlockIsPublicToo) {
  auto f = AnnotateSpans(
      "Gunnhild Lie Øvrebø\nSjøbergvegen 21\n6893 Fjordvik\n\nLØYVE TIL TILTAK UTAN "
      "ANSVARSRETT\nTiltakshavar: Gunnhild Lie Ovrebo\nEigedom: gnr. 12 bnr. 45, "
      "Sjøbergvegen 21b\n\nKopi: Kari Nordmann, Bakken 3",
      {{Category::kPersonName, "Gunnhild Lie Øvrebø"},
       {Category::kAddress, "Sjøbergvegen 21\n"},
       {Category::kAddress, "6893 Fjordvik"},
       {Category::kPersonName, "Gunnhild Lie Ovrebo"},
       {Category::kAddress, "Sjøbergvegen 21b"},
       {Category::kPersonName, "Kari Nordmann"},
       {Category::kAddress, "Bakken 3"}});
  ASSERT_EQ(f.size(), 7u);
  EXPECT_TRUE(Property(f[0])) << "the applicant, named again";
  EXPECT_FALSE(Property(f[1])) << "another street than the property's";
  EXPECT_FALSE(Property(f[2]));
  EXPECT_TRUE(Property(f[3]));
  EXPECT_TRUE(Property(f[4]));
  EXPECT_FALSE(Property(f[5]));
  EXPECT_FALSE(Property(f[6]));
}

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
