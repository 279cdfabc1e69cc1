"""Shared helpers for the end-to-end tests: run the real binary, read what a reader sees."""
import json
import os
import pathlib
import pty
import select
import struct
import subprocess
import tempfile
import unittest
import zlib

SOURCE_DIR = pathlib.Path(os.environ.get("TIMELINE_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
TIMELINE = os.environ.get("TIMELINE", str(SOURCE_DIR / "build" / "timeline"))
EVENTS = SOURCE_DIR / "events"
# The Kiel Ukraine Support Tracker as events, beside the repository (../shared is read-only
# data, not part of it): tests that use it skip when a clone has no such neighbour.
KIEL = pathlib.Path(os.environ.get("TIMELINE_KIEL_DATA",
                                   SOURCE_DIR.parent / "shared" / "data" / "kiel-r28"))
FIXTURES = SOURCE_DIR / "tests" / "fixtures"
# A sanitizer build (tests/CMakeLists.txt sets TIMELINE_TIME_FACTOR above 1 for it), where
# each process costs some ten times as much: a test that repeats one check over a large
# matrix may then run a sample of it that still covers every row and every column (the whole
# matrix runs in `make test`).
SANITIZED = float(os.environ.get("TIMELINE_TIME_FACTOR", "1")) > 1


def run(*args, cwd=None, input=None, env=None):
    """Runs the binary; returns the CompletedProcess with text stdout and stderr."""
    full_env = dict(os.environ)
    full_env.pop("SOURCE_DATE_EPOCH", None)
    if env:
        full_env.update(env)
    return subprocess.run([TIMELINE, *map(str, args)], cwd=cwd, input=input, env=full_env,
                          capture_output=True, text=True, timeout=120)


def run_on_terminal(*args, env=None, quiet_seconds=30):
    """Runs with standard error on a pseudo-terminal; returns (status, what it showed). The
    status is None when the run showed nothing for `quiet_seconds` and then did not end: it
    is killed."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([TIMELINE, *map(str, args)], stdout=subprocess.DEVNULL,
                            stderr=follower, env=dict(os.environ, **(env or {})))
    os.close(follower)
    shown = b""
    while select.select([leader], [], [], quiet_seconds)[0]:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    try:
        status = proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        status = None
    return status, shown.decode()


def tool(*args):
    return subprocess.run(list(map(str, args)), capture_output=True, text=True, timeout=60)


# qpdf 11 warns when zlib's last inflate call had nothing left to do ("a boundary condition",
# its source says): the stream decodes whole and ends where it should, and whether a stream
# hits it depends only on its length. Seen on a 28 MB content stream that Python's zlib
# decodes completely, with its end marker before the stream's last byte.
QPDF_BENIGN = "input stream is complete but output may still be valid"


def qpdf_problems(pdf):
    """What `qpdf --check` finds wrong with `pdf`, one line each (none for a sound file)."""
    proc = tool("qpdf", "--check", pdf)
    if proc.returncode == 0:
        return []
    lines = [line for line in (proc.stdout + proc.stderr).splitlines()
             if ("WARNING" in line or "error" in line.lower()) and QPDF_BENIGN not in line
             and "operation succeeded with warnings" not in line]
    if proc.returncode == 3 and not lines:
        return []
    return lines or [f"qpdf exited {proc.returncode}"]


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.tmp = pathlib.Path(self._tmp.name)

    def tearDown(self):
        self._tmp.cleanup()

    def assertRan(self, proc, code=0):
        self.assertEqual(proc.returncode, code, f"exit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")


def event_titles(*inputs):
    proc = run("list", *inputs, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    return [e["title"] for e in json.loads(proc.stdout)]


def read_png(path, last_row=None):
    """Decodes an 8-bit RGB or RGBA PNG into (width, height, rows of pixel tuples); only its
    rows down to `last_row` when given (decoding is slow in Python, and a test may need only
    the top of a chart)."""
    data = pathlib.Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and color in (2, 6), f"unsupported PNG depth {depth} colour {color}"
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height if last_row is None else min(height, last_row + 1)):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 0xFF
            elif f == 2:
                line[i] = (line[i] + b) & 0xFF
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        prev = line
    return width, height, rows
