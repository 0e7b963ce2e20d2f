// The secret key of the keyed hashes (HMAC-SHA-256) that stand in for names and IDs in the
// database, and of its sealed texts. 32 random bytes, kept hex-encoded in a file of mode
// 0600 in a folder of mode 0700, both the user's own. Whoever has the key and the database
// can test a guessed name; without the key the hashes say nothing — so a key file that
// others can read, or that sits in a folder others can open or write, is refused rather
// than used. Where the file is for a given database: journal/database_key.h.
#ifndef SKJERM_JOURNAL_SECRET_KEY_H_
#define SKJERM_JOURNAL_SECRET_KEY_H_

#include <stdexcept>
#include <string>

namespace skjerm {

class SecretKeyError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The folder a path names its file in: "a/b/k.key" -> "a/b", "/k.key" -> "/", "k.key" -> ".".
std::string FolderOf(const std::string& path);

// The key in key_path (its 32 raw bytes), created with fresh random bytes when the file
// does not exist (and its folder with mode 0700 when that does not exist either). Throws
// SecretKeyError when the file cannot be created or read, is not a key, is not owned by
// this user, or can be read or written by group or others, or when its folder is not the
// user's own or group or others can open it.
std::string LoadOrCreateSecretKey(const std::string& key_path);

// The same, but never creates the file.
std::string LoadSecretKey(const std::string& key_path);

}  // namespace skjerm

#endif  // SKJERM_JOURNAL_SECRET_KEY_H_
