#include "detect/names/name_detector.h"

#include <gtest/gtest.h>

#include <set>

#include "journal/roster_store.h"

namespace skjerm {
namespace {

const std::string kKey(32, '\x11');

// Invented people of an invented school.
RosterRecord Person(const std::string& given, const std::string& family, RosterRole role,
                    bool is_protected = false) {
  RosterRecord r;
  r.given_names = given;
  r.family_name = family;
  r.role = role;
  r.is_protected = is_protected;
  return r;
}

std::shared_ptr<const Roster> TestRoster() {
  const std::vector<RosterRecord> records = {
      Person("Tobias", "Vangen", RosterRole::kPupil),
      Person("Tor-Erik", "Bråten", RosterRole::kPupil),
      Person("Åsmund", "Kvål", RosterRole::kPupil),
      Person("Liv", "Sørhus", RosterRole::kPupil),
      Person("Hege", "Vangen", RosterRole::kGuardian),
      Person("Gudrun", "Lia", RosterRole::kStaff),
      Person("Anne", "Berg", RosterRole::kStaff),
      Person("Mira", "Tangen", RosterRole::kPupil, /*is_protected=*/true),
      Person("Linnea", "Wikström", RosterRole::kPupil),
      Person("Ilyas", "Warsame", RosterRole::kPupil),
  };
  const std::set<std::string> ordinary = {"Liv", "Berg"};
  std::vector<StoredRosterPerson> stored;
  for (size_t i = 0; i < records.size(); ++i) {
    StoredRosterPerson p;
    p.id = static_cast<int64_t>(i + 1);
    p.role = records[i].role;
    p.is_protected = records[i].is_protected;
    p.terms = DeriveTerms(records[i], kKey,
                          [&](std::string_view w) { return ordinary.count(std::string(w)) > 0; });
    stored.push_back(std::move(p));
  }
  return std::make_shared<Roster>(Roster::FromStored(stored, kKey));
}

struct Found {
  std::string text;
  std::string rule;
  std::string flags;
  bool operator==(const Found&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Found& f) {
  return os << "{" << f.text << ", " << f.rule << ", " << f.flags << "}";
}

class NameDetectorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    with_roster_ = NameDetector::Create(SKJERM_PATTERNS_DIR, TestRoster()).release();
    without_roster_ = NameDetector::Create(SKJERM_PATTERNS_DIR).release();
  }
  static void TearDownTestSuite() {
    delete with_roster_;
    delete without_roster_;
  }

  // The names found in the pages; an ID finding may be planted at `id`'s first occurrence.
  static std::vector<Found> Names(const NameDetector& detector, std::vector<std::string> pages,
                                  const std::string& id = "") {
    Document doc;
    for (size_t i = 0; i < pages.size(); ++i) {
      Page p;
      p.number = static_cast<int>(i + 1);
      p.text = pages[i];
      doc.pages.push_back(p);
    }
    DocumentText text = MakeDocumentText(doc);
    std::vector<Finding> findings;
    if (!id.empty()) {
      const size_t at = text.units[0].view.text().find(id);
      findings.push_back(MakeFinding(text.units[0], Category::kNationalId, "no.fodselsnummer", at,
                                     at + id.size(), 1.0));
    }
    detector.Detect(text, &findings);
    std::vector<Found> out;
    for (const Finding& f : findings) {
      if (f.category == Category::kPersonName)
        out.push_back({f.text, f.rule, FindingFlagsText(f.flags)});
    }
    return out;
  }
  static std::vector<Found> WithRoster(const std::string& text) {
    return Names(*with_roster_, {text});
  }
  static std::vector<Found> WithoutRoster(const std::string& text, const std::string& id = "") {
    return Names(*without_roster_, {text}, id);
  }
  static std::vector<std::string> Texts(const std::vector<Found>& found) {
    std::vector<std::string> out;
    for (const Found& f : found) out.push_back(f.text);
    return out;
  }

  static NameDetector* with_roster_;
  static NameDetector* without_roster_;
};

NameDetector* NameDetectorTest::with_roster_ = nullptr;
NameDetector* NameDetectorTest::without_roster_ = nullptr;

using Strings = std::vector<std::string>;

// --- with a roster ----------------------------------------------------------------------

TEST_F(NameDetectorTest, RosterFullName) {
  EXPECT_EQ(WithRoster("Vedtaket gjelder Tobias Vangen, 5. trinn."),
            (std::vector<Found>{{"Tobias Vangen", "name.roster", "pupil"}}));
  EXPECT_EQ(WithRoster("Møte med Hege Vangen i dag."),
            (std::vector<Found>{{"Hege Vangen", "name.roster", "guardian"}}));
}

TEST_F(NameDetectorTest, RosterFirstNameAfterFullNameAcrossPages) {
  std::vector<Finding> findings;
  Document doc;
  doc.pages.push_back(Page{});
  doc.pages[0].number = 1;
  doc.pages[0].text = "Elev: Tobias Vangen\n";
  doc.pages.push_back(Page{});
  doc.pages[1].number = 2;
  doc.pages[1].text = "Vi har snakket med Tobias om saken.";
  with_roster_->Detect(MakeDocumentText(doc), &findings);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[1].text, "Tobias");
  EXPECT_EQ(findings[1].location.page, 2);
  EXPECT_GT(findings[1].confidence, 0.8);
  // Alone, the first name is still found, less surely.
  std::vector<Finding> alone;
  Document one;
  one.pages.push_back(doc.pages[1]);
  with_roster_->Detect(MakeDocumentText(one), &alone);
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_EQ(alone[0].text, "Tobias");
  EXPECT_LT(alone[0].confidence, findings[1].confidence);
}

TEST_F(NameDetectorTest, RosterGenitives) {
  EXPECT_EQ(Texts(WithRoster("Åsmund Kvål har begynt. Åsmunds mor ringte.")),
            (Strings{"Åsmund Kvål", "Åsmunds"}));
  EXPECT_EQ(Texts(WithRoster("Vi har lest Tobias Vangens søknad og Linneas brev.")),
            (Strings{"Tobias Vangens", "Linneas"}));
}

TEST_F(NameDetectorTest, RosterHyphenatedAndDoubleNames) {
  EXPECT_EQ(Texts(WithRoster("Elev: Tor-Erik Bråten. Senere kom Tor-Erik tilbake.")),
            (Strings{"Tor-Erik Bråten", "Tor-Erik"}));
  EXPECT_EQ(Texts(WithRoster("Elev: Tor Erik Bråten, 6B")), (Strings{"Tor Erik Bråten"}));
}

TEST_F(NameDetectorTest, RosterUpperCaseAndMissingDiacritics) {
  EXPECT_EQ(Texts(WithRoster("VEDTAK FOR TOBIAS VANGEN")), (Strings{"TOBIAS VANGEN"}));
  EXPECT_EQ(Texts(WithRoster("Gjelder Asmund Kval og Linnea Wikstrom.")),
            (Strings{"Asmund Kval", "Linnea Wikstrom"}));
}

TEST_F(NameDetectorTest, RosterOcrDamageWithinOneLetter) {
  // A letter wrong, a letter lost, a letter too many: each in one part of the name.
  EXPECT_EQ(Texts(WithRoster("Elev: Tobias Vanqen")), (Strings{"Tobias Vanqen"}));
  EXPECT_EQ(Texts(WithRoster("Elev: Tobias Vngen")), (Strings{"Tobias Vngen"}));
  EXPECT_EQ(Texts(WithRoster("Elev: Tobiias Vangen")), (Strings{"Tobiias Vangen"}));
  // After the full name, a damaged first name alone.
  EXPECT_EQ(Texts(WithRoster("Tobias Vangen kom. Siden har Tobjas vært borte.")),
            (Strings{"Tobias Vangen", "Tobjas"}));
  // Two damaged words, or damage without the full name, are not enough.
  EXPECT_TRUE(WithRoster("Møtet med Tobjas Vanqen var fint.").empty());
  EXPECT_TRUE(WithRoster("Siden har Tobjas vært borte.").empty());
}

TEST_F(NameDetectorTest, RosterStaffAreNeverReported) {
  EXPECT_TRUE(WithRoster("Med hilsen\n\nGudrun Lia\nrektor\n").empty());
  EXPECT_TRUE(WithRoster("Kontakt Gudrun Lia. Gudrun svarer på spørsmål.").empty());
  // Anne is a listed first name and Berg a family name: without the roster's word the
  // pair would be reported.
  EXPECT_TRUE(WithRoster("Planen er laget av Anne Berg.").empty());
  EXPECT_EQ(Texts(WithoutRoster("Planen er laget av Anne Berg.")), (Strings{"Anne Berg"}));
}

TEST_F(NameDetectorTest, ProtectedIdentityEveryMention) {
  EXPECT_EQ(WithRoster("Elev: Mira Tangen. Mira trives."),
            (std::vector<Found>{{"Mira Tangen", "protected_identity", "protected"},
                                {"Mira", "protected_identity", "protected"}}));
  EXPECT_EQ(WithRoster("Vi har snakket med Mira."),
            (std::vector<Found>{{"Mira", "protected_identity", "protected"}}));
}

TEST_F(NameDetectorTest, OrdinaryWordNamesNeedContext) {
  EXPECT_TRUE(WithRoster("Liv og helse er tema i uke 12.").empty());
  EXPECT_TRUE(WithRoster("LIV OG HELSE").empty());
  EXPECT_EQ(Texts(WithRoster("Vi snakket med Liv i friminuttet.")), (Strings{"Liv"}));
  EXPECT_EQ(Texts(WithRoster("Hei Liv,\nTakk for sist.")), (Strings{"Liv"}));
  EXPECT_EQ(Texts(WithRoster("Liv Sørhus begynner i 3A. Liv gleder seg.")),
            (Strings{"Liv Sørhus", "Liv"}));
}

// A roster first name is the roster person only where no one else can be meant: public
// letters (council minutes, tenders) name adults who share first names with pupils.
TEST_F(NameDetectorTest, RosterFirstNameWithAnotherFamilyNameIsSomeoneElse) {
  // Listed first names: still names, but not the pupils'.
  EXPECT_EQ(WithRoster("Innspill kom fra Tobias Fredheim og Linnea Dahl i høringen."),
            (std::vector<Found>{{"Tobias Fredheim", "name.list", ""},
                                {"Linnea Dahl", "name.context", ""}}));
  EXPECT_EQ(WithRoster("Klagen fra Tobias Fredheim er mottatt."),
            (std::vector<Found>{{"Tobias Fredheim", "name.list", ""}}));
  // An official who shares a pupil's first name is neither.
  EXPECT_TRUE(WithRoster("Kontaktperson: Tobias Fredheim, key account manager.").empty());
  // A first name no list has, known from the roster: a name all the same.
  EXPECT_EQ(WithRoster("Søknaden fra Ilyas Farah er mottatt."),
            (std::vector<Found>{{"Ilyas Farah", "name.list", ""}}));
  // The same first name alone afterwards is that other person, school words or not.
  EXPECT_EQ(
      WithRoster("Skolen har mottatt brev fra Tobias Fredheim. Tobias ber om svar."),
      (std::vector<Found>{{"Tobias Fredheim", "name.list", ""}, {"Tobias", "name.list", ""}}));
}

TEST_F(NameDetectorTest, RosterFirstNameAloneNeedsASchoolLetter) {
  EXPECT_EQ(WithRoster("Ilyas har fått ny timeplan fra skolen."),
            (std::vector<Found>{{"Ilyas", "name.roster", "pupil"}}));
  EXPECT_EQ(WithRoster("Vi har snakket med mora til Ilyas om fraværet."),
            (std::vector<Found>{{"Ilyas", "name.roster", "pupil"}}));
  // No word of school: the lists decide, and no roster flag is given.
  EXPECT_EQ(WithRoster("Fakturaen ble sendt til Tobias i går."),
            (std::vector<Found>{{"Tobias", "name.list", ""}}));
  EXPECT_TRUE(WithRoster("Ilyas ringte om fakturaen.").empty());
  // A label beside the name is enough.
  EXPECT_EQ(WithRoster("Gjelder: Ilyas (sønn)"),
            (std::vector<Found>{{"Ilyas", "name.roster", "pupil"}}));
  // A protected person is taken at every mention, whatever the letter or family name.
  EXPECT_EQ(WithRoster("Fakturaen gjelder Mira Holt."),
            (std::vector<Found>{{"Mira Holt", "protected_identity", "protected"}}));
}

TEST_F(NameDetectorTest, RosterFullNameWithAMiddleNameTheRosterLacks) {
  EXPECT_EQ(WithRoster("Tobias Andreas Vangen søker permisjon."),
            (std::vector<Found>{{"Tobias Andreas Vangen", "name.roster", "pupil"}}));
  // Two unknown words between are not one person.
  EXPECT_EQ(Texts(WithRoster("Møte med Tobias Andreas Fredrik Vangen.")).size(), 1u);
}

// --- without a roster -------------------------------------------------------------------

TEST_F(NameDetectorTest, Salutations) {
  EXPECT_EQ(WithoutRoster("Hei Kari,\nTakk for e-posten."),
            (std::vector<Found>{{"Kari", "name.context", ""}}));
  EXPECT_EQ(Texts(WithoutRoster("Hej Johan!\nTack för mötet.")), (Strings{"Johan"}));
  EXPECT_EQ(Texts(WithoutRoster("Kære Frederikke\nTak for sidst.")), (Strings{"Frederikke"}));
}

TEST_F(NameDetectorTest, PupilAndGuardianLabels) {
  EXPECT_EQ(WithoutRoster("Elev: Yusra Haddadi, 7B"),
            (std::vector<Found>{{"Yusra Haddadi", "name.context", ""}}));
  EXPECT_EQ(Texts(WithoutRoster("Navn på eleven: Zainab Okafor\nKlasse: 4A")),
            (Strings{"Zainab Okafor"}));
  EXPECT_EQ(Texts(WithoutRoster("Foresatte: Gunnhild Myrvang (mor) og Arvid Myrvang (far)")),
            (Strings{"Gunnhild Myrvang", "Arvid Myrvang"}));
  EXPECT_EQ(Texts(WithoutRoster("Vårdnadshavare: Rania Qasem, tel. 070-111 22 33")),
            (Strings{"Rania Qasem"}));
}

TEST_F(NameDetectorTest, NameBesideAnIdFinding) {
  const std::string text = "Barnet Yusra Haddadi, fødselsnummer 01021550123, går i 4A.";
  EXPECT_EQ(WithoutRoster(text, "01021550123"),
            (std::vector<Found>{{"Yusra Haddadi", "name.context", ""}}));
  EXPECT_TRUE(WithoutRoster("Prosjektet Grønn Kvartal, fødselsnummer ikke oppgitt.").empty());
}

TEST_F(NameDetectorTest, ListedFirstNameWithFamilyName) {
  EXPECT_EQ(WithoutRoster("Vi har hatt møte med Jonas Fjellheim i 6A."),
            (std::vector<Found>{{"Jonas Fjellheim", "name.list", ""}}));
  // The first name alone, after the full name.
  EXPECT_EQ(Texts(WithoutRoster("Møte med Jonas Fjellheim. Vi har snakket med Jonas.")),
            (Strings{"Jonas Fjellheim", "Jonas"}));
}

TEST_F(NameDetectorTest, TableColumnOfNames) {
  EXPECT_EQ(Texts(WithoutRoster("Navn | Klasse | Fravær\n"
                                "Yusra Haddadi | 4A | 12 %\n"
                                "Zainab Okafor | 4B | 3 %\n")),
            (Strings{"Yusra Haddadi", "Zainab Okafor"}));
  EXPECT_EQ(Texts(WithoutRoster("Elev            Trinn\n"
                                "Qadir Osmani    5\n")),
            (Strings{"Qadir Osmani"}));
}

// Names no list has, after strong cues.
TEST_F(NameDetectorTest, UnknownFirstNameAfterAPersonLabel) {
  EXPECT_EQ(WithoutRoster("Elev: Nasteho, 7. trinn\nVi har snakket med Nasteho om skyssen."),
            (std::vector<Found>{{"Nasteho", "name.context", ""}, {"Nasteho", "name.list", ""}}));
  EXPECT_EQ(Texts(WithoutRoster("Jeg og min kone Dorota Wiśniewska ønsker et møte.")),
            (Strings{"Dorota Wiśniewska"}));
  // A matter, not a person; a placeholder; a word that runs on.
  EXPECT_TRUE(WithoutRoster("Gjelder: Skoleskyss, vedtak").empty());
  EXPECT_TRUE(WithoutRoster("Navn: Ukjent\nKlasse: 4B").empty());
  EXPECT_TRUE(WithoutRoster("Elev: Alle elever i 5. trinn").empty());
}

TEST_F(NameDetectorTest, RecipientAboveAnAddressBlock) {
  EXPECT_EQ(WithoutRoster("Faduma Warsame\nNedre Lia 7\n6893 Vik\n\nVedtak om skyss"),
            (std::vector<Found>{{"Faduma Warsame", "name.context", ""}}));
  EXPECT_EQ(Texts(WithoutRoster("Til Hilde Bakke og Wojciech Kowalczyk\nStorvegen 12\n1234 By\n")),
            (Strings{"Hilde Bakke", "Wojciech Kowalczyk"}));
}

TEST_F(NameDetectorTest, PupilsClassAfterTheName) {
  // A journal entry's title.
  EXPECT_EQ(WithoutRoster("Vedtak om skyss – Abdiqani Farah, 5. trinn"),
            (std::vector<Found>{{"Abdiqani Farah", "name.context", ""}}));
  EXPECT_EQ(Texts(WithoutRoster("Beslut om skolskjuts – Hodan Mire, åk 4")),
            (Strings{"Hodan Mire"}));
  // A table read row by row, cells on one line or the class on the next.
  EXPECT_EQ(
      Texts(WithoutRoster("Roll Namn Klass\nUtsatt Hawa Ibrahim 4B\nUtövare Rahel Tesfaye\n4B\n")),
      (Strings{"Hawa Ibrahim", "Rahel Tesfaye"}));
  // A house number is no class.
  EXPECT_TRUE(WithoutRoster("Adresse: Øvre Lia 2B\n1234 Vik\n").empty());
}

TEST_F(NameDetectorTest, IdOnTheNextLineOfATableRow) {
  EXPECT_EQ(
      WithoutRoster("Navn Fødselsnummer Klasse\nIfrah Duale\n03051212345 6B\n", "03051212345"),
      (std::vector<Found>{{"Ifrah Duale", "name.context", ""}}));
}

TEST_F(NameDetectorTest, SecondNameAfterOgAndEnumerations) {
  EXPECT_EQ(
      Texts(WithoutRoster("Vårdnadshavare: Petra Lindgren och Jonas Lindgren\nMentor: Åsa Berg")),
      (Strings{"Petra Lindgren", "Jonas Lindgren"}));
  EXPECT_EQ(Texts(WithoutRoster("Skolen har snakket med Liv, Dawit og Storm om bildene.")),
            (Strings{"Liv", "Dawit", "Storm"}));
  EXPECT_EQ(Texts(WithoutRoster("Søsken\nMaja, 5 år, Lia barnehage\n")), (Strings{"Maja"}));
  // Places after a full name are no enumeration of first names.
  EXPECT_EQ(Texts(WithoutRoster("Vi har skrevet til Kari Dahl, Bergen og Oslo kommune.")),
            (Strings{"Kari Dahl"}));
}

TEST_F(NameDetectorTest, NameStopsAtTheNextCell) {
  EXPECT_EQ(Texts(WithoutRoster("Navn Funksjon Parti\nPer Arne Vik Medlem Sp\n")),
            (Strings{"Per Arne Vik"}));
  EXPECT_EQ(Texts(WithoutRoster("Matematik\nKarin Lund Geometri och problemlösning\n")),
            (Strings{"Karin Lund"}));
  EXPECT_EQ(Texts(WithoutRoster("Underskrifter\nKari Dahl Ole Vik\n")),
            (Strings{"Kari Dahl", "Ole Vik"}));
  // A name wrapped onto the next line is one name.
  EXPECT_EQ(Texts(WithoutRoster("Forældrene ønsker, at skolen orienterer elevens morfar, Erik\n"
                                "Skovgaard, som henter hende tre dage om ugen.")),
            (Strings{"Erik\nSkovgaard"}));
}

TEST_F(NameDetectorTest, OcrDamageAroundNames) {
  EXPECT_EQ(Texts(WithoutRoster("Viggos lillebror-Ronja begynner i barnehagen.")),
            (Strings{"Ronja"}));
  EXPECT_EQ(Texts(WithoutRoster("Elev: Oskar Lindkvist\nHans pappa Stefan. Lindkvist har ringt.")),
            (Strings{"Oskar Lindkvist", "Stefan. Lindkvist"}));
}

TEST_F(NameDetectorTest, RosterFullNameWithAnOcrFullStop) {
  EXPECT_EQ(WithRoster("Elev: Tobias Vangen\nMora Hege. Vangen ringte i dag."),
            (std::vector<Found>{{"Tobias Vangen", "name.roster", "pupil"},
                                {"Hege. Vangen", "name.roster", "guardian"}}));
}

TEST_F(NameDetectorTest, RosterFamilyNameAfterAnotherFirstNameIsSomeoneElse) {
  EXPECT_EQ(WithRoster("Tobias Vangen har begynt. Morfaren Arne Vangen henter ham."),
            (std::vector<Found>{{"Tobias Vangen", "name.roster", "pupil"},
                                {"Arne Vangen", "name.list", ""}}));
}

// --- traps ------------------------------------------------------------------------------

TEST_F(NameDetectorTest, StreetsOrganisationsAndPlacesAreNotNames) {
  EXPECT_TRUE(WithoutRoster("Adresse: Kari Bakkens vei 4, 2340 Sørbygda").empty());
  EXPECT_TRUE(WithoutRoster("Møtet holdes på Ole Bull Akademiet.").empty());
  EXPECT_TRUE(WithoutRoster("Elevene ved Sørbygda skole og Nordbygda skule.").empty());
  EXPECT_TRUE(WithoutRoster("Vi reiser til Kristiansand og Lillehammer.").empty());
}

TEST_F(NameDetectorTest, OrganisationsByTheirEndingsAreNotNames) {
  EXPECT_TRUE(WithoutRoster("Velforeningen Nordlia\nLiavegen 3\n1234 Lia\n").empty());
  // A company by its legal form, in capitals too; the person beside it stays a name.
  EXPECT_EQ(Texts(WithoutRoster("Søknad fra IVAR IKS og Asplan Viak AS, ved Kari Lunde.")),
            (Strings{"Kari Lunde"}));
  EXPECT_TRUE(
      WithoutRoster("Till: Bostadsrättsföreningen Tallbacken\nBox 15\n123 45 Åsbro\n").empty());
  EXPECT_EQ(Texts(WithoutRoster("Idrettslagets styre har bedt Kari Lunde om et svar.")),
            (Strings{"Kari Lunde"}));
  EXPECT_EQ(Texts(WithoutRoster("Grundejerforeningens formand er orienteret. Vi har talt med "
                                "Mette Holm.")),
            (Strings{"Mette Holm"}));
}

TEST_F(NameDetectorTest, MonthsAndWeekdaysAreNotNames) {
  EXPECT_TRUE(WithoutRoster("Møtet er 3. Mai. August blir travel. Vi ses Fredag.").empty());
  EXPECT_TRUE(WithoutRoster("Beslut fattat i Maj om stöd. Juni är sista månaden.").empty());
  // Before a listed name, a month's name is a first name.
  EXPECT_EQ(Texts(WithoutRoster("Vi har snakket med August Holm og Mai Britt Olsen.")),
            (Strings{"August Holm", "Mai Britt Olsen"}));
}

TEST_F(NameDetectorTest, OrdinaryWordsAtSentenceStartAreNotNames) {
  EXPECT_TRUE(WithoutRoster("Sol og varme i hele uke 25. Liv og røre i skolegården.").empty());
  EXPECT_TRUE(WithoutRoster("Per i dag har skolen 240 elever.").empty());
  EXPECT_TRUE(WithoutRoster("Vi har fått svar. Rådgiveren kommer.").empty());
}

TEST_F(NameDetectorTest, OfficialsAreNotReported) {
  EXPECT_TRUE(WithoutRoster("Med vennlig hilsen\n\nJon Nilsen\nrektor\n").empty());
  EXPECT_TRUE(WithoutRoster("Saksbehandler: Jon Nilsen").empty());
  EXPECT_TRUE(WithoutRoster("Kopi: kontaktlærer Jon Nilsen").empty());
  EXPECT_TRUE(WithoutRoster("Spørsmål rettes til Jon Nilsen, rektor.").empty());
  EXPECT_TRUE(WithoutRoster("Deltakere: Jon Nilsen (skoleleder)").empty());
  EXPECT_TRUE(WithoutRoster("Vi har talat med skolsköterskan Annika Sjöberg.").empty());
  EXPECT_TRUE(WithoutRoster("Elevens mentor, Karin Lund, har ringt.").empty());
  EXPECT_TRUE(WithoutRoster("Fra: Jon Nilsen <jon.nilsen@eikelund.kommune.no>").empty());
  // A private person in the same positions is reported.
  EXPECT_EQ(Texts(WithoutRoster("Fra: Kari Dahl <kari.dahl@gmail.com>")), (Strings{"Kari Dahl"}));
  EXPECT_EQ(Texts(WithoutRoster("Hilsen\nKari Dahl\nBakkevegen 12\n")), (Strings{"Kari Dahl"}));
}

// Titles are an open class: compounds, endings, wrapped lines, a title as a sentence's
// subject, in parentheses, on a form's position line.
TEST_F(NameDetectorTest, OfficialsByTitleEndingsAndCompounds) {
  EXPECT_TRUE(WithoutRoster("Med vennlig hilsen\n\nTorunn Bakkevik\nøkonomisjef\n").empty());
  EXPECT_TRUE(
      WithoutRoster("Vi har befart stedet sammen med trafikkingeniør Knut Haraldsen.").empty());
  EXPECT_TRUE(WithoutRoster("Samrådet leddes av miljöspecialist Eva Brandt.").empty());
  EXPECT_TRUE(
      WithoutRoster("Kontakt kommunikationsmedarbejder Mette Dalgas på tlf. 12 34 56 78.").empty());
  // The title at the end of a wrapped line, the name on the next.
  EXPECT_TRUE(WithoutRoster("Spørsmål kan rettes til vår innkjøpsrådgiver\nTrude Lihaug, tlf. "
                            "55 66 77 88.")
                  .empty());
}

TEST_F(NameDetectorTest, OfficialsAsSubjectOfTheSentence) {
  EXPECT_TRUE(WithoutRoster("Saksbehandler i saken er Randi Holmsen, tlf. 55 00 11 22.").empty());
  EXPECT_TRUE(WithoutRoster("Ansvarig projektledare för arbetet är Göran Lindqvist.").empty());
  // Without a title or label in the sentence the name stands.
  EXPECT_EQ(Texts(WithoutRoster("Den nye eieren av huset er Randi Holmsen.")),
            (Strings{"Randi Holmsen"}));
}

TEST_F(NameDetectorTest, OfficialsByParenthesesAppositionAndPositionLine) {
  EXPECT_TRUE(WithoutRoster("Til stede: Kjetil Moen (PPT Vestby, spesialpedagog)").empty());
  EXPECT_TRUE(
      WithoutRoster("Tilbudet er sendt av Ronny Lie, senior account manager, Kontorhuset AS.")
          .empty());
  EXPECT_TRUE(WithoutRoster("Justerare: Ingrid Holmgren").empty());
  EXPECT_TRUE(WithoutRoster("MELDER\nNavn: Bente Sørli\nStilling: Helsesykepleier\n").empty());
  EXPECT_TRUE(WithoutRoster("Namn: Eva Brandt\nBefattning: skolkurator\n").empty());
  // Traps: a relation in the parentheses, a verb after the comma, no title on the line.
  EXPECT_EQ(Texts(WithoutRoster("Til stede: Kari Lunde (mor, sykepleier)")),
            (Strings{"Kari Lunde"}));
  EXPECT_EQ(Texts(WithoutRoster("Tor Lunde og Eli Lunde, foreldrene til eleven, møtte rektor "
                                "05.09.2024.")),
            (Strings{"Tor Lunde", "Eli Lunde"}));
  EXPECT_EQ(Texts(WithoutRoster("Navn: Bente Sørli\nAdresse: Lia 4\n")), (Strings{"Bente Sørli"}));
}

TEST_F(NameDetectorTest, PrivateEvidenceOutweighsAnOfficialsLabel) {
  // Copies go to parents too: a private e-mail address, a relation or an ID beside the
  // name make it a private person's whatever the label.
  EXPECT_EQ(Texts(WithoutRoster("Kopi: Geir Lunde <geir.lunde@gmail.com>")),
            (Strings{"Geir Lunde"}));
  EXPECT_EQ(Texts(WithoutRoster("Kopi: Randi Holm (mor)")), (Strings{"Randi Holm"}));
  // A class is no such evidence: teachers have classes.
  EXPECT_TRUE(WithoutRoster("Kontaktlærer Solveig Dahl (7. trinn) gir dere en plan.").empty());
}

TEST_F(NameDetectorTest, AnOfficialNamedAgainIsTheOfficial) {
  EXPECT_TRUE(WithoutRoster("Till: att. ordförande Karl-Erik Nyberg\n\nHej!\n\nTack, Karl-Erik "
                            "Nyberg, för att du sprider informationen.")
                  .empty());
  EXPECT_TRUE(
      WithoutRoster("Marit Fossum (H) spurte om saken. Rådgiver Marit Fossum svarte.").empty());
}

TEST_F(NameDetectorTest, APoliticiansPartyMakesTheNamePublic) {
  EXPECT_TRUE(WithoutRoster("Leder av utvalget, Tor-Arne Kviseth (H), er til stede.").empty());
  EXPECT_TRUE(WithoutRoster("Nämnden utser Lennart Grip (M) att justera protokollet.").empty());
  EXPECT_TRUE(WithoutRoster("Namn | Parti | Uppdrag\nEmma Tidlund | KD | ledamot").empty());
  // Traps: a label that makes the person private wins; a party is written as parties are.
  EXPECT_EQ(Texts(WithoutRoster("Eleven Kari Hansen (S) er syk.")), (Strings{"Kari Hansen"}));
  EXPECT_EQ(Texts(WithoutRoster("Eleven Kari Hansen (s) er syk.")), (Strings{"Kari Hansen"}));
  EXPECT_EQ(Texts(WithoutRoster("Hei Kari Hansen (9A), takk for praten.")),
            (Strings{"Kari Hansen"}));
}

TEST_F(NameDetectorTest, ANameThatIsAWordInAHeaderRowIsTheWord) {
  EXPECT_TRUE(WithoutRoster("Anlegg | Adresse | Dag | Tid | Gruppe").empty());
  EXPECT_TRUE(WithoutRoster("Anlegg Adresse Dag Tid Gruppe").empty());  // OCR lost the rules
  EXPECT_TRUE(WithoutRoster("Møte | Dag\nFolkemøte | tirsdag").empty());
  // Traps: a greeting, a list of names, a name mid-sentence.
  EXPECT_EQ(Texts(WithoutRoster("Hei Dag, takk for sist.")), (Strings{"Dag"}));
  EXPECT_EQ(Texts(WithoutRoster("Til stede: Per Olsen, Liv Berg")),
            (Strings{"Per Olsen", "Liv Berg"}));
  EXPECT_EQ(Texts(WithoutRoster("Eleven Dag Hansen | 9A | Naturfag")), (Strings{"Dag Hansen"}));
}

TEST_F(NameDetectorTest, LabelAloneOnTheLineAbove) {
  EXPECT_EQ(WithoutRoster("Elev:\nAmund Hegre\nKlasse: 6B"),
            (std::vector<Found>{{"Amund Hegre", "name.context", ""}}));
  EXPECT_TRUE(WithoutRoster("Saksbehandler:\nJon Nilsen").empty());
}

TEST_F(NameDetectorTest, FindingTextIsAsWrittenWithOffsets) {
  Document doc;
  Page p;
  p.number = 1;
  p.text = "Elev:\u00A0Tobias Vangen";
  doc.pages.push_back(p);
  std::vector<Finding> findings;
  with_roster_->Detect(MakeDocumentText(doc), &findings);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].category, Category::kPersonName);
  EXPECT_EQ(p.text.substr(findings[0].begin, findings[0].end - findings[0].begin), "Tobias Vangen");
}

TEST(NameDetectorCreateTest, MissingRuleFilesAreReported) {
  EXPECT_THROW(NameDetector::Create("/nonexistent"), std::runtime_error);
}

}  // namespace
}  // namespace skjerm
