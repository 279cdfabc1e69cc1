"""Where outputs go and what a failure leaves there: devices, pipes and symlinks are never
replaced, several outputs change together or not at all, every signal that ends the process
removes its temporary files, and standard output is checked on every command."""
import fcntl
import os
import pathlib
import resource
import select
import signal
import stat
import subprocess
import threading
import unittest

from helpers import EVENTS, TIMELINE, TempDirTest, run
from test_streams import interrupt_while_writing, temporaries, write_events


def render(*args, preexec_fn=None, stdout=subprocess.PIPE):
    return subprocess.run([TIMELINE, "render", EVENTS, *map(str, args)], stdout=stdout,
                          stderr=subprocess.PIPE, preexec_fn=preexec_fn, timeout=120)


class PipeReader(threading.Thread):
    """Reads a FIFO to its end in the background, as a consumer of the chart would."""

    def __init__(self, path):
        super().__init__(daemon=True)
        self.path, self.data = path, None

    def run(self):
        with open(self.path, "rb") as f:
            self.data = f.read()

    def finish(self):
        """Waits for the reader (the writer has ended: its data is in the pipe, or the pipe
        was never opened); if no writer ever opened the FIFO, opens it so the reader ends."""
        self.join(2)
        if self.is_alive() and stat.S_ISFIFO(os.lstat(self.path).st_mode):
            os.close(os.open(self.path, os.O_WRONLY | os.O_NONBLOCK))
            self.join(10)


class NotRegularOutputs(TempDirTest):
    """An output that is not a regular file is written in place, never replaced by a file."""

    def test_a_fifo_is_written_in_place_and_stays_a_fifo(self):
        fifo = self.tmp / "chart.svg"
        os.mkfifo(fifo)
        reader = PipeReader(fifo)
        reader.start()
        proc = render("-o", fifo)
        reader.finish()
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertTrue(stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced")
        self.assertIsNotNone(reader.data)
        self.assertTrue(reader.data.startswith(b"<?xml"), reader.data[:40])
        self.assertIn(b"</svg>", reader.data)
        self.assertEqual(temporaries(self.tmp), [])

    def test_a_character_device_stays_a_character_device(self):
        device = self.tmp / "null.pdf"
        try:
            os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # what /dev/null is
        except PermissionError:
            self.skipTest("mknod needs root")
        proc = render("-o", device)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        st = os.lstat(device)
        self.assertTrue(stat.S_ISCHR(st.st_mode), "the device was replaced by a file")
        self.assertEqual(st.st_rdev, os.makedev(1, 3))
        self.assertEqual(temporaries(self.tmp), [])

    def test_standard_output_named_by_path_is_written_in_place(self):
        for path in ("/proc/self/fd/1", "/dev/fd/1", "/dev/stdout"):
            with self.subTest(path=path):
                proc = render("-o", path, "--format", "svg")
                self.assertEqual(proc.returncode, 0, proc.stderr)
                self.assertTrue(proc.stdout.startswith(b"<?xml"), proc.stdout[:40])
        self.assertTrue(os.path.islink("/dev/stdout"))

    def test_a_terminal_is_written_in_place(self):
        master, slave = os.openpty()
        try:
            path = os.ttyname(slave)
            received = bytearray()
            done = threading.Event()

            def drain():  # a terminal blocks its writer once its buffer is full
                while not done.is_set() or select.select([master], [], [], 0)[0]:
                    if select.select([master], [], [], 0.05)[0]:
                        try:
                            received.extend(os.read(master, 65536))
                        except OSError:
                            break

            reader = threading.Thread(target=drain, daemon=True)
            reader.start()
            proc = render("-o", path, "--format", "svg")
            done.set()
            reader.join(10)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            self.assertTrue(stat.S_ISCHR(os.stat(path).st_mode))
            self.assertIn(b"<svg", bytes(received))
        finally:
            os.close(slave)
            os.close(master)

    def test_a_failed_render_writes_nothing_into_a_fifo(self):
        fifo = self.tmp / "chart.svg"
        os.mkfifo(fifo)
        bad = self.tmp / "bad.yaml"
        bad.write_text("events:\n  - id: x\n")
        reader = PipeReader(fifo)
        reader.start()
        proc = run("render", bad, "-o", fifo)
        reader.finish()
        self.assertRan(proc, 1)
        self.assertEqual(reader.data, b"")  # opened only by finish(): nothing was written
        self.assertTrue(stat.S_ISFIFO(os.lstat(fifo).st_mode))


class ReplacedFiles(TempDirTest):
    def test_a_symlink_is_kept_and_its_target_replaced(self):
        (self.tmp / "real").mkdir()
        target = self.tmp / "real" / "chart.pdf"
        target.write_bytes(b"previous")
        link = self.tmp / "chart.pdf"
        os.symlink("real/chart.pdf", link)
        proc = render("-o", link)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertTrue(link.is_symlink(), "the link was replaced by a file")
        self.assertEqual(os.readlink(link), "real/chart.pdf")
        self.assertTrue(target.read_bytes().startswith(b"%PDF-"))
        self.assertEqual(temporaries(self.tmp) + temporaries(self.tmp / "real"), [])

    def test_a_dangling_symlink_creates_its_target(self):
        link = self.tmp / "chart.svg"
        os.symlink("made.svg", link)
        proc = render("-o", link)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertTrue(link.is_symlink())
        self.assertTrue((self.tmp / "made.svg").read_bytes().startswith(b"<?xml"))

    def test_the_mode_of_a_replaced_file_is_kept(self):
        for mode in (0o600, 0o640, 0o755):
            with self.subTest(mode=oct(mode)):
                out = self.tmp / "chart.svg"
                out.write_bytes(b"previous")
                os.chmod(out, mode)
                proc = render("-o", out)
                self.assertEqual(proc.returncode, 0, proc.stderr)
                self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), mode)

    def test_setuid_bits_are_not_carried_over(self):
        out = self.tmp / "chart.svg"
        out.write_bytes(b"previous")
        os.chmod(out, 0o4755)
        proc = render("-o", out)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o755)

    def test_a_new_file_gets_the_usual_mode_under_the_umask(self):
        out = self.tmp / "chart.svg"
        old = os.umask(0o027)
        try:
            proc = render("-o", out)
        finally:
            os.umask(old)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o640)


class StaleTemporaries(TempDirTest):
    def test_a_stale_temporary_of_the_same_output_is_removed(self):
        out = self.tmp / "chart.pdf"
        stale = self.tmp / ".chart.pdf.tmp.AbC123"
        stale.write_bytes(b"left by a render killed with -9")
        other = self.tmp / ".other.pdf.tmp.AbC123"
        other.write_bytes(b"not ours")
        proc = render("-o", out)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertFalse(stale.exists(), "the stale temporary file is still there")
        self.assertTrue(other.exists(), "another output's temporary file was removed")

    def test_a_temporary_another_render_holds_is_kept(self):
        out = self.tmp / "chart.pdf"
        live = self.tmp / ".chart.pdf.tmp.LiVe99"
        with open(live, "wb") as f:
            fcntl.flock(f, fcntl.LOCK_EX)  # what a live render holds on its temporary file
            proc = render("-o", out)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            self.assertTrue(live.exists(), "a live render's temporary file was removed")

    def test_a_killed_render_leaves_a_temporary_the_next_render_removes(self):
        events = self.tmp / "events"
        write_events(events, 4000)
        out = self.tmp / "out" / "chart.pdf"
        out.parent.mkdir()
        status = interrupt_while_writing(signal.SIGKILL, events, [out])
        if status is None:
            self.skipTest("the render finished before it could be killed")
        self.assertEqual(status, -signal.SIGKILL)
        self.assertNotEqual(temporaries(out.parent), [])
        proc = render("-o", out)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(temporaries(out.parent), [])


class Signals(TempDirTest):
    """Every signal whose default action ends the process removes the temporary files."""

    def signalled_render(self, sig, outs, wait_for=None):
        count = 1000
        while True:
            events = self.tmp / f"events-{count}"
            if not events.exists():
                write_events(events, count)
            for out in outs:
                out.write_bytes(b"the previous chart")
            status = interrupt_while_writing(sig, events, outs, wait_for)
            if status is not None or count >= 16000:
                return status
            count *= 4

    def test_every_terminating_signal_removes_the_temporary_file(self):
        out_dir = self.tmp / "out"
        out_dir.mkdir()
        out = out_dir / "chart.pdf"
        for sig in (signal.SIGQUIT, signal.SIGPIPE, signal.SIGALRM, signal.SIGUSR1,
                    signal.SIGUSR2, signal.SIGXCPU, signal.SIGXFSZ, signal.SIGVTALRM,
                    signal.SIGPROF, signal.SIGABRT, signal.SIGRTMIN):
            with self.subTest(signal=signal.Signals(sig).name if sig != signal.SIGRTMIN
                              else "SIGRTMIN"):
                status = self.signalled_render(sig, [out])
                self.assertEqual(status, -sig, "the render must end killed by the signal")
                self.assertEqual(out.read_bytes(), b"the previous chart")
                self.assertEqual(temporaries(out_dir), [])

    def test_a_file_size_limit_removes_the_temporary_file(self):
        out = self.tmp / "chart.png"
        out.write_bytes(b"the previous chart")
        proc = render("-o", out, preexec_fn=lambda: resource.setrlimit(
            resource.RLIMIT_FSIZE, (16384, 16384)))
        self.assertEqual(proc.returncode, -signal.SIGXFSZ, proc.stderr)
        self.assertEqual(out.read_bytes(), b"the previous chart")
        self.assertEqual(temporaries(self.tmp), [])

    def test_a_signal_between_outputs_changes_none_of_them(self):
        out_dir = self.tmp / "out"
        out_dir.mkdir()
        outs = [out_dir / "c.pdf", out_dir / "c.png"]
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            with self.subTest(signal=sig.name):
                status = self.signalled_render(sig, outs, wait_for="c.png")
                self.assertEqual(status, -sig)
                for out in outs:
                    self.assertEqual(out.read_bytes(), b"the previous chart", out.name)
                self.assertEqual(temporaries(out_dir), [])


class OnePictureOfManyPages(TempDirTest):
    def test_an_svg_or_png_of_a_chart_over_pages_says_it_holds_the_first(self):
        # They held page 1 of a `pages` document without a word.
        svg, png, pdf = self.tmp / "c.svg", self.tmp / "c.png", self.tmp / "c.pdf"
        proc = render("--layout", "pages", "-o", svg, "-o", png)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        err = proc.stderr.decode()
        self.assertIn(f"{svg} holds page 1 of 2; the other pages are only in a PDF "
                      "[first-page-only]", err)
        self.assertIn(f"{png} holds page 1 of 2", err)
        proc = render("--layout", "pages", "-o", pdf, "-o", svg)
        self.assertIn(f"{svg} holds page 1 of 2; {pdf} holds them all", proc.stderr.decode())
        # One page, one picture: nothing to say.
        self.assertNotIn(b"first-page-only", render("-o", svg).stderr)
        self.assertNotIn(b"first-page-only", render("--layout", "pages", "-o", pdf).stderr)


class AllOrNothing(TempDirTest):
    def test_a_later_output_that_fails_leaves_the_earlier_ones_unchanged(self):
        outs = [self.tmp / "c.pdf", self.tmp / "c.png", self.tmp / "scene.json",
                self.tmp / "c.d"]
        for out in outs:
            out.write_bytes(b"previous")

        def pdf_fits_png_does_not():
            # The PDF of the sample events is about 40 KB, the PNG about 250 KB.
            resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

        proc = render("-o", outs[0], "-o", outs[1], "--scene", outs[2], "--depfile", outs[3],
                      preexec_fn=pdf_fits_png_does_not)
        self.assertEqual(proc.returncode, 3, proc.stderr)
        self.assertIn(b"c.png", proc.stderr)
        for out in outs:
            self.assertEqual(out.read_bytes(), b"previous", out.name)
        self.assertEqual(temporaries(self.tmp), [])

    def test_a_pages_pdf_that_fails_while_it_is_laid_out_leaves_the_files_unchanged(self):
        # A `pages` PDF is written while its pages are laid out (cli/streamed_pdf): a failure
        # then must still change nothing, and leave no temporary file.
        outs = [self.tmp / "c.pdf", self.tmp / "scene.json"]
        for out in outs:
            out.write_bytes(b"previous")

        def small_files_only():
            resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

        proc = render("--layout", "pages", "-o", outs[0], "--scene", outs[1],
                      preexec_fn=small_files_only)
        self.assertEqual(proc.returncode, 3, proc.stderr)
        self.assertIn(b"c.pdf", proc.stderr)
        self.assertNotIn(b"internal error", proc.stderr)
        for out in outs:
            self.assertEqual(out.read_bytes(), b"previous", out.name)
        self.assertEqual(temporaries(self.tmp), [])

    def test_a_failed_standard_output_leaves_the_files_unchanged(self):
        out = self.tmp / "c.pdf"
        out.write_bytes(b"previous")
        with open("/dev/full", "wb") as full:
            proc = render("-o", out, "-o", "-", "--format", "svg", stdout=full)
        self.assertEqual(proc.returncode, 3, proc.stderr)
        self.assertEqual(out.read_bytes(), b"previous")
        self.assertEqual(temporaries(self.tmp), [])


def close_stdout():
    os.close(1)


class CheckedStandardOutput(TempDirTest):
    """Every command that writes standard output checks the writes and the final flush."""

    COMMANDS = [
        ("list", EVENTS),
        ("list", EVENTS, "--format", "json"),
        ("list", EVENTS, "--format", "csv"),
        ("validate", EVENTS, "--format", "json"),
        ("render", EVENTS, "-o", "-", "--format", "svg"),
    ]

    def check_fails(self, stdout=None, preexec_fn=None):
        for args in self.COMMANDS:
            with self.subTest(args=" ".join(map(str, args[:1] + args[2:]))):
                proc = subprocess.run([TIMELINE, *map(str, args)], stdout=stdout,
                                      stderr=subprocess.PIPE, preexec_fn=preexec_fn, timeout=60)
                self.assertEqual(proc.returncode, 3, proc.stderr)
                self.assertIn(b"standard output", proc.stderr)
                self.assertNotIn(b"internal error", proc.stderr)

    def test_a_full_device_is_exit_3(self):
        with open("/dev/full", "wb") as full:
            self.check_fails(stdout=full)

    def test_a_closed_standard_output_is_exit_3(self):
        self.check_fails(preexec_fn=close_stdout)

    def test_a_closed_standard_output_is_not_taken_by_an_output_file(self):
        # The temporary file of chart.svg must not get descriptor 1, or what is meant for
        # standard output would be written into it.
        out = self.tmp / "chart.svg"
        proc = subprocess.run([TIMELINE, "render", EVENTS, "-o", out, "-o", "-", "--format",
                               "svg"], stderr=subprocess.PIPE, preexec_fn=close_stdout,
                              timeout=60)
        self.assertEqual(proc.returncode, 3, proc.stderr)
        self.assertIn(b"standard output", proc.stderr)
        self.assertFalse(out.exists())
        self.assertEqual(temporaries(self.tmp), [])

class OutputsThatAreInputs(TempDirTest):
    """An output that is also a file the render reads is refused before anything is written:
    the rename would have replaced the input with the chart (a red-team finding)."""

    def setUp(self):
        super().setUp()
        self.events = self.tmp / "events.yaml"
        self.events.write_text((EVENTS / "iran-missile-shipment.yaml").read_text())
        self.actors = self.tmp / "actors.yaml"
        self.actors.write_text((EVENTS / "actors.yaml").read_text())
        self.original = self.events.read_bytes()

    def assertRefused(self, proc, name):
        self.assertEqual(proc.returncode, 3, proc.stderr)
        self.assertIn(f"cannot write '{name}': it is also an input", proc.stderr)
        self.assertEqual(self.events.read_bytes(), self.original)
        self.assertEqual(temporaries(self.tmp), [])

    def test_an_event_file_named_as_an_output_scene_or_depfile_is_kept(self):
        cases = {
            "output": ["-o", self.events, "--format", "pdf"],
            "scene": ["-o", self.tmp / "c.pdf", "--scene", self.events],
            "depfile": ["-o", self.tmp / "c.pdf", "--depfile", self.events],
        }
        for what, args in cases.items():
            with self.subTest(what):
                proc = run("render", self.events, self.actors, *args)
                self.assertRefused(proc, str(self.events))
                self.assertFalse((self.tmp / "c.pdf").exists(), "nothing else is written")

    def test_an_input_reached_through_a_link_or_a_folder_is_kept(self):
        link = self.tmp / "chart.pdf"
        link.symlink_to(self.events)
        self.assertRefused(run("render", self.events, self.actors, "-o", link), str(link))
        self.assertRefused(run("render", self.tmp, "-o", self.events, "--format", "png"),
                           str(self.events))

    def test_the_template_is_kept(self):
        template = self.tmp / "mine.yaml"
        template.write_text((EVENTS.parent / "templates" / "default.yaml").read_text())
        before = template.read_bytes()
        proc = run("render", self.events, self.actors, "--template", template,
                   "-o", self.tmp / "c.pdf", "--scene", template)
        self.assertEqual(proc.returncode, 3, proc.stderr)
        self.assertIn("it is also an input", proc.stderr)
        self.assertEqual(template.read_bytes(), before)

    def test_standard_input_read_from_the_output_file_is_kept(self):
        combined = self.tmp / "all.yaml"
        combined.write_text(self.actors.read_text() + "\n" + self.events.read_text()
                            .replace("events:", "events:", 1))
        before = combined.read_bytes()
        with open(combined, "rb") as stdin:
            proc = subprocess.run([TIMELINE, "render", "-", "-o", combined, "--format", "pdf"],
                                  stdin=stdin, capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.returncode, 3, proc.stderr)
        self.assertIn("it is also an input", proc.stderr)
        self.assertEqual(combined.read_bytes(), before)


class StandardOutputNamedTwice(TempDirTest):
    def test_dash_and_dev_stdout_together_are_refused(self):
        out = self.tmp / "out.svg"
        with open(out, "wb") as stdout:
            proc = subprocess.run([TIMELINE, "render", EVENTS, "-o", "/dev/stdout", "-o", "-",
                                   "--format", "svg"], stdout=stdout, stderr=subprocess.PIPE,
                                  text=True, timeout=60)
        self.assertEqual(proc.returncode, 3, proc.stderr)
        self.assertIn("named more than once", proc.stderr)
        self.assertEqual(out.read_bytes(), b"")


class OutOfMemory(TempDirTest):
    def setUp(self):
        super().setUp()
        if b"__asan_init" in pathlib.Path(TIMELINE).read_bytes():
            self.skipTest("a sanitizer build reserves more address space than any limit here")

    def render_limited(self, out, mib, *inputs):
        limit = mib << 20
        args = [TIMELINE, "render", *(inputs or [EVENTS]), "-o", out, "--layout", "detail"]
        return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120,
                              preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS,
                                                                    (limit, limit)))

    def test_an_address_space_below_what_a_render_needs_is_refused_at_once(self):
        # Below 256 MiB, Pango could not start its font threads: GLib ended the process with
        # SIGTRAP, fontconfig crashed, or (2 runs in 10 at 96 MiB) the render waited forever
        # for a thread that never started.
        out = self.tmp / "chart.png"
        for mib in (64, 96, 128, 160, 192, 255):
            with self.subTest(limit_mib=mib):
                out.write_bytes(b"previous")
                proc = self.render_limited(out, mib)
                self.assertEqual(proc.returncode, 3, proc.stderr)
                self.assertIn(b"out of memory: the address-space limit (ulimit -v) is", proc.stderr)
                self.assertIn(b"at least 256 MiB", proc.stderr)
                self.assertEqual(out.read_bytes(), b"previous")
                self.assertEqual(temporaries(self.tmp), [])

    def test_a_small_address_space_is_a_clear_error_and_leaves_nothing(self):
        # 2,000 events in detail make a PNG of 32,767 pixels by about 2,500: some 330 MB.
        events = self.tmp / "many"
        write_events(events, 2000)
        out = self.tmp / "chart.png"
        seen_message = False
        for mib in (256, 288, 320, 384):
            with self.subTest(limit_mib=mib):
                out.write_bytes(b"previous")
                proc = self.render_limited(out, mib, events)
                # GLib's fatal errors are exit 3 too; only a crash inside fontconfig still
                # ends by its signal.
                self.assertIn(proc.returncode, (0, 3, -signal.SIGSEGV), proc.stderr)
                self.assertEqual(temporaries(self.tmp), [])
                if proc.returncode != 0:
                    self.assertEqual(out.read_bytes(), b"previous")
                    self.assertIn(b"memory", proc.stderr)
                    self.assertNotIn(b"folder exists", proc.stderr)
                    seen_message = seen_message or b"out of memory" in proc.stderr
        self.assertTrue(seen_message, "no limit gave the out-of-memory message")


if __name__ == "__main__":
    unittest.main()
