#!/usr/bin/python3
"""Writes a deterministic corpus of conflict events for the benchmark.

    generate_events.py --events N --out DIR [--shape register|tracker|one-day]

Three shapes. `register` (the default) is like an arms-transfer register such as SIPRI's:
support between many parties (40 actors, up to 250 from 30,000 events), 2015-2024.
`tracker` is like a support tracker such as the Kiel Ukraine Support Tracker: 45 donors
supporting one recipient, Ukraine, over the four years 2022-2025. `one-day` is the register
with every event on one day, 24 February 2022: the worst case for a detail layout, where
every marker and every arrow falls at one x.

The corpus looks like a real project's: about 200 events per file in a few topic
folders, with actors.yaml, kinds.yaml (two declared kinds) and eras.yaml beside them.
The seed is fixed, so the same arguments always give byte-identical files. Every corpus
passes `timeline validate` (exit 0). Standard library only.
"""

import argparse
import datetime
import json
import math
import os
import random
import re
import shutil
import sys

SEED = 20240916
EVENTS_PER_FILE = 200
FIRST_DAY = datetime.date(2015, 1, 1)
LAST_DAY = datetime.date(2024, 12, 31)
TRACKER_FIRST_DAY = datetime.date(2022, 1, 1)
TRACKER_LAST_DAY = datetime.date(2025, 12, 31)
ONE_DAY = datetime.date(2022, 2, 24)

# (id, name, colour or "", group or "")
KNOWN_ACTORS = [
    ("RU", "Russia", "#3b5b92", "authoritarian-alignment"),
    ("UA", "Ukraine", "#e9c46a", "ukraine-support"),
    ("CN", "China", "#c23b22", "authoritarian-alignment"),
    ("IR", "Iran", "#2a9d8f", "authoritarian-alignment"),
    ("KP", "North Korea", "#6d597a", "authoritarian-alignment"),
    ("US", "United States", "#1d3557", "ukraine-support"),
    ("NATO", "NATO", "#264653", "ukraine-support"),
    ("EU", "European Union", "#003399", "ukraine-support"),
    ("GB", "United Kingdom", "", "ukraine-support"),
    ("DE", "Germany", "", "ukraine-support"),
    ("FR", "France", "", "ukraine-support"),
    ("PL", "Poland", "", "ukraine-support"),
    ("BY", "Belarus", "#7a5c61", "authoritarian-alignment"),
    ("TR", "Türkiye", "", ""),
    ("IN", "India", "", ""),
    ("SY", "Syria", "", "authoritarian-alignment"),
    ("VE", "Venezuela", "", ""),
    ("KZ", "Kazakhstan", "", ""),
    ("AE", "United Arab Emirates", "", ""),
    ("RS", "Serbia", "", ""),
    ("HU", "Hungary", "", "ukraine-support"),
    ("JP", "Japan", "", "ukraine-support"),
    ("KR", "South Korea", "", "ukraine-support"),
    ("CA", "Canada", "", "ukraine-support"),
    ("NL", "Netherlands", "", "ukraine-support"),
    ("NO", "Norway", "", "ukraine-support"),
    ("SE", "Sweden", "", "ukraine-support"),
    ("FI", "Finland", "", "ukraine-support"),
    ("CZ", "Czechia", "", "ukraine-support"),
    ("EE", "Estonia", "", "ukraine-support"),
    ("LT", "Lithuania", "", "ukraine-support"),
    ("LV", "Latvia", "", "ukraine-support"),
    ("GE", "Georgia", "", ""),
    ("AM", "Armenia", "", ""),
    ("AZ", "Azerbaijan", "", ""),
    ("SA", "Saudi Arabia", "", ""),
    ("BR", "Brazil", "", ""),
    ("ZA", "South Africa", "", ""),
    # Names in the scripts the default template's fonts cover.
    ("ROE", "Рособоронэкспорт", "#5a189a", "authoritarian-alignment"),
    ("UKROBORON", "Укроборонпром", "", "ukraine-support"),
    ("IRGC", "سپاه پاسداران انقلاب اسلامی", "#2d6a4f", "authoritarian-alignment"),
    ("HZB", "حزب الله", "", "authoritarian-alignment"),
    ("NORINCO", "中国北方工业公司", "", "authoritarian-alignment"),
    ("KOMID", "조선광업개발무역회사", "", "authoritarian-alignment"),
    ("WAGNER", "ЧВК Вагнер", "#333333", "authoritarian-alignment"),
    ("HOUTHI", "أنصار الله", "", "authoritarian-alignment"),
    ("AVIC", "中国航空工业集团", "", "authoritarian-alignment"),
    ("ROSTEC", "Ростех", "", "authoritarian-alignment"),
]

# A tracker's donors beyond the known actors of the "ukraine-support" group.
TRACKER_DONORS = [
    ("DK", "Denmark"), ("BE", "Belgium"), ("ES", "Spain"), ("IT", "Italy"),
    ("PT", "Portugal"), ("AT", "Austria"), ("IE", "Ireland"), ("GR", "Greece"),
    ("RO", "Romania"), ("BG", "Bulgaria"), ("SK", "Slovakia"), ("SI", "Slovenia"),
    ("HR", "Croatia"), ("LU", "Luxembourg"), ("IS", "Iceland"), ("AU", "Australia"),
    ("NZ", "New Zealand"), ("CH", "Switzerland"), ("CY", "Cyprus"), ("MT", "Malta"),
    ("TW", "Taiwan"), ("EIB", "European Investment Bank"), ("IMF", "International Monetary Fund"),
    ("WB", "World Bank"), ("EBRD", "European Bank for Reconstruction and Development"),
    ("MD", "Moldova"), ("AL", "Albania"), ("MK", "North Macedonia"), ("ME", "Montenegro"),
]
# How a tracker weighs the kinds (in KINDS order): arms, money and aid.
TRACKER_KIND_WEIGHTS = [45, 4, 3, 30, 3, 0, 0, 2, 0, 0, 1, 2, 10]

# Parts for the actors a large corpus adds: companies, units and agencies.
LATIN_STEMS = ["Baltic", "Northern", "Eastern", "Caspian", "Pacific", "Danube", "Aral",
               "Volga", "Dnipro", "Amur", "Ural", "Black Sea", "Carpathian", "Altai",
               "Taurus", "Zagros", "Gobi", "Andes", "Sahel", "Levant"]
LATIN_TYPES = ["Defence Industries", "Aerospace Group", "Logistics", "Shipping Company",
               "Microelectronics", "Trading House", "Machine Works", "Volunteer Battalion",
               "Drone Consortium", "Engineering Bureau", "Energy Holding", "Bank"]
CYRILLIC_NAMES = ["Завод Купол", "Концерн Калашников", "Уралвагонзавод", "Алмаз-Антей",
                  "Тактическое ракетное вооружение", "Объединённая авиастроительная корпорация",
                  "Мотор Січ", "Антонов", "Артем", "Южмаш"]
ARABIC_NAMES = ["شركة الصناعات الدفاعية", "مؤسسة الصناعات الجوية", "صنایع هوایی قدس",
                "شرکت صنایع الکترونیک ایران", "سازمان صنایع دفاع", "الحرس الثوري"]
CJK_NAMES = ["中国电子科技集团", "保利科技有限公司", "中国航天科工集团", "新疆生产建设兵团",
             "大疆创新", "朝鲜人民军", "中国船舶集团", "华为技术有限公司"]
GROUPS = ["authoritarian-alignment", "ukraine-support", "industry", "", ""]

KINDS = ["arms-transfer", "components", "technology-transfer", "economic-support",
         "personnel", "force-change", "military-action", "diplomatic", "sanctions",
         "office-term", "other", "cyber-support", "humanitarian-aid"]
# Topic folders, and how each weighs the kinds (in KINDS order).
TOPICS = {
    "arms": [30, 12, 6, 2, 3, 3, 6, 2, 2, 1, 2, 1, 1],
    "economy": [3, 14, 4, 30, 1, 1, 1, 6, 16, 1, 3, 1, 4],
    "diplomacy": [2, 1, 3, 6, 2, 2, 2, 30, 8, 12, 4, 1, 3],
    "forces": [6, 2, 2, 2, 18, 24, 20, 2, 1, 4, 3, 3, 1],
    "technology": [6, 22, 24, 3, 2, 1, 1, 2, 4, 1, 3, 12, 1],
}

WEAPONS = ["ballistic missiles", "Shahed-136 drones", "artillery shells", "122 mm rockets",
           "T-72 tanks", "air-defence systems", "cruise missiles", "loitering munitions",
           "armoured vehicles", "anti-tank guided missiles", "rifles", "glide bombs"]
COMPONENTS = ["micro-electronics", "micro-processors", "machine tools", "ball bearings",
              "navigation modules", "optical sensors", "drone engines", "nitrocellulose",
              "radio components", "thermal imagers"]
TECH = ["missile guidance know-how", "drone production designs", "satellite imagery",
        "electronic-warfare techniques", "engine designs", "targeting intelligence",
        "radar technology", "space launch expertise"]
PLACES = [("Caspian Sea port", 44.6, 50.3), ("Novorossiysk", 44.72, 37.77),
          ("Vostochny", 51.88, 128.33), ("Tartus", 34.89, 35.87), ("Rason", 42.26, 130.3),
          ("Bandar Abbas", 27.18, 56.27), ("Kherson", 46.64, 32.62), ("Odesa", 46.48, 30.72),
          ("Kharkiv", 49.99, 36.23), ("Minsk", 53.9, 27.56), ("Alabuga", 55.78, 52.05),
          ("Izhevsk", 56.85, 53.2), ("Rzeszów", 50.04, 22.0), ("Dubai", 25.2, 55.27),
          ("Urumqi", 43.83, 87.62), ("Port Sudan", 19.6, 37.22), ("Sevastopol", 44.62, 33.52),
          ("Avdiivka", 48.14, 37.74), ("Pyongyang", 39.04, 125.76), ("Almaty", 43.24, 76.89)]
PUBLISHERS = [("Reuters", "reuters.com"), ("Associated Press", "apnews.com"),
              ("Ukrinform", "ukrinform.net"), ("The Kyiv Independent", "kyivindependent.com"),
              ("Meduza", "meduza.io"), ("BBC News", "bbc.com"), ("Al Jazeera", "aljazeera.com"),
              ("Xinhua", "xinhuanet.com"), ("Institute for the Study of War",
                                            "understandingwar.org"),
              ("RUSI", "rusi.org"), ("SIPRI", "sipri.org"), ("Oryx", "oryxspioenkop.com"),
              ("Janes", "janes.com"), ("Financial Times", "ft.com"),
              ("The Wall Street Journal", "wsj.com"), ("Radio Free Europe", "rferl.org"),
              ("Nikkei Asia", "asia.nikkei.com"), ("Yonhap", "en.yna.co.kr"),
              ("Der Spiegel", "spiegel.de"), ("Le Monde", "lemonde.fr")]
TAGS = ["missiles", "drones", "artillery", "shells", "sanctions-evasion", "microelectronics",
        "energy", "finance", "shipping", "caspian", "black-sea", "mobilisation", "air-defence",
        "satellites", "intelligence", "cyber", "grain", "oil", "banks", "training", "navy"]
QUOTES = ["We have credible information that the deliveries have begun.",
          "The shipments continued throughout the period, officials said.",
          "This is a significant escalation of their support.",
          "The agreement was signed behind closed doors."]


def date_text(d, precision):
    if precision == "day":
        return d.isoformat()
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def season_text(d, first_year):
    # 21 spring (Mar-May), 22 summer, 23 autumn, 24 winter (Dec-Feb, into the next year).
    m = d.month
    if m in (3, 4, 5):
        return f"{d.year:04d}-21"
    if m in (6, 7, 8):
        return f"{d.year:04d}-22"
    if m in (9, 10, 11):
        return f"{d.year:04d}-23"
    year = d.year if m == 12 else d.year - 1
    if year < first_year:
        year = first_year
    return f"{year:04d}-24"


PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ()./+,'’-]*")
RESERVED = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}


def scalar(s):
    """A YAML scalar: plain when that is safe and reads back as the same string."""
    if PLAIN.fullmatch(s) and not s.endswith(" ") and s.lower() not in RESERVED:
        return s
    return json.dumps(s, ensure_ascii=False)


def title_case_first(s):
    return s[:1].upper() + s[1:]


def fit_title(text, rng, place):
    """Brings a title to 30..90 characters, the way an editor would."""
    if len(text) < 30:
        text = f"{text} near {place}"
    if len(text) < 30:
        text = f"{text}, officials say"
    if len(text) > 90:
        cut = text.rfind(" ", 0, 88)
        text = text[:cut].rstrip(",;") + "…"
    return text


class Generator:
    def __init__(self, n_events, shape="register"):
        self.n = n_events
        self.shape = shape
        self.rng = random.Random(SEED)
        self.first_day, self.last_day = ((TRACKER_FIRST_DAY, TRACKER_LAST_DAY)
                                         if shape == "tracker" else (FIRST_DAY, LAST_DAY))
        self.actors = self.make_actors()
        if shape == "tracker":
            self.recipient, self.actors = self.actors[0], self.actors
            self.donors = self.actors[1:]
        # A few parties take part in most events, as in real reporting.
        total = 0.0
        self.actor_cum_weights = []
        for rank in range(len(self.actors)):
            total += 1.0 / (rank + 1) ** 0.9
            self.actor_cum_weights.append(total)
        self.event_ids = []

    def actor_count(self):
        if self.n <= 1000:
            return 40
        grown = 40 + 210 * math.log(self.n / 1000) / math.log(30)
        return min(250, int(round(grown)))

    def make_actors(self):
        if self.shape == "tracker":
            ua = next(a for a in KNOWN_ACTORS if a[0] == "UA")
            donors = [a for a in KNOWN_ACTORS if a[3] == "ukraine-support" and a[0] not in
                      ("UA", "UKROBORON")]
            donors += [(i, name, "", "") for i, name in TRACKER_DONORS]
            return [{"id": a[0], "name": a[1], "color": a[2], "group": a[3]}
                    for a in [ua] + donors[:45]]
        rng = random.Random(SEED + 1)
        wanted = self.actor_count()
        actors = []
        # Small corpora take the well-known parties and a few non-Latin names.
        known = KNOWN_ACTORS[:34] + KNOWN_ACTORS[38:44]
        if wanted > 40:
            known = KNOWN_ACTORS
        for a in known[:wanted]:
            actors.append({"id": a[0], "name": a[1], "color": a[2], "group": a[3]})
        serial = 0
        while len(actors) < wanted:
            serial += 1
            r = rng.random()
            if r < 0.08:
                name = f"{CYRILLIC_NAMES[serial % len(CYRILLIC_NAMES)]} {serial}"
            elif r < 0.14:
                name = f"{ARABIC_NAMES[serial % len(ARABIC_NAMES)]} {serial}"
            elif r < 0.20:
                name = f"{CJK_NAMES[serial % len(CJK_NAMES)]} {serial}"
            else:
                name = f"{rng.choice(LATIN_STEMS)} {rng.choice(LATIN_TYPES)} {serial}"
            color = f"#{rng.randrange(0x1000000):06x}" if rng.random() < 0.3 else ""
            actors.append({"id": f"ORG-{serial:03d}", "name": name, "color": color,
                           "group": rng.choice(GROUPS)})
        return actors

    def pick_actors(self, k):
        chosen = []
        while len(chosen) < k:
            if self.shape == "tracker":  # the donors, the largest first
                a = self.rng.choices(self.donors, cum_weights=self.actor_cum_weights[:-1])[0]
            else:
                a = self.rng.choices(self.actors, cum_weights=self.actor_cum_weights)[0]
            if a not in chosen:
                chosen.append(a)
        return chosen

    def random_day(self):
        span = (self.last_day - self.first_day).days
        return self.first_day + datetime.timedelta(days=self.rng.randrange(span + 1))

    def make_date(self):
        """The event's date text, an optional separate `end`, and its first day."""
        rng = self.rng
        if self.shape == "one-day":
            return "2022-02-24", None, ONE_DAY
        d = self.random_day()
        r = rng.random()
        if r < 0.10:  # an interval
            end = min(d + datetime.timedelta(days=rng.randrange(40, 700)), self.last_day)
            start_text = date_text(d, "day" if rng.random() < 0.6 else "month")
            end_text = date_text(end, "day" if rng.random() < 0.5 else "month")
            shape = rng.random()
            if shape < 0.20:
                return f"{start_text}/..", None, d
            if shape < 0.25:
                return f"../{end_text}", None, d
            if shape < 0.30:
                return f"/{end_text}", None, d
            if shape < 0.55:
                return start_text, end_text, d
            return f"{start_text}/{end_text}", None, d
        if r < 0.70:
            text = date_text(d, "day")
        elif r < 0.95:
            text = date_text(d, "month")
        elif r < 0.98:
            text = season_text(d, self.first_day.year)
        else:
            text = date_text(d, "year")
        q = rng.random()
        if q < 0.08:
            text += "~"
        elif q < 0.12:
            text += "?"
        elif q < 0.13:
            text += "%"
        return text, None, d

    def make_title(self, kind, frm, to, actors, place):
        rng = self.rng
        a = frm[0]["name"] if frm else actors[0]["name"]
        b = to[0]["name"] if to else (actors[1]["name"] if len(actors) > 1 else "allied forces")
        n = rng.choice([12, 40, 100, 200, 350, 1000, 5000])
        options = {
            "arms-transfer": [f"{a} delivers more than {n} {rng.choice(WEAPONS)} to {b}",
                              f"{a} ships {rng.choice(WEAPONS)} to {b} via {place}"],
            "components": [f"{a} exports {rng.choice(COMPONENTS)} used in weapons to {b}",
                           f"Shipment of {rng.choice(COMPONENTS)} from {a} reaches {b}"],
            "technology-transfer": [f"{a} shares {rng.choice(TECH)} with {b}"],
            "economic-support": [f"{a} opens a credit line of ${n} million for {b}",
                                 f"{a} doubles oil purchases from {b} despite sanctions"],
            "personnel": [f"{a} sends {n} military advisers to {b}",
                          f"{a} troops arrive in {place} to train {b} units"],
            "force-change": [f"{a} expands its army by {n * 100:,} troops",
                             f"{a} deploys additional brigades near {place}"],
            "military-action": [f"{a} strikes {place} with {rng.choice(WEAPONS)}",
                                f"Heavy fighting reported near {place}"],
            "diplomatic": [f"{a} and {b} sign a strategic partnership agreement",
                           f"Leaders of {a} and {b} meet in {place}"],
            "sanctions": [f"{a} sanctions {n} entities that supply {b}",
                          f"{a} adds {b} firms to its export blacklist"],
            "office-term": [f"New defence minister takes office in {a}",
                            f"{a} appoints a new commander of forces in {place}"],
            "other": [f"Satellite images show new activity at {place}",
                      f"{a} hosts a defence exhibition attended by {b}"],
            "cyber-support": [f"{a} hackers assist {b} operations against power grids"],
            "humanitarian-aid": [f"{a} sends {n} tonnes of humanitarian aid to {b}"],
        }[kind]
        if self.shape == "tracker" and kind == "economic-support":
            options = [f"{a} opens a credit line of ${n} million for {b}",
                       f"{a} pledges ${n} million in budget support to {b}"]
        return fit_title(title_case_first(rng.choice(options)), rng, place)

    def make_event(self, seq, topic):
        rng = self.rng
        weights = TRACKER_KIND_WEIGHTS if self.shape == "tracker" else TOPICS[topic]
        kind = rng.choices(KINDS, weights=weights)[0]
        date, end, first_day = self.make_date()
        place = rng.choice(PLACES)
        frm, to, actors = [], [], []
        if self.shape == "tracker":  # every pledge goes from one donor to the recipient
            frm, to = self.pick_actors(1), [self.recipient]
        elif rng.random() < 0.70:
            pair = self.pick_actors(3 if rng.random() < 0.1 else 2)
            frm, to = pair[:1], pair[1:]
        else:
            actors = self.pick_actors(rng.choice([1, 1, 2, 2, 3]))
        title = self.make_title(kind, frm, to, actors, place[0])
        ev_id = f"{kind}-{first_day.year}-{seq:06d}"
        lines = [f"  - id: {ev_id}", f"    date: {date}"]
        if end:
            lines.append(f"    end: {end}")
        lines.append(f"    title: {scalar(title)}")
        lines.append(f"    kind: {kind}")
        if frm:
            lines.append(f"    from: {frm[0]['id']}")
            if len(to) == 1:
                lines.append(f"    to: {to[0]['id']}")
            else:
                lines.append(f"    to: [{', '.join(a['id'] for a in to)}]")
        else:
            lines.append(f"    actors: [{', '.join(a['id'] for a in actors)}]")
        if rng.random() < 0.2:
            lines.append("    summary: >-")
            lines.append(f"      {title.rstrip('…')}. Reported by several outlets; the figures")
            lines.append("      could not be verified independently.")
        if kind in ("arms-transfer", "components", "personnel", "force-change",
                    "economic-support", "humanitarian-aid") and rng.random() < 0.6:
            value = rng.choice(["200", "1500", "12", "1.5e6", "40000", "3", "750"])
            unit = {"arms-transfer": rng.choice(WEAPONS), "components": "shipments",
                    "personnel": "troops", "force-change": "troops",
                    "economic-support": "US dollars", "humanitarian-aid": "tonnes"}[kind]
            q = f"{{value: {value}, unit: {unit}"
            r = rng.random()
            if r < 0.5:
                q += ", qualifier: " + rng.choice(["about", "more-than", "less-than", "up-to"])
            if kind == "force-change" and rng.random() < 0.5:
                q += ", total: 1500000"
            lines.append(f"    quantity: {q}}}")
        r = rng.random()
        if r < 0.18:
            lines.append(f"    location: {scalar(place[0])}")
        elif r < 0.30:
            lat = round(place[1] + rng.uniform(-0.2, 0.2), 4)
            lon = round(place[2] + rng.uniform(-0.2, 0.2), 4)
            lines.append(f"    location: {{name: {scalar(place[0])}, lat: {lat}, lon: {lon}}}")
        r = rng.random()
        if r < 0.9:
            conf = rng.choices(["confirmed", "reported", "alleged", "assessed"],
                               weights=[30, 40, 15, 15])[0]
            lines.append(f"    confidence: {conf}")
        if rng.random() < 0.2:
            lines.append(f"    grading: {rng.choice('ABCDEF')}{rng.randrange(1, 7)}")
        lines.append("    sources:")
        for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
            publisher, domain = rng.choice(PUBLISHERS)
            seen = first_day + datetime.timedelta(days=rng.randrange(0, 30))
            slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:48].strip("-")
            url = f"https://www.{domain}/{seen.year}/{seen.month:02d}/{slug or 'report'}-{seq}"
            lines.append(f"      - publisher: {scalar(publisher)}")
            if rng.random() < 0.6:
                lines.append(f"        title: {scalar(title)}")
            lines.append(f"        url: {url}")
            if rng.random() < 0.5 and seen <= self.last_day:
                lines.append(f"        date: {seen.isoformat()}")
            if rng.random() < 0.1:
                lines.append(f"        quote: {scalar(rng.choice(QUOTES))}")
        k = rng.choice([0, 1, 1, 2, 2, 3])
        if k:
            lines.append(f"    tags: [{', '.join(rng.sample(TAGS, k))}]")
        if self.event_ids and rng.random() < 0.05:
            lines.append(f"    related: [{rng.choice(self.event_ids[-500:])}]")
        self.event_ids.append(ev_id)
        return "\n".join(lines) + "\n"

    def write(self, out):
        os.makedirs(out)
        write_text(os.path.join(out, "actors.yaml"), self.actors_yaml())
        write_text(os.path.join(out, "kinds.yaml"), KINDS_YAML)
        write_text(os.path.join(out, "eras.yaml"), ERAS_YAML)
        topics = list(TOPICS)
        n_files = max(1, math.ceil(self.n / EVENTS_PER_FILE))
        seq = 0
        for f in range(n_files):
            topic = topics[f % len(topics)]
            count = min(EVENTS_PER_FILE, self.n - seq)
            parts = [f"# {topic}: events {seq + 1} to {seq + count}\n"]
            # Every seventh file holds two YAML documents, as hand-merged files do.
            split = count // 2 if f % 7 == 6 else None
            parts.append("events:\n")
            for i in range(count):
                if split is not None and i == split and i > 0:
                    parts.append("---\nevents:\n")
                seq += 1
                parts.append(self.make_event(seq, topic))
                if i + 1 < count:
                    parts.append("\n")
            folder = os.path.join(out, "events", topic)
            os.makedirs(folder, exist_ok=True)
            write_text(os.path.join(folder, f"{topic}-{f // len(topics) + 1:04d}.yaml"),
                       "".join(parts))

    def actors_yaml(self):
        lines = ["# Parties to the events. Lanes follow this order.", "actors:"]
        for a in self.actors:
            lines.append(f"  - id: {a['id']}")
            lines.append(f"    name: {scalar(a['name'])}")
            if a["color"]:
                lines.append(f"    color: \"{a['color']}\"")
            if a["group"]:
                lines.append(f"    group: {a['group']}")
        return "\n".join(lines) + "\n"


KINDS_YAML = """\
# Kinds this project adds to the built-in ones.
kinds:
  - id: cyber-support
    label: Cyber support
    color: "#6a4c93"
  - id: humanitarian-aid
    label: Humanitarian aid
"""

ERAS_YAML = """\
eras:
  - id: donbas-war
    title: War in Donbas
    date: 2015-01/2022-02-23
  - id: covid-19
    title: COVID-19 pandemic
    date: 2020-03~/2022-05
  - id: full-scale-invasion
    title: Full-scale invasion of Ukraine
    date: 2022-02-24/..
  - id: grain-deal
    title: Black Sea Grain Initiative
    date: 2022-07-22/2023-07-17
"""


def write_text(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, required=True, help="number of events")
    parser.add_argument("--out", required=True, help="corpus folder to create (replaced)")
    parser.add_argument("--shape", choices=["register", "tracker", "one-day"],
                        default="register",
                        help="register: support between many parties (default); tracker: "
                             "45 donors to one recipient over four years; one-day: the "
                             "register with every event on one day")
    args = parser.parse_args()
    if args.events < 1:
        parser.error("--events must be at least 1")
    # Written beside the destination and renamed into place, so an interrupted run never
    # leaves a half-written corpus that a cache would take for a finished one.
    out = os.path.normpath(args.out)
    tmp = f"{out}.tmp-{os.getpid()}"
    if os.path.exists(tmp):
        shutil.rmtree(tmp)
    Generator(args.events, args.shape).write(tmp)
    if os.path.exists(out):
        shutil.rmtree(out)
    os.rename(tmp, out)
    print(f"{args.events} events written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
