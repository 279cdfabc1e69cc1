"""Diagnostics as an editor or a person at a terminal sees them."""
import json
import os
import pty
import re
import subprocess
import time

from helpers import FIXTURES, TIMELINE, TempDirTest, run

UNKNOWN_KEY = FIXTURES / "invalid" / "unknown-key.yaml"


def run_on_terminal(*args, env=None):
    """Runs the binary with stderr on a pseudo-terminal; returns what the terminal shows."""
    leader, follower = pty.openpty()
    full_env = dict(os.environ, **(env or {}))
    if "NO_COLOR" not in (env or {}):
        full_env.pop("NO_COLOR", None)
    proc = subprocess.Popen([TIMELINE, *map(str, args)], stdout=subprocess.DEVNULL,
                            stderr=follower, env=full_env)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(leader)
    return proc.returncode, b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


class TerminalOutput(TempDirTest):
    def test_terminal_shows_the_line_a_caret_and_colour(self):
        code, text = run_on_terminal("validate", UNKNOWN_KEY)
        self.assertEqual(code, 1)
        self.assertIn("\x1b[", text)
        lines = re.sub(r"\x1b\[[0-9;]*m", "", text).splitlines()
        source = next(i for i, line in enumerate(lines) if "titel: Iran delivers missiles" in line)
        caret = lines[source + 1]
        self.assertEqual(caret.index("^") if "^" in caret else -1,
                         lines[source].index("titel"), f"caret misplaced:\n{text}")

    def test_thousands_of_problems_on_one_long_line_stay_quick_and_short(self):
        # 20,000 empty sources on one 40 KB line: each diagnostic shows a window of the line,
        # not all of it, and the file is read once, not once per diagnostic.
        path = self.tmp / "flood.yaml"
        path.write_text("id: flood\ndate: 2024\ntitle: T\nkind: other\nactors: [A]\n"
                        "sources: [" + ", " * 20000 + "x]\n")
        start = time.monotonic()
        code, text = run_on_terminal("validate", path, "--diagnostics", "all",
                                     env={"NO_COLOR": "1"})
        self.assertLess(time.monotonic() - start,
                        20 * float(os.environ.get("TIMELINE_TIME_FACTOR", "1")))
        self.assertEqual(code, 1)
        # 20,000 empty sources, the unknown actor, and too-many-sources for the list.
        self.assertIn("20,002 errors" if "20,002" in text else "20002 errors", text)
        self.assertLess(len(text), 20000 * 400)
        lines = text.splitlines()
        source = next(i for i, line in enumerate(lines) if line.startswith("    \u2026"))
        self.assertLess(len(lines[source]), 140)
        self.assertEqual(lines[source + 1].strip(), "^")

    def test_no_colour_with_NO_COLOR(self):
        code, text = run_on_terminal("validate", UNKNOWN_KEY, env={"NO_COLOR": "1"})
        self.assertEqual(code, 1)
        self.assertNotIn("\x1b[", text)
        self.assertIn("^", text)

    def test_no_colour_and_no_source_lines_when_piped(self):
        proc = run("validate", UNKNOWN_KEY)
        self.assertNotIn("\x1b[", proc.stderr)
        self.assertNotIn("^", proc.stderr)


class Summary(TempDirTest):
    def test_every_problem_in_one_run_sorted_with_a_summary(self):
        a = self.tmp / "a.yaml"
        b = self.tmp / "b.yaml"
        a.write_text("events:\n  - id: x\n    date: 2024-13\n    titel: T\n    kind: other\n"
                     "    sources: [P]\n")
        b.write_text("id: y\ndate: 2024\ntitle: T\nkind: arms-transfr\nsources: [P]\n")
        proc = run("validate", a, b)
        self.assertEqual(proc.returncode, 1)
        located = [line for line in proc.stderr.splitlines() if ": error: " in line or ": warning: " in line]
        places = [tuple(line.split(":")[:3]) for line in located]
        self.assertEqual(places, sorted(places, key=lambda p: (p[0], int(p[1]), int(p[2]))))
        self.assertGreaterEqual(len(located), 4)
        self.assertRegex(proc.stderr.splitlines()[-1], r"^\d+ errors, \d+ warnings? in 2 files$")

    def test_json_diagnostics_for_editors(self):
        proc = run("validate", "--format", "json", UNKNOWN_KEY)
        self.assertEqual(proc.returncode, 1)
        items = json.loads(proc.stdout)
        self.assertTrue(items)
        first = items[0]
        self.assertEqual(set(first), {"file", "line", "column", "severity", "rule", "message", "hint"})
        self.assertTrue(first["file"].endswith("unknown-key.yaml"))
        self.assertIsInstance(first["line"], int)

    def test_json_of_a_clean_run_is_an_empty_array(self):
        proc = run("validate", "--format", "json", FIXTURES.parent.parent / "events")
        self.assertEqual(proc.returncode, 0)
        self.assertEqual(json.loads(proc.stdout), [])


class Flood(TempDirTest):
    """A rule that fires many times shows its first few in full, then one line with the count."""

    def events_without_urls(self, n):
        path = self.tmp / "many.yaml"
        path.write_text("actors: [{id: a, name: A}]\nevents:\n" + "".join(
            f"  - {{id: e{i}, date: 2024, title: T{i}, kind: diplomatic, actors: [a],"
            f" sources: [Paper]}}\n" for i in range(n)))
        return path

    def test_a_frequent_rule_shows_three_then_a_count(self):
        path = self.events_without_urls(7)
        for args in (("validate", path), ("list", path), ("totals", path),
                     ("render", path, "-o", self.tmp / "a.svg")):
            proc = run(*args)
            self.assertEqual(proc.stderr.count("[missing-url]\n"), 3, proc.stderr)
            self.assertIn("... 4 more warnings [missing-url] not shown; --diagnostics all "
                          "shows every one\n", proc.stderr)
            self.assertIn("0 errors, 7 warnings in 1 file", proc.stderr)
            every = run(*args, "--diagnostics", "all")
            self.assertEqual(every.stderr.count("[missing-url]\n"), 7, every.stderr)
            self.assertNotIn("not shown", every.stderr)

    def test_json_lists_every_diagnostic(self):
        proc = run("validate", "--format", "json", self.events_without_urls(7))
        self.assertEqual(len(json.loads(proc.stdout)), 7)


class Hints(TempDirTest):
    def test_bad_dates_get_their_nearest_form_and_the_table_once(self):
        path = self.tmp / "dates.yaml"
        path.write_text("actors: [{id: a, name: A}]\nevents:\n" + "".join(
            f"  - {{id: e{i}, date: '{d}', title: T, kind: other, actors: [a],"
            f" sources: ['https://x.org/']}}\n"
            for i, d in enumerate(["present", "March 2024", "2024-4-13", "~2024-10"])))
        proc = run("validate", path)
        self.assertEqual(proc.returncode, 1)
        for fix in ("'2024/..'", "'2024-03'", "'2024-04-13'", "'2024-10~'"):
            self.assertIn(fix, proc.stderr)
        self.assertEqual(proc.stderr.count("Dates are written year first"), 1, proc.stderr)
        self.assertEqual(proc.stderr.count("2024-09-XX"), 1)  # the forms, once
        cli = run("list", FIXTURES.parent.parent / "events", "--from", "Sept 2024")
        self.assertEqual(cli.returncode, 2)
        self.assertIn("write '2024-09'", cli.stderr)

    def test_a_yaml_slip_is_named_with_its_fix(self):
        path = self.tmp / "slip.yaml"
        path.write_text("actors:\n  - id: a\n    name: A\n    color: #cc0000\n")
        self.assertIn('quote the text, as color: "#cc0000"', run("validate", path).stderr)


class NewRules(TempDirTest):
    def test_self_supply_and_a_pasted_event_are_warnings_with_place_and_rule(self):
        path = self.tmp / "e.yaml"
        path.write_text(
            "actors: [{id: a, name: A}, {id: b, name: B}]\nevents:\n"
            "  - {id: one, date: 2024-03, title: T, kind: arms-transfer, from: a, to: [b, a],"
            " sources: ['https://x.org/']}\n"
            "  - {id: two, date: 2024-03, title: T, kind: arms-transfer, from: a, to: [b, a],"
            " sources: ['https://x.org/']}\n")
        proc = run("validate", path)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("e.yaml:3:78: warning: 'a' is both a supplier and a recipient of 'one' "
                      "[self-supply]", proc.stderr)
        self.assertIn("e.yaml:4:10: warning: 'two' has the date, title and actors of 'one' "
                      "[duplicate-event]", proc.stderr)
        rules = {d["rule"] for d in json.loads(run("validate", "--format", "json", path).stdout)}
        self.assertEqual(rules, {"self-supply", "duplicate-event"})


if __name__ == "__main__":
    import unittest
    unittest.main()
