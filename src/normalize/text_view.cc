#include "normalize/text_view.h"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>

#include "base/utf8.h"
#include "normalize/char_class.h"

namespace skjerm {
namespace {

// Marks a soft hyphen until line-end hyphenation has been resolved.
constexpr char kSoftHyphen = '\x01';

bool IsCombining(char32_t cp) {
  if (cp < 0x300) return false;
  const utf8proc_property_t* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
  return p->combining_class != 0 || p->category == UTF8PROC_CATEGORY_MN;
}

// The uniform replacement of one code point, or nullptr to keep it as it is.
const char* Replacement(char32_t cp) {
  switch (cp) {
    case 0x00A0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return " ";
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
      return "";
    case 0x00AD:
      return "\x01";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2043:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
      return "-";
    case 0x2018:
    case 0x2019:
    case 0x02BC:
    case 0x2032:
      return "'";
    case 0x2028:
    case 0x2029:
      return "\n";
    case 0xFB00:
      return "ff";
    case 0xFB01:
      return "fi";
    case 0xFB02:
      return "fl";
    case 0xFB03:
      return "ffi";
    case 0xFB04:
      return "ffl";
    case 0xFB05:
    case 0xFB06:
      return "st";
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return " ";
  if (cp >= 0xFF10 && cp <= 0xFF19) {
    static const char* const kDigits[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    return kDigits[cp - 0xFF10];
  }
  return nullptr;
}

bool IsLetterAt(const std::string& s, size_t pos, bool* lower) {
  size_t n;
  char32_t cp = DecodeUtf8(s, pos, &n);
  *lower = utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_LL;
  return IsLetter(cp);
}

// Start of the code point that ends just before pos.
size_t PreviousCharStart(const std::string& s, size_t pos) {
  size_t p = pos - 1;
  while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
  return p;
}

int DigitFor(char c) {
  switch (c) {
    case 'O':
    case 'o':
      return '0';
    case 'l':
    case 'I':
    case '|':
      return '1';
    case 'S':
      return '5';
    case 'B':
      return '8';
    default:
      return -1;
  }
}

}  // namespace

TextView::TextView(std::string_view original) {
  text_.reserve(original.size());
  for (size_t i = 0; i < original.size();) {
    const char c = original[i];
    const uint32_t at = static_cast<uint32_t>(i);
    const bool next_may_combine =
        i + 1 < original.size() && static_cast<unsigned char>(original[i + 1]) >= 0xCC;
    if (static_cast<unsigned char>(c) < 0x80 && !next_may_combine) {
      if (c == '\r') {
        if (i + 1 < original.size() && original[i + 1] == '\n') {
          ++i;  // the '\n' that follows stands for both
        } else {
          Append("\n", at, at + 1);
          ++i;
        }
      } else if (c == '\t' || c == '\v' || (c >= 0 && c < 0x20 && c != '\n' && c != '\f')) {
        Append(" ", at, at + 1);
        ++i;
      } else if (c == '\f') {
        Append("\n", at, at + 1);
        ++i;
      } else {
        Append(std::string_view(&original[i], 1), at, at + 1);
        ++i;
      }
      continue;
    }
    size_t n;
    const char32_t cp = DecodeUtf8(original, i, &n);
    // A base character followed by combining marks: compose the cluster (NFC).
    size_t cluster_end = i + n;
    while (cluster_end < original.size()) {
      size_t m;
      char32_t next = DecodeUtf8(original, cluster_end, &m);
      if (!IsCombining(next)) break;
      cluster_end += m;
    }
    if (cluster_end > i + n) {
      std::string cluster(original.substr(i, cluster_end - i));
      std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> composed(
          utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(cluster.c_str())), &std::free);
      Append(composed ? reinterpret_cast<const char*>(composed.get()) : cluster, at,
             static_cast<uint32_t>(cluster_end));
      i = cluster_end;
      continue;
    }
    if (const char* r = Replacement(cp)) {
      Append(r, at, static_cast<uint32_t>(i + n));
    } else {
      Append(original.substr(i, n), at, static_cast<uint32_t>(i + n));
    }
    i += n;
  }
  RemoveLineEndHyphenation();
  ResolveDigitConfusions();
}

void TextView::Append(std::string_view bytes, uint32_t orig_begin, uint32_t orig_end) {
  // One whole character, as long as the original it came from: copied. Anything else (a
  // ligature split in two, a space or dash made plain, a composed cluster, a broken byte)
  // maps every byte to all of its original.
  size_t length = 0;
  const bool broken = !bytes.empty() && DecodeUtf8(bytes, 0, &length) == 0xFFFD && length == 1;
  const bool copied = !broken && length == bytes.size() && orig_end - orig_begin == bytes.size();
  for (size_t k = 0; k < bytes.size(); ++k) {
    text_.push_back(bytes[k]);
    if (copied) {
      MapCopied(&runs_, text_.size() - 1, orig_begin + static_cast<uint32_t>(k));
    } else {
      MapReplaced(&runs_, text_.size() - 1, orig_begin, orig_end);
    }
  }
}

void TextView::MapCopied(std::vector<Run>* runs, size_t pos, uint32_t orig) {
  if (!runs->empty()) {
    const Run& last = runs->back();
    if (last.copied && last.orig_begin + (pos - last.view_begin) == orig) return;
  }
  runs->push_back(Run{static_cast<uint32_t>(pos), orig, 0, true});
}

void TextView::MapReplaced(std::vector<Run>* runs, size_t pos, uint32_t orig_begin,
                           uint32_t orig_end) {
  if (!runs->empty()) {
    const Run& last = runs->back();
    if (!last.copied && last.orig_begin == orig_begin && last.orig_end == orig_end) return;
  }
  runs->push_back(Run{static_cast<uint32_t>(pos), orig_begin, orig_end, false});
}

const TextView::Run& TextView::RunAt(size_t pos, size_t* run_end) const {
  auto it = std::upper_bound(runs_.begin(), runs_.end(), pos,
                             [](size_t p, const Run& r) { return p < r.view_begin; });
  *run_end = it == runs_.end() ? text_.size() : it->view_begin;
  return *(it - 1);
}

void TextView::OriginOf(size_t pos, uint32_t* orig_begin, uint32_t* orig_end) const {
  size_t run_end;
  const Run& run = RunAt(pos, &run_end);
  if (!run.copied) {
    *orig_begin = run.orig_begin;
    *orig_end = run.orig_end;
    return;
  }
  // The whole character: a copied run holds whole characters.
  auto continuation = [&](size_t p) {
    return (static_cast<unsigned char>(text_[p]) & 0xC0) == 0x80;
  };
  size_t begin = pos, end = pos + 1;
  while (begin > run.view_begin && continuation(begin)) --begin;
  while (end < run_end && continuation(end)) ++end;
  *orig_begin = run.orig_begin + static_cast<uint32_t>(begin - run.view_begin);
  *orig_end = run.orig_begin + static_cast<uint32_t>(end - run.view_begin);
}

// "fødsels-\nnummer" -> "fødselsnummer", "Tor-\nErik" -> "Tor-Erik", "120311-\n66592" ->
// "120311-66592"; a soft hyphen disappears, and with it the line break it stood at.
void TextView::RemoveLineEndHyphenation() {
  std::string text;
  std::vector<Run> runs;
  text.reserve(text_.size());
  auto keep = [&](size_t i) {
    text.push_back(text_[i]);
    size_t run_end;
    const Run& run = RunAt(i, &run_end);
    if (run.copied) {
      MapCopied(&runs, text.size() - 1, run.orig_begin + static_cast<uint32_t>(i - run.view_begin));
    } else {
      MapReplaced(&runs, text.size() - 1, run.orig_begin, run.orig_end);
    }
  };
  const size_t size = text_.size();
  for (size_t i = 0; i < size;) {
    const char c = text_[i];
    if (c != '-' && c != kSoftHyphen) {
      keep(i++);
      continue;
    }
    // Find a line break right after the hyphen, and the first character after it.
    size_t j = i + 1;
    while (j < size && text_[j] == ' ') ++j;
    const bool at_line_end = j < size && text_[j] == '\n';
    size_t k = j;
    if (at_line_end) {
      ++k;
      while (k < size && text_[k] == ' ') ++k;
    }
    if (c == kSoftHyphen) {
      i = at_line_end ? k : i + 1;
      continue;
    }
    if (!at_line_end || i == 0 || k >= size) {
      keep(i++);
      continue;
    }
    const size_t prev = PreviousCharStart(text_, i);
    bool prev_lower = false, next_lower = false;
    const bool prev_letter = IsLetterAt(text_, prev, &prev_lower);
    const bool next_letter = IsLetterAt(text_, k, &next_lower);
    const bool digits = IsAsciiDigit(text_[prev]) && IsAsciiDigit(text_[k]);
    if (prev_letter && next_letter && next_lower) {
      i = k;  // a word broken across lines
    } else if ((prev_letter && next_letter) || digits) {
      keep(i);  // a hyphen that belongs to the word or number
      i = k;
    } else {
      keep(i++);
    }
  }
  text_ = std::move(text);
  runs_ = std::move(runs);
}

// Inside a token made only of digits and look-alike letters, with at least three real
// digits and twice as many digits as look-alikes, the look-alikes are OCR errors.
void TextView::ResolveDigitConfusions() {
  const size_t size = text_.size();
  for (size_t i = 0; i < size;) {
    auto in_token = [&](char c) { return IsAsciiDigit(c) || DigitFor(c) >= 0; };
    if (!in_token(text_[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    int digits = 0, lookalikes = 0;
    while (j < size && in_token(text_[j])) {
      if (IsAsciiDigit(text_[j]))
        ++digits;
      else
        ++lookalikes;
      ++j;
    }
    // The token must stand alone: not glued to other letters ("OSLO", "Bø").
    const bool glued_before = i > 0 && (std::isalpha(static_cast<unsigned char>(text_[i - 1])) ||
                                        static_cast<unsigned char>(text_[i - 1]) >= 0x80);
    const bool glued_after = j < size && (std::isalpha(static_cast<unsigned char>(text_[j])) ||
                                          static_cast<unsigned char>(text_[j]) >= 0x80);
    // A '|' at either end of the run is a table rule OCR read next to the number
    // («|20120914-3757 |5B»), not a misread 1: it stays, and the run is judged without it.
    size_t first = i, last = j;
    while (first < last && text_[first] == '|') {
      ++first;
      --lookalikes;
    }
    while (last > first && text_[last - 1] == '|') {
      --last;
      --lookalikes;
    }
    if (lookalikes > 0 && digits >= 3 && digits >= 2 * lookalikes && !glued_before &&
        !glued_after) {
      for (size_t k = first; k < last; ++k) {
        if (!IsAsciiDigit(text_[k])) text_[k] = static_cast<char>(DigitFor(text_[k]));
      }
    }
    i = j;
  }
}

void TextView::ToOriginal(size_t begin, size_t end, size_t* orig_begin, size_t* orig_end) const {
  if (text_.empty()) {
    *orig_begin = *orig_end = 0;
    return;
  }
  if (begin >= text_.size()) begin = text_.size() - 1;
  if (end <= begin) end = begin + 1;
  if (end > text_.size()) end = text_.size();
  uint32_t b, e;
  OriginOf(begin, &b, &e);
  *orig_begin = b;
  OriginOf(end - 1, &b, &e);
  *orig_end = e;
}

size_t TextView::LineStart(size_t pos) const {
  if (pos > text_.size()) pos = text_.size();
  size_t p = text_.rfind('\n', pos == 0 ? 0 : pos - 1);
  if (pos == 0 || p == std::string::npos) return 0;
  return p + 1;
}

size_t TextView::LineEnd(size_t pos) const {
  size_t p = text_.find('\n', pos);
  return p == std::string::npos ? text_.size() : p;
}

std::string_view TextView::LineAround(size_t pos) const {
  size_t b = LineStart(pos), e = LineEnd(pos);
  return std::string_view(text_).substr(b, e - b);
}

}  // namespace skjerm
