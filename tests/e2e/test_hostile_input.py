"""Inputs from many hands: every one gets a diagnostic in bounded time, never a crash."""
import json
import os
import random
import resource
import struct
import subprocess
import sys
import unittest

from helpers import EVENTS, SOURCE_DIR, TempDirTest, qpdf_problems, run


def run_for_cpu(*args):
    """Runs timeline; returns the process and the CPU seconds it took. CPU, not wall
    seconds: the cores are shared (ctest -j2, other builds), and under load the wall clock
    measured the machine rather than timeline. A hang is still caught, by run()'s timeout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = run(*args)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return proc, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


class HostileInput(TempDirTest):
    def check(self, name, data, rule, seconds=5):
        path = self.tmp / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode())
        proc, cpu = run_for_cpu("validate", path)
        # An unoptimised sanitizer build runs several times slower; its ctest says how much.
        limit = seconds * float(os.environ.get("TIMELINE_TIME_FACTOR", "1"))
        self.assertLess(cpu, limit, f"{name} took {cpu:.1f} s of CPU")
        self.assertIn(proc.returncode, (0, 1), proc.stderr)
        self.assertNotIn("internal error", proc.stderr)
        if rule:
            self.assertIn(f"[{rule}]", proc.stderr)
        return proc

    def test_alias_bomb(self):
        text = "x-a: &a [x, x, x, x, x, x, x, x, x]\n"
        previous = "a"
        for name in "bcdefghi":
            text += f"x-{name}: &{name} [" + ", ".join(["*" + previous] * 9) + "]\n"
            previous = name
        text += "events: *i\n"
        self.check("bomb.yaml", text, "alias")

    def test_aliases_that_would_multiply_the_loader_work_are_refused(self):
        # 1,000 aliased events each taking an aliased list of 100,000 tags: 10^8 tags from
        # 600 KB, if the loader followed the aliases.
        text = "x-tags: &t [" + ", ".join(["a"] * 100000) + "]\n"
        text += ("x-event: &e {id: e, date: 2024, title: T, kind: other, sources: [P], "
                 "tags: *t}\n")
        text += "events: [" + ", ".join(["*e"] * 1000) + "]\n"
        proc = self.check("multiply.yaml", text, "alias")
        self.assertIn("multiply.yaml:2:", proc.stderr)

    def test_hundred_thousand_nested_brackets(self):
        self.check("deep.yaml", "events: " + "[" * 100000 + "]" * 100000 + "\n", "too-deep")

    def test_fifty_megabyte_scalar_plain_quoted_or_block(self):
        size = 50_000_000
        cases = {
            "plain.yaml": b"x-pad: " + b"a" * size + b"\n",
            "quoted.yaml": b'x-pad: "' + b"a" * size + b'"\n',
            "block.yaml": b"x-pad: |\n" + (b"  " + b"a" * 998 + b"\n") * (size // 1000),
            "unclosed.yaml": b"events:\n  - id: 'a\n" + (b"a" * 99 + b"\n") * (size // 100),
        }
        for name, data in cases.items():
            with self.subTest(name=name):
                proc = self.check(name, data, "too-long", seconds=4)
                self.assertEqual(proc.returncode, 1)

    def test_long_title_and_summary_are_refused_with_their_bound(self):
        event = ("events:\n  - id: e\n    date: 2024\n    kind: other\n    sources: [P]\n"
                 "    title: {title}\n    summary: {summary}\n")
        proc = self.check("long.yaml", event.format(title="t" * 500_000, summary="s" * 900_000),
                          "bad-title")
        self.assertIn("[bad-summary]", proc.stderr)
        self.assertIn("at most 200 characters", proc.stderr)
        self.assertIn("at most 2000 characters", proc.stderr)

    def test_nul_byte(self):
        proc = self.check("nul.yaml", b"id: a\x00\ndate: 2024\n", "control-character")
        self.assertIn("nul.yaml:1:6:", proc.stderr)
        self.assertIn("U+0000", proc.stderr)

    def test_utf16_file(self):
        self.check("utf16.yaml", "id: a\ntitle: x\n".encode("utf-16"), "invalid-utf8")

    def test_crlf_line_endings_and_a_byte_order_mark(self):
        text = ("\ufeffactors:\r\n  - {id: IR, name: Iran}\r\n  - {id: RU, name: Russia}\r\n"
                "events:\r\n  - id: e\r\n    date: 2024-09\r\n    title: T\r\n    kind: other\r\n"
                "    from: IR\r\n    to: RU\r\n    sources: ['https://example.org/']\r\n")
        proc = self.check("crlf.yaml", text, None)
        self.assertEqual(proc.returncode, 0, proc.stderr)

    def test_cr_only_line_endings_say_so(self):
        text = "actors:\r  - {id: IR, name: Iran}\r"
        proc = self.check("mac.yaml", text, "line-ending")
        self.assertIn("mac.yaml:1:8: error: ", proc.stderr)
        self.assertIn("carriage return (CR) alone", proc.stderr)

    def test_json_from_python_with_emoji_and_tags(self):
        event = {"id": "e", "date": "2024", "title": "Launch \U0001F680", "kind": "other",
                 "sources": ["P"]}
        path = self.tmp / "dumped.yaml"
        path.write_text(json.dumps(event))  # writes the emoji as "\ud83d\ude80"
        proc = run("list", path, "--format", "json")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(json.loads(proc.stdout)[0]["title"], "Launch \U0001F680")
        proc = self.check("lone.yaml", '{"id": "e", "title": "\\ud83d"}', "bad-escape")
        self.assertIn("surrogate", proc.stderr)
        proc = self.check("tagged.yaml", "id: e\nquantity: {value: !!str 200, unit: x}\n"
                          "summary: !!binary aGk=\n", "yaml-tag")
        self.assertIn("tagged.yaml:3:10: error: the YAML tag '!!binary'", proc.stderr)

    def test_empty_file_and_empty_folder(self):
        proc = self.check("empty.yaml", "", "empty-file")
        self.assertEqual(proc.returncode, 0)
        empty = self.tmp / "nothing"
        empty.mkdir()
        proc = run("validate", empty)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("[no-input]", proc.stderr)

    def test_file_over_the_size_bound(self):
        path = self.tmp / "big.yaml"
        path.write_text("x-pad: '" + "a" * 2000 + "'\n")
        proc = run("validate", path, "--max-input-bytes", "1000")
        self.assertEqual(proc.returncode, 1)
        self.assertIn("[input-too-large]", proc.stderr)

    def test_max_events_flag(self):
        # The seed has 12 events over 9 files; the bound counts them across files.
        proc = run("validate", EVENTS, "--max-events", "5")
        self.assertEqual(proc.returncode, 1)
        self.assertIn("[too-many-events]", proc.stderr)
        self.assertIn("more than 5 events; this is event 6", proc.stderr)
        self.assertRegex(proc.stderr, r"events/[\w-]+\.yaml:\d+:\d+: error")
        out = self.tmp / "chart.pdf"
        self.assertEqual(run("render", EVENTS, "--max-events", "5", "-o", out).returncode, 1)
        self.assertFalse(out.exists())
        self.assertEqual(run("validate", EVENTS, "--max-events", "12").returncode, 0)
        self.assertEqual(run("validate", EVENTS, "--max-events", "0").returncode, 2)


def actors_file(per_side, events=1, sources=1):
    """Events that each name `per_side` suppliers and as many recipients."""
    lines = ["actors:"] + [f"  - {{id: A{i}, name: Actor {i}}}" for i in range(2 * per_side)]
    lines.append("events:")
    suppliers = ", ".join(f"A{i}" for i in range(per_side))
    recipients = ", ".join(f"A{i}" for i in range(per_side, 2 * per_side))
    cited = ", ".join(f"'https://example.org/{n}'" for n in range(sources))
    for k in range(events):
        lines.append(f"  - {{id: e{k}, date: 2024-0{1 + k % 9}-1{k % 10}, title: Event {k}, "
                     f"kind: arms-transfer, from: [{suppliers}], to: [{recipients}], "
                     f"sources: [{cited}]}}")
    return "\n".join(lines) + "\n"


def time_limit(seconds):
    # An unoptimised sanitizer build runs several times slower; its ctest says how much.
    return seconds * float(os.environ.get("TIMELINE_TIME_FACTOR", "1"))


class ActorsPerEvent(TempDirTest):
    """Layout work grows with the actors of an event (arrows go from each supplier to each
    recipient), so an event names at most 64 on a side, and what is allowed stays quick."""

    def render(self, name, text, *extra):
        path = self.tmp / name
        path.write_text(text)
        out = self.tmp / (name + ".pdf")
        proc, cpu = run_for_cpu("render", path, "-o", out, *extra)
        return proc, cpu, out

    def test_a_thousand_actors_a_side_is_an_error_with_its_rule_quickly(self):
        proc, cpu, out = self.render("wide.yaml", actors_file(1000))
        self.assertLess(cpu, time_limit(10), f"took {cpu:.1f} s of CPU")
        self.assertRan(proc, 1)
        self.assertIn("[too-many-actors]", proc.stderr)
        self.assertIn("at most 64", proc.stderr)
        self.assertIn("hint:", proc.stderr)
        self.assertRegex(proc.stderr, r"wide\.yaml:\d+:\d+: error: 'from' lists 1000 actors")
        self.assertIn("'to' lists 1000 actors", proc.stderr)
        self.assertFalse(out.exists())
        self.assertEqual([p.name for p in self.tmp.iterdir()], ["wide.yaml"])

    def test_sixty_five_actors_or_sources_are_over_the_bound(self):
        proc = run("validate", self.write("over.yaml", actors_file(65)))
        self.assertRan(proc, 1)
        self.assertIn("[too-many-actors]", proc.stderr)
        proc = run("validate", self.write("cites.yaml", actors_file(1, sources=65)))
        self.assertRan(proc, 1)
        self.assertIn("[too-many-sources]", proc.stderr)
        self.assertIn("at most 64", proc.stderr)
        self.assertRan(run("validate", self.write("ok.yaml", actors_file(64, sources=64))), 0)

    def write(self, name, text):
        path = self.tmp / name
        path.write_text(text)
        return path

    def test_sixty_four_a_side_renders_quickly_with_one_arrow_per_recipient_and_side(self):
        scene = self.tmp / "scene.json"
        proc, cpu, out = self.render("limit.yaml", actors_file(64), "--scene", scene)
        self.assertRan(proc)
        self.assertLess(cpu, time_limit(10), f"took {cpu:.1f} s of CPU")
        self.assertEqual(qpdf_problems(out), [])
        # Every supplier's arrows run at the event's x, so an arrow from a nearer supplier
        # to a recipient lies under the one from the farthest: 64 arrows, not 64 x 64.
        arrows = [i for i in json.loads(scene.read_text())["items"] if i["role"] == "support"]
        self.assertEqual(sorted({a["to_lane"] for a in arrows}),
                         sorted(f"A{i}" for i in range(64, 128)))
        self.assertLessEqual(len(arrows), 64)

    def test_ten_events_at_the_bound_render_in_every_format(self):
        text = actors_file(64, events=10, sources=64)
        proc, cpu, out = self.render("ten.yaml", text, "-o", self.tmp / "ten.svg",
                                         "-o", self.tmp / "ten.png")
        self.assertRan(proc)
        self.assertLess(cpu, time_limit(20), f"took {cpu:.1f} s of CPU")
        self.assertEqual(qpdf_problems(out), [])
        self.assertFalse([p for p in self.tmp.iterdir() if ".tmp" in p.name])

    def render_in_detail(self, shape):
        """Renders 10,000 generated events in detail; returns the CPU seconds it took (CPU
        time, not wall time, since the cores are shared)."""
        # A sanitizer build (TIMELINE_TIME_FACTOR above 1) draws 2,000: it looks for memory
        # errors, and 10,000 would take it past the helper's two minutes.
        events = 10000 if float(os.environ.get("TIMELINE_TIME_FACTOR", "1")) <= 1 else 2000
        folder = self.tmp / shape
        subprocess.run([sys.executable, SOURCE_DIR / "bench" / "generate_events.py", "--events",
                        str(events), "--out", folder, "--shape", shape],
                       check=True, capture_output=True)
        out = self.tmp / f"{shape}.pdf"
        proc, cpu = run_for_cpu("render", folder, "-o", out, "--layout", "detail")
        self.assertRan(proc)
        self.assertEqual(qpdf_problems(out), [])
        return cpu

    def test_ten_thousand_events_on_one_day_in_detail(self):
        # Every marker and every arrow at one x: markers stack into thousands of rows, and
        # each arrow runs through the rows beside it. 106 s before overlapping shafts were
        # drawn once, as their union; 11.5 s of CPU before measurements were cached and
        # arrows stopped revisiting rows; about 8.5 s since (docs/performance.md).
        cpu = self.render_in_detail("one-day")
        self.assertLess(cpu, time_limit(20), f"took {cpu:.1f} s of CPU")

    def test_ten_thousand_events_over_ten_years_in_detail(self):
        # The page grows with the events, and so does every arrow that crosses its lanes:
        # 111 s of CPU while cairo stroked dashed shafts dash by dash.
        cpu = self.render_in_detail("register")
        self.assertLess(cpu, time_limit(45), f"took {cpu:.1f} s of CPU")

    def test_a_thousand_spread_out_events_in_detail_to_png(self):
        # 1,000 events over 35 years between 60 actors: a page 42,000 pt tall, scaled down
        # to fit 32,767 px, crossed by a dashed shaft per event. 40 s of CPU while cairo
        # averaged a block of the tile's oversampled pixels for every pixel of every shaft.
        rng = random.Random(1)
        actors = [f"A{i}" for i in range(60)]
        lines = ["actors:"] + [f"  - {{id: {a}, name: N{a}}}" for a in actors] + ["events:"]
        for k in range(1000):
            lines.append(f"  - {{id: e{k}, date: {rng.randint(1990, 2024)}-"
                         f"{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}, "
                         f"title: Event number {k} with a longer title, kind: other, "
                         f"from: {rng.choice(actors)}, to: {rng.choice(actors)}, "
                         f"sources: ['https://x.org/{k}']}}")
        path = self.tmp / "spread.yaml"
        path.write_text("\n".join(lines) + "\n")
        out = self.tmp / "spread.png"
        proc, cpu = run_for_cpu("render", path, "-o", out, "--layout", "detail")
        self.assertRan(proc)
        self.assertEqual(png_size(out)[1], 32767)
        self.assertLess(cpu, time_limit(20), f"took {cpu:.1f} s of CPU")

def png_size(path):
    """Width and height from a PNG's header, without decoding a possibly huge image."""
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


class PageAndImageBounds(TempDirTest):
    def render_with(self, page, *outputs):
        template = self.tmp / "t.yaml"
        template.write_text(f"page: {{{page}}}\n")
        args = [a for o in outputs for a in ("-o", self.tmp / o)]
        proc, cpu = run_for_cpu("render", EVENTS, "--template", template, *args)
        self.assertLess(cpu, 30)
        return proc

    def test_page_sizes_outside_the_bounds_are_template_errors(self):
        for page in ("width: 20000", "width: 201in", "height: 50", "width: -5", "margin: 500",
                     "png-dpi: 5000", "png-dpi: 0", "width: 1e308"):
            with self.subTest(page=page):
                proc = self.render_with(page, "x.png")
                self.assertRan(proc, 1)
                self.assertIn("[bad-template]", proc.stderr)
                self.assertFalse((self.tmp / "x.png").exists())

    def test_a_png_larger_than_cairo_allows_is_scaled_to_32767_pixels(self):
        # 10,000 pt at 1,200 dpi would be 166,667 pixels wide; cairo stops at 32,767.
        proc = self.render_with("width: 10000, height: 100, png-dpi: 1200", "wide.png", "wide.pdf")
        self.assertRan(proc)
        width, height = png_size(self.tmp / "wide.png")
        self.assertEqual(width, 32767)
        self.assertLessEqual(height, 32767)

    def test_the_widest_page_at_the_highest_resolution_still_renders(self):
        # 14400 * (32767 / 14400) is 32767.000000000004 in floating point: ceil() once asked
        # cairo for a 32,768-pixel surface and the render failed with exit 3.
        proc = self.render_with("width: 14400, height: 100, png-dpi: 1200", "widest.png")
        self.assertRan(proc)
        self.assertEqual(png_size(self.tmp / "widest.png")[0], 32767)


if __name__ == "__main__":
    unittest.main()
