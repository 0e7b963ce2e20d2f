// Finds Nordic national identity numbers in a document's text. Candidate patterns from
// patterns/national_ids.toml find numbers of the right shape; the validators of
// detect/national_id_validator.h check dates and check digits; cue words in front of a
// number ("fødselsnummer", "CPR-nr." / "kontonr.", "Org.nr.") raise or lower how sure the
// detector is. What stays at or above the rule file's report threshold becomes a Finding
// of category kNationalId whose `key` is the number's canonical form.
#ifndef SKJERM_DETECT_IDS_NATIONAL_ID_DETECTOR_H_
#define SKJERM_DETECT_IDS_NATIONAL_ID_DETECTOR_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "detect/detector.h"

namespace skjerm {

class NationalIdDetector : public Detector {
 public:
  // Loads the rules; throws std::runtime_error naming the file when it cannot be read or
  // is not a valid rule file (the message never contains text from a document).
  static std::unique_ptr<NationalIdDetector> FromFile(const std::string& toml_path);
  // The same from the file's text; `source_name` names it in error messages.
  static std::unique_ptr<NationalIdDetector> FromString(std::string_view toml,
                                                        const std::string& source_name);

  ~NationalIdDetector() override;
  NationalIdDetector(const NationalIdDetector&) = delete;
  NationalIdDetector& operator=(const NationalIdDetector&) = delete;

  std::string_view name() const override { return "national_id"; }
  void Detect(const DocumentText& text, std::vector<Finding>* findings) const override;

  // The loaded rule file: candidate patterns, cue words and confidence knobs. Opaque.
  struct Rules;

 private:
  explicit NationalIdDetector(std::unique_ptr<const Rules> rules);

  std::unique_ptr<const Rules> rules_;
};

}  // namespace skjerm

#endif  // SKJERM_DETECT_IDS_NATIONAL_ID_DETECTOR_H_
