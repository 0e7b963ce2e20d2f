#include "policy/marking_grammar.h"

#include <algorithm>
#include <string_view>

#include "base/utf8.h"

namespace skjerm {
namespace {

// True when a and b differ by at most one inserted, deleted or replaced byte.
bool WithinOneEdit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) return a.substr(i + 1) == b.substr(i + 1);
  return a.substr(i) == b.substr(i + 1);
}

// OCR misreads letters one at a time ("offentliqhet", "Unnatatt"). A wording of at least
// kFuzzyMinLength letters may differ from the page by one letter in one word of at least
// kFuzzyMinWord letters; shorter wordings one letter off are usually other words.
constexpr size_t kFuzzyMinLength = 8;
constexpr size_t kFuzzyMinWord = 5;

size_t KeysLength(const KeySequence& keys) {
  size_t n = 0;
  for (const std::string& k : keys) n += k.size();
  return n;
}

// Punctuation that may stand between the words of a wording or a law: "U. off.",
// "offentlighets- och sekretesslagen".
bool IsInnerPunct(const MarkingToken& t) { return t.is_punct('.') || t.is_punct('-'); }

bool IsSeparator(const MarkingToken& t) {
  return t.is_punct('-') || t.is_punct(',') || t.is_punct('/') || t.is_punct('(') ||
         t.is_punct(';') || t.is_punct(':');
}

// A list bullet or an opening quote: what follows is listed or quoted, not stated.
bool IsListOrQuoteOpener(const MarkingToken& t) {
  return t.kind == TokenKind::kPunct &&
         (t.key == "-" || t.key == "\u2022" || t.key == "\u00B7" || t.key == "\u00AB" ||
          t.key == "\u201C" || t.key == "\u201E" || t.key == "\u25AA" || t.key == "\u25CF");
}

bool IsQuoteCloser(const MarkingToken& t) {
  return t.kind == TokenKind::kPunct &&
         (t.key == "\u00BB" || t.key == "\"" || t.key == "\u201D" || t.key == "\u201C");
}

size_t SkipPunct(const MarkingTokens& tokens, size_t pos) {
  while (pos < tokens.size() && tokens[pos].kind == TokenKind::kPunct &&
         !IsListOrQuoteOpener(tokens[pos])) {
    ++pos;
  }
  return pos;
}

}  // namespace

MarkingGrammar::WordRole MarkingGrammar::RoleOf(const MarkingToken& token) const {
  const std::string& key = token.key;
  if (rules_.connectors.count(key) > 0) return WordRole::kConnector;
  if (rules_.IsLaw(key)) return WordRole::kLaw;
  // A single letter is a "bokstav a" / "litra b" of a provision.
  if (rules_.IsBasisWord(key) || CountCodePoints(key) == 1) return WordRole::kBasis;
  if (rules_.sentence_cues.count(key) > 0) return WordRole::kCue;
  return WordRole::kUnknown;
}

size_t MarkingGrammar::MatchKeys(const MarkingTokens& tokens, size_t pos, const KeySequence& keys,
                                 Match match) const {
  const bool fuzzy = match == Match::kOcrTolerant;
  const bool skip_sections = match == Match::kSkipSections;
  size_t t = pos;
  int edits_left = fuzzy && KeysLength(keys) >= kFuzzyMinLength ? 1 : 0;
  for (size_t k = 0; k < keys.size(); ++k) {
    if (k > 0) {
      while (t < tokens.size() && (IsInnerPunct(tokens[t]) ||
                                   (skip_sections && tokens[t].kind == TokenKind::kSection))) {
        ++t;
      }
    }
    if (t >= tokens.size() || !tokens[t].is_content()) return 0;
    const std::string& text = tokens[t].key;
    if (text != keys[k]) {
      const bool near = edits_left > 0 && tokens[t].kind == TokenKind::kWord &&
                        text.size() >= kFuzzyMinWord && keys[k].size() >= kFuzzyMinWord &&
                        WithinOneEdit(text, keys[k]);
      if (!near) return 0;
      --edits_left;
    }
    ++t;
  }
  // "U.off." keeps its final period: it belongs to the abbreviation.
  if (t < tokens.size() && tokens[t].is_punct('.') && tokens[t - 1].kind == TokenKind::kWord &&
      CountCodePoints(tokens[t - 1].key) <= 4) {
    ++t;
  }
  return t;
}

const MarkingPhrase* MarkingGrammar::PhraseAt(const MarkingTokens& tokens, size_t pos,
                                              size_t* end) const {
  for (bool fuzzy : {false, true}) {
    for (const MarkingPhrase& phrase : rules_.phrases) {
      if (size_t e =
              MatchKeys(tokens, pos, phrase.keys, fuzzy ? Match::kOcrTolerant : Match::kExact)) {
        *end = e;
        return &phrase;
      }
    }
  }
  return nullptr;
}

MarkingReading::Label MarkingGrammar::LabelAt(const MarkingTokens& tokens, size_t* pos) const {
  constexpr size_t kMaxLabelTokens = 6;
  for (size_t j = *pos; j < tokens.size() && j < *pos + kMaxLabelTokens; ++j) {
    if (!tokens[j].is_punct(':')) continue;
    auto is_label = [&](const std::vector<KeySequence>& labels) {
      for (const KeySequence& label : labels) {
        size_t end = MatchKeys(tokens, *pos, label);
        while (end > 0 && end < j && tokens[end].is_punct('.')) ++end;
        if (end == j) return true;
      }
      return false;
    };
    MarkingReading::Label kind = MarkingReading::Label::kNone;
    if (is_label(rules_.subject_labels))
      kind = MarkingReading::Label::kSubject;
    else if (is_label(rules_.labels))
      kind = MarkingReading::Label::kMarking;
    if (kind != MarkingReading::Label::kNone) *pos = j + 1;
    return kind;
  }
  return MarkingReading::Label::kNone;
}

size_t MarkingGrammar::SkipNoise(const MarkingTokens& tokens, size_t pos) const {
  const MarkingLayout& layout = rules_.layout;
  size_t p = pos;
  for (int skipped = 0; skipped < layout.noise_max_tokens && p < tokens.size(); ++skipped) {
    const MarkingToken& t = tokens[p];
    if (t.kind == TokenKind::kPunct || t.kind == TokenKind::kSection) return pos;
    if (CountCodePoints(t.key) > static_cast<size_t>(layout.noise_max_chars)) return pos;
    if (rules_.function_words.count(t.key) > 0) return pos;
    // "1." and "a)" number a list; they are not specks.
    if (p + 1 < tokens.size() && (tokens[p + 1].is_punct('.') || tokens[p + 1].is_punct(')'))) {
      return pos;
    }
    p = SkipPunct(tokens, p + 1);
    size_t end;
    if (p < tokens.size() && tokens[p].capitalised && PhraseAt(tokens, p, &end) != nullptr) {
      return p;
    }
  }
  return pos;
}

bool MarkingGrammar::SelfDeclarationAt(const MarkingTokens& tokens, size_t pos,
                                       size_t* phrase_pos) const {
  for (const MarkingRules::SelfReference& self : rules_.self_references) {
    size_t p = MatchKeys(tokens, pos, self.keys);
    if (p == 0) continue;
    if (p < tokens.size() && self.copulas.count(tokens[p].key) > 0) ++p;
    size_t end;
    if (PhraseAt(tokens, p, &end) != nullptr) {
      *phrase_pos = p;
      return true;
    }
  }
  return false;
}

const ExemptionLaw* MarkingGrammar::ExemptionLawIn(const MarkingTokens& tokens, size_t begin,
                                                   size_t end) const {
  for (size_t p = begin; p < end; ++p) {
    if (!tokens[p].is_content()) continue;
    for (const ExemptionLaw& law : rules_.exemption_laws) {
      if (MatchKeys(tokens, p, law.keys, Match::kSkipSections) != 0) return &law;
    }
  }
  return nullptr;
}

void MarkingGrammar::ReadRest(const MarkingTokens& tokens, size_t from, MarkingReading* r) const {
  size_t first_basis = tokens.size(), last_basis = 0;
  bool any_content = false, last_is_connector = false;
  if (from < tokens.size() && IsQuoteCloser(tokens[from])) r->quoted = true;
  for (size_t t = from; t < tokens.size(); ++t) {
    const MarkingToken& tok = tokens[t];
    if (tok.kind == TokenKind::kPunct) {
      if (tok.is_punct('?')) r->question = true;
      // A dash after the wording or its basis, with more after it: the subject follows.
      const bool free_standing = t > 0 && t + 1 < tokens.size() && tokens[t - 1].end < tok.begin &&
                                 tokens[t + 1].begin > tok.end;
      if (tok.is_punct('-') && free_standing && (t == from || r->has_basis) &&
          r->unknown_words == 0 && !r->sentence_cue) {
        r->subject_follows = true;
        break;
      }
      continue;
    }
    any_content = true;
    last_is_connector = false;
    bool basis = false;
    if (tok.kind == TokenKind::kSection) {
      r->has_basis = basis = true;
    } else if (tok.kind == TokenKind::kNumber) {
      basis = true;
    } else {
      switch (RoleOf(tok)) {
        case WordRole::kConnector:
          last_is_connector = true;
          break;
        case WordRole::kLaw:
          r->has_basis = basis = true;
          break;
        case WordRole::kBasis:
          basis = true;
          break;
        case WordRole::kCue:
          r->sentence_cue = true;
          break;
        case WordRole::kUnknown:
          ++r->unknown_words;
          break;
      }
    }
    if (basis) {
      if (first_basis == tokens.size()) first_basis = t;
      last_basis = t;
    }
  }
  r->open_end = !any_content || last_is_connector;
  if (!r->has_basis || first_basis == tokens.size()) return;
  size_t end = last_basis + 1;
  // Keep what closes the basis: "(2009:400)", "nr. 1", "fvl. § 13 bokst. a)".
  if (end < tokens.size() && tokens[end].is_punct(')')) ++end;
  // An abbreviation keeps its period ("fvl."); an acronym has none ("OSL."), so there the
  // period ends the sentence.
  if (end < tokens.size() && tokens[end].is_punct('.') &&
      tokens[end - 1].kind == TokenKind::kWord && CountCodePoints(tokens[end - 1].key) <= 5 &&
      !tokens[end - 1].all_caps) {
    ++end;
  }
  r->basis_begin = first_basis;
  r->basis_end = end;
  r->law = ExemptionLawIn(tokens, first_basis, end);
}

std::optional<MarkingReading> MarkingGrammar::Read(const MarkingTokens& tokens,
                                                   bool subject_context) const {
  MarkingReading r;
  size_t pos = SkipPunct(tokens, 0);
  if (pos < tokens.size() && IsListOrQuoteOpener(tokens[pos])) return std::nullopt;
  r.label = LabelAt(tokens, &pos);
  pos = SkipPunct(tokens, pos);
  if (pos >= tokens.size() || IsListOrQuoteOpener(tokens[pos])) return std::nullopt;

  size_t phrase_pos = pos;
  size_t end = 0;
  const MarkingPhrase* phrase = PhraseAt(tokens, pos, &end);
  if (phrase == nullptr) {
    phrase_pos = SkipNoise(tokens, pos);
    if (phrase_pos != pos) {
      phrase = PhraseAt(tokens, phrase_pos, &end);
      r.noise = true;
    }
  }
  if (phrase == nullptr && SelfDeclarationAt(tokens, pos, &phrase_pos)) {
    phrase = PhraseAt(tokens, phrase_pos, &end);
    r.form = MarkingReading::Form::kSelfDeclaration;
  }
  if (phrase == nullptr && (subject_context || r.label == MarkingReading::Label::kSubject)) {
    for (size_t q = pos + 1; q < tokens.size() && phrase == nullptr; ++q) {
      if (IsSeparator(tokens[q - 1]) && (phrase = PhraseAt(tokens, q, &end)) != nullptr) {
        phrase_pos = q;
        r.form = MarkingReading::Form::kSubjectPart;
      }
    }
  }
  if (phrase == nullptr) {
    // Nothing but a legal basis?
    ReadRest(tokens, pos, &r);
    if (r.law == nullptr || r.unknown_words > 0 || r.sentence_cue) return std::nullopt;
    r.form = MarkingReading::Form::kBasisOnly;
    r.noise = false;
    return r;
  }
  r.phrase = phrase;
  r.phrase_begin = phrase_pos;
  r.phrase_end = end;
  ReadRest(tokens, end, &r);
  return r;
}

bool MarkingGrammar::StartsPhrase(const MarkingTokens& tokens) const {
  size_t pos = SkipPunct(tokens, 0);
  LabelAt(tokens, &pos);
  pos = SkipPunct(tokens, pos);
  KeySequence keys;
  for (size_t t = pos; t < tokens.size(); ++t) {
    if (tokens[t].is_content()) keys.push_back(tokens[t].key);
  }
  if (keys.empty()) return false;
  for (const MarkingPhrase& phrase : rules_.phrases) {
    if (phrase.keys.size() <= keys.size()) continue;
    bool prefix = true;
    for (size_t k = 0; k < keys.size() && prefix; ++k) {
      prefix = keys[k] == phrase.keys[k] ||
               (keys[k].size() >= kFuzzyMinWord && phrase.keys[k].size() >= kFuzzyMinWord &&
                WithinOneEdit(keys[k], phrase.keys[k]));
    }
    if (prefix) return true;
  }
  return false;
}

bool MarkingGrammar::IsBasisContinuation(const MarkingTokens& tokens,
                                         const MarkingTokens& above) const {
  MarkingReading r;
  ReadRest(tokens, 0, &r);
  if (r.unknown_words > 0 || r.sentence_cue || r.question) return false;
  if (r.has_basis) return true;
  // "... offentlighedslovens § 30, nr." / "1", "... forvaltningslova § 13 fyrste" / "ledd
  // nr. 1": a '§' or a word such as "nr", "stk", "fyrste" ends the line above, a number or
  // such a word starts this one.
  auto last = std::find_if(above.rbegin(), above.rend(),
                           [](const MarkingToken& t) { return t.is_content(); });
  auto first = std::find_if(tokens.begin(), tokens.end(),
                            [](const MarkingToken& t) { return t.is_content(); });
  if (last == above.rend() || first == tokens.end()) return false;
  const bool basis_word_first = first->kind == TokenKind::kWord &&
                                CountCodePoints(first->key) > 1 &&
                                rules_.basis_words.count(first->key) > 0;
  if (first->kind != TokenKind::kNumber && !basis_word_first) return false;
  return last->kind == TokenKind::kSection ||
         (last->kind == TokenKind::kWord && CountCodePoints(last->key) > 1 &&
          rules_.basis_words.count(last->key) > 0);
}

void MarkingGrammar::PhrasesIn(const MarkingTokens& tokens,
                               std::set<const MarkingPhrase*>* out) const {
  for (size_t p = 0; p < tokens.size(); ++p) {
    if (tokens[p].kind != TokenKind::kWord) continue;
    for (const MarkingPhrase& phrase : rules_.phrases) {
      if (MatchKeys(tokens, p, phrase.keys, Match::kOcrTolerant) != 0) out->insert(&phrase);
    }
  }
}

MarkingReading::Label MarkingGrammar::LabelOf(const MarkingTokens& tokens) const {
  size_t pos = SkipPunct(tokens, 0);
  return LabelAt(tokens, &pos);
}

bool MarkingGrammar::HasSentenceCue(const MarkingTokens& tokens) const {
  for (const MarkingToken& t : tokens) {
    if (t.kind == TokenKind::kWord && rules_.sentence_cues.count(t.key) > 0) return true;
  }
  return false;
}

}  // namespace skjerm
