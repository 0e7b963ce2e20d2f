#!/usr/bin/env python3
"""Counts includes that run against the direction of flow between skjerm's stages.

    scripts/check-layering.py [SRC_DIR]

The stages, first to last: a file of one stage may include headers of its own stage and of
the stages before it, never of a stage after it. Prints every backward include and every
cycle between folders, then a summary line; exits 1 when there is any, 0 otherwise.
CMake enforces the same order (one library per stage, each compiled against an include root
that holds only the folders of its own and earlier stages); this check says it without a build,
and scripts/test.sh runs it first. Inside detect/, the detector families (ids/, dates/,
contacts/, roles/, names/) include only the shared kernel (detect/*.h) and the families
DETECT_FAMILIES allows.
"""
import os
import re
import sys

STAGES = ["base", "normalize", "extract", "detect", "policy", "pipeline", "journal",
          "redact", "report", "cli"]
INCLUDE_PATH = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
STAGE_OF = re.compile(r'([a-z_]+)/')                   # "detect/names/x.h" -> detect
FAMILY_OF = re.compile(r'detect/(?:([a-z_]+)/)?[^/]+$')  # "detect/names/x.h" -> names
# Inside detect/: the shared kernel (detect/*.h: Detector, Finding, WordList) and one folder
# per detector family. A family includes the kernel, itself and the families named here;
# the kernel includes no family. Pipeline code outside detect/ may include any of them.
DETECT_FAMILIES = {"ids": set(), "dates": set(), "contacts": {"dates"}, "roles": set(),
                   "names": {"roles"}}


def included_paths(src, under=""):
    """(including file relative to src, its folder relative to src/under, included path) for
    every project include of every .h and .cc below src/under."""
    root = os.path.join(src, under)
    for folder, _, files in os.walk(root):
        rel = os.path.relpath(folder, root)
        for name in sorted(files):
            if not name.endswith((".h", ".cc")):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as f:
                for target in INCLUDE_PATH.findall(f.read()):
                    yield os.path.relpath(path, src), rel, target


def includes(src):
    """(including file, its folder, included folder) for every project include."""
    for path, rel, target in included_paths(src):
        m = STAGE_OF.match(target)
        if m:
            yield path, rel.split(os.sep)[0], m.group(1)


def family_includes(src):
    """(including file, its family or "" for the kernel, included family or "") in detect/."""
    for path, rel, target in included_paths(src, "detect"):
        m = FAMILY_OF.match(target)
        if m:
            yield path, "" if rel == "." else rel.split(os.sep)[0], m.group(1) or ""


def family_violations(src):
    """Includes between detect/'s families that DETECT_FAMILIES does not allow."""
    bad = []
    for path, family, target in family_includes(src):
        if family and family not in DETECT_FAMILIES:
            bad.append(f"{path}: detect/{family}/ is not a known detector family")
        elif target and target not in DETECT_FAMILIES:
            bad.append(f"{path}: includes detect/{target}/, not a known detector family")
        elif not family and target:
            bad.append(f"{path}: the detect/ kernel includes the family detect/{target}/")
        elif family and target and target != family and target not in DETECT_FAMILIES[family]:
            bad.append(f"{path}: detect/{family}/ includes detect/{target}/")
    return bad


def folder_cycles(edges):
    """Groups of folders that reach each other through includes (each group is a cycle)."""
    reach = {a: set(bs) for a, bs in edges.items()}
    changed = True
    while changed:
        changed = False
        for a in reach:
            extra = set().union(*(reach.get(b, set()) for b in reach[a])) - reach[a]
            if extra:
                reach[a] |= extra
                changed = True
    groups = {frozenset([a] + [b for b in reach[a] if a in reach.get(b, set())])
              for a in reach if a in reach[a]}
    return sorted(sorted(g) for g in groups)


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "src")
    rank = {s: i for i, s in enumerate(STAGES)}
    backward, unknown, edges = [], set(), {}
    for path, folder, target in includes(src):
        if folder not in rank or target not in rank:
            unknown.add(folder if folder not in rank else target)
            continue
        if folder != target:
            edges.setdefault(folder, set()).add(target)
        if rank[target] > rank[folder]:
            backward.append(f"{path}: includes {target}/ (stage {folder}/ comes before it)")
    backward += family_violations(src)
    cycles = folder_cycles(edges)
    for line in backward:
        print(line)
    for group in cycles:
        print("cycle: " + ", ".join(f"{name}/" for name in group) + " include each other")
    for name in sorted(unknown):
        print(f"unknown stage folder: {name}/ (not in {', '.join(STAGES)})")
    print(f"{len(backward)} backward includes, {len(cycles)} folder cycles, "
          f"{len(unknown)} unknown folders")
    return 1 if backward or cycles or unknown else 0


if __name__ == "__main__":
    sys.exit(main())
