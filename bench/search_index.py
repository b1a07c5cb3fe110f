"""Full-text search: build time of the index, search latency, and the SPARQL text function.

Synthetic article graphs (each with a content hash and N evidence sentences of random
German and English words) go into an on-disk store; the index is built from it, searched,
and `gkf:matches` is run over every sentence in the store's engine.

    python bench/search_index.py [--articles 1000] [--sentences 5] [--store /tmp/geokg-search]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import statistics
import time
from pathlib import Path

import simplemma

from geokg.query.search import FUNCTION_NS, SPARQL_FUNCTIONS, SearchIndex, index_path
from geokg.store.oxigraph import OxigraphStore
from geokg.vocab import GK, NIF, RDF

WORDS = ("Waffenruhe Verhandlungen Russland Ukraine Kreml Präsident forderte Gespräch Abkommen "
         "ceasefire talks sanctions summit minister agreed called demanded Russlands Grenze").split()
QUERIES = ("waffenruhe", "ceasefire talks", "Russlands Grenze", "Gespräche", "sanctions")


def fill(store: OxigraphStore, articles: int, sentences: int) -> None:
    rng = random.Random(1)
    for number in range(articles):
        graph = f"http://example.org/article/{number}"
        digest = hashlib.sha256(str(number).encode()).hexdigest()
        lines = [f"<{graph}> <{RDF.type}> <{GK.Article}> .",
                 f'<{graph}> <{GK.contentHash}> "sha256:{digest}" .']
        for index in range(sentences):
            text = " ".join(rng.choice(WORDS) for _ in range(20)) + f" {number} {index}."
            lines.append(f'<{graph}#char={index},{index + 1}> <{NIF.anchorOf}> "{text}" .')
        store.put_graph(graph, "\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--sentences", type=int, default=5)
    parser.add_argument("--store", type=Path, default=Path("/tmp/geokg-search-bench"))
    args = parser.parse_args()
    shutil.rmtree(args.store, ignore_errors=True)
    index_file = index_path(args.store)
    if index_file is not None:
        index_file.unlink(missing_ok=True)
    started = time.perf_counter()
    simplemma.lemmatize("Hunde", lang="de"), simplemma.lemmatize("dogs", lang="en")
    dictionaries = time.perf_counter() - started

    store = OxigraphStore(args.store)
    fill(store, args.articles, args.sentences)
    index = SearchIndex(store, index_file)
    started = time.perf_counter()
    changed = index.sync()
    build = time.perf_counter() - started
    latencies = []
    for query in QUERIES * 20:
        started = time.perf_counter()
        index.search(query)
        latencies.append(time.perf_counter() - started)

    for iri, function in SPARQL_FUNCTIONS.items():
        store.add_function(iri, function)
    sparql = (f"PREFIX gkf: <{FUNCTION_NS}> SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{NIF.anchorOf}> ?t "
              'FILTER(gkf:matches(?t, "waffenruhe verhandlungen")) }')
    started = time.perf_counter()
    found = store.query(sparql).rows()[0]["n"]
    scan = time.perf_counter() - started
    store.close()
    index.close()
    total = args.articles * args.sentences
    print(f"simplemma dictionaries (de, en), once per process: {dictionaries:.2f} s")
    print(f"index build: {changed} graphs, {total} sentences: {build:.2f} s")
    print(f"search (sync included), {len(latencies)} queries: median "
          f"{statistics.median(latencies) * 1000:.1f} ms, max {max(latencies) * 1000:.1f} ms")
    print(f"SPARQL gkf:matches over {total} sentences: {scan:.2f} s ({found} matched)")


if __name__ == "__main__":
    main()
