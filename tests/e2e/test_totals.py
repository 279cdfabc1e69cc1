"""`timeline totals` adds quantities as an analyst would by hand: each supplier's euros on the
Kiel tracker match a sum computed here from the YAML files, to the cent; units are never
mixed; shared events, bounds and missing amounts are said, not hidden."""
import csv
import io
import json
import unittest
from collections import defaultdict
from decimal import Decimal

import yaml

from helpers import KIEL, TempDirTest, run


class DecimalLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """yaml.safe_load (libyaml's when there), but a number is read as the Decimal written
    ("90752.69"), never a double."""


DecimalLoader.add_constructor("tag:yaml.org,2002:float",
                              lambda loader, node: Decimal(loader.construct_scalar(node)))
DecimalLoader.add_constructor("tag:yaml.org,2002:int",
                              lambda loader, node: Decimal(loader.construct_scalar(node)))


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def independent_eur_sums(folder):
    """Per supplier: (EUR sum, events, events without an amount), each event in full for
    each of its suppliers; computed from the files alone."""
    sums = defaultdict(Decimal)
    events = defaultdict(int)
    without = defaultdict(int)
    for path in sorted(folder.rglob("*.yaml")):
        for doc in yaml.load_all(path.read_text(encoding="utf-8"), Loader=DecimalLoader):
            for event in (doc or {}).get("events", []):
                quantities = [q for q in as_list(event.get("quantity"))
                              if str(q["unit"]).lower() == "eur"]
                for supplier in dict.fromkeys(as_list(event.get("from"))):
                    events[supplier] += 1
                    if not quantities:
                        without[supplier] += 1
                    for q in quantities[:1]:
                        sums[supplier] += q["value"]
    return sums, events, without


def with_separators(amount):
    """Decimal("1234567.50") as the text table writes it: "1,234,567.50"."""
    return f"{amount:,}"


@unittest.skipUnless(KIEL.is_dir(), f"no Kiel data at {KIEL}")
class KielTotals(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.expected, cls.events, cls.without = independent_eur_sums(KIEL)
        proc = run("totals", KIEL, "--by", "supplier", "--format", "json")
        assert proc.returncode == 0, proc.stderr
        cls.json = json.loads(proc.stdout, parse_float=Decimal)
        proc = run("totals", KIEL, "--by", "supplier")
        assert proc.returncode == 0, proc.stderr
        cls.text = proc.stdout

    def test_every_suppliers_euros_match_an_independent_sum_to_the_cent(self):
        rows = {row["supplier"]: row for row in self.json["rows"]}
        self.assertEqual(set(rows), set(self.events))
        for supplier, expected in self.expected.items():
            with self.subTest(supplier=supplier):
                eur = rows[supplier]["sums"]["EUR"]
                self.assertEqual(eur["sum"], expected)
                self.assertEqual(eur["qualifier"], "exact")
        for supplier, row in rows.items():
            with self.subTest(supplier=supplier):
                self.assertEqual(row["events"], self.events[supplier])
                self.assertEqual(row["without_amount"], self.without[supplier])
        # Kiel names one supplier per row: the rows add up to the total exactly.
        self.assertEqual(self.json["several_suppliers"], 0)
        self.assertEqual(self.json["total"]["sums"]["EUR"]["sum"], sum(self.expected.values()))
        self.assertEqual(self.json["total"]["events"], sum(self.events.values()))
        self.assertEqual([u["name"] for u in self.json["units"]], ["EUR"])

    def test_a_reader_sees_each_supplier_by_name_with_its_euros_to_the_cent(self):
        lines = self.text.splitlines()
        total = sum(self.events.values())
        self.assertTrue(lines[0].startswith(f"Totals by supplier of {total:,} events;"),
                        lines[0])
        header = lines[2].split()
        self.assertEqual(header, ["supplier", "EUR", "events", "no", "amount"])
        # The largest donor first, by name, its sum with separators and cents.
        names = {a["id"]: a["name"] for a in
                 yaml.safe_load((KIEL / "actors.yaml").read_text(encoding="utf-8"))["actors"]}
        top = max(self.expected, key=self.expected.get)
        self.assertTrue(lines[3].startswith(names[top] + "  "), lines[3])
        self.assertIn(with_separators(self.expected[top]), lines[3])
        germany = next(line for line in lines if line.startswith("Germany "))
        self.assertIn(with_separators(self.expected["germany"]), germany)
        last = next(line for line in lines if line.startswith("total "))
        self.assertTrue(last.startswith("total "), last)
        self.assertIn(with_separators(sum(self.expected.values())), last)
        # Figures are right-aligned: every EUR cell ends where the header "EUR" ends.
        end = lines[2].index("EUR") + len("EUR")
        for line in lines[3:lines.index(last) + 1]:
            self.assertTrue(line[end - 1].isdigit() or line[end - 1] == "-", line)

    def test_the_total_by_year_is_the_same_euros_split_by_date(self):
        proc = run("totals", KIEL, "--by", "year", "--format", "csv")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        rows = list(csv.DictReader(io.StringIO(proc.stdout)))
        years = [r["year"] for r in rows if r["row"] == "group"]
        self.assertEqual(years, sorted(years))
        total = next(r for r in rows if r["row"] == "total")
        self.assertEqual(Decimal(total["EUR"]), sum(self.expected.values()))
        self.assertEqual(sum(Decimal(r["EUR"] or 0) for r in rows if r["row"] == "group"),
                         Decimal(total["EUR"]))


def independent_eur_sums_by_tag(folder, tags):
    """Per (supplier, tag): the EUR sum of events carrying that tag (the first of `tags` an
    event carries), from the files alone."""
    sums = defaultdict(Decimal)
    for path in sorted(folder.rglob("*.yaml")):
        for doc in yaml.load_all(path.read_text(encoding="utf-8"), Loader=DecimalLoader):
            for event in (doc or {}).get("events", []):
                tag = next((t for t in tags if t in as_list(event.get("tags"))), None)
                for q in as_list(event.get("quantity"))[:1]:
                    if tag and str(q["unit"]).lower() == "eur":
                        for supplier in dict.fromkeys(as_list(event.get("from"))):
                            sums[(supplier, tag)] += q["value"]
    return sums


@unittest.skipUnless(KIEL.is_dir(), f"no Kiel data at {KIEL}")
class KielPledgedAgainstDelivered(unittest.TestCase):
    """Kiel tags its rows `commitment` (pledged) and `allocation` (delivered or earmarked)
    rather than giving a stage: --stage-tag reads the stage from the tag, so the sums tell
    the two apart instead of adding commitments and allocations of the same aid."""

    def test_each_suppliers_pledged_and_delivered_euros_match_the_tagged_rows_to_the_cent(self):
        expected = independent_eur_sums_by_tag(KIEL, ["commitment", "allocation"])
        proc = run("totals", KIEL, "--by", "supplier", "--by", "stage", "--unit", "EUR",
                   "--stage-tag", "pledged=commitment", "--stage-tag", "delivered=allocation",
                   "--format", "json")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        rows = json.loads(proc.stdout, parse_float=Decimal)["rows"]
        stage_of = {"pledged": "commitment", "delivered": "allocation"}
        seen = 0
        for row in rows:
            if row["stage"] not in stage_of:
                self.assertNotIn("EUR", {k for k, v in row["sums"].items() if v})
                continue
            with self.subTest(supplier=row["supplier"], stage=row["stage"]):
                self.assertEqual(row["sums"]["EUR"]["sum"],
                                 expected[(row["supplier"], stage_of[row["stage"]])])
                seen += 1
        self.assertEqual(seen, len(expected))
        us = {row["stage"]: row["sums"]["EUR"]["sum"] for row in rows
              if row["supplier"] == "united-states" and row["stage"] in stage_of}
        # Kiel's own figure for US commitments in its May 2024 update was EUR 98.7 billion.
        self.assertEqual(round(us["pledged"] / Decimal(10) ** 9, 1), Decimal("98.3"))
        self.assertLess(us["delivered"], us["pledged"])

    def test_a_stage_tag_that_is_not_stage_equals_tag_or_names_no_tag_is_a_usage_error(self):
        for bad in ("commitment", "promised=commitment", "pledged="):
            with self.subTest(bad=bad):
                proc = run("totals", KIEL, "--stage-tag", bad)
                self.assertEqual(proc.returncode, 2, proc.stderr)
                self.assertIn("STAGE=TAG", proc.stderr)
        proc = run("list", KIEL, "--stage-tag", "pledged=comitment")
        self.assertEqual(proc.returncode, 2, proc.stderr)
        self.assertIn("did you mean 'commitment'?", proc.stderr)


EVENTS = """\
actors:
  - {id: FR, name: France}
  - {id: DE, name: Germany}
  - {id: UA, name: Ukraine}
events:
  - {id: joint, date: 2024-05-02, title: Joint package, kind: arms-transfer, from: [FR, DE],
     to: UA, quantity: {value: 100.10, unit: EUR}, sources: [https://example.org/]}
  - {id: german, date: 2024-06-01, title: German package, kind: arms-transfer, from: DE,
     to: UA, quantity: {value: 50.05, unit: EUR, qualifier: more-than}, sources: [https://example.org/]}
  - {id: tanks, date: 2024, title: Tanks, kind: arms-transfer, from: DE, to: UA,
     quantity: {value: 4, unit: Tank}, sources: [https://example.org/]}
  - {id: more-tanks, date: 2024-07, title: More tanks, kind: arms-transfer, from: FR, to: UA,
     quantity: {value: 6, unit: tanks, qualifier: about}, sources: [https://example.org/]}
  - {id: talks, date: 2024-07-03, title: Talks, kind: diplomatic, from: FR, to: UA,
     sources: [https://example.org/]}
"""


class Totals(TempDirTest):
    def setUp(self):
        super().setUp()
        self.file = self.tmp / "events.yaml"
        self.file.write_text(EVENTS)

    def totals(self, *args, code=0):
        proc = run("totals", self.file, *args)
        self.assertEqual(proc.returncode, code, proc.stderr)
        return proc

    def test_a_shared_event_counts_in_each_suppliers_row_and_once_in_the_total(self):
        text = self.totals("--by", "supplier").stdout
        lines = text.splitlines()
        self.assertEqual(lines[2].split(), ["supplier", "EUR", "Tank", "events", "no", "amount"])
        germany = next(line for line in lines if line.startswith("Germany"))
        france = next(line for line in lines if line.startswith("France"))
        total = next(line for line in lines if line.startswith("total"))
        self.assertEqual(germany.split(), ["Germany", "at", "least", "150.15", "4", "3", "0"])
        self.assertEqual(france.split(), ["France", "100.10", "about", "6", "3", "1"])
        self.assertEqual(total.split(), ["total", "at", "least", "150.15", "about", "10", "5", "1"])
        self.assertIn("Note: 1 event names several suppliers: each supplier's row counts it in "
                      "full, the total once", text)
        self.assertIn("Note: 'Tank' adds up Tank, tanks as one unit.", text)
        self.assertIn("'at least': a more-than value is in the sum, so the true figure may be "
                      "higher; 'about': an about value is in the sum.", text)
        self.assertNotIn("'at most'", text)  # only the qualifiers met are explained

    def test_json_and_csv_carry_exact_sums_qualifiers_and_missing_amounts(self):
        data = json.loads(self.totals("--by", "supplier", "--format", "json").stdout,
                          parse_float=Decimal)
        self.assertEqual(data["total"]["sums"]["EUR"],
                         {"sum": Decimal("150.15"), "qualifier": "at-least", "events": 2})
        self.assertEqual(data["total"]["sums"]["Tank"]["qualifier"], "about")
        self.assertEqual(data["several_suppliers"], 1)
        france = next(r for r in data["rows"] if r["supplier"] == "FR")
        self.assertEqual(france["without_amount"], 1)
        rows = list(csv.DictReader(io.StringIO(self.totals("--by", "supplier", "--format",
                                                           "csv").stdout)))
        self.assertEqual([r["supplier"] for r in rows], ["DE", "FR", ""])
        self.assertEqual(rows[-1]["row"], "total")
        self.assertEqual((rows[0]["EUR"], rows[0]["EUR qualifier"]), ("150.15", "at-least"))

    def test_a_month_breakdown_puts_a_year_only_date_in_a_row_of_its_own(self):
        lines = self.totals("--by", "month", "--unit", "tanks").stdout.splitlines()
        end = next(i for i, line in enumerate(lines) if line.startswith("total"))
        rows = [line.split("  ")[0] for line in lines[3:end]]
        self.assertEqual(rows, ["2024-05", "2024-06", "2024-07", "2024, month unknown"])
        self.assertIn("Tank", lines[2])
        self.assertNotIn("EUR", "\n".join(lines))  # --unit leaves out every other unit

    def test_pledged_and_delivered_are_rows_of_their_own_and_one_figure_in_the_total(self):
        staged = self.tmp / "staged.yaml"
        staged.write_text(EVENTS.split("events:")[0] + """events:
  - {id: deal, date: 2024-03, title: Deal, kind: arms-transfer, from: DE, to: UA,
     quantity: [{value: 100, unit: aircraft, stage: pledged},
                {value: 60, unit: aircraft, stage: delivered}],
     sources: [https://example.org/]}
  - {id: more, date: 2024-04, title: More, kind: arms-transfer, from: DE, to: UA,
     quantity: {value: 10, unit: aircraft, stage: delivered}, sources: [https://example.org/]}
""")
        proc = run("totals", staged, "--by", "stage")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        lines = proc.stdout.splitlines()
        self.assertEqual([line.split() for line in lines[2:6]], [
            ["stage", "aircraft", "events", "no", "amount"],
            ["pledged", "100", "1", "0"],
            ["delivered", "70", "2", "0"],
            ["total", "110", "2", "0"]])
        self.assertIn("Note: 1 event states one unit at several stages: each stage's row has its "
                      "own figure; the total counts one per event and unit", proc.stdout)
        proc = run("totals", staged, "--format", "json")
        self.assertEqual(json.loads(proc.stdout)["total"]["sums"]["aircraft"]["sum"], 110)

    def test_usage_errors_exit_2_and_invalid_input_1(self):
        proc = self.totals("--unit", "tankz", code=2)
        self.assertIn("did you mean", proc.stderr)
        self.totals("--by", "supplier", "--by", "supplier", code=2)
        self.totals("--by", "donor", code=2)
        self.totals("--actor", "XX", code=2)
        (self.tmp / "bad.yaml").write_text("events:\n  - id: x\n")
        proc = run("totals", self.tmp / "bad.yaml")
        self.assertEqual(proc.returncode, 1)


if __name__ == "__main__":
    unittest.main()
