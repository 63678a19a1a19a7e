"""Realistic synthetic corpora: extraction-contract dicts run through the real graph builder.

Entities are drawn from fixed pools with a Zipf-like skew (a few states and leaders appear in
most articles, a long tail rarely), so entity pages, joins and aggregations see the fan-out
real news gives them. Every fact has a source sentence with offsets into the article text,
an attribution and a modality, as the extractor produces them. Same seed, same corpus.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from typing import Iterator

from kgapi.graph import Minter, build
from kgapi.ids import slugify

STATES = ["North Korea", "Russia", "South Korea", "Ukraine", "China", "United States", "Iran", "Belarus",
          "Syria", "Japan", "Poland", "Germany", "France", "United Kingdom", "Turkey", "Israel", "India",
          "Pakistan", "Vietnam", "Laos", "Cuba", "Venezuela", "Nicaragua", "Mali", "Libya", "Sudan",
          "Central African Republic", "Burkina Faso", "Niger", "Myanmar", "Kazakhstan", "Armenia",
          "Azerbaijan", "Georgia", "Moldova", "Serbia", "Hungary", "Lithuania", "Latvia", "Estonia"]
PLACES = ["Kursk", "Donetsk", "Luhansk", "Zaporizhzhia", "Kherson", "Belgorod", "Vladivostok", "Khabarovsk",
          "Pyongyang", "Wonsan", "Chongjin", "Rason", "Sevastopol", "Crimea", "Bryansk", "Tartus", "Latakia",
          "Bamako", "Tripoli", "Khartoum", "Bangui", "Minsk", "Kaliningrad", "Ulan-Ude", "Yakutia",
          "Buryatia", "Primorsky Krai", "Novorossiysk", "Rostov-on-Don", "Mariupol", "Avdiivka", "Bakhmut",
          "Pokrovsk", "Kharkiv", "Odesa", "Mykolaiv", "Dnipro", "Sumy", "Chernihiv", "Vostochny"]
ORGS = ["National Intelligence Service", "Kremlin", "Pentagon", "NATO", "United Nations", "Wagner Group",
        "Africa Corps", "Korean People's Army", "Russian Ministry of Defence", "Joint Chiefs of Staff",
        "Institute for the Study of War", "Defense Intelligence Agency", "GUR", "SBU", "IAEA",
        "European Union", "KCNA", "TASS", "Yonhap", "Reuters"]
FIRST = ["Kim", "Park", "Lee", "Choi", "Sergei", "Dmitry", "Vladimir", "Andrei", "Oleksandr", "Volodymyr",
         "John", "Lloyd", "Antony", "Jake", "Ali", "Hassan", "Wang", "Li", "Zhang", "Yoon", "Han", "Jung",
         "Mikhail", "Alexei", "Pavel", "Igor", "Yuri", "Nikolai", "Maria", "Anna", "Olga", "Elena"]
LAST = ["Jong Un", "Yo Jong", "Su Yong", "Il Sung", "Shoigu", "Lavrov", "Peskov", "Belousov", "Gerasimov",
        "Syrskyi", "Budanov", "Zelensky", "Austin", "Blinken", "Sullivan", "Khamenei", "Yi", "Min-seo",
        "Suk Yeol", "Duck-soo", "Kuleba", "Umerov", "Medvedev", "Patrushev", "Surovikin", "Prigozhin",
        "Volkov", "Sokolov", "Popov", "Lebedev", "Kozlov", "Novikov", "Morozov", "Petrov", "Orlov"]
ROLES = ["Supreme Leader", "President", "Defence Minister", "Foreign Minister", "Chief of General Staff",
         "spokesperson", "Prime Minister", "intelligence chief", "commander", "ambassador", "analyst"]
KINDS = ["troops", "combat troops", "special forces", "engineers", "military advisers", "workers",
         "artillery crews", "officers", "soldiers", "instructors"]
EVENT_TYPES = ["Meeting", "Visit", "Agreement", "Order", "Acknowledgement", "Report", "Denial",
               "Ceremony", "Statement", "Exercise", "Attack"]
STATUSES = ["reported", "confirmed", "announced", "planned", "predicted", "denied"]
MODALITIES = ["asserted", "attributed", "believed", "intended", "anticipated", "negated"]
QUALIFIERS = [None, "over", "about", "exact", "up_to", "at_least", "under"]
FILLER = ["The move drew condemnation from several governments.",
          "Officials did not respond to requests for comment.",
          "Analysts said the figures could not be independently verified.",
          "The ministry published satellite images on its website.",
          "Fighting continued along much of the front line overnight.",
          "The report cited people familiar with the matter.",
          "Markets in the region were little changed on the news.",
          "Diplomats said talks would resume next month."]


def _persons(rng: random.Random, n: int) -> list[str]:
    names = [f"{f} {l}" for f, l in itertools.product(FIRST, LAST)]
    rng.shuffle(names)
    return names[:n]


class CorpusGenerator:
    """Extraction dicts for ``bench-000001``, ``bench-000002``… with a Zipf-skewed cast."""

    def __init__(self, seed: int = 7, persons: int = 600):
        self.rng = random.Random(seed)
        self.pool = {
            "State": STATES, "Place": PLACES, "Organization": ORGS, "Person": _persons(self.rng, persons),
        }
        self.weights = {k: [1.0 / (i + 1) ** 1.1 for i in range(len(v))] for k, v in self.pool.items()}
        self.start = dt.date(2015, 1, 1)
        self.days = (dt.date(2025, 12, 31) - self.start).days

    def _pick(self, etype: str, k: int) -> list[str]:
        out: list[str] = []
        pool, weights = self.pool[etype], self.weights[etype]
        while len(out) < min(k, len(pool)):
            label = self.rng.choices(pool, weights)[0]
            if label not in out:
                out.append(label)
        return out

    def _date(self, base: dt.date, precision: str) -> str:
        d = base - dt.timedelta(days=self.rng.randint(0, 200))
        return {"day": d.isoformat(), "month": d.isoformat()[:7], "year": d.isoformat()[:4]}[precision]

    def article(self, n: int) -> dict:
        r = self.rng
        published = self.start + dt.timedelta(days=r.randint(0, self.days))
        states = self._pick("State", r.randint(2, 5))
        places = self._pick("Place", r.randint(1, 4))
        persons = self._pick("Person", r.randint(2, 6))
        orgs = self._pick("Organization", r.randint(1, 3))
        ents = [(s, "State") for s in states] + [(p, "Place") for p in places] + \
               [(p, "Person") for p in persons] + [(o, "Organization") for o in orgs]

        def ref(label):
            return {"id": slugify(label), "label": label}

        sentences: list[str] = []
        facts: list[tuple[dict, str]] = []

        def say(fact: dict, sentence: str) -> dict:
            facts.append((fact, sentence))
            sentences.append(sentence)
            if r.random() < 0.6:
                src = r.choice(orgs + persons)
                fact["according_to"] = [{"id": slugify(src), "label": src}]
                fact["modality"] = r.choice(["attributed", "attributed", "believed", "asserted"])
            else:
                fact["according_to"] = []
                fact["modality"] = r.choice(MODALITIES)
            return fact

        roles = []
        for p in persons[: r.randint(1, 3)]:
            role, of = r.choice(ROLES), r.choice(states + orgs)
            roles.append(say({"person": ref(p), "role": role, "of": ref(of)},
                             f"{p}, the {role} of {of}, spoke to reporters."))
        deployments = []
        for _ in range(r.randint(1, 3)):
            send, host = r.sample(states, 2)
            loc = r.choice(places)
            count = r.choice([300, 1000, 1500, 3000, 5000, 8000, 10000, 11000, 12000, 15000])
            qual, kind = r.choice(QUALIFIERS), r.choice(KINDS)
            start = self._date(published, r.choice(["day", "month", "month", "year"]))
            end = self._date(published + dt.timedelta(days=90), "month") if r.random() < 0.2 else None
            if end and end < start[:7]:
                end = None
            deployments.append(say({
                "sending_state": ref(send), "host_state": ref(host), "location": ref(loc),
                "personnel": [{"count": count, "min": None, "qualifier": qual, "kind": kind}],
                "start": start, "end": end, "status": r.choice(STATUSES),
            }, f"{send} has sent {qual or ''} {count:,} {kind} to {loc} in {host} since {start}.".replace("  ", " ")))
        events = []
        for _ in range(r.randint(2, 6)):
            etype = r.choice(EVENT_TYPES)
            parts = r.sample(persons + states, min(len(persons + states), r.randint(1, 3)))
            date = self._date(published, r.choice(["day", "day", "month"]))
            loc = r.choice(places) if r.random() < 0.5 else None
            ev = {"type": etype, "label": "", "date": date, "participants": [ref(p) for p in parts],
                  "location": ref(loc) if loc else None}
            events.append(say(ev, f"On {date}, {' and '.join(parts)} took part in a {etype.lower()}"
                                  f"{' in ' + loc if loc else ''}."))
        sentences += r.sample(FILLER, r.randint(2, 5))
        r.shuffle(sentences)
        title = f"{states[0]} and {states[1]}: {deployments[0]['personnel'][0]['kind']} in {places[0]}"
        text = " ".join(sentences)
        for fact, sentence in facts:
            start = text.index(sentence)
            fact["sources"] = [{"sentence": sentence, "start": start, "end": start + len(sentence)}]
        entities = [{"id": slugify(label), "label": label, "type": t, "aliases": []} for label, t in ents]
        return {
            "article": {"id": f"bench-{n:06d}", "title": title, "published": published.isoformat(),
                        "url": f"https://news.example/{published:%Y/%m}/bench-{n:06d}", "source": f"bench-{n:06d}.txt",
                        "text": text},
            "entities": entities, "roles": roles, "deployments": deployments, "events": events,
            "extractor": {"name": "kgapi-bench", "version": "1"},
        }

    def articles(self, count: int | None = None) -> Iterator[dict]:
        for n in itertools.count(1) if count is None else range(1, count + 1):
            yield self.article(n)


def corpus(triples: int, base_iri: str, seed: int = 7):
    """Built article graphs (kgapi.graph.Built) until about ``triples`` triples.

    Article graphs hold mention records, not the entities' names: write the
    registry graph too (:func:`registry`), as ingesting them would.
    """
    minter = Minter(base_iri)
    total = 0
    for x in CorpusGenerator(seed).articles():
        built = build(x, minter)
        total += len(built.graph)
        yield x, built
        if total >= triples:
            return


def registry(built, base_iri: str):
    """The entity registry graph (``{base}graphs/entities``) that ingesting ``built`` in order makes."""
    from kgapi.graph.registry import registry_of

    return registry_of((b.graph for b in built), Minter(base_iri).registry())
