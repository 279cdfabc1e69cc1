"""The fixture corpus: every invalid fixture fails where its first line says, every valid one passes.

Each file in tests/fixtures/invalid/ makes one mistake and starts with a comment
`# expect: LINE:COLUMN RULE` naming its first diagnostic once the diagnostics are sorted by
line, column and rule (warnings count too; the fixtures avoid them).
"""
import json
import re

from helpers import FIXTURES, TempDirTest, run

INVALID = FIXTURES / "invalid"
VALID = FIXTURES / "valid"
EXPECT = re.compile(rb"^# expect: (\d+):(\d+) ([a-z0-9-]+)\s*$")


def fixtures(folder):
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))


def expectation(path):
    """(line, column, rule) from the fixture's first line (read as bytes: some are not UTF-8)."""
    first = path.read_bytes().split(b"\n", 1)[0]
    match = EXPECT.match(first)
    if not match:
        raise AssertionError(f"{path.name}: the first line is not '# expect: LINE:COL RULE'")
    return int(match[1]), int(match[2]), match[3].decode()


def diagnostics(path):
    proc = run("validate", "--format", "json", path)
    return proc, json.loads(proc.stdout) if proc.stdout.strip() else []


class InvalidFixtures(TempDirTest):
    def test_there_are_enough_of_them(self):
        self.assertGreaterEqual(len(fixtures(INVALID)), 40)

    def test_each_fails_first_where_its_comment_says(self):
        for path in fixtures(INVALID):
            with self.subTest(fixture=path.name):
                line, column, rule = expectation(path)
                proc, diags = diagnostics(path)
                self.assertEqual(proc.returncode, 1, f"exit {proc.returncode}; diagnostics: {diags}")
                self.assertTrue(diags, "no diagnostics")
                first = diags[0]
                self.assertEqual((first["line"], first["column"], first["rule"]), (line, column, rule),
                                 f"all diagnostics: {[(d['line'], d['column'], d['rule']) for d in diags]}")
                self.assertEqual(first["file"], str(path))

    def test_the_error_rules_are_all_covered(self):
        # Every error rule a file's content can break; no-input, unreadable-input and
        # input-too-large depend on the command line, not on a file.
        rules = {expectation(p)[2] for p in fixtures(INVALID)}
        expected = {
            "bad-color", "bad-confidence", "bad-date", "bad-grading", "bad-id", "bad-location",
            "bad-name", "bad-number", "bad-qualifier", "bad-summary", "bad-tag", "bad-text",
            "bad-stage", "bad-title", "bad-url", "duplicate-id", "duplicate-quantity", "duplicate-key", "end-with-interval",
            "from-to-pairing", "interval-order", "invalid-utf8", "kind-clash", "missing-field",
            "no-sources", "related-self", "too-many-actors", "too-many-sources", "unknown-actor",
            "unknown-key", "unknown-kind", "unknown-related", "wrong-type", "yaml-syntax"}
        self.assertEqual(expected - rules, set())


class ValidFixtures(TempDirTest):
    def test_there_are_enough_of_them(self):
        self.assertGreaterEqual(len(fixtures(VALID)), 8)

    def test_each_validates_with_at_most_warnings(self):
        for path in fixtures(VALID):
            with self.subTest(fixture=path.name):
                proc, diags = diagnostics(path)
                self.assertEqual(proc.returncode, 0, f"exit {proc.returncode}; diagnostics: {diags}")
                self.assertEqual([d for d in diags if d["severity"] != "warning"], [])


class TenMistakes(TempDirTest):
    # (line, rule) of each mistake in tests/fixtures/ten-mistakes.yaml, in line order.
    EXPECTED = [
        (3, "bad-color"),
        (6, "kind-clash"),
        (8, "bad-id"),
        (9, "bad-date"),
        (11, "unknown-kind"),
        (13, "unknown-actor"),
        (14, "bad-number"),
        (15, "bad-confidence"),
        (16, "bad-grading"),
        (20, "unknown-key"),
    ]

    def test_every_mistake_is_reported_once_in_line_order(self):
        proc, diags = diagnostics(FIXTURES / "ten-mistakes.yaml")
        self.assertEqual(proc.returncode, 1)
        self.assertEqual(len({rule for _, rule in self.EXPECTED}), 10)
        self.assertEqual([(d["line"], d["rule"]) for d in diags], self.EXPECTED)
        self.assertEqual({d["severity"] for d in diags}, {"error"})

    def test_the_text_format_reports_the_same_ten(self):
        proc = run("validate", FIXTURES / "ten-mistakes.yaml")
        self.assertEqual(proc.returncode, 1)
        found = re.findall(r"^\S*ten-mistakes\.yaml:(\d+):\d+: error: .* \[([a-z-]+)\]$", proc.stderr,
                           re.MULTILINE)
        self.assertEqual([(int(line), rule) for line, rule in found], self.EXPECTED)
        self.assertIn("10 errors", proc.stderr)


if __name__ == "__main__":
    import unittest
    unittest.main()
