// The words of a verdict's reason: what each hold ground is called in an archivist's words,
// and the sentence that lists the findings that hold a document with their masked values and
// where they stand. The policy decides by HoldGround (policy/verdict.h); this only words its
// decision, once, for the record the journal store keeps. Pure functions; safe on any thread.
#ifndef SKJERM_POLICY_HOLD_WORDING_H_
#define SKJERM_POLICY_HOLD_WORDING_H_

#include <string>
#include <vector>

#include "detect/finding.h"
#include "policy/verdict.h"

namespace skjerm {

// "national ID number", "pupil's name", "private contact details", ...
const char* HoldGroundWords(HoldGround ground);

// The reason of a held verdict: its held findings grouped by ground, with a masked example
// and its page, e.g. "national ID number (****** ***** p. 1); pupil's name x3 (S***** p. 1,
// ...); no exemption marking". Says when a marked document is held all the same.
std::string DescribeHold(const Verdict& verdict);

}  // namespace skjerm

#endif  // SKJERM_POLICY_HOLD_WORDING_H_
