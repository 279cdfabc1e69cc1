"""Every shipped template renders the seed cleanly; template options do what they say."""
import json

from helpers import EVENTS, SOURCE_DIR, TempDirTest, run, tool

TEMPLATES = sorted(p.stem for p in (SOURCE_DIR / "templates").glob("*.yaml"))


def overlaps(items):
    boxes = [i for i in items if i["type"] == "text"]
    found = []
    for n, a in enumerate(boxes):
        for b in boxes[n + 1:]:
            if (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
                    and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]):
                found.append((a["text"], b["text"]))
    return found


class ShippedTemplates(TempDirTest):
    def test_there_are_default_briefing_and_dark(self):
        self.assertTrue({"default", "briefing", "dark"} <= set(TEMPLATES), TEMPLATES)

    def test_each_template_renders_cleanly_and_reproducibly(self):
        for name in TEMPLATES:
            with self.subTest(template=name):
                outputs = []
                for attempt in ("a", "b"):
                    files = [self.tmp / f"{name}-{attempt}.{ext}" for ext in ("pdf", "svg", "png")]
                    scene = self.tmp / f"{name}-{attempt}.json"
                    args = ["render", EVENTS, "--template", name, "--scene", scene]
                    for f in files:
                        args += ["-o", f]
                    self.assertRan(run(*args))
                    outputs.append([f.read_bytes() for f in files])
                self.assertEqual(outputs[0], outputs[1], f"{name}: two runs differ")
                pdf = self.tmp / f"{name}-a.pdf"
                self.assertEqual(tool("qpdf", "--check", pdf).returncode, 0)
                doc = json.loads((self.tmp / f"{name}-a.json").read_text())
                for page in [doc] + doc.get("pages", []):
                    self.assertEqual(overlaps(page["items"]), [])

    def test_briefing_is_a4_landscape(self):
        pdf = self.tmp / "b.pdf"
        self.assertRan(run("render", EVENTS, "--template", "briefing", "-o", pdf))
        self.assertIn("841.89 x 595.28 pts (A4)", tool("pdfinfo", pdf).stdout)


class TemplateChecks(TempDirTest):
    def test_a_colour_for_a_kind_that_does_not_exist_is_a_warning_with_its_place(self):
        template = self.tmp / "t.yaml"
        template.write_text('name: t\npalette:\n  kind-colors: {arms-transfr: "#c0392b"}\n')
        proc = run("render", EVENTS, "-t", template, "-o", self.tmp / "a.svg")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("t.yaml:3:17: warning: 'kind-colors' names 'arms-transfr'", proc.stderr)
        self.assertIn("[unknown-kind-color]", proc.stderr)
        self.assertIn("did you mean 'arms-transfer'?", proc.stderr)


    def test_a_page_too_small_for_the_chart_is_a_warning_at_its_size(self):
        template = self.tmp / "tiny.yaml"
        template.write_text("name: tiny\npage:\n  width: 200\n  height: 150\n  margin: 20\n")
        proc = run("render", EVENTS, "-t", template, "-o", self.tmp / "a.pdf")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("tiny.yaml:3:10: warning: the page is too small for the chart: the title",
                      proc.stderr)
        self.assertIn("[page-too-small]", proc.stderr)
        fits = run("render", EVENTS, "-o", self.tmp / "b.pdf")
        self.assertNotIn("page-too-small", fits.stderr)


class TemplateOptions(TempDirTest):
    def template(self, text):
        path = self.tmp / "t.yaml"
        path.write_text(text)
        return path

    def lanes(self, mode):
        scene = self.tmp / f"{mode}.json"
        self.assertRan(run("render", EVENTS, "-o", self.tmp / "x.svg", "--scene", scene,
                           "--template", self.template(f"lanes: {mode}\nlane-order: input\n")))
        items = json.loads(scene.read_text())["items"]
        return [i.get("lane", "") for i in items if i["role"] == "lane"], items

    def test_lanes_by_actor_group_kind_or_one(self):
        actors, _ = self.lanes("actor")
        self.assertEqual(actors, ["CN", "RU", "IR", "KP", "UA", "NATO"])
        groups, items = self.lanes("group")
        self.assertEqual(groups, ["authoritarian-alignment", "UA", "NATO"])
        # Support inside one group draws no arrow.
        self.assertFalse([i for i in items if i["type"] == "arrow" and i["role"] == "support"])
        kinds, _ = self.lanes("kind")
        self.assertIn("arms-transfer", kinds)
        self.assertEqual(len(kinds), len(set(kinds)))
        single, _ = self.lanes("single")
        self.assertEqual(len(single), 1)

    def test_fixed_pages_send_the_sources_on(self):
        # A short page: rather than shrink its 8 pt labels below 6 pt, the chart goes on
        # over two pages at its own size, and the sources follow on page three.
        pdf = self.tmp / "short.pdf"
        scene = self.tmp / "short.json"
        self.assertRan(run("render", EVENTS, "-o", pdf, "--scene", scene, "--template",
                           self.template("page: {size: A5, orientation: landscape}\n")))
        self.assertIn("Pages:           3", tool("pdfinfo", pdf).stdout)
        doc = json.loads(scene.read_text())
        pages = [doc] + doc.get("pages", [])
        self.assertEqual(len(pages), 3)
        for page in pages:
            self.assertTrue(all(i["y"] + i["height"] <= doc["height"] + 0.01 for i in page["items"]))
            self.assertTrue(all(i["font_size"] >= 6 for i in page["items"] if i["type"] == "text"))
        self.assertTrue(any(i["role"] == "lane" for i in pages[1]["items"]))
        page_three = " ".join(tool("pdftotext", "-f", "3", pdf, "-").stdout.split())
        self.assertIn("[1] Ukrinform", page_three)
        self.assertEqual(tool("qpdf", "--check", pdf).returncode, 0)

    def test_lengths_take_units_and_mistakes_are_diagnosed(self):
        pdf = self.tmp / "mm.pdf"
        self.assertRan(run("render", EVENTS, "-o", pdf, "--template",
                           self.template("page: {width: 300mm, height: 200mm}\n")))
        self.assertIn("850.394 x 566.929 pts", tool("pdfinfo", pdf).stdout)
        proc = run("render", EVENTS, "-o", pdf, "--template",
                   self.template("page: {size: A9, widht: 3}\nlanes: actors\n"))
        self.assertRan(proc, 1)
        self.assertIn("t.yaml:1:14: error: no paper size 'A9' [bad-template]", proc.stderr)
        self.assertIn("[unknown-key]", proc.stderr)
        self.assertIn("t.yaml:2:8: error: 'lanes' cannot be 'actors' [bad-template]", proc.stderr)

    def test_margins_that_leave_no_room_are_template_errors(self):
        pdf = self.tmp / "m.pdf"
        for page, line_col in (("{width: 1000, height: 100, margin: 50}", "1:42"),
                               ("{width: 1000, height: 100, margin: 41}", "1:42"),
                               ("{width: 200, margin: 51}", "1:28"),
                               ("{width: 100, margin: 0.5}", "1:28"),
                               ("{width: 150}", "1:15"),  # with the default margin of 36
                               ("{size: A5, orientation: portrait,\n  margin: 200}", "2:11")):
            with self.subTest(page=page):
                proc = run("render", EVENTS, "-o", pdf, "--template",
                           self.template(f"page: {page}\n"))
                self.assertRan(proc, 1)
                self.assertIn(f"t.yaml:{line_col}: error: ", proc.stderr)
                self.assertIn("[bad-template]", proc.stderr)
                self.assertIn("margin", proc.stderr)
                self.assertFalse(pdf.exists())
        # At the bounds a page still renders.
        for page in ("{width: 1000, height: 100, margin: 40}", "{width: 200, margin: 50}",
                     "{width: 1000, height: 100}"):
            with self.subTest(page=page):
                self.assertRan(run("render", EVENTS, "-o", pdf, "--template",
                                   self.template(f"page: {page}\n")))

    def test_title_option_overrides_the_template(self):
        pdf = self.tmp / "t.pdf"
        self.assertRan(run("render", EVENTS, "-o", pdf, "--title", "Who arms Russia"))
        self.assertIn("Title:           Who arms Russia", tool("pdfinfo", pdf).stdout)
        self.assertIn("Who arms Russia", tool("pdftotext", pdf, "-").stdout)


if __name__ == "__main__":
    import unittest
    unittest.main()
