"""The one orchestrator: text → extraction → RDF → SHACL → store.

Ingestion is atomic and idempotent. An article is addressed by the hash of its text, so
the same text ingested twice is found and left alone; its graph is validated as a whole
before the store sees it, and stored in one transaction, so a rejected article leaves the
store exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from rdflib import Graph, Literal, URIRef

from geokg.config import Settings
from geokg.errors import InputError
from geokg.extract import article_id, read_article
from geokg.extract.gazetteer import GAZETTEER_DIR, Gazetteer, load_gazetteer
from geokg.extract.html import read_html
from geokg.extract.model import Article
from geokg.graph.build import article_graph, gazetteer_graph, with_period_index
from geokg.graph.iris import Minter
from geokg.graph.validate import check
from geokg.pipeline.statistics import refresh_statistics
from geokg.resources import ONTOLOGY_FILE
from geokg.resources import SAMPLE_ARTICLES as SAMPLE_ARTICLES  # re-exported: older imports
from geokg.store import Store, open_store
from geokg.store.base import graph_content
from geokg.vocab import DCTERMS, GK, SEM

log = logging.getLogger(__name__)

#: Characters an IRI may not contain (RFC 3987); a URL with them cannot become schema:url.
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')


@dataclass
class IngestResult:
    article_id: str
    article_iri: str
    created: bool  # False when the same text was already stored
    title: str | None = None
    lang: str | None = None
    events: list[dict[str, object]] = field(default_factory=list)
    entities: list[dict[str, str | None]] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {"id": self.article_id, "iri": self.article_iri, "created": self.created,
                "title": self.title, "lang": self.lang, "events": self.events,
                "entities": self.entities}


@dataclass
class ArticleInput:
    """An article as it arrives: text plus optional metadata (JSON, JSON Lines, plain text)."""

    text: str
    published: dt.date | None = None
    lang: str | None = None
    url: str | None = None
    title: str | None = None

    @classmethod
    def from_html(cls, html: str | bytes, **overrides: str | None) -> ArticleInput:
        """A saved web page: main text and metadata by trafilatura; explicit values win."""
        found = read_html(html)
        found.update({k: v for k, v in overrides.items() if v})
        return cls.from_mapping(found)

    @classmethod
    def from_mapping(cls, data: dict[str, object]) -> ArticleInput:
        text = data.get("text")
        if not isinstance(text, str):
            raise InputError("the article needs a 'text' field with the article as a string")
        for name in ("url", "lang", "title"):
            value = data.get(name)
            if value is not None and not isinstance(value, str):
                raise InputError(f"'{name}' must be a string")
        return cls(text=text, published=parse_published(data.get("published")),
                   lang=_opt_str(data.get("lang")), url=_opt_str(data.get("url")),
                   title=_opt_str(data.get("title")))


#: Publication dates geokg reads articles of. Why a range: relative dates ("last Friday",
#: "im Vormonat") are resolved by date arithmetic from the publication day, which overflows
#: near the years 1 and 9999, and the gazetteer's offices and states are those of modern
#: news; a date outside is a typo or a placeholder ("0001-01-01"), not an article's.
PUBLISHED_RANGE = (dt.date(1900, 1, 1), dt.date(2100, 12, 31))


def parse_published(value: object) -> dt.date | None:
    """A date, or an ISO 8601 date-time of which the day is kept, within PUBLISHED_RANGE;
    anything else is refused (a prefix of garbage such as "2024-11-16T99" is not a date).
    Every way in (JSON, query string, HTML metadata, files, `Pipeline.ingest`) comes here."""
    if value is None or value == "":
        return None
    day: dt.date | None = None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        try:
            day = dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            pass
    if day is None:
        raise InputError(f"'published' must be a date as YYYY-MM-DD, got {value!r}")
    earliest, latest = PUBLISHED_RANGE
    if not earliest <= day <= latest:
        raise InputError(f"'published' must be a date from {earliest} to {latest}, got {value!r}")
    return day


def _opt_str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


class Pipeline:
    def __init__(self, settings: Settings, store: Store | None = None,
                 gazetteer: Gazetteer | None = None):
        self.settings = settings
        self.store = store if store is not None else open_store(settings)
        self.gazetteer = gazetteer or load_gazetteer()
        self.mint = Minter(settings.base_iri)
        #: Article graphs found without the period index when a new version first opened
        #: the store (`geokg serve` completes them; checked only then: it reads every date).
        self.unindexed = 0
        self.ensure_reference_graphs()

    # -- reference data --------------------------------------------------------------------
    def ensure_reference_graphs(self) -> None:
        """Load the ontology and the gazetteer into their graphs when missing or changed, and
        compute the statistics graph when missing (a few ms on a new store; an existing one
        is kept, see `geokg.pipeline.statistics` for who refreshes it). A changed ontology means a
        store written by another version: the statistics are recomputed and graphs without
        the period index are reported."""
        upgraded = self._put_reference(self.mint.ontology_graph, _files_hash([ONTOLOGY_FILE]),
                                       lambda: Graph().parse(ONTOLOGY_FILE))
        self._put_reference(self.mint.gazetteer_graph, _files_hash(sorted(GAZETTEER_DIR.glob("*"))),
                            lambda: gazetteer_graph(self.gazetteer, self.mint))
        if upgraded:  # a new store, or one written by another version: derived data may lag
            self._check_period_index()
        if upgraded or not self.store.has_graph(str(self.mint.statistics_graph)):
            refresh_statistics(self.store, self.mint)

    def _check_period_index(self) -> None:
        """Say when graphs lack the period index. Why not complete it here: at 10M triples
        that takes minutes, longer than a server may take to start (`geokg serve`, `load`
        and `reindex` complete it with a progress bar)."""
        missing = self.unindexed = len(unindexed_graphs(self.store))
        if missing:
            log.warning("%d article graphs lack the period index (gk:inPeriod) and are missing "
                        "from period queries: run `geokg reindex`", missing)

    def _put_reference(self, iri: str, digest: str, build: Callable[[], Graph]) -> bool:
        """Whether the graph had to be (re)written."""
        ask = f'ASK {{ GRAPH <{iri}> {{ <{iri}> <{GK.contentHash}> "{digest}" }} }}'
        if self.store.query(ask).boolean:
            return False
        graph = build()
        graph.add((URIRef(iri), GK.contentHash, Literal(digest)))
        self.put_validated(iri, graph)  # a gazetteer row that breaks the shapes stops here
        return True

    # -- ingestion -------------------------------------------------------------------------
    def ingest(self, text: str, *, published: dt.date | str | None = None,
               lang: str | None = None, url: str | None = None,
               title: str | None = None) -> IngestResult:
        """Read, validate and store one article; the same text twice is stored once."""
        item = checked_input(text, published=published, lang=lang, url=url, title=title,
                             max_chars=self.settings.max_article_chars)
        iri = self.iri_of(item)
        if self.store.has_graph(iri):
            return IngestResult(article_id(item.text), iri, created=False)
        prepared = prepare_article(item, self.gazetteer, self.mint)
        self.store.put_graph(prepared.iri, prepared.ntriples)
        return prepared.result

    def iri_of(self, item: ArticleInput) -> str:
        """The IRI an article (already `checked_input`) is stored under: it names its text."""
        return str(self.mint.article(article_id(item.text)))

    def put_validated(self, graph_iri: str, graph: Graph) -> None:
        """Store a graph under `graph_iri` only if it conforms to the shapes.

        Raises ShapeViolation (with the report) and leaves the store untouched otherwise;
        the store replaces the graph in one transaction, so readers never see half of it.
        """
        check(graph)
        self.store.put_graph(graph_iri, graph.serialize(format="nt"))

    def ingest_input(self, item: ArticleInput) -> IngestResult:
        return self.ingest(item.text, published=item.published, lang=item.lang, url=item.url,
                           title=item.title)


#: Article graphs holding a date the period index (gk:inPeriod) should cover but does not:
#: an article's issue day, or an event whose bounds lie within one calendar year.
_UNINDEXED = f"""SELECT DISTINCT ?graph WHERE {{ GRAPH ?graph {{
  ?graph a <{GK.Article}> .
  {{ ?node <{DCTERMS.issued}> ?day }}
  UNION
  {{ ?node <{SEM.hasEarliestBeginTimeStamp}> ?first ; <{SEM.hasLatestEndTimeStamp}> ?last
     FILTER (YEAR(?first) = YEAR(?last)) }}
  FILTER NOT EXISTS {{ ?node <{GK.inPeriod}> ?period }} }} }}"""


def unindexed_graphs(store: Store) -> list[str]:
    """Article graphs the period index does not cover: written by a geokg older than the
    index, or loaded from its dumps; they would drop out of every period query."""
    return [row["graph"] or "" for row in store.query(_UNINDEXED).rows()]


def reindex_graph(store: Store, iri: str) -> None:
    """Derive gk:inPeriod in one stored article graph; its other triples stay as they are."""
    ntriples = b"".join(graph_content(store, iri, "application/n-triples")).decode("utf-8")
    store.put_graph(iri, with_period_index(ntriples))


@dataclass
class PreparedArticle:
    """An article read, turned into RDF and validated: all one store write needs."""

    iri: str
    ntriples: str
    result: IngestResult


def checked_input(text: object, *, published: dt.date | str | None = None,
                  lang: str | None = None, url: str | None = None,
                  title: str | None = None, max_chars: int = Settings.max_article_chars) -> ArticleInput:
    """An article as ingest reads it: text cleaned, metadata checked (InputError otherwise)."""
    clean = _clean_text(text, max_chars)
    if lang is not None and lang not in ("de", "en"):
        raise InputError(f"'lang' must be 'de' or 'en', got {lang!r}")
    _check_metadata(url, title)
    return ArticleInput(text=clean, published=parse_published(published), lang=lang, url=url,
                        title=title)


def prepare_article(item: ArticleInput, gazetteer: Gazetteer, mint: Minter) -> PreparedArticle:
    """Everything ingest does to a `checked_input` article except the store write: extract,
    build the graph, validate it (ShapeViolation otherwise).

    Why apart from Pipeline: it needs no store and is CPU-bound, so bulk ingest
    (`geokg.pipeline.bulk`) runs it in worker processes and keeps only the write in the main one.
    """
    article = read_article(item.text, published=item.published, lang=item.lang, url=item.url,
                           title=item.title, gazetteer=gazetteer)
    graph = article_graph(article, gazetteer, mint, dt.datetime.now(dt.UTC).replace(microsecond=0))
    check(graph)
    iri = str(mint.article(article.id))
    return PreparedArticle(iri, graph.serialize(format="nt"), ingest_result(article, iri, gazetteer))


def ingest_result(article: Article, iri: str, gaz: Gazetteer) -> IngestResult:
    """What the ingest API answers about a newly stored article."""
    events = [{
        "type": e.type.value, "participants": e.participants, "addressees": e.addressees,
        "territories": e.territories, "topic": e.topic,
        "date": e.date.iso() if e.date else None, "sentence": e.sentence.text,
    } for e in article.events]
    keys = sorted({m.entity for m in article.mentions})
    entities = [{"key": k, "label": gaz.entities[k].label_en, "type": gaz.entities[k].kind,
                 "wikidata": gaz.entities[k].qid} for k in keys]
    return IngestResult(article.id, iri, True, article.title, article.lang, events, entities)


ARTICLE_SUFFIXES = (".txt", ".json", ".jsonl", ".html", ".htm")


def article_files(path: Path) -> list[Path]:
    """The article files a path names: itself, or a folder's .txt/.json/.jsonl/.html files.

    Why apart from `read_inputs`: a caller reading a folder file by file can reject one
    broken file and still read the others.
    """
    if path.is_dir():
        return sorted(c for c in path.iterdir() if c.suffix in ARTICLE_SUFFIXES and c.is_file())
    return [path]


def read_inputs(path: Path) -> Iterator[ArticleInput]:
    """Articles from a file: `.txt` (plain text), `.json` (one object or a list), `.jsonl`,
    `.html` (a saved web page).

    Every problem is an InputError naming the file (and the line of a .jsonl)."""
    if path.is_dir():
        for child in article_files(path):
            yield from read_inputs(child)
        return
    if path.suffix in (".html", ".htm"):
        yield ArticleInput.from_html(path.read_bytes())
        return
    text = _decode(path.read_bytes(), path)
    if path.suffix == ".jsonl":
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                where = f"{path}:{number}"
                yield _article_from_json(_json_value(line, where), where)
    elif path.suffix == ".json":
        data = _json_value(text, str(path))
        items = data if isinstance(data, list) else [data]
        for number, item in enumerate(items, 1):
            yield _article_from_json(item, f"{path}: item {number}")
    else:
        yield ArticleInput(text=text)


def read_jsonl_line(raw: bytes, where: str) -> ArticleInput:
    """One line of a .jsonl file as an article; InputError naming `where` otherwise.

    Why apart from `read_inputs`: bulk ingest streams big files line by line and rejects a
    broken line alone, where `read_inputs` stops at the first problem.
    """
    return _article_from_json(_json_value(_decode(raw, where), where), where)


def _article_from_json(data: object, where: str) -> ArticleInput:
    if not isinstance(data, dict):
        raise InputError(f"{where}: each article must be a JSON object")
    try:
        return ArticleInput.from_mapping(data)
    except InputError as exc:
        raise InputError(f"{where}: {exc}") from None


def _json_value(text: str, where: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc})") from None


def _decode(raw: bytes, where: object) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def _clean_text(text: object, limit: int) -> str:
    if not isinstance(text, str):
        raise InputError("the article text must be a string")
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    _check_chars("the article text", text)
    if not text.strip():
        raise InputError("the article text is empty")
    if len(text) > limit:
        raise InputError(f"the article has {len(text)} characters; at most "
                         f"{limit} are accepted (GEOKG_MAX_ARTICLE_CHARS)")
    return text


def _check_chars(what: str, text: str) -> None:
    """Refuse text that is not text: NUL (a binary file) and lone surrogates (which JSON's
    \\ud800 escapes can smuggle in, and which cannot be written as UTF-8)."""
    if "\x00" in text:
        raise InputError(f"{what} contains NUL characters; is it a binary file?")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"{what} is not valid Unicode (a lone surrogate at character "
                         f"{exc.start})") from None


def _check_metadata(url: str | None, title: str | None) -> None:
    """Refuse a title or URL the graph cannot hold before anything is read, so a bad value
    is a clear 400 and not a failure while the graph is written."""
    if title is not None:
        _check_chars("'title'", title)
    if url is not None:
        _check_chars("'url'", url)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc or _NOT_IN_IRI.search(url):
            raise InputError(f"'url' must be an absolute http(s) URL, got {url!r}")


def _files_hash(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return f"sha256:{digest.hexdigest()}"
