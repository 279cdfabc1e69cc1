#!/usr/bin/env bash
# make gallery-large: pictures of charts at real sizes, for docs/performance.md. Each is the
# chart of one page, above its list of sources, at 60 dpi:
#   density-30000.png  30,000 events over 250 actors (the size of the SIPRI register), auto
#   tracker-5000.png   5,000 events from 45 donors to one recipient over four years (the
#                      size of the Kiel tracker), auto
#   pages-1000-page5.png  a detail page of --layout pages on 1,000 events
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-build/timeline}
OUT=docs/gallery
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"

corpus() {  # events shape -> folder
    /usr/bin/python3 bench/generate_events.py --events "$1" --shape "$2" --out "$TMP/$2-$1" 2>/dev/null
    echo "$TMP/$2-$1"
}

# picture PDF SCENE PAGE PNG: page PAGE (1-based) of PDF, cut above its references.
picture() {
    local bottom
    bottom=$(/usr/bin/python3 - "$2" "$3" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
page = int(sys.argv[2])
scene = doc if page == 1 else doc["pages"][page - 2]
tops = [i["y"] for i in scene["items"] if i["role"] == "references-heading"]
print(int((min(tops) - 6 if tops else scene["height"]) * 60 / 72))
PY
)
    pdftoppm -png -r 60 -f "$3" -l "$3" -x 0 -y 0 -W 100000 -H "$bottom" -singlefile "$1" "${4%.png}"
    echo "$4"
}

c=$(corpus 30000 register)
"$BIN" render "$c" -o "$TMP/d.pdf" --scene "$TMP/d.json" -q
picture "$TMP/d.pdf" "$TMP/d.json" 1 "$OUT/density-30000.png"

c=$(corpus 5000 tracker)
"$BIN" render "$c" -o "$TMP/t.pdf" --scene "$TMP/t.json" -q
picture "$TMP/t.pdf" "$TMP/t.json" 1 "$OUT/tracker-5000.png"

c=$(corpus 1000 register)
"$BIN" render "$c" --layout pages -o "$TMP/p.pdf" --scene "$TMP/p.json" -q
picture "$TMP/p.pdf" "$TMP/p.json" 5 "$OUT/pages-1000-page5.png"
