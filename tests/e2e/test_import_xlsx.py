"""`timeline import xlsx`: a sheet of a workbook written here by a real spreadsheet writer
(openpyxl) is read with the same mapping files as CSV: shared strings with non-ASCII text,
dates stored as serial numbers (1900 and 1904 systems), numbers, empty cells and rows. A file
that is not a workbook, or a sheet it does not have, is a clean error, never a crash."""
import csv
import datetime
import json
import re
import zipfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from helpers import FIXTURES, TempDirTest, run, tool

MAPPING = FIXTURES / "import" / "aid-mapping.yaml"


def write_workbook(path, epoch=None):
    wb = openpyxl.Workbook()
    if epoch is not None:
        wb.epoch = epoch
    notes = wb.active
    notes.title = "Notes"
    notes["A1"] = "Read me first"
    sheet = wb.create_sheet("Aid")
    sheet.append(["When", "Who", "What", "How many", "Link"])
    sheet.append([datetime.date(2024, 3, 12), "Germany", "Leopard 2 tanks", 18,
                  "https://example.org/leopards"])
    sheet.append([])  # an empty row, as spreadsheets have
    sheet.append(["01/07/2024", "T\u00fcrkiye", "\u017b\u00f3\u0142w drones \u2014 \u0394", 2.5, None])
    sheet.append([datetime.datetime(2024, 9, 1, 14, 30), "Germany", "Leopard 2 tanks", None, None])
    wb.save(path)


class ImportXlsxTest(TempDirTest):
    def import_xlsx(self, book, out, *extra):
        return run("import", "xlsx", book, "--mapping", MAPPING, "-o", out, *extra)

    def listed(self, out):
        proc = run("validate", out)
        self.assertRan(proc)
        self.assertNotIn(": error:", proc.stderr)
        return json.loads(run("list", out, "--format", "json").stdout)

    def test_a_sheet_written_by_openpyxl_to_valid_events_and_a_chart(self):
        book = self.tmp / "aid.xlsx"
        write_workbook(book)
        out = self.tmp / "out"
        proc = self.import_xlsx(book, out, "--sheet", "Aid")
        self.assertRan(proc)
        self.assertIn("3 events imported", proc.stderr)
        self.assertIn("0 rows skipped", proc.stderr)
        events = self.listed(out)
        self.assertEqual([(e["date"]["text"], e["title"]) for e in events],
                         [("2024-03-12", "Leopard 2 tanks from Germany"),
                          ("2024-07-01", "\u017b\u00f3\u0142w drones \u2014 \u0394 from T\u00fcrkiye"),
                          ("2024-09-01", "Leopard 2 tanks from Germany")])
        self.assertEqual([q["value"] for q in events[0]["quantities"]], [18])
        self.assertEqual([q["value"] for q in events[1]["quantities"]], [2.5])
        self.assertEqual(events[1]["from"], ["turkiye"])
        pdf = self.tmp / "aid.pdf"
        self.assertRan(run("render", out, "-o", pdf))
        self.assertIn("Leopard 2 tanks from Germany", tool("pdftotext", pdf, "-").stdout)

    def test_a_1904_workbook_gives_the_same_dates(self):
        book = self.tmp / "mac.xlsx"
        write_workbook(book, CALENDAR_MAC_1904)
        out = self.tmp / "out"
        self.assertRan(self.import_xlsx(book, out, "--sheet", "Aid"))
        self.assertEqual([e["date"]["text"] for e in self.listed(out)],
                         ["2024-03-12", "2024-07-01", "2024-09-01"])

    def test_the_kiel_preset_reads_the_trackers_sheet(self):
        # The tracker's workbook: the bilateral sheet among others, its date cells real dates;
        # the same rows as the CSV sample give the same events.
        text = (FIXTURES / "import" / "kiel-sample.csv").read_text(encoding="utf-8")
        rows = list(csv.reader(text.splitlines()))
        wb = openpyxl.Workbook()
        wb.active.title = "Country Summary (\u20ac)"
        sheet = wb.create_sheet("Bilateral Assistance, MAIN DATA")
        sheet.append(rows[0])
        for row in rows[1:]:
            cells = [float(c) if re.fullmatch(r"[0-9.]+", c) and c != "." else (c or None)
                     for c in row]
            if re.fullmatch(r"\d{4}-\d\d-\d\d", row[2]):
                cells[2] = datetime.date.fromisoformat(row[2])
            sheet.append(cells)
        book = self.tmp / "tracker.xlsx"
        wb.save(book)
        from_book, from_csv = self.tmp / "book", self.tmp / "csv"
        self.assertRan(run("import", "xlsx", book, "--sheet", "Bilateral Assistance, MAIN DATA",
                           "--mapping", "kiel", "-o", from_book))
        self.assertRan(run("import", "csv", FIXTURES / "import" / "kiel-sample.csv",
                           "--mapping", "kiel", "-o", from_csv))
        def events(folder):  # all but where each is written
            return [{k: v for k, v in e.items() if k != "file"} for e in self.listed(folder)]
        self.assertEqual(events(from_book), events(from_csv))
        self.assertEqual(len(events(from_book)), 4)

    def test_what_is_not_a_workbook_is_a_clean_error(self):
        book = self.tmp / "aid.xlsx"
        write_workbook(book)
        out = self.tmp / "out"
        proc = self.import_xlsx(book, out, "--sheet", "Aide")
        self.assertRan(proc, 1)
        self.assertIn("[unknown-sheet]", proc.stderr)
        self.assertIn("'Notes', 'Aid'", proc.stderr)
        self.assertIn("did you mean 'Aid'?", proc.stderr)
        # The first sheet by default: here the notes, which name none of the columns.
        proc = self.import_xlsx(book, out)
        self.assertRan(proc, 1)
        self.assertIn("[missing-column]", proc.stderr)
        for name, data in [("text.xlsx", b"When,Who\n2024,x\n"),
                           ("cut.xlsx", book.read_bytes()[:2000]),
                           ("empty.xlsx", b"")]:
            bad = self.tmp / name
            bad.write_bytes(data)
            proc = self.import_xlsx(bad, out)
            self.assertRan(proc, 1)
            self.assertIn("[not-xlsx]", proc.stderr)
        # A zip whose sheet is not XML.
        broken = self.tmp / "broken.xlsx"
        with zipfile.ZipFile(book) as src, zipfile.ZipFile(broken, "w") as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename == "xl/worksheets/sheet2.xml":
                    data = data[: len(data) // 2]
                dst.writestr(item, data)
        proc = self.import_xlsx(broken, out, "--sheet", "Aid")
        self.assertRan(proc, 1)
        self.assertIn("[bad-xlsx]", proc.stderr)
        self.assertFalse(out.exists())
        self.assertRan(self.import_xlsx(self.tmp / "missing.xlsx", out), 3)


if __name__ == "__main__":
    import unittest
    unittest.main()
