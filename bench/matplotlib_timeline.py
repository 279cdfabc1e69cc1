#!/usr/bin/python3
"""A timeline chart the way an analyst would draw it with matplotlib: the yardstick for
bench/run.sh. One horizontal lane per actor, a marker per event, its title as a label.

    matplotlib_timeline.py FOLDER -o OUT.pdf

Deliberately straightforward, not optimized: no label placement, no citations.
"""

import argparse
import datetime
import glob
import os

import matplotlib.pyplot as plt
import yaml


def parse_date(value):
    """The first day an event's date names, good enough for a marker."""
    text = str(value).split("/")[0].rstrip("~?%")
    if text in ("", ".."):
        text = str(value).split("/")[1].rstrip("~?%")
    parts = text.split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else 1
    if month > 12:  # a season: 21 spring .. 24 winter
        month = {21: 3, 22: 6, 23: 9, 24: 12}[month]
    day = int(parts[2]) if len(parts) > 2 else 1
    return datetime.date(year, month, day)


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("-o", "--output", default="timeline.pdf")
    args = parser.parse_args()

    actors, events = [], []
    for path in sorted(glob.glob(os.path.join(args.folder, "**", "*.yaml"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            for doc in yaml.safe_load_all(f):
                if not doc:
                    continue
                if "id" in doc:  # a file holding a single event
                    events.append(doc)
                    continue
                actors += doc.get("actors", [])
                events += doc.get("events", [])

    # Names in Cyrillic, Arabic script and CJK need fonts beyond matplotlib's own.
    plt.rcParams["font.family"] = ["DejaVu Sans", "Noto Sans CJK JP", "Noto Sans Arabic"]
    lane = {a["id"]: i for i, a in enumerate(actors)}
    fig, ax = plt.subplots(figsize=(16, max(4, 0.4 * len(actors))))
    for ev in events:
        when = parse_date(ev["date"])
        for actor in as_list(ev.get("from")) or as_list(ev.get("actors")):
            y = lane[actor]
            ax.plot(when, y, "o", markersize=4)
            ax.annotate(ev["title"], (when, y), xytext=(4, 3), textcoords="offset points",
                        fontsize=5)

    ax.set_yticks(range(len(actors)))
    ax.set_yticklabels([a["name"] for a in actors])
    ax.invert_yaxis()
    ax.set_title("Conflict support timeline")
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    fig.savefig(args.output)


if __name__ == "__main__":
    main()
