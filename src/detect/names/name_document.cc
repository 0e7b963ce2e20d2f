#include "detect/names/name_document.h"

namespace skjerm {
namespace person_names {
namespace {

NameUnit MakeUnit(const TextUnit& text_unit, const std::vector<Finding>& findings,
                  const Rules& rules) {
  NameUnit u;
  u.unit = &text_unit;
  u.tokens = Tokenize(text_unit.view.text());
  for (Token& t : u.tokens) t.surname_like = rules.SurnameLike(t);
  u.used.assign(u.tokens.size(), false);
  u.name.assign(u.tokens.size(), false);
  for (const Finding& f : findings) {
    if (f.location != text_unit.location) continue;
    if (f.category == Category::kNationalId || f.category == Category::kBirthDate) {
      u.anchors.push_back({f.view_begin, f.view_end});
    }
    for (size_t i = 0; i < u.tokens.size(); ++i) {
      if (u.tokens[i].begin < f.view_end && f.view_begin < u.tokens[i].end) u.used[i] = true;
    }
  }
  return u;
}

}  // namespace

std::string NameUnit::FoldedRun(size_t first, size_t last) const {
  std::string out;
  for (size_t k = first; k < last; ++k) {
    if (k > first) out.push_back(' ');
    out += tokens[k].folded;
  }
  return out;
}

NameDocument::NameDocument(const DocumentText& text, const std::vector<Finding>& findings,
                           const Rules& rules) {
  units.reserve(text.units.size());
  for (const TextUnit& tu : text.units) units.push_back(MakeUnit(tu, findings, rules));
}

}  // namespace person_names
}  // namespace skjerm
