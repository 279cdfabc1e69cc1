"""A quantity is drawn as the number written, or refused: a value or total is 0 (exact only) or
from 0.001 to 10^15 (quantity-range), and no number is ever cut short when drawn."""
import json
import re

from helpers import TempDirTest, run, tool


def event_yaml(quantity):
    return "\n".join([
        "actors:", "  - {id: IR, name: Iran}", "  - {id: RU, name: Russia}", "events:",
        "  - id: e", "    date: 2024-09", "    title: Shipment", "    kind: arms-transfer",
        "    from: IR", "    to: RU", f"    quantity: {quantity}",
        "    sources: [https://example.org/]", ""])


def squeeze(text):
    return re.sub(r"\s+", "", text)


class QuantitiesAreInRange(TempDirTest):
    def write(self, quantity):
        path = self.tmp / "e.yaml"
        path.write_text(event_yaml(quantity))
        return path

    def test_out_of_range_values_and_totals_are_refused_with_their_rule(self):
        for quantity, key in [
            ("{value: 1e70, unit: missiles}", "value"),
            ("{value: -5, unit: missiles, qualifier: more-than}", "value"),
            ("{value: 1e-320, unit: missiles, qualifier: more-than}", "value"),
            ("{value: 0.0009, unit: missiles}", "value"),
            ("{value: 1.000001e15, unit: missiles}", "value"),
            ("{value: -0.0, unit: missiles}", "value"),
            ("{value: 0, unit: missiles, qualifier: more-than}", "value"),
            ("{value: 0, unit: missiles, qualifier: about}", "value"),
            ("{value: 5, unit: troops, total: -1}", "total"),
            ("{value: 5, unit: troops, total: 0}", "total"),
            ("{value: 5, unit: troops, total: 1e70}", "total"),
            ("{value: 5, unit: troops, total: 1e-320}", "total"),
        ]:
            with self.subTest(quantity=quantity):
                path = self.write(quantity)
                # The error points at the number: line 11 starts "    quantity: {".
                column = 15 + quantity.index(f"{key}: ") + len(key) + 2
                proc = run("validate", path)
                self.assertRan(proc, 1)
                self.assertIn(f"e.yaml:11:{column}: error:", proc.stderr)
                self.assertIn("[quantity-range]", proc.stderr)
                self.assertIn("hint:", proc.stderr)
                pdf = self.tmp / "e.pdf"
                self.assertRan(run("render", path, "-o", pdf), 1)
                self.assertFalse(pdf.exists())

    def test_values_at_the_bounds_are_drawn_whole(self):
        for quantity, label in [
            ("{value: 1e15, unit: missiles, qualifier: more-than}", "1,000 trillion+ missiles"),
            ("{value: 999999999999999, unit: rounds}", "999,999,999,999,999 rounds"),
            ("{value: 123456789012345.6, unit: dollars}", "123,456,789,012,346 dollars"),
            ("{value: 0.001, unit: tonnes, qualifier: about}", "c. 0.001 tonnes"),
            ("{value: 0.0015, unit: tonnes}", "0.0015 tonnes"),
            ("{value: 0, unit: aircraft}", "0 aircraft"),
            ("{value: 5, unit: troops, total: 1e15}", "+5 troops, total 1,000 trillion"),
        ]:
            with self.subTest(quantity=quantity):
                self.assertDrawn(quantity, label)

    def test_a_unit_at_several_stages_is_said_once(self):
        # Format 1.1: a list of quantities, each with a stage.
        for quantity, label in [
            ("[{value: 100, unit: aircraft, stage: pledged}, "
             "{value: 60, unit: aircraft, stage: delivered, qualifier: about}]",
             "100 aircraft pledged, c. 60 delivered"),
            ("{value: 2e9, unit: EUR, stage: announced}", "2 billion EUR announced"),
        ]:
            with self.subTest(quantity=quantity):
                self.assertDrawn(quantity, label)

    def assertDrawn(self, quantity, label):
        """The event with `quantity` validates, and its chart's Scene and PDF show `label`."""
        path = self.write(quantity)
        self.assertRan(run("validate", path))
        pdf, scene = self.tmp / "e.pdf", self.tmp / "e.json"
        self.assertRan(run("render", path, "-o", pdf, "--scene", scene))
        # Each piece of input in a label is drawn inside a bidi isolate: read past it.
        drawn = [re.sub("[\u2068\u2069]", "", i.get("text", ""))
                 for i in json.loads(scene.read_text())["items"]]
        self.assertIn(label, drawn)
        self.assertIn(squeeze(label), squeeze(tool("pdftotext", pdf, "-").stdout))


if __name__ == "__main__":
    import unittest
    unittest.main()
