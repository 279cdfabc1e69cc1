"""schemas/events.schema.json: accepts every real and valid file, rejects what it can express.

Files are read as a YAML 1.2 language server reads them (see Yaml12Loader), so a file the
editor marks as wrong is one the schema, and here the test, rejects too.
"""
import json
import re

import yaml
from jsonschema import Draft202012Validator

from helpers import EVENTS, FIXTURES, SOURCE_DIR, TempDirTest, run
from test_fixtures import expectation, fixtures
from test_link_injection import HONEST, HOSTILE, MALFORMED

SCHEMA_PATH = SOURCE_DIR / "schemas" / "events.schema.json"


class Yaml12Loader(yaml.SafeLoader):
    """A SafeLoader that resolves plain scalars by the YAML 1.2 core schema, as editors do.

    PyYAML follows YAML 1.1: `2024-09-16` would become a datetime (the spec reads it as the
    text of a date), `1.5e6` would stay text (1.1 wants a sign in the exponent) and `NO`
    or `on` would become booleans. Here there is no timestamp resolver at all, and null,
    bool, int and float follow 1.2; everything else is a string, as for the tool.
    """


# No timestamps; and the YAML 1.1 rules for null, bool, int and float give way to 1.2's.
_REPLACED = {"tag:yaml.org,2002:" + t for t in ("timestamp", "null", "bool", "int", "float")}
Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _REPLACED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _tag, _pattern, _first in [
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", list("-+.0123456789")),
]:
    Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:" + _tag, re.compile(_pattern), _first)


def _int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith(("0o", "0x")):
        return int(text[2:], 8 if text[1] == "o" else 16)
    return int(text, 10)


def _float(loader, node):
    text = loader.construct_scalar(node).lower()
    if text.endswith(".inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    return float("nan") if text == ".nan" else float(text)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _float)
Yaml12Loader.add_constructor("tag:yaml.org,2002:bool",
                             lambda loader, node: loader.construct_scalar(node).lower() == "true")

# Rules whose breaking the schema can express by shape alone. The rest need more than one
# value or file (duplicate-id, unknown-actor, unknown-kind, unknown-related, related-self,
# interval-order), the bytes before YAML (invalid-utf8, yaml-syntax, duplicate-key: PyYAML
# keeps the last key), or the calendar.
SCHEMA_RULES = {
    "unknown-key", "missing-field", "wrong-type", "bad-id", "bad-date", "bad-tag", "bad-color",
    "bad-url", "bad-grading", "bad-confidence", "bad-qualifier", "bad-number", "no-sources",
    "bad-title", "bad-name", "bad-text", "bad-summary", "from-to-pairing", "bad-location",
    "kind-clash", "end-with-interval", "quantity-range", "too-many-actors", "too-many-sources",
    "bad-stage",
}
# Dates of the right shape that the calendar rules out: the tool's job, not the schema's.
CALENDAR_ONLY = {"bad-date-2024-02-30.yaml", "bad-date-2023-02-29.yaml", "bad-date-in-end.yaml"}


def load_documents(path):
    with open(path, encoding="utf-8") as f:
        return list(yaml.load_all(f, Loader=Yaml12Loader))


def schema():
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def problems(validator, path):
    """Schema errors of every document in the file, as 'document N: path: message'."""
    out = []
    for n, doc in enumerate(load_documents(path), 1):
        for e in validator.iter_errors(doc):
            where = "/".join(map(str, e.absolute_path)) or "(top)"
            out.append(f"document {n}: {where}: {e.message}")
    return out


class Schema(TempDirTest):
    @classmethod
    def setUpClass(cls):
        cls.schema = schema()
        Draft202012Validator.check_schema(cls.schema)
        cls.validator = Draft202012Validator(cls.schema)

    def test_is_draft_2020_12(self):
        self.assertEqual(self.schema["$schema"], "https://json-schema.org/draft/2020-12/schema")

    def test_every_property_has_a_description(self):
        missing = []

        def walk(node, where):
            if isinstance(node, dict):
                for name, sub in node.get("properties", {}).items():
                    if "description" not in sub:
                        missing.append(f"{where}/properties/{name}")
                for key, sub in node.items():
                    walk(sub, f"{where}/{key}")
            elif isinstance(node, list):
                for i, sub in enumerate(node):
                    walk(sub, f"{where}/{i}")

        walk(self.schema, "#")
        self.assertEqual(missing, [])

    def test_the_loader_keeps_dates_as_text_and_reads_numbers_as_yaml_1_2(self):
        doc = yaml.load("date: 2024-09-16\nyear: 2024\nv: 1.5e6\nid: NO\nflag: on\n", Loader=Yaml12Loader)
        self.assertEqual(doc, {"date": "2024-09-16", "year": 2024, "v": 1.5e6, "id": "NO", "flag": "on"})

    def test_accepts_the_seed_events(self):
        files = sorted(EVENTS.rglob("*.yaml"))
        self.assertTrue(files)
        for path in files:
            with self.subTest(file=path.name):
                self.assertEqual(problems(self.validator, path), [])

    def test_accepts_every_valid_fixture(self):
        files = fixtures(FIXTURES / "valid")
        self.assertGreaterEqual(len(files), 8)
        for path in files:
            with self.subTest(fixture=path.name):
                self.assertEqual(problems(self.validator, path), [])

    def test_rejects_every_invalid_fixture_it_can_express(self):
        checked = 0
        for path in fixtures(FIXTURES / "invalid"):
            rule = expectation(path)[2]
            if rule not in SCHEMA_RULES or path.name in CALENDAR_ONLY:
                continue
            checked += 1
            with self.subTest(fixture=path.name, rule=rule):
                self.assertNotEqual(problems(self.validator, path), [],
                                    f"the schema accepts {path.name}, which breaks {rule}")
        self.assertGreaterEqual(checked, 40)

    def test_format_1_1_quantity_lists_and_stages(self):
        self.assertTrue(self.schema["title"].endswith("format version 1.1"))
        self.assertEqual(problems(self.validator, FIXTURES / "valid" / "quantity-lists-and-stages.yaml"), [])
        # A repeated unit and stage: JSON Schema compares whole items only (uniqueItems), so
        # it refuses an entry written twice; two figures for one unit and stage need the tool.
        self.assertNotEqual(
            problems(self.validator, FIXTURES / "invalid" / "quantity-duplicate-identical.yaml"), [])
        for name in ("quantity-stage-unknown.yaml", "quantity-list-of-numbers.yaml"):
            with self.subTest(fixture=name):
                self.assertNotEqual(problems(self.validator, FIXTURES / "invalid" / name), [])

    def lines_with_errors(self, lines):
        """The lines of a file made of `lines` that `timeline validate` finds an error on."""
        path = self.tmp / "agree.yaml"
        path.write_text("\n".join(lines) + "\n")
        proc = run("validate", "--format", "json", path)
        return {d["line"] for d in json.loads(proc.stdout) if d["severity"] == "error"}

    def test_agrees_with_the_tool_on_the_shape_of_dates(self):
        # Every form of the spec's table and its counter-examples, as text: the schema's date
        # pattern and the tool must agree on all but calendar validity and interval order.
        dates = [
            "2024", "2024-09", "2024-09-16", "2024-21", "2024-22", "2024-23", "2024-24",
            "2024-09-XX", "2024-XX", "2024-XX-XX", "202X", "20XX", "2024?", "2024-09~",
            "2024-09-16%", "2023/2024", "2024-09/..", "../2024-09", "2024-09/", "/2024-09",
            "1400", "9999-12-31", "2024-25", "2024-13", "2024-00", "24-09-01", "2024/09/01",
            "Sept 2024", "1399", "2XXX", "20XX-09", "2024-XX-16", "2024-9", "2024-09-1",
            "2024-09-16T10:00", "../..", "/", "2024??", "2024-2X", "2024-09-32",
        ]
        calendar = {"2024-02-30", "2024-09-31", "2024-09/2024-03"}
        dates += sorted(calendar)
        lines = ["events:"]
        for i, d in enumerate(dates):
            lines.append(f'  - {{id: e{i}, date: {json.dumps(d)}, title: t, kind: other, '
                         f'sources: ["https://example.org/"]}}')
        rejected_lines = self.lines_with_errors(lines)
        date_schema = self.schema["$defs"]["date"]
        for i, d in enumerate(dates):
            with self.subTest(date=d):
                by_tool = (i + 2) not in rejected_lines
                by_schema = Draft202012Validator(date_schema).is_valid(d)
                if d in calendar:
                    self.assertEqual((by_tool, by_schema), (False, True))
                else:
                    self.assertEqual(by_schema, by_tool)

    def test_agrees_with_the_tool_on_the_shape_of_urls(self):
        urls = HONEST + HOSTILE + MALFORMED
        lines = ["events:"]
        for i, url in enumerate(urls):
            lines.append(f'  - {{id: e{i}, date: "2024", title: t, kind: other, '
                         f'sources: [{{publisher: P, url: {json.dumps(url)}}}]}}')
        rejected_lines = self.lines_with_errors(lines)
        url_schema = self.schema["$defs"]["url"]
        for i, url in enumerate(urls):
            with self.subTest(url=url[:80]):
                by_tool = (i + 2) not in rejected_lines
                by_schema = Draft202012Validator(url_schema).is_valid(url)
                self.assertEqual(by_schema, by_tool)


if __name__ == "__main__":
    import unittest
    unittest.main()
