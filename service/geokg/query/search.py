"""Full-text search over entity names, aliases and evidence sentences, German and English.

Words are reduced to *keys*: case and accents folded (umlauts too: a search box is no place
to tell "Selenskyj" from "Selenskij" by an accent), plus the German and English lemma
(simplemma), plus the word without a final -s, the German genitive ("Russlands" →
russland) that simplemma leaves alone. A text matches a query when every query word shares a key with a
word of the text; a query word of four letters or more also matches as a prefix, so
"waffenruhe" finds German compounds such as "Waffenruheabkommen".

The index is SQLite FTS5, in a file beside the embedded store (in memory for other
stores). It follows the store by content hash: every article graph and every reference
graph carries `gk:contentHash`, so `sync()` indexes what is new or changed and drops what
is gone, whoever wrote to the store (the API, `geokg ingest` in another process, a
remote writer). Searching always syncs first, so a search never misses a stored article.

The same matching is offered inside SPARQL as two functions (see `SPARQL_FUNCTIONS`):
`gkf:matches(?text, "query")` (xsd:boolean) and `gkf:score(?text, "query")` (xsd:double,
the share of query words found).
"""

from __future__ import annotations

import fcntl
import json
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import simplemma

from geokg.errors import InputError
from geokg.store.base import Store
from geokg.vocab import DCTERMS, GK, NIF, RDFS, SKOS

FUNCTION_NS = "https://w3id.org/geokg/function#"
MATCHES = FUNCTION_NS + "matches"
SCORE = FUNCTION_NS + "score"
MAX_QUERY_CHARS = 300
MAX_QUERY_WORDS = 12
PREFIX_MIN_LENGTH = 4
_WORD = re.compile(r"\w+", re.UNICODE)


# --- analysis ------------------------------------------------------------------------

def fold(text: str) -> str:
    """Casefolded, ß as ss, every diacritic removed (Erdoğan, Selenskyj → erdogan, ...)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def word_keys(word: str) -> frozenset[str]:
    """Every form a word may be found under: folded, its lemmas, its genitive stem.

    The lemmatizer is case-sensitive (German nouns are capitalized), and queries come in
    any case, so a word is lemmatized as written, in lower case and capitalized.
    """
    folded = fold(word)
    keys = {folded}
    for form in {word, word.lower(), word.capitalize()}:
        keys.add(fold(simplemma.lemmatize(form, lang="de")))
        keys.add(fold(simplemma.lemmatize(form, lang="en")))
    if len(folded) > 4 and folded.endswith("s") and not folded.endswith("ss"):
        keys.add(folded[:-1])  # an extra key only widens a match: "russlands" finds Russland
    return frozenset(k for k in keys if k)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@lru_cache(maxsize=16384)
def text_keys(text: str) -> frozenset[str]:
    """All keys of all words of a text (cached: SPARQL calls this once per row)."""
    return frozenset(k for w in words(text) for k in word_keys(w))


def query_words(query: str) -> list[frozenset[str]]:
    """The key sets of the words of a query; InputError when there is nothing to search."""
    if len(query) > MAX_QUERY_CHARS:
        raise InputError(f"the search query has {len(query)} characters; at most "
                         f"{MAX_QUERY_CHARS} are accepted")
    found = words(query)
    if not found:
        raise InputError("the search query has no words to search for")
    if len(found) > MAX_QUERY_WORDS:
        raise InputError(f"the search query has {len(found)} words; at most {MAX_QUERY_WORDS}")
    return [word_keys(w) for w in found]


def _word_found(keys: frozenset[str], haystack: frozenset[str]) -> bool:
    if keys & haystack:
        return True
    stems = [k for k in keys if len(k) >= PREFIX_MIN_LENGTH]
    return any(h.startswith(stem) for stem in stems for h in haystack)


def score(text: str | None, query: str | None) -> float | None:
    """Share of the query's words found in the text (0.0 to 1.0); None without both."""
    if text is None or query is None:
        return None
    wanted = _cached_query(query)
    haystack = text_keys(text)
    return sum(_word_found(keys, haystack) for keys in wanted) / len(wanted)


def matches(text: str | None, query: str | None) -> bool | None:
    """Whether every word of the query is found in the text."""
    found = score(text, query)
    return None if found is None else found == 1.0


@lru_cache(maxsize=256)
def _cached_query(query: str) -> tuple[frozenset[str], ...]:
    return tuple(query_words(query))


#: SPARQL function IRI -> implementation over plain strings (see OxigraphStore.add_function).
SPARQL_FUNCTIONS: dict[str, Callable[..., object]] = {MATCHES: matches, SCORE: score}


def fts_expression(query: str, any_word: bool = False) -> str:
    """The FTS5 MATCH expression: every query word (or any, for `any_word`), each by any
    of its keys or, from four letters on, as a prefix."""
    clauses = []
    for keys in query_words(query):
        options = sorted({f'"{k}"' for k in keys} |
                         {f'"{k}"*' for k in keys if len(k) >= PREFIX_MIN_LENGTH})
        clauses.append("(" + " OR ".join(options) + ")")
    return (" OR " if any_word else " AND ").join(clauses)


# --- the index -----------------------------------------------------------------------

@dataclass(frozen=True)
class Hit:
    kind: str  # label | alias | sentence | title
    iri: str  # the entity, term, evidence sentence or article
    text: str
    graph: str
    links: list[str]  # types of an entity; events a sentence is evidence of
    rank: float  # FTS5 bm25: lower is better

    def to_json(self) -> dict[str, object]:
        return {"kind": self.kind, "iri": self.iri, "text": self.text, "graph": self.graph,
                "links": self.links, "rank": round(self.rank, 4)}


_SCHEMA = """
CREATE TABLE IF NOT EXISTS graphs(iri TEXT PRIMARY KEY, hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS doc_graph(doc INTEGER PRIMARY KEY, graph TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS doc_graph_by_graph ON doc_graph(graph);
CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5(
    keys, kind UNINDEXED, iri UNINDEXED, text UNINDEXED, graph UNINDEXED, links UNINDEXED,
    tokenize = "unicode61 remove_diacritics 0");
"""
_GRAPHS = f"""SELECT ?g ?hash ?article WHERE {{ GRAPH ?g {{ ?g <{GK.contentHash}> ?hash
  BIND(EXISTS {{ ?g a <{GK.Article}> }} AS ?article) }} }}"""
_NAMES = f"""SELECT ?g ?s ?p ?text (GROUP_CONCAT(DISTINCT STR(?type); separator=" ") AS ?links)
WHERE {{ VALUES ?g {{ {{graphs}} }} GRAPH ?g {{ ?s ?p ?text
  FILTER(?p IN (<{RDFS.label}>, <{SKOS.altLabel}>)) OPTIONAL {{ ?s a ?type }} }} }}
GROUP BY ?g ?s ?p ?text"""
_SENTENCES = f"""SELECT ?g ?s ?text (GROUP_CONCAT(DISTINCT STR(?event); separator=" ") AS ?links)
WHERE {{ VALUES ?g {{ {{graphs}} }} GRAPH ?g {{ ?s <{NIF.anchorOf}> ?text
  OPTIONAL {{ ?event <{GK.evidence}> ?s }} }} }} GROUP BY ?g ?s ?text"""
_TITLES = f"""SELECT ?g ?s ?text WHERE {{ VALUES ?g {{ {{graphs}} }}
  GRAPH ?g {{ ?s <{DCTERMS.title}> ?text }} }}"""
#: Graphs read per query while indexing (one query per graph costs ~10 ms each).
_BATCH = 100
#: How long opening or writing the index waits for another process that holds it.
LOCK_WAIT_SECONDS = 60.0
Document = tuple[str, str, str, str]  # kind, iri, text, links


@contextmanager
def _one_process_at_a_time(path: Path | None) -> Iterator[None]:
    """Creating the index file is done by one process at a time (gunicorn's workers start
    together): an exclusive lock on a file beside it, held until the schema is written."""
    if path is None:
        yield
        return
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


class SearchIndex:
    """An FTS5 index that mirrors the searchable text of a store (see the module doc)."""

    def __init__(self, store: Store, path: Path | None = None):
        self.store = store
        self.path = path
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        # (gunicorn's workers open one index file at once: while one creates it or writes a
        # long batch, the others wait for it rather than fail their boot after sqlite's 5 s)
        self._db = sqlite3.connect(str(path) if path else ":memory:", check_same_thread=False,
                                   timeout=LOCK_WAIT_SECONDS)
        self._lock = threading.Lock()
        self._seen_generation: int | None = None
        with self._lock, _one_process_at_a_time(path), self._db:
            # Derived data, rebuilt from the store when lost: WAL without a sync per commit
            # (asked for only once: switching needs the file to itself, and sqlite answers
            # "locked" at once, without waiting, when another process has it open)
            if self._db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)

    def sync(self) -> int:
        """Bring the index in line with the store; returns how many graphs changed.

        A store that counts its writes (`generation`, the embedded one) is listed only
        after a write; others are listed on every call (one query over the named graphs).
        """
        with self._lock:
            generation = self.store.generation
            if generation is not None and generation == self._seen_generation:
                return 0
            stored = {r["g"]: (r["hash"], r["article"] == "true")
                      for r in self.store.query(_GRAPHS).rows() if r["g"] and r["hash"]}
            indexed = dict(self._db.execute("SELECT iri, hash FROM graphs").fetchall())
            changed = [g for g, (h, _) in stored.items() if indexed.get(g) != h]
            gone = [g for g in indexed if g not in stored]
            with self._db:
                for graph in gone:
                    self._replace(graph, None, [])
            for first in range(0, len(changed), _BATCH):
                batch = changed[first:first + _BATCH]
                found = self._documents([g for g in batch if stored[g][1]], articles=True)
                found.update(self._documents([g for g in batch if not stored[g][1]], articles=False))
                with self._db:  # one transaction per batch: a reader never sees half a graph
                    for graph in batch:
                        self._replace(graph, stored[graph][0], found.get(graph, []))
            self._seen_generation = generation
            return len(changed) + len(gone)

    def _documents(self, graphs: list[str], *, articles: bool) -> dict[str, list[Document]]:
        """Documents per graph: sentences and titles of articles, names and aliases of
        anything else (the gazetteer, the ontology)."""
        found: dict[str, list[Document]] = {}
        if not graphs:
            return found
        if articles:
            for r in self._rows(_SENTENCES, graphs):
                found.setdefault(r["g"], []).append(("sentence", r["s"], r["text"], r["links"]))
            for r in self._rows(_TITLES, graphs):
                found.setdefault(r["g"], []).append(("title", r["s"], r["text"], ""))
            return found
        for r in self._rows(_NAMES, graphs):
            kind = "alias" if r["p"] == str(SKOS.altLabel) else "label"
            found.setdefault(r["g"], []).append((kind, r["s"], r["text"], r["links"]))
        return found

    def _rows(self, template: str, graphs: list[str]) -> list[dict[str, str]]:
        """Rows of a template over graphs named by the store itself (so they are IRIs)."""
        rows = self.store.query(template.replace("{graphs}", " ".join(f"<{g}>" for g in graphs)))
        return [{k: v or "" for k, v in row.items()} for row in rows.rows() if row.get("text")]

    def _replace(self, graph: str, digest: str | None, documents: Iterable[Document]) -> None:
        """Swap one graph's documents (the caller holds the transaction).

        `doc_graph` finds a graph's documents by index: FTS5 cannot index its `graph`
        column, and scanning it per graph made a first build quadratic.
        """
        old = "SELECT doc FROM doc_graph WHERE graph = ?"
        self._db.execute(f"DELETE FROM docs WHERE rowid IN ({old})", (graph,))
        self._db.execute("DELETE FROM doc_graph WHERE graph = ?", (graph,))
        self._db.execute("DELETE FROM graphs WHERE iri = ?", (graph,))
        if digest is None:
            return
        for kind, iri, text, links in documents:
            cursor = self._db.execute(
                "INSERT INTO docs(keys, kind, iri, text, graph, links) VALUES (?, ?, ?, ?, ?, ?)",
                (" ".join(sorted(text_keys(text))), kind, iri, text, graph,
                 json.dumps(links.split())))
            self._db.execute("INSERT INTO doc_graph(doc, graph) VALUES (?, ?)",
                             (cursor.lastrowid, graph))
        self._db.execute("INSERT INTO graphs(iri, hash) VALUES (?, ?)", (graph, digest))

    def search(self, query: str, *, kinds: Iterable[str] | None = None, limit: int = 20,
               any_word: bool = False) -> list[Hit]:
        """Best matches first (FTS5 bm25); `kinds` narrows to label/alias/sentence/title."""
        expression = fts_expression(query, any_word)
        self.sync()
        wanted = sorted(set(kinds or ()))
        sql = "SELECT kind, iri, text, graph, links, bm25(docs) FROM docs WHERE docs MATCH ?"
        params: list[object] = [expression]
        if wanted:
            sql += f" AND kind IN ({', '.join('?' * len(wanted))})"
            params += wanted
        sql += " ORDER BY bm25(docs) LIMIT ?"
        params.append(limit)
        with self._lock:
            rows = self._db.execute(sql, params).fetchall()
        return [Hit(kind, iri, text, graph, json.loads(links), rank)
                for kind, iri, text, graph, links, rank in rows]

    def close(self) -> None:
        with self._lock:
            self._db.close()


def index_path(data_dir: Path | None) -> Path | None:
    """Where the index of an embedded store lives: beside its folder, never inside it
    (the folder belongs to RocksDB)."""
    if data_dir is None:
        return None
    return data_dir.parent / f"{data_dir.name}.search.sqlite3"
