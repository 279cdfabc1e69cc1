"""`render --since OLD`: a chart that marks what changed since an old version of its events
(issue 16), read as a reader reads it (the PDF's words and where they stand, from pdftotext
-bbox) and as tests read it (the Scene's `change` on every item). The versions are three
commits of a git repository made here, read through git, and a plain folder."""
import json
import re
import shutil
import subprocess
import tempfile
import pathlib
import unittest

from helpers import TempDirTest, run, tool

ACTORS = """actors:
  - {id: IR, name: Iran}
  - {id: RU, name: Russia}
  - {id: KP, name: North Korea}
"""
WEEK1 = """events:
  - id: missiles
    date: 2024
    title: Iran ships ballistic missiles to Russia
    kind: arms-transfer
    from: IR
    to: RU
    confidence: alleged
    sources: [{publisher: Reuters, url: "https://example.org/missiles"}]
  - id: shells
    date: 2023-10
    title: North Korea sends artillery shells to Russia
    kind: arms-transfer
    from: KP
    to: RU
    sources: [{publisher: Yonhap, url: "https://example.org/shells"}]
  - id: drones
    date: 2023-05-02
    title: Iran delivers Shahed drones to Russia
    kind: arms-transfer
    from: IR
    to: RU
    confidence: confirmed
    sources: [{publisher: AP, url: "https://example.org/drones"}]
"""
# Week 2: the missiles' date refined to a day and their confidence upgraded.
WEEK2 = WEEK1.replace("    date: 2024\n", "    date: 2024-09-06\n").replace(
    "    confidence: alleged\n", "    confidence: confirmed\n")
# Week 3: the shells withdrawn, troops added.
WEEK3 = WEEK2[:WEEK2.index("  - id: shells")] + WEEK2[WEEK2.index("  - id: drones"):] + """\
  - id: troops
    date: 2024-10-15
    title: North Korean troops deploy to Kursk
    kind: military-action
    from: KP
    to: RU
    sources: [{publisher: NIS, url: "https://example.org/troops"}]
"""


def git(repo, *args):
    proc = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def words(pdf):
    """Each word of the PDF's first page with its box: (text, x0, y0, x1, y1)."""
    xml = tool("pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-").stdout
    return [(html_unescape(m.group(5)), float(m.group(1)), float(m.group(2)),
             float(m.group(3)), float(m.group(4)))
            for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                                 r'yMax="([\d.]+)">([^<]*)</word>', xml)]


def html_unescape(s):
    return s.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace(
        "&quot;", '"').replace("&#39;", "'")


class RenderSince(TempDirTest):
    @classmethod
    def setUpClass(cls):
        cls._repo_dir = tempfile.TemporaryDirectory()
        cls.repo = pathlib.Path(cls._repo_dir.name)
        git(cls.repo, "init", "-q")
        git(cls.repo, "config", "user.email", "desk@example.org")
        git(cls.repo, "config", "user.name", "Desk")
        (cls.repo / "events").mkdir()
        (cls.repo / "events" / "actors.yaml").write_text(ACTORS)
        for number, text in enumerate((WEEK1, WEEK2, WEEK3), 1):
            (cls.repo / "events" / "support.yaml").write_text(text)
            git(cls.repo, "add", "-A")
            git(cls.repo, "commit", "-q", "-m", f"week {number}")
        git(cls.repo, "tag", "week-1", "HEAD~2")

    @classmethod
    def tearDownClass(cls):
        cls._repo_dir.cleanup()

    def render(self, *args, name="chart"):
        pdf, scene = self.tmp / f"{name}.pdf", self.tmp / f"{name}.json"
        proc = run("render", "events", "-o", pdf, "--scene", scene, *args, cwd=self.repo)
        self.assertRan(proc)
        return pdf, json.loads(scene.read_text())

    def test_new_revised_and_withdrawn_are_marked_as_a_reader_sees_them(self):
        pdf, scene = self.render("--since", "git:week-1:events")
        text = tool("pdftotext", "-layout", pdf, "-").stdout
        self.assertIn("changes since week-1", text)
        self.assertRegex(text, r"NEW\s+15 Oct 2024 · North Korean troops deploy to Kursk")
        self.assertRegex(text, r"REVISED\s+6 Sep 2024 · Iran ships ballistic missiles")
        self.assertNotRegex(text, r"(NEW|REVISED)\s+2 May 2023")  # unchanged: no badge
        self.assertIn("Revised since week-1", text)
        self.assertIn("date refined, 2024 → 6 Sep 2024", text)
        self.assertIn("confidence upgraded, alleged → confirmed", text)
        self.assertIn("Withdrawn since week-1", text)
        self.assertRegex(text, r"Oct 2023\s+North Korea sends artillery shells to Russia")
        # The badge word stands first on its label's line, right before the label.
        placed = words(pdf)
        for badge, first in (("NEW", "15"), ("REVISED", "6")):
            b = next(w for w in placed if w[0] == badge)
            after = min((w for w in placed if abs(w[2] - b[2]) < 1 and w[1] > b[3]),
                        key=lambda w: w[1])
            self.assertEqual(after[0], first)
            self.assertLess(after[1] - b[3], 8)
        # Every item of a changed event carries its change; the others none.
        change = {}
        for item in scene["items"]:
            if "event" in item:
                change.setdefault(item["event"], set()).add(item.get("change"))
        self.assertEqual(change["troops"], {"added"})
        self.assertEqual(change["missiles"], {"changed"})
        self.assertEqual(change["drones"], {None})
        self.assertEqual(change["shells"], {"removed"})  # only its line in the withdrawn list
        roles = {(i["role"], i.get("event")) for i in scene["items"]}
        self.assertIn(("old-date", "missiles"), roles)
        self.assertIn(("change-badge", "troops"), roles)

    def test_changed_only_draws_only_what_changed(self):
        pdf, scene = self.render("--since", "git:week-1:events", "--changed-only")
        text = tool("pdftotext", "-layout", pdf, "-").stdout
        self.assertIn("only what changed since week-1", text)
        self.assertIn("North Korean troops deploy to Kursk", text)
        self.assertNotIn("Shahed drones", text)
        self.assertEqual({i["event"] for i in scene["items"] if i["role"] == "event-label"},
                         {"troops", "missiles"})

    def test_a_folder_as_the_old_version_and_the_same_bytes_twice(self):
        old = self.tmp / "old"
        old.mkdir()
        (old / "actors.yaml").write_text(ACTORS)
        (old / "support.yaml").write_text(WEEK2)
        depfile = self.tmp / "chart.d"
        first, _ = self.render("--since", old, "--depfile", depfile, name="first")
        second, _ = self.render("--since", old, name="second")
        self.assertEqual(first.read_bytes(), second.read_bytes())
        text = tool("pdftotext", "-layout", first, "-").stdout
        self.assertIn(f"changes since {old}", text)
        self.assertNotIn("REVISED", text)  # week 2 to week 3: one added, one withdrawn
        self.assertIn("Withdrawn since", text)
        self.assertIn(str(old / "support.yaml"), depfile.read_text())

    def test_a_bad_old_version_is_an_error_never_a_chart_of_everything_new(self):
        out = self.tmp / "x.pdf"
        proc = run("render", "events", "-o", out, "--since", "git:-p:events", cwd=self.repo)
        self.assertRan(proc, 2)
        proc = run("render", "events", "-o", out, "--since", "git:no-such-tag:events",
                   cwd=self.repo)
        self.assertRan(proc, 3)
        broken = self.tmp / "broken.yaml"
        broken.write_text("events: [{id: a, date: 2024, title: [unclosed\n")
        proc = run("render", "events", "-o", out, "--since", broken, cwd=self.repo)
        self.assertRan(proc, 1)
        self.assertIn("--since has errors", proc.stderr)
        proc = run("render", "events", "-o", out, "--since", self.tmp / "missing", cwd=self.repo)
        self.assertRan(proc, 1)
        self.assertFalse(out.exists())


if __name__ == "__main__":
    unittest.main()
