"""`geokg eval`: score what the graph holds for each gold article against the gold reading.

The contract is `gold-format.md` (shared with the annotators). The pieces are kept apart so
each can be tested alone:

- `read_predictions` asks the store, with SPARQL, what one article's named graph says;
  scoring therefore sees exactly what a user of the SPARQL endpoint would see.
- `score` compares gold entries with predictions; it is pure (no store, no files).
- `format_report` / `report_to_json` / `predictions_to_gold_format` present the result.
- `run_eval` ties them together over a fresh in-memory store.

Decisions the format leaves open, and why they were taken this way:

- Leader <-> state: a leader stands for the state (or organisation) they led on the event's
  date. The date used is the gold event's date, else the system event's, else the article's
  published date -- the gold date is the annotated truth about when the event happened.
  A fuzzy date (month/year) is a period; the term overlapping it most wins.
- A gold `null` date is right only when the system gives no date either: the annotator
  decided the text does not date the event, so a date is an invention.
- Object: a gold QID object is right when the system's territory/treaty QID equals it; a
  gold phrase is scored by token-overlap F1 with the system's topic. The topic is text from
  the article (often German) while gold phrases are English, so phrase scores are a rough
  signal, reported apart from the event F1.
- Entities: a link to a QID the gold file never names (events or entity lists of any entry)
  is neutral -- gold annotates only verified leaders, states, regions, organisations and
  treaties, not cities or ministers.
- Negatives are statements the system must *not* turn into events; deciding whether a
  false alarm "is" a given negative needs reading (NLI), so they are not machine-scored.
  The report lists, per article, how many negatives the gold has and how many false
  alarms the system raised, so a reader can check them by eye.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol, cast

from geokg.config import Settings
from geokg.errors import GeokgError
from geokg.vocab import PREFIXES

WD_PREFIX = "http://www.wikidata.org/entity/"
EVENT_TYPES = ("CALL", "MEETING", "DEMAND", "TERRITORIAL_CLAIM", "AGREEMENT", "SUPPORT")
#: Ontology class local name -> gold-format event type.
CLASS_TO_TYPE = {
    "Call": "CALL",
    "Meeting": "MEETING",
    "Demand": "DEMAND",
    "TerritorialClaim": "TERRITORIAL_CLAIM",
    "Agreement": "AGREEMENT",
    "Support": "SUPPORT",
}
#: Types whose addressee set must match when gold gives one (gold-format.md, Scoring).
ADDRESSEE_TYPES = frozenset({"DEMAND", "SUPPORT"})
_QID = re.compile(r"^Q[1-9][0-9]*$")


# --------------------------------------------------------------------------- data


class _Rows(Protocol):
    def rows(self) -> list[dict[str, str | None]]: ...


class QueryStore(Protocol):
    """The one method of `geokg.store.Store` evaluation needs; narrower so tests can fake it."""

    def query(self, sparql: str) -> _Rows: ...


@dataclass(frozen=True)
class EventRecord:
    """One event in gold-format terms, from gold or from the graph.

    `territories` holds every territory a system claim names (normally one); a claim
    matches only when they are exactly the gold territory. `iri` is the graph node.
    """

    type: str
    participants: tuple[str, ...]
    addressee: tuple[str, ...] = ()
    object: str | None = None
    date: str | None = None
    evidence: str | None = None
    territories: tuple[str, ...] = ()
    iri: str | None = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> EventRecord:
        """Read a gold-format event dict (gold file, or a predictions file)."""
        obj = d.get("object")
        claim = d["type"] == "TERRITORIAL_CLAIM" and obj
        return cls(
            type=d["type"],
            participants=tuple(d.get("participants") or ()),
            addressee=tuple(d.get("addressee") or ()),
            object=obj,
            date=d.get("date"),
            evidence=d.get("evidence"),
            territories=cast("tuple[str, ...]", (obj,) if claim else ()),
            iri=d.get("iri"),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "participants": list(self.participants),
            "addressee": list(self.addressee),
            "object": self.object,
            "date": self.date,
            "evidence": self.evidence,
        }


@dataclass
class Prediction:
    """What the graph holds for one article; `error` set when ingest failed (then empty)."""

    article_id: str
    article_iri: str | None = None
    entities: list[str] = field(default_factory=list)  # QIDs
    events: list[EventRecord] = field(default_factory=list)
    error: str | None = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Prediction:
        """Read one entry of a predictions file (gold format)."""
        return cls(
            article_id=d["id"],
            entities=[e["wikidata"] for e in d.get("entities", []) if e.get("wikidata")],
            events=[EventRecord.from_dict(e) for e in d.get("events", [])],
            error=d.get("error"),
        )


@dataclass(frozen=True)
class LeaderTerm:
    """A term in office: `leader` stood for `office_of` from `start` to `end` (None = ongoing)."""

    leader: str
    office_of: str
    start: dt.date
    end: dt.date | None = None


LeaderTerms = dict[str, list[LeaderTerm]]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn


@dataclass(frozen=True)
class Finding:
    """A miss (gold event not found) or false alarm (system event not in gold)."""

    article_id: str
    type: str
    participants: tuple[str, ...]
    addressee: tuple[str, ...]
    object: str | None
    date: str | None
    sentence: str | None


@dataclass
class ArticleSummary:
    article_id: str
    gold_events: int = 0
    system_events: int = 0
    hits: int = 0
    false_alarms: int = 0
    ignored: int = 0
    negatives: int = 0
    error: str | None = None


@dataclass
class Report:
    by_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in EVENT_TYPES})
    entities: Counts = field(default_factory=Counts)
    dates_right: int = 0
    dates_total: int = 0
    object_scores: list[float] = field(default_factory=list)
    object_qid_scores: list[float] = field(default_factory=list)
    object_phrase_scores: list[float] = field(default_factory=list)
    misses: list[Finding] = field(default_factory=list)
    false_alarms: list[Finding] = field(default_factory=list)
    wrong_dates: list[tuple[Finding, str | None]] = field(default_factory=list)  # (system, gold date)
    articles: list[ArticleSummary] = field(default_factory=list)

    @property
    def micro(self) -> Counts:
        c = Counts()
        for t in self.by_type.values():
            c.tp, c.fp, c.fn = c.tp + t.tp, c.fp + t.fp, c.fn + t.fn
        return c

    @property
    def date_accuracy(self) -> float:
        return _ratio(self.dates_right, self.dates_total)


def _ratio(a: int, b: int) -> float:
    """A ratio that is 0.0 for 0/0: an empty category neither helps nor crashes a report."""
    return a / b if b else 0.0


def _mean(xs: Sequence[float]) -> float | None:
    return sum(xs) / len(xs) if xs else None


# --------------------------------------------------------------------------- dates & leaders


def date_interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The period a fuzzy ISO date covers: '2015' -> whole year, '2015-02' -> February."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value[:10].split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            first = dt.date(parts[0], parts[1], 1)
            nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        day = dt.date(parts[0], parts[1], parts[2])
        return day, day
    except (ValueError, IndexError):
        return None


def _overlap_days(term: LeaderTerm, span: tuple[dt.date, dt.date]) -> int:
    """Days of `span` inside the term; the end date is the successor's first day, so exclusive."""
    lo = max(term.start, span[0])
    hi = span[1] if term.end is None else min(term.end - dt.timedelta(days=1), span[1])
    return (hi - lo).days + 1 if hi >= lo else 0


def side(actor: str, when: str | None, terms: LeaderTerms) -> str:
    """The actor as a side: a leader becomes the state they led at `when`, others stay."""
    span = date_interval(when)
    if span is None or actor not in terms:
        return actor
    best = max(terms[actor], key=lambda t: (_overlap_days(t, span), t.start))
    return best.office_of if _overlap_days(best, span) else actor


def sides(actors: Iterable[str], when: str | None, terms: LeaderTerms) -> frozenset[str]:
    return frozenset(side(a, when, terms) for a in actors)


def _parse_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def load_entities_tsv(path: Path) -> LeaderTerms:
    """Leader terms from the gold's `entities.tsv` (`leads`, `office_start`, `office_end`)."""
    terms: LeaderTerms = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            start = _parse_date(row.get("office_start"))
            if row.get("type") != "leader" or not row.get("leads") or start is None:
                continue
            term = LeaderTerm(row["qid"], row["leads"], start, _parse_date(row.get("office_end")))
            terms.setdefault(row["qid"], []).append(term)
    return terms


def merge_terms(graph_terms: LeaderTerms, gold_terms: LeaderTerms) -> LeaderTerms:
    """Graph terms, with the gold's table replacing a leader's terms wherever it has them.

    The gold table wins so that scoring uses the annotators' own notion of who led what.
    """
    return {**graph_terms, **gold_terms}


# --------------------------------------------------------------------------- SPARQL readback


def _prefixes() -> str:
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def _qid(iri: str | None) -> str | None:
    if iri and iri.startswith(WD_PREFIX) and _QID.match(iri[len(WD_PREFIX):]):
        return iri[len(WD_PREFIX):]
    return None


_TYPE_VALUES = " ".join(f"gk:{c}" for c in CLASS_TO_TYPE)

_ENTITIES_Q = """SELECT DISTINCT ?wd WHERE { GRAPH <%(g)s> { ?e owl:sameAs ?wd } }"""

# Multi-valued roles come back one row each, keyed by event; a sameAs in the same graph
# turns an actor into its QID (the article graph carries a copy of each entity's sameAs).
_ROLES_Q = """SELECT ?ev ?cls ?p ?v ?wd WHERE { GRAPH <%(g)s> {
  VALUES ?cls { %(types)s }
  ?ev a ?cls .
  OPTIONAL {
    VALUES ?p { gk:participant gk:addressee gk:territory gk:treaty gk:topic sem:hasTimeStamp }
    ?ev ?p ?v .
    OPTIONAL { ?v owl:sameAs ?wd . FILTER(STRSTARTS(STR(?wd), "%(wd)s")) }
  }
} }"""

_EVIDENCE_Q = """SELECT ?ev ?text ?begin WHERE { GRAPH <%(g)s> {
  VALUES ?cls { %(types)s }
  ?ev a ?cls ; gk:evidence ?s . ?s nif:anchorOf ?text .
  OPTIONAL { ?s nif:beginIndex ?begin }
} }"""

_TERMS_Q = """SELECT ?leader ?lq ?state ?sq ?start ?end WHERE { GRAPH <%(g)s> {
  ?leader gk:holdsOffice ?t .
  OPTIONAL { ?leader owl:sameAs ?lq }
  ?t gk:officeOf ?state ; gk:startDate ?start .
  OPTIONAL { ?state owl:sameAs ?sq }
  OPTIONAL { ?t gk:endDate ?end }
} }"""


def _select(store: QueryStore, template: str, **params: str) -> list[dict[str, str | None]]:
    values = {"types": _TYPE_VALUES, "wd": WD_PREFIX, **params}
    return store.query(_prefixes() + template % values).rows()


def read_predictions(store: QueryStore, article_iri: str, article_id: str = "") -> Prediction:
    """What the article's named graph says, read with SPARQL over that graph only.

    An event node is shared by every article that reports it, but its roles, evidence and
    date are also written into each article's graph, so reading only `GRAPH <article>`
    gives this article's reading and nothing another article added.
    """
    qids = {_qid(r["wd"]) for r in _select(store, _ENTITIES_Q, g=article_iri)}
    events = _collect_events(_select(store, _ROLES_Q, g=article_iri))
    evidence = _first_evidence(_select(store, _EVIDENCE_Q, g=article_iri))
    records = [_to_record(iri, ev, evidence.get(iri)) for iri, ev in sorted(events.items())]
    return Prediction(article_id, article_iri, sorted(q for q in qids if q), records)


def _collect_events(rows: list[dict[str, str | None]]) -> dict[str, dict[str, Any]]:
    events: dict[str, dict[str, Any]] = {}
    for r in rows:
        ev = events.setdefault(r["ev"] or "", {"types": set(), "roles": {}})
        cls = (r["cls"] or "").rsplit("#", 1)[-1]
        ev["types"].add(CLASS_TO_TYPE.get(cls, cls))
        if r.get("p") and r.get("v") is not None:
            prop = str(r["p"]).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
            value = _qid(r.get("wd")) or r["v"]
            ev["roles"].setdefault(prop, set()).add(value)
    return events


def _first_evidence(rows: list[dict[str, str | None]]) -> dict[str, str]:
    """The earliest evidence sentence of each event (an event may have several)."""
    best: dict[str, tuple[int, str]] = {}
    for r in rows:
        begin = int(r["begin"] or 0) if r.get("begin") else 1 << 60
        if r["ev"] and r["text"] is not None and (r["ev"] not in best or begin < best[r["ev"]][0]):
            best[r["ev"]] = (begin, r["text"])
    return {ev: text for ev, (_, text) in best.items()}


def _to_record(iri: str, ev: dict[str, Any], evidence: str | None) -> EventRecord:
    roles: dict[str, set[str]] = ev["roles"]
    territories = tuple(sorted(roles.get("territory", ())))
    treaties = sorted(roles.get("treaty", ()))
    topics = sorted(roles.get("topic", ()))
    obj = (territories or treaties or topics or cast("list[str | None]", [None]))[0]
    return EventRecord(
        type=sorted(ev["types"])[0],
        participants=tuple(sorted(roles.get("participant", ()))),
        addressee=tuple(sorted(roles.get("addressee", ()))),
        object=obj,
        date=(sorted(roles.get("hasTimeStamp", ())) or cast("list[str | None]", [None]))[0],
        evidence=evidence,
        territories=territories,
        iri=iri,
    )


def read_leader_terms(store: QueryStore, gazetteer_iri: str) -> LeaderTerms:
    """Leader terms from the gazetteer graph, keyed by the leader's QID — or by the leader's
    IRI when no QID is verified, which is how predictions name such a leader."""
    terms: LeaderTerms = {}
    for r in _select(store, _TERMS_Q, g=gazetteer_iri):
        leader = _qid(r["lq"]) or r["leader"]
        state = _qid(r["sq"]) or r["state"]
        start = _parse_date(r["start"])
        if leader and state and start:
            terms.setdefault(leader, []).append(
                LeaderTerm(leader, state, start, _parse_date(r.get("end"))))
    return terms


# --------------------------------------------------------------------------- scoring


def _event_date(gold: EventRecord, system: EventRecord, published: str | None) -> str | None:
    """The date that decides who a leader stands for: gold's, else the system's, else published."""
    return gold.date or system.date or published


def events_match(gold: EventRecord, system: EventRecord, terms: LeaderTerms,
                 published: str | None = None) -> bool:
    """gold-format.md's matching rule for one pair of events."""
    if gold.type != system.type:
        return False
    when = _event_date(gold, system, published)
    if sides(gold.participants, when, terms) != sides(system.participants, when, terms):
        return False
    if gold.type == "TERRITORIAL_CLAIM" and system.territories != (gold.object,):
        return False
    if gold.type in ADDRESSEE_TYPES and gold.addressee:
        return sides(gold.addressee, when, terms) == sides(system.addressee, when, terms)
    return True


def date_right(gold: str | None, system: str | None) -> bool:
    """Equal at the gold's precision; a gold null is right only against a system null."""
    if gold is None:
        return system is None
    return system is not None and len(system) >= len(gold) and system[: len(gold)] == gold


_STOP = frozenset("a an the of and or to in on for with from by at as its their any all".split())


def _tokens(text: str) -> set[str]:
    return {t for t in re.findall(r"\w+", text.lower()) if t not in _STOP}


def object_score(gold: str | None, system: EventRecord) -> float | None:
    """1/0 for a gold QID, token-overlap F1 for a gold phrase, None when gold has no object."""
    if not gold:
        return None
    if _QID.match(gold):
        return 1.0 if gold in {system.object, *system.territories} else 0.0
    g, s = _tokens(gold), _tokens(system.object or "")
    common = len(g & s)
    return 2 * common / (len(g) + len(s)) if common else 0.0


def _pair_quality(gold: EventRecord, system: EventRecord) -> tuple[bool, float]:
    """How well a matching pair agrees beyond the match rule: date first, then object."""
    return date_right(gold.date, system.date), object_score(gold.object, system) or 0.0


def match_events(gold: Sequence[EventRecord], system: Sequence[EventRecord],
                 terms: LeaderTerms, published: str | None = None) -> dict[int, int]:
    """A maximum matching gold index -> system index (each side used at most once).

    Pairs are first taken greedily, best-agreeing (date, object) first, so that of two
    look-alike events (three US-China agreements) each gold event gets its own; augmenting
    paths (Kuhn) then re-pair only where that is needed to match more gold events.
    """
    cands = {gi: [si for si, s in enumerate(system) if events_match(g, s, terms, published)]
             for gi, g in enumerate(gold)}
    pairs = sorted(((gi, si) for gi, sis in cands.items() for si in sis),
                   key=lambda p: (tuple(-x for x in _pair_quality(gold[p[0]], system[p[1]])), p))
    owner: dict[int, int] = {}  # system index -> gold index
    for gi, si in pairs:
        if si not in owner and gi not in owner.values():
            owner[si] = gi

    def augment(gi: int, seen: set[int]) -> bool:
        for si in cands[gi]:
            if si not in seen:
                seen.add(si)
                if si not in owner or augment(owner[si], seen):
                    owner[si] = gi
                    return True
        return False

    for gi in sorted(set(cands) - set(owner.values())):
        augment(gi, set())
    return {gi: si for si, gi in owner.items()}


def is_unscored(event: EventRecord, unscored: Sequence[Mapping[str, Any]], terms: LeaderTerms,
                published: str | None) -> bool:
    """A system event of an `unscored` type whose participants include those sides."""
    when = event.date or published
    mine = sides(event.participants, when, terms)
    return any(u.get("type") == event.type
               and sides(u.get("participants", ()), when, terms) <= mine for u in unscored)


def gold_qids(entries: Sequence[Mapping[str, Any]]) -> set[str]:
    """Every QID the gold file names anywhere: entity lists, participants, objects, unscored."""
    names: set[str] = set()
    for entry in entries:
        names.update(e["wikidata"] for e in entry.get("entities", []) if e.get("wikidata"))
        for ev in [*entry.get("events", []), *entry.get("unscored", [])]:
            names.update(ev.get("participants") or ())
            names.update(ev.get("addressee") or ())
            names.add(ev.get("object") or "")
    return {n for n in names if _QID.match(n)}


def _finding(article_id: str, ev: EventRecord) -> Finding:
    return Finding(article_id, ev.type, ev.participants, ev.addressee, ev.object, ev.date,
                   ev.evidence)


def score(gold_entries: Sequence[Mapping[str, Any]],
          predictions: Sequence[Prediction | Mapping[str, Any]],
          leader_terms: LeaderTerms) -> Report:
    """Score predictions against gold entries (gold-format.md); entries pair up by `id`."""
    by_id = {p.article_id: p for p in map(_as_prediction, predictions)}
    named = gold_qids(gold_entries)
    report = Report()
    for entry in gold_entries:
        pred = by_id.get(entry["id"]) or Prediction(entry["id"], error="no prediction")
        _score_entities(report, entry, pred, named)
        report.articles.append(_score_events(report, entry, pred, leader_terms))
    return report


def _as_prediction(p: Prediction | Mapping[str, Any]) -> Prediction:
    return p if isinstance(p, Prediction) else Prediction.from_dict(p)


def _score_entities(report: Report, entry: Mapping[str, Any], pred: Prediction,
                    named: set[str]) -> None:
    gold = {e["wikidata"] for e in entry.get("entities", []) if e.get("wikidata")}
    scored = set(pred.entities) & named
    report.entities.tp += len(gold & scored)
    report.entities.fp += len(scored - gold)
    report.entities.fn += len(gold - scored)


def _score_events(report: Report, entry: Mapping[str, Any], pred: Prediction,
                  terms: LeaderTerms) -> ArticleSummary:
    aid, published = entry["id"], entry.get("published")
    gold = [EventRecord.from_dict(e) for e in entry.get("events", [])]
    system = list(pred.events)
    pairs = match_events(gold, system, terms, published)
    summary = ArticleSummary(aid, len(gold), len(system), len(pairs),
                             negatives=len(entry.get("negatives", [])), error=pred.error)
    for gi, g in enumerate(gold):
        counts = report.by_type.setdefault(g.type, Counts())
        if gi in pairs:
            counts.tp += 1
            _score_attributes(report, g, system[pairs[gi]])
        else:
            counts.fn += 1
            report.misses.append(_finding(aid, g))
    used = set(pairs.values())
    for si, s in enumerate(system):
        if si in used:
            continue
        if is_unscored(s, entry.get("unscored", []), terms, published):
            summary.ignored += 1
            continue
        report.by_type.setdefault(s.type, Counts()).fp += 1
        report.false_alarms.append(_finding(aid, s))
        summary.false_alarms += 1
    return summary


def _score_attributes(report: Report, gold: EventRecord, system: EventRecord,
                      article_id: str = "") -> None:
    report.dates_total += 1
    right = date_right(gold.date, system.date)
    report.dates_right += right
    if not right:
        report.wrong_dates.append((_finding(article_id, system), gold.date))
    obj = object_score(gold.object, system)
    if obj is not None:
        report.object_scores.append(obj)
        is_qid = bool(_QID.match(gold.object or ""))
        (report.object_qid_scores if is_qid else report.object_phrase_scores).append(obj)


# --------------------------------------------------------------------------- presentation


def _fmt_mean(xs: Sequence[float]) -> str:
    m = _mean(xs)
    return "n/a" if m is None else f"{m:.2f} (n={len(xs)})"


def _fmt_finding(f: Finding) -> str:
    who = ", ".join(f.participants) or "-"
    to = f" -> {', '.join(f.addressee)}" if f.addressee else ""
    obj = f" [{f.object}]" if f.object else ""
    return (f"  {f.article_id:<10} {f.type:<17} {who}{to}{obj} @ {f.date or 'no date'}\n"
            f"             \"{f.sentence or ''}\"")


def format_report(report: Report) -> str:
    """A plain-text report: per-type and micro scores, then the reasons (misses, false alarms)."""
    lines = [f"{'type':<18} {'P':>5} {'R':>5} {'F1':>5} {'support':>8} {'tp':>4} {'fp':>4} "
             f"{'fn':>4}"]
    rows = [(t, c) for t, c in report.by_type.items()] + [("overall (micro)", report.micro)]
    for name, c in rows:
        lines.append(f"{name:<18} {c.precision:5.2f} {c.recall:5.2f} {c.f1:5.2f} "
                     f"{c.support:8d} {c.tp:4d} {c.fp:4d} {c.fn:4d}")
    e = report.entities
    lines += [
        "",
        f"entities           P={e.precision:.2f} R={e.recall:.2f} F1={e.f1:.2f} "
        f"(tp={e.tp} fp={e.fp} fn={e.fn}; QIDs the gold never names are neutral)",
        f"date accuracy      {report.date_accuracy:.2f} "
        f"({report.dates_right}/{report.dates_total} matched events)",
        f"object (matched)   all {_fmt_mean(report.object_scores)}; "
        f"QID {_fmt_mean(report.object_qid_scores)}; "
        f"phrase token-F1 {_fmt_mean(report.object_phrase_scores)}",
        "",
        "per article (negatives are not machine-scored: compare false alarms with them by eye)",
    ]
    for a in report.articles:
        err = f"  ERROR: {a.error}" if a.error else ""
        lines.append(f"  {a.article_id:<10} gold={a.gold_events} system={a.system_events} "
                     f"hits={a.hits} false_alarms={a.false_alarms} ignored={a.ignored} "
                     f"negatives={a.negatives}{err}")
    lines += ["", f"misses ({len(report.misses)})", *map(_fmt_finding, report.misses)]
    lines += ["", f"false alarms ({len(report.false_alarms)})",
              *map(_fmt_finding, report.false_alarms)]
    lines += ["", f"wrong dates on matched events ({len(report.wrong_dates)}; gold date in brackets)"]
    lines += [f"{_fmt_finding(f)}  [gold {gold or 'no date'}]" for f, gold in report.wrong_dates]
    return "\n".join(lines) + "\n"


def _counts_json(c: Counts) -> dict[str, float | int]:
    return {"precision": round(c.precision, 4), "recall": round(c.recall, 4),
            "f1": round(c.f1, 4), "support": c.support, "tp": c.tp, "fp": c.fp, "fn": c.fn}


def report_to_json(report: Report) -> dict[str, Any]:
    """The report as plain JSON data (for `--json OUT`)."""
    return {
        "by_type": {t: _counts_json(c) for t, c in report.by_type.items()},
        "micro": _counts_json(report.micro),
        "entities": _counts_json(report.entities),
        "wrong_dates": [{**asdict(f), "gold_date": gold} for f, gold in report.wrong_dates],
        "date_accuracy": {"accuracy": round(report.date_accuracy, 4),
                          "right": report.dates_right, "total": report.dates_total},
        "object": {"mean": _mean(report.object_scores),
                   "qid_mean": _mean(report.object_qid_scores),
                   "phrase_token_f1_mean": _mean(report.object_phrase_scores),
                   "n": len(report.object_scores)},
        "negatives_note": "negatives are not machine-scored (would need NLI); compare "
                          "false_alarms per article with the gold negatives",
        "articles": [asdict(a) for a in report.articles],
        "misses": [asdict(f) for f in report.misses],
        "false_alarms": [asdict(f) for f in report.false_alarms],
    }


def predictions_to_gold_format(predictions: Sequence[Prediction],
                               gold_entries: Sequence[Mapping[str, Any]] = ()
                               ) -> list[dict[str, Any]]:
    """Predictions in the gold schema (`--predictions OUT`), so any scorer can re-score them.

    `file`, `lang` and `published` are copied from the gold entry of the same id so the
    output reads like a gold file; `error` is added only when ingest failed.
    """
    meta = {e["id"]: e for e in gold_entries}
    out = []
    for p in predictions:
        g = meta.get(p.article_id, {})
        entry: dict[str, Any] = {"id": p.article_id}
        entry.update({k: g[k] for k in ("file", "lang", "published") if k in g})
        entry["entities"] = [{"wikidata": q} for q in p.entities]
        entry["events"] = [e.to_dict() for e in p.events]
        if p.error:
            entry["error"] = p.error
        out.append(entry)
    return out


# --------------------------------------------------------------------------- running


Progress = Callable[[int, int, str], None]
"""Called as progress(index, total, article_id) before each article is ingested."""


def run_eval(gold_path: Path, settings: Settings | None = None,
             progress: Progress | None = None) -> tuple[Report, list[Prediction]]:
    """Ingest every gold article into a fresh in-memory store, read it back, score it.

    The store is always in memory (a run must not touch the user's data, and must not be
    influenced by it); only the base IRI is taken from `settings`.
    """
    from geokg.pipeline import Pipeline  # lazy: the pipeline pulls in extraction and SHACL
    from geokg.store import open_store

    gold_path = Path(gold_path)
    entries = json.loads(gold_path.read_text(encoding="utf-8"))
    mem = replace(settings or Settings(), store="memory")
    store = open_store(mem)
    pipeline = Pipeline.open(mem, store)
    predictions = []
    for i, entry in enumerate(entries):
        if progress:
            progress(i, len(entries), entry["id"])
        predictions.append(_ingest_one(pipeline, store, gold_path.parent, entry))
    terms = read_leader_terms(store, f"{mem.base_iri}graph/gazetteer")
    tsv = gold_path.parent / "entities.tsv"
    if tsv.exists():
        terms = merge_terms(terms, load_entities_tsv(tsv))
    return score(entries, predictions, terms), predictions


def _ingest_one(pipeline: Any, store: QueryStore, folder: Path,
                entry: Mapping[str, Any]) -> Prediction:
    """One article: ingest and read back; a failure becomes an empty, annotated prediction."""
    try:
        from geokg.pipeline import ArticleInput

        text = (folder / entry["file"]).read_text(encoding="utf-8")
        item = ArticleInput.from_mapping({"text": text, "published": entry.get("published"),
                                          "lang": entry.get("lang")})
        result = pipeline.ingest(item)
    except (GeokgError, OSError) as exc:
        return Prediction(entry["id"], error=f"{type(exc).__name__}: {exc}")
    return read_predictions(store, result.article_iri, entry["id"])
