"""Many events: the automatic layout turns to a density view; pages split time over pages."""
import json
import subprocess
import sys

from helpers import SOURCE_DIR, TempDirTest, run, tool


class Scale(TempDirTest):
    def corpus(self, events, shape="register"):
        folder = self.tmp / f"corpus-{shape}-{events}"
        subprocess.run([sys.executable, SOURCE_DIR / "bench" / "generate_events.py", "--events",
                        str(events), "--out", folder, "--shape", shape],
                       check=True, capture_output=True)
        return folder

    def assertNoTextOverlaps(self, items):
        texts = [i for i in items if i["type"] == "text"]
        for n, a in enumerate(texts):
            for b in texts[n + 1:]:
                self.assertFalse(a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
                                 and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"],
                                 f"{a['text']!r} overlaps {b['text']!r}")

    def test_many_events_get_a_density_view_without_overlaps(self):
        folder = self.corpus(600)
        scene = self.tmp / "s.json"
        self.assertRan(run("render", folder, "-o", self.tmp / "a.pdf", "--scene", scene))
        items = json.loads(scene.read_text())["items"]
        self.assertTrue([i for i in items if i["role"] == "density-bin"])
        self.assertNoTextOverlaps(items)
        detail = self.tmp / "d.json"
        self.assertRan(run("render", folder, "-o", self.tmp / "d.pdf", "--scene", detail,
                           "--layout", "detail"))
        self.assertFalse([i for i in json.loads(detail.read_text())["items"]
                          if i["role"] == "density-bin"])

    def test_a_trackers_recipient_keeps_its_lane_and_counts_what_it_receives(self):
        # 45 donors to one recipient (the shape of the Kiel tracker): the recipient is in no
        # event's `from`, but takes part in every event, so it is not folded away, and its
        # strip counts all of them.
        folder = self.corpus(600, "tracker")
        scene = self.tmp / "s.json"
        self.assertRan(run("render", folder, "-o", self.tmp / "a.svg", "--scene", scene))
        items = json.loads(scene.read_text())["items"]
        # Lane names are drawn inside directional isolates (U+2068 ... U+2069).
        lanes = [i["text"].strip("\u2068\u2069") for i in items if i["role"] == "lane-label"]
        self.assertEqual(len(lanes), 40)
        self.assertEqual(lanes[0], "Ukraine")
        self.assertTrue(lanes[-1].startswith("Other ("))
        counts = [i["text"] for i in items if i["role"] == "lane-count"]
        self.assertEqual(counts[0], "600 events")
        self.assertNoTextOverlaps(items)

    def test_pages_give_an_overview_then_detail_pages(self):
        folder = self.corpus(600)
        pdf = self.tmp / "p.pdf"
        self.assertRan(run("render", folder, "-o", pdf, "--layout", "pages"))
        pages = int(next(line.split()[-1] for line in tool("pdfinfo", pdf).stdout.splitlines()
                         if line.startswith("Pages:")))
        self.assertGreaterEqual(pages, 1 + 600 // 100)
        self.assertEqual(tool("qpdf", "--check", pdf).returncode, 0)
        self.assertIn("Too many events to label each",
                      " ".join(tool("pdftotext", "-f", "1", "-l", "1", pdf, "-").stdout.split()))


if __name__ == "__main__":
    import unittest
    unittest.main()
