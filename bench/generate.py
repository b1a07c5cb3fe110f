"""Write a synthetic geokg knowledge graph as N-Quads, deterministic by seed.

Why: the performance targets (issue 7) are about 1M and 10M triples, far more than the
sample articles give. The graph follows ontology/MODEL.md: one named graph per article with
its metadata, full text, evidence sentences (NIF offsets into that text), copies of the
mentioned entities, and events of all six types; the same event is reported by several
articles (one node, several prov:wasDerivedFrom). Leaders and their terms come from the
gazetteer, and an event's leaders are those in office on its date.

Triples are written as text, not through rdflib: rdflib would need ~10 minutes for 10M
triples. `--check N` parses N sampled article graphs with rdflib and runs the real SHACL
gate on them, so the shortcut cannot drift from the shapes unnoticed.

    python bench/generate.py --triples 1000000 --out /tmp/geokg-bench/1m.nq [--check 50]

`--hubs vladimir-putin,russia --hub-share 0.25` makes a few entities take part in a quarter of
the events (the most-connected entities of a real archive, whose pages must stay fast), and
`--hot-event-reports 2000` has one of their events reported by about 2000 articles (an event
every outlet writes about). `--articles N` stops after N articles instead of a triple count.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from geokg.extract.gazetteer import Gazetteer, load_gazetteer
from geokg.extract.model import Entity, Office
from geokg.graph.build import calendar_periods, describe_entity, gazetteer_graph, new_graph
from geokg.graph.iris import Minter
from geokg.resources import ONTOLOGY_FILE, SAMPLE_ARTICLES
from geokg.vocab import DCTERMS, GK, NIF, PROV, RDF, RDFS, SCHEMA, SEM, XSD

BASE = "http://localhost:5000/"
FIRST_DAY = dt.date(2015, 1, 1)
LAST_DAY = dt.date(2025, 6, 30)
#: Share of each event type among new events (roughly what news reports).
TYPE_WEIGHTS = {"Call": 20, "Meeting": 25, "Demand": 20, "TerritorialClaim": 5,
                "Agreement": 10, "Support": 20}
#: Chance that an event an article reports was already reported by an earlier article.
RE_REPORT = 0.35
#: How many recent events a re-report may pick from.
POOL = 3000
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
MONTHS_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
             "September", "Oktober", "November", "Dezember"]
TOPICS = {  # (en, de) per type; {x} is a state label
    "Demand": [("an immediate ceasefire in {x}", "eine sofortige Waffenruhe in {x}"),
               ("the release of prisoners held in {x}", "die Freilassung der Gefangenen in {x}"),
               ("new sanctions against {x}", "neue Sanktionen gegen {x}"),
               ("the withdrawal of troops from {x}", "den Abzug der Truppen aus {x}")],
    "Agreement": [("a trade agreement with {x}", "ein Handelsabkommen mit {x}"),
                  ("gas supplies through {x}", "Gaslieferungen über {x}"),
                  ("a prisoner exchange involving {x}", "einen Gefangenenaustausch mit {x}")],
    "Support": [("weapons", "Waffen"), ("financial aid", "Finanzhilfen"),
                ("air defence systems", "Luftabwehrsysteme"), ("energy supplies", "Energielieferungen")],
}
SUPPORT_KIND = {"weapons": "weapons", "financial aid": "money", "air defence systems": "weapons",
                "energy supplies": "energy"}
TEMPLATES = {  # (en, de, trigger_en, trigger_de)
    "Call": ("{a} spoke by phone with {b} on {d}.", "{a} telefonierte am {d} mit {b}.",
             "spoke by phone", "telefonierte"),
    "Meeting": ("{a} met {b} on {d}.", "{a} traf sich am {d} mit {b}.", "met", "traf"),
    "Demand": ("On {d}, {a} called on {b} to agree to {t}.", "{a} forderte am {d} von {b} {t}.",
               "called on", "forderte"),
    "TerritorialClaim": ("On {d}, {a} claimed that {b} belongs to {s}.",
                         "{a} bekräftigte am {d}, {b} gehöre zu {s}.", "claimed", "bekräftigte"),
    "Agreement": ("{a} and {b} signed {t} on {d}.", "{a} und {b} unterzeichneten am {d} {t}.",
                  "signed", "unterzeichneten"),
    "Support": ("On {d}, {a} pledged {t} to {b}.", "{a} sagte {b} am {d} {t} zu.", "pledged", "sagte zu"),
}


def iri(value: str) -> str:
    return f"<{value}>"


def lit(value: str, datatype: str | None = None, lang: str | None = None) -> str:
    """An N-Triples literal; only the four characters N-Triples requires are escaped."""
    text = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if lang:
        return f'"{text}"@{lang}'
    if datatype:
        return f'"{text}"^^<{datatype}>'
    return f'"{text}"'


T_TYPE, T_LABEL = iri(str(RDF.type)), iri(str(RDFS.label))
Triple = tuple[str, str, str]


@dataclass(frozen=True)
class Hubs:
    """Entities that take part in a large share of the events (`share` of the new ones), and
    how many articles report the one most-reported event (0: none)."""

    keys: tuple[str, ...] = ()
    share: float = 0.0
    hot_event_reports: int = 0


@dataclass
class SynthEvent:
    """One real-world event; every article reporting it repeats these facts in its graph."""

    kind: str
    participants: list[str]
    date: dt.date
    precision: str  # Day | Month | Year
    addressees: list[str] = field(default_factory=list)
    territory: str | None = None
    treaty: str | None = None
    topic: tuple[str, str] | None = None
    support: str | None = None
    place: str | None = None
    node: str = ""


class World:
    """Entities and office terms of the gazetteer, indexed for drawing plausible actors."""

    def __init__(self, gaz: Gazetteer, rng: random.Random, hubs: Hubs = Hubs()):
        self.gaz, self.rng, self.hubs = gaz, rng, hubs
        unknown = [k for k in hubs.keys if k not in gaz.entities]
        if unknown:
            raise SystemExit(f"--hubs: {', '.join(unknown)} not in the gazetteer")
        kinds: dict[str, list[Entity]] = {}
        for entity in gaz.entities.values():
            kinds.setdefault(entity.kind, []).append(entity)
        self.states = [e.key for e in kinds["state"]]
        with_office = {o.office_of for o in gaz.offices}
        self.state_weights = [6 if s in with_office else 1 for s in self.states]
        self.orgs = [e.key for e in kinds["organisation"]]
        self.regions = [e.key for e in kinds["region"] if e.part_of]
        self.cities = [e.key for e in kinds["city"]]
        self.treaties = [e.key for e in kinds["treaty"]]
        self.actor_offices = [o for o in gaz.offices if gaz.entities[o.office_of].kind == "state"]
        self._in_office: dict[tuple[int, int], list[Office]] = {}
        self._descriptions: dict[str, list[Triple]] = {}

    def leaders_on(self, day: dt.date) -> list[Office]:
        """Office terms running in the month of `day` (cached by month)."""
        key = (day.year, day.month)
        if key not in self._in_office:
            mid = day.replace(day=15)
            self._in_office[key] = [o for o in self.actor_offices
                                    if o.start <= mid and (o.end is None or mid <= o.end)]
        return self._in_office[key]

    def actor(self, day: dt.date, organisations: bool) -> tuple[str, str]:
        """(entity key, the side it stands for): a leader in office, a state or an organisation."""
        roll = self.rng.random()
        offices = self.leaders_on(day)
        if roll < 0.55 and offices:
            office = self.rng.choice(offices)
            return office.holder, office.office_of
        if roll > 0.9 and organisations:
            org = self.rng.choice(self.orgs)
            return org, org
        state = self.rng.choices(self.states, self.state_weights)[0]
        return state, state

    def actors(self, day: dt.date, count: int, organisations: bool,
               hub: bool = False) -> list[tuple[str, str]]:
        """`count` actors standing for distinct sides; the first is a hub `hubs.share` of the
        time (no random number is drawn without hubs, so a seed gives the same graph as before)."""
        chosen: dict[str, str] = {}
        if self.hubs.keys and (hub or self.rng.random() < self.hubs.share):
            hub = self.rng.choice(self.hubs.keys)
            chosen[self.gaz.state_of(hub, day)] = hub
        while len(chosen) < count:
            key, side = self.actor(day, organisations)
            chosen.setdefault(side, key)
        return [(key, side) for side, key in chosen.items()]

    def description(self, key: str) -> list[Triple]:
        """The copy of an entity an article graph carries, made by graph/build.py itself
        (once per entity), so the generated graphs follow the builder when it changes."""
        if key not in self._descriptions:
            graph = new_graph()
            describe_entity(graph, self.gaz.entities[key], Minter(BASE), full=False)
            self._descriptions[key] = sorted((s.n3(), p.n3(), o.n3()) for s, p, o in graph)
        return self._descriptions[key]

    def label(self, key: str, lang: str) -> str:
        entity = self.gaz.entities[key]
        return entity.label_de if lang == "de" else entity.label_en


class EventFactory:
    """New events of every type, and re-reports of recent ones (several articles, one node)."""

    def __init__(self, world: World, rng: random.Random):
        self.world, self.rng, self.mint = world, rng, Minter(BASE)
        self.recent: list[SynthEvent] = []
        self.created = 0
        self.hot: SynthEvent | None = None  # the most-reported event, made on first use

    def pick(self, published: dt.date, hot_chance: float = 0.0) -> SynthEvent:
        if hot_chance and self.rng.random() < hot_chance:
            if self.hot is None:
                self.hot = self.new(published, hub=True)
                self.created += 1
            return self.hot
        if self.recent and self.rng.random() < RE_REPORT:
            # newer events are re-reported more often: skew the index towards the end
            index = len(self.recent) - 1 - int(len(self.recent) * self.rng.random() ** 3)
            return self.recent[index]
        event = self.new(published - dt.timedelta(days=self.rng.randint(0, 3)))
        self.recent.append(event)
        del self.recent[:-POOL]
        self.created += 1
        return event

    def new(self, day: dt.date, hub: bool = False) -> SynthEvent:
        kind = self.rng.choices(list(TYPE_WEIGHTS), list(TYPE_WEIGHTS.values()))[0]
        precision = self.rng.choices(["Day", "Month", "Year"], [85, 11, 4])[0]
        w = self.world
        sides = {"Call": 2, "Meeting": self.rng.choice([2, 2, 2, 3, 4]),
                 "Agreement": self.rng.choice([2, 2, 3])}.get(kind, 1)
        actors = w.actors(day, sides, organisations=kind not in ("Call", "TerritorialClaim"), hub=hub)
        event = SynthEvent(kind, [k for k, _ in actors], day, precision)
        if kind in ("Demand", "Support"):
            event.addressees = [w.actor(day, organisations=kind == "Demand")[0]]
            if kind == "Demand" and self.rng.random() < 0.3:
                event.addressees = []
        if kind == "TerritorialClaim":
            event.territory = self.rng.choice(w.regions)
        if kind in ("Demand", "Agreement") and self.rng.random() < 0.2:
            event.treaty = self.rng.choice(w.treaties)
        if kind in TOPICS:
            en, de = self.rng.choice(TOPICS[kind])
            x = self.rng.choices(w.states, w.state_weights)[0]
            event.topic = (en.format(x=w.label(x, "en")), de.format(x=w.label(x, "de")))
            event.support = SUPPORT_KIND.get(en) if kind == "Support" else None
        if kind in ("Meeting", "Agreement") and self.rng.random() < 0.6:
            event.place = self.rng.choice(w.cities)
        event.node = iri(self._identity(event, [s for _, s in actors]))
        return event

    def _identity(self, event: SynthEvent, sides: list[str]) -> str:
        """The event IRI as graph/build.py derives it: type, sides as states, thing, date."""
        addressees = [self.world.gaz.state_of(a, event.date) for a in event.addressees]
        thing = event.territory or event.support or event.treaty or (
            " ".join(sorted({w for w in event.topic[0].lower().split() if len(w) > 4})[:4])
            if event.topic else None)
        return str(self.mint.event(event.kind, sides, addressees, thing, iso(event)))


def iso(event: SynthEvent) -> str:
    if event.precision == "Day":
        return event.date.isoformat()
    return event.date.isoformat()[:7] if event.precision == "Month" else str(event.date.year)


def bounds(event: SynthEvent) -> tuple[dt.date, dt.date]:
    d = event.date
    if event.precision == "Day":
        return d, d
    if event.precision == "Month":
        following = (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return d.replace(day=1), following - dt.timedelta(days=1)
    return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)


def periods(node: str, first: dt.date, last: dt.date) -> list[Triple]:
    """gk:inPeriod as graph/build.py writes it (the same function decides)."""
    return [(node, P["period"], lit(str(p), str(p.datatype))) for p in calendar_periods(first, last)]


def spoken_date(event: SynthEvent, lang: str) -> str:
    d = event.date
    months = MONTHS_DE if lang == "de" else MONTHS_EN
    if event.precision == "Year":
        return str(d.year)
    if event.precision == "Month":
        return f"{months[d.month - 1]} {d.year}"
    return f"{d.day}. {months[d.month - 1]} {d.year}" if lang == "de" else \
        f"{d.day} {months[d.month - 1]} {d.year}"


def event_sentence(world: World, event: SynthEvent, lang: str) -> tuple[str, str]:
    """(sentence, trigger) reporting the event in the article's language."""
    en, de, trig_en, trig_de = TEMPLATES[event.kind]
    names = [world.label(k, lang) for k in event.participants]
    b = names[1:] or [world.label(k, lang) for k in event.addressees] or [
        world.label(event.territory, lang) if event.territory else "the world"]
    if event.territory:
        owner = world.gaz.entities[event.territory].part_of or event.territory
        b = [world.label(event.territory, lang)]
        fill = {"s": world.label(owner, lang)}
    else:
        fill = {"s": ""}
    topic = event.topic[1 if lang == "de" else 0] if event.topic else (
        world.label(event.treaty, lang) if event.treaty else "")
    joiner = " und " if lang == "de" else " and "
    text = (de if lang == "de" else en).format(a=names[0], b=joiner.join(b), d=spoken_date(event, lang),
                                               t=topic, **fill)
    return text, (trig_de if lang == "de" else trig_en)


def filler_sentences() -> dict[str, list[str]]:
    """Real sentences from the sample articles, by language, to pad texts to a news length."""
    pools: dict[str, list[str]] = {"de": [], "en": []}
    for line in SAMPLE_ARTICLES.read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        for part in data["text"].replace("\n", " ").split(". "):
            if 40 <= len(part) <= 300:
                pools[data["lang"]].append(part.strip().rstrip(".") + ".")
    return pools


P = {name: iri(str(term)) for name, term in {
    "isString": NIF.isString, "language": DCTERMS.language, "hash": GK.contentHash,
    "generated": PROV.generatedAtTime, "title": DCTERMS.title, "issued": DCTERMS.issued,
    "url": SCHEMA.url, "source": DCTERMS.source, "mentions": GK.mentions,
    "participant": GK.participant, "addressee": GK.addressee, "territory": GK.territory,
    "treaty": GK.treaty, "topic": GK.topic, "stamp": SEM.hasTimeStamp, "precision": GK.datePrecision,
    "earliest": SEM.hasEarliestBeginTimeStamp, "latest": SEM.hasLatestEndTimeStamp,
    "place": SEM.hasPlace, "derived": PROV.wasDerivedFrom, "evidence": GK.evidence,
    "context": NIF.referenceContext, "anchor": NIF.anchorOf, "begin": NIF.beginIndex,
    "end": NIF.endIndex, "confidence": GK.confidence, "trigger": GK.trigger,
    "period": GK.inPeriod,
}.items()}
STAMP_TYPE = {"Day": str(XSD.date), "Month": str(XSD.gYearMonth), "Year": str(XSD.gYear)}
NNI, DEC, DATE = str(XSD.integer), str(XSD.decimal), str(XSD.date)
OUTLETS = [f"www.{name}.example" for name in (
    "tagesbote", "weltblick", "abendpost", "dailyledger", "globe-wire", "morning-herald",
    "nachrichten24", "kurier-online", "courier-intl", "presseschau", "news-digest", "zeitfunk")]


class ArticleWriter:
    """Composes one article (text + graph) at a time; `triples` is its graph."""

    def __init__(self, world: World, events: EventFactory, rng: random.Random,
                 hot_chance: float = 0.0):
        self.world, self.events, self.rng = world, events, rng
        self.hot_chance = hot_chance  # chance that an article reports the most-reported event
        self.fillers = filler_sentences()
        self.seen_ids: set[str] = set()

    def article(self, published: dt.date) -> tuple[str, list[Triple]]:
        lang = "de" if self.rng.random() < 0.6 else "en"
        reported: list[SynthEvent] = []
        for _ in range(self.rng.choices([1, 2, 3, 4, 5, 6], [25, 30, 20, 12, 8, 5])[0]):
            event = self.events.pick(published, self.hot_chance)
            if event not in reported:
                reported.append(event)
        title, text, spans = self._text(reported, lang, published)
        aid = hashlib.sha256(text.encode("utf-8")).hexdigest()
        while aid[:16] in self.seen_ids:  # practically never; keeps article IRIs unique
            text += " " + self.rng.choice(self.fillers[lang])
            aid = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self.seen_ids.add(aid[:16])
        node = f"{BASE}article/{aid[:16]}"
        triples = self._metadata(iri(node), aid, text, title, lang, published)
        mentioned: set[str] = set()
        for event, (begin, end, trigger) in zip(reported, spans, strict=True):
            triples += self._event(event, node, text, begin, end, trigger, lang)
            mentioned.update(event.participants + event.addressees)
            mentioned.update(k for k in (event.territory, event.treaty, event.place) if k)
        for key in sorted(mentioned):
            triples.append((iri(node), P["mentions"], iri(f"{BASE}entity/{key}")))
            triples += self.world.description(key)
        return node, triples

    def _text(self, reported: list[SynthEvent], lang: str,
              published: dt.date) -> tuple[str, str, list[tuple[int, int, str]]]:
        """Title, full text and each event sentence's (begin, end, trigger) in it."""
        sentences = [event_sentence(self.world, e, lang) for e in reported]
        title = sentences[0][0].rstrip(".")
        text = f"{title}\n\n"
        spans = []
        fillers = self.rng.sample(self.fillers[lang], self.rng.randint(6, 14))
        for i, filler in enumerate(fillers):
            if i < len(sentences):
                sentence, trigger = sentences[i]
                spans.append((len(text), len(text) + len(sentence), trigger))
                text += sentence + " "
            text += filler + (" " if i % 3 else "\n\n")
        return title, text.rstrip(), spans

    def _metadata(self, node: str, digest: str, text: str, title: str, lang: str,
                  published: dt.date) -> list[Triple]:
        ingested = dt.datetime.combine(published, dt.time(6)) + dt.timedelta(
            minutes=self.rng.randint(0, 2000))
        triples = [
            (node, T_TYPE, iri(str(GK.Article))), (node, T_TYPE, iri(str(NIF.Context))),
            (node, P["isString"], lit(text)), (node, P["language"], lit(lang)),
            (node, P["hash"], lit(f"sha256:{digest}")),
            (node, P["generated"], lit(ingested.isoformat() + "Z", str(XSD.dateTime))),
            (node, P["title"], lit(title)), (node, P["issued"], lit(published.isoformat(), DATE)),
        ]
        triples += periods(node, published, published)
        if self.rng.random() < 0.8:
            outlet = self.rng.choice(OUTLETS)
            triples.append((node, P["url"], iri(f"https://{outlet}/{published:%Y/%m}/{digest[:12]}")))
            triples.append((node, P["source"], lit(outlet)))
        return triples

    def _event(self, event: SynthEvent, article: str, text: str, begin: int, end: int,
               trigger: str, lang: str) -> list[Triple]:
        ev, art = event.node, iri(article)
        kind = iri(str(GK[event.kind]))
        triples = [(ev, T_TYPE, kind)]
        triples += [(ev, P["participant"], iri(f"{BASE}entity/{k}")) for k in event.participants]
        triples += [(ev, P["addressee"], iri(f"{BASE}entity/{k}")) for k in event.addressees]
        for name, key in (("territory", event.territory), ("treaty", event.treaty),
                          ("place", event.place)):
            if key:
                triples.append((ev, P[name], iri(f"{BASE}entity/{key}")))
        if event.topic:
            triples.append((ev, P["topic"], lit(event.topic[1 if lang == "de" else 0], lang=lang)))
        first, last = bounds(event)
        triples += [(ev, P["stamp"], lit(iso(event), STAMP_TYPE[event.precision])),
                    (ev, P["precision"], iri(str(GK[event.precision]))),
                    (ev, P["earliest"], lit(first.isoformat(), DATE)),
                    (ev, P["latest"], lit(last.isoformat(), DATE)),
                    (ev, P["derived"], art)]
        triples += periods(ev, first, last)
        sentence = iri(f"{article}#char={begin},{end}")
        confidence = f"0.{self.rng.randint(55, 95)}"
        return triples + [
            (ev, P["evidence"], sentence), (sentence, T_TYPE, iri(str(NIF.Sentence))),
            (sentence, P["context"], art), (sentence, P["anchor"], lit(text[begin:end])),
            (sentence, P["begin"], lit(str(begin), NNI)), (sentence, P["end"], lit(str(end), NNI)),
            (sentence, P["confidence"], lit(confidence, DEC)), (sentence, P["trigger"], lit(trigger)),
        ]


def reference_quads() -> Iterator[str]:
    """The gazetteer and ontology graphs, as the pipeline stores them (minus its hash marker)."""
    from rdflib import Graph
    from rdflib.compare import to_canonical_graph

    mint = Minter(BASE)
    for graph_iri, graph in ((mint.gazetteer_graph, gazetteer_graph(load_gazetteer(), mint)),
                             (mint.ontology_graph, Graph().parse(ONTOLOGY_FILE))):
        # canonical blank node labels and sorted lines: the same seed gives the same bytes
        for line in sorted(to_canonical_graph(graph).serialize(format="nt").splitlines()):
            if line.strip():
                yield f"{line[:-1].rstrip()} <{graph_iri}> .\n"


def shacl_check(triples: list[Triple]) -> None:
    """Run the real ingest gate (geokg.graph.validate.check) on one generated article graph."""
    from rdflib import Graph

    from geokg.graph.validate import check

    check(Graph().parse(data="".join(f"{s} {p} {o} .\n" for s, p, o in triples), format="nt"))


def open_output(path: Path) -> IO[str]:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".gz":
        return gzip.open(path, "wt", encoding="utf-8", compresslevel=3)
    return path.open("w", encoding="utf-8")


@dataclass
class Summary:
    triples: int = 0
    articles: int = 0
    reports: int = 0
    events: int = 0
    checked: int = 0
    seconds: float = 0.0


#: Quads per article in the generated data (10M triples hold about 95,000 articles); used to
#: spread the reports of the most-reported event over a run bounded by triples.
QUADS_PER_ARTICLE = 105


def generate(target: int, out: IO[str], seed: int, check: int = 0, *,
             articles: int | None = None, hubs: Hubs = Hubs()) -> Summary:
    """Write reference graphs then articles until `target` quads (or `articles` articles);
    check every k-th article."""
    rng = random.Random(seed)
    world = World(load_gazetteer(), rng, hubs)
    events = EventFactory(world, rng)
    expected = articles or max(1, target // QUADS_PER_ARTICLE)
    writer = ArticleWriter(world, events, rng, min(1.0, hubs.hot_event_reports / expected))
    summary, started = Summary(), time.perf_counter()
    for quad in reference_quads():
        out.write(quad)
        summary.triples += 1
    span = (LAST_DAY - FIRST_DAY).days
    every = max(1, (articles or target // 100) // max(check, 1))

    def progress() -> float:
        return summary.articles / articles if articles else summary.triples / target

    while progress() < 1:
        published = FIRST_DAY + dt.timedelta(days=int(span * progress()))
        node, triples = writer.article(published)
        graph = f"<{node}>"
        out.write("".join(f"{s} {p} {o} {graph} .\n" for s, p, o in triples))
        summary.triples += len(triples)
        summary.articles += 1
        summary.reports += sum(1 for t in triples if t[1] == P["derived"])
        if check and summary.checked < check and summary.articles % every == 1 % every:
            shacl_check(triples)
            summary.checked += 1
        if summary.articles % 20000 == 0:
            print(f"  {summary.triples:,} triples, {summary.articles:,} articles", file=sys.stderr)
    summary.events = events.created
    summary.seconds = round(time.perf_counter() - started, 1)
    return summary


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="stop after this many quads")
    parser.add_argument("--out", type=Path, required=True, help="N-Quads file (.nq, or .nq.gz)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--check", type=int, default=20,
                        help="SHACL-check this many article graphs spread over the run (0: none)")
    parser.add_argument("--articles", type=int, help="stop after this many articles instead")
    parser.add_argument("--hubs", default="", help="gazetteer keys of hub entities, comma-separated")
    parser.add_argument("--hub-share", type=float, default=0.25,
                        help="share of new events with a hub as first participant (with --hubs)")
    parser.add_argument("--hot-event-reports", type=int, default=0,
                        help="about this many articles report one and the same event")
    args = parser.parse_args(argv)
    hubs = Hubs(tuple(k for k in args.hubs.split(",") if k),
                args.hub_share if args.hubs else 0.0, args.hot_event_reports)
    with open_output(args.out) as out:
        summary = generate(args.triples, out, args.seed, args.check, articles=args.articles,
                           hubs=hubs)
    print(json.dumps({"file": str(args.out), "bytes": args.out.stat().st_size, **vars(summary)}))


if __name__ == "__main__":
    main()
