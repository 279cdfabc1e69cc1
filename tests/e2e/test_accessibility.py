"""Charts readable without sight (issue 17): the SVG names and describes its chart and each
event, its links say what they are; checked by parsing the SVG as XML, as a screen reader's
browser does, against the Scene the same render wrote."""
import json
import xml.etree.ElementTree as ET

from helpers import EVENTS, TempDirTest, run

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
HOSTILE = "Shells </title><script>alert(1)</script> & \"quoted\" 'single' <b>bold</b>"


def without_isolates(text):
    return text.replace("\u2068", "").replace("\u2069", "")


class SvgAccessibility(TempDirTest):
    def render(self, inputs):
        svg, scene = self.tmp / "chart.svg", self.tmp / "chart.json"
        self.assertRan(run("render", inputs, "-o", svg, "--scene", scene))
        return ET.parse(svg).getroot(), json.loads(scene.read_text())

    def test_the_chart_and_every_event_are_named_and_described(self):
        root, scene = self.render(EVENTS)
        self.assertEqual(root.get("role"), "graphics-document document")
        self.assertEqual(root.get("aria-labelledby"), "chart-title chart-desc")
        title = root.find(f"{SVG}title")
        desc = root.find(f"{SVG}desc")
        self.assertEqual(title.get("id"), "chart-title")
        self.assertEqual(title.text, scene["title"])
        self.assertEqual(desc.get("id"), "chart-desc")
        self.assertEqual(desc.text, scene["description"])
        summary = without_isolates(desc.text)
        self.assertTrue(summary.startswith("12 events from Oct 2014 to Oct 2024 in 6 lanes: "))
        self.assertIn("Largest flows of support: ", summary)
        # One named symbol per event label, over the label, its name the event in words.
        symbols = {g.get("aria-label"): g for g in root.iter(f"{SVG}g")
                   if g.get("role") == "graphics-symbol"}
        labels = [i for i in scene["items"] if i["role"] == "event-label"]
        self.assertEqual(len(symbols), len(labels))
        for label in labels:
            g = symbols[label["alt"]]
            self.assertEqual(g.find(f"{SVG}title").text, label["alt"])
            rect = g.find(f"{SVG}rect")
            self.assertAlmostEqual(float(rect.get("x")), label["x"], delta=0.01)
            self.assertAlmostEqual(float(rect.get("y")), label["y"], delta=0.01)
        names = [without_isolates(n) for n in symbols]
        self.assertIn("Sep 2024 · Iran delivers more than 200 ballistic missiles to Russia via a "
                      "Caspian Sea port · 200+ ballistic missiles · reported", names)
        # Every link says what it is.
        links = list(root.iter(f"{SVG}a"))
        self.assertTrue(links)
        for a in links:
            self.assertTrue(a.get("aria-label"))
            self.assertEqual(a.find(f"{SVG}title").text, a.get("aria-label"))
            self.assertTrue(a.get(f"{XLINK}href").startswith("https://"))

    def test_input_text_stays_text(self):
        (self.tmp / "e.yaml").write_text(
            "actors: [{id: A, name: 'A <i>&amp;</i>'}, {id: B, name: B}]\n"
            "events:\n"
            f"  - {{id: x, date: 2024-05-01, title: {json.dumps(HOSTILE)}, kind: other,\n"
            "     from: A, to: B, sources: [{publisher: P, url: 'https://example.org/?a=1&b=2'}]}\n")
        root, scene = self.render(self.tmp / "e.yaml")
        self.assertEqual(root.find(f"{SVG}title").text, scene["title"])
        self.assertIn("A <i>&amp;</i>", root.find(f"{SVG}desc").text)
        self.assertFalse(list(root.iter(f"{SVG}script")))
        self.assertFalse(list(root.iter(f"{SVG}b")))
        names = [g.get("aria-label") for g in root.iter(f"{SVG}g")
                 if g.get("role") == "graphics-symbol"]
        self.assertEqual(len(names), 1)
        self.assertIn(HOSTILE, without_isolates(names[0]))


if __name__ == "__main__":
    import unittest
    unittest.main()
