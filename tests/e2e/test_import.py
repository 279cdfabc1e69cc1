"""`timeline import sipri`: SIPRI's trade register, exactly as SIPRI exports it (Latin-1,
notes before the header, '?' columns, delivery years), becomes event files that validate
with no error and render; the import is deterministic, never overwrites without --force,
and names every row it skips."""
import json
import re
import subprocess
import sys
import unittest

from helpers import FIXTURES, SOURCE_DIR, TempDirTest, run, tool

SAMPLE = FIXTURES / "sipri" / "trade-register-sample.csv"

NOTES = (
    "Transfers of major conventional arms from All countries  to All countries .\n"
    "A '?' in a column indicates uncertain data.\n"
    "Source: SIPRI Arms Transfers Database (c) SIPRI.\n"
    "Data generated: 13 Mar 2025 10:02:49 AM\n"
    "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,"
    "Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,"
    "SIPRI TIV for total order,SIPRI TIV of delivered weapons\n")


def folder_bytes(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


class ImportSipriTest(TempDirTest):
    def import_sample(self, out, *extra):
        return run("import", "sipri", SAMPLE, "-o", out, *extra)

    def test_sample_register_to_valid_events_to_a_rendered_chart(self):
        out = self.tmp / "sipri"
        proc = self.import_sample(out)
        self.assertRan(proc)
        self.assertIn("400 deals imported", proc.stderr)
        self.assertIn("0 rows skipped", proc.stderr)
        proc = run("validate", out)
        self.assertRan(proc)
        self.assertNotIn("error", proc.stderr)

        events = json.loads(run("list", out, "--format", "json").stdout)
        self.assertEqual(len(events), 400)
        self.assertEqual(len({e["id"] for e in events}), 400)
        listed = {e["title"]: e for e in events}
        shmel = listed["Shmel (anti-tank missile)"]
        self.assertEqual(shmel["date"]["text"], "1961?")
        self.assertTrue(shmel["date"]["uncertain"])
        self.assertEqual(shmel["end"]["text"], "1964")
        self.assertEqual(shmel["from"], ["soviet-union"])
        self.assertEqual(shmel["to"], ["afghanistan"])
        self.assertEqual(shmel["confidence"], "assessed")
        self.assertEqual(
            [(q["value"], q["unit"], q["qualifier"], q["stage"]) for q in shmel["quantities"]],
            [(250, "anti-tank missiles", "about", "pledged"),
             (250, "anti-tank missiles", "exact", "delivered"),
             (2500000, "TIV", "about", "pledged"),
             (2500000, "TIV", "exact", "delivered")])
        self.assertEqual(shmel["sources"][0]["publisher"], "SIPRI Arms Transfers Database")
        self.assertEqual(shmel["sources"][0]["date"], "2025-03-13")
        # Latin-1 names arrive as the characters SIPRI meant.
        self.assertIn("Sj\u00f6ormen (submarine)", listed)
        self.assertTrue(any("W\u00e4rtsil\u00e4-16V25" in e["summary"] for e in events))
        # Deliveries still to come: an open interval.
        self.assertEqual(listed["Rafale F4 (FGA aircraft)"]["end"]["text"], "..")
        actors = (out / "actors.yaml").read_text(encoding="utf-8")
        self.assertIn('{id: "unknown-supplier-s", name: "unknown supplier(s)"}', actors)
        self.assertIn('{id: "syria-rebels", name: "Syria rebels*"}', actors)

        pdf = self.tmp / "sipri.pdf"
        self.assertRan(run("render", out, "-o", pdf, "--actor", "soviet-union"))
        text = tool("pdftotext", pdf, "-").stdout
        self.assertIn("Shmel (anti-tank missile)", text)

    def test_a_supplier_of_long_labels_draws_every_label_on_its_page(self):
        # France's deals carry long quantities ("2 submarines pledged, 2 delivered; 110
        # million TIV ..."): a label an arrow moved left of its bar was measured without
        # its quantity and drawn 129 pt past the page's left edge.
        out = self.tmp / "sipri"
        self.assertRan(self.import_sample(out))
        scene = self.tmp / "france.json"
        proc = run("render", out, "--actor", "france", "-o", self.tmp / "france.pdf",
                   "--scene", scene)
        self.assertRan(proc)
        self.assertNotIn("page-too-small", proc.stderr)
        doc = json.loads(scene.read_text())
        for page in [doc] + doc.get("pages", []):
            for item in page["items"]:
                if item["type"] == "text":
                    self.assertGreaterEqual(item["x"], 0, item["text"])
                    self.assertLessEqual(item["x"] + item["width"], page["width"] + 0.5,
                                         item["text"])

    def test_importing_again_gives_the_same_bytes(self):
        first, second = self.tmp / "a", self.tmp / "b"
        self.assertRan(self.import_sample(first))
        self.assertRan(self.import_sample(second))
        self.assertEqual(folder_bytes(first), folder_bytes(second))
        self.assertRan(self.import_sample(first, "--force"))
        self.assertEqual(folder_bytes(first), folder_bytes(second))
        # The register re-saved by a spreadsheet (UTF-8 with a BOM, CR LF) is the same data.
        resaved = self.tmp / "resaved.csv"
        text = SAMPLE.read_bytes().decode("latin-1").replace("\n", "\r\n")
        resaved.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
        third = self.tmp / "c"
        self.assertRan(run("import", "sipri", resaved, "-o", third))
        self.assertEqual(folder_bytes(third), folder_bytes(first))

    def test_an_existing_file_is_never_replaced_without_force(self):
        out = self.tmp / "out"
        out.mkdir()
        (out / "actors.yaml").write_text("# mine\n")
        proc = self.import_sample(out)
        self.assertRan(proc, 2)
        self.assertIn("actors.yaml exists", proc.stderr)
        self.assertIn("--force", proc.stderr)
        self.assertEqual([p.name for p in out.iterdir()], ["actors.yaml"])
        self.assertEqual((out / "actors.yaml").read_text(), "# mine\n")
        (out / "from-gone.yaml").write_text("events: []\n")
        proc = self.import_sample(out, "--force")
        self.assertRan(proc)
        self.assertNotEqual((out / "actors.yaml").read_text(), "# mine\n")
        # --force replaces only what the import writes; an event file it did not write is named.
        self.assertEqual((out / "from-gone.yaml").read_text(), "events: []\n")
        self.assertIn(f"{out / 'from-gone.yaml'}: warning: this import wrote no such file", proc.stderr)
        self.assertIn("[stale-file]", proc.stderr)
        self.assertFalse([p for p in out.iterdir() if p.name.startswith(".")])

    def test_a_bad_row_is_named_at_its_line_and_counted(self):
        register = self.tmp / "register.csv"
        register.write_bytes((NOTES +
                              "Albania,Soviet Union,1956,?,1,,Il-14,transport aircraft,1,,1957,New,,4,4,4\n"
                              "Albania,Soviet Union,1956,?,1,,Il-14\n"
                              "\n"
                              "Spain,France,19x0,,2,,Daphn\xe9,submarine,2,,1975,New,,55,110,110\n"
                              ).encode("latin-1"))
        proc = run("import", "sipri", register, "-o", self.tmp / "out")
        self.assertRan(proc)
        self.assertRegex(proc.stderr, re.escape(str(register)) + r":7:1: warning: the row has 7 "
                         r"fields, the header 16; the row is skipped \[bad-row\]")
        self.assertRegex(proc.stderr, re.escape(str(register)) + r":9:14: warning: .*19x0.* \[bad-year\]")
        self.assertIn("1 deal imported", proc.stderr)
        self.assertIn("2 rows skipped", proc.stderr)
        self.assertRan(run("validate", self.tmp / "out"))

    def test_a_file_that_is_not_a_register_is_invalid_input(self):
        other = self.tmp / "other.csv"
        other.write_text("id,date,title\n1,2024,x\n")
        proc = run("import", "sipri", other, "-o", self.tmp / "out")
        self.assertRan(proc, 1)
        self.assertIn("[not-a-register]", proc.stderr)
        self.assertFalse((self.tmp / "out").exists())
        self.assertRan(run("import", "sipri", self.tmp / "missing.csv", "-o", self.tmp / "out"), 3)
        self.assertRan(run("import", "acled", other, "-o", self.tmp / "out"), 2)

    def test_the_bench_register_is_in_sipri_layout_and_imports_whole(self):
        # bench/generate_sipri.py writes the register `make bench` imports: every row must be
        # a deal, and the events valid, or the bench would time something else.
        register = self.tmp / "register.csv"
        subprocess.run([sys.executable, SOURCE_DIR / "bench" / "generate_sipri.py", "--rows", "300",
                        "--out", register], check=True, capture_output=True)
        raw = register.read_bytes()
        self.assertRaises(UnicodeDecodeError, raw.decode, "utf-8")  # Latin-1, as SIPRI's
        self.assertIn(b"\nData generated: ", raw)
        proc = run("import", "sipri", register, "-o", self.tmp / "out")
        self.assertRan(proc)
        self.assertIn("300 deals imported", proc.stderr)
        self.assertIn("0 rows skipped", proc.stderr)
        self.assertNotIn("warning", proc.stderr)
        proc = run("validate", self.tmp / "out")
        self.assertRan(proc)
        self.assertNotIn("error", proc.stderr)


if __name__ == "__main__":
    unittest.main()
