"""What the tool prints for a person to read (diagnostics, listings, progress, usage errors)
shows every control and invisible format character of the input as a visible escape: an
event file or a file name can neither drive the terminal nor forge lines of output."""
import json
import unicodedata

from helpers import EVENTS, TempDirTest, run
from test_diagnostics import run_on_terminal

# YAML double-quoted escapes: ESC erases the line, CR returns to its start, U+009B is the
# one-byte CSI, U+202E reverses what follows, U+2066 opens an isolate, U+200B is invisible,
# U+E0041 is an invisible "tag" letter.
PAYLOAD = r"\e[2K\rvalid\x9b1m\u202eevil\u2066\u200b\U000E0041"

EVENT = """\
actors:
  - {id: IR, name: Iran}
  - {id: RU, name: Russia}
events:
  - id: e
    date: 2024-09
    title: T
    kind: arms-transfer
    from: IR
    to: RU
    sources: [{publisher: P, url: "https://example.org/"}]
"""


def hidden(text):
    """The characters of `text` that a terminal obeys or draws as nothing (but line feed)."""
    return sorted({f"U+{ord(c):04X}" for c in text
                   if c != "\n" and unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")})


def field(text, key, value):
    """EVENT with `key: value` set in the event (replacing the key when it is there)."""
    lines = [line for line in text.splitlines() if not line.startswith(f"    {key}:")]
    return "\n".join(lines) + f"\n    {key}: {value}\n"


# One file per field, each breaking a different rule with the payload inside the value.
CASES = {
    "confidence": field(EVENT, "confidence", f'"{PAYLOAD}"'),
    "date": field(EVENT, "date", f'"2024{PAYLOAD}"'),
    "end": field(EVENT, "end", f'"2025{PAYLOAD}"'),
    "source date": field(EVENT, "sources", f'[{{publisher: P, date: "{PAYLOAD}"}}]'),
    "from": field(EVENT, "from", f'"IR{PAYLOAD}"'),
    "kind": field(EVENT, "kind", f'"arms{PAYLOAD}"'),
    "related": field(EVENT, "related", f'["x{PAYLOAD}"]'),
    "tags": field(EVENT, "tags", f'["x{PAYLOAD}"]'),
    "qualifier": field(EVENT, "quantity", f'{{value: 1, unit: u, qualifier: "{PAYLOAD}"}}'),
    "value": field(EVENT, "quantity", f'{{value: "{PAYLOAD}", unit: u}}'),
    "priority": field(EVENT, "priority", f'"{PAYLOAD}"'),
    "unknown key": field(EVENT, f'"k{PAYLOAD}"', "1"),
}


class DiagnosticsShowEscapes(TempDirTest):
    def assertVisible(self, text):
        self.assertEqual(hidden(text), [], text)
        self.assertIn(r"\x1b", text)
        self.assertIn(r"\u202e", text)

    def test_every_field_echoed_in_a_diagnostic_is_escaped(self):
        for name, text in CASES.items():
            with self.subTest(field=name):
                path = self.tmp / "e.yaml"
                path.write_text(text)
                proc = run("validate", path)
                self.assertEqual(proc.returncode, 1, proc.stderr)
                self.assertVisible(proc.stderr)
                self.assertIn(r"\u009b", proc.stderr)
                self.assertIn(r"\U000e0041", proc.stderr)
                # Every line is a diagnostic, a hint, a note or the summary: none was erased.
                self.assertRegex(proc.stderr.splitlines()[-1], r"^\d+ errors?\b")

    def test_json_diagnostics_keep_the_value_exactly(self):
        path = self.tmp / "e.yaml"
        path.write_text(CASES["confidence"])
        proc = run("validate", "--format", "json", path)
        self.assertEqual(hidden(proc.stdout), [], proc.stdout)
        message = json.loads(proc.stdout)[0]["message"]
        self.assertIn("\x1b[2K\rvalid\x9b1m\u202eevil\u2066\u200b\U000E0041", message)

    def test_a_file_name_cannot_forge_diagnostics(self):
        folder = self.tmp / "d"
        folder.mkdir()
        for name in ("a\nforged.yaml:1:1: error: forged [x]\n.yaml", "b\x1b[2K\u202e.yaml"):
            with self.subTest(name=name):
                path = folder / name
                path.write_text("id: [\n")
                proc = run("validate", path)
                self.assertEqual(proc.returncode, 1, proc.stderr)
                self.assertEqual(hidden(proc.stderr), [], proc.stderr)
                for line in proc.stderr.splitlines():
                    self.assertFalse(line.startswith("forged.yaml:1:1: error:"), proc.stderr)
                self.assertIn(r"a\nforged.yaml" if "forged" in name else r"b\x1b[2K\u202e.yaml",
                              proc.stderr)
                path.unlink()

    def test_the_source_line_on_a_terminal_is_escaped_but_keeps_its_tabs(self):
        # Raw bytes in the file: the pre-scan refuses the ESC, and shows the line it is on.
        path = self.tmp / "e.yaml"
        path.write_bytes(EVENT.replace("title: T", "title: \"T\t\x1b]0;owned\x07\u202ex\"")
                         .encode())
        code, text = run_on_terminal("validate", path, env={"NO_COLOR": "1"})
        self.assertEqual(code, 1)
        self.assertEqual(hidden(text.replace("\t", "")), [], text)
        self.assertIn("\\x1b]0;owned\\x07\\u202ex", text)
        lines = text.splitlines()
        source = next(i for i, line in enumerate(lines) if "owned" in line)
        self.assertIn("\t", lines[source])
        # The caret stands under the ESC, counting its escape's width.
        self.assertEqual(lines[source + 1].index("^"), lines[source].index("\\x1b"), text)


class OtherOutputShowsEscapes(TempDirTest):
    def setUp(self):
        super().setUp()
        self.events = self.tmp / "e.yaml"
        self.events.write_text(field(EVENT, "title", '"Rial \\u202edesrever \\u200bx"'))

    def test_list_text_escapes_invisible_characters_and_json_keeps_them(self):
        proc = run("list", self.events)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(hidden(proc.stdout), [], proc.stdout)
        self.assertIn(r"Rial \u202edesrever \u200bx", proc.stdout)
        listed = run("list", "--format", "json", self.events)
        self.assertEqual(hidden(listed.stdout), [], listed.stdout)
        self.assertEqual(json.loads(listed.stdout)[0]["title"], "Rial \u202edesrever \u200bx")

    def test_the_wrote_line_escapes_the_output_names(self):
        pdf = self.tmp / "out\x1b[2K\u202e.pdf"
        proc = run("render", self.events, "-o", pdf)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertTrue(pdf.exists())
        self.assertEqual(hidden(proc.stderr), [], proc.stderr)
        self.assertIn(r"out\x1b[2K\u202e.pdf", proc.stderr)

    def test_progress_escapes_the_name_it_is_writing(self):
        pdf = self.tmp / "out\x1b[2K\u202e.pdf"
        code, shown = run_on_terminal("render", EVENTS, "-o", pdf,
                                      env={"NO_COLOR": "1", "TIMELINE_PROGRESS_AFTER_MS": "0"})
        self.assertEqual(code, 0, shown)
        self.assertIn(r"writing " + str(self.tmp) + r"/out\x1b[2K\u202e.pdf", shown)
        # The progress line's own "return, erase the line" is the only control sequence.
        self.assertEqual(hidden(shown.replace("\r\x1b[K", "")), [], repr(shown))

    def test_usage_errors_escape_the_value_they_echo(self):
        for code, *args in ((2, "list", "--format", "x\x1b[2K\u202e"),
                            (2, "list", self.events, "--actor", "x\x1b[2K\u202e"),
                            (2, "list", self.events, "--from", "x\x1b[2K\u202e"),
                            (2, "list", self.events, "--confidence", "x\x1b[2K\u202e"),
                            (3, "render", self.events, "-o", self.tmp / "x\x1b[2K\u202e.pdf",
                             "-o", self.tmp / "x\x1b[2K\u202e.pdf"),
                            (2, "render", self.events, "-o", "x.pdf", "--today",
                             "\x1b[2K\u202e")):
            with self.subTest(args=args):
                proc = run(*args)
                self.assertEqual(proc.returncode, code, proc.stderr)
                self.assertEqual(hidden(proc.stderr), [], proc.stderr)
                self.assertIn(r"\x1b[2K\u202e", proc.stderr)

    def test_a_missing_template_is_named_escaped(self):
        proc = run("render", self.events, "-o", self.tmp / "x.pdf", "-t", "no\x1b[2K\u202e")
        self.assertEqual(proc.returncode, 1, proc.stderr)
        self.assertEqual(hidden(proc.stderr), [], proc.stderr)
        self.assertIn(r"no\x1b[2K\u202e", proc.stderr)


if __name__ == "__main__":
    import unittest
    unittest.main()
