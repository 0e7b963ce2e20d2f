#include "base/rule_table.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "detect/contacts/contact_rules.h"
#include "detect/dates/birth_date_detector.h"
#include "detect/ids/national_id_detector.h"
#include "detect/names/name_rules.h"
#include "detect/roles/person_role_annotator.h"
#include "journal/access_codes.h"
#include "normalize/word_endings.h"
#include "policy/marking_rules.h"
#include "policy/policy.h"
#include "temp_folder.h"

namespace skjerm {
namespace {

// The message ReadRuleText throws for `text` read by `read`; "" when it reads.
std::string ErrorOf(const std::string& text, const RuleReader& read) {
  try {
    ReadRuleText(text, "rules.toml", read);
  } catch (const RuleFileError& e) {
    return e.what();
  }
  return "";
}

// A reader of a small policy-like file.
struct Knobs {
  bool national_id = true;
  bool private_name = false;
  double min_confidence = 0.5;
  int64_t lines = 3;
  std::string unknown = "marked";
  std::vector<std::string> words;
};

RuleReader KnobReader(Knobs* k) {
  return [k](RuleTable& root) {
    if (std::optional<RuleTable> hold = root.Table("hold")) {
      k->national_id = hold->Bool("national_id", k->national_id);
      k->private_name = hold->Bool("private_name", k->private_name);
    }
    if (std::optional<RuleTable> t = root.Table("thresholds")) {
      k->min_confidence = t->Number("min_confidence", k->min_confidence, 0, 1);
      k->lines = t->Integer("lines", k->lines, 0, 20);
      k->unknown = t->Choice("unknown", k->unknown, {"marked", "open", "error"});
      k->words = t->Strings("words");
    }
  };
}

TEST(RuleTableTest, DeclaredKeysAreRead) {
  Knobs k;
  EXPECT_EQ(ErrorOf("[hold]\nprivate_name = true\n[thresholds]\nmin_confidence = 1\n"
                    "lines = 7\nunknown = \"open\"\nwords = [\"a\", \"b\"]\n",
                    KnobReader(&k)),
            "");
  EXPECT_TRUE(k.private_name);
  EXPECT_TRUE(k.national_id);  // absent: the default stands
  EXPECT_EQ(k.min_confidence, 1.0);
  EXPECT_EQ(k.lines, 7);
  EXPECT_EQ(k.unknown, "open");
  EXPECT_EQ(k.words, (std::vector<std::string>{"a", "b"}));
}

TEST(RuleTableTest, AMisspeltKeyIsRefusedWithItsLineAndTheKeyMeant) {
  Knobs k;
  const std::string error = ErrorOf("# policy\n[hold]\nprivate_nmae = true\n", KnobReader(&k));
  EXPECT_NE(error.find("rules.toml:3: unknown key hold.private_nmae"), std::string::npos) << error;
  EXPECT_NE(error.find("did you mean private_name?"), std::string::npos) << error;
}

TEST(RuleTableTest, AnUnknownTableIsRefused) {
  Knobs k;
  const std::string error = ErrorOf("[hodl]\nnational_id = false\n", KnobReader(&k));
  EXPECT_NE(error.find("rules.toml:1: unknown key hodl"), std::string::npos) << error;
  EXPECT_NE(error.find("did you mean hold?"), std::string::npos) << error;
}

TEST(RuleTableTest, EveryUnknownKeyIsListedInLineOrder) {
  Knobs k;
  const std::string error =
      ErrorOf("[thresholds]\nzzz = 1\n[hold]\nnationalid = true\n", KnobReader(&k));
  EXPECT_EQ(error,
            "rules.toml:2: unknown key thresholds.zzz (known keys: lines, min_confidence, "
            "unknown, words)\nrules.toml:4: unknown key hold.nationalid (did you mean "
            "national_id?)");
}

TEST(RuleTableTest, WrongTypesAreRefused) {
  Knobs k;
  EXPECT_NE(ErrorOf("[hold]\nnational_id = \"yes\"\n", KnobReader(&k))
                .find("rules.toml:2: hold.national_id must be true or false, not a string"),
            std::string::npos);
  EXPECT_NE(ErrorOf("[thresholds]\nlines = 2.5\n", KnobReader(&k))
                .find("rules.toml:2: thresholds.lines must be an integer from 0 to 20"),
            std::string::npos);
  EXPECT_NE(ErrorOf("[thresholds]\nwords = \"a\"\n", KnobReader(&k)).find("rules.toml:2:"),
            std::string::npos);
  EXPECT_NE(ErrorOf("[thresholds]\nwords = [\"a\",\n 3]\n", KnobReader(&k))
                .find("rules.toml:3: thresholds.words must hold only strings, not an integer"),
            std::string::npos);
  EXPECT_NE(ErrorOf("[thresholds]\nwords = [\"\"]\n", KnobReader(&k)).find("empty string"),
            std::string::npos);
  EXPECT_NE(ErrorOf("hold = 1\n", KnobReader(&k)).find("rules.toml:1: hold must be a table"),
            std::string::npos);
}

TEST(RuleTableTest, OutOfRangeValuesAreRefused) {
  Knobs k;
  EXPECT_NE(ErrorOf("[thresholds]\nmin_confidence = 1.5\n", KnobReader(&k))
                .find("rules.toml:2: thresholds.min_confidence must be a number from 0 to 1, "
                      "not 1.5"),
            std::string::npos);
  EXPECT_NE(ErrorOf("[thresholds]\nmin_confidence = nan\n", KnobReader(&k)).find("rules.toml:2:"),
            std::string::npos);
  EXPECT_NE(ErrorOf("[thresholds]\nlines = -1\n", KnobReader(&k)).find("not -1"),
            std::string::npos);
  EXPECT_NE(ErrorOf("[thresholds]\nunknown = \"maybe\"\n", KnobReader(&k))
                .find("must be one of \"marked\", \"open\", \"error\", not \"maybe\""),
            std::string::npos);
}

TEST(RuleTableTest, NestedTablesAreCheckedToTheBottom) {
  auto read = [](RuleTable& root) {
    RuleTable outer = *root.Table("outer", Presence::kRequired);
    outer.Bool("flag", false);
    if (std::optional<RuleTable> inner = outer.Table("inner")) inner->Number("x", 0, 0, 1);
  };
  EXPECT_EQ(ErrorOf("[outer]\nflag = true\n[outer.inner]\nx = 0.5\n", read), "");
  EXPECT_NE(ErrorOf("[outer]\nflag = true\n[outer.inner]\nx = 0.5\ny = 1\n", read)
                .find("rules.toml:5: unknown key outer.inner.y"),
            std::string::npos);
  // An inline table is a table too.
  EXPECT_NE(ErrorOf("outer = { flag = true, inner = { z = 1 } }\n", read)
                .find("unknown key outer.inner.z"),
            std::string::npos);
  EXPECT_NE(ErrorOf("[other]\n", read).find("rules.toml:1: missing table [outer]"),
            std::string::npos);
}

TEST(RuleTableTest, ArraysOfTablesAreCheckedEach) {
  std::vector<std::string> names;
  auto read = [&names](RuleTable& root) {
    for (RuleTable& t : root.Tables("candidate", Presence::kRequired)) {
      names.push_back(*t.String("name", Presence::kRequired));
      t.Strings("validators");
    }
  };
  EXPECT_EQ(ErrorOf("[[candidate]]\nname = \"a\"\n[[candidate]]\nname = \"b\"\n", read), "");
  EXPECT_EQ(names, (std::vector<std::string>{"a", "b"}));
  EXPECT_NE(
      ErrorOf("[[candidate]]\nname = \"a\"\n[[candidate]]\nname = \"b\"\nvalidator = []\n", read)
          .find("rules.toml:5: unknown key candidate[2].validator (did you mean "
                "validators?)"),
      std::string::npos);
  EXPECT_NE(ErrorOf("[[candidate]]\nvalidators = []\n", read)
                .find("rules.toml:1: missing key candidate[1].name"),
            std::string::npos);
  EXPECT_NE(ErrorOf("[candidate]\nname = \"a\"\n", read).find("must be a list of tables"),
            std::string::npos);
}

TEST(RuleTableTest, TablesOfTheFilesOwnKeysTakeAnyKeyButCheckWhatIsUnder) {
  auto read = [](RuleTable& root) {
    RuleTable languages = *root.Table("language", Presence::kRequired);
    for (const std::string& code : languages.Keys()) {
      languages.Table(code)->Strings("cues");
    }
  };
  EXPECT_EQ(ErrorOf("[language.nb]\ncues = [\"født\"]\n[language.sv]\ncues = []\n", read), "");
  EXPECT_NE(ErrorOf("[language.nb]\ncues = [\"født\"]\n[language.sv]\ncuse = []\n", read)
                .find("rules.toml:4: unknown key language.sv.cuse"),
            std::string::npos);
}

TEST(RuleTableTest, AMisspeltRequiredKeyIsNamedBesideTheMissingOne) {
  auto read = [](RuleTable& root) {
    RuleTable t = *root.Table("candidate", Presence::kRequired);
    t.String("pattern", Presence::kRequired);
    root.Table("later");
  };
  EXPECT_EQ(ErrorOf("[candidate]\npatern = 'x'\n[later]\n", read),
            "rules.toml:1: missing key candidate.pattern\n"
            "rules.toml:2: unknown key candidate.patern (did you mean pattern?)");
}

TEST(RuleTableTest, SyntaxErrorsNameTheLine) {
  Knobs k;
  EXPECT_NE(ErrorOf("[hold]\nnational_id = \n", KnobReader(&k)).find("rules.toml:2:"),
            std::string::npos);
}

// --- The rule readers of patterns/ ------------------------------------------------------

class RuleFilesTest : public ::testing::Test {
 protected:
  // patterns/NAME with `from` replaced by `to` (which must occur), written to a new folder.
  std::string Edited(const std::string& name, const std::string& from, const std::string& to) {
    std::ifstream in(std::string(SKJERM_PATTERNS_DIR) + "/" + name);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    const std::string path = folder_.File(name);
    std::ofstream(path) << text;
    return path;
  }
  template <typename Load>
  std::string ErrorLoading(Load load) {
    try {
      load();
    } catch (const std::exception& e) {
      return e.what();
    }
    return "";
  }
  TempFolder folder_{"skjerm-rule-files"};
};

TEST_F(RuleFilesTest, EveryShippedRuleFileLoads) {
  const std::string dir = SKJERM_PATTERNS_DIR;
  EXPECT_NO_THROW(Policy::FromFile(dir + "/policy.toml"));
  EXPECT_NO_THROW(AccessCodes::FromFile(dir + "/journal.toml"));
  EXPECT_NO_THROW(LoadMarkingRules(dir + "/markings.toml"));
  EXPECT_NO_THROW(BirthDateDetector::FromFile(dir + "/birth_dates.toml"));
  EXPECT_NO_THROW(person_names::Rules::Load(dir));
  EXPECT_NO_THROW(ContactRules::FromFile(dir + "/contacts.toml"));
  EXPECT_NO_THROW(PersonRoleAnnotator::FromFile(dir + "/person_roles.toml"));
  EXPECT_NO_THROW(NationalIdDetector::FromFile(dir + "/national_ids.toml"));
}

TEST_F(RuleFilesTest, AMisspeltPolicyKeyNoLongerSwitchesAHoldOff) {
  const std::string path = Edited("policy.toml", "private_name = false", "private_nmae = true");
  const std::string error = ErrorLoading([&] { Policy::FromFile(path); });
  EXPECT_NE(error.find("policy.toml:"), std::string::npos) << error;
  EXPECT_NE(error.find("unknown key hold.private_nmae (did you mean private_name?)"),
            std::string::npos)
      << error;
  EXPECT_NE(ErrorLoading([&] {
              Policy::FromFile(Edited("policy.toml", "national_id = true", "national_id = 1"));
            }).find("hold.national_id must be true or false, not an integer"),
            std::string::npos);
  EXPECT_NE(ErrorLoading([&] {
              Policy::FromFile(
                  Edited("policy.toml", "min_ocr_confidence = 70", "min_ocr_confidence = 400"));
            }).find("thresholds.min_ocr_confidence must be a number from 0 to 100, not 400"),
            std::string::npos);
}

TEST_F(RuleFilesTest, EachReaderRefusesAMisspeltKey) {
  struct Case {
    const char* file;
    const char* from;
    const char* to;
    std::function<void(const std::string&)> load;
  };
  const Case cases[] = {
      {"journal.toml", "marks_entry = true", "marks_entri = true",
       [](const std::string& p) { AccessCodes::FromFile(p); }},
      {"markings.toml", "header_lines = 15", "header_line = 15",
       [](const std::string& p) { LoadMarkingRules(p); }},
      {"birth_dates.toml", "earliest_year = 1900", "earliest_yaer = 1900",
       [](const std::string& p) { BirthDateDetector::FromFile(p); }},
      {"contacts.toml", "dwelling_number_letters", "dwelling_numbers_letters",
       [](const std::string& p) { ContactRules::FromFile(p); }},
      {"person_roles.toml", "threshold = 3", "treshold = 3",
       [](const std::string& p) { PersonRoleAnnotator::FromFile(p); }},
      {"national_ids.toml", "report_threshold = 0.5", "report_treshold = 0.5",
       [](const std::string& p) { NationalIdDetector::FromFile(p); }},
      {"word_endings.toml", "inflections = [", "inflexions = [",
       [](const std::string& p) { WordEndings::FromFile(p); }},
  };
  for (const Case& c : cases) {
    const std::string path = Edited(c.file, c.from, c.to);
    const std::string error = ErrorLoading([&] { c.load(path); });
    EXPECT_NE(error.find(std::string(c.file) + ":"), std::string::npos) << c.file << ": " << error;
    EXPECT_NE(error.find("unknown key"), std::string::npos) << c.file << ": " << error;
  }
}

TEST_F(RuleFilesTest, NamesRulesRefuseAMisspeltKey) {
  std::filesystem::copy(std::string(SKJERM_PATTERNS_DIR) + "/names", folder_.path() / "names");
  Edited("names.toml", "list_first_alone = 0.5", "list_first_alon = 0.5");
  const std::string error =
      ErrorLoading([&] { person_names::Rules::Load(folder_.path().string()); });
  EXPECT_NE(error.find("names.toml:"), std::string::npos) << error;
  EXPECT_NE(error.find("unknown key confidence.list_first_alon"), std::string::npos) << error;
}

// Name statistics: names borne by at least [statistics] min_bearers people, in their
// capitalised parts; a line that is not «name<TAB>count» is refused with its file and line,
// and so is a name list of a kind skjerm cannot read.
TEST_F(RuleFilesTest, NameStatisticsAreReadFromTheirBearersUp) {
  std::filesystem::copy(std::string(SKJERM_PATTERNS_DIR) + "/names", folder_.path() / "names");
  for (const char* file : {"names.toml", "word_endings.toml"}) {
    std::filesystem::copy_file(std::string(SKJERM_PATTERNS_DIR) + "/" + file, folder_.File(file));
  }
  const std::string dir = folder_.path().string();
  const std::filesystem::path stats = folder_.path() / "names/first_names_zz.tsv";
  std::ofstream(stats) << "# test\nQwyrtlé-Åswyn\t5000\nvon Brøxtal\t4000\nZyxwabc\t3\n";
  const person_names::Rules rules = person_names::Rules::Load(dir);
  EXPECT_TRUE(rules.first_names.Contains("Qwyrtlé"));
  EXPECT_TRUE(rules.first_names.Contains("Åswyn"));
  EXPECT_TRUE(rules.first_names.Contains("Brøxtal"));
  EXPECT_FALSE(rules.first_names.Contains("von")) << "a lower-case particle is no name";
  EXPECT_FALSE(rules.first_names.Contains("Zyxwabc")) << "below min_bearers";
  auto error = [&] { return ErrorLoading([&] { person_names::Rules::Load(dir); }); };
  for (const char* bad : {"Ola 12\n", "Ola\t\n", "Ola\t12x\n", "\t12\n"}) {
    std::ofstream(stats) << "# test\n" << bad;
    EXPECT_NE(error().find("first_names_zz.tsv:2: not a line"), std::string::npos) << bad;
  }
  std::filesystem::remove(stats);
  std::ofstream(folder_.path() / "names/first_names_zz.csv") << "Ola,12\n";
  EXPECT_NE(error().find("first_names_zz.csv: a name list must end in .txt or .tsv"),
            std::string::npos)
      << error();
}

TEST_F(RuleFilesTest, ANameListThatCannotBeReadIsRefusedNotLeftOut) {
  std::filesystem::copy(std::string(SKJERM_PATTERNS_DIR) + "/names", folder_.path() / "names");
  for (const char* file : {"names.toml", "word_endings.toml"}) {
    std::filesystem::copy_file(std::string(SKJERM_PATTERNS_DIR) + "/" + file, folder_.File(file));
  }
  const std::string dir = folder_.path().string();
  auto error = [&] { return ErrorLoading([&] { person_names::Rules::Load(dir); }); };
  EXPECT_EQ(error(), "");
  // A link to nothing, and a folder, where the Swedish first names were.
  const std::filesystem::path list = folder_.path() / "names/first_names_sv.txt";
  std::filesystem::remove(list);
  std::filesystem::create_symlink("/nonexistent/first_names_sv.txt", list);
  EXPECT_NE(error().find("first_names_sv.txt: cannot be read as a word list"), std::string::npos)
      << error();
  std::filesystem::remove(list);
  std::filesystem::create_directory(list);
  EXPECT_NE(error().find("first_names_sv.txt: cannot be read as a word list"), std::string::npos)
      << error();
  std::filesystem::remove(list);
  std::filesystem::remove(folder_.path() / "names/common_words.txt");
  std::filesystem::create_directory(folder_.path() / "names/common_words.txt");
  EXPECT_NE(error().find("common_words.txt: cannot be read as a word list"), std::string::npos)
      << error();
}

TEST_F(RuleFilesTest, AnAccessCodeInBothListsIsRefused) {
  const std::string path = Edited("journal.toml", "\"UGRADERT\"]", "\"UGRADERT\", \"u\"]");
  EXPECT_NE(ErrorLoading([&] { AccessCodes::FromFile(path); }).find("both marked and open"),
            std::string::npos);
}

}  // namespace
}  // namespace skjerm
