"""Charts readable without sight (issue 17): the SVG names and describes its chart and each
event, its links say what they are (checked by parsing the SVG as XML, as a screen reader's
browser does); the PDF has a language, shows its title, and a structure tree in reading order
with the chart as a Figure described in words (checked by reading the PDF's objects with
qpdf); each against the Scene the same render wrote."""
import json
import xml.etree.ElementTree as ET

from helpers import EVENTS, TempDirTest, run, tool

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
                      "Caspian Sea port · Arms transfer · 200+ ballistic missiles · reported", names)
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



def pdf_objects(pdf):
    """The PDF's objects as qpdf reads them: {"N 0 R": value}, and the catalog."""
    proc = tool("qpdf", "--json=1", "--json-key=objects", pdf)
    assert proc.returncode == 0, proc.stderr
    objects = json.loads(proc.stdout)["objects"]
    return objects, objects[objects["trailer"]["/Root"]]


def structure(objects, ref, depth=0):
    """The structure element at `ref` as (type, alt, [children]); marked content left out."""
    element = objects[ref] if isinstance(ref, str) else ref
    if not isinstance(element, dict) or "/S" not in element:
        return None
    kids = element.get("/K", [])
    kids = kids if isinstance(kids, list) else [kids]
    children = [c for c in (structure(objects, k, depth + 1) for k in kids
                            if isinstance(k, (str, dict))) if c]
    return element["/S"], element.get("/Alt"), element.get("/Pg"), children


class PdfAccessibility(TempDirTest):
    def test_language_title_and_a_structure_tree_in_reading_order(self):
        pdf, scene_path = self.tmp / "chart.pdf", self.tmp / "chart.json"
        self.assertRan(run("render", EVENTS, "-o", pdf, "--scene", scene_path))
        scene = json.loads(scene_path.read_text())
        objects, catalog = pdf_objects(pdf)
        self.assertEqual(catalog["/Lang"], "en")
        self.assertIs(catalog["/ViewerPreferences"]["/DisplayDocTitle"], True)
        self.assertIs(catalog["/MarkInfo"]["/Marked"], True)
        tree = objects[catalog["/StructTreeRoot"]]
        (document,) = [structure(objects, k) for k in tree["/K"]]
        self.assertEqual(document[0], "/Document")
        kinds = [c[0] for c in document[3]]
        # The title, the subtitle, the chart, then the key's rows and the sources as lists.
        self.assertEqual(kinds[:3], ["/H1", "/P", "/Figure"])
        self.assertEqual(kinds.count("/Figure"), 1)
        figure = document[3][2]
        self.assertEqual(figure[1], scene["description"])
        self.assertIn("Largest flows of support", figure[1])
        rest = kinds[3:]
        self.assertTrue(rest and all(k in ("/H2", "/L") for k in rest), rest)
        self.assertEqual(rest[0], "/H2")
        for heading, body in zip(rest, rest[1:]):
            if heading == "/H2":
                self.assertEqual(body, "/L")  # each heading heads a list
        lists = [c for c in document[3] if c[0] == "/L"]
        for items in lists:
            self.assertTrue(all(li[0] == "/LI" for li in items[3]))
            for li in items[3]:
                self.assertTrue({c[0] for c in li[3]} <= {"/Lbl", "/LBody"})
        # The same bytes twice: qpdf's pass derives the file's ID from its content.
        again = self.tmp / "again.pdf"
        self.assertRan(run("render", EVENTS, "-o", again))
        self.assertEqual(pdf.read_bytes(), again.read_bytes())

    def test_pages_are_read_in_the_order_shown_and_a_template_sets_the_language(self):
        template = self.tmp / "fr.yaml"
        template.write_text("language: fr-BE\npage: {size: A4}\n")
        pdf = self.tmp / "pages.pdf"
        self.assertRan(run("render", EVENTS, "--layout", "pages", "-t", template, "-o", pdf))
        objects, catalog = pdf_objects(pdf)
        self.assertEqual(catalog["/Lang"], "fr-BE")
        pages = []
        node = objects[catalog["/Pages"]]
        pages = node["/Kids"]
        self.assertGreater(len(pages), 1)
        tree = objects[catalog["/StructTreeRoot"]]
        documents = [structure(objects, k) for k in tree["/K"]]

        def first_page(element):
            if element[2]:
                return pages.index(element[2])
            found = [first_page(c) for c in element[3]]
            return min([f for f in found if f is not None], default=None)

        order = [first_page(d) for d in documents]
        self.assertEqual(order, sorted(order))
        self.assertEqual(order[0], 0)  # the overview, written last, is read first

    def test_a_bad_language_is_a_template_error(self):
        template = self.tmp / "bad.yaml"
        template.write_text("language: 'english please'\n")
        proc = run("render", EVENTS, "-t", template, "-o", self.tmp / "x.pdf")
        self.assertRan(proc, 1)
        self.assertIn("is not a language tag", proc.stderr)

    def test_a_chart_too_large_to_tag_in_full_says_so(self):
        lines = ["actors: [{id: A, name: A}, {id: B, name: B}]", "events:"]
        for i in range(1001):
            lines.append(f"  - {{id: e{i}, date: 2020-01-01, title: E{i}, kind: other, "
                         f"from: A, to: B, sources: [{{publisher: P, url: 'https://example.org'}}]}}")
        (self.tmp / "many.yaml").write_text("\n".join(lines) + "\n")
        pdf = self.tmp / "many.pdf"
        proc = run("render", self.tmp / "many.yaml", "--layout", "density", "-o", pdf)
        self.assertRan(proc)
        self.assertIn("[pdf-not-tagged]", proc.stderr)
        self.assertIn("up to 1000 events, and this one has 1001", proc.stderr)
        _, catalog = pdf_objects(pdf)
        self.assertNotIn("/Lang", catalog)


if __name__ == "__main__":
    import unittest
    unittest.main()
