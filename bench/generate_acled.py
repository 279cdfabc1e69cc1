#!/usr/bin/python3
"""Writes N events in the layout of ACLED's event export, as CSV and as an .xlsx workbook,
for the bench of `timeline import csv|xlsx --mapping acled`.

    generate_acled.py --rows N --csv FILE.csv [--xlsx FILE.xlsx]

The columns are the export's, in its order (ACLED codebook, 2023): the ones the acled preset
maps (templates/mappings/acled.yaml) and the others a real export carries, which the import
must read past. Dates are written as the export writes them ("12 March 2024"), notes hold
commas, quotes and line breaks, a share of rows has no second actor or no fatalities, and
the names include accented and non-Latin text. The seed is fixed: the same N gives the same
bytes. The workbook is written by openpyxl (python3-openpyxl), a real spreadsheet writer.
"""

import argparse
import csv
import datetime
import pathlib
import random

SEED = 20241130
COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]
TYPES = {
    "Battles": ["Armed clash", "Government regains territory",
                "Non-state actor overtakes territory"],
    "Explosions/Remote violence": ["Shelling/artillery/missile attack", "Air/drone strike",
                                   "Remote explosive/landmine/IED"],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Agreement", "Arrests", "Looting/property destruction"],
}
PLACES = [  # country, admin1, location, latitude, longitude
    ("Ukraine", "Donetsk", "Bakhmut", 48.5956, 38.0003),
    ("Ukraine", "Kharkiv", "Kupiansk", 49.7106, 37.6156),
    ("Ukraine", "Zaporizhia", "Orikhiv", 47.5675, 35.7856),
    ("Russia", "Belgorod", "Shebekino", 50.4092, 36.8944),
    ("Sudan", "Khartoum", "Omdurman", 15.6445, 32.4777),
    ("Yemen", "Al Hudaydah", "Al Hudaydah", 14.7978, 42.9545),
    ("Myanmar", "Sagaing", "Monywa", 22.1086, 95.1358),
    ("Syria", "Idleb", "Sarmin", 35.9, 36.7167),
    ("Cote d'Ivoire", "Abidjan", "Cocody", 5.3600, -3.9640),
    ("Colombia", "Cauca", "Popay\u00e1n", 2.4448, -76.6147),
]
ACTORS = [
    "Military Forces of Ukraine (2019-)", "Military Forces of Russia (2000-)",
    "Wagner Group", "Rapid Support Forces", "Military Forces of Sudan (2019-)",
    "Ansar Allah", "People's Defense Force", "Hay'at Tahrir al-Sham",
    "Protesters (Ukraine)", "Civilians (Sudan)", "Rioters (Colombia)",
    "\u0412\u0421\u0423 volunteers", "Unidentified Armed Group (Myanmar)",
]
SOURCES = ["Ukrainska Pravda", "Kyiv Independent; Meduza", "Radio Dabanga", "Xinhua",
           "Ministry of Defence of Ukraine", "Twitter", "El Tiempo"]


def rows(n):
    rng = random.Random(SEED)
    start = datetime.date(2022, 2, 24)
    for i in range(n):
        country, admin1, location, lat, lon = rng.choice(PLACES)
        event_type = rng.choice(list(TYPES))
        sub = rng.choice(TYPES[event_type])
        day = start + datetime.timedelta(days=rng.randrange(1000))
        actor2 = rng.choice(ACTORS) if rng.random() < 0.7 else ""
        fatalities = rng.choice([0, 0, 0, 1, 2, 3, 5, 12, 40])
        notes = (f"On {day.day} {day:%B %Y}, {rng.choice(ACTORS)} {sub.lower()} near "
                 f"{location} ({admin1}), \"according to\" local reports")
        if rng.random() < 0.1:
            notes += ".\nA second line: casualties unknown"
        iso = 800 + i % 50
        yield [
            f"{country[:3].upper()}{i + 1}", f"{day.day} {day:%B %Y}", day.year,
            rng.choice([1, 1, 1, 2]), "Political violence", event_type, sub,
            rng.choice(ACTORS), "", rng.randrange(1, 9), actor2, "", rng.randrange(0, 9),
            rng.randrange(10, 90), "", iso, "Europe", country, admin1, "", "", location,
            f"{lat + rng.uniform(-0.05, 0.05):.4f}", f"{lon + rng.uniform(-0.05, 0.05):.4f}",
            rng.choice([1, 2]), rng.choice(SOURCES), "National", notes, fatalities, "",
            1700000000 + i,
        ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--csv", type=pathlib.Path, required=True)
    parser.add_argument("--xlsx", type=pathlib.Path)
    args = parser.parse_args()
    table = list(rows(args.rows))
    with args.csv.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(COLUMNS)
        out.writerows(table)
    if args.xlsx:
        import openpyxl  # only for the workbook; the CSV needs the standard library alone
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("Events")
        sheet.append(COLUMNS)
        for row in table:
            sheet.append(row)
        book.save(args.xlsx)


if __name__ == "__main__":
    main()
