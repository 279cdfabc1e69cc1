"""`--layout pages` on real tracker data: pages of one size, lanes per page, an outline."""
import json
import re
import subprocess
import sys
import unittest

from helpers import SOURCE_DIR, TempDirTest, run, tool

KIEL = SOURCE_DIR.parent / "shared" / "data" / "kiel-r28"
PDF_LIMIT = 14400  # points: PDF's largest page side


def page_sizes(pdf):
    """(width, height) in points of every page, from pdfinfo."""
    info = tool("pdfinfo", pdf).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    listing = tool("pdfinfo", "-f", "1", "-l", str(count), pdf).stdout
    sizes = [(float(w), float(h)) for w, h in
             re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", listing, re.M)]
    assert len(sizes) == count, listing
    return sizes


def outline(pdf):
    """The PDF's outline (bookmarks) as (title, page number from 1), read with qpdf."""
    doc = json.loads(tool("qpdf", "--json", "--json-key=outlines", pdf).stdout)
    out = []

    def walk(entries):
        for e in entries:
            out.append((e["title"], e["destpageposfrom1"]))
            walk(e.get("kids", []))

    walk(doc["outlines"])
    return out


@unittest.skipUnless(KIEL.is_dir(), f"the Kiel tracker data is not at {KIEL}")
class KielPages(TempDirTest):
    def render(self, *args):
        pdf = self.tmp / "pages.pdf"
        scene = self.tmp / "pages.json"
        self.assertRan(run("render", KIEL, "--layout", "pages", "-o", pdf, "--scene", scene,
                           *args))
        return pdf, json.loads(scene.read_text())

    def check(self, pdf, doc):
        sizes = page_sizes(pdf)
        self.assertGreater(len(sizes), 2)
        self.assertEqual(len(set(sizes)), 1, f"pages of more than one size: {set(sizes)}")
        width, height = sizes[0]
        self.assertLessEqual(max(width, height), PDF_LIMIT)
        self.assertEqual(tool("qpdf", "--check", pdf).returncode, 0)
        # Every detail page has an outline entry that leads to it, and the overview is the
        # first entry.
        pages = [doc] + doc.get("pages", [])
        detail = [n + 1 for n, page in enumerate(pages)
                  if page.get("outline", "").startswith("p. ")]
        self.assertTrue(detail)
        entries = outline(pdf)
        self.assertEqual(entries[0], ("Overview", 1))
        self.assertEqual([page for _, page in entries[1:]], detail)
        for title, _ in entries[1:]:
            self.assertRegex(title, r"^p\. \d+: .*\d{4}")
        # The overview marks which page covers which period.
        overview = " ".join(tool("pdftotext", "-f", "1", "-l", "1", pdf, "-").stdout.split())
        self.assertIn(f"p. {detail[0]}", overview)
        # A detail page shows exactly the lanes its events take part in: those of its
        # markers and those its arrows point into.
        lanes = [i.get("lane", "") for page in pages[:detail[0] - 1] for i in page["items"]
                 if i["role"] == "lane"]  # the overview's, over its pages
        for n in detail:
            items = pages[n - 1]["items"]
            drawn = [i.get("lane", "") for i in items if i["role"] == "lane"]
            used = {i.get("lane", "") for i in items  # an event's mark, or a group's
                    if i["type"] in ("marker", "bar") and (i.get("event") or i.get("events"))}
            used |= {i["to_lane"] for i in items if i["type"] == "arrow" and i.get("event")}
            self.assertEqual(set(drawn), used, f"page {n}")
            self.assertEqual(drawn, [lane for lane in lanes if lane in used], f"page {n}")
        return lanes, [len([i for i in pages[n - 1]["items"] if i["role"] == "lane"])
                       for n in detail]

    def test_a_year_of_three_donors(self):
        self.check(*self.render("--actor", "germany", "--actor", "france", "--actor", "poland",
                                "--from", "2024-01-01", "--to", "2024-12-31"))

    def test_the_whole_tracker(self):
        lanes, per_page = self.check(*self.render())
        self.assertEqual(len(lanes), 40)
        self.assertLess(max(per_page), len(lanes))  # no page with every lane, most empty


class SamePagesOnAnyThreads(TempDirTest):
    def test_the_same_bytes_on_one_thread_and_on_two(self):
        # Over 1,000 events, so that two threads lay out detail pages at once
        # (TIMELINE_THREADS, docs/timeline.1).
        folder = self.tmp / "events"
        subprocess.run([sys.executable, SOURCE_DIR / "bench" / "generate_events.py", "--events",
                        "1100", "--out", folder], check=True, capture_output=True)
        written = []
        for n, threads in enumerate(["1", "2"]):
            pdf = self.tmp / f"pages-{n}.pdf"
            self.assertRan(run("render", folder, "--layout", "pages", "-o", pdf,
                               env={"TIMELINE_THREADS": threads}))
            written.append(pdf.read_bytes())
        self.assertGreater(len(page_sizes(self.tmp / "pages-0.pdf")), 20)
        self.assertEqual(written[0], written[1], "one thread and two differ")


if __name__ == "__main__":
    unittest.main()
