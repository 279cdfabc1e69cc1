"""The command line contract: exit codes, diagnostics, listing, atomic outputs."""
import csv
import io
import json
import re
import os
import pathlib
import resource
import signal
import subprocess

from helpers import EVENTS, FIXTURES, TIMELINE, TempDirTest, run


class ExitCodes(TempDirTest):
    def test_unknown_key_exits_1_with_a_located_diagnostic(self):
        proc = run("validate", FIXTURES / "invalid" / "unknown-key.yaml")
        self.assertRan(proc, 1)
        self.assertRegex(proc.stderr, r"unknown-key\.yaml:\d+:\d+: error: .*\[unknown-key\]")
        self.assertIn("did you mean 'title'", proc.stderr)

    def test_unknown_flag_exits_2(self):
        self.assertRan(run("render", "--no-such-flag"), 2)
        self.assertRan(run("frobnicate"), 2)

    def test_help_and_version_exit_0(self):
        proc = run("--help")
        self.assertRan(proc)
        self.assertIn("Exit codes", proc.stdout)
        proc = run("--version")
        self.assertRan(proc)
        self.assertRegex(proc.stdout, r"timeline 0\.1\.0 \(cairo [\d.]+, Pango [\d.]+, yaml-cpp [\d.]+\)")

    def test_output_without_known_extension_is_a_usage_error(self):
        self.assertRan(run("render", EVENTS, "-o", self.tmp / "chart.docx"), 2)

    def test_a_repeatable_option_takes_one_value_so_inputs_may_follow_it(self):
        # CLI11 lets a list option swallow every following word: `-o chart.pdf events/`
        # read events/ as a second output, `--by supplier events/` as a second key.
        self.assertRan(run("render", "-o", self.tmp / "a.pdf", "-o", self.tmp / "a.svg", EVENTS))
        self.assertTrue((self.tmp / "a.svg").exists())
        proc = run("list", "--actor", "IR", "--kind", "arms-transfer", EVENTS, "--format", "json")
        self.assertRan(proc)
        self.assertTrue(json.loads(proc.stdout))
        self.assertRan(run("totals", "--by", "supplier", "--by", "year", EVENTS))
        self.assertRan(run("totals", "--by", "supplier,kind", EVENTS))

    def test_every_repeatable_option_before_and_after_an_input(self):
        # Each option that --help marks repeatable ("...") takes one value per use, or a
        # comma-separated list, and never eats the input that follows it.
        values = {"--output": None, "--actor": ["IR", "RU"], "--kind": ["arms-transfer", "diplomatic"],
                  "--tag": ["china", "iran"], "--confidence": ["confirmed", "reported"],
                  "--stage-tag": ["pledged=china", "delivered=iran"], "--by": ["supplier", "year"]}
        for command in ("render", "list", "totals"):
            helptext = run(command, "--help").stdout
            repeatable = set(re.findall(r"^\s+(?:-\w,)?(--[a-z-]+) TEXT[^\n]*\.\.\.", helptext, re.M))
            self.assertEqual(repeatable - set(values), set(), f"{command}: give the test values")
            for option in sorted(repeatable):
                for order in ("before", "after", "comma"):
                    with self.subTest(command=command, option=option, order=order):
                        out = ["-o", str(self.tmp / f"{option[2:]}-{order}.pdf")]
                        if option == "--output":
                            given = out + ["-o", str(self.tmp / f"{order}.svg")]
                            if order == "comma":
                                continue  # a path may hold a comma: one per -o
                        elif order == "comma":
                            given = [option, ",".join(values[option])]
                        else:
                            given = [option, values[option][0], option, values[option][1]]
                        args = given + [str(EVENTS)] if order != "after" else [str(EVENTS)] + given
                        if command == "render" and option != "--output":
                            args += out
                        proc = run(command, *args)
                        self.assertEqual(proc.returncode, 0, proc.stderr)
                        if option == "--output":
                            self.assertTrue((self.tmp / f"{order}.svg").is_file())

    def test_an_optional_value_is_taken_only_when_it_is_a_number(self):
        # `--totals-block [N]` read the input after it as its N: "events/" is no number.
        pdf = self.tmp / "block.pdf"
        self.assertRan(run("render", "--totals-block", EVENTS, "-o", pdf))
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
        self.assertIn("Cumulative", text)
        self.assertRan(run("render", EVENTS, "--totals-block", "3", "-o", pdf))
        self.assertRan(run("render", EVENTS, "--totals-block", "99", "-o", pdf), 2)

    def test_enumerated_values_are_read_in_any_case(self):
        self.assertRan(run("render", EVENTS, "--layout", "PAGES", "--lane-order", "Role",
                           "-o", self.tmp / "x.pdf"))
        proc = run("totals", EVENTS, "--by", "Supplier,YEAR", "--format", "CSV")
        self.assertRan(proc)
        self.assertTrue(proc.stdout.startswith("row,supplier,year,"), proc.stdout[:80])
        proc = run("list", EVENTS, "--format", "Json")
        self.assertRan(proc)
        self.assertTrue(json.loads(proc.stdout))
        self.assertRan(run("list", EVENTS, "--format", "yaml"), 2)

    def test_missing_input_exits_1(self):
        proc = run("validate", self.tmp / "nope.yaml")
        self.assertRan(proc, 1)
        self.assertIn("[unreadable-input]", proc.stderr)

    def test_seed_events_are_valid(self):
        self.assertRan(run("validate", EVENTS))


class Listing(TempDirTest):
    def test_json_listing_follows_the_spec(self):
        proc = run("list", EVENTS, "--format", "json")
        self.assertRan(proc)
        events = json.loads(proc.stdout)
        keys = {"id", "title", "kind", "date", "end", "from", "to", "actors", "confidence", "tags",
                "sources", "file", "line", "summary", "location", "grading", "related",
                "quantities"}
        for e in events:
            self.assertEqual(set(e), keys)
            for side in (e["date"], e["end"]):
                if side is None:
                    continue
                self.assertEqual(set(side), {"text", "earliest", "latest", "precision", "approximate",
                                             "uncertain"})
        by_id = {e["id"]: e for e in events}
        shipment = by_id["iran-ballistic-missiles-caspian-2024"]
        self.assertEqual(shipment["date"]["earliest"], "2024-09-01")
        self.assertEqual(shipment["date"]["latest"], "2024-09-30")
        self.assertEqual(shipment["date"]["precision"], "month")
        self.assertIsNone(shipment["end"])
        term = by_id["stoltenberg-term-2014-2024"]
        self.assertEqual(term["end"]["earliest"], "2024-10-01")
        starts = [(e["date"]["earliest"] or "") for e in events]
        self.assertEqual(starts, sorted(starts), "events are not in timeline order")


class Filters(TempDirTest):
    def ids(self, *args):
        proc = run("list", EVENTS, "--format", "json", *args)
        self.assertRan(proc)
        return [e["id"] for e in json.loads(proc.stdout)]

    def test_filters_narrow_the_listing(self):
        everything = self.ids()
        iran = self.ids("--actor", "IR")
        self.assertTrue(iran and len(iran) < len(everything))
        self.assertIn("iran-ballistic-missiles-caspian-2024", iran)
        self.assertEqual(self.ids("--kind", "force-change"), ["russia-army-expansion-2024"])
        both = self.ids("--kind", "force-change", "--kind", "arms-transfer")
        self.assertEqual(len(both), 2)
        self.assertNotIn("stoltenberg-term-2014-2024", self.ids("--to", "2014-09"))
        self.assertIn("stoltenberg-term-2014-2024", self.ids("--from", "2015", "--to", "2015"))
        self.assertEqual(self.ids("--confidence", "alleged", "--tag", "nuclear"),
                         ["russia-iran-nuclear-information"])

    def test_a_mistyped_filter_is_a_usage_error_with_a_hint(self):
        proc = run("list", EVENTS, "--actor", "IRN")
        self.assertRan(proc, 2)
        self.assertIn("did you mean 'IR' (Iran)?", proc.stderr)
        self.assertRan(run("list", EVENTS, "--from", "2024-13"), 2)
        self.assertRan(run("render", EVENTS, "-o", self.tmp / "a.pdf", "--confidence", "sure"), 2)

    def test_filter_values_match_in_any_case_and_suggest_only_close_ones(self):
        self.assertEqual(self.ids("--actor", "kp"), self.ids("--actor", "KP"))
        self.assertEqual(self.ids("--kind", "Sanctions"), self.ids("--kind", "sanctions"))
        proc = run("list", EVENTS, "--kind", "arms")
        self.assertRan(proc, 2)
        self.assertIn("did you mean 'arms-transfer'?", proc.stderr)
        proc = run("list", EVENTS, "--actor", "KR")
        self.assertRan(proc, 2)
        self.assertNotIn("did you mean", proc.stderr)  # KR is not IR: another country
        self.assertIn("declared under 'actors:'", proc.stderr)
        self.assertIn("CN, RU, IR, KP, UA, NATO", proc.stderr)
        proc = run("list", EVENTS, "--actor", "north korea")
        self.assertIn("did you mean 'KP' (North Korea)?", proc.stderr)

    def test_a_mistyped_command_is_named_with_the_nearest(self):
        proc = run("rendr", EVENTS, "-o", self.tmp / "a.pdf")
        self.assertRan(proc, 2)
        self.assertIn("no command 'rendr'", proc.stderr)
        self.assertIn("did you mean 'render'?", proc.stderr)
        self.assertNotIn("A subcommand is required", proc.stderr)
        self.assertIn("A subcommand is required", run().stderr)

    def test_from_after_to_is_a_usage_error(self):
        for command in (["list", EVENTS], ["render", EVENTS, "-o", self.tmp / "a.svg"]):
            with self.subTest(command=command[0]):
                proc = run(*command, "--from", "2025", "--to", "2024")
                self.assertRan(proc, 2)
                self.assertIn("--from 2025 is after --to 2024", proc.stderr)
                self.assertFalse((self.tmp / "a.svg").exists())
        # One month, or a --to that ends where --from begins, is a window, not a mistake.
        self.assertRan(run("list", EVENTS, "--from", "2024-09", "--to", "2024-09"))
        self.assertRan(run("list", EVENTS, "--from", "2024-09-30", "--to", "2024-09"))

    def test_render_draws_only_the_filtered_events(self):
        scene = self.tmp / "scene.json"
        self.assertRan(run("render", EVENTS, "-o", self.tmp / "a.svg", "--scene", scene,
                           "--actor", "IR"))
        events = {i.get("event") for i in json.loads(scene.read_text())["items"]} - {None}
        self.assertIn("iran-ballistic-missiles-caspian-2024", events)
        self.assertNotIn("stoltenberg-term-2014-2024", events)

    def test_csv_listing_parses_with_a_header(self):
        proc = run("list", EVENTS, "--format", "csv")
        self.assertRan(proc)
        rows = list(csv.DictReader(io.StringIO(proc.stdout)))
        self.assertEqual(len(rows), len(self.ids()))
        by_id = {r["id"]: r for r in rows}
        self.assertEqual(by_id["iran-ballistic-missiles-caspian-2024"]["earliest"], "2024-09-01")
        self.assertEqual(by_id["iran-ballistic-missiles-caspian-2024"]["from"], "IR")


class AtomicOutputs(TempDirTest):
    def test_failed_render_leaves_the_previous_output_untouched(self):
        out = self.tmp / "chart.pdf"
        self.assertRan(run("render", EVENTS, "-o", out))
        before = out.read_bytes()
        bad = self.tmp / "bad"
        bad.mkdir()
        (bad / "events.yaml").write_text("events:\n  - id: x\n    titel: oops\n")
        self.assertRan(run("render", bad, "-o", out), 1)
        self.assertEqual(out.read_bytes(), before)
        self.assertEqual(sorted(p.name for p in self.tmp.iterdir()), ["bad", "chart.pdf"])

    def test_unwritable_folder_exits_3_and_leaves_nothing(self):
        locked = self.tmp / "locked"
        locked.mkdir()
        os.chmod(locked, 0o500)
        try:
            if os.geteuid() == 0:
                # Root writes through any mode bits; sysfs refuses new files even to root.
                locked = pathlib.Path("/sys/kernel")
                if not locked.is_dir() or os.access(locked, os.W_OK) and self.can_create(locked):
                    self.skipTest("no folder here that root cannot write")
            before = sorted(p.name for p in locked.iterdir())
            proc = run("render", EVENTS, "-o", locked / "chart.pdf")
            self.assertRan(proc, 3)
            self.assertIn("chart.pdf", proc.stderr)
            # A folder of mode 0500 or sysfs: permission denied; sysfs mounted read-only in a
            # container: a read-only file system.
            self.assertRegex(proc.stderr.lower(), "permission denied|read-only file system")
            self.assertNotIn("internal error", proc.stderr)
            self.assertEqual(sorted(p.name for p in locked.iterdir()), before)
        finally:
            os.chmod(self.tmp / "locked", 0o700)

    @staticmethod
    def can_create(folder):
        try:
            (folder / ".timeline-probe").touch()
        except OSError:
            return False
        (folder / ".timeline-probe").unlink()
        return True

    def test_missing_output_folder_exits_3(self):
        proc = run("render", EVENTS, "-o", self.tmp / "no" / "such" / "chart.pdf")
        self.assertRan(proc, 3)
        self.assertIn("cannot write", proc.stderr)

    def test_full_disk_exits_3_and_keeps_the_previous_output(self):
        out = self.tmp / "chart.pdf"
        out.write_bytes(b"previous chart")

        def small_disk():
            # A 16 KiB file size limit fails writes as a full disk does, mid-file.
            resource.setrlimit(resource.RLIMIT_FSIZE, (16384, 16384))
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

        proc = subprocess.run([TIMELINE, "render", EVENTS, "-o", out], capture_output=True,
                              text=True, preexec_fn=small_disk, timeout=60)
        self.assertRan(proc, 3)
        self.assertIn("cannot write", proc.stderr)
        self.assertEqual(out.read_bytes(), b"previous chart")
        self.assertEqual([p.name for p in self.tmp.iterdir()], ["chart.pdf"])

if __name__ == "__main__":
    import unittest
    unittest.main()
