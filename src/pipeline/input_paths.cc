#include "pipeline/input_paths.h"

#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace skjerm {
namespace {

namespace fs = std::filesystem;

// A folder on the way down, to know a symbolic link that leads back up.
struct Ancestor {
  dev_t device;
  ino_t inode;
  std::string path;
};

const char* KindOf(mode_t mode) {
  if (S_ISFIFO(mode)) return "a named pipe";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "not a regular file";
}

// Walks one folder named on the command line; `found` gets every entry that is not excluded.
class FolderWalk {
 public:
  FolderWalk(const std::vector<std::string>& exclude, int* excluded)
      : exclude_(exclude), excluded_(excluded) {}

  void Walk(const std::string& root, const struct stat& st, std::vector<InputPath>* found) {
    found_ = found;
    ancestors_.push_back(Ancestor{st.st_dev, st.st_ino, root});
    Folder(root, "");
    ancestors_.pop_back();
  }

 private:
  void Folder(const std::string& dir, const std::string& relative) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      Problem(dir, "the folder cannot be read: " + ec.message());
      return;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      Entry((fs::path(dir) / it->path().filename()).string(), it->path().filename().string(),
            relative);
    }
    // The iterator ends at an error: what came after it was not listed.
    if (ec) Problem(dir, "the folder could not be listed to its end: " + ec.message());
  }

  void Entry(const std::string& path, const std::string& name, const std::string& parent) {
    const std::string relative = parent.empty() ? name : parent + "/" + name;
    if (Excluded(exclude_, name, relative)) {
      ++*excluded_;
      return;
    }
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      const int err = errno;
      struct stat link;
      if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
        // Not where the link points: a target is a path no detector has read (it may name a
        // person, like a file name), and output masks only the file name of `path`.
        Problem(path, err == ELOOP
                          ? "symbolic link loop"
                          : std::string("symbolic link to nothing (") + std::strerror(err) + ")");
      } else {
        Problem(path, std::string("cannot be read: ") + std::strerror(err));
      }
      return;
    }
    if (S_ISREG(st.st_mode)) {
      found_->push_back(InputPath{path, ""});
    } else if (S_ISDIR(st.st_mode)) {
      Subfolder(path, relative, st);
    } else {
      Problem(path, std::string(KindOf(st.st_mode)) + ", not a file: not read");
    }
  }

  void Subfolder(const std::string& path, const std::string& relative, const struct stat& st) {
    for (const Ancestor& a : ancestors_) {
      if (a.device == st.st_dev && a.inode == st.st_ino) {
        Problem(path, "symbolic link loop: leads back to " + a.path);
        return;
      }
    }
    ancestors_.push_back(Ancestor{st.st_dev, st.st_ino, path});
    Folder(path, relative);
    ancestors_.pop_back();
  }

  void Problem(const std::string& path, std::string why) {
    found_->push_back(InputPath{path, std::move(why)});
  }

  const std::vector<std::string>& exclude_;
  int* excluded_;
  std::vector<InputPath>* found_ = nullptr;
  std::vector<Ancestor> ancestors_;
};

}  // namespace

bool Excluded(const std::vector<std::string>& globs, const std::string& name,
              const std::string& relative_path) {
  for (const std::string& glob : globs) {
    const bool by_path = glob.find('/') != std::string::npos;
    if (by_path ? ::fnmatch(glob.c_str(), relative_path.c_str(), FNM_PATHNAME) == 0
                : ::fnmatch(glob.c_str(), name.c_str(), 0) == 0) {
      return true;
    }
  }
  return false;
}

InputPaths ExpandInputPaths(const std::vector<std::string>& inputs,
                            const std::vector<std::string>& exclude) {
  InputPaths out;
  FolderWalk walk(exclude, &out.excluded);
  for (const std::string& input : inputs) {
    struct stat st;
    if (::stat(input.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
      out.items.push_back(InputPath{input, ""});  // read, or reported, as a file
      continue;
    }
    std::vector<InputPath> found;
    walk.Walk(input, st, &found);
    std::sort(found.begin(), found.end(),
              [](const InputPath& a, const InputPath& b) { return a.path < b.path; });
    out.items.insert(out.items.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace skjerm
