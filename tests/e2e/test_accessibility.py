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


class KindGlyphs(TempDirTest):
    """Kinds keep a second cue besides colour: the PDF shows, before each label the Scene
    gives a glyph, an ink mark that stands out from the paper, one shape per kind, the key's."""

    def crop(self, pdf, item, dpi=1200):
        """The glyph's box and 2 pt left of it, rendered from the PDF: rows of RGB tuples."""
        scale = dpi / 72
        x, y = round((item["x"] - 2) * scale), round(item["y"] * scale)
        w, h = round((item["width"] + 2) * scale), round(item["height"] * scale)
        out = self.tmp / "crop"
        tool("pdftoppm", "-r", str(dpi), "-x", str(x), "-y", str(y), "-W", str(w), "-H", str(h),
             "-singlefile", pdf, out)
        data = (self.tmp / "crop.ppm").read_bytes()
        magic, width, height, _, pixels = data.split(maxsplit=4)
        self.assertEqual(magic, b"P6")
        width, height = int(width), int(height)
        return [[tuple(pixels[(r * width + c) * 3:(r * width + c) * 3 + 3]) for c in range(width)]
                for r in range(height)], round(2 * scale)

    def test_each_kind_is_drawn_with_its_own_shape_as_in_the_key(self):
        pdf, scene_path = self.tmp / "chart.pdf", self.tmp / "chart.json"
        self.assertRan(run("render", EVENTS, "-o", pdf, "--scene", scene_path))
        scene = json.loads(scene_path.read_text())
        glyphs = [i for i in scene["items"] if i["role"] == "kind-glyph"]
        samples = [i for i in scene["items"] if i["role"] == "legend-sample" and "kind" in i]
        self.assertGreaterEqual(len({g["kind"] for g in glyphs}), 6)

        def luminance(px):
            def channel(v):
                v /= 255
                return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
            r, g, b = (channel(v) for v in px)
            return 0.2126 * r + 0.7152 * g + 0.0722 * b

        def contrast(a, b):
            la, lb = sorted((luminance(a), luminance(b)), reverse=True)
            return (la + 0.05) / (lb + 0.05)

        def mask(item):
            """The glyph's inked pixels: those nearer its centre's colour than the paper's
            (left of its box). Its centre stands out from the paper at WCAG's 3:1."""
            rows, left = self.crop(pdf, item)
            height, width = len(rows), len(rows[0])
            ink = rows[height // 2][left + (width - left) // 2]
            paper = rows[height // 2][left // 4]
            self.assertGreaterEqual(contrast(ink, paper), 2.9, item)

            def near(px, c):
                return sum((a - b) ** 2 for a, b in zip(px, c))

            return [[near(px, ink) < near(px, paper) for px in row[left:]] for row in rows]

        def differ(a, b):
            """The share of pixels inked in one mask and not the other."""
            h, w = min(len(a), len(b)), min(len(a[0]), len(b[0]))
            return sum(a[y][x] != b[y][x] for y in range(h) for x in range(w)) / (h * w)

        masks = [(g["kind"], mask(g)) for g in glyphs]
        same = [differ(a, b) for i, (k, a) in enumerate(masks) for j, (l, b) in
                enumerate(masks) if i < j and k == l]
        apart = {}
        for i, (k, a) in enumerate(masks):
            for l, b in masks[i + 1:]:
                if k != l:
                    key = tuple(sorted((k, l)))
                    apart[key] = min(apart.get(key, 1), differ(a, b))
        # One kind's glyphs look alike wherever they fall; two kinds' look different.
        self.assertTrue(same)
        self.assertLess(max(same), 0.05)
        self.assertGreater(min(apart.values()), 0.15, min(apart, key=apart.get))
        # The key draws the kind's glyph: the same shape as the chart's.
        drawn = {g["kind"]: g["shape"] for g in glyphs}
        self.assertTrue(samples)
        for s in samples:
            self.assertEqual(s["shape"], drawn.get(s["kind"], s["shape"]))


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
