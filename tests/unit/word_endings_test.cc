#include "normalize/word_endings.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "base/rule_table.h"
#include "temp_folder.h"

namespace skjerm {
namespace {

using Views = std::vector<std::string_view>;

TEST(WordEndingsTest, StemsAreTakenLongestEndingFirst) {
  const WordEndings endings({"s", "ns", "en", "ens"});
  EXPECT_EQ(endings.Stems("kommunens", 3), (Views{"kommun", "kommune", "kommunen"}));
  EXPECT_EQ(endings.Stems("rektor", 3), Views{});  // no ending: the word itself is not a stem
}

TEST(WordEndingsTest, AStemShorterThanAskedIsNoStem) {
  const WordEndings endings({"en", "n"});
  EXPECT_EQ(endings.Stems("nav", 3), Views{});
  EXPECT_EQ(endings.Stems("navn", 3), (Views{"nav"}));
  EXPECT_EQ(endings.Stems("en", 0), (Views{"", "e"}));
  EXPECT_EQ(endings.Stems("en", 1), (Views{"e"}));
}

// The shipped list: the endings of both lists it replaced (contact cues' 14, officials'
// titles' 15), so no form either found is lost.
TEST(WordEndingsTest, TheShippedListCoversDefinitePluralAndGenitiveForms) {
  const WordEndings shipped =
      WordEndings::FromFile(std::string(SKJERM_PATTERNS_DIR) + "/word_endings.toml");
  for (const char* e :
       {"ernes", "arnas", "ens", "ets", "ene", "ane", "erne", "arna", "ns",   "en", "et",
        "er",    "s",     "n",   "a",   "t",   "na",  "ne",   "ar",   "erna", "e"}) {
    EXPECT_NE(std::find(shipped.endings().begin(), shipped.endings().end(), e),
              shipped.endings().end())
        << e;
  }
  auto has_stem = [&](std::string_view word, std::string_view stem) {
    const Views stems = shipped.Stems(word, 3);
    return std::find(stems.begin(), stems.end(), stem) != stems.end();
  };
  EXPECT_TRUE(has_stem("kommunens", "kommune"));              // nb genitive definite
  EXPECT_TRUE(has_stem("socialtjanstens", "socialtjanst"));   // sv
  EXPECT_TRUE(has_stem("sagsbehandleren", "sagsbehandler"));  // da definite
  EXPECT_TRUE(has_stem("lararna", "larar"));                  // sv plural definite
  EXPECT_TRUE(has_stem("klassa", "klass"));                   // nn definite
}

std::string Write(const TempFolder& dir, const std::string& text) {
  const std::string path = dir.File("word_endings.toml");
  std::ofstream(path) << text;
  return path;
}

TEST(WordEndingsTest, AListItCannotUseIsRefused) {
  TempFolder dir;
  for (const char* bad : {"[endings]\ninflections = [\"en\", \"\"]\n",    // empty
                          "[endings]\ninflections = [\"en\", \"En\"]\n",  // upper case
                          "[endings]\ninflections = [\"en\", \"én\"]\n",  // not a-z
                          "[endings]\ninflections = [\"en\", \"en\"]\n",  // twice
                          "[endings]\ninflections = []\n",                // nothing
                          "[endings]\ninflection = [\"en\"]\n",           // misspelt key
                          "[ending]\ninflections = [\"en\"]\n"}) {        // misspelt table
    EXPECT_THROW(WordEndings::FromFile(Write(dir, bad)), RuleFileError) << bad;
  }
  EXPECT_THROW(WordEndings::FromFile(dir.File("absent.toml")), RuleFileError);
}

TEST(WordEndingsTest, TheListBesideARuleFileIsRead) {
  TempFolder dir;
  Write(dir, "[endings]\ninflections = [\"ene\"]\n");
  const WordEndings beside = WordEndings::BesideRuleFile(dir.File("contacts.toml"));
  EXPECT_EQ(beside.endings(), std::vector<std::string>{"ene"});
}

}  // namespace
}  // namespace skjerm
