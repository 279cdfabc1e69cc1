"""`timeline import csv`: any CSV or TSV read with a mapping file (a path, or a preset shipped
in templates/mappings) becomes event files that validate and render; each preset reads a
small hand-made sample in its tracker's layout; a bad mapping file is reported at its lines
and columns with rule names."""
import json
import re

import jsonschema
import yaml

from helpers import FIXTURES, SOURCE_DIR, TempDirTest, run, tool

IMPORT = FIXTURES / "import"


class ImportCsvTest(TempDirTest):
    def import_csv(self, table, mapping, out, *extra):
        return run("import", "csv", table, "--mapping", mapping, "-o", out, *extra)

    def listed(self, folder):
        proc = run("validate", folder)
        self.assertRan(proc)
        self.assertNotIn(": error:", proc.stderr)
        return {e["title"]: e for e in json.loads(run("list", folder, "--format", "json").stdout)}

    def test_a_tsv_and_its_mapping_to_valid_events_to_a_rendered_chart(self):
        out = self.tmp / "aid"
        proc = self.import_csv(IMPORT / "aid.tsv", IMPORT / "aid-mapping.yaml", out)
        self.assertRan(proc)
        self.assertIn("2 events imported", proc.stderr)
        self.assertIn("1 row skipped", proc.stderr)
        self.assertRegex(proc.stderr, re.escape(str(IMPORT / "aid.tsv")) +
                         r":4:1: warning: the date 'bad date' is not a date in the format "
                         r"%d/%m/%Y \[unreadable-date\]")
        listed = self.listed(out)
        tanks = listed["Leopard 2 tanks from Germany"]
        self.assertEqual(tanks["date"]["text"], "2024-03-12")
        self.assertEqual(tanks["from"], ["germany"])
        self.assertEqual(tanks["to"], ["ukraine"])
        self.assertEqual([(q["value"], q["unit"], q["stage"]) for q in tanks["quantities"]],
                         [(18, "items", "delivered")])
        self.assertEqual(tanks["sources"][0]["url"], "https://example.org/leopards")
        self.assertRegex(tanks["id"], r"^row-[0-9a-f]{12}$")
        actors = (out / "actors.yaml").read_text(encoding="utf-8")
        self.assertIn('{id: "cote-d-ivoire", name: "C\u00f4te d\'Ivoire"}', actors)
        pdf = self.tmp / "aid.pdf"
        self.assertRan(run("render", out, "-o", pdf))
        self.assertIn("Leopard 2 tanks from Germany", tool("pdftotext", pdf, "-").stdout)

    def test_the_same_table_gives_the_same_bytes_and_ids(self):
        first, second = self.tmp / "a", self.tmp / "b"
        self.assertRan(self.import_csv(IMPORT / "aid.tsv", IMPORT / "aid-mapping.yaml", first))
        # The same rows, re-saved as CSV with CR LF and another row first: same ids.
        lines = (IMPORT / "aid.tsv").read_text(encoding="utf-8").splitlines()
        rows = [line.split("\t") for line in lines]
        resaved = self.tmp / "aid.csv"
        resaved.write_text("\r\n".join(",".join(f'"{c}"' for c in r)
                                       for r in [rows[0], rows[2], rows[1]]) + "\r\n",
                           encoding="utf-8")
        self.assertRan(self.import_csv(resaved, IMPORT / "aid-mapping.yaml", second))
        self.assertEqual(sorted(self.listed(first).values(), key=lambda e: e["id"])[0]["id"],
                         sorted(self.listed(second).values(), key=lambda e: e["id"])[0]["id"])
        self.assertEqual({p.name: p.read_bytes() for p in first.iterdir()},
                         {p.name: p.read_bytes() for p in second.iterdir()})

    def test_acled_preset(self):
        out = self.tmp / "acled"
        proc = self.import_csv(IMPORT / "acled-sample.csv", "acled", out)
        self.assertRan(proc)
        self.assertIn("3 events imported", proc.stderr)
        clash = self.listed(out)["Armed clash: Berdychi, Ukraine"]
        self.assertEqual(clash["id"], "acled-UKR150001")
        self.assertEqual(clash["date"]["text"], "2024-03-12")
        self.assertEqual(clash["kind"], "battle")
        self.assertEqual(clash["actors"], ["military-forces-of-russia-2000",
                                           "military-forces-of-ukraine-2019"])
        self.assertEqual(clash["location"], {"name": "Berdychi, Ukraine", "lat": 48.1902,
                                             "lon": 37.648})
        self.assertEqual([(q["value"], q["unit"]) for q in clash["quantities"]], [(3, "fatalities")])
        self.assertIn("kinds.yaml", [p.name for p in out.iterdir()])

    def test_ucdp_ged_preset(self):
        out = self.tmp / "ucdp"
        self.assertRan(self.import_csv(IMPORT / "ucdp-ged-sample.csv", "ucdp-ged", out))
        listed = self.listed(out)
        bakhmut = listed["Government of Russia (Soviet Union) - Government of Ukraine: Bakhmut town"]
        self.assertEqual(bakhmut["date"]["text"], "2023-05-01")
        self.assertEqual(bakhmut["end"]["text"], "2023-05-02")
        self.assertEqual(bakhmut["kind"], "state-based-violence")
        self.assertEqual([(q["value"], q["qualifier"]) for q in bakhmut["quantities"]],
                         [(22, "about")])
        self.assertEqual(bakhmut["sources"][1]["publisher"], "Reuters")
        odesa = listed["Government of Russia (Soviet Union) - civilians: Odesa city"]
        self.assertEqual(odesa["kind"], "one-sided-violence")
        self.assertIsNone(odesa["end"])

    def test_kiel_preset(self):
        # The sheet's own column names, a sub-activity row (no activity value, a value of its
        # own), an aid type with a blank at its end, and '.' for an amount not known.
        out = self.tmp / "kiel"
        self.assertRan(self.import_csv(IMPORT / "kiel-sample.csv", "kiel", out))
        listed = self.listed(out)
        iris = listed["Germany: Air defence (Commitment)"]
        self.assertRegex(iris["id"], r"^kiel-[0-9a-f]{12}$")
        self.assertEqual((iris["kind"], iris["from"], iris["to"]),
                         ("arms-transfer", ["germany"], ["ukraine"]))
        self.assertEqual([(q["value"], q["unit"]) for q in iris["quantities"]],
                         [(140000000, "EUR")])
        missiles = listed["Germany: Ammunition (Commitment)"]
        self.assertEqual([q["value"] for q in missiles["quantities"]], [35000000])
        self.assertNotEqual(missiles["id"], iris["id"])
        medical = listed["Poland: Medical supplies (Allocation)"]
        self.assertEqual((medical["date"]["text"], medical["kind"]),
                         ("2024-04-15", "humanitarian-aid"))
        loan = listed["T\u00fcrkiye: Loan (Commitment)"]
        self.assertEqual((loan["date"]["text"], loan["kind"], loan["quantities"]),
                         ("2024-05", "economic-support", []))
        # Ids hash what identifies a row: a revised amount keeps the row's id.
        revised = self.tmp / "revised.csv"
        revised.write_text((IMPORT / "kiel-sample.csv").read_text(encoding="utf-8")
                           .replace(",140000000,140000000,140000000,", ",150000000,150000000,150000000,"),
                           encoding="utf-8")
        again = self.tmp / "again"
        self.assertRan(self.import_csv(revised, "kiel", again))
        relisted = self.listed(again)
        self.assertEqual(relisted["Germany: Air defence (Commitment)"]["id"], iris["id"])
        self.assertEqual(relisted["Germany: Air defence (Commitment)"]["quantities"][0]["value"],
                         150000000)

    def test_a_bad_mapping_file_is_reported_where_it_is_wrong(self):
        mapping = self.tmp / "bad.yaml"
        mapping.write_text("date: {column: When, format: \"%d/%q/%Y\"}\n"
                           "titel: \"{What}\"\n"
                           "kind: arms-transfer\n"
                           "sources: [{publisher: X}]\n")
        out = self.tmp / "out"
        proc = self.import_csv(IMPORT / "aid.tsv", mapping, out)
        self.assertRan(proc, 1)
        self.assertIn(f"{mapping}:1:30: error: '%q' is not a date format field [bad-date-format]",
                      proc.stderr)
        self.assertIn(f"{mapping}:2:1: error: ", proc.stderr)
        self.assertIn("[unknown-key]", proc.stderr)
        self.assertIn("'title'", proc.stderr)
        self.assertFalse(out.exists())
        # A column the table does not have is named at the mapping's line, with the nearest.
        mapping.write_text("date: {column: Wehn, format: \"%d/%m/%Y\"}\n"
                           "title: \"{What}\"\nkind: other\nsources: [{publisher: X}]\n")
        proc = self.import_csv(IMPORT / "aid.tsv", mapping, out)
        self.assertRan(proc, 1)
        self.assertIn(f"{mapping}:1:16: error: {IMPORT / 'aid.tsv'} has no column 'Wehn' "
                      "[missing-column]", proc.stderr)
        self.assertIn("did you mean 'When'?", proc.stderr)
        self.assertRan(self.import_csv(IMPORT / "aid.tsv", "no-such-preset", out), 2)
        self.assertRan(run("import", "csv", IMPORT / "aid.tsv", "-o", out), 2)

    def test_the_presets_and_the_example_follow_the_mapping_schema(self):
        schema = json.loads((SOURCE_DIR / "schemas" / "mapping.schema.json").read_text())
        validator = jsonschema.Draft202012Validator(schema)
        presets = sorted((SOURCE_DIR / "templates" / "mappings").glob("*.yaml"))
        self.assertEqual([p.stem for p in presets], ["acled", "kiel", "ucdp-ged"])
        for path in presets + [IMPORT / "aid-mapping.yaml"]:
            errors = [e.message for e in validator.iter_errors(yaml.safe_load(path.read_text()))]
            self.assertEqual(errors, [], path.name)
        wrong = {"date": "x", "titel": "{What}", "kind": "other", "sources": {"publisher": "p"}}
        self.assertTrue(list(validator.iter_errors(wrong)))

    def test_an_option_the_format_does_not_read_is_a_usage_error(self):
        # --sheet on a CSV was ignored without a word; --mapping on sipri the same.
        out = self.tmp / "out"
        proc = self.import_csv(IMPORT / "kiel-sample.csv", "kiel", out, "--sheet", "Aid")
        self.assertRan(proc, 2)
        self.assertIn("--sheet is for import xlsx", proc.stderr)
        proc = run("import", "sipri", FIXTURES / "sipri" / "trade-register-sample.csv",
                   "--mapping", "kiel", "-o", out)
        self.assertRan(proc, 2)
        self.assertIn("takes no --mapping", proc.stderr)
        self.assertFalse(out.exists())


if __name__ == "__main__":
    import unittest
    unittest.main()
