"""render --watch: renders again on a real file change, keeps the last good output, ends on
Ctrl-C."""
import re
import shutil
import signal
import subprocess
import threading
import time
import unittest

from helpers import EVENTS, SOURCE_DIR, TIMELINE, TempDirTest, run, tool


def temporaries(folder):
    return sorted(p.name for p in folder.iterdir() if ".tmp." in p.name)


class Watch(TempDirTest):
    def test_watch_renders_on_change_keeps_the_last_good_output_and_ends_on_ctrl_c(self):
        events = self.tmp / "events"
        shutil.copytree(EVENTS, events)
        out = self.tmp / "chart.pdf"
        proc = subprocess.Popen([TIMELINE, "render", events, "-o", out, "--watch"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        lines = []
        reader = threading.Thread(target=lambda: lines.extend(proc.stderr), daemon=True)
        reader.start()

        def wait_for(condition, what, timeout=5):
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                if condition():
                    return
                self.assertIsNone(proc.poll(), f"the watch ended while waiting for {what}:\n"
                                  + "".join(lines))
                time.sleep(0.02)
            self.fail(f"no {what} within {timeout} s:\n" + "".join(lines))

        def pdf_text():
            return " ".join(tool("pdftotext", out, "-").stdout.split()) if out.exists() else ""

        def rendered_lines():
            return [l for l in lines if re.match(r"\d\d:\d\d:\d\d rendered \d+ events in \d+ ms$", l)]

        try:
            wait_for(lambda: rendered_lines(), "first render")
            self.assertIn("Iran delivers", pdf_text())
            shipment = events / "iran-missile-shipment.yaml"
            shipment.write_text(shipment.read_text().replace("Iran delivers", "Tehran ships"))
            wait_for(lambda: "Tehran ships" in pdf_text(), "render of the edited title", 2)
            good = out.read_bytes()

            shipment.write_text(shipment.read_text() + "\nevents: [\n")
            wait_for(lambda: any("not rendered" in l for l in lines), "failed render")
            self.assertTrue(any("iran-missile-shipment.yaml" in l and "error" in l for l in lines),
                            "".join(lines))
            self.assertIsNone(proc.poll(), "an invalid save must not end the watch")
            self.assertEqual(out.read_bytes(), good)
            self.assertEqual(temporaries(self.tmp), [])

            proc.send_signal(signal.SIGINT)
            self.assertEqual(proc.wait(5), 0, "".join(lines))
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            reader.join(5)
            proc.stderr.close()

    def test_each_render_prints_only_new_problems_and_counts_the_rest(self):
        # 429 warnings reprinted at every save bury the one the save caused.
        events = self.tmp / "events"
        shutil.copytree(EVENTS, events)
        talks = events / "talks.yaml"
        talk = ("  - {{id: {0}, date: 2024-05-0{1}, title: Talks {0}, kind: diplomatic, "
                "actors: [UA], sources: [{{publisher: Paper}}]}}\n")
        talks.write_text("events:\n" + talk.format("w1", 1))
        proc, _, wait_for_render = self.start_watch(events, "-o", self.tmp / "chart.pdf")
        lines = proc.lines

        def warnings_about(event):
            return sum(1 for l in lines if f"no source of '{event}' has a URL" in l)

        wait_for_render(1)
        self.assertEqual(warnings_about("w1"), 1)
        # A save elsewhere: the old warning is counted, not printed again.
        shipment = events / "iran-missile-shipment.yaml"
        shipment.write_text(shipment.read_text().replace("Iran delivers", "Tehran ships"))
        wait_for_render(2)
        self.assertEqual(warnings_about("w1"), 1, "".join(lines))
        self.assertTrue(any("1 problem printed before is still there" in l for l in lines),
                        "".join(lines))
        # A save that adds a problem: that one in full, the old one counted.
        talks.write_text(talks.read_text() + talk.format("w2", 2))
        wait_for_render(3)
        self.assertEqual(warnings_about("w1"), 1, "".join(lines))
        self.assertEqual(warnings_about("w2"), 1, "".join(lines))

    def test_the_layouts_warning_is_printed_once_too_not_at_every_save(self):
        # page-too-small is known only after the layout: it was printed at every save.
        events = self.tmp / "events"
        shutil.copytree(EVENTS, events)
        template = self.tmp / "tiny.yaml"
        template.write_text("name: tiny\npage:\n  width: 200\n  height: 150\n  margin: 20\n")
        proc, renders, wait_for_renders = self.start_watch(events, "-t", template, "-o",
                                                           self.tmp / "chart.pdf")
        wait_for_renders(1)
        shipment = events / "iran-missile-shipment.yaml"
        for n, title in enumerate(["Tehran ships", "Tehran sends"], start=2):
            text = shipment.read_text().replace("Iran delivers", title)
            shipment.write_text(text.replace("Tehran ships", title))
            wait_for_renders(n)
        self.assertEqual(renders(), 3, "".join(proc.lines))
        self.assertEqual(sum("[page-too-small]" in l for l in proc.lines), 1, "".join(proc.lines))
        counted = [l for l in proc.lines if "printed before" in l]
        self.assertEqual(len(counted), 2, "".join(proc.lines))
        self.assertIn("1 warning in all", counted[-1])

    def test_a_watch_writes_the_bytes_a_single_render_writes(self):
        # Under --watch the measurer and what drawing learned of the fonts are kept from one
        # render to the next: the chart must not change for it.
        events = self.tmp / "events"
        shutil.copytree(EVENTS, events)
        once = self.tmp / "once.pdf"
        self.assertRan(run("render", events, "-o", once))
        watched = self.tmp / "watched.pdf"
        _, _, wait_for_renders = self.start_watch(events, "-o", watched)
        wait_for_renders(1)
        self.assertEqual(watched.read_bytes(), once.read_bytes())
        shipment = events / "iran-missile-shipment.yaml"
        shipment.write_text(shipment.read_text() + "# a comment changes no event\n")
        wait_for_renders(2)
        self.assertEqual(watched.read_bytes(), once.read_bytes())

    def test_watch_sees_a_new_file_in_the_folder_and_the_template(self):
        events = self.tmp / "events"
        shutil.copytree(EVENTS, events)
        template = self.tmp / "mine.yaml"
        shutil.copy(SOURCE_DIR / "templates" / "default.yaml", template)
        scene = self.tmp / "scene.json"
        proc, renders, wait_for_renders = self.start_watch(
            events, "-o", self.tmp / "chart.svg", "--scene", scene, "--template", template)
        wait_for_renders(1)
        sub = events / "later"
        sub.mkdir()
        wait_for_renders(2)
        (sub / "new.yaml").write_text(
            (events / "russia-invasion.yaml").read_text().replace("id: ", "id: new-"))
        wait_for_renders(3)
        self.assertIn("new-", scene.read_text())
        template.write_text(template.read_text())
        wait_for_renders(4)
        (events / "notes.txt").write_text("not an event file")
        time.sleep(0.4)
        self.assertEqual(renders(), 4, "a file that is not read must not render again")
        proc.send_signal(signal.SIGTERM)
        self.assertEqual(proc.wait(5), 0)

    def start_watch(self, *args):
        """Starts `render --watch ARGS`; returns the process (its stderr lines so far in
        `proc.lines`), a function counting its renders so far and one waiting for the count to
        reach n. The watch is ended when the test ends."""
        proc = subprocess.Popen([TIMELINE, "render", *args, "--watch"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                preexec_fn=lambda: signal.signal(signal.SIGTERM, signal.SIG_DFL))
        lines = []
        reader = threading.Thread(target=lambda: lines.extend(proc.stderr), daemon=True)
        reader.start()
        proc.lines = lines

        def stop():
            if proc.poll() is None:
                proc.kill()
            proc.wait()
            reader.join(5)
            proc.stderr.close()
        self.addCleanup(stop)

        def renders():
            return sum(" rendered " in l for l in lines)

        def wait_for_renders(n):
            deadline = time.monotonic() + 5
            while renders() < n and time.monotonic() < deadline:
                time.sleep(0.02)
            self.assertGreaterEqual(renders(), n, "".join(lines))
        return proc, renders, wait_for_renders

    def test_watch_sees_a_link_to_a_folder_come_and_go(self):
        # inotify reports a new link as a plain entry, not a folder: it used to be ignored.
        events = self.tmp / "events"
        shutil.copytree(EVENTS, events)
        elsewhere = self.tmp / "elsewhere"
        elsewhere.mkdir()
        (elsewhere / "linked.yaml").write_text(
            (events / "russia-invasion.yaml").read_text().replace("id: ", "id: linked-"))
        scene = self.tmp / "scene.json"
        _, _, wait_for_renders = self.start_watch(events, "-o", self.tmp / "chart.svg",
                                                  "--scene", scene)
        wait_for_renders(1)
        (events / "more").symlink_to(elsewhere, target_is_directory=True)
        wait_for_renders(2)
        self.assertIn("linked-", scene.read_text())
        (events / "more").unlink()
        wait_for_renders(3)
        self.assertNotIn("linked-", scene.read_text())

    def test_watch_refuses_standard_streams(self):
        self.assertRan(run("render", "-", "-o", self.tmp / "a.pdf", "--watch", input=""), 2)
        self.assertRan(run("render", EVENTS, "-o", "-", "--format", "svg", "--watch"), 2)


if __name__ == "__main__":
    unittest.main()
