"""Where inputs come from: folders reached through links, pipes, FIFOs and devices. Every
input is read or refused with a word; none is dropped silently, none hangs the run."""
import json
import os
import subprocess
import threading

from helpers import EVENTS, TIMELINE, TempDirTest, run, run_on_terminal

EVENT = """\
actors:
  - {{id: A, name: Alpha}}
  - {{id: B, name: Beta}}
events:
  - id: {id}
    date: 2024-05
    title: Event {id}
    kind: diplomatic
    from: A
    to: B
    sources: [{{publisher: Wire, url: "https://example.org/{id}"}}]
"""


def event_text(event_id):
    return EVENT.format(id=event_id)


def listed_ids(proc):
    return [e["id"] for e in json.loads(proc.stdout)]


class FolderLinks(TempDirTest):
    def folder(self, name, event_id=None):
        path = self.tmp / name
        path.mkdir(parents=True)
        if event_id:
            (path / f"{event_id}.yaml").write_text(event_text(event_id))
        return path

    def test_a_linked_sub_folder_is_read(self):
        events = self.folder("events")
        self.folder("elsewhere", "linked-event")
        (events / "more").symlink_to(self.tmp / "elsewhere")
        proc = run("list", events, "--format", "json")
        self.assertRan(proc)
        self.assertEqual(listed_ids(proc), ["linked-event"])

    def test_a_folder_reached_twice_through_links_is_read_once(self):
        events = self.folder("events")
        self.folder("events/a", "only-once")
        (events / "b").symlink_to("a")
        (events / "c").symlink_to(events / "a")
        proc = run("list", events, "--format", "json")
        self.assertRan(proc)
        self.assertEqual(listed_ids(proc), ["only-once"])
        self.assertNotIn("duplicate-id", proc.stderr)

    def test_a_link_loop_is_a_warning_not_a_hang(self):
        events = self.folder("events", "in-a-loop")
        self.folder("events/sub")
        (events / "sub" / "up").symlink_to("..")
        (events / "sub" / "self").symlink_to(".")
        proc = run("list", events, "--format", "json")
        self.assertRan(proc)
        self.assertEqual(listed_ids(proc), ["in-a-loop"])
        self.assertRegex(proc.stderr, r"warning: '[^']*sub/self' .*\[link-loop\]")
        self.assertRegex(proc.stderr, r"warning: '[^']*sub/up' .*\[link-loop\]")

    def test_a_dangling_link_is_reported(self):
        events = self.folder("events", "still-read")
        (events / "gone.yaml").symlink_to("moved-away.yaml")
        (events / "gone-folder").symlink_to(self.tmp / "no-such-folder")
        proc = run("validate", events)
        self.assertRan(proc)
        self.assertRegex(proc.stderr,
                         r"warning: .*gone\.yaml' .*moved-away\.yaml.*\[dangling-link\]")
        self.assertRegex(proc.stderr, r"warning: .*gone-folder' .*\[dangling-link\]")

    def test_the_depfile_names_the_linked_folders_read(self):
        events = self.folder("events")
        self.folder("elsewhere", "linked-event")
        (events / "more").symlink_to(self.tmp / "elsewhere")
        (events / "loop").symlink_to(".")
        depfile = self.tmp / "chart.d"
        self.assertRan(run("render", events, "-o", self.tmp / "chart.svg", "--depfile", depfile))
        text = depfile.read_text()
        self.assertIn(f"{events}/more/ ", text)
        self.assertIn(f"{events}/more/linked-event.yaml", text)
        self.assertNotIn("loop", text)


class FileNames(TempDirTest):
    EVENT = ("actors: [{id: a, name: A}]\nevents:\n  - {id: %s, date: 2024, title: T%s,"
             " kind: other, actors: [a], sources: ['https://x.org/']}\n")

    def test_yaml_in_any_case_is_read_and_copies_left_aside_are_named(self):
        folder = self.tmp / "events"
        folder.mkdir()
        (folder / "iran.YAML").write_text(self.EVENT % ("upper", "1"))
        (folder / "russia.Yml").write_text(self.EVENT.replace("id: a", "id: b")
                                           .replace("[a]", "[b]") % ("mixed", "2"))
        for aside in ("old.yaml~", "old.yaml.bak", "old.yml.orig"):
            (folder / aside).write_text("not read")
        (folder / "notes.txt").write_text("not an event file")
        (folder / "scene.json").write_text("{}")
        proc = run("list", folder, "--format", "json")
        self.assertRan(proc)
        ids = [e["id"] for e in json.loads(proc.stdout)]
        self.assertEqual(sorted(ids), ["mixed", "upper"])
        self.assertEqual(proc.stderr.count("[skipped-file]"), 3, proc.stderr)
        self.assertIn("old.yaml.bak' is not read: only files ending in .yaml or .yml are",
                      proc.stderr)
        self.assertNotIn("notes.txt", proc.stderr)
        self.assertNotIn("scene.json", proc.stderr)


class StreamInputs(TempDirTest):
    def test_a_pipe_named_as_dev_stdin_is_read(self):
        proc = run("list", "/dev/stdin", "--format", "json", input=event_text("piped"))
        self.assertRan(proc)
        self.assertEqual(listed_ids(proc), ["piped"])

    def test_process_substitution_is_read(self):
        source = self.tmp / "source.yaml"
        source.write_text(event_text("substituted"))
        proc = subprocess.run(["bash", "-c", '"$0" list <(cat "$1") --format json', TIMELINE,
                               source], capture_output=True, text=True, timeout=60)
        self.assertRan(proc)
        self.assertEqual(listed_ids(proc), ["substituted"])

    def test_a_fifo_is_read_to_its_end(self):
        fifo = self.tmp / "events.fifo"
        os.mkfifo(fifo)
        text = event_text("through-a-fifo").encode()

        def write():
            with open(fifo, "wb") as f:
                for i in range(0, len(text), 7):  # in small pieces, as a slow writer would
                    f.write(text[i:i + 7])
                    f.flush()

        writer = threading.Thread(target=write)
        writer.start()
        proc = run("list", fifo, "--format", "json")
        writer.join(10)
        self.assertRan(proc)
        self.assertEqual(listed_ids(proc), ["through-a-fifo"])

    def test_a_mistake_in_a_fifo_is_shown_on_a_terminal_without_reading_it_again(self):
        # On a terminal a diagnostic quotes its source line, read again from the file; a FIFO
        # read again would wait for a writer that never comes.
        fifo = self.tmp / "events.fifo"
        os.mkfifo(fifo)
        writer = threading.Thread(target=lambda: fifo.write_text("events:\n  - idd: x\n"))
        writer.start()
        status, shown = run_on_terminal("validate", fifo, env={"NO_COLOR": "1"},
                                        quiet_seconds=10)
        self.assertIsNotNone(status, "the run hung after its diagnostics: " + shown)
        writer.join(5)
        self.assertEqual(status, 1, shown)
        self.assertIn("events.fifo:2:5: error: unknown key 'idd'", shown)

    def test_a_stream_over_the_size_bound_is_refused(self):
        for name in ("-", "/dev/stdin"):
            with self.subTest(input=name):
                proc = run("validate", name, "--max-input-bytes", "1000",
                           input="x-pad: " + "a" * 5000 + "\n")
                self.assertRan(proc, 1)
                self.assertIn("[input-too-large]", proc.stderr)
                self.assertIn("1000", proc.stderr)

    def test_an_endless_device_is_not_a_regular_file(self):
        for device in ("/dev/urandom", "/dev/zero"):
            with self.subTest(device=device):
                proc = run("validate", device, "--max-input-bytes", "100000")
                self.assertRan(proc, 1)
                self.assertRegex(proc.stderr, device + r": error: .*not a regular file")
                self.assertNotIn("empty-file", proc.stderr)

    def test_a_device_that_ends_is_read(self):
        proc = run("validate", "/dev/null")
        self.assertRan(proc)
        self.assertIn("[empty-file]", proc.stderr)

    def test_named_files_and_folders_still_read_as_before(self):
        proc = run("list", EVENTS, "--format", "json")
        self.assertRan(proc)
        self.assertIn("iran-ballistic-missiles-caspian-2024", listed_ids(proc))
