"""Charts in build scripts: depfiles driven by real make, and make install (the binary, the
templates, the man page and bash completion)."""
import os
import re
import pathlib
import shutil
import subprocess
import time
import unittest

from helpers import EVENTS, SOURCE_DIR, TIMELINE, TempDirTest, run


def make(*args, cwd):
    return subprocess.run(["make", "--no-print-directory", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=60)


def temporaries(folder):
    return sorted(p.name for p in folder.iterdir() if ".tmp." in p.name)


class Depfile(TempDirTest):
    def test_depfile_lists_outputs_and_every_file_read(self):
        events = self.tmp / "my events"
        shutil.copytree(EVENTS, events)
        (events / "more").mkdir()
        shutil.copy(EVENTS / "russia-invasion.yaml", events / "more" / "a#b$c.yaml")
        (events / "more" / "a#b$c.yaml").write_text(
            (events / "more" / "a#b$c.yaml").read_text().replace("id: ", "id: copy-"))
        depfile = self.tmp / "chart.d"
        proc = run("render", events, "-o", self.tmp / "chart.pdf", "-o", self.tmp / "chart.svg",
                   "--scene", self.tmp / "scene.json", "--depfile", depfile)
        self.assertRan(proc)
        text = depfile.read_text()
        rule = text.split("\n\n")[0]
        targets, prerequisites = rule.split(": \\\n", 1)
        tmp = str(self.tmp).replace(" ", "\\ ")
        self.assertEqual(targets.split(" "), [f"{tmp}/chart.pdf", f"{tmp}/chart.svg",
                                              f"{tmp}/scene.json"])
        listed = [p.strip().rstrip("\\").strip() for p in prerequisites.splitlines()]
        escaped = f"{tmp}/my\\ events"
        self.assertIn(f"{escaped}/", listed)  # the folder: a new file changes its time
        self.assertIn(f"{escaped}/more/", listed)
        self.assertIn(f"{escaped}/more/a\\#b$$c.yaml", listed)
        for name in sorted(os.listdir(EVENTS)):
            self.assertIn(f"{escaped}/{name}", listed)
        self.assertTrue(any(p.endswith("templates/default.yaml") for p in listed), listed)
        # gcc -MP: an empty rule per prerequisite, so that deleting one is not an error.
        self.assertIn(f"\n\n{escaped}/more/a\\#b$$c.yaml:\n", text)

    def test_filters_still_list_every_file_read(self):
        depfile = self.tmp / "iran.d"
        self.assertRan(run("render", EVENTS, "-o", self.tmp / "iran.svg", "--actor", "IR",
                           "--depfile", depfile))
        for name in os.listdir(EVENTS):
            self.assertIn(name, depfile.read_text())

    def test_make_renders_exactly_when_an_input_changes(self):
        events = self.tmp / "event files"
        shutil.copytree(EVENTS, events)
        (self.tmp / "Makefile").write_text(
            f"TIMELINE := {TIMELINE}\n"
            "out/chart.pdf:\n"
            "\t@mkdir -p out\n"
            "\t$(TIMELINE) render 'event files' -o $@ --depfile out/chart.d --quiet\n"
            "\t@echo rendered\n"
            "-include out/chart.d\n")

        def rendered():
            proc = make(cwd=self.tmp)
            self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
            return "rendered" in proc.stdout

        def later():
            time.sleep(0.05)  # past the file system's clock tick

        self.assertTrue(rendered(), "the first run must render")
        self.assertFalse(rendered(), "a second run with nothing changed must do nothing")
        later()
        (events / "nato-terms.yaml").touch()
        self.assertTrue(rendered(), "touching an event file must render again")
        self.assertFalse(rendered())
        later()
        shutil.copy(events / "russia-invasion.yaml", events / "new.yaml")
        (events / "new.yaml").write_text(
            (events / "new.yaml").read_text().replace("id: ", "id: new-"))
        self.assertTrue(rendered(), "adding an event file to the folder must render again")
        self.assertIn("new.yaml", (self.tmp / "out" / "chart.d").read_text())
        self.assertFalse(rendered())
        later()
        (events / "new.yaml").unlink()
        self.assertTrue(rendered(), "removing an event file must render again, not stop make")
        self.assertFalse(rendered())

    def test_no_depfile_when_the_render_fails(self):
        depfile = self.tmp / "chart.d"
        bad = self.tmp / "bad.yaml"
        bad.write_text("events:\n  - id: x\n    titel: oops\n")
        self.assertRan(run("render", bad, "-o", self.tmp / "chart.pdf", "--depfile", depfile), 1)
        self.assertFalse(depfile.exists())
        self.assertEqual(temporaries(self.tmp), [])

    def test_depfile_usage_errors_name_the_problem(self):
        proc = run("render", EVENTS, "-o", "-", "--format", "svg", "--depfile", self.tmp / "x.d")
        self.assertRan(proc, 2)
        self.assertIn("--depfile needs an output file", proc.stderr)
        proc = run("render", EVENTS, "-o", self.tmp / "50%.pdf", "--depfile", self.tmp / "x.d")
        self.assertRan(proc, 2)
        self.assertIn("50%.pdf", proc.stderr)
        self.assertIn("hint:", proc.stderr)
        self.assertEqual(list(self.tmp.iterdir()), [])

    def test_an_input_make_cannot_name_exits_3_before_writing(self):
        events = self.tmp / "a=b"
        shutil.copytree(EVENTS, events)
        out = self.tmp / "chart.svg"
        out.write_text("previous")
        proc = run("render", events, "-o", out, "--depfile", self.tmp / "chart.d")
        self.assertRan(proc, 3)
        self.assertIn("a=b", proc.stderr)
        self.assertEqual(out.read_text(), "previous")
        self.assertFalse((self.tmp / "chart.d").exists())


class Install(TempDirTest):
    def test_make_install_puts_everything_under_destdir_and_prefix(self):
        binary = pathlib.Path(TIMELINE).resolve()
        build = binary.parent
        if not (build / "cmake_install.cmake").exists():
            self.skipTest(f"{binary} is not in a CMake build tree")
        stage = self.tmp / "stage"
        # -o: the binary is built already; install only.
        proc = make("-C", SOURCE_DIR, "install", f"BUILD={build}", f"DESTDIR={stage}",
                    "PREFIX=/opt/tl", "-o", f"{build}/timeline", cwd=self.tmp)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        root = stage / "opt" / "tl"
        installed = root / "bin" / "timeline"
        self.assertTrue(os.access(installed, os.X_OK))
        self.assertTrue((root / "share" / "timeline" / "templates" / "default.yaml").is_file())
        man = root / "share" / "man" / "man1" / "timeline.1"
        completion = root / "share" / "bash-completion" / "completions" / "timeline"
        self.assertTrue(man.is_file() and completion.is_file())

        # The installed copy finds its templates by name, from anywhere.
        elsewhere = self.tmp / "elsewhere"
        elsewhere.mkdir()
        env = {k: v for k, v in os.environ.items() if k != "TIMELINE_TEMPLATES"}
        proc = subprocess.run([installed, "render", EVENTS, "-o", "chart.svg", "--template",
                               "default", "-q"], cwd=elsewhere, env=env, capture_output=True,
                              text=True, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertTrue((elsewhere / "chart.svg").is_file())
        version = subprocess.run([installed, "--version"], capture_output=True, text=True)
        self.assertRegex(version.stdout, r"timeline \S+ \(cairo [\d.]+, Pango [\d.]+, yaml-cpp")

    def test_man_page_is_valid_roff_with_the_usual_sections(self):
        page = SOURCE_DIR / "docs" / "timeline.1"
        text = page.read_text()
        for section in ("NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "OPTIONS", "EXIT STATUS",
                        "FILES", "EXAMPLES"):
            self.assertRegex(text, rf'(?m)^\.SH "?{section}"?$')
        if not shutil.which("groff"):
            self.skipTest("groff is not installed")
        proc = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", page], capture_output=True,
                              text=True, timeout=30)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stderr, "")

    def test_bash_completion_offers_subcommands_options_and_templates(self):
        script = SOURCE_DIR / "completions" / "timeline.bash"
        # Template names come from the folders beside the binary that `timeline` runs.
        bin_dir = self.tmp / "bin"
        bin_dir.mkdir()
        (bin_dir / "timeline").symlink_to(pathlib.Path(TIMELINE).resolve())
        path_env = {k: v for k, v in os.environ.items() if k != "TIMELINE_TEMPLATES"}
        if not (pathlib.Path(TIMELINE).resolve().parents[1] / "templates").is_dir():
            path_env["TIMELINE_TEMPLATES"] = str(SOURCE_DIR / "templates")  # a build elsewhere
        path_env["PATH"] = f"{bin_dir}:{os.environ.get('PATH', '/usr/bin:/bin')}"

        def complete(*words):
            line = " ".join(words)
            program = (f"source {script}\n"
                       f"COMP_WORDS=(timeline {line}); COMP_CWORD={len(words)}\n"
                       "_timeline\n"
                       'printf "%s\\n" "${COMPREPLY[@]}"\n')
            proc = subprocess.run(["bash", "--norc", "--noprofile", "-c", program], cwd=SOURCE_DIR,
                                  capture_output=True, text=True, timeout=30,
                                  env=path_env)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            return proc.stdout.split()

        self.assertEqual(complete("re"), ["render"])
        self.assertEqual(sorted(complete("")),
                         ["--help", "--version", "diff", "import", "list", "render", "totals",
                          "validate"])
        self.assertIn("--depfile", complete("render", "--"))
        self.assertIn("--watch", complete("render", "--w"))
        self.assertNotIn("--depfile", complete("list", "--"))
        self.assertIn("default", complete("render", "--template", ""))
        self.assertEqual(sorted(complete("render", "--format", "")), ["html", "pdf", "png", "svg"])
        self.assertIn("events/", complete("render", "ev"))
        self.assertEqual(complete("totals", "--by", "s"), ["supplier", "stage"])
        self.assertEqual(sorted(complete("totals", "--format", "")), ["csv", "json", "text"])
        self.assertEqual(sorted(complete("list", "--format", "")),
                         ["csv", "geojson", "json", "text", "timelinejs"])
        self.assertEqual(sorted(complete("diff", "--format", "")), ["json", "markdown", "text"])
        self.assertEqual(complete("render", "--layout", "p"), ["pages"])
        self.assertEqual(complete("render", "--lane-order", "r"), ["role"])
        self.assertEqual(complete("totals", "--stage-tag", "p"), ["pledged="])
        # Every long option a subcommand's --help lists is offered: none drifts out.
        self.assertEqual(complete("import", ""), ["sipri", "csv", "xlsx"])
        self.assertEqual(complete("import", "csv", "--mapping", "u"), ["ucdp-ged"])
        self.assertIn("--force", complete("import", "sipri", "--"))
        self.assertIn("tests/", complete("import", "sipri", "te"))
        for command in ("render", "validate", "list", "totals", "diff", "import"):
            helptext = run(command, "--help").stdout
            listed = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", helptext))
            with self.subTest(command=command):
                self.assertEqual(listed - set(complete(command, "--")), set())


if __name__ == "__main__":
    unittest.main()
