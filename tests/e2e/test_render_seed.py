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
