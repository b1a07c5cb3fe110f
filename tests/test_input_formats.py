"""Articles as they arrive: saved web pages, JSON with metadata, plain text."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest

from geokg import PROJECT_ROOT
from geokg.config import Settings
from geokg.errors import InputError
from geokg.pipeline import ArticleInput, Pipeline, read_inputs
from geokg.vocab import GK

PAGE = """<!doctype html><html lang="de"><head><title>Scholz telefoniert mit Putin | Beispiel</title>
<meta property="og:title" content="Scholz telefoniert mit Putin">
<meta property="og:url" content="https://news.example.org/politik/scholz-putin">
<meta property="article:published_time" content="2024-11-16T09:30:00+01:00"></head>
<body><nav><a href="/">Start</a> | <a href="/politik">Politik</a> | Anmelden</nav>
<article><h1>Scholz telefoniert mit Putin</h1>
<p>BERLIN (dpa) – Bundeskanzler Olaf Scholz hat am Freitag zum ersten Mal seit fast zwei Jahren
mit dem russischen Präsidenten Wladimir Putin telefoniert. Das Gespräch dauerte eine Stunde.</p>
<p>Der Kreml bestätigte das Telefonat. Scholz forderte Putin auf, die Truppen abzuziehen.</p>
</article><footer>Impressum · Datenschutz · Newsletter abonnieren</footer></body></html>"""


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.open(Settings(store="memory"))


def test_saved_page_gives_main_text_and_metadata(tmp_path: Path) -> None:
    page = tmp_path / "scholz.html"
    page.write_text(PAGE, encoding="utf-8")
    [item] = list(read_inputs(page))
    assert "Olaf Scholz hat am Freitag" in item.text
    assert "Impressum" not in item.text and "Anmelden" not in item.text
    assert item.published == dt.date(2024, 11, 16)
    assert item.url == "https://news.example.org/politik/scholz-putin"


def test_saved_page_is_read_into_events(pipeline: Pipeline) -> None:
    result = pipeline.ingest(ArticleInput.from_html(PAGE))
    rows = pipeline.store.query(f"""
        SELECT ?type ?date WHERE {{ GRAPH <{result.article_iri}> {{
          ?event a ?type ; <{GK.evidence}> ?sentence .
          OPTIONAL {{ ?event <http://semanticweb.cs.vu.nl/2009/11/sem/hasTimeStamp> ?date }} }} }}
        """).rows()
    kinds = {((r["type"] or "").rsplit("#", 1)[-1], r["date"]) for r in rows}
    assert ("Call", "2024-11-15") in kinds
    assert any(kind == "Demand" for kind, _ in kinds)


def test_page_without_article_text_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="no article text"):
        ArticleInput.from_html("<html><head><title>x</title></head><body></body></html>")


def test_json_metadata_is_checked() -> None:
    with pytest.raises(InputError, match="published"):
        ArticleInput.from_mapping({"text": "Scholz telefonierte.", "published": "gestern"})
    with pytest.raises(InputError, match="text"):
        ArticleInput.from_mapping({"title": "ohne Text"})


def test_html_cleaning_is_a_declared_dependency() -> None:
    """pip 23.2 (Python 3.11's) installs trafilatura without lxml_html_clean unless geokg
    names it, and then every text/html ingest fails on `import lxml.html.clean`."""
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = {re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9._-]+", dep)[0]).lower()  # type: ignore[index]
             for dep in project["project"]["dependencies"]}
    assert "lxml-html-clean" in names
    import lxml.html.clean  # noqa: F401 - what trafilatura needs at run time


@pytest.mark.parametrize("claimed", ["0001-01-01", "9999-12-31T00:00:00+00:00"])
def test_saved_page_claiming_an_absurd_date_is_read_without_it(claimed: str) -> None:
    page = PAGE.replace("2024-11-16T09:30:00+01:00", claimed)
    assert ArticleInput.from_html(page).published is None  # htmldate drops it; never a 500


@pytest.mark.parametrize("published", [dt.date(1, 1, 1), dt.date(9999, 12, 31),
                                       dt.datetime(1899, 12, 31, 23, 59), dt.date(2101, 1, 1)])
def test_library_ingest_checks_the_published_range_too(pipeline: Pipeline,
                                                       published: dt.date) -> None:
    with pytest.raises(InputError, match="from 1900-01-01 to 2100-12-31"):
        pipeline.ingest(ArticleInput("Olaf Scholz telefonierte am Freitag mit Wladimir Putin.",
                        published=published))
