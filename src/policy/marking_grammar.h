// How one line (or one column of a line) reads against the marking rules: which wording
// stands where, what precedes it (a label, a self-reference, OCR specks) and what follows
// it (a legal basis, or words of a sentence). Says nothing about where the line stands on
// the page; exemption_marking.cc weighs that.
#ifndef SKJERM_POLICY_MARKING_GRAMMAR_H_
#define SKJERM_POLICY_MARKING_GRAMMAR_H_

#include <cstddef>
#include <optional>
#include <set>
#include <vector>

#include "policy/marking_rules.h"
#include "policy/marking_tokens.h"

namespace skjerm {

using MarkingTokens = std::vector<MarkingToken>;

struct MarkingReading {
  enum class Form {
    kPhrase,           // the line starts with a wording (after a label or OCR specks)
    kSubjectPart,      // a wording after a dash or comma in a subject line or heading
    kSelfDeclaration,  // "Brevet er unntatt offentlighet etter offl. § 13."
    kBasisOnly,        // nothing but an exempting legal basis ("Offl. § 13 jf. fvl. § 13")
  };
  enum class Label { kNone, kMarking, kSubject };

  Form form = Form::kPhrase;
  Label label = Label::kNone;
  const MarkingPhrase* phrase = nullptr;  // null for kBasisOnly
  size_t phrase_begin = 0;                // token indices
  size_t phrase_end = 0;
  bool noise = false;  // OCR specks stand before the wording
  // The legal basis, as token indices; empty when none is printed.
  size_t basis_begin = 0;
  size_t basis_end = 0;
  const ExemptionLaw* law = nullptr;  // the first exempting provision in the basis
  bool has_basis = false;             // a law or a '§' follows the wording
  int unknown_words = 0;              // words after the wording that are not basis
  bool sentence_cue = false;          // a verb of a sentence follows the wording
  bool question = false;              // a '?' on the line
  bool quoted = false;                // the wording is quoted or listed, not stated
  bool open_end = false;  // ends with the wording or a connector: a basis may follow below
  // The wording (and its basis) opens the line and a dash leads on to the subject
  // («Unnateke frå innsyn jf. offl. § 13 – VARSEL OM …»): the rest is not read.
  bool subject_follows = false;

  bool weak() const { return phrase != nullptr && phrase->weak; }
};

class MarkingGrammar {
 public:
  explicit MarkingGrammar(const MarkingRules& rules) : rules_(rules) {}

  // Reads tokens as a marking line; nullopt when no wording or exempting basis stands where a
  // marking would stand. `subject_context`: the line is the letter's heading, so a wording
  // after a dash counts as a subject marking too.
  std::optional<MarkingReading> Read(const MarkingTokens& tokens, bool subject_context) const;

  // Whether the tokens (after a label) are the first words of a wording that goes on below:
  // "UNNTATT" of a two-line stamp "UNNTATT" / "OFFENTLIGHET".
  bool StartsPhrase(const MarkingTokens& tokens) const;

  // Whether the tokens are a legal basis going on from the line above ("jf. offl. § 13"), or,
  // when the line above ends in a reference that wants its number ("§ 30, nr."), that
  // number ("1").
  bool IsBasisContinuation(const MarkingTokens& tokens, const MarkingTokens& above) const;

  // Every wording that occurs anywhere in the tokens.
  void PhrasesIn(const MarkingTokens& tokens, std::set<const MarkingPhrase*>* out) const;

  bool HasSentenceCue(const MarkingTokens& tokens) const;

  // The label the tokens start with ("Sak:", "Gradering:"), if any.
  MarkingReading::Label LabelOf(const MarkingTokens& tokens) const;

 private:
  enum class WordRole { kConnector, kBasis, kLaw, kCue, kUnknown };
  WordRole RoleOf(const MarkingToken& token) const;

  // How loosely keys match the page.
  enum class Match {
    kExact,
    kOcrTolerant,   // a long wording may differ by one letter in one word
    kSkipSections,  // a '§' may stand between the keys, or be missing ("fvl 13")
  };
  // The end (token index) of `keys` matched at `pos`, or 0 when they do not match there.
  size_t MatchKeys(const MarkingTokens& tokens, size_t pos, const KeySequence& keys,
                   Match match = Match::kExact) const;
  const MarkingPhrase* PhraseAt(const MarkingTokens& tokens, size_t pos, size_t* end) const;
  MarkingReading::Label LabelAt(const MarkingTokens& tokens, size_t* pos) const;
  size_t SkipNoise(const MarkingTokens& tokens, size_t pos) const;
  bool SelfDeclarationAt(const MarkingTokens& tokens, size_t pos, size_t* phrase_pos) const;
  void ReadRest(const MarkingTokens& tokens, size_t from, MarkingReading* reading) const;
  const ExemptionLaw* ExemptionLawIn(const MarkingTokens& tokens, size_t begin, size_t end) const;

  const MarkingRules& rules_;
};

}  // namespace skjerm

#endif  // SKJERM_POLICY_MARKING_GRAMMAR_H_
