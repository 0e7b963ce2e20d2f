// The secret key of the keyed hashes (HMAC-SHA-256) that stand in for names and IDs in the
// database. 32 random bytes, kept hex-encoded in a file beside the database
// ("<database>.key", mode 0600). Whoever has the key and the database can test a guessed
// name; without the key the hashes say nothing — so a key file that others can read is
// refused rather than used.
#ifndef SKJERM_JOURNAL_SECRET_KEY_H_
#define SKJERM_JOURNAL_SECRET_KEY_H_

#include <stdexcept>
#include <string>

namespace skjerm {

class SecretKeyError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// "<database path>.key"
std::string KeyPathFor(const std::string& database_path);

// The key in key_path (its 32 raw bytes), created with fresh random bytes when the file
// does not exist. Throws SecretKeyError when the file cannot be created or read, is not a
// key, is not owned by this user, or can be read or written by group or others.
std::string LoadOrCreateSecretKey(const std::string& key_path);

// The same, but never creates the file.
std::string LoadSecretKey(const std::string& key_path);

}  // namespace skjerm

#endif  // SKJERM_JOURNAL_SECRET_KEY_H_
