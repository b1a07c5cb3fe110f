"""The workbench in a real Chromium (Debian's package, driven by Playwright for Python).

Open the query page, run a competency query with one click, see result rows, download
them, follow one of our IRIs to its page and see its timeline and contact network; the
map draws coastlines and points. Screenshots go to test-artifacts/ (gitignored). The
browser runs under the server's real Content-Security-Policy, and any script the policy
had to block fails the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from geokg import PROJECT_ROOT
from support import LiveServer

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
EXAMPLE = "calls-between-states"
#: Record every policy violation before any page script runs (an init script comes in
#: through the DevTools protocol, which the page's CSP does not govern).
WATCH_CSP = """window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.effectiveDirective + ' ' + (e.blockedURI || 'inline')));"""

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (scripts/test installs it as root)")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    opened = context.new_page()
    opened.add_init_script(WATCH_CSP)
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.errors = errors
    try:
        yield opened
    finally:
        context.close()


def _blocked_scripts(page: Any) -> list[str]:
    return [v for v in page.evaluate("window.__csp") if v.startswith("script-src")]


def test_run_an_example_and_follow_an_iri_to_its_timeline(page: Any,
                                                           sample_site: LiveServer) -> None:
    page.goto(sample_site.url + "/")
    page.wait_for_selector(".yasqe .CodeMirror")
    page.click(f"button.wb-example[data-name='{EXAMPLE}']")
    rows = page.locator(".yasr table tbody tr")
    rows.first.wait_for(timeout=20_000)
    expected = (PROJECT_ROOT / "ontology" / "queries" / f"{EXAMPLE}.rq").read_text(encoding="utf-8")
    answer = requests.post(f"{sample_site.url}/sparql", data={"query": expected},
                           headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert rows.count() == len(answer.json()["results"]["bindings"]) > 0
    page.screenshot(path=str(ARTIFACTS / "workbench-results.png"), full_page=True)

    assert "query=" in page.url, "running a query makes the address shareable"
    assert page.input_value("#wb-share-link").startswith(sample_site.url + "/?query=")
    csv_link = page.locator("a.wb-download[data-format='csv']")
    with page.expect_download() as download:
        csv_link.click()
    saved = Path(download.value.path())
    assert saved.read_text(encoding="utf-8").count("\n") == rows.count() + 1
    assert page.locator("a.wb-download[data-format='ttl']").is_hidden()

    entity = page.locator(".yasr a.wb-our-iri[href^='/entity/']").first
    href = entity.get_attribute("href")
    # A long value shows shortened; YASR's first click on it expands it, the second follows.
    entity.locator("xpath=ancestor::div[contains(@class, 'expandable')]").click()
    entity.click()
    page.wait_for_url(sample_site.url + href)
    page.wait_for_selector("#event-timeline svg a.wb-event")
    page.wait_for_selector("#contact-network")
    assert page.locator("#event-timeline a.wb-event").count() > 0
    page.screenshot(path=str(ARTIFACTS / "entity-page.png"), full_page=True)
    page.locator("#geokg-pictures").screenshot(path=str(ARTIFACTS / "entity-pictures.png"))
    assert _blocked_scripts(page) == [] and page.errors == []


def test_shared_link_opens_the_query_with_graph_downloads(page: Any,
                                                         sample_site: LiveServer) -> None:
    query = "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 5"
    page.goto(f"{sample_site.url}/?{requests.compat.urlencode({'query': query})}")
    page.wait_for_selector(".yasqe .CodeMirror")
    assert page.evaluate("document.querySelector('.CodeMirror').CodeMirror.getValue()") == query
    assert page.locator("a.wb-download[data-format='json']").is_hidden()
    turtle = page.locator("a.wb-download[data-format='ttl']")
    assert turtle.is_visible()
    response = page.request.get(sample_site.url + str(turtle.get_attribute("href")))
    assert response.ok and response.headers["content-type"].startswith("text/turtle")


def test_map_draws_coastlines_and_places(page: Any, sample_site: LiveServer) -> None:
    page.goto(sample_site.url + "/map")
    page.wait_for_selector("#geokg-map[data-drawn]")
    drawn = int(page.get_attribute("#geokg-map", "data-drawn"))
    assert drawn > 0 and page.locator("#geokg-map a.wb-mark").count() == drawn
    assert page.locator("#geokg-map .wb-land path").count() > 0
    page.screenshot(path=str(ARTIFACTS / "map.png"), full_page=True)
    assert _blocked_scripts(page) == [] and page.errors == []


def test_search_page(page: Any, sample_site: LiveServer) -> None:
    page.goto(sample_site.url + "/")
    page.fill("#wb-search-q", "Waffenruhe")
    page.press("#wb-search-q", "Enter")
    page.wait_for_selector("#search-results li")
    assert "waffenruhe" in page.inner_text("#search-results").lower()
    page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)

