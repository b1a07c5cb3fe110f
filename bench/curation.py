"""What a curation write costs (`geokg.pipeline.curation`): stage, apply, diff, validate, commit.

Three writes on the same store, each repeated and the median taken:
- `named`: an update that names one article graph (`WITH <a>`): only that graph is staged;
- `variable`: an update that reaches graphs through `GRAPH ?g` but changes one: the whole
  store is staged, so this shows what naming graphs saves;
- `put`: a Graph Store PUT of one article graph (its content plus a comment).

The store is the sample articles (default) or an N-Quads file from bench/generate.py loaded
into memory, so the figure grows with the store only where staging copies it.

    python bench/curation.py [--nquads /tmp/geokg-bench/100k.nq] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from geokg.config import Settings
from geokg.errors import GeokgError
from geokg.pipeline import Pipeline, read_inputs
from geokg.pipeline.curation import Curator
from geokg.resources import SAMPLE_ARTICLES
from geokg.store.oxigraph import OxigraphStore

TITLE = "<http://purl.org/dc/terms/title>"
ARTICLE = "<https://w3id.org/geokg/ontology#Article>"


def build_store(nquads: Path | None) -> OxigraphStore:
    store = OxigraphStore()
    if nquads is not None:
        store.load(nquads.read_bytes(), "nquads")
    pipeline = Pipeline.open(Settings(store="memory"), store)
    if nquads is None:
        for item in read_inputs(SAMPLE_ARTICLES):
            try:
                pipeline.ingest(item)
            except GeokgError:
                continue
    return store


def median_seconds(write: Callable[[int], object], repeat: int) -> float:
    times = []
    for n in range(repeat):
        started = time.perf_counter()
        write(n)
        times.append(time.perf_counter() - started)
    return round(statistics.median(times), 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nquads", type=Path, help="N-Quads file to load instead of the samples")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    store = build_store(args.nquads)
    curator = Curator(store, Settings(store="memory"))
    article = next(g for g in store.graphs() if "/article/" in g)
    content = b"".join(store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{article}> "
                                   "{ ?s ?p ?o } }").serialize("application/n-triples"))

    def named(n: int) -> object:
        return curator.update(f'WITH <{article}> DELETE {{ <{article}> {TITLE} ?t }} '
                              f'INSERT {{ <{article}> {TITLE} "named {n}" }} '
                              f'WHERE {{ OPTIONAL {{ <{article}> {TITLE} ?t }} }}')

    def variable(n: int) -> object:
        return curator.update(f'DELETE {{ GRAPH ?g {{ <{article}> {TITLE} ?t }} }} '
                              f'INSERT {{ GRAPH ?g {{ <{article}> {TITLE} "variable {n}" }} }} '
                              f'WHERE {{ GRAPH ?g {{ <{article}> a {ARTICLE} '
                              f'OPTIONAL {{ <{article}> {TITLE} ?t }} }} }}')

    def put(n: int) -> object:
        comment = f'<{article}> <http://www.w3.org/2000/01/rdf-schema#comment> "put {n}" .\n'
        return curator.replace_graph(article, content + comment.encode(), "application/n-triples")

    figures: dict[str, object] = {"quads": store.quad_count(), "graphs": len(store.graphs()),
                                  "article_triples": content.count(b"\n")}
    for name, write in (("named", named), ("variable", variable), ("put", put)):
        figures[f"{name}_s"] = median_seconds(write, args.repeat)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
