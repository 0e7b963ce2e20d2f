#include "journal/secret_key.h"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <thread>

namespace skjerm {
namespace {

constexpr size_t kKeyBytes = 32;

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string ModeString(mode_t mode) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(mode & 07777));
  return buf;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string ToHex(const unsigned char* bytes, size_t n) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out.push_back(kDigits[bytes[i] >> 4]);
    out.push_back(kDigits[bytes[i] & 15]);
  }
  return out;
}

void WriteAll(int fd, const std::string& data, const std::string& path) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw SecretKeyError("cannot write key file " + path + ": " + std::strerror(errno));
    }
    done += static_cast<size_t>(n);
  }
}

// Creates the folder and every missing folder above it with mode 0700.
void MakePrivateFolders(const std::string& folder) {
  struct stat st;
  if (::stat(folder.c_str(), &st) == 0) return;
  const std::string parent = FolderOf(folder);
  if (parent != folder) MakePrivateFolders(parent);
  if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) {
    throw SecretKeyError("cannot create the key folder " + folder + ": " + std::strerror(errno));
  }
}

// The key's folder must be the user's own and closed to everyone else: whoever can write
// it can swap the key, whoever can open it can read a key file whose mode slipped.
void CheckFolder(const std::string& key_path) {
  const std::string folder = FolderOf(key_path);
  struct stat st;
  if (::stat(folder.c_str(), &st) != 0) {
    throw SecretKeyError("cannot open the key folder " + folder + ": " + std::strerror(errno));
  }
  if (!S_ISDIR(st.st_mode)) throw SecretKeyError("key folder " + folder + " is not a folder");
  if (st.st_uid != ::geteuid()) {
    throw SecretKeyError("key folder " + folder + " belongs to another user; refusing to use " +
                         key_path);
  }
  if ((st.st_mode & 077) != 0) {
    throw SecretKeyError("key folder " + folder + " has mode " + ModeString(st.st_mode) +
                         ": others can open it. Refusing to use " + key_path + "; run 'chmod 700 " +
                         folder + "', or keep the key in a folder only you can open.");
  }
}

// Creates the key file; false when it already exists.
bool CreateKeyFile(const std::string& path) {
  Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
  if (fd.get() < 0) {
    if (errno == EEXIST) return false;
    throw SecretKeyError("cannot create key file " + path + ": " + std::strerror(errno));
  }
  unsigned char bytes[kKeyBytes];
  if (RAND_bytes(bytes, sizeof bytes) != 1) {
    ::unlink(path.c_str());
    throw SecretKeyError("no random bytes for a new key (OpenSSL RAND_bytes failed)");
  }
  std::string hex = ToHex(bytes, sizeof bytes) + "\n";
  OPENSSL_cleanse(bytes, sizeof bytes);
  try {
    // The umask can only have removed bits from 0600; fchmod makes the mode exact anyway.
    if (::fchmod(fd.get(), 0600) != 0) {
      throw SecretKeyError("cannot restrict key file " + path + ": " + std::strerror(errno));
    }
    WriteAll(fd.get(), hex, path);
    if (::fsync(fd.get()) != 0) {
      throw SecretKeyError("cannot sync key file " + path + ": " + std::strerror(errno));
    }
  } catch (const SecretKeyError&) {
    OPENSSL_cleanse(hex.data(), hex.size());
    ::unlink(path.c_str());
    throw;
  }
  OPENSSL_cleanse(hex.data(), hex.size());
  return true;
}

// Reads and checks the key file; empty when it is still being written by another process.
std::string ReadKeyFile(const std::string& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (fd.get() < 0) {
    throw SecretKeyError("cannot open key file " + path + ": " + std::strerror(errno));
  }
  struct stat st;
  if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
    throw SecretKeyError("key file " + path + " is not a regular file");
  }
  if (st.st_uid != ::geteuid()) {
    throw SecretKeyError("key file " + path + " belongs to another user; refusing to use it");
  }
  if ((st.st_mode & 077) != 0) {
    throw SecretKeyError("key file " + path + " has mode " + ModeString(st.st_mode) +
                         ": others can read the database's secret key. Refusing to use it; run "
                         "'chmod 600 " +
                         path +
                         "' if nobody else has seen it, or else start a new database (and "
                         "key) and import the roster and journal into it again.");
  }
  char buf[2 * kKeyBytes + 8];
  ssize_t n = ::read(fd.get(), buf, sizeof buf);
  if (n < 0) throw SecretKeyError("cannot read key file " + path + ": " + std::strerror(errno));
  std::string text(buf, static_cast<size_t>(n));
  OPENSSL_cleanse(buf, sizeof buf);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  if (text.empty()) return "";
  std::string key;
  if (text.size() == 2 * kKeyBytes) {
    for (size_t i = 0; i < text.size(); i += 2) {
      int hi = HexValue(text[i]), lo = HexValue(text[i + 1]);
      if (hi < 0 || lo < 0) break;
      key.push_back(static_cast<char>(hi * 16 + lo));
    }
  }
  OPENSSL_cleanse(text.data(), text.size());
  if (key.size() != kKeyBytes) {
    throw SecretKeyError("key file " + path + " does not hold a key (64 hex digits)");
  }
  return key;
}

std::string LoadWithRetry(const std::string& path) {
  // A file created a moment ago by another skjerm may still be empty.
  for (int attempt = 0; attempt < 50; ++attempt) {
    std::string key = ReadKeyFile(path);
    if (!key.empty()) return key;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  throw SecretKeyError("key file " + path + " is empty");
}

}  // namespace

std::string FolderOf(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string LoadOrCreateSecretKey(const std::string& key_path) {
  MakePrivateFolders(FolderOf(key_path));
  CheckFolder(key_path);
  CreateKeyFile(key_path);
  return LoadWithRetry(key_path);
}

std::string LoadSecretKey(const std::string& key_path) {
  CheckFolder(key_path);
  return LoadWithRetry(key_path);
}

}  // namespace skjerm
