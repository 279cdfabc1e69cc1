#!/usr/bin/python3
"""Writes a SIPRI trade register of N deals in SIPRI's exact export layout, for the bench.

    generate_sipri.py --rows N --out FILE.csv

The layout is the sample's (tests/fixtures/sipri/trade-register-sample.csv): Latin-1, the
notes and the "Data generated:" line before the header, the blank-named '?' columns, the
delivery years as a '; ' list, LF line ends. The contents are patterned on it: its
suppliers, recipients, weapons (designation with description, and their TIV per unit),
statuses and comments, its share of '?' flags and of deals still under way, plus enough
further parties, Latin-1 names among them, to reach the full register's 257. The seed is
fixed, so the same N always gives the same bytes. Standard library only.
"""

import argparse
import csv
import io
import pathlib
import random

SEED = 20250313
SAMPLE = pathlib.Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "sipri" / \
    "trade-register-sample.csv"
GENERATED = "13 Mar 2025 10:02:49 AM"
LAST_YEAR = 2024
# Parties of the full register missing from the sample, Latin-1 names and non-state actors
# (SIPRI's '*') and organisations ('**') among them.
MORE_PARTIES = [
    "C\u00f4te d'Ivoire", "Cura\u00e7ao", "S\u00e3o Tom\u00e9 and Pr\u00edncipe",
    "R\u00e9union", "Hezbollah (Lebanon)*", "Houthi rebels (Yemen)*", "NATO**",
    "United Nations**", "unknown recipient(s)", "PKK (Turkiye)*", "Darfur rebels (Sudan)*",
    "LTTE (Sri Lanka)*", "UNITA (Angola)*", "Northern Alliance (Afghanistan)*",
]


def read_sample():
    text = SAMPLE.read_bytes().decode("latin-1")
    lines = text.split("\n")
    header_at = next(i for i, line in enumerate(lines) if line.startswith("Recipient,"))
    notes = lines[:header_at]
    rows = list(csv.reader(io.StringIO("\n".join(lines[header_at:]))))
    return notes, rows[0], [r for r in rows[1:] if len(r) == 16]


def number(value):
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def deal(rng, parties, suppliers, weapons, statuses, comments, flags):
    recipient = rng.choice(parties)
    supplier = rng.choice(suppliers)
    while supplier == recipient:
        supplier = rng.choice(suppliers)
    designation, description, tiv_unit = rng.choice(weapons)
    year = rng.randint(1950, LAST_YEAR)
    ordered = rng.choice([1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 36, 50, 100, 250])
    years = sorted(rng.sample(range(year, min(LAST_YEAR, year + 6) + 1),
                              k=rng.randint(1, min(4, LAST_YEAR - year + 1))))
    delivered = ordered
    if year >= LAST_YEAR - 6 and rng.random() < 0.5:  # still under way
        delivered = rng.randint(0, ordered - 1) if ordered > 1 else 0
        years = [] if delivered == 0 else years[:max(1, len(years) - 1)]
    no_figure = rng.random() < 0.01  # SIPRI: "data is not yet available"
    year_flag, ordered_flag, delivered_flag = (("?" if rng.random() < p else "") for p in flags)
    if delivered == 0:
        delivered_flag = ""
    tiv_order = tiv_unit * ordered
    return [
        recipient, supplier, str(year), year_flag, "" if no_figure else str(ordered),
        ordered_flag, designation, description, str(delivered), delivered_flag,
        "; ".join(map(str, years)), rng.choice(statuses), rng.choice(comments),
        number(tiv_unit), "0" if no_figure else number(tiv_order),
        number(tiv_unit * delivered) if years else "0",
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=30000)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rng = random.Random(SEED)
    notes, header, sample = read_sample()
    suppliers = sorted({r[1] for r in sample})
    parties = sorted({r[0] for r in sample} | set(suppliers) | set(MORE_PARTIES))
    # Up to the full register's 257 parties: further named recipients.
    for i in range(257 - len(parties)):
        parties.append(f"Recipient {i + 1:03d} (S\u00fcd)")
    weapons = sorted({(r[6], r[7], float(r[13] or 0)) for r in sample})
    statuses = [r[11] for r in sample]
    comments = [r[12] for r in sample]
    flags = [sum(r[c] == "?" for r in sample) / len(sample) for c in (3, 5, 9)]
    out = io.StringIO(newline="")
    for line in notes:
        out.write(line + "\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for _ in range(args.rows):
        writer.writerow(deal(rng, parties, suppliers, weapons, statuses, comments, flags))
    pathlib.Path(args.out).write_bytes(out.getvalue().encode("latin-1"))


if __name__ == "__main__":
    main()
