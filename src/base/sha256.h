// SHA-256 and HMAC-SHA-256 through OpenSSL's libcrypto: hashing is not code to write by hand.
#ifndef SKJERM_BASE_SHA256_H_
#define SKJERM_BASE_SHA256_H_

#include <string>
#include <string_view>

namespace skjerm {

// Lower-case hex digest of data.
std::string Sha256Hex(std::string_view data);

// Lower-case hex HMAC-SHA-256 of data under key.
std::string HmacSha256Hex(std::string_view key, std::string_view data);

}  // namespace skjerm

#endif  // SKJERM_BASE_SHA256_H_
