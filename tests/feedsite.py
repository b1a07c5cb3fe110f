"""A news site of our own for the feed tests: invented articles (no real news text), their
pages, RSS, Atom and JSON Feed documents about them, and a local HTTP server that serves
whatever a test puts on it (with ETag/Last-Modified, delays, trickled bodies, redirects)
and records every request."""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from geokg.config import Settings
from geokg.feeds.state import FeedState


@dataclass(frozen=True)
class Story:
    """An invented article."""

    slug: str
    lang: str
    title: str
    paragraphs: tuple[str, ...]
    published: dt.datetime

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


_WHEN = dt.datetime(2026, 3, 2, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))

STORIES = [
    Story("fischerei", "de", "Frankreich und Spanien einigen sich über Fischerei", (
        "Die Regierungen Frankreichs und Spaniens haben am Montag in Madrid ein Abkommen über "
        "die Fangquoten im Golf von Biskaya unterzeichnet.",
        "Beide Seiten sprachen von einem fairen Ausgleich zwischen den Küstenorten. Die Quoten "
        "gelten zunächst für drei Jahre und sollen danach überprüft werden.",
        "Vertreter der Fischer begrüßten die Einigung, forderten aber mehr Geld für neue Boote."),
     _WHEN),
    Story("rail-talks", "en", "Norway and Sweden discuss a faster rail link", (
        "Norway and Sweden held talks in Oslo on Monday about a faster rail link between their "
        "capitals.",
        "Officials from both countries said the planning would take at least two more years. "
        "The line is meant to cut the journey to under four hours.",
        "Local councils along the route asked for stations in smaller towns as well."),
     _WHEN + dt.timedelta(minutes=20)),
    Story("wasser", "de", "Österreich fordert von Ungarn mehr Schutz der Donau", (
        "Österreich hat Ungarn am Montag aufgefordert, die Donau besser vor Abwässern zu "
        "schützen.",
        "Die Umweltministerin sagte in Wien, die Messwerte seien im Winter deutlich gestiegen. "
        "Eine gemeinsame Kommission soll bis zum Sommer einen Bericht vorlegen.",
        "Fachleute halten eine schnelle Lösung für unwahrscheinlich."),
     _WHEN + dt.timedelta(minutes=40)),
    Story("grain", "en", "Canada and Mexico sign an agreement on grain exports", (
        "Canada and Mexico signed an agreement on grain exports in Ottawa on Monday.",
        "The deal lowers inspection fees for wheat and maize shipped by rail. Farmers' groups "
        "in both countries welcomed the step.",
        "The agreement takes effect at the start of next month."),
     _WHEN + dt.timedelta(hours=1)),
    Story("brueckenbau", "de", "Polen und Tschechien planen neue Grenzbrücke", (
        "Polen und Tschechien haben am Montag Gespräche über eine neue Brücke an der Grenze "
        "geführt.",
        "Die Verkehrsminister beider Länder trafen sich in Prag. Der Bau könnte im kommenden "
        "Jahr beginnen, wenn die Finanzierung steht.",
        "Anwohner hoffen auf weniger Verkehr in den Ortskernen."),
     _WHEN + dt.timedelta(hours=2)),
]


def story(slug: str) -> Story:
    return next(s for s in STORIES if s.slug == slug)


def page(item: Story, *, extra: str = "", lang: str | None = None) -> bytes:
    """The article as a news site serves it: navigation, the article, a footer."""
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in item.paragraphs)
    return f"""<!doctype html>
<html lang="{lang or item.lang}"><head><meta charset="utf-8">
<title>{html.escape(item.title)} | Beispielzeitung</title>
<meta property="og:title" content="{html.escape(item.title)}">
<meta property="article:published_time" content="{item.published.isoformat()}">
</head><body>
<nav><a href="/">Start</a> <a href="/politik">Politik</a> <a href="/wirtschaft">Wirtschaft</a></nav>
<main><article><h1>{html.escape(item.title)}</h1>
{body}{extra}</article></main>
<footer><p>Impressum · Datenschutz · Kontakt</p></footer>
</body></html>""".encode()


def rss(site: str, items: list[Story], *, path: str = "/news/{slug}") -> bytes:
    entries = "".join(f"""
  <item><title>{html.escape(s.title)}</title>
    <link>{html.escape(site + path.format(slug=s.slug))}</link>
    <guid>{html.escape(site + path.format(slug=s.slug))}</guid>
    <pubDate>{email.utils.format_datetime(s.published)}</pubDate></item>""" for s in items)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Beispielzeitung</title><link>{site}/</link>
<description>Invented news for tests</description><language>de</language>{entries}
</channel></rss>""".encode()


def atom(site: str, items: list[Story], *, updated: dict[str, dt.datetime] | None = None,
         path: str = "/news/{slug}") -> bytes:
    updated = updated or {}
    entries = "".join(f"""
  <entry><title>{html.escape(s.title)}</title>
    <link href="{html.escape(site + path.format(slug=s.slug))}"/>
    <id>tag:beispiel.example,2026:{s.slug}</id>
    <published>{s.published.isoformat()}</published>
    <updated>{updated.get(s.slug, s.published).isoformat()}</updated></entry>""" for s in items)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Beispielzeitung</title>
<id>tag:beispiel.example,2026:feed</id><updated>{_WHEN.isoformat()}</updated>{entries}
</feed>""".encode()


def json_feed(site: str, items: list[Story], *, path: str = "/news/{slug}") -> bytes:
    return json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": "Beispielzeitung",
        "home_page_url": f"{site}/", "language": "en",
        "items": [{"id": s.slug, "url": f"{site}{path.format(slug=s.slug)}", "title": s.title,
                   "date_published": s.published.isoformat()} for s in items]}).encode()


# --- the server ----------------------------------------------------------------------------

@dataclass
class Route:
    """What the site answers on one path."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # before the status line
    trickle: float = 0.0  # seconds between bytes of the body


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    status: int
    at: float = field(default_factory=time.monotonic)  # when the request arrived


class FeedSite:
    """A threaded HTTP server on 127.0.0.1 with `routes` a test fills in."""

    def __init__(self) -> None:
        self.routes: dict[str, Route | Callable[[], Route]] = {}
        self.hits: list[Hit] = []
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                site.answer(self)

            def log_message(self, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = int(self.server.server_address[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        route = self.routes.get(path)
        if callable(route):
            route = route()
        if route is None:
            route = Route(b"not here", status=404, content_type="text/plain")
        status = route.status
        if route.etag and handler.headers.get("If-None-Match") == route.etag or \
                route.last_modified and handler.headers.get("If-Modified-Since") == route.last_modified:
            status = 304
        with self.lock:
            self.hits.append(Hit(path, dict(handler.headers), status))
        time.sleep(route.delay)
        try:
            handler.send_response(status)
            body = b"" if status == 304 else route.body
            if status != 304:
                handler.send_header("Content-Type", route.content_type)
            for name, value in {**route.headers, **({"ETag": route.etag} if route.etag else {}),
                                **({"Last-Modified": route.last_modified}
                                   if route.last_modified else {})}.items():
                handler.send_header(name, value)
            if "Content-Length" not in route.headers:
                handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            if route.trickle:
                for index in range(len(body)):
                    handler.wfile.write(body[index:index + 1])
                    handler.wfile.flush()
                    time.sleep(route.trickle)
            else:
                handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the watcher gave up on a slow answer: what the test wanted

    def requests_for(self, path: str) -> list[Hit]:
        with self.lock:
            return [hit for hit in self.hits if hit.path == path]

    def put_story(self, item: Story, *, path: str = "/news/{slug}", **route: object) -> str:
        """Serve the story's page; returns its URL."""
        where = path.format(slug=item.slug)
        self.routes[where] = Route(page(item), **route)  # type: ignore[arg-type]
        return self.url + where

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@contextmanager
def feed_site() -> Iterator[FeedSite]:
    site = FeedSite()
    try:
        yield site
    finally:
        site.close()


def write_feed_list(folder: Path, feeds: list[dict[str, object]], *, yaml: bool = False) -> Path:
    """A feed list file (TOML, or YAML) with the given entries."""
    if yaml:
        import yaml as pyyaml

        path = folder / "feeds.yaml"
        path.write_text(pyyaml.safe_dump({"feeds": feeds}), encoding="utf-8")
        return path
    path = folder / "feeds.toml"
    lines = []
    for entry in feeds:
        lines.append("[[feeds]]")
        lines += [f"{key} = {json.dumps(value)}" for key, value in entry.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def watcher_settings(folder: Path, site: FeedSite, feed_list: Path, **overrides: object) -> Settings:
    """Settings of a watcher that may reach exactly this site's host:port, quickly."""
    values: dict[str, object] = dict(
        store=f"oxigraph:{folder / 'data'}", feeds=str(feed_list),
        feeds_state=str(folder / "state.sqlite"), feeds_allow_private=f"127.0.0.1:{site.port}",
        feeds_host_delay=0.0, feeds_retry_delay=0.05, feeds_timeout=3.0, feeds_retries=1,
        statistics_delay=0.0)
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def with_paragraph(item: Story, paragraph: str) -> Story:
    return replace(item, paragraphs=(*item.paragraphs, paragraph))


def published_ago(item: Story, minutes: float) -> Story:
    """The story as published `minutes` ago."""
    return replace(item, published=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=minutes))


def first_read_ago(settings: Settings, feeds: dict[str, str], minutes: float) -> None:
    """Record that the watcher first read these feeds (name: URL) `minutes` ago, empty
    then: items published since count in the lag, as they do for a feed followed a while."""
    assert settings.feeds_state_path is not None
    state = FeedState(settings.feeds_state_path)
    try:
        state.sync_feeds(list(feeds.items()))
        for name in feeds:
            state.record_poll(name, [], validators=(None, None), language=None, without_link=0,
                              max_new=0, now=time.time() - minutes * 60, next_poll=0)
    finally:
        state.close()
