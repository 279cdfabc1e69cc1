"""Amounts on the whole Kiel tracker's density chart: the labels go to the largest amounts of
each lane, whatever their confidence."""
import json
import unittest

import yaml

from helpers import KIEL, TempDirTest, run, tool


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


if __name__ == "__main__":
    unittest.main()
