"""Renders the seed events the way a user does and checks what a reader gets."""
import json
import xml.etree.ElementTree as ET

from helpers import EVENTS, TempDirTest, event_titles, read_png, run, tool


class RenderSeed(TempDirTest):
    def render(self, *extra, name="timeline"):
        outputs = [self.tmp / f"{name}.{ext}" for ext in ("pdf", "svg", "png")]
        args = ["render", EVENTS]
        for o in outputs:
            args += ["-o", o]
        args += ["--scene", self.tmp / f"{name}.json", *extra]
        self.assertRan(run(*args))
        return outputs

    def test_pdf_holds_every_title_as_text(self):
        pdf, _, _ = self.render()
        text = tool("pdftotext", "-layout", pdf, "-").stdout
        flat = " ".join(text.split())
        titles = event_titles(EVENTS)
        self.assertGreaterEqual(len(titles), 10)
        for title in titles:
            self.assertIn(" ".join(title.split()), flat, f"title missing from the PDF text: {title}")

    def test_pdf_embeds_its_fonts(self):
        pdf, _, _ = self.render()
        lines = tool("pdffonts", pdf).stdout.splitlines()[2:]
        self.assertTrue(lines, "the PDF has no fonts")
        for line in lines:
            self.assertIn(" yes ", line, f"font not embedded: {line}")
        self.assertTrue(any("Noto" in line for line in lines), "\n".join(lines))

    def test_pdf_is_well_formed_with_links_and_metadata(self):
        pdf, _, _ = self.render()
        self.assertEqual(tool("qpdf", "--check", pdf).returncode, 0)
        info = tool("pdfinfo", pdf).stdout
        self.assertIn("Conflict support timeline", info)
        self.assertIn("timeline 0.1.0", info)
        urls = tool("pdfinfo", "-url", pdf).stdout
        self.assertIn("https://www.ukrinform.net/", urls)

    def test_svg_is_xml_with_the_page_size(self):
        _, svg, _ = self.render()
        scene = json.loads((self.tmp / "timeline.json").read_text())
        root = ET.parse(svg).getroot()
        self.assertTrue(root.tag.endswith("svg"))
        self.assertAlmostEqual(float(root.get("width").removesuffix("pt")), scene["width"], delta=1)
        self.assertAlmostEqual(float(root.get("height").removesuffix("pt")), scene["height"], delta=1)

    def test_png_has_the_page_size_and_is_not_blank(self):
        _, _, png = self.render()
        scene = json.loads((self.tmp / "timeline.json").read_text())
        width, height, rows = read_png(png)
        scale = 150 / 72
        self.assertAlmostEqual(width, scene["width"] * scale, delta=2)
        self.assertAlmostEqual(height, scene["height"] * scale, delta=2)
        colours = {px for row in rows[::7] for px in row[::7]}
        self.assertGreater(len(colours), 20, "the PNG looks blank")
        dark = sum(1 for row in rows[::3] for px in row[::3] if sum(px) < 200)
        self.assertGreater(dark, 500, "hardly any text or lines in the PNG")

    def test_two_renders_are_byte_identical(self):
        first = [p.read_bytes() for p in self.render(name="a")]
        second = [p.read_bytes() for p in self.render(name="b")]
        for ext, a, b in zip(("pdf", "svg", "png"), first, second):
            self.assertEqual(a, b, f"{ext} output differs between two runs")

    def test_pdf_shows_quantities_once_citations_and_references(self):
        pdf, _, _ = self.render()
        flat = " ".join(tool("pdftotext", pdf, "-").stdout.split())
        # Both quantities of the seed are in their titles, and so not in a badge again.
        self.assertEqual(flat.count("200 ballistic missiles"), 1)
        self.assertNotIn("200+ ballistic missiles", flat)
        self.assertEqual(flat.count("180,000"), 1)
        self.assertNotIn("total 1.5 million", flat)
        self.assertIn("[1] Ukrinform", flat)
        self.assertIn("Stoltenberg: Authoritarian powers more aligned amid war in Ukraine", flat)
        self.assertRegex(flat, r"Russia \[1, 2\]|\[1, 2\]")
        # Uncertainty in words: an approximate month says so, an unknown start says "by".
        self.assertIn("c. Sep 2024", flat)
        self.assertIn("by Sep 2024", flat)

    def test_today_line_is_drawn_and_labelled(self):
        pdf = self.tmp / "today.pdf"
        scene = self.tmp / "today.json"
        self.assertRan(run("render", EVENTS, "-o", pdf, "--scene", scene, "--today", "2026-11-28"))
        items = json.loads(scene.read_text())["items"]
        line = [i for i in items if i["role"] == "today"]
        self.assertEqual(len(line), 1)
        self.assertIn("today, 28 Nov 2026", tool("pdftotext", pdf, "-").stdout)
        self.assertRan(run("render", EVENTS, "-o", pdf, "--today", "2024-13-01"), 2)

    def test_month_precision_is_drawn_across_its_month(self):
        self.render()
        items = json.loads((self.tmp / "timeline.json").read_text())["items"]
        shipment = [i for i in items if i.get("event") == "iran-ballistic-missiles-caspian-2024"
                    and i["type"] == "marker"]
        army = [i for i in items if i.get("event") == "russia-army-expansion-2024"
                and i["type"] == "marker"]
        self.assertEqual(shipment[0]["role"], "event-range")
        self.assertEqual(army[0]["role"], "event-marker")
        # September's bracket runs from before the 16th to after it.
        sixteenth = army[0]["x"] + army[0]["width"] / 2
        self.assertLess(shipment[0]["x"], sixteenth - 2)
        self.assertGreater(shipment[0]["x"] + shipment[0]["width"], sixteenth + 2)

    def test_scene_labels_never_overlap(self):
        self.render()
        scene = json.loads((self.tmp / "timeline.json").read_text())
        boxes = [i for i in scene["items"] if i["type"] == "text"]
        for n, a in enumerate(boxes):
            for b in boxes[n + 1:]:
                overlap = (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
                           and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"])
                self.assertFalse(overlap, f"{a['text']!r} overlaps {b['text']!r}")


if __name__ == "__main__":
    import unittest
    unittest.main()
