#include "base/sealed_box.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <memory>

namespace skjerm {
namespace {

constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;

struct CipherContextFree {
  void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, CipherContextFree>;

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

SealedBox::SealedBox(std::string_view secret_key) {
  static const char kLabel[] = "skjerm sealed box v1";
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (HMAC(EVP_sha256(), secret_key.data(), static_cast<int>(secret_key.size()),
           reinterpret_cast<const unsigned char*>(kLabel), sizeof(kLabel) - 1, digest,
           &length) == nullptr ||
      length != 32) {
    throw SealedBoxError("cannot derive the encryption key");
  }
  key_.assign(reinterpret_cast<const char*>(digest), length);
}

std::string SealedBox::Seal(std::string_view plaintext) const {
  std::string out(kNonceBytes + plaintext.size() + kTagBytes, '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(out.data());
  if (RAND_bytes(nonce, kNonceBytes) != 1) throw SealedBoxError("no random bytes for a nonce");
  CipherContext ctx(EVP_CIPHER_CTX_new());
  int n = 0;
  auto* cipher = nonce + kNonceBytes;
  if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, Bytes(key_), nonce) != 1 ||
      EVP_EncryptUpdate(ctx.get(), cipher, &n, Bytes(plaintext),
                        static_cast<int>(plaintext.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.get(), cipher + n, &n) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, cipher + plaintext.size()) !=
          1) {
    throw SealedBoxError("encryption failed");
  }
  return out;
}

std::string SealedBox::Open(std::string_view box) const {
  if (box.size() < kNonceBytes + kTagBytes) throw SealedBoxError("sealed text is damaged");
  const size_t length = box.size() - kNonceBytes - kTagBytes;
  std::string out(length, '\0');
  CipherContext ctx(EVP_CIPHER_CTX_new());
  int n = 0;
  auto* plain = reinterpret_cast<unsigned char*>(out.data());
  std::string tag(box.substr(kNonceBytes + length));
  if (!ctx ||
      EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, Bytes(key_), Bytes(box)) != 1 ||
      EVP_DecryptUpdate(ctx.get(), plain, &n, Bytes(box) + kNonceBytes, static_cast<int>(length)) !=
          1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) != 1 ||
      EVP_DecryptFinal_ex(ctx.get(), plain + n, &n) != 1) {
    throw SealedBoxError("sealed text is damaged or was sealed under another key");
  }
  return out;
}

}  // namespace skjerm
