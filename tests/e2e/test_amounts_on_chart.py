"""Amounts on the whole Kiel tracker's density chart: the labels go to the largest amounts of
each lane, whatever their confidence, and the strips can sum euros instead of counting rows."""
import json
import re
import unittest

import yaml

from helpers import KIEL, TempDirTest, run, tool


def seen(text):
    """Text as a reader sees it: without the invisible bidi isolates around input."""
    return re.sub("[\u2068\u2069]", "", text)


def involved(event):
    ids = []
    for key in ("from", "to", "actors"):
        value = event.get(key, [])
        ids += [value] if isinstance(value, str) else value
    return ids


def kiel_events():
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    events = []
    for path in sorted(KIEL.glob("events-*.yaml")):
        events += yaml.load(path.read_text(), Loader=loader)["events"]
    return events


@unittest.skipUnless(KIEL.is_dir(), f"no Kiel tracker data at {KIEL}")
class KielDensityChart(TempDirTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.events = kiel_events()

    def render(self, *args):
        pdf, scene = self.tmp / "k.pdf", self.tmp / "k.json"
        self.assertRan(run("render", KIEL, *args, "-o", pdf, "--scene", scene))
        return pdf, json.loads(scene.read_text())["items"]

    def test_every_lane_labels_the_largest_amount_it_supplies(self):
        pdf, items = self.render()
        labelled = {}
        for i in items:
            if i["role"] == "event-label" and "lane" in i:
                labelled.setdefault(i["lane"], set()).add(i["event"])
        largest = {}
        for e in self.events:
            if "quantity" not in e or not isinstance(e.get("from"), str):
                continue
            best = largest.get(e["from"])
            if best is None or e["quantity"]["value"] > best["quantity"]["value"]:
                largest[e["from"]] = e
        # The example: a reported EUR 12.8 billion commitment went unlabelled while
        # the United States' confirmed EUR 291 million grant had a label.
        self.assertIn("kiel-05353", labelled["united-states"])
        self.assertIn("EUR 12.8 billion", " ".join(tool("pdftotext", pdf, "-").stdout.split()))
        lanes = [lane for lane in labelled if lane in largest]
        self.assertGreater(len(lanes), 30)
        for lane in lanes:
            with self.subTest(lane=lane):
                self.assertIn(largest[lane]["id"], labelled[lane])
        # Fewer than half the rows carry an amount: by default the strips count rows.
        bins = [i for i in items if i["role"] == "density-bin"]
        self.assertTrue(bins)
        self.assertTrue(all(b["unit"] == "" and b["value"] == b["count"] for b in bins))

    def test_strips_sum_each_lanes_euros_with_a_scale_to_read_them_by(self):
        pdf, items = self.render("--measure", "eur")
        expected = {}
        for e in self.events:
            if "quantity" in e:
                for actor in set(involved(e)):
                    expected[actor] = expected.get(actor, 0) + e["quantity"]["value"]
        summed, bins = {}, [i for i in items if i["role"] == "density-bin"]
        for b in bins:
            self.assertEqual(b["unit"], "EUR")
            lane = b.get("lane", "")  # the folded "Other" lane has no actor id
            summed[lane] = summed.get(lane, 0) + b["value"]
        for lane in ("ukraine", "united-states", "eu-commission-and-council", "norway", "belgium"):
            with self.subTest(lane=lane):
                self.assertIn(lane, summed)
                # Each bin's value is written to the cent: the sum is off by less than a
                # cent per bin.
                self.assertAlmostEqual(summed[lane], expected[lane], delta=0.01 * len(bins))
        # Bars use the lane's height: the tallest fills most of its lane.
        lane_height = max(i["height"] for i in items if i["role"] == "lane")
        self.assertGreater(max(b["height"] for b in bins), 0.8 * lane_height)
        # Each strip's largest bin is written over it, and the note says what no sum holds.
        flat = " ".join(tool("pdftotext", pdf, "-").stdout.split())
        peaks = [seen(i["text"]) for i in items if i["role"] == "strip-peak"]
        self.assertGreater(len(peaks), 30)
        for peak in peaks:
            self.assertRegex(peak, r"^EUR \d[\d.,]* (thousand|million|billion)?")
            self.assertIn(peak, flat)
        without = sum(1 for e in self.events if "quantity" not in e)
        self.assertIn(f"sums the EUR amounts", flat)
        self.assertIn(f"{without:,} of {len(self.events):,} events carry no EUR amount", flat)

    def test_a_template_can_choose_the_measure(self):
        template = self.tmp / "t.yaml"
        template.write_text("measure: EUR\n")
        _, items = self.render("--actor", "norway", "--layout", "density", "--template", template)
        bins = [i for i in items if i["role"] == "density-bin"]
        self.assertTrue(bins)
        self.assertTrue(all(b["unit"] == "EUR" for b in bins))
        # --measure overrides it.
        _, items = self.render("--actor", "norway", "--layout", "density", "--template", template,
                               "--measure", "events")
        self.assertTrue(all(i["unit"] == "" for i in items if i["role"] == "density-bin"))


if __name__ == "__main__":
    unittest.main()
