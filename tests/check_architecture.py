"""Fails when a stage reaches what the one-way pipeline keeps out of it.

Two rules, both followed through the project's own headers (a header that includes cairo
brings cairo into every file that includes it):

- libraries: model, diff, timeline and layout are pure: they must build and be tested without
  yaml-cpp, cairo, Pango or CLI11 (see docs/architecture.md). Only load/ and theme/ may reach
  yaml-cpp, only render/ cairo, Pango and GLib, only cli/ CLI11 (and only main.cpp includes it).
- stages: a stage includes headers of the stages it is linked to (CMakeLists.txt), directly
  or through them, and of no other: layout never includes load, render never includes cli.
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
    "zip": {"import"},
    "expat": {"import"},
    "qpdf": {"render"},
}

# The links of CMakeLists.txt's timeline_stage() calls, one way.
LINKS = {
    "base": set(),
    "model": {"base"},
    "load": {"model"},
    "validate": {"model"},
    "timeline": {"model"},
    "diff": {"model"},
    "layout": {"timeline", "diff"},
    "theme": {"layout", "load"},
    "render": {"layout"},
    "watch": set(),
    "import": {"load"},
    "cli": {"load", "import", "validate", "diff", "theme", "render", "watch"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)


def reachable(stage: str) -> set:
    seen = {stage}
    todo = [stage]
    while todo:
        for dep in LINKS[todo.pop()]:
            if dep not in seen:
                seen.add(dep)
                todo.append(dep)
    return seen


def library_of(header: str):
    for lib in ALLOWED:
        if header.startswith(lib + "/") or header.startswith(lib + "-") or header.startswith(lib + "."):
            return lib
    return None


class Sources:
    """The includes of every file under src/, and what each reaches through project headers."""

    def __init__(self, src: pathlib.Path):
        self.src = src
        self.direct = {}
        for path in sorted(src.rglob("*.[ch]pp")):
            rel = path.relative_to(src).as_posix()
            self.direct[rel] = INCLUDE.findall(path.read_text(encoding="utf-8"))
        self.closure = {}

    def reached(self, rel: str) -> list:
        """(header, through) pairs: every include reached from `rel`, with the project header
        it came through ("" when direct)."""
        out = []
        seen = set()
        todo = [(rel, "")]
        while todo:
            current, through = todo.pop()
            for quote, header in self.direct.get(current, []):
                if (header, quote) in seen:
                    continue
                seen.add((header, quote))
                out.append((quote, header, through))
                if quote == '"' and header in self.direct:
                    todo.append((header, through or header))
        return out


def main(src: pathlib.Path) -> int:
    problems = []
    sources = Sources(src)
    for rel in sources.direct:
        stage = rel.split("/")[0]
        allowed_stages = reachable(stage)
        for quote, header, through in sources.reached(rel):
            via = f" (through {through})" if through else ""
            lib = library_of(header)
            if lib and stage not in ALLOWED[lib]:
                problems.append(f"{rel}: reaches <{header}>{via}, which belongs to "
                                f"{sorted(ALLOWED[lib])} only")
            if quote == '"' and "/" in header:
                other = header.split("/")[0]
                if other in LINKS and other not in allowed_stages:
                    problems.append(f"{rel}: includes \"{header}\"{via}, but {stage} is not "
                                    f"linked to {other}")
    for p in problems:
        print(p)
    print(f"{len(problems)} problems in {src}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(pathlib.Path(sys.argv[1])))
