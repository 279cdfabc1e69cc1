"""Outputs that cannot be written as asked: exit 3, a clear message, and no partial file.
A font family that is not installed: the chart is drawn, with a warning.

(An unwritable folder, a missing folder and a full disk are in test_cli.py.)"""
from helpers import EVENTS, TempDirTest, run, tool


class OutputFaults(TempDirTest):
    def names(self, folder=None):
        return sorted(p.name for p in (folder or self.tmp).iterdir())

    def test_output_path_that_is_a_directory_exits_3(self):
        for ext in ("pdf", "svg", "png"):
            with self.subTest(ext=ext):
                folder = self.tmp / f"chart.{ext}"
                folder.mkdir()
                (folder / "keep.txt").write_text("mine")
                proc = run("render", EVENTS, "-o", folder)
                self.assertRan(proc, 3)
                self.assertIn(str(folder), proc.stderr)
                self.assertIn("directory", proc.stderr.lower())
                self.assertNotIn("internal error", proc.stderr)
                # The folder and what it holds are untouched; nothing is left beside it.
                self.assertTrue(folder.is_dir())
                self.assertEqual(self.names(folder), ["keep.txt"])
                self.assertEqual(self.names(), sorted(p.name for p in self.tmp.glob("chart.*")))
                self.assertTrue(all(p.is_dir() for p in self.tmp.iterdir()))

    def test_a_directory_among_good_outputs_writes_none_of_them(self):
        folder = self.tmp / "chart.svg"
        folder.mkdir()
        proc = run("render", EVENTS, "-o", self.tmp / "chart.pdf", "-o", folder,
                   "-o", self.tmp / "chart.png")
        self.assertRan(proc, 3)
        self.assertIn(str(folder), proc.stderr)
        self.assertEqual(self.names(), ["chart.svg"])
        self.assertEqual(self.names(folder), [])

    def test_same_output_named_twice_exits_3(self):
        out = self.tmp / "chart.pdf"
        for second in (out, self.tmp / "." / "chart.pdf"):
            with self.subTest(second=str(second)):
                proc = run("render", EVENTS, "-o", out, "-o", second)
                self.assertRan(proc, 3)
                self.assertIn("chart.pdf", proc.stderr)
                self.assertRegex(proc.stderr.lower(), r"twice|more than once|same")
                self.assertNotIn("internal error", proc.stderr)
                self.assertEqual(self.names(), [])

    def test_same_output_named_twice_keeps_the_previous_file(self):
        out = self.tmp / "chart.png"
        out.write_bytes(b"previous chart")
        proc = run("render", EVENTS, "-o", out, "-o", out)
        self.assertRan(proc, 3)
        self.assertEqual(out.read_bytes(), b"previous chart")
        self.assertEqual(self.names(), ["chart.png"])


class MissingFont(TempDirTest):
    def template(self, family):
        path = self.tmp / "t.yaml"
        path.write_text(f'name: t\nfonts:\n  family: "{family}"\n')
        return path

    def test_a_family_fontconfig_must_replace_is_a_warning_with_its_place(self):
        out = self.tmp / "chart.pdf"
        proc = run("render", EVENTS, "--template", self.template("Noto Sans, No Such Family 42"),
                   "-o", out)
        self.assertRan(proc, 0)
        self.assertIn("t.yaml:3:11: warning:", proc.stderr)
        self.assertIn("'No Such Family 42'", proc.stderr)
        self.assertIn("[missing-font]", proc.stderr)
        self.assertNotIn("Noto Sans'", proc.stderr)  # the installed one is not named
        # The chart is still whole: fontconfig's substitute draws the text.
        text = tool("pdftotext", out, "-").stdout
        self.assertIn("Iran", text)
        self.assertIn("NotoSans", tool("pdffonts", out).stdout)

    def test_installed_and_generic_families_are_not_reported(self):
        for family in ("Noto Sans", "noto sans, Noto Sans CJK SC", "sans-serif", "Monospace"):
            with self.subTest(family=family):
                proc = run("render", EVENTS, "--template", self.template(family),
                           "-o", self.tmp / "chart.svg")
                self.assertRan(proc, 0)
                self.assertNotIn("missing-font", proc.stderr)


if __name__ == "__main__":
    import unittest
    unittest.main()
