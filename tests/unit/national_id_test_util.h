// Test helpers that compute valid check digits for invented people, independently of the
// validators under test (the rules are those of /work/shared/DOMAIN.md §1).
#ifndef SKJERM_TESTS_UNIT_NATIONAL_ID_TEST_UTIL_H_
#define SKJERM_TESTS_UNIT_NATIONAL_ID_TEST_UTIL_H_

#include <string>
#include <string_view>

namespace skjerm::testing {

inline int D(char c) { return c - '0'; }

// Remainder of the first Norwegian check (weights 3 7 6 1 8 9 4 5 2 and the check digit).
inline int NoRemainder1(std::string_view ten) {
  static const int w[] = {3, 7, 6, 1, 8, 9, 4, 5, 2, 1};
  int s = 0;
  for (int i = 0; i < 10; ++i) s += w[i] * D(ten[i]);
  return s % 11;
}

// The second Norwegian check digit for ten digits, or -1 when it would be 10.
inline int NoK2(std::string_view ten) {
  static const int w[] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  int s = 0;
  for (int i = 0; i < 10; ++i) s += w[i] * D(ten[i]);
  const int k = (11 - s % 11) % 11;
  return k == 10 ? -1 : k;
}

// The first Norwegian 11-digit number with the 6 given leading digits and an individual
// number from `first_individual` on whose first check-digit remainder is `remainder`
// (0: classic rule, 1-3: only the 2032 rule). Empty if none.
inline std::string NoNumber(std::string_view six, int first_individual = 100, int remainder = 0) {
  for (int ind = first_individual; ind <= 999; ++ind) {
    for (int k1 = 0; k1 <= 9; ++k1) {
      const std::string i = std::to_string(ind);
      std::string ten = std::string(six) + std::string(3 - i.size(), '0') + i + std::to_string(k1);
      if (NoRemainder1(ten) != remainder) continue;
      const int k2 = NoK2(ten);
      if (k2 >= 0) return ten + std::to_string(k2);
    }
  }
  return "";
}

// Luhn check digit over nine symbols; a letter counts as 1 (Swedish interim numbers).
inline char LuhnDigit(std::string_view nine) {
  int s = 0;
  for (int i = 0; i < 9; ++i) {
    const int v = nine[i] >= '0' && nine[i] <= '9' ? D(nine[i]) : 1;
    const int p = i % 2 == 0 ? 2 * v : v;
    s += p / 10 + p % 10;
  }
  return static_cast<char>('0' + (10 - s % 10) % 10);
}

// "YYMMDD" + three-symbol serial -> the ten symbols with the Luhn digit.
inline std::string SeNumber(std::string_view date6, std::string_view serial) {
  std::string nine = std::string(date6) + std::string(serial);
  return nine + LuhnDigit(nine);
}

inline bool DkMod11(std::string_view ten) {
  static const int w[] = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
  int s = 0;
  for (int i = 0; i < 10; ++i) s += w[i] * D(ten[i]);
  return s % 11 == 0;
}

// The first DDMMYYSSSS from the given serial on whose mod 11 holds (or fails).
inline std::string DkNumber(std::string_view date6, int first_serial, bool mod11) {
  for (int serial = first_serial; serial <= 9999; ++serial) {
    std::string s = std::to_string(serial);
    std::string ten = std::string(date6) + std::string(4 - s.size(), '0') + s;
    if (DkMod11(ten) == mod11) return ten;
  }
  return "";
}

inline char HetuCheck(std::string_view date6, std::string_view serial3) {
  static const char kAlphabet[] = "0123456789ABCDEFHJKLMNPRSTUVWXY";
  long v = 0;
  for (char c : date6) v = v * 10 + D(c);
  for (char c : serial3) v = v * 10 + D(c);
  return kAlphabet[v % 31];
}

inline std::string Hetu(std::string_view date6, char sign, std::string_view serial3) {
  return std::string(date6) + sign + std::string(serial3) + HetuCheck(date6, serial3);
}

}  // namespace skjerm::testing

#endif  // SKJERM_TESTS_UNIT_NATIONAL_ID_TEST_UTIL_H_
