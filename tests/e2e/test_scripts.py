"""Labels in Cyrillic, Chinese and Persian get the right glyphs and keep their order."""
import json

from helpers import FIXTURES, TempDirTest, run, tool

SCRIPTS = FIXTURES / "valid" / "scripts.yaml"


class Scripts(TempDirTest):
    def setUp(self):
        super().setUp()
        self.pdf = self.tmp / "scripts.pdf"
        self.scene = self.tmp / "scripts.json"
        self.assertRan(run("render", SCRIPTS, "-o", self.pdf, "--scene", self.scene))

    def test_each_script_is_set_in_a_font_that_has_it(self):
        fonts = tool("pdffonts", self.pdf).stdout
        self.assertIn("NotoSansArabic", fonts)
        self.assertIn("NotoSansCJKsc", fonts)  # Chinese glyphs, not the Japanese ones
        self.assertNotIn("DejaVu", fonts)
        text = tool("pdftotext", self.pdf, "-").stdout
        self.assertIn("Россия объявляет частичную мобилизацию", text)
        self.assertIn("中国向俄罗斯出口微电子产品", text)

    def test_a_right_to_left_title_is_isolated_from_the_date_and_citation(self):
        items = json.loads(self.scene.read_text())["items"]
        label = next(i["text"] for i in items if i.get("event") == "shahed-drones"
                     and i["role"] == "event-label")
        self.assertTrue(label.startswith("Sep 2022 · \u2068ایران"), label)
        # Every event there cites one source, said once under the chart: no "[1]" follows.
        self.assertTrue(label.endswith("\u2069"), label)


if __name__ == "__main__":
    import unittest
    unittest.main()
