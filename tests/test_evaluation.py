"""Scoring rules of `geokg eval` (gold-format.md) on small hand-made examples, plus readback."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest
import rdflib

from geokg import PROJECT_ROOT
from geokg.evaluation.gold import (
    EventRecord,
    LeaderTerm,
    Prediction,
    date_right,
    format_report,
    load_entities_tsv,
    predictions_to_gold_format,
    read_leader_terms,
    read_predictions,
    report_to_json,
    run_eval,
    score,
)

MACRON, PUTIN, MERKEL, SCHOLZ = "Q3052772", "Q7747", "Q567", "Q61053"
FRANCE, RUSSIA, GERMANY, UKRAINE, IRAN = "Q142", "Q159", "Q183", "Q212", "Q794"
CRIMEA, LUHANSK, VENEZUELA = "Q7835", "Q171965", "Q717"

TERMS = {
    MACRON: [LeaderTerm(MACRON, FRANCE, dt.date(2017, 5, 14))],
    PUTIN: [LeaderTerm(PUTIN, RUSSIA, dt.date(2012, 5, 7))],
    MERKEL: [LeaderTerm(MERKEL, GERMANY, dt.date(2005, 11, 22), dt.date(2021, 12, 8))],
    SCHOLZ: [LeaderTerm(SCHOLZ, GERMANY, dt.date(2021, 12, 8), dt.date(2025, 5, 6))],
}


def ev(type_: str, participants: list[str], addressee: list[str] | None = None,
       obj: str | None = None, date: str | None = "2025-07-01") -> dict[str, Any]:
    return {"type": type_, "participants": participants, "addressee": addressee or [],
            "object": obj, "date": date, "evidence": f"{type_} sentence"}


def entry(events: list[dict[str, Any]], entities: list[str] = (), aid: str = "a1",
          **extra: Any) -> dict[str, Any]:
    return {"id": aid, "file": f"articles/{aid}.txt", "lang": "de", "published": "2025-07-01",
            "entities": [{"label": q, "type": "state", "wikidata": q} for q in entities],
            "events": events, "negatives": ["a negated meeting"], **extra}


def pred(events: list[dict[str, Any]], entities: list[str] = (), aid: str = "a1") -> Prediction:
    return Prediction(aid, entities=list(entities),
                      events=[EventRecord.from_dict(e) for e in events])


def run(gold_events, sys_events, **extra):
    return score([entry(gold_events, **extra)], [pred(sys_events)], TERMS)


def test_exact_match_is_a_hit():
    call = ev("CALL", [MACRON, PUTIN])
    report = run([call], [call])
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (1, 0, 0)
    assert report.micro.f1 == 1.0 and report.date_accuracy == 1.0
    assert not report.misses and not report.false_alarms


def test_leader_and_state_interchange_within_the_term():
    report = run([ev("CALL", [MACRON, PUTIN])], [ev("CALL", [FRANCE, RUSSIA])])
    assert report.micro.tp == 1
    report = run([ev("CALL", [GERMANY, RUSSIA], date="2015-02-12")],
                 [ev("CALL", [MERKEL, PUTIN], date="2015-02-12")])
    assert report.micro.tp == 1


def test_leader_does_not_stand_for_state_outside_the_term():
    report = run([ev("CALL", [GERMANY, RUSSIA], date="2024-11-15")],
                 [ev("CALL", [MERKEL, PUTIN], date="2024-11-15")])
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (0, 1, 1)
    # ...while the chancellor of that date does
    report = run([ev("CALL", [GERMANY, RUSSIA], date="2024-11-15")],
                 [ev("CALL", [SCHOLZ, PUTIN], date="2024-11-15")])
    assert report.micro.tp == 1


def test_undated_event_maps_leaders_on_the_published_date():
    report = run([ev("SUPPORT", [RUSSIA], [IRAN], "drones", date=None)],
                 [ev("SUPPORT", [PUTIN], [IRAN], "Drohnen", date=None)])
    assert report.micro.tp == 1 and report.date_accuracy == 1.0


def test_claim_with_wrong_territory_is_a_miss_and_a_false_alarm():
    report = run([ev("TERRITORIAL_CLAIM", [PUTIN], obj=CRIMEA)],
                 [ev("TERRITORIAL_CLAIM", [PUTIN], obj=LUHANSK)])
    claims = report.by_type["TERRITORIAL_CLAIM"]
    assert (claims.tp, claims.fp, claims.fn) == (0, 1, 1)
    assert report.misses[0].object == CRIMEA and report.false_alarms[0].object == LUHANSK
    assert report.misses[0].sentence == "TERRITORIAL_CLAIM sentence"


def test_demand_addressee_required_only_when_gold_gives_one():
    with_addressee = ev("DEMAND", [MACRON], [IRAN], "comply with the NPT")
    assert run([with_addressee], [ev("DEMAND", [MACRON], [UKRAINE])]).micro.tp == 0
    assert run([with_addressee], [ev("DEMAND", [MACRON], [])]).micro.tp == 0
    assert run([with_addressee], [ev("DEMAND", [FRANCE], [IRAN])]).micro.tp == 1
    without = ev("DEMAND", [MACRON], [], "negotiations")
    assert run([without], [ev("DEMAND", [MACRON], [UKRAINE])]).micro.tp == 1


def test_gold_event_matched_at_most_once():
    call = ev("CALL", [MACRON, PUTIN])
    report = run([call], [call, ev("CALL", [FRANCE, RUSSIA])])
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (1, 1, 0)


def test_matching_is_maximal_not_first_come():
    # the first system event could take either gold event; a greedy choice could strand one
    gold = [ev("MEETING", [MACRON, PUTIN], date="2025-07"), ev("MEETING", [FRANCE, RUSSIA])]
    system = [ev("MEETING", [FRANCE, RUSSIA], date="2025-07-01"),
              ev("MEETING", [MACRON, PUTIN], date="2025-07-01")]
    report = run(gold, system)
    assert report.micro.tp == 2 and report.date_accuracy == 1.0


def test_unscored_event_is_neither_hit_nor_false_alarm():
    unscored = [{"type": "TERRITORIAL_CLAIM", "participants": [VENEZUELA], "why": "no QID"}]
    system = [ev("TERRITORIAL_CLAIM", [VENEZUELA], obj="http://localhost:5000/entity/essequibo"),
              ev("TERRITORIAL_CLAIM", [RUSSIA], obj=CRIMEA)]
    report = run([], system, unscored=unscored)
    assert report.micro.fp == 1 and report.false_alarms[0].participants == (RUSSIA,)
    assert report.articles[0].ignored == 1


def test_entity_precision_ignores_qids_the_gold_never_names():
    minsk = "Q2280"  # a city: named by no gold entry
    gold = [entry([], entities=[FRANCE, RUSSIA], aid="a1"),
            entry([], entities=[UKRAINE], aid="a2")]
    preds = [pred([], entities=[FRANCE, minsk, UKRAINE], aid="a1"), pred([], aid="a2")]
    e = score(gold, preds, TERMS).entities
    assert (e.tp, e.fp, e.fn) == (1, 1, 2)  # Ukraine is named elsewhere, so it counts
    assert e.precision == 0.5 and e.recall == pytest.approx(1 / 3)


def test_date_accuracy_at_gold_precision():
    assert date_right("2015-02", "2015-02-11")
    assert not date_right("2015-02", "2015")
    assert not date_right("2015-02", "2015-03-01")
    assert date_right(None, None) and not date_right(None, "2025-07-01")
    assert not date_right("2025", None)
    report = run([ev("MEETING", [MERKEL, PUTIN], date="2015-02"),
                  ev("CALL", [MACRON, PUTIN], date="2025-07")],
                 [ev("MEETING", [GERMANY, RUSSIA], date="2015-02-12"),
                  ev("CALL", [MACRON, PUTIN], date="2025-06-30")])
    assert report.micro.tp == 2 and (report.dates_right, report.dates_total) == (1, 2)


def test_micro_and_per_type_numbers_by_hand():
    gold = [ev("CALL", [MACRON, PUTIN]), ev("DEMAND", [MACRON], [PUTIN], "ceasefire"),
            ev("AGREEMENT", [FRANCE, RUSSIA], obj="contacts")]
    system = [ev("CALL", [FRANCE, RUSSIA]), ev("DEMAND", [MACRON], [IRAN], "ceasefire"),
              ev("AGREEMENT", [MACRON, PUTIN], obj="further contacts"),
              ev("MEETING", [MACRON, PUTIN])]
    report = run(gold, system)
    # hits: CALL, AGREEMENT; DEMAND addressee wrong -> 1 miss + 1 false alarm; MEETING -> fa
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (2, 2, 1)
    assert report.micro.precision == 0.5 and report.micro.recall == pytest.approx(2 / 3)
    assert report.micro.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    demand, meeting = report.by_type["DEMAND"], report.by_type["MEETING"]
    assert (demand.precision, demand.recall, demand.support) == (0.0, 0.0, 1)
    assert (meeting.fp, meeting.support, meeting.f1) == (1, 0, 0.0)
    assert report.by_type["CALL"].f1 == 1.0
    # object: "contacts" vs "further contacts" -> token F1 2*1/(1+2)
    assert report.object_phrase_scores == [pytest.approx(2 / 3)]


def test_missing_prediction_scores_as_empty():
    report = score([entry([ev("CALL", [MACRON, PUTIN])])], [], TERMS)
    assert report.micro.fn == 1 and report.articles[0].error == "no prediction"


def test_report_text_json_and_predictions_file():
    gold = entry([ev("CALL", [MACRON, PUTIN]), ev("MEETING", [MACRON, PUTIN])], [FRANCE])
    p = pred([ev("CALL", [FRANCE, RUSSIA])], [FRANCE])
    report = score([gold], [p], TERMS)
    text = format_report(report)
    assert "overall (micro)" in text and "misses (1)" in text and "negatives" in text
    data = report_to_json(report)
    assert data["micro"]["tp"] == 1 and data["misses"][0]["type"] == "MEETING"
    out = predictions_to_gold_format([p], [gold])
    assert out[0]["published"] == "2025-07-01" and out[0]["entities"] == [{"wikidata": FRANCE}]
    assert score([gold], out, TERMS).micro.tp == 1  # the file re-scores the same


def test_entities_tsv_terms(tmp_path):
    tsv = tmp_path / "entities.tsv"
    tsv.write_text(
        "qid\ttype\tlabel_en\tlabel_de\taliases\tleads\toffice_start\toffice_end\n"
        "Q159\tstate\tRussia\tRussland\t\t\t\t\n"
        "Q567\tleader\tAngela Merkel\tAngela Merkel\tMerkel\tQ183\t2005-11-22\t2021-12-08\n"
        "Q7747\tleader\tVladimir Putin\tWladimir Putin\t\tQ159\t2012-05-07\t\n",
        encoding="utf-8")
    terms = load_entities_tsv(tsv)
    assert terms["Q567"] == [LeaderTerm("Q567", "Q183", dt.date(2005, 11, 22),
                                        dt.date(2021, 12, 8))]
    assert terms["Q7747"][0].end is None and "Q159" not in terms


# --------------------------------------------------------------------------- SPARQL readback

BASE = "http://localhost:5000/"
ARTICLE = f"{BASE}article/0123456789abcdef"
OTHER = f"{BASE}article/fedcba9876543210"
GAZETTEER = f"{BASE}graph/gazetteer"

ARTICLE_TTL = f"""
@prefix gk: <https://w3id.org/geokg/ontology#> .
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix e: <{BASE}entity/> .

<{ARTICLE}> a gk:Article, nif:Context ; gk:mentions e:macron, e:putin, e:krim, e:elysee .
e:macron a gk:Leader ; owl:sameAs wd:Q3052772 .
e:putin a gk:Leader ; owl:sameAs wd:Q7747 .
e:krim a gk:Region ; owl:sameAs wd:Q7835 .
e:elysee a gk:City .

<{BASE}event/c1> a gk:Call ; gk:participant e:macron, e:putin ;
  sem:hasTimeStamp "2025-07-01"^^xsd:date ; gk:datePrecision gk:Day ;
  prov:wasDerivedFrom <{ARTICLE}> ; gk:evidence <{ARTICLE}#char=0,40> , <{ARTICLE}#char=90,120> .
<{ARTICLE}#char=0,40> a nif:Sentence ; nif:anchorOf "Macron und Putin telefonierten." ;
  nif:beginIndex 0 ; nif:endIndex 40 .
<{ARTICLE}#char=90,120> a nif:Sentence ; nif:anchorOf "Das Gespräch dauerte zwei Stunden." ;
  nif:beginIndex 90 ; nif:endIndex 120 .

<{BASE}event/d1> a gk:Demand ; gk:participant e:macron ; gk:addressee e:elysee ;
  gk:topic "sofortige Waffenruhe"@de ; sem:hasTimeStamp "2025-07"^^xsd:gYearMonth ;
  gk:evidence <{ARTICLE}#char=41,89> .
<{ARTICLE}#char=41,89> a nif:Sentence ; nif:anchorOf "Macron forderte eine Waffenruhe." .

<{BASE}event/t1> a gk:TerritorialClaim ; gk:participant e:putin ; gk:territory e:krim .
"""

# The same call reported by another article: its extra evidence must not leak in.
OTHER_TTL = f"""
@prefix gk: <https://w3id.org/geokg/ontology#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
<{BASE}event/c1> a gk:Call ; gk:participant <{BASE}entity/france> ;
  gk:evidence <{OTHER}#char=0,10> .
<{OTHER}#char=0,10> nif:anchorOf "Anderer Artikel." ; nif:beginIndex 0 .
"""

GAZETTEER_TTL = f"""
@prefix gk: <https://w3id.org/geokg/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix e: <{BASE}entity/> .
@prefix o: <{BASE}office/angela-merkel/germany/> .
e:angela-merkel owl:sameAs wd:Q567 ; gk:holdsOffice o:2005-11-22 .
o:2005-11-22 gk:officeOf e:germany ;
  gk:startDate "2005-11-22"^^xsd:date ; gk:endDate "2021-12-08"^^xsd:date .
e:germany owl:sameAs wd:Q183 .
"""


def _ntriples(turtle: str) -> str:
    return rdflib.Graph().parse(data=turtle, format="turtle").serialize(format="nt")


class _RdflibRows:
    def __init__(self, result: rdflib.query.Result):
        self._rows = [{str(k): (None if v is None else str(v)) for k, v in row.asdict().items()}
                      for row in result]
        for row, names in ((r, result.vars) for r in self._rows):
            for name in names:
                row.setdefault(str(name), None)

    def rows(self) -> list[dict[str, str | None]]:
        return self._rows


class RdflibStore:
    """Stand-in for geokg.store with rdflib, so the SPARQL is checked without the store."""

    def __init__(self) -> None:
        self.ds = rdflib.Dataset(default_union=True)

    def put_graph(self, iri: str, ntriples: str) -> None:
        self.ds.graph(rdflib.URIRef(iri)).parse(data=ntriples, format="nt")

    def query(self, sparql: str, default_graphs=None, named_graphs=None) -> _RdflibRows:
        return _RdflibRows(self.ds.query(sparql))


def _stores():
    yield pytest.param(RdflibStore, id="rdflib")
    try:
        from geokg.config import Settings
        from geokg.store import open_store
    except ImportError:
        yield pytest.param(None, id="geokg-store",
                           marks=pytest.mark.skip(reason="geokg.store not importable yet"))
        return
    yield pytest.param(lambda: open_store(Settings(store="memory")), id="geokg-store")


@pytest.fixture(params=list(_stores()))
def filled_store(request):
    store = request.param()
    store.put_graph(ARTICLE, _ntriples(ARTICLE_TTL))
    store.put_graph(OTHER, _ntriples(OTHER_TTL))
    store.put_graph(GAZETTEER, _ntriples(GAZETTEER_TTL))
    return store


def test_read_predictions_reads_only_the_article_graph(filled_store):
    p = read_predictions(filled_store, ARTICLE, "seed")
    assert p.article_id == "seed" and p.article_iri == ARTICLE
    assert p.entities == [MACRON, PUTIN, CRIMEA]
    by_type = {e.type: e for e in p.events}
    assert set(by_type) == {"CALL", "DEMAND", "TERRITORIAL_CLAIM"}
    call = by_type["CALL"]
    assert call.participants == (MACRON, PUTIN) and call.date == "2025-07-01"
    assert call.evidence == "Macron und Putin telefonierten."  # earliest, not the other article's
    demand = by_type["DEMAND"]
    assert demand.addressee == (f"{BASE}entity/elysee",)  # no sameAs -> the node IRI
    assert demand.object == "sofortige Waffenruhe" and demand.date == "2025-07"
    claim = by_type["TERRITORIAL_CLAIM"]
    assert claim.object == CRIMEA and claim.territories == (CRIMEA,) and claim.date is None


def test_read_leader_terms_from_gazetteer(filled_store):
    terms = read_leader_terms(filled_store, GAZETTEER)
    assert terms == {MERKEL: [LeaderTerm(MERKEL, GERMANY, dt.date(2005, 11, 22),
                                         dt.date(2021, 12, 8))]}


# --------------------------------------------------------------------------- run_eval


class _FakePipeline:
    """Ingests an 'article' whose text is the Turtle of its own graph; 'BAD' fails SHACL."""

    def __init__(self, settings, store):
        self.store, self.calls = store, []
        store.put_graph(GAZETTEER, _ntriples(GAZETTEER_TTL))

    def ingest(self, item):
        from geokg.errors import ShapeViolation

        text = item.text
        self.calls.append((item.published.isoformat(), item.lang))
        if text.strip() == "BAD":
            raise ShapeViolation("Event shape failed", "report", [])
        self.store.put_graph(ARTICLE, _ntriples(text))
        return types.SimpleNamespace(article_iri=ARTICLE)


def test_run_eval_ingests_reads_back_and_scores(tmp_path, monkeypatch):
    store = RdflibStore()
    made: list[_FakePipeline] = []

    def make_pipeline(settings, s):
        assert settings.store == "memory" and s is store
        made.append(_FakePipeline(settings, s))
        return made[-1]

    from geokg.pipeline.inputs import ArticleInput

    monkeypatch.setitem(sys.modules, "geokg.pipeline",
                        types.SimpleNamespace(Pipeline=types.SimpleNamespace(open=make_pipeline),
                                              ArticleInput=ArticleInput))
    monkeypatch.setitem(sys.modules, "geokg.store",
                        types.SimpleNamespace(open_store=lambda settings: store))
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a1.txt").write_text(ARTICLE_TTL, encoding="utf-8")
    (tmp_path / "articles" / "a2.txt").write_text("BAD", encoding="utf-8")
    gold = [entry([ev("CALL", [FRANCE, RUSSIA])], [MACRON, PUTIN], aid="a1"),
            entry([ev("MEETING", [MERKEL, PUTIN], date="2015-02")], aid="a2")]
    path = tmp_path / "gold.json"
    (tmp_path / "entities.tsv").write_text(  # the gold's leader table is merged in
        "qid\ttype\tlabel_en\tlabel_de\taliases\tleads\toffice_start\toffice_end\n"
        f"{MACRON}\tleader\tMacron\tMacron\t\t{FRANCE}\t2017-05-14\t\n"
        f"{PUTIN}\tleader\tPutin\tPutin\t\t{RUSSIA}\t2012-05-07\t\n", encoding="utf-8")
    path.write_text(json.dumps(gold), encoding="utf-8")
    seen = []
    report, preds = run_eval(path, progress=lambda i, n, aid: seen.append((i, n, aid)))
    assert seen == [(0, 2, "a1"), (1, 2, "a2")]
    assert made[0].calls == [("2025-07-01", "de"), ("2025-07-01", "de")]
    assert preds[1].error.startswith("ShapeViolation") and preds[1].events == []
    assert report.by_type["CALL"].tp == 1 and report.by_type["MEETING"].fn == 1
    assert report.micro.fp == 2  # the demand and the claim are not in this gold
    assert (report.entities.tp, report.entities.fn) == (2, 0)


@pytest.mark.parametrize("gold", sorted(PROJECT_ROOT.glob("data/eval/**/gold.json")),
                         ids=lambda p: p.parent.name)
def test_every_bundled_gold_file_passes_the_gold_checker(gold: Path) -> None:
    """A gold file with an unknown QID, a missing article or a leader out of office would
    score the extractor against a wrong answer."""
    checker = PROJECT_ROOT / "data" / "eval" / "check_gold.py"
    run = subprocess.run([sys.executable, str(checker), str(gold)], capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 0, run.stdout[-2000:]
