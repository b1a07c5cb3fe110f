"""Articles as they arrive: saved web pages, JSON with metadata, plain text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from geokg.config import Settings
from geokg.errors import InputError
from geokg.pipeline import ArticleInput, Pipeline, read_inputs

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
    return Pipeline(Settings(store="memory"))


def test_saved_page_gives_main_text_and_metadata(tmp_path: Path) -> None:
    page = tmp_path / "scholz.html"
    page.write_text(PAGE, encoding="utf-8")
    [item] = list(read_inputs(page))
    assert "Olaf Scholz hat am Freitag" in item.text
    assert "Impressum" not in item.text and "Anmelden" not in item.text
    assert item.published == dt.date(2024, 11, 16)
    assert item.url == "https://news.example.org/politik/scholz-putin"


def test_saved_page_is_read_into_events(pipeline: Pipeline) -> None:
    result = pipeline.ingest_input(ArticleInput.from_html(PAGE))
    kinds = {(e["type"], e["date"]) for e in result.events}
    assert ("CALL", "2024-11-15") in kinds
    assert any(e["type"] == "DEMAND" for e in result.events)


def test_page_without_article_text_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="no article text"):
        ArticleInput.from_html("<html><head><title>x</title></head><body></body></html>")


def test_json_metadata_is_checked() -> None:
    with pytest.raises(InputError, match="published"):
        ArticleInput.from_mapping({"text": "Scholz telefonierte.", "published": "gestern"})
    with pytest.raises(InputError, match="text"):
        ArticleInput.from_mapping({"title": "ohne Text"})
