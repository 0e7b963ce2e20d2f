// What `scan` judges of the paths it is given: files as named, folders walked recursively.
// Nothing in a folder is left out silently: each entry is a file to judge, an entry the user
// excluded (--exclude GLOB, counted), or a problem reported for its path as an `error` — a
// folder that cannot be read, a symbolic link that leads nowhere or back into its own
// folder, a device or pipe. Hidden entries are files like any other. Symbolic links are
// followed (a loop is the problem of the link that closes it).
//
// Plain functions of the file system; no state.
#ifndef SKJERM_PIPELINE_INPUT_PATHS_H_
#define SKJERM_PIPELINE_INPUT_PATHS_H_

#include <string>
#include <vector>

namespace skjerm {

struct InputPath {
  std::string path;
  // Empty: a file to judge. Otherwise why the entry cannot be judged, for an `error` line.
  std::string problem;
};

struct InputPaths {
  std::vector<InputPath> items;  // per path named: its files in path order
  int excluded = 0;              // entries of walked folders left out by --exclude
};

// Paths named are kept as named even when they do not exist (they end as `error` when read);
// `exclude` applies only to what a folder walk finds (see Excluded).
InputPaths ExpandInputPaths(const std::vector<std::string>& inputs,
                            const std::vector<std::string>& exclude = {});

// Whether a glob excludes an entry found in a walk. A glob without '/' matches the entry's
// name (".*", "*.tmp", "Thumbs.db"); a glob with '/' matches its path below the folder named
// on the command line ("drafts/*"). Shell wildcards (fnmatch); '*' does not cross '/'.
bool Excluded(const std::vector<std::string>& globs, const std::string& name,
              const std::string& relative_path);

}  // namespace skjerm

#endif  // SKJERM_PIPELINE_INPUT_PATHS_H_
