"""Outputs that cannot be written as asked: exit 3, a clear message, and no partial file.

(An unwritable folder, a missing folder and a full disk are in test_cli.py.)"""
from helpers import EVENTS, TempDirTest, run


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


if __name__ == "__main__":
    import unittest
    unittest.main()
