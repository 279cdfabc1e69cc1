"""Inputs from many hands: every one gets a diagnostic in bounded time, never a crash."""
import time

from helpers import TempDirTest, run


class HostileInput(TempDirTest):
    def check(self, name, data, rule, seconds=5):
        path = self.tmp / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode())
        start = time.monotonic()
        proc = run("validate", path)
        elapsed = time.monotonic() - start
        self.assertLess(elapsed, seconds, f"{name} took {elapsed:.1f} s")
        self.assertIn(proc.returncode, (0, 1), proc.stderr)
        self.assertNotIn("internal error", proc.stderr)
        if rule:
            self.assertIn(f"[{rule}]", proc.stderr)
        return proc

    def test_alias_bomb(self):
        text = "x-a: &a [x, x, x, x, x, x, x, x, x]\n"
        previous = "a"
        for name in "bcdefghi":
            text += f"x-{name}: &{name} [" + ", ".join(["*" + previous] * 9) + "]\n"
            previous = name
        text += "events: *i\n"
        self.check("bomb.yaml", text, "wrong-type")

    def test_hundred_thousand_nested_brackets(self):
        self.check("deep.yaml", "events: " + "[" * 100000 + "]" * 100000 + "\n", "too-deep")

    def test_nul_byte(self):
        self.check("nul.yaml", b"id: a\x00\ndate: 2024\n", None)

    def test_utf16_file(self):
        self.check("utf16.yaml", "id: a\ntitle: x\n".encode("utf-16"), "invalid-utf8")

    def test_crlf_line_endings_and_a_byte_order_mark(self):
        text = ("\ufeffactors:\r\n  - {id: IR, name: Iran}\r\n  - {id: RU, name: Russia}\r\n"
                "events:\r\n  - id: e\r\n    date: 2024-09\r\n    title: T\r\n    kind: other\r\n"
                "    from: IR\r\n    to: RU\r\n    sources: ['https://example.org/']\r\n")
        proc = self.check("crlf.yaml", text, None)
        self.assertEqual(proc.returncode, 0, proc.stderr)

    def test_empty_file_and_empty_folder(self):
        proc = self.check("empty.yaml", "", "empty-file")
        self.assertEqual(proc.returncode, 0)
        empty = self.tmp / "nothing"
        empty.mkdir()
        proc = run("validate", empty)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("[no-input]", proc.stderr)

    def test_file_over_the_size_bound(self):
        path = self.tmp / "big.yaml"
        path.write_text("x-pad: '" + "a" * 2000 + "'\n")
        proc = run("validate", path, "--max-input-bytes", "1000")
        self.assertEqual(proc.returncode, 1)
        self.assertIn("[input-too-large]", proc.stderr)


if __name__ == "__main__":
    import unittest
    unittest.main()
