"""The competency queries (`ontology/queries/*.rq`) answer their questions on real data.

Every query runs in Oxigraph on an on-disk store holding the sample articles
(`data/articles/samples.jsonl`, ingested once per session by the real pipeline: the
`sample_store` fixture of conftest.py), must document its question in English and German,
and must return rows. The specific tests check answers an analyst would check against what
the sample articles say. Parameters are changed the way an analyst would change them: by
editing the VALUES/BIND text, which `edit` does only if the text is there exactly once, so
a reworded query fails loudly instead of silently asking something else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from geokg import PROJECT_ROOT
from geokg.config import Settings
from geokg.pipeline import ArticleInput, Pipeline, read_inputs
from geokg.resources import SAMPLE_ARTICLES
from geokg.store.base import Store
from geokg.store.remote import RemoteStore
from geokg.vocab import PREFIXES
from support import edit

QUERY_DIR = PROJECT_ROOT / "ontology" / "queries"
QUERIES = sorted(QUERY_DIR.glob("*.rq"))
ENTITY = "http://localhost:5000/entity/"
GK = "https://w3id.org/geokg/ontology#"
WD = "http://www.wikidata.org/entity/"
#: A second, hand-written report of the Macron–Putin call of 1 July 2025 (the seed article
#: reports it in German); the two reports must meet in one event node.
SECOND_REPORT = (
    "Macron and Putin speak for the first time in three years\n\n"
    "PARIS - French President Emmanuel Macron and Russian President Vladimir Putin spoke by "
    "telephone on July 1, 2025, their first call in nearly three years, the Elysee said.\n"
)
SECOND_REPORT_URL = "https://example.org/news/macron-putin-call"

Rows = list[dict[str, str | None]]


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The seed article and a second article reporting the same call."""
    folder = tmp_path_factory.mktemp("two-reports") / "data"
    pipeline = Pipeline.open(Settings(store=f"oxigraph:{folder}"))
    pipeline.ingest(next(read_inputs(SAMPLE_ARTICLES)))
    pipeline.ingest(ArticleInput(SECOND_REPORT, published="2025-07-02", lang="en", url=SECOND_REPORT_URL))
    yield pipeline.store
    pipeline.store.close()


def query_text(name: str) -> str:
    return (QUERY_DIR / name).read_text(encoding="utf-8")


def in_period(text: str, *periods: str) -> str:
    """Set a query's period parameter (gk:inPeriod values), as an analyst edits its VALUES line;
    "2025" is a year, "2025-07" a month."""
    lines = re.findall(r"VALUES \?period \{[^}]*\}", text)
    assert len(lines) == 1, "the query has no single VALUES ?period line"
    values = " ".join(f'"{p}"^^xsd:{"gYearMonth" if "-" in p else "gYear"}' for p in periods)
    return text.replace(lines[0], f"VALUES ?period {{ {values} }}")


#: Every year the sample articles report on.
SAMPLE_YEARS = tuple(str(year) for year in range(2014, 2026))


def over_the_samples(text: str) -> str:
    """A period query asked about every year of the samples (its default is one month or year)."""
    return in_period(text, *SAMPLE_YEARS) if "VALUES ?period" in text else text


def run(store: Store, text: str) -> Rows:
    result = store.query(text)
    assert result.kind == "select"
    return result.rows()


def header(path: Path) -> list[str]:
    """The comment lines before the first PREFIX."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines[: next(i for i, line in enumerate(lines) if line.startswith("PREFIX"))]


# -- every query -----------------------------------------------------------------------------

def test_there_are_at_least_fourteen_queries() -> None:
    assert len(QUERIES) >= 14


@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_query_documents_its_question(path: Path) -> None:
    comments = header(path)
    assert comments and all(line.startswith("#") for line in comments)
    assert comments[0].startswith("# Question: ")
    assert any(line.startswith("# Frage: ") for line in comments)
    assert any(line.startswith("# Parameters: ") for line in comments)


@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_parameters_named_in_the_header_are_in_the_query(path: Path) -> None:
    """"the VALUES ?lang line" must point at a real line, or the analyst edits nothing."""
    text = path.read_text(encoding="utf-8")
    body = text[text.index("PREFIX"):]
    for kind, var in re.findall(r"(VALUES|BIND) \(?\?(\w+)", "\n".join(header(path))):
        if kind == "VALUES":
            assert f"VALUES ?{var} " in body or f"VALUES (?{var} " in body, var
        else:
            assert f"AS ?{var})" in body, var


@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_query_prefixes_are_the_projects(path: Path) -> None:
    """A prefix spelled differently from geokg.vocab would silently match nothing."""
    declared = dict(re.findall(r"^PREFIX (\w+): <([^>]+)>", path.read_text(), flags=re.M))
    assert declared
    for prefix, namespace in declared.items():
        assert prefix in PREFIXES and str(PREFIXES[prefix]) == namespace, prefix


#: Queries the sample articles give no rows, with the store that has some: no two samples
#: report one event (see test_undated_reports_of_different_days_are_different_events).
ANSWERED_BY = {"events-reported-by-several-articles": "two_reports"}


@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_query_runs_and_answers(path: Path, request: pytest.FixtureRequest) -> None:
    store = request.getfixturevalue(ANSWERED_BY.get(path.stem, "sample_store"))
    rows = run(store, over_the_samples(path.read_text(encoding="utf-8")))
    assert rows, f"{path.name} returned no rows on the sample articles"


def test_every_query_answers_the_same_from_a_remote_store(sample_store: Store,
                                                          oxigraph_server: str) -> None:
    """The queries reach a remote store (`GEOKG_STORE=sparql:…`) as the queries they are: its
    client must not take "addressed" in a comment for an ADD update."""
    remote = RemoteStore(f"{oxigraph_server}/query", f"{oxigraph_server}/update")
    remote.update("DROP ALL")
    try:
        remote.load(b"".join(sample_store.dump("nquads")), "nquads")
        for path in QUERIES:
            text = over_the_samples(path.read_text(encoding="utf-8"))
            assert len(run(remote, text)) == len(run(sample_store, text)), path.name
    finally:
        remote.update("DROP ALL")


# -- answers an analyst would check -----------------------------------------------------------

def test_calls_between_france_and_russia_include_macron_putin(sample_store: Store) -> None:
    rows = run(sample_store, query_text("calls-between-states.rq"))
    macron_putin = [r for r in rows if r["date"] == "2025-07-01"
                    and {r["actorA"], r["actorB"]} == {f"{ENTITY}emmanuel-macron",
                                                       f"{ENTITY}vladimir-putin"}]
    assert macron_putin, rows
    assert len({r["call"] for r in macron_putin}) == 1
    assert all(r["article"] and r["sentence"] for r in macron_putin)
    assert any("1. Juli 2025" in (r["sentence"] or "") for r in macron_putin)
    assert {r["actorALabel"] for r in macron_putin} == {"Emmanuel Macron"}


def test_calls_between_germany_and_russia_since_2024(sample_store: Store) -> None:
    text = edit(query_text("calls-between-states.rq"), ("wd:Q142", "wd:Q183"),
                ('"2020-01-01"^^xsd:date', '"2024-01-01"^^xsd:date'))
    rows = run(sample_store, text)
    assert {(r["date"], r["actorALabel"], r["actorBLabel"]) for r in rows} == {
        ("2024-11-15", "Olaf Scholz", "Vladimir Putin")}


def test_calls_since_a_later_date_leave_the_earlier_ones_out(sample_store: Store) -> None:
    text = edit(query_text("calls-between-states.rq"),
                ('"2020-01-01"^^xsd:date', '"2025-07-02"^^xsd:date'))
    assert run(sample_store, text) == []


def test_demands_say_who_wanted_what_from_whom(sample_store: Store) -> None:
    rows = run(sample_store, over_the_samples(query_text("demands.rq")))
    macron = [r for r in rows if r["demanderLabel"] == "Emmanuel Macron"
              and r["addresseeLabel"] == "Vladimir Putin"]
    assert macron and macron[0]["date"] == "2025-07-01"
    assert "Waffenruhe" in (macron[0]["topic"] or "")
    kyiv = [r for r in rows if r["demanderLabel"] == "Ukraine" and r["addresseeLabel"] == "Russia"]
    assert any("zurückzieht" in (r["sentence"] or "") for r in kyiv)


def test_demands_of_one_actor_as_the_header_says(sample_store: Store) -> None:
    text = edit(over_the_samples(query_text("demands.rq")),
                ("  OPTIONAL { GRAPH ?article { ?article dcterms:issued ?issued } }\n}",
                 "  OPTIONAL { GRAPH ?article { ?article dcterms:issued ?issued } }\n"
                 "  GRAPH ?article { ?demander owl:sameAs wd:Q3052772 }\n}"))
    rows = run(sample_store, text)
    assert rows and {r["demanderLabel"] for r in rows} == {"Emmanuel Macron"}


def test_russia_claims_crimea_and_four_oblasts_with_sources(sample_store: Store) -> None:
    rows = run(sample_store, query_text("territorial-claims-of-state.rq"))
    claimed = {r["territory"] for r in rows}
    assert {f"{ENTITY}{key}" for key in ("crimea", "donetsk-oblast", "luhansk-oblast",
                                         "kherson-oblast", "zaporizhzhia-oblast")} <= claimed
    assert {r["partOfLabel"] for r in rows} == {"Ukraine"}
    crimea = [r for r in rows if r["territory"] == f"{ENTITY}crimea"]
    assert {r["territoryQid"] for r in crimea} == {f"{WD}Q7835"}
    # The seed's "Details" block names three sources; they come with the claim it reports.
    seed = [r for r in crimea if r["issued"] == "2025-07-01"]
    assert seed and set((seed[0]["sources"] or "").split(" | ")) == {
        "www.oe24.at", "www.straitstimes.com", "internationalepolitik.de"}
    # Putin voiced the claims as president, so they count for Russia.
    assert "Vladimir Putin" in {r["claimantLabel"] for r in rows}


def test_no_state_claims_what_the_samples_do_not_say(sample_store: Store) -> None:
    text = edit(query_text("territorial-claims-of-state.rq"), ("wd:Q159", "wd:Q142"))
    assert run(sample_store, text) == []  # France claims no territory in the samples


def test_agreements_between_russia_and_ukraine(sample_store: Store) -> None:
    rows = run(sample_store, query_text("agreements-between-states.rq"))
    minsk = [r for r in rows if r["when"] == "2015-02-12"]
    assert minsk, rows
    assert {"Angela Merkel", "François Hollande", "Vladimir Putin"} <= set(
        (minsk[0]["parties"] or "").split(", "))
    assert any("grain" in (r["topic"] or "") for r in rows)


def test_contacts_of_putin_by_month(sample_store: Store) -> None:
    rows = run(sample_store, over_the_samples(query_text("contacts-of-leader-by-month.rq")))
    by_month = {(r["month"], r["contactLabel"]): r for r in rows}
    assert by_month[("2025-07", "Emmanuel Macron")]["calls"] == "1"
    assert by_month[("2024-11", "Olaf Scholz")]["calls"] == "1"
    assert by_month[("2023-03", "Xi Jinping")]["meetings"] == "1"
    assert [r["firstDay"] for r in rows] == sorted(r["firstDay"] for r in rows)


def test_event_reported_twice_is_one_node(two_reports: Store) -> None:
    rows = run(two_reports, in_period(query_text("events-reported-by-several-articles.rq"), "2025-07"))
    calls = [r for r in rows if r["type"] == f"{GK}Call" and r["date"] == "2025-07-01"]
    assert len(calls) == 1 and calls[0]["reports"] == "2"
    assert (calls[0]["firstReported"], calls[0]["lastReported"]) == ("2025-07-01", "2025-07-02")
    # Both reports lead to the same call, each with its own sentence.
    found = run(two_reports, query_text("calls-between-states.rq"))
    assert {r["call"] for r in found} == {calls[0]["event"]}
    assert len({r["article"] for r in found}) == 2


UNDATED_SUPPORT = """PREFIX gk: <https://w3id.org/geokg/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
SELECT ?event (COUNT(DISTINCT ?article) AS ?reports)
       (GROUP_CONCAT(DISTINCT STR(?period); separator=" ") AS ?periods)
WHERE { GRAPH ?article { ?event a gk:Support ; gk:participant <http://localhost:5000/entity/iran> ;
                                gk:addressee <http://localhost:5000/entity/russia> ;
                                gk:inPeriod ?period }
        FILTER NOT EXISTS { ?event sem:hasTimeStamp ?date } }
GROUP BY ?event ORDER BY DESC(?reports) ?periods"""


def test_undated_reports_of_different_days_are_different_events(sample_store: Store) -> None:
    """Iran's drones for Russia, undated, in an article of November 2022 and one of July
    2025: two events, each dated by its article. As one node (its IRI had no date) the
    event was in 2022 and in 2025 at once, which the shapes reject for the union of the
    graphs (two periods at most) and which put one report's event into the other's period."""
    rows = run(sample_store, UNDATED_SUPPORT)
    assert [(r["reports"], sorted((r["periods"] or "").split())) for r in rows] == [
        ("1", ["2022", "2022-11"]), ("1", ["2025", "2025-07"])]
    several = run(sample_store, over_the_samples(query_text("events-reported-by-several-articles.rq")))
    assert several == []


def test_undated_reports_of_the_same_day_are_one_event(tmp_path: Path) -> None:
    pipeline = Pipeline.open(Settings(store=f"oxigraph:{tmp_path / 'data'}"))
    try:
        for text, day in [("Iran supplies drones to Russia, officials said.", "2025-07-01"),
                          ("Iran is supplying drones to Russia, according to a report.", "2025-07-01"),
                          ("Iran supplies drones to Russia, officials said again.", "2025-07-02")]:
            pipeline.ingest(ArticleInput(text, published=day, lang="en"))
        rows = run(pipeline.store, UNDATED_SUPPORT)
    finally:
        pipeline.store.close()
    assert [(r["reports"], sorted((r["periods"] or "").split())) for r in rows] == [
        ("2", ["2025", "2025-07"]), ("1", ["2025", "2025-07"])]


def test_timeline_of_putin_is_in_order(sample_store: Store) -> None:
    rows = run(sample_store, over_the_samples(query_text("timeline-of-entity.rq")))
    assert [r["when"] for r in rows] == sorted(r["when"] or "" for r in rows)
    call = [r for r in rows if r["type"] == f"{GK}Call" and r["date"] == "2025-07-01"]
    assert call and "Emmanuel Macron" in (call[0]["others"] or "")
    assert {"participant", "addressee"} <= {r["role"] for r in rows}


def test_support_flows(sample_store: Store) -> None:
    rows = run(sample_store, over_the_samples(query_text("support-flows.rq")))
    flows = {(r["supplierLabel"], r["receiverLabel"]) for r in rows}
    assert {("Iran", "Russia"), ("North Korea", "Russia")} <= flows
    assert all(r["supplierQid"] and r["receiverQid"] for r in rows)


@pytest.mark.parametrize("day, chancellor, president", [
    ("2015-02-12", "Angela Merkel", "Joachim Gauck"),
    ("2024-11-15", "Olaf Scholz", "Frank-Walter Steinmeier"),
])
def test_office_holders_on_a_day(sample_store: Store, day: str, chancellor: str,
                                 president: str) -> None:
    rows = [r for r in run(sample_store, query_text("office-holders-on-date.rq")) if r["day"] == day]
    holders = {r["roles"]: r["holderLabel"] for r in rows}
    assert holders["HeadOfGovernment"] == chancellor
    assert holders["HeadOfState"] == president


def test_office_holder_on_a_handover_day_is_the_incoming_one(sample_store: Store) -> None:
    text = edit(query_text("office-holders-on-date.rq"),
                ('(wd:Q183 "2015-02-12"^^xsd:date)', '(wd:Q183 "2021-12-08"^^xsd:date)'),
                ('(wd:Q183 "2024-11-15"^^xsd:date)', '(wd:Q159 "2012-05-07"^^xsd:date)'))
    rows = run(sample_store, text)
    assert {(r["day"], r["roles"], r["holderLabel"]) for r in rows} >= {
        ("2021-12-08", "HeadOfGovernment", "Olaf Scholz"),
        ("2012-05-07", "HeadOfState", "Vladimir Putin")}
    assert len([r for r in rows if r["day"] == "2021-12-08" and r["roles"] == "HeadOfGovernment"]) == 1


def test_events_per_type_per_year_count_every_event_once(sample_store: Store) -> None:
    rows = run(sample_store, query_text("events-per-type-per-year.rq"))
    for row in rows:
        assert int(row["dated"] or 0) + int(row["undated"] or 0) == int(row["events"] or 0)
    direct = run(sample_store, """PREFIX gk: <https://w3id.org/geokg/ontology#>
        SELECT (COUNT(DISTINCT ?event) AS ?n) WHERE {
          VALUES ?type { gk:Call gk:Meeting gk:Demand gk:TerritorialClaim gk:Agreement gk:Support }
          ?event a ?type }""")
    assert sum(int(r["events"] or 0) for r in rows) == int(direct[0]["n"] or 0)
    assert (f"{GK}Call", "2025") in {(r["type"], r["year"]) for r in rows}


def test_most_active_actors(sample_store: Store) -> None:
    rows = run(sample_store, query_text("most-active-actors.rq"))
    assert rows[0]["label"] == "Vladimir Putin" and rows[0]["qid"] == f"{WD}Q7747"
    counts = [int(r["events"] or 0) for r in rows]
    assert counts == sorted(counts, reverse=True) and len(rows) <= 20
    assert len({r["actor"] for r in rows}) == len(rows)  # one row per actor
    assert {r["kind"] for r in rows} <= {"Leader", "State", "Organisation"}


def test_events_on_the_map(sample_store: Store) -> None:
    rows = run(sample_store, in_period(query_text("events-on-map.rq"), "2022", "2023", "2024", "2025"))
    for row in rows:
        assert re.fullmatch(r"POINT\(-?\d+(\.\d+)? -?\d+(\.\d+)?\)", row["wkt"] or "")
        assert "2022" <= (row["date"] or "")[:4] <= "2025"
    istanbul = [r for r in rows if r["placeLabel"] == "Istanbul" and r["type"] == f"{GK}Agreement"]
    assert istanbul and istanbul[0]["wkt"] == "POINT(28.98 41.01)"


def test_a_month_period_keeps_its_articles_and_leaves_the_rest_out(sample_store: Store) -> None:
    published = sorted(str(item.published) for item in read_inputs(SAMPLE_ARTICLES))
    for period in ("2025-02", "2025", "2022"):
        rows = run(sample_store, in_period(query_text("articles-with-provenance.rq"), period))
        assert sorted(r["published"] or "" for r in rows) == [
            day for day in published if day.startswith(period)]


def test_two_periods_answer_both(sample_store: Store) -> None:
    rows = run(sample_store, in_period(query_text("timeline-of-entity.rq"), "2024", "2025-07"))
    assert rows and all((r["when"] or "")[:4] == "2024" or (r["when"] or "")[:7] == "2025-07"
                        for r in rows)
    assert {(r["when"] or "")[:4] for r in rows} == {"2024", "2025"}


def test_entities_mentioned_in_the_seed(sample_store: Store) -> None:
    rows = run(sample_store, query_text("entities-in-article.rq"))
    by_entity = {r["entity"]: r for r in rows}
    assert by_entity[f"{ENTITY}vladimir-putin"]["wikidata"] == f"{WD}Q7747"
    assert by_entity[f"{ENTITY}vladimir-putin"]["labelDe"] == "Wladimir Putin"
    assert by_entity[f"{ENTITY}crimea"]["kind"] == "Region"
    assert by_entity[f"{ENTITY}npt"]["wikidata"] == f"{WD}Q186444"
    assert len(by_entity) == len(rows)  # one row per entity


def test_articles_with_provenance(sample_store: Store, two_reports: Store) -> None:
    rows = run(sample_store, over_the_samples(query_text("articles-with-provenance.rq")))
    assert len(rows) == len(list(read_inputs(SAMPLE_ARTICLES)))
    published = [r["published"] or "" for r in rows]
    assert published == sorted(published, reverse=True)
    for row in rows:
        assert (row["article"] or "").endswith(f"/article/{row['id']}")
        assert (row["hash"] or "").startswith(f"sha256:{row['id']}")
        assert row["ingested"]
    seed = next(r for r in rows if r["published"] == "2025-07-01")
    assert set((seed["sources"] or "").split(" | ")) == {
        "www.oe24.at", "www.straitstimes.com", "internationalepolitik.de"}
    newest = run(two_reports, in_period(query_text("articles-with-provenance.rq"), "2025"))[0]
    assert (newest["published"], newest["url"], newest["lang"]) == (
        "2025-07-02", SECOND_REPORT_URL, "en")


def test_claims_on_foreign_territory(sample_store: Store) -> None:
    rows = run(sample_store, query_text("claims-on-foreign-territory.rq"))
    found = {(r["claimantStateLabel"], r["territoryLabel"], r["ownerLabel"]) for r in rows}
    assert {("Russia", "Crimea", "Ukraine"), ("Venezuela", "Essequibo", "Guyana")} <= found
    assert all(r["claimantStateLabel"] != r["ownerLabel"] for r in rows)


def test_demands_on_russia_count_its_president(sample_store: Store) -> None:
    rows = run(sample_store, query_text("demands-on-state.rq"))
    assert ("Emmanuel Macron", "Vladimir Putin", "2025-07-01") in {
        (r["demanderLabel"], r["addresseeLabel"], r["date"]) for r in rows}
    assert "Russia" in {r["addresseeLabel"] for r in rows}


def test_events_in_russia(sample_store: Store) -> None:
    rows = run(sample_store, query_text("events-in-state.rq"))
    xi = [r for r in rows if r["type"] == f"{GK}Meeting" and r["date"] == "2023-03"]
    assert xi and xi[0]["placeLabel"] == "Moscow"
    assert "Xi Jinping" in (xi[0]["participants"] or "")


def test_bilateral_events_between_the_united_states_and_china(sample_store: Store) -> None:
    rows = run(sample_store, query_text("bilateral-events.rq"))
    meeting = [r for r in rows if r["type"] == f"{GK}Meeting"]
    assert meeting and meeting[0]["date"] == "2023-11-15"
    assert {meeting[0]["actorALabel"], meeting[0]["actorBLabel"]} == {"Joe Biden", "Xi Jinping"}


def test_weakly_supported_events_are_below_the_threshold(sample_store: Store) -> None:
    rows = run(sample_store, over_the_samples(query_text("weakly-supported-events.rq")))
    assert all(float(r["bestConfidence"] or 1) < 0.8 for r in rows)
    raised = edit(over_the_samples(query_text("weakly-supported-events.rq")),
                  ("HAVING (MAX(?confidence) < 0.8)", "HAVING (MAX(?confidence) < 1.01)"))
    assert len(run(sample_store, raised)) > len(rows)
