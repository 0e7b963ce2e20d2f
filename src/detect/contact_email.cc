// E-mail addresses: found by shape (OCR spaces around '@' and '.' and written-out «(at)»
// tolerated), then judged by mailbox, domain and place in the letter.
#include <algorithm>
#include <cctype>

#include "base/utf8.h"
#include "detect/contact_document.h"

namespace skjerm {
namespace contact {
namespace {

bool EndsWithDomain(std::string_view domain, std::string_view suffix) {
  if (domain == suffix) return true;
  return domain.size() > suffix.size() && domain.substr(domain.size() - suffix.size()) == suffix &&
         domain[domain.size() - suffix.size() - 1] == '.';
}

std::vector<std::string> Labels(std::string_view domain) {
  std::vector<std::string> labels;
  size_t start = 0;
  while (start <= domain.size()) {
    size_t dot = domain.find('.', start);
    if (dot == std::string_view::npos) dot = domain.size();
    labels.emplace_back(domain.substr(start, dot - start));
    start = dot + 1;
  }
  return labels;
}

// The domain as matched ("gmail. com", "gmail(dot)com", "gmail.com. Vi") made plain, and
// where it really ends. Returns false if what is left is not a domain.
struct CleanDomain {
  std::string domain;  // lower-case, "gmail.com"
  size_t end = 0;      // in the unit text
  bool spaced = false;
};

bool Clean(std::string_view text, size_t begin, size_t end, CleanDomain* out) {
  // Split into labels (runs of letters, digits and '-') and what separates them.
  struct Label {
    size_t begin, end;
    bool spaced_before;
  };
  std::vector<Label> labels;
  size_t i = begin;
  bool spaced = false;
  while (i < end) {
    size_t n;
    const char32_t cp = CodePointAt(text, i, &n);
    if (IsLetter(cp) || (cp < 0x80 && (IsAsciiDigit(static_cast<char>(cp)) || cp == '-'))) {
      size_t j = i;
      while (j < end) {
        const char32_t c = CodePointAt(text, j, &n);
        if (!(IsLetter(c) || (c < 0x80 && (IsAsciiDigit(static_cast<char>(c)) || c == '-')))) {
          break;
        }
        j += n;
      }
      labels.push_back({i, j, spaced});
      spaced = false;
      i = j;
      continue;
    }
    if (cp == ' ') spaced = true;
    if (cp == '(' || cp == '[') {
      // A written-out dot: skip to its closing bracket.
      const size_t close = text.find(cp == '(' ? ')' : ']', i);
      if (close == std::string_view::npos || close >= end) return false;
      i = close + 1;
      continue;
    }
    i += std::max<size_t>(n, 1);
  }
  // A label after a spaced dot that starts with a capital begins the next sentence.
  size_t keep = labels.size();
  for (size_t k = 1; k < labels.size(); ++k) {
    if (labels[k].spaced_before && StartsUpper(text.substr(labels[k].begin))) {
      keep = k;
      break;
    }
  }
  if (keep < 2) return false;
  out->domain.clear();
  out->spaced = false;
  for (size_t k = 0; k < keep; ++k) {
    if (k > 0) out->domain += '.';
    out->domain += ToLowerUtf8(text.substr(labels[k].begin, labels[k].end - labels[k].begin));
    if (labels[k].spaced_before) out->spaced = true;
  }
  out->end = labels[keep - 1].end;
  const std::string_view tld =
      text.substr(labels[keep - 1].begin, labels[keep - 1].end - labels[keep - 1].begin);
  if (tld.size() < 2) return false;
  for (char c : tld) {
    if (IsAsciiDigit(c) || c == '-') return false;
  }
  return true;
}

// «kari.hansen», «marius.dahl84», «k_hansen»: words joined by '.', '_' or '-', or a word
// with digits, look like a person's mailbox.
bool LooksPersonal(std::string_view local) {
  return local.find_first_of("._-") != std::string_view::npos ||
         std::any_of(local.begin(), local.end(), IsAsciiDigit);
}

}  // namespace

bool Document::IsPublicProvider(std::string_view domain) const {
  for (const std::string& provider : rules_.public_providers) {
    if (EndsWithDomain(domain, provider)) return true;
  }
  return false;
}

bool Document::IsRoleMailbox(std::string_view local) const {
  if (rules_.role_mailboxes.Contains(WordSet::Key(local))) return true;
  // «postmottak.oppvekst@…», «post-skole@…»: the first word names the function.
  const size_t sep = local.find_first_of("._-+");
  return sep != std::string_view::npos &&
         rules_.role_mailboxes.Contains(WordSet::Key(local.substr(0, sep)));
}

bool Document::IsOrganisationDomain(std::string_view domain) const {
  if (domain.empty() || IsPublicProvider(domain)) return false;
  for (const std::string& suffix : rules_.organisation_domains) {
    if (EndsWithDomain(domain, suffix)) return true;
  }
  for (const std::string& known : org_domains_) {
    if (EndsWithDomain(domain, known)) return true;
  }
  // A domain named after an organisation of the letter: «Lövåsa kommun» -> lovasa.se.
  const std::vector<std::string> labels = Labels(domain);
  for (size_t k = 0; k + 1 < labels.size(); ++k) {
    if (org_names_.count(WordSet::Key(labels[k])) > 0) return true;
  }
  return false;
}

// Domains the letter itself shows as the organisation's: in its letterhead or footer,
// behind a role mailbox, or as «www.» addresses.
void Document::CollectOrgDomains() {
  for (size_t ui = 0; ui < units_.size(); ++ui) {
    const UnitText& u = units_[ui];
    re2::StringPiece input(u.text.data(), u.text.size());
    re2::StringPiece groups[3];
    size_t pos = 0;
    while (pos < u.text.size() &&
           rules_.email_re->Match(input, pos, u.text.size(), RE2::UNANCHORED, groups, 3)) {
      const size_t begin = static_cast<size_t>(groups[0].data() - u.text.data());
      pos = begin + std::max<size_t>(groups[0].size(), 1);
      CleanDomain clean;
      const size_t dbegin = static_cast<size_t>(groups[2].data() - u.text.data());
      if (!Clean(u.text, dbegin, dbegin + groups[2].size(), &clean)) continue;
      if (IsPublicProvider(clean.domain)) continue;
      const Zone zone = ZoneAt(ui, begin);
      if (zone == Zone::kLetterhead || zone == Zone::kFooter ||
          IsRoleMailbox(std::string_view(groups[1].data(), groups[1].size()))) {
        org_domains_.insert(clean.domain);
      }
    }
    for (size_t l = 0; l < u.lines.size(); ++l) {
      if (u.lines[l].zone != Zone::kLetterhead && u.lines[l].zone != Zone::kFooter) continue;
      const std::string_view line = u.LineText(l);
      for (size_t w = line.find("www."); w != std::string_view::npos;
           w = line.find("www.", w + 4)) {
        size_t e = w + 4;
        while (e < line.size() && (std::isalnum(static_cast<unsigned char>(line[e])) ||
                                   line[e] == '.' || line[e] == '-')) {
          ++e;
        }
        std::string domain = ToLowerUtf8(line.substr(w + 4, e - w - 4));
        while (!domain.empty() && domain.back() == '.') domain.pop_back();
        if (domain.find('.') != std::string::npos && !IsPublicProvider(domain)) {
          org_domains_.insert(domain);
        }
      }
    }
  }
}

void Document::FindEmails() {
  for (size_t ui = 0; ui < units_.size(); ++ui) {
    const UnitText& u = units_[ui];
    re2::StringPiece input(u.text.data(), u.text.size());
    re2::StringPiece groups[3];
    size_t pos = 0;
    while (pos < u.text.size() &&
           rules_.email_re->Match(input, pos, u.text.size(), RE2::UNANCHORED, groups, 3)) {
      const size_t begin = static_cast<size_t>(groups[0].data() - u.text.data());
      pos = begin + std::max<size_t>(groups[0].size(), 1);
      const std::string_view local(groups[1].data(), groups[1].size());
      CleanDomain clean;
      const size_t dbegin = static_cast<size_t>(groups[2].data() - u.text.data());
      if (!Clean(u.text, dbegin, dbegin + groups[2].size(), &clean)) continue;
      const std::string_view at =
          u.text.substr(begin + local.size(), dbegin - begin - local.size());
      const bool spaced = clean.spaced || at != "@";
      if (spaced && !rules_.tlds.Contains(clean.domain.substr(clean.domain.rfind('.') + 1))) {
        continue;
      }
      ContactItem item;
      item.category = Category::kEmail;
      item.rule = "email.private";
      item.unit = ui;
      item.begin = begin;
      item.end = clean.end;
      pos = std::max(pos, clean.end);
      const Zone zone = ZoneAt(ui, begin);
      Cue cue;
      if (zone == Zone::kLetterhead || zone == Zone::kFooter) {
        item.party = Party::kOrganisation;
        item.reason = ZoneName(zone);
      } else if (IsRoleMailbox(local)) {
        item.party = Party::kOrganisation;
        item.reason = "role mailbox";
      } else if (IsOrganisationDomain(clean.domain)) {
        item.party = Party::kOrganisation;
        item.reason = "organisation's domain";
      } else if (IsPublicProvider(clean.domain)) {
        item.party = Party::kPrivate;
        item.confidence = 0.95;
        item.reason = "public e-mail provider";
      } else if (zone == Zone::kOfficialSignature) {
        item.party = Party::kOrganisation;
        item.reason = ZoneName(zone);
      } else if ((cue = NearestCue(ui, begin, item.end)).found) {
        item.party = cue.party;
        item.confidence = 0.8;
        item.reason = "cue word '" + cue.word + "'";
      } else if (zone == Zone::kPrivateSignature) {
        item.party = Party::kPrivate;
        item.confidence = 0.8;
        item.reason = ZoneName(zone);
      } else {
        // An unknown domain and no cue: a person's mailbox at their own or their
        // employer's domain is still personal data.
        item.party = Party::kPrivate;
        item.confidence = LooksPersonal(local) ? 0.7 : 0.5;
        item.reason = "unknown domain";
      }
      Add(std::move(item));
    }
  }
}

}  // namespace contact
}  // namespace skjerm
