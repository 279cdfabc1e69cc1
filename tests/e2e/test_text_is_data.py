"""Text from event files is data, never markup: titles draw as written, and only http and
https URLs become PDF links."""
import json
import re
import xml.etree.ElementTree as ElementTree

from helpers import TempDirTest, run, tool
from test_link_injection import MALFORMED

RLO = "\u202e"  # right-to-left override, left unterminated on purpose
ZWJ = "\u200d"  # zero-width joiner
ZWSP = "\u200b"  # zero-width space

TITLES = [
    "<b>Bold</b> claim & co",
    "Tom &amp; Jerry &lt;deliver&gt;",
    "<script>alert(1)</script> shipment",
    '<span foreground="red">red</span> drones',
    f"Rial {RLO}desrever transfer",
    f"Zero{ZWJ}width{ZWSP}joiner test",
]


def events_yaml(titles, urls=None):
    lines = ["actors:", "  - {id: IR, name: Iran}", "  - {id: RU, name: Russia}", "events:"]
    for i, title in enumerate(titles):
        lines += [f"  - id: e{i}", f"    date: 2024-{i % 12 + 1:02d}",
                  f"    title: {json.dumps(title)}", "    kind: arms-transfer",
                  "    from: IR", "    to: RU", "    sources:"]
        for url in (urls or [f"https://example.org/{i}"]):
            lines.append(f"      - {json.dumps(url)}")
    return "\n".join(lines) + "\n"


def squeeze(text):
    """pdftotext spaces glyphs as it sees fit: compare without any whitespace."""
    return re.sub(r"\s+", "", text)


class TitlesAreText(TempDirTest):
    def render(self, titles, *outputs, name="events"):
        folder = self.tmp / name
        folder.mkdir()
        (folder / "events.yaml").write_text(events_yaml(titles))
        # A wide page, so that no label is shortened and each title is drawn whole.
        template = self.tmp / "wide.yaml"
        template.write_text("page: {width: 14400}\n")
        paths = [self.tmp / f"{name}.{ext}" for ext in outputs]
        args = [a for p in paths for a in ("--scene" if p.suffix == ".json" else "-o", p)]
        self.assertRan(run("render", folder, "--template", template, *args))
        return paths

    def test_markup_in_titles_is_drawn_character_for_character(self):
        pdf, scene = self.render(TITLES, "pdf", "json")
        text = squeeze(tool("pdftotext", pdf, "-").stdout)
        for title in TITLES[:4]:
            self.assertIn(squeeze(title), text)
        # The scene hands Pango exactly the title, inside a directional isolate.
        drawn = [i.get("text", "") for i in json.loads(scene.read_text())["items"]]
        for title in TITLES:
            self.assertTrue(any(f"\u2068{title}\u2069" in t for t in drawn), title)

    def test_a_bidi_override_reorders_only_its_own_title(self):
        (pdf,) = self.render(TITLES, "pdf")
        text = squeeze(tool("pdftotext", pdf, "-").stdout)
        # The override reverses the rest of the title and stops there: the date before it
        # and the citation number after it keep their order.
        self.assertIn("May2024·Rialrefsnartreversed[5]", text)

    def test_zero_width_characters_stay_in_and_show_nothing(self):
        (pdf,) = self.render(TITLES, "pdf")
        self.assertIn("Jun2024·Zerowidthjoinertest[6]", squeeze(tool("pdftotext", pdf, "-").stdout))

    def test_svg_draws_a_glyph_for_every_character_of_markup(self):
        # cairo's SVG draws glyphs, not <text>: count them. Were the titles read as Pango
        # markup, the tags would vanish and the entities shrink to one character.
        markup = TITLES[:4]
        plain = [re.sub(r"[<>&;/=\"]", "X", t) for t in markup]
        self.assertNotEqual(markup, plain)
        (svg,) = self.render(markup, "svg", name="markup")
        (plain_svg,) = self.render(plain, "svg", name="plain")
        root = ElementTree.parse(svg).getroot()  # well-formed XML
        tags = {element.tag.split("}")[-1] for element in root.iter()}
        self.assertFalse(tags & {"script", "b", "span", "text", "foreignObject"}, tags)
        self.assertNotIn("<script", svg.read_text())
        glyphs = svg.read_text().count("<use ")
        self.assertGreater(glyphs, 100)
        self.assertEqual(glyphs, plain_svg.read_text().count("<use "))


class OnlyWebLinks(TempDirTest):
    def test_urls_other_than_http_and_https_are_refused(self):
        # Malformed http and https URLs too, written as a mapping's url or as a plain string.
        for url in ("javascript:alert(1)//https://x", "file:///etc/passwd", "FILE://server/share",
                    "data://text/html,<script>alert(1)</script>", "ftp://example.org/",
                    " https://example.org/", "https://exa mple.org/", *MALFORMED):
            for form in ("{publisher: P, url: %s}", "%s"):
                with self.subTest(url=url, form=form):
                    self.assert_refused(form % json.dumps(url))

    def assert_refused(self, source):
        path = self.tmp / "e.yaml"
        path.write_text(events_yaml(["T"]).replace('"https://example.org/0"', source))
        proc = run("validate", path)
        self.assertRan(proc, 1)
        self.assertIn("[bad-url]", proc.stderr)
        pdf = self.tmp / "e.pdf"
        self.assertRan(run("render", path, "-o", pdf), 1)
        self.assertFalse(pdf.exists())

    def test_a_pdf_links_only_to_web_urls(self):
        # A source written without "://" is a publisher's name: drawn as text, never a link.
        path = self.tmp / "e.yaml"
        path.write_text(events_yaml(["T", "U"], urls=[
            "javascript:alert(1)", "mailto:someone@example.org", "https://example.org/a",
            "HTTP://example.org/b"]))
        pdf = self.tmp / "e.pdf"
        self.assertRan(run("render", path, "-o", pdf))
        rows = tool("pdfinfo", "-url", pdf).stdout.splitlines()[1:]
        urls = [row.split()[-1] for row in rows if row.strip()]
        self.assertTrue(urls)
        self.assertTrue(all(re.match(r"(?i)https?://", u) for u in urls), urls)
        self.assertIn("https://example.org/a", urls)
        self.assertIn("javascript:alert(1)", squeeze(tool("pdftotext", pdf, "-").stdout))


# Each text field of the format, written with a control character in it, and the line the
# problem is reported on. Title, actor name and the rest: one rule, `bad-text`.
CONTROL_DOCUMENT = """\
actors:
  - {id: IR, name: "Iran\\0x", group: "axis\\e[2K"}
  - {id: RU, name: Russia}
kinds:
  - {id: cyber, label: "Cyber\\x9b1m"}
eras:
  - {id: war, title: "War\\e]0;x\\a", date: 2022/..}
events:
  - id: e
    date: 2024-09
    title: "T\\tx"
    kind: cyber
    from: IR
    to: RU
    summary: "one\\nline\\tand\\rback"
    quantity: {value: 1, unit: "missiles\\0"}
    location: "Port\\e[2K"
    sources:
      - {publisher: "Reuters\\u2028", title: "Ti\\x7f", url: "https://example.org/",
         quote: "said\\e[31m"}
      - "Bare\\b"
  - id: f
    date: 2024-09
    title: T
    kind: cyber
    actors: [IR]
    location: {name: "Harbour\\x85"}
    sources: [P]
"""
# The line of each value that breaks the rule (lines 2 and 19 hold two).
CONTROL_LINES = [2, 2, 5, 7, 11, 15, 16, 17, 19, 19, 20, 21, 27]


class ControlCharactersInText(TempDirTest):
    def test_every_text_field_refuses_control_characters_with_one_rule(self):
        path = self.tmp / "e.yaml"
        path.write_text(CONTROL_DOCUMENT)
        proc = run("validate", "--format", "json", path)
        self.assertEqual(proc.returncode, 1, proc.stderr)
        found = sorted(d["line"] for d in json.loads(proc.stdout) if d["rule"] == "bad-text")
        self.assertEqual(found, CONTROL_LINES, proc.stdout)
        for d in json.loads(proc.stdout):
            self.assertTrue(d["hint"], d)

    def test_summary_and_quote_may_span_lines_and_hold_tabs(self):
        path = self.tmp / "e.yaml"
        path.write_text(events_yaml(["T"]).replace(
            '"https://example.org/0"',
            '{publisher: P, quote: "first\\n\\tsecond"}\n    summary: |\n'
            '      one\n      \ttwo\n'))
        proc = run("validate", path)
        self.assertEqual(proc.returncode, 0, proc.stderr)

    def test_the_title_given_on_the_command_line_follows_the_rule_too(self):
        path = self.tmp / "e.yaml"
        path.write_text(events_yaml(["T"]))
        pdf = self.tmp / "e.pdf"
        for title in ("a\x1b[2Kb", "two\nlines", "nul\x85"):
            with self.subTest(title=title):
                proc = run("render", path, "-o", pdf, "--title", title)
                self.assertEqual(proc.returncode, 2, proc.stderr)
                self.assertIn("--title", proc.stderr)
                self.assertFalse(pdf.exists())
        self.assertRan(run("render", path, "-o", pdf, "--title", f"Rial {RLO}x"))

    def test_a_title_holds_no_tab(self):
        path = self.tmp / "e.yaml"
        path.write_text(events_yaml(["a\tb"]))
        proc = run("validate", path)
        self.assertEqual(proc.returncode, 1, proc.stderr)
        self.assertIn("[bad-text]", proc.stderr)


RTL_PUBLISHER = f"Pub {RLO}abc def"
RTL_UNIT = f"ballistic {RLO}missiles"
RTL_ACTOR = f"Iran {RLO}xyz"
RTL_KIND = f"Cyber {RLO}kind"
RTL_ERA = f"War {RLO}era"


class BidiIsolatedInEveryLabel(TempDirTest):
    def render(self, *outputs, width=14400):
        path = self.tmp / "e.yaml"
        path.write_text(
            "actors:\n"
            f"  - {{id: IR, name: {json.dumps(RTL_ACTOR)}}}\n"
            "  - {id: RU, name: Russia}\n"
            f"kinds: [{{id: cyber, label: {json.dumps(RTL_KIND)}}}]\n"
            f"eras: [{{id: war, title: {json.dumps(RTL_ERA)}, date: 2024-01/2024-12}}]\n"
            "events:\n"
            "  - {id: e, date: 2024-09, title: Missiles sent, kind: cyber, from: IR, to: RU,\n"
            f"     quantity: {{value: 200, unit: {json.dumps(RTL_UNIT)}}},\n"
            f"     sources: [{{publisher: {json.dumps(RTL_PUBLISHER)}, title: Source title,\n"
            "                 date: 2024-09-12}]}\n")
        template = self.tmp / "t.yaml"
        template.write_text(f"page: {{width: {width}}}\n")
        paths = [self.tmp / f"e.{ext}" for ext in outputs]
        args = [a for p in paths for a in ("--scene" if p.suffix == ".json" else "-o", p)]
        self.assertRan(run("render", path, "--template", template, "-o", self.tmp / "e.svg",
                           *args))
        return paths

    def test_each_piece_of_input_text_is_isolated_exactly_once(self):
        (scene,) = self.render("json")
        drawn = [i.get("text", "") for i in json.loads(scene.read_text())["items"]]
        for piece in (RTL_PUBLISHER, RTL_UNIT, RTL_ACTOR, RTL_KIND, RTL_ERA):
            with self.subTest(piece=piece):
                holding = [t for t in drawn if piece in t]
                self.assertTrue(holding, drawn)
                for t in holding:
                    self.assertEqual(t.count(piece), t.count(f"\u2068{piece}\u2069"), t)
                    self.assertNotIn(f"\u2068\u2068{piece}", t)

    def test_an_override_in_a_publisher_reverses_only_the_publisher(self):
        (pdf,) = self.render("pdf")
        text = squeeze(tool("pdftotext", pdf, "-").stdout)
        # The one source is said once under the chart.
        self.assertIn("Source:Pubfedcba,“Sourcetitle”,12Sep2024.", text)
        self.assertIn("200ballisticselissim", text)

    def test_a_shortened_label_closes_its_isolate_before_the_callout(self):
        # A narrow page shortens the title: the callout number after it keeps its place.
        path = self.tmp / "n.yaml"
        path.write_text(events_yaml([f"Long {RLO}" + "word " * 30]))
        template = self.tmp / "narrow.yaml"
        template.write_text("page: {width: 600}\n")
        scene = self.tmp / "n.json"
        self.assertRan(run("render", path, "--template", template, "--scene", scene,
                           "-o", self.tmp / "n.pdf"))
        labels = [i["text"] for i in json.loads(scene.read_text())["items"]
                  if i.get("role") in ("event-label", "note")]
        self.assertTrue(any(RLO in label and "\u2026 (1)" in label for label in labels), labels)
        for label in labels:
            self.assertEqual(label.count("\u2068"), label.count("\u2069"), label)


if __name__ == "__main__":
    import unittest
    unittest.main()
