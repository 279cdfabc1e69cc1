#!/usr/bin/env python3
"""How long `timeline render --watch` takes from an editor's save to the new output: the time
from the close of one changed input file to the rename of the output into place, as a person
editing in a loop waits for it. Usage: watch_latency.py TIMELINE CORPUS FILE [--saves N]

CORPUS is copied to a temporary folder; FILE (relative to CORPUS) is the file saved, each
time with one more comment line at its end, so that its bytes change but not its events."""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def wait_for_change(path, before, deadline):
    while time.monotonic() < deadline:
        try:
            now = os.stat(path).st_mtime_ns
            if now != before:
                return now
        except FileNotFoundError:
            pass
        time.sleep(0.0005)
    raise SystemExit(f"no new {path} within the time allowed")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("timeline")
    parser.add_argument("corpus")
    parser.add_argument("file")
    parser.add_argument("--saves", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus")
        shutil.copytree(args.corpus, corpus)
        out = os.path.join(tmp, "chart.pdf")
        edited = os.path.join(corpus, args.file)
        proc = subprocess.Popen([args.timeline, "render", corpus, "--watch", "-q", "-o", out],
                                stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        try:
            stamp = wait_for_change(out, None, time.monotonic() + 120)
            with open(edited, encoding="utf-8") as f:
                original = f.read()
            times = []
            for i in range(args.saves):
                time.sleep(0.3)  # a person types between saves
                with open(edited, "w", encoding="utf-8") as f:
                    f.write(original + f"# save {i}\n")
                closed = time.monotonic()
                stamp = wait_for_change(out, stamp, closed + 60)
                times.append((time.monotonic() - closed) * 1000)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    print(f"{args.file}: median {statistics.median(times):.0f} ms, "
          f"min {min(times):.0f} ms, max {max(times):.0f} ms over {len(times)} saves")


if __name__ == "__main__":
    sys.exit(main())
