// Authenticated encryption (AES-256-GCM, OpenSSL) for the texts skjerm must keep but must
// not keep in clear: journal titles, parties, cached page text. A box is
// nonce (12 bytes) || ciphertext || tag (16 bytes); opening a box that was tampered with,
// or sealed under another key, fails instead of returning garbage.
#ifndef SKJERM_BASE_SEALED_BOX_H_
#define SKJERM_BASE_SEALED_BOX_H_

#include <stdexcept>
#include <string>
#include <string_view>

namespace skjerm {

class SealedBoxError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class SealedBox {
 public:
  // Derives the encryption key from skjerm's secret key (so the hash key and the
  // encryption key are never the same bytes).
  explicit SealedBox(std::string_view secret_key);

  std::string Seal(std::string_view plaintext) const;
  // Throws SealedBoxError when the box is damaged or was sealed under another key.
  std::string Open(std::string_view box) const;

 private:
  std::string key_;  // 32 bytes
};

}  // namespace skjerm

#endif  // SKJERM_BASE_SEALED_BOX_H_
