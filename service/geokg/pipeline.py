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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from geokg import PROJECT_ROOT
from geokg.config import Settings
from geokg.errors import InputError
from geokg.extract import article_id, read_article
from geokg.extract.gazetteer import GAZETTEER_DIR, Gazetteer, load_gazetteer
from geokg.extract.model import Article
from geokg.graph.build import article_graph, gazetteer_graph
from geokg.graph.iris import Minter
from geokg.graph.validate import check
from geokg.store import Store, open_store
from geokg.vocab import GK

ONTOLOGY_FILE = PROJECT_ROOT / "ontology" / "geokg.ttl"
SAMPLE_ARTICLES = PROJECT_ROOT / "data" / "articles" / "samples.jsonl"
MAX_ARTICLE_CHARS = 1_000_000


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


def parse_published(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            pass
    raise InputError(f"'published' must be a date as YYYY-MM-DD, got {value!r}")


def _opt_str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


class Pipeline:
    def __init__(self, settings: Settings, store: Store | None = None,
                 gazetteer: Gazetteer | None = None):
        self.settings = settings
        self.store = store if store is not None else open_store(settings)
        self.gazetteer = gazetteer or load_gazetteer()
        self.mint = Minter(settings.base_iri)
        self.ensure_reference_graphs()

    # -- reference data --------------------------------------------------------------------
    def ensure_reference_graphs(self) -> None:
        """Load the ontology and the gazetteer into their graphs when missing or changed."""
        self._put_reference(self.mint.ontology_graph, _files_hash([ONTOLOGY_FILE]),
                            lambda: Graph().parse(ONTOLOGY_FILE))
        self._put_reference(self.mint.gazetteer_graph, _files_hash(sorted(GAZETTEER_DIR.glob("*"))),
                            lambda: gazetteer_graph(self.gazetteer, self.mint))

    def _put_reference(self, iri: str, digest: str, build: Callable[[], Graph]) -> None:
        ask = f'ASK {{ GRAPH <{iri}> {{ <{iri}> <{GK.contentHash}> "{digest}" }} }}'
        if self.store.query(ask).boolean:
            return
        graph = build()
        graph.add((URIRef(iri), GK.contentHash, Literal(digest)))
        self.store.put_graph(iri, graph.serialize(format="nt"))

    # -- ingestion -------------------------------------------------------------------------
    def ingest(self, text: str, *, published: dt.date | str | None = None,
               lang: str | None = None, url: str | None = None,
               title: str | None = None) -> IngestResult:
        """Read, validate and store one article; the same text twice is stored once."""
        text = _clean_text(text)
        if lang is not None and lang not in ("de", "en"):
            raise InputError(f"'lang' must be 'de' or 'en', got {lang!r}")
        published_date = parse_published(published)
        iri = str(self.mint.article(article_id(text)))
        if self.store.has_graph(iri):
            return IngestResult(article_id(text), iri, created=False)
        article = read_article(text, published=published_date, lang=lang, url=url, title=title,
                               gazetteer=self.gazetteer)
        graph = article_graph(article, self.gazetteer, self.mint,
                              dt.datetime.now(dt.UTC).replace(microsecond=0))
        check(graph)
        self.store.put_graph(iri, graph.serialize(format="nt"))
        return self._result(article, iri)

    def ingest_input(self, item: ArticleInput) -> IngestResult:
        return self.ingest(item.text, published=item.published, lang=item.lang, url=item.url,
                           title=item.title)

    def _result(self, article: Article, iri: str) -> IngestResult:
        gaz = self.gazetteer
        events = [{
            "type": e.type.value, "participants": e.participants, "addressees": e.addressees,
            "territories": e.territories, "topic": e.topic,
            "date": e.date.iso() if e.date else None, "sentence": e.sentence.text,
        } for e in article.events]
        keys = sorted({m.entity for m in article.mentions})
        entities = [{"key": k, "label": gaz.entities[k].label_en, "type": gaz.entities[k].kind,
                     "wikidata": gaz.entities[k].qid} for k in keys]
        return IngestResult(article.id, iri, True, article.title, article.lang, events, entities)


def read_inputs(path: Path) -> Iterator[ArticleInput]:
    """Articles from a file: `.txt` (plain text), `.json` (one object or a list), `.jsonl`."""
    if path.is_dir():
        for child in sorted(path.iterdir()):
            if child.suffix in (".txt", ".json", ".jsonl"):
                yield from read_inputs(child)
        return
    raw = path.read_bytes()
    if path.suffix == ".jsonl":
        for number, line in enumerate(raw.decode("utf-8").splitlines(), 1):
            if line.strip():
                yield ArticleInput.from_mapping(_json_object(line, f"{path}:{number}"))
    elif path.suffix == ".json":
        data = json.loads(_decode(raw, path))
        for item in data if isinstance(data, list) else [data]:
            yield ArticleInput.from_mapping(item)
    else:
        yield ArticleInput(text=_decode(raw, path))


def _json_object(line: str, where: str) -> dict[str, object]:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict):
        raise InputError(f"{where}: each line must be a JSON object")
    return data


def _decode(raw: bytes, where: object) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def _clean_text(text: object) -> str:
    if not isinstance(text, str):
        raise InputError("the article text must be a string")
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if "\x00" in text:
        raise InputError("the article text contains NUL characters; is it a binary file?")
    if not text.strip():
        raise InputError("the article text is empty")
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(f"the article has {len(text)} characters; at most "
                         f"{MAX_ARTICLE_CHARS} are accepted")
    return text


def _files_hash(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return f"sha256:{digest.hexdigest()}"
