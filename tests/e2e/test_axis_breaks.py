"""Long spans do not squash the story: the seed's ten-year term of office no longer sets a
scale at which September 2024's events share one column (issue 12, point 6)."""
import datetime
import json
import re

from helpers import EVENTS, TempDirTest, run, tool

MONTHS = {m: i + 1 for i, m in enumerate(
    "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())}


def tick_dates(labels):
    """The days that axis labels such as "2022", "Sep 2024", "Oct" or "9 Sep" name, read left
    to right with the year carried on as a reader carries it."""
    year, out = None, []
    for label in labels:
        words = label.split()
        if words[-1].isdigit() and len(words[-1]) == 4:
            year = int(words.pop())
        month = MONTHS[words.pop()] if words and words[-1] in MONTHS else 1
        day = int(words.pop()) if words else 1
        out.append(datetime.date(year, month, day))
    return out


class AxisBreaks(TempDirTest):
    def render_briefing(self):
        pdf, scene = self.tmp / "seed.pdf", self.tmp / "seed.json"
        self.assertRan(run("render", EVENTS, "--template", "briefing", "-o", pdf,
                           "--scene", scene))
        return pdf, json.loads(scene.read_text())

    def pdf_words(self, pdf):
        html = tool("pdftotext", "-bbox", pdf, "-").stdout
        return [(float(m[1]), float(m[2]), float(m[3]), float(m[4]), m[5]) for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            html)]

    def test_the_axis_is_broken_where_only_bars_continue_and_the_pdf_draws_it_so(self):
        pdf, scene = self.render_briefing()
        ticks = [it for it in scene["items"] if it.get("role") == "axis-label"]
        words = self.pdf_words(pdf)
        # The PDF prints each tick label where the Scene says, left to right.
        for tick in ticks:
            first = tick["text"].split()[0]
            self.assertTrue(any(w[4] == first and abs(w[0] - tick["x"]) < 2 and
                                abs(w[1] - tick["y"]) < 4 for w in words),
                            f"tick {tick['text']!r} not printed at x={tick['x']:.1f}")
        xs = [t["x"] for t in ticks]
        self.assertEqual(xs, sorted(xs))
        dates = tick_dates([t["text"] for t in ticks])
        self.assertEqual(dates, sorted(dates), "tick dates must only grow left to right")
        # Days per point between neighbouring ticks: the break leaves years out in a few
        # points, while the kept stretches run at one honest scale, far wider.
        rates = [(b - a).days / (xb - xa) for a, b, xa, xb in zip(dates, dates[1:], xs, xs[1:])]
        self.assertGreater(max(rates) / min(rates), 10, list(zip(dates, xs)))
        breaks = [it for it in scene["items"] if it.get("role") == "axis-break"]
        self.assertTrue(breaks, "no break drawn across the lanes")
        flat = " ".join(w[4] for w in words)
        self.assertIn("break", flat, "the legend does not explain the break")

    def test_september_2024_reads_on_a4(self):
        pdf, scene = self.render_briefing()
        sep = [it for it in scene["items"] if it.get("role") == "event-range"
               and it.get("event") == "iran-ballistic-missiles-caspian-2024"]
        self.assertTrue(sep)
        self.assertGreaterEqual(sep[0]["width"], 100)
        info = tool("pdfinfo", pdf).stdout
        self.assertRegex(info, r"Page size:\s+841\.89 x 595\.2")
