"""The totals block on the Kiel tracker: under the lanes, the top ten suppliers' cumulative
euros, each line ending on a figure that a reader can check against the source files: the
same as an independent sum of them, written as a newsroom writes it."""
import re
import subprocess
import unittest
from decimal import Decimal

from helpers import KIEL, TempDirTest, run
from test_totals import independent_eur_sums, independent_eur_sums_by_tag


def newsroom(amount):
    """An amount as amount_text writes it: three significant figures, a scale word from a
    million: Decimal("46812345678.9") is "46.8 billion"."""
    mantissa, exponent = format(amount, ".2e").split("e")
    exponent = int(exponent)
    digits = mantissa.replace(".", "").rstrip("0") or "0"
    for power, word in ((12, " trillion"), (9, " billion"), (6, " million")):
        if exponent >= power:
            return f"{Decimal(digits).scaleb(exponent - power - len(digits) + 1):f}" + word
    whole = Decimal(digits).scaleb(exponent - len(digits) + 1)
    return f"{whole:,f}"


def words_with_boxes(pdf):
    """[(text, x, y)] of every word pdftotext -bbox finds on the first page."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    return [(w, float(x), float(y)) for x, y, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>', html)]


@unittest.skipUnless(KIEL.is_dir(), f"no Kiel data at {KIEL}")
class KielTotalsBlock(TempDirTest):
    def test_each_line_ends_on_its_suppliers_independent_sum(self):
        sums, _, _ = independent_eur_sums(KIEL)
        top = sorted(sums.items(), key=lambda kv: kv[1], reverse=True)[:10]
        pdf = self.tmp / "kiel.pdf"
        proc = run("render", KIEL, "--measure", "EUR", "--totals-block", "-o", pdf, "-q")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        words = words_with_boxes(pdf)
        # The block starts at its note; its figures are "EUR", a number and a scale word,
        # right-aligned at the axis's end, one row per supplier from the largest down.
        note_y = min(y for w, x, y in words if w == "Cumulative")
        below = sorted((y, x, w.strip("\u2068\u2069")) for w, x, y in words if y > note_y)
        figures = []
        for i, (y, x, w) in enumerate(below[:-2]):
            if w == "EUR" and below[i + 2][2] in ("billion", "million", "trillion"):
                figures.append(f"{below[i + 1][2]} {below[i + 2][2]}")
        self.assertEqual(figures, [newsroom(total) for _, total in top])

    def test_pledged_against_delivered_when_stages_are_read_from_kiels_tags(self):
        by_tag = independent_eur_sums_by_tag(KIEL, ["commitment", "allocation"])
        whole, _, _ = independent_eur_sums(KIEL)
        top = sorted(whole, key=whole.get, reverse=True)[:10]
        pdf = self.tmp / "kiel.pdf"
        proc = run("render", KIEL, "--measure", "EUR", "--totals-block", "10",
                   "--stage-tag", "pledged=commitment", "--stage-tag", "delivered=allocation",
                   "-o", pdf, "-q")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        words = words_with_boxes(pdf)
        note_y = min(y for w, x, y in words if w == "Cumulative")
        below = sorted((round(y), x, w.strip("\u2068\u2069")) for w, x, y in words
                       if y > note_y)
        # Per row, left to right: "pledged EUR 98.3 billion delivered EUR 20.7 billion".
        rows = []
        for i, (y, x, w) in enumerate(below[:-3]):
            if w in ("pledged", "delivered") and below[i + 1][2] == "EUR":
                if not rows or rows[-1][0] != y:
                    rows.append((y, []))
                rows[-1][1].append(f"{w} {below[i + 2][2]} {below[i + 3][2]}")
        expected = [[f"pledged {newsroom(by_tag[(s, 'commitment')])}",
                     f"delivered {newsroom(by_tag[(s, 'allocation')])}"] for s in top]
        self.assertEqual([figures for _, figures in rows], expected)


class Newsroom(unittest.TestCase):
    def test_rounds_as_amount_text(self):
        self.assertEqual(newsroom(Decimal("2911272872.02")), "2.91 billion")
        self.assertEqual(newsroom(Decimal("188000000000")), "188 billion")
        self.assertEqual(newsroom(Decimal("12000000000")), "12 billion")
        self.assertEqual(newsroom(Decimal("538123")), "538,000")


if __name__ == "__main__":
    unittest.main()
