"""Every doctest case must reach ctest whole. ctest reads ';' in a discovered name as a list
separator: a case named "a; b" became two ctest tests, "a" and "b", each matching no case,
each passing without running anything (eight cases ran that way unseen)."""

import subprocess
import sys


def main(binaries):
    bad = []
    for binary in binaries:
        listing = subprocess.run([binary, "--list-test-cases", "--no-version"],
                                 capture_output=True, text=True, check=True).stdout
        names = [line for line in listing.splitlines()
                 if line and not line.startswith("[doctest]") and not line.startswith("=")]
        if not names:
            bad.append(f"{binary}: lists no test cases")
        bad += [f"{binary}: {name!r} holds ';', which ctest splits" for name in names
                if ";" in name]
    for line in bad:
        print(line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
