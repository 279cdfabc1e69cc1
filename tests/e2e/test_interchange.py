"""`list --format timelinejs|geojson`: a chart's events as TimelineJS3's JSON (so a newsroom can
publish them interactively) and as GeoJSON (events with coordinates, for a map), each checked
against the rules its consumer applies: the fields TimelineJS3 reads; for GeoJSON a real
consumer (python3-geojson, Debian's), the export's JSON Schema (schemas/geojson-export.schema.json)
and RFC 7946's rules that neither checks."""
import copy
import datetime
import html
import json
import re
import unittest

import geojson
from jsonschema import Draft202012Validator

from helpers import EVENTS, FIXTURES, SOURCE_DIR, TempDirTest, run

LOCATIONS = FIXTURES / "valid" / "quantities-and-locations.yaml"
DATES = FIXTURES / "valid" / "dates-every-form.yaml"

# TimelineJS3's JSON format (timeline.knightlab.com/docs/json-format.html).
TIMELINE_KEYS = {"events", "title", "eras", "scale"}
SLIDE_KEYS = {"start_date", "end_date", "text", "media", "group", "display_date", "background",
              "autolink", "unique_id"}
DATE_KEYS = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date",
             "format"}
ERA_KEYS = {"start_date", "end_date", "text"}


def listed(*args):
    proc = run("list", *args)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def tl_day(d, last=False):
    """The day a TimelineJS date object stands for (its first day; its last with `last`)."""
    year, month, day = d["year"], d.get("month"), d.get("day")
    if month is None:
        return datetime.date(year, 12 if last else 1, 31 if last else 1)
    if day is None:
        if not last:
            return datetime.date(year, month, 1)
        following = datetime.date(year + month // 12, month % 12 + 1, 1)
        return following - datetime.timedelta(days=1)
    return datetime.date(year, month, day)


class TimelineJS(TempDirTest):
    def check_date(self, d):
        self.assertLessEqual(set(d), DATE_KEYS)
        self.assertIsInstance(d["year"], int)  # TimelineJS refuses a slide without a year
        if "day" in d:
            self.assertIn("month", d)
        tl_day(d)  # a real calendar day, or this raises
        self.assertIsInstance(d["display_date"], str)

    def check_timeline(self, doc):
        self.assertLessEqual(set(doc), TIMELINE_KEYS)
        self.assertIsInstance(doc["events"], list)
        ids = [s["unique_id"] for s in doc["events"]]
        self.assertEqual(len(ids), len(set(ids)))
        for slide in doc["events"]:
            self.assertLessEqual(set(slide), SLIDE_KEYS)
            self.check_date(slide["start_date"])
            if "end_date" in slide:
                self.check_date(slide["end_date"])
                self.assertLessEqual(tl_day(slide["start_date"]), tl_day(slide["end_date"], True))
            self.assertTrue(slide["text"]["headline"])
            self.assertTrue(re.fullmatch(r"[A-Za-z0-9._-]+", slide["unique_id"]))
        for era in doc.get("eras", []):
            self.assertLessEqual(set(era), ERA_KEYS)
            self.check_date(era["start_date"])
            self.check_date(era["end_date"])

    def test_the_seed_as_timelinejs(self):
        doc = json.loads(listed(EVENTS, "--format", "timelinejs"))
        self.check_timeline(doc)
        events = json.loads(listed(EVENTS, "--format", "json"))
        self.assertEqual([s["unique_id"] for s in doc["events"]], [e["id"] for e in events])
        era = doc["eras"][0]
        self.assertEqual(era["text"]["headline"], "Full-scale invasion of Ukraine")
        self.assertEqual(era["start_date"], {"year": 2022, "month": 2, "day": 24,
                                             "display_date": "24 Feb 2022"})

    def test_dates_keep_their_precision_and_text_is_escaped_html(self):
        folder = self.tmp / "events"
        folder.mkdir()
        (folder / "e.yaml").write_text(
            "actors: [{id: IR, name: Iran}, {id: RU, name: Russia}]\n"
            "events:\n"
            "  - {id: a, date: 2024-09, title: 'Shells <b>& drones</b>', kind: arms-transfer,\n"
            "     from: IR, to: RU, summary: \"Line one\\nline <two>\",\n"
            "     sources: [{publisher: 'A&B', url: 'https://example.org/?a=1&b=2'}]}\n"
            "  - {id: b, date: 2023~/2024-03-05, title: Interval, kind: other, actors: [RU],\n"
            "     sources: [P]}\n"
            "  - {id: c, date: 2022-02-24/.., title: Open, kind: other, actors: [RU],\n"
            "     sources: [P]}\n"
            "  - {id: d, date: ../2021-06, title: Until, kind: other, actors: [RU],\n"
            "     sources: [P]}\n")
        doc = json.loads(listed(folder, "--format", "timelinejs"))
        self.check_timeline(doc)
        slides = {s["unique_id"]: s for s in doc["events"]}
        a = slides["a"]
        self.assertEqual(a["start_date"], {"year": 2024, "month": 9, "display_date": "Sep 2024"})
        self.assertNotIn("end_date", a)
        self.assertEqual(a["display_date"], "Sep 2024")
        self.assertEqual(a["text"]["headline"], "Shells &lt;b&gt;&amp; drones&lt;/b&gt;")
        self.assertEqual(html.unescape(a["text"]["headline"]), "Shells <b>& drones</b>")
        self.assertIn("Line one<br>line &lt;two&gt;", a["text"]["text"])
        self.assertIn('<a href="https://example.org/?a=1&amp;b=2">A&amp;B</a>', a["text"]["text"])
        self.assertEqual(a["group"], "Iran")
        b = slides["b"]
        self.assertEqual(b["start_date"], {"year": 2023, "display_date": "c. 2023"})
        self.assertEqual(b["end_date"], {"year": 2024, "month": 3, "day": 5,
                                         "display_date": "5 Mar 2024"})
        self.assertEqual(b["display_date"], "c. 2023 \u2013 5 Mar 2024")
        self.assertNotIn("end_date", slides["c"])
        self.assertEqual(slides["c"]["display_date"], "since 24 Feb 2022")
        # No known start: TimelineJS needs one, so the slide stands at its end, and says so.
        self.assertEqual(slides["d"]["start_date"]["year"], 2021)
        self.assertEqual(slides["d"]["display_date"], "until Jun 2021")

    def test_every_form_of_date_is_a_date_timelinejs_reads(self):
        self.check_timeline(json.loads(listed(DATES, "--format", "timelinejs")))


GEOJSON_SCHEMA = json.loads((SOURCE_DIR / "schemas" / "geojson-export.schema.json").read_text())
Draft202012Validator.check_schema(GEOJSON_SCHEMA)


def geojson_problems(doc):
    """What a GeoJSON consumer and the export's schema find wrong with `doc` (none: [])."""
    read = geojson.loads(json.dumps(doc))
    problems = [] if read.is_valid else [str(read.errors())]
    validator = Draft202012Validator(GEOJSON_SCHEMA)
    return problems + [e.message for e in validator.iter_errors(doc)]


class GeoJSON(TempDirTest):
    def check_rfc7946(self, doc):
        self.assertEqual(geojson_problems(doc), [])
        # RFC 7946: a FeatureCollection's "features" is an array of Features; a Feature has a
        # "geometry" and a "properties" member (an object or null) and an "id" that is a string
        # or number; a Point's coordinates are [longitude, latitude] in WGS 84, longitude
        # -180..180 and latitude -90..90; "crs" is gone from the format.
        self.assertEqual(doc["type"], "FeatureCollection")
        self.assertNotIn("crs", doc)
        for f in doc["features"]:
            self.assertEqual(f["type"], "Feature")
            self.assertNotIn("crs", f)
            self.assertIsInstance(f["id"], str)
            self.assertIsInstance(f["properties"], dict)
            g = f["geometry"]
            self.assertEqual(g["type"], "Point")
            self.assertEqual(len(g["coordinates"]), 2)
            lon, lat = g["coordinates"]
            self.assertTrue(all(isinstance(v, (int, float)) for v in (lon, lat)))
            self.assertTrue(-180 <= lon <= 180 and -90 <= lat <= 90)

    def test_events_with_coordinates_are_points(self):
        doc = json.loads(listed(LOCATIONS, "--format", "geojson"))
        self.check_rfc7946(doc)
        events = {e["id"]: e for e in json.loads(listed(LOCATIONS, "--format", "json"))}
        with_coordinates = [i for i, e in events.items()
                            if isinstance(e["location"], dict) and e["location"]["lat"] is not None]
        features = {f["id"]: f for f in doc["features"]}
        self.assertEqual(sorted(features), sorted(with_coordinates))
        shells = features["shells-about"]
        self.assertEqual(shells["geometry"]["coordinates"], [130.3, 42.25])
        p = shells["properties"]
        self.assertEqual(p["id"], "shells-about")
        self.assertEqual(p["title"], "North Korea ships millions of artillery shells to Russia")
        self.assertEqual(p["date"], "2023-21/2024-23")
        self.assertEqual(p["kind"], "arms-transfer")
        self.assertEqual((p["from"], p["to"], p["actors"]), (["KP"], ["RU"], []))
        self.assertEqual(p["location"], "Rajin port")
        self.assertEqual(p["sources"], [{"publisher": None, "title": None,
                                         "url": "https://example.org/shells", "date": None}])
        self.assertEqual(features["corners-of-the-map"]["geometry"]["coordinates"], [180, -90])

    def test_the_checks_find_what_a_broken_export_would_get_wrong(self):
        # So that the checks above cannot pass on anything: each mistake is caught.
        doc = json.loads(listed(LOCATIONS, "--format", "geojson"))
        self.assertEqual(geojson_problems(doc), [])
        for mistake in (lambda f: f["geometry"].update(coordinates=[130.3]),  # one number
                        lambda f: f["geometry"].update(coordinates=[42.25, 130.3]),  # lat, lon
                        lambda f: f.update(id=7),
                        lambda f: f.pop("properties"),
                        lambda f: f["properties"].update(date=None),
                        lambda f: f["properties"]["sources"][0].pop("url")):
            broken = copy.deepcopy(doc)
            mistake(broken["features"][0])
            self.assertNotEqual(geojson_problems(broken), [], broken["features"][0])

    def test_no_coordinates_is_an_empty_collection(self):
        doc = json.loads(listed(EVENTS, "--format", "geojson", "--kind", "sanctions"))
        self.check_rfc7946(doc)
        self.assertEqual(doc["features"], [])


if __name__ == "__main__":
    unittest.main()
