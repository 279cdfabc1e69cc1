"""`list --format json|csv` carries every field of an event (the spec's Listing, version 1.1):
quantities with value, unit, qualifier, total and stage in the order written, summary,
location as written, grading, related; numbers that read back exactly."""
import csv
import io
import json
import re
import unittest

from helpers import FIXTURES, KIEL, TempDirTest, run

FIXTURE = FIXTURES / "valid" / "quantity-lists-and-stages.yaml"


def quantity(value, unit, qualifier="exact", total=None, stage=None):
    return {"value": value, "unit": unit, "qualifier": qualifier, "total": total, "stage": stage}


def source(publisher=None, title=None, url=None, date=None, quote=None):
    return {"publisher": publisher, "title": title, "url": url, "date": date, "quote": quote}


# What the fixture says, written out by hand, event by event in timeline order.
EXPECTED = {
    "f16-pledged-delivered": {
        "title": "Partners pledge 100 aircraft, 60 delivered", "kind": "arms-transfer",
        "from": ["US"], "to": ["UA"], "actors": [], "confidence": "reported",
        "summary": "Ordered in 2023; deliveries ran through 2024.",
        "location": {"name": "Odesa", "lat": 46.48, "lon": 30.73}, "grading": "B2",
        "tags": ["aircraft"], "related": ["german-aid-2024"],
        "quantities": [quantity(100, "aircraft", stage="pledged"),
                       quantity(60, "aircraft", "about", stage="delivered")],
        "sources": [source("Kiel Institute", "Ukraine Support Tracker", "https://www.ifw-kiel.de/",
                           "2024-12", "pledged 100, delivered 60")],
        "line": 10,
    },
    "german-aid-2024": {
        "title": "Germany commits EUR 23.4 million and 40 tanks", "kind": "economic-support",
        "from": ["DE"], "to": ["UA"], "actors": [], "confidence": "reported",
        "summary": None, "location": "Berlin", "grading": None, "tags": [],
        "related": ["f16-pledged-delivered"],
        "quantities": [quantity(23417159.98, "EUR", stage="announced"),
                       quantity(40, "tanks", "more-than", stage="pledged"),
                       quantity(12, "tanks"), quantity(12, "tanks", stage="delivered")],
        "sources": [source("Reuters"),
                    source("Ministry; of Defence", url="https://example.org/a?b=1;c=2")],
        "line": 31,
    },
    "troops-total-delivered": {
        "title": "Training of 1,500 troops delivered toward 10,000", "kind": "personnel",
        "from": ["DE"], "to": ["UA"], "actors": [], "confidence": "reported",
        "summary": None, "location": None, "grading": None, "tags": [], "related": [],
        "quantities": [quantity(1500, "troops", total=10000, stage="delivered")],
        "sources": [source(url="https://example.org/troops")],
        "line": 48,
    },
    "no-quantity-yet": {
        "title": "A package whose size is not yet known", "kind": "arms-transfer",
        "from": ["US"], "to": ["UA"], "actors": [], "confidence": "reported",
        "summary": None, "location": None, "grading": None, "tags": [], "related": [],
        "quantities": [], "sources": [source(url="https://example.org/unknown")],
        "line": 57,
    },
}
# Timeline order: by the earliest day of the start (2023-08, 2024, 2024-03-15, 2024-05).
ORDER = ["f16-pledged-delivered", "troops-total-delivered", "german-aid-2024", "no-quantity-yet"]
SPEC_FIELDS = {"id", "title", "kind", "date", "end", "from", "to", "actors", "confidence", "tags",
               "sources", "file", "line", "summary", "location", "grading", "related",
               "quantities"}


def number_cell(text):
    """A CSV number cell as Python reads it: empty is None, digits must read back exactly."""
    if text == "":
        return None
    value = float(text)
    return int(value) if value.is_integer() and "." not in text else value


class JsonListing(TempDirTest):
    def test_carries_every_field_of_the_spec_with_quantities_in_the_order_written(self):
        proc = run("list", FIXTURE, "--format", "json")
        self.assertRan(proc)
        events = json.loads(proc.stdout)
        self.assertEqual([e["id"] for e in events], ORDER)
        for event in events:
            with self.subTest(event=event["id"]):
                self.assertEqual(set(event), SPEC_FIELDS)
                want = EXPECTED[event["id"]]
                got = {key: event[key] for key in want}
                self.assertEqual(got, want)
                self.assertEqual(event["file"], str(FIXTURE))

    def test_numbers_are_written_as_numerals_that_read_back_exactly(self):
        proc = run("list", FIXTURE, "--format", "json")
        self.assertRan(proc)
        self.assertIn('"value": 23417159.98,', proc.stdout)
        self.assertNotRegex(proc.stdout, r"\d[eE][+-]?\d")
        values = [q["value"] for e in json.loads(proc.stdout) for q in e["quantities"]]
        self.assertIn(23417159.98, values)


class CsvListing(TempDirTest):
    def rows(self):
        proc = run("list", FIXTURE, "--format", "csv")
        self.assertRan(proc)
        return list(csv.reader(io.StringIO(proc.stdout)))

    def test_one_column_per_field_with_numbered_quantities_and_sources(self):
        header, *rows = self.rows()
        fixed = ["id", "date", "earliest", "latest", "precision", "title", "kind", "from", "to",
                 "actors", "confidence", "tags", "related", "summary", "grading", "location_name",
                 "location_lat", "location_lon", "file", "line"]
        # As many groups as the event with the most: four quantities, two sources.
        quantity_columns = [f"quantity{i}_{c}" for i in range(1, 5)
                            for c in ("value", "unit", "qualifier", "total", "stage")]
        source_columns = [f"source{i}_{c}" for i in range(1, 3)
                          for c in ("publisher", "title", "url", "date", "quote")]
        self.assertEqual(header, fixed + quantity_columns + source_columns)
        self.assertTrue(all(len(row) == len(header) for row in rows))

    def test_every_field_reads_back_as_written(self):
        header, *rows = self.rows()
        records = [dict(zip(header, row)) for row in rows]
        self.assertEqual([r["id"] for r in records], ORDER)
        for record in records:
            want = EXPECTED[record["id"]]
            with self.subTest(event=record["id"]):
                for key in ("title", "kind", "confidence"):
                    self.assertEqual(record[key], want[key])
                for key in ("from", "to", "actors", "tags", "related"):
                    self.assertEqual(record[key], ";".join(want[key]))
                self.assertEqual(record["summary"], want["summary"] or "")
                self.assertEqual(record["grading"], want["grading"] or "")
                place = want["location"]
                if isinstance(place, str):
                    place = {"name": place, "lat": None, "lon": None}
                place = place or {"name": None, "lat": None, "lon": None}
                self.assertEqual(record["location_name"], place["name"] or "")
                self.assertEqual(number_cell(record["location_lat"]), place["lat"])
                self.assertEqual(number_cell(record["location_lon"]), place["lon"])
                self.assertEqual(record["file"], str(FIXTURE))
                self.assertEqual(int(record["line"]), want["line"])
                for i in range(4):
                    q = want["quantities"][i] if i < len(want["quantities"]) else None
                    cell = {c: record[f"quantity{i + 1}_{c}"]
                            for c in ("value", "unit", "qualifier", "total", "stage")}
                    if q is None:
                        self.assertEqual(set(cell.values()), {""})
                        continue
                    self.assertEqual(number_cell(cell["value"]), q["value"])
                    self.assertEqual(cell["unit"], q["unit"])
                    self.assertEqual(cell["qualifier"], q["qualifier"])
                    self.assertEqual(number_cell(cell["total"]), q["total"])
                    self.assertEqual(cell["stage"], q["stage"] or "")
                for i in range(2):
                    s = want["sources"][i] if i < len(want["sources"]) else source()
                    for c in ("publisher", "title", "url", "date", "quote"):
                        self.assertEqual(record[f"source{i + 1}_{c}"], s[c] or "")

    def test_an_amount_with_cents_is_written_whole(self):
        header, *rows = self.rows()
        aid = next(dict(zip(header, row)) for row in rows if row[0] == "german-aid-2024")
        self.assertEqual(aid["quantity1_value"], "23417159.98")

    def test_the_same_columns_without_any_quantity(self):
        # A listing of events without quantities still has one group of quantity columns.
        path = self.tmp / "none.yaml"
        path.write_text("id: e\ndate: 2024\ntitle: T\nkind: other\nsources: [P]\n")
        proc = run("list", path, "--format", "csv")
        self.assertRan(proc)
        header, row = list(csv.reader(io.StringIO(proc.stdout)))
        record = dict(zip(header, row))
        self.assertEqual(len(row), len(header))
        self.assertEqual(record["quantity1_value"], "")
        self.assertEqual(record["source1_publisher"], "P")
        self.assertNotIn("quantity2_value", header)


@unittest.skipUnless(KIEL.is_dir(), f"no Kiel tracker data at {KIEL}")
class KielListing(TempDirTest):
    def test_every_quantity_of_the_tracker_is_listed_exactly_as_written(self):
        written = {}
        pattern = re.compile(r'^  - id: "?([^"\s]+)"?$|^    quantity: \{value: ([0-9.]+), unit: ([^}]+)\}$')
        for path in sorted(KIEL.glob("*.yaml")):
            current = None
            for line in path.read_text(encoding="utf-8").splitlines():
                match = pattern.match(line)
                if match and match[1]:
                    current = match[1]
                elif match:
                    written[current] = (match[2], match[3])
        self.assertGreater(len(written), 1000)
        proc = run("list", KIEL, "--format", "json")
        self.assertRan(proc)
        # The tracker's only warnings: rows alike in every field but the id (duplicate-event).
        warned = {line for line in proc.stderr.splitlines() if ": warning: " in line}
        self.assertEqual({line for line in warned if "[duplicate-event]" not in line}, set())
        self.assertNotIn(": error: ", proc.stderr)
        listed = {e["id"]: e["quantities"] for e in json.loads(proc.stdout)}
        with_quantity = {i: q for i, q in listed.items() if q}
        self.assertEqual(set(with_quantity), set(written))
        for event_id, (value, unit) in written.items():
            self.assertEqual(with_quantity[event_id],
                             [quantity(float(value), unit)], event_id)


if __name__ == "__main__":
    unittest.main()
