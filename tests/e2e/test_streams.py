"""Standard streams, --quiet, the progress line, and signals in the middle of a render."""
import os
import shutil
import signal
import subprocess
import time
import unittest

from helpers import EVENTS, SOURCE_DIR, TIMELINE, TempDirTest, run, run_on_terminal


def write_events(folder, count, files=10):
    """Writes `count` valid events over `files` files, with their actors."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "actors.yaml").write_text(
        "actors:\n" + "".join(f"  - {{id: A{i}, name: Actor {i}}}\n" for i in range(8)))
    per_file = (count + files - 1) // files
    for f in range(files):
        lines = ["events:\n"]
        for n in range(f * per_file, min(count, (f + 1) * per_file)):
            year, month, day = 2015 + n % 10, 1 + n % 12, 1 + n % 28
            lines.append(
                f"  - id: event-{n}\n"
                f"    date: {year}-{month:02d}-{day:02d}\n"
                f"    title: Event number {n} with a title long enough to need room\n"
                f"    kind: arms-transfer\n"
                f"    from: A{n % 8}\n"
                f"    to: A{(n + 3) % 8}\n"
                f"    confidence: reported\n"
                f"    sources:\n"
                f"      - {{publisher: Source {n % 50}, title: Report {n}, "
                f"url: 'https://example.org/{n}', date: {year}}}\n")
        (folder / f"events-{f:03d}.yaml").write_text("".join(lines))


def temporaries(folder):
    return sorted(p.name for p in folder.iterdir() if ".tmp." in p.name)


def default_signal_actions():
    """Undoes what a parent (nohup, a shell in the background) may have ignored."""
    for sig in (signal.SIGINT, signal.SIGHUP, signal.SIGQUIT):
        signal.signal(sig, signal.SIG_DFL)


def interrupt_while_writing(sig, events, outs, wait_for=None):
    """Starts a render of `outs` and sends `sig` once the temporary file of the output named
    `wait_for` (default: of any) exists. Returns the exit status, or None when the render
    finished first."""
    folder = outs[0].parent
    args = [TIMELINE, "render", events]
    for out in outs:
        args += ["-o", out]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=default_signal_actions)
    deadline = time.monotonic() + 60
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            names = temporaries(folder)
            if any(wait_for is None or n.startswith(f".{wait_for}.tmp.") for n in names):
                os.kill(proc.pid, sig)
                return proc.wait(30)
            time.sleep(0.001)
        return None
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        proc.stderr.close()


class Signals(TempDirTest):
    """SIGTERM or SIGINT while an output is being written: the previous output stays and no
    temporary file is left."""

    def test_a_signal_mid_render_keeps_the_previous_output(self):
        for sig in (signal.SIGTERM, signal.SIGINT):
            with self.subTest(signal=sig.name):
                count = 1000
                while True:
                    events = self.tmp / f"events-{count}"
                    if not events.exists():
                        write_events(events, count)
                    out = self.tmp / "out" / "chart.pdf"
                    out.parent.mkdir(exist_ok=True)
                    out.write_bytes(b"the previous chart")
                    status = interrupt_while_writing(sig, events, [out])
                    if status is not None or count >= 16000:
                        break
                    count *= 4  # finished before the signal: try a larger render
                self.assertEqual(status, -sig, "the render must end killed by the signal")
                self.assertEqual(out.read_bytes(), b"the previous chart")
                self.assertEqual(temporaries(out.parent), [])


class Streams(TempDirTest):
    def test_dash_output_writes_standard_output(self):
        proc = subprocess.run([TIMELINE, "render", EVENTS, "-o", "-", "--format", "svg"],
                              capture_output=True, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertTrue(proc.stdout.startswith(b"<?xml"), proc.stdout[:40])
        self.assertIn(b"standard output", proc.stderr)
        for fmt, magic in (("pdf", b"%PDF-"), ("png", b"\x89PNG")):
            proc = subprocess.run([TIMELINE, "render", EVENTS, "-o", "-", "--format", fmt, "-qq"],
                                  capture_output=True, timeout=60)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            self.assertTrue(proc.stdout.startswith(magic))
            self.assertEqual(proc.stderr, b"")

    def test_dash_output_needs_a_format(self):
        proc = run("render", EVENTS, "-o", "-")
        self.assertRan(proc, 2)
        self.assertIn("--format", proc.stderr)
        self.assertEqual(proc.stdout, "")
        self.assertRan(run("render", EVENTS, "-o", "-", "-o", "-", "--format", "svg"), 2)

    def test_a_failed_render_writes_nothing_to_standard_output(self):
        bad = self.tmp / "bad.yaml"
        bad.write_text("events:\n  - id: x\n")
        proc = run("render", bad, "-o", "-", "--format", "svg")
        self.assertRan(proc, 1)
        self.assertEqual(proc.stdout, "")

    def test_dash_input_reads_standard_input(self):
        text = (SOURCE_DIR / "tests" / "fixtures" / "valid" / "single-event.yaml").read_text()
        out, scene = self.tmp / "chart.svg", self.tmp / "scene.json"
        proc = run("render", "-", "-o", out, "--scene", scene, "--depfile", self.tmp / "chart.d",
                   input=text)
        self.assertRan(proc)
        self.assertIn("russia-army-expansion-2024", scene.read_text())
        self.assertNotIn("stdin", (self.tmp / "chart.d").read_text())
        proc = run("validate", "-", input="events:\n  - id: x\n    titel: oops\n")
        self.assertRan(proc, 1)
        self.assertRegex(proc.stderr, r"<stdin>:3:5: error: .*\[unknown-key\]")
        self.assertRan(run("validate", "-", "-", input=text), 2)

    def test_results_go_to_stdout_and_messages_to_stderr(self):
        out = self.tmp / "chart.pdf"
        proc = run("render", EVENTS, "-o", out, "-o", self.tmp / "chart.svg")
        self.assertRan(proc)
        self.assertEqual(proc.stdout, "")
        self.assertRegex(proc.stderr, r"^timeline: wrote .*chart\.pdf, .*chart\.svg \(\d+ events\)\n$")
        proc = run("list", EVENTS)
        self.assertRan(proc)
        self.assertIn("iran", proc.stdout)
        self.assertEqual(proc.stderr, "")


class Quiet(TempDirTest):
    def test_quiet_keeps_the_line_that_says_it_worked_and_twice_quiet_prints_nothing(self):
        self.assertRegex(run("render", EVENTS, "-o", self.tmp / "a.svg", "--quiet").stderr,
                         r"^timeline: wrote .*a\.svg \(\d+ events\)\n$")
        self.assertRegex(run("validate", EVENTS, "-q").stderr, r"^timeline: \d+ events .* valid\n$")
        for silent in (["-qq"], ["--quiet", "--quiet"], ["-q", "-q"]):
            self.assertEqual(run("render", EVENTS, "-o", self.tmp / "a.svg", *silent).stderr, "")
            self.assertEqual(run("validate", EVENTS, *silent).stderr, "")
        self.assertIn("are valid", run("validate", EVENTS).stderr)

    def test_one_event_in_one_file_is_said_in_the_singular(self):
        one = self.tmp / "one.yaml"
        one.write_text("actors: [{id: a, name: A}]\nevents:\n"
                       "  - {id: e, date: 2024, title: T, kind: diplomatic, actors: [a],"
                       " sources: [https://example.org/]}\n")
        self.assertEqual(run("validate", one).stderr, "timeline: 1 event in 1 file is valid\n")

    def test_quiet_hides_warnings_but_not_errors(self):
        events = self.tmp / "events"
        shutil.copytree(EVENTS, events)
        (events / "empty.yaml").write_text("\n")  # a warning: the file holds no events
        loud = run("validate", events)
        self.assertRan(loud)
        self.assertIn("warning", loud.stderr)
        self.assertNotIn("warning", run("validate", events, "--quiet").stderr)
        self.assertNotIn("warning", run("render", events, "-o", self.tmp / "a.svg", "-q").stderr)
        self.assertEqual(run("render", events, "-o", self.tmp / "a.svg", "-qq").stderr, "")
        (events / "bad.yaml").write_text("events:\n  - id: x\n    titel: oops\n")
        proc = run("render", events, "-o", self.tmp / "a.svg", "-q")
        self.assertRan(proc, 1)
        self.assertIn("error", proc.stderr)
        self.assertNotIn("warning", proc.stderr)


class ProgressLine(TempDirTest):
    def run_on_terminal(self, *args):
        return run_on_terminal(*args, env={"TIMELINE_PROGRESS_AFTER_MS": "0", "NO_COLOR": "1"})

    def test_progress_shows_stages_on_a_terminal_only(self):
        out = self.tmp / "chart.pdf"
        status, shown = self.run_on_terminal("render", EVENTS, "-o", out)
        self.assertEqual(status, 0, shown)
        self.assertIn("\rtimeline: laying out", shown.replace("\x1b[K", ""))
        self.assertIn("writing", shown)
        self.assertIn("timeline: wrote", shown)
        self.assertTrue(shown.rstrip().endswith("events)"), repr(shown))
        quiet_status, quiet = self.run_on_terminal("render", EVENTS, "-o", out, "-qq")
        self.assertEqual((quiet_status, quiet), (0, ""))
        proc = run("render", EVENTS, "-o", out, env={"TIMELINE_PROGRESS_AFTER_MS": "0"})
        self.assertRan(proc)
        self.assertNotIn("\r", proc.stderr)
        self.assertNotIn("laying out", proc.stderr)


if __name__ == "__main__":
    unittest.main()
