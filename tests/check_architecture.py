"""Fails when a core stage includes a library the pipeline keeps out of it.

model, timeline and layout are pure: they must build and be tested without yaml-cpp,
cairo, Pango or CLI11 (see docs/architecture.md). Only load/ and theme/ may include
yaml-cpp, only render/ cairo and Pango, only cli/main.cpp CLI11.
"""
import pathlib
import re
import sys

ALLOWED = {
    "yaml-cpp": {"load", "theme"},
    "cairo": {"render"},
    "pango": {"render"},
    "glib": {"render"},
    "CLI": {"cli"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)


def library_of(header: str):
    for lib in ALLOWED:
        if header.startswith(lib + "/") or header.startswith(lib + "-") or header.startswith(lib + "."):
            return lib
    return None


def main(src: pathlib.Path) -> int:
    problems = []
    for path in sorted(src.rglob("*.[ch]pp")):
        stage = path.relative_to(src).parts[0]
        for header in INCLUDE.findall(path.read_text(encoding="utf-8")):
            lib = library_of(header)
            if lib and stage not in ALLOWED[lib]:
                problems.append(f"{path}: includes <{header}>, which belongs to {sorted(ALLOWED[lib])} only")
    for p in problems:
        print(p)
    print(f"{len(problems)} problems in {src}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(pathlib.Path(sys.argv[1])))
