#include "extract/poppler_errors.h"

#include <gtest/gtest.h>

#include <string>

namespace skjerm {
namespace {

// Messages as poppler 22.12 writes them (its strings), with poppler-cpp's prefix.
TEST(PopplerErrorsTest, MessagesAreSortedByWhatTheyMeanForThePage) {
  const struct {
    const char* message;
    PopplerProblem kind;
  } kCases[] = {
      {"error (373): Unknown filter 'Foo'", PopplerProblem::kUnknownFilter},
      {"error (383): Bad block header in flate stream", PopplerProblem::kUndecodableStream},
      {"error: Unknown compression method in flate stream", PopplerProblem::kUndecodableStream},
      {"error (447): Bad LZW stream - unexpected code", PopplerProblem::kUndecodableStream},
      {"error: Illegal character <7a> in ASCIIHex stream", PopplerProblem::kUndecodableStream},
      {"error: Missing 'endstream' or incorrect stream length", PopplerProblem::kUndecodableStream},
      {"error: xref num 4 not found but needed, try to reconstruct<0a>",
       PopplerProblem::kMissingObject},
      {"error: Unknown font tag 'F9'", PopplerProblem::kMissingFont},
      {"error (319): No font in show", PopplerProblem::kMissingFont},
      {"error: Missing language pack for 'Adobe-Japan1' mapping", PopplerProblem::kUnavailableFont},
      {"error: Unknown CMap '90ms-RKSJ-H' for character collection 'Adobe-Japan1'",
       PopplerProblem::kUnavailableFont},
      {"error: Couldn't find a font for 'MS-Mincho'", PopplerProblem::kUnavailableFont},
      {"error: Leftover args in content stream", PopplerProblem::kDamagedContent},
      {"error (583): Unknown operator '<9c>'", PopplerProblem::kDamagedContent},
      {"error: Too few (1) args to 'Td' operator", PopplerProblem::kDamagedContent},
      {"error: Illegal entry in bfchar block in ToUnicode CMap", PopplerProblem::kUnicodeMap},
      {"error: Could not parse ToUnicode CMap", PopplerProblem::kUnicodeMap},
      {"error: Mismatch between font type and embedded font file", PopplerProblem::kFontWarning},
      {"error: Invalid Font Weight", PopplerProblem::kFontWarning},
      {"error: cairo context error: invalid value (typically too big) for the size of the "
       "input (surface, pattern, etc.)<0a>",
       PopplerProblem::kPictureCopy},
      {"error: something poppler has never said", PopplerProblem::kOther},
      {"", PopplerProblem::kOther},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(ClassifyPopplerMessage(c.message), c.kind) << c.message;
  }
}

TEST(PopplerErrorsTest, TextOnlyAndCosmeticProblemsLoseNoContent) {
  PopplerProblems problems;
  EXPECT_FALSE(problems.ContentLost());
  problems.Add(PopplerProblem::kUnicodeMap, "");
  problems.Add(PopplerProblem::kFontWarning, "");
  problems.Add(PopplerProblem::kPictureCopy, "");  // the page is drawn without cairo
  EXPECT_FALSE(problems.ContentLost());
  problems.Add(PopplerProblem::kOther, "");  // unknown: fail closed
  EXPECT_TRUE(problems.ContentLost());
}

TEST(PopplerErrorsTest, TheMostSeriousProblemIsNamedAndTheRestCounted) {
  PopplerProblems problems;
  problems.Add(PopplerProblem::kMissingFont, "error: Unknown font tag 'J1'");
  EXPECT_EQ(problems.Describe(), "a font the page uses is missing from the PDF");
  problems.Add(PopplerProblem::kMissingFont, "error: No font in show");  // same kind again
  problems.Add(PopplerProblem::kUnavailableFont, "error: Missing language pack for 'x' mapping");
  EXPECT_EQ(problems.kinds.size(), 2u);
  EXPECT_EQ(problems.Describe(),
            "a font the page uses is neither embedded in the PDF nor available to the reader and "
            "1 other kind of problem");
}

TEST(PopplerErrorsTest, AFilterNameIsShownOnlyWhenItIsAPlainWord) {
  const auto describe = [](const std::string& message) {
    PopplerProblems problems;
    problems.Add(ClassifyPopplerMessage(message), message);
    return problems.Describe();
  };
  EXPECT_EQ(describe("error (319): Unknown filter 'PlateDecode'"),
            "the PDF's content could not be decoded (unknown filter /PlateDecode)");
  // A name from the document that could carry personal data or escape codes is not quoted.
  EXPECT_EQ(describe("error: Unknown filter 'Kari 21031152388'"),
            "the PDF's content could not be decoded (unknown filter)");
  EXPECT_EQ(describe("error: Unknown filter 'x210311y'"),
            "the PDF's content could not be decoded (unknown filter)");
  EXPECT_EQ(describe("error: Unknown filter '\x1b[31mred'"),
            "the PDF's content could not be decoded (unknown filter)");
  EXPECT_EQ(describe("error: Unknown filter 'AVeryLongFilterNameIndeedThatGoesOn'"),
            "the PDF's content could not be decoded (unknown filter)");
}

TEST(PopplerErrorsTest, AScopeReceivesWhatIsSaidWhileItIsOpen) {
  PopplerErrorScope::Deliver("error: Unknown font tag 'F1'");  // nobody listens: dropped
  PopplerErrorScope outer;
  EXPECT_TRUE(outer.problems().empty());
  {
    PopplerErrorScope inner;
    PopplerErrorScope::Deliver("error (12): Unknown filter 'Foo'");
    EXPECT_EQ(inner.problems().kinds.size(), 1u);
  }
  PopplerErrorScope::Deliver("error: Invalid Font Weight");
  const PopplerProblems seen = outer.problems();
  ASSERT_EQ(seen.kinds.size(), 2u);  // both, in order; the one before it opened not
  EXPECT_EQ(seen.kinds[0], PopplerProblem::kUnknownFilter);
  EXPECT_EQ(seen.kinds[1], PopplerProblem::kFontWarning);
  EXPECT_EQ(seen.unknown_filter, "Foo");
}

}  // namespace
}  // namespace skjerm
