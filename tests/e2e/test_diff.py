"""`timeline diff OLD NEW` says what changed between two versions of the events, as a reader
of a revised briefing asks: files, folders and git revisions (read through git, the work tree
untouched); text, JSON and Markdown; exit 0 when nothing changed, 1 when something did, 2 on
a usage error, 3 when a version cannot be read or has errors."""
import json
import pathlib
import re
import shutil
import subprocess
import tempfile
import unittest

from jsonschema import Draft202012Validator

from helpers import SOURCE_DIR, TempDirTest, run

SCHEMA = Draft202012Validator(json.loads((SOURCE_DIR / "schemas" / "diff.schema.json").read_text()))


def diff_json(proc):
    """The JSON a diff wrote, checked against schemas/diff.schema.json."""
    doc = json.loads(proc.stdout)
    problems = [e.message for e in SCHEMA.iter_errors(doc)]
    assert not problems, problems
    return doc

ACTORS = """actors:
  - id: KP
    name: North Korea
  - id: RU
    name: Russia
"""

# One event file in three versions, as a tracker revises it week by week.
V1 = """events:
  - id: kp-missiles
    date: 2024-21
    title: North Korea ships ballistic missiles
    kind: arms-transfer
    from: KP
    to: RU
    quantity: {value: 200, unit: missiles}
    confidence: alleged
    sources:
      - publisher: Reuters
        url: https://example.org/reuters
  - id: kp-shells
    date: 2024-03
    title: North Korea ships shells
    kind: arms-transfer
    from: KP
    to: RU
    sources:
      - publisher: AP
        url: https://example.org/ap
"""
V2 = V1.replace("date: 2024-21", "date: 2024-04-10").replace(
    "confidence: alleged", "confidence: confirmed") + """  - {id: kp-troops, date: 2024-10, title: North Korean troops reach Kursk, kind: personnel,
     from: KP, to: RU, sources: [{publisher: BBC, url: "https://example.org/bbc"}]}
"""
V3 = V2.replace("{value: 200, unit: missiles}", "{value: 250, unit: missiles}").replace(
    "        url: https://example.org/reuters\n",
    "        url: https://example.org/reuters\n      - publisher: Yonhap\n")
V3 = V3[:V3.index("  - id: kp-shells")] + V3[V3.index("  - {id: kp-troops"):]


def git(repo, *args):
    proc = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


class DiffFiles(TempDirTest):
    def write(self, name, text):
        path = self.tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def test_file_against_file_in_text_grouped_with_the_new_places(self):
        old = self.write("old/events.yaml", ACTORS + V1)
        new = self.write("new/events.yaml", ACTORS + V2)
        proc = run("diff", old, new)
        self.assertRan(proc, 1)
        out = proc.stdout
        self.assertIn("1 event added, 1 changed", out.splitlines()[0])
        added = out.index("Events added:")
        changed = out.index("Events changed:")
        self.assertLess(added, changed)
        # Each event at its place in the new version: file:line of its mapping.
        lines = (ACTORS + V2).splitlines()
        troops = next(n for n, line in enumerate(lines, 1) if "id: kp-troops" in line)
        missiles = lines.index("  - id: kp-missiles") + 1
        self.assertIn(f"{new}:{troops}: kp-troops (2024-10) North Korean troops reach Kursk", out)
        self.assertIn(f"{new}:{missiles}: kp-missiles", out)
        self.assertIn("date: 2024-21 -> 2024-04-10  [date refined]", out)
        self.assertIn("confidence: alleged -> confirmed  [confidence upgraded]", out)
        self.assertNotIn("kp-shells", out)

    def test_the_same_events_elsewhere_in_other_files_are_no_difference(self):
        old = self.write("old/events.yaml", ACTORS + V1)
        self.write("new/actors.yaml", ACTORS)
        self.write("new/sub/events.yaml", "# moved\n\n" + V1)
        for fmt in ("text", "json", "markdown"):
            proc = run("diff", old, self.tmp / "new", "--format", fmt)
            self.assertRan(proc, 0)
            if fmt == "json":
                self.assertFalse(diff_json(proc)["differences"])
        self.assertIn("No changes.", proc.stdout)

    def test_folder_against_folder_as_json(self):
        self.write("old/actors.yaml", ACTORS)
        self.write("old/events.yaml", V2)
        self.write("new/actors.yaml", ACTORS.replace("name: Russia", "name: Russian Federation"))
        self.write("new/events.yaml", V3)
        proc = run("diff", self.tmp / "old", self.tmp / "new", "--format", "json")
        self.assertRan(proc, 1)
        doc = diff_json(proc)
        self.assertTrue(doc["differences"])
        self.assertEqual(doc["counts"]["events"], {"added": 0, "changed": 1, "removed": 1})
        self.assertEqual(doc["counts"]["actors"], {"added": 0, "changed": 1, "removed": 0})
        changed, removed = doc["events"]
        self.assertEqual((changed["id"], changed["change"]), ("kp-missiles", "changed"))
        self.assertEqual(changed["new_file"], str(self.tmp / "new" / "events.yaml"))
        self.assertEqual(changed["new_line"], 2)
        fields = {(f["field"], f["class"]): f for f in changed["fields"]}
        self.assertEqual(set(fields), {("quantity", "quantity-changed"), ("sources", "sources-added")})
        self.assertEqual(fields["quantity", "quantity-changed"]["old"], "200 missiles")
        self.assertEqual(fields["quantity", "quantity-changed"]["new"], "250 missiles")
        self.assertIsNone(fields["sources", "sources-added"]["old"])
        self.assertEqual(fields["sources", "sources-added"]["new"], "Yonhap")
        self.assertEqual((removed["id"], removed["change"]), ("kp-shells", "removed"))
        self.assertIsNone(removed["new_file"])
        self.assertEqual(removed["old_file"], str(self.tmp / "old" / "events.yaml"))
        self.assertEqual(removed["title"], "North Korea ships shells")
        actor = doc["actors"][0]
        self.assertEqual(actor["fields"], [{"field": "name", "class": "title-edited",
                                            "old": "Russia", "new": "Russian Federation",
                                            "old_line": 4, "new_line": 4}])
        self.assertEqual(doc["kinds"], [])
        self.assertEqual(doc["eras"], [])
        # The schema holds the shape: it catches a missing list, an unknown class, a removed
        # event with a new place.
        for broken in ({k: v for k, v in doc.items() if k != "eras"},
                       dict(doc, events=[dict(changed, fields=[dict(changed["fields"][0],
                                                                     **{"class": "moved"})])]),
                       dict(doc, events=[dict(removed, new_file="x.yaml")])):
            self.assertTrue(list(SCHEMA.iter_errors(broken)))

    def test_markdown_for_a_changes_box_keeps_input_literal(self):
        hostile = "*Bold* [link](javascript:x) <img src=y> # | ~"
        old = self.write("old.yaml", ACTORS + V1)
        new = self.write("new.yaml", ACTORS + V2.replace(
            "title: North Korean troops reach Kursk", f"title: {json.dumps(hostile)}"))
        proc = run("diff", old, new, "--format", "markdown")
        self.assertRan(proc, 1)
        md = proc.stdout
        self.assertTrue(md.startswith("### Changes since "))
        self.assertIn("**New events (1)**", md)
        self.assertIn("**Revised events (1)**", md)
        self.assertIn("date refined: 2024-21 → 2024-04-10", md)
        self.assertIn("confidence upgraded: alleged → confirmed", md)
        self.assertIn("\\*Bold\\* \\[link\\](javascript:x) \\<img src=y\\> \\# \\| \\~", md)
        # No markup from the input survives unescaped.
        self.assertNotRegex(md, r"(?<!\\)\[link")
        self.assertNotRegex(md, r"(?<!\\)<img")

    def test_input_text_cannot_drive_the_terminal(self):
        old = self.write("old.yaml", ACTORS + V1)
        new = self.write("new.yaml", ACTORS + V1.replace(
            "title: North Korea ships shells",
            'title: "shells\\u202e reversed"\n    summary: "one line\\nforged: line"'))
        proc = run("diff", old, new)
        self.assertRan(proc, 1)
        self.assertNotIn("\u202e", proc.stdout)
        self.assertIn("shells\\u202e reversed  [title edited]", proc.stdout)
        self.assertIn("summary: (none) -> one line\\nforged: line  [text edited]", proc.stdout)
        self.assertNotIn("\nforged", proc.stdout)

    def test_exit_codes_for_usage_and_unreadable_or_invalid_versions(self):
        good = self.write("good.yaml", ACTORS + V1)
        self.assertRan(run("diff"), 2)
        self.assertRan(run("diff", good, good, "--format", "html"), 2)
        self.assertRan(run("diff", "git:", good), 2)
        missing = run("diff", good, self.tmp / "missing.yaml")
        self.assertRan(missing, 3)
        self.assertEqual(missing.stdout, "")
        self.assertIn("missing.yaml", missing.stderr)
        broken = self.write("broken.yaml", ACTORS + V1.replace("kind: arms-transfer", "kind: [", 1))
        proc = run("diff", broken, good)
        self.assertRan(proc, 3)
        self.assertEqual(proc.stdout, "")
        self.assertIn(f"{broken}:", proc.stderr)
        self.assertIn("nothing compared", proc.stderr)


@unittest.skipUnless(shutil.which("git"), "git is not installed")
class DiffGitRevisions(unittest.TestCase):
    """A repository with three commits of one event file, and an edit not yet committed."""

    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory()
        cls.repo = pathlib.Path(cls._tmp.name) / "briefing"
        events = cls.repo / "events"
        events.mkdir(parents=True)
        git(cls.repo, "init", "-q")
        git(cls.repo, "config", "user.email", "desk@example.org")
        git(cls.repo, "config", "user.name", "Desk")
        (events / "actors.yaml").write_text(ACTORS, encoding="utf-8")
        for number, text in enumerate((V1, V2, V3), 1):
            (events / "korea.yaml").write_text(text, encoding="utf-8")
            if number == 3:
                (events / "draft.yaml").write_text("", encoding="utf-8")
            git(cls.repo, "add", "-A")
            git(cls.repo, "commit", "-q", "-m", f"week {number}")
        git(cls.repo, "tag", "week-2", "HEAD~1")
        # Not committed: the title edited in the work tree.
        (events / "korea.yaml").write_text(
            V3.replace("title: North Korea ships ballistic missiles",
                       "title: North Korea ships KN-23 ballistic missiles"), encoding="utf-8")

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()

    def diff(self, *args):
        return run("diff", *args, "--format", "json", cwd=self.repo)

    def test_two_revisions_compared_through_git(self):
        proc = self.diff("git:HEAD~2:events", "git:HEAD:events")
        self.assertEqual(proc.returncode, 1, proc.stderr)
        doc = diff_json(proc)
        by_id = {e["id"]: e for e in doc["events"]}
        self.assertEqual(by_id["kp-troops"]["change"], "added")
        self.assertEqual(by_id["kp-troops"]["new_file"], "HEAD:events/korea.yaml")
        self.assertEqual(by_id["kp-shells"]["change"], "removed")
        self.assertEqual(by_id["kp-shells"]["old_file"], "HEAD~2:events/korea.yaml")
        classes = {f["class"] for f in by_id["kp-missiles"]["fields"]}
        self.assertEqual(classes, {"date-refined", "confidence-upgraded", "quantity-changed",
                                   "sources-added"})
        # Diagnostics name the revision and the path: the empty draft of the third week.
        self.assertIn("HEAD:events/draft.yaml: warning: the file holds no events", proc.stderr)

    def test_a_tag_and_a_single_file_and_the_default_path(self):
        proc = self.diff("git:week-2", "git:HEAD:events/korea.yaml")
        self.assertEqual(proc.returncode, 1, proc.stderr)
        doc = diff_json(proc)
        self.assertEqual(doc["counts"]["events"], {"added": 0, "changed": 1, "removed": 1})
        # actors.yaml is not in the new side: its actors are removed.
        self.assertEqual(doc["counts"]["actors"]["removed"], 2)
        md = run("diff", "git:week-2", "git:HEAD", "--format", "markdown", cwd=self.repo).stdout
        self.assertEqual(md.splitlines()[0], "### Changes since week-2")

    def test_a_revision_against_the_work_tree_leaves_the_work_tree_alone(self):
        status = git(self.repo, "status", "--porcelain")
        head = git(self.repo, "rev-parse", "HEAD")
        proc = self.diff("git:HEAD")  # NEW defaults to events/ in the work tree
        self.assertEqual(proc.returncode, 1, proc.stderr)
        doc = diff_json(proc)
        self.assertEqual([(f["field"], f["class"]) for e in doc["events"] for f in e["fields"]],
                         [("title", "title-edited")])
        self.assertEqual(doc["events"][0]["new_file"], "events/korea.yaml")
        self.assertEqual(git(self.repo, "status", "--porcelain"), status)
        self.assertEqual(git(self.repo, "rev-parse", "HEAD"), head)
        same = run("diff", "git:HEAD~1", "git:week-2", cwd=self.repo)
        self.assertEqual(same.returncode, 0, same.stderr)

    def test_a_revision_that_git_would_take_for_an_option_is_refused(self):
        for word in ("git:--output=x", "git:-p", "git:--output=x:events"):
            proc = run("diff", word, "events", cwd=self.repo)
            self.assertEqual(proc.returncode, 2, proc.stderr)
            self.assertIn("starts with '-'", proc.stderr)
        self.assertFalse((self.repo / "x").exists())
        self.assertEqual(git(self.repo, "status", "--porcelain"), " M events/korea.yaml\n")

    def test_an_unknown_revision_or_path_is_an_io_failure(self):
        for word in ("git:no-such-tag", "git:HEAD:nowhere"):
            proc = run("diff", word, "events", cwd=self.repo)
            self.assertEqual(proc.returncode, 3, proc.stderr)
            self.assertEqual(proc.stdout, "")
        self.assertIn("no revision 'no-such-tag'", run("diff", "git:no-such-tag", cwd=self.repo).stderr)


if __name__ == "__main__":
    unittest.main()
