// E-mail addresses: found by shape (OCR spaces around '@' and '.' and written-out «(at)»
// tolerated), then judged by mailbox, domain and place in the letter.
#include <algorithm>
#include <cctype>

#include "base/utf8.h"
#include "detect/contacts/contact_letter.h"

namespace skjerm {
namespace contact {
namespace {

// An e-mail address as found: [begin, end) of the page text.
struct EmailMatch {
  size_t begin = 0;
  size_t end = 0;
  std::string_view local;  // the part before '@', as written
  std::string domain;      // lower-case, OCR spaces removed
};

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

// A label of a domain as matched: a run of letters, digits and '-'.
struct DomainLabel {
  size_t begin, end;
  bool spaced_before;
};

bool IsLabelChar(char32_t cp) {
  return IsLetter(cp) || (cp < 0x80 && (IsAsciiDigit(static_cast<char>(cp)) || cp == '-'));
}

// Splits [begin, end) into labels and what separates them. Returns false if a written-out
// dot («(dot)») has no closing bracket.
bool SplitLabels(std::string_view text, size_t begin, size_t end,
                 std::vector<DomainLabel>* labels) {
  size_t i = begin;
  bool spaced = false;
  while (i < end) {
    size_t n;
    const char32_t cp = CodePointAt(text, i, &n);
    if (IsLabelChar(cp)) {
      size_t j = i;
      while (j < end && IsLabelChar(CodePointAt(text, j, &n))) j += n;
      labels->push_back({i, j, spaced});
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
  return true;
}

bool Clean(std::string_view text, size_t begin, size_t end, CleanDomain* out) {
  std::vector<DomainLabel> labels;
  if (!SplitLabels(text, begin, end, &labels)) return false;
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

// «www.eikelund.kommune.no»: the domains of the web addresses of a line, lower-case.
std::vector<std::string> WebDomainsIn(std::string_view line) {
  std::vector<std::string> domains;
  for (size_t w = line.find("www."); w != std::string_view::npos; w = line.find("www.", w + 4)) {
    size_t e = w + 4;
    while (e < line.size() && (std::isalnum(static_cast<unsigned char>(line[e])) ||
                               line[e] == '.' || line[e] == '-')) {
      ++e;
    }
    std::string domain = ToLowerUtf8(line.substr(w + 4, e - w - 4));
    while (!domain.empty() && domain.back() == '.') domain.pop_back();
    if (domain.find('.') != std::string::npos) domains.push_back(std::move(domain));
  }
  return domains;
}

// Every e-mail address of a unit's text: its place and its parts, OCR spaces removed.
std::vector<EmailMatch> EmailsIn(const ContactRules& rules, std::string_view text) {
  std::vector<EmailMatch> out;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece groups[3];
  size_t pos = 0;
  while (pos < text.size() &&
         rules.email_re->Match(input, pos, text.size(), RE2::UNANCHORED, groups, 3)) {
    EmailMatch m;
    m.begin = static_cast<size_t>(groups[0].data() - text.data());
    pos = m.begin + std::max<size_t>(groups[0].size(), 1);
    m.local = std::string_view(groups[1].data(), groups[1].size());
    CleanDomain clean;
    const size_t domain_begin = static_cast<size_t>(groups[2].data() - text.data());
    if (!Clean(text, domain_begin, domain_begin + groups[2].size(), &clean)) continue;
    // Spaces (OCR) or a written-out at-sign: only with a top-level domain we know.
    const std::string_view at =
        text.substr(m.begin + m.local.size(), domain_begin - m.begin - m.local.size());
    const bool spaced = clean.spaced || at != "@";
    if (spaced && !rules.tlds.Contains(clean.domain.substr(clean.domain.rfind('.') + 1))) {
      continue;
    }
    m.end = clean.end;
    m.domain = clean.domain;
    pos = std::max(pos, m.end);
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

bool IsPublicProvider(const ContactRules& rules, std::string_view domain) {
  for (const std::string& provider : rules.public_providers) {
    if (EndsWithDomain(domain, provider)) return true;
  }
  return false;
}

bool IsRoleMailbox(const ContactRules& rules, std::string_view local) {
  if (rules.role_mailboxes.Contains(WordSet::Key(local))) return true;
  // «postmottak.oppvekst@…», «post-skole@…»: the first word names the function.
  const size_t sep = local.find_first_of("._-+");
  return sep != std::string_view::npos &&
         rules.role_mailboxes.Contains(WordSet::Key(local.substr(0, sep)));
}

bool IsOrganisationDomain(const ContactRules& rules, const WriterProfile& writer,
                          std::string_view domain) {
  if (domain.empty() || IsPublicProvider(rules, domain)) return false;
  for (const std::string& suffix : rules.organisation_domains) {
    if (EndsWithDomain(domain, suffix)) return true;
  }
  for (const std::string& known : writer.domains) {
    if (EndsWithDomain(domain, known)) return true;
  }
  // A domain named after an organisation of the letter: «Lövåsa kommun» -> lovasa.se.
  const std::vector<std::string> labels = Labels(domain);
  for (size_t k = 0; k + 1 < labels.size(); ++k) {
    if (writer.names.count(WordSet::Key(labels[k])) > 0) return true;
  }
  return false;
}

std::set<std::string> OrganisationDomains(const ContactRules& rules, const LetterLayout& layout) {
  std::set<std::string> domains;
  for (size_t ui = 0; ui < layout.units.size(); ++ui) {
    const UnitText& u = layout.units[ui];
    for (const EmailMatch& m : EmailsIn(rules, u.text)) {
      if (IsPublicProvider(rules, m.domain)) continue;
      const Zone zone = layout.ZoneAt(ui, m.begin);
      if (zone == Zone::kLetterhead || zone == Zone::kFooter || IsRoleMailbox(rules, m.local)) {
        domains.insert(m.domain);
      }
    }
    for (size_t l = 0; l < u.lines.size(); ++l) {
      if (u.lines[l].zone != Zone::kLetterhead && u.lines[l].zone != Zone::kFooter) continue;
      for (std::string& domain : WebDomainsIn(u.LineText(l))) {
        if (!IsPublicProvider(rules, domain)) domains.insert(std::move(domain));
      }
    }
  }
  return domains;
}

namespace {

// The owner of an e-mail address in `zone`: the letterhead's and role mailboxes are the
// organisation's, so is every address at its domains; a public provider's is a private
// person's; at an unknown domain the signature block and cue words decide, and without
// them the address is taken as private — a person's mailbox at their own or their
// employer's domain is still personal data.
Ownership DecideEmail(const ContactRules& rules, const WriterProfile& writer, const CueReader& cues,
                      Zone zone, size_t unit, const EmailMatch& m) {
  if (zone == Zone::kLetterhead || zone == Zone::kFooter) {
    return {Party::kOrganisation, 0.0, ZoneBasis(zone)};
  }
  if (IsRoleMailbox(rules, m.local)) return {Party::kOrganisation, 0.0, PartyBasis::kRoleMailbox};
  if (IsOrganisationDomain(rules, writer, m.domain)) {
    return {Party::kOrganisation, 0.0, PartyBasis::kOrganisationDomain};
  }
  if (IsPublicProvider(rules, m.domain)) {
    return {Party::kPrivate, 0.95, PartyBasis::kPublicProvider};
  }
  if (zone == Zone::kOfficialSignature || zone == Zone::kOrganisationBlock) {
    return {Party::kOrganisation, 0.0, ZoneBasis(zone)};
  }
  if (const PartyCue cue = cues.NearestCue(unit, m.begin, m.end); cue.found) {
    return {cue.party, 0.8, PartyBasis::kCueWord, cue.word};
  }
  if (zone == Zone::kPrivateSignature) return {Party::kPrivate, 0.8, ZoneBasis(zone)};
  return {Party::kPrivate, LooksPersonal(m.local) ? 0.7 : 0.5, PartyBasis::kUnknownDomain};
}

}  // namespace

std::vector<ContactItem> FindEmails(const ContactRules& rules, const LetterLayout& layout,
                                    const WriterProfile& writer, const CueReader& cues) {
  std::vector<ContactItem> items;
  for (size_t ui = 0; ui < layout.units.size(); ++ui) {
    for (const EmailMatch& m : EmailsIn(rules, layout.units[ui].text)) {
      const Ownership d = DecideEmail(rules, writer, cues, layout.ZoneAt(ui, m.begin), ui, m);
      ContactItem item;
      item.category = Category::kEmail;
      item.rule = "email.private";
      item.unit = ui;
      item.begin = m.begin;
      item.end = m.end;
      item.party = d.party;
      item.confidence = d.confidence;
      item.basis = d.basis;
      item.cue_word = d.cue_word;
      items.push_back(std::move(item));
    }
  }
  return items;
}

}  // namespace contact
}  // namespace skjerm
